// SPDX-License-Identifier: Apache-2.0
// Internal: the search for phrases in titles (genres, intervention types),
// reachable by the tests.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace hrnews::detail {

/// How `title_phrases_at` looks for phrases.
enum class PhraseSearch {
  folding,     ///< the general way: the text folded (case, accents, punctuation)
  bytes,       ///< as classification does without language identification: ASCII bytes compared as they are when they decide
  word_known,  ///< the same, told the first word's slot as language identification's observer is (when it is one)
};

/// The title phrases (their folded text: `open letter`) that begin at byte
/// `start` of `title`, looked for in the given `way`. When `without_folding`
/// is given, it is set to whether comparing bytes as they are could decide.
std::vector<std::string_view> title_phrases_at(std::string_view title, std::size_t start, PhraseSearch way,
                                               bool* without_folding = nullptr);

}  // namespace hrnews::detail
