// SPDX-License-Identifier: Apache-2.0
// The phrases of titles (genres, intervention types) are compared with the
// raw bytes of a title where these are ASCII, and found by folding the text
// (case, accents, punctuation) otherwise: both ways must find the same
// phrases at every place of any title.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "title_phrases_detail.hpp"

#include "test_support.hpp"

namespace {

using Found = std::vector<std::string_view>;

// Words of phrases (in several cases, with and without their accents), words
// that only begin like them, separators of every kind, digits, accents,
// combining marks, dashes, no-break spaces and runs long enough to cross the
// 64-byte window.
std::string random_title(std::uint32_t& state) {
  static const std::string far(58, ' ');
  static const char* const pieces[] = {
      "open", "Open", "OPEN", "letter", "Letter", "letters", "release", "Release", "RELEASED", "released", "on",
      "bail", "press", "update", "Updated", "follow", "up", "joint", "statement", "urgent", "Appeal", "action",
      "shadow", "report", "further", "information", "informations", "complementaires", "compl\xC3\xA9mentaires",
      "lettre", "ouverte", "carta", "abierta", "lib\xC3\xA9r\xC3\xA9", "libere", "LIBERE", "liberaci\xC3\xB3n",
      "liberacion", "communique", "communiqu\xC3\xA9", "de", "presse", "prensa", "comunicado", "case", "closed",
      "charges", "dropped", "acquitted", "seguimiento", " ", " ", " ", " ", "  ", ", ", "-", ": ", "\t", "/",
      "2", "9 ", "x", "\xC3\xA9", "\xE2\x80\x94", "\xC2\xA0", "\xCC\x81", "e\xCC\x81", "\xE2\x82", far.c_str()};
  return hrnews_test::random_pieces(state, pieces, 24);
}

bool is_separator(char c) {
  const auto b = static_cast<unsigned char>(c);
  return b < 0x80 && !((b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z'));
}

}  // namespace

TEST_CASE("title phrases compared with ASCII bytes as they are are those found by folding the title", "[classify]") {
  using hrnews::detail::PhraseSearch;
  using hrnews::detail::title_phrases_at;
  std::uint32_t state = 4242;
  std::size_t places = 0, decided = 0, found = 0, found_decided = 0;
  for (int round = 0; round < 4000; ++round) {
    const std::string title = random_title(state);
    for (std::size_t start = 0; start < title.size(); ++start) {
      if (is_separator(title[start])) continue;  // phrases are looked for where a word may start
      bool without_folding = false, known_without_folding = false;
      const Found quick = title_phrases_at(title, start, PhraseSearch::bytes, &without_folding);
      const Found known = title_phrases_at(title, start, PhraseSearch::word_known, &known_without_folding);
      const Found folded = title_phrases_at(title, start, PhraseSearch::folding);
      INFO("title: \"" << title << "\" from byte " << start);
      CHECK(quick == folded);
      CHECK(known == folded);
      CHECK(known_without_folding == without_folding);
      ++places;
      decided += without_folding;
      found += !folded.empty();
      found_decided += without_folding && !folded.empty();
    }
  }
  // Both ways were taken, and phrases were found both ways.
  CHECK(places > 30000);
  CHECK(decided > places / 2);
  CHECK(decided < places);
  CHECK(found_decided > 1000);
  CHECK(found > found_decided);
}

TEST_CASE("a title phrase is found by its ASCII bytes however its words are spaced and cased", "[classify]") {
  using hrnews::detail::title_phrases_at;
  constexpr auto bytes = hrnews::detail::PhraseSearch::bytes;
  bool without_folding = false;
  // (`open letter` is listed twice: a genre, and a type of intervention.)
  CHECK(title_phrases_at("Joint OPEN  -  Letter: X", 6, bytes, &without_folding) == Found{"open letter", "open letter"});
  CHECK(without_folding);
  // A phrase that begins another one: both, in the order of the list of phrases.
  CHECK(title_phrases_at("Released on bail", 0, bytes, &without_folding) == Found{"released on bail", "released"});
  CHECK(without_folding);
  CHECK(title_phrases_at("update", 0, bytes, &without_folding) == Found{"update"});
  CHECK(without_folding);
  // A word that only begins like a phrase, or goes on with a digit.
  CHECK(title_phrases_at("Updated list", 0, bytes, &without_folding).empty());
  CHECK(without_folding);
  CHECK(title_phrases_at("update2", 0, bytes, &without_folding).empty());
  CHECK(without_folding);
  CHECK(title_phrases_at("open letterX", 0, bytes, &without_folding).empty());
  CHECK(without_folding);
  // Bytes >= 0x80 where the comparison needs them: folded.
  CHECK(title_phrases_at("open\xC2\xA0letter", 0, bytes, &without_folding) == Found{"open letter", "open letter"});
  CHECK(!without_folding);
  CHECK(title_phrases_at("communiqu\xC3\xA9 de presse", 0, bytes, &without_folding) ==
        Found{"communique de presse", "communique"});
  CHECK(!without_folding);
  CHECK(title_phrases_at("update\xCC\x81", 0, bytes, &without_folding) == Found{"update"});  // a combining mark
  CHECK(!without_folding);
  // The window of 64 bytes: the second word of a phrase too far away is not seen.
  CHECK(title_phrases_at("open" + std::string(70, ' ') + "letter", 0, bytes, &without_folding).empty());
  CHECK(without_folding);
}
