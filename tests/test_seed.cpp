// SPDX-License-Identifier: Apache-2.0
// The seed page as the NGO's own plain RSS: every item's kind, countries, region,
// themes, genres, violations, language and case reference, checked against the
// expectation table written from reading the page (tests/data/seed/expected.json).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <hrnews/relate.hpp>
#include <hrnews/rss.hpp>

#include "test_support.hpp"

using hrnews::Article;
using hrnews::Collection;
using hrnews::Intervention;

namespace {

using hrnews_test::slurp;

std::vector<std::string> strings(const nlohmann::json& j) { return j.get<std::vector<std::string>>(); }

}  // namespace

TEST_CASE("the seed page read from its plain RSS matches the expectation table", "[seed]") {
  const Collection c = hrnews::read_rss(slurp(HRNEWS_TEST_DATA_DIR "/seed/omct-2015-11-plain.rss"));
  const nlohmann::json expected = nlohmann::json::parse(slurp(HRNEWS_TEST_DATA_DIR "/seed/expected.json"));
  REQUIRE(c.feed.language == expected.at("feed_language").get<std::string>());
  const nlohmann::json& rows = expected.at("items");
  REQUIRE(c.items.size() == rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const nlohmann::json& row = rows[i];
    const Article& a = hrnews::article_of(c.items[i]);
    INFO("item " << i << ": " << a.title.value);
    CHECK(a.title.value.rfind(row.at("title").get<std::string>(), 0) == 0);
    CHECK(std::string(hrnews::to_string(hrnews::kind_of(c.items[i]))) == row.at("kind").get<std::string>());
    CHECK(a.countries == strings(row.at("countries")));
    CHECK(a.regions == strings(row.at("regions")));
    std::vector<std::string> themes, genres, violations;
    for (const auto& r : a.subjects) {
      if (r.scheme == "theme") themes.push_back(r.code);
      else if (r.scheme == "genre") genres.push_back(r.code);
      else if (r.scheme == "violation") violations.push_back(r.code);
    }
    const Intervention* iv = std::get_if<Intervention>(&c.items[i]);
    if (iv)
      for (const auto& r : iv->violations) violations.push_back(r.code);
    CHECK(themes == strings(row.at("themes")));
    CHECK(genres == strings(row.at("genres")));
    CHECK(violations == strings(row.at("violations")));
    const std::string language = a.language.empty() ? c.feed.language : a.language;
    CHECK(language == row.at("language").get<std::string>());
    CHECK(a.language_inferred == row.at("language_inferred").get<bool>());
    if (row.at("case_ref").is_null()) {
      CHECK((iv == nullptr || !iv->case_ref));
    } else {
      REQUIRE(iv != nullptr);
      REQUIRE(iv->case_ref);
      CHECK(iv->case_ref->raw() == row.at("case_ref").get<std::string>());
      CHECK(iv->case_ref->scheme() == hrnews::CaseScheme::observatory);
    }
    if (row.contains("intervention_type")) {
      REQUIRE(iv != nullptr);
      CHECK(std::string(hrnews::to_string(iv->intervention_type)) == row.at("intervention_type").get<std::string>());
    }
    CHECK(a.related.empty());  // the page holds no two items of one case, and no translations
  }
  // The page's items have no guid (ids derived from the links), and two French titles.
  std::size_t derived = 0, inferred = 0;
  for (const auto& d : c.diagnostics) {
    derived += d.code == "id-derived";
    inferred += d.code == "language-inferred";
  }
  CHECK(derived == 16);
  CHECK(inferred == 2);
  CHECK(c.diagnostics.size() == 18);
}

TEST_CASE("the seed's campaigns are matched from a campaigns file", "[seed]") {
  Collection c = hrnews::read_rss(slurp(HRNEWS_TEST_DATA_DIR "/seed/omct-2015-11-plain.rss"));
  const auto campaigns = hrnews::read_campaigns(slurp(HRNEWS_TEST_DATA_DIR "/seed/campaigns.json"));
  REQUIRE(campaigns.size() == 2);
  CHECK(hrnews::match_campaigns(c, campaigns) == 1);
  REQUIRE(c.campaigns.size() == 1);
  CHECK(c.campaigns[0].name == "Stand 4 Human Rights Defenders");
  CHECK(c.campaigns[0].items == std::vector<std::string>{hrnews::article_of(c.items[3]).id});
  CHECK(hrnews::article_of(c.items[3]).campaigns == std::vector<std::string>{campaigns[1].id});
}
