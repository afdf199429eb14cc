// SPDX-License-Identifier: Apache-2.0
// Which input a free worker of `hrnews ... --jobs N` starts next.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace hrnews::cli {

/// The input a free worker starts next, or `started.size()` when none may
/// start now. Inputs are taken (handed on) in order; `taken` of them are, and
/// at most `window` inputs may be in flight (started and not taken): those
/// before `taken + window`. The largest (by `sizes`; the first of equal ones)
/// of the next `jobs` inputs not started is next, so that the first input of
/// the window is never left until last: started last, it would hold back the
/// start of the next inputs while a worker waits, and every finished input
/// would stay in memory meanwhile. Once the window reaches the last input, the
/// largest of all those left is next, so that the last inputs worked on are
/// small ones and the workers finish close together. `first` is the caller's
/// note of where the first input not started may be (no input before it is
/// left to start); it is moved on past started inputs.
inline std::size_t next_input(const std::vector<char>& started, const std::vector<std::uintmax_t>& sizes,
                              std::size_t& first, std::size_t taken, std::size_t window, std::size_t jobs) {
  const std::size_t count = started.size();
  while (first < count && started[first]) ++first;
  const std::size_t end = std::min(count, taken + window);
  const std::size_t looked_at = end < count ? std::max<std::size_t>(jobs, 1) : count;
  std::size_t best = count;
  std::size_t seen = 0;
  for (std::size_t i = first; i < end && seen < looked_at; ++i) {
    if (started[i]) continue;
    if (best == count || sizes[i] > sizes[best]) best = i;
    ++seen;
  }
  return best;
}

}  // namespace hrnews::cli
