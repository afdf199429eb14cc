// SPDX-License-Identifier: Apache-2.0
// Internal: folding of text for matching (case, Latin accents, spacing).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hrnews::detail {

/// Appends the folded form of one UTF-8 code point (lower case, accents
/// removed) to `out`; returns false when the code point is not a letter or
/// digit (punctuation, space, symbols), in which case nothing is appended.
bool fold_code_point(char32_t cp, std::string& out);

/// Decodes one UTF-8 code point at `text[i]`, advancing `i`; invalid bytes
/// decode as U+FFFD one byte at a time.
char32_t decode_utf8(std::string_view text, std::size_t& i) noexcept;

/// Folds `text`: letters lower-cased and stripped of accents, runs of anything
/// else collapsed to one space, trimmed.
std::string fold(std::string_view text);

/// `c` in lower case when it is an ASCII capital letter, else unchanged.
constexpr char lower_ascii_char(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// True when `a` and `b` are equal but for the case of ASCII letters (`en-GB`, `en-gb`).
constexpr bool ascii_iequal(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower_ascii_char(a[i]) != lower_ascii_char(b[i])) return false;
  return true;
}

/// `s` with its ASCII capital letters in lower case.
inline std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower_ascii_char(c);
  return out;
}

}  // namespace hrnews::detail
