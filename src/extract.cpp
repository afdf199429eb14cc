// SPDX-License-Identifier: Apache-2.0
// Terms named in body text, and the sections of urgent appeals.
// See include/hrnews/extract.hpp.
#include <hrnews/extract.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <iterator>

#include "fold.hpp"
#include "swar.hpp"

namespace hrnews {
namespace {

constexpr std::size_t max_word = 120;  // folded bytes of a word hashed; a longer word matches no phrase

/// The hash of a folded word: eight bytes at a time, with its length; never 0
/// (0 stands for a word too long to match). `w` must have 8 readable bytes
/// beyond `n` (they do not count).
std::uint64_t word_hash_padded(const char* w, std::size_t n) noexcept {
  constexpr std::uint64_t k = 0xff51afd7ed558ccdULL;
  std::uint64_t h = static_cast<std::uint64_t>(n) * 0x9E3779B97F4A7C15ULL;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t x;
    std::memcpy(&x, w + i, 8);
    h = (((h << 23) | (h >> 41)) ^ x) * k;
  }
  if (i < n) {
    std::uint64_t x;
    std::memcpy(&x, w + i, 8);
    x &= ~std::uint64_t{0} >> (64 - 8 * (n - i));  // the bytes of the word only (little-endian order, or not: the same everywhere)
    h = (((h << 23) | (h >> 41)) ^ x) * k;
  }
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h ? h : 1;
}

std::uint64_t word_hash(std::string_view w) {
  std::string padded(w);
  padded.append(8, '\0');
  return word_hash_padded(padded.data(), w.size());
}

using detail::swar::alnum_bytes;
using detail::swar::high_bits;
using detail::swar::little_endian;

/// Splits folded text (words separated by single spaces) into words.
std::vector<std::string> split_words(const std::string& folded) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < folded.size()) {
    std::size_t j = folded.find(' ', i);
    if (j == std::string::npos) j = folded.size();
    if (j > i) out.emplace_back(folded, i, j - i);
    i = j + 1;
  }
  return out;
}

// ASCII bytes to what a word is made of: letters lower-cased, digits kept; 0
// for separators. Bytes from 0x80 on are marked 0x80 (the start or the rest of
// a multi-byte code point, decoded on the slow path).
constexpr std::array<unsigned char, 256> word_byte = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<unsigned char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<unsigned char>(c - 'A' + 'a');
  for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = static_cast<unsigned char>(c);
  for (int c = 0x80; c < 0x100; ++c) t[static_cast<std::size_t>(c)] = 0x80;
  return t;
}();

/// The words of `text`, folded (lower case, accents removed; HTML tags and
/// character references skipped), as hashes of their folded form (`word_hash`):
/// phrase matching compares hashes. Runs of ASCII letters are read eight bytes
/// at a time.
struct WordHashes {
  std::vector<std::uint64_t> hashes;
  std::string scratch;  // one folded code point

  void clear() { hashes.clear(); }

  void add(std::string_view text) {
    // The word being read, folded, in a local buffer with 8 bytes of slack
    // (locals, so that the compiler keeps them in registers).
    char word[max_word + 16];
    std::size_t len = 0;
    std::vector<std::uint64_t>& out = hashes;
    auto end_word = [&] {
      if (len == 0) return;
      out.push_back(len > max_word ? 0 : word_hash_padded(word, len));
      len = 0;
    };
    // Appends the first `k` (at most 8) of the 8 bytes at `bytes`.
    auto append = [&](const char* bytes, std::size_t k) {
      if (len + k > max_word) {
        len = max_word + 1;  // too long: only the length is kept
        return;
      }
      std::memcpy(word + len, bytes, 8);
      len += k;
    };
    std::size_t i = 0;
    const std::size_t n = text.size();
    const char* p = text.data();
    const bool swar = little_endian();
    while (i < n) {
      if (swar && i + 8 <= n) {
        std::uint64_t x;
        std::memcpy(&x, p + i, 8);
        const std::uint64_t m = alnum_bytes(x);
        if (m != 0) {
          const std::uint64_t lowered = x | (m >> 2);  // 0x20 on letters; digits have it already
          const std::size_t k = m == high_bits ? 8 : static_cast<std::size_t>(__builtin_ctzll(~m & high_bits)) / 8;
          if (k > 0) {
            char bytes[8];
            std::memcpy(bytes, &lowered, 8);
            append(bytes, k);
            i += k;
            if (k < 8 && p[i] == ' ') {  // the usual end of a word: one space
              end_word();
              ++i;
            }
            continue;
          }
        }
      } else {
        const unsigned char l = word_byte[static_cast<unsigned char>(p[i])];
        if (l != 0 && l < 0x80) {
          const char c[8] = {static_cast<char>(l)};
          append(c, 1);
          ++i;
          continue;
        }
      }
      const auto c = static_cast<unsigned char>(p[i]);
      if (c < 0x80) {
        end_word();
        if (c == '<') {  // a tag: skipped, a word boundary
          const void* close = std::memchr(p + i, '>', n - i);
          i = close ? static_cast<std::size_t>(static_cast<const char*>(close) - p) + 1 : n;
        } else if (c == '&') {  // a character reference: skipped, a word boundary
          std::size_t j = i + 1;
          while (j < n && j - i < 10 && p[j] != ';' && p[j] != ' ') ++j;
          i = (j < n && p[j] == ';') ? j + 1 : i + 1;
        } else {
          ++i;
        }
        continue;
      }
      const char32_t cp = detail::decode_utf8(text, i);
      scratch.clear();
      if (detail::fold_code_point(cp, scratch)) {
        // (A combining mark folds to nothing: it neither starts nor ends a word.)
        scratch.append(8, '\0');
        for (std::size_t k = 0; k + 8 < scratch.size(); k += 8)
          append(scratch.data() + k, std::min<std::size_t>(8, scratch.size() - 8 - k));
      } else {
        end_word();
      }
    }
    end_word();
  }
};

}  // namespace

struct TextTermFinder::Impl {
  struct Phrase {
    std::vector<std::uint64_t> words;  // hashes of the folded words
    TermRef ref;
    std::uint32_t term = 0;  // index of the term in its scheme
  };
  std::vector<Phrase> phrases;
  /// First-word hashes in an open-addressing table (a power of two, at most
  /// a quarter full): a word that starts no phrase costs one probe, mostly.
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t begin = 0, count = 0;  // its phrases in `by_first`
  };
  std::vector<Slot> slots;
  std::size_t mask = 0;
  std::vector<std::uint32_t> by_first;  // phrase indexes, grouped by first word

  const Slot* lookup(std::uint64_t h) const noexcept {
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots[i];
      if (s.count == 0) return nullptr;
      if (s.hash == h) return &s;
    }
  }
};

TextTermFinder::TextTermFinder(const Taxonomy& taxonomy, std::string_view scheme_id) : impl_(std::make_unique<Impl>()) {
  const Scheme* scheme = taxonomy.find_scheme(scheme_id);
  if (!scheme) return;
  std::vector<std::uint64_t> firsts;  // in order of first appearance
  for (std::size_t ti = 0; ti < scheme->terms.size(); ++ti) {
    const Term& t = scheme->terms[ti];
    if (t.deprecated) continue;
    std::vector<std::string> labels;
    for (const auto& [lang, label] : t.labels) labels.push_back(label);
    for (const auto& [lang, list] : t.alt_labels) labels.insert(labels.end(), list.begin(), list.end());
    for (const std::string& label : labels) {
      const std::vector<std::string> folded = split_words(detail::fold(label));
      // One word says too little in human-rights prose ("torture", "raid"): phrases only.
      if (folded.size() < 2) continue;
      std::vector<std::uint64_t> words;
      for (const std::string& w : folded) words.push_back(word_hash(w));
      const bool dup = std::any_of(impl_->phrases.begin(), impl_->phrases.end(), [&](const Impl::Phrase& p) {
        return p.words == words && p.ref.code == t.code;
      });
      if (dup) continue;
      if (std::find(firsts.begin(), firsts.end(), words.front()) == firsts.end()) firsts.push_back(words.front());
      impl_->phrases.push_back(Impl::Phrase{std::move(words), TermRef{scheme->id, t.code}, static_cast<std::uint32_t>(ti)});
    }
  }
  std::size_t size = 16;
  while (size < 4 * firsts.size()) size *= 2;
  impl_->slots.resize(size);
  impl_->mask = size - 1;
  for (std::uint64_t h : firsts) {
    std::size_t i = h & impl_->mask;
    while (impl_->slots[i].count != 0) i = (i + 1) & impl_->mask;
    Impl::Slot& slot = impl_->slots[i];
    slot.hash = h;
    slot.begin = static_cast<std::uint32_t>(impl_->by_first.size());
    for (std::size_t k = 0; k < impl_->phrases.size(); ++k)  // in taxonomy order, as before
      if (impl_->phrases[k].words.front() == h) impl_->by_first.push_back(static_cast<std::uint32_t>(k));
    slot.count = static_cast<std::uint32_t>(impl_->by_first.size()) - slot.begin;
  }
}

TextTermFinder::~TextTermFinder() = default;

std::size_t TextTermFinder::phrase_count() const noexcept { return impl_->phrases.size(); }

void TextTermFinder::find(std::string_view text, std::vector<TermRef>& out) const {
  if (impl_->phrases.empty() || text.empty()) return;
  thread_local WordHashes words;
  words.clear();
  words.add(text);
  const std::uint64_t* hs = words.hashes.data();
  const std::size_t count = words.hashes.size();
  const Impl& impl = *impl_;
  // Terms already matched in this text: a term named again costs no comparison of refs.
  std::uint32_t seen[16];
  std::size_t seen_count = 0;
  for (std::size_t k = 0; k < count; ++k) {
    const Impl::Slot* slot = impl.lookup(hs[k]);
    if (!slot) continue;
    for (std::uint32_t q = slot->begin; q < slot->begin + slot->count; ++q) {
      const Impl::Phrase& phrase = impl.phrases[impl.by_first[q]];
      const std::size_t len = phrase.words.size();
      if (k + len > count) continue;
      std::size_t w = 1;
      while (w < len && phrase.words[w] == hs[k + w]) ++w;
      if (w < len) continue;
      if (std::find(seen, seen + seen_count, phrase.term) != seen + seen_count) continue;
      if (seen_count < std::size(seen)) seen[seen_count++] = phrase.term;
      if (std::find(out.begin(), out.end(), phrase.ref) == out.end()) out.push_back(phrase.ref);
    }
  }
}

std::vector<TermRef> TextTermFinder::find(std::string_view text) const {
  std::vector<TermRef> out;
  find(text, out);
  return out;
}

// ---------------------------------------------------------------------------
// Appeal sections

namespace {

enum class Section { none, situation, actions, addresses };

struct Heading {
  std::string_view folded;
  Section section;
};

constexpr Heading headings[] = {
    {"actions requested", Section::actions},
    {"action requested", Section::actions},
    {"actions demandees", Section::actions},
    {"action demandee", Section::actions},
    {"acciones solicitadas", Section::actions},
    {"accion solicitada", Section::actions},
    {"addresses", Section::addresses},
    {"please write to", Section::addresses},
    {"adresses", Section::addresses},
    {"direcciones", Section::addresses},
    {"brief description of the situation", Section::situation},
    {"description of the situation", Section::situation},
    {"rappel des faits", Section::situation},
    {"breve description de la situation", Section::situation},
    {"description de la situation", Section::situation},
    {"breve descripcion de la situacion", Section::situation},
    {"descripcion de la situacion", Section::situation},
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  // U+00A0 at either end.
  while (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xC2 && static_cast<unsigned char>(s[1]) == 0xA0)
    s.remove_prefix(2);
  while (s.size() >= 2 && static_cast<unsigned char>(s[s.size() - 2]) == 0xC2 &&
         static_cast<unsigned char>(s.back()) == 0xA0)
    s.remove_suffix(2);
  return s;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

/// HTML (or plain text) to lines: block elements and `<br>` end lines, `</p>`
/// and the like leave an empty line between paragraphs; other tags vanish;
/// the common character references are decoded.
std::string to_plain_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '<') {
      const std::size_t close = text.find('>', i);
      if (close == std::string_view::npos) {
        out.append(text.substr(i));
        break;
      }
      std::string_view tag = text.substr(i + 1, close - i - 1);
      const bool end_tag = !tag.empty() && tag[0] == '/';
      if (end_tag) tag.remove_prefix(1);
      std::size_t name_end = 0;
      while (name_end < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[name_end])) != 0)) ++name_end;
      std::string name(tag.substr(0, name_end));
      for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      static const char* const paragraphs[] = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
                                               "blockquote", "table", "section"};
      static const char* const lines[] = {"br", "li", "tr", "dt", "dd"};
      if (std::any_of(std::begin(paragraphs), std::end(paragraphs), [&](const char* t) { return name == t; }))
        out += "\n\n";
      else if (std::any_of(std::begin(lines), std::end(lines), [&](const char* t) { return name == t; }))
        out += '\n';
      i = close + 1;
      continue;
    }
    if (c == '&') {
      static const std::pair<std::string_view, std::string_view> refs[] = {
          {"&amp;", "&"},  {"&lt;", "<"},        {"&gt;", ">"},        {"&quot;", "\""},      {"&#39;", "'"},
          {"&apos;", "'"}, {"&nbsp;", " "},      {"&eacute;", "\xC3\xA9"}, {"&egrave;", "\xC3\xA8"},
          {"&agrave;", "\xC3\xA0"}, {"&oacute;", "\xC3\xB3"}, {"&aacute;", "\xC3\xA1"}, {"&iacute;", "\xC3\xAD"},
          {"&ntilde;", "\xC3\xB1"}, {"&ccedil;", "\xC3\xA7"}};
      bool done = false;
      for (const auto& [ref, repl] : refs)
        if (text.compare(i, ref.size(), ref) == 0) {
          out += repl;
          i += ref.size();
          done = true;
          break;
        }
      if (done) continue;
    }
    out += c;
    ++i;
  }
  return out;
}

/// The heading a line is, and the text after `Heading:` on the same line.
Section heading_of(std::string_view line, std::string_view& rest) {
  std::string_view t = trim(line);
  // Strip emphasis characters a plain-text appeal may carry around a heading.
  while (!t.empty() && (t.front() == '*' || t.front() == '#' || t.front() == '_')) t.remove_prefix(1);
  if (t.size() > 200) t = t.substr(0, 200);
  const std::size_t colon = t.find(':');
  const std::string_view head = colon == std::string_view::npos ? t : t.substr(0, colon);
  const std::string folded = detail::fold(head);
  for (const Heading& h : headings) {
    if (folded == h.folded) {
      rest = colon == std::string_view::npos ? std::string_view() : trim(t.substr(colon + 1));
      while (!rest.empty() && (rest.front() == '*' || rest.front() == '_')) rest.remove_prefix(1);
      return h.section;
    }
  }
  return Section::none;
}

/// A line without its bullet or numbering.
std::string_view strip_bullet(std::string_view s) {
  s = trim(s);
  static constexpr std::string_view bullets[] = {"\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x80\x94", "-", "*", "\xC2\xB7"};
  for (std::string_view b : bullets)
    if (s.substr(0, b.size()) == b) return trim(s.substr(b.size()));
  // 1. 1) i. ii) a) a.
  std::size_t k = 0;
  while (k < s.size() && k < 5 && (std::isdigit(static_cast<unsigned char>(s[k])) || s[k] == 'i' || s[k] == 'v' ||
                                   s[k] == 'x'))
    ++k;
  if (k == 0 && s.size() > 1 && s[0] >= 'a' && s[0] <= 'z') k = 1;
  if (k > 0 && k < s.size() && (s[k] == '.' || s[k] == ')') && k + 1 < s.size() && s[k + 1] == ' ')
    return trim(s.substr(k + 1));
  return s;
}

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i <= s.size()) {
    std::size_t j = s.find('\n', i);
    if (j == std::string_view::npos) j = s.size();
    out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

Addressee addressee_from(const std::vector<std::string_view>& block) {
  Addressee a;
  bool first = true;
  for (std::string_view raw : block) {
    std::string_view line = strip_bullet(raw);
    if (line.empty()) continue;
    struct Field {
      std::string_view prefix;
      std::string Addressee::*field;
    };
    static const Field fields[] = {
        {"e-mail", &Addressee::email},   {"email", &Addressee::email},   {"courriel", &Addressee::email},
        {"correo", &Addressee::email},   {"fax", &Addressee::fax},       {"tel", &Addressee::phone},
        {"phone", &Addressee::phone},    {"t\xC3\xA9l", &Addressee::phone}, {"tel\xC3\xA9", &Addressee::phone},
    };
    bool matched = false;
    for (const Field& f : fields) {
      if (!starts_with_ci(line, f.prefix)) continue;
      std::size_t k = line.find(':');
      if (k == std::string_view::npos || k > 24) continue;
      a.*(f.field) = std::string(trim(line.substr(k + 1)));
      matched = true;
      break;
    }
    if (matched) continue;
    if (first) {
      const std::size_t comma = line.find(',');
      a.name = std::string(trim(line.substr(0, comma)));
      if (comma != std::string_view::npos) a.title = std::string(trim(line.substr(comma + 1)));
      first = false;
    } else {
      if (!a.address.empty()) a.address += '\n';
      a.address += std::string(line);
    }
  }
  return a;
}

bool is_upper_start(std::string_view w) {
  if (w.empty()) return false;
  const auto c = static_cast<unsigned char>(w[0]);
  if (c >= 'A' && c <= 'Z') return true;
  // Latin-1 capitals (À..Þ) in UTF-8.
  return c == 0xC3 && w.size() > 1 && static_cast<unsigned char>(w[1]) >= 0x80 &&
         static_cast<unsigned char>(w[1]) <= 0x9E;
}

std::vector<Victim> victims_from(std::string_view text) {
  static constexpr std::string_view titles[] = {"Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms", "M.", "Mme", "Mlle",
                                                "Sr.", "Sra.", "Srta.", "Dr."};
  std::vector<Victim> out;
  std::size_t i = 0;
  while (i < text.size()) {
    // At a word start.
    if (i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1]))) {
      ++i;
      continue;
    }
    std::string_view title;
    for (std::string_view t : titles)
      if (text.compare(i, t.size(), t) == 0 && i + t.size() < text.size() && text[i + t.size()] == ' ') {
        title = t;
        break;
      }
    if (title.empty()) {
      ++i;
      continue;
    }
    std::size_t j = i + title.size() + 1;
    std::string name;
    int words = 0;
    while (j < text.size() && words < 5) {
      std::size_t end = j;
      while (end < text.size() && text[end] != ' ' && text[end] != ',' && text[end] != '.' && text[end] != ';' &&
             text[end] != ')' && text[end] != '\n' && text[end] != ':')
        ++end;
      const std::string_view word = text.substr(j, end - j);
      const bool particle = word == "de" || word == "del" || word == "da" || word == "van" || word == "von" ||
                            word == "Ould" || word == "ben" || word == "bin" || word == "al";
      if (word.empty() || (!is_upper_start(word) && !(particle && words > 0))) break;
      if (!name.empty()) name += ' ';
      name += std::string(word);
      ++words;
      j = end;
      if (j < text.size() && text[j] == ' ') ++j;
      else break;
    }
    while (!name.empty() && (name.size() >= 3 && (name.compare(name.size() - 3, 3, " de") == 0))) name.resize(name.size() - 3);
    if (!name.empty()) {
      bool known = false;
      for (Victim& v : out) {
        if (v.name == name || (v.name.size() > name.size() && v.name.compare(v.name.size() - name.size(), name.size(), name) == 0 &&
                               v.name[v.name.size() - name.size() - 1] == ' ')) {
          known = true;
          break;
        }
      }
      if (!known) {
        Victim v;
        v.name = std::move(name);
        out.push_back(std::move(v));
      }
    }
    i = j > i ? j : i + 1;
  }
  return out;
}

/// A cheap test before the real reading: true when a line or element of `text`
/// (after a newline or a `>`) starts with the first word of a heading.
bool may_have_headings(std::string_view text) {
  static constexpr std::string_view ascii_words[] = {"actions", "action", "acciones", "addresses", "adresses",
                                                     "direcciones", "please", "brief", "description", "rappel",
                                                     "breve", "descripcion", "accion"};
  static constexpr std::string_view accented_prefixes[] = {"acci", "descripci", "br"};  // acción, descripción, brève
  const std::size_t n = text.size();
  // Does a heading word start at `i`?
  auto starts_heading = [&](std::size_t i) {
    std::size_t j = i;
    while (j < n && (text[j] == ' ' || text[j] == '\t' || text[j] == '*' || text[j] == '#' || text[j] == '_')) ++j;
    char word[16];
    std::size_t len = 0;
    while (j < n && len < sizeof word) {
      char c = text[j];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c < 'a' || c > 'z') break;
      word[len++] = c;
      ++j;
    }
    if (len < 2 || len == sizeof word) return false;
    const std::string_view w(word, len);
    const bool accented = j < n && (static_cast<unsigned char>(text[j]) & 0x80) != 0;
    for (std::string_view a : ascii_words)
      if (w == a) return true;
    if (accented)
      for (std::string_view a : accented_prefixes)
        if (w == a) return true;
    return false;
  };
  if (n == 0) return false;
  if (starts_heading(0)) return true;
  // Only the starts of lines and elements are examined: found with memchr, not byte by byte.
  const char* const p = text.data();
  const char* nl = static_cast<const char*>(std::memchr(p, '\n', n));
  const char* gt = static_cast<const char*>(std::memchr(p, '>', n));
  while (nl || gt) {
    const bool newline = nl && (!gt || nl < gt);
    const char* at = newline ? nl : gt;
    const std::size_t next = static_cast<std::size_t>(at - p) + 1;
    if (next < n && starts_heading(next)) return true;
    const void* again = next < n ? std::memchr(p + next, newline ? '\n' : '>', n - next) : nullptr;
    (newline ? nl : gt) = static_cast<const char*>(again);
  }
  return false;
}

}  // namespace

InterventionText parse_intervention_text(std::string_view text) {
  InterventionText out;
  if (!may_have_headings(text)) {
    out.missing = {"situation", "requested actions", "addressees", "victims"};
    return out;
  }
  const std::string plain = to_plain_lines(text);
  const std::vector<std::string_view> lines = split_lines(plain);
  Section current = Section::none;
  std::vector<std::string_view> situation, actions, addresses;
  bool seen_situation = false, seen_actions = false, seen_addresses = false;
  for (std::string_view line : lines) {
    std::string_view rest;
    const Section s = heading_of(line, rest);
    if (s != Section::none) {
      current = s;
      seen_situation = seen_situation || s == Section::situation;
      seen_actions = seen_actions || s == Section::actions;
      seen_addresses = seen_addresses || s == Section::addresses;
      if (!rest.empty()) line = rest;
      else continue;
    }
    switch (current) {
      case Section::situation: situation.push_back(line); break;
      case Section::actions: actions.push_back(line); break;
      case Section::addresses: addresses.push_back(line); break;
      case Section::none: break;
    }
  }
  // Situation: paragraphs joined by an empty line, lines by a space.
  {
    std::string para;
    for (std::string_view line : situation) {
      line = trim(line);
      if (line.empty()) {
        if (!para.empty()) {
          if (!out.situation.empty()) out.situation += "\n\n";
          out.situation += para;
          para.clear();
        }
        continue;
      }
      if (!para.empty()) para += ' ';
      para += std::string(line);
    }
    if (!para.empty()) {
      if (!out.situation.empty()) out.situation += "\n\n";
      out.situation += para;
    }
  }
  for (std::string_view line : actions) {
    const std::string_view a = strip_bullet(line);
    if (a.empty() || a.back() == ':') continue;
    out.requested_actions.emplace_back(a);
  }
  {
    std::vector<std::string_view> block;
    auto flush = [&] {
      if (block.empty()) return;
      // One line without an e-mail, fax or phone is a sentence ("Please also write to…"), not an address.
      const bool sentence = block.size() == 1;
      Addressee a = addressee_from(block);
      block.clear();
      if (sentence && a.email.empty() && a.fax.empty() && a.phone.empty()) return;
      if (!a.name.empty() || !a.address.empty() || !a.email.empty()) out.addressees.push_back(std::move(a));
    };
    for (std::string_view line : addresses) {
      if (trim(line).empty()) flush();
      else block.push_back(line);
    }
    flush();
  }
  out.victims = victims_from(out.situation);
  if (out.situation.empty()) out.missing.emplace_back(seen_situation ? "situation (empty section)" : "situation");
  if (out.requested_actions.empty())
    out.missing.emplace_back(seen_actions ? "requested actions (empty section)" : "requested actions");
  if (out.addressees.empty()) out.missing.emplace_back(seen_addresses ? "addressees (empty section)" : "addressees");
  if (out.victims.empty()) out.missing.emplace_back("victims");
  return out;
}

InterventionText apply_intervention_text(Intervention& iv) {
  if (!iv.content || iv.content->value.empty()) return {};
  InterventionText t = parse_intervention_text(iv.content->value);
  if (iv.requested_actions.empty()) iv.requested_actions = t.requested_actions;
  if (iv.addressees.empty()) iv.addressees = t.addressees;
  if (iv.victims.empty()) iv.victims = t.victims;
  if (!iv.summary && !t.situation.empty()) iv.summary = Text{t.situation, TextType::text};
  return t;
}

}  // namespace hrnews
