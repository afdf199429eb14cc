// SPDX-License-Identifier: Apache-2.0
// Splicing canonical JSON and JSON Lines output from pieces written apart
// (see hrnews/splice.hpp). The pieces use the same writer and member order as
// write_json and write_jsonl, so the joined bytes are theirs.

#include <hrnews/splice.hpp>

#include <algorithm>
#include <ostream>
#include <stdexcept>
#include <string>

#include "json_detail.hpp"

namespace hrnews {
namespace {

using json_detail::Writer;

enum class Kind { json, jsonl };

Kind kind_of_format(std::string_view format) {
  if (format == "json") return Kind::json;
  if (format == "jsonl") return Kind::jsonl;
  throw std::invalid_argument("cannot splice format \"" + std::string(format) + "\" (json or jsonl)");
}

int indent_for(Kind kind, const WriteOptions& options) {
  if (kind == Kind::jsonl) return -1;
  return options.pretty ? std::max(0, options.indent) : -1;
}

/// The level of the `items` array's elements in a canonical JSON document.
constexpr std::size_t items_level = 2;

}  // namespace

bool can_splice(std::string_view format) noexcept { return format == "json" || format == "jsonl"; }

std::string write_items_piece(const std::vector<Item>& items, std::string_view format, const WriteOptions& options) {
  std::string out;
  write_items_piece(items, format, out, options);
  return out;
}

void write_items_piece(const std::vector<Item>& items, std::string_view format, std::string& out,
                       const WriteOptions& options) {
  const Kind kind = kind_of_format(format);
  // Room for typical items up front: growing a piece of megabytes by doubling
  // would copy it again and again. Untouched room costs no memory.
  constexpr std::size_t typical_item = 4096;
  constexpr std::size_t most = std::size_t{64} << 20;
  out.reserve(out.size() + std::min(most, (items.size() + 1) * typical_item));
  Writer w(out, indent_for(kind, options));
  if (kind == Kind::json) {
    w.resume_in_array(items_level);
    for (const Item& item : items) json_detail::write_item(w, item);
  } else {
    for (const Item& item : items) {
      json_detail::write_item(w, item);
      out.push_back('\n');
    }
  }
}

struct SplicedWriter::State {
  State(std::ostream& out, Kind format, const WriteOptions& options)
      : sink(out), kind(format), pretty(options.pretty), w(buffer, indent_for(format, options), &out) {}
  std::ostream& sink;
  Kind kind;
  bool pretty;
  std::string buffer;
  Writer w;
  bool items_open = false;  // json: the `items` member was started

  void open_items() {
    if (kind != Kind::json || items_open) return;
    w.key("items");
    w.begin_array();
    items_open = true;
  }
};

SplicedWriter::SplicedWriter(std::ostream& out, std::string_view format, const Feed& feed,
                             const Extensions& extensions, const WriteOptions& options)
    : state_(std::make_unique<State>(out, kind_of_format(format), options)) {
  if (state_->kind == Kind::json) {
    json_detail::write_document_head(state_->w, feed);
  } else {
    json_detail::write_jsonl_header(state_->w, feed, extensions);
    state_->buffer.push_back('\n');
  }
  state_->w.maybe_flush();
}

SplicedWriter::~SplicedWriter() = default;

void SplicedWriter::write(const std::vector<Item>& items) {
  State& s = *state_;
  if (items.empty()) return;
  s.open_items();
  for (const Item& item : items) {
    json_detail::write_item(s.w, item);
    if (s.kind == Kind::jsonl) s.buffer.push_back('\n');
    s.w.maybe_flush();
  }
}

void SplicedWriter::write_piece(std::string_view piece) {
  State& s = *state_;
  if (piece.empty()) return;
  s.open_items();
  if (s.kind == Kind::json) s.w.piece_separator();
  s.w.flush();
  s.sink.write(piece.data(), static_cast<std::streamsize>(piece.size()));
}

void SplicedWriter::flush() {
  state_->w.flush();
  state_->sink.flush();
}

void SplicedWriter::finish(const std::vector<Campaign>& campaigns, const std::vector<Scheme>& schemes,
                           const std::vector<Diagnostic>& diagnostics, const Extensions& extensions) {
  State& s = *state_;
  if (s.kind == Kind::json) {
    if (s.items_open) s.w.end_array();
    json_detail::write_document_tail(s.w, campaigns, schemes, diagnostics, extensions);
    if (s.pretty) s.buffer.push_back('\n');
  } else {
    for (const Campaign& campaign : campaigns) {
      json_detail::write_campaign(s.w, campaign, true);
      s.buffer.push_back('\n');
      s.w.maybe_flush();
    }
    for (const Scheme& scheme : schemes) {
      json_detail::write_scheme(s.w, scheme, true);
      s.buffer.push_back('\n');
      s.w.maybe_flush();
    }
    for (const Diagnostic& d : diagnostics) {
      json_detail::write_diagnostic(s.w, d, true);
      s.buffer.push_back('\n');
      s.w.maybe_flush();
    }
  }
  s.w.flush();
  s.sink.flush();
}

}  // namespace hrnews
