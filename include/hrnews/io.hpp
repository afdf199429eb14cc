// SPDX-License-Identifier: Apache-2.0
/// @file io.hpp
/// @brief Format-independent reading and writing: the format registry, sniffing, files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <hrnews/collection.hpp>
#include <hrnews/error.hpp>
#include <hrnews/options.hpp>

namespace hrnews {

/// What the library can do with one format.
struct FormatInfo {
  std::string id;           ///< format id as used by `read`, `write` and the CLI (`json`, `jsonl`…)
  std::string description;  ///< one line for humans
  bool can_read = false;    ///< a reader exists
  bool can_write = false;   ///< a writer exists
};

/// Every format known to this build, in a stable order.
std::vector<FormatInfo> formats();

/// Guesses the format of `data` from its content: a format id, or empty when unknown.
std::string detect_format(std::string_view data);

/// Reads `data` in `format` (detected from the content when empty).
/// @throws ParseError for bad input, an unknown format or one that cannot be read
Collection read(std::string_view data, std::string_view format = {}, const ReadOptions& options = {});
/// Like `read`, but returns the error instead of throwing it.
Result<Collection> try_read(std::string_view data, std::string_view format = {},
                            const ReadOptions& options = {}) noexcept;
/// Reads the file at `path` (its name goes into messages unless `options.file_name` is set).
/// @throws ParseError for bad input; std::system_error when the file cannot be opened
Collection read_file(const std::string& path, std::string_view format = {}, ReadOptions options = {});

/// Writes `collection` in `format`.
/// @throws std::invalid_argument for an unknown format or one that cannot be written
std::string write(const Collection& collection, std::string_view format, const WriteOptions& options = {});

}  // namespace hrnews
