// SPDX-License-Identifier: Apache-2.0
/// @file language.hpp
/// @brief Offline identification of the language of a short text (a title, a summary).
///
/// Small and fast by design: the script of the text decides for Cyrillic,
/// Arabic, Greek, Hebrew, CJK and the like; for Latin-script text, profiles of
/// frequent function words, characteristic letters and word endings (written
/// for hrnews, in the source) tell English, French, Spanish, Portuguese, German,
/// Italian and Dutch apart. It is meant for news titles and summaries, not for
/// dialects or closely related languages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hrnews {

/// The most likely language of a text and how sure the guess is.
struct LanguageGuess {
  std::string language;     ///< BCP 47 primary tag (`en`, `fr`…); empty when nothing was recognised
  double confidence = 0.0;  ///< 0 (no idea) to 1 (certain)
};

/// Guesses are equal when language and confidence are.
inline bool operator==(const LanguageGuess& a, const LanguageGuess& b) {
  return a.language == b.language && a.confidence == b.confidence;
}
/// Negation of `==`.
inline bool operator!=(const LanguageGuess& a, const LanguageGuess& b) { return !(a == b); }

/// Guesses the language of `text` (UTF-8; HTML tags are skipped).
///
/// Recognises `en`, `fr`, `es`, `pt`, `de`, `it`, `nl` (Latin script), `ru`,
/// `uk` (Cyrillic), `ar`, `fa` (Arabic script), `el`, `he`, `hy`, `ka`, `hi`,
/// `th`, `ko`, `ja` and `zh`. Short or ambiguous text gets a low confidence:
/// a few words give well under 0.5, a typical headline in a Latin-script
/// language 0.8 or more. Empty text, or text without letters, gives an empty
/// language and confidence 0. Deterministic, thread-safe, no allocation
/// beyond the result.
LanguageGuess identify_language(std::string_view text);

/// The languages `identify_language` can return, in a fixed order.
const std::vector<std::string>& identifiable_languages();

}  // namespace hrnews
