// SPDX-License-Identifier: Apache-2.0
// The Atom format (hrnews/atom.hpp): Atom 1.0 and 0.3 read element by element
// from the fixtures in tests/data/atom/, every diagnostic with its code and
// message, the writer's standard elements and RFC 4287 fallbacks, randomized
// round trips, and the documents tests/atom.cmake validates with jing.
//
// Environment:
//   HRNEWS_ROUNDTRIP_COUNT=N   number of random collections (default 2000)
//   HRNEWS_ROUNDTRIP_SEED=N    run the randomized round trip for this one seed only
//   HRNEWS_ATOM_OUT=DIR        [atom-out] writes its documents into DIR
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include <hrnews/atom.hpp>
#include <hrnews/io.hpp>
#include <hrnews/json.hpp>

#include "random_model.hpp"
#include "test_support.hpp"

using namespace hrnews;
using hrnews_test::first_difference;
using hrnews_test::RandomModel;

namespace {

std::string fixture(const std::string& name) {
  const std::string path = std::string(HRNEWS_TEST_DATA_DIR) + "/atom/" + name;
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

ReadOptions plain(const std::string& file = {}) {
  ReadOptions o;
  o.file_name = file;
  o.classify = false;
  return o;
}

Collection read_fixture(const std::string& name, ReadOptions options = plain()) {
  options.file_name = name;
  return read_atom(fixture(name), options);
}

/// A feed with an author around `entries` (Atom 1.0).
std::string feed_with(const std::string& entries, const std::string& feed_attributes = {}) {
  return "<feed xmlns=\"http://www.w3.org/2005/Atom\"" + feed_attributes +
         "><id>urn:t</id><title>t</title><updated>2015-11-26T09:30:00Z</updated><author><name>a</name></author>" +
         entries + "</feed>";
}

Timestamp ts(std::string_view text) {
  auto t = Timestamp::parse(text);
  REQUIRE(t);
  return *t;
}


using hrnews_test::env_number;

/// The rules RFC 4287's grammar states in Schematron, as XPath on a document
/// whose Atom elements are unprefixed (as the writer makes them). Returns the
/// broken rule, or empty.
std::string schematron_violation(const std::string& xml) {
  pugi::xml_document doc;
  if (!doc.load_string(xml.c_str())) return "not well-formed";
  const pugi::xml_node feed = doc.child("feed");
  if (!feed) return "no feed";
  if (!feed.select_node("self::node()[author or not(entry[not(author)])]")) return "feed-author";
  for (const pugi::xpath_node& e : feed.select_nodes("entry")) {
    if (!e.node().select_node("self::node()[link[@rel='alternate'] or link[not(@rel)] or content]"))
      return "entry-link";
    if (!e.node().select_node("self::node()[author or ../author or source/author]")) return "entry-author";
  }
  return {};
}

constexpr std::uint64_t base_seed = 0x61746f6d00000000ULL;  // "atom\0\0\0\0"

}  // namespace

// ---------------------------------------------------------------------------
// Reading Atom 1.0 and 0.3

TEST_CASE("An Atom 1.0 feed is read element by element", "[atom]") {
  const Collection c = read_fixture("full-1.0.atom");
  CHECK(c.diagnostics.empty());
  const Feed& f = c.feed;
  CHECK(f.source_format == "atom-1.0");
  CHECK(f.id == "tag:omct.org,2015:feed");
  CHECK(f.title == Text("OMCT - Latest news"));
  CHECK(f.subtitle == Text("The <b>World Organisation</b> Against Torture", TextType::html));
  CHECK(f.url == "https://www.omct.org/en/");  // the first alternate link of an HTML type
  REQUIRE(f.links.size() == 2);
  CHECK(f.links[0] == Link{"https://www.omct.org/en/feed.atom", "self", "application/atom+xml", "", "", {}});
  CHECK(f.links[1] == Link{"https://www.omct.org/fr/", "alternate", "text/html", "fr", "Français", {}});
  CHECK(f.language == "en");
  CHECK(f.updated == ts("2015-11-26T09:30:00+01:00"));
  REQUIRE(f.publishers.size() == 2);
  CHECK(f.publishers[0] == Party{PartyKind::organisation, "World Organisation Against Torture", "author", "",
                                 "omct@omct.org", "https://www.omct.org/"});
  CHECK(f.publishers[1] == Party{PartyKind::person, "Observatory", "contributor", "", "", ""});
  CHECK(f.generator == "ExampleCMS 2.1");
  CHECK(f.rights == Text("© 2015 OMCT"));
  CHECK(f.icon == "https://www.omct.org/favicon.ico");
  // icon and logo both given: the logo is kept as an extension
  CHECK(f.extensions.at("{http://www.w3.org/2005/Atom}logo") ==
        R"("<logo xmlns=\"http://www.w3.org/2005/Atom\">https://www.omct.org/logo.png</logo>")");

  REQUIRE(c.items.size() == 2);
  const Article& a = article_of(c.items[0]);
  CHECK(kind_of(c.items[0]) == ItemKind::article);
  CHECK(a.id == "https://www.omct.org/en/resources/urgent-interventions/aze-001-0815-obs-070-1");
  CHECK(a.url == "https://www.omct.org/en/resources/urgent-interventions/aze-001-0815-obs-070-1");
  REQUIRE(a.links.size() == 2);
  CHECK(a.links[0] == Link{"https://www.omct.org/fr/aze-001", "alternate", "text/html", "fr", "En français", {}});
  CHECK(a.links[1] == Link{"https://www.omct.org/en/campaigns/10-december-10-defenders", "related", "", "", "", {}});
  REQUIRE(a.attachments.size() == 1);
  CHECK(a.attachments[0] == Attachment{"https://www.omct.org/files/aze-001.pdf", "application/pdf", 123456, "The appeal"});
  CHECK(a.title == Text("Azerbaijan: Measure of restraint against Mr. Arif Yunusov changed"));
  CHECK(a.published == ts("2015-11-13T00:00:00+01:00"));
  CHECK(a.updated == ts("2015-11-14T10:15:30Z"));
  CHECK(a.language == "en");  // inherited from <feed xml:lang>
  REQUIRE(a.authors.size() == 2);
  CHECK(a.authors[0] == Person{"Observatory for the Protection of Human Rights Defenders", "obs@omct.org",
                               "https://www.omct.org/en/observatory"});
  CHECK(a.authors[1] == Person{"FIDH", "", ""});
  REQUIRE(a.publishers.size() == 1);
  CHECK(a.publishers[0] == Party{PartyKind::person, "Delphine Reculeau", "contributor", "", "dr@omct.org", ""});
  REQUIRE(a.categories.size() == 2);
  CHECK(a.categories[0] ==
        Category{"Human Rights Defenders", "https://www.omct.org/en/programmes", "Human rights defenders"});
  CHECK(a.categories[1] == Category{"Azerbaijan", "", ""});
  CHECK(a.summary == Text("The Observatory welcomes this long-awaited decision."));
  CHECK(a.content ==
        Text("<p>The Observatory <a href=\"https://www.omct.org/\">welcomes</a> this decision.</p>", TextType::html));
  CHECK(a.rights == Text("CC BY 4.0"));
  CHECK(a.extensions.empty());

  const Article& b = article_of(c.items[1]);
  CHECK(b.language == "fr");
  CHECK(b.title == Text("France : <em>déclaration</em>", TextType::html));
  // the alternate of an HTML (or unstated) type is the URL, even when a PDF alternate comes first
  CHECK(b.url == "https://www.omct.org/fr/a");
  REQUIRE(b.links.size() == 1);
  CHECK(b.links[0] == Link{"https://www.omct.org/fr/a.pdf", "alternate", "application/pdf", "", "", {}});
  CHECK(b.updated == ts("2015-11-10"));
  CHECK_FALSE(b.published);
}

TEST_CASE("Atom 0.3 elements are read under their Atom 1.0 names", "[atom]") {
  const Collection c = read_fixture("atom-0.3.atom");
  CHECK(c.diagnostics.empty());
  const Feed& f = c.feed;
  CHECK(f.source_format == "atom-0.3");
  CHECK(f.title == Text("OMCT &lt;news&gt;", TextType::html));  // mode="escaped" type="text/html"
  CHECK(f.subtitle == Text("Against torture"));                   // tagline
  CHECK(f.url == "https://www.omct.org/");
  CHECK(f.id == "tag:omct.org,2005:feed");
  CHECK(f.updated == ts("2005-11-26T09:30:00Z"));  // modified
  CHECK(f.rights == Text("Copyright 2005 OMCT"));  // copyright
  CHECK(f.generator == "Blogware 0.9");
  REQUIRE(f.publishers.size() == 1);
  CHECK(f.publishers[0] ==
        Party{PartyKind::organisation, "OMCT", "author", "", "omct@omct.org", "https://www.omct.org/"});  // url → uri
  CHECK(f.extensions.count("{http://purl.org/atom/ns#}info") == 1);

  REQUIRE(c.items.size() == 3);
  const Article& a = article_of(c.items[0]);
  CHECK(a.published == ts("2005-11-20T08:00:00+01:00"));  // issued
  CHECK(a.updated == ts("2005-11-21T08:00:00Z"));         // modified
  // created is kept when issued says when it was published
  CHECK(a.extensions.at("{http://purl.org/atom/ns#}created") ==
        R"("<created xmlns=\"http://purl.org/atom/ns#\">2005-11-19T08:00:00Z</created>")");
  CHECK(a.authors == std::vector<Person>{{"Observatory", "", "https://www.omct.org/obs"}});
  CHECK(a.publishers == std::vector<Party>{{PartyKind::person, "A. Lawyer", "contributor", "", "", ""}});
  CHECK(a.summary == Text("Release him now"));
  CHECK(a.content == Text("<p>Please <b>write</b> to the authorities.</p>", TextType::xhtml));  // mode="xml"

  const Article& b = article_of(c.items[1]);
  CHECK(b.published == ts("2005-11-22"));  // created, when there is no issued
  CHECK(b.content == Text("<p>Escaped &amp; HTML</p>", TextType::html));

  const Article& d = article_of(c.items[2]);
  CHECK(d.content == Text("<p>Base 64 été</p>", TextType::html));  // mode="base64" type="text/html"
}

TEST_CASE("Text constructs keep their type: text, html and xhtml", "[atom]") {
  const Collection c = read_fixture("text-constructs.atom");
  REQUIRE(c.items.size() == 5);
  const Article& a = article_of(c.items[0]);
  CHECK(a.title == Text("Less < than & more"));  // trimmed, unescaped
  CHECK(a.summary == Text("<p>CDATA <b>html</b></p>", TextType::html));
  // xhtml: the inner XML of the xhtml:div
  CHECK(a.content == Text("<p>Hello <b>world</b>, <a href=\"https://example.org/x\">link</a><br/>end</p>",
                          TextType::xhtml));
  const Article& b = article_of(c.items[1]);
  // a prefixed xhtml:div reads like an unprefixed one
  CHECK(b.title == Text("Prefixed <em>xhtml</em> div", TextType::xhtml));
  // foreign markup inside XHTML keeps the declarations it needs
  CHECK(b.rights == Text("No div<span xmlns:m=\"urn:m\" m:x=\"1\">!</span>", TextType::xhtml));
  const Article& d = article_of(c.items[3]);
  CHECK(d.content == Text("a,b\n1,2"));  // any other text/* type is plain text
  const Article& e = article_of(c.items[4]);
  CHECK_FALSE(e.content);  // out-of-line content becomes a link
  CHECK(e.links == std::vector<Link>{{"https://example.org/report.pdf", "content", "application/pdf", "", "", {}}});
}

TEST_CASE("Text constructs that break the rules are repaired and reported", "[atom]") {
  const Collection c = read_fixture("text-constructs.atom");
  const Article& a = article_of(c.items[2]);
  CHECK(a.title == Text("Unescaped <b>markup</b> in a title", TextType::html));
  CHECK(a.summary == Text("<p>no div</p>", TextType::xhtml));
  CHECK(a.content == Text("<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"1\"/></svg>"));
  CHECK(a.rights == Text("*rights*"));
  REQUIRE(c.diagnostics.size() == 4);
  CHECK(c.diagnostics[0] == Diagnostic{Severity::warning, "markup-unescaped",
                                       "<title> holds unescaped markup; read as HTML", 27, 5, "/items/2/title"});
  CHECK(c.diagnostics[1] ==
        Diagnostic{Severity::warning, "atom-xhtml-div-missing",
                   "<summary type=\"xhtml\"> does not hold exactly one xhtml:div; its content was kept as XHTML", 28, 5,
                   "/items/2/summary"});
  CHECK(c.diagnostics[2] == Diagnostic{Severity::warning, "atom-content-xml",
                                       "inline content of type \"image/svg+xml\" was kept as text", 29, 5,
                                       "/items/2/content"});
  CHECK(c.diagnostics[3] == Diagnostic{Severity::warning, "atom-text-type-unknown",
                                       "unknown text type \"markdown\" in <rights>; read as text", 30, 5,
                                       "/items/2/rights"});
}

TEST_CASE("An unknown Atom 0.3 mode is read as escaped text and reported", "[atom]") {
  const std::string doc =
      "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>t</title>"
      "<entry><id>urn:x</id><title>x</title><content mode=\"weird\" type=\"text/html\">&lt;p&gt;x&lt;/p&gt;</content>"
      "</entry></feed>";
  const Collection c = read_atom(doc, plain());
  CHECK(article_of(c.items[0]).content == Text("<p>x</p>", TextType::html));
  REQUIRE(c.diagnostics.size() == 1);
  CHECK(c.diagnostics[0].code == "atom-text-type-unknown");
  CHECK(c.diagnostics[0].message == "unknown mode \"weird\" in <content>; read as escaped text");
  CHECK(c.diagnostics[0].path == "/items/0/content");
}

TEST_CASE("Base64 content is decoded when it is text and kept as an attachment otherwise", "[atom]") {
  const Collection c = read_fixture("base64.atom");
  REQUIRE(c.items.size() == 5);
  CHECK_FALSE(article_of(c.items[0]).content);
  CHECK(article_of(c.items[0]).attachments ==
        std::vector<Attachment>{{"data:image/png;base64,iVBORw0KGgoAAAAN", "image/png", {}, {}}});
  CHECK(article_of(c.items[1]).content == Text("Hello, world"));
  CHECK(article_of(c.items[2]).content == Text("not*base64!"));  // not base64: kept as it is
  CHECK(article_of(c.items[3]).attachments ==
        std::vector<Attachment>{{"data:application/octet-stream;base64,@@@", "application/octet-stream", {}, {}}});
  CHECK(article_of(c.items[4]).content == Text("\xEF\xBF\xBDt\xEF\xBF\xBD"));  // Latin-1 bytes replaced
  REQUIRE(c.diagnostics.size() == 3);
  CHECK(c.diagnostics[0] ==
        Diagnostic{Severity::warning, "atom-base64-invalid",
                   "the base64 content of <content> is not valid base64; kept as text", 24, 5, "/items/2/content"});
  CHECK(c.diagnostics[1] ==
        Diagnostic{Severity::warning, "atom-base64-invalid",
                   "the base64 content of <content> is not valid base64; kept as it is", 30, 5, "/items/3/content"});
  CHECK(c.diagnostics[2] == Diagnostic{Severity::warning, "invalid-utf8",
                                       "the base64 content of <content> is not valid UTF-8 text; bad bytes replaced",
                                       36, 5, "/items/4/content"});
}

TEST_CASE("Relative URLs resolve against nested xml:base, then the feed's alternate link", "[atom]") {
  const Collection c = read_fixture("xml-base.atom");
  CHECK(c.diagnostics.empty());
  CHECK(c.feed.url == "https://www.omct.org/en/");
  CHECK(c.feed.links == std::vector<Link>{{"https://www.omct.org/en/feed.atom", "self", "", "", "", {}}});
  CHECK(c.feed.icon == "https://www.omct.org/favicon.ico");
  CHECK(c.feed.publishers.at(0).uri == "https://www.omct.org/en/about");
  const Article& a = article_of(c.items.at(0));
  CHECK(a.url == "https://www.omct.org/en/resources/statements/one");
  // href and src inside HTML content, quoted or not; absolute and mailto: references untouched
  CHECK(a.content == Text("<a href=\"https://www.omct.org/fr/deux\">deux</a> "
                          "<img src='https://www.omct.org/img/x.png' alt=x> "
                          "<a href=\"https://www.omct.org/en/#top\">top</a> <a href=\"mailto:a@b.org\">mail</a>",
                          TextType::html));
  const Article& b = article_of(c.items.at(1));
  CHECK(b.url == "https://example.org/a/b/c");
  CHECK(b.attachments.at(0).url == "https://example.org/a/b/files/report.pdf");
  CHECK(b.authors.at(0).uri == "https://example.org/people/x");
  CHECK(b.summary == Text("<a href=\"https://example.org/a/d/e\">e</a><img src=\"https://example.org/a/d/f.png\"/>",
                          TextType::xhtml));
}

TEST_CASE("Without xml:base or a feed link, the caller's base URL resolves relative URLs", "[atom]") {
  ReadOptions with_base = plain();
  with_base.base_url = "https://example.org/base/";
  const Collection c = read_fixture("no-base.atom", with_base);
  CHECK(article_of(c.items.at(0)).url == "https://example.org/en/one");
  CHECK(article_of(c.items.at(0)).summary == Text("<a href=\"https://example.org/base/two\">two</a>", TextType::html));
  // no base at all: references stay as written
  const Collection d = read_fixture("no-base.atom");
  CHECK(article_of(d.items.at(0)).url == "/en/one");
  CHECK(article_of(d.items.at(0)).summary == Text("<a href=\"two\">two</a>", TextType::html));
}

TEST_CASE("Dates keep their form, and bad ones are reported and never replaced by now", "[atom]") {
  const Collection c = read_fixture("bad-dates.atom");
  CHECK_FALSE(c.feed.updated);
  REQUIRE(c.items.size() == 3);
  CHECK(article_of(c.items[0]).published == ts("2015-11"));
  CHECK(article_of(c.items[0]).published->precision() == Precision::month);
  CHECK(article_of(c.items[0]).updated == ts("2015-11-26"));  // surrounding white space ignored
  CHECK(article_of(c.items[1]).published == ts("Thu, 26 Nov 2015 09:30:00 +0100"));
  CHECK(article_of(c.items[1]).published->raw() == "Thu, 26 Nov 2015 09:30:00 +0100");
  CHECK(article_of(c.items[1]).updated->raw() == "26 novembre 2015");
  CHECK_FALSE(article_of(c.items[2]).published);
  CHECK_FALSE(article_of(c.items[2]).updated);
  REQUIRE(c.diagnostics.size() == 3);
  CHECK(c.diagnostics[0] == Diagnostic{Severity::warning, "date-unparsed", "\"yesterday\" is not a date; dropped", 6,
                                       3, "/feed/updated"});
  CHECK(c.diagnostics[1] == Diagnostic{Severity::warning, "date-unparsed",
                                       "\"2015-13-45T99:00:00Z\" is not a date; dropped", 26, 5, "/items/2/published"});
  CHECK(c.diagnostics[2] ==
        Diagnostic{Severity::warning, "date-unparsed", "\"\" is not a date; dropped", 27, 5, "/items/2/updated"});
  CHECK(format_diagnostic(c.diagnostics[0], "bad-dates.atom") ==
        "bad-dates.atom:6:3: warning: /feed/updated: \"yesterday\" is not a date; dropped [date-unparsed]");
}

TEST_CASE("The date hook is tried first", "[atom]") {
  ReadOptions options = plain();
  options.date_hook = [](std::string_view text) -> std::optional<Timestamp> {
    if (text == "yesterday") return Timestamp::parse("2015-11-25");
    return std::nullopt;
  };
  const Collection c = read_fixture("bad-dates.atom", options);
  CHECK(c.feed.updated == ts("2015-11-25"));
  CHECK(c.diagnostics.size() == 2);
}

TEST_CASE("Dates written alike in several elements are each read, each reported and each given to the date hook",
          "[atom]") {
  const std::string doc =
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title><id>urn:f</id>\n"
      "<updated>2015-11-26T09:30:00Z</updated>\n"
      "<entry><id>urn:a</id><title>A</title>\n"
      "<published>2015-11-26T09:30:00Z</published><updated>2015-11-26T09:30:00Z</updated></entry>\n"
      "<entry><id>urn:b</id><title>B</title>\n"
      "<published>2015-11-26T10:30:00+01:00</published><updated>2015-11-26T09:30:00Z</updated></entry>\n"
      "<entry><id>urn:c</id><title>C</title>\n"
      "<published>soon</published><updated>soon</updated></entry>\n"
      "</feed>\n";
  const Collection c = read_atom(doc, plain());
  REQUIRE(c.items.size() == 3);
  CHECK(c.feed.updated == ts("2015-11-26T09:30:00Z"));
  CHECK(article_of(c.items[0]).published == ts("2015-11-26T09:30:00Z"));
  CHECK(article_of(c.items[0]).updated == ts("2015-11-26T09:30:00Z"));
  CHECK(article_of(c.items[1]).published == ts("2015-11-26T10:30:00+01:00"));
  CHECK(article_of(c.items[1]).published->raw() == "2015-11-26T10:30:00+01:00");
  CHECK(article_of(c.items[1]).updated->raw() == "2015-11-26T09:30:00Z");
  CHECK_FALSE(article_of(c.items[2]).published);
  CHECK_FALSE(article_of(c.items[2]).updated);
  REQUIRE(c.diagnostics.size() == 2);
  CHECK(c.diagnostics[0] ==
        Diagnostic{Severity::warning, "date-unparsed", "\"soon\" is not a date; dropped", 8, 1, "/items/2/published"});
  CHECK(c.diagnostics[1] ==
        Diagnostic{Severity::warning, "date-unparsed", "\"soon\" is not a date; dropped", 8, 28, "/items/2/updated"});
  // The hook sees every date, however many are written alike.
  std::vector<std::string> seen;
  ReadOptions hooked = plain();
  hooked.date_hook = [&seen](std::string_view text) -> std::optional<Timestamp> {
    seen.emplace_back(text);
    return std::nullopt;
  };
  CHECK(read_atom(doc, hooked) == c);
  CHECK(seen == std::vector<std::string>{"2015-11-26T09:30:00Z", "2015-11-26T09:30:00Z", "2015-11-26T09:30:00Z",
                                         "2015-11-26T10:30:00+01:00", "2015-11-26T09:30:00Z", "soon", "soon"});
}

TEST_CASE("Entries without an id get a derived, stable one", "[atom]") {
  const Collection c = read_fixture("missing-ids.atom");
  REQUIRE(c.items.size() == 4);
  CHECK(article_of(c.items[0]).id == "https://www.omct.org/en/one");  // its URL
  CHECK(article_of(c.items[1]).id == "urn:hrnews:item:5dc8f1eaf4e9a0b2");  // title + date
  CHECK(article_of(c.items[2]).id == "urn:hrnews:item:e70ce8b07eacc99c");  // a blank id is no id
  CHECK(article_of(c.items[3]).id == "urn:a");                            // the first of two
  CHECK(article_of(c.items[3]).title == Text("Two ids"));
  CHECK(read_fixture("missing-ids.atom") == c);  // stable
  REQUIRE(c.diagnostics.size() == 5);
  CHECK(c.diagnostics[0] == Diagnostic{Severity::warning, "atom-duplicate-element",
                                       "a second <id> in <entry> was ignored", 24, 5, "/items/3/id"});
  CHECK(c.diagnostics[1] == Diagnostic{Severity::warning, "atom-duplicate-element",
                                       "a second <title> in <entry> was ignored", 26, 5, "/items/3/title"});
  CHECK(c.diagnostics[2] == Diagnostic{Severity::info, "id-derived",
                                       "item has no id; using \"https://www.omct.org/en/one\"", {}, {}, "/items/0"});
  CHECK(c.diagnostics[4].message == "item has no id; using \"urn:hrnews:item:e70ce8b07eacc99c\"");
}

TEST_CASE("Foreign elements are kept as extensions and written back", "[atom]") {
  const Collection c = read_fixture("foreign.atom");
  CHECK(c.diagnostics.empty());
  CHECK(c.feed.extensions.at("{urn:example:x}channel-note") ==
        R"("<x:channel-note lang=\"en\" xmlns:x=\"urn:example:x\">Feed <x:b>level</x:b></x:channel-note>")");
  CHECK(c.feed.extensions.at("{http://www.w3.org/2005/Atom}category") ==
        R"("<category term=\"feed-level\" xmlns=\"http://www.w3.org/2005/Atom\"/>")");
  const Article& a = article_of(c.items.at(0));
  CHECK(a.extensions.at("{http://purl.org/syndication/thread/1.0}total") ==
        R"("<thr:total xmlns:thr=\"http://purl.org/syndication/thread/1.0\">3</thr:total>")");
  // two elements of the same name share one entry, in document order
  CHECK(a.extensions.at("{urn:example:x}tag") ==
        R"("<x:tag xmlns:x=\"urn:example:x\">one</x:tag><x:tag xmlns:x=\"urn:example:x\">two</x:tag>")");
  CHECK(a.extensions.at("{urn:example:y}z") == R"("<y:z xmlns:y=\"urn:example:y\" a=\"1\"/>")");
  CHECK(a.extensions.count("{http://www.w3.org/2005/Atom}shiny") == 1);
  // atom:source is kept whole, as an extension (it is written back as atom:source)
  const std::string& source = a.extensions.at("{http://www.w3.org/2005/Atom}source");
  CHECK(source.rfind(R"("<source xmlns=\"http://www.w3.org/2005/Atom\">)", 0) == 0);
  CHECK(source.find("<id>urn:origin</id>") != std::string::npos);

  const std::string written = write_atom(c);
  CHECK(written.find("<thr:total xmlns:thr=\"http://purl.org/syndication/thread/1.0\"") != std::string::npos);
  CHECK(written.find("<x:tag xmlns:x=\"urn:example:x\"") != std::string::npos);
  // (the white space between the source's children is kept as read)
  CHECK(written.find("<source xmlns=\"http://www.w3.org/2005/Atom\">") != std::string::npos);
  CHECK(written.find("<id>urn:origin</id>") != std::string::npos);
  // an Atom element RFC 4287 does not define cannot go out as itself: it goes through hr:extension
  CHECK(written.find("<hr:extension name=\"{http://www.w3.org/2005/Atom}shiny\">") != std::string::npos);
  const Collection back = read_atom(written, plain());
  CHECK(first_difference(c, back).empty());
  CHECK(back == c);
}

TEST_CASE("Namespaces are matched by URI, not by prefix, and URI variants are accepted", "[atom]") {
  const Collection c = read_fixture("namespaces.atom");
  CHECK(c.feed.source_format == "atom-1.0");
  CHECK(c.feed.title == Text("Prefixed Atom"));
  // an unprefixed <title> in another namespace is not Atom's
  CHECK(c.feed.extensions.count("{urn:example:default}title") == 1);
  const Article& a = article_of(c.items.at(0));
  CHECK(a.authors == std::vector<Person>{{"Jane Doe", "", ""}});  // dublin:creator
  CHECK(a.language == "es");
  REQUIRE(c.diagnostics.size() == 2);
  CHECK(c.diagnostics[0] == Diagnostic{Severity::warning, "namespace-variant",
                                       "namespace \"https://www.w3.org/2005/Atom/\" read as \"http://www.w3.org/2005/Atom\"",
                                       3, 1, ""});
  CHECK(c.diagnostics[1].message ==
        "namespace \"http://purl.org/dc/elements/1.1\" read as \"http://purl.org/dc/elements/1.1/\"");
}

TEST_CASE("An undeclared well-known prefix is read as its usual namespace", "[atom]") {
  const Collection c = read_atom(
      feed_with("<entry><id>urn:e</id><title>e</title><content>c</content><dc:creator>Jane</dc:creator></entry>"),
      plain());
  CHECK(article_of(c.items.at(0)).authors == std::vector<Person>{{"Jane", "", ""}});
  REQUIRE(c.diagnostics.size() == 1);
  CHECK(c.diagnostics[0].severity == Severity::warning);
  CHECK(c.diagnostics[0].code == "namespace-undeclared");
  CHECK(c.diagnostics[0].message == "prefix \"dc\" is not declared; read as \"http://purl.org/dc/elements/1.1/\"");
}

TEST_CASE("Elements kept from a namespace URI variant are written back without a new diagnostic", "[atom]") {
  // dc:format is not understood, so it is kept; its namespace is a variant spelling of Dublin Core
  const Collection c = read_atom(
      feed_with("<entry><id>urn:e</id><title>e</title><content>c</content><dc:format>text/html</dc:format>"
                "<x:note xmlns:x=\"urn:x\" xmlns:a=\"https://www.w3.org/2005/Atom/\">n</x:note></entry>",
                " xmlns:dc=\"http://purl.org/dc/elements/1.1\""),
      plain());
  REQUIRE(c.diagnostics.size() == 2);  // the Dublin Core variant, and the Atom one declared on x:note
  CHECK(c.diagnostics[0].code == "namespace-variant");
  CHECK(c.diagnostics[1].code == "namespace-variant");
  // kept under, and declaring, the canonical URI: written back as themselves, read again without a new diagnostic
  CHECK(article_of(c.items.at(0)).extensions.count("{http://purl.org/dc/elements/1.1/}format") == 1);
  const std::string x = write_atom(c);
  CHECK(x.find("<dc:format xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns=\"\">text/html</dc:format>") != std::string::npos);
  CHECK(x.find("<x:note xmlns:x=\"urn:x\" xmlns:a=\"http://www.w3.org/2005/Atom\" xmlns=\"\">n</x:note>") !=
        std::string::npos);
  const Collection back = read_atom(x, plain());
  CHECK(first_difference(c, back).empty());
  CHECK(back == c);
}

TEST_CASE("A feed without a namespace is read as Atom, with a diagnostic", "[atom]") {
  const Collection c = read_fixture("no-namespace.atom");
  CHECK(c.feed.source_format == "atom-0.3");
  CHECK(c.feed.title == Text("No namespace"));
  CHECK(c.feed.updated == ts("2005-11-26T09:30:00Z"));
  CHECK(article_of(c.items.at(0)).published == ts("2005-11-26T09:30:00Z"));
  REQUIRE(c.diagnostics.size() == 1);
  CHECK(c.diagnostics[0] == Diagnostic{Severity::warning, "atom-namespace-missing",
                                       "<feed> has no Atom namespace; read as Atom 0.3", 3, 1, ""});
  const Collection d = read_atom("<feed><title>x</title></feed>", plain());
  CHECK(d.feed.source_format == "atom-1.0");
  CHECK(d.diagnostics.at(0).message == "<feed> has no Atom namespace; read as Atom 1.0");
}

TEST_CASE("Strict mode turns a repair into an error", "[atom]") {
  ReadOptions strict = plain("no-namespace.atom");
  strict.strict = true;
  try {
    read_atom(fixture("no-namespace.atom"), strict);
    FAIL("no error");
  } catch (const ParseError& e) {
    CHECK(std::string(e.what()) ==
          "no-namespace.atom:3:1: atom: <feed> has no Atom namespace; read as Atom 0.3 (strict mode)");
  }
  // a document that needs no repair reads the same in strict mode
  ReadOptions strict_clean = plain();
  strict_clean.strict = true;
  CHECK(read_atom(fixture("full-1.0.atom"), strict_clean) == read_fixture("full-1.0.atom"));
}

TEST_CASE("Dublin Core, Media RSS and GeoRSS in entries are read as in RSS", "[atom]") {
  const Collection c = read_fixture("extensions.atom");
  CHECK(c.feed.language == "fr");
  CHECK(c.feed.rights == Text("Domaine public"));
  CHECK(c.feed.publishers == std::vector<Party>{{PartyKind::organisation, "OMCT", "publisher", "", "", ""}});
  REQUIRE(c.items.size() == 4);
  const Article& a = article_of(c.items[0]);
  CHECK(a.authors == std::vector<Person>{{"Jane Doe", "", ""}});
  CHECK(a.published == ts("2015-11-20"));
  CHECK(a.updated == ts("2015-11-21T10:00:00Z"));
  CHECK(a.categories == std::vector<Category>{{"Torture", "", ""}, {"Mexico", "dc:coverage", ""}});
  CHECK(a.language == "es");
  CHECK(a.rights == Text("CC0"));
  CHECK(a.publishers == std::vector<Party>{{PartyKind::organisation, "FIDH", "publisher", "", "", ""}});
  CHECK(a.geo == GeoPoint{46.2044, 6.1432});
  // not understood (as in RSS): kept
  CHECK(a.extensions.count("{http://purl.org/dc/elements/1.1/}format") == 1);
  CHECK(a.extensions.at("{http://purl.org/dc/elements/1.1/}contributor") ==
        R"("<dc:contributor xmlns:dc=\"http://purl.org/dc/elements/1.1/\">John Roe</dc:contributor>")");

  const Article& b = article_of(c.items[1]);
  // the enclosure link and the media:content naming the same file are one attachment
  CHECK(b.attachments == std::vector<Attachment>{{"https://example.org/video.mp4", "video/mp4", 1000, "The video"},
                                                 {"https://example.org/video.webm", "video/webm", {}, ""}});
  CHECK(b.links == std::vector<Link>{{"thumb.jpg", "thumbnail", "", "", "", {}}});
  CHECK(b.categories == std::vector<Category>{{"hr", "urn:iptc", "Human rights"}});
  CHECK(b.geo == GeoPoint{-12.5, 130.25});  // georss:where / gml:pos
  CHECK(article_of(c.items[2]).geo == GeoPoint{48.85, 2.35});  // geo:lat / geo:long
  CHECK_FALSE(article_of(c.items[3]).geo);
  CHECK(article_of(c.items[3]).links.at(0).length == std::nullopt);

  REQUIRE(c.diagnostics.size() == 3);
  CHECK(c.diagnostics[0] == Diagnostic{Severity::warning, "length-invalid",
                                       "<media:content> fileSize \"12 MB\" is not a number; ignored", 37, 7,
                                       "/items/1/attachments"});
  CHECK(c.diagnostics[1] == Diagnostic{Severity::warning, "length-invalid",
                                       "<link> length \"big\" is not a number; ignored", 56, 5, "/items/3/links"});
  CHECK(c.diagnostics[2] == Diagnostic{Severity::warning, "geo-invalid",
                                       "\"north pole\" is not a point (lat lon); dropped", 55, 5, "/items/3/geo"});
}

TEST_CASE("A georss:where without a point is reported", "[atom]") {
  const Collection c = read_atom(
      feed_with("<entry><id>urn:e</id><title>e</title><link href=\"x\"/><updated>2015-11-26T09:30:00Z</updated>"
                "<where xmlns=\"http://www.georss.org/georss\"><Envelope xmlns=\"http://www.opengis.net/gml\"/>"
                "</where></entry>"),
      plain());
  CHECK_FALSE(article_of(c.items.at(0)).geo);
  REQUIRE(c.diagnostics.size() == 1);
  CHECK(c.diagnostics[0].code == "geo-invalid");
  CHECK(c.diagnostics[0].message == "<georss:where> holds no gml:pos; dropped");
  CHECK(c.diagnostics[0].path == "/items/0/geo");
}

TEST_CASE("An Atom entry document is read as a collection of one item", "[atom]") {
  const Collection c = read_fixture("entry-document.atom");
  CHECK(c.feed.source_format == "atom-1.0");
  CHECK(c.feed.title.empty());
  REQUIRE(c.items.size() == 1);
  CHECK(article_of(c.items[0]).id == "urn:test:entry-doc");
  CHECK(article_of(c.items[0]).language == "en");
  CHECK(article_of(c.items[0]).authors.size() == 1);
}

TEST_CASE("Documents that are not Atom are refused with their place", "[atom]") {
  try {
    read_atom(fixture("not-atom.xml"), plain("not-atom.xml"));
    FAIL("no error");
  } catch (const ParseError& e) {
    CHECK(std::string(e.what()) == "not-atom.xml:2:1: atom: the root element is <rss>, not an Atom <feed> or <entry>");
    CHECK(e.format() == "atom");
    CHECK(e.line() == 2);
    CHECK(e.column() == 1);
  }
  const Result<Collection> r = try_read_atom(fixture("other-namespace.xml"), plain("other-namespace.xml"));
  REQUIRE_FALSE(r.ok());
  CHECK(std::string(r.error()->what()) ==
        "other-namespace.xml:2:1: atom: <feed> is in the namespace \"urn:example:not-atom\", not in an Atom namespace");
  // what XML repairs cannot save (detail::load_xml's messages)
  const Result<Collection> broken = try_read_atom("hello world", plain("broken.atom"));
  REQUIRE_FALSE(broken.ok());
  CHECK(std::string(broken.error()->what()) == "broken.atom: atom: not an XML document");
  CHECK(try_read_atom("", plain()).error() != nullptr);
  // while a wrong end tag is one of the repairs
  const Collection repaired =
      read_atom("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</titel></feed>", plain("repaired.atom"));
  CHECK(repaired.feed.title == Text("x"));
  CHECK(repaired.diagnostics.at(0).code == "mismatched-end-tag");
}

TEST_CASE("Limits on entries and nesting are errors naming the limit", "[atom]") {
  ReadOptions few = plain("many.atom");
  few.limits.max_items = 2;
  const std::string entry = "<entry><id>urn:e</id><title>e</title><content>c</content></entry>";
  try {
    read_atom(feed_with(entry + entry + entry), few);
    FAIL("no error");
  } catch (const ParseError& e) {
    CHECK(e.message() == "more than 2 items (limit max_items)");
  }
  ReadOptions shallow = plain();
  shallow.limits.max_depth = 8;
  std::string deep;
  for (int i = 0; i < 12; ++i) deep += "<span>";
  deep += "x";
  for (int i = 0; i < 12; ++i) deep += "</span>";
  const Result<Collection> r = try_read_atom(
      feed_with("<entry><id>urn:e</id><title>e</title><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">" +
                deep + "</div></content></entry>"),
      shallow);
  REQUIRE_FALSE(r.ok());  // by load_xml or by the XHTML reader
  CHECK(r.error()->message().find("8") != std::string::npos);
}

TEST_CASE("Problems inside the hrnews extension are reported", "[atom]") {
  const Collection c = read_atom(
      feed_with("<entry><id>urn:e</id><title>e</title><content>c</content><hr:geo lat=\"north\" lon=\"1\"/></entry>",
                " xmlns:hr=\"urn:hrnews:feed-extension:1.0\""),
      plain());
  CHECK_FALSE(article_of(c.items.at(0)).geo);
  REQUIRE(c.diagnostics.size() == 1);
  CHECK(c.diagnostics[0].code == "extension-invalid");
  CHECK(c.diagnostics[0].path == "/items/0");
  CHECK(c.diagnostics[0].line == 1);
}

TEST_CASE("The registry reads, writes and detects atom", "[atom]") {
  bool listed = false;
  for (const FormatInfo& f : formats()) {
    if (f.id == "atom") listed = f.can_read && f.can_write;
  }
  CHECK(listed);
  const std::string bytes = fixture("full-1.0.atom");
  CHECK(detect_format(bytes) == "atom");
  CHECK(detect_format(fixture("atom-0.3.atom")) == "atom");
  ReadOptions options = plain();
  const Collection c = read(bytes, {}, options);
  CHECK(c.feed.source_format == "atom-1.0");
  CHECK(write(c, "atom") == write_atom(c));
}

// ---------------------------------------------------------------------------
// Writing

TEST_CASE("Written Atom puts standard things in their standard places", "[atom]") {
  Collection c;
  c.feed.id = "urn:feed";
  c.feed.title = "OMCT";
  c.feed.url = "https://www.omct.org/";
  c.feed.language = "en";
  c.feed.updated = ts("2015-11-26T09:30:00Z");
  c.feed.generator = "hrnews";
  c.feed.icon = "https://www.omct.org/favicon.ico";
  c.feed.publishers.push_back(Party{PartyKind::organisation, "OMCT", "author", "", "omct@omct.org", ""});
  Article a;
  a.id = "urn:item";
  a.url = "https://www.omct.org/item";
  a.title = Text("A <b>bold</b> title", TextType::html);
  a.summary = Text("<p>Hello <b>world</b></p>", TextType::xhtml);
  a.published = ts("2015-11-13T10:00:00+01:00");
  a.updated = ts("2015-11-14T10:00:00+01:00");
  a.language = "fr";
  a.authors.push_back(Person{"Jane", "jane@example.org", "https://example.org/jane"});
  a.categories.push_back(Category{"Torture", "https://www.omct.org/themes", "Torture"});
  a.attachments.push_back(Attachment{"https://www.omct.org/a.pdf", "application/pdf", 1234, "Appeal"});
  a.links.push_back(Link{"https://www.omct.org/fr/item", "alternate", "text/html", "fr", "FR", {}});
  a.geo = GeoPoint{46.5, 6.25};
  c.items.push_back(a);
  WriteOptions compact;
  compact.pretty = false;
  const std::string x = write_atom(c, compact);
  INFO(x);
  CHECK(x.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"", 0) == 0);
  CHECK(x.find("<id>urn:feed</id><title>OMCT</title><link rel=\"alternate\" href=\"https://www.omct.org/\"/>"
               "<updated>2015-11-26T09:30:00Z</updated><author><name>OMCT</name><email>omct@omct.org</email></author>"
               "<generator>hrnews</generator><icon>https://www.omct.org/favicon.ico</icon>") != std::string::npos);
  CHECK(x.find("<entry xml:lang=\"fr\"><id>urn:item</id><title type=\"html\">A &lt;b&gt;bold&lt;/b&gt; title</title>"
               "<link rel=\"alternate\" href=\"https://www.omct.org/item\"/>"
               "<link href=\"https://www.omct.org/fr/item\" rel=\"alternate\" type=\"text/html\" hreflang=\"fr\" title=\"FR\"/>"
               "<link href=\"https://www.omct.org/a.pdf\" rel=\"enclosure\" type=\"application/pdf\" title=\"Appeal\" length=\"1234\"/>"
               "<published>2015-11-13T10:00:00+01:00</published><updated>2015-11-14T10:00:00+01:00</updated>"
               "<author><name>Jane</name><email>jane@example.org</email><uri>https://example.org/jane</uri></author>"
               "<category term=\"Torture\" scheme=\"https://www.omct.org/themes\" label=\"Torture\"/>"
               "<summary type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hello <b>world</b></p></div></summary>"
               "<georss:point>46.5 6.25</georss:point>") != std::string::npos);
  // everything above is native: the only hr element left says where the model came from
  CHECK(x.find("<hr:source-format/>") != std::string::npos);
  CHECK(x.find("<hr:", x.find("<entry")) == std::string::npos);
  CHECK(read_atom(x, plain()) == c);
}

TEST_CASE("Written Atom has the elements RFC 4287 requires, with stable fallbacks", "[atom]") {
  Collection c;  // no feed id, title, updated or author; entries without updated, link or content
  Article a;
  a.id = "urn:a";
  a.title = "Only a title";
  Article b;
  b.id = "urn:b";
  b.summary = Text("A summary");
  b.published = ts("2015-11");
  c.items.push_back(a);
  c.items.push_back(b);
  WriteOptions compact;
  compact.pretty = false;
  const std::string x = write_atom(c, compact);
  INFO(x);
  CHECK(x.find("<id>urn:hrnews:feed:cbf29ce484222325</id><title/><updated>2015-11-01T00:00:00Z</updated>"
               "<author><name>unknown</name></author><hr:id/><hr:updated nil=\"true\"/><hr:publishers/>") !=
        std::string::npos);
  // entry a: updated from the feed, an empty content for the entry-link rule
  CHECK(x.find("<entry><id>urn:a</id><title>Only a title</title><updated>2015-11-01T00:00:00Z</updated>"
               "<content/><hr:content nil=\"true\"/><hr:updated nil=\"true\"/></entry>") != std::string::npos);
  // entry b: updated := published; the summary stands in for the content
  CHECK(x.find("<entry><id>urn:b</id><title/><published>2015-11-01T00:00:00Z</published>"
               "<updated>2015-11-01T00:00:00Z</updated><summary>A summary</summary><content>A summary</content>") !=
        std::string::npos);
  CHECK(schematron_violation(x).empty());
  const Collection back = read_atom(x, plain());
  CHECK(first_difference(c, back).empty());
  CHECK(back == c);
  CHECK(write_atom(c, compact) == x);  // deterministic
}

TEST_CASE("Values Atom cannot hold natively are carried by the hrnews extension", "[atom]") {
  Collection c;
  c.feed.title = "t";
  Article a;
  a.id = "urn:a";
  a.url = "https://example.org/a";
  a.title = Text("<p>not well-formed", TextType::xhtml);   // written as escaped HTML, type restored
  a.published = ts("2015-11-26T09:30:00-13:30");          // an offset jing refuses: written in UTC
  a.updated = ts("2015-11-26T09:30:00");                  // no zone: written with Z
  a.language = "not a tag";                               // not a language tag: no xml:lang
  a.authors.push_back(Person{"x", "not-an-address", ""}); // not an e-mail address: no <email>
  a.links.push_back(Link{"https://example.org/l", "related", "no slash", "??", "", {}});
  Intervention iv(a);
  iv.case_ref = CaseReference::parse("AZE 001 / 0815 / OBS 070.1");
  iv.victims.push_back(Victim{"Arif Yunusov", "human rights defender", "", "male", "detained"});
  c.items.push_back(iv);
  WriteOptions compact;
  compact.pretty = false;
  const std::string x = write_atom(c, compact);
  INFO(x);
  CHECK(x.find("<title type=\"html\">&lt;p&gt;not well-formed</title>") != std::string::npos);
  CHECK(x.find("<published>2015-11-26T23:00:00Z</published>") != std::string::npos);
  CHECK(x.find("<updated>2015-11-26T09:30:00Z</updated>") != std::string::npos);
  CHECK(x.find("<hr:published>2015-11-26T09:30:00-13:30</hr:published>") != std::string::npos);
  CHECK(x.find("xml:lang") == std::string::npos);
  CHECK(x.find("<email>") == std::string::npos);
  CHECK(x.find("<link href=\"https://example.org/l\" rel=\"related\"/>") != std::string::npos);
  CHECK(x.find("<hr:intervention type=\"urgent-appeal\">") != std::string::npos);
  const Collection back = read_atom(x, plain());
  CHECK(first_difference(c, back).empty());
  CHECK(back == c);
}

TEST_CASE("Written Atom is well-formed whatever the model holds", "[atom]") {
  Collection c;
  c.feed.title = std::string("control \x01 and bad \xFF UTF-8 and ]]> and \r\n");
  c.feed.extensions["{urn:x}bad"] = R"("<x:bad xmlns:x=\"urn:x\" a=\"1\" a=\"2\"/>")";  // duplicate attribute
  c.feed.extensions["{urn:x}undeclared"] = R"("<x:undeclared xmlns:x=\"urn:x\" y:a=\"1\"/>")";
  c.feed.extensions["{}noname"] = R"("<noname/>")";
  c.feed.extensions["plain"] = "[1,2]";
  Article a;
  a.id = std::string("id with \x02 and \xC0\x80");
  a.title = Text("<a><b></a>", TextType::xhtml);
  a.content = Text("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", TextType::xhtml);  // not XHTML: escaped
  a.extensions["{http://www.w3.org/2005/Atom}source"] = R"("<source xmlns=\"http://www.w3.org/2005/Atom\"><bogus/></source>")";
  // markup nested far deeper than a reader's max_depth: written escaped, never as markup
  std::string deep;
  for (int i = 0; i < 20000; ++i) deep += "<span>";
  for (int i = 0; i < 20000; ++i) deep += "</span>";
  a.summary = Text(deep, TextType::xhtml);
  std::string deep_ext;
  for (int i = 0; i < 5000; ++i) deep_ext += "<x:a xmlns:x=\\\"urn:x\\\">";
  for (int i = 0; i < 5000; ++i) deep_ext += "</x:a>";
  a.extensions["{urn:x}a"] = "\"" + deep_ext + "\"";
  c.items.push_back(a);
  const std::string x = write_atom(c);
  INFO(x);
  pugi::xml_document doc;
  REQUIRE(doc.load_string(x.c_str()));
  CHECK(x.find("<source") == std::string::npos);  // an invalid atom:source goes through hr:extension
  CHECK(x.find("<x:bad") == std::string::npos);  // not namespace-well-formed: kept in hr:extension
  CHECK(schematron_violation(x).empty());
  const Collection back = read_atom(x, plain());
  CHECK(first_difference(c, back).empty());
  CHECK(back == c);
}

TEST_CASE("Random collections survive a round trip through Atom", "[atom]") {
  const std::uint64_t only = env_number("HRNEWS_ROUNDTRIP_SEED", 0);
  const std::uint64_t count = only ? 1 : env_number("HRNEWS_ROUNDTRIP_COUNT", 2000);
  std::uint64_t trips = 0, rule_checks = 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::uint64_t seed = only ? only : base_seed + i;
    CAPTURE(seed);
    RandomModel g(seed);
    const Collection c = g.collection();
    WriteOptions options;
    options.pretty = (i % 2) == 0;
    const std::string x = write_atom(c, options);
    const Collection back = read_atom(x, plain());
    if (back != c) FAIL("seed " << seed << ": " << first_difference(c, back));
    ++trips;
    const std::string broken = schematron_violation(x);
    if (!broken.empty()) FAIL("seed " << seed << ": rule " << broken);
    ++rule_checks;
  }
  std::cout << "randomized round trips: atom " << trips << " of " << count << " (Schematron rules checked on "
            << rule_checks << ")\n";
  CHECK(trips == count);
}

TEST_CASE("Every fixture survives a round trip through Atom", "[atom]") {
  for (const char* name : {"full-1.0.atom", "atom-0.3.atom", "text-constructs.atom", "base64.atom", "xml-base.atom",
                           "no-base.atom", "bad-dates.atom", "missing-ids.atom", "foreign.atom", "namespaces.atom",
                           "no-namespace.atom", "extensions.atom", "entry-document.atom"}) {
    CAPTURE(name);
    const Collection c = read_fixture(name);
    const std::string x = write_atom(c);
    const Collection back = read_atom(x, plain());
    CHECK(first_difference(c, back).empty());
    CHECK(back == c);
    CHECK(write_atom(back) == x);  // and the written document is a fixed point
    CHECK(schematron_violation(x).empty());
  }
}

TEST_CASE("The bundled sample survives a round trip through Atom", "[atom][sample]") {
  const std::filesystem::path path = std::filesystem::path(HRNEWS_EXAMPLES_DATA_DIR) / "omct-2015-11.json";
  if (!std::filesystem::exists(path)) {
    WARN("no sample at " << path.string() << ": skipped");
    return;
  }
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const Collection sample = read_json(bytes);
  const std::string x = write_atom(sample);
  const Collection back = read_atom(x, plain());
  CHECK(first_difference(sample, back).empty());
  CHECK(back == sample);
  CHECK(schematron_violation(x).empty());
  // a plain reader sees the items where Atom puts them
  ReadOptions no_ext = plain();
  const Collection again = read_atom(x, no_ext);
  CHECK(again.items.size() == sample.items.size());
}

// ---------------------------------------------------------------------------
// Documents for tests/atom.cmake (jing and the Schematron rules)

TEST_CASE("Atom documents for the jing check are written when HRNEWS_ATOM_OUT is set", "[atom-out]") {
  const char* dir = std::getenv("HRNEWS_ATOM_OUT");
  if (dir == nullptr || *dir == '\0') return;
  const std::filesystem::path out(dir);
  std::filesystem::create_directories(out);
  std::size_t written = 0;
  auto save = [&](const std::string& name, const std::string& text) {
    std::ofstream f(out / name, std::ios::binary);
    f << text;
    REQUIRE(f.good());
    ++written;
  };
  const std::filesystem::path sample = std::filesystem::path(HRNEWS_EXAMPLES_DATA_DIR) / "omct-2015-11.json";
  if (std::filesystem::exists(sample)) {
    std::ifstream in(sample, std::ios::binary);
    save("omct-2015-11.atom",
         write_atom(read_json(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()))));
  }
  for (const char* name : {"full-1.0.atom", "atom-0.3.atom", "text-constructs.atom", "foreign.atom",
                           "extensions.atom", "namespaces.atom", "entry-document.atom"}) {
    save(std::string("fixture-") + name, write_atom(read_fixture(name)));
  }
  for (unsigned i = 0; i < 50; ++i) {
    RandomModel g(base_seed + 100000 + i);
    char name[32];
    std::snprintf(name, sizeof name, "random-%03u.atom", i);
    WriteOptions options;
    options.pretty = (i % 2) == 0;
    save(name, write_atom(g.collection(), options));
  }
  std::cout << "atom documents written: " << written << " into " << out.string() << "\n";
  CHECK(written >= 57);
}

TEST_CASE("White space between XHTML elements survives reading and writing Atom", "[atom]") {
  const std::string feed =
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>urn:f</id><title>T</title><updated>2015-11-26T09:30:00Z</updated>"
      "<entry><id>urn:e</id><title>E</title><updated>2015-11-26T09:30:00Z</updated>"
      "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><b>a</b> <i>b</i></div></content>"
      "</entry></feed>";
  const Collection c = read_atom(feed, plain());
  const Article& a = article_of(c.items.at(0));
  REQUIRE(a.content);
  CHECK(a.content->value == "<b>a</b> <i>b</i>");
  CHECK(a.content->type == TextType::xhtml);
  const Collection back = read_atom(write_atom(c), plain());
  CHECK(article_of(back.items.at(0)).content == a.content);
}
