// SPDX-License-Identifier: Apache-2.0
/// @file rss.hpp
/// @brief The `rss` format: RSS 0.90–0.94, 2.0 and RSS 1.0 (RDF), read liberally and written losslessly.
#pragma once

#include <string>
#include <string_view>

#include <hrnews/collection.hpp>
#include <hrnews/error.hpp>
#include <hrnews/options.hpp>

namespace hrnews {

/// Reads RSS 0.90, 0.91, 0.92, 0.93, 0.94 and 2.0 (`source_format` `rss-0.91`… `rss-2.0`) and RSS 1.0 / RDF (`rdf`).
///
/// Reading is liberal: every repair is a `Diagnostic` of the returned
/// collection (or, with `options.strict`, a `ParseError`).
/// @throws ParseError when the input cannot be read as this format, or a limit is exceeded
Collection read_rss(std::string_view bytes, const ReadOptions& options = {});
/// Like `read_rss`, but returns the error instead of throwing it.
Result<Collection> try_read_rss(std::string_view bytes, const ReadOptions& options = {}) noexcept;
/// Writes RSS 2.0 with the hrnews extension namespace (`docs/format-feeds.md`). Always well-formed, whatever the model holds.
std::string write_rss(const Collection& collection, const WriteOptions& options = {});

}  // namespace hrnews
