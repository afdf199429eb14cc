// SPDX-License-Identifier: Apache-2.0
// What classification adds to an item's countries, regions, subjects and
// violations: the terms found for an item are told apart by the taxonomy's
// term, compared with what the item already had, and added with each list
// grown once; the caches (category terms, title prefixes, the violation
// finder's terms) give every item of a collection what a fresh classifier gives.
#include <catch2/catch.hpp>

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include <hrnews/builtin.hpp>
#include <hrnews/classify.hpp>
#include <hrnews/extract.hpp>

#include "test_support.hpp"

using hrnews::Article;
using hrnews::Category;
using hrnews::Collection;
using hrnews::Intervention;
using hrnews::Item;
using hrnews::TermRef;

namespace {

Article article(std::string title, std::vector<Category> categories = {}) {
  Article a;
  a.id = "urn:test:" + title;
  a.title.value = std::move(title);
  a.categories = std::move(categories);
  return a;
}

/// A label of a few letters for `n` (`ba`, `bb`, ... `zz`, `bab`, ...): words the finder reads as words.
std::string letters(std::size_t n) {
  std::string s;
  do {
    s += static_cast<char>('a' + n % 26);
    n /= 26;
  } while (n > 0);
  return "b" + s;
}

/// A user taxonomy: countries, a genre scheme with urgent appeals, and a
/// violation scheme of `violations` terms named by two-word labels (`wrong ba`, ...).
hrnews::Taxonomy user_taxonomy(std::size_t violations) {
  auto term = [](std::string code, std::string label) {
    hrnews::Term t;
    t.code = std::move(code);
    t.labels["en"] = std::move(label);
    return t;
  };
  hrnews::Scheme country;
  country.id = "country";
  country.terms = {term("BI", "Burundi"), term("CO", "Colombia"), term("PE", "Peru"), term("TD", "Chad")};
  hrnews::Scheme genre;
  genre.id = "genre";
  genre.terms = {term("urgent-intervention", "Urgent Interventions"), term("follow-up", "Follow-up"),
                 term("statement", "Statements")};
  genre.terms[1].broader = {"urgent-intervention"};
  hrnews::Scheme violation;
  violation.id = "violation";
  for (std::size_t i = 0; i < violations; ++i)
    violation.terms.push_back(term("violation-number-" + std::to_string(i), "Wrong " + letters(i)));
  return hrnews::Taxonomy({country, genre, violation});
}

/// Random items made of pieces: categories of every length (known and unknown
/// terms, with and without schemes and labels), titles with and without place
/// prefixes, summaries naming violations (`violation_texts`) and case references.
std::vector<Item> random_items(std::uint32_t& state, const std::vector<std::string>& violation_texts,
                               std::size_t count) {
  static const char* const terms[] = {"EU", "Chad", "Peru", "Burundi", "Colombia", "Human Rights Defenders",
                                      "Arbitrary detention", "Urgent Interventions", "Follow-up", "Statements",
                                      "Open Letters", "Press Releases", "ab", "abcd", "abcdefg", "abcdefgh",
                                      "abcdefghijklmnop", "Child Rights, Torture", "Burundi; Chad", "", " "};
  static const char* const schemes[] = {"", "", "theme", "country", "type", "region", "violation",
                                        "http://purl.org/dc/terms/coverage"};
  static const char* const prefixes[] = {"", "Burundi: ", "Peru - ", "Chad / Colombia: ", "Somewhere: ", "EU: "};
  std::vector<Item> items;
  for (std::size_t i = 0; i < count; ++i) {
    std::vector<Category> categories;
    const std::uint32_t n = hrnews_test::next_random(state) % 6;
    for (std::uint32_t k = 0; k < n; ++k) {
      Category c;
      c.term = terms[hrnews_test::next_random(state) % std::size(terms)];
      c.scheme = schemes[hrnews_test::next_random(state) % std::size(schemes)];
      if (hrnews_test::next_random(state) % 8 == 0) c.label = terms[hrnews_test::next_random(state) % std::size(terms)];
      categories.push_back(std::move(c));
    }
    Article a = article(std::string(prefixes[hrnews_test::next_random(state) % std::size(prefixes)]) +
                            "Update on the case " + std::to_string(i),
                        std::move(categories));
    std::string summary;
    for (std::uint32_t k = hrnews_test::next_random(state) % 4; k > 0; --k)
      summary += "They reported " + violation_texts[hrnews_test::next_random(state) % violation_texts.size()] + ". ";
    if (hrnews_test::next_random(state) % 10 == 0) summary += "Ref. TCD 001 / 0115 / OBS 002.1";
    if (!summary.empty()) a.summary = hrnews::Text{summary, hrnews::TextType::text};
    if (hrnews_test::next_random(state) % 5 == 0) {
      Intervention iv;
      static_cast<Article&>(iv) = std::move(a);
      iv.content = hrnews::Text{"The " + violation_texts[hrnews_test::next_random(state) % violation_texts.size()] +
                                    " of Mr. X.",
                                hrnews::TextType::text};
      items.emplace_back(std::move(iv));
    } else {
      items.emplace_back(std::move(a));
    }
  }
  return items;
}

/// Classifies `items` as one collection and each alone (a classifier of its
/// own: empty caches), and checks that every item comes out the same.
void check_collection_as_items(const std::vector<Item>& items, const hrnews::Taxonomy& taxonomy) {
  Collection c;
  c.items = items;
  hrnews::classify(c, taxonomy, {});
  REQUIRE(c.items.size() == items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    Item alone = items[i];
    hrnews::classify(alone, taxonomy, {}, c.feed.language);
    INFO("item " << i << ": " << hrnews::article_of(items[i]).title.value);
    REQUIRE(c.items[i] == alone);
  }
}

}  // namespace

TEST_CASE("what an item already has is kept, and what classification finds again is not added twice",
          "[classify]") {
  Intervention iv(article("Burundi: Judicial harassment of Mr. X",
                          {{"Burundi", "", ""},
                           {"Colombia", "country", ""},
                           {"Human Rights Defenders", "", ""},
                           {"Child Rights", "theme", ""},
                           {"Arbitrary detention", "", ""},
                           {"European Union", "", ""},
                           {"Incommunicado detention", "violation", ""}}));
  iv.countries = {"BI"};
  iv.regions = {"EU"};
  iv.subjects = {{"theme", "human-rights-defenders"}, {"violation", "arbitrary-detention"}};
  iv.violations = {{"violation", "incommunicado-detention"}};
  iv.content = hrnews::Text{"Mr. X was the target of judicial harassment and of arbitrary detention.",
                            hrnews::TextType::text};
  Item item = iv;
  hrnews::classify(item);
  const Intervention& out = std::get<Intervention>(item);
  CHECK(out.countries == std::vector<std::string>{"BI", "CO"});
  CHECK(out.regions == std::vector<std::string>{"EU"});
  // A violation already among the subjects stays there, and is not added to the violations.
  CHECK(out.subjects ==
        std::vector<TermRef>{{"theme", "human-rights-defenders"}, {"violation", "arbitrary-detention"},
                             {"theme", "child-rights"}});
  CHECK(out.violations ==
        std::vector<TermRef>{{"violation", "incommunicado-detention"}, {"violation", "judicial-harassment"}});

  // Classifying again adds nothing.
  Item again = item;
  hrnews::classify(again);
  CHECK(again == item);
}

TEST_CASE("a term found by category, title prefix and text is added once, where it was first found",
          "[classify]") {
  Item item = article("Burundi: Arbitrary detention of Mr. X",
                      {{"Statements", "", ""}, {"Arbitrary detention", "violation", ""}, {"Burundi", "", ""}});
  hrnews::article_of(item).summary =
      hrnews::Text{"Arbitrary detention and judicial harassment in Burundi.", hrnews::TextType::text};
  hrnews::classify(item);
  const Article& a = hrnews::article_of(item);
  CHECK(a.countries == std::vector<std::string>{"BI"});
  CHECK(a.subjects == std::vector<TermRef>{{"genre", "statement"},
                                           {"violation", "arbitrary-detention"},
                                           {"violation", "judicial-harassment"}});
}

TEST_CASE("classification grows each list of an item once, to its exact size", "[classify]") {
  // One reservation per list (none for a list that gets nothing): no list is
  // left with room it will never use, nor grown twice.
  Intervention iv(article("Burundi / Chad: Urgent appeal",
                          {{"Human Rights Defenders", "", ""}, {"Child Rights", "theme", ""},
                           {"Urgent Interventions", "", ""}, {"Colombia", "", ""}}));
  iv.content =
      hrnews::Text{"Judicial harassment, arbitrary detention and incommunicado detention.", hrnews::TextType::text};
  Item item = iv;
  hrnews::classify(item);
  const Intervention& out = std::get<Intervention>(item);
  CHECK(out.countries == std::vector<std::string>{"CO", "BI", "TD"});
  CHECK(out.countries.capacity() == out.countries.size());
  CHECK(out.subjects.size() == 3);
  CHECK(out.subjects.capacity() == out.subjects.size());
  CHECK(out.violations.size() == 3);
  CHECK(out.violations.capacity() == out.violations.size());
  CHECK(out.regions.capacity() == 0);
}

TEST_CASE("every item of a collection is classified as it would be alone (built-in taxonomy)", "[classify]") {
  std::uint32_t state = 20261129;
  const std::vector<std::string> violations = {"arbitrary detention",     "judicial harassment",
                                               "incommunicado detention", "unfair trial",
                                               "enforced disappearance",  "death threats",
                                               "détention arbitraire",    "harcèlement judiciaire",
                                               "detención arbitraria",    "no violation at all"};
  check_collection_as_items(random_items(state, violations, 600), hrnews::builtin_taxonomy());
}

TEST_CASE("every item of a collection is classified as it would be alone (many violations named in text)",
          "[classify]") {
  // More distinct terms named in the texts than the classifier's first table of
  // the finder's terms holds: it grows while the collection is classified.
  const hrnews::Taxonomy taxonomy = user_taxonomy(150);
  REQUIRE(hrnews::TextTermFinder(taxonomy, "violation").phrase_count() == 150);
  std::vector<std::string> violations;
  for (std::size_t i = 0; i < 150; ++i) violations.push_back("wrong " + letters(i));
  std::uint32_t state = 7;
  const std::vector<Item> items = random_items(state, violations, 600);
  check_collection_as_items(items, taxonomy);
  // The texts did name many of them.
  Collection c;
  c.items = items;
  hrnews::classify(c, taxonomy, {});
  std::vector<std::string> named;
  for (const Item& item : c.items) {
    const Article& a = hrnews::article_of(item);
    auto note = [&named](const std::vector<TermRef>& refs) {
      for (const TermRef& r : refs)
        if (r.scheme == "violation" && std::find(named.begin(), named.end(), r.code) == named.end())
          named.push_back(r.code);
    };
    note(a.subjects);
    if (const Intervention* iv = std::get_if<Intervention>(&item)) note(iv->violations);
  }
  CHECK(named.size() > 100);
}
