// SPDX-License-Identifier: Apache-2.0
// Private to the library: the machinery shared by the canonical JSON reader and
// writer (json.cpp) and JSON Lines (jsonl.cpp).
//
// Reading: a hand-written parser (json_parse.cpp) sends the events of
// nlohmann's SAX interface to `SaxHandler`, which records one top-level value
// at a time (the feed, one item, one campaign…) on a flat `Tape` and hands it
// to a decoder that builds the model directly. No DOM is
// built and memory does not grow with the number of items beyond the model
// itself. Nesting is checked as it happens, so hostile depth never reaches a
// recursive code path.
//
// Writing: `Writer` appends JSON text to a string, members in a fixed order,
// strings escaped with invalid UTF-8 replaced by U+FFFD, as nlohmann's
// `dump(…, error_handler_t::replace)` does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <hrnews/collection.hpp>
#include <hrnews/error.hpp>
#include <hrnews/jsonl.hpp>
#include <hrnews/options.hpp>

namespace hrnews::json_detail {

// ---------------------------------------------------------------------------
// Tape: one JSON value as a flat list of tokens.

/// The kind of a tape token.
enum class Tok : std::uint8_t {
  null,
  boolean,
  integer,   // negative integer (nlohmann reports non-negative ones as unsigned)
  unsigned_,
  floating,
  string,
  key,
  begin_object,
  end_object,
  begin_array,
  end_array,
};

/// One token (16 bytes: a large document's tape is mostly tokens and strings).
/// Strings and keys live in the tape's arena.
struct Token {
  Tok type;
  bool flag = false;      // boolean value
  std::uint32_t len = 0;  // string, key: length in bytes (below 4 GiB: see Tape::push_string)
  union {
    std::int64_t i;
    std::uint64_t u;
    double d;
    std::size_t end;  // begin_*: index of the matching end_* token
    std::size_t off;  // string, key: offset in the arena
  };
};
static_assert(sizeof(void*) != 8 || sizeof(Token) == 16, "a tape token takes 16 bytes");

/// A recorded JSON value (or several, one after the other).
struct Tape {
  std::vector<Token> tokens;
  std::string arena;
  std::vector<std::size_t> open;  // indices of the begin_* tokens not yet closed

  void clear() {
    tokens.clear();
    arena.clear();
    open.clear();
  }
  std::string_view str(std::size_t i) const { return {arena.data() + tokens[i].off, tokens[i].len}; }
  /// The index just after the value that starts at `i`.
  std::size_t next(std::size_t i) const {
    const Token& t = tokens[i];
    return t.type == Tok::begin_object || t.type == Tok::begin_array ? t.end + 1 : i + 1;
  }

  /// Records a string or key; one of 4 GiB or more (far over any limit's default) is refused.
  void push_string(Tok type, const std::string& s) {
    if (s.size() > std::numeric_limits<std::uint32_t>::max()) throw std::length_error("JSON string of 4 GiB or more");
    Token t{};
    t.type = type;
    t.off = arena.size();
    t.len = static_cast<std::uint32_t>(s.size());
    arena.append(s);
    tokens.push_back(t);
  }
  void push_begin(Tok type) {
    open.push_back(tokens.size());
    Token t{};
    t.type = type;
    t.end = 0;
    tokens.push_back(t);
  }
  void push_end(Tok type) {
    tokens[open.back()].end = tokens.size();
    open.pop_back();
    Token t{};
    t.type = type;
    t.end = 0;
    tokens.push_back(t);
  }
};

// ---------------------------------------------------------------------------
// Member names: one table for every object of the format.

/// Every member name the format knows.
enum class Member : std::uint8_t {
  abbreviation, address, addressees, alt_labels, attachments, authors, broader,
  calls_to_action, campaigns, case_ref, categories, code, column, content,
  countries, dateline, deadline, deadline_raw, definition, deprecated,
  diagnostics, email, end, end_raw, event, fax, feed, follows, gender,
  generator, geo, hashtags, href, hreflang, hrnews, icon, id, id_or_url,
  institution, intervention_type, items, kind, label, labels, language,
  language_inferred, lat,
  length, line, links, location, lon, mappings, message, name, organisation,
  organisers, path, phone, published, published_raw, publishers, raw,
  regions, rel, related, requested_actions, rights, role, scheme, schemes,
  severity, source_format, start, start_raw, status, subjects, subtitle,
  summary, term, terms, title, type, updated, updated_raw, uri, url, value,
  victims, violations,
  unknown_,  // not a member name of the format
};

/// The member named `name`, or `Member::unknown_`.
Member lookup_member(std::string_view name) noexcept;

/// The objects that keep unknown members as extensions.
enum class Owner : std::uint8_t { document, feed, article, intervention, campaign };

/// True when `name` is a member of `owner` (an extension with that name is never written).
bool is_known_member(Owner owner, std::string_view name) noexcept;

// ---------------------------------------------------------------------------
// Errors

/// Where errors are reported: format id, file name and, for JSON Lines, the line.
struct Site {
  const char* format = "json";
  std::string_view file;
  std::size_t line = 0;         // JSON Lines: the record's line; 0 for a JSON document
  std::size_t line_offset = 0;  // byte offset of that line in the input, when known
  bool offset_known = true;
};

/// A semantic error at `path`.
[[noreturn]] void fail(const Site& site, std::string path, std::string message);

/// `"text"` for messages: JSON-quoted, cut when long.
std::string quote(std::string_view text);

/// The offset of the first bracket of `input` nested deeper than `max_depth`, or npos.
std::size_t find_depth_excess(std::string_view input, std::size_t max_depth) noexcept;

/// The message `NAME is N bytes, over the limit of M bytes`.
std::string over_limit(std::string_view what, std::size_t size, std::size_t limit);

// ---------------------------------------------------------------------------
// Decoding (json.cpp): tape -> model. `path` is the JSON Pointer of the value.

Feed decode_feed(const Tape& tape, const Site& site, std::string_view path);
Item decode_item(const Tape& tape, const Site& site, std::string_view path);
Campaign decode_campaign(const Tape& tape, const Site& site, std::string_view path);
Scheme decode_scheme(const Tape& tape, const Site& site, std::string_view path);
Diagnostic decode_diagnostic(const Tape& tape, const Site& site, std::string_view path);
/// A JSON Lines record (the object at index 0, told apart by its `kind`).
Record decode_record(const Tape& tape, const Site& site);
/// The value at index `i` as compact JSON text (nlohmann's `dump()`).
std::string extension_text(const Tape& tape, std::size_t i);
/// Checks the value of the `hrnews` member.
void check_version(const Tape& tape, const Site& site);

// ---------------------------------------------------------------------------
// SAX handler

/// Receives SAX events (nlohmann's interface), checks limits and routes top-level values.
class SaxHandler {
 public:
  using json = nlohmann::json;

  enum class Mode {
    document,  // a canonical JSON document into `collection`
    header,    // a JSON Lines header into `feed` and `extensions`
    value,     // one whole value, left on `tape`
  };

  /// `tape` is scratch space (the value itself in value mode); it may be reused across calls.
  SaxHandler(Mode mode, const Limits& limits, const Site& site, std::string_view input, Tape& scratch)
      : tape(scratch), mode_(mode), limits_(limits), site_(site), input_(input) {}

  Collection* collection = nullptr;  // document mode
  Feed* feed = nullptr;              // document and header modes
  Extensions* extensions = nullptr;  // document and header modes
  bool has_version = false;          // an `hrnews` member was seen
  Tape& tape;                        // value mode: the value; otherwise scratch

  // nlohmann SAX interface
  bool null();
  bool boolean(bool value);
  bool number_integer(json::number_integer_t value);
  bool number_unsigned(json::number_unsigned_t value);
  bool number_float(json::number_float_t value, const json::string_t& text);
  bool string(json::string_t& value);
  bool binary(json::binary_t& value);
  bool start_object(std::size_t elements);
  bool key(json::string_t& name);
  bool end_object();
  bool start_array(std::size_t elements);
  bool end_array();
  [[noreturn]] bool parse_error(std::size_t position, const std::string& last_token,
                                const nlohmann::detail::exception& ex);
  /// Throws the syntax error `message` located at byte `offset` of the input.
  [[noreturn]] void syntax_error(std::size_t offset, std::string message);

 private:
  enum class Slot : std::uint8_t { none, version, feed, items, campaigns, schemes, diagnostics, extension };

  void begin_value();
  void end_value();
  bool begin_container(Tok type);
  bool end_container(Tok type);
  void check_string(const std::string& s);
  [[noreturn]] void fail_depth();
  std::string capture_path() const;

  Mode mode_;
  const Limits& limits_;
  const Site& site_;
  std::string_view input_;
  std::size_t depth_ = 0;
  bool recording_ = false;
  std::size_t capture_depth_ = 0;
  Slot slot_ = Slot::none;  // the top-level member being read
  bool in_list_ = false;    // inside the array of a list member
  std::size_t index_ = 0;   // index of the list element being read
  std::string key_;         // name of the top-level member being read
};

/// Parses `input` with `handler`. Syntax errors, limits and semantic errors throw ParseError.
void sax_parse(std::string_view input, SaxHandler& handler);

// ---------------------------------------------------------------------------
// Writing

/// Appends `s` to `out` as a JSON string literal (quotes included).
void append_escaped(std::string& out, std::string_view s);

/// Appends JSON text to a string; optionally flushes it to a stream now and then.
class Writer {
 public:
  /// `indent` < 0: compact; otherwise pretty with that many spaces per level.
  Writer(std::string& out, int indent, std::ostream* sink = nullptr) : out_(out), indent_(indent), sink_(sink) {}

  void begin_object() { before_value(); out_.push_back('{'); push(); }
  void end_object() { close('}'); }
  void begin_array() { before_value(); out_.push_back('['); push(); }
  void end_array() { close(']'); }
  /// A member name that needs no escaping (one of the format's names).
  void key(std::string_view name) {
    separator();
    out_.push_back('"');
    out_.append(name);
    out_.append(indent_ >= 0 ? "\": " : "\":", indent_ >= 0 ? 3 : 2);
    after_key_ = true;
  }
  /// Any member name.
  void escaped_key(std::string_view name) {
    separator();
    append_escaped(out_, name);
    out_.append(indent_ >= 0 ? ": " : ":", indent_ >= 0 ? 2 : 1);
    after_key_ = true;
  }
  void string(std::string_view s) { before_value(); append_escaped(out_, s); }
  /// A string known to need no escaping (an enumerator's spelling).
  void plain_string(std::string_view s) {
    before_value();
    out_.push_back('"');
    out_.append(s);
    out_.push_back('"');
  }
  void number(std::uint64_t n);
  void number(std::int64_t n);
  void number(double d);
  void boolean(bool b) { before_value(); out_.append(b ? "true" : "false"); }
  /// A value given as JSON text (an extension): validated, and written compact or re-indented.
  void json_text(std::string_view text);
  /// Hands the text written so far to the sink when there is enough of it.
  void maybe_flush();
  /// Hands everything to the sink.
  void flush();
  /// Continues inside an array that is open at `level` and has no element
  /// yet, as if it had been opened by this writer (for pieces written apart).
  void resume_in_array(std::size_t level) {
    level_ = level;
    first_[level_] = true;
    after_key_ = false;
  }
  /// Before a piece of elements written apart: the comma when the open
  /// container already has an element; the container then counts as non-empty.
  void piece_separator() {
    if (!first_[level_]) out_.push_back(',');
    first_[level_] = false;
  }

 private:
  static constexpr std::size_t max_levels = 32;
  void before_value() {
    if (after_key_) {
      after_key_ = false;
    } else if (level_ > 0) {
      separator();
    }
  }
  void separator() {
    if (!first_[level_]) out_.push_back(',');
    first_[level_] = false;
    newline(level_);
  }
  void newline(std::size_t level) {
    if (indent_ >= 0) {
      out_.push_back('\n');
      out_.append(level * static_cast<std::size_t>(indent_), ' ');
    }
  }
  void push() { first_[++level_] = true; }
  void close(char c) {
    const bool empty = first_[level_];
    --level_;
    if (!empty) newline(level_);
    out_.push_back(c);
  }

  std::string& out_;
  int indent_;
  std::ostream* sink_;
  std::size_t level_ = 0;
  bool after_key_ = false;
  bool first_[max_levels + 1] = {};
};

/// True when the feed has nothing to write (the `feed` member is then left out).
bool feed_is_empty(const Feed& feed) noexcept;
/// Writes the model objects, members in the order of docs/format-json.md;
/// `with_kind` adds the JSON Lines `kind` member first.
void write_feed(Writer& w, const Feed& feed);
void write_item(Writer& w, const Item& item);
void write_campaign(Writer& w, const Campaign& campaign, bool with_kind);
void write_scheme(Writer& w, const Scheme& scheme, bool with_kind);
void write_diagnostic(Writer& w, const Diagnostic& diagnostic, bool with_kind);
/// Writes the extensions whose names are not members of `owner`.
void write_extensions(Writer& w, const Extensions& extensions, Owner owner);
/// The canonical JSON document up to its items: `{`, the version and `feed`.
void write_document_head(Writer& w, const Feed& feed);
/// The canonical JSON document after its items: campaigns, schemes, diagnostics, extensions and `}`.
void write_document_tail(Writer& w, const std::vector<Campaign>& campaigns, const std::vector<Scheme>& schemes,
                         const std::vector<Diagnostic>& diagnostics, const Extensions& extensions);
/// The JSON Lines header object (without its line break).
void write_jsonl_header(Writer& w, const Feed& feed, const Extensions& extensions);

/// "a string", "an object"…: the kind of the value at token `i`, for messages.
inline const char* type_name(const Tape& t, std::size_t i) noexcept {
  switch (t.tokens[i].type) {
    case Tok::null: return "null";
    case Tok::boolean: return "a boolean";
    case Tok::integer:
    case Tok::unsigned_:
    case Tok::floating: return "a number";
    case Tok::string: return "a string";
    case Tok::begin_object: return "an object";
    case Tok::begin_array: return "an array";
    default: return "a value";
  }
}

/// Calls `f(name, value_index)` for each member of the object at token `object`.
template <class F>
void for_members(const Tape& t, std::size_t object, F&& f) {
  const std::size_t end = t.tokens[object].end;
  for (std::size_t k = object + 1; k < end;) {
    const std::size_t v = k + 1;
    f(t.str(k), v);
    k = t.next(v);
  }
}

/// Calls `f(index, value_index)` for each element of the array at token `array`.
template <class F>
void for_elements(const Tape& t, std::size_t array, F&& f) {
  const std::size_t end = t.tokens[array].end;
  std::size_t index = 0;
  for (std::size_t k = array + 1; k < end; k = t.next(k)) f(index++, k);
}

/// The value at token `i` as an nlohmann value (`nlohmann::json` or
/// `ordered_json`), built without recursion so deep input cannot overflow the stack.
template <class Json>
Json tape_to_json(const Tape& tape, std::size_t i) {
  Json root;
  std::vector<Json*> open;
  std::string key;
  const std::size_t end = tape.next(i);
  for (std::size_t k = i; k < end; ++k) {
    const Token& t = tape.tokens[k];
    Json value;
    switch (t.type) {
      case Tok::key: key.assign(tape.str(k)); continue;
      case Tok::end_object:
      case Tok::end_array: open.pop_back(); continue;
      case Tok::null: break;
      case Tok::boolean: value = t.flag; break;
      case Tok::integer: value = t.i; break;
      case Tok::unsigned_: value = t.u; break;
      case Tok::floating: value = t.d; break;
      case Tok::string: value = std::string(tape.str(k)); break;
      case Tok::begin_object: value = Json::object(); break;
      case Tok::begin_array: value = Json::array(); break;
    }
    Json* slot;
    if (open.empty()) {
      root = std::move(value);
      slot = &root;
    } else if (open.back()->is_object()) {
      slot = &((*open.back())[key] = std::move(value));
    } else {
      open.back()->push_back(std::move(value));
      slot = &open.back()->back();
    }
    if (t.type == Tok::begin_object || t.type == Tok::begin_array) open.push_back(slot);
  }
  return root;
}

}  // namespace hrnews::json_detail
