// SPDX-License-Identifier: Apache-2.0
/// @file json.hpp
/// @brief The canonical JSON format (`json`): lossless reading and writing of a `Collection`.
///
/// The shape is documented in `docs/format-json.md` and by the JSON Schema
/// `docs/schema/hrnews.schema.json`. This header does not expose nlohmann/json;
/// include `hrnews/nlohmann.hpp` for `to_json`/`from_json` on every type.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include <hrnews/collection.hpp>
#include <hrnews/error.hpp>
#include <hrnews/options.hpp>

namespace hrnews {

/// Reads a canonical JSON document.
/// @throws ParseError with line and column for syntax errors, and with the JSON
///         path (`/items/3/published`) for semantic ones (missing id, bad date,
///         unknown enum value, wrong type), or when a limit is exceeded.
Collection read_json(std::string_view json, const ReadOptions& options = {});
/// Like `read_json`, but returns the error instead of throwing it.
Result<Collection> try_read_json(std::string_view json, const ReadOptions& options = {}) noexcept;

/// Writes a canonical JSON document (UTF-8; invalid UTF-8 in the model is replaced by U+FFFD).
std::string write_json(const Collection& collection, const WriteOptions& options = {});
/// Writes a canonical JSON document to a stream.
void write_json(const Collection& collection, std::ostream& out, const WriteOptions& options = {});

/// Reads one taxonomy scheme from JSON (the `schemes[]` shape).
/// @throws ParseError as `read_json` does.
Scheme read_scheme_json(std::string_view json, const ReadOptions& options = {});
/// Writes one taxonomy scheme as JSON.
std::string write_scheme_json(const Scheme& scheme, const WriteOptions& options = {});

}  // namespace hrnews
