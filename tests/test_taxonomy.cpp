// SPDX-License-Identifier: Apache-2.0
// Taxonomy: label folding, lookups by code and label, multilingual matching, errors.
#include <catch2/catch.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <hrnews/taxonomy.hpp>

using hrnews::normalize_label;
using hrnews::Scheme;
using hrnews::Taxonomy;
using hrnews::Term;
using hrnews::TermRef;

namespace {

Term term(std::string code, hrnews::LangMap labels, hrnews::LangListMap alt = {}) {
  Term t;
  t.code = std::move(code);
  t.labels = std::move(labels);
  t.alt_labels = std::move(alt);
  return t;
}

// A small taxonomy in the shape of the built-in one.
std::vector<Scheme> sample_schemes() {
  Scheme theme;
  theme.id = "theme";
  theme.uri = "https://example.org/theme";
  theme.title = {{"en", "Themes"}, {"fr", "Thèmes"}};
  theme.terms = {
      term("human-rights-defenders",
           {{"en", "Human Rights Defenders"}, {"fr", "Défenseurs des droits de l'Homme"},
            {"es", "Defensores de derechos humanos"}},
           {{"en", {"HRDs", "Human rights defender"}}, {"fr", {"Défenseurs des droits humains"}}}),
      term("economic-social-cultural-rights",
           {{"en", "Economic, Social and Cultural Rights"}, {"fr", "Droits économiques, sociaux et culturels"},
            {"es", "Derechos económicos, sociales y culturales"}},
           {{"en", {"ESCR"}}}),
      term("torture", {{"en", "Torture"}, {"fr", "Torture"}, {"es", "Tortura"}}),
      term("children", {{"fr", "Enfants"}, {"es", "Niños"}}),  // no English label
      term("no-labels", {}),
  };
  Scheme genre;
  genre.id = "genre";
  genre.terms = {
      term("statements", {{"en", "Statements"}, {"fr", "Déclarations"}, {"es", "Declaraciones"}}),
      term("urgent-interventions",
           {{"en", "Urgent Interventions"}, {"fr", "Interventions urgentes"}, {"es", "Intervenciones urgentes"}},
           {{"en", {"Urgent appeals", "Urgent appeal"}}}),
  };
  Scheme violation;
  violation.id = "violation";
  violation.terms = {
      term("torture", {{"en", "Torture"}, {"fr", "Torture"}, {"es", "Tortura"}}),
      term("arbitrary-detention",
           {{"en", "Arbitrary detention"}, {"fr", "Détention arbitraire"}, {"es", "Detención arbitraria"}}),
  };
  Scheme country;
  country.id = "country";
  country.terms = {
      term("CI", {{"en", "Côte d'Ivoire"}, {"fr", "Côte d’Ivoire"}, {"es", "Costa de Marfil"}}, {{"en", {"Ivory Coast"}}}),
      term("DE", {{"en", "Germany"}, {"fr", "Allemagne"}, {"es", "Alemania"}, {"de", "Deutschland"}}),
      term("RU", {{"en", "Russia"}, {"ru", "Россия"}}, {{"en", {"Russian Federation"}}}),
      term("GR", {{"en", "Greece"}, {"el", "Ελλάδα"}}),
      term("TR", {{"en", "Turkey"}, {"tr", "Türkiye"}}),
  };
  return {theme, genre, violation, country};
}

const Taxonomy& sample() {
  static const Taxonomy taxonomy(sample_schemes());
  return taxonomy;
}

std::string code_of(const Term* t) { return t ? t->code : std::string("(null)"); }

}  // namespace

TEST_CASE("normalize_label folds case, Latin accents, whitespace and punctuation", "[taxonomy]") {
  struct Case {
    const char* input;
    const char* folded;
  };
  const Case cases[] = {
      {"  Droits de l'Homme ", "droits de l homme"},
      {"HUMAN RIGHTS DEFENDERS", "human rights defenders"},
      {"Économie, Société", "economie societe"},
      {"français ça", "francais ca"},
      {"Straße", "strasse"},
      {"Œuvre, cœur", "oeuvre coeur"},
      {"Ærø", "aero"},
      {"ÀÁÂÃÄÅ àáâãäå", "aaaaaa aaaaaa"},
      {"ÈÉÊË ÌÍÎÏ ÒÓÔÕÖØ ÙÚÛÜ Ýÿ Ññ Çç", "eeee iiii oooooo uuuu yy nn cc"},
      {"Łódź Dvořák Šiška İstanbul ğ", "lodz dvorak siska istanbul g"},
      {"Þingvellir", "thingvellir"},
      {"Niños", "ninos"},
      {"Human-Rights   Defenders!!", "human rights defenders"},
      {"a\tb\nc\r\nd", "a b c d"},
      {"a—b…c «d» “e” ‘f’", "a b c d e f"},
      {"a\xc2\xa0" "b", "a b"},               // no-break space
      {"Economic, Social and Cultural Rights", "economic social and cultural rights"},
      {"economic-social-cultural-rights", "economic social cultural rights"},
      {"10 December, 10 Defenders", "10 december 10 defenders"},
      {"European Union (EU)", "european union eu"},
      {"", ""},
      {"   ", ""},
      {"!!! ... ???", ""},
      {"e\xcc\x81" "conomie", "economie"},      // decomposed é (NFD)
  };
  for (const auto& c : cases) {
    INFO("input: \"" << c.input << "\"");
    CHECK(normalize_label(c.input) == c.folded);
  }
}

TEST_CASE("normalize_label lower-cases Cyrillic and Greek and keeps other scripts", "[taxonomy]") {
  CHECK(normalize_label("ПРАВА ЧЕЛОВЕКА") == "права человека");
  CHECK(normalize_label("Права Человека") == normalize_label("права человека"));
  CHECK(normalize_label("Ёлка ЁЛКА") == "ёлка ёлка");
  CHECK(normalize_label("Україна") == "україна");
  CHECK(normalize_label("ΕΛΛΆΔΑ") == normalize_label("ελλάδα"));
  CHECK(normalize_label("ΑΒΓΔ") == "αβγδ");
  CHECK(normalize_label("ΟΔΟΣ") == normalize_label("οδος"));  // final sigma folds like sigma
  CHECK(normalize_label("ΆΈΉΊΌΎΏ") == "άέήίόύώ");
  CHECK(normalize_label("حقوق الإنسان") == "حقوق الإنسان");
  CHECK(normalize_label("中国 人权") == "中国 人权");
  CHECK(normalize_label("中国、人权。") == "中国 人权");  // CJK punctuation
}

TEST_CASE("normalize_label is idempotent", "[taxonomy]") {
  const char* inputs[] = {"  Droits de l'Homme ", "ΟΔΟΣ", "Straße & Œuvre", "Ελλάδα", "a—b", "", "中国 人权"};
  for (const char* s : inputs) {
    INFO(s);
    auto once = normalize_label(s);
    CHECK(normalize_label(once) == once);
  }
}

TEST_CASE("normalize_label survives invalid UTF-8", "[taxonomy]") {
  CHECK(normalize_label("abc\xff" "def") == "abc def");
  CHECK(normalize_label("\xc3") == "");
  CHECK(normalize_label("\xe2\x82") == "");
  CHECK(normalize_label("x\xed\xa0\x80y") == "x y");  // a UTF-16 surrogate encoded in UTF-8
  CHECK(normalize_label("\xc0\xaf" "a") == "a");       // overlong encoding
}

TEST_CASE("An empty taxonomy finds nothing", "[taxonomy]") {
  Taxonomy empty;
  CHECK(empty.schemes().empty());
  CHECK(empty.find_scheme("theme") == nullptr);
  CHECK(empty.find("theme", "torture") == nullptr);
  CHECK(empty.find(TermRef{"theme", "torture"}) == nullptr);
  CHECK(empty.match("theme", "Torture") == nullptr);
  CHECK(empty.match_all("Torture").empty());
  CHECK(empty.label(TermRef{"theme", "torture"}) == "torture");
  Taxonomy built_empty(std::vector<Scheme>{});
  CHECK(built_empty.schemes().empty());
}

TEST_CASE("A taxonomy keeps its schemes in the order given and finds them by id", "[taxonomy]") {
  const auto& tax = sample();
  REQUIRE(tax.schemes().size() == 4);
  CHECK(tax.schemes()[0].id == "theme");
  CHECK(tax.schemes()[1].id == "genre");
  CHECK(tax.schemes()[2].id == "violation");
  CHECK(tax.schemes()[3].id == "country");
  CHECK(tax.schemes() == sample_schemes());
  REQUIRE(tax.find_scheme("genre") != nullptr);
  CHECK(tax.find_scheme("genre")->terms.size() == 2);
  CHECK(tax.find_scheme("theme")->title.at("fr") == "Thèmes");
  CHECK(tax.find_scheme("Theme") == nullptr);
  CHECK(tax.find_scheme("") == nullptr);
  CHECK(tax.find_scheme("mechanism") == nullptr);
}

TEST_CASE("Terms are found by scheme and exact code", "[taxonomy]") {
  const auto& tax = sample();
  CHECK(code_of(tax.find("theme", "human-rights-defenders")) == "human-rights-defenders");
  CHECK(code_of(tax.find(TermRef{"country", "DE"})) == "DE");
  CHECK(tax.find("theme", "torture") != tax.find("violation", "torture"));
  CHECK(tax.find("theme", "torture") == &tax.find_scheme("theme")->terms[2]);
  // codes are exact: no folding
  CHECK(tax.find("theme", "Human-Rights-Defenders") == nullptr);
  CHECK(tax.find("country", "de") == nullptr);
  CHECK(tax.find("theme", "human rights defenders") == nullptr);
  // the scheme must match
  CHECK(tax.find("genre", "torture") == nullptr);
  CHECK(tax.find("nope", "torture") == nullptr);
  CHECK(tax.find("", "") == nullptr);
  // the separator used internally cannot be abused
  CHECK(tax.find("theme\ntorture", "") == nullptr);
  CHECK(tax.find("", "theme\ntorture") == nullptr);
}

TEST_CASE("Labels match in English, French and Spanish, whatever the case, accents and spacing", "[taxonomy]") {
  const auto& tax = sample();
  struct Case {
    const char* scheme;
    const char* label;
    const char* code;
  };
  const Case cases[] = {
      {"theme", "Human Rights Defenders", "human-rights-defenders"},
      {"theme", "human rights defenders", "human-rights-defenders"},
      {"theme", "  HUMAN   RIGHTS\tDEFENDERS  ", "human-rights-defenders"},
      {"theme", "Défenseurs des droits de l'Homme", "human-rights-defenders"},
      {"theme", "defenseurs des droits de l’homme", "human-rights-defenders"},
      {"theme", "DÉFENSEURS DES DROITS DE L HOMME", "human-rights-defenders"},
      {"theme", "Defensores de Derechos Humanos", "human-rights-defenders"},
      {"theme", "Economic, Social and Cultural Rights", "economic-social-cultural-rights"},
      {"theme", "economic social and cultural rights", "economic-social-cultural-rights"},
      {"theme", "Droits economiques, sociaux et culturels", "economic-social-cultural-rights"},
      {"theme", "derechos económicos, sociales y culturales", "economic-social-cultural-rights"},
      {"theme", "Enfants", "children"},
      {"theme", "ninos", "children"},
      {"genre", "Statements", "statements"},
      {"genre", "déclarations", "statements"},
      {"genre", "Declaraciones", "statements"},
      {"genre", "Interventions Urgentes", "urgent-interventions"},
      {"genre", "intervenciones urgentes", "urgent-interventions"},
      {"violation", "Détention arbitraire", "arbitrary-detention"},
      {"violation", "detencion arbitraria", "arbitrary-detention"},
      {"country", "Cote d'Ivoire", "CI"},
      {"country", "CÔTE D’IVOIRE", "CI"},
      {"country", "costa de marfil", "CI"},
      {"country", "ALLEMAGNE", "DE"},
      {"country", "Deutschland", "DE"},  // a fourth language works too
      {"country", "РОССИЯ", "RU"},
      {"country", "ΕΛΛΆΔΑ", "GR"},
      {"country", "turkiye", "TR"},
  };
  for (const auto& c : cases) {
    INFO(c.scheme << ": \"" << c.label << "\"");
    CHECK(code_of(tax.match(c.scheme, c.label)) == c.code);
  }
}

TEST_CASE("Alternative labels and codes match too", "[taxonomy]") {
  const auto& tax = sample();
  CHECK(code_of(tax.match("theme", "HRDs")) == "human-rights-defenders");
  CHECK(code_of(tax.match("theme", "human rights defender")) == "human-rights-defenders");
  CHECK(code_of(tax.match("theme", "Défenseurs des droits humains")) == "human-rights-defenders");
  CHECK(code_of(tax.match("theme", "escr")) == "economic-social-cultural-rights");
  CHECK(code_of(tax.match("genre", "Urgent Appeals")) == "urgent-interventions");
  CHECK(code_of(tax.match("genre", "urgent appeal")) == "urgent-interventions");
  CHECK(code_of(tax.match("country", "Ivory Coast")) == "CI");
  CHECK(code_of(tax.match("country", "russian federation")) == "RU");
  // codes, folded like labels
  CHECK(code_of(tax.match("theme", "human-rights-defenders")) == "human-rights-defenders");
  CHECK(code_of(tax.match("theme", "Economic Social Cultural Rights")) == "economic-social-cultural-rights");
  CHECK(code_of(tax.match("country", "de")) == "DE");
  CHECK(code_of(tax.match("theme", "No labels")) == "no-labels");
}

TEST_CASE("Labels that do not match, or match in another scheme, give null", "[taxonomy]") {
  const auto& tax = sample();
  CHECK(tax.match("theme", "Human Rights") == nullptr);           // no partial matches
  CHECK(tax.match("theme", "Human Rights Defenders!") != nullptr);  // punctuation is spacing
  CHECK(tax.match("theme", "Defenders Human Rights") == nullptr);   // word order matters
  CHECK(tax.match("theme", "Statements") == nullptr);               // a genre
  CHECK(tax.match("genre", "Torture") == nullptr);
  CHECK(tax.match("nope", "Torture") == nullptr);
  CHECK(tax.match("theme", "") == nullptr);
  CHECK(tax.match("theme", "  ...  ") == nullptr);
}

TEST_CASE("match_all finds the label in every scheme, in scheme order, each term once", "[taxonomy]") {
  const auto& tax = sample();
  CHECK(tax.match_all("Torture") == std::vector<TermRef>{{"theme", "torture"}, {"violation", "torture"}});
  CHECK(tax.match_all("TORTURA") == std::vector<TermRef>{{"theme", "torture"}, {"violation", "torture"}});
  CHECK(tax.match_all("Déclarations") == std::vector<TermRef>{{"genre", "statements"}});
  CHECK(tax.match_all("Россия") == std::vector<TermRef>{{"country", "RU"}});
  CHECK(tax.match_all("Human Rights").empty());
  CHECK(tax.match_all("").empty());
  // match picks within one scheme, match_all across all of them
  CHECK(code_of(tax.match("violation", "torture")) == "torture");
  CHECK(tax.match("violation", "torture") == tax.find("violation", "torture"));
  CHECK(tax.match("theme", "torture") == tax.find("theme", "torture"));
}

TEST_CASE("label() gives the label in the language asked, then English, then any, then the code", "[taxonomy]") {
  const auto& tax = sample();
  const TermRef hrd{"theme", "human-rights-defenders"};
  CHECK(tax.label(hrd) == "Human Rights Defenders");
  CHECK(tax.label(hrd, "en") == "Human Rights Defenders");
  CHECK(tax.label(hrd, "fr") == "Défenseurs des droits de l'Homme");
  CHECK(tax.label(hrd, "es") == "Defensores de derechos humanos");
  CHECK(tax.label(hrd, "de") == "Human Rights Defenders");   // falls back to English
  CHECK(tax.label(hrd, "") == "Human Rights Defenders");
  const TermRef children{"theme", "children"};
  CHECK(tax.label(children, "fr") == "Enfants");
  CHECK(tax.label(children, "es") == "Niños");
  CHECK(tax.label(children, "en") == "Niños");  // no English: the first label (by language tag)
  CHECK(tax.label(children, "ru") == "Niños");
  CHECK(tax.label(TermRef{"theme", "no-labels"}, "en") == "no-labels");  // no label at all: the code
  CHECK(tax.label(TermRef{"theme", "unknown-code"}, "fr") == "unknown-code");
  CHECK(tax.label(TermRef{"nope", "whatever"}) == "whatever");
  CHECK(tax.label(TermRef{"country", "GR"}, "el") == "Ελλάδα");
}

TEST_CASE("Two schemes with the same id are an error", "[taxonomy]") {
  auto schemes = sample_schemes();
  Scheme again;
  again.id = "genre";
  schemes.push_back(again);
  try {
    Taxonomy tax(schemes);
    FAIL("no exception");
  } catch (const std::invalid_argument& e) {
    CHECK(std::string(e.what()) == "taxonomy: duplicate scheme \"genre\"");
  }
  CHECK_THROWS_AS(Taxonomy(schemes), std::invalid_argument);
}

TEST_CASE("A code repeated within a scheme is an error", "[taxonomy]") {
  auto schemes = sample_schemes();
  schemes[1].terms.push_back(term("statements", {{"en", "Statements again"}}));
  try {
    Taxonomy tax(schemes);
    FAIL("no exception");
  } catch (const std::invalid_argument& e) {
    CHECK(std::string(e.what()) == "taxonomy: duplicate code \"statements\" in scheme \"genre\"");
  }
}

TEST_CASE("The same code in different schemes, or the same label in different terms, is fine", "[taxonomy]") {
  Scheme a;
  a.id = "a";
  a.terms = {term("x", {{"en", "Same"}}), term("y", {{"en", "Same"}})};
  Scheme b;
  b.id = "b";
  b.terms = {term("x", {{"en", "Other"}})};
  Taxonomy tax({a, b});
  CHECK(tax.match_all("same") == std::vector<TermRef>{{"a", "x"}, {"a", "y"}});
  CHECK(code_of(tax.match("a", "same")) == "x");  // the first in scheme order
  CHECK(code_of(tax.find("b", "x")) == "x");
  CHECK(tax.match_all("x") == std::vector<TermRef>{{"a", "x"}, {"b", "x"}});
}

TEST_CASE("Copies of a taxonomy share its data and outlive the original", "[taxonomy]") {
  std::optional<Taxonomy> original;
  original.emplace(sample_schemes());
  Taxonomy copy = *original;
  const Term* before = copy.find("theme", "torture");
  CHECK(before == original->find("theme", "torture"));  // shared, not copied
  original.reset();
  CHECK(copy.find("theme", "torture") == before);
  CHECK(code_of(copy.match("theme", "Tortura")) == "torture");
  Taxonomy moved = std::move(copy);
  CHECK(code_of(moved.match("genre", "Statements")) == "statements");
}

TEST_CASE("Mapping kind names are written and read", "[taxonomy]") {
  using hrnews::MappingKind;
  CHECK(hrnews::to_string(MappingKind::exact) == "exact");
  CHECK(hrnews::from_string<MappingKind>("narrow") == MappingKind::narrow);
  CHECK_FALSE(hrnews::from_string<MappingKind>("exactMatch"));
}
