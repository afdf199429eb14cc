// SPDX-License-Identifier: Apache-2.0
// Writers never emit ill-formed output, whatever the model holds: random
// models (tests/random_model.hpp) poisoned with hostile strings — control
// characters, NUL, invalid UTF-8, `]]>`, `--`, lone surrogates encoded as
// CESU-8/WTF-8 bytes, overlong forms, `</script>` — are written in every
// format; XML output is checked by libxml2 (a conforming parser, when the build
// found it), pugixml and a strict UTF-8/XML-character scan, JSON output by
// nlohmann::json; every format with a reader reads it back, and the Boost
// archives give back the very same model.
#include <catch2/catch.hpp>

#include <cstdint>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <hrnews/io.hpp>
#include <hrnews/jsonld.hpp>
#include <hrnews/serialization.hpp>

#ifdef HRNEWS_TEST_HAVE_LIBXML2
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#endif

#include "random_model.hpp"

namespace {

const std::vector<std::string>& hostile_fragments() {
  static const std::vector<std::string> f = {
      std::string(1, '\0'), "\x01", "\x0B", "\x0C", "\x1F", "\x7F", "]]>", "]]]]><![CDATA[>", "--", "-->",
      "<!--", "\xED\xA0\x80", "\xED\xBF\xBF", "\xED\xA0\xBD\xED\xB8\x80",  // lone and paired surrogates (CESU-8)
      "\xC0\xAF", "\xE0\x80\xAF", "\xF8\x88\x80\x80\x80", "\xFF", "\xFE", "\x80", "\xC3", "\xE2\x82",
      "\xF4\x90\x80\x80", "\xEF\xBF\xBE", "\xEF\xBF\xBF", "&", "&#0;", "&bogus;", "<", ">", "\"", "'", "\\",
      "\\u0000", "\\ud800", "\r", "\r\n", "\xC2\x85", "\xE2\x80\xA8", "</item>", "</entry>", "<![CDATA[",
      "?>", "<?xml version=\"1.0\"?>", "\xEF\xBB\xBF", "</script>", "</SCRIPT >", "<!--<script>",
      "\xEE\x80\x80", "\xEE\x80\x80" "1F", "\xEF\xBF\xBD"};  // U+E000 (the boost-xml escape), U+FFFD
  return f;
}

/// Adds 1–3 hostile fragments to `s` at random places (keeps non-empty strings non-empty).
void poison(hrnews_test::RandomModel& gen, std::string& s) {
  for (int n = gen.between(1, 3); n > 0; --n) {
    const std::string& f = gen.pick(hostile_fragments());
    const std::size_t at = gen.between<std::size_t>(0, s.size());
    s.insert(at, f);
  }
}

void poison(hrnews_test::RandomModel& gen, hrnews::Text& t) { poison(gen, t.value); }
void poison(hrnews_test::RandomModel& gen, std::optional<hrnews::Text>& t) {
  if (t) poison(gen, t->value);
}

void poison(hrnews_test::RandomModel& gen, hrnews::Collection& c) {
  poison(gen, c.feed.title);
  poison(gen, c.feed.subtitle);
  poison(gen, c.feed.rights);
  poison(gen, c.feed.generator);
  poison(gen, c.feed.id);
  for (hrnews::Item& item : c.items) {
    hrnews::Article& a = hrnews::article_of(item);
    poison(gen, a.id);
    poison(gen, a.title);
    poison(gen, a.summary);
    poison(gen, a.content);
    poison(gen, a.rights);
    poison(gen, a.dateline);
    if (!a.url.empty()) poison(gen, a.url);
    for (hrnews::Person& p : a.authors) poison(gen, p.name);
    for (hrnews::Category& k : a.categories) {
      poison(gen, k.term);
      poison(gen, k.label);
    }
    for (hrnews::Link& l : a.links) poison(gen, l.title);
    if (a.event) poison(gen, a.event->location);
  }
  for (hrnews::Campaign& k : c.campaigns) {
    poison(gen, k.title);
    poison(gen, k.summary);
  }
}

/// The first problem of `s` as XML 1.0 character data in UTF-8, or empty:
/// invalid UTF-8 (overlong, surrogate, out of range), a control character
/// other than TAB/LF/CR, or U+FFFE/U+FFFF.
std::string xml_char_problem(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') return "control character at byte " + std::to_string(i);
      ++i;
      continue;
    }
    std::size_t len = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 0;
    if (len == 0 || i + len > s.size()) return "invalid UTF-8 at byte " + std::to_string(i);
    std::uint32_t cp = b & (len == 2 ? 0x1Fu : len == 3 ? 0x0Fu : 0x07u);
    for (std::size_t k = 1; k < len; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return "invalid UTF-8 at byte " + std::to_string(i);
      cp = (cp << 6) | (c & 0x3Fu);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return "invalid UTF-8 at byte " + std::to_string(i);
    if (cp == 0xFFFE || cp == 0xFFFF) return "non-character at byte " + std::to_string(i);
    i += len;
  }
  return {};
}

bool is_xml_format(const std::string& format) {
  return format == "rss" || format == "atom" || format == "xml" || format == "boost-xml";
}

/// Empty when libxml2 (no network, no entity substitution, no recovery) parses
/// `out` as a well-formed XML document, else its first error. Empty too when
/// the build has no libxml2 (pugixml and the scan still run).
std::string libxml2_problem(const std::string& out) {
#ifdef HRNEWS_TEST_HAVE_LIBXML2
  xmlResetLastError();
  xmlDocPtr doc = xmlReadMemory(out.data(), static_cast<int>(out.size()), "out.xml", "UTF-8",
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
  std::string problem;
  if (doc == nullptr) {
    const xmlError* e = xmlGetLastError();
    problem = "libxml2: " + std::string(e != nullptr && e->message != nullptr ? e->message : "no document\n");
    if (e != nullptr) problem += " at line " + std::to_string(e->line);
  }
  xmlFreeDoc(doc);
  return problem;
#else
  (void)out;
  return {};
#endif
}

/// Empty when `out` is well-formed in `format`, else what is wrong.
std::string well_formed(const std::string& out, const std::string& format) {
  if (is_xml_format(format)) {
    if (std::string p = xml_char_problem(out); !p.empty()) return p;
    pugi::xml_document doc;
    const pugi::xml_parse_result r = doc.load_buffer(out.data(), out.size(), pugi::parse_default | pugi::parse_declaration |
                                                     pugi::parse_doctype, pugi::encoding_utf8);
    if (!r) return std::string("pugixml: ") + r.description() + " at byte " + std::to_string(r.offset);
    return libxml2_problem(out);
  }
  if (format == "boost-text" || format == "boost-binary") return {};  // no syntax of their own: read back below
  try {
    if (format == "jsonl") {
      std::istringstream lines(out);
      std::string line;
      while (std::getline(lines, line)) {
        const nlohmann::json record = nlohmann::json::parse(line);
        (void)record;
      }
    } else {
      const nlohmann::json document = nlohmann::json::parse(out);
      (void)document;
    }
  } catch (const nlohmann::json::exception& e) {
    return std::string("nlohmann: ") + e.what();
  }
  return {};
}

/// The `<script>` element of `jsonld_script` is safe for an HTML page: the
/// HTML parser sees no `</` nor `<!--` before the closing tag, and the body is
/// a JSON document. Empty when so, else what is wrong.
std::string script_problem(const std::string& script) {
  const std::string open = "<script type=\"application/ld+json\">\n";
  const std::string close = "\n</script>\n";
  if (script.rfind(open, 0) != 0) return "does not start with " + open;
  if (script.size() < open.size() + close.size() || script.compare(script.size() - close.size(), close.size(), close) != 0)
    return "does not end with </script>";
  const std::string body = script.substr(open.size(), script.size() - open.size() - close.size());
  if (const std::size_t at = body.find("</"); at != std::string::npos) return "</ at byte " + std::to_string(at);
  if (const std::size_t at = body.find("<!--"); at != std::string::npos) return "<!-- at byte " + std::to_string(at);
  return well_formed(body, "jsonld");
}

}  // namespace

TEST_CASE("Random models full of hostile strings are written well-formed in every format and read back",
          "[writers][hostile]") {
  // Every writer of the registry; the last three have no reader.
  const std::string formats[] = {"json",       "jsonl",        "rss",       "atom",  "jsonfeed",
                                 "xml",        "boost-text",   "boost-binary", "boost-xml",
                                 "ninjs",      "ninjs-hrnews", "jsonld"};
  const auto readable = [](const std::string& f) { return f != "ninjs" && f != "ninjs-hrnews" && f != "jsonld"; };
  hrnews::ReadOptions options;
  options.classify = false;
  std::size_t written = 0, read_back = 0, scripts = 0;
  for (std::uint64_t seed = 1; seed <= 150; ++seed) {
    hrnews_test::RandomModel gen(0x5EC0000 + seed);
    hrnews::Collection model = gen.collection();
    poison(gen, model);
    for (const std::string& format : formats) {
      INFO("seed " << seed << ", format " << format);
      const std::string out = hrnews::write(model, format);
      ++written;
      CHECK(well_formed(out, format) == "");
      if (!readable(format)) continue;
      const hrnews::Result<hrnews::Collection> back = hrnews::try_read(out, format, options);
      if (!back) {
        FAIL_CHECK("read back failed: " << back.error()->what());
        continue;
      }
      ++read_back;
      CHECK(back.value().items.size() == model.items.size());
      // The Boost archives are lossless, hostile bytes included.
      if (format.rfind("boost-", 0) == 0) CHECK(hrnews_test::first_difference(model, back.value()) == "");
    }
    for (std::size_t i = 0; i < model.items.size(); ++i) {
      INFO("seed " << seed << ", jsonld_script of item " << i);
      CHECK(script_problem(hrnews::jsonld_script(model, i)) == "");
      ++scripts;
    }
  }
  CHECK(written == 150 * std::size(formats));
  CHECK(read_back == std::size_t{150 * 9});
  CHECK(scripts > 150);
}

TEST_CASE("A boost-xml archive of strings XML cannot carry is well-formed and reads back the same bytes",
          "[writers][hostile][serialization]") {
  hrnews::Collection c;
  c.feed.title.value = std::string("a\0b\x01" "c\x1F\rd\xFF\xED\xA0\x80\xEF\xBF\xBE\xEE\x80\x80" "41]]>&<", 25);
  c.feed.id = "\xEE\x80\x80";  // the escape introducer alone
  const std::string out = hrnews::write_boost(c, hrnews::ArchiveKind::xml);
  CHECK(well_formed(out, "boost-xml") == "");
  // each byte XML cannot carry, and each byte of U+E000, is U+E000 and two hex digits
  CHECK(out.find("<value>a\xEE\x80\x80" "00b\xEE\x80\x80" "01c\xEE\x80\x80" "1F\xEE\x80\x80" "0Dd\xEE\x80\x80" "FF"
                 "\xEE\x80\x80" "ED\xEE\x80\x80" "A0\xEE\x80\x80" "80\xEE\x80\x80" "EF\xEE\x80\x80" "BF\xEE\x80\x80" "BE"
                 "\xEE\x80\x80" "EE\xEE\x80\x80" "80\xEE\x80\x80" "80" "41]]&gt;&amp;&lt;</value>") != std::string::npos);
  CHECK(out.find("<id>\xEE\x80\x80" "EE\xEE\x80\x80" "80\xEE\x80\x80" "80</id>") != std::string::npos);
  const hrnews::Collection back = hrnews::read_boost(out, hrnews::ArchiveKind::xml);
  CHECK(back.feed.title.value == c.feed.title.value);
  CHECK(back.feed.id == c.feed.id);
  CHECK(hrnews_test::first_difference(c, back) == "");
}

TEST_CASE("A boost-xml archive with a broken escape is refused with its position", "[writers][hostile][serialization]") {
  hrnews::Collection c;
  c.feed.title.value = "x\x01y";
  std::string out = hrnews::write_boost(c, hrnews::ArchiveKind::xml);
  const std::size_t at = out.find("\xEE\x80\x80" "01");
  REQUIRE(at != std::string::npos);
  out[at + 3] = 'g';  // not a hex digit
  hrnews::ReadOptions o;
  o.file_name = "a.xml";
  const hrnews::Result<hrnews::Collection> r = hrnews::try_read_boost(out, hrnews::ArchiveKind::xml, o);
  REQUIRE(!r);
  CHECK(std::string(r.error()->what()) == "a.xml: boost-xml: archive error: U+E000 at byte " + std::to_string(at) +
                                              " is not followed by two hex digits (an escaped byte)");
}

TEST_CASE("The well-formedness checks of the writer test reject ill-formed output", "[writers][hostile]") {
  CHECK(well_formed("<a>\x01</a>", "rss") == "control character at byte 3");
  CHECK(well_formed("<a>\x01</a>", "boost-xml") == "control character at byte 3");
  CHECK(well_formed("<a>\xEF\xBF\xBF</a>", "xml") == "non-character at byte 3");
#ifdef HRNEWS_TEST_HAVE_LIBXML2
  CHECK(libxml2_problem("<a>\x01</a>").rfind("libxml2: ", 0) == 0);
  CHECK(libxml2_problem("<a>]]></a>").rfind("libxml2: ", 0) == 0);  // CharData must not hold ]]>
  CHECK(libxml2_problem("<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>x</a>") == "");
  CHECK(libxml2_problem("<a>ok</a>") == "");
#endif
  CHECK(script_problem("<script type=\"application/ld+json\">\n{\"a\":\"</script>\"}\n</script>\n") == "</ at byte 6");
  CHECK(script_problem("<script type=\"application/ld+json\">\n{\"a\":\"<\\/script>\"}\n</script>\n") == "");
  CHECK(well_formed("<a>\xED\xA0\x80</a>", "atom") == "invalid UTF-8 at byte 3");
  CHECK(well_formed("<a><b></a>", "rss").rfind("pugixml: ", 0) == 0);
  CHECK(well_formed("{\"a\":\"\xFF\"}", "json").rfind("nlohmann: ", 0) == 0);
  CHECK(well_formed("{}\n{\"a\":\n", "jsonl").rfind("nlohmann: ", 0) == 0);
  CHECK(well_formed("{\"a\":1}", "jsonfeed").empty());
}
