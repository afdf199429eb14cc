// SPDX-License-Identifier: Apache-2.0
/// @file collection.hpp
/// @brief `Collection`: what a feed or file holds — metadata, items, campaigns, schemes, diagnostics.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <hrnews/article.hpp>
#include <hrnews/campaign.hpp>
#include <hrnews/diagnostic.hpp>
#include <hrnews/enum.hpp>
#include <hrnews/extensions.hpp>
#include <hrnews/intervention.hpp>
#include <hrnews/link.hpp>
#include <hrnews/person.hpp>
#include <hrnews/taxonomy.hpp>
#include <hrnews/text.hpp>
#include <hrnews/timestamp.hpp>

namespace hrnews {

/// An item of a collection: a plain article or an intervention.
using Item = std::variant<Article, Intervention>;

/// The kind of an item.
enum class ItemKind {
  article,       ///< `article`
  intervention,  ///< `intervention`
};

/// `"article"` or `"intervention"`.
std::string_view to_string(ItemKind kind) noexcept;
/// Parses `"article"` or `"intervention"`.
template <>
std::optional<ItemKind> from_string<ItemKind>(std::string_view text) noexcept;

/// The kind of `item`.
inline ItemKind kind_of(const Item& item) noexcept {
  return item.index() == 0 ? ItemKind::article : ItemKind::intervention;
}
/// The article part of any item (an intervention is an article).
inline const Article& article_of(const Item& item) noexcept {
  return item.index() == 0 ? *std::get_if<Article>(&item)
                           : static_cast<const Article&>(*std::get_if<Intervention>(&item));
}
/// The article part of any item, for change.
inline Article& article_of(Item& item) noexcept {
  return item.index() == 0 ? *std::get_if<Article>(&item)
                           : static_cast<Article&>(*std::get_if<Intervention>(&item));
}

/// Metadata of the feed or file a collection was read from.
struct Feed {
  std::string id;                       ///< feed identifier (atom:id, or the site URL)
  Text title;                           ///< e.g. `OMCT - Latest news`
  std::optional<Text> subtitle;         ///< description or tagline
  std::string url;                      ///< the site the feed belongs to
  std::vector<Link> links;              ///< self, alternate, hub…
  std::string language;                 ///< declared BCP 47 language
  std::optional<Timestamp> updated;     ///< last change of the feed
  std::vector<Party> publishers;        ///< publishing organisations
  std::string generator;                ///< software that made the feed
  std::optional<Text> rights;           ///< copyright or licence
  std::string icon;                     ///< icon or logo URL
  std::string source_format;            ///< what it was read from: `rss-2.0`, `atom-1.0`, `json`…
  Extensions extensions;                ///< unknown source members, kept for the round trip
};

/// Feeds are equal when every field is.
bool operator==(const Feed& a, const Feed& b);
/// Negation of `==`.
inline bool operator!=(const Feed& a, const Feed& b) { return !(a == b); }

/// Everything a feed or file holds, items in document order.
struct Collection {
  Feed feed;                            ///< feed metadata
  std::vector<Item> items;              ///< articles and interventions, in document order
  std::vector<Campaign> campaigns;      ///< campaigns named by the source
  std::vector<Scheme> schemes;          ///< taxonomy schemes the source carries or uses
  std::vector<Diagnostic> diagnostics;  ///< what was repaired or ignored while reading
  Extensions extensions;                ///< unknown top-level members, kept for the round trip
};

/// Collections are equal when every field is.
bool operator==(const Collection& a, const Collection& b);
/// Negation of `==`.
inline bool operator!=(const Collection& a, const Collection& b) { return !(a == b); }

}  // namespace hrnews
