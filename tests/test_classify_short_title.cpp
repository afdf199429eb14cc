// SPDX-License-Identifier: Apache-2.0
// Language identification reads the summary too when the title is short:
// fewer than eight words, counted as spaces + 1 (16 bytes at a time, summed
// over blocks). Titles of every length up to several hundred bytes, with 6 or
// 7 spaces anywhere (block boundaries, runs of spaces), decide as the rule says.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include <hrnews/builtin.hpp>
#include <hrnews/classify.hpp>

#include "test_support.hpp"

namespace {

/// The language classification gives an item with `title` (letters that
/// score for no language, and spaces) and a French summary.
std::string language_with_title(const std::string& title) {
  hrnews::Article a;
  a.title.value = title;
  a.summary = hrnews::Text{"Les défenseurs des droits de l'homme sont détenus dans la prison de la ville et les "
                           "autorités refusent leur libération depuis des mois.",
                           hrnews::TextType::text};
  hrnews::Item item = a;
  (void)hrnews::classify(item);
  return hrnews::article_of(item).language;
}

}  // namespace

TEST_CASE("the summary helps identify the language exactly when the title has fewer than seven spaces",
          "[classify]") {
  std::uint32_t state = 8;
  auto next = [&state] { return hrnews_test::next_random(state); };
  int short_titles = 0, long_titles = 0;
  for (int round = 0; round < 400; ++round) {
    const std::size_t size = 16 + next() % 400;  // room for 7 spaces inside
    const int spaces = 6 + static_cast<int>(next() % 2);
    std::string title(size, 'x');
    for (int placed = 0; placed < spaces;) {  // at distinct positions, inside the title
      const std::size_t at = 1 + next() % (size - 2);
      if (title[at] == ' ') continue;
      title[at] = ' ';
      ++placed;
    }
    INFO("title: \"" << title << "\"");
    if (spaces < 7) {
      CHECK(language_with_title(title) == "fr");  // title and summary read
      ++short_titles;
    } else {
      CHECK(language_with_title(title).empty());  // the title alone, which says nothing
      ++long_titles;
    }
  }
  CHECK(short_titles > 100);
  CHECK(long_titles > 100);
}
