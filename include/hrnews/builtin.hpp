// SPDX-License-Identifier: Apache-2.0
/// @file builtin.hpp
/// @brief The built-in vocabularies (`theme`, `genre`, `country`, `region`,
/// `mechanism`, `violation`), ways to extend them, and ISO 3166-1 code conversions.
///
/// The schemes are the JSON files of `data/taxonomy/`, compiled into the
/// library and parsed once, on first use. Their format and content are
/// described in `docs/taxonomy.md`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <hrnews/taxonomy.hpp>

namespace hrnews {

/// The ids of the built-in schemes, in taxonomy order:
/// `theme`, `genre`, `country`, `region`, `mechanism`, `violation`.
const std::vector<std::string>& builtin_scheme_ids();

/// The built-in taxonomy: every built-in scheme, parsed on first call.
///
/// Thread-safe; the object lives until the program ends and never changes, so
/// the reference may be shared freely between threads.
const Taxonomy& builtin_taxonomy();

/// A copy of the built-in schemes, to inspect, change or export.
std::vector<Scheme> builtin_schemes();

/// A copy of one built-in scheme, or nothing when `id` is not a built-in scheme.
std::optional<Scheme> builtin_scheme(std::string_view id);

/// Lays `overlay` over `base` (same id expected; `base.id` is kept):
/// - a term of `overlay` whose code is already in `base` replaces that term
///   whole (labels, definitions, mappings… are not merged), in place;
/// - other terms of `overlay` are appended, in their order;
/// - the overlay's `uri` replaces the base's when not empty; its titles are
///   added, replacing those of the same language.
Scheme merge_scheme(Scheme base, const Scheme& overlay);

/// A new taxonomy made of `base`'s schemes and `schemes`:
/// a scheme whose id is already in `base` is merged into it with `merge_scheme`
/// (so a user scheme `theme` adds or overrides theme terms), any other is
/// appended after the existing schemes, in the order given. `base` is not changed.
/// @throws std::invalid_argument when a scheme repeats a code, as `Taxonomy` does
Taxonomy extend(const Taxonomy& base, std::vector<Scheme> schemes);

/// The ISO 3166-1 alpha-2 code of the country whose alpha-3 code is `alpha3`
/// (case-insensitive): `"TUR"` → `"TR"`. Nothing for an unknown code.
std::optional<std::string> country_from_alpha3(std::string_view alpha3);

/// The ISO 3166-1 alpha-3 code of a country given by its alpha-2 code
/// (case-insensitive): `"AZ"` → `"AZE"`. Nothing for an unknown code.
std::optional<std::string> country_alpha3(std::string_view alpha2);

/// The ISO 3166-1 numeric code (three digits, as a string: `"031"`) of a country
/// given by its alpha-2 code (case-insensitive). Nothing for an unknown code.
std::optional<std::string> country_numeric(std::string_view alpha2);

}  // namespace hrnews
