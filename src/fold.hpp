// SPDX-License-Identifier: Apache-2.0
// Internal: folding of text for matching (case, Latin accents, spacing).
#pragma once

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

}  // namespace hrnews::detail
