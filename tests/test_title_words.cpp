// SPDX-License-Identifier: Apache-2.0
// The title's word count that decides whether its language is identified from
// the title alone (eight words or more) or from the title and the beginning of
// the summary: random titles whose spaces fall everywhere around the 16-byte
// blocks of the space count, against a plain count of their spaces.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include <hrnews/builtin.hpp>
#include <hrnews/classify.hpp>

#include "test_support.hpp"

namespace {

// A summary clearly in French; the titles below are digits, which no language claims.
constexpr const char* french_summary =
    "Les défenseurs des droits de l'homme sont détenus dans la prison de la ville depuis le mois dernier et "
    "leur famille n'a pas de nouvelles de leur situation.";

/// A title of digits, hyphens and tabs with 0 to 12 spaces (some in runs), up to about 80 bytes.
std::string random_title(std::uint32_t& state) {
  auto next = [&state] { return hrnews_test::next_random(state); };
  std::string s;
  const std::uint32_t pieces = next() % 24;
  for (std::uint32_t k = 0; k < pieces; ++k) {
    switch (next() % 6) {
      case 0: s += ' '; break;
      case 1: s += "  "; break;
      case 2: s += '\t'; break;
      case 3: s += '-'; break;
      default: s += std::string(1 + next() % 9, static_cast<char>('0' + next() % 10)); break;
    }
  }
  return s;
}

/// The language inferred for an article with this title and the French summary, in a feed without a language.
std::string inferred_language(const std::string& title) {
  hrnews::Article a;
  a.id = "urn:test:title-words";
  a.title.value = title;
  a.summary = hrnews::Text{french_summary};
  hrnews::Item item = std::move(a);
  hrnews::classify(item, hrnews::builtin_taxonomy(), {}, "");
  return hrnews::article_of(item).language;
}

}  // namespace

TEST_CASE("a title of fewer than eight words is identified together with its summary, a longer one alone",
          "[classify]") {
  CHECK(inferred_language("2024 17") == "fr");
  CHECK(inferred_language("1 2 3 4 5 6 7 8").empty());
  CHECK(inferred_language("1 2 3 4 5 6 7") == "fr");
  // Spaces in the first and second 16-byte blocks and in the bytes after them.
  CHECK(inferred_language("123456789012345 1 2 3 4 5 6 7").empty());
  CHECK(inferred_language("1234567890123456 1 2 3 4 5 6") == "fr");
  CHECK(inferred_language("12345678901234567890123456789012 1 2 3 4 5 6 7").empty());
  CHECK(inferred_language("12345678901234567890123456789012 1 2 3 4 5 6") == "fr");

  std::uint32_t state = 16;
  int short_titles = 0;
  int long_titles = 0;
  for (int round = 0; round < 3000; ++round) {
    const std::string title = random_title(state);
    std::size_t spaces = 0;
    for (const char c : title) spaces += c == ' ';
    const bool is_short = spaces + 1 < 8;  // words counted as spaces + 1
    INFO("title: \"" << title << "\" (" << title.size() << " bytes, " << spaces << " spaces)");
    if (is_short) {
      CHECK(inferred_language(title) == "fr");
      ++short_titles;
    } else {
      CHECK(inferred_language(title).empty());
      ++long_titles;
    }
  }
  // Both sides of the threshold are well represented.
  CHECK(short_titles > 500);
  CHECK(long_titles > 500);
}
