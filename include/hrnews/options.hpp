// SPDX-License-Identifier: Apache-2.0
/// @file options.hpp
/// @brief `ReadOptions`, `WriteOptions` and `Limits` shared by every format.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <hrnews/timestamp.hpp>

namespace hrnews {

/// Bounds that keep hostile input from exhausting time or memory.
/// Exceeding one is a `ParseError` naming the limit.
struct Limits {
  std::size_t max_input_bytes = std::size_t{512} << 20;   ///< whole input (streaming: one line), default 512 MiB
  std::size_t max_depth = 256;                            ///< nesting of objects/arrays/elements
  std::size_t max_items = 5'000'000;                      ///< items in one collection
  std::size_t max_string_bytes = std::size_t{64} << 20;   ///< one string value, default 64 MiB
};

/// A caller-supplied date parser, tried before the built-in ones; returns
/// `std::nullopt` to let the built-in parsers try.
using DateHook = std::function<std::optional<Timestamp>(std::string_view text)>;

/// How to read.
struct ReadOptions {
  std::string file_name;  ///< name used in messages (empty: `<input>`)
  std::string base_url;   ///< base for relative URLs when the input gives none
  std::string charset;    ///< character set to assume when the input declares none (feed formats)
  bool strict = false;    ///< turn repairs into errors
  bool classify = true;   ///< resolve categories against the built-in taxonomy (feed formats)
  bool sanitize_html = false;  ///< pass HTML text through `hrnews::html::sanitize` (feed formats)
  DateHook date_hook;     ///< extra date parser for feed formats, tried first
  Limits limits;          ///< resource bounds
};

/// How to write.
struct WriteOptions {
  bool pretty = true;  ///< indent and break lines (canonical JSON / XML); JSONL is always one line per record
  int indent = 2;      ///< spaces per level when pretty
};

}  // namespace hrnews
