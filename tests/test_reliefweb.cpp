// SPDX-License-Identifier: Apache-2.0
// ReliefWeb import (hrnews/reliefweb.hpp): every field of the API's report
// shape, the theme/format mapping table, diagnostics, errors (whole messages),
// limits and sniffing. Fixtures: tests/data/reliefweb/ (hand-written).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <hrnews/io.hpp>
#include <hrnews/json.hpp>
#include <hrnews/reliefweb.hpp>

using namespace hrnews;

namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::filesystem::path(HRNEWS_TEST_DATA_DIR) / "reliefweb" / name, std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

ReadOptions named(const std::string& name) {
  ReadOptions o;
  o.file_name = name;
  return o;
}

std::string message_of(const std::string& bytes, const ReadOptions& options = {}) {
  const Result<Collection> r = try_read_reliefweb(bytes, options);
  REQUIRE_FALSE(r.ok());
  return r.error()->what();
}

const Diagnostic* find(const Collection& c, std::string_view code) {
  for (const Diagnostic& d : c.diagnostics) {
    if (d.code == code) return &d;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("A ReliefWeb v1 report maps title, body, dates, countries, source, language, files and URLs", "[reliefweb]") {
  const Collection c = read_reliefweb(fixture("reports-v1.json"));
  CHECK(c.feed.source_format == "reliefweb-v1");
  CHECK(c.feed.title == Text("ReliefWeb"));
  REQUIRE(c.feed.links.size() == 2);
  CHECK(c.feed.links[0].rel == "self");
  CHECK(c.feed.links[1].rel == "next");
  CHECK(c.feed.links[1].href == "https://api.reliefweb.int/v1/reports?appname=hrnews-fixture&limit=3&offset=3");
  CHECK(c.extensions.at("reliefweb:totalCount") == "4711");
  REQUIRE(c.items.size() == 3);

  const Article& a = article_of(c.items[0]);
  CHECK(a.id == "https://reliefweb.int/node/1001");
  CHECK(a.url == "https://reliefweb.int/report/colombia/colombia-victims-torture-are-yet-be-recognised-and-repaired");
  REQUIRE(a.links.size() == 2);
  CHECK(a.links[0].href == "https://reliefweb.int/node/1001");
  CHECK(a.links[0].rel == "alternate");
  CHECK(a.links[1].href == "https://api.reliefweb.int/v1/reports/1001");
  CHECK(a.links[1].rel == "via");
  CHECK(a.title == Text("Colombia: Victims of torture are yet to be recognised and repaired"));
  CHECK(a.content == Text("<p>Victims of torture in Colombia are <em>still</em> waiting.</p>", TextType::html));
  REQUIRE(a.published);
  CHECK(a.published->to_rfc3339() == "2015-11-18T00:00:00Z");  // +00:00 is written Z
  REQUIRE(a.updated);
  CHECK(a.updated->to_rfc3339() == "2015-11-20T10:00:00Z");
  CHECK(a.extensions.at("reliefweb:date.created") == "\"2015-11-19T08:12:00Z\"");
  CHECK(a.countries == std::vector<std::string>{"CO"});
  CHECK(a.regions == std::vector<std::string>{"m49-001"});
  REQUIRE(a.geo);
  CHECK(a.geo->lat == Approx(3.9));
  CHECK(a.geo->lon == Approx(-73.08));
  REQUIRE(a.publishers.size() == 1);
  CHECK(a.publishers[0] == Party{PartyKind::organisation, "World Organisation Against Torture", "publisher", "OMCT", "",
                                 "http://www.omct.org/"});
  CHECK(a.language == "en");
  REQUIRE(a.attachments.size() == 1);
  CHECK(a.attachments[0] == Attachment{"https://reliefweb.int/sites/default/files/resources/omct-colombia.pdf",
                                       "application/pdf", 123456, "Full statement"});
  CHECK(a.extensions.at("reliefweb:status") == "\"published\"");
  CHECK(a.extensions.at("reliefweb:disaster_type") == R"([{"id":4642,"name":"Epidemic"}])");
}

TEST_CASE("ReliefWeb themes and formats are mapped by the table and always kept as raw categories", "[reliefweb]") {
  const Collection c = read_reliefweb(fixture("reports-v1.json"));
  const Article& a = article_of(c.items[0]);
  CHECK(a.subjects == std::vector<TermRef>{{"theme", "economic-social-cultural-rights"}, {"genre", "press-release"}});
  CHECK(a.categories == std::vector<Category>{{"Protection and Human Rights", std::string(reliefweb_theme_scheme), ""},
                                              {"Health", std::string(reliefweb_theme_scheme), ""},
                                              {"News and Press Release", std::string(reliefweb_format_scheme), ""}});
  const Article& b = article_of(c.items[1]);
  CHECK(b.subjects == std::vector<TermRef>{{"genre", "report"}});
  CHECK(b.language == "fr");
  CHECK(b.content == Text("Le Ministère de l'Intérieur a suspendu les activités de 10 ONG."));
  REQUIRE(b.published);
  CHECK(b.published->to_rfc3339() == "2015-11-24T12:00:00Z");  // no "original": "created"
  const Diagnostic* d = find(c, "reliefweb-unmapped");
  REQUIRE(d);
  CHECK(d->severity == Severity::info);
  CHECK(d->message ==
        "3 ReliefWeb values not mapped to hrnews terms, kept as raw categories: theme \"Protection and Human Rights\" (2), "
        "format \"Map\" (1), format \"Other\" (1)");
}

TEST_CASE("The mapping table matches names whatever their case, accents and spacing", "[reliefweb]") {
  const std::string doc = R"({"data":[{"id":"1","fields":{"title":"t","url":"https://reliefweb.int/node/1",
    "theme":[{"name":"  climate change AND environment "}],"format":[{"name":"NEWS and press release"}]}}]})";
  const Collection c = read_reliefweb(doc);
  CHECK(article_of(c.items[0]).subjects ==
        std::vector<TermRef>{{"theme", "environmental-rights"}, {"genre", "press-release"}});
  CHECK_FALSE(find(c, "reliefweb-unmapped"));
  std::size_t rows = 0;
  for (const ReliefWebMapping& m : reliefweb_mappings()) {
    CHECK((m.field == "theme" || m.field == "format"));
    CHECK((m.match == "exact" || m.match == "close" || m.match == "broad"));
    ++rows;
  }
  CHECK(rows == 12);
}

TEST_CASE("A v2 response on one line, with two sources, and a bare data array are read", "[reliefweb]") {
  const Collection c = read_reliefweb(fixture("single-v2.json"));
  CHECK(c.feed.source_format == "reliefweb-v2");
  REQUIRE(c.items.size() == 1);
  const Article& a = article_of(c.items[0]);
  CHECK(a.countries == std::vector<std::string>{"AZ"});
  REQUIRE(a.publishers.size() == 2);
  CHECK(a.publishers[1].abbreviation == "FIDH");
  CHECK(a.subjects == std::vector<TermRef>{{"theme", "women-rights"}, {"genre", "report"}});

  const Collection bare = read_reliefweb(fixture("bare-data.json"));
  CHECK(bare.feed.source_format == "reliefweb");
  REQUIRE(bare.items.size() == 1);
  CHECK(article_of(bare.items[0]).countries == std::vector<std::string>{"VE"});
  CHECK(article_of(bare.items[0]).id == "https://reliefweb.int/node/3001");
}

TEST_CASE("Repairs of a ReliefWeb response are diagnostics with their JSON Pointer", "[reliefweb]") {
  const Collection c = read_reliefweb(fixture("repairs.json"));
  REQUIRE(c.items.size() == 2);
  std::vector<std::string> seen;
  for (const Diagnostic& d : c.diagnostics) {
    if (d.code == "language-inferred" || d.code == "id-derived") continue;
    seen.push_back(std::string(to_string(d.severity)) + " " + d.code + " " + d.path + ": " + d.message);
  }
  CHECK(seen == std::vector<std::string>{
                    "warning wrong-type /data/0/fields/title: expected a string, found a number; ignored",
                    "warning file-no-url /data/0/fields/file/0: file has no \"url\"; ignored",
                    "warning date-unparsed /data/0/fields/date/original: \"18 Novembre 2015 ??\" is not a date; dropped",
                    "warning country-unknown /data/0/fields/country/0: country \"Atlantis\" has an unknown \"iso3\" \"zzz\"; kept as a raw category",
                    "warning fields-missing /data/1: report has no \"fields\"; skipped",
                    "warning wrong-type /data/2: expected an object, found a string; ignored",
                    "warning wrong-type /data/3/fields/theme: expected an array, found a string; ignored",
                    "warning title-missing /data/3/fields: report has no \"title\""});
  // The report without a URL gets the id of its ReliefWeb number.
  CHECK(article_of(c.items[1]).id == "urn:reliefweb:report:4003");
  CHECK(article_of(c.items[1]).subjects.empty());
  CHECK(article_of(c.items[1]).content == Text("No title at all"));
  // The unknown country is kept as a raw category.
  CHECK(article_of(c.items[0]).categories ==
        std::vector<Category>{{"Atlantis", "https://reliefweb.int/taxonomy/country", ""}});
}

TEST_CASE("In strict mode the first repair of a ReliefWeb response is an error", "[reliefweb]") {
  ReadOptions strict = named("repairs.json");
  strict.strict = true;
  CHECK(message_of(fixture("repairs.json"), strict) ==
        "repairs.json: reliefweb: /data/0/fields/title: expected a string, found a number; ignored (strict mode)");
}

TEST_CASE("Bad ReliefWeb input is an error with its whole message", "[reliefweb]") {
  CHECK(message_of(fixture("no-data.json"), named("no-data.json")) ==
        "no-data.json: reliefweb: missing required member \"data\"");
  CHECK(message_of(fixture("data-not-array.json"), named("data-not-array.json")) ==
        "data-not-array.json: reliefweb: /data: expected an array, found an object");
  CHECK(message_of(fixture("syntax-error.json"), named("syntax-error.json")) ==
        "syntax-error.json:3:39: reliefweb: syntax error: unexpected '}'");
  CHECK(message_of("[1]") == "<input>: reliefweb: expected an object (a ReliefWeb API response)");
  CHECK_THROWS_AS(read_reliefweb("{\"data\": ["), ParseError);
}

TEST_CASE("Limits hold for ReliefWeb input: size, items, depth and string length", "[reliefweb]") {
  const std::string doc = fixture("reports-v1.json");
  ReadOptions o;
  o.limits.max_input_bytes = 100;
  CHECK(message_of(doc, o) == "<input>: reliefweb: input is " + std::to_string(doc.size()) +
                                  " bytes, over the limit of 100 bytes");
  o = ReadOptions{};
  o.limits.max_items = 2;
  CHECK(message_of(doc, o) == "<input>: reliefweb: /data/2: more than 2 items (limit max_items)");
  o = ReadOptions{};
  o.limits.max_depth = 3;
  CHECK(message_of(doc, o) == "<input>:14:17: reliefweb: nesting is over the limit of 3 levels");
  o = ReadOptions{};
  o.limits.max_string_bytes = 20;
  CHECK(message_of(doc, o) == "<input>: reliefweb: string is 67 bytes, over the limit of 20 bytes");
}

TEST_CASE("ReliefWeb responses are sniffed, and --from reliefweb reads what cannot be", "[reliefweb]") {
  CHECK(detect_format(fixture("reports-v1.json")) == "reliefweb");
  CHECK(detect_format(fixture("single-v2.json")) == "reliefweb");
  CHECK(detect_format(fixture("bare-data.json")) == "reliefweb");
  const std::string unsniffable = R"({"data": []})";
  CHECK(detect_format(unsniffable) == "");
  CHECK(read(unsniffable, "reliefweb").items.empty());
  CHECK(read(fixture("single-v2.json")).feed.source_format == "reliefweb-v2");
  bool found = false;
  for (const FormatInfo& f : formats()) {
    if (f.id == "reliefweb") {
      found = true;
      CHECK(f.can_read);
      CHECK_FALSE(f.can_write);
    }
  }
  CHECK(found);
}

TEST_CASE("A ReliefWeb import survives the canonical JSON round trip", "[reliefweb]") {
  const Collection c = read_reliefweb(fixture("reports-v1.json"));
  CHECK(read_json(write_json(c)) == c);
}
