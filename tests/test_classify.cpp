// SPDX-License-Identifier: Apache-2.0
// Classification: title prefixes, comma splitting, scheme hints, the unknown-category
// diagnostic, idempotence, promotion to interventions, case references, languages,
// and the seed page read from RSS.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <hrnews/builtin.hpp>
#include <hrnews/classify.hpp>
#include <hrnews/atom.hpp>
#include <hrnews/io.hpp>
#include <hrnews/json.hpp>
#include <hrnews/rss.hpp>

#include "test_support.hpp"

using hrnews::Article;
using hrnews::Category;
using hrnews::Collection;
using hrnews::Intervention;
using hrnews::Item;
using hrnews::TermRef;

namespace {

using hrnews_test::slurp;

Article article(std::string title, std::vector<Category> categories = {}) {
  Article a;
  a.id = "urn:test:" + title;
  a.title.value = std::move(title);
  a.categories = std::move(categories);
  return a;
}

Item classified(Article a, std::string_view feed_language = "en") {
  Item item = std::move(a);
  hrnews::classify(item, hrnews::builtin_taxonomy(), {}, feed_language);
  return item;
}

std::vector<TermRef> subjects_of(const Item& item) { return hrnews::article_of(item).subjects; }

const hrnews::Diagnostic* find_diagnostic(const Collection& c, std::string_view code) {
  for (const auto& d : c.diagnostics)
    if (d.code == code) return &d;
  return nullptr;
}

std::size_t count_diagnostics(const Collection& c, std::string_view code) {
  std::size_t n = 0;
  for (const auto& d : c.diagnostics) n += d.code == code;
  return n;
}

}  // namespace

TEST_CASE("title prefixes give countries and regions", "[classify]") {
  CHECK(hrnews::article_of(classified(article("Azerbaijan: Measure of restraint changed"))).countries ==
        std::vector<std::string>{"AZ"});
  CHECK(hrnews::article_of(classified(article("Burundi / Les défenseurs sont menacés"))).countries ==
        std::vector<std::string>{"BI"});
  CHECK(hrnews::article_of(classified(article("Mauritania: Transfert à la prison civile de Nouakchott"))).countries ==
        std::vector<std::string>{"MR"});
  CHECK(hrnews::article_of(classified(article("Mauritanie : libération de M. Abeid"))).countries ==
        std::vector<std::string>{"MR"});
  CHECK(hrnews::article_of(classified(article("Guatemala - Amenazas contra defensoras"))).countries ==
        std::vector<std::string>{"GT"});
  CHECK(hrnews::article_of(classified(article("Colombia, Venezuela: joint mission"))).countries ==
        std::vector<std::string>{"CO", "VE"});
  const Item eu = classified(article("European Union (EU): HRDN Campaign Launch: Stand 4 Human Rights Defenders"));
  CHECK(hrnews::article_of(eu).regions == std::vector<std::string>{"EU"});
  CHECK(hrnews::article_of(eu).countries.empty());
  // Prefixes that are not places, and titles without a prefix, give nothing.
  CHECK(hrnews::article_of(classified(article("UN Forum on Business and Human Rights: Side event"))).countries.empty());
  CHECK(hrnews::article_of(classified(article("UNGA passes resolution on the protection of defenders"))).countries.empty());
  CHECK(hrnews::article_of(classified(article("Colombia and Mordor: nothing"))).countries.empty());
}

TEST_CASE("a category joining several labels with commas is split against the vocabulary", "[classify]") {
  const Item two = classified(article("x", {{"Economic, Social and Cultural Rights, Human Rights Defenders", "", ""}}));
  CHECK(subjects_of(two) == std::vector<TermRef>{{"theme", "economic-social-cultural-rights"},
                                                 {"theme", "human-rights-defenders"}});
  const Item one = classified(article("x", {{"Economic, Social and Cultural Rights", "", ""}}));
  CHECK(subjects_of(one) == std::vector<TermRef>{{"theme", "economic-social-cultural-rights"}});
  const Item mixed = classified(article("x", {{"Human Rights Defenders; Statements, Azerbaijan", "", ""}}));
  CHECK(subjects_of(mixed) == std::vector<TermRef>{{"theme", "human-rights-defenders"}, {"genre", "statement"}});
  CHECK(hrnews::article_of(mixed).countries == std::vector<std::string>{"AZ"});
  // Case, accents and spacing do not matter; French and Spanish labels work.
  const Item folded = classified(article("x", {{"  droits ECONOMIQUES,  sociaux et culturels ", "", ""},
                                               {"Intervenciones urgentes", "", ""}}));
  CHECK(hrnews::kind_of(folded) == hrnews::ItemKind::intervention);
  CHECK(subjects_of(folded) == std::vector<TermRef>{{"theme", "economic-social-cultural-rights"},
                                                    {"genre", "urgent-intervention"}});
}

TEST_CASE("hostile categories and titles stay cheap and their reports short", "[classify]") {
  std::string commas;
  for (int i = 0; i < 20000; ++i) commas += "x,";
  const std::string huge(100000, 'a');
  Collection c;
  c.items.emplace_back(article(std::string(50000, ':') + huge, {{commas, "", ""}, {huge, "", ""}}));
  hrnews::classify(c);
  REQUIRE(count_diagnostics(c, "unknown-category") == 1);
  const std::string& message = find_diagnostic(c, "unknown-category")->message;
  CHECK(message.size() < 1000);
  CHECK(message.rfind("2 category labels not in the taxonomy", 0) == 0);
  CHECK(hrnews::article_of(c.items[0]).categories.size() == 2);  // kept as they were
}

TEST_CASE("the category scheme hints at the vocabulary; dc:coverage means places", "[classify]") {
  CHECK(subjects_of(classified(article("x", {{"Torture", "", ""}}))) ==
        std::vector<TermRef>{{"theme", "torture-prevention"}});
  CHECK(subjects_of(classified(article("x", {{"Torture", "violation", ""}}))) ==
        std::vector<TermRef>{{"violation", "torture-ill-treatment"}});
  CHECK(hrnews::article_of(classified(article("x", {{"AU", "", ""}}))).countries == std::vector<std::string>{"AU"});
  const Item au = classified(article("x", {{"AU", "https://example.org/regions", ""}}));
  CHECK(hrnews::article_of(au).regions == std::vector<std::string>{"AU"});
  CHECK(hrnews::article_of(au).countries.empty());
  CHECK(hrnews::article_of(classified(article("x", {{"Afrique de l'Ouest", "dc:coverage", ""}}))).regions ==
        std::vector<std::string>{"m49-011"});
  // Codes work too, with the scheme's URI as the hint, and a label when the term is not understood.
  CHECK(subjects_of(classified(article("x", {{"human-rights-defenders", "urn:hrnews:scheme:theme", ""}}))) ==
        std::vector<TermRef>{{"theme", "human-rights-defenders"}});
  CHECK(subjects_of(classified(article("x", {{"hrd-42", "https://example.org/tags", "Human Rights Defenders"}}))) ==
        std::vector<TermRef>{{"theme", "human-rights-defenders"}});
}

TEST_CASE("unknown labels stay as raw categories and are reported in one diagnostic", "[classify]") {
  Collection c;
  c.feed.language = "en";
  c.items.emplace_back(article("One", {{"Opinion", "", ""}, {"Human Rights Defenders", "", ""}}));
  c.items.emplace_back(article("Two", {{"Human Rights Defenders, Press kit", "", ""}}));
  c.items.emplace_back(article("Three", {{"opinion", "", ""}, {"Opinion", "", ""}}));
  const std::vector<Category> raw = hrnews::article_of(c.items[0]).categories;
  hrnews::classify(c);
  CHECK(hrnews::article_of(c.items[0]).categories == raw);
  REQUIRE(count_diagnostics(c, "unknown-category") == 1);
  const hrnews::Diagnostic& d = *find_diagnostic(c, "unknown-category");
  CHECK(d.severity == hrnews::Severity::info);
  CHECK(d.message ==
        "3 category labels not in the taxonomy, kept as raw categories: \"Opinion\" (2), \"Press kit\" (1), "
        "\"opinion\" (1)");
  CHECK(d.path.empty());

  Collection single;
  single.items.emplace_back(article("One", {{"Opinion", "", ""}}));
  hrnews::classify(single);
  REQUIRE(count_diagnostics(single, "unknown-category") == 1);
  CHECK(find_diagnostic(single, "unknown-category")->message ==
        "1 category label not in the taxonomy, kept as a raw category: \"Opinion\" (1)");

  Collection quiet = single;
  quiet.diagnostics.clear();
  hrnews::ClassifyOptions options;
  options.report_unknown = false;
  hrnews::classify(quiet, hrnews::builtin_taxonomy(), options);
  CHECK(count_diagnostics(quiet, "unknown-category") == 0);
}

TEST_CASE("classifying twice gives the same collection as classifying once", "[classify]") {
  Collection c = hrnews::read_rss(slurp(HRNEWS_TEST_DATA_DIR "/classify/omct-2015-11.rss"));  // classified on read
  c.items.emplace_back(article("Ukraine: Update on Mr. X, UKR 001 / 0115 / OBS 002.1", {{"Opinion", "", ""}}));
  Article declared = article("Turquie : libération de défenseurs des droits humains");
  declared.language = "en";
  c.items.emplace_back(std::move(declared));
  hrnews::classify(c);
  const Collection once = c;
  hrnews::classify(c);
  CHECK(c == once);
  // Also for a collection written by hrnews and read again.
  Collection again = hrnews::read_json(hrnews::write_json(once));
  hrnews::classify(again);
  CHECK(again == once);
  // Nothing already there is added again.
  Item item = classified(article("Azerbaijan: x", {{"Azerbaijan", "", ""}, {"Human Rights Defenders", "", ""},
                                                   {"human-rights-defenders", "theme", ""}}));
  CHECK(hrnews::article_of(item).countries == std::vector<std::string>{"AZ"});
  CHECK(subjects_of(item).size() == 1);
}

TEST_CASE("urgent interventions become Interventions that keep their article part", "[classify]") {
  Article a = article("Burundi: Temporary suspension of the activities of 10 human rights NGOs",
                      {{"Human Rights Defenders", "", ""}, {"Urgent Interventions", "", ""}, {"Burundi", "", ""}});
  a.url = "https://www.omct.org/en/resources/urgent-interventions/burundi";
  a.summary = hrnews::Text{"The Observatory has been informed about the suspension.", hrnews::TextType::text};
  const Item item = classified(a);
  REQUIRE(hrnews::kind_of(item) == hrnews::ItemKind::intervention);
  const Intervention& iv = std::get<Intervention>(item);
  CHECK(iv.id == a.id);
  CHECK(iv.url == a.url);
  CHECK(iv.title == a.title);
  CHECK(iv.summary == a.summary);
  CHECK(iv.categories == a.categories);
  CHECK(iv.countries == std::vector<std::string>{"BI"});
  CHECK(iv.intervention_type == hrnews::InterventionType::urgent_appeal);
  CHECK(iv.status == hrnews::CaseStatus::open);
  CHECK_FALSE(iv.case_ref);

  // The type comes from the title's words.
  auto type_of = [](std::string title) {
    const Item i = classified(article(std::move(title), {{"Urgent Interventions", "", ""}}));
    REQUIRE(hrnews::kind_of(i) == hrnews::ItemKind::intervention);
    return std::get<Intervention>(i);
  };
  CHECK(type_of("Azerbaijan: Measure of restraint changed to conditional release").intervention_type ==
        hrnews::InterventionType::follow_up);
  CHECK(type_of("Turkey: Release of Mr. X").intervention_type == hrnews::InterventionType::closing);
  CHECK(type_of("Turkey: Release of Mr. X").status == hrnews::CaseStatus::closed);
  CHECK(type_of("Maroc : Suivi du procès des 7 défenseurs").intervention_type == hrnews::InterventionType::follow_up);
  CHECK(type_of("Turkey: Open letter to the Minister of Justice").intervention_type ==
        hrnews::InterventionType::open_letter);
  CHECK(type_of("Turkey: Press release on the trial").intervention_type == hrnews::InterventionType::press_release);

  // Violations of interventions go to `violations`; of articles to `subjects`.
  const Item with_violation = classified(article("x", {{"Urgent appeal", "", ""}, {"Arbitrary detention", "", ""}}));
  CHECK(std::get<Intervention>(with_violation).violations == std::vector<TermRef>{{"violation", "arbitrary-detention"}});
  CHECK(subjects_of(with_violation) == std::vector<TermRef>{{"genre", "urgent-intervention"}});
  const Item article_violation = classified(article("x", {{"Statements", "", ""}, {"Arbitrary detention", "", ""}}));
  CHECK(hrnews::kind_of(article_violation) == hrnews::ItemKind::article);
  CHECK(subjects_of(article_violation) ==
        std::vector<TermRef>{{"genre", "statement"}, {"violation", "arbitrary-detention"}});

  hrnews::ClassifyOptions off;
  off.interventions = false;
  Item kept = article("x", {{"Urgent Interventions", "", ""}});
  hrnews::classify(kept, hrnews::builtin_taxonomy(), off);
  CHECK(hrnews::kind_of(kept) == hrnews::ItemKind::article);
}

TEST_CASE("case references are found in text and make appeals Interventions", "[classify]") {
  const auto refs = hrnews::find_case_references(
      "New information AZE001 / 0813 / OBS 071.2 and Further information on UA 229/10; see AI Index: AMR "
      "18/0485/2019 (also tur 005/0717/obs 078 and 10/11/2015).");
  REQUIRE(refs.size() == 3);
  CHECK(refs[0].scheme() == hrnews::CaseScheme::observatory);
  CHECK(refs[0].raw() == "AZE001 / 0813 / OBS 071.2");
  CHECK(refs[0].follow_up() == 2);
  CHECK(refs[1].scheme() == hrnews::CaseScheme::amnesty_ua);
  CHECK(refs[1].raw() == "Further information on UA 229/10");
  CHECK(refs[1].is_follow_up());
  CHECK(refs[2].scheme() == hrnews::CaseScheme::amnesty_index);
  CHECK(refs[2].raw() == "AMR 18/0485/2019");
  CHECK(hrnews::find_case_references("COVID 19/20 and 2015/11/26, UA 1/2015x, ABCD 001 / 0717 / OBS 1").empty());

  // A reference in the title promotes the article and gives the country.
  const Item obs = classified(article("Arbitrary detention of Mr. X - TUR 005 / 0717 / OBS 078.6"));
  REQUIRE(hrnews::kind_of(obs) == hrnews::ItemKind::intervention);
  const Intervention& iv = std::get<Intervention>(obs);
  REQUIRE(iv.case_ref);
  CHECK(iv.case_ref->raw() == "TUR 005 / 0717 / OBS 078.6");
  CHECK(iv.intervention_type == hrnews::InterventionType::follow_up);
  CHECK(iv.countries == std::vector<std::string>{"TR"});

  // An Amnesty index number alone does not make an appeal; an intervention gets it from its content.
  CHECK(hrnews::kind_of(classified(article("Annual report AMR 18/0485/2019"))) == hrnews::ItemKind::article);
  Intervention existing(article("Follow-up", {}));
  existing.content = hrnews::Text{"<p>Ref.: <b>MEX 002 / 0914 / OBS 080.3</b></p>", hrnews::TextType::html};
  Item ex = existing;
  hrnews::classify(ex);
  REQUIRE(std::get<Intervention>(ex).case_ref);
  CHECK(std::get<Intervention>(ex).case_ref->raw() == "MEX 002 / 0914 / OBS 080.3");
  CHECK(std::get<Intervention>(ex).intervention_type == hrnews::InterventionType::urgent_appeal);  // unchanged
  CHECK(hrnews::article_of(ex).countries == std::vector<std::string>{"MX"});
}

TEST_CASE("languages are inferred only where none is declared, and never overwritten", "[classify]") {
  Collection c;
  c.feed.language = "en";
  c.items.emplace_back(article("Mauritania: Transfert à la prison civile de Nouakchott de MM. Biram Ould Dah Abeid et "
                               "Brahim Ould Bilal Ramdane, respectivement président et vice-président de l'IRA-Mauritanie"));
  c.items.emplace_back(article("Venezuela: Restrictions to freedom of association must be rejected"));
  Article declared = article("Morocco: Report du procès des 7 défenseurs des droits humains");
  declared.language = "es";
  c.items.emplace_back(std::move(declared));
  hrnews::classify(c);
  CHECK(hrnews::article_of(c.items[0]).language == "fr");
  CHECK(hrnews::article_of(c.items[0]).language_inferred);
  CHECK(hrnews::article_of(c.items[1]).language.empty());  // the feed's language holds
  CHECK_FALSE(hrnews::article_of(c.items[1]).language_inferred);
  CHECK(hrnews::article_of(c.items[2]).language == "es");  // the item's own: kept
  CHECK_FALSE(hrnews::article_of(c.items[2]).language_inferred);
  REQUIRE(count_diagnostics(c, "language-inferred") == 1);
  const hrnews::Diagnostic& inferred = *find_diagnostic(c, "language-inferred");
  CHECK(inferred.path == "/items/0/language");
  CHECK(inferred.severity == hrnews::Severity::info);
  CHECK(inferred.message.rfind("language \"fr\" inferred from the text (confidence 0.", 0) == 0);
  REQUIRE(count_diagnostics(c, "language-mismatch") == 1);
  CHECK(find_diagnostic(c, "language-mismatch")->path == "/items/2/language");

  // A feed without a language: every item with enough text gets one.
  Collection undeclared;
  undeclared.items.emplace_back(article("Las autoridades deben liberar a los defensores de derechos humanos"));
  undeclared.items.emplace_back(article("Burundi"));
  hrnews::classify(undeclared);
  CHECK(hrnews::article_of(undeclared.items[0]).language == "es");
  CHECK(hrnews::article_of(undeclared.items[1]).language.empty());
}

TEST_CASE("a user taxonomy classifies with its own schemes", "[classify]") {
  hrnews::Scheme programme;
  programme.id = "programme";
  hrnews::Term obs;
  obs.code = "observatory";
  obs.labels = {{"en", "Observatory for the Protection of Human Rights Defenders"}};
  obs.alt_labels = {{"en", {"Observatory"}}};
  programme.terms = {obs};
  const hrnews::Taxonomy tax = hrnews::extend(hrnews::builtin_taxonomy(), {programme});
  Item item = article("x", {{"Observatory, Human Rights Defenders", "", ""}});
  hrnews::classify(item, tax);
  CHECK(subjects_of(item) == std::vector<TermRef>{{"programme", "observatory"}, {"theme", "human-rights-defenders"}});

  // A collection's own schemes extend the taxonomy it is classified with.
  Collection c;
  c.schemes = {programme};
  c.items.emplace_back(article("y", {{"Observatory", "", ""}}));
  hrnews::classify(c);
  CHECK(subjects_of(c.items[0]) == std::vector<TermRef>{{"programme", "observatory"}});
  CHECK(count_diagnostics(c, "unknown-category") == 0);
}

TEST_CASE("reading RSS classifies unless told not to", "[classify]") {
  const std::string rss =
      "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>t</title>"
      "<link>https://example.org/</link><description>d</description><language>en</language>"
      "<item><title>Azerbaijan: x</title><guid>urn:1</guid><category>Human Rights Defenders</category>"
      "<dc:subject>Urgent appeals</dc:subject><dc:coverage>Europe</dc:coverage></item></channel></rss>";
  const Collection on = hrnews::read_rss(rss);
  REQUIRE(on.items.size() == 1);
  CHECK(hrnews::kind_of(on.items[0]) == hrnews::ItemKind::intervention);
  CHECK(subjects_of(on.items[0]) == std::vector<TermRef>{{"theme", "human-rights-defenders"},
                                                         {"genre", "urgent-intervention"}});
  CHECK(hrnews::article_of(on.items[0]).countries == std::vector<std::string>{"AZ"});
  CHECK(hrnews::article_of(on.items[0]).regions == std::vector<std::string>{"m49-150"});
  hrnews::ReadOptions options;
  options.classify = false;
  const Collection off = hrnews::read_rss(rss, options);
  REQUIRE(off.items.size() == 1);
  CHECK(hrnews::kind_of(off.items[0]) == hrnews::ItemKind::article);
  CHECK(subjects_of(off.items[0]).empty());
  CHECK(hrnews::article_of(off.items[0]).countries.empty());
}

TEST_CASE("the seed page read from RSS is classified as a reader of the page would", "[classify]") {
  const Collection c = hrnews::read_rss(slurp(HRNEWS_TEST_DATA_DIR "/classify/omct-2015-11.rss"));
  struct Row {
    const char* kind;
    std::vector<std::string> countries;
    std::vector<std::string> regions;
    std::vector<std::string> themes;
    std::vector<std::string> genres;
    const char* language;  // declared or inferred; "" = the feed's (en)
  };
  using V = std::vector<std::string>;
  const V mpm{"monitoring-protection-mechanisms"}, hrd{"human-rights-defenders"};
  const V statement{"statement"}, appeal{"urgent-intervention"};
  // Expectations written from reading ../shared/seed/omct-homepage-2015-11.txt, item by item.
  const std::vector<Row> expected = {
      {"article", {"CO"}, {}, mpm, statement, ""},                                         // Colombia: victims of torture
      {"article", {}, {}, {"economic-social-cultural-rights", "human-rights-defenders"}, {"event"}, ""},  // side event
      {"intervention", {"AZ"}, {}, hrd, appeal, ""},                                       // Yunusov, conditional release
      {"article", {}, {"EU"}, hrd, statement, ""},                                         // Stand 4 HRDs
      {"article", {"AZ"}, {}, mpm, statement, ""},                                         // CAT to intervene
      {"article", {"BI"}, {}, mpm, {"statement", "open-letter"}, ""},                      // joint open letter
      {"article", {"AZ"}, {}, mpm, {"report", "shadow-report"}, ""},                       // joint shadow report
      {"article", {"VE"}, {}, mpm, statement, ""},                                         // follow-up mission
      {"article", {"VE"}, {}, hrd, statement, ""},                                         // freedom of association
      {"intervention", {"MR"}, {}, hrd, appeal, "fr"},                                     // Transfert à la prison
      {"article", {}, {}, hrd, statement, ""},                                             // UNGA resolution
      {"intervention", {"MA"}, {}, hrd, appeal, "fr"},                                     // Report du procès
      {"intervention", {"BI"}, {}, hrd, appeal, ""},                                       // NGOs suspended
      {"intervention", {"CN"}, {}, hrd, appeal, ""},                                       // Wu Zeheng
      {"article", {}, {}, hrd, {"statement", "joint-statement"}, ""},                      // joint statement to UNGA
      {"article", {"KZ"}, {}, hrd, statement, ""},                                         // NGO bill
  };
  REQUIRE(c.feed.language == "en");
  REQUIRE(c.items.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const Article& a = hrnews::article_of(c.items[i]);
    INFO("item " << i << ": " << a.title.value);
    const Row& row = expected[i];
    CHECK(hrnews::to_string(hrnews::kind_of(c.items[i])) == row.kind);
    CHECK(a.countries == row.countries);
    CHECK(a.regions == row.regions);
    V themes, genres;
    for (const TermRef& r : a.subjects) (r.scheme == "theme" ? themes : genres).push_back(r.code);
    CHECK(themes == row.themes);
    CHECK(genres == row.genres);
    CHECK(a.language == row.language);
    if (const auto* iv = std::get_if<Intervention>(&c.items[i])) CHECK_FALSE(iv->case_ref);  // none on the page
  }
  CHECK(std::get<Intervention>(c.items[2]).intervention_type == hrnews::InterventionType::follow_up);
  CHECK(count_diagnostics(c, "unknown-category") == 0);
  CHECK(count_diagnostics(c, "language-inferred") == 2);
  CHECK(count_diagnostics(c, "language-mismatch") == 0);
}

TEST_CASE("an Atom entry inheriting the feed's xml:lang gives way to text that contradicts it", "[classify]") {
  const std::string atom =
      R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>urn:test:feed</id><title>Latest news</title><updated>2015-11-26T00:00:00Z</updated>
  <entry><id>urn:test:1</id><title>Mauritanie : Transfert à la prison civile de Nouakchott des dirigeants de l'IRA et poursuite de leur détention arbitraire</title><updated>2015-11-20T00:00:00Z</updated></entry>
  <entry><id>urn:test:2</id><title>Venezuela: Restrictions to freedom of association must be rejected by the authorities</title><updated>2015-11-20T00:00:00Z</updated></entry>
  <entry xml:lang="es"><id>urn:test:3</id><title>Mauritanie : Transfert à la prison civile de Nouakchott des dirigeants de l'IRA et poursuite de leur détention arbitraire</title><updated>2015-11-20T00:00:00Z</updated></entry>
</feed>)";
  const Collection c = hrnews::read_atom(atom);
  REQUIRE(c.items.size() == 3);
  // Inherited "en" contradicted by French text: replaced, marked inferred, reported.
  CHECK(hrnews::article_of(c.items[0]).language == "fr");
  CHECK(hrnews::article_of(c.items[0]).language_inferred);
  const hrnews::Diagnostic* inferred = find_diagnostic(c, "language-inferred");
  REQUIRE(inferred != nullptr);
  CHECK(inferred->path == "/items/0/language");
  CHECK(inferred->message.find("; the feed declares \"en\"") != std::string::npos);
  // Inherited "en" and English text: kept as declared by the feed.
  CHECK(hrnews::article_of(c.items[1]).language == "en");
  CHECK_FALSE(hrnews::article_of(c.items[1]).language_inferred);
  // The entry's own xml:lang is never changed; the contradiction is reported.
  CHECK(hrnews::article_of(c.items[2]).language == "es");
  CHECK_FALSE(hrnews::article_of(c.items[2]).language_inferred);
  REQUIRE(count_diagnostics(c, "language-mismatch") == 1);
  CHECK(find_diagnostic(c, "language-mismatch")->path == "/items/2/language");
  // Without classification the inherited language stays as read.
  hrnews::ReadOptions off;
  off.classify = false;
  const Collection raw = hrnews::read_atom(atom, off);
  CHECK(hrnews::article_of(raw.items[0]).language == "en");
  CHECK_FALSE(hrnews::article_of(raw.items[0]).language_inferred);
}

TEST_CASE("an inferred language survives canonical JSON, RSS, Atom and JSON Feed", "[classify]") {
  Collection c;
  c.feed.title.value = "Latest news";
  c.feed.language = "en";
  Article a = article("Mauritanie : Transfert à la prison civile de Nouakchott");
  a.language = "fr";
  a.language_inferred = true;
  c.items.emplace_back(std::move(a));
  c.items.emplace_back(article("Venezuela: Restrictions to freedom of association"));
  const std::string json = hrnews::write_json(c);
  CHECK(json.find("\"language_inferred\": true") != std::string::npos);
  CHECK(json.find("\"language_inferred\"") == json.rfind("\"language_inferred\""));  // only when true
  hrnews::ReadOptions off;
  off.classify = false;
  for (std::string_view format : {"json", "rss", "atom", "jsonfeed"}) {
    INFO(format);
    const Collection back = hrnews::read(hrnews::write(c, format), format, off);
    REQUIRE(back.items.size() == 2);
    CHECK(hrnews::article_of(back.items[0]).language == "fr");
    CHECK(hrnews::article_of(back.items[0]).language_inferred);
    CHECK_FALSE(hrnews::article_of(back.items[1]).language_inferred);
  }
}

TEST_CASE("violations are looked for in the first 1 KB of a summary only", "[classify]") {
  auto violations_of = [](std::size_t filler_bytes) {
    hrnews::Article a;
    a.id = "urn:x";
    a.title.value = "News";
    std::string filler;
    while (filler.size() < filler_bytes) filler += "Some words. ";
    filler.resize(filler_bytes);
    a.summary = hrnews::Text{filler + " arbitrary detention", hrnews::TextType::text};
    hrnews::Item item = a;
    hrnews::classify(item);
    std::vector<std::string> out;
    for (const hrnews::TermRef& r : hrnews::article_of(item).subjects)
      if (r.scheme == "violation") out.push_back(r.code);
    return out;
  };
  // " arbitrary detention" is 20 bytes: it ends at byte 1024 exactly, or 1 byte later.
  CHECK(violations_of(1004) == std::vector<std::string>{"arbitrary-detention"});
  CHECK(violations_of(1005).empty());
}

TEST_CASE("title phrases are found however their words are spaced, punctuated and accented", "[classify]") {
  auto type_of = [](std::string title) {
    const Item i = classified(article(std::move(title), {{"Urgent Interventions", "", ""}}));
    REQUIRE(hrnews::kind_of(i) == hrnews::ItemKind::intervention);
    return std::get<Intervention>(i).intervention_type;
  };
  // The longest phrase ("informations complementaires"), its words far apart in the raw title.
  CHECK(type_of("Iran : Informations  —   complémentaires sur la détention de M. X") ==
        hrnews::InterventionType::follow_up);
  CHECK(type_of("Iran : informations complémentaires") == hrnews::InterventionType::follow_up);
  // A phrase's first word alone, or followed by another word, is not the phrase.
  CHECK(type_of("Iran : informations complémentairesX sur M. X") == hrnews::InterventionType::urgent_appeal);
  CHECK(type_of("Iran : informations sur M. X") == hrnews::InterventionType::urgent_appeal);
  // First words with accents and in capitals.
  CHECK(type_of("Turquie : M. X LIBÉRÉ") == hrnews::InterventionType::closing);
  CHECK(type_of("Colombia: Liberación del Sr. X") == hrnews::InterventionType::closing);
  CHECK(type_of("Colombia: Liberaciones del Sr. X") == hrnews::InterventionType::urgent_appeal);
  // One-word phrases among long words.
  CHECK(type_of("Iran: Unconditional psychological recommendations update") == hrnews::InterventionType::follow_up);
  CHECK(type_of("Iran: Unconditional psychological recommendations updated") == hrnews::InterventionType::urgent_appeal);
}

TEST_CASE("categories and title prefixes seen again are resolved as the first time, however many there are",
          "[classify]") {
  // Hundreds of distinct category terms and title prefixes (the caches grow
  // several times), with known ones coming back among them.
  Collection c;
  constexpr int n = 600;
  for (int i = 0; i < n; ++i) {
    const std::string prefix = i % 10 == 0 ? "Burundi" : "Place " + std::to_string(i);
    c.items.emplace_back(article(prefix + ": text " + std::to_string(i),
                                 {{"Arbitrary detention", "", ""}, {"Label " + std::to_string(i), "", ""},
                                  {"Arbitrary detention", "violation", ""}}));
  }
  hrnews::classify(c, hrnews::builtin_taxonomy(), {});
  for (int i = 0; i < n; ++i) {
    INFO("item " << i);
    const Article& a = hrnews::article_of(c.items[static_cast<std::size_t>(i)]);
    CHECK(a.subjects == std::vector<TermRef>{{"violation", "arbitrary-detention"}});
    CHECK(a.countries == (i % 10 == 0 ? std::vector<std::string>{"BI"} : std::vector<std::string>{}));
  }
  const hrnews::Diagnostic* unknown = find_diagnostic(c, "unknown-category");
  REQUIRE(unknown);
  CHECK(unknown->message.rfind("600 category labels not in the taxonomy", 0) == 0);
}

TEST_CASE("an article promoted to an Intervention keeps every field of its article part", "[classify]") {
  Article a = article("Burundi: Suspension of the activities of human rights NGOs",
                      {{"Human Rights Defenders", "theme", ""}, {"Urgent Interventions", "type", "Appeal"}});
  a.url = "https://www.omct.org/en/resources/urgent-interventions/burundi-suspension";
  a.links.push_back({"https://www.omct.org/fr/burundi-suspension", "alternate", "text/html", "fr", "FR", 12});
  a.summary = hrnews::Text{"The Observatory has been informed about the suspension of ten NGOs.", hrnews::TextType::text};
  a.content = hrnews::Text{"<p>Geneva-Paris, the Observatory was informed of the suspension.</p>", hrnews::TextType::html};
  a.published = hrnews::Timestamp::parse("2015-11-26T09:30:00Z");
  a.updated = hrnews::Timestamp::parse("2015-11-27T10:00:00Z");
  a.language = "en";
  a.authors.push_back({"OMCT", "info@omct.org", "https://www.omct.org"});
  a.publishers.push_back({hrnews::PartyKind::organisation, "World Organisation Against Torture", "publisher", "OMCT", "", ""});
  a.campaigns = {"ngo-freedom"};
  a.related.push_back({hrnews::RelationType::related, "https://www.omct.org/en/other"});
  a.attachments.push_back({"https://www.omct.org/a.pdf", "application/pdf", 1234, "Appeal"});
  a.rights = hrnews::Text{"(c) OMCT", hrnews::TextType::text};
  a.dateline = "Geneva-Paris";
  a.extensions["x_internal_ref"] = "\"42\"";

  // The same article classified without promotion: its article part must be this.
  hrnews::ClassifyOptions no_promotion;
  no_promotion.interventions = false;
  Item expected = a;
  hrnews::classify(expected, hrnews::builtin_taxonomy(), no_promotion, "en");
  REQUIRE(hrnews::kind_of(expected) == hrnews::ItemKind::article);

  const Item item = classified(a);
  REQUIRE(hrnews::kind_of(item) == hrnews::ItemKind::intervention);
  const Intervention& iv = std::get<Intervention>(item);
  CHECK(static_cast<const Article&>(iv) == std::get<Article>(expected));
  CHECK(iv.intervention_type == hrnews::InterventionType::urgent_appeal);
  CHECK(iv.status == hrnews::CaseStatus::open);
  CHECK(iv.victims.empty());
  CHECK(iv.follows.empty());
}
