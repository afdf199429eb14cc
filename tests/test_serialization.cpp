// SPDX-License-Identifier: Apache-2.0
// Boost.Serialization (hrnews/serialization.hpp): random round trips through
// text, binary and XML archives, the version-1 fixture archives that every later
// version must still load, single objects in user archives, and malformed or
// truncated archives reported as ParseError.
//
// Environment:
//   HRNEWS_BOOST_ROUNDTRIP_COUNT=N   random collections per archive kind (default 1000)
//   HRNEWS_ARCHIVE_FIXTURES_OUT=DIR  "[.fixtures]" writes the fixture archives into DIR
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>

#include <hrnews/io.hpp>
#include <hrnews/json.hpp>
#include <hrnews/serialization.hpp>

#include "random_model.hpp"
#include "test_support.hpp"

using hrnews::ArchiveKind;
using hrnews::Collection;
using hrnews_test::first_difference;
using hrnews_test::RandomModel;

namespace {

constexpr std::uint64_t boost_seed = 0x626f6f7374000000ULL;  // "boost"
constexpr std::uint64_t fixture_seed = boost_seed + 0xF1;    // the random collection of the v1 fixtures

using hrnews_test::env_number;

using hrnews_test::slurp;

void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  REQUIRE(out.good());
}

const std::filesystem::path fixtures = std::filesystem::path(HRNEWS_TEST_DATA_DIR) / "archives";
const std::string sample_path = std::string(HRNEWS_EXAMPLES_DATA_DIR) + "/omct-2015-11.json";

const std::vector<std::pair<ArchiveKind, std::string>> kinds = {
    {ArchiveKind::text, "txt"}, {ArchiveKind::binary, "bin"}, {ArchiveKind::xml, "xml"}};

std::string error_of(std::string_view data, ArchiveKind kind) {
  hrnews::ReadOptions o;
  o.file_name = "a.arc";
  auto r = hrnews::try_read_boost(data, kind, o);
  return r.ok() ? std::string("(no error)") : std::string(r.error()->what());
}

}  // namespace

TEST_CASE("Random collections survive text, binary and XML Boost archives unchanged", "[serialization][roundtrip]") {
  const std::uint64_t count = env_number("HRNEWS_BOOST_ROUNDTRIP_COUNT", 1000);
  for (const auto& [kind, ext] : kinds) {
    std::uint64_t passed = 0;
    for (std::uint64_t i = 0; i < count; ++i) {
      const std::uint64_t seed = boost_seed + i;
      RandomModel gen(seed);
      const Collection c = gen.collection();
      const std::string bytes = hrnews::write_boost(c, kind);
      Collection back;
      try {
        back = hrnews::read_boost(bytes, kind);
      } catch (const std::exception& e) {
        FAIL(hrnews::to_string(kind) << " seed " << seed << ": the reader threw: " << e.what());
      }
      if (back != c) {
        FAIL(hrnews::to_string(kind) << " seed " << seed << ": differs: " << first_difference(c, back));
      }
      ++passed;
    }
    WARN(hrnews::to_string(kind) << " random round trips: " << passed << " of " << count);
    CHECK(passed == count);
  }
}

TEST_CASE("The version 1 fixture archives still load into the collections they were written from",
          "[serialization][fixtures]") {
  const Collection sample = hrnews::read_json(slurp(sample_path));
  const Collection random = hrnews::read_json(slurp(fixtures / "v1" / "random.json"));
  CHECK(random.items.size() >= 3);
  for (const auto& [kind, ext] : kinds) {
    CAPTURE(hrnews::to_string(kind));
    const std::string s = slurp(fixtures / "v1" / ("sample." + ext));
    const std::string r = slurp(fixtures / "v1" / ("random." + ext));
    const Collection s_back = hrnews::read_boost(s, kind);
    const Collection r_back = hrnews::read_boost(r, kind);
    CHECK(first_difference(sample, s_back).empty());
    CHECK(s_back == sample);
    CHECK(first_difference(random, r_back).empty());
    CHECK(r_back == random);
    // Found by content, and read through the format registry.
    CHECK(hrnews::detect_format(s) == hrnews::to_string(kind));
    CHECK(hrnews::read(s) == sample);
  }
}

TEST_CASE("Write the version 1 fixture archives", "[.fixtures]") {
  const char* dir = std::getenv("HRNEWS_ARCHIVE_FIXTURES_OUT");
  REQUIRE(dir != nullptr);
  const std::filesystem::path out(dir);
  std::filesystem::create_directories(out);
  const Collection sample = hrnews::read_json(slurp(sample_path));
  RandomModel gen(fixture_seed);
  Collection random = gen.collection();
  while (random.items.size() < 3) random.items.push_back(gen.item());
  write_bytes(out / "random.json", hrnews::write_json(random));
  REQUIRE(hrnews::read_json(hrnews::write_json(random)) == random);
  for (const auto& [kind, ext] : kinds) {
    write_bytes(out / ("sample." + ext), hrnews::write_boost(sample, kind));
    write_bytes(out / ("random." + ext), hrnews::write_boost(random, kind));
  }
}

TEST_CASE("Single model objects go into user archives with name-value pairs", "[serialization]") {
  using boost::serialization::make_nvp;
  const auto ts = hrnews::Timestamp::parse("Thu, 26 Nov 2015 09:30:00 +0100").value();
  const auto ref = hrnews::CaseReference::parse("TUR 005 / 0717 / OBS 078.6");
  const hrnews::GeoPoint geo{46.2044, 6.1432};
  hrnews::Intervention iv;
  iv.id = "ua-1";
  iv.case_ref = ref;
  iv.deadline = ts;
  const hrnews::Item item = iv;

  std::ostringstream xml_out;
  {
    boost::archive::xml_oarchive oa(xml_out);
    oa << make_nvp("published", ts) << make_nvp("case", ref) << make_nvp("geo", geo) << make_nvp("item", item);
  }
  const std::string xml = xml_out.str();
  CHECK(xml.find("<rfc3339>2015-11-26T09:30:00+01:00</rfc3339>") != std::string::npos);
  CHECK(xml.find("<raw>Thu, 26 Nov 2015 09:30:00 +0100</raw>") != std::string::npos);
  CHECK(xml.find("<raw>TUR 005 / 0717 / OBS 078.6</raw>") != std::string::npos);
  CHECK(xml.find("<lat>4.62043999999999997e+01</lat>") != std::string::npos);

  std::istringstream xml_in(xml);
  boost::archive::xml_iarchive ia(xml_in);
  hrnews::Timestamp ts2;
  hrnews::CaseReference ref2;
  hrnews::GeoPoint geo2;
  hrnews::Item item2;
  ia >> make_nvp("published", ts2) >> make_nvp("case", ref2) >> make_nvp("geo", geo2) >> make_nvp("item", item2);
  CHECK(ts2 == ts);
  CHECK(ts2.raw() == "Thu, 26 Nov 2015 09:30:00 +0100");
  CHECK(ref2 == ref);
  CHECK(ref2.serial() == 78);
  CHECK(geo2 == geo);
  CHECK(item2 == item);
  CHECK(hrnews::kind_of(item2) == hrnews::ItemKind::intervention);
}

TEST_CASE("The boost formats are in the registry", "[serialization]") {
  const Collection sample = hrnews::read_json(slurp(sample_path));
  for (const char* id : {"boost-text", "boost-binary", "boost-xml"}) {
    CAPTURE(id);
    bool listed = false;
    for (const auto& f : hrnews::formats()) listed = listed || (f.id == id && f.can_read && f.can_write);
    CHECK(listed);
    const std::string bytes = hrnews::write(sample, id);
    CHECK(hrnews::detect_format(bytes) == id);
    CHECK(hrnews::read(bytes, id) == sample);
  }
}

TEST_CASE("Truncated and malformed archives are ParseErrors, not crashes", "[serialization]") {
  const Collection sample = hrnews::read_json(slurp(sample_path));
  const std::string text = hrnews::write_boost(sample, ArchiveKind::text);
  const std::string xml = hrnews::write_boost(sample, ArchiveKind::xml);
  const std::string binary = hrnews::write_boost(sample, ArchiveKind::binary);

  CHECK(error_of("", ArchiveKind::text) == "a.arc: boost-text: archive error: input stream error");
  CHECK(error_of("", ArchiveKind::xml) == "a.arc: boost-xml: archive error: input stream error");
  CHECK(error_of("", ArchiveKind::binary) == "a.arc: boost-binary: archive error: input stream error");
  CHECK(error_of("hello", ArchiveKind::text) == "a.arc: boost-text: archive error: input stream error");
  CHECK(error_of("22 serialization::archivX 18", ArchiveKind::text) ==
        "a.arc: boost-text: archive error: invalid signature");
  CHECK(error_of(text.substr(0, text.size() / 2), ArchiveKind::text) ==
        "a.arc: boost-text: archive error: input stream error");
  CHECK(error_of(xml.substr(0, xml.size() / 2), ArchiveKind::xml) ==
        "a.arc: boost-xml: archive error: input stream error");
  // An enumeration value no version ever wrote: the TextType of the feed title.
  std::string bad = text;
  const std::string title = "18 OMCT - Latest news 0";
  const std::size_t at = bad.find(title);
  REQUIRE(at != std::string::npos);
  bad.replace(at, title.size(), "18 OMCT - Latest news 7");
  CHECK(error_of(bad, ArchiveKind::text) == "a.arc: boost-text: archive error: enum value out of range: type");

  // Every prefix of the text and XML archives (in steps) fails cleanly; so does the trusted binary one.
  std::size_t failures = 0, cuts = 0;
  for (const auto& [kind, bytes] : {std::pair<ArchiveKind, const std::string*>{ArchiveKind::text, &text},
                                    {ArchiveKind::xml, &xml}, {ArchiveKind::binary, &binary}}) {
    for (std::size_t cut = 0; cut < bytes->size(); cut += 97) {
      ++cuts;
      auto r = hrnews::try_read_boost(std::string_view(*bytes).substr(0, cut), kind);
      if (!r.ok()) {
        ++failures;
        CHECK(r.error()->format() == hrnews::to_string(kind));
      }
    }
  }
  CHECK(failures == cuts);
}

TEST_CASE("Boost archive readers enforce the input and item limits", "[serialization]") {
  const Collection sample = hrnews::read_json(slurp(sample_path));
  hrnews::ReadOptions o;
  o.file_name = "a.arc";
  o.limits.max_input_bytes = 100;
  const std::string text = hrnews::write_boost(sample, ArchiveKind::text);
  auto r = hrnews::try_read_boost(text, ArchiveKind::text, o);
  REQUIRE_FALSE(r.ok());
  CHECK(std::string(r.error()->what()) ==
        "a.arc: boost-text: input is " + std::to_string(text.size()) + " bytes, over the limit of 100 bytes");
  o = {};
  o.file_name = "a.arc";
  o.limits.max_items = 2;
  r = hrnews::try_read_boost(text, ArchiveKind::text, o);
  REQUIRE_FALSE(r.ok());
  CHECK(std::string(r.error()->what()) == "a.arc: boost-text: more than 2 items (limit max_items)");
}
