// SPDX-License-Identifier: Apache-2.0
/// @file atom.hpp
/// @brief The `atom` format: Atom 0.3 and 1.0, read liberally and written losslessly.
#pragma once

#include <string>
#include <string_view>

#include <hrnews/collection.hpp>
#include <hrnews/error.hpp>
#include <hrnews/options.hpp>

namespace hrnews {

/// Reads Atom 0.3 and 1.0 (`source_format` `atom-0.3` or `atom-1.0`).
///
/// Reading is liberal: every repair is a `Diagnostic` of the returned
/// collection (or, with `options.strict`, a `ParseError`).
/// @throws ParseError when the input cannot be read as this format, or a limit is exceeded
Collection read_atom(std::string_view bytes, const ReadOptions& options = {});
/// Like `read_atom`, but returns the error instead of throwing it.
Result<Collection> try_read_atom(std::string_view bytes, const ReadOptions& options = {}) noexcept;
/// Writes Atom 1.0, valid against RFC 4287, with the hrnews extension namespace (`docs/format-feeds.md`). Always well-formed, whatever the model holds.
std::string write_atom(const Collection& collection, const WriteOptions& options = {});

}  // namespace hrnews
