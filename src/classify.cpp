// SPDX-License-Identifier: Apache-2.0
// Classification of items against a taxonomy (see include/hrnews/classify.hpp).
#include <hrnews/classify.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <deque>
#include <forward_list>
#include <memory>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include <hrnews/extract.hpp>

#include "fold.hpp"
#include "swar.hpp"
#include "classify_detail.hpp"
#include "extract_detail.hpp"
#include "language_detail.hpp"
#include "title_phrases_detail.hpp"

namespace hrnews {
namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

// Bounds that keep classification cheap whatever the input.
constexpr std::size_t max_prefix_scan = 120;     // bytes of a title searched for the prefix separator
constexpr std::size_t max_segments_joined = 8;   // comma-separated segments tried as one label
constexpr std::size_t max_cache_entries = 4096;  // distinct category terms (and title prefixes) remembered
constexpr std::size_t title_words_enough = 8;    // a title with this many words is identified alone
constexpr std::size_t max_text_terms_scan = 1024;  // bytes of an appeal's content searched for violations
constexpr std::size_t max_summary_terms_scan = 1024;  // bytes of a summary searched for violations (some feeds put whole articles there)
constexpr std::size_t max_language_text = 160;   // bytes of the summary given to language identification
constexpr double language_stop_lead = 3.5;       // identification stops once this sure (confidence ~0.90)
constexpr double expected_language_lead = 1.5;   // ... or once the declared language leads by this much
constexpr std::size_t max_body_scan = 2048;      // bytes of an intervention's content searched for its case reference
constexpr std::size_t max_listed_unknown = 50;   // labels named in the unknown-category diagnostic
constexpr std::size_t max_counted_unknown = 10000;  // distinct unknown labels counted (the others are "more")
constexpr std::size_t max_label_bytes = 200;     // an unknown label is reported up to this length
constexpr std::size_t max_segments = 64;         // a category with more commas is not split
constexpr std::size_t max_split_bytes = 4096;    // nor one longer than this

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
bool is_alpha(char c) noexcept { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_alnum(char c) noexcept { return is_alpha(c) || is_digit(c); }

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  // U+00A0 (no-break space) is common around separators in web text.
  while (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xC2 && static_cast<unsigned char>(s[1]) == 0xA0) {
    s.remove_prefix(2);
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  }
  while (s.size() >= 2 && static_cast<unsigned char>(s[s.size() - 2]) == 0xC2 &&
         static_cast<unsigned char>(s.back()) == 0xA0) {
    s.remove_suffix(2);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  }
  return s;
}

using detail::lower_ascii;

/// The primary subtag of a language tag, lower case: `en-GB` → `en`.
std::string primary_language(std::string_view tag) {
  const std::size_t end = tag.find_first_of("-_");
  return lower_ascii(trim(tag.substr(0, end)));
}

using detail::ascii_iequal;

/// `s` cut to `max_label_bytes` (at a UTF-8 boundary), with `…` when cut.
std::string shorten(std::string_view s) {
  if (s.size() <= max_label_bytes) return std::string(s);
  std::size_t n = max_label_bytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n)) + "…";
}

[[gnu::always_inline]] inline std::uint64_t load64(const char* p) noexcept {
  std::uint64_t x;
  std::memcpy(&x, p, 8);
  return x;
}

[[gnu::always_inline]] inline std::uint32_t load32(const char* p) noexcept {
  std::uint32_t x;
  std::memcpy(&x, p, 4);
  return x;
}

/// The `n` bytes at `a` and at `b` are the same: eight at a time (the last
/// eight overlapping the ones before), or two overlapping fours, or one by one
/// below four. Inline: the texts compared here are short.
[[gnu::always_inline]] inline bool same_bytes(const char* a, const char* b, std::size_t n) noexcept {
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8)
      if (load64(a + i) != load64(b + i)) return false;
    return load64(a + n - 8) == load64(b + n - 8);
  }
  if (n >= 4) return load32(a) == load32(b) && load32(a + n - 4) == load32(b + n - 4);
  for (std::size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

/// `a == b`, inline: the texts compared here (scheme ids, term codes, country
/// codes, cache keys) are short and mostly differ in length, where a call into
/// the library's memcmp costs more than the comparison.
[[gnu::always_inline]] inline bool same_text(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && same_bytes(a.data(), b.data(), a.size());
}

/// `a == b` for term references, code first (schemes are mostly the same).
inline bool same_ref(const TermRef& a, const TermRef& b) noexcept {
  return same_text(a.code, b.code) && same_text(a.scheme, b.scheme);
}

template <class T>
bool contains(const std::vector<T>& v, const T& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

bool contains(const std::vector<std::string>& v, const std::string& x) {
  for (const std::string& t : v)
    if (same_text(t, x)) return true;
  return false;
}

/// The violation finder of `taxonomy`: built once for the built-in taxonomy,
/// once per thread and taxonomy otherwise (the last one used is kept).
const TextTermFinder& text_finder(const Taxonomy& taxonomy) {
  if (&taxonomy == &builtin_taxonomy()) {
    static const TextTermFinder builtin(taxonomy, "violation");
    return builtin;
  }
  // A user taxonomy's finder is kept for the next classification on this
  // thread while the violation scheme it was built from is unchanged. That is
  // told by comparing the scheme itself, not the taxonomy's address: a
  // taxonomy assigned anew, or made where a destroyed one was, has the same
  // address and other terms.
  struct Kept {
    std::unique_ptr<TextTermFinder> finder;
    std::optional<Scheme> scheme;  // what it was built from; none: the taxonomy had no violation scheme
  };
  thread_local Kept kept;
  const Scheme* scheme = taxonomy.find_scheme("violation");
  const bool same = kept.finder && (scheme ? kept.scheme && *kept.scheme == *scheme : !kept.scheme);
  if (!same) {
    kept.finder = std::make_unique<TextTermFinder>(taxonomy, "violation");
    kept.scheme = scheme ? std::optional<Scheme>(*scheme) : std::nullopt;
  }
  return *kept.finder;
}

// ---------------------------------------------------------------------------
// Case references in running text

/// Skips spaces (and U+00A0) from `i`; returns the new position.
std::size_t skip_spaces(std::string_view s, std::size_t i) noexcept {
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '\t') ++i;
    else if (i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC2 && static_cast<unsigned char>(s[i + 1]) == 0xA0)
      i += 2;
    else break;
  }
  return i;
}

/// Between `min` and `max` digits at `i` (not followed by another digit); the position after them or npos.
std::size_t digits(std::string_view s, std::size_t i, std::size_t min, std::size_t max) noexcept {
  std::size_t j = i;
  while (j < s.size() && is_digit(s[j]) && j - i < max) ++j;
  if (j - i < min || (j < s.size() && is_digit(s[j]))) return npos;
  return j;
}

/// Exactly `n` upper-case letters at `i` (not followed by a letter); the position after them or npos.
std::size_t capitals(std::string_view s, std::size_t i, std::size_t n) noexcept {
  if (i + n > s.size()) return npos;
  for (std::size_t k = 0; k < n; ++k)
    if (!is_upper(s[i + k])) return npos;
  if (i + n < s.size() && is_alpha(s[i + n])) return npos;
  return i + n;
}

/// `/` with optional spaces around it at `i`; the position after or npos.
std::size_t slash(std::string_view s, std::size_t i) noexcept {
  i = skip_spaces(s, i);
  if (i >= s.size() || s[i] != '/') return npos;
  return skip_spaces(s, i + 1);
}

/// Observatory `TUR 005 / 0717 / OBS 078.6` starting at `i`; the end or npos.
std::size_t observatory_at(std::string_view s, std::size_t i) noexcept {
  std::size_t j = capitals(s, i, 3);
  if (j == npos) return npos;
  if ((j = digits(s, skip_spaces(s, j), 1, 4)) == npos) return npos;
  if ((j = slash(s, j)) == npos) return npos;
  if ((j = digits(s, j, 4, 4)) == npos) return npos;
  if ((j = slash(s, j)) == npos) return npos;
  std::size_t k = npos;
  for (std::size_t n : {3, 2, 4})
    if ((k = capitals(s, j, n)) != npos) break;
  if (k == npos) return npos;
  if ((j = digits(s, skip_spaces(s, k), 1, 4)) == npos) return npos;
  if (j + 1 < s.size() && s[j] == '.' && is_digit(s[j + 1])) {
    const std::size_t f = digits(s, j + 1, 1, 3);
    if (f != npos) j = f;
  }
  return j;
}

/// Amnesty index `AMR 18/0485/2019` starting at `i`; the end or npos.
std::size_t amnesty_index_at(std::string_view s, std::size_t i) noexcept {
  std::size_t j = capitals(s, i, 3);
  if (j == npos) return npos;
  if ((j = digits(s, skip_spaces(s, j), 2, 2)) == npos) return npos;
  if ((j = slash(s, j)) == npos) return npos;
  if ((j = digits(s, j, 3, 4)) == npos) return npos;
  if ((j = slash(s, j)) == npos) return npos;
  return digits(s, j, 4, 4);
}

/// Amnesty `UA 229/10` starting at `i`; the end or npos.
std::size_t amnesty_ua_at(std::string_view s, std::size_t i) noexcept {
  if (i + 2 > s.size() || s[i] != 'U' || s[i + 1] != 'A') return npos;
  std::size_t j = skip_spaces(s, i + 2);
  if (j < s.size() && s[j] == ':') j = skip_spaces(s, j + 1);
  if ((j = digits(s, j, 1, 4)) == npos) return npos;
  if (j >= s.size() || s[j] != '/') return npos;
  const std::size_t year = j + 1;
  const std::size_t end = digits(s, year, 2, 4);
  if (end == npos || (end - year != 2 && end - year != 4)) return npos;
  return end;
}

/// The start of "Further information on" (any case, any spacing) ending right before `i`, or npos.
std::size_t further_information_before(std::string_view s, std::size_t i) noexcept {
  static constexpr std::string_view words[] = {"on", "information", "further"};  // read backwards
  std::size_t pos = i;
  for (std::string_view w : words) {
    std::size_t p = pos;
    while (p > 0 && is_space(s[p - 1])) --p;
    if (p == pos || p < w.size()) return npos;
    for (std::size_t k = 0; k < w.size(); ++k) {
      char c = s[p - w.size() + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != w[k]) return npos;
    }
    pos = p - w.size();
    if (pos > 0 && is_alnum(s[pos - 1])) return npos;
  }
  return pos;
}

// ---------------------------------------------------------------------------
// Phrases in titles

/// What a phrase of a title says.
enum class Cue : std::uint8_t {
  genre,          // the item is of `Phrase::genre`
  follow_up,      // an intervention is a follow-up
  press_release,  // an intervention is a press release
  open_letter,    // an intervention is an open letter
  closing,        // an intervention closes its case
};

struct Phrase {
  std::string_view text;  // folded: lower case, no accents, single spaces
  Cue cue;
  const char* genre;      // for Cue::genre
};

constexpr Phrase title_phrases[] = {
    // Genres named in titles ("Joint Open Letter: …", "Joint Shadow Report to …").
    {"open letter", Cue::genre, "open-letter"},
    {"lettre ouverte", Cue::genre, "open-letter"},
    {"carta abierta", Cue::genre, "open-letter"},
    {"joint statement", Cue::genre, "joint-statement"},
    {"declaration conjointe", Cue::genre, "joint-statement"},
    {"declaracion conjunta", Cue::genre, "joint-statement"},
    {"shadow report", Cue::genre, "shadow-report"},
    {"alternative report", Cue::genre, "shadow-report"},
    {"rapport alternatif", Cue::genre, "shadow-report"},
    {"informe alternativo", Cue::genre, "shadow-report"},
    {"informe sombra", Cue::genre, "shadow-report"},
    {"press release", Cue::genre, "press-release"},
    {"communique de presse", Cue::genre, "press-release"},
    {"comunicado de prensa", Cue::genre, "press-release"},
    {"urgent appeal", Cue::genre, "urgent-intervention"},
    {"appel urgent", Cue::genre, "urgent-intervention"},
    {"llamamiento urgente", Cue::genre, "urgent-intervention"},
    {"urgent action", Cue::genre, "urgent-intervention"},
    {"action urgente", Cue::genre, "urgent-intervention"},
    {"accion urgente", Cue::genre, "urgent-intervention"},
    // Types of interventions (used when an article becomes one).
    {"further information", Cue::follow_up, nullptr},
    {"follow up", Cue::follow_up, nullptr},
    {"new information", Cue::follow_up, nullptr},
    {"update", Cue::follow_up, nullptr},
    {"conditional release", Cue::follow_up, nullptr},
    {"provisional release", Cue::follow_up, nullptr},
    {"released on bail", Cue::follow_up, nullptr},
    {"release on bail", Cue::follow_up, nullptr},
    {"suivi", Cue::follow_up, nullptr},
    {"nouvelles informations", Cue::follow_up, nullptr},
    {"informations complementaires", Cue::follow_up, nullptr},
    {"liberation conditionnelle", Cue::follow_up, nullptr},
    {"liberte provisoire", Cue::follow_up, nullptr},
    {"seguimiento", Cue::follow_up, nullptr},
    {"nueva informacion", Cue::follow_up, nullptr},
    {"informacion adicional", Cue::follow_up, nullptr},
    {"actualizacion", Cue::follow_up, nullptr},
    {"libertad condicional", Cue::follow_up, nullptr},
    {"libertad provisional", Cue::follow_up, nullptr},
    {"press release", Cue::press_release, nullptr},
    {"communique", Cue::press_release, nullptr},
    {"comunicado de prensa", Cue::press_release, nullptr},
    {"open letter", Cue::open_letter, nullptr},
    {"lettre ouverte", Cue::open_letter, nullptr},
    {"carta abierta", Cue::open_letter, nullptr},
    {"release", Cue::closing, nullptr},
    {"released", Cue::closing, nullptr},
    {"acquitted", Cue::closing, nullptr},
    {"acquittal", Cue::closing, nullptr},
    {"charges dropped", Cue::closing, nullptr},
    {"case closed", Cue::closing, nullptr},
    {"liberation", Cue::closing, nullptr},
    {"libere", Cue::closing, nullptr},
    {"liberee", Cue::closing, nullptr},
    {"liberes", Cue::closing, nullptr},
    {"liberees", Cue::closing, nullptr},
    {"acquitte", Cue::closing, nullptr},
    {"acquittee", Cue::closing, nullptr},
    {"acquittes", Cue::closing, nullptr},
    {"liberacion", Cue::closing, nullptr},
    {"liberado", Cue::closing, nullptr},
    {"liberada", Cue::closing, nullptr},
    {"liberados", Cue::closing, nullptr},
    {"liberadas", Cue::closing, nullptr},
    {"absuelto", Cue::closing, nullptr},
    {"absuelta", Cue::closing, nullptr},
    {"absueltos", Cue::closing, nullptr},
};

static_assert(std::size(title_phrases) <= 256, "PhraseIndex keeps phrase indexes in bytes");

// ASCII letters to lower case, digits kept; 0 for everything else.
constexpr std::array<char, 128> ascii_fold = [] {
  std::array<char, 128> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<char>(c - 'A' + 'a');
  for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = static_cast<char>(c);
  return t;
}();

/// Folds `text` like `normalize_label`, with a space at each end, into the
/// storage of `out` and returns a view of it (`out` is reused: it only grows,
/// so neither allocated nor cleared once large enough). ASCII is folded inline.
/// With a `limit`, folding stops once the view has that many bytes (then without
/// the closing space): those bytes are the same as in the whole folded text.
std::string_view fold_padded(std::string_view text, std::string& out, std::size_t limit = npos) {
  // Each input byte gives at most two output bytes (a letter and a space; a
  // multi-byte code point folds to at most as many bytes as it has), plus the ends.
  if (out.size() < 2 * text.size() + 2) out.resize(2 * text.size() + 2);
  char* const begin = &out[0];
  char* p = begin;
  *p++ = ' ';
  bool gap = false;
  std::string folded;
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      const char c = ascii_fold[b];
      if (c != 0) {
        if (gap && p[-1] != ' ') *p++ = ' ';
        gap = false;
        *p++ = c;
        if (static_cast<std::size_t>(p - begin) >= limit) return {begin, static_cast<std::size_t>(p - begin)};
      } else {
        gap = true;
      }
      ++i;
      continue;
    }
    const std::size_t at = i;
    const char32_t cp = detail::decode_utf8(text, i);
    folded.clear();
    if (detail::fold_code_point(cp, folded) && !folded.empty() && folded.size() <= 2 * (i - at)) {
      if (gap && p[-1] != ' ') *p++ = ' ';
      gap = false;
      for (char c : folded) *p++ = c;
      if (static_cast<std::size_t>(p - begin) >= limit) return {begin, static_cast<std::size_t>(p - begin)};
    } else if (!(cp >= 0x300 && cp <= 0x36F)) {  // combining marks do not break words
      gap = true;
    }
  }
  if (p[-1] != ' ') *p++ = ' ';
  return {begin, static_cast<std::size_t>(p - begin)};
}

/// The title phrases by their first word: a title is read word by word, once.
class PhraseIndex {
 public:
  PhraseIndex() {
    for (std::size_t i = 0; i < std::size(title_phrases); ++i) {
      const std::string_view text = title_phrases[i].text;
      const std::string_view first = text.substr(0, text.find(' '));
      longest_ = std::max(longest_, text.size());
      longest_first_ = std::max(longest_first_, first.size());
      std::size_t& by_letter = longest_by_letter_[static_cast<unsigned char>(text[0])];
      by_letter = std::max(by_letter, text.size());
      first_letters_[static_cast<unsigned char>(first[0])] |= 1u << first.size();
      if (first.size() < 32)
        first_shapes_[first.size() * 32 + (static_cast<unsigned char>(first[0]) & 31u)] |=
            1u << (static_cast<unsigned char>(first.back()) & 31u);
      for (std::size_t h = quick_hash(first) & (first_words_.size() - 1);; h = (h + 1) & (first_words_.size() - 1)) {
        if (first_words_[h].empty() || first_words_[h] == first) {
          first_words_[h] = first;
          phrases_of_[h].push_back(static_cast<std::uint8_t>(i));  // in the order of title_phrases
          break;
        }
      }
    }
  }

  /// True when some phrase begins with `word` (folded): a constant-time check before any folding.
  bool is_first_word(std::string_view word) const noexcept { return slot_of(word) != npos; }
  /// The slot of `word` among the first words, or npos.
  std::size_t slot_of(std::string_view word) const noexcept {
    if (word.empty()) return npos;
    for (std::size_t h = quick_hash(word) & (first_words_.size() - 1);; h = (h + 1) & (first_words_.size() - 1)) {
      if (first_words_[h].empty()) return npos;
      if (first_words_[h] == word) return h;
    }
  }
  /// Bit n of entry b: some phrase starts with a word of n bytes whose first byte is b.
  const std::uint32_t* first_letters() const noexcept { return first_letters_.data(); }
  /// Entry n * 32 + (b & 31), bit e & 31: some first word of n bytes starts with b and ends with e.
  const std::uint32_t* first_shapes() const noexcept { return first_shapes_.data(); }
  /// True when a phrase may start with a word whose lower-case form (accents
  /// kept) is `lower`: cheap for most words.
  bool may_start(std::string_view lower, bool ascii) const {
    if (!ascii) return is_first_word(detail::fold(lower));
    return ascii_slot(lower) != npos;
  }
  /// For `lower`, a word of ASCII letters in lower case: its slot among the first words, or npos.
  std::size_t ascii_slot(std::string_view lower) const noexcept {
    if (lower.size() >= 32 || !(first_letters_[static_cast<unsigned char>(lower[0])] & (1u << lower.size())))
      return npos;  // no phrase starts with a word of this first letter and length
    return slot_of(lower);
  }

  /// Calls `f(phrase)` for every phrase that starts with the word at `start` of
  /// `title`; the text from there on is folded into `buffer` (when it is not
  /// ASCII where that matters). When `known_slot` is not npos, the title has
  /// at `start` the `known_length` ASCII letters of that first word.
  template <class F>
  void match_at(std::string_view title, std::size_t start, std::string& buffer, F&& f, std::size_t known_length = 0,
                std::size_t known_slot = npos) const {
    constexpr std::size_t window = 64;  // bytes folded from a candidate word on; the longest phrase fits
    const std::size_t n = title.size();
    std::size_t stop = std::min(n, start + window);
    while (stop < n && !separator(title[stop])) ++stop;  // never cut a word
    // Most titles are ASCII where the phrases are compared: then without folding.
    const std::vector<std::uint8_t>* list = nullptr;
    std::uint32_t matches = 0;
    if (match_ascii(title.substr(start, stop - start), list, matches, known_length, known_slot)) {
      for (std::size_t q = 0; matches != 0; ++q, matches >>= 1)
        if (matches & 1u) f(title_phrases[(*list)[q]]);
      return;
    }
    fold_and_match(title, start, stop, buffer, f);
  }

  /// `match_at` by folding the text from `start` to `stop` (the window), whatever it holds.
  template <class F>
  void fold_and_match(std::string_view title, std::size_t start, std::size_t stop, std::string& buffer, F&& f) const {
    // Folded only as far as the longest phrase and the space after it reach:
    // the bytes compared below are those of the whole window folded.
    // (For an ASCII first letter, the longest phrase that begins with it.)
    const auto first = static_cast<unsigned char>(title[start]);
    const std::size_t longest = first < 0x80 ? longest_by_letter_[static_cast<unsigned char>(ascii_fold[first])] : longest_;
    const std::string_view folded = fold_padded(title.substr(start, stop - start), buffer, longest + 2);
    const std::size_t first_end = folded.find(' ', 1);
    if (first_end == std::string_view::npos) return;
    const std::size_t slot = slot_of(folded.substr(1, first_end - 1));
    if (slot == npos) return;
    for (std::size_t k : phrases_of_[slot]) {
      const std::string_view text = title_phrases[k].text;
      if (1 + text.size() < folded.size() && folded.compare(1, text.size(), text) == 0 && folded[1 + text.size()] == ' ')
        f(title_phrases[k]);
    }
  }

  /// Calls `f(phrase)` for every phrase found as whole words in `title` (raw
  /// text: case, accents and punctuation do not matter), in order of appearance.
  template <class F>
  void each(std::string_view title, std::string& buffer, F&& f) const {
    const std::size_t n = title.size();
    for (std::size_t i = 0; i < n;) {
      while (i < n && separator(title[i])) ++i;
      const std::size_t start = i;
      bool ascii = true;
      for (; i < n && !separator(title[i]); ++i) ascii = ascii && static_cast<unsigned char>(title[i]) < 0x80;
      const std::size_t len = i - start;
      if (len == 0) break;
      char lower[32];
      if (ascii && len < sizeof lower) {
        for (std::size_t k = 0; k < len; ++k) lower[k] = ascii_fold[static_cast<unsigned char>(title[start + k])];
        if (!may_start(std::string_view(lower, len), true)) continue;
      } else if (ascii) {
        continue;  // too long to begin a phrase
      }
      match_at(title, start, buffer, f);
    }
  }

 private:
  static bool separator(char c) noexcept {
    const auto b = static_cast<unsigned char>(c);
    return b < 0x80 && ascii_fold[b] == 0;
  }
 public:
  /// `match_at`'s phrases at the beginning of `raw` (the window: it starts with
  /// a word) compared with its bytes as they are, where these are ASCII: a
  /// phrase's letter with the byte folded, a space with a run of separators,
  /// and its end with a separator or the end of `raw` (what the folded window
  /// would hold there). Returns false, knowing nothing, when a byte >= 0x80
  /// stands where a comparison needs to know what it folds to; else sets
  /// `list` to the phrases of the first word (or null) and bit q of `matches`
  /// for each of them (q: its place in the list) that `raw` begins with.
  /// `known_length` and `known_slot` as for `match_at`.
  bool match_ascii(std::string_view raw, const std::vector<std::uint8_t>*& list, std::uint32_t& matches,
                   std::size_t known_length = 0, std::size_t known_slot = npos) const noexcept {
    const std::size_t n = raw.size();
    matches = 0;
    list = nullptr;
    std::size_t j = known_length;
    std::size_t slot = known_slot;
    // The first word is the one known when a separator or the end follows its letters.
    const bool known = known_slot != npos && known_length > 0 && known_length <= n &&
                       (known_length == n || (static_cast<unsigned char>(raw[known_length]) < 0x80 &&
                                              ascii_fold[static_cast<unsigned char>(raw[known_length])] == 0));
    if (!known) {
      char first[max_first_word];  // the first word, folded
      j = 0;
      for (; j < n; ++j) {
        const auto b = static_cast<unsigned char>(raw[j]);
        if (b >= 0x80) return false;
        const char c = ascii_fold[b];
        if (c == 0) break;
        if (j < max_first_word) first[j] = c;
      }
      if (j == 0) return false;  // not at a word (match_at is not called so)
      // (Folding would stop before the end of so long a word: no phrase either way.)
      if (j > longest_first_) return true;
      if (j > max_first_word) return false;  // (no first word is so long)
      slot = slot_of(std::string_view(first, j));
      if (slot == npos) return true;
    }
    list = &phrases_of_[slot];
    if (list->size() > 32) return false;
    auto is_separator = [](unsigned char b) { return ascii_fold[b] == 0; };  // b < 0x80
    for (std::size_t q = 0; q < list->size(); ++q) {
      const std::string_view text = title_phrases[(*list)[q]].text;  // the first word, then ' ' or its end
      std::size_t r = j;                                              // in raw
      bool same = true;
      for (std::size_t x = j; same && x < text.size(); ++x) {
        if (r >= n) {
          same = false;  // the window ends before the phrase does
          break;
        }
        const auto b = static_cast<unsigned char>(raw[r]);
        if (b >= 0x80) return false;
        if (text[x] == ' ') {  // one separator or more (none: the word goes on)
          same = is_separator(b);
          while (r < n && static_cast<unsigned char>(raw[r]) < 0x80 && is_separator(static_cast<unsigned char>(raw[r]))) ++r;
        } else {
          same = ascii_fold[b] == text[x];
          ++r;
        }
      }
      if (same && r < n) {  // the phrase's last word must end here
        const auto b = static_cast<unsigned char>(raw[r]);
        if (b >= 0x80) return false;
        same = is_separator(b);
      }
      if (same) matches |= std::uint32_t{1} << q;
    }
    return true;
  }

 private:
  static std::size_t quick_hash(std::string_view w) noexcept {
    return (w.size() * 31u + static_cast<unsigned char>(w.front()) * 7u + static_cast<unsigned char>(w.back())) * 0x9E3779B1u >> 8;
  }
  std::array<std::vector<std::uint8_t>, 256> phrases_of_{};  // by slot of first_words_: the phrases it begins
  std::size_t longest_ = 0;  // bytes of the longest phrase
  static constexpr std::size_t max_first_word = 32;  // bytes a first word may have (checked when building)
  std::size_t longest_first_ = 0;  // bytes of the longest first word
  std::array<std::size_t, 256> longest_by_letter_{};  // the same for the phrases that begin with a byte
  std::array<std::uint32_t, 256> first_letters_{};  // bit n: some first word starts with this byte and has n bytes
  std::array<std::uint32_t, 32 * 32> first_shapes_{};  // see first_shapes()
  std::array<std::string_view, 256> first_words_{};  // the first words, open addressing on quick_hash
};

const PhraseIndex& phrase_index() {
  static const PhraseIndex index;
  return index;
}

}  // namespace

namespace detail {

std::vector<std::string_view> title_phrases_at(std::string_view title, std::size_t start, PhraseSearch way,
                                               bool* without_folding) {
  std::vector<std::string_view> found;
  if (start >= title.size()) return found;
  const PhraseIndex& index = phrase_index();
  std::string buffer;
  auto add = [&found](const Phrase& p) { found.push_back(p.text); };
  std::size_t stop = std::min(title.size(), start + 64);  // match_at's window
  while (stop < title.size() && !(static_cast<unsigned char>(title[stop]) < 0x80 &&
                                   ascii_fold[static_cast<unsigned char>(title[stop])] == 0))
    ++stop;
  // The run of ASCII letters at `start`, as language identification hands it on.
  std::string lower;
  for (std::size_t i = start; i < title.size() && is_alpha(title[i]); ++i) lower += detail::lower_ascii_char(title[i]);
  const std::size_t known_slot = way == PhraseSearch::word_known && !lower.empty() ? index.ascii_slot(lower) : npos;
  if (without_folding) {
    const std::vector<std::uint8_t>* list = nullptr;
    std::uint32_t matches = 0;
    *without_folding = index.match_ascii(title.substr(start, stop - start), list, matches, lower.size(), known_slot);
  }
  if (way == PhraseSearch::folding)
    index.fold_and_match(title, start, stop, buffer, add);
  else
    index.match_at(title, start, buffer, add, lower.size(), known_slot);
  return found;
}

}  // namespace detail

namespace {

// ---------------------------------------------------------------------------
// The classifier: taxonomy roles, hint and label caches

/// A hash of `key` for the classifier's caches: like `detail::hash_text`, but
/// the bytes after the last whole eight are read as the last eight (or two
/// overlapping fours), not one at a time. A function of the bytes and of the
/// machine's byte order (the caches find by exact comparison: no output
/// depends on it).
[[gnu::always_inline]] inline std::uint64_t key_hash(std::string_view key) noexcept {
  constexpr std::uint64_t k = 0x9E3779B97F4A7C15ULL;
  const char* const p = key.data();
  const std::size_t n = key.size();
  std::uint64_t h = n * k;
  auto mix = [&h](std::uint64_t x) { h = (((h << 23) | (h >> 41)) ^ x) * k; };
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8) mix(load64(p + i));
    mix(load64(p + n - 8));
  } else if (n >= 4) {
    mix((std::uint64_t{load32(p)} << 32) | load32(p + n - 4));
  } else if (n > 0) {
    mix(static_cast<unsigned char>(p[0]) | (static_cast<unsigned>(static_cast<unsigned char>(p[n / 2])) << 8) |
        (static_cast<unsigned>(static_cast<unsigned char>(p[n - 1])) << 16));
  }
  return h ^ (h >> 29);
}

/// A faster way into a map from strings to `V` (a node-based map, whose keys
/// and values never move): open addressing on `key_hash`, with views of the
/// map's own keys. Found: a pointer to the value; not found: null.
template <class V>
class TextIndex {
 public:
  V* find(std::string_view key) const noexcept {
    if (slots_.empty()) return nullptr;
    const std::uint64_t h = key_hash(key);
    for (std::size_t i = static_cast<std::size_t>(h) & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& slot = slots_[i];
      if (!slot.value) return nullptr;
      if (slot.hash == h && same_text(slot.key, key)) return slot.value;
    }
  }
  /// Adds `key` (a view of the map's key, not yet indexed) for `value`.
  void insert(std::string_view key, V* value) {
    if (2 * (used_ + 1) > slots_.size()) grow();
    place(Slot{key_hash(key), key, value});
    ++used_;
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::string_view key;
    V* value = nullptr;
  };
  void place(const Slot& s) {
    std::size_t i = static_cast<std::size_t>(s.hash) & (slots_.size() - 1);
    while (slots_[i].value) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = s;
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : 2 * old.size(), Slot{});
    for (const Slot& s : old)
      if (s.value) place(s);
  }
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

class Classifier {
 public:
  Classifier(const Taxonomy& taxonomy, const ClassifyOptions& options) : tax_(taxonomy), opt_(options) {
    if (opt_.text_terms) text_terms_ = &text_finder(tax_);
    const auto& schemes = tax_.schemes();
    by_shape_.fill(no_scheme);
    for (std::size_t i = 0; i < schemes.size(); ++i) {
      std::uint8_t& slot = by_shape_[shape(schemes[i].id)];
      slot = (slot == no_scheme && i < several_schemes) ? static_cast<std::uint8_t>(i) : several_schemes;
    }
    for (std::size_t i = 0; i < schemes.size(); ++i) {
      const std::string& id = schemes[i].id;
      scheme_index_.emplace(id, i);
      if (id == "country") country_ = i;
      else if (id == "region") region_ = i;
      else if (id == "violation") violation_ = i;
      else if (id == "genre") genre_ = i;
      else if (id == "theme") theme_ = i;
      else if (id == "mechanism") mechanism_ = i;
    }
    if (genre_ != npos) {  // urgent-intervention and every genre narrower than it
      const Scheme& g = schemes[genre_];
      for (const Term& t : g.terms) {
        const Term* cur = &t;
        for (int depth = 0; cur && depth < 8; ++depth) {
          if (cur->code == "urgent-intervention") {
            if (!contains(appeal_genres_, t.code)) appeal_genres_.push_back(t.code);
            break;
          }
          cur = cur->broader.empty() ? nullptr : tax_.find(g.id, cur->broader.front());
        }
      }
    }
    if (genre_ != npos) {  // after appeal_genres_, which known() reads
      for (const Phrase& p : title_phrases) {
        if (p.cue != Cue::genre) continue;
        TermRef ref{schemes[genre_].id, p.genre};
        if (tax_.find(ref)) cue_refs_.emplace(p.genre, known(std::move(ref)));
      }
    }
  }

  ItemClassification run(Item& item, std::string_view feed_language);

  /// What `run` learnt of the item's case references (reset by the caller before each run).
  detail::ReferenceHint reference_hint;

 private:
  /// The language of `a`'s title (`title`: without its place prefix) and summary.
  LanguageGuess identify(const Article& a, std::string_view title, std::string_view feed_language,
                         detail::WordObserver* observer);

  using Mask = std::uint64_t;

  /// What classification asks of a term reference, worked out once for the
  /// references the classifier keeps (its caches, the title cues, the
  /// violation finder's) instead of for every item they are found for.
  struct RefInfo {
    /// The taxonomy's term with exactly this scheme and code, or null. Terms
    /// are unique per scheme and code: two references with terms are equal
    /// exactly when their terms are the same object.
    const Term* term = nullptr;
    std::size_t scheme = npos;  // scheme_of(ref)
    unsigned genre = 0;         // the genre_flag bits that hold
  };
  /// Bits of `RefInfo::genre`: the reference is a genre (of the genre scheme) that ...
  enum : unsigned {
    appeal_genre = 1,       // ... is urgent-intervention or narrower (is in appeal_genres_)
    follow_up_genre = 2,    // ... is follow-up
    press_release_genre = 4,  // ... is press-release
    open_letter_genre = 8,  // ... is open-letter
  };
  /// A reference with its RefInfo.
  struct KnownRef {
    TermRef ref;
    RefInfo info;
  };
  /// A term found for the item being classified: the reference (in a cache,
  /// `cue_refs_`, the violation finder or `local_refs_`) and its RefInfo.
  struct Found {
    const TermRef* ref;
    RefInfo info;
  };

  struct Resolved {
    std::vector<KnownRef> refs;
    std::vector<std::string> unknown;
  };

  Mask bit(std::size_t scheme) const noexcept { return scheme < 64 ? Mask{1} << scheme : 0; }
  /// Key of a scheme id in `by_shape_`: its length and first and last bytes, a few bits of each.
  static std::size_t shape(const std::string& id) noexcept {
    if (id.empty()) return 0;
    return ((id.size() & 15u) << 6) | ((static_cast<unsigned char>(id.front()) & 7u) << 3) |
           (static_cast<unsigned char>(id.back()) & 7u);
  }
  std::size_t scheme_of(const TermRef& ref) const {
    const auto& schemes = tax_.schemes();
    // Most ids are told apart by their shape: one comparison then.
    const std::uint8_t only = by_shape_[shape(ref.scheme)];
    if (only == no_scheme) return npos;
    if (only != several_schemes) {
      const std::string& s = schemes[only].id;
      return same_text(s, ref.scheme) ? only : npos;
    }
    if (schemes.size() <= 16) {  // a few short ids: comparing is cheaper than hashing
      const std::string& id = ref.scheme;
      for (std::size_t i = 0; i < schemes.size(); ++i) {
        const std::string& s = schemes[i].id;
        if (s.size() == id.size() && (s.empty() || s[0] == id[0]) && s == id) return i;
      }
      return npos;
    }
    auto it = scheme_index_.find(ref.scheme);
    return it == scheme_index_.end() ? npos : it->second;
  }

  Mask hint_for(const std::string& scheme_text);
  std::optional<TermRef> pick(std::string_view label, Mask hint, Mask only) const;
  Resolved resolve(std::string_view text, Mask hint) const;
  const Resolved& resolve_cached(const Category& category);
  struct CacheEntry;
  /// resolve_cached() for a category not in the cache; `entries`: those of its term, if any.
  [[gnu::noinline]] const Resolved& resolve_new(const Category& category, std::forward_list<CacheEntry>* entries);
  const std::vector<KnownRef>& prefix_places(std::string_view prefix);
  /// prefix_places() for a prefix not in the cache.
  [[gnu::noinline]] const std::vector<KnownRef>& prefix_places_new(std::string_view prefix);

  RefInfo info_of(const TermRef& ref) const;
  KnownRef known(TermRef ref) const {
    RefInfo info = info_of(ref);
    return KnownRef{std::move(ref), info};
  }
  /// The RefInfo of a reference the violation finder returned (kept by address).
  const RefInfo& text_info(const TermRef* ref);
  /// Adds the terms of `found_` to the item's countries, regions, subjects and violations.
  void add_found(Article& a, Intervention* iv) const;

  const Taxonomy& tax_;
  const ClassifyOptions& opt_;
  const TextTermFinder* text_terms_ = nullptr;
  std::vector<const TermRef*> text_found_;
  std::unordered_map<std::string, std::size_t> scheme_index_;
  // By the shape of an id: the one scheme of that shape, or none, or several (then compared in turn).
  static constexpr std::uint8_t no_scheme = 255, several_schemes = 254;
  std::array<std::uint8_t, 1024> by_shape_;
  std::size_t country_ = npos, region_ = npos, violation_ = npos, genre_ = npos, theme_ = npos, mechanism_ = npos;
  std::vector<std::string> appeal_genres_;  // a few codes: compared in turn, not hashed
  std::unordered_map<std::string, Mask> hints_;
  struct CacheEntry {
    std::string scheme;  // the category's scheme (hint)
    Resolved resolved;
  };
  // term -> its resolutions, one per category scheme it came with. Entries never
  // move once made (node-based containers), so pointers to their refs stay valid.
  std::unordered_map<std::string, std::forward_list<CacheEntry>> label_cache_;
  std::unordered_map<std::string, std::vector<KnownRef>> prefix_cache_;
  TextIndex<std::forward_list<CacheEntry>> label_index_;  // into label_cache_
  TextIndex<std::vector<KnownRef>> prefix_index_;         // into prefix_cache_
  Resolved scratch_;
  std::vector<KnownRef> prefix_scratch_;
  std::string text_buffer_;
  std::string title_buffer_;
  std::string feed_language_raw_;  // the feed language last given, and its primary subtag
  std::string feed_language_;
  std::string item_language_raw_;  // the last item language unlike the feed's, and its primary subtag
  std::string item_language_;
  // Per item: the terms found (pointers into the caches, `cue_refs_` or `local_refs_`).
  std::vector<Found> found_;
  std::deque<KnownRef> local_refs_;
  std::unordered_map<std::string_view, KnownRef> cue_refs_;  // genre code -> ref, for the title phrases
  // The violation finder's references met so far, by address (the finder outlives the classifier).
  struct TextSlot {
    const TermRef* ref = nullptr;
    RefInfo info;
  };
  std::vector<TextSlot> text_infos_;
  std::size_t text_infos_used_ = 0;
};

Classifier::Mask Classifier::hint_for(const std::string& scheme_text) {
  if (scheme_text.empty()) return 0;
  auto it = hints_.find(scheme_text);
  if (it != hints_.end()) return it->second;
  Mask m = 0;
  const auto& schemes = tax_.schemes();
  for (std::size_t i = 0; i < schemes.size(); ++i)
    if (scheme_text == schemes[i].id || (!schemes[i].uri.empty() && scheme_text == schemes[i].uri)) m |= bit(i);
  if (m == 0) {
    const std::string low = lower_ascii(scheme_text);
    auto has = [&low](std::initializer_list<const char*> words) {
      for (const char* w : words)
        if (low.find(w) != std::string::npos) return true;
      return false;
    };
    if (has({"countr", "pays", "pais", "país"})) m |= bit(country_);
    if (has({"region", "région", "región"})) m |= bit(region_);
    if (has({"coverage", "geo", "location", "place", "territor", "lieu", "lugar"})) m |= bit(country_) | bit(region_);
    if (has({"theme", "thème", "tema", "programme", "program", "topic", "subject", "sujet", "issue"}))
      m |= bit(theme_) | bit(mechanism_) | bit(violation_);
    if (has({"type", "genre", "content", "format", "kind"})) m |= bit(genre_);
    if (has({"mechanism", "mecanism", "mécanism"})) m |= bit(mechanism_);
    if (has({"violation"})) m |= bit(violation_);
  }
  if (hints_.size() < max_cache_entries) hints_.emplace(scheme_text, m);
  return m;
}

std::optional<TermRef> Classifier::pick(std::string_view label, Mask hint, Mask only) const {
  std::vector<TermRef> candidates = tax_.match_all(label);
  if (candidates.empty()) return std::nullopt;
  std::string folded;
  std::optional<TermRef> best;
  int best_rank = 0;
  std::size_t best_scheme = 0;
  for (TermRef& ref : candidates) {
    const std::size_t s = scheme_of(ref);
    if (only && !(bit(s) & only)) continue;
    const Term* term = tax_.find(ref);
    if (!term || term->deprecated) continue;
    if (folded.empty()) folded = normalize_label(label);
    const bool code_only = normalize_label(term->code) == folded &&
                           std::none_of(term->labels.begin(), term->labels.end(),
                                        [&](const auto& l) { return normalize_label(l.second) == folded; }) &&
                           std::none_of(term->alt_labels.begin(), term->alt_labels.end(), [&](const auto& l) {
                             return std::any_of(l.second.begin(), l.second.end(),
                                                [&](const std::string& a) { return normalize_label(a) == folded; });
                           });
    const int rank = ((hint & bit(s)) ? 0 : 2) + (code_only ? 1 : 0);
    if (!best || rank < best_rank || (rank == best_rank && s < best_scheme)) {
      best = std::move(ref);
      best_rank = rank;
      best_scheme = s;
    }
  }
  return best;
}

Classifier::Resolved Classifier::resolve(std::string_view text, Mask hint) const {
  Resolved r;
  // Segments between commas and semicolons.
  std::vector<std::pair<std::size_t, std::size_t>> seg;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ',' || text[i] == ';') {
      seg.emplace_back(start, i);
      start = i + 1;
    }
  }
  auto add = [this, &r](TermRef ref) {
    for (const KnownRef& k : r.refs)
      if (same_ref(k.ref, ref)) return;
    r.refs.push_back(known(std::move(ref)));
  };
  if (seg.size() > max_segments || text.size() > max_split_bytes) {  // not a list of labels: one label
    if (auto ref = pick(trim(text), hint, 0)) add(std::move(*ref));
    else if (!trim(text).empty()) r.unknown.emplace_back(shorten(trim(text)));
    return r;
  }
  const std::size_t n = seg.size();
  for (std::size_t i = 0; i < n;) {
    bool found = false;
    const std::size_t last = std::min(n - 1, i + max_segments_joined - 1);
    for (std::size_t j = last + 1; j-- > i;) {
      const std::string_view candidate = trim(text.substr(seg[i].first, seg[j].second - seg[i].first));
      if (candidate.empty()) continue;
      if (auto ref = pick(candidate, hint, 0)) {
        add(std::move(*ref));
        i = j + 1;
        found = true;
        break;
      }
    }
    if (!found) {
      const std::string_view alone = trim(text.substr(seg[i].first, seg[i].second - seg[i].first));
      if (!alone.empty()) r.unknown.emplace_back(shorten(alone));
      ++i;
    }
  }
  return r;
}

inline const Classifier::Resolved& Classifier::resolve_cached(const Category& category) {
  // By term first (one hash), then by scheme among the few schemes that term came with.
  std::forward_list<CacheEntry>* entries = nullptr;
  if (category.label.empty()) {
    if (std::forward_list<CacheEntry>* known = label_index_.find(category.term)) {
      for (const CacheEntry& e : *known)
        if (same_text(e.scheme, category.scheme)) return e.resolved;
      entries = known;
    }
  }
  return resolve_new(category, entries);
}

const Classifier::Resolved& Classifier::resolve_new(const Category& category,
                                                    std::forward_list<CacheEntry>* entries) {
  const Mask hint = hint_for(category.scheme);
  Resolved r = resolve(category.term, hint);
  if (r.refs.empty() && !category.label.empty() && category.label != category.term) {
    Resolved by_label = resolve(category.label, hint);
    if (!by_label.refs.empty() || category.term.empty()) r = std::move(by_label);
  }
  // Not cached when the label takes part, or when the cache is full: kept in a scratch slot.
  if (!category.label.empty() || label_cache_.size() >= max_cache_entries) {
    scratch_ = std::move(r);
    return scratch_;
  }
  if (!entries) {
    const auto it = label_cache_.try_emplace(category.term).first;
    entries = &it->second;
    label_index_.insert(it->first, entries);
  }
  entries->push_front(CacheEntry{category.scheme, std::move(r)});
  return entries->front().resolved;
}

/// Splits a title prefix that names several places: `Colombia, Venezuela`,
/// `Burundi / Rwanda`, `Armenia - Azerbaijan`, `Sudan and South Sudan`.
std::vector<std::string_view> split_places(std::string_view prefix) {
  static constexpr std::string_view separators[] = {",", ";", " / ", "/", " - ", " – ", " — ", " & ",
                                                    " and ", " et ", " y ", " e "};
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i < prefix.size();) {
    std::size_t len = 0;
    for (std::string_view sep : separators) {
      if (prefix.compare(i, sep.size(), sep) == 0) {
        len = sep.size();
        break;
      }
    }
    if (len == 0) {
      ++i;
      continue;
    }
    const std::string_view part = trim(prefix.substr(start, i - start));
    if (!part.empty()) parts.push_back(part);
    i += len;
    start = i;
  }
  const std::string_view part = trim(prefix.substr(start));
  if (!part.empty()) parts.push_back(part);
  return parts;
}

inline const std::vector<Classifier::KnownRef>& Classifier::prefix_places(std::string_view prefix) {
  if (std::vector<KnownRef>* cached = prefix_index_.find(prefix)) return *cached;
  return prefix_places_new(prefix);
}

const std::vector<Classifier::KnownRef>& Classifier::prefix_places_new(std::string_view prefix) {
  std::vector<KnownRef> places;
  const Mask only = bit(country_) | bit(region_);
  if (only) {
    if (auto ref = pick(prefix, 0, only)) {
      places.push_back(known(std::move(*ref)));
    } else {
      const std::vector<std::string_view> parts = split_places(prefix);
      if (parts.size() > 1 && parts.size() <= max_segments_joined) {
        for (std::string_view part : parts) {
          auto one = pick(part, 0, only);
          if (!one) {
            places.clear();
            break;
          }
          if (std::none_of(places.begin(), places.end(), [&](const KnownRef& k) { return same_ref(k.ref, *one); }))
            places.push_back(known(std::move(*one)));
        }
      }
    }
  }
  if (prefix_cache_.size() >= max_cache_entries) {
    prefix_scratch_ = std::move(places);
    return prefix_scratch_;
  }
  const auto it = prefix_cache_.emplace(std::string(prefix), std::move(places)).first;
  prefix_index_.insert(it->first, &it->second);
  return it->second;
}

/// The prefix of a title (trimmed) and the offset where the rest begins; an
/// empty prefix when the title has none.
std::pair<std::string_view, std::size_t> title_prefix(std::string_view title) {
  const std::string_view head = title.substr(0, max_prefix_scan);
  const std::size_t colon = head.find(':');
  if (colon != std::string_view::npos) return {trim(title.substr(0, colon)), colon + 1};
  static constexpr std::string_view separators[] = {" / ", " - ", " – ", " — ", " | "};
  std::size_t best = npos, len = 0;
  for (std::string_view sep : separators) {
    const std::size_t at = head.find(sep);
    if (at != std::string_view::npos && at < best) {
      best = at;
      len = sep.size();
    }
  }
  if (best == npos) return {{}, 0};
  return {trim(title.substr(0, best)), best + len};
}

Classifier::RefInfo Classifier::info_of(const TermRef& ref) const {
  RefInfo info;
  info.scheme = scheme_of(ref);
  if (info.scheme != npos) {
    // The term only when it has exactly this scheme and code (a lookup key
    // joins the two: never trust it to tell them apart).
    const Scheme& scheme = tax_.schemes()[info.scheme];
    const Term* term = tax_.find(ref);
    if (term && !scheme.terms.empty() && term >= &scheme.terms.front() && term <= &scheme.terms.back() &&
        term->code == ref.code)
      info.term = term;
  }
  if (genre_ != npos && same_text(ref.scheme, tax_.schemes()[genre_].id)) {
    if (contains(appeal_genres_, ref.code)) info.genre |= appeal_genre;
    if (ref.code == "follow-up") info.genre |= follow_up_genre;
    if (ref.code == "press-release") info.genre |= press_release_genre;
    if (ref.code == "open-letter") info.genre |= open_letter_genre;
  }
  return info;
}

const Classifier::RefInfo& Classifier::text_info(const TermRef* ref) {
  // Open addressing on the address; the finder has a fixed set of references.
  auto slot_of = [this](const TermRef* r) {
    const auto h = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(r)) * 0x9E3779B97F4A7C15ULL;
    return static_cast<std::size_t>(h >> 32) & (text_infos_.size() - 1);
  };
  if (!text_infos_.empty()) {
    for (std::size_t i = slot_of(ref);; i = (i + 1) & (text_infos_.size() - 1)) {
      if (text_infos_[i].ref == ref) return text_infos_[i].info;
      if (!text_infos_[i].ref) break;
    }
  }
  if (2 * (text_infos_used_ + 1) > text_infos_.size()) {
    std::vector<TextSlot> old = std::move(text_infos_);
    text_infos_.assign(old.empty() ? 64 : 2 * old.size(), TextSlot{});
    for (const TextSlot& t : old) {
      if (!t.ref) continue;
      std::size_t i = slot_of(t.ref);
      while (text_infos_[i].ref) i = (i + 1) & (text_infos_.size() - 1);
      text_infos_[i] = t;
    }
  }
  std::size_t i = slot_of(ref);
  while (text_infos_[i].ref) i = (i + 1) & (text_infos_.size() - 1);
  text_infos_[i] = TextSlot{ref, info_of(*ref)};
  ++text_infos_used_;
  return text_infos_[i].info;
}

void Classifier::add_found(Article& a, Intervention* iv) const {
  // Where each term goes, counted first: each list grows once, to its exact size.
  std::size_t countries = 0, regions = 0, subjects = 0, violations = 0;
  for (const Found& f : found_) {
    const std::size_t s = f.info.scheme;
    if (s == npos) continue;
    if (s == country_) ++countries;
    else if (s == region_) ++regions;
    else if (iv && s == violation_) ++violations;
    else ++subjects;
  }
  // The terms of found_ differ from each other (run() adds none twice), and
  // a country or region of found_ is of its scheme: each is compared only
  // with what the item had before (the first n of its list).
  const std::size_t had_countries = a.countries.size(), had_regions = a.regions.size(),
                    had_subjects = a.subjects.size(), had_violations = iv ? iv->violations.size() : 0;
  if (countries) a.countries.reserve(had_countries + countries);
  if (regions) a.regions.reserve(had_regions + regions);
  if (subjects) a.subjects.reserve(had_subjects + subjects);
  if (violations) iv->violations.reserve(had_violations + violations);
  auto had = [](const auto& list, std::size_t n, const auto& x) {
    for (std::size_t k = 0; k < n; ++k)
      if (list[k] == x) return true;
    return false;
  };
  for (const Found& f : found_) {
    const TermRef& ref = *f.ref;
    const std::size_t s = f.info.scheme;
    if (s == npos) continue;
    if (s == country_) {
      if (!had(a.countries, had_countries, ref.code)) a.countries.push_back(ref.code);
      continue;
    }
    if (s == region_) {
      if (!had(a.regions, had_regions, ref.code)) a.regions.push_back(ref.code);
      continue;
    }
    if (had(a.subjects, had_subjects, ref)) continue;
    if (iv && s == violation_) {
      if (!had(iv->violations, had_violations, ref)) iv->violations.push_back(ref);
      continue;
    }
    a.subjects.push_back(ref);
  }
}

/// The first case reference in `text`, if any.
std::optional<CaseReference> first_reference(std::string_view text) {
  return detail::first_case_reference(text, false);
}

LanguageGuess Classifier::identify(const Article& a, std::string_view title, std::string_view feed_language,
                                   detail::WordObserver* observer) {
  // The title (without its place prefix); when it is short, the beginning of
  // the summary (or of the content) too.
  std::string_view text = title;
  const Text* more = a.summary && !a.summary->value.empty() ? &*a.summary : a.content ? &*a.content : nullptr;
  auto short_title = [&title] {  // fewer than title_words_enough words (spaces + 1); counting stops there
    std::size_t spaces = 0;
    std::size_t i = 0;
#if defined(HRNEWS_SSE2)
    // The spaces of 16 bytes at once, counted in each byte lane over up to
    // eight blocks (no lane passes 255), then summed (the count only grows:
    // stopping after some blocks decides the same). No popcount: without
    // -mpopcnt that is a call into libgcc for every block.
    const __m128i space = _mm_set1_epi8(' '), zero = _mm_setzero_si128();
    while (i + 16 <= title.size()) {
      __m128i counts = zero;
      for (int k = 0; k < 8 && i + 16 <= title.size(); ++k, i += 16)
        counts = _mm_sub_epi8(counts, _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(title.data() + i)), space));
      const __m128i sums = _mm_sad_epu8(counts, zero);  // the sums of the low and of the high eight lanes
      spaces += static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) + static_cast<std::size_t>(_mm_extract_epi16(sums, 4));
      if (spaces + 1 >= title_words_enough) return false;
    }
#endif
    for (; i < title.size(); ++i)
      if (title[i] == ' ' && ++spaces + 1 >= title_words_enough) return false;
    return true;
  };
  if (more && short_title()) {
    std::size_t n = std::min(more->value.size(), max_language_text);
    while (n < more->value.size() && n > 0 && (static_cast<unsigned char>(more->value[n]) & 0xC0) == 0x80) --n;
    text_buffer_.assign(title);
    text_buffer_ += '\n';
    text_buffer_.append(more->value, 0, n);
    text = text_buffer_;
  }
  // Byte for byte, inline: these tags are a few bytes long, and the same for
  // most items of a collection (string_view's compare costs a memcmp call).
  auto same = [](std::string_view x, const std::string& y) {
    if (x.size() != y.size()) return false;
    for (std::size_t k = 0; k < x.size(); ++k)
      if (x[k] != y[k]) return false;
    return true;
  };
  if (!same(feed_language, feed_language_raw_)) {  // the same for every item of a collection: computed once
    feed_language_raw_.assign(feed_language);
    feed_language_ = primary_language(feed_language);
  }
  // Reading stops early once the text is clearly in the language already
  // declared (it changes nothing then), but not before the end of the title.
  // An item language equal to the feed's (or to the last item's) has its
  // primary subtag computed already.
  const std::string* expected = &feed_language_;
  if (!a.language.empty() && !same(a.language, feed_language_raw_)) {
    if (!same(a.language, item_language_raw_)) {
      item_language_raw_.assign(a.language);
      item_language_ = primary_language(a.language);
    }
    expected = &item_language_;
  }
  return detail::identify_language_until(text, language_stop_lead, *expected, expected_language_lead, observer,
                                         observer ? title.size() : 0);
}

ItemClassification Classifier::run(Item& item, std::string_view feed_language) {
  ItemClassification out;
  std::vector<Found>& found = found_;
  found.clear();
  local_refs_.clear();
  unsigned found_genres = 0;  // the RefInfo::genre bits of the terms in `found`, together
  // Whether `found` has this term: by the taxonomy's term (a pointer) when both have one.
  auto has = [&found](const TermRef& ref, const RefInfo& info) {
    for (const Found& f : found) {
      if (f.info.term && info.term) {
        if (f.info.term == info.term) return true;
      } else if (same_ref(*f.ref, ref)) {
        return true;
      }
    }
    return false;
  };
  auto note_found = [&](const TermRef& ref, const RefInfo& info) {
    if (has(ref, info)) return;
    found.push_back(Found{&ref, info});
    found_genres |= info.genre;
  };
  auto note = [&](const KnownRef& k) { note_found(k.ref, k.info); };
  // A ref that lives only as long as this item: kept in local_refs_, which never moves its elements.
  auto note_local = [&](const KnownRef& k) {
    if (has(k.ref, k.info)) return;
    found.push_back(Found{&local_refs_.emplace_back(k).ref, k.info});
    found_genres |= k.info.genre;
  };

  {
    Article& a = article_of(item);
    if (opt_.categories) {
      for (const Category& c : a.categories) {
        if (c.term.empty() && c.label.empty()) continue;
        const Resolved& r = resolve_cached(c);
        const bool stable = &r != &scratch_;
        for (const KnownRef& ref : r.refs) {
          if (stable) note(ref);
          else note_local(ref);
        }
        out.unknown_labels.insert(out.unknown_labels.end(), r.unknown.begin(), r.unknown.end());
      }
    }
  }

  // Title: prefix, then its phrases (genres, and words that tell an intervention's type).
  std::size_t rest = 0;  // where the title goes on after a recognised prefix
  bool says[5] = {};     // which Cue kinds the title's phrases carry
  LanguageGuess guess;   // the language of the text, when asked for
  {
    const std::string_view title = article_of(item).title.value;
    if (opt_.title_prefixes) {
      const auto [prefix, after] = title_prefix(title);
      if (!prefix.empty() && prefix.size() <= 100) {
        const std::vector<KnownRef>& places = prefix_places(prefix);
        const bool stable = &places != &prefix_scratch_;
        for (const KnownRef& p : places) {
          if (stable) note(p);
          else note_local(p);
        }
        if (!places.empty()) rest = after;
      }
    }
    auto on_phrase = [&](const Phrase& p) {
      says[static_cast<std::size_t>(p.cue)] = true;
      if (p.cue != Cue::genre || !opt_.title_cues) return;
      auto it = cue_refs_.find(p.genre);
      if (it != cue_refs_.end()) note(it->second);
    };
    const bool phrases = (opt_.title_cues || opt_.interventions) && !title.empty();
    if (opt_.language) {
      // One pass over the title: language identification reads its words and
      // hands them to the phrase search.
      const std::string_view rest_of_title = title.substr(std::min(rest, title.size()));
      struct Observer final : detail::WordObserver {
        std::string_view title;
        std::string* buffer = nullptr;
        decltype(on_phrase)* found = nullptr;
        const PhraseIndex* index = nullptr;
        void word(std::string_view lower, std::size_t offset, bool ascii) override {
          if (!ascii) {
            if (index->may_start(lower, false)) index->match_at(title, offset, *buffer, *found);
            return;
          }
          const std::size_t slot = index->ascii_slot(lower);  // `lower` is at `offset`, in upper or lower case
          if (slot != npos) index->match_at(title, offset, *buffer, *found, lower.size(), slot);
        }
      } observer;
      observer.index = &phrase_index();
      observer.ascii_filter = observer.index->first_letters();  // what may_start checks first
      observer.ascii_shapes = observer.index->first_shapes();  // and the last byte of a first word
      observer.title = rest_of_title;
      observer.buffer = &title_buffer_;
      observer.found = &on_phrase;
      guess = identify(article_of(item), rest_of_title, feed_language, phrases ? &observer : nullptr);
    } else if (phrases) {
      phrase_index().each(title, title_buffer_, on_phrase);
    }
  }
  auto title_says = [&says](Cue c) { return says[static_cast<std::size_t>(c)]; };

  // Interventions.
  if (opt_.interventions) {
    Article& a = article_of(item);
    bool appeal = false;
    auto genre_is = [&](const TermRef& r, std::string_view code) {
      return genre_ != npos && same_text(r.code, code) && same_text(r.scheme, tax_.schemes()[genre_].id);
    };
    auto is_appeal = [&](const TermRef& r) {
      return genre_ != npos && same_text(r.scheme, tax_.schemes()[genre_].id) && contains(appeal_genres_, r.code);
    };
    for (const TermRef& r : a.subjects) appeal = appeal || is_appeal(r);
    appeal = appeal || (found_genres & appeal_genre) != 0;

    Intervention* iv = std::get_if<Intervention>(&item);
    std::optional<CaseReference> ref;
    if (!iv || !iv->case_ref) {
      ref = first_reference(a.title.value);
      if (!ref) reference_hint.title = a.title.value;
      if (!ref && a.summary) {
        ref = first_reference(a.summary->value);
        if (!ref) reference_hint.summary = a.summary->value;
      }
    }
    const bool appeal_ref =
        ref && (ref->scheme() == CaseScheme::observatory || ref->scheme() == CaseScheme::amnesty_ua);
    if (!iv && (appeal || appeal_ref)) {
      auto has_genre = [&](std::string_view code, unsigned flag) {
        return std::any_of(a.subjects.begin(), a.subjects.end(), [&](const TermRef& r) { return genre_is(r, code); }) ||
               (found_genres & flag) != 0;
      };
      InterventionType type = InterventionType::urgent_appeal;
      if (has_genre("follow-up", follow_up_genre) || (ref && ref->is_follow_up()) || title_says(Cue::follow_up))
        type = InterventionType::follow_up;
      else if (has_genre("press-release", press_release_genre) || title_says(Cue::press_release))
        type = InterventionType::press_release;
      else if (has_genre("open-letter", open_letter_genre) || title_says(Cue::open_letter))
        type = InterventionType::open_letter;
      else if (title_says(Cue::closing))
        type = InterventionType::closing;
      // The article part moves twice (out of the variant, into the new
      // alternative), not three times as through Intervention(Article).
      Article article(std::move(std::get<Article>(item)));
      iv = &item.emplace<Intervention>();
      static_cast<Article&>(*iv) = std::move(article);
      iv->intervention_type = type;
      switch (type) {
        case InterventionType::urgent_appeal: iv->status = CaseStatus::open; break;
        case InterventionType::follow_up: iv->status = CaseStatus::follow_up; break;
        case InterventionType::closing: iv->status = CaseStatus::closed; break;
        default: break;
      }
      out.promoted = true;
    }
    if (iv && !iv->case_ref) {
      for (std::size_t k = 0; !ref && k < iv->categories.size(); ++k) {
        ref = first_reference(iv->categories[k].term);
        if (!ref) ref = first_reference(iv->categories[k].label);
      }
      if (!ref) {
        reference_hint.categories = iv->categories.data();
        reference_hint.category_count = iv->categories.size();
      }
      // References stand near the top of an appeal: the beginning of the body is enough.
      if (!ref && iv->content) {
        const std::string_view head = std::string_view(iv->content->value).substr(0, max_body_scan);
        const std::size_t slash = detail::reference_slash(head);
        if (slash == npos) reference_hint.content_head = head;
        else ref = detail::first_case_reference_searched(head, false, slash);
      }
      if (ref) iv->case_ref = std::move(*ref);
    }
    if (iv && iv->case_ref && iv->case_ref->scheme() == CaseScheme::observatory && country_ != npos) {
      if (auto alpha2 = country_from_alpha3(iv->case_ref->country())) {
        TermRef place{tax_.schemes()[country_].id, *alpha2};
        if (tax_.find(place)) note_local(known(std::move(place)));
      }
    }
  }

  // Violations named in the text, and the sections of an appeal.
  {
    Article& a = article_of(item);
    if (text_terms_) {
      text_found_.clear();  // pointers to the finder's refs, which outlives this run: no copies
      text_terms_->find_refs(a.title.value, text_found_);
      // The beginning of a text, cut at a code point boundary.
      auto head = [](std::string_view text, std::size_t max) {
        if (text.size() <= max) return text;
        std::size_t n = max;
        while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
        return text.substr(0, n);
      };
      if (a.summary) text_terms_->find_refs(head(a.summary->value, max_summary_terms_scan), text_found_);
      // The body only for appeals, which describe the case; its beginning is enough.
      if (a.content && std::holds_alternative<Intervention>(item))
        text_terms_->find_refs(head(a.content->value, max_text_terms_scan), text_found_);
      for (const TermRef* ref : text_found_) note_found(*ref, text_info(ref));
    }
    if (opt_.intervention_text)
      // Most bodies have no heading at all: for them the cheap test alone runs
      // (apply_intervention_text would find nothing and change nothing, but
      // would still build its list of what is missing).
      if (Intervention* iv = std::get_if<Intervention>(&item);
          iv && iv->content && detail::may_have_headings(iv->content->value)) {
        InterventionText t = apply_intervention_text(*iv);
        if (t.found_any() && !t.missing.empty()) out.intervention_text_missing = std::move(t.missing);
      }
  }

  Article& a = article_of(item);
  Intervention* iv = std::get_if<Intervention>(&item);
  add_found(a, iv);

  // Language (identified above, before the item could change kind).
  // An item language equal to the feed's (an Atom entry inheriting the feed's
  // xml:lang, an RSS item repeating the channel's) is the feed's declaration,
  // not the item's: like an empty one, it gives way to text that strongly
  // contradicts it. A language of the item's own is never changed.
  if (opt_.language && !guess.language.empty()) {
    const bool from_feed = a.language.empty() || (!a.language_inferred && !feed_language_raw_.empty() &&
                                                  ascii_iequal(a.language, feed_language_raw_));
    if (!from_feed) {
      if (guess.confidence >= opt_.contradict_language_confidence && primary_language(a.language) != guess.language)
        out.language_mismatch = guess;
    } else {
      const bool fill = feed_language_.empty()
                            ? guess.confidence >= opt_.infer_language_confidence
                            : guess.confidence >= opt_.contradict_language_confidence && guess.language != feed_language_;
      if (fill) {
        a.language = guess.language;
        a.language_inferred = true;
        out.inferred_language = guess;
      }
    }
  }
  return out;
}

/// Hints to the processor that `p` is about to be read.
inline void prefetch(const void* p) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(p);
#else
  (void)p;
#endif
}

/// The item object, every cache line of it: classification reads fields all
/// over it (the variant's index, at its end, first of all; compilers drop that
/// load from `article_of`, both alternatives starting at the same address), and
/// promotion to an intervention moves the whole of it.
void prefetch_fields(const Item& item) noexcept {
  const char* const p = reinterpret_cast<const char*>(&item);
#if defined(__clang__)
#pragma unroll
#elif defined(__GNUC__)
#pragma GCC unroll 64
#endif
  for (std::size_t at = 0; at < sizeof(Item); at += 64) prefetch(p + at);
  prefetch(p + sizeof(Item) - 1);
}

/// What those fields point to (they are in cache by now): the texts read
/// (their beginnings) and the categories with their terms.
void prefetch_pointees(const Item& item) noexcept {
  const Article& a = article_of(item);
  prefetch(a.title.value.data());
  prefetch(a.url.data());
  if (a.summary) prefetch(a.summary->value.data());
  if (a.content) prefetch(a.content->value.data());
  const std::size_t n = std::min<std::size_t>(a.categories.size(), 8);
  for (std::size_t k = 0; k < n; ++k) {
    prefetch(&a.categories[k]);
    prefetch(a.categories[k].term.data());
  }
}

std::string format_confidence(double c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", c);
  return buf;
}

std::string diagnostic_key(const Diagnostic& d) { return d.code + '\n' + d.path + '\n' + d.message; }

}  // namespace

namespace detail {

/// Calls `f` with each reference of `text` in turn (what find_case_references
/// lists) until `f` returns true. No slash is before `first_slash`.
template <class F>
void each_case_reference(std::string_view text, F&& f, std::size_t first_slash = 0) {
  // Every form has a digit, then (perhaps spaces and) a slash, within a few
  // bytes of its start: only the neighbourhood of such slashes is examined.
  constexpr std::size_t reach = 48;  // bytes before a slash where a reference may start
  std::size_t next = 0;              // no reference starts before this (the end of the last one)
  std::size_t tried = 0;             // starts before this were already tried
  for (std::size_t slash_at = text.find('/', first_slash); slash_at != std::string_view::npos;
       slash_at = text.find('/', slash_at + 1)) {
    if (slash_at < next) continue;
    std::size_t d = slash_at;
    while (d > 0 && (text[d - 1] == ' ' || text[d - 1] == '\t')) --d;
    if (d == 0 || !is_digit(text[d - 1])) continue;
    const std::size_t from = std::max({next, tried, slash_at > reach ? slash_at - reach : std::size_t{0}});
    tried = slash_at;
    for (std::size_t i = from; i < slash_at; ++i) {
      if (!is_upper(text[i]) || (i > 0 && is_alnum(text[i - 1]))) continue;
      std::size_t start = i;
      CaseScheme expected = CaseScheme::observatory;
      std::size_t end = observatory_at(text, i);
      if (end == npos) {
        expected = CaseScheme::amnesty_index;
        end = amnesty_index_at(text, i);
      }
      if (end == npos) {
        expected = CaseScheme::amnesty_ua;
        end = amnesty_ua_at(text, i);
        if (end != npos) {
          const std::size_t further = further_information_before(text, i);
          if (further != npos) start = further;
        }
      }
      if (end == npos || (end < text.size() && is_alnum(text[end]))) continue;
      CaseReference r = CaseReference::parse(text.substr(start, end - start));
      if (r.scheme() != expected) continue;
      if (f(std::move(r))) return;  // the caller has what it wants
      next = tried = end;
      break;
    }
  }
}

std::optional<CaseReference> first_case_reference_searched(std::string_view text, bool appeals_only,
                                                           std::size_t from) {
  std::optional<CaseReference> out;
  each_case_reference(
      text,
      [&](CaseReference&& r) {
        if (appeals_only && r.scheme() != CaseScheme::observatory && r.scheme() != CaseScheme::amnesty_ua)
          return false;
        out = std::move(r);
        return true;
      },
      from);
  return out;
}

}  // namespace detail

std::vector<CaseReference> find_case_references(std::string_view text) {
  std::vector<CaseReference> out;
  detail::each_case_reference(text, [&out](CaseReference&& r) {
    out.push_back(std::move(r));
    return false;
  });
  return out;
}

ItemClassification classify(Item& item, const Taxonomy& taxonomy, const ClassifyOptions& options,
                            std::string_view feed_language) {
  Classifier classifier(taxonomy, options);
  return classifier.run(item, feed_language);
}

void classify(Collection& collection, const Taxonomy& taxonomy, const ClassifyOptions& options) {
  detail::classify_items(collection, taxonomy, options, nullptr, nullptr);
}

void detail::classify_items(Collection& collection, const Taxonomy& taxonomy, const ClassifyOptions& options,
                            void (*after_item)(void* context, std::size_t index, const ReferenceHint& hint),
                            void* context) {
  std::vector<Diagnostic> added;
  auto note = [&added](std::string code, Severity severity, std::string message, std::string path = {}) {
    Diagnostic d;
    d.severity = severity;
    d.code = std::move(code);
    d.message = std::move(message);
    d.path = std::move(path);
    added.push_back(std::move(d));
  };

  std::optional<Taxonomy> extended;
  const Taxonomy* tax = &taxonomy;
  if (options.collection_schemes && !collection.schemes.empty()) {
    try {
      extended.emplace(extend(taxonomy, collection.schemes));
      tax = &*extended;
    } catch (const std::invalid_argument& e) {
      note("scheme-invalid", Severity::warning,
           std::string("the collection's schemes cannot extend the taxonomy (") + e.what() +
               "); classified without them",
           "/schemes");
    }
  }

  Classifier classifier(*tax, options);
  std::vector<std::pair<std::string, std::size_t>> unknown;  // label, count; in order of first appearance
  std::unordered_map<std::string, std::size_t> unknown_at;
  std::size_t uncounted = 0;  // occurrences of labels beyond max_counted_unknown
  const std::size_t n = collection.items.size();
  for (std::size_t i = 0; i < n; ++i) {
    // Items were read long before: fetch the next ones' fields, then what they point to.
    if (i + 2 < n) prefetch_fields(collection.items[i + 2]);
    if (i + 1 < n) prefetch_pointees(collection.items[i + 1]);
    classifier.reference_hint = {};
    ItemClassification r = classifier.run(collection.items[i], collection.feed.language);
    if (after_item) after_item(context, i, classifier.reference_hint);  // while the item is in cache
    for (std::string& label : r.unknown_labels) {
      auto it = unknown_at.find(label);
      if (it != unknown_at.end()) ++unknown[it->second].second;
      else if (unknown.size() < max_counted_unknown) {
        unknown_at.emplace(label, unknown.size());
        unknown.emplace_back(std::move(label), 1);
      } else {
        ++uncounted;
      }
    }
    auto path = [i] { return "/items/" + std::to_string(i) + "/language"; };
    if (r.inferred_language) {
      std::string message = "language \"" + r.inferred_language->language + "\" inferred from the text (confidence " +
                            format_confidence(r.inferred_language->confidence) + ")";
      if (!collection.feed.language.empty())
        message += "; the feed declares \"" + collection.feed.language + "\"";
      note("language-inferred", Severity::info, std::move(message), path());
    }
    if (!r.intervention_text_missing.empty()) {
      std::string message = "appeal text: not found: ";
      for (std::size_t k = 0; k < r.intervention_text_missing.size(); ++k) {
        if (k) message += ", ";
        message += r.intervention_text_missing[k];
      }
      note("intervention-text-incomplete", Severity::info, std::move(message),
           "/items/" + std::to_string(i) + "/content");
    }
    if (r.language_mismatch) {
      note("language-mismatch", Severity::info,
           "declared language \"" + article_of(collection.items[i]).language + "\" but the text looks like \"" +
               r.language_mismatch->language + "\" (confidence " + format_confidence(r.language_mismatch->confidence) +
               "); kept as declared",
           path());
    }
  }
  if (options.report_unknown && !unknown.empty()) {
    std::string message = std::to_string(unknown.size()) +
                          (unknown.size() == 1 ? " category label not in the taxonomy, kept as a raw category: "
                                               : " category labels not in the taxonomy, kept as raw categories: ");
    for (std::size_t k = 0; k < unknown.size() && k < max_listed_unknown; ++k) {
      if (k) message += ", ";
      message += "\"" + unknown[k].first + "\" (" + std::to_string(unknown[k].second) + ")";
    }
    if (unknown.size() > max_listed_unknown)
      message += ", and " + std::to_string(unknown.size() - max_listed_unknown) + " more";
    if (uncounted > 0) message += " (and " + std::to_string(uncounted) + " occurrences of labels not counted)";
    note("unknown-category", Severity::info, std::move(message));
  }
  if (added.empty()) return;

  // Never the same diagnostic twice: classifying again adds nothing.
  std::unordered_set<std::string> present;
  for (const Diagnostic& d : collection.diagnostics)
    if (d.code == "unknown-category" || d.code == "language-inferred" || d.code == "language-mismatch" ||
        d.code == "intervention-text-incomplete" ||
        d.code == "scheme-invalid")
      present.insert(diagnostic_key(d));
  for (Diagnostic& d : added)
    if (present.insert(diagnostic_key(d)).second) collection.diagnostics.push_back(std::move(d));
}

}  // namespace hrnews
