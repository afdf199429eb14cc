// SPDX-License-Identifier: Apache-2.0
/// @file reliefweb.hpp
/// @brief The `reliefweb` import: ReliefWeb API (v1, v2) report responses read
/// into a `Collection` (`docs/format-reliefweb.md`).
///
/// The input is what the API returns for `/reports` (or one report):
/// `{"data": [{"id": …, "fields": {…}}, …]}`. Each report becomes an article;
/// ReliefWeb themes and formats are mapped onto the hrnews `theme` and `genre`
/// schemes by a documented table (`reliefweb_mappings()`), and every value, mapped
/// or not, is kept as a raw category. Import only: there is no ReliefWeb writer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <hrnews/category.hpp>
#include <hrnews/collection.hpp>
#include <hrnews/error.hpp>
#include <hrnews/options.hpp>

namespace hrnews {

/// The category scheme under which ReliefWeb themes are kept.
inline constexpr std::string_view reliefweb_theme_scheme = "https://reliefweb.int/taxonomy/theme";
/// The category scheme under which ReliefWeb formats (content types) are kept.
inline constexpr std::string_view reliefweb_format_scheme = "https://reliefweb.int/taxonomy/format";

/// One row of the ReliefWeb mapping table.
struct ReliefWebMapping {
  std::string field;  ///< `theme` or `format`
  std::string label;  ///< the ReliefWeb name, e.g. `News and Press Release`
  TermRef term;       ///< the hrnews term it maps to, e.g. `{genre, press-release}`
  std::string match;  ///< SKOS relation of the mapping: `exact`, `close` or `broad`
};

/// The mapping table, in the order of docs/format-reliefweb.md. Names are matched
/// with `normalize_label` (case, accents and spacing do not matter).
const std::vector<ReliefWebMapping>& reliefweb_mappings();

/// Reads a ReliefWeb API reports response (`source_format` `reliefweb-v1`,
/// `reliefweb-v2`, or `reliefweb` when the response does not say).
///
/// Reading is liberal: a report of the wrong shape is skipped, a member of the
/// wrong type ignored, each with a `Diagnostic` naming its JSON Pointer
/// (`/data/3/fields/date/original`), or a `ParseError` with `options.strict`.
/// Values of themes and formats that the table does not map are listed in one
/// diagnostic, `reliefweb-unmapped` (info).
/// @throws ParseError for a syntax error (line and column), a response without
///         a `data` array (path), or a limit exceeded
Collection read_reliefweb(std::string_view bytes, const ReadOptions& options = {});
/// Like `read_reliefweb`, but returns the error instead of throwing it.
Result<Collection> try_read_reliefweb(std::string_view bytes, const ReadOptions& options = {}) noexcept;

}  // namespace hrnews
