// SPDX-License-Identifier: Apache-2.0
// Terms named in body text, and the sections of urgent appeals in three languages.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <hrnews/builtin.hpp>
#include <hrnews/classify.hpp>
#include <hrnews/extract.hpp>

#include "test_support.hpp"

using hrnews::TermRef;

namespace {

using hrnews_test::slurp;

std::vector<std::string> codes(const std::vector<TermRef>& refs) {
  std::vector<std::string> out;
  for (const TermRef& r : refs) out.push_back(r.scheme + ":" + r.code);
  return out;
}

}  // namespace

TEST_CASE("violation phrases are found in running text as whole phrases, in three languages", "[extract]") {
  const hrnews::TextTermFinder finder(hrnews::builtin_taxonomy(), "violation");
  CHECK(finder.phrase_count() > 50);
  using V = std::vector<std::string>;
  CHECK(codes(finder.find("<p>The continued ARBITRARY <b>detention</b> of Ms. Yunus and her judicial harassment.</p>")) ==
        V{"violation:arbitrary-detention", "violation:judicial-harassment"});
  CHECK(codes(finder.find("Leur détention arbitraire se poursuit ; menaces de mort répétées.")) ==
        V{"violation:arbitrary-detention", "violation:death-threats"});
  CHECK(codes(finder.find("Amenazas de muerte y detencion arbitraria")) ==
        V{"violation:death-threats", "violation:arbitrary-detention"});
  // Each term once, in order of first appearance.
  CHECK(codes(finder.find("arbitrary detention, arbitrary arrest, arbitrary detention")) ==
        V{"violation:arbitrary-detention"});
  // Whole phrases only; one-word labels say too little ("torture", "raid").
  CHECK(finder.find("arbitrary detentions were reported").empty());
  CHECK(finder.find("OMCT fights torture; a police raid").empty());
  CHECK(finder.find("").empty());
  // A scheme the taxonomy does not have finds nothing.
  CHECK(hrnews::TextTermFinder(hrnews::builtin_taxonomy(), "nosuch").find("arbitrary detention").empty());
}

TEST_CASE("an English appeal in HTML gives its situation, actions, addressees and victims", "[extract]") {
  const hrnews::InterventionText t =
      hrnews::parse_intervention_text(slurp(HRNEWS_TEST_DATA_DIR "/classify/appeal-en.html"));
  CHECK(t.situation ==
        "The Observatory has been informed by reliable sources about the continued arbitrary detention of Ms. Leyla "
        "Yunus, Director of the Institute for Peace and Democracy, and of Mr. Arif Yunusov, head of its Department of "
        "Conflict Studies.\n\nOn November 12, 2015, the court refused to release Ms. Yunus on health grounds.");
  CHECK(t.requested_actions == std::vector<std::string>{
                                   "Guarantee in all circumstances the physical and psychological integrity of Ms. Leyla Yunus;",
                                   "Release her immediately and unconditionally;",
                                   "Put an end to all acts of harassment against her and her husband."});
  REQUIRE(t.addressees.size() == 2);
  CHECK(t.addressees[0].name == "Mr. Ilham Aliyev");
  CHECK(t.addressees[0].title == "President of the Republic of Azerbaijan");
  CHECK(t.addressees[0].address == "Office of the President\n19 Istiqlaliyyat Street, Baku AZ1066");
  CHECK(t.addressees[0].fax == "+994 12 492 06 25");
  CHECK(t.addressees[0].email == "office@pa.gov.az");
  CHECK(t.addressees[1].name == "Mr. Fikrat Mammadov");
  CHECK(t.addressees[1].email == "contact@justice.gov.az");
  REQUIRE(t.victims.size() == 2);
  CHECK(t.victims[0].name == "Leyla Yunus");
  CHECK(t.victims[1].name == "Arif Yunusov");
  CHECK(t.missing.empty());
}

TEST_CASE("a French appeal in plain text gives its sections", "[extract]") {
  const hrnews::InterventionText t =
      hrnews::parse_intervention_text(slurp(HRNEWS_TEST_DATA_DIR "/classify/appeal-fr.txt"));
  CHECK(t.situation.rfind("L'Observatoire a été informé du transfert", 0) == 0);
  CHECK(t.requested_actions ==
        std::vector<std::string>{
            "Libérer immédiatement et inconditionnellement M. Biram Ould Dah Abeid et M. Brahim Ould Bilal Ramdane ;",
            "Mettre un terme à toute forme de harcèlement à leur encontre."});
  REQUIRE(t.addressees.size() == 1);
  CHECK(t.addressees[0].name == "M. Mohamed Ould Abdel Aziz");
  CHECK(t.addressees[0].title == "Président de la République");
  CHECK(t.addressees[0].address == "Présidence de la République, BP 184, Nouakchott");
  CHECK(t.addressees[0].fax == "+222 45 25 26 36");
  REQUIRE(t.victims.size() == 2);
  CHECK(t.victims[0].name == "Biram Ould Dah Abeid");
  CHECK(t.victims[1].name == "Brahim Ould Bilal Ramdane");
  CHECK(t.missing.empty());
}

TEST_CASE("a Spanish appeal without addresses reports what is missing", "[extract]") {
  const hrnews::InterventionText t =
      hrnews::parse_intervention_text(slurp(HRNEWS_TEST_DATA_DIR "/classify/appeal-es.txt"));
  CHECK(t.situation.rfind("El Observatorio ha sido informado sobre amenazas de muerte", 0) == 0);
  CHECK(t.requested_actions == std::vector<std::string>{
                                   "Garantizar la integridad física y psicológica de la Sra. Ana María Pérez;",
                                   "Llevar a cabo una investigación exhaustiva e imparcial."});
  CHECK(t.addressees.empty());
  REQUIRE(t.victims.size() == 2);
  CHECK(t.victims[0].name == "Ana María Pérez");
  CHECK(t.victims[1].name == "Carlos Gómez");
  CHECK(t.missing == std::vector<std::string>{"addressees"});
  // Text without any heading has nothing to offer.
  const hrnews::InterventionText none = hrnews::parse_intervention_text("<p>Just a statement.</p>");
  CHECK_FALSE(none.found_any());
  CHECK(none.missing == std::vector<std::string>{"situation", "requested actions", "addressees", "victims"});
}

TEST_CASE("classification fills an appeal from its content and reports the missing sections once", "[extract]") {
  hrnews::Collection c;
  c.feed.language = "en";
  hrnews::Intervention es;
  es.id = "urn:test:es";
  es.title.value = "Colombia: Amenazas de muerte contra defensores de derechos humanos";
  es.content = hrnews::Text{slurp(HRNEWS_TEST_DATA_DIR "/classify/appeal-es.txt")};
  c.items.emplace_back(es);
  hrnews::Intervention en;
  en.id = "urn:test:en";
  en.title.value = "Azerbaijan: Continued arbitrary detention of Ms. Leyla Yunus";
  en.content = hrnews::Text{slurp(HRNEWS_TEST_DATA_DIR "/classify/appeal-en.html"), hrnews::TextType::html};
  c.items.emplace_back(en);
  hrnews::classify(c);
  const auto& a = std::get<hrnews::Intervention>(c.items[0]);
  CHECK(a.requested_actions.size() == 2);
  CHECK(a.victims.size() == 2);
  REQUIRE(a.summary);
  CHECK(a.summary->value.rfind("El Observatorio ha sido informado", 0) == 0);
  CHECK(codes(a.violations) == std::vector<std::string>{"violation:death-threats"});
  const auto& b = std::get<hrnews::Intervention>(c.items[1]);
  CHECK(b.addressees.size() == 2);
  CHECK(codes(b.violations) == std::vector<std::string>{"violation:arbitrary-detention", "violation:judicial-harassment"});
  std::size_t reports = 0;
  for (const auto& d : c.diagnostics) {
    if (d.code != "intervention-text-incomplete") continue;
    ++reports;
    CHECK(d.path == "/items/0/content");
    CHECK(d.message == "appeal text: not found: addressees");
    CHECK(d.severity == hrnews::Severity::info);
  }
  CHECK(reports == 1);
  const hrnews::Collection once = c;
  hrnews::classify(c);
  CHECK(c == once);
}

TEST_CASE("violation phrases are found wherever the scanner's eight-byte reads fall", "[extract]") {
  const hrnews::TextTermFinder finder(hrnews::builtin_taxonomy(), "violation");
  using V = std::vector<std::string>;
  // Every alignment of the phrase against the 8-byte reads, and a phrase that ends the text.
  for (std::size_t shift = 0; shift < 17; ++shift) {
    const std::string lead(shift, 'x');
    INFO("shift " << shift);
    CHECK(codes(finder.find(lead + " Arbitrary DETENTION")) == V{"violation:arbitrary-detention"});
    CHECK(codes(finder.find(lead + ",arbitrary\tdetention.")) == V{"violation:arbitrary-detention"});
    if (shift > 0) CHECK(finder.find(lead + "arbitrary detention").empty());  // glued to the word before: another word
  }
  // Words longer than eight bytes, accents and digits inside words, tags between words.
  CHECK(codes(finder.find("INCOMMUNICADO <em>detention</em>")) == V{"violation:incommunicado-detention"});
  CHECK(codes(finder.find("une DÉTENTION   ARBITRAIRE")) == V{"violation:arbitrary-detention"});
  CHECK(finder.find("arbitrary2 detention").empty());
}

TEST_CASE("a word longer than 120 letters matches no phrase and hides none of the next ones", "[extract]") {
  const hrnews::TextTermFinder finder(hrnews::builtin_taxonomy(), "violation");
  const std::string long_word(500, 'a');
  CHECK(finder.find(long_word + "rbitrary detention").empty());
  CHECK(codes(finder.find(long_word + " arbitrary detention " + long_word)) ==
        std::vector<std::string>{"violation:arbitrary-detention"});
  // 120 letters exactly are still one word: it is not the first word of a phrase.
  CHECK(codes(finder.find(std::string(120, 'z') + " judicial harassment")) ==
        std::vector<std::string>{"violation:judicial-harassment"});
}

TEST_CASE("appeal headings are found at the start of any line or element, however far into the text", "[extract]") {
  std::string filler;
  for (int i = 0; i < 400; ++i) filler += "<p>Nothing to read here, only filler text about the case.</p>\n";
  const hrnews::InterventionText html = hrnews::parse_intervention_text(
      filler + "<h3>Actions requested</h3><ul><li>Release him.</li></ul>");
  CHECK(html.requested_actions == std::vector<std::string>{"Release him."});
  const hrnews::InterventionText plain =
      hrnews::parse_intervention_text(filler + "\n  **Actions requested:**\n- Release her.\n");
  CHECK(plain.requested_actions == std::vector<std::string>{"Release her."});
  // A heading's words in the middle of a line are not a heading.
  const hrnews::InterventionText none = hrnews::parse_intervention_text(filler + "<p>The actions requested by");
  CHECK(none.requested_actions.empty());
  CHECK(none.missing == std::vector<std::string>{"situation", "requested actions", "addressees", "victims"});
}
