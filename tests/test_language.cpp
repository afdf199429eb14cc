// SPDX-License-Identifier: Apache-2.0
// Language identification: one sentence per language, the seed's French titles,
// short and empty text.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include <hrnews/language.hpp>

using hrnews::identify_language;

namespace {

void check_language(const std::string& text, const std::string& expected, double min_confidence = 0.8) {
  const hrnews::LanguageGuess g = identify_language(text);
  INFO(text << " -> " << g.language << " " << g.confidence);
  CHECK(g.language == expected);
  CHECK(g.confidence >= min_confidence);
  CHECK(g.confidence <= 1.0);
}

}  // namespace

TEST_CASE("a sentence in each supported language is recognised with confidence", "[language]") {
  check_language("The authorities must release the human rights defender who has been held without charge since May.",
                 "en");
  check_language("Les autorités doivent libérer le défenseur des droits humains détenu sans inculpation depuis mai.",
                 "fr");
  check_language("Las autoridades deben liberar al defensor de derechos humanos detenido sin cargos desde mayo.", "es");
  check_language("As autoridades devem libertar o defensor dos direitos humanos detido sem acusação desde maio.", "pt");
  check_language("Die Behörden müssen den Menschenrechtsverteidiger freilassen, der seit Mai ohne Anklage in Haft ist.",
                 "de");
  check_language("Le autorità devono rilasciare il difensore dei diritti umani detenuto senza accuse da maggio.", "it");
  check_language("De autoriteiten moeten de mensenrechtenverdediger vrijlaten die sinds mei zonder aanklacht vastzit.",
                 "nl");
  check_language("Власти должны освободить правозащитника, которого держат под стражей без обвинения с мая.", "ru");
  check_language("يجب على السلطات الإفراج عن المدافع عن حقوق الإنسان المحتجز دون تهمة منذ مايو", "ar");
  check_language("Влада має звільнити правозахисника, якого тримають під вартою з травня.", "uk");
  check_language("Οι αρχές πρέπει να απελευθερώσουν τον υπερασπιστή των ανθρωπίνων δικαιωμάτων.", "el");
  check_language("当局必须释放人权捍卫者", "zh");
  check_language("当局は人権擁護者を釈放しなければならない", "ja");
}

TEST_CASE("the seed's two French titles are French, prefix or not", "[language]") {
  check_language("Mauritania: Transfert à la prison civile de Nouakchott de MM. Biram Ould Dah Abeid et Brahim Ould "
                 "Bilal Ramdane, respectivement président et vice-président de l'IRA-Mauritanie",
                 "fr");
  check_language("Transfert à la prison civile de Nouakchott de MM. Biram Ould Dah Abeid et Brahim Ould Bilal Ramdane, "
                 "respectivement président et vice-président de l'IRA-Mauritanie",
                 "fr");
  check_language("Morocco: Report du procès des 7 défenseurs des droits humains", "fr");
  check_language("Report du procès des 7 défenseurs des droits humains", "fr");
}

TEST_CASE("the seed's English titles are English", "[language]") {
  check_language("Colombia: Victims of torture in Colombia are yet to be recognised and repaired", "en");
  check_language("Venezuela: Restrictions to freedom of association must be rejected", "en", 0.5);
  check_language("Burundi: Temporary suspension of the activities of 10 human rights NGOs", "en");
  check_language("Azerbaijan: UN Committee against Torture to intervene to stop torture and save lives of anti-torture "
                 "activists",
                 "en");
}

TEST_CASE("short or empty text gets a low confidence", "[language]") {
  const hrnews::LanguageGuess empty = identify_language("");
  CHECK(empty.language.empty());
  CHECK(empty.confidence == 0.0);
  const hrnews::LanguageGuess none = identify_language("  12345 !!! -- 2015/11 ");
  CHECK(none.language.empty());
  CHECK(none.confidence == 0.0);
  CHECK(identify_language("Burundi").confidence < 0.5);
  CHECK(identify_language("la").confidence < 0.5);
  CHECK(identify_language("the").confidence < 0.5);
  CHECK(identify_language("Да").confidence < 0.5);
  CHECK(identify_language("Events").confidence < 0.5);
}

TEST_CASE("HTML tags and character references are skipped", "[language]") {
  check_language("<p class=\"lead\">Le gouvernement doit lib&eacute;rer les d&eacute;fenseurs et mettre fin au "
                 "harc&egrave;lement judiciaire</p>",
                 "fr");
  check_language("<div><a href=\"https://example.org/the-of-and\">Las autoridades</a> deben garantizar la "
                 "integridad física de los defensores</div>",
                 "es");
}

TEST_CASE("the identifiable languages include the seven the issue requires", "[language]") {
  const auto& langs = hrnews::identifiable_languages();
  for (const char* tag : {"en", "fr", "es", "pt", "de", "ru", "ar"})
    CHECK(std::find(langs.begin(), langs.end(), tag) != langs.end());
}

TEST_CASE("identification does not depend on where the text's words fall in memory", "[language]") {
  const std::string text =
      "The authorities must release the human rights defender who has been held without charge since May.";
  const hrnews::LanguageGuess base = identify_language(text);
  REQUIRE(base.language == "en");
  for (std::size_t shift = 1; shift < 17; ++shift) {
    INFO("shift " << shift);
    const hrnews::LanguageGuess g = identify_language(std::string(shift, ' ') + text);
    CHECK(g.language == base.language);
    CHECK(g.confidence == base.confidence);
  }
  // A word longer than 48 letters is not scored, whatever the letters around it.
  const hrnews::LanguageGuess with_long = identify_language(std::string(60, 'Q') + " " + text);
  CHECK(with_long.language == "en");
}
