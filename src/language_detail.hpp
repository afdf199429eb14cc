// SPDX-License-Identifier: Apache-2.0
// Internal: language identification with an early stop, for classification.
#pragma once

#include <string_view>

#include <hrnews/language.hpp>

namespace hrnews::detail {

/// `identify_language`, but stops reading `text` once a Latin-script language
/// leads the others by `stop_lead` (about that many distinctive function words),
/// or once `expected` (a primary tag; may be empty) leads by `expected_lead`:
/// cheaper on long text. The confidence then stays near 1 − e^(−lead/1.5).
LanguageGuess identify_language_until(std::string_view text, double stop_lead, std::string_view expected = {},
                                      double expected_lead = 0.0);

}  // namespace hrnews::detail
