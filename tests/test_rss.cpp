// SPDX-License-Identifier: Apache-2.0
// The `rss` format: reading every RSS version and RDF, the liberal repairs and
// their diagnostics, the hrnews extension namespace, and randomized lossless
// round trips model → RSS 2.0 → model. Fixtures: tests/data/rss/.
//
// Environment:
//   HRNEWS_RSS_ROUNDTRIP_SEED=N    run the randomized round trip for this one seed only
//   HRNEWS_RSS_ROUNDTRIP_COUNT=N   number of random collections (default 1000)
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include <hrnews/io.hpp>
#include <hrnews/json.hpp>
#include <hrnews/rss.hpp>

#include "random_model.hpp"
#include "test_support.hpp"

using hrnews::Collection;
using hrnews::Diagnostic;
using hrnews::Severity;
using hrnews::TextType;
using hrnews_test::first_difference;
using hrnews_test::RandomModel;

namespace {

using hrnews_test::env_number;

hrnews::ReadOptions plain_read() {
  hrnews::ReadOptions o;
  o.classify = false;
  return o;
}

std::string fixture_path(const std::string& name) { return std::string(HRNEWS_TEST_DATA_DIR) + "/rss/" + name; }

std::string fixture(const std::string& name) {
  std::ifstream in(fixture_path(name), std::ios::binary);
  REQUIRE(in.good());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Collection read_fixture(const std::string& name, hrnews::ReadOptions options = plain_read()) {
  options.file_name = name;
  return hrnews::read_rss(fixture(name), options);
}

const hrnews::Article& item(const Collection& c, std::size_t i) {
  REQUIRE(i < c.items.size());
  return hrnews::article_of(c.items[i]);
}

/// The diagnostics with this code.
std::vector<Diagnostic> with_code(const Collection& c, const std::string& code) {
  std::vector<Diagnostic> out;
  for (const auto& d : c.diagnostics) {
    if (d.code == code) out.push_back(d);
  }
  return out;
}

/// Diagnostics other than the `id-derived` infos.
std::vector<Diagnostic> repairs(const Collection& c) {
  std::vector<Diagnostic> out;
  for (const auto& d : c.diagnostics) {
    if (d.code != "id-derived") out.push_back(d);
  }
  return out;
}

bool has_extension(const hrnews::Extensions& ext, const std::string& key, const std::string& contains) {
  auto it = ext.find(key);
  return it != ext.end() && it->second.find(contains) != std::string::npos;
}

/// Well-formedness checks beyond what pugixml enforces: characters XML 1.0
/// allows (as bytes and as character references), valid UTF-8, and every
/// prefix declared.
std::string xml_problem(const std::string& xml) {
  pugi::xml_document doc;
  const auto r = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!r) return std::string("pugixml: ") + r.description() + " at " + std::to_string(r.offset);
  for (std::size_t i = 0; i < xml.size();) {
    const auto b = static_cast<unsigned char>(xml[i]);
    if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') return "control byte at " + std::to_string(i);
    if (b < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
    if (len == 0 || i + len > xml.size()) return "bad UTF-8 at " + std::to_string(i);
    std::uint32_t cp = b & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < len; ++k) {
      const auto c = static_cast<unsigned char>(xml[i + k]);
      if ((c & 0xC0) != 0x80) return "bad UTF-8 at " + std::to_string(i);
      cp = (cp << 6) | (c & 0x3F);
    }
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF || cp > 0x10FFFF)
      return "character not allowed in XML at " + std::to_string(i);
    i += len;
  }
  for (std::size_t i = xml.find("&#"); i != std::string::npos; i = xml.find("&#", i + 2)) {
    const bool hex = i + 2 < xml.size() && xml[i + 2] == 'x';
    const unsigned long cp = std::strtoul(xml.c_str() + i + (hex ? 3 : 2), nullptr, hex ? 16 : 10);
    if (cp < 0x20 && cp != 9 && cp != 10 && cp != 13) return "reference to a control character at " + std::to_string(i);
  }
  struct Walker : pugi::xml_tree_walker {
    std::string problem;
    static bool declared(pugi::xml_node n, const std::string& prefix) {
      for (; n; n = n.parent()) {
        if (n.attribute(("xmlns:" + prefix).c_str())) return true;
      }
      return prefix == "xml";
    }
    void check(pugi::xml_node n, const std::string& qname) {
      const auto colon = qname.find(':');
      if (colon == std::string::npos) return;
      const std::string prefix = qname.substr(0, colon);
      if (prefix != "xmlns" && !declared(n, prefix)) problem = "undeclared prefix in " + qname;
    }
    bool for_each(pugi::xml_node& n) override {
      if (n.type() != pugi::node_element) return true;
      check(n, n.name());
      for (auto a = n.first_attribute(); a; a = a.next_attribute()) check(n, a.name());
      return problem.empty();
    }
  } walker;
  doc.traverse(walker);
  return walker.problem;
}

bool has_xmllint() {
  static const bool found = std::system("xmllint --version > /dev/null 2>&1") == 0;
  return found;
}

/// xmllint's verdict on a document ("" when well-formed, namespaces included).
std::string xmllint_problem(const std::string& xml) {
  const auto path = hrnews_test::unique_temp_path("hrnews-rss-", ".xml");
  {
    std::ofstream out(path, std::ios::binary);
    out << xml;
  }
  const std::string cmd = "xmllint --noout '" + path.string() + "' 2>&1";
  std::string output;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[512];
    while (std::fgets(buf, sizeof buf, p)) output += buf;
    if (pclose(p) != 0 && output.empty()) output = "xmllint failed";
  }
  std::filesystem::remove(path);
  return output;
}

const std::vector<std::string> readable_fixtures = {
    "rss-0.90.xml",       "rss-0.91-netscape.xml", "rss-0.91-userland.xml", "rss-0.92.xml",
    "rss-0.93.xml",       "rss-0.94.xml",          "rss-2.0.xml",           "rdf-1.0.xml",
    "messy.xml",          "relative-urls.xml",     "relative-urls-no-link.xml", "bad-dates.xml",
    "authors.xml",        "broken-items.xml",      "undeclared-prefix.xml", "case-insensitive.xml",
    "no-ids.xml",         "hr-extension.xml"};

}  // namespace

// ---------------------------------------------------------------------------
// Versions

TEST_CASE("RSS 0.90 in RDF is read with its channel, root-level image and items", "[rss]") {
  const Collection c = read_fixture("rss-0.90.xml");
  CHECK(c.feed.source_format == "rss-0.90");
  CHECK(c.feed.title == hrnews::Text("OMCT"));
  CHECK(c.feed.url == "https://www.omct.org/");
  CHECK(c.feed.id == "https://www.omct.org/");
  CHECK(c.feed.subtitle == hrnews::Text("World Organisation Against Torture"));
  CHECK(c.feed.icon == "https://www.omct.org/logo.gif");
  REQUIRE(c.items.size() == 2);
  CHECK(item(c, 0).title.value == "Colombia: Victims of torture in Colombia are yet to be recognised and repaired");
  CHECK(item(c, 0).url == "https://www.omct.org/statements/colombia/2015/11/d23460/");
  CHECK(item(c, 0).id == item(c, 0).url);  // derived from the link
  CHECK(with_code(c, "id-derived").size() == 2);
  CHECK(repairs(c).empty());
}

TEST_CASE("Netscape RSS 0.91 is read, DOCTYPE, editors and rating included", "[rss]") {
  const Collection c = read_fixture("rss-0.91-netscape.xml");
  CHECK(c.feed.source_format == "rss-0.91-netscape");
  CHECK(c.feed.language == "en-us");
  CHECK(c.feed.rights == hrnews::Text("Copyright 2015, OMCT"));
  CHECK(c.feed.icon == "https://www.omct.org/logo.gif");
  REQUIRE(c.feed.publishers.size() == 2);
  CHECK(c.feed.publishers[0].kind == hrnews::PartyKind::person);
  CHECK(c.feed.publishers[0].role == "managing-editor");
  CHECK(c.feed.publishers[0].name == "OMCT Secretariat");
  CHECK(c.feed.publishers[0].email == "editor@omct.org");
  CHECK(c.feed.publishers[1].role == "webmaster");
  CHECK(c.feed.publishers[1].name.empty());
  CHECK(c.feed.publishers[1].email == "webmaster@omct.org");
  CHECK(has_extension(c.feed.extensions, "{}rating", "PICS-1.1"));
  REQUIRE(c.items.size() == 1);
  CHECK(item(c, 0).summary->type == TextType::text);
  // The XML loader drops the DOCTYPE (and says so); nothing else needed repair.
  REQUIRE(repairs(c).size() == 1);
  CHECK(repairs(c)[0].code == "doctype");
}

TEST_CASE("UserLand RSS 0.91 is read", "[rss]") {
  const Collection c = read_fixture("rss-0.91-userland.xml");
  CHECK(c.feed.source_format == "rss-0.91-userland");
  CHECK(c.feed.language == "en");
  REQUIRE(c.items.size() == 1);
  CHECK(item(c, 0).summary == hrnews::Text("\"Some positive steps have been taken but some hurdles remain\""));
  CHECK(repairs(c).empty());
}

TEST_CASE("RSS 0.92 items without a title keep their HTML description, categories with domain and enclosure", "[rss]") {
  const Collection c = read_fixture("rss-0.92.xml");
  CHECK(c.feed.source_format == "rss-0.92");
  CHECK(has_extension(c.feed.extensions, "{}docs", "rss092"));
  REQUIRE(c.items.size() == 1);
  const auto& a = item(c, 0);
  CHECK(a.title == hrnews::Text());
  REQUIRE(a.summary);
  CHECK(a.summary->type == TextType::html);
  CHECK(a.summary->value == "<p>OMCT is pleased to co-sponsor a side event on <b>Wednesday 18 November 2015</b>.</p>");
  REQUIRE(a.categories.size() == 3);
  CHECK(a.categories[0] == hrnews::Category{"Economic, Social and Cultural Rights", "https://www.omct.org/themes", ""});
  CHECK(a.categories[1] == hrnews::Category{"Human Rights Defenders", "https://www.omct.org/themes", ""});
  CHECK(a.categories[2] == hrnews::Category{"Events", "", ""});
  REQUIRE(a.attachments.size() == 1);
  CHECK(a.attachments[0] == hrnews::Attachment{"https://www.omct.org/files/2015/11/flyer.pdf", "application/pdf", 48213, ""});
  CHECK(a.extensions.at("{}source") == R"("<source url=\"https://www.omct.org/rss\">OMCT</source>")");  // a JSON string
  // No guid and no link: the id is derived from title and date, and says so.
  CHECK(a.id.rfind("urn:hrnews:item:", 0) == 0);
  REQUIRE(with_code(c, "id-derived").size() == 1);
  CHECK(with_code(c, "id-derived")[0].severity == Severity::info);
  CHECK(with_code(c, "id-derived")[0].message == "item has no id; using \"" + a.id + "\"");
}

TEST_CASE("RSS 0.93 and 0.94 are read with dates, guids and authors", "[rss]") {
  const Collection c93 = read_fixture("rss-0.93.xml");
  CHECK(c93.feed.source_format == "rss-0.93");
  REQUIRE(c93.items.size() == 1);
  REQUIRE(item(c93, 0).published);
  CHECK(item(c93, 0).published->raw() == "Thu, 12 Nov 2015 10:00:00 +0100");
  CHECK(item(c93, 0).published->utc_offset_minutes() == 60);
  CHECK(has_extension(item(c93, 0).extensions, "{}expirationDate", "2015"));

  const Collection c94 = read_fixture("rss-0.94.xml");
  CHECK(c94.feed.source_format == "rss-0.94");
  REQUIRE(c94.items.size() == 1);
  CHECK(item(c94, 0).id == "omct-d23438");
  CHECK(item(c94, 0).url == "https://www.omct.org/statements/azerbaijan/2015/11/d23438/");
  REQUIRE(item(c94, 0).authors.size() == 1);
  CHECK(item(c94, 0).authors[0] == hrnews::Person{"OMCT Press", "press@omct.org", ""});
  CHECK(c94.diagnostics.empty());
}

TEST_CASE("RSS 2.0 maps every channel and item element", "[rss]") {
  const Collection c = read_fixture("rss-2.0.xml");
  const auto& f = c.feed;
  CHECK(f.source_format == "rss-2.0");
  CHECK(f.title == hrnews::Text("OMCT - Latest news"));
  CHECK(f.url == "https://www.omct.org/");
  CHECK(f.subtitle == hrnews::Text("News from the World Organisation Against Torture"));
  CHECK(f.language == "en");
  CHECK(f.rights == hrnews::Text("© 2015 OMCT"));
  CHECK(f.generator == "OMCT CMS 4.2");
  CHECK(f.icon == "https://www.omct.org/logo.png");
  REQUIRE(f.updated);
  CHECK(f.updated->raw() == "Thu, 26 Nov 2015 09:30:00 +0100");  // lastBuildDate wins over pubDate
  REQUIRE(f.links.size() == 1);
  CHECK(f.links[0] == hrnews::Link{"https://www.omct.org/rss.xml", "self", "application/rss+xml", "", "", {}});
  REQUIRE(f.publishers.size() == 2);
  CHECK(f.publishers[1].name == "Web Team");
  CHECK(has_extension(f.extensions, "{}ttl", "<ttl>60</ttl>"));
  CHECK(has_extension(f.extensions, "{}category", "Human rights"));

  REQUIRE(c.items.size() == 2);
  const auto& a = item(c, 0);
  CHECK(a.id == "https://www.omct.org/hrds/urgent-interventions/azerbaijan/2015/11/d23443/");
  CHECK(a.url == a.id);
  CHECK(a.title.type == TextType::text);
  CHECK(a.summary == hrnews::Text("The Observatory welcomes this long-awaited decision concerning Mr. Yunusov."));
  REQUIRE(a.authors.size() == 1);
  CHECK(a.authors[0] == hrnews::Person{"The Observatory", "observatory@omct.org", ""});
  REQUIRE(a.categories.size() == 3);
  CHECK(a.categories[2] == hrnews::Category{"Azerbaijan", "https://www.omct.org/countries", ""});
  REQUIRE(a.attachments.size() == 1);
  CHECK(a.attachments[0].length == 123456u);
  REQUIRE(a.published);
  CHECK(a.published->to_rfc3339() == "2015-11-13T00:00:00+01:00");
  CHECK(has_extension(a.extensions, "{}comments", "#comments"));
  // A permalink guid without a link gives the url.
  CHECK(item(c, 1).url == "https://www.omct.org/fr/statements/colombia/2015/11/d23461/");
  CHECK(item(c, 1).published->utc_offset_minutes() == 0);
  CHECK(c.diagnostics.empty());
}

TEST_CASE("RSS 1.0 (RDF) with Dublin Core and content:encoded is read as rdf", "[rss]") {
  const Collection c = read_fixture("rdf-1.0.xml");
  const auto& f = c.feed;
  CHECK(f.source_format == "rdf");
  CHECK(f.language == "fr");
  CHECK(f.rights == hrnews::Text("CC BY 4.0"));
  REQUIRE(f.updated);
  CHECK(f.updated->to_rfc3339() == "2015-11-26T09:30:00+01:00");
  REQUIRE(f.publishers.size() == 1);
  CHECK(f.publishers[0].kind == hrnews::PartyKind::organisation);
  CHECK(f.publishers[0].role == "publisher");
  CHECK(f.icon == "https://www.omct.org/logo.png");
  REQUIRE(c.items.size() == 1);
  const auto& a = item(c, 0);
  CHECK(a.id == "https://www.omct.org/statements/colombia/2015/11/d23460/");  // rdf:about
  REQUIRE(a.content);
  CHECK(a.content->type == TextType::html);
  CHECK(a.content->value ==
        "<p>Victims of torture in <a href=\"https://www.omct.org/countries/colombia/\">Colombia</a> are yet to be "
        "recognised and repaired.</p>");
  REQUIRE(a.published);
  CHECK(a.published->to_rfc3339() == "2015-11-18");
  CHECK(a.published->precision() == hrnews::Precision::day);
  CHECK(a.language == "en");
  REQUIRE(a.authors.size() == 1);
  CHECK(a.authors[0].name == "OMCT");
  REQUIRE(a.categories.size() == 2);
  CHECK(a.categories[0] == hrnews::Category{"Monitoring Protection Mechanisms", "", ""});
  CHECK(a.categories[1] == hrnews::Category{"Colombia", "dc:coverage", ""});
  CHECK(a.rights == hrnews::Text("© OMCT"));
  CHECK(has_extension(a.extensions, "{http://purl.org/dc/elements/1.1/}contributor",
                      "<dc:contributor xmlns:dc=\\\"http://purl.org/dc/elements/1.1/\\\">SOS-Torture Network</dc:contributor>"));
  CHECK(c.diagnostics.empty());
}

// ---------------------------------------------------------------------------
// Liberal reading

TEST_CASE("A messy feed with odd prefixes, namespace variants, Media RSS, GeoRSS and foreign elements is read", "[rss]") {
  const Collection c = read_fixture("messy.xml");
  const auto& f = c.feed;
  CHECK(f.title == hrnews::Text("OMCT &amp; partners", TextType::html));
  CHECK(f.subtitle == hrnews::Text("News from <b>OMCT</b> and the SOS-Torture Network", TextType::html));
  CHECK(f.language == "en");  // dc:language under the prefix d:
  REQUIRE(f.links.size() == 2);
  CHECK(f.links[0].rel == "self");
  CHECK(f.links[1].rel == "hub");
  CHECK(has_extension(f.extensions, "{http://www.itunes.com/dtds/podcast-1.0.dtd}author", ">OMCT</itunes:author>"));

  REQUIRE(c.items.size() == 3);
  const auto& a = item(c, 0);
  CHECK(a.title == hrnews::Text("Azerbaijan: <em>Release</em> of Mr. Intigam Aliyev", TextType::html));
  REQUIRE(a.summary);  // a full body in description is still the summary
  CHECK(a.summary->type == TextType::html);
  CHECK(a.content == hrnews::Text("<p>The Observatory <strong>welcomes</strong> the release.</p>", TextType::html));
  REQUIRE(a.published);
  CHECK(a.published->to_rfc3339() == "2016-03-29T10:00:00+02:00");
  REQUIRE(a.authors.size() == 1);
  CHECK(a.authors[0].name == "Observatory for the Protection of Human Rights Defenders");
  REQUIRE(a.categories.size() == 3);
  CHECK(a.categories[1] == hrnews::Category{"Azerbaijan", "dc:coverage", ""});
  CHECK(a.categories[2] == hrnews::Category{"hrd", "urn:omct:programmes", "Human rights defenders"});
  REQUIRE(a.attachments.size() == 1);
  CHECK(a.attachments[0] ==
        hrnews::Attachment{"https://www.omct.org/files/2016/03/appeal.pdf", "application/pdf", 20480, "The appeal (PDF)"});
  REQUIRE(a.links.size() == 2);
  CHECK(a.links[0] == hrnews::Link{"https://www.omct.org/files/2016/03/aliyev-thumb.jpg", "thumbnail", "", "", "", {}});
  CHECK(a.links[1].hreflang == "fr");
  CHECK(a.links[1].title == "Version française");
  REQUIRE(a.geo);
  CHECK(a.geo->lat == 40.4093);
  CHECK(a.geo->lon == 49.8671);
  CHECK(has_extension(a.extensions, "{http://www.itunes.com/dtds/podcast-1.0.dtd}duration", "00:03:12"));

  const auto& b = item(c, 1);
  CHECK(b.title == hrnews::Text("Burundi: <i>Joint</i> Open Letter", TextType::html));  // CDATA
  REQUIRE(b.attachments.size() == 2);  // media:group, and an enclosure of the same file merged
  CHECK(b.attachments[0] == hrnews::Attachment{"https://www.omct.org/files/letter-en.pdf", "application/pdf", 1000, ""});
  CHECK(b.attachments[1].url == "https://www.omct.org/files/letter-fr.pdf");
  REQUIRE(b.links.size() == 1);
  CHECK(b.links[0].rel == "thumbnail");
  REQUIRE(b.geo);  // GML point
  CHECK(b.geo->lat == -3.3822);
  CHECK(b.geo->lon == 29.3644);

  const auto& e = item(c, 2);
  REQUIRE(e.geo);  // W3C geo:lat / geo:long
  CHECK(e.geo->lat == 46.2267);
  CHECK(e.geo->lon == 6.1405);
  CHECK(e.title == hrnews::Text("Geneva: <b>side</b> event", TextType::html));

  const auto variants = with_code(c, "namespace-variant");
  REQUIRE(variants.size() == 3);
  CHECK(variants[0].message ==
        "namespace \"https://purl.org/dc/elements/1.1\" read as \"http://purl.org/dc/elements/1.1/\"");
  CHECK(variants[0].line == 2u);
  CHECK(variants[1].message == "namespace \"http://www.w3.org/2005/Atom/\" read as \"http://www.w3.org/2005/Atom\"");
  CHECK(variants[2].message == "namespace \"http://search.yahoo.com/mrss\" read as \"http://search.yahoo.com/mrss/\"");
  const auto markup = with_code(c, "markup-unescaped");
  REQUIRE(markup.size() == 1);
  CHECK(markup[0].message == "<title> holds unescaped markup; read as HTML");
  CHECK(markup[0].path == "rss/channel/item[3]/title");
  CHECK(markup[0].line == 53u);
  CHECK(markup[0].column == 8u);
  CHECK(markup[0].severity == Severity::warning);
}

TEST_CASE("Relative URLs resolve against nested xml:base, the channel link or the caller's base URL", "[rss]") {
  const Collection c = read_fixture("relative-urls.xml");
  CHECK(c.feed.icon == "https://www.omct.org/en/images/logo.png");
  REQUIRE(c.items.size() == 3);
  const auto& a = item(c, 0);
  CHECK(a.url == "https://www.omct.org/en/statements/d1/");
  CHECK(a.attachments.at(0).url == "https://www.omct.org/files/d1.pdf");
  CHECK(a.links.at(0).href == "https://www.omct.org/en/d1/fr");
  CHECK(a.summary->value ==
        "<p>See <a href=\"https://www.omct.org/fr/statements/d1/\">French</a> and "
        "<img src='https://www.omct.org/en/img/map.png'> <a href=\"https://other.example/x\">elsewhere</a> "
        "<a href=https://www.omct.org/en/#top>top</a></p>");
  CHECK(item(c, 1).url == "https://cdn.omct.org/archive/2015/november/d2.html");
  CHECK(item(c, 1).attachments.at(0).url == "https://cdn.omct.org/archive/2015/d2.pdf");
  CHECK(item(c, 2).url == "https://www.omct.org/archive/2016/d3.html");  // nested xml:base on <link>
  CHECK(item(c, 2).attachments.at(0).url == "https://www.omct.org/d3.mp3");

  // xml:base on the root wins over the channel link; the relative channel link resolves against it.
  const Collection d = read_fixture("relative-urls-no-link.xml");
  CHECK(d.feed.url == "https://feeds.omct.org/site/");
  CHECK(item(d, 0).url == "https://feeds.omct.org/news/d4.html");

  // With no xml:base and no absolute channel link, the caller's base URL is used.
  const std::string bare =
      "<rss version='2.0'><channel><title>t</title><link>/</link><description>d</description>"
      "<item><link>a/b.html</link><guid>g</guid></item></channel></rss>";
  hrnews::ReadOptions o = plain_read();
  o.base_url = "https://example.org/feeds/x.xml";
  const Collection e = hrnews::read_rss(bare, o);
  CHECK(e.feed.url == "https://example.org/");
  CHECK(item(e, 0).url == "https://example.org/a/b.html");
  const Collection e2 = hrnews::read_rss(bare, plain_read());
  CHECK(item(e2, 0).url == "a/b.html");  // no base at all: left as it is
}

TEST_CASE("Unparseable dates are dropped with a diagnostic and the next candidate is used", "[rss]") {
  const Collection c = read_fixture("bad-dates.xml");
  REQUIRE(c.feed.updated);
  CHECK(c.feed.updated->raw() == "Thu, 26 Nov 2015 09:30:00 +0100");  // lastBuildDate bad, pubDate used
  REQUIRE(c.items.size() == 5);
  CHECK_FALSE(item(c, 0).published);
  REQUIRE(item(c, 1).published);
  CHECK(item(c, 1).published->to_rfc3339() == "2015-11-13");
  REQUIRE(item(c, 2).published);
  CHECK(item(c, 2).published->to_rfc3339() == "2015-11-13T14:05+01:00");  // two-digit year, CET, no seconds
  CHECK_FALSE(item(c, 3).published);  // empty: absent, no diagnostic
  REQUIRE(item(c, 4).published);
  CHECK(item(c, 4).published->to_rfc3339() == "2015-11-26T09:30:00+01:00");

  const auto bad = with_code(c, "date-unparsed");
  REQUIRE(bad.size() == 3);
  CHECK(bad[0].message == "\"sometime in November\" is not a date; dropped");
  CHECK(bad[0].path == "rss/channel/lastBuildDate");
  CHECK(bad[0].line == 7u);
  CHECK(bad[0].column == 6u);
  CHECK(bad[1].message == "\"32 Nov 2015\" is not a date; dropped");
  CHECK(bad[1].path == "rss/channel/item[1]/pubDate");
  CHECK(bad[1].line == 12u);
  CHECK(bad[2].message == "\"yesterday\" is not a date; dropped");
  CHECK(bad[2].path == "rss/channel/item[2]/pubDate");
  CHECK(c.diagnostics.size() == 3);
}

TEST_CASE("The caller's date hook is tried before the built-in parsers for RSS dates", "[rss]") {
  hrnews::ReadOptions o = plain_read();
  o.date_hook = [](std::string_view text) -> std::optional<hrnews::Timestamp> {
    if (text == "yesterday") return hrnews::Timestamp::parse_iso8601("2015-11-25");
    return std::nullopt;
  };
  const Collection c = read_fixture("bad-dates.xml", o);
  REQUIRE(item(c, 1).published);
  CHECK(item(c, 1).published->to_rfc3339() == "2015-11-25");
  CHECK(with_code(c, "date-unparsed").size() == 2);
}

TEST_CASE("Authors in email (Name) and other forms become people", "[rss]") {
  const Collection c = read_fixture("authors.xml");
  REQUIRE(c.feed.publishers.size() == 1);
  CHECK(c.feed.publishers[0].name == "Gerald Staberock");
  CHECK(c.feed.publishers[0].email == "sg@omct.org");
  const auto& authors = item(c, 0).authors;
  REQUIRE(authors.size() == 6);
  CHECK(authors[0] == hrnews::Person{"OMCT Press Office", "press@omct.org", ""});
  CHECK(authors[1] == hrnews::Person{"", "observatory@omct.org", ""});
  CHECK(authors[2] == hrnews::Person{"Anne Dupont", "anne@example.org", ""});
  CHECK(authors[3] == hrnews::Person{"Jean Martin", "jean@example.org", ""});
  CHECK(authors[4] == hrnews::Person{"SOS-Torture Network", "", ""});
  CHECK(authors[5] == hrnews::Person{"Ana Pérez", "ana@example.org", "https://www.omct.org/people/ana"});
  CHECK(c.diagnostics.empty());
}

TEST_CASE("Broken items are repaired with one diagnostic each", "[rss]") {
  const Collection c = read_fixture("broken-items.xml");
  CHECK(c.feed.source_format == "rss");
  REQUIRE(c.items.size() == 5);
  CHECK(item(c, 0).attachments.empty());
  REQUIRE(item(c, 1).attachments.size() == 1);
  CHECK_FALSE(item(c, 1).attachments[0].length);
  CHECK_FALSE(item(c, 2).geo);
  CHECK(item(c, 3).title == hrnews::Text("Title with <b>unescaped</b> markup", TextType::html));
  CHECK(item(c, 4).id == "b5");

  auto one = [&](const std::string& code) {
    const auto found = with_code(c, code);
    REQUIRE(found.size() == 1);
    return found[0];
  };
  const Diagnostic version = one("rss-version-unknown");
  CHECK(version.severity == Severity::info);
  CHECK(version.message == "unknown RSS version \"3.1\"; read as RSS 2.0");
  const Diagnostic outside = one("item-outside-channel");
  CHECK(outside.message == "<item> outside <channel>; read as an item of the channel");
  CHECK(outside.line == 27u);
  CHECK(outside.column == 4u);
  const Diagnostic enclosure = one("enclosure-invalid");
  CHECK(enclosure.message == "<enclosure> has no url; dropped");
  CHECK(enclosure.path == "rss/channel/item[1]/enclosure");
  CHECK(enclosure.line == 10u);
  const Diagnostic length = one("length-invalid");
  CHECK(length.message == "<enclosure> length \"12 KB\" is not a number; ignored");
  CHECK(length.path == "rss/channel/item[2]/enclosure");
  const Diagnostic geo = one("geo-invalid");
  CHECK(geo.message == "\"north 12\" is not a point (lat lon); dropped");
  CHECK(geo.path == "rss/channel/item[3]/georss:point");
  const Diagnostic markup = one("markup-unescaped");
  CHECK(markup.path == "rss/channel/item[4]/title");
}

TEST_CASE("A feed with no RSS version says so", "[rss]") {
  const Collection c = read_fixture("undeclared-prefix.xml");
  const auto v = with_code(c, "rss-version-unknown");
  REQUIRE(v.size() == 1);
  CHECK(v[0].message == "<rss> has no version; read as RSS 2.0");
  CHECK(v[0].severity == Severity::info);
}

TEST_CASE("Undeclared well-known prefixes are read as their usual namespace, with a diagnostic", "[rss]") {
  const Collection c = read_fixture("undeclared-prefix.xml");
  REQUIRE(c.items.size() == 1);
  CHECK(item(c, 0).authors.at(0).name == "OMCT");
  CHECK(item(c, 0).content == hrnews::Text("<p>Body</p>", TextType::html));
  const auto u = with_code(c, "namespace-undeclared");
  REQUIRE(u.size() == 2);
  CHECK(u[0].message == "prefix \"dc\" is not declared; read as \"http://purl.org/dc/elements/1.1/\"");
  CHECK(u[1].message == "prefix \"content\" is not declared; read as \"http://purl.org/rss/1.0/modules/content/\"");
}

TEST_CASE("RSS element names are matched without regard to case", "[rss]") {
  const Collection c = read_fixture("case-insensitive.xml");
  CHECK(c.feed.title == hrnews::Text("Case-insensitive names"));
  CHECK(c.feed.url == "https://www.omct.org/");
  CHECK(c.feed.updated.has_value());
  REQUIRE(c.items.size() == 1);
  CHECK(item(c, 0).id == "c1");
  CHECK(item(c, 0).published.has_value());
  CHECK(c.diagnostics.empty());
}

TEST_CASE("Items without a guid get a stable derived id", "[rss]") {
  const Collection c = read_fixture("no-ids.xml");
  REQUIRE(c.items.size() == 2);
  CHECK(item(c, 0).id == "https://www.omct.org/d1/");
  CHECK(item(c, 1).id.rfind("urn:hrnews:item:", 0) == 0);
  CHECK(read_fixture("no-ids.xml").items == c.items);  // the same on every run
  const auto d = with_code(c, "id-derived");
  REQUIRE(d.size() == 2);
  CHECK(d[1].path == "/items/1");
}

TEST_CASE("A document that is not RSS, or has no channel, is an error with line and column", "[rss]") {
  hrnews::ReadOptions o = plain_read();
  o.file_name = "not-rss.xml";
  auto r = hrnews::try_read_rss(fixture("not-rss.xml"), o);
  REQUIRE_FALSE(r);
  CHECK(std::string(r.error()->what()) == "not-rss.xml:2:2: rss: root element <feed> is not <rss> or <rdf:RDF>");
  CHECK(r.error()->line() == 2u);
  CHECK(r.error()->format() == "rss");
  o.file_name = "no-channel.xml";
  auto n = hrnews::try_read_rss(fixture("no-channel.xml"), o);
  REQUIRE_FALSE(n);
  CHECK(std::string(n.error()->what()) == "no-channel.xml:2:2: rss: <rss> has no <channel>");
  CHECK_THROWS_AS(hrnews::read_rss(fixture("no-channel.xml")), hrnews::ParseError);
}

TEST_CASE("An RSS feed with too many items is an error naming the limit", "[rss]") {
  hrnews::ReadOptions o = plain_read();
  o.limits.max_items = 1;
  auto r = hrnews::try_read_rss(fixture("rss-2.0.xml"), o);
  REQUIRE_FALSE(r);
  CHECK(r.error()->message() == "more than 1 items (limit max_items)");
}

TEST_CASE("Strict mode turns an RSS repair into an error", "[rss]") {
  hrnews::ReadOptions o = plain_read();
  o.strict = true;
  o.file_name = "bad-dates.xml";
  auto r = hrnews::try_read_rss(fixture("bad-dates.xml"), o);
  REQUIRE_FALSE(r);
  CHECK(std::string(r.error()->what()) ==
        "bad-dates.xml:7:6: rss: rss/channel/lastBuildDate: \"sometime in November\" is not a date; dropped (strict mode)");
  // A clean feed reads the same in strict mode.
  CHECK(hrnews::try_read_rss(fixture("rss-2.0.xml"), o).ok());
}

// ---------------------------------------------------------------------------
// The hrnews extension

TEST_CASE("The hrnews extension is read under any prefix, and bad values are diagnostics", "[rss]") {
  const Collection c = read_fixture("hr-extension.xml");
  CHECK(c.feed.source_format == "atom-1.0");
  REQUIRE(c.campaigns.size() == 1);
  const auto& camp = c.campaigns[0];
  CHECK(camp.id == "10-december-10-defenders");
  CHECK(camp.status == hrnews::CampaignStatus::active);
  CHECK(camp.title == hrnews::Text("<b>10</b> December", TextType::html));
  REQUIRE(camp.end);
  CHECK(camp.end->raw() == "10 December 2015");
  CHECK(camp.end->to_rfc3339() == "2015-12-10");
  CHECK(camp.organisers.at(0).abbreviation == "OMCT");
  CHECK(camp.hashtags == std::vector<std::string>{"10Defenders"});
  CHECK(camp.items == std::vector<std::string>{"https://www.omct.org/d23647/"});
  REQUIRE(c.schemes.size() == 1);
  const auto& term = c.schemes[0].terms.at(0);
  CHECK(term.labels.at("fr") == "Défenseurs des droits de l'Homme");
  CHECK(term.alt_labels.at("en") == std::vector<std::string>{"HRD", "Defenders"});
  CHECK(term.mappings.at(0).kind == hrnews::MappingKind::close);

  REQUIRE(c.items.size() == 2);
  REQUIRE(c.items[0].index() == 1);
  const auto& iv = std::get<hrnews::Intervention>(c.items[0]);
  CHECK(iv.published->to_rfc3339() == "2016-03-29");  // hr:published overrides pubDate
  CHECK(iv.subjects.at(0).code == "human-rights-defenders");
  CHECK(iv.countries == std::vector<std::string>{"AZ"});
  CHECK(iv.regions == std::vector<std::string>{"EU"});
  CHECK(iv.campaigns == std::vector<std::string>{"10-december-10-defenders"});
  CHECK(iv.related.at(0).rel == hrnews::RelationType::translation_of);
  CHECK(iv.dateline == "Geneva-Paris");
  REQUIRE(iv.event);
  CHECK(iv.event->location == "Palais des Nations, Geneva");
  REQUIRE(iv.case_ref);
  CHECK(iv.case_ref->scheme() == hrnews::CaseScheme::observatory);
  CHECK(iv.case_ref->follow_up() == 5);
  CHECK(iv.intervention_type == hrnews::InterventionType::closing);
  CHECK(iv.status == hrnews::CaseStatus::closed);
  CHECK(iv.victims.at(0).status == "released");
  CHECK(iv.violations.at(0).code == "arbitrary-detention");
  CHECK(iv.requested_actions.size() == 2);
  CHECK(iv.addressees.at(0).address == "19 Istiqlaliyyat St.\nBaku AZ1066");
  CHECK(iv.deadline->to_rfc3339() == "2016-04-15");
  CHECK(iv.follows == "https://www.omct.org/d23500/");
  CHECK(iv.extensions.at("x_internal_ref") == "\"42\"");
  CHECK(has_extension(iv.extensions, "{urn:hrnews:feed-extension:1.0}future-element", "kept"));

  const auto& e = std::get<hrnews::Intervention>(c.items[1]);
  CHECK(e.dateline == "Bell\x07 and \\ backslash ");  // escaped value
  CHECK(e.authors.at(0).email == "\x01x@example.org");
  CHECK(e.intervention_type == hrnews::InterventionType::urgent_appeal);
  CHECK_FALSE(e.deadline);

  // The restored diagnostic comes first, then those of this reading.
  REQUIRE(c.diagnostics.size() == 4);
  CHECK(c.diagnostics[0].code == "date-unparsed");
  CHECK(c.diagnostics[0].path == "/items/3/published");
  CHECK(c.diagnostics[0].line == 12u);
  const auto bad = with_code(c, "extension-invalid");
  REQUIRE(bad.size() == 3);
  CHECK(bad[0].message == "unknown type \"urgent\" in <h:intervention>");
  CHECK(bad[0].path == "rss/channel/item[2]/h:intervention");
  CHECK(bad[0].line == 71u);
  CHECK(bad[1].message == "\"not a date\" is not an RFC 3339 date in <h:deadline>");
  CHECK(bad[1].path == "rss/channel/item[2]/h:intervention/h:deadline");
  CHECK(bad[2].message == "<h:geo> needs numeric lat and lon");
}

TEST_CASE("hr:type on a native element says what the text type is", "[rss]") {
  const std::string xml =
      "<rss version='2.0' xmlns:x='urn:hrnews:feed-extension:1.0' xmlns:content='http://purl.org/rss/1.0/modules/content/'>"
      "<channel><title>t</title><link>https://e.org/</link><description>d</description>"
      "<item><guid>g</guid><title x:type='html'>plain words</title><description x:type='text'>a &lt;b&gt; c</description>"
      "<content:encoded x:type='xhtml'>&lt;p&gt;x&lt;/p&gt;</content:encoded></item></channel></rss>";
  const Collection c = hrnews::read_rss(xml, plain_read());
  CHECK(item(c, 0).title == hrnews::Text("plain words", TextType::html));
  CHECK(item(c, 0).summary == hrnews::Text("a <b> c", TextType::text));
  CHECK(item(c, 0).content == hrnews::Text("<p>x</p>", TextType::xhtml));
}

// ---------------------------------------------------------------------------
// Writing

TEST_CASE("A plain reader sees standard RSS 2.0 elements in their standard places", "[rss]") {
  Collection c;
  c.feed.title = "OMCT - Latest news";
  c.feed.url = "https://www.omct.org/";
  c.feed.language = "en";
  c.feed.updated = hrnews::Timestamp::parse("Thu, 26 Nov 2015 09:30:00 +0100");
  hrnews::Article a;
  a.id = "https://www.omct.org/d1/";
  a.url = a.id;
  a.title = "Azerbaijan: Release of Mr. Intigam Aliyev";
  a.summary = hrnews::Text("<p>The Observatory welcomes…</p>", TextType::html);
  a.content = hrnews::Text("<p>Full text</p>", TextType::html);
  a.published = hrnews::Timestamp::parse("Fri, 13 Nov 2015 00:00:00 +0100");
  a.authors = {hrnews::Person{"The Observatory", "observatory@omct.org", ""}, hrnews::Person{"OMCT", "", ""}};
  a.categories = {hrnews::Category{"Human Rights Defenders", "https://www.omct.org/themes", ""}};
  a.attachments = {hrnews::Attachment{"https://www.omct.org/a.pdf", "application/pdf", 1234, ""},
                   hrnews::Attachment{"https://www.omct.org/b.pdf", "application/pdf", {}, ""}};
  a.geo = hrnews::GeoPoint{40.4093, 49.8671};
  c.items.push_back(a);
  hrnews::Article b;
  b.id = "omct-2";
  b.title = "Second";
  c.items.push_back(b);

  const std::string xml = hrnews::write_rss(c);
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  const auto rss = doc.child("rss");
  CHECK(std::string(rss.attribute("version").value()) == "2.0");
  const auto ch = rss.child("channel");
  CHECK(std::string(ch.child_value("title")) == "OMCT - Latest news");
  CHECK(std::string(ch.child_value("link")) == "https://www.omct.org/");
  CHECK(std::string(ch.child_value("description")) == "OMCT - Latest news");  // fallback for a missing subtitle
  CHECK(std::string(ch.child_value("language")) == "en");
  CHECK(std::string(ch.child_value("lastBuildDate")) == "Thu, 26 Nov 2015 09:30:00 +0100");
  const auto it = ch.child("item");
  CHECK(std::string(it.child_value("title")) == "Azerbaijan: Release of Mr. Intigam Aliyev");
  CHECK(std::string(it.child_value("link")) == "https://www.omct.org/d1/");
  CHECK(std::string(it.child_value("description")) == "<p>The Observatory welcomes…</p>");
  CHECK(std::string(it.child_value("content:encoded")) == "<p>Full text</p>");
  CHECK(std::string(it.child("guid").attribute("isPermaLink").value()) == "true");
  CHECK(std::string(it.child_value("pubDate")) == "Fri, 13 Nov 2015 00:00:00 +0100");
  CHECK(std::string(it.child_value("author")) == "observatory@omct.org (The Observatory)");
  CHECK(std::string(it.child_value("dc:creator")) == "OMCT");
  CHECK(std::string(it.child("category").attribute("domain").value()) == "https://www.omct.org/themes");
  CHECK(std::string(it.child("enclosure").attribute("url").value()) == "https://www.omct.org/a.pdf");
  CHECK(std::string(it.child("enclosure").attribute("length").value()) == "1234");
  CHECK(std::string(it.child("enclosure").attribute("type").value()) == "application/pdf");
  CHECK(std::string(it.child("media:content").attribute("url").value()) == "https://www.omct.org/b.pdf");
  CHECK(std::string(it.child_value("georss:point")) == "40.4093 49.8671");
  // Nothing the native elements hold is repeated in hr:.
  for (auto n = it.first_child(); n; n = n.next_sibling()) CHECK(std::string(n.name()).rfind("hr:", 0) != 0);
  const auto it2 = it.next_sibling("item");
  CHECK(std::string(it2.child("guid").attribute("isPermaLink").value()) == "false");
  CHECK(hrnews::read_rss(xml, plain_read()) == c);
}

TEST_CASE("Written RSS is well-formed and has every required element, whatever the model holds", "[rss]") {
  std::size_t checked = 0, linted = 0;
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    RandomModel gen(seed * 7919);
    const Collection c = gen.collection();
    hrnews::WriteOptions wo;
    wo.pretty = seed % 2 == 0;
    const std::string xml = hrnews::write_rss(c, wo);
    INFO("seed " << seed * 7919);
    REQUIRE(xml_problem(xml).empty());
    pugi::xml_document doc;
    REQUIRE(doc.load_buffer(xml.data(), xml.size()));
    const auto ch = doc.child("rss").child("channel");
    REQUIRE(ch);
    CHECK(ch.child("title"));
    CHECK(ch.child("link"));
    CHECK(ch.child("description"));
    for (auto it = ch.child("item"); it; it = it.next_sibling("item")) {
      CHECK((it.child("title") || it.child("description")));
      if (auto e = it.child("enclosure")) {
        CHECK(e.attribute("url"));
        CHECK(e.attribute("length"));
        CHECK(e.attribute("type"));
      }
    }
    if (seed <= 40 && has_xmllint()) {
      CHECK(xmllint_problem(xml).empty());
      ++linted;
    }
    ++checked;
  }
  std::cout << "rss well-formedness: " << checked << " written feeds checked, " << linted << " by xmllint" << std::endl;
}

TEST_CASE("Characters XML cannot carry never make the written RSS ill-formed and still round-trip", "[rss]") {
  const std::string nasty = std::string("a\x01" "b\x00" "c", 5) + "\xFF\xFE ]]> \xEF\xBF\xBF \xED\xA0\x80 \r\n\t end ";
  Collection c;
  c.feed.title = nasty;
  c.feed.url = nasty;
  hrnews::Intervention iv;
  iv.id = nasty;
  iv.url = nasty;
  iv.title = hrnews::Text(nasty, TextType::html);
  iv.summary = hrnews::Text(nasty);
  iv.content = hrnews::Text(nasty, TextType::xhtml);
  iv.categories = {hrnews::Category{nasty, nasty, nasty}};
  iv.authors = {hrnews::Person{nasty, nasty, nasty}};
  iv.attachments = {hrnews::Attachment{nasty, nasty, 1, nasty}};
  iv.links = {hrnews::Link{nasty, nasty, nasty, nasty, nasty, {}}};
  iv.victims = {hrnews::Victim{nasty, nasty, nasty, nasty, nasty}};
  iv.requested_actions = {nasty, "", " "};
  iv.extensions = {{nasty, nasty}};
  iv.case_ref = hrnews::CaseReference::parse(nasty);
  c.items.push_back(iv);
  c.extensions = {{nasty, nasty}};
  for (bool pretty : {true, false}) {
    hrnews::WriteOptions wo;
    wo.pretty = pretty;
    const std::string xml = hrnews::write_rss(c, wo);
    CHECK(xml_problem(xml).empty());
    if (has_xmllint()) CHECK(xmllint_problem(xml).empty());
    const Collection back = hrnews::read_rss(xml, plain_read());
    CHECK(first_difference(c, back).empty());
  }
}

TEST_CASE("Reading, writing and reading again a real-world feed gives an equal collection", "[rss]") {
  for (const auto& name : readable_fixtures) {
    INFO(name);
    const Collection first = read_fixture(name);
    const std::string xml = hrnews::write_rss(first);
    CHECK(xml_problem(xml).empty());
    const Collection again = hrnews::read_rss(xml, plain_read());
    CHECK(first_difference(first, again).empty());
  }
}

TEST_CASE("Kept foreign elements are written back verbatim where they were found", "[rss]") {
  const Collection c = read_fixture("messy.xml");
  const std::string xml = hrnews::write_rss(c);
  CHECK(xml.find("<itunes:duration xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">00:03:12</itunes:duration>") !=
        std::string::npos);
  CHECK(xml.find("<itunes:category text=\"News\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"") !=
        std::string::npos);
  const Collection r = read_fixture("rss-2.0.xml");
  const std::string xml2 = hrnews::write_rss(r);
  CHECK(xml2.find("<ttl>60</ttl>") != std::string::npos);
  CHECK(xml2.find("<comments>https://www.omct.org/hrds/urgent-interventions/azerbaijan/2015/11/d23443/#comments</comments>") !=
        std::string::npos);
  CHECK(xml2.find("hr:extension") == std::string::npos);
}

TEST_CASE("Kept foreign elements survive a trip through canonical JSON and back to RSS", "[rss]") {
  const Collection c = read_fixture("messy.xml");
  // Extension values are JSON text in the model: a kept element is a JSON string of its outer XML.
  CHECK(item(c, 0).extensions.at("{http://www.itunes.com/dtds/podcast-1.0.dtd}duration") ==
        R"("<itunes:duration xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">00:03:12</itunes:duration>")");
  const Collection via_json = hrnews::read_json(hrnews::write_json(c));
  CHECK(first_difference(c, via_json).empty());
  const std::string xml = hrnews::write_rss(via_json);
  CHECK(xml.find("<itunes:duration xmlns:itunes=") != std::string::npos);
  CHECK(first_difference(c, hrnews::read_rss(xml, plain_read())).empty());
}

TEST_CASE("The format registry reads rss and rdf and writes rss", "[rss]") {
  CHECK(hrnews::detect_format(fixture("rss-2.0.xml")) == "rss");
  CHECK(hrnews::detect_format(fixture("rdf-1.0.xml")) == "rdf");
  const Collection a = hrnews::read(fixture("rss-2.0.xml"), {}, plain_read());
  CHECK(a.feed.source_format == "rss-2.0");
  const Collection b = hrnews::read(fixture("rdf-1.0.xml"), "rdf", plain_read());
  CHECK(b.feed.source_format == "rdf");
  const std::string xml = hrnews::write(a, "rss");
  CHECK(hrnews::read(xml, "rss", plain_read()) == a);
  bool rss_listed = false, rdf_listed = false;
  for (const auto& f : hrnews::formats()) {
    if (f.id == "rss") rss_listed = f.can_read && f.can_write;
    if (f.id == "rdf") rdf_listed = f.can_read && !f.can_write;
  }
  CHECK(rss_listed);
  CHECK(rdf_listed);
}

TEST_CASE("Random collections survive an RSS 2.0 round trip", "[rss]") {
  const std::uint64_t only_seed = env_number("HRNEWS_RSS_ROUNDTRIP_SEED", 0);
  const std::uint64_t count = only_seed ? 1 : env_number("HRNEWS_RSS_ROUNDTRIP_COUNT", 1000);
  const std::uint64_t base_seed = 0x7273730000000000ULL;
  hrnews::WriteOptions compact;
  compact.pretty = false;
  std::size_t trips = 0, items = 0, failures = 0;
  const auto start = std::chrono::steady_clock::now();
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::uint64_t seed = only_seed ? only_seed : base_seed + i;
    RandomModel gen(seed);
    const Collection c = gen.collection();
    items += c.items.size();
    for (bool pretty : {true, false}) {
      hrnews::WriteOptions wo;
      wo.pretty = pretty;
      const std::string xml = hrnews::write_rss(c, wo);
      ++trips;
      auto back = hrnews::try_read_rss(xml, plain_read());
      std::string what;
      if (!back) what = std::string("read failed: ") + back.error()->what();
      else what = first_difference(c, back.value());
      if (!what.empty()) {
        if (++failures <= 10) {
          FAIL_CHECK("seed " << seed << " (HRNEWS_RSS_ROUNDTRIP_SEED=" << seed << "), "
                             << (pretty ? "pretty" : "compact") << ": " << what);
          if (only_seed) std::cout << xml << std::endl;
        }
      }
    }
  }
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  std::cout << "randomized round trips: rss " << trips << " (" << count << " collections, " << items << " items, "
            << ms << " ms), failures: " << failures << std::endl;
  CHECK(failures == 0);
}

// ---------------------------------------------------------------------------
// Known bugs, fixed

TEST_CASE("A kept extension with a duplicate attribute or a bad name never makes written RSS ill-formed", "[rss]") {
  Collection c;
  c.feed.title = hrnews::Text("T");
  c.feed.url = "https://example.org/";
  hrnews::Article a;
  a.id = "urn:x:1";
  a.title = hrnews::Text("X");
  a.extensions["{urn:x}bad"] = R"("<x:bad xmlns:x=\"urn:x\" a=\"1\" a=\"2\"/>")";
  a.extensions["{urn:x}1bad"] = R"("<x:1bad xmlns:x=\"urn:x\"/>")";
  a.extensions["{urn:x}undeclared"] = R"("<x:undeclared y:z=\"1\" xmlns:x=\"urn:x\"/>")";
  c.items.emplace_back(a);
  const std::string written = hrnews::write_rss(c);
  CHECK(written.find("a=\"1\" a=\"2\"") == std::string::npos);
  CHECK(written.find("<x:1bad") == std::string::npos);
  if (has_xmllint()) CHECK(xmllint_problem(written).empty());
  // what could not go out as markup goes out escaped, and comes back unchanged
  const Collection back = hrnews::read_rss(written, plain_read());
  CHECK(repairs(back).empty());
  REQUIRE(back.items.size() == 1);
  CHECK(hrnews::article_of(back.items[0]).extensions == a.extensions);
}

TEST_CASE("A kept element from a variant namespace URI is written with the canonical URI and reported once", "[rss]") {
  const std::string feed =
      "<rss version=\"2.0\" xmlns:dc=\"https://purl.org/dc/elements/1.1\"><channel><title>T</title>"
      "<link>https://example.org/</link><description>D</description>"
      "<item><guid>urn:x:1</guid><dc:contributor>Luis</dc:contributor></item></channel></rss>";
  const Collection c = hrnews::read_rss(feed, plain_read());
  CHECK(with_code(c, "namespace-variant").size() == 1);
  const auto& ext = hrnews::article_of(c.items.at(0)).extensions;
  REQUIRE(ext.count("{http://purl.org/dc/elements/1.1/}contributor") == 1);
  CHECK(ext.at("{http://purl.org/dc/elements/1.1/}contributor") ==
        R"("<dc:contributor xmlns:dc=\"http://purl.org/dc/elements/1.1/\">Luis</dc:contributor>")");
  const std::string written = hrnews::write_rss(c);
  CHECK(written.find("xmlns:dc=\"https://purl.org/dc") == std::string::npos);
  CHECK(written.find("<dc:contributor xmlns:dc=\"http://purl.org/dc/elements/1.1/\">Luis</dc:contributor>") !=
        std::string::npos);
  const Collection back = hrnews::read_rss(written, plain_read());
  CHECK(with_code(back, "namespace-variant").size() == 1);  // the one restored from the first reading, no second
  CHECK(hrnews::article_of(back.items.at(0)).extensions == ext);
}
