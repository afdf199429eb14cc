// SPDX-License-Identifier: Apache-2.0
/// @file nlohmann.hpp
/// @brief Opt-in nlohmann/json support: `to_json`/`from_json` for every model type.
///
/// With this header, `nlohmann::json j = article;` and `j.get<hrnews::Article>()`
/// work for every type of the model, in the canonical JSON shape of
/// `docs/format-json.md`: the same member names, absent values left out, texts
/// as strings or `{"type", "value"}`, timestamps as RFC 3339 strings with a
/// `NAME_raw` companion when the raw text differs, unknown members of the
/// document, feed, items and campaigns kept in `extensions`.
///
/// The conversions are templates over nlohmann's `basic_json`, so they work
/// with `nlohmann::json` (members sorted by name) and `nlohmann::ordered_json`
/// (members in the canonical order, as `write_json` writes them).
///
/// `from_json` throws `hrnews::ParseError` (format `json`) with the JSON Pointer
/// of the bad value relative to the converted value and the messages of the
/// canonical reader (`missing required member "id"`, `unknown value "urgent"`,
/// `expected a string`…). It checks no limits: for untrusted input prefer
/// `hrnews::read_json`, which is also faster as it builds no DOM.
///
/// This header includes `<nlohmann/json.hpp>`; the rest of the library does not
/// expose it.
#pragma once

#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include <hrnews/article.hpp>
#include <hrnews/attachment.hpp>
#include <hrnews/campaign.hpp>
#include <hrnews/case_reference.hpp>
#include <hrnews/category.hpp>
#include <hrnews/collection.hpp>
#include <hrnews/detail/nlohmann_support.hpp>
#include <hrnews/diagnostic.hpp>
#include <hrnews/error.hpp>
#include <hrnews/geo.hpp>
#include <hrnews/intervention.hpp>
#include <hrnews/link.hpp>
#include <hrnews/person.hpp>
#include <hrnews/taxonomy.hpp>
#include <hrnews/text.hpp>
#include <hrnews/timestamp.hpp>
#include <hrnews/version.hpp>

namespace hrnews {

// ---------------------------------------------------------------------------
// Shared pieces

/// A `Text`: a plain string when its type is `text`, otherwise `{"type": "html" | "xhtml", "value": …}`.
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void to_json(BasicJsonType& j, const Text& t) {
  if (t.type == TextType::text) {
    j = t.value;
  } else {
    j = BasicJsonType::object();
    j["type"] = std::string(to_string(t.type));
    j["value"] = t.value;
  }
}

/// Reads a `Text` from a string or from `{"type", "value"}` (`type` defaults to `text`).
/// @throws ParseError for any other value, a missing `value` or an unknown `type`
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void from_json(const BasicJsonType& j, Text& t) {
  t = Text();
  if (j.is_string()) {
    t.value = j.template get_ref<const typename BasicJsonType::string_t&>();
    return;
  }
  if (!j.is_object()) detail::nl::fail("expected a string or an object");
  detail::nl::member(j, "type", t.type);
  detail::nl::required(j, "value", t.value);
}

/// A `Timestamp` as its RFC 3339 string (`2015-11-26T09:30:00+01:00`, `2015-11`).
///
/// On its own a timestamp loses its raw text; the objects holding timestamps
/// write it next to them as `NAME_raw` when it differs.
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void to_json(BasicJsonType& j, const Timestamp& t) {
  j = t.to_rfc3339();
}

/// Reads a `Timestamp` from an RFC 3339 / ISO 8601 string (its raw text is that string).
/// @throws ParseError when the value is not a string or not a valid date
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void from_json(const BasicJsonType& j, Timestamp& t) {
  if (!j.is_string()) detail::nl::fail("expected a string");
  const std::string& text = j.template get_ref<const typename BasicJsonType::string_t&>();
  std::optional<Timestamp> parsed = Timestamp::parse_iso8601(text);
  if (!parsed) detail::nl::fail(j.dump() + " is not a valid date");
  t = parsed->raw() == text ? std::move(*parsed) : parsed->with_raw(text);
}

/// A `Link`: `href` (always), `rel`, `type`, `hreflang`, `title`, `length`.
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void to_json(BasicJsonType& j, const Link& l) {
  j = BasicJsonType::object();
  j["href"] = l.href;
  detail::nl::put(j, "rel", l.rel);
  detail::nl::put(j, "type", l.type);
  detail::nl::put(j, "hreflang", l.hreflang);
  detail::nl::put(j, "title", l.title);
  detail::nl::put(j, "length", l.length);
}

/// Reads a `Link`. @throws ParseError when `href` is missing or a member has the wrong type
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void from_json(const BasicJsonType& j, Link& l) {
  l = Link();
  detail::nl::expect_object(j);
  detail::nl::required(j, "href", l.href);
  detail::nl::member(j, "rel", l.rel);
  detail::nl::member(j, "type", l.type);
  detail::nl::member(j, "hreflang", l.hreflang);
  detail::nl::member(j, "title", l.title);
  detail::nl::member(j, "length", l.length);
}

/// A `Person`: `name`, `email`, `uri`.
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void to_json(BasicJsonType& j, const Person& p) {
  j = BasicJsonType::object();
  detail::nl::put(j, "name", p.name);
  detail::nl::put(j, "email", p.email);
  detail::nl::put(j, "uri", p.uri);
}

/// Reads a `Person`. @throws ParseError when a member has the wrong type
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void from_json(const BasicJsonType& j, Person& p) {
  p = Person();
  detail::nl::expect_object(j);
  detail::nl::member(j, "name", p.name);
  detail::nl::member(j, "email", p.email);
  detail::nl::member(j, "uri", p.uri);
}

/// A `Party`: `kind` (always), `name`, `role`, `abbreviation`, `email`, `uri`.
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void to_json(BasicJsonType& j, const Party& p) {
  j = BasicJsonType::object();
  j["kind"] = std::string(to_string(p.kind));
  detail::nl::put(j, "name", p.name);
  detail::nl::put(j, "role", p.role);
  detail::nl::put(j, "abbreviation", p.abbreviation);
  detail::nl::put(j, "email", p.email);
  detail::nl::put(j, "uri", p.uri);
}

/// Reads a `Party` (`kind` defaults to `organisation`).
/// @throws ParseError for an unknown `kind` or a member of the wrong type
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void from_json(const BasicJsonType& j, Party& p) {
  p = Party();
  detail::nl::expect_object(j);
  detail::nl::member(j, "kind", p.kind);
  detail::nl::member(j, "name", p.name);
  detail::nl::member(j, "role", p.role);
  detail::nl::member(j, "abbreviation", p.abbreviation);
  detail::nl::member(j, "email", p.email);
  detail::nl::member(j, "uri", p.uri);
}

/// A `Category`: `term`, `scheme`, `label`.
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void to_json(BasicJsonType& j, const Category& c) {
  j = BasicJsonType::object();
  detail::nl::put(j, "term", c.term);
  detail::nl::put(j, "scheme", c.scheme);
  detail::nl::put(j, "label", c.label);
}

/// Reads a `Category`. @throws ParseError when a member has the wrong type
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void from_json(const BasicJsonType& j, Category& c) {
  c = Category();
  detail::nl::expect_object(j);
  detail::nl::member(j, "term", c.term);
  detail::nl::member(j, "scheme", c.scheme);
  detail::nl::member(j, "label", c.label);
}

/// A `TermRef`: `scheme` and `code`, both always written.
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void to_json(BasicJsonType& j, const TermRef& r) {
  j = BasicJsonType::object();
  j["scheme"] = r.scheme;
  j["code"] = r.code;
}

/// Reads a `TermRef`. @throws ParseError when `scheme` or `code` is missing
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void from_json(const BasicJsonType& j, TermRef& r) {
  r = TermRef();
  detail::nl::expect_object(j);
  detail::nl::required(j, "scheme", r.scheme);
  detail::nl::required(j, "code", r.code);
}

/// An `Attachment`: `url` (always), `type`, `length`, `title`.
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void to_json(BasicJsonType& j, const Attachment& a) {
  j = BasicJsonType::object();
  j["url"] = a.url;
  detail::nl::put(j, "type", a.type);
  detail::nl::put(j, "length", a.length);
  detail::nl::put(j, "title", a.title);
}

/// Reads an `Attachment`. @throws ParseError when `url` is missing or a member has the wrong type
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void from_json(const BasicJsonType& j, Attachment& a) {
  a = Attachment();
  detail::nl::expect_object(j);
  detail::nl::required(j, "url", a.url);
  detail::nl::member(j, "type", a.type);
  detail::nl::member(j, "length", a.length);
  detail::nl::member(j, "title", a.title);
}

/// A `GeoPoint`: `{"lat": …, "lon": …}`.
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void to_json(BasicJsonType& j, const GeoPoint& g) {
  j = BasicJsonType::object();
  j["lat"] = g.lat;
  j["lon"] = g.lon;
}

/// Reads a `GeoPoint`. @throws ParseError when `lat` or `lon` is missing or not a number
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void from_json(const BasicJsonType& j, GeoPoint& g) {
  g = GeoPoint();
  detail::nl::expect_object(j);
  detail::nl::required(j, "lat", g.lat);
  detail::nl::required(j, "lon", g.lon);
}

/// A `Relation`: `rel` (always) and `id_or_url`.
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void to_json(BasicJsonType& j, const Relation& r) {
  j = BasicJsonType::object();
  j["rel"] = std::string(to_string(r.rel));
  detail::nl::put(j, "id_or_url", r.id_or_url);
}

/// Reads a `Relation` (`rel` defaults to `related`). @throws ParseError for an unknown `rel`
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void from_json(const BasicJsonType& j, Relation& r) {
  r = Relation();
  detail::nl::expect_object(j);
  detail::nl::member(j, "rel", r.rel);
  detail::nl::member(j, "id_or_url", r.id_or_url);
}

/// An `Event`: `start`, `end` (with `start_raw`, `end_raw`) and `location`.
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void to_json(BasicJsonType& j, const Event& e) {
  j = BasicJsonType::object();
  detail::nl::put_time(j, "start", "start_raw", e.start);
  detail::nl::put_time(j, "end", "end_raw", e.end);
  detail::nl::put(j, "location", e.location);
}

/// Reads an `Event`. @throws ParseError for a date that does not parse
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void from_json(const BasicJsonType& j, Event& e) {
  e = Event();
  detail::nl::expect_object(j);
  detail::nl::time_member(j, "start", "start_raw", e.start);
  detail::nl::time_member(j, "end", "end_raw", e.end);
  detail::nl::member(j, "location", e.location);
}

// ---------------------------------------------------------------------------
// Interventions

/// A `CaseReference`: `raw` and `scheme` (always), `formatted` and the parsed parts that are set.
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void to_json(BasicJsonType& j, const CaseReference& c) {
  j = BasicJsonType::object();
  j["raw"] = c.raw();
  j["scheme"] = std::string(to_string(c.scheme()));
  detail::nl::put(j, "formatted", c.format());
  detail::nl::put(j, "country", c.country());
  detail::nl::put_int(j, "number", c.number());
  detail::nl::put_int(j, "month", c.month());
  detail::nl::put_int(j, "year", c.year());
  detail::nl::put(j, "programme", c.programme());
  detail::nl::put_int(j, "serial", c.serial());
  detail::nl::put_int(j, "follow_up", c.follow_up());
}

/// Reads a `CaseReference` from its `raw` member only (the parts follow from it).
/// @throws ParseError when `raw` is missing or not a string
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void from_json(const BasicJsonType& j, CaseReference& c) {
  detail::nl::expect_object(j);
  std::string raw;
  detail::nl::required(j, "raw", raw);
  c = CaseReference::parse(raw);
}

/// A `Victim`: `name`, `role`, `organisation`, `gender`, `status`.
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void to_json(BasicJsonType& j, const Victim& v) {
  j = BasicJsonType::object();
  detail::nl::put(j, "name", v.name);
  detail::nl::put(j, "role", v.role);
  detail::nl::put(j, "organisation", v.organisation);
  detail::nl::put(j, "gender", v.gender);
  detail::nl::put(j, "status", v.status);
}

/// Reads a `Victim`. @throws ParseError when a member has the wrong type
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void from_json(const BasicJsonType& j, Victim& v) {
  v = Victim();
  detail::nl::expect_object(j);
  detail::nl::member(j, "name", v.name);
  detail::nl::member(j, "role", v.role);
  detail::nl::member(j, "organisation", v.organisation);
  detail::nl::member(j, "gender", v.gender);
  detail::nl::member(j, "status", v.status);
}

/// An `Addressee`: `name`, `title`, `institution`, `address`, `email`, `fax`, `phone`.
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void to_json(BasicJsonType& j, const Addressee& a) {
  j = BasicJsonType::object();
  detail::nl::put(j, "name", a.name);
  detail::nl::put(j, "title", a.title);
  detail::nl::put(j, "institution", a.institution);
  detail::nl::put(j, "address", a.address);
  detail::nl::put(j, "email", a.email);
  detail::nl::put(j, "fax", a.fax);
  detail::nl::put(j, "phone", a.phone);
}

/// Reads an `Addressee`. @throws ParseError when a member has the wrong type
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void from_json(const BasicJsonType& j, Addressee& a) {
  a = Addressee();
  detail::nl::expect_object(j);
  detail::nl::member(j, "name", a.name);
  detail::nl::member(j, "title", a.title);
  detail::nl::member(j, "institution", a.institution);
  detail::nl::member(j, "address", a.address);
  detail::nl::member(j, "email", a.email);
  detail::nl::member(j, "fax", a.fax);
  detail::nl::member(j, "phone", a.phone);
}

/// @cond HRNEWS_DETAIL
namespace detail::nl {

template <class J>
void put_article(J& j, const Article& a) {
  j["id"] = a.id;
  put(j, "url", a.url);
  put(j, "links", a.links);
  if (!a.title.empty()) j["title"] = a.title;
  put(j, "summary", a.summary);
  put(j, "content", a.content);
  put_time(j, "published", "published_raw", a.published);
  put_time(j, "updated", "updated_raw", a.updated);
  put(j, "language", a.language);
  if (a.language_inferred) j["language_inferred"] = true;
  put(j, "authors", a.authors);
  put(j, "publishers", a.publishers);
  put(j, "categories", a.categories);
  put(j, "subjects", a.subjects);
  put(j, "countries", a.countries);
  put(j, "regions", a.regions);
  put(j, "geo", a.geo);
  put(j, "campaigns", a.campaigns);
  put(j, "related", a.related);
  put(j, "attachments", a.attachments);
  put(j, "rights", a.rights);
  put(j, "dateline", a.dateline);
  put(j, "event", a.event);
}

template <class J>
void get_article(const J& j, Article& a) {
  expect_object(j);
  required(j, "id", a.id);
  if (a.id.empty()) fail("expected a non-empty string", "/id");
  member(j, "url", a.url);
  member(j, "links", a.links);
  member(j, "title", a.title);
  member(j, "summary", a.summary);
  member(j, "content", a.content);
  time_member(j, "published", "published_raw", a.published);
  time_member(j, "updated", "updated_raw", a.updated);
  member(j, "language", a.language);
  member(j, "language_inferred", a.language_inferred);
  member(j, "authors", a.authors);
  member(j, "publishers", a.publishers);
  member(j, "categories", a.categories);
  member(j, "subjects", a.subjects);
  member(j, "countries", a.countries);
  member(j, "regions", a.regions);
  member(j, "geo", a.geo);
  member(j, "campaigns", a.campaigns);
  member(j, "related", a.related);
  member(j, "attachments", a.attachments);
  member(j, "rights", a.rights);
  member(j, "dateline", a.dateline);
  member(j, "event", a.event);
}

inline bool is_intervention_member(std::string_view name) {
  return contains(article_members, name) || contains(intervention_members, name);
}

}  // namespace detail::nl
/// @endcond

/// An `Article` as an item: `kind: "article"`, `id` (always), then the other
/// members in the canonical order, then its extensions.
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void to_json(BasicJsonType& j, const Article& a) {
  j = BasicJsonType::object();
  j["kind"] = "article";
  detail::nl::put_article(j, a);
  detail::nl::extensions_to(j, a.extensions, detail::nl::known(detail::nl::article_members));
}

/// Reads an `Article`; members it does not know (those of interventions included) become extensions.
/// `kind` is not checked (see `Item`).
/// @throws ParseError when `id` is missing or empty, a date does not parse, an
///         enumeration value is unknown or a member has the wrong type
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void from_json(const BasicJsonType& j, Article& a) {
  a = Article();
  detail::nl::get_article(j, a);
  detail::nl::extensions_from(j, detail::nl::known(detail::nl::article_members), a.extensions);
}

/// An `Intervention` as an item: everything of `Article` with `kind: "intervention"`,
/// then `case_ref`, `intervention_type` (always), `status`, `victims`,
/// `violations`, `requested_actions`, `addressees`, `deadline`, `follows`.
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void to_json(BasicJsonType& j, const Intervention& iv) {
  j = BasicJsonType::object();
  j["kind"] = "intervention";
  detail::nl::put_article(j, iv);
  detail::nl::put(j, "case_ref", iv.case_ref);
  j["intervention_type"] = std::string(to_string(iv.intervention_type));
  if (iv.status) j["status"] = std::string(to_string(*iv.status));
  detail::nl::put(j, "victims", iv.victims);
  detail::nl::put(j, "violations", iv.violations);
  detail::nl::put(j, "requested_actions", iv.requested_actions);
  detail::nl::put(j, "addressees", iv.addressees);
  detail::nl::put_time(j, "deadline", "deadline_raw", iv.deadline);
  detail::nl::put(j, "follows", iv.follows);
  detail::nl::extensions_to(j, iv.extensions, detail::nl::is_intervention_member);
}

/// Reads an `Intervention`. `kind` is not checked (see `Item`).
/// @throws ParseError as `from_json(const BasicJsonType&, Article&)` does
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void from_json(const BasicJsonType& j, Intervention& iv) {
  iv = Intervention();
  detail::nl::get_article(j, iv);
  detail::nl::member(j, "case_ref", iv.case_ref);
  detail::nl::member(j, "intervention_type", iv.intervention_type);
  detail::nl::member(j, "status", iv.status);
  detail::nl::member(j, "victims", iv.victims);
  detail::nl::member(j, "violations", iv.violations);
  detail::nl::member(j, "requested_actions", iv.requested_actions);
  detail::nl::member(j, "addressees", iv.addressees);
  detail::nl::time_member(j, "deadline", "deadline_raw", iv.deadline);
  detail::nl::member(j, "follows", iv.follows);
  detail::nl::extensions_from(j, detail::nl::is_intervention_member, iv.extensions);
}

/// An `Item`: the article or intervention it holds.
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void to_json(BasicJsonType& j, const Item& item) {
  if (const auto* iv = std::get_if<Intervention>(&item)) {
    to_json(j, *iv);
  } else {
    to_json(j, *std::get_if<Article>(&item));
  }
}

/// Reads an `Item`, an article or an intervention as its `kind` says.
/// @throws ParseError when `kind` is missing or unknown, or as the article and intervention readers do
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void from_json(const BasicJsonType& j, Item& item) {
  detail::nl::expect_object(j);
  ItemKind kind = ItemKind::article;
  detail::nl::required(j, "kind", kind);
  if (kind == ItemKind::article) {
    Article a;
    from_json(j, a);
    item = std::move(a);
  } else {
    Intervention iv;
    from_json(j, iv);
    item = std::move(iv);
  }
}

// ---------------------------------------------------------------------------
// Campaigns, taxonomies, diagnostics

/// A `Campaign`: `id` (always), `name`, `title`, `summary`, `url`, `status`,
/// `start`, `end`, `organisers`, `hashtags`, `subjects`, `countries`, `items`,
/// `calls_to_action`, then its extensions.
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void to_json(BasicJsonType& j, const Campaign& c) {
  j = BasicJsonType::object();
  j["id"] = c.id;
  detail::nl::put(j, "name", c.name);
  if (!c.title.empty()) j["title"] = c.title;
  detail::nl::put(j, "summary", c.summary);
  detail::nl::put(j, "url", c.url);
  if (c.status) j["status"] = std::string(to_string(*c.status));
  detail::nl::put_time(j, "start", "start_raw", c.start);
  detail::nl::put_time(j, "end", "end_raw", c.end);
  detail::nl::put(j, "organisers", c.organisers);
  detail::nl::put(j, "hashtags", c.hashtags);
  detail::nl::put(j, "subjects", c.subjects);
  detail::nl::put(j, "countries", c.countries);
  detail::nl::put(j, "items", c.items);
  detail::nl::put(j, "calls_to_action", c.calls_to_action);
  detail::nl::extensions_to(j, c.extensions, detail::nl::known(detail::nl::campaign_members));
}

/// Reads a `Campaign`; unknown members become extensions.
/// @throws ParseError when `id` is missing, a date does not parse, the status is unknown or a member has the wrong type
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void from_json(const BasicJsonType& j, Campaign& c) {
  c = Campaign();
  detail::nl::expect_object(j);
  detail::nl::required(j, "id", c.id);
  detail::nl::member(j, "name", c.name);
  detail::nl::member(j, "title", c.title);
  detail::nl::member(j, "summary", c.summary);
  detail::nl::member(j, "url", c.url);
  detail::nl::member(j, "status", c.status);
  detail::nl::time_member(j, "start", "start_raw", c.start);
  detail::nl::time_member(j, "end", "end_raw", c.end);
  detail::nl::member(j, "organisers", c.organisers);
  detail::nl::member(j, "hashtags", c.hashtags);
  detail::nl::member(j, "subjects", c.subjects);
  detail::nl::member(j, "countries", c.countries);
  detail::nl::member(j, "items", c.items);
  detail::nl::member(j, "calls_to_action", c.calls_to_action);
  detail::nl::extensions_from(j, detail::nl::known(detail::nl::campaign_members), c.extensions);
}

/// A `Mapping`: `kind` (always) and `uri`.
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void to_json(BasicJsonType& j, const Mapping& m) {
  j = BasicJsonType::object();
  j["kind"] = std::string(to_string(m.kind));
  detail::nl::put(j, "uri", m.uri);
}

/// Reads a `Mapping` (`kind` defaults to `exact`). @throws ParseError for an unknown `kind`
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void from_json(const BasicJsonType& j, Mapping& m) {
  m = Mapping();
  detail::nl::expect_object(j);
  detail::nl::member(j, "kind", m.kind);
  detail::nl::member(j, "uri", m.uri);
}

/// A `Term`: `code` (always), `uri`, `labels`, `alt_labels`, `definition`, `broader`, `mappings`, `deprecated` (when true).
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void to_json(BasicJsonType& j, const Term& t) {
  j = BasicJsonType::object();
  j["code"] = t.code;
  detail::nl::put(j, "uri", t.uri);
  detail::nl::put(j, "labels", t.labels);
  detail::nl::put(j, "alt_labels", t.alt_labels);
  detail::nl::put(j, "definition", t.definition);
  detail::nl::put(j, "broader", t.broader);
  detail::nl::put(j, "mappings", t.mappings);
  if (t.deprecated) j["deprecated"] = true;
}

/// Reads a `Term`. @throws ParseError when `code` is missing or a member has the wrong type
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void from_json(const BasicJsonType& j, Term& t) {
  t = Term();
  detail::nl::expect_object(j);
  detail::nl::required(j, "code", t.code);
  detail::nl::member(j, "uri", t.uri);
  detail::nl::member(j, "labels", t.labels);
  detail::nl::member(j, "alt_labels", t.alt_labels);
  detail::nl::member(j, "definition", t.definition);
  detail::nl::member(j, "broader", t.broader);
  detail::nl::member(j, "mappings", t.mappings);
  detail::nl::member(j, "deprecated", t.deprecated);
}

/// A `Scheme`: `id` (always), `uri`, `title` (by language), `terms`.
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void to_json(BasicJsonType& j, const Scheme& s) {
  j = BasicJsonType::object();
  j["id"] = s.id;
  detail::nl::put(j, "uri", s.uri);
  detail::nl::put(j, "title", s.title);
  detail::nl::put(j, "terms", s.terms);
}

/// Reads a `Scheme`. @throws ParseError when `id` is missing or a member has the wrong type
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void from_json(const BasicJsonType& j, Scheme& s) {
  s = Scheme();
  detail::nl::expect_object(j);
  detail::nl::required(j, "id", s.id);
  detail::nl::member(j, "uri", s.uri);
  detail::nl::member(j, "title", s.title);
  detail::nl::member(j, "terms", s.terms);
}

/// A `Diagnostic`: `severity` (always), `code`, `message`, `line`, `column`, `path`.
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void to_json(BasicJsonType& j, const Diagnostic& d) {
  j = BasicJsonType::object();
  j["severity"] = std::string(to_string(d.severity));
  detail::nl::put(j, "code", d.code);
  detail::nl::put(j, "message", d.message);
  detail::nl::put(j, "line", d.line);
  detail::nl::put(j, "column", d.column);
  detail::nl::put(j, "path", d.path);
}

/// Reads a `Diagnostic` (`severity` defaults to `warning`).
/// @throws ParseError for an unknown severity or a member of the wrong type
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void from_json(const BasicJsonType& j, Diagnostic& d) {
  d = Diagnostic();
  detail::nl::expect_object(j);
  detail::nl::member(j, "severity", d.severity);
  detail::nl::member(j, "code", d.code);
  detail::nl::member(j, "message", d.message);
  detail::nl::member(j, "line", d.line);
  detail::nl::member(j, "column", d.column);
  detail::nl::member(j, "path", d.path);
}

// ---------------------------------------------------------------------------
// Feed and collection

/// A `Feed`: `id`, `title`, `subtitle`, `url`, `links`, `language`, `updated`,
/// `publishers`, `generator`, `rights`, `icon`, `source_format`, then its extensions.
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void to_json(BasicJsonType& j, const Feed& f) {
  j = BasicJsonType::object();
  detail::nl::put(j, "id", f.id);
  if (!f.title.empty()) j["title"] = f.title;
  detail::nl::put(j, "subtitle", f.subtitle);
  detail::nl::put(j, "url", f.url);
  detail::nl::put(j, "links", f.links);
  detail::nl::put(j, "language", f.language);
  detail::nl::put_time(j, "updated", "updated_raw", f.updated);
  detail::nl::put(j, "publishers", f.publishers);
  detail::nl::put(j, "generator", f.generator);
  detail::nl::put(j, "rights", f.rights);
  detail::nl::put(j, "icon", f.icon);
  detail::nl::put(j, "source_format", f.source_format);
  detail::nl::extensions_to(j, f.extensions, detail::nl::known(detail::nl::feed_members));
}

/// Reads a `Feed`; unknown members become extensions.
/// @throws ParseError when a date does not parse or a member has the wrong type
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void from_json(const BasicJsonType& j, Feed& f) {
  f = Feed();
  detail::nl::expect_object(j);
  detail::nl::member(j, "id", f.id);
  detail::nl::member(j, "title", f.title);
  detail::nl::member(j, "subtitle", f.subtitle);
  detail::nl::member(j, "url", f.url);
  detail::nl::member(j, "links", f.links);
  detail::nl::member(j, "language", f.language);
  detail::nl::time_member(j, "updated", "updated_raw", f.updated);
  detail::nl::member(j, "publishers", f.publishers);
  detail::nl::member(j, "generator", f.generator);
  detail::nl::member(j, "rights", f.rights);
  detail::nl::member(j, "icon", f.icon);
  detail::nl::member(j, "source_format", f.source_format);
  detail::nl::extensions_from(j, detail::nl::known(detail::nl::feed_members), f.extensions);
}

/// A `Collection` as a whole canonical document: `hrnews` (the format
/// version), `feed` (unless empty), `items`, `campaigns`, `schemes`,
/// `diagnostics` (unless empty), then the top-level extensions.
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void to_json(BasicJsonType& j, const Collection& c) {
  j = BasicJsonType::object();
  j["hrnews"] = format_version;
  if (c.feed != Feed()) j["feed"] = c.feed;
  detail::nl::put(j, "items", c.items);
  detail::nl::put(j, "campaigns", c.campaigns);
  detail::nl::put(j, "schemes", c.schemes);
  detail::nl::put(j, "diagnostics", c.diagnostics);
  detail::nl::extensions_to(j, c.extensions, detail::nl::known(detail::nl::document_members));
}

/// Reads a `Collection` from a canonical document; unknown top-level members become extensions.
/// @throws ParseError when `hrnews` is missing or of another major version, or
///         for any error in the feed, items, campaigns, schemes or diagnostics
template <class BasicJsonType, detail::nl::enable_json<BasicJsonType> = 0>
void from_json(const BasicJsonType& j, Collection& c) {
  c = Collection();
  detail::nl::expect_object(j);
  std::string version;
  detail::nl::required(j, "hrnews", version);
  const std::string major = version.substr(0, version.find('.'));
  if (major.empty() || major.find_first_not_of('0') == std::string::npos ||
      major.substr(major.find_first_not_of('0')) != "1") {
    detail::nl::fail("unsupported format version " + BasicJsonType(version).dump(), "/hrnews");
  }
  detail::nl::member(j, "feed", c.feed);
  detail::nl::member(j, "items", c.items);
  detail::nl::member(j, "campaigns", c.campaigns);
  detail::nl::member(j, "schemes", c.schemes);
  detail::nl::member(j, "diagnostics", c.diagnostics);
  detail::nl::extensions_from(j, detail::nl::known(detail::nl::document_members), c.extensions);
}

}  // namespace hrnews
