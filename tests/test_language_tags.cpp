// SPDX-License-Identifier: Apache-2.0
// Language identification reads a text of up to 512 bytes in plain ASCII
// parts (up to a `<`, `&` or byte >= 0x80) with a loop of their own: the
// beginning, and again after every HTML tag and character reference (the
// summary of a short title begins with `<p>`). Texts longer than that are
// read by the general loop only: a text read as it is must give the same
// guess, the same words to the observer and the same early stop as the same
// text after 520 spaces.
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

// Plain words, separators, tags (whole, unclosed, and `<` that opens none),
// character references (and `&` that makes none), accents and broken UTF-8.
std::string random_tagged_text(std::uint32_t& state) {
  static const std::string long49(49, 'x');
  static const char* const pieces[] = {
      "the ", "of ", "and ", "which ", "thing ", "human ", "rights ", "detention ", "The ", "WHAT ", "le ", "la ",
      "des ", "droits ", "pour ", "el ", "los ", "derechos ", "und ", "die ", "het ", "ing", "ment ", "tion ",
      "authorities ", "Release ", "update ", "x", "a", " ", ", ", ". ", "'", "2024 ", "\n", long49.c_str(),
      "<p>", "</p>", "<p>", "</p>\n<p>", "<br/>", "<a href=\"x\">", "</a>", "<!-- c -->", "<b", "< b>", "<3 ",
      "&amp;", "&amp; ", "&#233;", "&eacute;", "& ", "&;", "&lt;p&gt;", "\xC3\xA9", "\xC3\xA9t\xC3\xA9 ", "\xE2\x82"};
  return hrnews_test::random_pieces(state, pieces, 40);
}

using Recorder = hrnews_test::WordRecorder;

}  // namespace

TEST_CASE("the plain parts after tags and character references are read as the general loop reads them",
          "[language]") {
  using hrnews::detail::identify_language_until;
  std::uint32_t state = 5150;
  const double inf = std::numeric_limits<double>::infinity();
  const std::string spaces(520, ' ');
  std::size_t stopped_early = 0, observed = 0, with_tags = 0;
  for (int round = 0; round < 6000; ++round) {
    const std::string text = random_tagged_text(state);
    const std::string general = spaces + text;  // too long for the plain loop
    INFO("text: " << text);
    with_tags += text.find("<p>") != std::string::npos;
    CHECK(identify_language_until(text, inf) == identify_language_until(general, inf));
    const char* expected = round % 3 == 0 ? "en" : round % 3 == 1 ? "fr" : "";
    CHECK(identify_language_until(text, 3.5, expected, 1.5) == identify_language_until(general, 3.5, expected, 1.5));
    const std::size_t until = text.empty() ? 0 : (static_cast<std::size_t>(round) * 7919u) % (text.size() + 1);
    Recorder plain, slow;
    slow.shift = spaces.size();
    const hrnews::LanguageGuess a = identify_language_until(text, 3.5, expected, 1.5, &plain, until);
    const hrnews::LanguageGuess b = identify_language_until(general, 3.5, expected, 1.5, &slow, until + spaces.size());
    CHECK(a == b);
    CHECK(plain.seen == slow.seen);
    observed += plain.seen.size();
    if (!(a == identify_language_until(text, inf))) ++stopped_early;
  }
  // The comparisons mean something: tags were read, words observed, and reading often stopped early.
  CHECK(with_tags > 3000);
  CHECK(observed > 10000);
  CHECK(stopped_early > 300);
}
