// SPDX-License-Identifier: Apache-2.0
// Internal: steps shared by every feed reader (RSS, RDF, Atom, JSON Feed).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <hrnews/collection.hpp>
#include <hrnews/options.hpp>
#include <hrnews/timestamp.hpp>

namespace hrnews::detail {

/// Records a repair: appends a warning to `diagnostics`, or throws ParseError
/// when `options.strict` is set. `line`/`column` are 0 when unknown.
void report_repair(std::vector<Diagnostic>& diagnostics, const ReadOptions& options, std::string_view format,
                   std::string code, std::string message, std::string path = {}, std::size_t line = 0,
                   std::size_t column = 0);

/// Parses a date from a feed: `options.date_hook` first, then `Timestamp::parse`.
/// On failure records `date-unparsed` (a warning naming the text) and returns
/// nothing: an unparseable date is never replaced by "now".
std::optional<Timestamp> parse_feed_date(std::string_view text, const ReadOptions& options, std::string_view format,
                                         std::vector<Diagnostic>& diagnostics, std::string path = {},
                                         std::size_t line = 0, std::size_t column = 0);

/// The id of an item whose feed gave none: its URL when it has one, else
/// `urn:hrnews:item:` + 16 hex digits of the FNV-1a 64-bit hash of the title
/// text, a line feed and the raw published (or updated) date. Stable across runs and machines.
std::string derive_item_id(const Article& article);

/// Last steps of every feed reader: derive missing item ids (diagnostic
/// `id-derived`, info), and — when `options.classify` — classify items against
/// the built-in taxonomy.
void finish_feed(Collection& collection, const ReadOptions& options);

/// The first of finish_feed's steps: derives missing item ids (`id-derived`).
void derive_missing_ids(Collection& collection);

/// The rest of finish_feed's steps, after derive_missing_ids: classification
/// (when `options.classify`), relations, HTML sanitising (when asked).
void finish_items(Collection& collection, const ReadOptions& options);

/// `read_jsonfeed` for input the caller hands over: the bytes are released
/// once read (before classification), not when the read returns.
Collection read_jsonfeed_owned(std::string&& bytes, const ReadOptions& options);

}  // namespace hrnews::detail
