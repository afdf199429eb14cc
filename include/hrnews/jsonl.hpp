// SPDX-License-Identifier: Apache-2.0
/// @file jsonl.hpp
/// @brief JSON Lines (`jsonl`): a header line, then one record per line, read and written in constant memory.
///
/// Line 1 is `{"hrnews": "1.0", "feed": {…}}` (plus unknown top-level members).
/// Each further line is one object with a `kind`: `article` or `intervention`
/// (shaped as in canonical JSON), `campaign`, `scheme` or `diagnostic`. Blank
/// lines are skipped.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <hrnews/collection.hpp>
#include <hrnews/error.hpp>
#include <hrnews/options.hpp>

namespace hrnews {

/// One record of a JSON Lines file after the header.
using Record = std::variant<Item, Campaign, Scheme, Diagnostic>;

/// Reads a JSON Lines stream one record at a time; memory does not grow with the stream.
class JsonlReader {
 public:
  /// Reads and checks the header line.
  /// @throws ParseError when the header is missing or malformed
  explicit JsonlReader(std::istream& in, ReadOptions options = {});
  /// The feed metadata from the header.
  const Feed& feed() const noexcept { return feed_; }
  /// Unknown members of the header line.
  const Extensions& extensions() const noexcept { return extensions_; }
  /// The next record, or `std::nullopt` at the end of the stream.
  /// @throws ParseError with the line number (and column for syntax errors)
  std::optional<Record> next();
  /// The 1-based number of the line last read.
  std::size_t line() const noexcept { return line_; }

 private:
  bool read_line();
  std::istream& in_;
  ReadOptions options_;
  Feed feed_;
  Extensions extensions_;
  std::string buffer_;
  std::size_t line_ = 0;
  std::size_t items_ = 0;
};

/// Writes a JSON Lines stream: the header at construction, then one record per call.
class JsonlWriter {
 public:
  /// Writes the header line for `feed` (and `extensions` as unknown top-level members).
  JsonlWriter(std::ostream& out, const Feed& feed, const Extensions& extensions = {});
  /// Writes one record as one line.
  void write(const Record& record);
  /// Writes one item as one line.
  void write(const Item& item);

 private:
  std::ostream& out_;
};

/// Reads a whole JSON Lines document into a collection.
/// @throws ParseError as `JsonlReader` does
Collection read_jsonl(std::string_view jsonl, const ReadOptions& options = {});
/// Like `read_jsonl`, but returns the error instead of throwing it.
Result<Collection> try_read_jsonl(std::string_view jsonl, const ReadOptions& options = {}) noexcept;
/// Writes a whole collection as JSON Lines: header, items, campaigns, schemes, diagnostics.
std::string write_jsonl(const Collection& collection);
/// Writes a whole collection as JSON Lines to a stream.
void write_jsonl(const Collection& collection, std::ostream& out);

}  // namespace hrnews
