// SPDX-License-Identifier: Apache-2.0
// Language identification's shortcuts (the inline turning-away of words that
// score nothing, the observer's word filters) change no guess: random
// multilingual texts get the guesses recorded in tests/data/language before
// the shortcuts existed, and the observer sees exactly the words a plain
// check of its filters lets through.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "language_detail.hpp"

#include "test_support.hpp"

namespace {

// Random multilingual texts: words of several languages and scripts, capitals,
// accents, HTML tags, character references, digits, over-long words, broken UTF-8.
std::string random_text(std::uint32_t& state) {
  static const char* const pieces[] = {
      "the ", "of ", "and ", "which ", "what ", "thing ", "human ", "rights ", "detention ", "The ", "WHAT ",
      "le ", "la ", "des ", "défenseurs ", "droits ", "l'", "qu'", "Ça ", "À ", "Œuvre ", "être ", "procès ",
      "el ", "ñandú ", "¿Qué ", "¡", "derechos ", "detención ", "ção ", "não ", "libertação ", "são ",
      "über ", "Straße ", "die ", "und ", "Freiheit ", "libertà ", "zione ", "della ", "heid ", "lijk ", "het ",
      "привет ", "мир ", "і ", "ы ", "مرحبا ", "پ ", "ك ", "日本", "カ", "한", "α ", "ש ", "Ĳ ", "ſ",
      "<b>", "</b> ", "<a href=\"x\">", "<", "> ", "&amp; ", "&#233;", "&eacute;", "& ", "&;", ", ", ". ", "\n",
      "2024 ", "x", "ing", "ment ", "AbCdEfGhIjKlMnOpQrStUvWxYz", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa ",
      "\xC3", "\xE2\x82", "défenseure", "ly ", "ed ", "os "};
  return hrnews_test::random_pieces(state, pieces, 48);
}

std::string show(const hrnews::LanguageGuess& g) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s %.12g", g.language.empty() ? "-" : g.language.c_str(), g.confidence);
  return buf;
}

// Records every word it is shown.
struct Recorder final : hrnews::detail::WordObserver {
  std::vector<std::pair<std::string, std::size_t>> seen;
  std::vector<bool> ascii;
  void word(std::string_view lower, std::size_t offset, bool is_ascii) override {
    seen.emplace_back(std::string(lower), offset);
    ascii.push_back(is_ascii);
  }
};

}  // namespace

TEST_CASE("identification gives random multilingual texts the guesses recorded before its shortcuts", "[language]") {
  std::ifstream in(HRNEWS_TEST_DATA_DIR "/language/random-guesses.txt");
  REQUIRE(in);
  std::uint32_t state = 2024;
  std::string line;
  int compared = 0;
  for (int t = 0; t < 2000; ++t) {
    const std::string s = random_text(state);
    REQUIRE(std::getline(in, line));
    Recorder counter;
    const std::string got = show(hrnews::identify_language(s)) + " " +
                            show(hrnews::detail::identify_language_until(s, 3.5, t % 2 ? "fr" : "en", 1.5)) + " " +
                            show(hrnews::detail::identify_language_until(s, 3.5, "", 0.0, &counter, s.size() / 2));
    INFO("text: " << s);
    CHECK(got == line);
    ++compared;
  }
  CHECK(compared == 2000);
}

TEST_CASE("the observer's two filters pass on exactly the words a plain check of them lets through", "[language]") {
  std::uint32_t state = 77;
  for (int round = 0; round < 300; ++round) {
    // A few "first words" taken from a text: what the filters are built from.
    const std::string source = random_text(state);
    Recorder all;
    (void)hrnews::detail::identify_language_until(source, 3.5, "", 0.0, &all, source.size());
    std::set<std::string> listed;
    for (std::size_t k = 0; k < all.seen.size(); k += 3)
      if (all.ascii[k] && all.seen[k].first.size() < 32) listed.insert(all.seen[k].first);
    std::vector<std::uint32_t> letters(256, 0), shapes(32 * 32, 0);
    for (const std::string& w : listed) {
      const auto first = static_cast<unsigned char>(w[0]);
      const auto last = static_cast<unsigned char>(w.back());
      letters[first] |= 1u << w.size();
      shapes[w.size() * 32 + (first & 31u)] |= 1u << (last & 31u);
    }
    const std::string text = source + " " + random_text(state);
    Recorder unfiltered, filtered;
    filtered.ascii_filter = letters.data();
    filtered.ascii_shapes = shapes.data();
    const hrnews::LanguageGuess a = hrnews::detail::identify_language_until(text, 3.5, "", 0.0, &unfiltered, text.size());
    const hrnews::LanguageGuess b = hrnews::detail::identify_language_until(text, 3.5, "", 0.0, &filtered, text.size());
    CHECK(a == b);
    // The plain check: a word of ASCII letters passes when some listed word has its length and
    // first byte, and some its length, first and last byte's low five bits; other words always.
    std::vector<std::pair<std::string, std::size_t>> expected;
    for (std::size_t k = 0; k < unfiltered.seen.size(); ++k) {
      const std::string& w = unfiltered.seen[k].first;
      bool pass = !unfiltered.ascii[k];
      if (!pass && w.size() < 32) {
        bool by_letter = false, by_shape = false;
        for (const std::string& l : listed) {
          by_letter = by_letter || (l.size() == w.size() && l[0] == w[0]);
          by_shape = by_shape || (l.size() == w.size() && ((l[0] ^ w[0]) & 31) == 0 && ((l.back() ^ w.back()) & 31) == 0);
        }
        pass = by_letter && by_shape;
      }
      if (pass) expected.push_back(unfiltered.seen[k]);
      // Every listed word met in the text reaches the observer.
      if (unfiltered.ascii[k] && listed.count(w)) CHECK(pass);
    }
    CHECK(filtered.seen == expected);
  }
}

TEST_CASE("an ending longer than four bytes counts only when the word has all of it", "[language]") {
  // `ciones` (Spanish) is compared by its last four bytes first, then in
  // full: `opiniones` ends with `ones` but not with `ciones`.
  for (const char* text : {"opiniones", "<p>opiniones</p>", "Opiniones, opiniones"}) {
    INFO("text: " << text);
    CHECK(hrnews::identify_language(text).language.empty());
  }
  for (const char* text : {"naciones", "<p>naciones</p>", "Naciones, naciones"}) {
    INFO("text: " << text);
    CHECK(hrnews::identify_language(text).language == "es");
  }
}
