// SPDX-License-Identifier: Apache-2.0
// The model's value types: enumerations, equality of every type (field by field),
// items, ParseError messages, Result<T> and diagnostics.
#include <catch2/catch.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <hrnews/hrnews.hpp>

using namespace hrnews;

namespace {

// ---------------------------------------------------------------------------
// Enumerations

template <class Enum>
void check_enum(const std::vector<std::pair<Enum, std::string>>& names) {
  for (const auto& [value, name] : names) {
    INFO("enumerator " << static_cast<int>(value) << ", name \"" << name << "\"");
    CHECK(to_string(value) == name);
    CHECK(from_string<Enum>(name) == value);
    // exact matching only
    std::string upper = name;
    for (auto& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    CHECK_FALSE(from_string<Enum>(upper));
    CHECK_FALSE(from_string<Enum>(name + " "));
    CHECK_FALSE(from_string<Enum>(" " + name));
    CHECK_FALSE(from_string<Enum>(name.substr(0, name.size() - 1)));
  }
  // every enumerator is listed, each name is distinct, and one past the last has no name
  for (std::size_t i = 0; i < names.size(); ++i) {
    CHECK(static_cast<std::size_t>(names[i].first) == i);
    for (std::size_t j = i + 1; j < names.size(); ++j) CHECK(names[i].second != names[j].second);
  }
  CHECK(to_string(static_cast<Enum>(names.size())).empty());
  CHECK(to_string(static_cast<Enum>(1000)).empty());
  CHECK_FALSE(from_string<Enum>(""));
  CHECK_FALSE(from_string<Enum>("nonsense"));
}

// ---------------------------------------------------------------------------
// Equality, field by field

template <class T>
struct Mutation {
  const char* field;
  std::function<void(T&)> change;
};

// `base` equals its copies; each mutation (one field changed) makes it unequal.
template <class T>
void check_every_field_matters(const T& base, const std::vector<Mutation<T>>& mutations) {
  const T copy = base;
  CHECK(copy == base);
  CHECK_FALSE(copy != base);
  for (const auto& m : mutations) {
    INFO("changed field: " << m.field);
    T changed = base;
    m.change(changed);
    CHECK_FALSE(changed == base);
    CHECK(changed != base);
    CHECK_FALSE(base == changed);
    CHECK(base != changed);
    T same = changed;
    CHECK(same == changed);
  }
}

// The names of the fields the mutations cover, each at least once.
template <class T>
std::vector<std::string> fields_of(const std::vector<Mutation<T>>& mutations) {
  std::vector<std::string> fields;
  for (const auto& m : mutations) {
    std::string name = m.field;
    auto space = name.find(' ');
    if (space != std::string::npos) name.resize(space);
    if (fields.empty() || fields.back() != name) fields.push_back(name);
  }
  return fields;
}

Timestamp ts(const char* text) {
  auto t = Timestamp::parse(text);
  REQUIRE(t);
  return *t;
}

Link full_link() { return Link{"https://example.org/a", "alternate", "text/html", "fr", "Version française", 1234}; }
Person full_person() { return Person{"OMCT", "omct@omct.org", "https://www.omct.org"}; }
Party full_party() {
  return Party{PartyKind::organisation, "World Organisation Against Torture", "publisher", "OMCT", "omct@omct.org",
               "https://www.omct.org"};
}
Category full_category() { return Category{"Human Rights Defenders", "https://www.omct.org/themes", "HRD"}; }
Attachment full_attachment() {
  return Attachment{"https://www.omct.org/files/report.pdf", "application/pdf", 56789, "Annual report"};
}
Event full_event() {
  return Event{ts("2015-11-10T10:00:00+01:00"), ts("2015-11-10T13:00:00+01:00"), "Palais des Nations, Geneva"};
}

Article full_article() {
  Article a;
  a.id = "https://www.omct.org/en/statements/2015/11/26/azerbaijan";
  a.url = "https://www.omct.org/en/statements/2015/11/26/azerbaijan";
  a.links = {full_link()};
  a.title = "Azerbaijan: Measure of restraint changed";
  a.summary = Text("<p>The Observatory welcomes…</p>", TextType::html);
  a.content = Text("<div>Body</div>", TextType::xhtml);
  a.published = ts("Fri, 13 Nov 2015 00:00:00 +0100");
  a.updated = ts("2015-11-26T09:30:00Z");
  a.language = "en";
  a.authors = {full_person()};
  a.publishers = {full_party()};
  a.categories = {full_category()};
  a.subjects = {TermRef{"theme", "human-rights-defenders"}};
  a.countries = {"AZ"};
  a.regions = {"EU"};
  a.geo = GeoPoint{40.4093, 49.8671};
  a.campaigns = {"10-december-10-defenders"};
  a.related = {Relation{RelationType::translation_of, "https://www.omct.org/fr/azerbaidjan"}};
  a.attachments = {full_attachment()};
  a.rights = Text("© OMCT 2015");
  a.dateline = "Geneva-Paris";
  a.event = full_event();
  a.extensions = {{"x_internal_ref", "\"42\""}};
  return a;
}

Victim full_victim() {
  return Victim{"Arif Yunusov", "human rights defender", "Institute for Peace and Democracy", "male", "released"};
}
Addressee full_addressee() {
  return Addressee{"Mr. Ilham Aliyev", "President of the Republic of Azerbaijan", "Office of the President",
                   "19 Istiqlaliyyat Street\nBaku AZ1066", "office@pa.gov.az", "+994 12 492 06 25",
                   "+994 12 492 17 26"};
}

Intervention full_intervention() {
  Intervention i(full_article());
  i.case_ref = CaseReference::parse("AZE 001 / 0815 / OBS 070.1");
  i.intervention_type = InterventionType::follow_up;
  i.status = CaseStatus::open;
  i.victims = {full_victim()};
  i.violations = {TermRef{"violation", "arbitrary-detention"}};
  i.requested_actions = {"Release him", "Guarantee his integrity"};
  i.addressees = {full_addressee()};
  i.deadline = ts("2015-12-01");
  i.follows = "https://www.omct.org/en/urgent-interventions/2015/08/aze-001";
  return i;
}

Campaign full_campaign() {
  Campaign c;
  c.id = "10-december-10-defenders";
  c.name = "10 December, 10 Defenders";
  c.title = "10 December, 10 Defenders";
  c.summary = Text("<p>Ten defenders…</p>", TextType::html);
  c.url = "https://www.omct.org/10-10";
  c.status = CampaignStatus::active;
  c.start = ts("2015-11-30");
  c.end = ts("2015-12-10");
  c.organisers = {full_party()};
  c.hashtags = {"10Dec10Defenders"};
  c.subjects = {TermRef{"theme", "human-rights-defenders"}};
  c.countries = {"AZ", "TR"};
  c.items = {"item-1", "item-2"};
  c.calls_to_action = {"Share their stories"};
  c.extensions = {{"x_colour", "\"red\""}};
  return c;
}

Term full_term() {
  Term t;
  t.code = "human-rights-defenders";
  t.uri = "https://example.org/theme/hrd";
  t.labels = {{"en", "Human Rights Defenders"}, {"fr", "Défenseurs des droits de l'Homme"}};
  t.alt_labels = {{"en", {"HRDs"}}};
  t.definition = {{"en", "People who act to protect human rights."}};
  t.broader = {"civil-political-rights"};
  t.mappings = {Mapping{MappingKind::close, "http://eurovoc.europa.eu/1234"}};
  t.deprecated = false;
  return t;
}

Scheme full_scheme() {
  Scheme s;
  s.id = "theme";
  s.uri = "https://example.org/theme";
  s.title = {{"en", "Themes"}};
  s.terms = {full_term()};
  return s;
}

Feed full_feed() {
  Feed f;
  f.id = "https://www.omct.org/";
  f.title = "OMCT - Latest news";
  f.subtitle = Text("World Organisation Against Torture");
  f.url = "https://www.omct.org/";
  f.links = {full_link()};
  f.language = "en";
  f.updated = ts("2015-11-26T09:30:00Z");
  f.publishers = {full_party()};
  f.generator = "Drupal";
  f.rights = Text("© OMCT");
  f.icon = "https://www.omct.org/favicon.ico";
  f.source_format = "rss-2.0";
  f.extensions = {{"x_site", "{\"a\":1}"}};
  return f;
}

Diagnostic full_diagnostic() {
  return Diagnostic{Severity::warning, "date-unparsed", "\"32 Nov\" is not a date", 12, 7, "/items/3/published"};
}

Collection full_collection() {
  Collection c;
  c.feed = full_feed();
  c.items = {full_article(), full_intervention()};
  c.campaigns = {full_campaign()};
  c.schemes = {full_scheme()};
  c.diagnostics = {full_diagnostic()};
  c.extensions = {{"x_generator_run", "7"}};
  return c;
}

}  // namespace

// ---------------------------------------------------------------------------

TEST_CASE("Every enumeration is written and read back, every value", "[model]") {
  check_enum<TextType>({{TextType::text, "text"}, {TextType::html, "html"}, {TextType::xhtml, "xhtml"}});
  check_enum<Precision>({{Precision::year, "year"},
                         {Precision::month, "month"},
                         {Precision::day, "day"},
                         {Precision::minute, "minute"},
                         {Precision::second, "second"},
                         {Precision::fraction, "fraction"}});
  check_enum<PartyKind>({{PartyKind::organisation, "organisation"}, {PartyKind::person, "person"}});
  check_enum<RelationType>({{RelationType::translation_of, "translation-of"},
                            {RelationType::follow_up_of, "follow-up-of"},
                            {RelationType::part_of, "part-of"},
                            {RelationType::replaces, "replaces"},
                            {RelationType::related, "related"}});
  check_enum<CaseScheme>({{CaseScheme::unknown, "unknown"},
                          {CaseScheme::observatory, "observatory"},
                          {CaseScheme::amnesty_ua, "amnesty-ua"},
                          {CaseScheme::amnesty_index, "amnesty-index"}});
  check_enum<InterventionType>({{InterventionType::urgent_appeal, "urgent-appeal"},
                                {InterventionType::follow_up, "follow-up"},
                                {InterventionType::closing, "closing"},
                                {InterventionType::open_letter, "open-letter"},
                                {InterventionType::press_release, "press-release"},
                                {InterventionType::other, "other"}});
  check_enum<CaseStatus>({{CaseStatus::open, "open"}, {CaseStatus::follow_up, "follow-up"}, {CaseStatus::closed, "closed"}});
  check_enum<CampaignStatus>(
      {{CampaignStatus::planned, "planned"}, {CampaignStatus::active, "active"}, {CampaignStatus::closed, "closed"}});
  check_enum<Severity>({{Severity::info, "info"}, {Severity::warning, "warning"}, {Severity::error, "error"}});
  check_enum<MappingKind>({{MappingKind::exact, "exact"},
                           {MappingKind::close, "close"},
                           {MappingKind::broad, "broad"},
                           {MappingKind::narrow, "narrow"},
                           {MappingKind::related, "related"}});
  check_enum<ItemKind>({{ItemKind::article, "article"}, {ItemKind::intervention, "intervention"}});
}

TEST_CASE("Underscored C++ names are not the canonical spellings", "[model]") {
  CHECK_FALSE(from_string<InterventionType>("urgent_appeal"));
  CHECK_FALSE(from_string<RelationType>("translation_of"));
  CHECK_FALSE(from_string<CaseStatus>("follow_up"));
  CHECK_FALSE(from_string<CaseScheme>("amnesty_index"));
}

TEST_CASE("The defaults of the value types are the documented ones", "[model]") {
  CHECK(Text().type == TextType::text);
  CHECK(Text().empty());
  CHECK_FALSE(Text("", TextType::html).empty());
  CHECK_FALSE(Text("x").empty());
  CHECK(Party().kind == PartyKind::organisation);
  CHECK(Relation().rel == RelationType::related);
  CHECK(Mapping().kind == MappingKind::exact);
  CHECK(Diagnostic().severity == Severity::warning);
  CHECK(Intervention().intervention_type == InterventionType::urgent_appeal);
  CHECK_FALSE(Term().deprecated);
  CHECK(Collection() == Collection());
  CHECK(Article() == Article());
  CHECK(Intervention() == Intervention());
}

TEST_CASE("Text equality depends on value and type", "[model]") {
  check_every_field_matters<Text>(Text("<b>x</b>", TextType::html),
                                  {{"value", [](Text& t) { t.value = "<b>y</b>"; }},
                                   {"type (text)", [](Text& t) { t.type = TextType::text; }},
                                   {"type (xhtml)", [](Text& t) { t.type = TextType::xhtml; }}});
  CHECK(Text("a") == Text(std::string("a"), TextType::text));
  CHECK(Text() != Text("", TextType::html));
  struct Mirror { std::string value; TextType type; };
  CHECK(sizeof(Text) == sizeof(Mirror));  // fails when a field is added: add it above
}

TEST_CASE("Link equality depends on every field", "[model]") {
  std::vector<Mutation<Link>> m = {
      {"href", [](Link& l) { l.href += "/b"; }},
      {"rel", [](Link& l) { l.rel = "self"; }},
      {"rel (empty)", [](Link& l) { l.rel.clear(); }},
      {"type", [](Link& l) { l.type = "application/pdf"; }},
      {"hreflang", [](Link& l) { l.hreflang = "es"; }},
      {"title", [](Link& l) { l.title = "Versión española"; }},
      {"length", [](Link& l) { l.length = 1235; }},
      {"length (absent)", [](Link& l) { l.length.reset(); }},
      {"length (zero)", [](Link& l) { l.length = 0; }},
  };
  check_every_field_matters(full_link(), m);
  CHECK(fields_of(m).size() == 6);
  struct Mirror { std::string a, b, c, d, e; std::optional<std::uint64_t> f; };
  CHECK(sizeof(Link) == sizeof(Mirror));
}

TEST_CASE("Person and Party equality depend on every field", "[model]") {
  check_every_field_matters<Person>(full_person(), {{"name", [](Person& p) { p.name = "FIDH"; }},
                                                    {"email", [](Person& p) { p.email.clear(); }},
                                                    {"uri", [](Person& p) { p.uri = "https://www.fidh.org"; }}});
  struct PersonMirror { std::string a, b, c; };
  CHECK(sizeof(Person) == sizeof(PersonMirror));

  std::vector<Mutation<Party>> m = {
      {"kind", [](Party& p) { p.kind = PartyKind::person; }},
      {"name", [](Party& p) { p.name = "FIDH"; }},
      {"role", [](Party& p) { p.role = "co-sponsor"; }},
      {"abbreviation", [](Party& p) { p.abbreviation.clear(); }},
      {"email", [](Party& p) { p.email = "x@y.org"; }},
      {"uri", [](Party& p) { p.uri = "https://www.fidh.org"; }},
  };
  check_every_field_matters(full_party(), m);
  CHECK(fields_of(m).size() == 6);
  struct PartyMirror { PartyKind k; std::string a, b, c, d, e; };
  CHECK(sizeof(Party) == sizeof(PartyMirror));
}

TEST_CASE("Category, TermRef and Attachment equality depend on every field", "[model]") {
  check_every_field_matters<Category>(full_category(),
                                      {{"term", [](Category& c) { c.term = "Torture"; }},
                                       {"scheme", [](Category& c) { c.scheme.clear(); }},
                                       {"label", [](Category& c) { c.label = "Défenseurs"; }}});
  struct CategoryMirror { std::string a, b, c; };
  CHECK(sizeof(Category) == sizeof(CategoryMirror));

  check_every_field_matters<TermRef>(TermRef{"theme", "torture"},
                                     {{"scheme", [](TermRef& t) { t.scheme = "violation"; }},
                                      {"code", [](TermRef& t) { t.code = "Torture"; }}});
  struct TermRefMirror { std::string a, b; };
  CHECK(sizeof(TermRef) == sizeof(TermRefMirror));

  std::vector<Mutation<Attachment>> m = {
      {"url", [](Attachment& a) { a.url += "?v=2"; }},
      {"type", [](Attachment& a) { a.type = "application/msword"; }},
      {"length", [](Attachment& a) { a.length = 1; }},
      {"length (absent)", [](Attachment& a) { a.length.reset(); }},
      {"title", [](Attachment& a) { a.title.clear(); }},
  };
  check_every_field_matters(full_attachment(), m);
  CHECK(fields_of(m).size() == 4);
  struct AttachmentMirror { std::string a, b; std::optional<std::uint64_t> c; std::string d; };
  CHECK(sizeof(Attachment) == sizeof(AttachmentMirror));
}

TEST_CASE("TermRefs are ordered by scheme, then code", "[model]") {
  CHECK(TermRef{"genre", "z"} < TermRef{"theme", "a"});
  CHECK(TermRef{"theme", "a"} < TermRef{"theme", "b"});
  CHECK_FALSE(TermRef{"theme", "a"} < TermRef{"theme", "a"});
  CHECK_FALSE(TermRef{"theme", "b"} < TermRef{"theme", "a"});
}

TEST_CASE("GeoPoint, Relation, Event and Mapping equality depend on every field", "[model]") {
  check_every_field_matters<GeoPoint>(GeoPoint{46.2, 6.1}, {{"lat", [](GeoPoint& g) { g.lat = -46.2; }},
                                                            {"lon", [](GeoPoint& g) { g.lon = 6.1000000000000005; }}});
  CHECK(GeoPoint{0.0, 0.0} == GeoPoint{-0.0, 0.0});  // exact comparison of doubles
  struct GeoMirror { double a, b; };
  CHECK(sizeof(GeoPoint) == sizeof(GeoMirror));

  check_every_field_matters<Relation>(Relation{RelationType::replaces, "item-1"},
                                      {{"rel", [](Relation& r) { r.rel = RelationType::related; }},
                                       {"id_or_url", [](Relation& r) { r.id_or_url = "item-2"; }}});
  struct RelationMirror { RelationType r; std::string s; };
  CHECK(sizeof(Relation) == sizeof(RelationMirror));

  std::vector<Mutation<Event>> m = {
      {"start", [](Event& e) { e.start = ts("2015-11-10"); }},
      {"start (absent)", [](Event& e) { e.start.reset(); }},
      {"start (raw text only)", [](Event& e) { e.start = e.start->with_raw("10 November 2015 (10:00 - 13:00)"); }},
      {"end", [](Event& e) { e.end = ts("2015-11-10T13:00:01+01:00"); }},
      {"end (absent)", [](Event& e) { e.end.reset(); }},
      {"location", [](Event& e) { e.location = "Geneva"; }},
  };
  check_every_field_matters(full_event(), m);
  CHECK(fields_of(m).size() == 3);
  struct EventMirror { std::optional<Timestamp> a, b; std::string c; };
  CHECK(sizeof(Event) == sizeof(EventMirror));

  check_every_field_matters<Mapping>(Mapping{MappingKind::close, "http://x"},
                                     {{"kind", [](Mapping& x) { x.kind = MappingKind::exact; }},
                                      {"uri", [](Mapping& x) { x.uri = "http://y"; }}});
  struct MappingMirror { MappingKind k; std::string s; };
  CHECK(sizeof(Mapping) == sizeof(MappingMirror));
}

TEST_CASE("Article equality depends on every field", "[model]") {
  std::vector<Mutation<Article>> m = {
      {"id", [](Article& a) { a.id += "x"; }},
      {"url", [](Article& a) { a.url.clear(); }},
      {"links (element)", [](Article& a) { a.links[0].rel = "self"; }},
      {"links (added)", [](Article& a) { a.links.push_back(full_link()); }},
      {"links (empty)", [](Article& a) { a.links.clear(); }},
      {"title (value)", [](Article& a) { a.title.value += "!"; }},
      {"title (type)", [](Article& a) { a.title.type = TextType::html; }},
      {"summary", [](Article& a) { a.summary->value.clear(); }},
      {"summary (absent)", [](Article& a) { a.summary.reset(); }},
      {"content", [](Article& a) { a.content->type = TextType::html; }},
      {"content (absent)", [](Article& a) { a.content.reset(); }},
      {"published", [](Article& a) { a.published = ts("Fri, 13 Nov 2015 00:00:01 +0100"); }},
      {"published (raw only)", [](Article& a) { a.published = a.published->with_raw("13 Nov 2015 00:00:00 +0100"); }},
      {"published (absent)", [](Article& a) { a.published.reset(); }},
      {"updated", [](Article& a) { a.updated = ts("2015-11-26T09:30:00+00:00"); }},
      {"updated (absent)", [](Article& a) { a.updated.reset(); }},
      {"language", [](Article& a) { a.language = "fr"; }},
      {"language_inferred", [](Article& a) { a.language_inferred = !a.language_inferred; }},
      {"authors", [](Article& a) { a.authors[0].email.clear(); }},
      {"authors (empty)", [](Article& a) { a.authors.clear(); }},
      {"publishers", [](Article& a) { a.publishers[0].kind = PartyKind::person; }},
      {"categories", [](Article& a) { a.categories[0].scheme = "x"; }},
      {"subjects", [](Article& a) { a.subjects[0].code = "torture"; }},
      {"subjects (added)", [](Article& a) { a.subjects.push_back({"genre", "statements"}); }},
      {"countries", [](Article& a) { a.countries[0] = "az"; }},
      {"countries (order)", [](Article& a) { a.countries = {"TR", "AZ"}; }},
      {"regions", [](Article& a) { a.regions.clear(); }},
      {"geo", [](Article& a) { a.geo->lat = 0; }},
      {"geo (absent)", [](Article& a) { a.geo.reset(); }},
      {"campaigns", [](Article& a) { a.campaigns.push_back(""); }},
      {"related", [](Article& a) { a.related[0].rel = RelationType::follow_up_of; }},
      {"attachments", [](Article& a) { a.attachments[0].length.reset(); }},
      {"rights", [](Article& a) { a.rights = Text("© OMCT 2016"); }},
      {"rights (absent)", [](Article& a) { a.rights.reset(); }},
      {"dateline", [](Article& a) { a.dateline = "Geneva"; }},
      {"event", [](Article& a) { a.event->location.clear(); }},
      {"event (absent)", [](Article& a) { a.event.reset(); }},
      {"extensions (value)", [](Article& a) { a.extensions["x_internal_ref"] = "42"; }},
      {"extensions (added)", [](Article& a) { a.extensions["x_other"] = "null"; }},
      {"extensions (empty)", [](Article& a) { a.extensions.clear(); }},
  };
  check_every_field_matters(full_article(), m);
  CHECK(fields_of(m).size() == 24);
  struct Mirror {
    std::string id, url;
    std::vector<Link> links;
    Text title;
    std::optional<Text> summary, content;
    std::optional<Timestamp> published, updated;
    std::string language;
    bool language_inferred = false;
    std::vector<Person> authors;
    std::vector<Party> publishers;
    std::vector<Category> categories;
    std::vector<TermRef> subjects;
    std::vector<std::string> countries, regions;
    std::optional<GeoPoint> geo;
    std::vector<std::string> campaigns;
    std::vector<Relation> related;
    std::vector<Attachment> attachments;
    std::optional<Text> rights;
    std::string dateline;
    std::optional<Event> event;
    Extensions extensions;
  };
  CHECK(sizeof(Article) == sizeof(Mirror));  // fails when a field is added: add it above
}

TEST_CASE("Victim and Addressee equality depend on every field", "[model]") {
  std::vector<Mutation<Victim>> v = {
      {"name", [](Victim& x) { x.name = "Leyla Yunus"; }},
      {"role", [](Victim& x) { x.role = "journalist"; }},
      {"organisation", [](Victim& x) { x.organisation.clear(); }},
      {"gender", [](Victim& x) { x.gender = "female"; }},
      {"status", [](Victim& x) { x.status = "detained"; }},
  };
  check_every_field_matters(full_victim(), v);
  CHECK(fields_of(v).size() == 5);
  struct VictimMirror { std::string a, b, c, d, e; };
  CHECK(sizeof(Victim) == sizeof(VictimMirror));

  std::vector<Mutation<Addressee>> a = {
      {"name", [](Addressee& x) { x.name += "."; }},
      {"title", [](Addressee& x) { x.title.clear(); }},
      {"institution", [](Addressee& x) { x.institution = "Ministry of Justice"; }},
      {"address", [](Addressee& x) { x.address = "19 Istiqlaliyyat Street\r\nBaku AZ1066"; }},
      {"email", [](Addressee& x) { x.email = "OFFICE@pa.gov.az"; }},
      {"fax", [](Addressee& x) { x.fax = "+994124920626"; }},
      {"phone", [](Addressee& x) { x.phone.clear(); }},
  };
  check_every_field_matters(full_addressee(), a);
  CHECK(fields_of(a).size() == 7);
  struct AddresseeMirror { std::string a, b, c, d, e, f, g; };
  CHECK(sizeof(Addressee) == sizeof(AddresseeMirror));
}

TEST_CASE("Intervention equality depends on its article part and every own field", "[model]") {
  std::vector<Mutation<Intervention>> m = {
      {"article.id", [](Intervention& i) { i.id = "other"; }},
      {"article.title", [](Intervention& i) { i.title = "Other"; }},
      {"article.published", [](Intervention& i) { i.published.reset(); }},
      {"article.extensions", [](Intervention& i) { i.extensions.clear(); }},
      {"case_ref", [](Intervention& i) { i.case_ref = CaseReference::parse("AZE 001 / 0815 / OBS 070.2"); }},
      {"case_ref (spacing)", [](Intervention& i) { i.case_ref = CaseReference::parse("AZE001/0815/OBS070.1"); }},
      {"case_ref (absent)", [](Intervention& i) { i.case_ref.reset(); }},
      {"intervention_type", [](Intervention& i) { i.intervention_type = InterventionType::urgent_appeal; }},
      {"status", [](Intervention& i) { i.status = CaseStatus::closed; }},
      {"status (absent)", [](Intervention& i) { i.status.reset(); }},
      {"victims", [](Intervention& i) { i.victims[0].status = "detained"; }},
      {"victims (added)", [](Intervention& i) { i.victims.push_back(Victim{}); }},
      {"violations", [](Intervention& i) { i.violations[0].code = "torture"; }},
      {"requested_actions", [](Intervention& i) { std::swap(i.requested_actions[0], i.requested_actions[1]); }},
      {"addressees", [](Intervention& i) { i.addressees[0].fax.clear(); }},
      {"deadline", [](Intervention& i) { i.deadline = ts("2015-12-02"); }},
      {"deadline (absent)", [](Intervention& i) { i.deadline.reset(); }},
      {"follows", [](Intervention& i) { i.follows.clear(); }},
  };
  check_every_field_matters(full_intervention(), m);
  struct Mirror : Article {
    std::optional<CaseReference> case_ref;
    InterventionType intervention_type;
    std::optional<CaseStatus> status;
    std::vector<Victim> victims;
    std::vector<TermRef> violations;
    std::vector<std::string> requested_actions;
    std::vector<Addressee> addressees;
    std::optional<Timestamp> deadline;
    std::string follows;
  };
  CHECK(sizeof(Intervention) == sizeof(Mirror));  // fails when a field is added: add it above
  // an intervention built from an article keeps it whole
  CHECK(static_cast<const Article&>(Intervention(full_article())) == full_article());
}

TEST_CASE("Campaign equality depends on every field", "[model]") {
  std::vector<Mutation<Campaign>> m = {
      {"id", [](Campaign& c) { c.id = "stand4hrds"; }},
      {"name", [](Campaign& c) { c.name = "Stand 4 Human Rights Defenders"; }},
      {"title", [](Campaign& c) { c.title = Text("10 December, 10 Defenders", TextType::html); }},
      {"summary", [](Campaign& c) { c.summary = Text("<p>Ten defenders…</p>"); }},
      {"summary (absent)", [](Campaign& c) { c.summary.reset(); }},
      {"url", [](Campaign& c) { c.url.clear(); }},
      {"status", [](Campaign& c) { c.status = CampaignStatus::closed; }},
      {"status (absent)", [](Campaign& c) { c.status.reset(); }},
      {"start", [](Campaign& c) { c.start = ts("2015-11"); }},
      {"start (absent)", [](Campaign& c) { c.start.reset(); }},
      {"end", [](Campaign& c) { c.end = c.end->with_raw("10 December 2015"); }},
      {"end (absent)", [](Campaign& c) { c.end.reset(); }},
      {"organisers", [](Campaign& c) { c.organisers[0].role = "organiser"; }},
      {"hashtags", [](Campaign& c) { c.hashtags[0] = "#10Dec10Defenders"; }},
      {"subjects", [](Campaign& c) { c.subjects.clear(); }},
      {"countries", [](Campaign& c) { c.countries.pop_back(); }},
      {"items", [](Campaign& c) { c.items.push_back("item-3"); }},
      {"calls_to_action", [](Campaign& c) { c.calls_to_action[0] += "."; }},
      {"extensions", [](Campaign& c) { c.extensions["x_colour"] = "\"blue\""; }},
  };
  check_every_field_matters(full_campaign(), m);
  CHECK(fields_of(m).size() == 15);
  struct Mirror {
    std::string id, name;
    Text title;
    std::optional<Text> summary;
    std::string url;
    std::optional<CampaignStatus> status;
    std::optional<Timestamp> start, end;
    std::vector<Party> organisers;
    std::vector<std::string> hashtags;
    std::vector<TermRef> subjects;
    std::vector<std::string> countries, items, calls_to_action;
    Extensions extensions;
  };
  CHECK(sizeof(Campaign) == sizeof(Mirror));
}

TEST_CASE("Term and Scheme equality depend on every field", "[model]") {
  std::vector<Mutation<Term>> t = {
      {"code", [](Term& x) { x.code = "hrd"; }},
      {"uri", [](Term& x) { x.uri.clear(); }},
      {"labels (value)", [](Term& x) { x.labels["fr"] = "Défenseurs"; }},
      {"labels (added)", [](Term& x) { x.labels["es"] = "Defensores"; }},
      {"alt_labels", [](Term& x) { x.alt_labels["en"].push_back("Defenders"); }},
      {"alt_labels (empty list kept)", [](Term& x) { x.alt_labels["fr"]; }},
      {"definition", [](Term& x) { x.definition.clear(); }},
      {"broader", [](Term& x) { x.broader = {"other"}; }},
      {"mappings", [](Term& x) { x.mappings[0].kind = MappingKind::exact; }},
      {"deprecated", [](Term& x) { x.deprecated = true; }},
  };
  check_every_field_matters(full_term(), t);
  CHECK(fields_of(t).size() == 8);
  struct TermMirror {
    std::string code, uri;
    LangMap labels;
    LangListMap alt_labels;
    LangMap definition;
    std::vector<std::string> broader;
    std::vector<Mapping> mappings;
    bool deprecated;
  };
  CHECK(sizeof(Term) == sizeof(TermMirror));

  std::vector<Mutation<Scheme>> s = {
      {"id", [](Scheme& x) { x.id = "genre"; }},
      {"uri", [](Scheme& x) { x.uri += "/"; }},
      {"title", [](Scheme& x) { x.title["fr"] = "Thèmes"; }},
      {"terms", [](Scheme& x) { x.terms[0].deprecated = true; }},
      {"terms (empty)", [](Scheme& x) { x.terms.clear(); }},
  };
  check_every_field_matters(full_scheme(), s);
  CHECK(fields_of(s).size() == 4);
  struct SchemeMirror { std::string id, uri; LangMap title; std::vector<Term> terms; };
  CHECK(sizeof(Scheme) == sizeof(SchemeMirror));
}

TEST_CASE("Diagnostic equality depends on every field", "[model]") {
  std::vector<Mutation<Diagnostic>> m = {
      {"severity", [](Diagnostic& d) { d.severity = Severity::error; }},
      {"code", [](Diagnostic& d) { d.code = "date-repaired"; }},
      {"message", [](Diagnostic& d) { d.message.clear(); }},
      {"line", [](Diagnostic& d) { d.line = 13; }},
      {"line (absent)", [](Diagnostic& d) { d.line.reset(); }},
      {"column", [](Diagnostic& d) { d.column = 1; }},
      {"column (absent)", [](Diagnostic& d) { d.column.reset(); }},
      {"path", [](Diagnostic& d) { d.path = "/items/4/published"; }},
  };
  check_every_field_matters(full_diagnostic(), m);
  CHECK(fields_of(m).size() == 6);
  struct Mirror { Severity s; std::string code, message; std::optional<std::size_t> line, column; std::string path; };
  CHECK(sizeof(Diagnostic) == sizeof(Mirror));
}

TEST_CASE("Feed equality depends on every field", "[model]") {
  std::vector<Mutation<Feed>> m = {
      {"id", [](Feed& f) { f.id.clear(); }},
      {"title", [](Feed& f) { f.title = "OMCT"; }},
      {"subtitle", [](Feed& f) { f.subtitle->type = TextType::html; }},
      {"subtitle (absent)", [](Feed& f) { f.subtitle.reset(); }},
      {"url", [](Feed& f) { f.url = "https://www.omct.org/fr/"; }},
      {"links", [](Feed& f) { f.links.clear(); }},
      {"language", [](Feed& f) { f.language = "fr"; }},
      {"updated", [](Feed& f) { f.updated = f.updated->with_raw("Thu, 26 Nov 2015 09:30:00 GMT"); }},
      {"updated (absent)", [](Feed& f) { f.updated.reset(); }},
      {"publishers", [](Feed& f) { f.publishers.push_back(Party{}); }},
      {"generator", [](Feed& f) { f.generator = "WordPress"; }},
      {"rights", [](Feed& f) { f.rights.reset(); }},
      {"icon", [](Feed& f) { f.icon.clear(); }},
      {"source_format", [](Feed& f) { f.source_format = "atom-1.0"; }},
      {"extensions", [](Feed& f) { f.extensions["x_site"] = "{\"a\":2}"; }},
  };
  check_every_field_matters(full_feed(), m);
  CHECK(fields_of(m).size() == 13);
  struct Mirror {
    std::string id;
    Text title;
    std::optional<Text> subtitle;
    std::string url;
    std::vector<Link> links;
    std::string language;
    std::optional<Timestamp> updated;
    std::vector<Party> publishers;
    std::string generator;
    std::optional<Text> rights;
    std::string icon, source_format;
    Extensions extensions;
  };
  CHECK(sizeof(Feed) == sizeof(Mirror));
}

TEST_CASE("Collection equality depends on every field and on the kind of each item", "[model]") {
  std::vector<Mutation<Collection>> m = {
      {"feed", [](Collection& c) { c.feed.generator.clear(); }},
      {"items (article field)", [](Collection& c) { article_of(c.items[0]).id = "other"; }},
      {"items (intervention field)", [](Collection& c) { std::get<Intervention>(c.items[1]).follows.clear(); }},
      {"items (order)", [](Collection& c) { std::swap(c.items[0], c.items[1]); }},
      {"items (kind)", [](Collection& c) { c.items[0] = Intervention(std::get<Article>(c.items[0])); }},
      {"items (kind, other way)", [](Collection& c) { c.items[1] = Article(article_of(c.items[1])); }},
      {"items (removed)", [](Collection& c) { c.items.pop_back(); }},
      {"campaigns", [](Collection& c) { c.campaigns[0].status.reset(); }},
      {"schemes", [](Collection& c) { c.schemes[0].terms[0].labels.clear(); }},
      {"diagnostics", [](Collection& c) { c.diagnostics[0].severity = Severity::info; }},
      {"diagnostics (empty)", [](Collection& c) { c.diagnostics.clear(); }},
      {"extensions", [](Collection& c) { c.extensions.erase("x_generator_run"); }},
  };
  check_every_field_matters(full_collection(), m);
  CHECK(fields_of(m).size() == 6);
  struct Mirror {
    Feed feed;
    std::vector<Item> items;
    std::vector<Campaign> campaigns;
    std::vector<Scheme> schemes;
    std::vector<Diagnostic> diagnostics;
    Extensions extensions;
  };
  CHECK(sizeof(Collection) == sizeof(Mirror));
}

TEST_CASE("kind_of and article_of see through both kinds of item", "[model]") {
  Item article = full_article();
  Item intervention = full_intervention();
  CHECK(kind_of(article) == ItemKind::article);
  CHECK(kind_of(intervention) == ItemKind::intervention);
  CHECK(to_string(kind_of(intervention)) == "intervention");
  CHECK(article_of(article) == full_article());
  CHECK(article_of(intervention) == static_cast<const Article&>(full_intervention()));
  CHECK(&article_of(article) == &std::get<Article>(article));
  CHECK(&article_of(intervention) == static_cast<const Article*>(&std::get<Intervention>(intervention)));
  // the mutable overload changes the item in place
  article_of(intervention).title = "Changed";
  CHECK(std::get<Intervention>(intervention).title == Text("Changed"));
  CHECK(std::get<Intervention>(intervention).follows == full_intervention().follows);
  const Item& const_item = article;
  static_assert(std::is_same_v<decltype(article_of(const_item)), const Article&>);
  // an article and an intervention with the same article part are different items
  Item plain = Article(article_of(intervention));
  Item wrapped = Intervention(article_of(intervention));
  CHECK(plain != wrapped);
  CHECK(article_of(plain) == article_of(wrapped));
}

TEST_CASE("The value types are regular: copyable, movable, comparable", "[model]") {
  static_assert(std::is_copy_constructible_v<Collection> && std::is_move_constructible_v<Collection>);
  static_assert(std::is_copy_assignable_v<Intervention> && std::is_move_assignable_v<Intervention>);
  static_assert(std::is_default_constructible_v<Timestamp> && std::is_default_constructible_v<CaseReference>);
  auto c = full_collection();
  auto copy = c;
  auto moved = std::move(copy);
  CHECK(moved == c);
  Collection assigned;
  assigned = c;
  CHECK(assigned == c);
}

// ---------------------------------------------------------------------------
// ParseError

TEST_CASE("ParseError::what() composes file, line, column, format, path and message", "[model]") {
  struct Case {
    const char* what;
    ParseError error;
  };
  const Case cases[] = {
      {"<input>: json: syntax error", ParseError("json", "syntax error")},
      {"feed.xml: atom: entry has no <id>", ParseError("atom", "entry has no <id>", {}, {}, "feed.xml")},
      {"feed.xml:12: atom: entry has no <id>", ParseError("atom", "entry has no <id>", {12, 0, {}}, {}, "feed.xml")},
      {"feed.xml:12:7: atom: entry has no <id>",
       ParseError("atom", "entry has no <id>", {12, 7, std::size_t{345}}, {}, "feed.xml")},
      {"<input>:12:7: atom: entry has no <id>", ParseError("atom", "entry has no <id>", {12, 7, {}})},
      {"<input>:3: jsonl: bad line", ParseError("jsonl", "bad line", {3, 0, {}})},
      {"sample.json: json: /items/3/published: \"32 Nov\" is not a date",
       ParseError("json", "\"32 Nov\" is not a date", {}, "/items/3/published", "sample.json")},
      {"<input>: json: /items/0: missing required member \"id\"",
       ParseError("json", "missing required member \"id\"", {}, "/items/0")},
      {"big.jsonl:1234: jsonl: /published: \"x\" is not a valid date",
       ParseError("jsonl", "\"x\" is not a valid date", {1234, 0, {}}, "/published", "big.jsonl")},
      {"feed.xml:12:7: atom: feed/entry[3]/updated: bad date",
       ParseError("atom", "bad date", {12, 7, {}}, "feed/entry[3]/updated", "feed.xml")},
      // a column without a line is not shown; an empty format is left out
      {"f.json: json: oops", ParseError("json", "oops", {0, 9, {}}, {}, "f.json")},
      {"<input>: oops", ParseError("", "oops")},
      {"<input>: x: ", ParseError("x", "")},
  };
  for (const auto& c : cases) {
    CHECK(std::string(c.error.what()) == c.what);
  }
}

TEST_CASE("ParseError keeps its parts and can be attributed to another file", "[model]") {
  ParseError e("json", "syntax error: unexpected end of input", {3, 5, std::size_t{42}}, "/items/1", "a.json");
  CHECK(e.format() == "json");
  CHECK(e.message() == "syntax error: unexpected end of input");
  CHECK(e.line() == 3);
  CHECK(e.column() == 5);
  CHECK(e.offset() == std::size_t{42});
  CHECK(e.path() == "/items/1");
  CHECK(e.file() == "a.json");
  ParseError b = e.with_file("b.json");
  CHECK(std::string(b.what()) == "b.json:3:5: json: /items/1: syntax error: unexpected end of input");
  CHECK(b.file() == "b.json");
  CHECK(b.line() == 3);
  CHECK(b.column() == 5);
  CHECK(b.offset() == std::size_t{42});
  CHECK(b.path() == "/items/1");
  CHECK(std::string(e.what()) == "a.json:3:5: json: /items/1: syntax error: unexpected end of input");
  CHECK(std::string(e.with_file("").what()) == "<input>:3:5: json: /items/1: syntax error: unexpected end of input");
  ParseError none("rss", "x");
  CHECK(none.line() == 0);
  CHECK(none.column() == 0);
  CHECK_FALSE(none.offset());
  CHECK(none.path().empty());
  CHECK(none.file().empty());
}

TEST_CASE("ParseError is a std::runtime_error", "[model]") {
  static_assert(std::is_base_of_v<std::runtime_error, ParseError>);
  try {
    throw ParseError("json", "bad", {1, 2, {}}, {}, "x.json");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()) == "x.json:1:2: json: bad");
  }
  ParseError copy = ParseError("json", "bad");
  CHECK(std::string(copy.what()) == "<input>: json: bad");
}

// ---------------------------------------------------------------------------
// Result<T>

TEST_CASE("A successful Result holds its value", "[model]") {
  Result<std::string> r(std::string("hello"));
  CHECK(r.ok());
  CHECK(static_cast<bool>(r));
  CHECK(r.error() == nullptr);
  CHECK(r.value() == "hello");
  r.value() += "!";
  CHECK(r.value() == "hello!");
  const auto& cr = r;
  CHECK(cr.value() == "hello!");
  std::string moved = std::move(r).value();
  CHECK(moved == "hello!");

  Result<Collection> rc = full_collection();
  REQUIRE(rc);
  CHECK(rc.value() == full_collection());
}

TEST_CASE("A failed Result holds its error and throws it on value()", "[model]") {
  Result<int> r(ParseError("json", "syntax error", {3, 5, {}}, {}, "a.json"));
  CHECK_FALSE(r.ok());
  CHECK_FALSE(static_cast<bool>(r));
  REQUIRE(r.error() != nullptr);
  CHECK(r.error()->line() == 3);
  CHECK(std::string(r.error()->what()) == "a.json:3:5: json: syntax error");
  CHECK_THROWS_AS(r.value(), ParseError);
  try {
    (void)r.value();
    FAIL("no exception");
  } catch (const ParseError& e) {
    CHECK(std::string(e.what()) == "a.json:3:5: json: syntax error");
    CHECK(e.column() == 5);
  }
  const auto& cr = r;
  CHECK_THROWS_AS(cr.value(), ParseError);
  CHECK_THROWS_AS(std::move(r).value(), ParseError);
  CHECK_THROWS_WITH(Result<std::string>(ParseError("xml", "bad")).value(), "<input>: xml: bad");
}

TEST_CASE("A Result can be copied and moved", "[model]") {
  Result<std::vector<int>> ok(std::vector<int>{1, 2, 3});
  auto copy = ok;
  CHECK(copy.value() == std::vector<int>{1, 2, 3});
  Result<std::vector<int>> bad(ParseError("json", "x"));
  auto bad_copy = bad;
  CHECK_FALSE(bad_copy);
  CHECK(bad_copy.error()->message() == "x");
  auto moved = std::move(ok);
  CHECK(moved.value().size() == 3);
}

// ---------------------------------------------------------------------------
// Diagnostics

TEST_CASE("format_diagnostic writes FILE:LINE:COL: SEVERITY: PATH: MESSAGE [CODE]", "[model]") {
  Diagnostic d = full_diagnostic();
  CHECK(format_diagnostic(d, "feed.xml") ==
        "feed.xml:12:7: warning: /items/3/published: \"32 Nov\" is not a date [date-unparsed]");
  CHECK(format_diagnostic(d) == "<input>:12:7: warning: /items/3/published: \"32 Nov\" is not a date [date-unparsed]");
  d.column.reset();
  CHECK(format_diagnostic(d, "f") == "f:12: warning: /items/3/published: \"32 Nov\" is not a date [date-unparsed]");
  d.line.reset();
  d.column = 7;  // a column without a line is not shown
  CHECK(format_diagnostic(d, "f") == "f: warning: /items/3/published: \"32 Nov\" is not a date [date-unparsed]");
  d.path.clear();
  CHECK(format_diagnostic(d, "f") == "f: warning: \"32 Nov\" is not a date [date-unparsed]");
  d.code.clear();
  CHECK(format_diagnostic(d, "f") == "f: warning: \"32 Nov\" is not a date");
  d.severity = Severity::error;
  CHECK(format_diagnostic(d, "f") == "f: error: \"32 Nov\" is not a date");
  d.severity = Severity::info;
  d.line = 1;
  d.column = 1;
  d.code = "bom";
  d.message = "byte-order mark removed";
  CHECK(format_diagnostic(d, "f.json") == "f.json:1:1: info: byte-order mark removed [bom]");
  CHECK(format_diagnostic(Diagnostic{}) == "<input>: warning: ");
}

TEST_CASE("The umbrella header alone gives the relation and text-extraction functions", "[model]") {
  // Only <hrnews/hrnews.hpp> is included in this file: these calls compile
  // only if the umbrella pulls in relate.hpp and extract.hpp.
  CHECK(hrnews::title_says_follow_up("Follow-up: Burundi: release of Mr. X"));
  CHECK_FALSE(hrnews::title_says_follow_up("Burundi: arbitrary detention of Mr. X"));
  hrnews::Collection empty;
  CHECK(hrnews::relate(empty).follow_ups == 0);
  const hrnews::InterventionText parsed = hrnews::parse_intervention_text("");
  CHECK(parsed.requested_actions.empty());
}
