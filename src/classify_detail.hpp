// SPDX-License-Identifier: Apache-2.0
// Internal: the case-reference search shared by classification and relate().
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

#include <hrnews/case_reference.hpp>

namespace hrnews::detail {

/// `first_case_reference` for a text that holds a slash, none before `from`.
std::optional<CaseReference> first_case_reference_searched(std::string_view text, bool appeals_only,
                                                           std::size_t from = 0);

/// The first reference `find_case_references(text)` would return — or, with
/// `appeals_only`, the first of those that is an Observatory or Amnesty UA
/// reference — found without building the list: the search stops there.
/// Every form of reference has a slash: a text without one (most category
/// labels, titles and summaries) costs a scan inline, no call.
inline std::optional<CaseReference> first_case_reference(std::string_view text, bool appeals_only) {
  const char* p = text.data();
  const std::size_t n = text.size();
  bool slash = false;
  std::size_t from = 0;
  if (n > 64) {
    const void* at = std::memchr(p, '/', n);
    slash = at != nullptr;
    if (slash) from = static_cast<std::size_t>(static_cast<const char*>(at) - p);
  } else {  // short texts: eight bytes at a time, inline
    constexpr std::uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL, slashes = ones * '/';
    std::size_t i = 0;
    for (; i + 8 <= n && !slash; i += 8) {
      std::uint64_t x;
      std::memcpy(&x, p + i, 8);
      x ^= slashes;                                // a slash becomes a zero byte
      slash = ((x - ones) & ~x & high) != 0;       // some byte is zero (exact as a yes/no answer)
    }
    for (; i < n && !slash; ++i) slash = p[i] == '/';
  }
  if (!slash) return std::nullopt;
  return first_case_reference_searched(text, appeals_only, from);
}

}  // namespace hrnews::detail
