// SPDX-License-Identifier: Apache-2.0
// Language identification reads the plain ASCII beginning of a text (up to
// its first `<`, `&` or byte >= 0x80) word by word in a loop of its own; the
// general loop reads everything else. Both must give the same guess, the same
// words to the observer and the same early stop: a text read as it is is
// compared with the same text after `&;`, which the general loop reads as two
// separators (not a character reference) and which leaves no plain beginning.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "language_detail.hpp"

#include "test_support.hpp"
#include "word_recorder.hpp"

namespace {

std::string random_plain_text(std::uint32_t& state) {
  static const std::string long48(48, 'w'), long49(49, 'x'), long47(47, 'Y');
  static const char* const pieces[] = {
      "the ", "of ", "and ", "which ", "thing ", "human ", "rights ", "detention ", "The ", "WHAT ", "while ",
      "le ", "la ", "des ", "droits ", "pour ", "dans ", "el ", "los ", "derechos ", "und ", "die ", "het ",
      "ing", "ment ", "tion ", "ed ", "ly ", "os ", "authorities ", "Government ", "Release ", "update ",
      "defenders ", "Internationalisation ", "abcdefghijklmnopqrstuvwxyz ", "x", "a", " ", "  ", ": ", ", ",
      ". ", "'", "l'", "2024 ", "9", "-", "(", ")", "\n", "\t", "/", "?", "!", "\"", long48.c_str(), long49.c_str(),
      long47.c_str(),
      // rarer: what ends the plain beginning
      "<b>", "</b> ", "&amp; ", "& ", "\xC3\xA9", "Ça ", "\xE2\x82"};
  auto next = [&state] { return hrnews_test::next_random(state); };
  constexpr std::size_t plain_pieces = sizeof pieces / sizeof *pieces - 7;
  std::string s;
  const std::uint32_t n = next() % 64;
  for (std::uint32_t k = 0; k < n; ++k) {
    const std::uint32_t r = next();
    // Mostly plain pieces; now and then one that ends the plain part.
    s += pieces[r % 16 == 0 ? plain_pieces + (r >> 4) % 7 : (r >> 4) % plain_pieces];
  }
  if (next() % 16 == 0)  // now and then beyond the length read by the plain loop (512 bytes)
    while (s.size() < 600) s += "the rights of defenders ";
  return s;
}

using Recorder = hrnews_test::WordRecorder;

}  // namespace

TEST_CASE("the plain beginning of a text is read as the general loop reads it: same guesses, words and stop",
          "[language]") {
  std::uint32_t state = 1129;
  const double inf = std::numeric_limits<double>::infinity();
  std::size_t stopped_early = 0, observed = 0;
  for (int round = 0; round < 6000; ++round) {
    const std::string text = random_plain_text(state);
    const std::string general = "&;" + text;
    INFO("text: " << text);
    CHECK(hrnews::detail::identify_language_until(text, inf) == hrnews::detail::identify_language_until(general, inf));
    const char* expected = round % 3 == 0 ? "en" : round % 3 == 1 ? "fr" : "";
    CHECK(hrnews::detail::identify_language_until(text, 3.5, expected, 1.5) ==
          hrnews::detail::identify_language_until(general, 3.5, expected, 1.5));
    // With an observer until some point of the text (classification: the end of the title).
    const std::size_t until = text.empty() ? 0 : (static_cast<std::size_t>(round) * 7919u) % (text.size() + 1);
    Recorder plain, slow;
    slow.shift = 2;
    const hrnews::LanguageGuess a = hrnews::detail::identify_language_until(text, 3.5, expected, 1.5, &plain, until);
    const hrnews::LanguageGuess b =
        hrnews::detail::identify_language_until(general, 3.5, expected, 1.5, &slow, until + 2);
    CHECK(a == b);
    CHECK(plain.seen == slow.seen);
    observed += plain.seen.size();
    if (!(a == hrnews::detail::identify_language_until(text, inf))) ++stopped_early;
  }
  // The comparisons mean something: words were observed, and reading often stopped early.
  CHECK(observed > 10000);
  CHECK(stopped_early > 300);
}
