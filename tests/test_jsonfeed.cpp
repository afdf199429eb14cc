// SPDX-License-Identifier: Apache-2.0
// JSON Feed (hrnews/jsonfeed.hpp): every mapping of JSON Feed 1.0 and 1.1,
// every diagnostic with its code, message, path, line and column, syntax
// errors, limits, the `_hrnews` extension object, conformance of what is
// written to JSON Feed 1.1, and randomized lossless round trips.
//
// Environment:
//   HRNEWS_ROUNDTRIP_SEED=N    run the randomized round trip for this one seed only
//   HRNEWS_ROUNDTRIP_COUNT=N   number of random collections (default 1000)
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <hrnews/hrnews.hpp>
#include <hrnews/io.hpp>
#include <hrnews/json.hpp>
#include <hrnews/jsonfeed.hpp>

#include "random_model.hpp"
#include "test_support.hpp"

using namespace hrnews;
using nlohmann::json;

namespace {

std::string fixture(const std::string& name) {
  const std::string path = std::string(HRNEWS_TEST_DATA_DIR) + "/jsonfeed/" + name;
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

ReadOptions plain_options(const std::string& file = {}) {
  ReadOptions o;
  o.file_name = file;
  o.classify = false;
  return o;
}

Collection read_feed(const std::string& text, const std::string& file = {}) {
  return read_jsonfeed(text, plain_options(file));
}

Timestamp ts(std::string_view text) {
  auto t = Timestamp::parse(text);
  REQUIRE(t);
  return *t;
}

Link make_link(std::string href, std::string rel) {
  Link l;
  l.href = std::move(href);
  l.rel = std::move(rel);
  return l;
}

/// A feed made of the given top-level members and items (JSON texts).
std::string feed_with(const std::string& members, const std::string& items) {
  return R"({"version":"https://jsonfeed.org/version/1.1","title":"T",)" + members + (members.empty() ? "" : ",") +
         R"("items":[)" + items + "]}";
}

/// What a diagnostic says, in one line: `LINE:COL severity code path: message`.
std::string describe(const Diagnostic& d) {
  std::string out = (d.line ? std::to_string(*d.line) : std::string("-")) + ":" +
                    (d.column ? std::to_string(*d.column) : std::string("-")) + " " +
                    std::string(to_string(d.severity)) + " " + d.code;
  if (!d.path.empty()) out += " " + d.path;
  return out + ": " + d.message;
}

std::vector<std::string> describe_all(const Collection& c) {
  std::vector<std::string> out;
  for (const Diagnostic& d : c.diagnostics) out.push_back(describe(d));
  return out;
}

using hrnews_test::env_number;

/// A small collection that uses only what JSON Feed can say in its own members.
Collection plain_collection() {
  Collection c;
  c.feed.id = "https://www.omct.org/en/";
  c.feed.url = "https://www.omct.org/en/";
  c.feed.title = "OMCT - Latest news";
  c.feed.subtitle = Text("World Organisation Against Torture");
  c.feed.links = {make_link("https://www.omct.org/en/feed.json", "self")};
  c.feed.language = "en";
  c.feed.icon = "https://www.omct.org/icon.png";
  c.feed.source_format = "jsonfeed-1.1";
  Party omct;
  omct.name = "OMCT";
  omct.uri = "https://www.omct.org/";
  c.feed.publishers = {omct};
  Article a;
  a.id = "urn:omct:2015:aze-001";
  a.url = "https://www.omct.org/en/aze-001";
  a.title = "Azerbaijan: Release of Mr. Arif Yunusov";
  a.summary = Text("The Observatory welcomes the release.");
  a.content = Text("<p>The Observatory <b>welcomes</b> the release.</p>", TextType::html);
  a.published = ts("2015-11-13T00:00:00+01:00");
  a.authors = {Person{"OMCT", "", "https://www.omct.org/"}};
  a.categories = {Category{"Human Rights Defenders", "", ""}, Category{"Azerbaijan", "", ""}};
  a.language = "en";
  a.attachments = {Attachment{"https://www.omct.org/files/aze.pdf", "application/pdf", 1234, "Appeal"}};
  c.items.push_back(a);
  return c;
}

/// An intervention and a feed that set every field the model has.
Collection full_collection() {
  Collection c = plain_collection();
  c.feed.id = "tag:omct.org,2015:feed";
  c.feed.title = Text("<b>OMCT</b> news", TextType::html);
  c.feed.links.push_back(make_link("https://www.omct.org/en/", "alternate"));
  c.feed.links.push_back(make_link("https://www.omct.org/en/feed.json?page=2", "next"));
  c.feed.updated = ts("Thu, 26 Nov 2015 09:30:00 +0100");
  c.feed.generator = "hrnews";
  c.feed.rights = Text("© OMCT", TextType::text);
  c.feed.source_format = "rss-2.0";
  c.feed.extensions = {{"_feed_x", R"({"b":1,"a":[true,null]})"}, {"{http://example.org/ns}x", "\"y\""}};

  Intervention iv;
  iv.id = "urn:omct:2015:aze-001-0815-obs-070-1";
  iv.url = "https://www.omct.org/en/resources/urgent-interventions/aze-001";
  iv.links = {make_link("https://www.omct.org/fr/aze-001", "alternate"), make_link("https://www.fidh.org/aze", "related")};
  iv.links[0].hreflang = "fr";
  iv.links[0].type = "text/html";
  iv.links[0].title = "French";
  iv.links[0].length = 42;
  iv.title = Text("Azerbaijan: <i>Measure of restraint</i> changed", TextType::html);
  iv.summary = Text("<div xmlns=\"http://www.w3.org/1999/xhtml\">Release</div>", TextType::xhtml);
  iv.content = Text("<p>Body</p>", TextType::xhtml);
  iv.published = ts("Fri, 13 Nov 2015 00:00:00 +0100");
  iv.updated = ts("2015-11");
  iv.language = "en";
  iv.authors = {Person{"Observatory", "obs@omct.org", ""}, Person{"", "", "https://www.fidh.org/"}};
  Party fidh;
  fidh.name = "International Federation for Human Rights";
  fidh.abbreviation = "FIDH";
  fidh.role = "co-publisher";
  iv.publishers = {fidh};
  iv.categories = {Category{"Human Rights Defenders", "https://www.omct.org/themes", "HRD"},
                   Category{"Urgent Interventions", "", ""}};
  iv.subjects = {TermRef{"theme", "human-rights-defenders"}, TermRef{"genre", "urgent-intervention"}};
  iv.countries = {"AZ"};
  iv.regions = {"EU"};
  iv.geo = GeoPoint{40.4093, 49.8671};
  iv.campaigns = {"stand4hrd"};
  iv.related = {Relation{RelationType::follow_up_of, "urn:omct:2015:aze-001-0815-obs-070"}};
  iv.attachments = {Attachment{"https://www.omct.org/files/aze.pdf", "", std::nullopt, ""}};
  iv.rights = Text("CC BY 4.0");
  iv.dateline = "Geneva-Paris";
  iv.event = Event{ts("2015-11-18"), ts("2015-11-18T13:00:00+01:00"), "Palais des Nations, Geneva"};
  iv.extensions = {{"_source", R"({"feed":"partner","rank":3})"}, {"x_internal_ref", "\"42\""}};
  iv.case_ref = CaseReference::parse("AZE 001 / 0815 / OBS 070.1");
  iv.intervention_type = InterventionType::follow_up;
  iv.status = CaseStatus::closed;
  iv.victims = {Victim{"Arif Yunusov", "human rights defender", "Institute for Peace and Democracy", "male",
                       "released"}};
  iv.violations = {TermRef{"violation", "arbitrary-detention"}};
  iv.requested_actions = {"Guarantee his physical and psychological integrity", "Put an end to harassment"};
  iv.addressees = {Addressee{"Mr. Ilham Aliyev", "President", "Office of the President", "19 Istiqlaliyyat St.\nBaku",
                             "office@pr.gov.az", "+994 12 492 06 25", "+994 12 492 17 26"}};
  iv.deadline = ts("2015-12-01");
  iv.follows = "urn:omct:2015:aze-001-0815-obs-070";
  c.items.push_back(iv);

  Article bare;
  bare.id = "urn:omct:2015:bare";
  c.items.push_back(bare);

  Campaign campaign;
  campaign.id = "stand4hrd";
  campaign.name = "Stand 4 Human Rights Defenders";
  campaign.status = CampaignStatus::active;
  campaign.hashtags = {"Stand4HRD"};
  campaign.items = {iv.id};
  c.campaigns = {campaign};
  Scheme scheme;
  scheme.id = "theme";
  scheme.title = {{"en", "Themes"}};
  Term term;
  term.code = "human-rights-defenders";
  term.labels = {{"en", "Human Rights Defenders"}, {"fr", "Défenseurs des droits de l'Homme"}};
  scheme.terms = {term};
  c.schemes = {scheme};
  Diagnostic d;
  d.code = "date-unparsed";
  d.message = "\"32 Nov 2015\" is not a date; dropped";
  d.line = 12;
  d.column = 7;
  d.path = "/items/3/published";
  c.diagnostics = {d};
  c.extensions = {{"x_collection", "[1,2,3]"}};
  return c;
}

const json& member(const json& object, const char* name) {
  static const json absent;
  const auto it = object.find(name);
  return it == object.end() ? absent : *it;
}

/// Checks a written feed against the JSON Feed 1.1 specification; returns the first problem.
std::string spec_problem(const std::string& text) {
  const json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) return "not JSON";
  if (!doc.is_object()) return "not an object";
  if (member(doc, "version") != "https://jsonfeed.org/version/1.1") return "version";
  if (!member(doc, "title").is_string()) return "title";
  if (!member(doc, "items").is_array()) return "items";
  const std::set<std::string> feed_members = {"version", "title",   "home_page_url", "feed_url", "description",
                                              "user_comment", "next_url", "icon", "favicon", "authors",
                                              "language", "expired", "hubs", "items"};
  const std::set<std::string> item_members = {
      "id",      "url",          "external_url",   "title",         "content_html", "content_text", "summary",
      "image",   "banner_image", "date_published", "date_modified", "authors",      "tags",         "language",
      "attachments"};
  const std::set<std::string> string_members = {"home_page_url", "feed_url", "description", "user_comment",
                                                "next_url",      "icon",     "favicon",     "language",
                                                "url",           "external_url", "title",   "content_html",
                                                "content_text",  "summary",  "image",       "banner_image",
                                                "date_published", "date_modified"};
  auto check_members = [&](const json& object, const std::set<std::string>& known, const std::string& where)
      -> std::string {
    for (auto it = object.begin(); it != object.end(); ++it) {
      const std::string& key = it.key();
      if (!key.empty() && key[0] == '_') {
        if (key == "_hrnews" && !it->is_object()) return where + "/_hrnews is not an object";
        continue;
      }
      if (known.count(key) == 0) return where + "/" + key + " is not a JSON Feed member";
      if (string_members.count(key) != 0 && !it->is_string()) return where + "/" + key + " is not a string";
    }
    return {};
  };
  auto check_authors = [&](const json& authors, const std::string& where) -> std::string {
    if (authors.is_null()) return {};
    if (!authors.is_array()) return where + " is not an array";
    for (const json& a : authors) {
      if (!a.is_object() || a.empty()) return where + ": an author is not a non-empty object";
      for (auto it = a.begin(); it != a.end(); ++it) {
        if (it.key() != "name" && it.key() != "url" && it.key() != "avatar") return where + ": author member " + it.key();
        if (!it->is_string()) return where + ": author member is not a string";
      }
    }
    return {};
  };
  if (auto p = check_members(doc, feed_members, ""); !p.empty()) return p;
  if (auto p = check_authors(member(doc, "authors"), "/authors"); !p.empty()) return p;
  if (!member(doc, "expired").is_null() && !member(doc, "expired").is_boolean()) return "/expired";
  if (const json& hubs = member(doc, "hubs"); !hubs.is_null()) {
    if (!hubs.is_array()) return "/hubs";
    for (const json& h : hubs) {
      if (!member(h, "type").is_string() || !member(h, "url").is_string()) return "/hubs: type and url";
    }
  }
  std::size_t index = 0;
  for (const json& item : doc["items"]) {
    const std::string where = "/items/" + std::to_string(index++);
    if (!item.is_object()) return where + " is not an object";
    if (!member(item, "id").is_string() || member(item, "id").get<std::string>().empty()) return where + "/id";
    if (!item.contains("content_html") && !item.contains("content_text")) return where + ": no content";
    if (auto p = check_members(item, item_members, where); !p.empty()) return p;
    if (auto p = check_authors(member(item, "authors"), where + "/authors"); !p.empty()) return p;
    if (const json& tags = member(item, "tags"); !tags.is_null()) {
      if (!tags.is_array()) return where + "/tags";
      for (const json& t : tags) {
        if (!t.is_string()) return where + "/tags: not a string";
      }
    }
    for (const char* date : {"date_published", "date_modified"}) {
      const json& d = member(item, date);
      if (d.is_string() && !Timestamp::parse_iso8601(d.get<std::string>())) return where + "/" + date + " is not RFC 3339";
    }
    if (const json& atts = member(item, "attachments"); !atts.is_null()) {
      if (!atts.is_array()) return where + "/attachments";
      for (const json& a : atts) {
        if (!member(a, "url").is_string() || !member(a, "mime_type").is_string()) return where + ": attachment url/mime_type";
        if (a.contains("title") && !a["title"].is_string()) return where + ": attachment title";
        if (a.contains("size_in_bytes") && !a["size_in_bytes"].is_number_unsigned()) return where + ": attachment size";
      }
    }
  }
  return {};
}

}  // namespace

// ---------------------------------------------------------------------------
// Reading: the mapping of every member

TEST_CASE("A JSON Feed 1.0 is read with every member in its place", "[jsonfeed]") {
  const Collection c = read_feed(fixture("feed-1.0.json"), "feed-1.0.json");
  CHECK(c.diagnostics.empty());
  const Feed& f = c.feed;
  CHECK(f.source_format == "jsonfeed-1.0");
  CHECK(f.title == Text("OMCT - Latest news"));
  CHECK(f.url == "https://www.omct.org/en/");
  CHECK(f.id == "https://www.omct.org/en/");
  CHECK(f.subtitle == Text("World Organisation Against Torture"));
  CHECK(f.icon == "https://www.omct.org/icon-512.png");
  Link hub = make_link("https://hub.example.org/", "hub");
  hub.title = "WebSub";
  CHECK(f.links == std::vector<Link>{make_link("https://www.omct.org/en/feed.json", "self"),
                                     make_link("https://www.omct.org/en/feed.json?page=2", "next"),
                                     make_link("https://www.omct.org/favicon-64.png", "icon"), hub});
  REQUIRE(f.publishers.size() == 1);
  CHECK(f.publishers[0].name == "OMCT");
  CHECK(f.publishers[0].uri == "https://www.omct.org/");
  CHECK(f.publishers[0].kind == PartyKind::organisation);
  CHECK(f.extensions == Extensions{{"expired", "false"}, {"user_comment", "\"This feed is for feed readers.\""}});

  REQUIRE(c.items.size() == 2);
  const Article& a = std::get<Article>(c.items[0]);
  CHECK(a.id == "https://www.omct.org/en/resources/urgent-interventions/azerbaijan-measure-of-restraint");
  CHECK(a.url == a.id);
  CHECK(a.title == Text("Azerbaijan: Measure of restraint changed for Mr. Arif Yunusov"));
  CHECK(a.content == Text("<p>The Observatory welcomes the release of Mr. Arif Yunusov.</p>", TextType::html));
  CHECK(a.extensions ==
        Extensions{{"content_text", "\"The Observatory welcomes the release of Mr. Arif Yunusov.\""}});
  CHECK(a.summary == Text("Release of Mr. Arif Yunusov"));
  CHECK(a.links == std::vector<Link>{make_link("https://www.fidh.org/en/azerbaijan", "related"),
                                     make_link("https://www.omct.org/img/yunusov.jpg", "image"),
                                     make_link("https://www.omct.org/img/banner.jpg", "banner-image")});
  CHECK(a.published == ts("2015-11-13T00:00:00+01:00"));
  CHECK(a.updated == ts("2015-11-14T10:15:00Z"));
  CHECK(a.authors == std::vector<Person>{Person{"Observatory for the Protection of Human Rights Defenders", "", ""}});
  CHECK(a.categories == std::vector<Category>{Category{"Human Rights Defenders", "", ""},
                                              Category{"Urgent Interventions", "", ""}, Category{"Azerbaijan", "", ""}});
  CHECK(a.attachments == std::vector<Attachment>{Attachment{"https://www.omct.org/files/aze-001-0815-obs-070-1.pdf",
                                                            "application/pdf", 183042,
                                                            "Urgent appeal AZE 001 / 0815 / OBS 070.1"}});
  const Article& b = std::get<Article>(c.items[1]);
  CHECK(b.title == Text("Événement parallèle : la torture en Afrique"));
  CHECK(b.content == Text("Mercredi 18 novembre 2015, Palais des Nations, Genève."));
  REQUIRE(b.published);
  CHECK(b.published->precision() == Precision::month);
  CHECK(b.published->raw() == "2015-11");
  CHECK_FALSE(b.summary);
  CHECK(b.links.empty());
}

TEST_CASE("A JSON Feed 1.1 is read with its authors, languages and attachments", "[jsonfeed]") {
  const Collection c = read_feed(fixture("feed-1.1.json"), "feed-1.1.json");
  CHECK(c.feed.source_format == "jsonfeed-1.1");
  CHECK(c.feed.language == "fr");
  REQUIRE(c.feed.publishers.size() == 2);
  CHECK(c.feed.publishers[1].name == "FIDH");
  CHECK(c.feed.publishers[1].uri.empty());
  REQUIRE(c.items.size() == 2);
  const Article& a = article_of(c.items[0]);
  CHECK(a.language == "fr");
  CHECK(a.authors == std::vector<Person>{Person{"OMCT", "", ""},
                                         Person{"Observatoire", "", "https://www.omct.org/fr/observatoire"}});
  CHECK(a.categories.size() == 2);
  CHECK(a.categories[1].term == "Economic, Social and Cultural Rights");
  CHECK(a.attachments == std::vector<Attachment>{Attachment{"https://www.omct.org/media/10-defenders.mp3",
                                                            "audio/mpeg", 5120000, ""}});
  CHECK(a.content == Text("<p>Une campagne pour <b>dix défenseurs</b>.</p>", TextType::html));
  CHECK(a.extensions.empty());
  const Article& b = article_of(c.items[1]);
  CHECK(b.language == "en");
  CHECK(b.content == Text("The EU must stand for human rights defenders."));
  REQUIRE(b.published);
  CHECK(b.published->raw() == "Thu, 26 Nov 2015 09:30:00 +0100");
  CHECK(b.published->to_rfc3339() == "2015-11-26T09:30:00+01:00");
  // duration_in_seconds has no place in the model: an info, at its position
  CHECK(describe_all(c) == std::vector<std::string>{
                               "23:33 info member-ignored /items/0/attachments/0/duration_in_seconds: "
                               "\"duration_in_seconds\" has no place in the model; ignored"});
}

TEST_CASE("A messy JSON Feed is read with every repair itemised in document order", "[jsonfeed]") {
  const Collection c = read_feed(fixture("messy.json"), "messy.json");
  CHECK(describe_all(c) ==
        std::vector<std::string>{
            "2:14 warning version-unknown /version: unknown JSON Feed version \"https://jsonfeed.org/version/2\"; "
            "read as 1.1",
            "7:15 warning wrong-type /language: expected a string, found a number; ignored",
            "8:14 warning wrong-type /expired: expected a boolean, found a string; ignored",
            "10:14 warning wrong-type /_hrnews: expected an object, found a string; ignored",
            "11:16 info member-unknown /generator: unknown member \"generator\" ignored",
            "14:13 warning id-not-string /items/0/id: id is a number; read as the string \"1234\"",
            "16:16 warning wrong-type /items/0/title: expected a string, found an array; ignored",
            "18:25 warning date-unparsed /items/0/date_published: \"32 Nov 2015\" is not a date; dropped",
            "19:24 warning wrong-type /items/0/date_modified: expected a string, found a number; ignored",
            "20:15 warning wrong-type /items/0/tags: expected an array, found a string; read as one tag",
            "21:17 warning wrong-type /items/0/author: expected an object, found a string; read as the author's name",
            "24:5 warning wrong-type /items/1: expected an object, found a string; item skipped",
            "25:5 info id-derived /items/2: item has no id; using \"https://www.example.org/news/2015/11/second.html\"",
            "30:51 info member-ignored /items/2/authors/0/avatar: the author's \"avatar\" has no place in the model; "
            "ignored",
            "30:85 warning wrong-type /items/2/authors/1: expected an object, found a number; ignored",
            "31:27 warning wrong-type /items/2/tags/1: expected a string, found a number; ignored",
            "32:23 warning attachment-no-url /items/2/attachments/0: attachment has no \"url\"; skipped",
            "32:102 warning wrong-type /items/2/attachments/1/size_in_bytes: expected a non-negative integer, found a "
            "number; ignored",
            "33:17 info member-unknown /items/2/colour: unknown member \"colour\" ignored",
            "35:5 info id-derived /items/3: item has no id; using \"urn:hrnews:item:296dde8162714fe5\""});

  // What could be read was read.
  CHECK(c.feed.source_format == "jsonfeed-1.1");
  CHECK(c.feed.language.empty());
  CHECK(c.feed.links == std::vector<Link>{make_link("https://www.example.org/news/feed.json", "self")});
  CHECK(c.feed.icon == "https://www.example.org/img/icon.png");
  CHECK(c.feed.extensions == Extensions{{"_tracking", R"({"id":"UA-1","sampling":[1,2]})"}});
  REQUIRE(c.items.size() == 3);
  const Article& first = article_of(c.items[0]);
  CHECK(first.id == "1234");
  CHECK(first.url == "https://www.example.org/news/2015/11/first.html");
  CHECK(first.title.empty());
  CHECK_FALSE(first.published);
  CHECK_FALSE(first.updated);
  CHECK(first.categories == std::vector<Category>{Category{"Torture", "", ""}});
  CHECK(first.authors == std::vector<Person>{Person{"Jane Doe", "", ""}});
  CHECK(first.extensions == Extensions{{"_source", R"({"feed":"partner","rank":3})"}});
  const Article& second = article_of(c.items[1]);
  CHECK(second.id == "https://www.example.org/news/2015/11/second.html");
  CHECK(second.authors == std::vector<Person>{Person{"A. Writer", "", ""}});
  CHECK(second.categories == std::vector<Category>{Category{"Torture", "", ""}, Category{"Detention", "", ""}});
  CHECK(second.attachments ==
        std::vector<Attachment>{Attachment{"https://www.example.org/news/files/report.pdf", "", std::nullopt, ""}});
  CHECK(second.extensions.empty());
  const Article& third = article_of(c.items[2]);
  CHECK(third.id == "urn:hrnews:item:296dde8162714fe5");
  CHECK(third.published == ts("2015-11-27"));
}

TEST_CASE("Relative URLs in a JSON Feed resolve against the home page, then the feed URL, then the caller's base", "[jsonfeed]") {
  const std::string item = R"({"id":"1","url":"a/b.html","external_url":"../x","image":"/i.png","banner_image":"b.png",)"
                           R"("authors":[{"name":"N","url":"me"}],"attachments":[{"url":"f.pdf","mime_type":"application/pdf"}],)"
                           R"("content_text":""})";
  SECTION("the home page") {
    const Collection c = read_feed(feed_with(R"("home_page_url":"https://ex.org/news/","feed_url":"/feeds/f.json","next_url":"?page=2","icon":"i.png","favicon":"/f.ico","hubs":[{"type":"WebSub","url":"/hub"}])", item));
    CHECK(c.feed.url == "https://ex.org/news/");
    CHECK(c.feed.links[0] == make_link("https://ex.org/feeds/f.json", "self"));
    CHECK(c.feed.links[1] == make_link("https://ex.org/news/?page=2", "next"));
    CHECK(c.feed.links[2] == make_link("https://ex.org/f.ico", "icon"));
    CHECK(c.feed.links[3].href == "https://ex.org/hub");
    CHECK(c.feed.icon == "https://ex.org/news/i.png");
    const Article& a = article_of(c.items[0]);
    CHECK(a.url == "https://ex.org/news/a/b.html");
    CHECK(a.links == std::vector<Link>{make_link("https://ex.org/x", "related"), make_link("https://ex.org/i.png", "image"),
                                       make_link("https://ex.org/news/b.png", "banner-image")});
    CHECK(a.authors[0].uri == "https://ex.org/news/me");
    CHECK(a.attachments[0].url == "https://ex.org/news/f.pdf");
    CHECK(c.diagnostics.empty());
  }
  SECTION("href and src inside content_html") {
    const Collection c = read_feed(feed_with(
        R"("home_page_url":"https://ex.org/news/")",
        R"({"id":"1","content_html":"<p><a href=\"../about\">About</a> <img src='/i.png'> <a href=\"https://x.org/\">x</a></p>","content_text":"<a href=\"y\">"})"));
    const Article& a = article_of(c.items[0]);
    CHECK(a.content == Text("<p><a href=\"https://ex.org/about\">About</a> <img src='https://ex.org/i.png'> "
                            "<a href=\"https://x.org/\">x</a></p>",
                            TextType::html));
    CHECK(a.extensions.at("content_text") == R"("<a href=\"y\">")");  // plain text: nothing to resolve
    // written back, the resolved body is what a reader gets: no override needed
    CHECK(json::parse(write_jsonfeed(c))["items"][0].contains("_hrnews") == false);
  }
  SECTION("the feed URL when there is no home page, and the home page resolved against it") {
    Collection c = read_feed(feed_with(R"("feed_url":"https://ex.org/feeds/f.json")", item));
    CHECK(article_of(c.items[0]).url == "https://ex.org/feeds/a/b.html");
    CHECK(c.feed.id == "https://ex.org/feeds/f.json");
    c = read_feed(feed_with(R"("home_page_url":"/","feed_url":"https://ex.org/feeds/f.json")", item));
    CHECK(c.feed.url == "https://ex.org/");
    CHECK(article_of(c.items[0]).url == "https://ex.org/a/b.html");
  }
  SECTION("the caller's base when the feed gives none, and for a relative home page") {
    ReadOptions options = plain_options();
    options.base_url = "https://caller.example/dir/feed.json";
    Collection c = read_jsonfeed(feed_with("", item), options);
    CHECK(article_of(c.items[0]).url == "https://caller.example/dir/a/b.html");
    c = read_jsonfeed(feed_with(R"("home_page_url":"../site/")", item), options);
    CHECK(c.feed.url == "https://caller.example/site/");
    CHECK(article_of(c.items[0]).url == "https://caller.example/site/a/b.html");
    // a document base wins over the caller's
    c = read_jsonfeed(feed_with(R"("home_page_url":"https://ex.org/")", item), options);
    CHECK(article_of(c.items[0]).url == "https://ex.org/a/b.html");
  }
  SECTION("nothing to resolve against: kept as written") {
    const Collection c = read_feed(feed_with("", item));
    CHECK(article_of(c.items[0]).url == "a/b.html");
    CHECK(article_of(c.items[0]).attachments[0].url == "f.pdf");
  }
}

TEST_CASE("Custom extension members are kept where they were and written back", "[jsonfeed]") {
  const std::string text = feed_with(R"("_blog":{"about":"https://blog.example/","z":[1,{"b":2,"a":1}]})",
                                     R"({"id":"1","content_text":"x","_geo":{"lat":1.5},"_flag":true})");
  const Collection c = read_feed(text);
  CHECK(c.diagnostics.empty());
  CHECK(c.feed.extensions == Extensions{{"_blog", R"({"about":"https://blog.example/","z":[1,{"b":2,"a":1}]})"}});
  CHECK(article_of(c.items[0]).extensions == Extensions{{"_flag", "true"}, {"_geo", R"({"lat":1.5})"}});
  const std::string written = write_jsonfeed(c);
  const json doc = json::parse(written);
  CHECK(doc["_blog"]["about"] == "https://blog.example/");
  CHECK(doc["items"][0]["_geo"]["lat"] == 1.5);
  CHECK(doc["items"][0]["_flag"] == true);
  CHECK_FALSE(doc.contains("_hrnews"));  // nothing else to say
  CHECK_FALSE(doc["items"][0].contains("_hrnews"));
  // member order inside the extension values is kept
  CHECK(written.find(R"("b": 2,)") < written.find(R"("a": 1)"));
  CHECK(read_feed(written) == c);
}

TEST_CASE("An item with both content_html and content_text keeps both", "[jsonfeed]") {
  const Collection c = read_feed(feed_with("", R"({"id":"1","content_html":"<p>Hi</p>","content_text":"Hi"})"));
  const Article& a = article_of(c.items[0]);
  CHECK(a.content == Text("<p>Hi</p>", TextType::html));
  CHECK(a.extensions == Extensions{{"content_text", "\"Hi\""}});
  const json doc = json::parse(write_jsonfeed(c));
  CHECK(doc["items"][0]["content_html"] == "<p>Hi</p>");
  CHECK(doc["items"][0]["content_text"] == "Hi");
  CHECK_FALSE(doc["items"][0].contains("_hrnews"));
  CHECK(read_feed(write_jsonfeed(c)) == c);
  // content_text alone is a plain text
  CHECK(article_of(read_feed(feed_with("", R"({"id":"1","content_text":"<p>"})")).items[0]).content == Text("<p>"));
}

TEST_CASE("The JSON Feed version member decides the source format", "[jsonfeed]") {
  auto version = [](const std::string& member) {
    return read_feed("{" + member + R"("title":"T","items":[]})");
  };
  CHECK(version(R"("version":"https://jsonfeed.org/version/1",)").feed.source_format == "jsonfeed-1.0");
  CHECK(version(R"("version":"https://jsonfeed.org/version/1.1",)").feed.source_format == "jsonfeed-1.1");
  CHECK(version(R"("version":"https://jsonfeed.org/version/1",)").diagnostics.empty());
  Collection c = version(R"("version":"http://jsonfeed.org/version/1/",)");
  CHECK(c.feed.source_format == "jsonfeed-1.0");
  CHECK(describe_all(c) == std::vector<std::string>{
                               "1:12 warning version-variant /version: version \"http://jsonfeed.org/version/1/\" "
                               "read as https://jsonfeed.org/version/1"});
  c = version(R"("version":"1.1",)");
  CHECK(c.feed.source_format == "jsonfeed-1.1");
  CHECK(describe_all(c) == std::vector<std::string>{
                               "1:12 warning version-unknown /version: unknown JSON Feed version \"1.1\"; read as 1.1"});
  c = version(R"("version":1.1,)");
  CHECK(describe_all(c) ==
        std::vector<std::string>{"1:12 warning wrong-type /version: expected a string, found a number; ignored"});
  c = version("");
  CHECK(c.feed.source_format == "jsonfeed-1.1");
  CHECK(describe_all(c) == std::vector<std::string>{
                               "-:- warning version-missing: no \"version\" member; read as JSON Feed 1.1"});
}

TEST_CASE("Authors: 1.1 authors win over 1.0 author, and an object where a list belongs is one author", "[jsonfeed]") {
  Collection c = read_feed(feed_with(R"("author":{"name":"Old"},"authors":[{"name":"New"}])",
                                R"({"id":"1","content_text":"","author":{"name":"Old"},"authors":[{"name":"New"}]})"));
  CHECK(c.feed.publishers.size() == 1);
  CHECK(c.feed.publishers[0].name == "New");
  CHECK(article_of(c.items[0]).authors == std::vector<Person>{Person{"New", "", ""}});
  CHECK(c.diagnostics.empty());
  c = read_feed(feed_with("", R"({"id":"1","content_text":"","authors":{"name":"One"}})"));
  CHECK(article_of(c.items[0]).authors == std::vector<Person>{Person{"One", "", ""}});
  CHECK(describe_all(c) == std::vector<std::string>{
                               "1:106 warning wrong-type /items/0/authors: expected an array, found an object; read as "
                               "one author"});
  // an author with nothing but an avatar is no author
  c = read_feed(feed_with("", R"({"id":"1","content_text":"","authors":[{"avatar":"a.png"}]})"));
  CHECK(article_of(c.items[0]).authors.empty());
}

TEST_CASE("JSON Feed hubs, expiry and the user comment are kept", "[jsonfeed]") {
  const Collection c = read_feed(feed_with(R"("expired":true,"user_comment":"hi","hubs":[{"type":"rssCloud","url":"https://c.example/"},{"type":"WebSub"},5])", ""));
  Link cloud = make_link("https://c.example/", "hub");
  cloud.title = "rssCloud";
  CHECK(c.feed.links == std::vector<Link>{cloud});
  CHECK(c.feed.extensions == Extensions{{"expired", "true"}, {"user_comment", "\"hi\""}});
  CHECK(describe_all(c) == std::vector<std::string>{
                               "1:149 warning hub-no-url /hubs/1: hub has no \"url\"; ignored",
                               "1:167 warning wrong-type /hubs/2: expected an object, found a number; ignored"});
  const json doc = json::parse(write_jsonfeed(c));
  CHECK(doc["expired"] == true);
  CHECK(doc["user_comment"] == "hi");
  CHECK(doc["hubs"] == json::parse(R"([{"type":"rssCloud","url":"https://c.example/"}])"));
}

TEST_CASE("null members of a JSON Feed are absent, without a diagnostic", "[jsonfeed]") {
  const Collection c = read_feed(feed_with(R"("home_page_url":null,"description":null,"authors":null,"_hrnews":null)",
                                      R"({"id":"1","title":null,"content_text":null,"date_published":null,"tags":null,"_hrnews":null})"));
  CHECK(c.diagnostics.empty());
  CHECK(c.feed.url.empty());
  CHECK_FALSE(c.feed.subtitle);
  CHECK_FALSE(article_of(c.items[0]).content);
  CHECK_FALSE(article_of(c.items[0]).published);
}

// ---------------------------------------------------------------------------
// Errors and repairs of the input

TEST_CASE("A JSON Feed without items, or whose items are not a list, cannot be read", "[jsonfeed]") {
  CHECK_THROWS_WITH(read_feed(R"({"version":"https://jsonfeed.org/version/1.1","title":"T"})", "f.json"),
                    "f.json: jsonfeed: missing required member \"items\"");
  CHECK_THROWS_WITH(read_feed(R"({"version":"https://jsonfeed.org/version/1.1","title":"T","items":null})", "f.json"),
                    "f.json: jsonfeed: missing required member \"items\"");
  CHECK_THROWS_WITH(read_feed("{\"title\":\"T\",\n \"items\":{}}", "f.json"),
                    "f.json:2:10: jsonfeed: /items: expected an array, found an object");
  CHECK_THROWS_WITH(read_feed(R"([{"title":"T"}])", "f.json"), "f.json: jsonfeed: expected an object (a JSON Feed)");
  CHECK_THROWS_WITH(read_feed(R"("feed")", "f.json"), "f.json: jsonfeed: expected an object (a JSON Feed)");
  // a feed without a title is read, with a warning
  const Collection c = read_feed(R"({"version":"https://jsonfeed.org/version/1.1","items":[]})");
  CHECK(describe_all(c) == std::vector<std::string>{"-:- warning title-missing: feed has no \"title\""});
}

TEST_CASE("JSON Feed syntax errors give line and column", "[jsonfeed]") {
  CHECK_THROWS_WITH(read_feed(R"({"version": "https://jsonfeed.org/version/1.1",)", "bad.json"),
                    "bad.json:1:48: jsonfeed: syntax error: unexpected end of input");
  CHECK_THROWS_WITH(read_feed("{\"title\": \"T\"\n  \"items\": []}", "bad.json"),
                    "bad.json:2:3: jsonfeed: syntax error: unexpected string literal");
  CHECK_THROWS_WITH(read_feed("{\"title\": \"T\",\n  \"items\": [,]}", "bad.json"),
                    "bad.json:2:13: jsonfeed: syntax error: unexpected ','");
  CHECK_THROWS_WITH(read_feed("{\"title\": tru}", "bad.json"), "bad.json:1:14: jsonfeed: syntax error: invalid literal");
  CHECK_THROWS_WITH(read_feed("{\"title\": \"T\", \"items\": []} x", "bad.json"),
                    "bad.json:1:29: jsonfeed: syntax error: invalid literal");
  CHECK_THROWS_WITH(read_feed("", "empty.json"), "empty.json:1:1: jsonfeed: syntax error: unexpected end of input");
  // an unterminated string is reported as such, not "repaired"
  CHECK_THROWS_WITH(read_feed("{\"title\": \"T\n", "bad.json"),
                    "bad.json:1:13: jsonfeed: syntax error: invalid string: control character U+000A (LF) must be "
                    "escaped to \\u000A or \\n");
  try {
    read_feed("{\n  \"title\": \"T\",\n  x\n}");
    FAIL("no error");
  } catch (const ParseError& e) {
    CHECK(e.format() == "jsonfeed");
    CHECK(e.line() == 3);
    CHECK(e.column() == 3);
    CHECK(e.offset() == std::optional<std::size_t>(20));
    CHECK(e.message() == "syntax error: invalid literal");
  }
}

TEST_CASE("Invalid UTF-8 and raw control characters in a JSON Feed are repaired and reported where they are", "[jsonfeed]") {
  const std::string text = "{\"version\":\"https://jsonfeed.org/version/1.1\",\n\"title\":\"Caf\xE9 \xFF\",\n"
                           "\"items\":[{\"id\":\"1\",\"content_text\":\"line 1\nline\t2\x01\"}]}";
  const Collection c = read_feed(text, "f.json");
  CHECK(c.feed.title == Text("Caf\xEF\xBF\xBD \xEF\xBF\xBD"));
  CHECK(article_of(c.items[0]).content == Text("line 1\nline\t2"));
  CHECK(describe_all(c) == std::vector<std::string>{
                               "2:13 warning invalid-utf8: invalid UTF-8 replaced by U+FFFD (2 sequences)",
                               "3:42 warning control-character: raw control characters escaped or removed (3)"});
  // positions after a repair are those of the input
  const std::string later = "{\"title\":\"\xFF\xFF\xFF\",\"language\":1,\"items\":[]}";
  CHECK(describe_all(read_feed(later)) ==
        std::vector<std::string>{"1:11 warning invalid-utf8: invalid UTF-8 replaced by U+FFFD (3 sequences)",
                                 "1:27 warning wrong-type /language: expected a string, found a number; ignored",
                                 "-:- warning version-missing: no \"version\" member; read as JSON Feed 1.1"});
  // a syntax error after a repair is located in the input too
  CHECK_THROWS_WITH(read_feed("{\"title\":\"a\tb\",\n \"items\":[}", "f.json"),
                    "f.json:2:11: jsonfeed: syntax error: unexpected '}'");
}

TEST_CASE("A byte-order mark before a JSON Feed is skipped with a note", "[jsonfeed]") {
  const Collection c = read_feed("\xEF\xBB\xBF" + feed_with("", ""));
  CHECK(c.feed.title == Text("T"));
  CHECK(describe_all(c) == std::vector<std::string>{"1:1 info byte-order-mark: UTF-8 byte-order mark ignored"});
}

TEST_CASE("Strict mode turns the first JSON Feed repair into an error with its line and column", "[jsonfeed]") {
  ReadOptions strict = plain_options("s.json");
  strict.strict = true;
  CHECK_THROWS_WITH(read_jsonfeed(fixture("messy.json"), strict),
                    "s.json:2:14: jsonfeed: /version: unknown JSON Feed version \"https://jsonfeed.org/version/2\"; "
                    "read as 1.1 (strict mode)");
  CHECK_THROWS_WITH(read_jsonfeed(feed_with("", "{\"id\":\"1\",\n\"date_published\":\"someday\"}"), strict),
                    "s.json:2:18: jsonfeed: /items/0/date_published: \"someday\" is not a date; dropped (strict mode)");
  CHECK_THROWS_WITH(read_jsonfeed("{\"title\":\"\xFF\",\"items\":[]}", strict),
                    "s.json:1:11: jsonfeed: invalid UTF-8 replaced by U+FFFD (1 sequence) (strict mode)");
  // notes are not repairs: strict mode reads them
  const Collection c = read_jsonfeed(feed_with("", R"({"content_text":"x","colour":"red"})"), strict);
  CHECK(c.diagnostics.size() == 2);  // member-unknown and id-derived, both info
  CHECK(read_jsonfeed(fixture("feed-1.0.json"), strict) == read_feed(fixture("feed-1.0.json")));
}

TEST_CASE("JSON Feed reading respects the limits on input size, nesting, items and string length", "[jsonfeed]") {
  ReadOptions options = plain_options("l.json");
  const std::string three = feed_with("", R"({"id":"1"},{"id":"2"},{"id":"3"})");
  options.limits.max_input_bytes = three.size() - 1;
  CHECK_THROWS_WITH(read_jsonfeed(three, options), "l.json: jsonfeed: input is " + std::to_string(three.size()) +
                                                       " bytes, over the limit of " +
                                                       std::to_string(three.size() - 1) + " bytes");
  options = plain_options("l.json");
  options.limits.max_items = 3;
  CHECK(read_jsonfeed(three, options).items.size() == 3);
  options.limits.max_items = 2;
  CHECK_THROWS_WITH(read_jsonfeed(three, options), "l.json:1:90: jsonfeed: /items/2: more than 2 items (limit max_items)");
  options = plain_options("l.json");
  CHECK_THROWS_WITH(read_jsonfeed(feed_with(R"("_x":)" + std::string(100000, '['), ""), options),
                    "l.json:1:319: jsonfeed: nesting is over the limit of 256 levels");
  options.limits.max_depth = 4;  // the feed, items, an item, and one more
  CHECK(read_jsonfeed(feed_with("", R"({"id":"1","_x":[1]})"), options).items.size() == 1);
  CHECK_THROWS_WITH(read_jsonfeed(feed_with("", R"({"id":"1","_x":[[1]]})"), options),
                    "l.json:1:84: jsonfeed: nesting is over the limit of 4 levels");
  options = plain_options("l.json");
  options.limits.max_string_bytes = 40;  // the version URL is 32 bytes
  CHECK(read_jsonfeed(feed_with("", R"({"id":"0123456789012345678901234567890123456789"})"), options).items.size() == 1);
  CHECK_THROWS_WITH(read_jsonfeed(feed_with("", R"({"id":"01234567890123456789012345678901234567890"})"), options),
                    "l.json: jsonfeed: string is 41 bytes, over the limit of 40 bytes");
  // hostile input ends in a clean error
  CHECK_THROWS_AS(read_jsonfeed(std::string(100000, '['), options), ParseError);
  CHECK_THROWS_AS(read_jsonfeed(std::string(100000, '{'), options), ParseError);
  CHECK_THROWS_AS(read_jsonfeed(std::string("\0\0\0\0", 4), options), ParseError);
}

TEST_CASE("The caller's date hook is tried first for JSON Feed dates, and every date keeps its raw text", "[jsonfeed]") {
  ReadOptions options = plain_options();
  options.date_hook = [](std::string_view text) -> std::optional<Timestamp> {
    if (text == "Wednesday 18 November 2015") {
      return Timestamp::from_fields(2015, 11, 18, 0, 0, 0, 0, std::nullopt, Precision::day, 0, std::string(text));
    }
    return std::nullopt;
  };
  const Collection c = read_jsonfeed(
      feed_with("", R"({"id":"1","date_published":"Wednesday 18 November 2015","date_modified":"2015-11-19T10:00:00.5+01:00"})"),
      options);
  const Article& a = article_of(c.items[0]);
  REQUIRE(a.published);
  CHECK(a.published->raw() == "Wednesday 18 November 2015");
  CHECK(a.published->to_rfc3339() == "2015-11-18");
  REQUIRE(a.updated);
  CHECK(a.updated->precision() == Precision::fraction);
  CHECK(c.diagnostics.empty());
}

TEST_CASE("try_read_jsonfeed returns the error instead of throwing it", "[jsonfeed]") {
  const Result<Collection> bad = try_read_jsonfeed("{", plain_options("x.json"));
  REQUIRE_FALSE(bad);
  REQUIRE(bad.error() != nullptr);
  CHECK(std::string(bad.error()->what()) == "x.json:1:2: jsonfeed: syntax error: unexpected end of input");
  const Result<Collection> good = try_read_jsonfeed(fixture("feed-1.1.json"));
  REQUIRE(good);
  CHECK(good.value().items.size() == 2);
}

TEST_CASE("JSON Feed items that are not objects are skipped, and derived ids name the right item", "[jsonfeed]") {
  const Collection c = read_feed(feed_with("", R"(1,{"url":"https://ex.org/a","content_text":""},null,{"title":"B","content_text":""})"));
  REQUIRE(c.items.size() == 2);
  CHECK(article_of(c.items[0]).id == "https://ex.org/a");
  std::vector<std::string> paths;
  for (const Diagnostic& d : c.diagnostics) paths.push_back(d.code + " " + d.path);
  CHECK(paths == std::vector<std::string>{"wrong-type /items/0", "id-derived /items/1", "wrong-type /items/2",
                                          "id-derived /items/3"});
}

// ---------------------------------------------------------------------------
// Writing

TEST_CASE("A plain collection is written as JSON Feed with standard members only", "[jsonfeed]") {
  const std::string written = write_jsonfeed(plain_collection());
  CHECK(written == R"({
  "version": "https://jsonfeed.org/version/1.1",
  "title": "OMCT - Latest news",
  "home_page_url": "https://www.omct.org/en/",
  "feed_url": "https://www.omct.org/en/feed.json",
  "description": "World Organisation Against Torture",
  "icon": "https://www.omct.org/icon.png",
  "authors": [
    {
      "name": "OMCT",
      "url": "https://www.omct.org/"
    }
  ],
  "language": "en",
  "items": [
    {
      "id": "urn:omct:2015:aze-001",
      "url": "https://www.omct.org/en/aze-001",
      "title": "Azerbaijan: Release of Mr. Arif Yunusov",
      "content_html": "<p>The Observatory <b>welcomes</b> the release.</p>",
      "summary": "The Observatory welcomes the release.",
      "date_published": "2015-11-13T00:00:00+01:00",
      "authors": [
        {
          "name": "OMCT",
          "url": "https://www.omct.org/"
        }
      ],
      "tags": [
        "Human Rights Defenders",
        "Azerbaijan"
      ],
      "language": "en",
      "attachments": [
        {
          "url": "https://www.omct.org/files/aze.pdf",
          "mime_type": "application/pdf",
          "title": "Appeal",
          "size_in_bytes": 1234
        }
      ]
    }
  ]
}
)");
  CHECK(read_feed(written) == plain_collection());
  WriteOptions compact;
  compact.pretty = false;
  const std::string one_line = write_jsonfeed(plain_collection(), compact);
  CHECK(one_line.find('\n') == one_line.size() - 1);
  CHECK(json::parse(one_line) == json::parse(written));
}

TEST_CASE("The _hrnews object holds exactly what the standard members cannot", "[jsonfeed]") {
  const Collection c = full_collection();
  const std::string written = write_jsonfeed(c);
  const json doc = json::parse(written);
  // the feed: what JSON Feed has no member for, and what its members would say otherwise
  CHECK(doc["title"] == "OMCT news");  // plain text for plain readers
  const json& top = doc["_hrnews"];
  CHECK(top["feed"] == json::parse(R"({
    "id": "tag:omct.org,2015:feed",
    "title": {"type": "html", "value": "<b>OMCT</b> news"},
    "links": [{"href": "https://www.omct.org/en/feed.json", "rel": "self"},
              {"href": "https://www.omct.org/en/", "rel": "alternate"},
              {"href": "https://www.omct.org/en/feed.json?page=2", "rel": "next"}],
    "updated": "2015-11-26T09:30:00+01:00", "updated_raw": "Thu, 26 Nov 2015 09:30:00 +0100",
    "generator": "hrnews", "rights": "© OMCT", "source_format": "rss-2.0",
    "{http://example.org/ns}x": "y"})"));
  CHECK(top["campaigns"][0]["id"] == "stand4hrd");
  CHECK(top["schemes"][0]["id"] == "theme");
  CHECK(top["diagnostics"][0]["code"] == "date-unparsed");
  CHECK(top["x_collection"] == json::parse("[1,2,3]"));
  CHECK(doc["_feed_x"] == json::parse(R"({"b":1,"a":[true,null]})"));
  CHECK(doc["next_url"] == "https://www.omct.org/en/feed.json?page=2");

  // the intervention
  const json& item = doc["items"][1];
  CHECK(item["title"] == "Azerbaijan: Measure of restraint changed");
  CHECK(item["content_html"] == "<p>Body</p>");
  CHECK(item["summary"] == "Release");
  CHECK(item["external_url"] == "https://www.fidh.org/aze");
  CHECK(item["date_published"] == "2015-11-13T00:00:00+01:00");
  CHECK(item["authors"] == json::parse(R"([{"name":"Observatory"},{"url":"https://www.fidh.org/"}])"));
  CHECK(item["tags"] == json::parse(R"(["Human Rights Defenders","Urgent Interventions"])"));
  CHECK(item["attachments"] == json::parse(R"([{"url":"https://www.omct.org/files/aze.pdf","mime_type":"application/octet-stream"}])"));
  CHECK(item["_source"] == json::parse(R"({"feed":"partner","rank":3})"));
  // members in the canonical order
  const nlohmann::ordered_json ordered = nlohmann::ordered_json::parse(written);
  std::vector<std::string> keys;
  for (auto it = ordered["items"][1]["_hrnews"].begin(); it != ordered["items"][1]["_hrnews"].end(); ++it) {
    keys.push_back(it.key());
  }
  CHECK(keys == std::vector<std::string>{"kind", "links", "title", "summary", "content", "published_raw",
                                         "authors", "publishers", "categories", "subjects", "countries", "regions",
                                         "geo", "campaigns", "related", "attachments", "rights", "dateline", "event",
                                         "case_ref", "intervention_type", "status", "victims", "violations",
                                         "requested_actions", "addressees", "deadline", "follows",
                                         "x_internal_ref"});
  CHECK(item["_hrnews"]["kind"] == "intervention");
  CHECK(item["_hrnews"]["content"] == json::parse(R"({"type":"xhtml","value":"<p>Body</p>"})"));
  CHECK(item["_hrnews"]["case_ref"]["raw"] == "AZE 001 / 0815 / OBS 070.1");
  // an article with nothing but an id: an empty text content for JSON Feed, absent for hrnews
  const json& bare = doc["items"][2];
  CHECK(bare == json::parse(R"({"id":"urn:omct:2015:bare","content_text":"","_hrnews":{"content":null}})"));
  // the plain article needs nothing
  CHECK_FALSE(doc["items"][0].contains("_hrnews"));

  const Collection back = read_feed(written);
  CHECK(hrnews_test::first_difference(c, back).empty());
  CHECK(back == c);
  WriteOptions compact;
  compact.pretty = false;
  CHECK(read_feed(write_jsonfeed(c, compact)) == c);
}

TEST_CASE("An item without an id is written to JSON Feed with its derived id", "[jsonfeed]") {
  Collection c;
  Article a;
  a.url = "https://ex.org/a";
  a.title = "A";
  c.items.push_back(a);
  const json doc = json::parse(write_jsonfeed(c));
  CHECK(doc["items"][0]["id"] == "https://ex.org/a");
  CHECK_FALSE(doc["items"][0]["_hrnews"].contains("id"));
  const Collection back = read_feed(doc.dump());
  CHECK(article_of(back.items[0]).id == "https://ex.org/a");
}

TEST_CASE("A bad member of _hrnews is a diagnostic and the rest of it still applies", "[jsonfeed]") {
  const Collection c = read_feed(feed_with(
      R"("_hrnews":{"feed":{"generator":"g","updated":"not a date"},"campaigns":[{"name":"no id"},{"id":"c1"}],"x":1})",
      R"({"id":"1","content_text":"","_hrnews":{"kind":"intervention","intervention_type":"urgent","countries":["AZ"],"geo":{"lat":"north"}}})"));
  CHECK(c.feed.generator == "g");
  CHECK_FALSE(c.feed.updated);
  REQUIRE(c.campaigns.size() == 1);
  CHECK(c.campaigns[0].id == "c1");
  CHECK(c.extensions == Extensions{{"x", "1"}});
  REQUIRE(c.items.size() == 1);
  REQUIRE(kind_of(c.items[0]) == ItemKind::intervention);
  const Intervention& iv = std::get<Intervention>(c.items[0]);
  CHECK(iv.intervention_type == InterventionType::urgent_appeal);
  CHECK(iv.countries == std::vector<std::string>{"AZ"});
  CHECK_FALSE(iv.geo);
  CHECK(describe_all(c) ==
        std::vector<std::string>{
            "1:104 warning hrnews-invalid /_hrnews/feed/updated: _hrnews: \"not a date\" is not a valid date; member "
            "ignored",
            "1:131 warning hrnews-invalid /_hrnews/campaigns/0: _hrnews: missing required member \"id\"; ignored",
            "1:258 warning hrnews-invalid /items/0/_hrnews/intervention_type: _hrnews: unknown value \"urgent\"; member "
            "ignored",
            "1:299 warning hrnews-invalid /items/0/_hrnews/geo/lat: _hrnews: expected a number; member ignored"});
}

TEST_CASE("A feed read from JSON Feed is written back with _hrnews only for what it cannot say", "[jsonfeed]") {
  // the synthetic benchmark feed: nothing at all
  Collection c = read_feed(fixture("gen-feed-20.json"));
  CHECK(c.items.size() == 20);
  CHECK(c.diagnostics.empty());
  CHECK(article_of(c.items[0]).categories.size() >= 3);
  std::string written = write_jsonfeed(c);
  CHECK(written.find("_hrnews") == std::string::npos);
  CHECK(read_feed(written) == c);
  // a 1.0 feed written as 1.1 remembers what it was read from
  c = read_feed(fixture("feed-1.0.json"));
  written = write_jsonfeed(c);
  json doc = json::parse(written);
  CHECK(doc["_hrnews"] == json::parse(R"({"feed":{"source_format":"jsonfeed-1.0"}})"));
  for (const json& item : doc["items"]) CHECK_FALSE(item.contains("_hrnews"));
  CHECK(doc["items"][0]["content_text"] == "The Observatory welcomes the release of Mr. Arif Yunusov.");
  CHECK(read_feed(written) == c);
  // the diagnostics of the read, and a date whose raw text RFC 3339 cannot keep
  c = read_feed(fixture("feed-1.1.json"));
  written = write_jsonfeed(c);
  doc = json::parse(written);
  CHECK(doc["_hrnews"].size() == 1);
  CHECK(doc["_hrnews"]["diagnostics"][0]["code"] == "member-ignored");
  CHECK_FALSE(doc["items"][0].contains("_hrnews"));
  CHECK(doc["items"][1]["date_published"] == "2015-11-26T09:30:00+01:00");
  CHECK(doc["items"][1]["_hrnews"] == json::parse(R"({"published_raw":"Thu, 26 Nov 2015 09:30:00 +0100"})"));
  CHECK(read_feed(written) == c);
  for (const char* name : {"gen-feed-20.json", "feed-1.0.json", "feed-1.1.json", "messy.json"}) {
    INFO(name);
    c = read_feed(fixture(name));
    written = write_jsonfeed(c);
    CHECK(spec_problem(written).empty());
    CHECK(read_feed(written) == c);
  }
}

TEST_CASE("A classified JSON Feed survives a round trip with classification on", "[jsonfeed]") {
  for (const char* name : {"gen-feed-20.json", "feed-1.0.json", "feed-1.1.json", "messy.json"}) {
    INFO(name);
    const Collection c = read_jsonfeed(fixture(name));  // default options: classify on
    const Collection back = read_jsonfeed(write_jsonfeed(c));
    CHECK(hrnews_test::first_difference(c, back).empty());
    CHECK(back == c);
  }
}

TEST_CASE("Written feeds follow the JSON Feed 1.1 specification", "[jsonfeed]") {
  CHECK(spec_problem(write_jsonfeed(Collection())) == "");
  CHECK(spec_problem(write_jsonfeed(plain_collection())) == "");
  CHECK(spec_problem(write_jsonfeed(full_collection())) == "");
  WriteOptions compact;
  compact.pretty = false;
  std::size_t checked = 0;
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    hrnews_test::RandomModel gen(0x6a736f6e66656564ULL + seed);
    const Collection c = gen.collection();
    const std::string problem = spec_problem(write_jsonfeed(c, seed % 2 ? compact : WriteOptions()));
    if (!problem.empty()) FAIL_CHECK("seed " << seed << ": " << problem);
    ++checked;
  }
  CHECK(checked == 300);
}

TEST_CASE("Random collections survive JSON Feed round trips", "[jsonfeed]") {
  const std::uint64_t only_seed = env_number("HRNEWS_ROUNDTRIP_SEED", 0);
  const std::uint64_t count = only_seed ? 1 : env_number("HRNEWS_ROUNDTRIP_COUNT", 1000);
  constexpr std::uint64_t base_seed = 0x68726e6577730000ULL;  // the seeds of the canonical round trips
  WriteOptions compact;
  compact.pretty = false;
  ReadOptions options;
  options.classify = false;
  std::size_t trips = 0, items = 0, failures = 0;
  const auto start = std::chrono::steady_clock::now();
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::uint64_t seed = only_seed ? only_seed : base_seed + i;
    hrnews_test::RandomModel gen(seed);
    const Collection c = gen.collection();
    items += c.items.size();
    for (const WriteOptions& w : {WriteOptions(), compact}) {
      ++trips;
      std::string text;
      try {
        text = write_jsonfeed(c, w);
        const Collection back = read_jsonfeed(text, options);
        if (back != c) {
          ++failures;
          FAIL_CHECK("seed " << seed << " (HRNEWS_ROUNDTRIP_SEED=" << seed << ", " << (w.pretty ? "pretty" : "compact")
                             << "): " << hrnews_test::first_difference(c, back));
        }
      } catch (const std::exception& e) {
        ++failures;
        FAIL_CHECK("seed " << seed << ": " << e.what());
      }
      if (failures > 10) break;
    }
    if (failures > 10) break;
  }
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  std::cout << "randomized round trips: jsonfeed " << trips << " (" << count << " collections, " << items
            << " items, " << ms << " ms), failures: " << failures << std::endl;
  CHECK(failures == 0);
}

TEST_CASE("jsonfeed is a registered format, detected from its version URL", "[jsonfeed]") {
  bool found = false;
  for (const FormatInfo& f : formats()) {
    if (f.id == "jsonfeed") {
      found = true;
      CHECK(f.can_read);
      CHECK(f.can_write);
    }
  }
  CHECK(found);
  const std::string text = fixture("feed-1.0.json");
  CHECK(detect_format(text) == "jsonfeed");
  ReadOptions options = plain_options();
  CHECK(hrnews::read(text, {}, options) == read_feed(text));
  CHECK(hrnews::write(plain_collection(), "jsonfeed") == write_jsonfeed(plain_collection()));
  CHECK(detect_format(write_jsonfeed(full_collection())) == "jsonfeed");
}
