// SPDX-License-Identifier: Apache-2.0
// Language identification with an early stop (what classification uses): a
// text decided by its beginning is not read further; an undecided one is.
#include <catch2/catch.hpp>

#include <limits>
#include <string>

#include "language_detail.hpp"

namespace {

// Twelve English words, full of function words: decided well before their end.
const std::string english_start = "The police said that the army and the men of the city were in the streets. ";

// A long French text: read to its end, it outweighs the English start.
std::string french_body() {
  std::string s;
  for (int k = 0; k < 20; ++k)
    s += "Les défenseurs des droits de l'homme sont dans la ville et le gouvernement ne les protège pas. ";
  return s;
}

constexpr double stop_lead = 3.5;  // classification's margin (classify.cpp)

}  // namespace

TEST_CASE("identification read to the end lets a long French body outweigh an English first sentence",
          "[language]") {
  const hrnews::LanguageGuess whole = hrnews::identify_language(english_start + french_body());
  CHECK(whole.language == "fr");
}

TEST_CASE("identification with an early stop decides a long text by its first sentence", "[language]") {
  const hrnews::LanguageGuess early = hrnews::detail::identify_language_until(english_start + french_body(), stop_lead);
  CHECK(early.language == "en");
  CHECK(early.confidence >= 0.8);
}

TEST_CASE("identification with an early stop reads on while the beginning decides nothing", "[language]") {
  // Names, numbers and words shared by the languages: no lead; the French that follows decides.
  const std::string undecided = "Karimi Ahmadi Tehran 2024 ONG Amnesty OMCT Karimi Ahmadi 2025. ";
  const hrnews::LanguageGuess g = hrnews::detail::identify_language_until(undecided + french_body(), stop_lead);
  CHECK(g.language == "fr");
  CHECK(g.confidence >= 0.8);
}

TEST_CASE("identification with an early stop stops sooner on the language expected", "[language]") {
  // Two English function words, then French: the declared "en" leads by 1.5 first.
  const std::string text = "The report of the " + french_body();
  CHECK(hrnews::detail::identify_language_until(text, stop_lead, "en", 1.5).language == "en");
  CHECK(hrnews::detail::identify_language_until(text, stop_lead).language == "fr");
}
