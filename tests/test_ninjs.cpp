// SPDX-License-Identifier: Apache-2.0
// ninjs export (hrnews/ninjs.hpp): the mapping of each field, the hrnews
// extension, and the documents that tests/ninjs.cmake validates against the
// IPTC ninjs 2.2 schema and the extension schema ([ninjs-out]).
//
// Environment:
//   HRNEWS_NINJS_OUT=DIR   [ninjs-out] writes the sample and 200 random collections into DIR
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include <nlohmann/json.hpp>

#include <hrnews/io.hpp>
#include <hrnews/json.hpp>
#include <hrnews/ninjs.hpp>

#include "random_model.hpp"
#include "test_support.hpp"

using namespace hrnews;
using nlohmann::json;

namespace {

using hrnews_test::slurp;

void save(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  REQUIRE(out);
  out << bytes;
}

const Collection& sample() {
  static const Collection c = read_json(slurp(std::filesystem::path(HRNEWS_EXAMPLES_DATA_DIR) / "omct-2015-11.json"));
  return c;
}

std::size_t index_of(const Collection& c, std::string_view title_start) {
  for (std::size_t i = 0; i < c.items.size(); ++i) {
    if (article_of(c.items[i]).title.value.rfind(title_start, 0) == 0) return i;
  }
  FAIL("no item titled " << title_start);
  return 0;
}

/// A hand-made urgent appeal with every intervention field.
Collection appeal() {
  Intervention in;
  in.id = "TUR 005 / 0717 / OBS 078";  // not a URI
  in.url = "https://www.omct.org/en/ua/turkey 005";  // a space: percent-encoded
  in.title = Text("Turkey: Arbitrary detention of <b>Ms. A</b>", TextType::html);
  in.content = Text("<p>Body</p>", TextType::html);
  in.published = Timestamp::from_fields(2017, 7, 3, 9, 30, 0, 0, 180, Precision::minute);
  in.updated = Timestamp::from_fields(2017, 7, 4, 0, 0, 0, 0, std::nullopt, Precision::day);
  in.language = "en";
  in.language_inferred = true;
  in.authors.push_back(Person{"The Observatory", "obs@example.org", ""});
  in.countries = {"TR"};
  in.regions = {"COE"};
  in.subjects = {{"theme", "human-rights-defenders"}, {"genre", "urgent-intervention"}};
  in.campaigns = {"urn:campaign:one"};
  in.dateline = "Geneva-Paris";
  in.case_ref = CaseReference::parse("TUR 005 / 0717 / OBS 078");
  in.intervention_type = InterventionType::urgent_appeal;
  in.status = CaseStatus::open;
  in.victims.push_back(Victim{"Ms. A", "lawyer", "Bar Association", "female", "detained"});
  in.violations = {{"violation", "arbitrary-detention"}};
  in.requested_actions = {"Release Ms. A", "Guarantee her integrity"};
  Addressee ad;
  ad.name = "Minister of Justice";
  ad.institution = "Ministry of Justice";
  ad.address = "Line 1\nAnkara";
  ad.fax = "+90 1";
  in.addressees.push_back(ad);
  in.deadline = Timestamp::from_fields(2017, 8, 1, 0, 0, 0, 0, std::nullopt, Precision::day);
  in.follows = "urn:ua:earlier";
  Collection c;
  Campaign campaign;
  campaign.id = "urn:campaign:one";
  campaign.name = "Free Ms. A";
  campaign.url = "https://example.org/free-a";
  c.campaigns.push_back(campaign);
  c.items.emplace_back(in);
  return c;
}

}  // namespace

TEST_CASE("An article of the sample maps to ninjs headlines, places, subjects, genres and renditions", "[ninjs]") {
  const Collection& c = sample();
  const json o = json::parse(write_ninjs_item(c, index_of(c, "Colombia: Victims of torture")));
  CHECK(o["uri"] == "https://www.omct.org/en/resources/statements/colombia-victims-of-torture-in-colombia-are-yet-to-be-recognised-and-repaired");
  CHECK(o["type"] == "text");
  CHECK(o["profile"] == "hrnews-article");
  CHECK(o["standard"] == json::parse(R"({"name":"ninjs","version":"2.2","schema":"http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"})"));
  CHECK(o["firstcreated"] == "2015-11-18T00:00:00Z");
  CHECK(o["versioncreated"] == "2015-11-18T00:00:00Z");
  CHECK(o["language"] == "en");
  CHECK(o["headlines"] == json::parse(R"([{"role":"main","contenttype":"text/plain","value":"Colombia: Victims of torture in Colombia are yet to be recognised and repaired"}])"));
  CHECK(o["places"] == json::parse(R"([{"name":"Colombia","rel":"country","uri":"urn:hrnews:scheme:country:CO","literal":"CO"}])"));
  CHECK(o["subjects"][0] == json::parse(R"({"name":"Monitoring Protection Mechanisms","rel":"theme","uri":"urn:hrnews:scheme:theme:monitoring-protection-mechanisms","literal":"monitoring-protection-mechanisms"})"));
  CHECK(o["genres"] == json::parse(R"([{"name":"Statement","uri":"urn:hrnews:scheme:genre:statement","literal":"statement"}])"));
  CHECK(o["organisations"] == json::parse(R"([{"name":"World Organisation Against Torture","rel":"publisher","uri":"https://www.omct.org/","literal":"OMCT"}])"));
  CHECK(o["renditions"][0]["name"] == "web");
  CHECK(o["renditions"][0]["contenttype"] == "text/html");
  CHECK_FALSE(o.contains("hrnews"));
  CHECK_FALSE(o.contains("altids"));  // the id is the uri
}

TEST_CASE("Campaigns of an item are ninjs subjects with rel campaign and the campaign's name", "[ninjs]") {
  const Collection& c = sample();
  const json o = json::parse(write_ninjs_item(c, index_of(c, "UNGA passes resolution")));
  json campaign;
  for (const json& s : o["subjects"]) {
    if (s["rel"] == "campaign") campaign = s;
  }
  CHECK(campaign == json::parse(R"({"name":"10 December, 10 Defenders","rel":"campaign","uri":"https://www.omct.org/en/campaigns/10-december-10-defenders","literal":"https://www.omct.org/en/campaigns/10-december-10-defenders"})"));
}

TEST_CASE("An event item announces its event in ninjs events and places", "[ninjs]") {
  const Collection& c = sample();
  const json o = json::parse(write_ninjs_item(c, index_of(c, "Azerbaijan: Joint Shadow Report")));
  CHECK(o["events"] == json::parse(R"([{"name":"Azerbaijan: Joint Shadow Report to the Committee against Torture","rel":"announces","literal":"2015-11-10T10:00:00+01:00/2015-11-10T13:00:00+01:00"}])"));
  CHECK(o["places"].back() == json::parse(R"({"name":"Geneva","rel":"event-location"})"));
}

TEST_CASE("An urgent appeal maps victims, addressees, actions, case reference and deadline onto core ninjs", "[ninjs]") {
  const json o = json::parse(write_ninjs(appeal()))[0];
  CHECK(o["uri"] == "urn:hrnews:id:TUR%20005%20%2F%200717%20%2F%20OBS%20078");
  CHECK(o["altids"] == json::parse(R"([{"role":"hrnews-id","value":"TUR 005 / 0717 / OBS 078"},{"role":"case-reference","value":"TUR 005 / 0717 / OBS 078"}])"));
  CHECK(o["profile"] == "hrnews-intervention");
  CHECK(o["representationtype"] == "full");
  CHECK(o["firstcreated"] == "2017-07-03T09:30:00+03:00");
  CHECK(o["versioncreated"] == "2017-07-04T00:00:00Z");
  CHECK(o["expires"] == "2017-08-01T00:00:00Z");
  CHECK(o["headlines"][0] == json::parse(R"({"role":"main","contenttype":"text/html","value":"Turkey: Arbitrary detention of <b>Ms. A</b>"})"));
  CHECK(o["bodies"] == json::parse(R"([{"role":"main","contenttype":"text/html","value":"<p>Body</p>"},{"role":"requested-actions","contenttype":"text/plain","value":"1. Release Ms. A\n2. Guarantee her integrity"}])"));
  CHECK(o["by"] == "The Observatory");
  CHECK(o["located"] == "Geneva-Paris");
  CHECK(o["people"] == json::parse(R"([
    {"name":"The Observatory","rel":"author","contactinfo":[{"type":"email","value":"obs@example.org"}]},
    {"name":"Ms. A","rel":"victim"},
    {"name":"Minister of Justice","rel":"addressee","contactinfo":[{"type":"fax","value":"+90 1"},{"type":"address","address":{"lines":["Line 1","Ankara"]}}]}])"));
  CHECK(o["organisations"] == json::parse(R"([{"name":"Bar Association","rel":"victim-organisation"},{"name":"Ministry of Justice","rel":"addressee"}])"));
  CHECK(o["places"] == json::parse(R"([{"name":"Türkiye","rel":"country","uri":"urn:hrnews:scheme:country:TR","literal":"TR"},{"name":"Council of Europe","rel":"region","uri":"urn:hrnews:scheme:region:COE","literal":"COE"}])"));
  CHECK(o["subjects"][1] == json::parse(R"({"name":"Arbitrary detention","rel":"violation","uri":"urn:hrnews:scheme:violation:arbitrary-detention","literal":"arbitrary-detention"})"));
  CHECK(o["subjects"][2] == json::parse(R"({"name":"Free Ms. A","rel":"campaign","uri":"https://example.org/free-a","literal":"urn:campaign:one"})"));
  CHECK(o["renditions"][0]["href"] == "https://www.omct.org/en/ua/turkey%20005");
  CHECK(o["associations"] == json::parse(R"([{"name":"follows","uri":"urn:ua:earlier"}])"));
  CHECK_FALSE(o.contains("hrnews"));
}

TEST_CASE("The hrnews extension property carries what core ninjs cannot", "[ninjs]") {
  NinjsOptions options;
  options.hrnews_extension = true;
  const json o = json::parse(write_ninjs(appeal(), options))[0];
  CHECK(o["standard"]["schema"] == "urn:hrnews:schema:ninjs-extension:1.0");
  CHECK(o["hrnews"] == json::parse(R"({
    "kind":"intervention","id":"TUR 005 / 0717 / OBS 078","language_inferred":true,
    "subjects":[{"scheme":"theme","code":"human-rights-defenders"},{"scheme":"genre","code":"urgent-intervention"}],
    "countries":["TR"],"regions":["COE"],
    "campaigns":[{"id":"urn:campaign:one","name":"Free Ms. A","url":"https://example.org/free-a"}],
    "published":"2017-07-03T09:30+03:00","updated":"2017-07-04",
    "case_ref":{"raw":"TUR 005 / 0717 / OBS 078","scheme":"observatory","formatted":"TUR 005 / 0717 / OBS 078"},
    "intervention_type":"urgent-appeal","status":"open",
    "victims":[{"name":"Ms. A","role":"lawyer","organisation":"Bar Association","gender":"female","status":"detained"}],
    "violations":[{"scheme":"violation","code":"arbitrary-detention"}],
    "requested_actions":["Release Ms. A","Guarantee her integrity"],
    "addressees":[{"name":"Minister of Justice","institution":"Ministry of Justice","address":"Line 1\nAnkara","fax":"+90 1"}],
    "deadline":"2017-08-01","follows":"urn:ua:earlier"})"));
}

TEST_CASE("ninjs output is a JSON array, compact when asked, and registered as write-only formats", "[ninjs]") {
  WriteOptions compact;
  compact.pretty = false;
  const std::string text = write_ninjs(appeal(), compact);
  CHECK(text.front() == '[');
  CHECK(text.back() == ']');
  CHECK(text.find('\n') == std::string::npos);  // the line break inside the actions is escaped
  CHECK(write(appeal(), "ninjs", compact) == text);
  CHECK(json::parse(write(appeal(), "ninjs-hrnews"))[0].contains("hrnews"));
  CHECK(write_ninjs(Collection{}) == "[]\n");
  bool found = false;
  for (const FormatInfo& f : formats()) {
    if (f.id == "ninjs") {
      found = true;
      CHECK_FALSE(f.can_read);
      CHECK(f.can_write);
    }
  }
  CHECK(found);
  CHECK_THROWS_WITH(read("[]", "ninjs"), "<input>: io: no reader for format \"ninjs\"");
  CHECK_THROWS_AS(write_ninjs_item(appeal(), 1), std::out_of_range);
}

TEST_CASE("Documents for the ninjs validation are written when HRNEWS_NINJS_OUT is set", "[ninjs-out]") {
  const char* dir = std::getenv("HRNEWS_NINJS_OUT");
  if (dir == nullptr || *dir == '\0') {
    SUCCEED("HRNEWS_NINJS_OUT is not set: nothing to write");
    return;
  }
  const std::filesystem::path out(dir);
  std::filesystem::create_directories(out);
  NinjsOptions extended;
  extended.hrnews_extension = true;
  std::size_t files = 0, objects = 0;
  auto both = [&](const std::string& name, const Collection& c) {
    save(out / (name + ".ninjs.json"), write_ninjs(c));
    save(out / (name + ".ninjs-hrnews.json"), write_ninjs(c, extended));
    files += 2;
    objects += 2 * c.items.size();
  };
  both("omct-2015-11", sample());
  both("appeal", appeal());
  for (std::uint64_t i = 0; i < 200; ++i) {
    const std::uint64_t seed = 5000000 + i;
    CAPTURE(seed);
    hrnews_test::RandomModel gen(seed);
    char name[32];
    std::snprintf(name, sizeof name, "random-%03u", static_cast<unsigned>(i));
    both(name, gen.collection());
  }
  std::cout << "ninjs-out: " << files << " files with " << objects << " ninjs objects written to " << out.string()
            << std::endl;
  CHECK(files == 404);
}
