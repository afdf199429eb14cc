// SPDX-License-Identifier: Apache-2.0
/// @file article.hpp
/// @brief `Article`: a news item, with its relations and the event it may announce.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <hrnews/attachment.hpp>
#include <hrnews/category.hpp>
#include <hrnews/enum.hpp>
#include <hrnews/extensions.hpp>
#include <hrnews/geo.hpp>
#include <hrnews/link.hpp>
#include <hrnews/person.hpp>
#include <hrnews/text.hpp>
#include <hrnews/timestamp.hpp>

namespace hrnews {

/// How an item relates to another.
enum class RelationType {
  translation_of,  ///< `translation-of`: the same item in another language
  follow_up_of,    ///< `follow-up-of`: new information on an earlier item
  part_of,         ///< `part-of`: the item belongs to a series, campaign or dossier
  replaces,        ///< `replaces`: the item supersedes another
  related,         ///< `related`: any other connection
};

/// `"translation-of"`, `"follow-up-of"`, `"part-of"`, `"replaces"` or `"related"`.
std::string_view to_string(RelationType type) noexcept;
/// Parses a relation name.
template <>
std::optional<RelationType> from_string<RelationType>(std::string_view text) noexcept;

/// A typed pointer from an item to another item (by id or URL).
struct Relation {
  RelationType rel = RelationType::related;  ///< the kind of relation
  std::string id_or_url;                     ///< the other item's id, or its URL
};

/// Relations are equal when type and target are.
inline bool operator==(const Relation& a, const Relation& b) {
  return a.rel == b.rel && a.id_or_url == b.id_or_url;
}
/// Negation of `==`.
inline bool operator!=(const Relation& a, const Relation& b) { return !(a == b); }

/// The meeting, hearing or side event an item announces
/// ("Wednesday 18 November 2015", "10 November 2015 (10:00 - 13:00)").
struct Event {
  std::optional<Timestamp> start;  ///< when it begins (a day, or a time)
  std::optional<Timestamp> end;    ///< when it ends, if given
  std::string location;            ///< where, as free text (`Palais des Nations, Geneva`)
};

/// Events are equal when start, end and location are.
inline bool operator==(const Event& a, const Event& b) {
  return a.start == b.start && a.end == b.end && a.location == b.location;
}
/// Negation of `==`.
inline bool operator!=(const Event& a, const Event& b) { return !(a == b); }

/// A news item: statement, report, event announcement, press release…
///
/// Every string field is optional in the sense that empty means absent; `id`
/// is required by every writer. Lists keep document order.
struct Article {
  std::string id;                         ///< stable identifier (guid, atom:id, or derived)
  std::string url;                        ///< the item's web page
  std::vector<Link> links;                ///< other links (alternates, translations, self…)
  Text title;                             ///< headline, with its country prefix as published
  std::optional<Text> summary;            ///< teaser or abstract
  std::optional<Text> content;            ///< full body
  std::optional<Timestamp> published;     ///< first publication
  std::optional<Timestamp> updated;       ///< last change
  std::string language;                   ///< BCP 47 tag, e.g. `en`, `fr`
  /// True when `language` was not declared by the source but inferred from the
  /// item's text by classification (`identify_language`); a declared language is
  /// never replaced by an inferred one (see `classify.hpp`).
  bool language_inferred = false;
  std::vector<Person> authors;            ///< authors as the source names them
  std::vector<Party> publishers;          ///< publishing organisations, co-signatories…
  std::vector<Category> categories;       ///< raw categories as found
  std::vector<TermRef> subjects;          ///< resolved terms: themes, genre, mechanisms, violations
  std::vector<std::string> countries;     ///< ISO 3166-1 alpha-2 codes, upper case
  std::vector<std::string> regions;       ///< region codes that are not countries, e.g. `EU`
  std::optional<GeoPoint> geo;            ///< a position, when the source gives one
  std::vector<std::string> campaigns;     ///< ids of the campaigns the item belongs to
  std::vector<Relation> related;          ///< relations to other items
  std::vector<Attachment> attachments;    ///< enclosures, PDFs
  std::optional<Text> rights;             ///< copyright or licence statement
  std::string dateline;                   ///< place line, e.g. `Geneva-Paris`
  std::optional<Event> event;             ///< the event the item announces
  Extensions extensions;                  ///< unknown source members, kept for the round trip
};

/// Articles are equal when every field is.
bool operator==(const Article& a, const Article& b);
/// Negation of `==`.
inline bool operator!=(const Article& a, const Article& b) { return !(a == b); }

}  // namespace hrnews
