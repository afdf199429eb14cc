// SPDX-License-Identifier: Apache-2.0
// The canonical JSON format (hrnews/json.hpp) and the opt-in nlohmann/json
// conversions (hrnews/nlohmann.hpp): lossless round trips of every field,
// the exact shape written, extensions, errors with their whole messages, limits.
#include <catch2/catch.hpp>

#include <fstream>
#include <limits>
#include <stdexcept>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <hrnews/hrnews.hpp>
#include <hrnews/json.hpp>
#include <hrnews/nlohmann.hpp>

using namespace hrnews;

namespace {

std::string fixture(const std::string& name) {
  const std::string path = std::string(HRNEWS_TEST_DATA_DIR) + "/json/" + name;
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

WriteOptions compact() {
  WriteOptions o;
  o.pretty = false;
  return o;
}

ReadOptions named(const std::string& file) {
  ReadOptions o;
  o.file_name = file;
  return o;
}

/// A document holding one item (given as JSON text).
std::string doc_with_item(const std::string& item) { return R"({"hrnews":"1.0","items":[)" + item + "]}"; }

Timestamp ts(std::string_view text) {
  auto t = Timestamp::parse(text);
  REQUIRE(t);
  return *t;
}

}  // namespace


// ---------------------------------------------------------------------------
// A collection that sets every field of every type (also used by test_jsonl.cpp).

namespace json_test {

Collection full_collection() {
  const auto t = [](std::string_view text) {
    auto parsed = Timestamp::parse(text);
    if (!parsed) throw std::runtime_error("test timestamp does not parse: " + std::string(text));
    return *parsed;
  };

  Collection c;
  Feed& f = c.feed;
  f.id = "http://www.omct.org/";
  f.title = "OMCT - Latest news";
  f.subtitle = Text("World Organisation <em>Against</em> Torture", TextType::html);
  f.url = "http://www.omct.org/";
  f.links = {Link{"http://www.omct.org/rss.xml", "self", "application/rss+xml", "en", "This feed", 4096},
             Link{"http://www.omct.org/fr/", "alternate", "text/html", "fr", "", std::nullopt}};
  f.language = "en";
  f.updated = t("Thu, 26 Nov 2015 09:30:00 +0100");
  f.publishers = {Party{PartyKind::organisation, "World Organisation Against Torture", "publisher", "OMCT",
                        "omct@omct.org", "http://www.omct.org/"}};
  f.generator = "Drupal";
  f.rights = Text("© OMCT 2015");
  f.icon = "http://www.omct.org/favicon.ico";
  f.source_format = "rss-2.0";
  f.extensions = {{"x_feed_note", R"({"by":"tests","checked":true})"}};

  Article a;
  a.id = "omct-2015-11-17-un-forum";
  a.url = "http://www.omct.org/human-rights-defenders/events/2015/11/d23459/";
  a.links = {Link{"http://www.omct.org/fr/x", "alternate", "text/html", "fr", "En français", std::nullopt},
             Link{"http://www.omct.org/x.pdf", "enclosure", "application/pdf", "", "", 123456}};
  a.title = "UN Forum on Business and Human Rights: Side event on challenges that human rights defenders face";
  a.summary = Text("<p>OMCT is pleased to co-sponsor a side event &hellip;</p>", TextType::html);
  a.content = Text("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Full text</p></div>", TextType::xhtml);
  a.published = t("Tue, 17 Nov 2015 00:00:00 +0100");
  a.updated = t("2015-11-17T18:45:12.5Z");
  a.language = "en";
  a.authors = {Person{"OMCT", "omct@omct.org", "http://www.omct.org/"}, Person{"Observatory", "", ""}};
  a.publishers = {Party{PartyKind::organisation, "World Organisation Against Torture", "co-sponsor", "OMCT", "", ""},
                  Party{PartyKind::person, "Jane Doe", "speaker", "", "jane@example.org", "http://example.org/jane"}};
  a.categories = {Category{"Economic, Social and Cultural Rights", "http://www.omct.org/programmes", "ESCR"},
                  Category{"Events", "genre", ""}};
  a.subjects = {TermRef{"theme", "human-rights-defenders"}, TermRef{"genre", "event"}};
  a.countries = {"CH", "CO"};
  a.regions = {"UN"};
  a.geo = GeoPoint{46.2269, 6.1406};
  a.campaigns = {"10-december-10-defenders"};
  a.related = {Relation{RelationType::translation_of, "omct-fr-1"}, Relation{RelationType::follow_up_of, "x1"},
               Relation{RelationType::part_of, "dossier-9"}, Relation{RelationType::replaces, "x0"},
               Relation{RelationType::related, "http://example.org/other"}};
  a.attachments = {Attachment{"http://www.omct.org/files/programme.pdf", "application/pdf", 98765, "Programme"},
                   Attachment{"http://www.omct.org/files/flyer.jpg", "", std::nullopt, ""}};
  a.rights = Text("<b>CC BY</b>", TextType::html);
  a.dateline = "Geneva-Paris";
  a.event = Event{Timestamp::from_fields(2015, 11, 18, 0, 0, 0, 0, std::nullopt, Precision::day, 0,
                                         "Wednesday 18 November 2015"),
                  t("2015-11-18T13:00+01:00"), "Palais des Nations, Geneva"};
  a.extensions = {{"x_internal_ref", R"("42")"}, {"x_flags", "[1,2.5,null,true]"}};

  Intervention iv;
  iv.id = "omct-2015-11-13-aze";
  iv.url = "http://www.omct.org/human-rights-defenders/urgent-interventions/azerbaijan/2015/11/d23450/";
  iv.links = {Link{"http://www.omct.org/y", "", "", "", "", std::nullopt}};
  iv.title = "Azerbaijan:  Measure of restraint against Mr. Arif Yunusov changed from detention to conditional release";
  iv.summary = Text("The Observatory welcomes this long-awaited decision.");
  iv.content = Text("Full <appeal>", TextType::text);
  iv.published = t("Fri, 13 Nov 2015 00:00:00 +0100");
  iv.updated = t("2015-11-14");
  iv.language = "en";
  iv.authors = {Person{"The Observatory", "", ""}};
  iv.publishers = {Party{PartyKind::organisation, "FIDH", "co-publisher", "FIDH", "", "https://www.fidh.org/"}};
  iv.categories = {Category{"Human Rights Defenders", "", ""}};
  iv.subjects = {TermRef{"genre", "urgent-intervention"}};
  iv.countries = {"AZ"};
  iv.regions = {"EU"};
  iv.geo = GeoPoint{40.4093, 49.8671};
  iv.campaigns = {"stand4hrd"};
  iv.related = {Relation{RelationType::follow_up_of, "omct-2015-08-aze"}};
  iv.attachments = {Attachment{"http://www.omct.org/appeal.pdf", "application/pdf", 0, "Appeal"}};
  iv.rights = Text("OMCT");
  iv.dateline = "Paris-Geneva";
  iv.event = Event{std::nullopt, std::nullopt, "Baku"};
  iv.case_ref = CaseReference::parse("AZE 001 / 0815 / OBS 070.1");
  iv.intervention_type = InterventionType::follow_up;
  iv.status = CaseStatus::follow_up;
  iv.victims = {Victim{"Arif Yunusov", "human rights defender", "Institute for Peace and Democracy", "male", "released"},
                Victim{"Leyla Yunus", "human rights defender", "Institute for Peace and Democracy", "female", "detained"}};
  iv.violations = {TermRef{"violation", "arbitrary-detention"}, TermRef{"violation", "judicial-harassment"}};
  iv.requested_actions = {"Release Ms. Leyla Yunus immediately and unconditionally",
                          "Put an end to all acts of harassment"};
  iv.addressees = {Addressee{"Mr. Ilham Aliyev", "President of the Republic of Azerbaijan", "Office of the President",
                             "19 Istiqlaliyyat Street\nBaku AZ1066", "office@pa.gov.az", "+994 12 492 06 25",
                             "+994 12 492 17 26"}};
  iv.deadline = t("2015-12-01");
  iv.follows = "omct-2015-08-aze";
  iv.extensions = {{"x_case_file", R"({"pages":3})"}};

  c.items.emplace_back(a);
  c.items.emplace_back(iv);
  Article minimal;
  minimal.id = "minimal";
  c.items.emplace_back(minimal);

  Campaign camp;
  camp.id = "10-december-10-defenders";
  camp.name = "10 December, 10 Defenders";
  camp.title = Text("<i>10 December</i>, 10 Defenders", TextType::html);
  camp.summary = Text("Ten defenders in ten days.");
  camp.url = "http://www.omct.org/10-december";
  camp.status = CampaignStatus::planned;
  camp.start = t("2015-12-01");
  camp.end = t("10 Dec 2015 23:59 GMT");
  camp.organisers = {Party{PartyKind::organisation, "OMCT", "organiser", "", "", ""}};
  camp.hashtags = {"10Dec10Defenders", "HumanRightsDay"};
  camp.subjects = {TermRef{"theme", "human-rights-defenders"}};
  camp.countries = {"AZ", "CO", "BI"};
  camp.items = {"omct-2015-11-17-un-forum", "omct-2015-11-13-aze"};
  camp.calls_to_action = {"Share the portraits", "Write to the authorities"};
  camp.extensions = {{"x_partner", R"("HRDN")"}};
  c.campaigns.push_back(camp);
  Campaign closed;
  closed.id = "old";
  closed.status = CampaignStatus::closed;
  c.campaigns.push_back(closed);
  Campaign active;
  active.id = "stand4hrd";
  active.status = CampaignStatus::active;
  c.campaigns.push_back(active);

  Scheme s;
  s.id = "programme";
  s.uri = "http://www.omct.org/programmes";
  s.title = {{"en", "Programmes"}, {"fr", "Programmes"}, {"es", "Programas"}};
  Term hrd;
  hrd.code = "human-rights-defenders";
  hrd.uri = "http://www.omct.org/programmes/hrd";
  hrd.labels = {{"en", "Human Rights Defenders"}, {"fr", "Défenseurs des droits de l'Homme"}};
  hrd.alt_labels = {{"en", {"HRD", "Defenders"}}, {"es", {"Defensores"}}};
  hrd.definition = {{"en", "People who act to promote or protect human rights."}};
  hrd.broader = {"human-rights"};
  hrd.mappings = {Mapping{MappingKind::exact, "http://example.org/exact"},
                  Mapping{MappingKind::close, "http://example.org/close"},
                  Mapping{MappingKind::broad, "http://example.org/broad"},
                  Mapping{MappingKind::narrow, "http://example.org/narrow"},
                  Mapping{MappingKind::related, ""}};
  hrd.deprecated = true;
  Term bare;
  bare.code = "bare";
  s.terms = {hrd, bare};
  c.schemes.push_back(s);

  c.diagnostics = {Diagnostic{Severity::info, "encoding", "declared windows-1252", 1, 1, ""},
                   Diagnostic{Severity::warning, "date-repaired", "weekday did not match", 12, 7,
                              "/rss/channel/item[3]/pubDate"},
                   Diagnostic{Severity::error, "item-dropped", "item has no title, link or id", std::nullopt,
                              std::nullopt, "/rss/channel/item[9]"}};
  c.extensions = {{"x_generated_by", R"({"tool":"hand","version":1})"}, {"x_number", "3.25"}};
  return c;
}

}  // namespace json_test

// ---------------------------------------------------------------------------
// Round trips

TEST_CASE("A collection with every field of every type survives a JSON round trip", "[json]") {
  const Collection original = json_test::full_collection();
  for (const bool pretty : {true, false}) {
    WriteOptions options;
    options.pretty = pretty;
    const std::string text = write_json(original, options);
    const Collection back = read_json(text);
    INFO(text);
    CHECK(back.feed == original.feed);
    REQUIRE(back.items.size() == original.items.size());
    for (std::size_t i = 0; i < back.items.size(); ++i) {
      INFO("item " << i);
      CHECK(kind_of(back.items[i]) == kind_of(original.items[i]));
      CHECK(back.items[i] == original.items[i]);
    }
    CHECK(back.campaigns == original.campaigns);
    CHECK(back.schemes == original.schemes);
    CHECK(back.diagnostics == original.diagnostics);
    CHECK(back.extensions == original.extensions);
    CHECK(back == original);
    // and writing again gives the same text
    CHECK(write_json(back, options) == text);
  }
}

TEST_CASE("The model the round trips use really sets every field", "[json]") {
  // Guards the fixture itself: a field left at its default would not be tested.
  const Collection c = json_test::full_collection();
  const Article& a = article_of(c.items.at(0));
  CHECK(!a.id.empty());
  CHECK(!a.url.empty());
  CHECK(a.links.size() >= 2);
  CHECK(a.title.type == TextType::text);
  CHECK(a.summary);
  CHECK(a.content);
  CHECK(a.published);
  CHECK(a.updated);
  CHECK(!a.language.empty());
  CHECK(!a.authors.empty());
  CHECK(!a.publishers.empty());
  CHECK(!a.categories.empty());
  CHECK(!a.subjects.empty());
  CHECK(!a.countries.empty());
  CHECK(!a.regions.empty());
  CHECK(a.geo);
  CHECK(!a.campaigns.empty());
  CHECK(a.related.size() == 5);
  CHECK(!a.attachments.empty());
  CHECK(a.rights);
  CHECK(!a.dateline.empty());
  REQUIRE(a.event);
  CHECK(a.event->start);
  CHECK(a.event->end);
  CHECK(!a.event->location.empty());
  CHECK(!a.extensions.empty());
  const auto& iv = std::get<Intervention>(c.items.at(1));
  CHECK(iv.case_ref);
  CHECK(iv.status);
  CHECK(!iv.victims.empty());
  CHECK(!iv.violations.empty());
  CHECK(!iv.requested_actions.empty());
  CHECK(!iv.addressees.empty());
  CHECK(iv.deadline);
  CHECK(!iv.follows.empty());
  CHECK(!iv.extensions.empty());
  CHECK(!c.feed.extensions.empty());
  CHECK(!c.campaigns.at(0).extensions.empty());
  CHECK(!c.extensions.empty());
}

TEST_CASE("Every intervention type, case status and text type is written and read back", "[json]") {
  for (auto type : {InterventionType::urgent_appeal, InterventionType::follow_up, InterventionType::closing,
                    InterventionType::open_letter, InterventionType::press_release, InterventionType::other}) {
    for (auto status : {CaseStatus::open, CaseStatus::follow_up, CaseStatus::closed}) {
      Intervention iv;
      iv.id = "x";
      iv.intervention_type = type;
      iv.status = status;
      Collection c;
      c.items.emplace_back(iv);
      CHECK(read_json(write_json(c)) == c);
    }
  }
  for (auto type : {TextType::text, TextType::html, TextType::xhtml}) {
    Article a;
    a.id = "x";
    a.title = Text("<b>t</b>", type);
    a.summary = Text("", type);
    Collection c;
    c.items.emplace_back(a);
    CHECK(read_json(write_json(c)) == c);
  }
}

TEST_CASE("Empty optional texts and empty events are kept apart from absent ones", "[json]") {
  Article a;
  a.id = "x";
  a.summary = Text();
  a.content = Text("", TextType::html);
  a.rights = Text();
  a.event = Event();
  a.geo = GeoPoint();
  Collection c;
  c.items.emplace_back(a);
  const std::string text = write_json(c, compact());
  CHECK(text ==
        R"({"hrnews":"1.0","items":[{"kind":"article","id":"x","summary":"","content":{"type":"html","value":""},)"
        R"("geo":{"lat":0.0,"lon":0.0},"rights":"","event":{}}]})");
  CHECK(read_json(text) == c);
}

TEST_CASE("The sample document is read with its texts, timestamps, case reference and extensions", "[json]") {
  const Collection c = read_json(fixture("sample.json"), named("sample.json"));
  CHECK(c.feed.title == Text("OMCT - Latest news"));
  CHECK(c.feed.subtitle == Text("World Organisation <em>Against</em> Torture", TextType::html));
  REQUIRE(c.feed.updated);
  CHECK(c.feed.updated->to_rfc3339() == "2015-11-26T09:30:00+01:00");
  CHECK(c.feed.updated->raw() == "Thu, 26 Nov 2015 09:30:00 +0100");
  REQUIRE(c.items.size() == 4);

  const Article& colombia = article_of(c.items[0]);
  CHECK(kind_of(c.items[0]) == ItemKind::article);
  CHECK(colombia.title.value == "Colombia:  Victims of torture in Colombia are yet to be recognised and repaired");
  REQUIRE(colombia.published);
  CHECK(colombia.published->precision() == Precision::day);
  CHECK(colombia.published->raw() == "November 18, 2015");
  CHECK(colombia.categories.size() == 2);

  const Article& forum = article_of(c.items[1]);
  CHECK(forum.categories.at(0).term == "Economic, Social and Cultural Rights");
  REQUIRE(forum.event);
  CHECK(forum.event->start->raw() == "Wednesday 18 November 2015");
  CHECK(forum.event->location == "Palais des Nations, Geneva");
  CHECK(forum.links.at(0).length == 1234u);
  CHECK(forum.extensions.empty());  // unknown members of a link are ignored, not kept on the item

  REQUIRE(kind_of(c.items[2]) == ItemKind::intervention);
  const auto& iv = std::get<Intervention>(c.items[2]);
  REQUIRE(iv.case_ref);
  CHECK(iv.case_ref->scheme() == CaseScheme::observatory);
  CHECK(iv.case_ref->raw() == "AZE 001 / 0815 / OBS 070.1");
  CHECK(iv.case_ref->follow_up() == 1);
  CHECK(iv.intervention_type == InterventionType::follow_up);
  CHECK(iv.status == CaseStatus::open);
  CHECK(iv.requested_actions == std::vector<std::string>{"Release Ms. Leyla Yunus", "Drop all charges"});

  const Article& eu = article_of(c.items[3]);
  CHECK_FALSE(eu.summary);  // null is absent
  CHECK(eu.url.empty());
  CHECK(eu.regions == std::vector<std::string>{"EU"});

  REQUIRE(c.campaigns.size() == 1);
  CHECK(c.campaigns[0].status == CampaignStatus::active);
  REQUIRE(c.diagnostics.size() == 1);
  CHECK(c.diagnostics[0].line == 12u);
  CHECK(c.diagnostics[0].column == 7u);

  // and it survives a round trip
  CHECK(read_json(write_json(c)) == c);
}

// ---------------------------------------------------------------------------
// The shape written

TEST_CASE("An empty collection is just the format version", "[json]") {
  CHECK(write_json(Collection(), compact()) == R"({"hrnews":"1.0"})");
  CHECK(write_json(Collection()) == "{\n  \"hrnews\": \"1.0\"\n}\n");  // pretty output ends its last line
  CHECK(read_json(R"({"hrnews":"1.0"})") == Collection());
}

TEST_CASE("Members are written in the documented order and absent ones are omitted", "[json]") {
  Intervention iv;
  iv.id = "ua-1";
  iv.title = "Azerbaijan: arbitrary detention";
  iv.published = ts("2015-11-13");
  iv.countries = {"AZ"};
  iv.follows = "ua-0";
  iv.status = CaseStatus::closed;
  iv.intervention_type = InterventionType::closing;
  iv.case_ref = CaseReference::parse("UA 229/10");
  iv.extensions["x_note"] = R"({"b":1,"a":[true,null]})";
  Collection c;
  c.feed.title = "Feed";
  c.items.emplace_back(iv);
  c.extensions["x_top"] = "1";
  CHECK(write_json(c, compact()) ==
        R"({"hrnews":"1.0","feed":{"title":"Feed"},"items":[{"kind":"intervention","id":"ua-1",)"
        R"("title":"Azerbaijan: arbitrary detention","published":"2015-11-13","countries":["AZ"],)"
        R"("case_ref":{"raw":"UA 229/10","scheme":"amnesty-ua","formatted":"UA 229/10","number":229,"year":2010},)"
        R"("intervention_type":"closing","status":"closed","follows":"ua-0","x_note":{"a":[true,null],"b":1}}],)"
        R"("x_top":1})");
}

TEST_CASE("Pretty output is indented like nlohmann's, extensions included", "[json]") {
  Article a;
  a.id = "a";
  a.countries = {"AZ"};
  a.extensions["x"] = R"({"b":[1]})";
  Collection c;
  c.items.emplace_back(a);
  CHECK(write_json(c) ==
        "{\n"
        "  \"hrnews\": \"1.0\",\n"
        "  \"items\": [\n"
        "    {\n"
        "      \"kind\": \"article\",\n"
        "      \"id\": \"a\",\n"
        "      \"countries\": [\n"
        "        \"AZ\"\n"
        "      ],\n"
        "      \"x\": {\n"
        "        \"b\": [\n"
        "          1\n"
        "        ]\n"
        "      }\n"
        "    }\n"
        "  ]\n"
        "}\n");
  WriteOptions four;
  four.indent = 4;
  nlohmann::ordered_json j = c;
  CHECK(write_json(c, four) == j.dump(4) + "\n");
}

TEST_CASE("Writing to a stream gives the same text as writing to a string", "[json]") {
  const Collection c = json_test::full_collection();
  for (const bool pretty : {true, false}) {
    WriteOptions options;
    options.pretty = pretty;
    std::ostringstream out;
    write_json(c, out, options);
    CHECK(out.str() == write_json(c, options));
  }
  // many items: the stream writer flushes as it goes
  Collection big;
  for (int i = 0; i < 2000; ++i) {
    Article a;
    a.id = "item-" + std::to_string(i);
    a.title = "A title long enough to fill the buffer a bit faster than an id alone";
    big.items.emplace_back(a);
  }
  std::ostringstream out;
  write_json(big, out);
  CHECK(out.str() == write_json(big));
}

TEST_CASE("Texts are plain strings when of type text, objects otherwise", "[json]") {
  Article a;
  a.id = "x";
  a.title = "plain";
  a.summary = Text("<p>html</p>", TextType::html);
  a.content = Text("<div xmlns=\"http://www.w3.org/1999/xhtml\">x</div>", TextType::xhtml);
  Collection c;
  c.items.emplace_back(a);
  CHECK(write_json(c, compact()) ==
        R"({"hrnews":"1.0","items":[{"kind":"article","id":"x","title":"plain",)"
        R"("summary":{"type":"html","value":"<p>html</p>"},)"
        R"("content":{"type":"xhtml","value":"<div xmlns=\"http://www.w3.org/1999/xhtml\">x</div>"}}]})");
  // {"type": "text", ...} and a missing type are read as plain text
  const Collection back = read_json(doc_with_item(
      R"({"kind":"article","id":"x","title":{"type":"text","value":"t"},"summary":{"value":"s"}})"));
  CHECK(article_of(back.items[0]).title == Text("t"));
  CHECK(article_of(back.items[0]).summary == Text("s"));
}

TEST_CASE("Timestamps are written in RFC 3339, with the raw text only when it differs", "[json]") {
  Article a;
  a.id = "x";
  a.published = ts("Fri, 13 Nov 2015 00:00:00 +0100");
  a.updated = ts("2015-11");
  Collection c;
  c.items.emplace_back(a);
  CHECK(write_json(c, compact()) ==
        R"({"hrnews":"1.0","items":[{"kind":"article","id":"x","published":"2015-11-13T00:00:00+01:00",)"
        R"("published_raw":"Fri, 13 Nov 2015 00:00:00 +0100","updated":"2015-11"}]})");
  const Collection back = read_json(write_json(c));
  CHECK(back == c);
  CHECK(article_of(back.items[0]).published->raw() == "Fri, 13 Nov 2015 00:00:00 +0100");
  CHECK(article_of(back.items[0]).updated->precision() == Precision::month);
}

TEST_CASE("Timestamps of every precision and zone survive a round trip", "[json]") {
  const std::vector<Timestamp> stamps = {
      ts("2015"),
      ts("2015-11"),
      ts("2015-11-26"),
      ts("2015-11-26T09:30Z"),
      ts("2015-11-26T09:30:00Z"),
      ts("2015-11-26T09:30:00.25+05:30"),
      ts("2015-11-26T09:30:00.123456-03:00"),
      ts("2015-11-26T09:30:00"),
      ts("Thu, 26 Nov 2015 09:30:00 CEST"),
      ts("2015-11-26 09:30:00+0100"),
      Timestamp::from_fields(2015, 11, 18, 0, 0, 0, 0, std::nullopt, Precision::day, 0, "Wednesday 18 November 2015"),
  };
  for (const Timestamp& t : stamps) {
    INFO(t.raw() << " / " << t.to_rfc3339());
    Article a;
    a.id = "x";
    a.published = t;
    a.event = Event{t, t, {}};
    Intervention iv(a);
    iv.deadline = t;
    Campaign camp;
    camp.id = "c";
    camp.start = t;
    camp.end = t;
    Collection c;
    c.feed.updated = t;
    c.items.emplace_back(iv);
    c.campaigns.push_back(camp);
    CHECK(read_json(write_json(c)) == c);
  }
}

TEST_CASE("A timestamp read without its raw companion keeps the text as read", "[json]") {
  const Collection c = read_json(doc_with_item(R"({"kind":"article","id":"x","published":"2015-11-26T09:30:00+0100"})"));
  const Timestamp& t = *article_of(c.items[0]).published;
  CHECK(t.to_rfc3339() == "2015-11-26T09:30:00+01:00");
  CHECK(t.raw() == "2015-11-26T09:30:00+0100");
  // written back, the raw text follows the normalised one
  CHECK(write_json(c, compact()).find(R"("published":"2015-11-26T09:30:00+01:00","published_raw":"2015-11-26T09:30:00+0100")") !=
        std::string::npos);
}

TEST_CASE("Case references are written with their parts and read from raw alone", "[json]") {
  Intervention iv;
  iv.id = "x";
  iv.case_ref = CaseReference::parse("TUR 005 / 0717 / OBS 078.6");
  Collection c;
  c.items.emplace_back(iv);
  const std::string text = write_json(c, compact());
  CHECK(text.find(R"("case_ref":{"raw":"TUR 005 / 0717 / OBS 078.6","scheme":"observatory",)"
                  R"("formatted":"TUR 005 / 0717 / OBS 078.6","country":"TUR","number":5,"month":7,"year":2017,)"
                  R"("programme":"OBS","serial":78,"follow_up":6})") != std::string::npos);
  CHECK(read_json(text) == c);
  // the written parts are never trusted
  const Collection back = read_json(doc_with_item(
      R"({"kind":"intervention","id":"x","case_ref":{"raw":"UA 229/10","scheme":"observatory","number":1}})"));
  const auto& ref = *std::get<Intervention>(back.items[0]).case_ref;
  CHECK(ref.scheme() == CaseScheme::amnesty_ua);
  CHECK(ref.number() == 229);
  // unknown schemes keep their raw text
  Intervention odd;
  odd.id = "y";
  odd.case_ref = CaseReference::parse("  ref. 12/ab  ");
  Collection c2;
  c2.items.emplace_back(odd);
  CHECK(read_json(write_json(c2)) == c2);
}

TEST_CASE("Strings with control characters and invalid UTF-8 are written as valid JSON", "[json]") {
  Article a;
  a.id = "ctl";
  a.title = std::string("tab\there, nl\nthere, nul ") + '\0' + ", bell \x07, quote \" and backslash \\, del \x7f";
  a.summary = Text(std::string("bad \xC3 byte, overlong \xC0\xAF, surrogate \xED\xA0\x80, cut \xE2\x82"));
  a.dateline = "Genève – 日本 – 🙂";
  Collection c;
  c.items.emplace_back(a);
  const std::string text = write_json(c, compact());
  CHECK(text.find(R"("title":"tab\there, nl\nthere, nul \u0000, bell \u0007, quote \" and backslash \\, del )"
                  "\x7f\"") != std::string::npos);
  CHECK(nlohmann::json::accept(text));  // nlohmann also validates UTF-8
  const Collection back = read_json(text);
  const Article& b = article_of(back.items[0]);
  CHECK(b.title == a.title);
  CHECK(b.dateline == a.dateline);
  CHECK(b.summary->value == "bad \xEF\xBF\xBD byte, overlong \xEF\xBF\xBD\xEF\xBF\xBD, surrogate "
                            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD, cut \xEF\xBF\xBD");
}

TEST_CASE("Extension keys and values are escaped, and non-JSON extension text becomes a string", "[json]") {
  Collection c;
  c.extensions["x \"quoted\"\n"] = "[1,2]";
  c.extensions["x_not_json"] = "{oops";
  c.extensions["x_empty"] = "";
  c.extensions["x_spaced"] = " { \"b\" : 1 ,\n \"a\" : 2 } ";
  const std::string text = write_json(c, compact());
  CHECK(text == R"({"hrnews":"1.0","x \"quoted\"\n":[1,2],"x_empty":"","x_not_json":"{oops","x_spaced":{"a":2,"b":1}})");
  const Collection back = read_json(text);
  CHECK(back.extensions.at("x \"quoted\"\n") == "[1,2]");
  CHECK(back.extensions.at("x_not_json") == R"("{oops")");
  CHECK(back.extensions.at("x_spaced") == R"({"a":2,"b":1})");
}

TEST_CASE("Members of the format are never duplicated from extensions", "[json]") {
  Article a;
  a.id = "real";
  a.extensions["id"] = R"("fake")";
  a.extensions["kind"] = R"("intervention")";
  a.extensions["url"] = R"("http://fake")";    // a member even when the article has no url
  a.extensions["case_ref"] = R"({"raw":"x"})";  // not a member of an article: kept
  Campaign camp;
  camp.id = "c";
  camp.extensions["kind"] = R"("campaign")";
  camp.extensions["items"] = "[]";
  Collection c;
  c.feed.id = "f";
  c.feed.extensions["updated_raw"] = R"("x")";
  c.items.emplace_back(a);
  c.campaigns.push_back(camp);
  c.extensions["hrnews"] = R"("9.0")";
  c.extensions["items"] = "[]";
  CHECK(write_json(c, compact()) ==
        R"({"hrnews":"1.0","feed":{"id":"f"},"items":[{"kind":"article","id":"real","case_ref":{"raw":"x"}}],)"
        R"("campaigns":[{"id":"c"}]})");
}

TEST_CASE("Unknown members are kept at the top level, in the feed, items and campaigns", "[json]") {
  const Collection c = read_json(fixture("sample.json"));
  CHECK(c.extensions == Extensions{{"x_generated_by", R"({"tool":"hand","version":1})"}});
  CHECK(c.feed.extensions == Extensions{{"x_feed_note", R"({"by":"tests","checked":true})"}});
  CHECK(article_of(c.items[0]).extensions == Extensions{{"x_internal_ref", R"("42")"}});
  CHECK(article_of(c.items[2]).extensions == Extensions{{"x_case_file", "[1,2.5,null]"}});
  CHECK(c.campaigns[0].extensions == Extensions{{"x_partner", R"("HRDN")"}});
  // written back at the same places
  const std::string text = write_json(c, compact());
  CHECK(text.find(R"("x_feed_note":{"by":"tests","checked":true}})") != std::string::npos);
  CHECK(text.find(R"("countries":["CO"],"x_internal_ref":"42"})") != std::string::npos);
  CHECK(text.find(R"("x_case_file":[1,2.5,null]})") != std::string::npos);
  CHECK(text.find(R"("x_partner":"HRDN"})") != std::string::npos);
  CHECK(text.find(R"("x_generated_by":{"tool":"hand","version":1}})") != std::string::npos);
}

TEST_CASE("Members an article does not have are extensions of the article", "[json]") {
  const Collection c = read_json(doc_with_item(
      R"({"kind":"article","id":"x","case_ref":{"raw":"UA 1/15"},"deadline":"2015-12-01","follows":"y"})"));
  CHECK(article_of(c.items[0]).extensions ==
        Extensions{{"case_ref", R"({"raw":"UA 1/15"})"}, {"deadline", R"("2015-12-01")"}, {"follows", R"("y")"}});
  CHECK(read_json(write_json(c)) == c);
}

TEST_CASE("Members may come in any order, kind last included", "[json]") {
  const Collection c = read_json(doc_with_item(
      R"({"deadline_raw":"1 Dec 2015","deadline":"2015-12-01","id":"x","status":"open","kind":"intervention"})"));
  const auto& iv = std::get<Intervention>(c.items.at(0));
  CHECK(iv.deadline->raw() == "1 Dec 2015");
  CHECK(iv.status == CaseStatus::open);
  const Collection d = read_json(R"({"items":[{"id":"x","kind":"article"}],"feed":{"id":"f"},"hrnews":"1.3"})");
  CHECK(d.items.size() == 1);
  CHECK(d.feed.id == "f");
}

TEST_CASE("null is read as absent everywhere", "[json]") {
  const Collection c = read_json(
      R"({"hrnews":"1.0","feed":null,"items":[{"kind":"article","id":"x","url":null,"links":null,"title":null,)"
      R"("summary":null,"published":null,"published_raw":"x","geo":null,"event":null,"countries":null,)"
      R"("x_kept":null}],"campaigns":null,"schemes":null,"diagnostics":null})");
  REQUIRE(c.items.size() == 1);
  const Article& a = article_of(c.items[0]);
  CHECK(a.url.empty());
  CHECK_FALSE(a.published);
  CHECK_FALSE(a.geo);
  CHECK_FALSE(a.event);
  CHECK(a.extensions == Extensions{{"x_kept", "null"}});  // unknown members keep their null
}

TEST_CASE("Numbers are read as the model wants them", "[json]") {
  const Collection c = read_json(doc_with_item(
      R"({"kind":"article","id":"x","geo":{"lat":46,"lon":-6.1432},"links":[{"href":"h","length":18446744073709551615}]})"));
  const Article& a = article_of(c.items[0]);
  CHECK(a.geo->lat == 46.0);
  CHECK(a.geo->lon == -6.1432);
  CHECK(a.links[0].length == 18446744073709551615u);
}

TEST_CASE("A point that JSON cannot hold is left out rather than written as null", "[json]") {
  Article a;
  a.id = "x";
  a.geo = GeoPoint{std::numeric_limits<double>::quiet_NaN(), 1.0};
  Collection c;
  c.items.emplace_back(a);
  CHECK(write_json(c, compact()) == R"({"hrnews":"1.0","items":[{"kind":"article","id":"x"}]})");
}

// ---------------------------------------------------------------------------
// Schemes

TEST_CASE("A taxonomy scheme is read and written on its own", "[json]") {
  const Scheme s = read_scheme_json(fixture("scheme.json"));
  CHECK(s.id == "programme");
  CHECK(s.title.at("fr") == "Programmes");
  REQUIRE(s.terms.size() == 2);
  CHECK(s.terms[0].labels.at("fr") == "Défenseurs des droits de l'Homme");
  CHECK(s.terms[0].alt_labels.at("en") == std::vector<std::string>{"HRD", "Defenders"});
  CHECK(s.terms[0].mappings == std::vector<Mapping>{{MappingKind::close, "http://example.org/hrd"}});
  CHECK(s.terms[1].deprecated);
  CHECK(s.terms[1].broader == std::vector<std::string>{"human-rights"});
  CHECK(read_scheme_json(write_scheme_json(s)) == s);
  CHECK(read_scheme_json(write_scheme_json(s, compact())) == s);
  CHECK(write_scheme_json(Scheme{"s", {}, {}, {}}, compact()) == R"({"id":"s"})");
  CHECK(write_scheme_json(Scheme{"s", {}, {}, {}}) == "{\n  \"id\": \"s\"\n}\n");
}

TEST_CASE("Scheme errors name the path and the file", "[json]") {
  CHECK_THROWS_WITH(read_scheme_json(R"({"terms":[]})", named("s.json")),
                    "s.json: json: missing required member \"id\"");
  CHECK_THROWS_WITH(read_scheme_json(R"({"id":"s","terms":[{"code":"a","deprecated":"yes"}]})", named("s.json")),
                    "s.json: json: /terms/0/deprecated: expected a boolean");
  CHECK_THROWS_WITH(read_scheme_json(R"({"id":"s","title":{"a/b~c":5}})", named("s.json")),
                    "s.json: json: /title/a~1b~0c: expected a string");
  CHECK_THROWS_WITH(read_scheme_json(R"({"id":"s","terms":[{"code":"a","mappings":[{"kind":"same"}]}]})"),
                    "<input>: json: /terms/0/mappings/0/kind: unknown value \"same\"");
  CHECK_THROWS_WITH(read_scheme_json("[]"), "<input>: json: expected an object");
  CHECK_THROWS_WITH(read_scheme_json(R"({"id":"s",)"), "<input>:1:11: json: syntax error: unexpected end of input");
}

// ---------------------------------------------------------------------------
// Syntax errors

TEST_CASE("Syntax errors give line and column", "[json]") {
  CHECK_THROWS_WITH(read_json(fixture("truncated.json"), named("truncated.json")),
                    "truncated.json:5:1: json: syntax error: unexpected end of input");
  CHECK_THROWS_WITH(read_json(R"({"hrnews": "1.0",)", named("bad.json")),
                    "bad.json:1:18: json: syntax error: unexpected end of input");
  CHECK_THROWS_WITH(read_json("{\"hrnews\": \"1.0\"\n  \"feed\": {}}", named("bad.json")),
                    "bad.json:2:3: json: syntax error: unexpected string literal");
  CHECK_THROWS_WITH(read_json("{\"hrnews\": tru}", named("bad.json")),
                    "bad.json:1:15: json: syntax error: invalid literal");
  CHECK_THROWS_WITH(read_json("{\"hrnews\": \"1.0\",}", named("bad.json")),
                    "bad.json:1:18: json: syntax error: unexpected '}'");
  CHECK_THROWS_WITH(read_json("{\"hrnews\": \"1.0\"} x", named("bad.json")),
                    "bad.json:1:19: json: syntax error: invalid literal");
  CHECK_THROWS_WITH(read_json("{\"hrnews\": \"1.0\"} {}", named("bad.json")),
                    "bad.json:1:19: json: syntax error: unexpected '{'");
  CHECK_THROWS_WITH(read_json("{\"hrnews\": \"a\nb\"}", named("bad.json")),
                    "bad.json:1:14: json: syntax error: invalid string: control character U+000A (LF) must be "
                    "escaped to \\u000A or \\n");
  CHECK_THROWS_WITH(read_json("{\"hrnews\": \"\xC3\x28\"}", named("bad.json")),
                    "bad.json:1:14: json: syntax error: invalid string: ill-formed UTF-8 byte");
  CHECK_THROWS_WITH(read_json("", named("empty.json")), "empty.json:1:1: json: syntax error: unexpected end of input");
  CHECK_THROWS_WITH(read_json("{\"hrnews\": \"1.0\", true}", named("bad.json")),
                    "bad.json:1:19: json: syntax error: unexpected true literal");
  CHECK_THROWS_WITH(read_json("{\"hrnews\": \"1.0\", \"x\": 1 false}", named("bad.json")),
                    "bad.json:1:26: json: syntax error: unexpected false literal");
  CHECK_THROWS_WITH(read_json("{\"hrnews\": \"1.0\", 12.5}", named("bad.json")),
                    "bad.json:1:19: json: syntax error: unexpected number literal");
  CHECK_THROWS_WITH(read_json("{\"hrnews\": \"1.0\"]", named("bad.json")),
                    "bad.json:1:17: json: syntax error: unexpected ']'");
  CHECK_THROWS_WITH(read_json(R"({"hrnews":"1.0","x":1e999})", named("bad.json")),
                    "bad.json:1:21: json: number out of range: 1e999");
}

TEST_CASE("A syntax error carries its byte offset", "[json]") {
  try {
    read_json("{\n  \"hrnews\": \"1.0\",\n  x\n}");
    FAIL("no error");
  } catch (const ParseError& e) {
    CHECK(e.format() == "json");
    CHECK(e.line() == 3);
    CHECK(e.column() == 3);
    CHECK(e.offset() == std::optional<std::size_t>(23));
    CHECK(e.path().empty());
    CHECK(e.message() == "syntax error: invalid literal");
  }
}

TEST_CASE("A byte-order mark is skipped", "[json]") {
  CHECK(read_json("\xEF\xBB\xBF{\"hrnews\":\"1.0\"}") == Collection());
}

// ---------------------------------------------------------------------------
// Semantic errors

TEST_CASE("Semantic errors name the JSON Pointer of the bad value", "[json]") {
  const ReadOptions bad = named("bad.json");
  CHECK_THROWS_WITH(read_json(fixture("bad-date.json"), named("sample.json")),
                    "sample.json: json: /items/3/published: \"2015-13-01\" is not a valid date");
  CHECK_THROWS_WITH(read_json(doc_with_item(R"({"kind":"article","url":"u"})"), bad),
                    "bad.json: json: /items/0: missing required member \"id\"");
  CHECK_THROWS_WITH(read_json(doc_with_item(R"({"kind":"article","id":null})"), bad),
                    "bad.json: json: /items/0: missing required member \"id\"");
  CHECK_THROWS_WITH(read_json(doc_with_item(R"({"kind":"article","id":""})"), bad),
                    "bad.json: json: /items/0/id: expected a non-empty string");
  CHECK_THROWS_WITH(read_json(doc_with_item(R"({"id":"x"})"), bad),
                    "bad.json: json: /items/0: missing required member \"kind\"");
  CHECK_THROWS_WITH(read_json(doc_with_item(R"({"kind":"news","id":"x"})"), bad),
                    "bad.json: json: /items/0/kind: unknown value \"news\"");
  CHECK_THROWS_WITH(
      read_json(R"({"hrnews":"1.0","items":[{"kind":"article","id":"a"},{"kind":"article","id":"b"},)"
                R"({"kind":"intervention","id":"c","intervention_type":"urgent"}]})",
                bad),
      "bad.json: json: /items/2/intervention_type: unknown value \"urgent\"");
  CHECK_THROWS_WITH(read_json(doc_with_item(R"({"kind":"intervention","id":"x","status":"pending"})"), bad),
                    "bad.json: json: /items/0/status: unknown value \"pending\"");
  CHECK_THROWS_WITH(read_json(doc_with_item(R"({"kind":"article","id":"x","summary":{"type":"md","value":"v"}})"), bad),
                    "bad.json: json: /items/0/summary/type: unknown value \"md\"");
  CHECK_THROWS_WITH(read_json(doc_with_item(R"({"kind":"article","id":"x","related":[{"rel":"sibling-of"}]})"), bad),
                    "bad.json: json: /items/0/related/0/rel: unknown value \"sibling-of\"");
  CHECK_THROWS_WITH(read_json(doc_with_item(R"({"kind":"article","id":"x","publishers":[{"kind":"robot"}]})"), bad),
                    "bad.json: json: /items/0/publishers/0/kind: unknown value \"robot\"");
  CHECK_THROWS_WITH(read_json(R"({"hrnews":"1.0","feed":{"updated":"yesterday"}})", bad),
                    "bad.json: json: /feed/updated: \"yesterday\" is not a valid date");
  CHECK_THROWS_WITH(read_json(R"({"hrnews":"1.0","campaigns":[{"id":"c","status":"running"}]})", bad),
                    "bad.json: json: /campaigns/0/status: unknown value \"running\"");
  CHECK_THROWS_WITH(read_json(R"({"hrnews":"1.0","campaigns":[{"id":"c","end":"2015-02-30"}]})", bad),
                    "bad.json: json: /campaigns/0/end: \"2015-02-30\" is not a valid date");
  CHECK_THROWS_WITH(read_json(R"({"hrnews":"1.0","campaigns":[{"name":"c"}]})", bad),
                    "bad.json: json: /campaigns/0: missing required member \"id\"");
  CHECK_THROWS_WITH(read_json(R"({"hrnews":"1.0","diagnostics":[{"severity":"fatal"}]})", bad),
                    "bad.json: json: /diagnostics/0/severity: unknown value \"fatal\"");
  CHECK_THROWS_WITH(read_json(doc_with_item(R"({"kind":"article","id":"x","event":{"start":"soon"}})"), bad),
                    "bad.json: json: /items/0/event/start: \"soon\" is not a valid date");
  CHECK_THROWS_WITH(
      read_json(doc_with_item(R"({"kind":"intervention","id":"x","deadline":"2015-12-01","deadline_raw":1})"), bad),
      "bad.json: json: /items/0/deadline_raw: expected a string");
  CHECK_THROWS_WITH(read_json(doc_with_item(R"({"kind":"intervention","id":"x","case_ref":{"scheme":"x"}})"), bad),
                    "bad.json: json: /items/0/case_ref: missing required member \"raw\"");
  CHECK_THROWS_WITH(read_json(doc_with_item(R"({"kind":"article","id":"x","links":[{"rel":"self"}]})"), bad),
                    "bad.json: json: /items/0/links/0: missing required member \"href\"");
  CHECK_THROWS_WITH(read_json(doc_with_item(R"({"kind":"article","id":"x","subjects":[{"scheme":"theme"}]})"), bad),
                    "bad.json: json: /items/0/subjects/0: missing required member \"code\"");
  CHECK_THROWS_WITH(read_json(doc_with_item(R"({"kind":"article","id":"x","attachments":[{}]})"), bad),
                    "bad.json: json: /items/0/attachments/0: missing required member \"url\"");
  CHECK_THROWS_WITH(read_json(doc_with_item(R"({"kind":"article","id":"x","geo":{"lat":1}})"), bad),
                    "bad.json: json: /items/0/geo: missing required member \"lon\"");
  CHECK_THROWS_WITH(read_json(doc_with_item(R"({"kind":"article","id":"x","summary":{"type":"html"}})"), bad),
                    "bad.json: json: /items/0/summary: missing required member \"value\"");
}

TEST_CASE("Values of the wrong type are errors that say what was expected", "[json]") {
  const ReadOptions bad = named("bad.json");
  CHECK_THROWS_WITH(read_json(doc_with_item(R"({"kind":"article","id":"x","url":5})"), bad),
                    "bad.json: json: /items/0/url: expected a string");
  CHECK_THROWS_WITH(read_json(doc_with_item(R"({"kind":"article","id":"x","countries":"AZ"})"), bad),
                    "bad.json: json: /items/0/countries: expected an array");
  CHECK_THROWS_WITH(read_json(doc_with_item(R"({"kind":"article","id":"x","countries":["AZ",7]})"), bad),
                    "bad.json: json: /items/0/countries/1: expected a string");
  CHECK_THROWS_WITH(read_json(doc_with_item(R"({"kind":"article","id":"x","geo":[46,6]})"), bad),
                    "bad.json: json: /items/0/geo: expected an object");
  CHECK_THROWS_WITH(read_json(doc_with_item(R"({"kind":"article","id":"x","authors":[null]})"), bad),
                    "bad.json: json: /items/0/authors/0: expected an object");
  CHECK_THROWS_WITH(read_json(doc_with_item(R"({"kind":"article","id":"x","geo":{"lat":"46","lon":6}})"), bad),
                    "bad.json: json: /items/0/geo/lat: expected a number");
  CHECK_THROWS_WITH(
      read_json(doc_with_item(R"({"kind":"article","id":"x","attachments":[{"url":"u","length":1.5}]})"), bad),
      "bad.json: json: /items/0/attachments/0/length: expected an integer");
  CHECK_THROWS_WITH(
      read_json(doc_with_item(R"({"kind":"article","id":"x","attachments":[{"url":"u","length":"12"}]})"), bad),
      "bad.json: json: /items/0/attachments/0/length: expected an integer");
  CHECK_THROWS_WITH(read_json(doc_with_item(R"({"kind":"article","id":"x","links":[{"href":"h","length":-1}]})"), bad),
                    "bad.json: json: /items/0/links/0/length: expected a non-negative integer");
  CHECK_THROWS_WITH(read_json(R"({"hrnews":"1.0","schemes":[{"id":"s","terms":[{"code":"c","deprecated":1}]}]})", bad),
                    "bad.json: json: /schemes/0/terms/0/deprecated: expected a boolean");
  CHECK_THROWS_WITH(read_json(doc_with_item(R"({"kind":"article","id":"x","title":5})"), bad),
                    "bad.json: json: /items/0/title: expected a string or an object");
  CHECK_THROWS_WITH(read_json(doc_with_item(R"({"kind":7,"id":"x"})"), bad),
                    "bad.json: json: /items/0/kind: expected a string");
  CHECK_THROWS_WITH(read_json(doc_with_item("5"), bad), "bad.json: json: /items/0: expected an object");
  CHECK_THROWS_WITH(read_json(R"({"hrnews":"1.0","items":{}})", bad), "bad.json: json: /items: expected an array");
  CHECK_THROWS_WITH(read_json(R"({"hrnews":"1.0","feed":[]})", bad), "bad.json: json: /feed: expected an object");
  CHECK_THROWS_WITH(read_json(R"({"hrnews":"1.0","diagnostics":[{"line":"3"}]})", bad),
                    "bad.json: json: /diagnostics/0/line: expected an integer");
  CHECK_THROWS_WITH(read_json("[]", bad), "bad.json: json: expected an object");
  CHECK_THROWS_WITH(read_json("\"hrnews\"", bad), "bad.json: json: expected an object");
}

TEST_CASE("The format version is required and must be of major version 1", "[json]") {
  const ReadOptions bad = named("bad.json");
  CHECK_THROWS_WITH(read_json("{}", bad), "bad.json: json: missing required member \"hrnews\"");
  CHECK_THROWS_WITH(read_json(R"({"hrnews":null,"items":[]})", bad), "bad.json: json: missing required member \"hrnews\"");
  CHECK_THROWS_WITH(read_json(R"({"hrnews":"2.0"})", bad), "bad.json: json: /hrnews: unsupported format version \"2.0\"");
  CHECK_THROWS_WITH(read_json(R"({"hrnews":"10"})", bad), "bad.json: json: /hrnews: unsupported format version \"10\"");
  CHECK_THROWS_WITH(read_json(R"({"hrnews":1})", bad), "bad.json: json: /hrnews: expected a string");
  CHECK(read_json(R"({"hrnews":"1"})") == Collection());
  CHECK(read_json(R"({"hrnews":"1.7"})") == Collection());
}

TEST_CASE("Long values are cut in messages", "[json]") {
  const std::string long_date(200, '9');
  try {
    read_json(doc_with_item(R"({"kind":"article","id":"x","published":")" + long_date + "\"}"));
    FAIL("no error");
  } catch (const ParseError& e) {
    CHECK(e.message() == "\"" + std::string(57, '9') + "...\" is not a valid date");
  }
}

TEST_CASE("try_read_json returns the error instead of throwing it", "[json]") {
  const Result<Collection> bad = try_read_json(R"({"hrnews":"1.0","items":[{"kind":"article"}]})", named("bad.json"));
  REQUIRE_FALSE(bad);
  REQUIRE(bad.error() != nullptr);
  CHECK(std::string(bad.error()->what()) == "bad.json: json: /items/0: missing required member \"id\"");
  CHECK(bad.error()->path() == "/items/0");
  CHECK_THROWS_AS(bad.value(), ParseError);

  const Result<Collection> syntax = try_read_json("{\n", named("bad.json"));
  REQUIRE_FALSE(syntax);
  CHECK(syntax.error()->line() == 2);
  CHECK(syntax.error()->column() == 1);

  const Result<Collection> good = try_read_json(fixture("sample.json"));
  REQUIRE(good);
  CHECK(good.value().items.size() == 4);
  static_assert(noexcept(try_read_json("")), "try_read_json is noexcept");
}

// ---------------------------------------------------------------------------
// Limits

TEST_CASE("The input size limit is checked first", "[json]") {
  ReadOptions options = named("bad.json");
  options.limits.max_input_bytes = 500;
  const std::string head = R"({"hrnews":"1.0","x":")";
  const std::string doc = head + std::string(600 - head.size() - 2, 'a') + "\"}";
  REQUIRE(doc.size() == 600);
  CHECK_THROWS_WITH(read_json(doc, options), "bad.json: json: input is 600 bytes, over the limit of 500 bytes");
  options.limits.max_input_bytes = 600;
  CHECK(read_json(doc, options).extensions.size() == 1);
}

TEST_CASE("Deep nesting is a clean error, never a stack overflow", "[json]") {
  const ReadOptions options = named("deep.json");
  // 100000 levels at the root: not even an object
  CHECK_THROWS_WITH(read_json(std::string(100000, '['), options), "deep.json: json: expected an object");
  // inside an extension: the depth limit, where it is exceeded
  const std::string head = R"({"hrnews":"1.0","x":)";
  CHECK_THROWS_WITH(read_json(head + std::string(100000, '['), options),
                    "deep.json:1:276: json: nesting is over the limit of 256 levels");
  CHECK_THROWS_WITH(read_json(head + std::string(100000, '{'), options),
                    "deep.json:1:22: json: syntax error: unexpected '{'");
  std::string objects = head;
  for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
  CHECK_THROWS_WITH(read_json(objects, options), "deep.json:1:1296: json: nesting is over the limit of 256 levels");
  // inside an item, on a later line
  CHECK_THROWS_WITH(read_json("{\"hrnews\":\"1.0\",\n\"items\":[{\"kind\":\"article\",\"id\":\"x\",\"y\":" +
                                  std::string(100000, '[') + std::string(100000, ']') + "}]}",
                              options),
                    "deep.json:2:294: json: nesting is over the limit of 256 levels");
  // a configurable limit; exactly at the limit is fine
  ReadOptions shallow;
  shallow.limits.max_depth = 4;
  CHECK(read_json(R"({"hrnews":"1.0","x":[[[1]]]})", shallow).extensions.at("x") == "[[[1]]]");
  CHECK_THROWS_WITH(read_json(R"({"hrnews":"1.0","x":[[[[1]]]]})", shallow),
                    "<input>:1:24: json: nesting is over the limit of 4 levels");
}

TEST_CASE("The number of items is limited", "[json]") {
  ReadOptions options = named("many.json");
  options.limits.max_items = 3;
  const std::string item = R"({"kind":"article","id":"x"})";
  CHECK(read_json(doc_with_item(item + "," + item + "," + item), options).items.size() == 3);
  CHECK_THROWS_WITH(read_json(doc_with_item(item + "," + item + "," + item + "," + item), options),
                    "many.json: json: /items/3: more than 3 items (limit max_items)");
}

TEST_CASE("The length of one string is limited, member names included", "[json]") {
  ReadOptions options = named("long.json");
  options.limits.max_string_bytes = 10;
  CHECK(read_json(doc_with_item(R"({"kind":"article","id":"x","title":"0123456789"})"), options).items.size() == 1);
  CHECK_THROWS_WITH(read_json(doc_with_item(R"({"kind":"article","id":"x","title":"01234567890"})"), options),
                    "long.json: json: /items/0: string is 11 bytes, over the limit of 10 bytes");
  CHECK_THROWS_WITH(read_json(R"({"hrnews":"1.0","feed":{"a_long_member_name":1}})", options),
                    "long.json: json: /feed: string is 18 bytes, over the limit of 10 bytes");
  CHECK_THROWS_WITH(read_json(R"({"hrnews":"1.0","x_too_long_name":1})", options),
                    "long.json: json: string is 15 bytes, over the limit of 10 bytes");
}

// ---------------------------------------------------------------------------
// nlohmann/json conversions (hrnews/nlohmann.hpp)

TEST_CASE("to_json with ordered_json gives exactly what write_json writes", "[json]") {
  const Collection c = json_test::full_collection();
  const nlohmann::ordered_json j = c;
  CHECK(j.dump() == write_json(c, compact()));
  CHECK(j.dump(2) + "\n" == write_json(c));
}

TEST_CASE("from_json reads what read_json reads", "[json]") {
  const Collection c = json_test::full_collection();
  const std::string text = write_json(c);
  CHECK(nlohmann::json::parse(text).get<Collection>() == c);
  CHECK(nlohmann::ordered_json::parse(text).get<Collection>() == c);
  const std::string sample = fixture("sample.json");
  CHECK(nlohmann::json::parse(sample).get<Collection>() == read_json(sample));
}

TEST_CASE("Every model type converts to and from nlohmann::json on its own", "[json]") {
  const Collection c = json_test::full_collection();
  const Article& a = article_of(c.items.at(0));
  const auto& iv = std::get<Intervention>(c.items.at(1));
  const auto round = [](const auto& value) {
    using T = std::decay_t<decltype(value)>;
    const nlohmann::json j = value;
    return j.get<T>();
  };
  CHECK(round(a.title) == a.title);
  CHECK(round(*a.summary) == *a.summary);
  CHECK(round(a.links.at(0)) == a.links.at(0));
  CHECK(round(a.authors.at(0)) == a.authors.at(0));
  CHECK(round(a.publishers.at(0)) == a.publishers.at(0));
  CHECK(round(a.categories.at(0)) == a.categories.at(0));
  CHECK(round(a.subjects.at(0)) == a.subjects.at(0));
  CHECK(round(a.attachments.at(0)) == a.attachments.at(0));
  CHECK(round(*a.geo) == *a.geo);
  CHECK(round(a.related.at(0)) == a.related.at(0));
  CHECK(round(*a.event) == *a.event);
  CHECK(round(a) == a);
  CHECK(round(iv) == iv);
  CHECK(round(*iv.case_ref) == *iv.case_ref);
  CHECK(round(iv.victims.at(0)) == iv.victims.at(0));
  CHECK(round(iv.addressees.at(0)) == iv.addressees.at(0));
  CHECK(round(c.campaigns.at(0)) == c.campaigns.at(0));
  CHECK(round(c.schemes.at(0).terms.at(0).mappings.at(0)) == c.schemes.at(0).terms.at(0).mappings.at(0));
  CHECK(round(c.schemes.at(0).terms.at(0)) == c.schemes.at(0).terms.at(0));
  CHECK(round(c.schemes.at(0)) == c.schemes.at(0));
  CHECK(round(c.feed) == c.feed);
  CHECK(round(c.diagnostics.at(0)) == c.diagnostics.at(0));
  CHECK(round(c.items.at(0)) == c.items.at(0));
  CHECK(round(c.items.at(1)) == c.items.at(1));
  CHECK(round(c) == c);
  // a timestamp alone is its RFC 3339 text, read back with that text as raw
  const Timestamp t = ts("2015-11-26T09:30:00.250+01:00");
  CHECK(nlohmann::json(t) == "2015-11-26T09:30:00.250+01:00");
  CHECK(round(t) == t);
  CHECK(nlohmann::json(Text("x")) == "x");
  CHECK(nlohmann::json(Text("x", TextType::html)).dump() == R"({"type":"html","value":"x"})");
}

TEST_CASE("from_json errors have the reader's messages and paths", "[json]") {
  const auto parse = [](const char* text) { return nlohmann::json::parse(text).get<Collection>(); };
  CHECK_THROWS_WITH(parse(R"({"hrnews":"1.0","items":[{"kind":"article","id":"a","published":"2015-13-01"}]})"),
                    "<input>: json: /items/0/published: \"2015-13-01\" is not a valid date");
  CHECK_THROWS_WITH(parse(R"({"hrnews":"1.0","items":[{"kind":"article"}]})"),
                    "<input>: json: /items/0: missing required member \"id\"");
  CHECK_THROWS_WITH(parse(R"({"hrnews":"1.0","items":[{"kind":"intervention","id":"x","intervention_type":"urgent"}]})"),
                    "<input>: json: /items/0/intervention_type: unknown value \"urgent\"");
  CHECK_THROWS_WITH(parse(R"({"hrnews":"1.0","items":[{"kind":"article","id":"x","links":[{"href":"h","length":-1}]}]})"),
                    "<input>: json: /items/0/links/0/length: expected a non-negative integer");
  CHECK_THROWS_WITH(parse(R"({"hrnews":"1.0","schemes":[{"id":"s","title":{"a/b":1}}]})"),
                    "<input>: json: /schemes/0/title/a~1b: expected a string");
  CHECK_THROWS_WITH(parse(R"({"hrnews":"2.0"})"), "<input>: json: /hrnews: unsupported format version \"2.0\"");
  CHECK_THROWS_WITH(parse(R"({"items":[]})"), "<input>: json: missing required member \"hrnews\"");
  CHECK_THROWS_WITH(parse("[]"), "<input>: json: expected an object");
  CHECK_THROWS_WITH(nlohmann::json(5).get<Link>(), "<input>: json: expected an object");
  CHECK_THROWS_WITH(nlohmann::json::parse(R"({"lat":1,"lon":true})").get<GeoPoint>(),
                    "<input>: json: /lon: expected a number");
}
