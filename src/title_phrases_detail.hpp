// SPDX-License-Identifier: Apache-2.0
// Internal: the search for phrases in titles (genres, intervention types),
// reachable by the tests.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace hrnews::detail {

/// The title phrases (their folded text: `open letter`) that begin at byte
/// `start` of `title`, as classification finds them (`by_folding` false:
/// comparing ASCII bytes as they are when it can) or by folding the text from
/// there (`by_folding` true: the general way). When `without_folding` is given,
/// it is set to whether the comparison of bytes as they are could decide.
std::vector<std::string_view> title_phrases_at(std::string_view title, std::size_t start, bool by_folding,
                                               bool* without_folding = nullptr);

}  // namespace hrnews::detail
