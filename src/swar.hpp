// SPDX-License-Identifier: Apache-2.0
// Byte-class masks over eight bytes at a time (SIMD within a register), shared
// by the word scanners of language identification and violation search.
// Internal header, not installed.
#pragma once

#include <cstdint>

// The 16-byte (SSE2) paths of the text scanners: SSE2 is the x86-64 baseline;
// HRNEWS_NO_SSE2 selects the portable paths, which every other target takes.
#if defined(__SSE2__) && !defined(HRNEWS_NO_SSE2)
#define HRNEWS_SSE2 1
#include <emmintrin.h>
#endif

namespace hrnews::detail::swar {

/// The high bit of every byte.
constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
/// 0x01 in every byte.
constexpr std::uint64_t ones = 0x0101010101010101ULL;

/// 0x80 in each byte of `x` that is an ASCII letter, 0 elsewhere.
inline std::uint64_t letter_bytes(std::uint64_t x) noexcept {
  const std::uint64_t ascii = ~x & high_bits;
  const std::uint64_t lower = (x & ~high_bits) | (ones * 0x20);  // no sum below carries into a neighbour
  return ((lower + ones * (0x80 - 0x61)) & ~(lower + ones * (0x80 - 0x7B))) & high_bits & ascii;
}

/// 0x80 in each byte of `x` that is an ASCII letter or digit, 0 elsewhere.
inline std::uint64_t alnum_bytes(std::uint64_t x) noexcept {
  const std::uint64_t ascii = ~x & high_bits;
  const std::uint64_t y = x & ~high_bits;  // each byte below 0x80: the sums below carry into no neighbour
  const std::uint64_t digit = ((y + ones * (0x80 - 0x30)) & ~(y + ones * (0x80 - 0x3A))) & high_bits;
  return letter_bytes(x) | (digit & ascii);
}

/// Whether the eight-byte paths may be used: they count bytes from the lowest one.
inline bool little_endian() noexcept {
#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__)
  return __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;
#else
  return false;  // the byte-by-byte path only
#endif
}

}  // namespace hrnews::detail::swar
