// SPDX-License-Identifier: Apache-2.0
// Relations between items (follow-ups, translations) and campaign matching.
#include <catch2/catch.hpp>

#include <iterator>
#include <string>
#include <vector>

#include <hrnews/error.hpp>
#include <hrnews/relate.hpp>
#include <hrnews/rss.hpp>

using hrnews::Article;
using hrnews::Collection;
using hrnews::Intervention;
using hrnews::Relation;
using hrnews::RelationType;

namespace {

Article article(std::string id, std::string title, std::string language = {}) {
  Article a;
  a.id = std::move(id);
  a.title.value = std::move(title);
  a.language = std::move(language);
  return a;
}

std::vector<Relation> related(const Collection& c, std::size_t i) { return hrnews::article_of(c.items[i]).related; }

}  // namespace

TEST_CASE("language markers are found in URLs as segments, suffixes and query parameters", "[relate]") {
  auto split = [](std::string_view url) {
    auto r = hrnews::split_url_language(url);
    return r ? r->stem + " " + r->language : std::string("-");
  };
  CHECK(split("https://www.omct.org/fr/resources/urgent-interventions/x") ==
        "https://www.omct.org/*/resources/urgent-interventions/x fr");
  CHECK(split("https://example.org/news/appeal-123-es") == "https://example.org/news/appeal-123-* es");
  CHECK(split("https://example.org/news/appeal_123.fr.html") == "https://example.org/news/appeal_123.*.html fr");
  CHECK(split("https://example.org/news?id=7&lang=pt-BR") == "https://example.org/news?id=7&lang=* pt-br");
  CHECK(split("https://example.org/es-419/noticias/1") == "https://example.org/*/noticias/1 es-419");
  CHECK(split("https://example.org/news/venezuela-0") == "-");
  CHECK(split("https://example.org/resources/statements") == "-");
  CHECK(split("") == "-");
}

TEST_CASE("the authority of a URL is never taken for a language marker, whatever the scheme", "[relate]") {
  auto split = [](std::string_view url) {
    auto r = hrnews::split_url_language(url);
    return r ? r->stem + " " + r->language : std::string("-");
  };
  // "https://" and "http://" are recognised without a search; the rest are searched for "://".
  CHECK(split("https://fr/files/appeal-de") == "https://fr/files/appeal-* de");
  CHECK(split("http://fr/files/appeal-de") == "http://fr/files/appeal-* de");
  CHECK(split("HTTPS://fr/files/appeal-de") == "HTTPS://fr/files/appeal-* de");
  CHECK(split("ftp://fr/files/appeal-de") == "ftp://fr/files/appeal-* de");
  CHECK(split("http://example.org/es/noticias") == "http://example.org/*/noticias es");
  CHECK(split("https://example.org/a://fr/b") == "https://example.org/a://*/b fr");
  // Nothing after the authority: no path, no marker.
  CHECK(split("https://fr") == "-");
  CHECK(split("http://de") == "-");
  CHECK(split("https://") == "-");
  // Without "://" the whole URL is a path.
  CHECK(split("https:/fr/x") == "https:/*/x fr");
  CHECK(split("http:/de") == "http:/* de");
  CHECK(split("news/fr/x") == "news/*/x fr");
}

TEST_CASE("follow-ups chain to the appeal they update, by case reference", "[relate]") {
  Collection c;
  c.feed.language = "en";
  Intervention original(article("urn:a", "Azerbaijan: Arbitrary detention of Ms. Leyla Yunus"));
  original.case_ref = hrnews::CaseReference::parse("AZE 003 / 0814 / OBS 068");
  Intervention second(article("urn:b", "Azerbaijan: Sentencing of Ms. Leyla Yunus"));
  second.content = hrnews::Text{"<p>AZE 003 / 0814 / OBS 068.1</p><p>New information.</p>"};
  Article third = article("urn:c", "Azerbaijan: Update - release of Ms. Leyla Yunus (AZE003/0814/OBS 068.2)");
  Article unrelated = article("urn:d", "Burundi: Suspension of NGOs");
  // Newest first, as feeds list them.
  c.items.emplace_back(third);
  c.items.emplace_back(second);
  c.items.emplace_back(unrelated);
  c.items.emplace_back(original);
  const hrnews::RelateResult r = hrnews::relate(c);
  CHECK(r.case_references == 1);  // the second one's, from its body
  CHECK(r.follow_ups == 2);
  CHECK(r.translations == 0);
  CHECK(std::get<Intervention>(c.items[1]).case_ref->format() == "AZE 003 / 0814 / OBS 068.1");
  CHECK(std::get<Intervention>(c.items[1]).follows == "urn:a");
  CHECK(related(c, 1) == std::vector<Relation>{{RelationType::follow_up_of, "urn:a"}});
  CHECK(related(c, 0) == std::vector<Relation>{{RelationType::follow_up_of, "urn:b"}});
  CHECK(related(c, 2).empty());
  CHECK(related(c, 3).empty());
  CHECK(std::get<Intervention>(c.items[3]).follows.empty());
  const Collection once = c;
  const hrnews::RelateResult again = hrnews::relate(c);
  CHECK(c == once);
  CHECK(again.follow_ups == 0);
}

TEST_CASE("a follow-up without a follow-up number is known by its title or genre", "[relate]") {
  Collection c;
  Intervention original(article("urn:ua", "Further action needed: UA 229/10 Journalist detained"));
  original.case_ref = hrnews::CaseReference::parse("UA 229/10");
  Article suivi = article("urn:suivi", "Suivi : UA 229/10 libération du journaliste", "fr");
  Article further = article("urn:fi", "Further information on UA 229/10: journalist released");
  c.items.emplace_back(original);
  c.items.emplace_back(suivi);
  c.items.emplace_back(further);
  hrnews::relate(c);
  // "Further information on UA" is follow-up number 1; "Suivi" is marked but number 0, so it comes first.
  CHECK(related(c, 1) == std::vector<Relation>{{RelationType::follow_up_of, "urn:ua"}});
  CHECK(related(c, 2) == std::vector<Relation>{{RelationType::follow_up_of, "urn:suivi"}});
  CHECK(hrnews::title_says_follow_up("Seguimiento: liberación"));
  CHECK(hrnews::title_says_follow_up("FOLLOW-UP: release"));
  CHECK_FALSE(hrnews::title_says_follow_up("Updated laws on NGOs"));
}

TEST_CASE("translations are grouped by case, URL stem and hreflang links", "[relate]") {
  Collection c;
  c.feed.language = "en";
  Article en = article("urn:en", "Mauritania: Transfer of IRA leaders (MRT 001 / 1114 / OBS 094)");
  Article fr = article("urn:fr", "Mauritanie : transfert des dirigeants de l'IRA (MRT 001 / 1114 / OBS 094)", "fr");
  fr.language_inferred = true;
  Article es_page = article("urn:es-page", "Venezuela: Restricciones", "es");
  es_page.url = "https://example.org/es/news/venezuela-restrictions";
  Article en_page = article("urn:en-page", "Venezuela: Restrictions");
  en_page.url = "https://example.org/en/news/venezuela-restrictions";
  Article pt = article("urn:pt", "Brasil: Ameaças", "pt");
  pt.url = "https://example.org/noticia/ameacas";
  Article en_linked = article("urn:en-linked", "Brazil: Threats");
  en_linked.url = "https://example.org/news/threats";
  en_linked.links.push_back(hrnews::Link{"https://example.org/noticia/ameacas", "alternate", "", "pt", "", {}});
  c.items.emplace_back(fr);
  c.items.emplace_back(en);
  c.items.emplace_back(es_page);
  c.items.emplace_back(en_page);
  c.items.emplace_back(pt);
  c.items.emplace_back(en_linked);
  const hrnews::RelateResult r = hrnews::relate(c);
  CHECK(r.translations == 3);
  CHECK(related(c, 0) == std::vector<Relation>{{RelationType::translation_of, "urn:en"}});
  CHECK(related(c, 1).empty());
  CHECK(related(c, 2) == std::vector<Relation>{{RelationType::translation_of, "urn:en-page"}});
  CHECK(related(c, 3).empty());
  CHECK(related(c, 4) == std::vector<Relation>{{RelationType::translation_of, "urn:en-linked"}});
  CHECK(related(c, 5).empty());
}

TEST_CASE("campaigns are read from JSON and matched by name or hashtag", "[relate]") {
  const std::string json = R"({"campaigns": [
    {"kind": "campaign", "id": "urn:c:10x10", "name": "10 December, 10 Defenders", "hashtags": ["10Dec10Defenders"]},
    {"kind": "campaign", "id": "urn:c:stand4", "name": "Stand 4 Human Rights Defenders", "hashtags": ["#Stand4HRD"]}
  ]})";
  const std::vector<hrnews::Campaign> campaigns = hrnews::read_campaigns(json, "campaigns.json");
  REQUIRE(campaigns.size() == 2);
  Collection c;
  c.items.emplace_back(article("urn:1", "European Union (EU): HRDN Campaign Launch: STAND 4 human rights défenders"));
  Article tagged = article("urn:2", "Ten defenders in ten days");
  tagged.summary = hrnews::Text{"Follow us: #10dec10defenders!"};
  c.items.emplace_back(tagged);
  Article category = article("urn:3", "Day one");
  category.categories.push_back(hrnews::Category{"Stand4HRD", "", ""});
  c.items.emplace_back(category);
  c.items.emplace_back(article("urn:4", "Stand 4 Human Rights"));  // not the whole name
  CHECK(hrnews::match_campaigns(c, campaigns) == 3);
  CHECK(hrnews::article_of(c.items[0]).campaigns == std::vector<std::string>{"urn:c:stand4"});
  CHECK(hrnews::article_of(c.items[1]).campaigns == std::vector<std::string>{"urn:c:10x10"});
  CHECK(hrnews::article_of(c.items[2]).campaigns == std::vector<std::string>{"urn:c:stand4"});
  CHECK(hrnews::article_of(c.items[3]).campaigns.empty());
  REQUIRE(c.campaigns.size() == 2);
  CHECK(c.campaigns[0].id == "urn:c:stand4");
  CHECK(c.campaigns[0].items == std::vector<std::string>{"urn:1", "urn:3"});
  CHECK(c.campaigns[1].items == std::vector<std::string>{"urn:2"});
  const Collection once = c;
  CHECK(hrnews::match_campaigns(c, campaigns) == 0);
  CHECK(c == once);
}

TEST_CASE("bad campaign files are errors that name the path", "[relate]") {
  auto message = [](std::string_view json) {
    try {
      hrnews::read_campaigns(json, "c.json");
    } catch (const hrnews::ParseError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(message("[") == "c.json: campaigns: not valid JSON");
  CHECK(message("{}") == "c.json: campaigns: /: expected a member \"campaigns\"");
  CHECK(message("{\"campaigns\": 3}") == "c.json: campaigns: /campaigns: expected an array of campaigns");
  CHECK(message("[{\"id\": \"a\"}, {\"id\": \"a\"}]") == "c.json: campaigns: /1/id: campaign id \"a\" is repeated");
  CHECK(message("[{\"name\": \"x\"}]") == "c.json: campaigns: /0: missing required member \"id\"");
  CHECK(message("[{\"id\": \"\"}]") == "c.json: campaigns: /0: a campaign needs a non-empty \"id\"");
  CHECK(message("[{\"id\": \"a\", \"hashtags\": 5}]").rfind("c.json: campaigns: /0/hashtags: ", 0) == 0);
}

TEST_CASE("URL stems group translations only when all but the language marker is the same", "[relate]") {
  Collection c;
  c.feed.language = "en";
  const char* urls[] = {"https://example.org/en/news/a",      "https://example.org/fr/news/a",
                        "https://example.org/FR/news/b",      "https://example.org/en/news/b",
                        "https://example.org/en/news/c",      "https://example.org/es/news/c/",
                        "https://example.org/news/d?lang=pt", "https://example.org/news/d?lang=EN",
                        "https://example.org/fr/news/e",      "https://example.org/FR/news/e"};
  for (std::size_t i = 0; i < std::size(urls); ++i) {
    Article a = article("urn:" + std::to_string(i), "Title");
    a.url = urls[i];
    c.items.emplace_back(a);
  }
  CHECK(hrnews::relate(c).translations == 3);
  CHECK(related(c, 0).empty());
  CHECK(related(c, 1) == std::vector<Relation>{{RelationType::translation_of, "urn:0"}});
  CHECK(related(c, 2).empty());
  CHECK(related(c, 3) == std::vector<Relation>{{RelationType::translation_of, "urn:2"}});
  CHECK(related(c, 4).empty());  // ".../c" and ".../c/" are different stems
  CHECK(related(c, 5).empty());
  CHECK(related(c, 6).empty());
  CHECK(related(c, 7) == std::vector<Relation>{{RelationType::translation_of, "urn:6"}});
  CHECK(related(c, 8).empty());  // "fr" and "FR" are one language
  CHECK(related(c, 9).empty());
}

TEST_CASE("URL stems are compared as whole texts, wherever the marker stands", "[relate]") {
  // Both stems read "https://example.org/*/*/page": the first URL's marker is
  // its first segment, the second's its second (its first is a `*` of its own).
  Collection c;
  Article fr = article("urn:fr", "Page");
  fr.url = "https://example.org/fr/*/page";
  Article de = article("urn:de", "Seite");
  de.url = "https://example.org/*/de/page";
  Article other = article("urn:other", "Other");
  other.url = "https://example.org/es/*/other";
  c.items.emplace_back(fr);
  c.items.emplace_back(de);
  c.items.emplace_back(other);
  const hrnews::RelateResult r = hrnews::relate(c);
  CHECK(r.translations == 1);
  CHECK(related(c, 0).empty());
  CHECK(related(c, 1) == std::vector<Relation>{{RelationType::translation_of, "urn:fr"}});
  CHECK(related(c, 2).empty());
}

TEST_CASE("an article's case reference is its first Observatory or Amnesty UA reference", "[relate]") {
  auto ref_of = [](const Article& a) {
    const auto r = hrnews::item_case_reference(hrnews::Item(a));
    return r ? std::string(hrnews::to_string(r->scheme())) + " " + r->raw() : std::string("-");
  };
  // An Amnesty index number first: passed over for the urgent action after it.
  CHECK(ref_of(article("urn:a", "Report AMR 18/0485/2019, then UA 229/10")) == "amnesty-ua UA 229/10");
  // Slashes of HTML and dates before the reference, in a summary longer than 64 bytes.
  Article summary = article("urn:b", "No reference here");
  summary.summary = hrnews::Text{"<p>Published 12 / March</p><p>See also a/b and the appeal text below.</p>"
                                 "<p>Ref. TUR 005 / 0717 / OBS 078.6</p>",
                                 hrnews::TextType::html};
  CHECK(ref_of(summary) == "observatory TUR 005 / 0717 / OBS 078.6");
  // In a short category term (under 8 bytes and over), and in none.
  Article short_category = article("urn:c", "Title");
  short_category.categories.push_back(hrnews::Category{"UA 1/19", "", ""});
  CHECK(ref_of(short_category) == "amnesty-ua UA 1/19");
  Article category = article("urn:d", "Title");
  category.categories.push_back(hrnews::Category{"Appeals", "", ""});
  category.categories.push_back(hrnews::Category{"Appeal UA 12/2019", "", ""});
  CHECK(ref_of(category) == "amnesty-ua UA 12/2019");
  Article none = article("urn:e", "a/b 12 / x and/or 3/4 ");
  none.summary = hrnews::Text{"<p>1/2</p>", hrnews::TextType::html};
  none.categories.push_back(hrnews::Category{"AMR 18/0485/2019", "", ""});
  CHECK(ref_of(none) == "-");
}

TEST_CASE("an item's language counts by its primary subtag, in any case, its own or else the feed's", "[relate]") {
  Collection c;
  c.feed.language = "EN-GB";
  c.items.emplace_back(article("urn:0", "Mauritanie : transfert (MRT 001 / 1114 / OBS 094)", "FR"));
  c.items.emplace_back(article("urn:1", "Mauritania: Transfer (MRT 001 / 1114 / OBS 094)", "en-US"));
  c.items.emplace_back(article("urn:2", "Mauritania: Transfer of leaders (MRT 001 / 1114 / OBS 094)"));
  c.items.emplace_back(article("urn:3", "Mauritanie : transfert des dirigeants (MRT 001 / 1114 / OBS 094)", "fr-CA"));
  c.items.emplace_back(article("urn:4", "Mauritanie : libération (MRT 001 / 1114 / OBS 094.1)", "Fr"));
  c.items.emplace_back(article("urn:5", "Mauritania: Release (MRT 001 / 1114 / OBS 094.1)", "EN"));
  const hrnews::RelateResult r = hrnews::relate(c);
  // The original: the first item in the feed's language ("en-US" is English as "EN-GB" is).
  CHECK(related(c, 0) == std::vector<Relation>{{RelationType::translation_of, "urn:1"}});
  CHECK(related(c, 1).empty());
  CHECK(related(c, 2) == std::vector<Relation>{{RelationType::translation_of, "urn:1"}});
  CHECK(related(c, 3) == std::vector<Relation>{{RelationType::translation_of, "urn:1"}});
  // A follow-up follows the item of its language ("Fr": "FR"), else the original.
  CHECK(related(c, 4) == std::vector<Relation>{{RelationType::translation_of, "urn:5"},
                                               {RelationType::follow_up_of, "urn:0"}});
  CHECK(related(c, 5) == std::vector<Relation>{{RelationType::follow_up_of, "urn:1"}});
  CHECK(r.translations == 4);
  CHECK(r.follow_ups == 2);
}
