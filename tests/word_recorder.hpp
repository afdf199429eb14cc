// SPDX-License-Identifier: Apache-2.0
// A language-identification observer that records the words it is handed,
// for the tests that compare two ways of reading a text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "language_detail.hpp"

namespace hrnews_test {

/// Records each word (lower case) and its offset, less `shift`.
struct WordRecorder final : hrnews::detail::WordObserver {
  std::vector<std::pair<std::string, std::size_t>> seen;  ///< the words in order, with their offsets
  std::size_t shift = 0;                                   ///< subtracted from the offsets
  void word(std::string_view lower, std::size_t offset, bool) override {
    seen.emplace_back(std::string(lower), offset - shift);
  }
};

}  // namespace hrnews_test
