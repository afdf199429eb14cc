// SPDX-License-Identifier: Apache-2.0
/// @file jsonfeed.hpp
/// @brief The `jsonfeed` format: JSON Feed 1.0 and 1.1, read liberally and written losslessly.
#pragma once

#include <string>
#include <string_view>

#include <hrnews/collection.hpp>
#include <hrnews/error.hpp>
#include <hrnews/options.hpp>

namespace hrnews {

/// Reads JSON Feed 1.0 and 1.1 (`source_format` `jsonfeed-1.0` or `jsonfeed-1.1`).
///
/// Reading is liberal: every repair is a `Diagnostic` of the returned
/// collection (or, with `options.strict`, a `ParseError`).
/// @throws ParseError when the input cannot be read as this format, or a limit is exceeded
Collection read_jsonfeed(std::string_view bytes, const ReadOptions& options = {});
/// Like `read_jsonfeed`, but returns the error instead of throwing it.
Result<Collection> try_read_jsonfeed(std::string_view bytes, const ReadOptions& options = {}) noexcept;
/// Writes JSON Feed 1.1, hrnews fields in an `_hrnews` extension object (`docs/format-feeds.md`). Always well-formed, whatever the model holds.
std::string write_jsonfeed(const Collection& collection, const WriteOptions& options = {});

}  // namespace hrnews
