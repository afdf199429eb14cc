// SPDX-License-Identifier: Apache-2.0
// Internal: language identification with an early stop, for classification.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <hrnews/language.hpp>

namespace hrnews::detail {

/// Sees the words at the beginning of a text as identification reads them, so
/// that a caller needs no second pass over it.
class WordObserver {
 public:
  virtual ~WordObserver() = default;
  /// One word: in lower case with its accents (`lower`), where it starts in the
  /// text (`offset`), and whether it is made of ASCII letters only.
  virtual void word(std::string_view lower, std::size_t offset, bool ascii) = 0;
  /// When set, a filter on words of ASCII letters: such a word of `n` bytes
  /// whose first (lower-case) byte is `b` is passed on only when bit `n` of
  /// `ascii_filter[b]` is set (and `n` < 32). Other words are always passed on.
  const std::uint32_t* ascii_filter = nullptr;
  /// When set too, a second filter on such words: one of `n` bytes whose first
  /// byte is `b` and last byte `e` is passed on only when bit `e & 31` of
  /// `ascii_shapes[n * 32 + (b & 31)]` is set (1024 entries).
  const std::uint32_t* ascii_shapes = nullptr;
};

/// `identify_language`, but stops reading `text` once a Latin-script language
/// leads the others by `stop_lead` (about that many distinctive function words),
/// or once `expected` (a primary tag; may be empty) leads by `expected_lead`:
/// cheaper on long text. The lead is checked after every third word (and at
/// tags); text with letters of another script is read to its end. The
/// confidence then stays near 1 − e^(−lead/1.5). Classification passes 3.5
/// (confidence ~0.90) and 1.5 for the declared language.
/// `observer`, when given, sees every Latin-script word starting before
/// `observe_until` that its `ascii_filter` lets through (reading never stops
/// before that point).
LanguageGuess identify_language_until(std::string_view text, double stop_lead, std::string_view expected = {},
                                      double expected_lead = 0.0, WordObserver* observer = nullptr,
                                      std::size_t observe_until = 0);

}  // namespace hrnews::detail
