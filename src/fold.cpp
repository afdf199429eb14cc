// SPDX-License-Identifier: Apache-2.0
#include "fold.hpp"
#include "utf8.hpp"

#include <array>
#include <cstddef>

namespace hrnews::detail {
namespace {

// Base letters of U+00C0..U+00FF, eight per group; '\0' marks a non-letter
// (U+00D7, U+00F7). Two-letter folds (AE, TH, SS) are handled before the lookup.
constexpr char latin1[] =
    "aaaaaaac" "eeeeiiii" "dnooooo\0" "ouuuuyts"   // U+00C0..U+00DF
    "aaaaaaac" "eeeeiiii" "dnooooo\0" "ouuuuyty";  // U+00E0..U+00FF
static_assert(sizeof(latin1) == 64 + 1);

// Base letters of U+0100..U+017F (Latin Extended-A). Two-letter folds (IJ, OE)
// are handled before the lookup.
constexpr char latin_ext_a[] =
    "aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii" "ii" "jj" "kkk"
    "llllllllll" "nnnnnnnnn" "oooooo" "oo" "rrrrrr" "ssssssss" "tttttt" "uuuuuuuuuuuu" "ww"
    "yyy" "zzzzzz" "s";
static_assert(sizeof(latin_ext_a) == 128 + 1);

}  // namespace

char32_t decode_utf8(std::string_view s, std::size_t& i) noexcept {
  auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) { ++i; return b0; }
  int len = (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : (b0 & 0xF8) == 0xF0 ? 4 : 0;
  if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) { ++i; return 0xFFFD; }
  char32_t cp = b0 & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
    if ((b & 0xC0) != 0x80) { ++i; return 0xFFFD; }
    cp = (cp << 6) | (b & 0x3F);
  }
  static constexpr std::array<char32_t, 5> min_for_len{0, 0, 0x80, 0x800, 0x10000};
  if (cp < min_for_len[static_cast<std::size_t>(len)] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return 0xFFFD;
  }
  i += static_cast<std::size_t>(len);
  return cp;
}

bool fold_code_point(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    auto c = static_cast<char>(cp);
    if (c >= 'A' && c <= 'Z') { out += static_cast<char>(c - 'A' + 'a'); return true; }
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) { out += c; return true; }
    return false;
  }
  switch (cp) {
    case 0xC6: case 0xE6: out += "ae"; return true;    // Æ æ
    case 0xDE: case 0xFE: out += "th"; return true;    // Þ þ
    case 0xDF: out += "ss"; return true;               // ß
    case 0x132: case 0x133: out += "ij"; return true;  // Ĳ ĳ
    case 0x152: case 0x153: out += "oe"; return true;  // Œ œ
    default: break;
  }
  if (cp >= 0xC0 && cp <= 0xFF) {
    char base = latin1[cp - 0xC0];
    if (base == '\0') return false;
    out += base;
    return true;
  }
  if (cp >= 0x100 && cp <= 0x17F) {
    out += latin_ext_a[cp - 0x100];
    return true;
  }
  if (cp == 0xAA) { out += 'a'; return true; }
  if (cp == 0xBA) { out += 'o'; return true; }
  // Combining diacritical marks (decomposed text, NFD: `e` + U+0301) are
  // accents too: dropped, without breaking the word.
  if (cp >= 0x300 && cp <= 0x36F) return true;
  // Greek and Cyrillic capitals to small letters; everything else above Latin
  // that is not punctuation is kept as it is.
  if (cp == 0x386) cp = 0x3AC;                          // Ά -> ά
  else if (cp >= 0x388 && cp <= 0x38A) cp += 0x25;      // Έ Ή Ί -> έ ή ί
  else if (cp == 0x38C) cp = 0x3CC;                     // Ό -> ό
  else if (cp == 0x38E || cp == 0x38F) cp += 0x3F;      // Ύ Ώ -> ύ ώ
  else if (cp == 0x3C2) cp = 0x3C3;                     // final ς -> σ, as case folding does
  else if (cp >= 0x391 && cp <= 0x3A9) cp += 0x20;
  else if (cp >= 0x410 && cp <= 0x42F) cp += 0x20;
  else if (cp >= 0x400 && cp <= 0x40F) cp += 0x50;
  if (cp < 0xC0 || (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) || cp == 0xFFFD ||
      cp == 0xA0 || cp == 0xFEFF)
    return false;  // remaining Latin-1 symbols, general punctuation, CJK punctuation
  append_utf8(out, static_cast<std::uint32_t>(cp));
  return true;
}

std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool gap = false;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = decode_utf8(text, i);
    std::size_t before = out.size();
    if (gap && !out.empty()) out += ' ';
    std::size_t mark = out.size();
    if (fold_code_point(cp, out)) {
      if (out.size() == mark) {  // nothing to show (a combining mark): the gap, if any, stays open
        out.resize(before);
        continue;
      }
      gap = false;
    } else {
      out.resize(before);
      gap = true;
    }
  }
  return out;
}

}  // namespace hrnews::detail
