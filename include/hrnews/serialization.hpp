// SPDX-License-Identifier: Apache-2.0
/// @file serialization.hpp
/// @brief Boost.Serialization for every model type, and whole-collection archives
///        (`boost-text`, `boost-binary`, `boost-xml`).
///
/// Opt-in: include this header to put hrnews objects into Boost archives
/// (`ar << coll;`, `ar >> coll;`, or `ar & boost::serialization::make_nvp("c", coll)`
/// for XML archives) and link Boost::serialization (the `hrnews::hrnews` target
/// does). The value-type headers do not include Boost.Serialization.
///
/// Every class has a `BOOST_CLASS_VERSION`; the loaders read every version this
/// library ever wrote (the archives of version 1 are kept in
/// `tests/data/archives/v1/` and loaded by the tests). Every member is a
/// name-value pair, so XML archives work.
///
/// @warning Binary archives are for **trusted data only**: they are not
///          portable between architectures and Boost does not validate them.
///          Text and XML archives report malformed input as exceptions, which
///          `read_boost` turns into `ParseError`. See `docs/format-boost.md`.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

#include <boost/serialization/base_object.hpp>
#include <boost/serialization/map.hpp>
#include <boost/serialization/nvp.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/vector.hpp>
#include <boost/serialization/version.hpp>

#include <hrnews/collection.hpp>
#include <hrnews/error.hpp>
#include <hrnews/options.hpp>

namespace hrnews {

/// The three kinds of Boost archive hrnews reads and writes.
enum class ArchiveKind {
  text,    ///< `boost-text`: `boost::archive::text_oarchive`, portable text
  binary,  ///< `boost-binary`: `boost::archive::binary_oarchive`, trusted data only, not portable
  xml,     ///< `boost-xml`: `boost::archive::xml_oarchive`
};

/// The format id of an archive kind: `"boost-text"`, `"boost-binary"` or `"boost-xml"`.
std::string_view to_string(ArchiveKind kind) noexcept;

/// Writes `collection` as a Boost archive of `kind` (the whole archive, with its header).
/// For `ArchiveKind::xml` the result is well-formed XML 1.0 whatever the strings hold:
/// each byte XML cannot carry (control characters, CR, invalid UTF-8, U+FFFE, U+FFFF)
/// and each byte of U+E000 is written as U+E000 and two hex digits, which
/// `read_boost` decodes (see `docs/format-boost.md`).
std::string write_boost(const Collection& collection, ArchiveKind kind);

/// Reads a Boost archive of `kind` written by `write_boost` (of this or an earlier version).
/// @throws ParseError (format `boost-text`, `boost-binary` or `boost-xml`) when the
///         archive is malformed or truncated, holds a value out of range, or
///         exceeds `options.limits` (input size, items).
Collection read_boost(std::string_view data, ArchiveKind kind, const ReadOptions& options = {});
/// Like `read_boost`, but returns the error instead of throwing it.
Result<Collection> try_read_boost(std::string_view data, ArchiveKind kind,
                                  const ReadOptions& options = {}) noexcept;

/// Helpers of the `serialize` functions; not part of the API.
namespace serialization_detail {

using boost::serialization::make_nvp;

/// An enumeration as an int, checked against its last enumerator when loading.
template <class Ar, class E>
void enumeration(Ar& ar, const char* name, E& e, E last) {
  int v = static_cast<int>(e);
  ar& make_nvp(name, v);
  if constexpr (!Ar::is_saving::value) {
    if (v < 0 || v > static_cast<int>(last)) throw std::out_of_range(std::string("enum value out of range: ") + name);
    e = static_cast<E>(v);
  }
}

/// A `std::optional`: a presence flag named `flag`, then the value named `name` when present.
template <class Ar, class T>
void optional(Ar& ar, const char* flag, const char* name, std::optional<T>& o) {
  bool present = o.has_value();
  ar& make_nvp(flag, present);
  if (!present) {
    o.reset();
    return;
  }
  if (!o) o.emplace();
  ar& make_nvp(name, *o);
}

}  // namespace serialization_detail

/// Boost.Serialization of `Text`.
template <class Ar>
void serialize(Ar& ar, Text& t, const unsigned /*version*/) {
  using boost::serialization::make_nvp;
  ar& make_nvp("value", t.value);
  serialization_detail::enumeration(ar, "type", t.type, TextType::xhtml);
}

/// Boost.Serialization of `Timestamp`: its RFC 3339 form and its raw text.
template <class Ar>
void serialize(Ar& ar, Timestamp& t, const unsigned /*version*/) {
  using boost::serialization::make_nvp;
  if constexpr (Ar::is_saving::value) {
    std::string rfc3339 = t.to_rfc3339();
    std::string raw = t.raw();
    ar& make_nvp("rfc3339", rfc3339);
    ar& make_nvp("raw", raw);
  } else {
    std::string rfc3339, raw;
    ar& make_nvp("rfc3339", rfc3339);
    ar& make_nvp("raw", raw);
    std::optional<Timestamp> parsed = Timestamp::parse_iso8601(rfc3339);
    if (!parsed) throw std::invalid_argument("\"" + rfc3339 + "\" is not a valid date");
    t = parsed->with_raw(std::move(raw));
  }
}

/// Boost.Serialization of `CaseReference`: its raw text (the parts follow from it).
template <class Ar>
void serialize(Ar& ar, CaseReference& c, const unsigned /*version*/) {
  using boost::serialization::make_nvp;
  std::string raw = c.raw();
  ar& make_nvp("raw", raw);
  if constexpr (!Ar::is_saving::value) c = CaseReference::parse(raw);
}

/// Boost.Serialization of `GeoPoint`.
template <class Ar>
void serialize(Ar& ar, GeoPoint& g, const unsigned /*version*/) {
  using boost::serialization::make_nvp;
  ar& make_nvp("lat", g.lat);
  ar& make_nvp("lon", g.lon);
}

/// Boost.Serialization of `Link`.
template <class Ar>
void serialize(Ar& ar, Link& l, const unsigned /*version*/) {
  using boost::serialization::make_nvp;
  ar& make_nvp("href", l.href);
  ar& make_nvp("rel", l.rel);
  ar& make_nvp("type", l.type);
  ar& make_nvp("hreflang", l.hreflang);
  ar& make_nvp("title", l.title);
  serialization_detail::optional(ar, "has_length", "length", l.length);
}

/// Boost.Serialization of `Person`.
template <class Ar>
void serialize(Ar& ar, Person& p, const unsigned /*version*/) {
  using boost::serialization::make_nvp;
  ar& make_nvp("name", p.name);
  ar& make_nvp("email", p.email);
  ar& make_nvp("uri", p.uri);
}

/// Boost.Serialization of `Party`.
template <class Ar>
void serialize(Ar& ar, Party& p, const unsigned /*version*/) {
  using boost::serialization::make_nvp;
  serialization_detail::enumeration(ar, "kind", p.kind, PartyKind::person);
  ar& make_nvp("name", p.name);
  ar& make_nvp("role", p.role);
  ar& make_nvp("abbreviation", p.abbreviation);
  ar& make_nvp("email", p.email);
  ar& make_nvp("uri", p.uri);
}

/// Boost.Serialization of `Category`.
template <class Ar>
void serialize(Ar& ar, Category& c, const unsigned /*version*/) {
  using boost::serialization::make_nvp;
  ar& make_nvp("term", c.term);
  ar& make_nvp("scheme", c.scheme);
  ar& make_nvp("label", c.label);
}

/// Boost.Serialization of `TermRef`.
template <class Ar>
void serialize(Ar& ar, TermRef& r, const unsigned /*version*/) {
  using boost::serialization::make_nvp;
  ar& make_nvp("scheme", r.scheme);
  ar& make_nvp("code", r.code);
}

/// Boost.Serialization of `Attachment`.
template <class Ar>
void serialize(Ar& ar, Attachment& a, const unsigned /*version*/) {
  using boost::serialization::make_nvp;
  ar& make_nvp("url", a.url);
  ar& make_nvp("type", a.type);
  serialization_detail::optional(ar, "has_length", "length", a.length);
  ar& make_nvp("title", a.title);
}

/// Boost.Serialization of `Relation`.
template <class Ar>
void serialize(Ar& ar, Relation& r, const unsigned /*version*/) {
  using boost::serialization::make_nvp;
  serialization_detail::enumeration(ar, "rel", r.rel, RelationType::related);
  ar& make_nvp("id_or_url", r.id_or_url);
}

/// Boost.Serialization of `Event`.
template <class Ar>
void serialize(Ar& ar, Event& e, const unsigned /*version*/) {
  using boost::serialization::make_nvp;
  serialization_detail::optional(ar, "has_start", "start", e.start);
  serialization_detail::optional(ar, "has_end", "end", e.end);
  ar& make_nvp("location", e.location);
}

/// Boost.Serialization of `Article`. Version 2 added `language_inferred` (false when loading version 1).
template <class Ar>
void serialize(Ar& ar, Article& a, const unsigned version) {
  using boost::serialization::make_nvp;
  namespace d = serialization_detail;
  ar& make_nvp("id", a.id);
  ar& make_nvp("url", a.url);
  ar& make_nvp("links", a.links);
  ar& make_nvp("title", a.title);
  d::optional(ar, "has_summary", "summary", a.summary);
  d::optional(ar, "has_content", "content", a.content);
  d::optional(ar, "has_published", "published", a.published);
  d::optional(ar, "has_updated", "updated", a.updated);
  ar& make_nvp("language", a.language);
  if (version >= 2) {
    ar& make_nvp("language_inferred", a.language_inferred);
  } else if constexpr (!Ar::is_saving::value) {
    a.language_inferred = false;
  }
  ar& make_nvp("authors", a.authors);
  ar& make_nvp("publishers", a.publishers);
  ar& make_nvp("categories", a.categories);
  ar& make_nvp("subjects", a.subjects);
  ar& make_nvp("countries", a.countries);
  ar& make_nvp("regions", a.regions);
  d::optional(ar, "has_geo", "geo", a.geo);
  ar& make_nvp("campaigns", a.campaigns);
  ar& make_nvp("related", a.related);
  ar& make_nvp("attachments", a.attachments);
  d::optional(ar, "has_rights", "rights", a.rights);
  ar& make_nvp("dateline", a.dateline);
  d::optional(ar, "has_event", "event", a.event);
  ar& make_nvp("extensions", a.extensions);
}

/// Boost.Serialization of `Victim`.
template <class Ar>
void serialize(Ar& ar, Victim& v, const unsigned /*version*/) {
  using boost::serialization::make_nvp;
  ar& make_nvp("name", v.name);
  ar& make_nvp("role", v.role);
  ar& make_nvp("organisation", v.organisation);
  ar& make_nvp("gender", v.gender);
  ar& make_nvp("status", v.status);
}

/// Boost.Serialization of `Addressee`.
template <class Ar>
void serialize(Ar& ar, Addressee& a, const unsigned /*version*/) {
  using boost::serialization::make_nvp;
  ar& make_nvp("name", a.name);
  ar& make_nvp("title", a.title);
  ar& make_nvp("institution", a.institution);
  ar& make_nvp("address", a.address);
  ar& make_nvp("email", a.email);
  ar& make_nvp("fax", a.fax);
  ar& make_nvp("phone", a.phone);
}

/// Boost.Serialization of `Intervention`: its `Article` part, then its own members.
template <class Ar>
void serialize(Ar& ar, Intervention& iv, const unsigned /*version*/) {
  using boost::serialization::make_nvp;
  namespace d = serialization_detail;
  ar& make_nvp("article", boost::serialization::base_object<Article>(iv));
  d::optional(ar, "has_case_ref", "case_ref", iv.case_ref);
  d::enumeration(ar, "intervention_type", iv.intervention_type, InterventionType::other);
  bool has_status = iv.status.has_value();
  ar& make_nvp("has_status", has_status);
  if (has_status) {
    CaseStatus s = iv.status.value_or(CaseStatus::open);
    d::enumeration(ar, "status", s, CaseStatus::closed);
    iv.status = s;
  } else {
    iv.status.reset();
  }
  ar& make_nvp("victims", iv.victims);
  ar& make_nvp("violations", iv.violations);
  ar& make_nvp("requested_actions", iv.requested_actions);
  ar& make_nvp("addressees", iv.addressees);
  d::optional(ar, "has_deadline", "deadline", iv.deadline);
  ar& make_nvp("follows", iv.follows);
}

/// Boost.Serialization of an `Item`: its kind (0 article, 1 intervention), then the value.
template <class Ar>
void serialize(Ar& ar, Item& item, const unsigned /*version*/) {
  using boost::serialization::make_nvp;
  ItemKind kind = kind_of(item);
  serialization_detail::enumeration(ar, "kind", kind, ItemKind::intervention);
  if constexpr (!Ar::is_saving::value) {
    if (kind != kind_of(item)) {
      if (kind == ItemKind::article) {
        item.template emplace<Article>();
      } else {
        item.template emplace<Intervention>();
      }
    }
  }
  if (kind == ItemKind::article) {
    ar& make_nvp("article", *std::get_if<Article>(&item));
  } else {
    ar& make_nvp("intervention", *std::get_if<Intervention>(&item));
  }
}

/// Boost.Serialization of `Campaign`.
template <class Ar>
void serialize(Ar& ar, Campaign& c, const unsigned /*version*/) {
  using boost::serialization::make_nvp;
  namespace d = serialization_detail;
  ar& make_nvp("id", c.id);
  ar& make_nvp("name", c.name);
  ar& make_nvp("title", c.title);
  d::optional(ar, "has_summary", "summary", c.summary);
  ar& make_nvp("url", c.url);
  bool has_status = c.status.has_value();
  ar& make_nvp("has_status", has_status);
  if (has_status) {
    CampaignStatus s = c.status.value_or(CampaignStatus::planned);
    d::enumeration(ar, "status", s, CampaignStatus::closed);
    c.status = s;
  } else {
    c.status.reset();
  }
  d::optional(ar, "has_start", "start", c.start);
  d::optional(ar, "has_end", "end", c.end);
  ar& make_nvp("organisers", c.organisers);
  ar& make_nvp("hashtags", c.hashtags);
  ar& make_nvp("subjects", c.subjects);
  ar& make_nvp("countries", c.countries);
  ar& make_nvp("items", c.items);
  ar& make_nvp("calls_to_action", c.calls_to_action);
  ar& make_nvp("extensions", c.extensions);
}

/// Boost.Serialization of `Mapping`.
template <class Ar>
void serialize(Ar& ar, Mapping& m, const unsigned /*version*/) {
  using boost::serialization::make_nvp;
  serialization_detail::enumeration(ar, "kind", m.kind, MappingKind::related);
  ar& make_nvp("uri", m.uri);
}

/// Boost.Serialization of `Term`.
template <class Ar>
void serialize(Ar& ar, Term& t, const unsigned /*version*/) {
  using boost::serialization::make_nvp;
  ar& make_nvp("code", t.code);
  ar& make_nvp("uri", t.uri);
  ar& make_nvp("labels", t.labels);
  ar& make_nvp("alt_labels", t.alt_labels);
  ar& make_nvp("definition", t.definition);
  ar& make_nvp("broader", t.broader);
  ar& make_nvp("mappings", t.mappings);
  ar& make_nvp("deprecated", t.deprecated);
}

/// Boost.Serialization of `Scheme`.
template <class Ar>
void serialize(Ar& ar, Scheme& s, const unsigned /*version*/) {
  using boost::serialization::make_nvp;
  ar& make_nvp("id", s.id);
  ar& make_nvp("uri", s.uri);
  ar& make_nvp("title", s.title);
  ar& make_nvp("terms", s.terms);
}

/// Boost.Serialization of `Diagnostic`.
template <class Ar>
void serialize(Ar& ar, Diagnostic& d, const unsigned /*version*/) {
  using boost::serialization::make_nvp;
  serialization_detail::enumeration(ar, "severity", d.severity, Severity::error);
  ar& make_nvp("code", d.code);
  ar& make_nvp("message", d.message);
  std::optional<std::uint64_t> line, column;
  if (d.line) line = *d.line;
  if (d.column) column = *d.column;
  serialization_detail::optional(ar, "has_line", "line", line);
  serialization_detail::optional(ar, "has_column", "column", column);
  if constexpr (!Ar::is_saving::value) {
    d.line.reset();
    d.column.reset();
    if (line) d.line = static_cast<std::size_t>(*line);
    if (column) d.column = static_cast<std::size_t>(*column);
  }
  ar& make_nvp("path", d.path);
}

/// Boost.Serialization of `Feed`.
template <class Ar>
void serialize(Ar& ar, Feed& f, const unsigned /*version*/) {
  using boost::serialization::make_nvp;
  namespace d = serialization_detail;
  ar& make_nvp("id", f.id);
  ar& make_nvp("title", f.title);
  d::optional(ar, "has_subtitle", "subtitle", f.subtitle);
  ar& make_nvp("url", f.url);
  ar& make_nvp("links", f.links);
  ar& make_nvp("language", f.language);
  d::optional(ar, "has_updated", "updated", f.updated);
  ar& make_nvp("publishers", f.publishers);
  ar& make_nvp("generator", f.generator);
  d::optional(ar, "has_rights", "rights", f.rights);
  ar& make_nvp("icon", f.icon);
  ar& make_nvp("source_format", f.source_format);
  ar& make_nvp("extensions", f.extensions);
}

/// Boost.Serialization of `Collection`. Version 2 has the same members as version 1; it marks
/// the XML archives of `write_boost`, whose strings are encoded to be well-formed XML.
template <class Ar>
void serialize(Ar& ar, Collection& c, const unsigned /*version*/) {
  using boost::serialization::make_nvp;
  ar& make_nvp("feed", c.feed);
  ar& make_nvp("items", c.items);
  ar& make_nvp("campaigns", c.campaigns);
  ar& make_nvp("schemes", c.schemes);
  ar& make_nvp("diagnostics", c.diagnostics);
  ar& make_nvp("extensions", c.extensions);
}

}  // namespace hrnews

// Version 1 of every class wrote the archives in tests/data/archives/v1/; Article is at version 2
// (language_inferred); Collection is at version 2 (same members; `write_boost` encodes the bytes
// XML cannot carry in XML archives of version 2, see docs/format-boost.md). Bump a version when a class changes, and load older versions.
BOOST_CLASS_VERSION(hrnews::Text, 1)
BOOST_CLASS_VERSION(hrnews::Timestamp, 1)
BOOST_CLASS_VERSION(hrnews::CaseReference, 1)
BOOST_CLASS_VERSION(hrnews::GeoPoint, 1)
BOOST_CLASS_VERSION(hrnews::Link, 1)
BOOST_CLASS_VERSION(hrnews::Person, 1)
BOOST_CLASS_VERSION(hrnews::Party, 1)
BOOST_CLASS_VERSION(hrnews::Category, 1)
BOOST_CLASS_VERSION(hrnews::TermRef, 1)
BOOST_CLASS_VERSION(hrnews::Attachment, 1)
BOOST_CLASS_VERSION(hrnews::Relation, 1)
BOOST_CLASS_VERSION(hrnews::Event, 1)
BOOST_CLASS_VERSION(hrnews::Article, 2)
BOOST_CLASS_VERSION(hrnews::Victim, 1)
BOOST_CLASS_VERSION(hrnews::Addressee, 1)
BOOST_CLASS_VERSION(hrnews::Intervention, 1)
BOOST_CLASS_VERSION(hrnews::Item, 1)
BOOST_CLASS_VERSION(hrnews::Campaign, 1)
BOOST_CLASS_VERSION(hrnews::Mapping, 1)
BOOST_CLASS_VERSION(hrnews::Term, 1)
BOOST_CLASS_VERSION(hrnews::Scheme, 1)
BOOST_CLASS_VERSION(hrnews::Diagnostic, 1)
BOOST_CLASS_VERSION(hrnews::Feed, 1)
BOOST_CLASS_VERSION(hrnews::Collection, 2)
