// SPDX-License-Identifier: Apache-2.0
// schema.org JSON-LD export (hrnews/jsonld.hpp): exact output for the sample's
// items of each kind (tests/data/jsonld/, checked by hand against
// docs/format-jsonld.md), the <script> block, and well-formed JSON for random
// models full of hostile strings.
#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <nlohmann/json.hpp>

#include <hrnews/io.hpp>
#include <hrnews/json.hpp>
#include <hrnews/jsonld.hpp>

#include "random_model.hpp"
#include "test_support.hpp"

using namespace hrnews;
using nlohmann::json;

namespace {

using hrnews_test::slurp;

const Collection& sample() {
  static const Collection c = read_json(slurp(std::filesystem::path(HRNEWS_EXAMPLES_DATA_DIR) / "omct-2015-11.json"));
  return c;
}

std::string expected(const std::string& name) {
  return slurp(std::filesystem::path(HRNEWS_TEST_DATA_DIR) / "jsonld" / name);
}

}  // namespace

TEST_CASE("A statement of the sample is a NewsArticle with publisher, about, genre and Country", "[jsonld]") {
  CHECK(write_jsonld_item(sample(), 0) == expected("sample-0-article.jsonld"));
}

TEST_CASE("An item announcing a side event is an Event with startDate, location and organizer", "[jsonld]") {
  CHECK(write_jsonld_item(sample(), 1) == expected("sample-1-event.jsonld"));
}

TEST_CASE("An urgent intervention of the sample is a NewsArticle about its violations", "[jsonld]") {
  CHECK(write_jsonld_item(sample(), 2) == expected("sample-2-intervention.jsonld"));
}

TEST_CASE("An item of a campaign names it with isPartOf and its region with spatialCoverage", "[jsonld]") {
  CHECK(write_jsonld_item(sample(), 3) == expected("sample-3-campaign-article.jsonld"));
}

TEST_CASE("A collection is one document with the schema.org context and a graph of its items", "[jsonld]") {
  const json doc = json::parse(write_jsonld(sample()));
  CHECK(doc["@context"] == "https://schema.org");
  REQUIRE(doc["@graph"].size() == sample().items.size());
  for (std::size_t i = 0; i < 4; ++i) {
    json node = json::parse(expected("sample-" + std::to_string(i) + (i == 0 ? "-article" : i == 1 ? "-event" : i == 2 ? "-intervention" : "-campaign-article") + ".jsonld"));
    node.erase("@context");
    CHECK(doc["@graph"][i] == node);
  }
  std::size_t events = 0;
  for (const json& n : doc["@graph"]) events += n["@type"] == "Event" ? 1 : 0;
  CHECK(events == 2);
  WriteOptions compact;
  compact.pretty = false;
  CHECK(write(sample(), "jsonld", compact) == write_jsonld(sample(), compact));
  CHECK(write_jsonld(Collection{}, compact) == R"({"@context":"https://schema.org","@graph":[]})");
}

TEST_CASE("Dates keep their precision and offset; interventions carry their case reference and deadline", "[jsonld]") {
  Intervention in;
  in.id = "urn:x:1";
  in.title = Text("<b>Title</b> &amp; more", TextType::html);
  in.summary = Text("<p>One</p><p>Two</p>", TextType::html);
  in.published = Timestamp::from_fields(2015, 11, 26, 9, 30, 0, 0, 60, Precision::second);
  in.updated = Timestamp::from_fields(2015, 11, 1, 0, 0, 0, 0, std::nullopt, Precision::month);
  in.case_ref = CaseReference::parse("UA 229/10");
  in.deadline = Timestamp::from_fields(2015, 12, 24, 0, 0, 0, 0, std::nullopt, Precision::day);
  in.attachments.push_back(Attachment{"https://example.org/a.pdf", "application/pdf", 1234, "Appeal"});
  in.publishers.push_back(Party{PartyKind::organisation, "FIDH", "co-signatory", "", "", ""});
  Collection c;
  c.feed.language = "fr";
  c.items.emplace_back(in);
  WriteOptions compact;
  compact.pretty = false;
  CHECK(write_jsonld_item(c, 0, compact) ==
        R"({"@context":"https://schema.org","@type":"NewsArticle","@id":"urn:x:1",)"
        R"("identifier":{"@type":"PropertyValue","propertyID":"case-reference","value":"UA 229/10"},)"
        R"("headline":"Title & more","description":"One Two","datePublished":"2015-11-26T09:30:00+01:00",)"
        R"("dateModified":"2015-11","inLanguage":"fr","contributor":{"@type":"Organization","name":"FIDH"},)"
        R"("associatedMedia":{"@type":"MediaObject","contentUrl":"https://example.org/a.pdf",)"
        R"("encodingFormat":"application/pdf","contentSize":"1234 B","name":"Appeal"},"expires":"2015-12-24"})");
}

TEST_CASE("The script block escapes </script> and <!-- so no string can end it early", "[jsonld]") {
  Article a;
  a.id = "urn:x:2";
  a.title = Text("</script><script>alert(1)</script> <!-- x -->");
  Collection c;
  c.items.emplace_back(a);
  WriteOptions compact;
  compact.pretty = false;
  const std::string block = jsonld_script(c, 0, compact);
  CHECK(block ==
        "<script type=\"application/ld+json\">\n"
        R"({"@context":"https://schema.org","@type":"NewsArticle","@id":"urn:x:2",)"
        R"("headline":"<\/script><script>alert(1)<\/script> \u003c!-- x -->"})"
        "\n</script>\n");
  const std::string inner = block.substr(36, block.size() - 36 - 11);
  CHECK(json::parse(inner)["headline"] == "</script><script>alert(1)</script> <!-- x -->");
  CHECK(escape_for_script("a</b<!--c") == "a<\\/b\\u003c!--c");
}

TEST_CASE("JSON-LD of random models with hostile strings is well-formed, also inside a script block", "[jsonld]") {
  std::size_t nodes = 0;
  for (std::uint64_t seed = 7000000; seed < 7000200; ++seed) {
    CAPTURE(seed);
    hrnews_test::RandomModel gen(seed);
    const Collection c = gen.collection();
    const json doc = json::parse(write_jsonld(c));
    REQUIRE(doc["@graph"].size() == c.items.size());
    nodes += c.items.size();
    for (std::size_t i = 0; i < c.items.size(); ++i) {
      const std::string block = jsonld_script(c, i);
      const std::string inner = block.substr(36, block.size() - 36 - 11);
      CHECK(inner.find("</") == std::string::npos);
      const json one = json::parse(inner);
      json node = doc["@graph"][i];
      CHECK(one["@type"] == node["@type"]);
      node["@context"] = "https://schema.org";
      CHECK(one == node);
    }
  }
  CHECK(nodes > 500);
}
