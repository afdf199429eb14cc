// SPDX-License-Identifier: Apache-2.0
// Reading real-world XML feeds: the character set is found (byte-order mark,
// XML declaration, caller's hint) and the bytes decoded to UTF-8 with iconv,
// then one linear pass checks the text and repairs what is broken — lazily:
// nothing is copied until the first repair — and pugixml parses the result.
// No entity from a DOCTYPE is ever expanded and nothing external is fetched.
#include "xml_input.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <utility>

#include <iconv.h>
#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif
#include "common.hpp"
#include "../fold.hpp"
#include "../swar.hpp"  // HRNEWS_SSE2: the 16-byte paths (HRNEWS_NO_SSE2: the portable ones, under test)
#include "../utf8.hpp"

namespace hrnews::detail {
namespace {

// ---------------------------------------------------------------------------
// HTML 5 named character references (scripts/gen_html_entities.py)

struct EntityRow {
  std::string_view name;   // without '&' and ';'
  std::string_view value;  // UTF-8
  bool legacy;             // HTML also accepts it without ';' (unused: we require ';')
};

constexpr EntityRow kEntities[] = {
#include "html_entities.inc"
};

// ---------------------------------------------------------------------------
// Character classes (ASCII; bytes >= 0x80 are handled as UTF-8)

enum : unsigned char {
  kSpace = 1,      // XML white space
  kNameStart = 2,  // may start a name (as pugixml: letters, '_', ':')
  kName = 4,       // may continue a name (also digits, '-', '.')
};

constexpr std::array<unsigned char, 256> make_classes() {
  std::array<unsigned char, 256> t{};
  t[' '] = t['\t'] = t['\n'] = t['\r'] = kSpace;
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = kNameStart | kName;
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = kNameStart | kName;
  for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = kName;
  t['_'] = t[':'] = kNameStart | kName;
  t['-'] = t['.'] = kName;
  return t;
}
constexpr std::array<unsigned char, 256> kClass = make_classes();

inline unsigned char byte_at(const char* s, std::size_t i) noexcept { return static_cast<unsigned char>(s[i]); }
inline bool is_space(unsigned char c) noexcept { return kClass[c] & kSpace; }
inline bool is_name_start_ascii(unsigned char c) noexcept { return kClass[c] & kNameStart; }
inline bool is_name_ascii(unsigned char c) noexcept { return kClass[c] & kName; }

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

/// Length of the well-formed UTF-8 sequence starting at `p` (whose first byte is
/// >= 0x80), or minus the length of its maximal ill-formed subpart, which is
/// replaced by one U+FFFD (Unicode §3.9, as WHATWG decoders do).
inline int utf8_sequence(const char* p, std::size_t avail) noexcept {
  const unsigned c = static_cast<unsigned char>(p[0]);
  int len = 0;
  unsigned lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    else if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    else if (c == 0xF4) hi = 0x8F;  // nothing beyond U+10FFFF
  } else {
    return -1;
  }
  for (int k = 1; k < len; ++k) {
    if (static_cast<std::size_t>(k) >= avail) return -k;
    const unsigned b = static_cast<unsigned char>(p[k]);
    if (b < (k == 1 ? lo : 0x80u) || b > (k == 1 ? hi : 0xBFu)) return -k;
  }
  return len;
}


// ---------------------------------------------------------------------------
// Skipping bytes that need no attention, eight at a time (SWAR).
//
// "Special" bytes are the C0 controls (TAB, LF and CR included: they are
// cheap to step over one by one), bytes >= 0x80 (to be checked as UTF-8) and
// up to three ASCII characters that matter in the current context.

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHigh = 0x8080808080808080ULL;

/// High bit set in (at least) the lowest byte of `w` that equals `c`, if any.
inline std::uint64_t bytes_equal(std::uint64_t w, unsigned char c) noexcept {
  const std::uint64_t x = w ^ (kOnes * c);
  return (x - kOnes) & ~x & kHigh;
}

/// High bit set in the lowest byte of `w` below 0x20 or above 0x7F, if any.
inline std::uint64_t bytes_control_or_high(std::uint64_t w) noexcept {
  return ((w - kOnes * 0x20) & ~w & kHigh) | (w & kHigh);
}

inline std::size_t lowest_flagged_byte(std::uint64_t m) noexcept {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  return static_cast<std::size_t>(__builtin_ctzll(m)) >> 3;
#else
  (void)m;
  return 0;  // the caller then steps byte by byte
#endif
}

template <char A, char B, char C>
inline bool is_special(unsigned char c) noexcept {
  return c < 0x20 || c >= 0x80 || c == static_cast<unsigned char>(A) || c == static_cast<unsigned char>(B) ||
         c == static_cast<unsigned char>(C);
}

/// The first position at or after `i` holding a special byte, or `n`.
template <char A, char B, char C>
inline std::size_t skip_plain(const char* s, std::size_t i, std::size_t n) noexcept {
#if defined(HRNEWS_SSE2)
  // Signed bytes: one "less than 0x20" finds the controls and the bytes >= 0x80.
  const __m128i space = _mm_set1_epi8(0x20);
  const __m128i a = _mm_set1_epi8(A), b = _mm_set1_epi8(B), c = _mm_set1_epi8(C);
  while (i + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    const __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, a)),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, b), _mm_cmpeq_epi8(v, c)));
    const int bits = _mm_movemask_epi8(m);
    if (bits) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(bits)));
    i += 16;
  }
#endif
  while (i + 8 <= n) {
    std::uint64_t w;
    std::memcpy(&w, s + i, 8);
    const std::uint64_t m = bytes_control_or_high(w) | bytes_equal(w, static_cast<unsigned char>(A)) |
                            bytes_equal(w, static_cast<unsigned char>(B)) |
                            bytes_equal(w, static_cast<unsigned char>(C));
    if (m) {
      i += lowest_flagged_byte(m);
      break;
    }
    i += 8;
  }
  while (i < n && !is_special<A, B, C>(byte_at(s, i))) ++i;
  return i;
}

// ---------------------------------------------------------------------------
// Line and column of a byte offset

struct LineCounter {
  std::string_view text;
  std::size_t pos = 0;
  std::size_t line = 1;
  std::size_t line_start = 0;

  /// 1-based line and column (in bytes) of `offset`; cheap when called with growing offsets.
  std::pair<std::size_t, std::size_t> at(std::size_t offset) noexcept {
    if (offset < pos) {
      pos = 0;
      line = 1;
      line_start = 0;
    }
    offset = std::min(offset, text.size());
    while (pos < offset) {
      const void* nl = std::memchr(text.data() + pos, '\n', offset - pos);
      if (!nl) break;
      pos = static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) + 1;
      ++line;
      line_start = pos;
    }
    pos = offset;
    return {line, offset - line_start + 1};
  }
};

/// Line and column of `offset` from line starts (as LineCounter::at).
std::pair<std::size_t, std::size_t> line_at(const std::vector<std::size_t>& starts, std::size_t offset) {
  const auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  const auto line = static_cast<std::size_t>(it - starts.begin());
  return {line, offset - starts[line - 1] + 1};
}

// ---------------------------------------------------------------------------
// Repairs: each kind reported once, with its count and its first place

enum class Fix : std::uint8_t {
  encoding_mismatch,
  encoding_unknown,
  invalid_bytes,
  invalid_utf8,
  control_character,
  doctype,
  misplaced_declaration,
  junk_before_root,
  junk_after_root,
  html_entity,
  undefined_entity,
  invalid_character_reference,
  bare_ampersand,
  bare_less_than,
  attribute_syntax,
  mismatched_end_tag,
  truncated,
  none,  // not reported (second half of a repair already counted)
};
constexpr std::size_t kFixCount = static_cast<std::size_t>(Fix::none);

constexpr const char* kFixCodes[kFixCount] = {
    "encoding-mismatch", "encoding-unknown",      "invalid-bytes",   "invalid-utf8",
    "control-character", "doctype",               "misplaced-declaration", "junk-before-root",
    "junk-after-root",   "html-entity",           "undefined-entity", "invalid-character-reference",
    "bare-ampersand",    "bare-less-than",        "attribute-syntax", "mismatched-end-tag",
    "truncated",
};

/// Cuts what the input gave (a name, an entity) to a readable length.
std::string clip(std::string_view s) {
  constexpr std::size_t kMax = 40;
  if (s.size() <= kMax) return std::string(s);
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
  return std::string(s.substr(0, cut)) + "…";
}

/// The message of a repair, without its count. `detail` is what the first
/// occurrence gave (an entity, an end tag, an encoding) or a whole message.
std::string describe(Fix fix, const std::string& detail) {
  switch (fix) {
    case Fix::encoding_mismatch:
    case Fix::encoding_unknown:
    case Fix::mismatched_end_tag:
    case Fix::truncated: return detail;
    case Fix::invalid_bytes: return "byte sequence invalid in " + detail + " replaced by U+FFFD";
    case Fix::invalid_utf8: return "invalid UTF-8 replaced by U+FFFD";
    case Fix::control_character: return "control character removed";
    case Fix::doctype: return "DOCTYPE removed; its entities are never expanded";
    case Fix::misplaced_declaration: return "misplaced XML declaration removed";
    case Fix::junk_before_root: return "text before the root element removed";
    case Fix::junk_after_root: return "text after the root element removed";
    case Fix::html_entity: return "HTML entity " + clip(detail) + " resolved";
    case Fix::undefined_entity: return "undefined entity " + clip(detail) + " left as text";
    case Fix::invalid_character_reference: return "invalid character reference " + clip(detail) + " replaced";
    case Fix::bare_ampersand: return "unescaped \"&\" escaped";
    case Fix::bare_less_than: return "unescaped \"<\" escaped";
    case Fix::attribute_syntax: return "malformed attribute in <" + clip(detail) + "> repaired";
    case Fix::none: break;
  }
  return {};
}

/// Kinds of repair that happen at most once per input carry no count.
bool counted(Fix fix) noexcept {
  return fix != Fix::encoding_mismatch && fix != Fix::encoding_unknown && fix != Fix::truncated;
}

class Repairs {
 public:
  Repairs(const ReadOptions& options, std::string_view format) : options_(options), format_(format) {}

  /// The text offsets refer to (after adding `base`), for lines and columns.
  void set_text(std::string_view text, std::size_t base) noexcept {
    lines_ = LineCounter{text};
    base_ = base;
  }

  /// Records one (or `times`) occurrence(s) of `fix` at `offset`. Strict mode: throws ParseError.
  void note(Fix fix, std::size_t offset, std::string_view detail = {}, std::size_t times = 1) {
    if (fix == Fix::none) return;
    Entry& e = entries_[static_cast<std::size_t>(fix)];
    if (e.count == 0) {
      e.offset = offset;
      e.detail.assign(detail.data(), detail.size());
      if (options_.strict) {
        std::vector<Diagnostic> unused;
        const auto [line, column] = location(fix, offset);
        report_repair(unused, options_, format_, kFixCodes[static_cast<std::size_t>(fix)], describe(fix, e.detail),
                      {}, line, column);
      }
    }
    e.count += times;
  }

  /// Appends one warning per kind of repair, in the order of their first occurrence.
  void finish(std::vector<Diagnostic>& out) {
    std::array<std::size_t, kFixCount> order{};
    std::size_t n = 0;
    for (std::size_t k = 0; k < kFixCount; ++k) {
      if (entries_[k].count) order[n++] = k;
    }
    std::stable_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n),
                     [this](std::size_t a, std::size_t b) { return entries_[a].offset < entries_[b].offset; });
    for (std::size_t k = 0; k < n; ++k) {
      const Entry& e = entries_[order[k]];
      const Fix fix = static_cast<Fix>(order[k]);
      std::string message = describe(fix, e.detail);
      if (counted(fix)) {
        message += " (" + std::to_string(e.count) + (e.count == 1 ? " occurrence)" : " occurrences)");
      }
      const auto [line, column] = location(fix, e.offset);
      report_repair(out, options_, format_, kFixCodes[order[k]], std::move(message), {}, line, column);
    }
  }

 private:
  /// Where the input's character set is chosen is the start of the input.
  std::pair<std::size_t, std::size_t> location(Fix fix, std::size_t offset) noexcept {
    if (fix == Fix::encoding_mismatch || fix == Fix::encoding_unknown) return {1, 1};
    return lines_.at(base_ + offset);
  }

  struct Entry {
    std::size_t count = 0;
    std::size_t offset = 0;
    std::string detail;
  };
  const ReadOptions& options_;
  std::string_view format_;
  std::array<Entry, kFixCount> entries_{};
  LineCounter lines_{};
  std::size_t base_ = 0;
};

[[noreturn]] void fail(const ReadOptions& options, std::string_view format, std::string message,
                       SourceLocation where = {}) {
  throw ParseError(std::string(format), std::move(message), where, {}, options.file_name);
}

// ---------------------------------------------------------------------------
// Character sets

/// How the input bytes become UTF-8.
struct Decoding {
  std::string name;       ///< for XmlInput::encoding: `utf-8`, `utf-16le`, `windows-1252`…
  std::string iconv;      ///< iconv's name for it; empty: the bytes are (treated as) UTF-8
  std::size_t skip = 0;   ///< byte-order mark length
  std::size_t unit = 1;   ///< bytes skipped after an invalid sequence
};

bool starts_with(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && ascii_iequal(s.substr(0, prefix.size()), prefix);
}

/// The `encoding` pseudo-attribute of the XML declaration at the start of
/// `head` (ASCII): its value, and where the value starts. Empty when none.
std::pair<std::string_view, std::size_t> declared_encoding(std::string_view head) noexcept {
  if (!starts_with(head, "<?xml") || head.size() < 6 || !is_space(static_cast<unsigned char>(head[5]))) return {};
  const std::size_t end = head.find("?>");
  if (end == std::string_view::npos) return {};
  const std::string_view decl = head.substr(0, end);
  std::size_t at = decl.find("encoding");
  while (at != std::string_view::npos) {
    std::size_t i = at + 8;
    while (i < decl.size() && is_space(static_cast<unsigned char>(decl[i]))) ++i;
    if (i < decl.size() && decl[i] == '=') {
      ++i;
      while (i < decl.size() && is_space(static_cast<unsigned char>(decl[i]))) ++i;
      if (i < decl.size() && (decl[i] == '"' || decl[i] == '\'')) {
        const std::size_t close = decl.find(decl[i], i + 1);
        if (close == std::string_view::npos) return {};
        return {decl.substr(i + 1, close - i - 1), i + 1};
      }
    }
    at = decl.find("encoding", at + 8);
  }
  return {};
}

bool is_utf8_label(std::string_view label) noexcept { return ascii_iequal(label, "utf-8") || ascii_iequal(label, "utf8"); }

/// UTF-16 or UTF-32 under any of their names: `utf-16`, `UTF-16LE`, `ucs-2`, `ISO-10646-UCS-4`…
int wide_family(std::string_view label) {
  const std::string l = lower_ascii(label);
  if (starts_with(l, "utf-16") || starts_with(l, "utf16") || l.find("ucs-2") != std::string::npos ||
      l.find("ucs2") != std::string::npos)
    return 16;
  if (starts_with(l, "utf-32") || starts_with(l, "utf32") || l.find("ucs-4") != std::string::npos ||
      l.find("ucs4") != std::string::npos)
    return 32;
  return 0;
}

/// Our name for a character set label (lower case, common aliases merged).
std::string canonical_charset(std::string_view label) {
  std::string l = lower_ascii(label);
  if (l == "latin1" || l == "latin-1" || l == "l1" || l == "iso_8859-1" || l == "iso8859-1" || l == "iso-ir-100" ||
      l == "cp819" || l == "ibm819" || l == "iso_8859-1:1987")
    return "iso-8859-1";
  if (l == "ascii" || l == "us-ascii" || l == "ansi_x3.4-1968" || l == "iso646-us" || l == "us") return "us-ascii";
  if (l == "cp1252" || l == "x-cp1252" || l == "windows1252") return "windows-1252";
  if (l == "latin9" || l == "latin-9" || l == "iso_8859-15" || l == "iso8859-15") return "iso-8859-15";
  if (starts_with(l, "iso8859-")) l.insert(3, "-");
  return l;
}

/// Single-byte character sets whose first 128 codes are ASCII: pure ASCII
/// text in them is already UTF-8.
bool ascii_superset(std::string_view name) noexcept {
  return starts_with(name, "iso-8859-") || starts_with(name, "windows-125") || starts_with(name, "cp125") ||
         starts_with(name, "koi8-") || name == "us-ascii";
}

/// Refuses names iconv could take for options (`//IGNORE`) or paths.
bool plausible_label(std::string_view label) noexcept {
  if (label.empty() || label.size() > 40) return false;
  for (char c : label) {
    const auto u = static_cast<unsigned char>(c);
    if (!(is_name_ascii(u) || c == '_' || c == '(' || c == ')')) return false;
  }
  return true;
}

bool iconv_knows(const std::string& name) {
  iconv_t cd = iconv_open("UTF-8", name.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  iconv_close(cd);
  return true;
}

/// Whether `s` is valid UTF-8 holding at least one non-ASCII character.
bool utf8_with_non_ascii(std::string_view s) noexcept {
  bool non_ascii = false;
  std::size_t i = 0;
  while (i < s.size()) {
    i = skip_plain<'\0', '\0', '\0'>(s.data(), i, s.size());
    if (i >= s.size()) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const int len = utf8_sequence(s.data() + i, s.size() - i);
    if (len < 0) return false;
    non_ascii = true;
    i += static_cast<std::size_t>(len);
  }
  return non_ascii;
}

bool has_c1_bytes(std::string_view s) noexcept {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 && u <= 0x9F) return true;
  }
  return false;
}

bool all_ascii(std::string_view s) noexcept {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

/// Chooses how to decode `bytes`: byte-order mark, else the XML declaration,
/// else the caller's hint, else UTF-8. Contradictions and unknown names are
/// repairs; the choice itself is not.
Decoding choose_decoding(std::string_view bytes, const ReadOptions& options, Repairs& repairs) {
  const auto b = [&bytes](std::size_t i) -> unsigned {
    return i < bytes.size() ? static_cast<unsigned char>(bytes[i]) : 256u;
  };
  Decoding d;
  bool bom = true;
  if (b(0) == 0xFF && b(1) == 0xFE && b(2) == 0 && b(3) == 0) d = {"utf-32le", "UTF-32LE", 4, 4};
  else if (b(0) == 0 && b(1) == 0 && b(2) == 0xFE && b(3) == 0xFF) d = {"utf-32be", "UTF-32BE", 4, 4};
  else if (b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF) d = {"utf-8", "", 3, 1};
  else if (b(0) == 0xFF && b(1) == 0xFE) d = {"utf-16le", "UTF-16LE", 2, 2};
  else if (b(0) == 0xFE && b(1) == 0xFF) d = {"utf-16be", "UTF-16BE", 2, 2};
  else {
    bom = false;
    // XML 1.0 appendix F: ASCII characters (as '<') in a wider encoding.
    if (bytes.size() >= 4) {
      const bool z0 = b(0) == 0, z1 = b(1) == 0, z2 = b(2) == 0, z3 = b(3) == 0;
      if (!z0 && z1 && z2 && z3) d = {"utf-32le", "UTF-32LE", 0, 4};
      else if (z0 && z1 && z2 && !z3) d = {"utf-32be", "UTF-32BE", 0, 4};
      else if (!z0 && z1 && !z2 && z3) d = {"utf-16le", "UTF-16LE", 0, 2};
      else if (z0 && !z1 && z2 && !z3) d = {"utf-16be", "UTF-16BE", 0, 2};
    }
  }
  const std::string_view body = bytes.substr(std::min(d.skip, bytes.size()));

  if (d.unit > 1) {
    // The declaration, read as ASCII from the first code units, may only confirm the width.
    std::string head;
    const bool be = d.name.back() == 'e' && d.name[d.name.size() - 2] == 'b';
    for (std::size_t i = 0; i + d.unit <= body.size() && head.size() < 512; i += d.unit) {
      const std::size_t at = be ? i + d.unit - 1 : i;
      unsigned high = 0;
      for (std::size_t k = 0; k < d.unit; ++k) {
        if (i + k != at) high |= static_cast<unsigned char>(body[i + k]);
      }
      const auto c = static_cast<unsigned char>(body[at]);
      head.push_back(high == 0 && c < 0x80 ? static_cast<char>(c) : '?');
    }
    const std::size_t start = head.find_first_not_of(" \t\r\n");
    const std::string_view label =
        start == std::string::npos ? std::string_view{} : declared_encoding(std::string_view(head).substr(start)).first;
    if (!label.empty() && wide_family(label) != static_cast<int>(d.unit) * 8) {
      repairs.note(Fix::encoding_mismatch, 0,
                   "declared encoding \"" + clip(label) + "\" contradicts the " +
                       (bom ? "byte-order mark" : "content") + "; read as " + d.name);
    }
    return d;
  }

  // ASCII-compatible bytes: look for the declaration at the start, or after junk.
  std::string_view label;
  {
    std::size_t start = 0;
    while (start < body.size() && is_space(static_cast<unsigned char>(body[start]))) ++start;
    if (!starts_with(body.substr(start), "<?xml")) {
      const std::size_t found = body.substr(0, 4096).find("<?xml");
      start = found == std::string_view::npos ? body.size() : found;
    }
    label = declared_encoding(body.substr(start, 1024)).first;
  }
  if (bom) {
    if (!label.empty() && !is_utf8_label(label)) {
      repairs.note(Fix::encoding_mismatch, 0,
                   "declared encoding \"" + clip(label) + "\" contradicts the byte-order mark; read as utf-8");
    }
    return d;
  }
  std::string_view source = "declared encoding";
  if (!label.empty() && wide_family(label)) {
    repairs.note(Fix::encoding_mismatch, 0,
                 "declared encoding \"" + clip(label) + "\" contradicts the content; read as " +
                     (options.charset.empty() ? std::string("utf-8") : canonical_charset(options.charset)));
    label = {};
  }
  if (label.empty() && !options.charset.empty()) {
    label = options.charset;
    source = "charset";
    if (wide_family(label)) {
      repairs.note(Fix::encoding_mismatch, 0,
                   "charset \"" + clip(label) + "\" contradicts the content; read as utf-8");
      label = {};
    }
  }
  d = {"utf-8", "", 0, 1};
  if (label.empty() || is_utf8_label(label)) return d;
  std::string name = canonical_charset(label);
  if (!plausible_label(label) || !iconv_knows(name)) {
    repairs.note(Fix::encoding_unknown, 0,
                 "unknown " + std::string(source) + " \"" + clip(label) + "\"; read as utf-8");
    return d;
  }
  if (utf8_with_non_ascii(body)) {
    repairs.note(Fix::encoding_mismatch, 0,
                 std::string(source) + " \"" + clip(label) +
                     "\" contradicts the content, which is UTF-8; read as utf-8");
    return d;
  }
  if (name == "iso-8859-1" || name == "us-ascii") {
    // As browsers do: these labels mean windows-1252, whose 0x80-0x9F are printable.
    if (has_c1_bytes(body)) name = "windows-1252";
    else if (name == "us-ascii" && !all_ascii(body)) name = "iso-8859-1";
  }
  d.name = name;
  if (!(ascii_superset(name) && all_ascii(body))) d.iconv = name;
  return d;
}

/// Closes an iconv descriptor on every way out.
struct IconvHandle {
  iconv_t cd;
  ~IconvHandle() {
    if (cd != reinterpret_cast<iconv_t>(-1)) iconv_close(cd);
  }
};

/// Decodes `in` (without byte-order mark) to UTF-8 with iconv; invalid or
/// truncated sequences become U+FFFD (`invalid-bytes`, offsets in the result).
std::string transcode(std::string_view in, const Decoding& d, Repairs& repairs, const ReadOptions& options,
                      std::string_view format) {
  IconvHandle h{iconv_open("UTF-8", d.iconv.c_str())};
  if (h.cd == reinterpret_cast<iconv_t>(-1)) fail(options, format, "cannot decode " + d.name);
  std::string out;
  out.resize(in.size() + in.size() / 2 + 64);
  char* inp = const_cast<char*>(in.data());  // iconv's signature; the input is not written
  std::size_t in_left = in.size();
  std::size_t used = 0;
  const auto call = [&](char** src, std::size_t* src_left) {
    char* outp = out.data() + used;
    std::size_t out_left = out.size() - used;
    const std::size_t r = iconv(h.cd, src, src_left, &outp, &out_left);
    const int err = errno;
    used = static_cast<std::size_t>(outp - out.data());
    return r == static_cast<std::size_t>(-1) ? err : 0;
  };
  while (in_left > 0) {
    const int err = call(&inp, &in_left);
    if (err == 0) break;
    if (err == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    if (err != EILSEQ && err != EINVAL) fail(options, format, "cannot decode " + d.name);
    if (out.size() - used < kReplacement.size()) out.resize(out.size() * 2);
    repairs.set_text(std::string_view(out.data(), used), 0);  // what is decoded so far, for strict mode's error
    repairs.note(Fix::invalid_bytes, used, d.name);
    std::memcpy(out.data() + used, kReplacement.data(), kReplacement.size());
    used += kReplacement.size();
    const std::size_t skip = err == EINVAL ? in_left : std::min(d.unit, in_left);
    inp += skip;
    in_left -= skip;
  }
  while (call(nullptr, nullptr) == E2BIG) out.resize(out.size() * 2);  // flushes shift states
  out.resize(used);
  return out;
}

// ---------------------------------------------------------------------------
// The repair pass

constexpr std::size_t npos = std::string_view::npos;

/// windows-1252's characters for 0x80-0x9F (0: undefined), as HTML reads `&#150;`.
constexpr std::uint16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

constexpr bool is_xml_char(std::uint32_t cp) noexcept {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
         (cp >= 0x10000 && cp <= 0x10FFFF);
}

bool is_predefined_entity(std::string_view name) noexcept {
  return name == "lt" || name == "gt" || name == "amp" || name == "quot" || name == "apos";
}

/// `text` with `<`, `&`, `"` and `'` escaped (an HTML entity may resolve to them).
std::string xml_escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

/// One linear pass over UTF-8 text. It checks everything; at the first
/// problem it starts writing a repaired copy (what came before is copied in
/// one piece), so text that needs nothing is never copied. It also enforces
/// the nesting limit, keeping the stack of open elements as it goes.
class Repairer {
 public:
  /// `whole` is the text, `base` the length of a byte-order mark to leave out
  /// of it; `input_offsets`: offsets in `whole` are offsets in the input.
  Repairer(std::string_view whole, std::size_t base, bool input_offsets, const ReadOptions& options,
           std::string_view format, Repairs& repairs)
      : whole_(whole),
        base_(base),
        src_(whole.substr(base)),
        s_(src_.data()),
        n_(src_.size()),
        input_offsets_(input_offsets),
        options_(options),
        format_(format),
        repairs_(repairs),
        search_budget_(2 * src_.size() + 65536) {}

  /// The whole pass; true when the text had to change (see `take()`).
  bool run();
  /// Only invalid UTF-8 and control characters; true when the text had to change.
  bool sanitize();
  /// The repaired text (after `run()` or `sanitize()` returned true).
  std::string take() { return std::move(out_); }

 private:
  enum class Where { prolog, content, epilog };
  /// Repairs inside a start tag, reported once the tag is known to be one.
  struct Pending {
    std::size_t count = 0;
    std::size_t pos = 0;
    std::string_view detail;
  };
  struct Tag {
    std::size_t end = 0;
    bool self_closing = false;
    bool eof = false;  // the input ended inside the tag
    std::string_view name;
  };

  // Output
  void replace(std::size_t pos, std::size_t len, std::string_view with);
  void edit(std::size_t pos, std::size_t len, std::string_view with, Fix fix, std::string_view detail = {});
  void commit();
  void rollback() noexcept;
  void flush_rest();
  [[noreturn]] void error(std::size_t offset, std::string message);
  [[noreturn]] void not_xml(bool anything);

  // Lexical pieces; each returns the position after what it read.
  bool name_start_at(std::size_t i) const noexcept;
  std::size_t name_end(std::size_t i) const noexcept;
  std::size_t name_end_utf8(std::size_t i) const noexcept;
  std::size_t special_char(std::size_t i);
  std::size_t reference(std::size_t i);
  std::size_t stray(std::size_t i);
  std::size_t truncate(std::size_t i);
  std::size_t comment(std::size_t i);
  std::size_t cdata(std::size_t i);
  std::size_t pi(std::size_t i, Where where);
  std::size_t doctype(std::size_t i);
  std::size_t end_tag(std::size_t i);
  std::size_t markup(std::size_t i);
  bool scan_start_tag(std::size_t i, Tag& t);
  bool scan_attributes(std::size_t i, Tag& t);
  template <char Q>
  std::size_t quoted_value(std::size_t k, Tag& t);
  std::size_t unquoted_value(std::size_t k, Tag& t);
  void enter(const Tag& t, std::size_t at);
  [[noreturn]] void too_deep(std::size_t at);
  void drop_junk(std::size_t& junk, std::size_t end);

  // The three parts of a document.
  std::size_t prolog();
  std::size_t content(std::size_t i);
  void epilog(std::size_t i);
  void finish();

  std::string_view whole_;
  std::size_t base_;
  std::string_view src_;
  const char* s_;
  std::size_t n_;
  bool input_offsets_;
  const ReadOptions& options_;
  std::string_view format_;
  Repairs& repairs_;

  std::string out_;
  std::size_t flushed_ = 0;  // src_[0, flushed_) is in out_ (when changed_)
  bool changed_ = false;
  bool deferring_ = false;  // inside a start tag: repairs are written but may be rolled back
  std::array<Pending, kFixCount> tag_notes_{};
  bool any_tag_notes_ = false;
  std::size_t snapshot_size_ = 0;  // out_ before the start tag
  std::size_t snapshot_flushed_ = 0;
  bool snapshot_changed_ = false;
  std::size_t search_budget_ = 0;  // stack entries end tags may still compare (keeps mismatches linear)
  std::vector<std::string_view> open_;  // names of the open elements
  bool prolog_markup_ = false;          // markup seen before the root (a declaration must come first)
  std::string pending_;                 // closes a comment, CDATA section or PI cut by the end of input
  std::optional<std::size_t> truncated_at_;
  std::size_t declaration_at_ = 0;      // an XML declaration after junk: no root before it
};

void Repairer::replace(std::size_t pos, std::size_t len, std::string_view with) {
  if (!changed_) {
    changed_ = true;
    out_.reserve(n_ + n_ / 16 + 64);
  }
  out_.append(s_ + flushed_, pos - flushed_);
  out_.append(with.data(), with.size());
  flushed_ = pos + len;
}

void Repairer::edit(std::size_t pos, std::size_t len, std::string_view with, Fix fix, std::string_view detail) {
  if (deferring_) {
    if (fix != Fix::none) {
      Pending& p = tag_notes_[static_cast<std::size_t>(fix)];
      if (p.count++ == 0) {
        p.pos = pos;
        p.detail = detail;
      }
      any_tag_notes_ = true;
    }
  } else {
    repairs_.note(fix, pos, detail);
  }
  replace(pos, len, with);
}

/// The start tag was one: its repairs are reported.
void Repairer::commit() {
  if (!any_tag_notes_) return;
  std::array<std::size_t, kFixCount> order{};
  std::size_t n = 0;
  for (std::size_t k = 0; k < kFixCount; ++k) {
    if (tag_notes_[k].count) order[n++] = k;
  }
  std::sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n),
            [this](std::size_t a, std::size_t b) { return tag_notes_[a].pos < tag_notes_[b].pos; });
  for (std::size_t k = 0; k < n; ++k) {
    const Pending p = tag_notes_[order[k]];
    tag_notes_[order[k]] = Pending{};
    repairs_.note(static_cast<Fix>(order[k]), p.pos, p.detail, p.count);
  }
  any_tag_notes_ = false;
}

/// The start tag was none: what it wrote goes.
void Repairer::rollback() noexcept {
  if (changed_) out_.resize(snapshot_size_);
  flushed_ = snapshot_flushed_;
  changed_ = snapshot_changed_;
  if (any_tag_notes_) tag_notes_.fill(Pending{});
  any_tag_notes_ = false;
}

void Repairer::flush_rest() {
  if (changed_) {
    out_.append(s_ + flushed_, n_ - flushed_);
    flushed_ = n_;
  }
}

void Repairer::error(std::size_t offset, std::string message) {
  LineCounter lines{whole_};
  const auto [line, column] = lines.at(base_ + offset);
  SourceLocation where{line, column, std::nullopt};
  if (input_offsets_) where.offset = base_ + offset;
  fail(options_, format_, std::move(message), where);
}

void Repairer::not_xml(bool anything) { fail(options_, format_, anything ? "not an XML document" : "empty input"); }

inline bool Repairer::name_start_at(std::size_t i) const noexcept {
  if (i >= n_) return false;
  const unsigned char c = byte_at(s_, i);
  if (c < 0x80) return is_name_start_ascii(c);
  return utf8_sequence(s_ + i, n_ - i) > 0;
}

inline std::size_t Repairer::name_end(std::size_t i) const noexcept {
  while (i < n_ && is_name_ascii(byte_at(s_, i))) ++i;  // the usual case
  return i < n_ && byte_at(s_, i) >= 0x80 ? name_end_utf8(i) : i;
}

std::size_t Repairer::name_end_utf8(std::size_t i) const noexcept {
  while (i < n_) {
    const unsigned char c = byte_at(s_, i);
    if (c < 0x80) {
      if (!is_name_ascii(c)) break;
      ++i;
    } else {
      const int len = utf8_sequence(s_ + i, n_ - i);
      if (len < 0) break;
      i += static_cast<std::size_t>(len);
    }
  }
  return i;
}

/// A control character, TAB/LF/CR, or a byte >= 0x80.
std::size_t Repairer::special_char(std::size_t i) {
  const unsigned char c = byte_at(s_, i);
  if (c < 0x80) {
    if (c != '\t' && c != '\n' && c != '\r' && c < 0x20) edit(i, 1, {}, Fix::control_character);
    return i + 1;
  }
  const int len = utf8_sequence(s_ + i, n_ - i);
  if (len > 0) return i + static_cast<std::size_t>(len);
  edit(i, static_cast<std::size_t>(-len), kReplacement, Fix::invalid_utf8);
  return i + static_cast<std::size_t>(-len);
}

/// At '&': XML's five and valid numeric references stay as they are (pugixml
/// decodes them); HTML names are resolved; anything else is escaped.
std::size_t Repairer::reference(std::size_t i) {
  std::size_t k = i + 1;
  if (k < n_ && s_[k] == '#') {
    ++k;
    const bool upper_x = k < n_ && s_[k] == 'X';  // HTML's, not XML's
    const bool hex = upper_x || (k < n_ && s_[k] == 'x');
    if (hex) ++k;
    const std::size_t digits = k;
    std::uint32_t cp = 0;
    for (; k < n_; ++k) {
      const char c = s_[k];
      std::uint32_t v;
      if (c >= '0' && c <= '9') v = static_cast<std::uint32_t>(c - '0');
      else if (hex && c >= 'a' && c <= 'f') v = static_cast<std::uint32_t>(c - 'a' + 10);
      else if (hex && c >= 'A' && c <= 'F') v = static_cast<std::uint32_t>(c - 'A' + 10);
      else break;
      cp = std::min<std::uint32_t>(cp * (hex ? 16u : 10u) + v, 0x110000u);
    }
    if (k == digits || k >= n_ || s_[k] != ';') {
      edit(i, 1, "&amp;", Fix::bare_ampersand);
      return i + 1;
    }
    const std::size_t end = k + 1;
    std::uint32_t replacement = 0xFFFD;
    if (cp >= 0x80 && cp <= 0x9F && kCp1252High[cp - 0x80]) {
      replacement = kCp1252High[cp - 0x80];  // the usual mistake: windows-1252 codes as code points
    } else if (is_xml_char(cp)) {
      if (!upper_x) return end;
      replacement = cp;
    }
    std::string with;
    append_utf8(with, replacement);
    if (replacement < 0x80) with = xml_escaped(with);  // "&#X3C;" is a '<' in text
    edit(i, end - i, with, Fix::invalid_character_reference, src_.substr(i, end - i));
    return end;
  }
  if (k < n_ && is_name_start_ascii(byte_at(s_, k))) {
    const std::size_t start = k;
    ++k;
    while (k < n_ && k - start < 64 && is_name_ascii(byte_at(s_, k))) ++k;
    if (k < n_ && s_[k] == ';') {
      const std::string_view name = src_.substr(start, k - start);
      if (is_predefined_entity(name)) return k + 1;
      const std::string_view ref = src_.substr(i, k + 1 - i);
      const std::string_view value = html_entity(name);
      if (!value.empty()) {
        if (value.find_first_of("<&\"'") == std::string_view::npos) edit(i, k + 1 - i, value, Fix::html_entity, ref);
        else edit(i, k + 1 - i, xml_escaped(value), Fix::html_entity, ref);
      } else {
        edit(i, 1, "&amp;", Fix::undefined_entity, ref);  // never expanded, whatever a DOCTYPE said
      }
      return k + 1;
    }
  }
  edit(i, 1, "&amp;", Fix::bare_ampersand);
  return i + 1;
}

std::size_t Repairer::stray(std::size_t i) {
  edit(i, 1, "&lt;", Fix::bare_less_than);
  return i + 1;
}

/// Markup cut by the end of input: dropped.
std::size_t Repairer::truncate(std::size_t i) {
  replace(i, n_ - i, {});
  if (!truncated_at_) truncated_at_ = i;
  return n_;
}

std::size_t Repairer::comment(std::size_t i) {
  std::size_t k = i + 4;
  for (;;) {
    k = skip_plain<'-', '-', '-'>(s_, k, n_);
    if (k >= n_) {
      pending_ += "-->";
      if (!truncated_at_) truncated_at_ = n_;
      return n_;
    }
    if (s_[k] == '-') {
      if (k + 2 < n_ && s_[k + 1] == '-' && s_[k + 2] == '>') return k + 3;
      ++k;
    } else {
      k = special_char(k);
    }
  }
}

std::size_t Repairer::cdata(std::size_t i) {
  std::size_t k = i + 9;
  for (;;) {
    k = skip_plain<']', ']', ']'>(s_, k, n_);
    if (k >= n_) {
      pending_ += "]]>";
      if (!truncated_at_) truncated_at_ = n_;
      return n_;
    }
    if (s_[k] == ']') {
      if (k + 2 < n_ && s_[k + 1] == ']' && s_[k + 2] == '>') return k + 3;
      ++k;
    } else {
      k = special_char(k);
    }
  }
}

/// At "<?" and a name. The first thing before the root may be the XML
/// declaration: kept, with its encoding made UTF-8. Other declarations go.
std::size_t Repairer::pi(std::size_t i, Where where) {
  const std::size_t target_end = name_end(i + 2);
  if (ascii_iequal(src_.substr(i + 2, target_end - i - 2), "xml")) {
    const std::size_t close = src_.find("?>", target_end);
    if (close == npos) return truncate(i);
    const std::size_t end = close + 2;
    if (where == Where::prolog && !prolog_markup_) {
      const auto [label, at] = declared_encoding(src_.substr(i, end - i));
      if (!label.empty() && !is_utf8_label(label)) replace(i + at, label.size(), "UTF-8");
    } else {
      replace(i, end - i, {});
      repairs_.note(Fix::misplaced_declaration, i);
    }
    return end;
  }
  std::size_t k = target_end;
  for (;;) {
    k = skip_plain<'?', '?', '?'>(s_, k, n_);
    if (k >= n_) {
      pending_ += "?>";
      if (!truncated_at_) truncated_at_ = n_;
      return n_;
    }
    if (s_[k] == '?') {
      if (k + 1 < n_ && s_[k + 1] == '>') return k + 2;
      ++k;
    } else {
      k = special_char(k);
    }
  }
}

/// At "<!DOCTYPE": removed with its internal subset (quoted strings and
/// comments may hold '>' or ']'); its line breaks stay, to keep line numbers.
std::size_t Repairer::doctype(std::size_t i) {
  std::size_t k = i + 9;
  char quote = 0;
  bool subset = false;
  std::size_t end = npos;
  while (k < n_) {
    const char c = s_[k];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (subset) {
      if (c == ']') {
        subset = false;
      } else if (c == '<' && src_.compare(k, 4, "<!--") == 0) {
        const std::size_t close = src_.find("-->", k + 4);
        if (close == npos) break;
        k = close + 2;
      }
    } else if (c == '[') {
      subset = true;
    } else if (c == '>') {
      end = k + 1;
      break;
    }
    ++k;
  }
  repairs_.note(Fix::doctype, i);
  if (end == npos) return truncate(i);
  replace(i, end - i, std::string(static_cast<std::size_t>(std::count(s_ + i, s_ + end, '\n')), '\n'));
  return end;
}

/// A start tag read at `at`: checks the depth, then opens the element.
inline void Repairer::enter(const Tag& t, std::size_t at) {
  if (open_.size() >= options_.limits.max_depth) too_deep(at);
  if (!t.self_closing) open_.push_back(t.name);
}

void Repairer::too_deep(std::size_t at) {
  error(at, "nesting deeper than " + std::to_string(options_.limits.max_depth) + " levels");
}

/// At "</".
std::size_t Repairer::end_tag(std::size_t i) {
  const std::size_t j = i + 2;
  if (j >= n_) return truncate(i);
  if (!name_start_at(j)) return stray(i);
  const std::size_t name_stop = name_end(j);
  const std::string_view name = src_.substr(j, name_stop - j);
  std::size_t k = name_stop;
  while (k < n_ && is_space(byte_at(s_, k))) ++k;
  bool junk = false;
  if (k < n_ && s_[k] != '>') {
    while (k < n_ && s_[k] != '>' && s_[k] != '<') ++k;
    if (k < n_ && s_[k] == '<') return stray(i);
    junk = true;
  }
  if (k >= n_) return truncate(i);
  const std::size_t end = k + 1;
  if (!junk && open_.back() == name) {
    open_.pop_back();
    return end;
  }
  // Topmost exact match, else topmost match ignoring case.
  if (search_budget_ < open_.size()) error(i, "too many mismatched end tags");
  search_budget_ -= open_.size();
  std::size_t found = open_.size();
  std::size_t found_ci = open_.size();
  for (std::size_t x = open_.size(); x-- > 0;) {
    if (open_[x] == name) {
      found = x;
      break;
    }
    if (found_ci == open_.size() && ascii_iequal(open_[x], name)) found_ci = x;
  }
  if (found == open_.size()) found = found_ci;
  if (found == open_.size()) {
    repairs_.note(Fix::mismatched_end_tag, i,
                  "end tag </" + clip(name) + "> matched no open element and was removed");
    replace(i, end - i, {});
    return end;
  }
  std::string detail;
  if (found + 1 < open_.size()) {
    detail = "end tag </" + clip(name) + "> also closed <" + clip(open_.back()) + ">";
  } else if (open_[found] != name) {
    detail = "end tag </" + clip(name) + "> read as </" + clip(open_[found]) + ">";
  } else {
    detail = "malformed end tag </" + clip(name) + "> repaired";
  }
  repairs_.note(Fix::mismatched_end_tag, i, detail);
  if (found + 1 < open_.size()) {
    std::string closers;
    for (std::size_t x = open_.size(); x-- > found + 1;) {
      closers += "</";
      closers.append(open_[x].data(), open_[x].size());
      closers += '>';
    }
    replace(i, 0, closers);
  }
  if (open_[found] != name) replace(j, name.size(), open_[found]);
  if (junk) replace(name_stop, k - name_stop, {});
  open_.resize(found);
  return end;
}

/// At '<' in content.
std::size_t Repairer::markup(std::size_t i) {
  if (i + 1 >= n_) return truncate(i);
  const char c1 = s_[i + 1];
  if (c1 == '/') return end_tag(i);
  if (c1 == '!') {
    const std::string_view rest = src_.substr(i);
    if (starts_with(rest, "<!--")) return comment(i);
    if (starts_with(rest, "<![CDATA[")) return cdata(i);
    if (starts_with_ci(rest, "<!DOCTYPE")) return doctype(i);
    if (rest.size() < 9 && (starts_with("<!--", rest) || starts_with("<![CDATA[", rest) ||
                            starts_with_ci("<!DOCTYPE", rest)))
      return truncate(i);
    return stray(i);
  }
  if (c1 == '?') {
    if (i + 2 >= n_) return truncate(i);
    return name_start_at(i + 2) ? pi(i, Where::content) : stray(i);
  }
  if (name_start_at(i + 1)) {
    Tag t;
    if (scan_start_tag(i, t)) {
      commit();
      enter(t, i);
      return t.end;
    }
    if (t.eof) return truncate(i);
  }
  return stray(i);
}

/// Reads the start tag at `i`, writing its repairs but reporting them only at
/// commit(). False, with nothing written, when it is no tag (a '<' or a control
/// character before its '>': then the '<' is text) or the input ends inside
/// it (`t.eof`).
bool Repairer::scan_start_tag(std::size_t i, Tag& t) {
  snapshot_size_ = out_.size();
  snapshot_flushed_ = flushed_;
  snapshot_changed_ = changed_;
  deferring_ = true;
  const bool ok = scan_attributes(i, t);
  deferring_ = false;
  if (!ok) rollback();
  return ok;
}

bool Repairer::scan_attributes(std::size_t i, Tag& t) {
  std::size_t j = name_end(i + 1);
  t.name = src_.substr(i + 1, j - i - 1);
  bool after_value = false;  // just after a quoted value: white space must follow
  for (;;) {
    const std::size_t before_space = j;
    while (j < n_ && is_space(byte_at(s_, j))) ++j;
    if (j >= n_) {
      t.eof = true;
      return false;
    }
    const unsigned char c = byte_at(s_, j);
    if (c == '>') {
      t.end = j + 1;
      return true;
    }
    if (c == '/' && j + 1 < n_ && s_[j + 1] == '>') {
      t.self_closing = true;
      t.end = j + 2;
      return true;
    }
    if (c == '<' || c < 0x20) return false;
    if (!name_start_at(j)) {
      if (c >= 0x80) return false;  // invalid UTF-8
      edit(j, 1, {}, Fix::attribute_syntax, t.name);  // a stray character
      ++j;
      continue;
    }
    if (after_value && j == before_space) edit(j, 0, " ", Fix::attribute_syntax, t.name);
    const std::size_t attr_end = name_end(j);
    std::size_t k = attr_end;
    while (k < n_ && is_space(byte_at(s_, k))) ++k;
    if (k >= n_ || s_[k] != '=') {
      edit(attr_end, 0, "=\"\"", Fix::attribute_syntax, t.name);  // no value
      j = attr_end;
      after_value = false;
      continue;
    }
    ++k;
    while (k < n_ && is_space(byte_at(s_, k))) ++k;
    if (k >= n_) {
      t.eof = true;
      return false;
    }
    const char q = s_[k];
    if (q == '"' || q == '\'') {
      k = q == '"' ? quoted_value<'"'>(k + 1, t) : quoted_value<'\''>(k + 1, t);
      after_value = true;
    } else if (q == '>' || (q == '/' && k + 1 < n_ && s_[k + 1] == '>')) {
      edit(k, 0, "\"\"", Fix::attribute_syntax, t.name);  // "name=" and no value
      after_value = false;
    } else {
      k = unquoted_value(k, t);
      after_value = false;
    }
    if (k == npos) return false;
    j = k;
  }
}

template <char Q>
std::size_t Repairer::quoted_value(std::size_t k, Tag& t) {
  for (;;) {
    k = skip_plain<Q, '<', '&'>(s_, k, n_);
    if (k >= n_) {
      t.eof = true;
      return npos;
    }
    const char c = s_[k];
    if (c == Q) return k + 1;
    if (c == '<') return npos;
    k = c == '&' ? reference(k) : special_char(k);
  }
}

std::size_t Repairer::unquoted_value(std::size_t k, Tag& t) {
  edit(k, 0, "\"", Fix::attribute_syntax, t.name);
  for (;;) {
    if (k >= n_) {
      t.eof = true;
      return npos;
    }
    const unsigned char c = byte_at(s_, k);
    if (is_space(c) || c == '>' || (c == '/' && k + 1 < n_ && s_[k + 1] == '>')) break;
    if (c == '<') return npos;
    if (c == '&') {
      k = reference(k);
    } else if (c == '"') {
      edit(k, 1, "&quot;", Fix::none);
      ++k;
    } else if (c < 0x20 || c >= 0x80) {
      k = special_char(k);
    } else {
      ++k;
    }
  }
  edit(k, 0, "\"", Fix::none);
  return k;
}

/// Junk before the root element goes, all but its line breaks.
void Repairer::drop_junk(std::size_t& junk, std::size_t end) {
  if (junk == npos) return;
  repairs_.note(Fix::junk_before_root, junk);
  replace(junk, end - junk, std::string(static_cast<std::size_t>(std::count(s_ + junk, s_ + end, '\n')), '\n'));
  junk = npos;
}

/// Up to the root element's start tag (returns the position after it).
/// Text that is not markup is junk, unless it looks binary: then this is no XML.
std::size_t Repairer::prolog() {
  std::size_t i = 0;
  std::size_t junk = npos;
  bool anything = false;
  {
    // Error messages with markup (PHP's "<br />\n<b>Warning</b>: …") before a declaration
    // that a start tag follows: no element before that declaration is the root.
    const std::size_t first = src_.find_first_not_of(" \t\r\n");
    const std::size_t decl = src_.substr(0, 4096).find("<?xml");
    if (first != npos && decl != npos && decl > first && decl + 5 < n_ && is_space(byte_at(s_, decl + 5))) {
      const std::size_t close = src_.find("?>", decl);
      const std::size_t next = close == npos ? npos : src_.find_first_not_of(" \t\r\n", close + 2);
      if (next != npos && s_[next] == '<' && name_start_at(next + 1)) declaration_at_ = decl;
    }
  }
  while (i < n_) {
    const unsigned char c = byte_at(s_, i);
    if (is_space(c)) {
      ++i;
      continue;
    }
    if (!anything) {
      anything = true;
      if (c == '{' || c == '[') not_xml(true);  // JSON
    }
    if (c == '<') {
      const std::string_view rest = src_.substr(i);
      std::size_t next = npos;
      if (starts_with(rest, "<!--")) {
        drop_junk(junk, i);
        next = comment(i);
      } else if (starts_with_ci(rest, "<!DOCTYPE")) {
        drop_junk(junk, i);
        next = doctype(i);
      } else if (rest.size() > 2 && rest[1] == '?' && name_start_at(i + 2)) {
        drop_junk(junk, i);
        next = pi(i, Where::prolog);
      } else if (i >= declaration_at_ && name_start_at(i + 1)) {
        Tag t;
        if (scan_start_tag(i, t)) {
          if (junk != npos) {  // written in order: the junk goes first, then the tag again
            rollback();
            drop_junk(junk, i);
            t = Tag{};
            scan_start_tag(i, t);
          }
          commit();
          enter(t, i);
          return t.end;
        }
      }
      if (next != npos) {
        prolog_markup_ = true;
        i = next;
        continue;
      }
    }
    if (junk == npos) junk = i;
    if (c < 0x20) not_xml(true);
    if (c >= 0x80) {
      const int len = utf8_sequence(s_ + i, n_ - i);
      if (len < 0 || src_.compare(i, kReplacement.size(), kReplacement) == 0) not_xml(true);
      i += static_cast<std::size_t>(len);
    } else {
      ++i;
    }
  }
  not_xml(anything);
}

/// Inside the root element; returns where it ends (or the end of input).
std::size_t Repairer::content(std::size_t i) {
  while (i < n_) {
    i = skip_plain<'<', '&', '&'>(s_, i, n_);
    if (i >= n_) break;
    const unsigned char c = byte_at(s_, i);
    if (c == '<') {
      i = markup(i);
      if (open_.empty()) break;
    } else if (c == '&') {
      i = reference(i);
    } else if (c == '\n' || c == '\t' || c == '\r') {
      ++i;
    } else {
      i = special_char(i);
    }
  }
  return i;
}

/// After the root element: white space, comments and PIs; anything else goes.
void Repairer::epilog(std::size_t i) {
  while (i < n_) {
    const unsigned char c = byte_at(s_, i);
    if (is_space(c)) {
      ++i;
      continue;
    }
    if (c == '<') {
      const std::string_view rest = src_.substr(i);
      if (starts_with(rest, "<!--")) {
        i = comment(i);
        continue;
      }
      if (rest.size() > 2 && rest[1] == '?' && name_start_at(i + 2)) {
        i = pi(i, Where::epilog);
        continue;
      }
    }
    repairs_.note(Fix::junk_after_root, i);
    replace(i, n_ - i, {});
    return;
  }
}

/// Closes what the end of input left open.
void Repairer::finish() {
  if (truncated_at_ || !open_.empty()) {
    std::string closers = pending_;
    for (std::size_t x = open_.size(); x-- > 0;) {
      closers += "</";
      closers.append(open_[x].data(), open_[x].size());
      closers += '>';
    }
    std::string message = "input is truncated";
    if (!open_.empty()) {
      message += "; closed " + std::to_string(open_.size()) +
                 (open_.size() == 1 ? " open element: <" : " open elements, innermost <") + clip(open_.back()) + ">";
    }
    repairs_.note(Fix::truncated, truncated_at_.value_or(n_), message);
    if (!closers.empty()) replace(n_, 0, closers);
    open_.clear();
  }
  flush_rest();
}

bool Repairer::run() {
  std::size_t i = prolog();
  if (!open_.empty()) i = content(i);
  if (open_.empty()) epilog(i);
  finish();
  return changed_;
}

bool Repairer::sanitize() {
  std::size_t i = 0;
  while (i < n_) {
    i = skip_plain<'\0', '\0', '\0'>(s_, i, n_);
    if (i >= n_) break;
    i = special_char(i);
  }
  flush_rest();
  return changed_;
}

// ---------------------------------------------------------------------------
// pugixml

/// CDATA kept, references and line ends decoded, attribute white space
/// normalised, white-space-only text kept (it is significant in mixed content:
/// the space of XHTML `<b>a</b> <i>b</i>`); comments, PIs, the declaration and
/// DOCTYPE skipped.
constexpr unsigned kParseFlags =
    pugi::parse_cdata | pugi::parse_escapes | pugi::parse_eol | pugi::parse_wconv_attribute | pugi::parse_ws_pcdata;

std::string pugixml_message(pugi::xml_parse_status status) {
  switch (status) {
    case pugi::status_out_of_memory: return "out of memory";
    case pugi::status_unrecognized_tag: return "unrecognized markup";
    case pugi::status_bad_pi: return "malformed processing instruction";
    case pugi::status_bad_comment: return "malformed comment";
    case pugi::status_bad_cdata: return "malformed CDATA section";
    case pugi::status_bad_doctype: return "malformed DOCTYPE";
    case pugi::status_bad_pcdata: return "malformed text";
    case pugi::status_bad_start_element: return "malformed start tag";
    case pugi::status_bad_attribute: return "malformed attribute";
    case pugi::status_bad_end_element: return "malformed end tag";
    case pugi::status_end_element_mismatch: return "end tag does not match its start tag";
    case pugi::status_no_document_element: return "not an XML document";
    default: return "malformed XML";
  }
}

/// Every text and attribute value against `max_string_bytes` (only called when
/// the whole text is longer than the limit: else nothing can exceed it).
void check_strings(const pugi::xml_document& doc, std::string_view parsed, const std::vector<std::size_t>* starts,
                   const ReadOptions& options, std::string_view format) {
  const std::size_t limit = options.limits.max_string_bytes;
  const auto over = [&](std::size_t size, std::ptrdiff_t offset) {
    LineCounter lines{parsed};
    const auto [line, column] =
        offset < 0 ? std::pair<std::size_t, std::size_t>{0, 0}
        : starts   ? line_at(*starts, std::min(static_cast<std::size_t>(offset), parsed.size()))
                   : lines.at(static_cast<std::size_t>(offset));
    fail(options, format,
         "string is " + std::to_string(size) + " bytes, over the limit of " + std::to_string(limit) + " bytes",
         SourceLocation{line, column, std::nullopt});
  };
  pugi::xml_node node = doc.first_child();
  while (node) {
    if (const std::size_t len = std::strlen(node.value()); len > limit) over(len, node.offset_debug());
    for (const pugi::xml_attribute a : node.attributes()) {
      if (const std::size_t len = std::strlen(a.value()); len > limit) over(len, node.offset_debug());
    }
    if (node.first_child()) {
      node = node.first_child();
      continue;
    }
    while (node && !node.next_sibling()) {
      node = node.parent();
      if (node == doc) node = pugi::xml_node();
    }
    if (node) node = node.next_sibling();
  }
}

}  // namespace

std::string_view html_entity(std::string_view name) noexcept {
  const EntityRow* first = std::begin(kEntities);
  const EntityRow* last = std::end(kEntities);
  const EntityRow* it =
      std::lower_bound(first, last, name, [](const EntityRow& row, std::string_view n) { return row.name < n; });
  return it != last && it->name == name ? it->value : std::string_view{};
}

std::string decode_xml_bytes(std::string_view bytes, const ReadOptions& options, std::string_view format,
                             std::vector<Diagnostic>& diagnostics, std::string& encoding) {
  Repairs repairs(options, format);
  const Decoding d = choose_decoding(bytes, options, repairs);
  encoding = d.name;
  const std::string_view body = bytes.substr(std::min(d.skip, bytes.size()));
  std::string text = d.iconv.empty() ? std::string(body) : transcode(body, d, repairs, options, format);
  repairs.set_text(text, 0);
  Repairer pass(text, 0, d.iconv.empty(), options, format, repairs);
  const bool changed = pass.sanitize();
  repairs.finish(diagnostics);
  return changed ? pass.take() : text;
}

std::vector<std::size_t> find_line_starts(std::string_view text) {
  std::vector<std::size_t> starts;
  starts.reserve(text.size() / 64 + 16);
  starts.push_back(0);
  const char* s = text.data();
  const std::size_t n = text.size();
  std::size_t i = 0;
#if defined(HRNEWS_SSE2)
  const __m128i lf = _mm_set1_epi8('\n');
  const auto at = [s](std::size_t k) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + k)); };
  const auto note = [&starts](std::size_t base, unsigned bits) {
    while (bits) {
      starts.push_back(base + static_cast<std::size_t>(__builtin_ctz(bits)) + 1);
      bits &= bits - 1;
    }
  };
  // 64 bytes a step: most blocks of a feed hold no line feed (one per 224
  // bytes in the bench feeds) and are passed with one test.
  for (; i + 64 <= n; i += 64) {
    const __m128i a = _mm_cmpeq_epi8(at(i), lf), b = _mm_cmpeq_epi8(at(i + 16), lf);
    const __m128i c = _mm_cmpeq_epi8(at(i + 32), lf), d = _mm_cmpeq_epi8(at(i + 48), lf);
    if (!_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d)))) continue;
    note(i, static_cast<unsigned>(_mm_movemask_epi8(a)));
    note(i + 16, static_cast<unsigned>(_mm_movemask_epi8(b)));
    note(i + 32, static_cast<unsigned>(_mm_movemask_epi8(c)));
    note(i + 48, static_cast<unsigned>(_mm_movemask_epi8(d)));
  }
  for (; i + 16 <= n; i += 16) note(i, static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(at(i), lf))));
#endif
  for (; i < n; ++i) {
    if (s[i] == '\n') starts.push_back(i + 1);
  }
  // The guess above (a line per 64 bytes) was 4 MB for a 32 MB feed of
  // 145 000 lines; the starts live as long as the document.
  starts.shrink_to_fit();
  return starts;
}

namespace {

/// Smaller texts are parsed from pugixml's own copy: a moved XmlInput must not
/// move the bytes the document points into (a short string lives inside it).
constexpr std::size_t kInPlaceMin = 64;

XmlInput load_xml_impl(std::string_view bytes, std::string* owned, const ReadOptions& options,
                       std::string_view format) {
  const std::size_t max_input = options.limits.max_input_bytes;
  if (bytes.size() > max_input) {
    fail(options, format,
         "input is " + std::to_string(bytes.size()) + " bytes, over the limit of " + std::to_string(max_input) +
             " bytes");
  }
  if (bytes.empty()) fail(options, format, "empty input");
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1F && static_cast<unsigned char>(bytes[1]) == 0x8B)
    fail(options, format, "gzip-compressed input; decompress it first");

  XmlInput in;
  Repairs repairs(options, format);
  const Decoding d = choose_decoding(bytes, options, repairs);
  in.encoding = d.name;
  std::string decoded;
  std::string_view whole = bytes;
  std::size_t base = std::min(d.skip, bytes.size());
  if (!d.iconv.empty()) {
    decoded = transcode(bytes.substr(base), d, repairs, options, format);
    whole = decoded;
    base = 0;
  }
  repairs.set_text(whole, base);
  Repairer pass(whole, base, d.iconv.empty(), options, format, repairs);
  const bool changed = pass.run();
  repairs.finish(in.diagnostics);
  // Offsets of a parse error are offsets into the input when the input itself was parsed.
  bool input_parsed = false;
  bool in_place = false;  // only the input handed over: a repaired text stays readable in `text`
  if (changed) {
    in.text = pass.take();
  } else if (!d.iconv.empty()) {
    in.text = std::move(decoded);
  } else {
    input_parsed = true;
    if (owned && owned->size() >= kInPlaceMin) {
      in.text = std::move(*owned);
      in_place = true;
    }
  }

  // Valid UTF-8 that needed nothing is parsed straight from the input: in
  // place when it was handed over, after noting its line starts (pugixml
  // overwrites it), else from pugixml's own copy.
  const std::string_view parsed = in.source(bytes);
  if (in_place) in.line_starts = find_line_starts(parsed);
  const pugi::xml_parse_result r =
      in_place ? in.doc.load_buffer_inplace(in.text.data(), in.text.size(), kParseFlags, pugi::encoding_utf8)
               : in.doc.load_buffer(parsed.data(), parsed.size(), kParseFlags, pugi::encoding_utf8);
  if (!r) {
    const auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(r.offset, 0));
    std::pair<std::size_t, std::size_t> lc;
    if (in_place) {
      lc = line_at(in.line_starts, std::min(offset, parsed.size()));
    } else {
      LineCounter lines{parsed};
      lc = lines.at(offset);
    }
    SourceLocation where{lc.first, lc.second, std::nullopt};
    if (input_parsed) where.offset = static_cast<std::size_t>(r.offset);
    fail(options, format, pugixml_message(r.status), where);
  }
  if (parsed.size() > options.limits.max_string_bytes)
    check_strings(in.doc, parsed, in_place ? &in.line_starts : nullptr, options, format);
  return in;
}

}  // namespace

void drop_read_element(pugi::xml_node element) {
  pugi::xml_node parent = element.parent();
  if (!parent) return;
  for (pugi::xml_node before = element.previous_sibling(); before && before.type() != pugi::node_element;
       before = element.previous_sibling()) {
    parent.remove_child(before);
  }
  parent.remove_child(element);
}

void SpentInput::spend(std::ptrdiff_t from, std::ptrdiff_t to) noexcept {
#if defined(__linux__)
  if (!data_ || from < 0 || to <= from || static_cast<std::size_t>(to) > size_) return;
  static const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  constexpr std::size_t kStep = std::size_t{1} << 20;
  const auto base = reinterpret_cast<std::uintptr_t>(data_);
  const auto page_up = [&](std::size_t offset) { return ((base + offset + page - 1) & ~(page - 1)) - base; };
  const auto page_down = [&](std::size_t offset) { return ((base + offset) & ~(page - 1)) - base; };
  const auto start = static_cast<std::size_t>(from);
  const auto end = static_cast<std::size_t>(to);
  if (start != run_end_ || pending_ > end) pending_ = page_up(start);  // a new run
  run_end_ = end;
  const std::size_t last = page_down(end);
  if (last < pending_ + kStep) return;
  if (::madvise(data_ + pending_, last - pending_, MADV_DONTNEED) == 0) released_ += last - pending_;
  pending_ = last;
#else
  (void)from;
  (void)to;
#endif
}

XmlInput load_xml(std::string_view bytes, const ReadOptions& options, std::string_view format) {
  return load_xml_impl(bytes, nullptr, options, format);
}

XmlInput load_xml(std::string&& bytes, const ReadOptions& options, std::string_view format) {
  return load_xml_impl(bytes, &bytes, options, format);
}

}  // namespace hrnews::detail
