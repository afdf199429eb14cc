// SPDX-License-Identifier: Apache-2.0
// Bindings of the value types: shared pieces, Article, Intervention, Campaign,
// Diagnostic, Feed and Collection (headers article.hpp … collection.hpp).

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include <pybind11/operators.h>

#include <hrnews/article.hpp>
#include <hrnews/attachment.hpp>
#include <hrnews/campaign.hpp>
#include <hrnews/case_reference.hpp>
#include <hrnews/category.hpp>
#include <hrnews/collection.hpp>
#include <hrnews/diagnostic.hpp>
#include <hrnews/geo.hpp>
#include <hrnews/intervention.hpp>
#include <hrnews/json.hpp>
#include <hrnews/link.hpp>
#include <hrnews/person.hpp>
#include <hrnews/text.hpp>
#include <hrnews/timestamp.hpp>

#include "common.hpp"

namespace hrnews::python {

std::string short_repr(const py::handle& value) {
  if (py::isinstance<py::list>(value)) {
    const auto list = py::reinterpret_borrow<py::list>(value);
    if (list.size() > repr_list_limit) {
      std::string out = "[";
      for (std::size_t i = 0; i < 3; ++i) {
        out += std::string(py::repr(list[i]));
        out += ", ";
      }
      out += "...+" + std::to_string(list.size() - 3) + "]";
      return out;
    }
  }
  return py::repr(value);
}

py::object item_to_python(const Item& item) {
  if (const auto* iv = std::get_if<Intervention>(&item)) return py::cast(*iv);
  return py::cast(*std::get_if<Article>(&item));
}

Item item_from_python(py::handle value) {
  if (py::isinstance<Intervention>(value)) return value.cast<Intervention>();
  if (py::isinstance<Article>(value)) return value.cast<Article>();
  throw py::type_error("an item must be an Article or an Intervention, not " +
                       std::string(py::str(py::type::of(value).attr("__name__"))));
}

namespace {

py::object timezone_for(std::optional<int> offset_minutes) {
  const py::module_ dt = py::module_::import("datetime");
  if (!offset_minutes) return dt.attr("timezone").attr("utc");
  return dt.attr("timezone")(dt.attr("timedelta")(py::arg("minutes") = *offset_minutes));
}

/// The instant as an aware `datetime`, in the source's offset (UTC when it gave none).
py::object to_datetime(const Timestamp& t) {
  const py::module_ dt = py::module_::import("datetime");
  const auto& utc = t.utc();
  const auto date = utc.date();
  const auto tod = utc.time_of_day();
  py::object value = dt.attr("datetime")(static_cast<int>(date.year()), static_cast<int>(date.month()),
                                         static_cast<int>(date.day()), static_cast<int>(tod.hours()),
                                         static_cast<int>(tod.minutes()), static_cast<int>(tod.seconds()),
                                         static_cast<int>(tod.fractional_seconds() *
                                                          (1000000 / boost::posix_time::time_duration::ticks_per_second())),
                                         timezone_for(std::nullopt));
  if (t.utc_offset_minutes()) value = value.attr("astimezone")(timezone_for(t.utc_offset_minutes()));
  return value;
}

Timestamp parse_timestamp(const std::string& text) {
  auto parsed = Timestamp::parse(text);
  if (!parsed) throw py::value_error("not a date: \"" + text + "\"");
  return *parsed;
}

/// A datetime as a Timestamp (second or fraction precision; naive means UTC without offset).
Timestamp from_datetime(const py::object& value) {
  const py::module_ dt = py::module_::import("datetime");
  if (!py::isinstance(value, dt.attr("datetime"))) throw py::type_error("expected a datetime.datetime");
  std::optional<int> offset;
  py::object off = value.attr("utcoffset")();
  if (!off.is_none()) {
    const double seconds = off.attr("total_seconds")().cast<double>();
    offset = static_cast<int>(seconds / 60);
  }
  const int us = value.attr("microsecond").cast<int>();
  try {
    return Timestamp::from_fields(value.attr("year").cast<int>(), value.attr("month").cast<int>(),
                                  value.attr("day").cast<int>(), value.attr("hour").cast<int>(),
                                  value.attr("minute").cast<int>(), value.attr("second").cast<int>(), us, offset,
                                  us ? Precision::fraction : Precision::second, us ? 6 : 0);
  } catch (const std::out_of_range& e) {
    throw py::value_error(e.what());
  }
}

void bind_timestamp(py::module_& m) {
  bind_enum<Precision>(m, "Precision", "How much of a date and time the source gave.",
                       {{"year", Precision::year},
                        {"month", Precision::month},
                        {"day", Precision::day},
                        {"minute", Precision::minute},
                        {"second", Precision::second},
                        {"fraction", Precision::fraction}});

  py::class_<Timestamp> ts(m, "Timestamp",
                           "An instant plus what the source said about it: UTC offset, precision and raw text.\n\n"
                           "``Timestamp('Thu, 26 Nov 2015 09:30:00 +0100')`` parses any form hrnews knows;\n"
                           "``raw`` replaces the remembered source text.");
  ts.def(py::init([](const std::string& text, std::optional<std::string> raw) {
           Timestamp t = parse_timestamp(text);
           return raw ? t.with_raw(*raw) : t;
         }),
         py::arg("text"), py::arg("raw") = py::none());
  ts.def_static("parse", [](const std::string& text) { return Timestamp::parse(text); }, py::arg("text"),
                "Parses RFC 3339/ISO 8601 or RFC 822 text; None when it is not a date.");
  ts.def_static(
      "from_fields",
      [](int year, int month, int day, int hour, int minute, int second, int microsecond,
         std::optional<int> offset_minutes, Precision precision, int fraction_digits, std::string raw) {
        try {
          return Timestamp::from_fields(year, month, day, hour, minute, second, microsecond, offset_minutes,
                                        precision, fraction_digits, std::move(raw));
        } catch (const std::out_of_range& e) {
          throw py::value_error(e.what());
        }
      },
      py::arg("year"), py::arg("month") = 1, py::arg("day") = 1, py::arg("hour") = 0, py::arg("minute") = 0,
      py::arg("second") = 0, py::arg("microsecond") = 0, py::arg("offset_minutes") = py::none(),
      py::arg("precision") = Precision::second, py::arg("fraction_digits") = 0, py::arg("raw") = "",
      "Builds a timestamp from the local fields as written in the source (ValueError when out of range).");
  ts.def_static("from_datetime", &from_datetime, py::arg("value"),
                "A timestamp from a datetime (aware: its offset is kept; naive: UTC, no offset).");
  ts.def("to_datetime", &to_datetime, "The instant as an aware datetime in the source's offset (UTC when none).");
  ts.def_property_readonly("raw", &Timestamp::raw, "The text this timestamp was read from.");
  ts.def_property_readonly("precision", &Timestamp::precision, "How much of the date and time the source gave.");
  ts.def_property_readonly("utc_offset_minutes", &Timestamp::utc_offset_minutes,
                           "The source's UTC offset in minutes, or None.");
  ts.def_property_readonly("fraction_digits", &Timestamp::fraction_digits, "Fractional-second digits written.");
  ts.def_property_readonly("unix_seconds", &Timestamp::unix_seconds, "Seconds since the Unix epoch.");
  ts.def("to_rfc3339", &Timestamp::to_rfc3339, "RFC 3339 text with the original offset and precision.");
  ts.def("to_rfc822", &Timestamp::to_rfc822, "RFC 822 text in the original offset.");
  ts.def("with_raw", &Timestamp::with_raw, py::arg("raw"), "A copy whose raw text is `raw`.");
  ts.def("__repr__", [](const Timestamp& t) {
    const std::string rfc = t.to_rfc3339();
    const auto reparsed = Timestamp::parse(t.raw());
    if (reparsed && *reparsed == t) return "Timestamp(" + std::string(py::repr(py::str(t.raw()))) + ")";
    return "Timestamp(" + std::string(py::repr(py::str(rfc))) + ", raw=" + std::string(py::repr(py::str(t.raw()))) +
           ")";
  });
  ts.def("__str__", &Timestamp::to_rfc3339);
  ts.def(py::self == py::self);
  ts.def(py::self != py::self);
  ts.def(py::self < py::self);
  ts.def("__hash__", [](const Timestamp& t) { return py::hash(py::make_tuple(t.to_rfc3339(), t.raw())); });
  ts.def("__copy__", [](const Timestamp& t) { return t; });
  ts.def("__deepcopy__", [](const Timestamp& t, const py::dict&) { return t; }, py::arg("memo"));
  ts.def(py::pickle([](const Timestamp& t) { return py::make_tuple(t.to_rfc3339(), t.raw()); },
                    [](const py::tuple& s) {
                      auto t = Timestamp::parse_iso8601(s[0].cast<std::string>());
                      if (!t) throw py::value_error("bad pickled timestamp");
                      return t->with_raw(s[1].cast<std::string>());
                    }));
  py::implicitly_convertible<py::str, Timestamp>();
}

void bind_case_reference(py::module_& m) {
  bind_enum<CaseScheme>(m, "CaseScheme", "The numbering scheme a case reference follows.",
                        {{"unknown", CaseScheme::unknown},
                         {"observatory", CaseScheme::observatory},
                         {"amnesty_ua", CaseScheme::amnesty_ua},
                         {"amnesty_index", CaseScheme::amnesty_index}});
  py::class_<CaseReference> c(m, "CaseReference",
                              "A case reference as printed on an urgent appeal (`TUR 005 / 0717 / OBS 078.6`,\n"
                              "`UA 229/10`, `AMR 18/0485/2019`), parsed; the raw text is kept verbatim.");
  c.def(py::init([](const std::string& raw) { return CaseReference::parse(raw); }), py::arg("raw") = "");
  c.def_static("parse", &CaseReference::parse, py::arg("text"), "Parses any known form.");
  c.def_property_readonly("scheme", &CaseReference::scheme, "The scheme recognised.");
  c.def_property_readonly("raw", &CaseReference::raw, "The text as given.");
  c.def_property_readonly("country", &CaseReference::country, "Observatory: alpha-3 country; index: region.");
  c.def_property_readonly("number", &CaseReference::number, "Case, UA or document number.");
  c.def_property_readonly("month", &CaseReference::month, "Observatory: month of the first appeal.");
  c.def_property_readonly("year", &CaseReference::year, "Four-digit year.");
  c.def_property_readonly("programme", &CaseReference::programme, "Observatory: programme code.");
  c.def_property_readonly("serial", &CaseReference::serial, "Observatory: serial; index: sub-region.");
  c.def_property_readonly("follow_up", &CaseReference::follow_up, "Follow-up number (0 for the first appeal).");
  c.def_property_readonly("is_follow_up", &CaseReference::is_follow_up, "True for a follow-up.");
  c.def("format", &CaseReference::format, "The canonical text.");
  c.def("base", &CaseReference::base, "The reference of the case as a whole (follow-up part removed).");
  c.def("same_case", &CaseReference::same_case, py::arg("other"), "True when both name the same case.");
  c.def("__repr__", [](const CaseReference& r) { return "CaseReference(" + std::string(py::repr(py::str(r.raw()))) + ")"; });
  c.def("__str__", &CaseReference::format);
  c.def(py::self == py::self);
  c.def(py::self != py::self);
  c.def("__hash__", [](const CaseReference& r) { return py::hash(py::str(r.raw())); });
  c.def("__copy__", [](const CaseReference& r) { return r; });
  c.def("__deepcopy__", [](const CaseReference& r, const py::dict&) { return r; }, py::arg("memo"));
  c.def(py::pickle([](const CaseReference& r) { return py::make_tuple(r.raw()); },
                   [](const py::tuple& s) { return CaseReference::parse(s[0].cast<std::string>()); }));
  py::implicitly_convertible<py::str, CaseReference>();
}

template <class T>
void str_as(Record<T>& r, std::function<std::string(const T&)> f) {
  r.cls().def("__str__", std::move(f));
}

}  // namespace

void bind_model(py::module_& m) {
  bind_enum<TextType>(m, "TextType", "How the characters of a Text are to be read.",
                      {{"text", TextType::text}, {"html", TextType::html}, {"xhtml", TextType::xhtml}});
  Record<Text> text(m, "Text", "A title, summary or body with its markup type (`text`, `html`, `xhtml`).");
  text.field("value", &Text::value, "The characters, markup unparsed.")
      .field("type", &Text::type, "How `value` is to be read.")
      .finish<PickleVia::fields>();
  text.cls().def("__str__", [](const Text& t) { return t.value; });
  text.cls().def("__bool__", [](const Text& t) { return !t.empty(); });
  py::implicitly_convertible<py::str, Text>();

  bind_timestamp(m);
  bind_case_reference(m);

  Record<Link> link(m, "Link", "A typed reference to a web resource (atom:link).");
  link.field("href", &Link::href, "The IRI.")
      .field("rel", &Link::rel, "Relation; empty means `alternate`.")
      .field("type", &Link::type, "Media type of the target.")
      .field("hreflang", &Link::hreflang, "Language of the target.")
      .field("title", &Link::title, "Human-readable title.")
      .field("length", &Link::length, "Advisory size in bytes, or None.")
      .finish<PickleVia::json>();
  str_as<Link>(link, [](const Link& l) { return l.href; });

  Record<Person> person(m, "Person", "An author as feeds name them.");
  person.field("name", &Person::name, "Display name.")
      .field("email", &Person::email, "E-mail address.")
      .field("uri", &Person::uri, "Home page or identifier.")
      .finish<PickleVia::json>();
  str_as<Person>(person, [](const Person& p) { return p.email.empty() ? p.name : p.name + " <" + p.email + ">"; });

  bind_enum<PartyKind>(m, "PartyKind", "Whether a party is an organisation or a person.",
                       {{"organisation", PartyKind::organisation}, {"person", PartyKind::person}});
  Record<Party> party(m, "Party", "An organisation or person with a role (publisher, organiser, signatory…).");
  party.field("kind", &Party::kind, "Organisation or person.")
      .field("name", &Party::name, "Full name.")
      .field("role", &Party::role, "Free-form role.")
      .field("abbreviation", &Party::abbreviation, "Short name, e.g. `OMCT`.")
      .field("email", &Party::email, "Contact address.")
      .field("uri", &Party::uri, "Web site or identifier.")
      .finish<PickleVia::json>();
  str_as<Party>(party, [](const Party& p) { return p.abbreviation.empty() ? p.name : p.name + " (" + p.abbreviation + ")"; });

  Record<Category> category(m, "Category", "A category exactly as a feed gave it.");
  category.field("term", &Category::term, "The category text or code.")
      .field("scheme", &Category::scheme, "RSS `domain` or Atom `scheme`.")
      .field("label", &Category::label, "Human-readable label, when separate.")
      .finish<PickleVia::json>();
  str_as<Category>(category, [](const Category& c) { return c.label.empty() ? c.term : c.label; });

  Record<TermRef> termref(m, "TermRef", "A reference to a term of a taxonomy scheme: `TermRef('theme', 'torture')`.");
  termref.field("scheme", &TermRef::scheme, "Scheme id.").field("code", &TermRef::code, "Term code.").finish<PickleVia::json>();
  str_as<TermRef>(termref, [](const TermRef& r) { return r.scheme + ":" + r.code; });
  termref.cls().def("__hash__", [](const TermRef& r) { return py::hash(py::make_tuple(r.scheme, r.code)); });
  termref.cls().def("__lt__", [](const TermRef& a, const TermRef& b) { return a < b; }, py::is_operator());

  Record<Attachment> attachment(m, "Attachment", "A file attached to an item (enclosure, PDF).");
  attachment.field("url", &Attachment::url, "Where the file is.")
      .field("type", &Attachment::type, "Media type.")
      .field("length", &Attachment::length, "Size in bytes, or None.")
      .field("title", &Attachment::title, "Human-readable title.")
      .finish<PickleVia::json>();
  str_as<Attachment>(attachment, [](const Attachment& a) { return a.url; });

  Record<GeoPoint> geo(m, "GeoPoint", "A WGS 84 point.");
  geo.field("lat", &GeoPoint::lat, "Latitude.").field("lon", &GeoPoint::lon, "Longitude.").finish<PickleVia::json>();

  bind_enum<RelationType>(m, "RelationType", "How an item relates to another.",
                          {{"translation_of", RelationType::translation_of},
                           {"follow_up_of", RelationType::follow_up_of},
                           {"part_of", RelationType::part_of},
                           {"replaces", RelationType::replaces},
                           {"related", RelationType::related}});
  Record<Relation> relation(m, "Relation", "A typed pointer to another item.");
  relation.field("rel", &Relation::rel, "The kind of relation.")
      .field("id_or_url", &Relation::id_or_url, "The other item's id or URL.")
      .finish<PickleVia::json>();

  Record<Event> event(m, "Event", "The meeting, hearing or side event an item announces.");
  event.field("start", &Event::start, "When it begins.")
      .field("end", &Event::end, "When it ends.")
      .field("location", &Event::location, "Where, as free text.")
      .finish<PickleVia::json>();

  Record<Article> article(m, "Article", "A news item: statement, report, event announcement, press release…");
  article.field("id", &Article::id, "Stable identifier.")
      .field("url", &Article::url, "The item's web page.")
      .field("links", &Article::links, "Other links.")
      .field("title", &Article::title, "Headline.")
      .field("summary", &Article::summary, "Teaser or abstract.")
      .field("content", &Article::content, "Full body.")
      .field("published", &Article::published, "First publication.")
      .field("updated", &Article::updated, "Last change.")
      .field("language", &Article::language, "BCP 47 tag.")
      .field("language_inferred", &Article::language_inferred,
             "True when classification inferred `language` from the text (the source gave none).")
      .field("authors", &Article::authors, "Authors.")
      .field("publishers", &Article::publishers, "Publishing organisations.")
      .field("categories", &Article::categories, "Raw categories as found.")
      .field("subjects", &Article::subjects, "Resolved terms.")
      .field("countries", &Article::countries, "ISO 3166-1 alpha-2 codes.")
      .field("regions", &Article::regions, "Region codes that are not countries.")
      .field("geo", &Article::geo, "A position, or None.")
      .field("campaigns", &Article::campaigns, "Ids of campaigns.")
      .field("related", &Article::related, "Relations to other items.")
      .field("attachments", &Article::attachments, "Enclosures, PDFs.")
      .field("rights", &Article::rights, "Copyright or licence.")
      .field("dateline", &Article::dateline, "Place line.")
      .field("event", &Article::event, "The event the item announces.")
      .field("extensions", &Article::extensions, "Unknown source members as compact JSON text.")
      .finish<PickleVia::json>();
  const auto article_str = [](const Article& a) {
    std::string out = a.title.value.empty() ? a.id : a.title.value;
    if (a.published) out += " (" + a.published->to_rfc3339() + ")";
    return out;
  };
  article.cls().def("__str__", article_str);
  article.cls().def_property_readonly("kind", [](const Article&) { return "article"; }, "`article`.");

  bind_enum<InterventionType>(m, "InterventionType", "What kind of intervention an item is.",
                              {{"urgent_appeal", InterventionType::urgent_appeal},
                               {"follow_up", InterventionType::follow_up},
                               {"closing", InterventionType::closing},
                               {"open_letter", InterventionType::open_letter},
                               {"press_release", InterventionType::press_release},
                               {"other", InterventionType::other}});
  bind_enum<CaseStatus>(m, "CaseStatus", "Where a case stands.",
                        {{"open", CaseStatus::open}, {"follow_up", CaseStatus::follow_up}, {"closed", CaseStatus::closed}});

  Record<Victim> victim(m, "Victim", "A person or group an intervention is about.");
  victim.field("name", &Victim::name, "Name.")
      .field("role", &Victim::role, "Role, e.g. `human rights defender`.")
      .field("organisation", &Victim::organisation, "Organisation.")
      .field("gender", &Victim::gender, "Gender as stated.")
      .field("status", &Victim::status, "E.g. `detained`, `released`.")
      .finish<PickleVia::json>();
  str_as<Victim>(victim, [](const Victim& v) { return v.name; });

  Record<Addressee> addressee(m, "Addressee", "An authority the reader is asked to write to.");
  addressee.field("name", &Addressee::name, "Name.")
      .field("title", &Addressee::title, "Title.")
      .field("institution", &Addressee::institution, "Institution.")
      .field("address", &Addressee::address, "Postal address.")
      .field("email", &Addressee::email, "E-mail.")
      .field("fax", &Addressee::fax, "Fax.")
      .field("phone", &Addressee::phone, "Telephone.")
      .finish<PickleVia::json>();
  str_as<Addressee>(addressee, [](const Addressee& a) { return a.title.empty() ? a.name : a.name + ", " + a.title; });

  Record<Intervention, Article> intervention(m, "Intervention",
                                             "An urgent appeal, follow-up or closing: an Article plus its case.");
  intervention.inherit<Article>(article.fields())
      .field("case_ref", &Intervention::case_ref, "The reference printed on the appeal.")
      .field("intervention_type", &Intervention::intervention_type, "Kind of intervention.")
      .field("status", &Intervention::status, "Where the case stands.")
      .field("victims", &Intervention::victims, "Who the case is about.")
      .field("violations", &Intervention::violations, "Violation terms.")
      .field("requested_actions", &Intervention::requested_actions, "What readers are asked to do.")
      .field("addressees", &Intervention::addressees, "Whom to write to.")
      .field("deadline", &Intervention::deadline, "Act before this.")
      .field("follows", &Intervention::follows, "Id of the intervention this one updates.")
      .finish<PickleVia::json>();
  intervention.cls().def("__str__", [article_str](const Intervention& iv) {
    std::string out = article_str(iv);
    if (iv.case_ref) out = "[" + iv.case_ref->format() + "] " + out;
    return out;
  });
  intervention.cls().def_property_readonly("kind", [](const Intervention&) { return "intervention"; }, "`intervention`.");
  intervention.cls().def_property_readonly(
      "article", [](const Intervention& iv) { return static_cast<const Article&>(iv); }, "A copy of the article part.");

  bind_enum<CampaignStatus>(m, "CampaignStatus", "Where a campaign stands.",
                            {{"planned", CampaignStatus::planned},
                             {"active", CampaignStatus::active},
                             {"closed", CampaignStatus::closed}});
  Record<Campaign> campaign(m, "Campaign", "A campaign and the items that belong to it.");
  campaign.field("id", &Campaign::id, "Stable identifier.")
      .field("name", &Campaign::name, "Short name.")
      .field("title", &Campaign::title, "Display title.")
      .field("summary", &Campaign::summary, "What the campaign is about.")
      .field("url", &Campaign::url, "Web page.")
      .field("status", &Campaign::status, "Planned, active or closed.")
      .field("start", &Campaign::start, "Start.")
      .field("end", &Campaign::end, "End.")
      .field("organisers", &Campaign::organisers, "Who runs it.")
      .field("hashtags", &Campaign::hashtags, "Without the leading `#`.")
      .field("subjects", &Campaign::subjects, "Themes and other terms.")
      .field("countries", &Campaign::countries, "ISO 3166-1 alpha-2 codes.")
      .field("items", &Campaign::items, "Ids of its items.")
      .field("calls_to_action", &Campaign::calls_to_action, "What supporters are asked to do.")
      .field("extensions", &Campaign::extensions, "Unknown source members.")
      .finish<PickleVia::json>();
  str_as<Campaign>(campaign, [](const Campaign& c) { return c.name.empty() ? c.title.value : c.name; });

  bind_enum<Severity>(m, "Severity", "How serious a diagnostic is.",
                      {{"info", Severity::info}, {"warning", Severity::warning}, {"error", Severity::error}});
  Record<Diagnostic> diagnostic(m, "Diagnostic", "What a reader repaired or ignored, and where.");
  diagnostic.field("severity", &Diagnostic::severity, "How serious.")
      .field("code", &Diagnostic::code, "Stable machine-readable id.")
      .field("message", &Diagnostic::message, "Human-readable explanation.")
      .field("line", &Diagnostic::line, "1-based line, or None.")
      .field("column", &Diagnostic::column, "1-based column, or None.")
      .field("path", &Diagnostic::path, "Path to the value.")
      .finish<PickleVia::json>();
  str_as<Diagnostic>(diagnostic, [](const Diagnostic& d) { return format_diagnostic(d); });

  Record<Feed> feed(m, "Feed", "Metadata of the feed or file a collection was read from.");
  feed.field("id", &Feed::id, "Feed identifier.")
      .field("title", &Feed::title, "Title.")
      .field("subtitle", &Feed::subtitle, "Description or tagline.")
      .field("url", &Feed::url, "The site the feed belongs to.")
      .field("links", &Feed::links, "Self, alternate, hub…")
      .field("language", &Feed::language, "Declared language.")
      .field("updated", &Feed::updated, "Last change.")
      .field("publishers", &Feed::publishers, "Publishing organisations.")
      .field("generator", &Feed::generator, "Software that made the feed.")
      .field("rights", &Feed::rights, "Copyright or licence.")
      .field("icon", &Feed::icon, "Icon URL.")
      .field("source_format", &Feed::source_format, "What it was read from (`rss-2.0`…).")
      .field("extensions", &Feed::extensions, "Unknown source members.")
      .finish<PickleVia::json>();
  str_as<Feed>(feed, [](const Feed& f) { return f.title.value.empty() ? f.id : f.title.value; });
}

}  // namespace hrnews::python
