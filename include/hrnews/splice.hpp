// SPDX-License-Identifier: Apache-2.0
/// @file splice.hpp
/// @brief One document written from pieces made apart: the items of several
/// collections serialized in parallel, then joined in order into one output.
///
/// For the formats that `can_splice` accepts, the bytes written by a
/// `SplicedWriter` equal those of `write` for the collection that holds the
/// same feed, the items of every piece in order, and the campaigns, schemes,
/// diagnostics and extensions given to `finish`.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <hrnews/collection.hpp>
#include <hrnews/options.hpp>

namespace hrnews {

/// Whether the items of `format` can be written apart and spliced (`json`, `jsonl`).
bool can_splice(std::string_view format) noexcept;

/// Serializes `items` as a piece of the output of `format` (not a document of
/// its own), for `SplicedWriter::write_piece` with the same format and options.
/// @throws std::invalid_argument for a format that `can_splice` refuses
std::string write_items_piece(const std::vector<Item>& items, std::string_view format,
                              const WriteOptions& options = {});
/// Like the other overload, but appends the piece to `out`, so that a buffer
/// (and the memory it holds) can serve piece after piece.
/// @throws std::invalid_argument for a format that `can_splice` refuses
void write_items_piece(const std::vector<Item>& items, std::string_view format, std::string& out,
                       const WriteOptions& options = {});

/// Writes one document of `format` to a stream: the start at construction,
/// then items (directly or as pieces made by `write_items_piece`) in order,
/// then the rest with `finish`. Output goes to the stream as it is made.
class SplicedWriter {
 public:
  /// Writes the start of the document: for `json` the version and the `feed`
  /// member; for `jsonl` the header line, which also holds `extensions`.
  /// @throws std::invalid_argument for a format that `can_splice` refuses
  SplicedWriter(std::ostream& out, std::string_view format, const Feed& feed, const Extensions& extensions = {},
                const WriteOptions& options = {});
  /// Releases the writer; an unfinished document stays unfinished.
  ~SplicedWriter();
  /// Not copyable: it writes one document to one stream.
  SplicedWriter(const SplicedWriter&) = delete;
  /// Not copyable: it writes one document to one stream.
  SplicedWriter& operator=(const SplicedWriter&) = delete;

  /// Writes `items` after those written so far.
  void write(const std::vector<Item>& items);
  /// Writes a piece made by `write_items_piece` after the items written so far.
  void write_piece(std::string_view piece);
  /// Passes everything written so far on to the stream and flushes it, so
  /// that a reader of the stream has it now (say, after each input).
  void flush();
  /// Writes the end of the document: campaigns, schemes, diagnostics and (for
  /// `json`) the document's `extensions`; then flushes the stream. For `jsonl`
  /// the extensions are those given at construction and `extensions` is unused.
  void finish(const std::vector<Campaign>& campaigns, const std::vector<Scheme>& schemes,
              const std::vector<Diagnostic>& diagnostics, const Extensions& extensions);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace hrnews
