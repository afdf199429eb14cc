// SPDX-License-Identifier: Apache-2.0
// Lossless round trips of random models through the canonical JSON and JSON
// Lines formats, the bundled sample rewritten byte for byte, invalid UTF-8 in
// the model, and the documents the JSON Schema tests validate ([schema-out]).
//
// Environment:
//   HRNEWS_ROUNDTRIP_SEED=N    run the randomized round trip for this one seed only
//   HRNEWS_ROUNDTRIP_COUNT=N   number of random collections (default 2000)
//   HRNEWS_SCHEMA_OUT=DIR      [schema-out] writes its documents into DIR
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <hrnews/json.hpp>
#include <hrnews/jsonl.hpp>

#include "random_model.hpp"
#include "test_support.hpp"

using hrnews::Collection;
using hrnews_test::first_difference;
using hrnews_test::RandomModel;

namespace {

constexpr std::uint64_t base_seed = 0x68726e6577730000ULL;  // "hrnews\0\0"

using hrnews_test::env_number;

using hrnews_test::slurp;

void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  REQUIRE(out.good());
}

// True when `s` is well-formed UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).
bool valid_utf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto b = static_cast<unsigned char>(s[i]);
    std::size_t len = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    std::uint32_t cp = len == 1 ? b : b & (0x7Fu >> len);
    for (std::size_t k = 1; k < len; ++k) {
      auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3Fu);
    }
    static const std::uint32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

// The first line where two texts differ, for a readable failure message.
std::string first_different_line(const std::string& expected, const std::string& actual) {
  std::istringstream a(expected), b(actual);
  std::string la, lb;
  for (std::size_t line = 1;; ++line) {
    bool ga = static_cast<bool>(std::getline(a, la));
    bool gb = static_cast<bool>(std::getline(b, lb));
    if (!ga && !gb) return "the texts differ only in their last newline";
    if (!ga || !gb || la != lb) {
      return "line " + std::to_string(line) + ":\n  expected: " + (ga ? la : std::string("(end of text)")) +
             "\n  actual:   " + (gb ? lb : std::string("(end of text)"));
    }
  }
}

struct RoundTripFailure {
  std::uint64_t seed;
  std::string format;
  std::string what;
};

// One random collection through one format; returns the failure, if any.
template <class Write, class Read>
std::optional<RoundTripFailure> round_trip(std::uint64_t seed, const Collection& c, const char* format, Write write,
                                           Read read) {
  std::string text;
  try {
    text = write(c);
  } catch (const std::exception& e) {
    return RoundTripFailure{seed, format, std::string("the writer threw: ") + e.what()};
  }
  Collection back;
  try {
    back = read(text);
  } catch (const std::exception& e) {
    return RoundTripFailure{seed, format, std::string("the reader threw: ") + e.what()};
  }
  if (back == c) return std::nullopt;
  std::string where = first_difference(c, back);
  if (where.empty()) where = "operator== and the field diff disagree";
  // name the first differing item by kind and id
  for (std::size_t i = 0; i < c.items.size() && i < back.items.size(); ++i) {
    if (c.items[i] == back.items[i]) continue;
    where += "\n  first differing item: items[" + std::to_string(i) + "], " +
             std::string(hrnews::to_string(hrnews::kind_of(c.items[i]))) + " with id " +
             hrnews_test::Differ::show(hrnews::article_of(c.items[i]).id);
    break;
  }
  return RoundTripFailure{seed, format, "the model read back differs (expected != actual): " + where};
}

}  // namespace

TEST_CASE("The random model generator is deterministic", "[roundtrip]") {
  for (std::uint64_t seed : {base_seed, base_seed + 1, std::uint64_t{42}}) {
    CAPTURE(seed);
    RandomModel a(seed), b(seed);
    Collection ca = a.collection(), cb = b.collection();
    CHECK(ca == cb);
    CHECK(first_difference(ca, cb).empty());
  }
  RandomModel a(1), b(2);
  bool any_different = false;
  for (int i = 0; i < 5; ++i) any_different = any_different || a.collection() != b.collection();
  CHECK(any_different);
}

TEST_CASE("first_difference names the field where two collections differ", "[roundtrip]") {
  RandomModel gen(base_seed + 7);
  Collection c = gen.collection();
  while (c.items.size() < 2) c.items.push_back(gen.intervention());
  CHECK(first_difference(c, c).empty());

  auto changed = [&](auto change) {
    Collection d = c;
    change(d);
    CHECK(d != c);
    return first_difference(c, d);
  };
  CHECK(changed([](Collection& d) { hrnews::article_of(d.items[1]).published = hrnews::Timestamp(); })
            .rfind("collection.items[1].published: ", 0) == 0);
  CHECK(changed([](Collection& d) { hrnews::article_of(d.items[0]).title.value += "!"; })
            .rfind("collection.items[0].title: ", 0) == 0);
  CHECK(changed([](Collection& d) { hrnews::article_of(d.items[0]).extensions["x_new"] = "1"; })
            .rfind("collection.items[0].extensions[\"x_new\" (5 bytes)]: ", 0) == 0);
  CHECK(changed([](Collection& d) {
          if (hrnews::kind_of(d.items[1]) == hrnews::ItemKind::article)
            d.items[1] = hrnews::Intervention(std::get<hrnews::Article>(d.items[1]));
          else
            d.items[1] = hrnews::Article(hrnews::article_of(d.items[1]));
        }).rfind("collection.items[1]: ", 0) == 0);
  CHECK(changed([](Collection& d) { d.items.pop_back(); }).find("collection.items") == 0);
  CHECK(changed([](Collection& d) { d.feed.language = "xx"; }).rfind("collection.feed.language: ", 0) == 0);
  CHECK(changed([](Collection& d) { d.diagnostics.push_back({}); }).find("collection.diagnostics") == 0);
  CHECK(changed([](Collection& d) { d.extensions["x_top"] = "null"; }).find("collection.extensions") == 0);
  CHECK(changed([](Collection& d) {
          hrnews::Scheme s;
          s.id = "s";
          s.terms.push_back(hrnews::Term{});
          s.terms.back().alt_labels["en"] = {"a"};
          d.schemes.insert(d.schemes.begin(), s);
        }).find("collection.schemes") == 0);
  hrnews::Link l1, l2;
  l2.length = 3;
  Collection a, b;
  a.feed.links = {l1};
  b.feed.links = {l2};
  CHECK(first_difference(a, b) == "collection.feed.links[0].length: (absent) != present");
}

TEST_CASE("The random model generator covers every kind of value", "[roundtrip]") {
  // Not a property of the library: a guard that the generator keeps exploring
  // what the round trips are meant to cover.
  std::size_t articles = 0, interventions = 0, long_strings = 0, extensions = 0, raw_differs = 0, offsets = 0,
              no_offset = 0, fractions = 0, case_refs_known = 0, case_refs_unknown = 0, empty_feeds = 0, schemes = 0;
  std::set<hrnews::Precision> precisions;
  std::set<hrnews::TextType> text_types;
  std::set<hrnews::InterventionType> intervention_types;
  std::set<int> years;
  for (std::uint64_t seed = 0; seed < 300; ++seed) {
    RandomModel gen(base_seed + seed);
    Collection c = gen.collection();
    if (c.feed == hrnews::Feed{}) ++empty_feeds;
    extensions += c.extensions.size() + c.feed.extensions.size();
    schemes += c.schemes.size();
    for (const auto& item : c.items) {
      const auto& a = hrnews::article_of(item);
      extensions += a.extensions.size();
      text_types.insert(a.title.type);
      for (const auto* s : {&a.id, &a.title.value, &a.dateline})
        if (s->size() >= 10000) ++long_strings;
      for (const auto& t : {a.published, a.updated}) {
        if (!t) continue;
        precisions.insert(t->precision());
        years.insert(t->utc().date().year());
        if (t->raw() != t->to_rfc3339()) ++raw_differs;
        if (t->utc_offset_minutes()) ++offsets; else ++no_offset;
        if (t->precision() == hrnews::Precision::fraction) ++fractions;
      }
      if (const auto* iv = std::get_if<hrnews::Intervention>(&item)) {
        ++interventions;
        intervention_types.insert(iv->intervention_type);
        if (iv->case_ref) (iv->case_ref->scheme() == hrnews::CaseScheme::unknown ? case_refs_unknown : case_refs_known)++;
      } else {
        ++articles;
      }
    }
  }
  CHECK(articles > 100);
  CHECK(interventions > 100);
  CHECK(precisions.size() == 6);
  CHECK(text_types.size() == 3);
  CHECK(intervention_types.size() == 6);
  CHECK(years.count(1401) + years.count(1400) > 0);
  CHECK(years.count(9998) + years.count(9999) > 0);
  CHECK(raw_differs > 50);
  CHECK(offsets > 50);
  CHECK(no_offset > 50);
  CHECK(fractions > 10);
  CHECK(extensions > 50);
  CHECK(case_refs_known > 20);
  CHECK(case_refs_unknown > 5);
  CHECK(empty_feeds > 5);
  CHECK(schemes > 50);
  CHECK(long_strings > 0);
}

TEST_CASE("Random collections survive JSON (pretty and compact) and JSON Lines round trips", "[roundtrip]") {
  const std::uint64_t only_seed = env_number("HRNEWS_ROUNDTRIP_SEED", 0);
  const std::uint64_t count = only_seed ? 1 : env_number("HRNEWS_ROUNDTRIP_COUNT", 2000);
  hrnews::WriteOptions pretty;
  hrnews::WriteOptions compact;
  compact.pretty = false;

  std::vector<RoundTripFailure> failures;
  std::size_t json_trips = 0, jsonl_trips = 0, items = 0;
  auto start = std::chrono::steady_clock::now();
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::uint64_t seed = only_seed ? only_seed : base_seed + i;
    RandomModel gen(seed);
    const Collection c = gen.collection();
    items += c.items.size();
    auto record = [&](std::optional<RoundTripFailure> f) {
      if (f) failures.push_back(std::move(*f));
    };
    record(round_trip(seed, c, "json (pretty)", [&](const Collection& x) { return hrnews::write_json(x, pretty); },
                      [](const std::string& t) { return hrnews::read_json(t); }));
    record(round_trip(seed, c, "json (compact)", [&](const Collection& x) { return hrnews::write_json(x, compact); },
                      [](const std::string& t) { return hrnews::read_json(t); }));
    json_trips += 2;
    record(round_trip(seed, c, "jsonl", [](const Collection& x) { return hrnews::write_jsonl(x); },
                      [](const std::string& t) { return hrnews::read_jsonl(t); }));
    ++jsonl_trips;
  }
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  std::cout << "randomized round trips: json " << json_trips << ", jsonl " << jsonl_trips << " (" << count
            << " collections, " << items << " items, " << ms << " ms), failures: " << failures.size() << std::endl;

  std::size_t reported = 0;
  for (const auto& f : failures) {
    if (++reported > 10) {
      FAIL_CHECK("… and " << failures.size() - 10 << " more failures");
      break;
    }
    FAIL_CHECK("seed " << f.seed << " (HRNEWS_ROUNDTRIP_SEED=" << f.seed << "), " << f.format << ": " << f.what);
  }
  CHECK(failures.empty());
}

TEST_CASE("Written JSON and JSON Lines are valid UTF-8 that nlohmann::json accepts", "[roundtrip]") {
  for (std::uint64_t i = 0; i < 50; ++i) {
    const std::uint64_t seed = base_seed + 1000000 + i;
    CAPTURE(seed);
    RandomModel gen(seed);
    Collection c = gen.collection();
    std::string json = hrnews::write_json(c);
    CHECK(valid_utf8(json));
    CHECK(nlohmann::json::accept(json));
    std::string jsonl = hrnews::write_jsonl(c);
    CHECK(valid_utf8(jsonl));
    std::istringstream lines(jsonl);
    std::string line;
    std::size_t n = 0;
    while (std::getline(lines, line)) {
      ++n;
      CAPTURE(n);
      CHECK(nlohmann::json::accept(line));
    }
    CHECK(n == 1 + c.items.size() + c.campaigns.size() + c.schemes.size() + c.diagnostics.size());
  }
}

TEST_CASE("Invalid UTF-8 in the model is written as valid JSON with U+FFFD", "[roundtrip]") {
  const std::string bad[] = {
      "\xff",                 // never valid
      "abc\xc3(def",          // truncated two-byte sequence
      "\xe2\x82",             // truncated at the end
      "\xc0\xaf",             // overlong '/'
      "\xed\xa0\x80",         // UTF-16 surrogate
      "\xf4\x90\x80\x80",     // above U+10FFFF
      "\x80 stray continuation",
  };
  const std::string fffd = "\xef\xbf\xbd";
  for (const auto& s : bad) {
    CAPTURE(hrnews_test::Differ::show(s));
    Collection c;
    c.feed.title = "feed " + s;
    hrnews::Article a;
    a.id = "id-" + s;
    a.title = hrnews::Text("<b>" + s + "</b>", hrnews::TextType::html);
    a.countries = {s};
    a.categories = {hrnews::Category{s, s, s}};
    c.items.push_back(a);
    c.diagnostics.push_back(hrnews::Diagnostic{hrnews::Severity::warning, s, s, 1, 1, s});
    for (bool pretty : {true, false}) {
      hrnews::WriteOptions options;
      options.pretty = pretty;
      std::string json = hrnews::write_json(c, options);
      CHECK(valid_utf8(json));
      REQUIRE(nlohmann::json::accept(json));
      CHECK(json.find(fffd) != std::string::npos);
      Collection back = hrnews::read_json(json);
      REQUIRE(back.items.size() == 1);
      const std::string& id = hrnews::article_of(back.items[0]).id;
      CHECK(valid_utf8(id));
      CHECK(id.rfind("id-", 0) == 0);
      CHECK(id.find(fffd) != std::string::npos);
      CHECK(valid_utf8(back.feed.title.value));
      CHECK(back.feed.title.value.find(fffd) != std::string::npos);
    }
    std::string jsonl = hrnews::write_jsonl(c);
    CHECK(valid_utf8(jsonl));
    CHECK(jsonl.find(fffd) != std::string::npos);
    Collection back = hrnews::read_jsonl(jsonl);
    REQUIRE(back.items.size() == 1);
    CHECK(valid_utf8(hrnews::article_of(back.items[0]).title.value));
  }
}

TEST_CASE("Valid UTF-8 in the model is written unchanged, whatever the characters", "[roundtrip]") {
  // the limits of each UTF-8 length, and the characters next to the surrogates
  const std::string edge = "\x7f\xc2\x80\xdf\xbf\xe0\xa0\x80\xed\x9f\xbf\xee\x80\x80\xef\xbf\xbf\xf0\x90\x80\x80"
                           "\xf4\x8f\xbf\xbf";
  Collection c;
  hrnews::Article a;
  a.id = edge;
  a.title = edge;
  c.items.push_back(a);
  Collection back = hrnews::read_json(hrnews::write_json(c));
  CHECK(back == c);
  CHECK(first_difference(c, back).empty());
}

TEST_CASE("Extensions that are not valid JSON text never make the output ill-formed", "[roundtrip]") {
  Collection c;
  c.extensions = {{"x_broken", "{not json"}, {"x_empty", ""}, {"x_two", "1 2"}, {"x_ok", "[1,{\"a\":null}]"}};
  c.feed.extensions = {{"x_trailing", "\"a\" junk"}};
  hrnews::Article a;
  a.id = "a";
  a.extensions = {{"x_bad_utf8", "\"\xff\""}, {"x_control", "\"\x01\""}};
  c.items.push_back(a);
  for (bool pretty : {true, false}) {
    hrnews::WriteOptions options;
    options.pretty = pretty;
    std::string json;
    try {
      json = hrnews::write_json(c, options);
    } catch (const std::exception&) {
      continue;  // refusing to write is acceptable; writing ill-formed JSON is not
    }
    CHECK(valid_utf8(json));
    CHECK(nlohmann::json::accept(json));
  }
  try {
    std::string jsonl = hrnews::write_jsonl(c);
    CHECK(valid_utf8(jsonl));
    std::istringstream lines(jsonl);
    std::string line;
    while (std::getline(lines, line)) CHECK(nlohmann::json::accept(line));
  } catch (const std::exception&) {
  }
}

TEST_CASE("The bundled sample is rewritten byte for byte", "[roundtrip][sample]") {
  const std::filesystem::path path = std::filesystem::path(HRNEWS_EXAMPLES_DATA_DIR) / "omct-2015-11.json";
  if (!std::filesystem::exists(path)) {
    WARN("no sample at " << path.string() << ": skipped");
    return;
  }
  const std::string bytes = slurp(path);
  hrnews::ReadOptions options;
  options.file_name = path.string();
  const Collection sample = hrnews::read_json(bytes, options);
  CHECK(sample.items.size() == 16);
  const std::string rewritten = hrnews::write_json(sample);
  if (rewritten != bytes) FAIL_CHECK("the rewritten sample differs at " << first_different_line(bytes, rewritten));
  CHECK(rewritten.size() == bytes.size());
  // and the model survives every round trip
  hrnews::WriteOptions compact;
  compact.pretty = false;
  CHECK(first_difference(sample, hrnews::read_json(hrnews::write_json(sample, compact))).empty());
  CHECK(hrnews::read_json(hrnews::write_json(sample, compact)) == sample);
  CHECK(hrnews::read_jsonl(hrnews::write_jsonl(sample)) == sample);
}

TEST_CASE("Documents for the JSON Schema tests are written when HRNEWS_SCHEMA_OUT is set", "[schema-out]") {
  const char* dir = std::getenv("HRNEWS_SCHEMA_OUT");
  if (dir == nullptr || *dir == '\0') {
    SUCCEED("HRNEWS_SCHEMA_OUT is not set: nothing to write");
    return;
  }
  const std::filesystem::path out(dir);
  std::filesystem::create_directories(out);
  std::size_t files = 0;
  for (std::uint64_t i = 0; i < 200; ++i) {
    const std::uint64_t seed = base_seed + 2000000 + i;
    CAPTURE(seed);
    RandomModel gen(seed);
    const Collection c = gen.collection();
    char name[32];
    std::snprintf(name, sizeof name, "random-%03u", static_cast<unsigned>(i));
    write_bytes(out / (std::string(name) + ".json"), hrnews::write_json(c));
    write_bytes(out / (std::string(name) + ".jsonl"), hrnews::write_jsonl(c));
    files += 2;
  }
  const std::filesystem::path sample = std::filesystem::path(HRNEWS_EXAMPLES_DATA_DIR) / "omct-2015-11.json";
  if (std::filesystem::exists(sample)) {
    const Collection c = hrnews::read_json(slurp(sample));
    write_bytes(out / "omct-2015-11.json", hrnews::write_json(c));
    hrnews::WriteOptions compact;
    compact.pretty = false;
    write_bytes(out / "omct-2015-11-compact.json", hrnews::write_json(c, compact));
    write_bytes(out / "omct-2015-11.jsonl", hrnews::write_jsonl(c));
    files += 3;
  } else {
    WARN("no sample at " << sample.string());
  }
  std::cout << "schema-out: " << files << " documents written to " << out.string() << std::endl;
  CHECK(files >= 400);
}
