// SPDX-License-Identifier: Apache-2.0
// JSON Lines (`jsonl`): a header line, then one record per line, in constant memory.

#include <hrnews/jsonl.hpp>

#include <istream>
#include <new>
#include <ostream>
#include <utility>

#include <hrnews/version.hpp>

#include "json_detail.hpp"

namespace hrnews {

namespace {

using json_detail::SaxHandler;
using json_detail::Site;
using json_detail::Tape;
using json_detail::Writer;

constexpr const char* format_id = "jsonl";

bool is_blank(std::string_view line) noexcept {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

Site site_of(const ReadOptions& options, std::size_t line, std::size_t line_offset, bool offset_known) {
  Site site;
  site.format = format_id;
  site.file = options.file_name;
  site.line = line;
  site.line_offset = line_offset;
  site.offset_known = offset_known;
  return site;
}

[[noreturn]] void fail_line_limit(const ReadOptions& options, std::size_t line) {
  SourceLocation where;
  where.line = line;
  throw ParseError(format_id,
                   "line is over the limit of " + std::to_string(options.limits.max_input_bytes) + " bytes",
                   where, {}, options.file_name);
}

[[noreturn]] void fail_no_header(const ReadOptions& options) {
  throw ParseError(format_id, "missing header line", {}, {}, options.file_name);
}

/// Reads the header line into `feed` and `extensions`.
void read_header(std::string_view line, const Site& site, const ReadOptions& options, Tape& tape, Feed& feed,
                 Extensions& extensions) {
  SaxHandler handler(SaxHandler::Mode::header, options.limits, site, line, tape);
  handler.feed = &feed;
  handler.extensions = &extensions;
  json_detail::sax_parse(line, handler);
  if (!handler.has_version) json_detail::fail(site, {}, "missing required member \"hrnews\"");
}

/// Reads one record line; counts items against the limit.
Record read_record(std::string_view line, const Site& site, const ReadOptions& options, Tape& tape,
                   std::size_t& items) {
  SaxHandler handler(SaxHandler::Mode::value, options.limits, site, line, tape);
  json_detail::sax_parse(line, handler);
  Record record = json_detail::decode_record(tape, site);
  if (record.index() == 0 && ++items > options.limits.max_items) {
    json_detail::fail(site, {}, "more than " + std::to_string(options.limits.max_items) + " items (limit max_items)");
  }
  return record;
}

void write_header(Writer& w, const Feed& feed, const Extensions& extensions) {
  w.begin_object();
  w.key("hrnews");
  w.plain_string(format_version);
  if (!json_detail::feed_is_empty(feed)) {
    w.key("feed");
    json_detail::write_feed(w, feed);
  }
  json_detail::write_extensions(w, extensions, json_detail::Owner::document);
  w.end_object();
}

void write_record(Writer& w, const Record& record) {
  switch (record.index()) {
    case 0: json_detail::write_item(w, *std::get_if<Item>(&record)); break;
    case 1: json_detail::write_campaign(w, *std::get_if<Campaign>(&record), true); break;
    case 2: json_detail::write_scheme(w, *std::get_if<Scheme>(&record), true); break;
    default: json_detail::write_diagnostic(w, *std::get_if<Diagnostic>(&record), true); break;
  }
}

template <class Write>
void write_line(std::ostream& out, Write&& write) {
  std::string line;
  Writer w(line, -1);
  write(w);
  line.push_back('\n');
  out.write(line.data(), static_cast<std::streamsize>(line.size()));
}

void write_all(Writer& w, std::string& out, const Collection& c) {
  write_header(w, c.feed, c.extensions);
  out.push_back('\n');
  for (const Item& item : c.items) {
    json_detail::write_item(w, item);
    out.push_back('\n');
    w.maybe_flush();
  }
  for (const Campaign& campaign : c.campaigns) {
    json_detail::write_campaign(w, campaign, true);
    out.push_back('\n');
    w.maybe_flush();
  }
  for (const Scheme& scheme : c.schemes) {
    json_detail::write_scheme(w, scheme, true);
    out.push_back('\n');
    w.maybe_flush();
  }
  for (const Diagnostic& d : c.diagnostics) {
    json_detail::write_diagnostic(w, d, true);
    out.push_back('\n');
    w.maybe_flush();
  }
}

}  // namespace

// ---------------------------------------------------------------------------
// Reader

JsonlReader::JsonlReader(std::istream& in, ReadOptions options) : in_(in), options_(std::move(options)) {
  do {
    if (!read_line()) fail_no_header(options_);
  } while (is_blank(buffer_));
  Tape tape;
  read_header(buffer_, site_of(options_, line_, 0, false), options_, tape, feed_, extensions_);
}

std::optional<Record> JsonlReader::next() {
  do {
    if (!read_line()) return std::nullopt;
  } while (is_blank(buffer_));
  Tape tape;
  return read_record(buffer_, site_of(options_, line_, 0, false), options_, tape, items_);
}

bool JsonlReader::read_line() {
  // istream::getline into a fixed chunk, so that one over-long line cannot make
  // the buffer grow past the limit before it is rejected.
  constexpr std::streamsize chunk_size = 8192;
  char chunk[chunk_size];
  buffer_.clear();
  bool got = false;
  for (;;) {
    in_.getline(chunk, chunk_size);
    const auto count = static_cast<std::size_t>(in_.gcount());
    if (in_.bad()) {
      SourceLocation where;
      where.line = line_ + 1;
      throw ParseError(format_id, "read error", where, {}, options_.file_name);
    }
    if (!in_.fail()) {
      // The line ended: at a newline (extracted, counted, not stored) or at the end of the input.
      const std::size_t stored = in_.eof() ? count : count - 1;
      buffer_.append(chunk, stored);
      got = true;
      break;
    }
    if (!in_.eof() && count == static_cast<std::size_t>(chunk_size - 1)) {
      // The chunk is full and the line goes on.
      in_.clear();
      buffer_.append(chunk, count);
      got = true;
      if (buffer_.size() > options_.limits.max_input_bytes) fail_line_limit(options_, line_ + 1);
      continue;
    }
    // Nothing more could be read.
    break;
  }
  if (!got) return false;
  ++line_;
  if (buffer_.size() > options_.limits.max_input_bytes) fail_line_limit(options_, line_);
  return true;
}

Collection read_jsonl(std::string_view jsonl, const ReadOptions& options) {
  Collection collection;
  Tape tape;
  bool header = false;
  std::size_t items = 0;
  std::size_t line = 0;
  std::size_t pos = 0;
  while (pos < jsonl.size()) {
    const std::size_t nl = jsonl.find('\n', pos);
    const std::size_t end = nl == std::string_view::npos ? jsonl.size() : nl;
    const std::string_view text = jsonl.substr(pos, end - pos);
    const std::size_t offset = pos;
    pos = nl == std::string_view::npos ? jsonl.size() : nl + 1;
    ++line;
    if (text.size() > options.limits.max_input_bytes) fail_line_limit(options, line);
    if (is_blank(text)) continue;
    const Site site = site_of(options, line, offset, true);
    if (!header) {
      read_header(text, site, options, tape, collection.feed, collection.extensions);
      header = true;
      continue;
    }
    Record record = read_record(text, site, options, tape, items);
    switch (record.index()) {
      case 0: collection.items.push_back(std::move(*std::get_if<Item>(&record))); break;
      case 1: collection.campaigns.push_back(std::move(*std::get_if<Campaign>(&record))); break;
      case 2: collection.schemes.push_back(std::move(*std::get_if<Scheme>(&record))); break;
      default: collection.diagnostics.push_back(std::move(*std::get_if<Diagnostic>(&record))); break;
    }
  }
  if (!header) fail_no_header(options);
  return collection;
}

Result<Collection> try_read_jsonl(std::string_view jsonl, const ReadOptions& options) noexcept {
  try {
    return read_jsonl(jsonl, options);
  } catch (const ParseError& e) {
    return e;
  } catch (const std::bad_alloc&) {
    return ParseError(format_id, "out of memory", {}, {}, options.file_name);
  } catch (const std::exception& e) {
    return ParseError(format_id, e.what(), {}, {}, options.file_name);
  }
}

// ---------------------------------------------------------------------------
// Writer

JsonlWriter::JsonlWriter(std::ostream& out, const Feed& feed, const Extensions& extensions) : out_(out) {
  write_line(out_, [&](Writer& w) { write_header(w, feed, extensions); });
}

void JsonlWriter::write(const Record& record) {
  write_line(out_, [&](Writer& w) { write_record(w, record); });
}

void JsonlWriter::write(const Item& item) {
  write_line(out_, [&](Writer& w) { json_detail::write_item(w, item); });
}

namespace json_detail {

void write_jsonl_header(Writer& w, const Feed& feed, const Extensions& extensions) {
  write_header(w, feed, extensions);
}

}  // namespace json_detail

std::string write_jsonl(const Collection& collection) {
  std::string out;
  Writer w(out, -1);
  write_all(w, out, collection);
  return out;
}

void write_jsonl(const Collection& collection, std::ostream& out) {
  std::string buffer;
  Writer w(buffer, -1, &out);
  write_all(w, buffer, collection);
  w.flush();
}

}  // namespace hrnews
