// SPDX-License-Identifier: Apache-2.0
// Internal: language identification with an early stop, for classification.
#pragma once

#include <string_view>

#include <hrnews/language.hpp>

namespace hrnews::detail {

/// `identify_language`, but stops reading `text` once a Latin-script language
/// leads the others by `stop_lead` (about that many distinctive function words):
/// cheaper on long text, and the confidence then stays near 1 − e^(−stop_lead/1.5).
LanguageGuess identify_language_until(std::string_view text, double stop_lead);

}  // namespace hrnews::detail
