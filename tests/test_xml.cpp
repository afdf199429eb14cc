// SPDX-License-Identifier: Apache-2.0
// The canonical XML format (hrnews/xml.hpp): lossless round trips of random
// models, the sample, unknown (foreign) content kept, limits, and invalid
// documents rejected at the expected place with the whole message.
//
// Environment:
//   HRNEWS_XML_ROUNDTRIP_COUNT=N   number of random collections (default 2000)
//   HRNEWS_XSD_OUT=DIR             [xsd-out] writes its documents into DIR (validated by tests/xsd.cmake)
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <hrnews/io.hpp>
#include <hrnews/json.hpp>
#include <hrnews/xml.hpp>

#include "random_model.hpp"
#include "test_support.hpp"

using hrnews::Collection;
using hrnews::ParseError;
using hrnews_test::first_difference;
using hrnews_test::RandomModel;

namespace {

constexpr std::uint64_t xml_seed = 0x786d6c0000000000ULL;  // "xml"

using hrnews_test::env_number;

using hrnews_test::slurp;

const std::string sample_path = std::string(HRNEWS_EXAMPLES_DATA_DIR) + "/omct-2015-11.json";

std::string doc(const std::string& body) {
  return "<?xml version=\"1.0\"?>\n<hrnews xmlns=\"urn:hrnews:xml:1.0\" format_version=\"1.0\">\n" + body +
         "</hrnews>\n";
}

std::string error_of(const std::string& xml, hrnews::ReadOptions options = {}) {
  if (options.file_name.empty()) options.file_name = "bad.xml";
  auto r = hrnews::try_read_xml(xml, options);
  if (r.ok()) return "(no error)";
  return r.error()->what();
}

}  // namespace

TEST_CASE("Random collections survive a canonical XML round trip unchanged", "[xml][roundtrip]") {
  const std::uint64_t count = env_number("HRNEWS_XML_ROUNDTRIP_COUNT", 2000);
  std::uint64_t passed = 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::uint64_t seed = xml_seed + i;
    RandomModel gen(seed);
    const Collection c = gen.collection();
    hrnews::WriteOptions w;
    w.pretty = (i % 2) == 0;
    const std::string text = hrnews::write_xml(c, w);
    Collection back;
    try {
      back = hrnews::read_xml(text);
    } catch (const std::exception& e) {
      FAIL("seed " << seed << ": the reader threw: " << e.what());
    }
    if (back != c) FAIL("seed " << seed << ": the model read back differs: " << first_difference(c, back));
    // Writing what was read gives the same bytes.
    REQUIRE(hrnews::write_xml(back, w) == text);
    ++passed;
  }
  WARN("xml random round trips: " << passed << " of " << count);
  CHECK(passed == count);
}

TEST_CASE("The sample reads back from XML equal to its JSON original", "[xml]") {
  const Collection c = hrnews::read_json(slurp(sample_path));
  const std::string text = hrnews::write_xml(c);
  CHECK(hrnews::read_xml(text) == c);
  CHECK(hrnews::detect_format(text) == "xml");
  CHECK(hrnews::read(text) == c);
  CHECK(hrnews::write(c, "xml") == text);
  CHECK(text.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<hrnews xmlns=\"urn:hrnews:xml:1.0\" "
                   "format_version=\"1.0\">\n  <feed>\n",
                   0) == 0);
}

TEST_CASE("Characters XML cannot carry are written escaped and read back exactly", "[xml]") {
  Collection c;
  hrnews::Article a;
  a.id = "a\\b";
  a.title = hrnews::Text(std::string("nul\0 bell\x07 cr\r ffff\xEF\xBF\xBF bad\xFF end", 32 - 1), hrnews::TextType::html);
  a.dateline = "  spaces kept  ";
  c.items.emplace_back(a);
  const std::string text = hrnews::write_xml(c);
  CHECK(text.find("<id>a\\b</id>") != std::string::npos);
  CHECK(text.find("<title type=\"html\" escaped=\"true\">nul\\u0000 bell\\u0007 cr&#13; ffff\\uFFFF bad\\xFF end</title>") !=
        std::string::npos);
  CHECK(text.find("<dateline>  spaces kept  </dateline>") != std::string::npos);
  CHECK(hrnews::read_xml(text) == c);
}

TEST_CASE("Foreign elements and attributes are kept and written back", "[xml]") {
  const std::string in = doc(
      "  <feed xmlns:g=\"urn:example:g\" g:flag=\"yes\" xml:lang=\"fr\">\n"
      "    <title>t</title>\n"
      "    <g:note kind=\"a\">first <g:b>bold</g:b></g:note>\n"
      "    <g:note>second</g:note>\n"
      "  </feed>\n"
      "  <items>\n"
      "    <article><id>1</id><future_field>x</future_field>"
      "<extension><name>x_ref</name><json>{\"a\":1}</json></extension></article>\n"
      "  </items>\n");
  const Collection c = hrnews::read_xml(in);
  const auto& ext = c.feed.extensions;
  REQUIRE(ext.size() == 3);
  CHECK(ext.at("xml:@{urn:example:g}flag") == "\"yes\"");
  CHECK(ext.at("xml:@{http://www.w3.org/XML/1998/namespace}lang") == "\"fr\"");
  CHECK(ext.at("xml:elements") ==
        "\"<g:note kind=\\\"a\\\" xmlns:g=\\\"urn:example:g\\\">first "
        "<g:b>bold</g:b></g:note><g:note xmlns:g=\\\"urn:example:g\\\">second</g:note>\"");
  const auto& item_ext = hrnews::article_of(c.items[0]).extensions;
  CHECK(item_ext.at("x_ref") == "{\"a\":1}");
  CHECK(item_ext.at("xml:elements") == "\"<future_field xmlns=\\\"urn:hrnews:xml:1.0\\\">x</future_field>\"");

  const std::string out = hrnews::write_xml(c);
  CHECK(out.find("<feed xml:lang=\"fr\" xmlns:x1=\"urn:example:g\" x1:flag=\"yes\">") != std::string::npos);
  CHECK(out.find("    <g:note kind=\"a\" xmlns:g=\"urn:example:g\">first "
                 "<g:b>bold</g:b></g:note><g:note") != std::string::npos);
  // An unknown element of the hrnews namespace would not be valid XSD output: it goes into <extension>.
  CHECK(out.find("<name>xml:elements</name>") != std::string::npos);
  CHECK(hrnews::read_xml(out) == c);
  // And the same through JSON.
  CHECK(hrnews::read_xml(hrnews::write_xml(hrnews::read_json(hrnews::write_json(c)))) == c);
}

TEST_CASE("Limits of the canonical XML reader are enforced", "[xml]") {
  hrnews::ReadOptions o;
  o.file_name = "big.xml";
  o.limits.max_input_bytes = 10;
  CHECK(error_of(doc(""), o) == "big.xml: xml: input is 89 bytes, over the limit of 10 bytes");

  o = {};
  o.limits.max_items = 1;
  CHECK(error_of(doc("<items><article><id>1</id></article><article><id>2</id></article></items>"), o) ==
        "bad.xml:3:37: xml: /hrnews/items/article[2]: more than 1 items (limit max_items)");

  o = {};
  o.limits.max_string_bytes = 3;
  CHECK(error_of(doc("<feed><id>abcd</id></feed>"), o) ==
        "bad.xml:3:7: xml: /hrnews/feed/id: string is 4 bytes, over the limit of 3 bytes");

  o = {};
  o.limits.max_depth = 3;
  CHECK(error_of(doc("<feed><g:x xmlns:g=\"urn:g\"><g:y/></g:x></feed>"), o) ==
        "bad.xml:3:28: xml: /hrnews/feed/g:x/g:y: nesting is over the limit of 3 levels");

  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<a>";
  for (int i = 0; i < 100000; ++i) deep += "</a>";
  const std::string deep_error = error_of(doc(deep));
  std::string deep_path = "/hrnews";
  for (int i = 0; i < 256; ++i) deep_path += "/a";
  CHECK(deep_error == "bad.xml:3:766: xml: " + deep_path + ": nesting is over the limit of 256 levels");
}

TEST_CASE("Invalid canonical XML documents are rejected at the expected place", "[xml]") {
  // Syntax errors: line and column.
  CHECK(error_of("<hrnews xmlns=\"urn:hrnews:xml:1.0\" format_version=\"1.0\">\n  <feed>\n</hrnews>\n") ==
        "bad.xml:3:3: xml: syntax error: start-end tags mismatch");
  CHECK(error_of("") == "bad.xml:1:1: xml: syntax error: no document element found");
  CHECK(error_of("<hrnews xmlns=\"urn:hrnews:xml:1.0\" format_version=\"1.0\"><feed><id>x</i") ==
        "bad.xml:1:70: xml: syntax error: start-end tags mismatch");
  // The root element.
  CHECK(error_of("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"/>") ==
        "bad.xml:2:1: xml: /rss: expected the root element <hrnews> in namespace \"urn:hrnews:xml:1.0\"");
  CHECK(error_of("<hrnews format_version=\"1.0\"/>") ==
        "bad.xml:1:1: xml: /hrnews: expected the root element <hrnews> in namespace \"urn:hrnews:xml:1.0\"");
  CHECK(error_of("<hrnews xmlns=\"urn:hrnews:xml:1.0\"/>") ==
        "bad.xml:1:1: xml: /hrnews: missing required attribute \"format_version\"");
  CHECK(error_of("<hrnews xmlns=\"urn:hrnews:xml:1.0\" format_version=\"2.0\"/>") ==
        "bad.xml:1:1: xml: /hrnews/@format_version: unsupported format version \"2.0\"");
  // Semantic errors: line, column and path.
  CHECK(error_of(doc("  <items>\n    <article><id>1</id></article>\n    <article>\n      <id>2</id>\n"
                     "      <published>32 Nov</published>\n    </article>\n  </items>\n")) ==
        "bad.xml:7:7: xml: /hrnews/items/article[2]/published: \"32 Nov\" is not a valid date");
  CHECK(error_of(doc("  <items>\n    <article><title>no id</title></article>\n  </items>\n")) ==
        "bad.xml:4:5: xml: /hrnews/items/article: missing required element <id>");
  CHECK(error_of(doc("  <items>\n    <intervention><id>1</id><intervention_type>urgent</intervention_type>"
                     "</intervention>\n  </items>\n")) ==
        "bad.xml:4:29: xml: /hrnews/items/intervention/intervention_type: unknown value \"urgent\"");
  CHECK(error_of(doc("  <items>\n    <article><id>1</id><title type=\"rtf\">x</title></article>\n  </items>\n")) ==
        "bad.xml:4:24: xml: /hrnews/items/article/title/@type: unknown text type \"rtf\"");
  CHECK(error_of(doc("  <items>\n    <article><id>1</id><geo><lat>north</lat><lon>1</lon></geo></article>\n"
                     "  </items>\n")) ==
        "bad.xml:4:29: xml: /hrnews/items/article/geo/lat: expected a number");
  CHECK(error_of(doc("  <items>\n    <article><id>1</id><geo><lat>1</lat></geo></article>\n  </items>\n")) ==
        "bad.xml:4:24: xml: /hrnews/items/article/geo: missing required element <lon>");
  CHECK(error_of(doc("  <feed><links><link><href>h</href><length>-1</length></link></links></feed>\n")) ==
        "bad.xml:3:36: xml: /hrnews/feed/links/link/length: expected a non-negative integer");
  CHECK(error_of(doc("  <feed><links><link><href>h</href><length>99999999999999999999</length></link></links></feed>\n")) ==
        "bad.xml:3:36: xml: /hrnews/feed/links/link/length: number out of range");
  CHECK(error_of(doc("  <feed><id escaped=\"true\">bad \\q</id></feed>\n")) ==
        "bad.xml:3:9: xml: /hrnews/feed/id: bad escape sequence at character 5");
  CHECK(error_of(doc("  <campaigns><campaign><name>n</name></campaign></campaigns>\n")) ==
        "bad.xml:3:14: xml: /hrnews/campaigns/campaign: missing required element <id>");
  CHECK(error_of(doc("  <schemes><scheme><id>s</id><terms><term><code>c</code><deprecated>maybe</deprecated></term>"
                     "</terms></scheme></schemes>\n")) ==
        "bad.xml:3:57: xml: /hrnews/schemes/scheme/terms/term/deprecated: expected a boolean");
  CHECK(error_of(doc("  <feed><extension><name>x</name></extension></feed>\n")) ==
        "bad.xml:3:9: xml: /hrnews/feed/extension: missing required element <json>");
}

TEST_CASE("A prefixed hrnews namespace is read like the default one", "[xml]") {
  const Collection c = hrnews::read_xml(
      "<h:hrnews xmlns:h=\"urn:hrnews:xml:1.0\" format_version=\"1.0\"><h:items><h:article><h:id>1</h:id>"
      "<h:title type=\"html\">&lt;b&gt;x</h:title></h:article></h:items></h:hrnews>");
  REQUIRE(c.items.size() == 1);
  CHECK(hrnews::article_of(c.items[0]).title == hrnews::Text("<b>x", hrnews::TextType::html));
}

TEST_CASE("XML documents for XSD validation", "[xsd-out]") {
  const char* dir = std::getenv("HRNEWS_XSD_OUT");
  if (dir == nullptr || *dir == '\0') {
    WARN("HRNEWS_XSD_OUT is not set: nothing written");
    return;
  }
  const std::filesystem::path out(dir);
  std::filesystem::create_directories(out);
  auto save = [&](const std::string& name, const std::string& text) {
    std::ofstream f(out / name, std::ios::binary);
    f << text;
    REQUIRE(f.good());
  };
  save("omct-2015-11.xml", hrnews::write_xml(hrnews::read_json(slurp(sample_path))));
  for (std::uint64_t i = 0; i < 200; ++i) {
    RandomModel gen(xml_seed + 0x100000 + i);
    hrnews::WriteOptions w;
    w.pretty = (i % 2) == 0;
    save("random-" + std::to_string(i) + ".xml", hrnews::write_xml(gen.collection(), w));
  }
}
