// SPDX-License-Identifier: Apache-2.0
// The feed conformance corpus (tests/data/feeds/): one small feed per file,
// each exercising one behaviour of the feed readers, with its expectation in a
// sidecar NAME.expect.json (format in tests/data/feeds/README.md):
//
//   {"behaviour": "what the file shows",
//    "format": "rss",                      // optional: read as this format (else detected)
//    "options": {"charset": "…", "base_url": "…", "strict": true, "classify": true,
//                "max_input_bytes": N, "max_depth": N, "max_items": N, "max_string_bytes": N},
//    "expect": {"/items/0/title": "…"},    // JSON pointers into the canonical JSON of the collection
//    "absent": ["/items/0/published"],     // pointers that must not exist
//    "diagnostics": ["doctype"],           // the exact multiset of warning codes (infos ignored)
//    "notes": ["id-derived"],              // info codes that must be present
//    "error": "NAME:3:7: rss: …"}          // the whole what() of the expected ParseError
//
// The test case below runs every file as its own DYNAMIC_SECTION, so a failure
// names the file; tests/feed_corpus.cmake adds one ctest entry per file (`-c NAME`).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <hrnews/io.hpp>
#include <hrnews/json.hpp>

#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path corpus_dir = fs::path(HRNEWS_TEST_DATA_DIR) / "feeds";

using hrnews_test::slurp;

/// Every feed of the corpus (a file with a sidecar NAME.expect.json), sorted by name.
std::vector<std::string> corpus_files() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(corpus_dir)) {
    const std::string name = e.path().filename().string();
    const std::string suffix = ".expect.json";
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      names.push_back(name.substr(0, name.size() - suffix.size()));
  }
  std::sort(names.begin(), names.end());
  return names;
}

hrnews::ReadOptions options_of(const json& spec, const std::string& name) {
  hrnews::ReadOptions o;
  o.file_name = name;
  o.classify = false;
  if (spec.contains("options")) {
    const json& opt = spec["options"];
    if (opt.contains("charset")) o.charset = opt["charset"].get<std::string>();
    if (opt.contains("base_url")) o.base_url = opt["base_url"].get<std::string>();
    if (opt.contains("strict")) o.strict = opt["strict"].get<bool>();
    if (opt.contains("classify")) o.classify = opt["classify"].get<bool>();
    if (opt.contains("max_input_bytes")) o.limits.max_input_bytes = opt["max_input_bytes"].get<std::size_t>();
    if (opt.contains("max_depth")) o.limits.max_depth = opt["max_depth"].get<std::size_t>();
    if (opt.contains("max_items")) o.limits.max_items = opt["max_items"].get<std::size_t>();
    if (opt.contains("max_string_bytes")) o.limits.max_string_bytes = opt["max_string_bytes"].get<std::size_t>();
  }
  return o;
}

std::vector<std::string> codes(const hrnews::Collection& c, bool infos) {
  std::vector<std::string> out;
  for (const auto& d : c.diagnostics) {
    if ((d.severity == hrnews::Severity::info) == infos) out.push_back(d.code);
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// Checks one corpus file against its sidecar.
void check_file(const std::string& name) {
  const json spec = json::parse(slurp(corpus_dir / (name + ".expect.json")));
  REQUIRE(spec.contains("behaviour"));
  const std::string bytes = slurp(corpus_dir / name);
  const std::string format = spec.value("format", std::string());
  const hrnews::ReadOptions options = options_of(spec, name);
  INFO("behaviour: " << spec["behaviour"].get<std::string>());

  auto result = hrnews::try_read(bytes, format, options);
  if (spec.contains("error")) {
    REQUIRE_FALSE(result.ok());
    CHECK(std::string(result.error()->what()) == spec["error"].get<std::string>());
    return;
  }
  if (!result.ok()) FAIL("unexpected error: " << result.error()->what());
  const hrnews::Collection& c = result.value();
  const json doc = json::parse(hrnews::write_json(c));

  std::vector<std::string> expected_codes;
  if (spec.contains("diagnostics")) expected_codes = spec["diagnostics"].get<std::vector<std::string>>();
  std::sort(expected_codes.begin(), expected_codes.end());
  std::string all;
  for (const auto& d : c.diagnostics) all += "\n  [" + d.code + "] " + d.message;
  INFO("diagnostics:" << all);
  CHECK(codes(c, false) == expected_codes);
  if (spec.contains("notes")) {
    const auto infos = codes(c, true);
    for (const auto& code : spec["notes"]) {
      INFO("info code " << code);
      CHECK(std::find(infos.begin(), infos.end(), code.get<std::string>()) != infos.end());
    }
  }
  if (spec.contains("expect")) {
    for (const auto& [pointer, value] : spec["expect"].items()) {
      const json::json_pointer p(pointer);
      INFO("at " << pointer);
      if (!doc.contains(p)) {
        FAIL_CHECK("missing; document: " << doc.dump());
        continue;
      }
      CHECK(doc.at(p).dump() == value.dump());
    }
  }
  if (spec.contains("absent")) {
    for (const auto& pointer : spec["absent"]) {
      INFO("at " << pointer.get<std::string>() << " (should be absent)");
      CHECK_FALSE(doc.contains(json::json_pointer(pointer.get<std::string>())));
    }
  }
}

}  // namespace

TEST_CASE("The feed conformance corpus holds at least 150 files and each has a behaviour and an expectation",
          "[feed-corpus]") {
  const auto names = corpus_files();
  CHECK(names.size() >= 150);
  for (const auto& name : names) {
    INFO(name);
    const json spec = json::parse(slurp(corpus_dir / (name + ".expect.json")));
    CHECK(spec.contains("behaviour"));
    CHECK((spec.contains("error") || spec.contains("expect") || spec.contains("diagnostics") || spec.contains("absent") ||
           spec.contains("notes")));
  }
}

// Hidden from catch_discover_tests: tests/feed_corpus.cmake runs it once per file (`-c NAME`).
TEST_CASE("Every file of the feed corpus reads as its sidecar expects", "[.][feed-corpus-files]") {
  for (const auto& name : corpus_files()) {
    DYNAMIC_SECTION(name) { check_file(name); }
  }
}
