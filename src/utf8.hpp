// SPDX-License-Identifier: Apache-2.0
// Private to the library: encoding a code point as UTF-8, shared by every
// reader and writer that decodes escapes or character references.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace hrnews::detail {

/// Appends code point `cp` (at most U+10FFFF) to `out` as UTF-8. Callers
/// decide beforehand what to do with surrogates and other code points their
/// format forbids.
inline void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// The length of the well-formed UTF-8 sequence (RFC 3629: no overlong forms,
/// no surrogates, nothing past U+10FFFF) of one or more bytes starting at `p`
/// when `*p` is not ASCII; 0 when it is ill-formed or cut short by `end`, and
/// then `bad` is the length of its maximal invalid prefix (at least 1).
inline std::size_t utf8_sequence(const unsigned char* p, const unsigned char* end, std::size_t& bad) noexcept {
  const unsigned char c = *p;
  std::size_t n = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    bad = 1;
    return 0;
  }
  std::size_t i = 1;
  for (; i < n && p + i < end; ++i) {
    const unsigned char b = p[i];
    if (b < (i == 1 ? lo : 0x80) || b > (i == 1 ? hi : 0xBF)) break;
  }
  if (i == n) return n;
  bad = i;
  return 0;
}

}  // namespace hrnews::detail
