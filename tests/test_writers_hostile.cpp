// SPDX-License-Identifier: Apache-2.0
// Writers never emit ill-formed output, whatever the model holds: random
// models (tests/random_model.hpp) poisoned with hostile strings — control
// characters, NUL, invalid UTF-8, `]]>`, `--`, lone surrogates encoded as
// CESU-8/WTF-8 bytes, overlong forms — are written in every format; the output
// is checked with nlohmann::json or pugixml plus a strict UTF-8/XML-character
// scan, and read back without error.
#include <catch2/catch.hpp>

#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <hrnews/io.hpp>

#include "random_model.hpp"

namespace {

const std::vector<std::string>& hostile_fragments() {
  static const std::vector<std::string> f = {
      std::string(1, '\0'), "\x01", "\x0B", "\x0C", "\x1F", "\x7F", "]]>", "]]]]><![CDATA[>", "--", "-->",
      "<!--", "\xED\xA0\x80", "\xED\xBF\xBF", "\xED\xA0\xBD\xED\xB8\x80",  // lone and paired surrogates (CESU-8)
      "\xC0\xAF", "\xE0\x80\xAF", "\xF8\x88\x80\x80\x80", "\xFF", "\xFE", "\x80", "\xC3", "\xE2\x82",
      "\xF4\x90\x80\x80", "\xEF\xBF\xBE", "\xEF\xBF\xBF", "&", "&#0;", "&bogus;", "<", ">", "\"", "'", "\\",
      "\\u0000", "\\ud800", "\r", "\r\n", "\xC2\x85", "\xE2\x80\xA8", "</item>", "</entry>", "<![CDATA[",
      "?>", "<?xml version=\"1.0\"?>", "\xEF\xBB\xBF"};
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

/// Empty when `out` is well-formed in `format`, else what is wrong.
std::string well_formed(const std::string& out, const std::string& format) {
  if (format == "rss" || format == "atom") {
    if (std::string p = xml_char_problem(out); !p.empty()) return p;
    pugi::xml_document doc;
    const pugi::xml_parse_result r = doc.load_buffer(out.data(), out.size(), pugi::parse_default | pugi::parse_declaration,
                                                     pugi::encoding_utf8);
    if (!r) return std::string("pugixml: ") + r.description() + " at byte " + std::to_string(r.offset);
    return {};
  }
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

}  // namespace

TEST_CASE("Random models full of hostile strings are written well-formed in every format and read back",
          "[writers][hostile]") {
  const char* const formats[] = {"json", "jsonl", "rss", "atom", "jsonfeed"};
  hrnews::ReadOptions options;
  options.classify = false;
  for (std::uint64_t seed = 1; seed <= 150; ++seed) {
    hrnews_test::RandomModel gen(0x5EC0000 + seed);
    hrnews::Collection model = gen.collection();
    poison(gen, model);
    for (const char* format : formats) {
      INFO("seed " << seed << ", format " << format);
      const std::string out = hrnews::write(model, format);
      CHECK(well_formed(out, format).empty());
      const hrnews::Result<hrnews::Collection> back = hrnews::try_read(out, format, options);
      if (!back) FAIL_CHECK("read back failed: " << back.error()->what());
      else CHECK(back.value().items.size() == model.items.size());
    }
  }
}

TEST_CASE("The well-formedness checks of the writer test reject ill-formed output", "[writers][hostile]") {
  CHECK(well_formed("<a>\x01</a>", "rss") == "control character at byte 3");
  CHECK(well_formed("<a>\xED\xA0\x80</a>", "atom") == "invalid UTF-8 at byte 3");
  CHECK(well_formed("<a>]]></a>", "rss").empty());
  CHECK(well_formed("<a><b></a>", "rss").rfind("pugixml: ", 0) == 0);
  CHECK(well_formed("{\"a\":\"\xFF\"}", "json").rfind("nlohmann: ", 0) == 0);
  CHECK(well_formed("{}\n{\"a\":\n", "jsonl").rfind("nlohmann: ", 0) == 0);
  CHECK(well_formed("{\"a\":1}", "jsonfeed").empty());
}
