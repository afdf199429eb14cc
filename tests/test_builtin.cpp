// SPDX-License-Identifier: Apache-2.0
// The built-in taxonomy: every scheme loads, sizes, the codes the sample uses,
// the forms used on the seed page and in the bench feeds, countries, extension.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <hrnews/builtin.hpp>
#include <hrnews/collection.hpp>
#include <hrnews/json.hpp>

#include "test_support.hpp"

using hrnews::builtin_taxonomy;
using hrnews::Scheme;
using hrnews::Taxonomy;
using hrnews::Term;
using hrnews::TermRef;

namespace {

using hrnews_test::slurp;

std::string matched_code(std::string_view scheme, std::string_view label) {
  const Term* t = builtin_taxonomy().match(scheme, label);
  return t ? t->code : std::string("<none>");
}

}  // namespace

TEST_CASE("the built-in taxonomy has the six schemes in order, each with terms labelled in en, fr and es",
          "[builtin]") {
  const std::vector<std::string> expected = {"theme", "genre", "country", "region", "mechanism", "violation"};
  CHECK(hrnews::builtin_scheme_ids() == expected);
  const Taxonomy& tax = builtin_taxonomy();
  REQUIRE(tax.schemes().size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const Scheme& s = tax.schemes()[i];
    INFO("scheme " << s.id);
    CHECK(s.id == expected[i]);
    CHECK(s.uri == "urn:hrnews:scheme:" + s.id);
    CHECK(s.title.count("en") == 1);
    CHECK_FALSE(s.terms.empty());
    std::set<std::string> codes;
    for (const Term& t : s.terms) codes.insert(t.code);
    for (const Term& t : s.terms) {
      INFO("term " << t.code);
      CHECK(t.labels.count("en") == 1);
      CHECK(t.labels.count("fr") == 1);
      CHECK(t.labels.count("es") == 1);
      CHECK_FALSE(t.deprecated);
      for (const std::string& b : t.broader) CHECK(codes.count(b) == 1);  // broader terms are in the same scheme
    }
  }
}

TEST_CASE("the built-in schemes have the expected sizes", "[builtin]") {
  const Taxonomy& tax = builtin_taxonomy();
  auto size = [&](const char* id) { return tax.find_scheme(id)->terms.size(); };
  CHECK(size("country") == 249);  // all of ISO 3166-1
  CHECK(size("genre") == 11);     // the content types of the issue
  CHECK(size("theme") >= 20);
  CHECK(size("region") >= 40);    // organisations, UN M49 areas and a few NGO groupings
  CHECK(size("mechanism") >= 25);
  CHECK(size("violation") >= 20);
}

TEST_CASE("the built-in schemes are the same as their JSON export read back", "[builtin]") {
  for (const Scheme& s : hrnews::builtin_schemes()) {
    INFO("scheme " << s.id);
    CHECK(hrnews::read_scheme_json(hrnews::write_scheme_json(s)) == s);
  }
  REQUIRE(hrnews::builtin_scheme("genre"));
  CHECK(hrnews::builtin_scheme("genre")->id == "genre");
  CHECK_FALSE(hrnews::builtin_scheme("nope"));
}

TEST_CASE("every term the bundled sample uses exists in the built-in taxonomy", "[builtin]") {
  const hrnews::Collection c = hrnews::read_json(slurp(HRNEWS_EXAMPLES_DATA_DIR "/omct-2015-11.json"));
  const Taxonomy& tax = builtin_taxonomy();
  std::size_t checked = 0;
  auto check_ref = [&](const TermRef& r) {
    INFO(r.scheme << ":" << r.code);
    CHECK(tax.find(r) != nullptr);
    ++checked;
  };
  for (const hrnews::Item& item : c.items) {
    const hrnews::Article& a = hrnews::article_of(item);
    for (const TermRef& r : a.subjects) check_ref(r);
    for (const std::string& code : a.countries) check_ref({"country", code});
    for (const std::string& code : a.regions) check_ref({"region", code});
    if (const auto* iv = std::get_if<hrnews::Intervention>(&item))
      for (const TermRef& r : iv->violations) check_ref(r);
  }
  for (const hrnews::Campaign& campaign : c.campaigns)
    for (const TermRef& r : campaign.subjects) check_ref(r);
  CHECK(checked > 30);
  // The codes the issue names explicitly.
  for (const char* code : {"human-rights-defenders", "monitoring-protection-mechanisms", "economic-social-cultural-rights"})
    CHECK(tax.find("theme", code));
  for (const char* code : {"statement", "urgent-intervention", "event", "report", "open-letter", "joint-statement",
                           "shadow-report", "follow-up", "press-release", "campaign", "news"})
    CHECK(tax.find("genre", code));
  for (const char* code : {"arbitrary-detention", "judicial-harassment"}) CHECK(tax.find("violation", code));
}

TEST_CASE("every ISO 3166-1 country has a name in English, French and Spanish and its other codes", "[builtin]") {
  const Scheme& countries = *builtin_taxonomy().find_scheme("country");
  REQUIRE(countries.terms.size() == 249);
  for (const Term& t : countries.terms) {
    INFO(t.code);
    CHECK(t.code.size() == 2);
    CHECK(std::all_of(t.code.begin(), t.code.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; }));
    CHECK_FALSE(t.labels.at("en").empty());
    CHECK_FALSE(t.labels.at("fr").empty());
    CHECK_FALSE(t.labels.at("es").empty());
    CHECK(hrnews::country_alpha3(t.code).has_value());
    CHECK(hrnews::country_numeric(t.code).has_value());
  }
  const Term* az = builtin_taxonomy().find("country", "AZ");
  REQUIRE(az);
  CHECK(az->labels.at("fr") == "Azerbaïdjan");
  CHECK(az->labels.at("es") == "Azerbaiyán");
}

TEST_CASE("country names match across languages, accents, case and spacing", "[builtin]") {
  CHECK(matched_code("country", "Côte d'Ivoire") == "CI");
  CHECK(matched_code("country", "cote d ivoire") == "CI");
  CHECK(matched_code("country", "COTE D’IVOIRE") == "CI");
  CHECK(matched_code("country", "Costa de Marfil") == "CI");
  CHECK(matched_code("country", "Ivory Coast") == "CI");
  CHECK(matched_code("country", "Azerbaïdjan") == "AZ");
  CHECK(matched_code("country", "Mauritanie") == "MR");
  CHECK(matched_code("country", "Marruecos") == "MA");
  CHECK(matched_code("country", "Venezuela") == "VE");
  CHECK(matched_code("country", "Vénézuela") == "VE");
  CHECK(matched_code("country", "Russia") == "RU");
  CHECK(matched_code("country", "Turkey") == "TR");
  CHECK(matched_code("country", "Türkiye") == "TR");
  CHECK(matched_code("country", "Democratic Republic of the Congo") == "CD");
  CHECK(matched_code("country", "RDC") == "CD");
  CHECK(matched_code("country", "Estados Unidos") == "US");
  CHECK(matched_code("region", "European Union (EU)") == "EU");
  CHECK(matched_code("region", "Union européenne") == "EU");
  CHECK(matched_code("region", "african union") == "AU");
  CHECK(matched_code("region", "Afrique de l'Ouest") == "m49-011");
  CHECK(matched_code("region", "América Latina") == "m49-419");
}

TEST_CASE("the forms of the seed page and of the bench feeds all resolve", "[builtin]") {
  // Programmes and content types on the OMCT page of November 2015 and in ../bench/gen_feed.py.
  CHECK(matched_code("theme", "Monitoring Protection Mechanisms") == "monitoring-protection-mechanisms");
  CHECK(matched_code("theme", "Economic, Social and Cultural Rights") == "economic-social-cultural-rights");
  CHECK(matched_code("theme", "Human Rights Defenders") == "human-rights-defenders");
  CHECK(matched_code("theme", "Child Rights") == "child-rights");
  CHECK(matched_code("theme", "Children's Rights") == "child-rights");
  CHECK(matched_code("theme", "Violence against Women") == "violence-against-women");
  CHECK(matched_code("theme", "Fight against Impunity") == "fight-against-impunity");
  CHECK(matched_code("theme", "Défenseurs des droits de l'Homme") == "human-rights-defenders");
  CHECK(matched_code("theme", "Derechos económicos, sociales y culturales") == "economic-social-cultural-rights");
  CHECK(matched_code("genre", "Statements") == "statement");
  CHECK(matched_code("genre", "Urgent Interventions") == "urgent-intervention");
  CHECK(matched_code("genre", "urgent appeal") == "urgent-intervention");
  CHECK(matched_code("genre", "Events") == "event");
  CHECK(matched_code("genre", "Reports and Publications") == "report");
  CHECK(matched_code("genre", "Press Releases") == "press-release");
  CHECK(matched_code("genre", "Open Letters") == "open-letter");
  CHECK(matched_code("genre", "Appels urgents") == "urgent-intervention");
  CHECK(matched_code("mechanism", "UN Committee against Torture") == "cat");
  CHECK(matched_code("mechanism", "Human Rights Council") == "hrc");
  CHECK(matched_code("mechanism", "EPU") == "upr");
  CHECK(matched_code("violation", "Détention arbitraire") == "arbitrary-detention");
  for (const char* country : {"Azerbaijan", "Burundi", "China", "Colombia", "Kazakhstan", "Mauritania", "Morocco",
                              "Venezuela", "Mexico", "Egypt", "Russia", "Turkey", "Philippines", "Honduras",
                              "Bahrain", "Uzbekistan", "Sudan", "Tunisia", "Guatemala", "India"}) {
    INFO(country);
    CHECK(builtin_taxonomy().match("country", country) != nullptr);
  }
}

TEST_CASE("alpha-3 and numeric country codes convert to and from alpha-2", "[builtin]") {
  CHECK(hrnews::country_from_alpha3("TUR") == "TR");
  CHECK(hrnews::country_from_alpha3("aze") == "AZ");
  CHECK(hrnews::country_from_alpha3("MRT") == "MR");
  CHECK_FALSE(hrnews::country_from_alpha3("XYZ"));
  CHECK_FALSE(hrnews::country_from_alpha3(""));
  CHECK_FALSE(hrnews::country_from_alpha3("TURKEY"));
  CHECK(hrnews::country_alpha3("az") == "AZE");
  CHECK(hrnews::country_numeric("AZ") == "031");
  CHECK(hrnews::country_numeric("US") == "840");
  CHECK_FALSE(hrnews::country_alpha3("ZZ"));
}

TEST_CASE("a user scheme with a built-in id adds and overrides terms; other schemes are appended", "[builtin]") {
  Scheme theme;
  theme.id = "theme";
  Term hrd;
  hrd.code = "human-rights-defenders";
  hrd.labels = {{"en", "Defenders"}, {"fr", "Défenseurs"}};
  Term water;
  water.code = "right-to-water";
  water.labels = {{"en", "Right to water"}};
  theme.terms = {hrd, water};
  Scheme programme;
  programme.id = "programme";
  Term obs;
  obs.code = "observatory";
  obs.labels = {{"en", "Observatory"}};
  programme.terms = {obs};

  const Taxonomy extended = hrnews::extend(builtin_taxonomy(), {theme, programme});
  REQUIRE(extended.schemes().size() == 7);
  CHECK(extended.schemes().back().id == "programme");
  const Scheme& t = *extended.find_scheme("theme");
  CHECK(t.terms.size() == builtin_taxonomy().find_scheme("theme")->terms.size() + 1);
  CHECK(t.terms.front().code == "human-rights-defenders");  // overridden in place
  CHECK(t.terms.front().labels.at("en") == "Defenders");
  CHECK(t.terms.back().code == "right-to-water");            // added at the end
  CHECK(t.uri == "urn:hrnews:scheme:theme");                // the overlay has none
  CHECK(extended.match("theme", "Right to water"));
  CHECK_FALSE(extended.match("theme", "Défenseurs des droits humains"));  // replaced whole, labels included
  REQUIRE(extended.match("theme", "Human Rights Defenders"));            // still its code
  CHECK(extended.match("theme", "Human Rights Defenders")->labels.at("en") == "Defenders");
  CHECK(extended.match("programme", "observatory"));
  CHECK(builtin_taxonomy().match("theme", "Human Rights Defenders"));  // the built-in one is unchanged
  CHECK(&builtin_taxonomy() == &builtin_taxonomy());
}
