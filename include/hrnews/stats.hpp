// SPDX-License-Identifier: Apache-2.0
/// @file stats.hpp
/// @brief `Stats`: counts of a collection's items by kind, genre, country, theme, language and month.
#pragma once

#include <cstddef>
#include <map>
#include <string>

#include <hrnews/collection.hpp>

namespace hrnews {

/// Counts over the items of one or more collections.
///
/// Themes and genres are the codes of `subjects` in schemes `theme` and
/// `genre`; countries are alpha-2 codes and regions their codes; the month is
/// `YYYY-MM` of `published` (local to its offset); violations are the codes of
/// scheme `violation` in `subjects` and in an intervention's `violations`. An item without a language
/// of its own counts under its feed's language; items lacking any other value are
/// counted under `"(none)"`.
struct Stats {
  std::size_t items = 0;                           ///< number of items
  std::size_t campaigns = 0;                       ///< number of campaigns
  std::size_t diagnostics = 0;                     ///< number of diagnostics
  std::map<std::string, std::size_t> by_kind;      ///< `article`, `intervention`
  std::map<std::string, std::size_t> by_genre;     ///< genre codes
  std::map<std::string, std::size_t> by_country;   ///< ISO 3166-1 country codes (regions are counted in `by_region`)
  std::map<std::string, std::size_t> by_theme;     ///< theme codes
  std::map<std::string, std::size_t> by_language;  ///< language tags
  std::map<std::string, std::size_t> by_month;     ///< `YYYY-MM`
  std::map<std::string, std::size_t> by_region;    ///< region codes (`EU`, …); `(none)` for items without
  std::map<std::string, std::size_t> by_violation; ///< violation codes (subjects and intervention violations)
  /// Where each item's language comes from: `declared` (the item's own),
  /// `inferred` (`Article::language_inferred`), `feed` (none of its own: the
  /// feed's) or `(none)`.
  std::map<std::string, std::size_t> by_language_source;
  std::map<std::string, std::size_t> by_campaign;  ///< campaign ids (`Article::campaigns`)

  /// Adds the counts of `collection`.
  void add(const Collection& collection);
  /// Adds the counts of another `Stats`.
  void merge(const Stats& other);
};

/// Counts over one collection.
Stats compute_stats(const Collection& collection);

/// The stats as a plain-text table for a terminal (one screen for a typical feed).
std::string format_stats_table(const Stats& stats);
/// The stats as a JSON object (`{"items": 16, "by_kind": {…}, …}`).
std::string format_stats_json(const Stats& stats);

}  // namespace hrnews
