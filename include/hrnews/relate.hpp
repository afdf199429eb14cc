// SPDX-License-Identifier: Apache-2.0
/// @file relate.hpp
/// @brief Relations between the items of a collection (follow-ups, translations)
/// and links from items to user-declared campaigns.
///
/// `relate` runs after `classify` when a feed is read (unless
/// `ReadOptions::classify` is off) and can be called on its own. It works on
/// one collection at a time and never reaches outside it:
///
/// 1. **Case references.** Each item's reference is its `case_ref` (an
///    intervention), else the first Observatory or Amnesty reference found in
///    its title, summary, categories or (interventions) the first 8 KB of its content. An
///    intervention without a `case_ref` gets the one found.
/// 2. **Versions of a case.** Items whose references name the same case
///    (`CaseReference::same_case`) form a case. Within a case, a *version* is
///    the set of items with the same follow-up number (`.n` of an Observatory
///    reference, "Further information on UA …") and the same *follow-up mark*
///    (intervention type `follow-up`, genre `follow-up`, or a title saying
///    `Follow-up`, `Follow up`, `Further information`, `Update`, `Suivi`,
///    `Nouvelles informations`, `Seguimiento`, `Actualización`).
/// 3. **Translations.** Items of one version in different languages, items
///    whose URLs differ only by a language marker (a path segment `/fr/`, a
///    suffix `-fr`, `_fr`, `.fr` before an optional extension, a query
///    `lang=fr`), and items linked by a `rel="alternate"` link with `hreflang`
///    to each other's URL are translations of one another. Of each group, one
///    item is the original: the first in document order whose language is the
///    feed's, else the first whose language was not inferred, else the first.
///    Every other member gets `{translation-of, original id}` in `related`.
/// 4. **Follow-ups.** Versions are ordered by (follow-up number, mark); every
///    item of a later version follows an item of the version before it — the
///    one in its own language, else that version's original. It gets
///    `{follow-up-of, id}` in `related` and, as an intervention without one,
///    `follows` = that id. So follow-ups chain back to the first appeal.
///
/// Nothing already present is added again: relating twice changes nothing.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <hrnews/campaign.hpp>
#include <hrnews/case_reference.hpp>
#include <hrnews/collection.hpp>

namespace hrnews {

/// What `relate` does; everything is on by default.
struct RelateOptions {
  bool case_references = true;  ///< give interventions the reference found in their text
  bool translations = true;     ///< group translations (`translation-of`)
  bool follow_ups = true;       ///< chain follow-ups (`follow-up-of`, `follows`)
};

/// What `relate` added.
struct RelateResult {
  std::size_t case_references = 0;  ///< interventions that got a `case_ref`
  std::size_t translations = 0;     ///< `translation-of` relations added
  std::size_t follow_ups = 0;       ///< `follow-up-of` relations added
};

/// Relates the items of `collection` (see the file documentation). Idempotent.
RelateResult relate(Collection& collection, const RelateOptions& options = {});

/// The case reference of `item`: its `case_ref`, else the first Observatory or
/// Amnesty reference in its title, summary, categories or, for an intervention,
/// the first 8 KB of its content.
std::optional<CaseReference> item_case_reference(const Item& item);

/// A URL split into its language marker and the rest.
struct UrlLanguage {
  std::string stem;      ///< the URL with the marker replaced by `*`
  std::string language;  ///< the marker, lower case (`fr`, `pt-br`)
};

/// Finds a language marker in `url`: a path segment that is a language tag
/// (`/fr/`, `/es-419/`), a suffix of the last segment (`…-fr`, `…_fr`,
/// `….fr.html`) or a query parameter `lang`, `hl` or `language`. Only the
/// languages of `identifiable_languages()` and a few more common ones (`ca`,
/// `tr`, `pl`, `sv`) count. Nothing when there is none.
std::optional<UrlLanguage> split_url_language(std::string_view url);

/// True when `title` says the item is a follow-up (`Follow-up`, `Update`,
/// `Suivi`, `Seguimiento`… as whole words, any case and accents).
bool title_says_follow_up(std::string_view title);

/// Reads user-declared campaigns: a JSON array of campaigns, or an object whose
/// member `campaigns` is one, each in the canonical JSON form of a `Campaign`
/// (`docs/campaigns.md`).
/// @throws ParseError (format `campaigns`) naming the path of the bad value
std::vector<Campaign> read_campaigns(std::string_view json, const std::string& file_name = {});

/// Links the items of `collection` to the `campaigns` they mention: by the
/// campaign's `name` or `title` as a whole phrase (case, accents and
/// punctuation do not matter) in the item's title, summary, content or
/// categories, or by one of its `hashtags` (`#Stand4HRD`, any case) in that
/// text or as a category. A matched item gets the campaign id in `campaigns`;
/// the campaign is added to `collection.campaigns` (or the one with that id
/// there is used) and gets the item id in `items`. Idempotent.
/// @return the number of item–campaign links added
std::size_t match_campaigns(Collection& collection, const std::vector<Campaign>& campaigns);

}  // namespace hrnews
