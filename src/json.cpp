// SPDX-License-Identifier: Apache-2.0
// The canonical JSON format: reader (nlohmann SAX -> tape -> model) and writer.
// The mapping is specified in docs/format-json.md.

#include <hrnews/json.hpp>

#include <algorithm>
#include <array>
#include <bitset>
#include <charconv>
#include <cmath>
#include <exception>
#include <initializer_list>
#include <limits>
#include <new>
#include <ostream>
#include <utility>

#include <hrnews/version.hpp>

#include "json_detail.hpp"
#include "utf8.hpp"

namespace hrnews {
namespace json_detail {

namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

// ---------------------------------------------------------------------------
// Member names

struct NameEntry {
  std::string_view name;
  Member member;
};

constexpr NameEntry member_names[] = {
    {"abbreviation", Member::abbreviation}, {"address", Member::address},
    {"addressees", Member::addressees}, {"alt_labels", Member::alt_labels},
    {"attachments", Member::attachments}, {"authors", Member::authors},
    {"broader", Member::broader}, {"calls_to_action", Member::calls_to_action},
    {"campaigns", Member::campaigns}, {"case_ref", Member::case_ref},
    {"categories", Member::categories}, {"code", Member::code},
    {"column", Member::column}, {"content", Member::content},
    {"countries", Member::countries}, {"dateline", Member::dateline},
    {"deadline", Member::deadline}, {"deadline_raw", Member::deadline_raw},
    {"definition", Member::definition}, {"deprecated", Member::deprecated},
    {"diagnostics", Member::diagnostics}, {"email", Member::email},
    {"end", Member::end}, {"end_raw", Member::end_raw}, {"event", Member::event},
    {"fax", Member::fax}, {"feed", Member::feed}, {"follows", Member::follows},
    {"gender", Member::gender}, {"generator", Member::generator},
    {"geo", Member::geo}, {"hashtags", Member::hashtags}, {"href", Member::href},
    {"hreflang", Member::hreflang}, {"hrnews", Member::hrnews},
    {"icon", Member::icon}, {"id", Member::id}, {"id_or_url", Member::id_or_url},
    {"institution", Member::institution},
    {"intervention_type", Member::intervention_type}, {"items", Member::items},
    {"kind", Member::kind}, {"label", Member::label}, {"labels", Member::labels},
    {"language", Member::language},
    {"language_inferred", Member::language_inferred}, {"lat", Member::lat},
    {"length", Member::length}, {"line", Member::line}, {"links", Member::links},
    {"location", Member::location}, {"lon", Member::lon},
    {"mappings", Member::mappings}, {"message", Member::message},
    {"name", Member::name}, {"organisation", Member::organisation},
    {"organisers", Member::organisers}, {"path", Member::path},
    {"phone", Member::phone}, {"published", Member::published},
    {"published_raw", Member::published_raw}, {"publishers", Member::publishers},
    {"raw", Member::raw}, {"regions", Member::regions}, {"rel", Member::rel},
    {"related", Member::related}, {"requested_actions", Member::requested_actions},
    {"rights", Member::rights}, {"role", Member::role}, {"scheme", Member::scheme},
    {"schemes", Member::schemes}, {"severity", Member::severity},
    {"source_format", Member::source_format}, {"start", Member::start},
    {"start_raw", Member::start_raw}, {"status", Member::status},
    {"subjects", Member::subjects}, {"subtitle", Member::subtitle},
    {"summary", Member::summary}, {"term", Member::term}, {"terms", Member::terms},
    {"title", Member::title}, {"type", Member::type}, {"updated", Member::updated},
    {"updated_raw", Member::updated_raw}, {"uri", Member::uri}, {"url", Member::url},
    {"value", Member::value}, {"victims", Member::victims},
    {"violations", Member::violations},
};
static_assert(std::size(member_names) == static_cast<std::size_t>(Member::unknown_),
              "every member has a name");

constexpr std::size_t member_count = static_cast<std::size_t>(Member::unknown_) + 1;
using MemberSet = std::bitset<member_count>;

MemberSet make_set(std::initializer_list<Member> members) {
  MemberSet set;
  for (Member m : members) set.set(static_cast<std::size_t>(m));
  return set;
}

const MemberSet& known_set(Owner owner) {
  using M = Member;
  static const MemberSet document = make_set({M::hrnews, M::feed, M::items, M::campaigns, M::schemes, M::diagnostics});
  static const MemberSet feed = make_set({M::id, M::title, M::subtitle, M::url, M::links, M::language, M::updated,
                                          M::updated_raw, M::publishers, M::generator, M::rights, M::icon,
                                          M::source_format});
  static const MemberSet article = make_set(
      {M::kind, M::id, M::url, M::links, M::title, M::summary, M::content, M::published, M::published_raw,
       M::updated, M::updated_raw, M::language, M::language_inferred, M::authors, M::publishers, M::categories, M::subjects,
       M::countries, M::regions, M::geo, M::campaigns, M::related, M::attachments, M::rights, M::dateline,
       M::event});
  static const MemberSet intervention =
      article | make_set({M::case_ref, M::intervention_type, M::status, M::victims, M::violations,
                          M::requested_actions, M::addressees, M::deadline, M::deadline_raw, M::follows});
  static const MemberSet campaign = make_set({M::kind, M::id, M::name, M::title, M::summary, M::url, M::status,
                                              M::start, M::start_raw, M::end, M::end_raw, M::organisers,
                                              M::hashtags, M::subjects, M::countries, M::items,
                                              M::calls_to_action});
  switch (owner) {
    case Owner::document: return document;
    case Owner::feed: return feed;
    case Owner::article: return article;
    case Owner::intervention: return intervention;
    case Owner::campaign: return campaign;
  }
  return document;
}

// ---------------------------------------------------------------------------
// Small helpers

bool starts_with(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

/// Appends `key` escaped for a JSON Pointer (`~` -> `~0`, `/` -> `~1`).
void append_pointer_token(std::string& out, std::string_view key) {
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out.push_back(c);
    }
  }
}

/// Line, column and offset of byte `offset` of `input` (clamped to its size).
SourceLocation locate(const Site& site, std::string_view input, std::size_t offset) {
  offset = std::min(offset, input.size());
  SourceLocation where;
  if (site.line == 0) {
    const std::string_view before = input.substr(0, offset);
    where.line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
    const std::size_t nl = before.rfind('\n');
    where.column = nl == std::string_view::npos ? offset + 1 : offset - nl;
    where.offset = offset;
  } else {
    where.line = site.line;
    where.column = offset + 1;
    if (site.offset_known) where.offset = site.line_offset + offset;
  }
  return where;
}

std::string missing(std::string_view name) {
  std::string m = "missing required member \"";
  m.append(name);
  m.push_back('"');
  return m;
}

using ::hrnews::detail::utf8_sequence;

// Characters that need attention when escaping: controls, '"', '\\' and non-ASCII.
struct EscapeTable {
  bool special[256];
  constexpr EscapeTable() : special() {
    for (int c = 0; c < 256; ++c) special[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
  }
};
constexpr EscapeTable escape_table;

}  // namespace

// ---------------------------------------------------------------------------
// Names, errors, limits

Member lookup_member(std::string_view name) noexcept {
  static const std::array<NameEntry, std::size(member_names)> sorted = [] {
    std::array<NameEntry, std::size(member_names)> a{};
    std::copy(std::begin(member_names), std::end(member_names), a.begin());
    std::sort(a.begin(), a.end(), [](const NameEntry& x, const NameEntry& y) { return x.name < y.name; });
    return a;
  }();
  const auto it = std::lower_bound(sorted.begin(), sorted.end(), name,
                                   [](const NameEntry& e, std::string_view n) { return e.name < n; });
  return it != sorted.end() && it->name == name ? it->member : Member::unknown_;
}

bool is_known_member(Owner owner, std::string_view name) noexcept {
  const Member m = lookup_member(name);
  return m != Member::unknown_ && known_set(owner).test(static_cast<std::size_t>(m));
}

void fail(const Site& site, std::string path, std::string message) {
  SourceLocation where;
  where.line = site.line;
  throw ParseError(site.format, std::move(message), where, std::move(path), std::string(site.file));
}

std::string quote(std::string_view text) {
  constexpr std::size_t max = 60;
  std::string out;
  if (text.size() <= max) {
    append_escaped(out, text);
    return out;
  }
  std::size_t cut = max - 3;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  append_escaped(out, text.substr(0, cut));
  out.insert(out.size() - 1, "...");
  return out;
}

std::size_t find_depth_excess(std::string_view input, std::size_t max_depth) noexcept {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < input.size(); ++i) {
    const char c = input[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return npos;
}

std::string over_limit(std::string_view what, std::size_t size, std::size_t limit) {
  std::string m(what);
  m += " is ";
  m += std::to_string(size);
  m += " bytes, over the limit of ";
  m += std::to_string(limit);
  m += " bytes";
  return m;
}

// ---------------------------------------------------------------------------
// SAX handler

bool SaxHandler::null() {
  begin_value();
  Token t{};
  t.type = Tok::null;
  tape.tokens.push_back(t);
  end_value();
  return true;
}

bool SaxHandler::boolean(bool value) {
  begin_value();
  Token t{};
  t.type = Tok::boolean;
  t.flag = value;
  tape.tokens.push_back(t);
  end_value();
  return true;
}

bool SaxHandler::number_integer(json::number_integer_t value) {
  begin_value();
  Token t{};
  t.type = Tok::integer;
  t.i = value;
  tape.tokens.push_back(t);
  end_value();
  return true;
}

bool SaxHandler::number_unsigned(json::number_unsigned_t value) {
  begin_value();
  Token t{};
  t.type = Tok::unsigned_;
  t.u = value;
  tape.tokens.push_back(t);
  end_value();
  return true;
}

bool SaxHandler::number_float(json::number_float_t value, const json::string_t& /*text*/) {
  begin_value();
  Token t{};
  t.type = Tok::floating;
  t.d = value;
  tape.tokens.push_back(t);
  end_value();
  return true;
}

bool SaxHandler::string(json::string_t& value) {
  check_string(value);
  begin_value();
  tape.push_string(Tok::string, value);
  end_value();
  return true;
}

bool SaxHandler::binary(json::binary_t& /*value*/) {
  // Only reachable from binary formats, which are never parsed here.
  fail(site_, capture_path(), "unexpected binary value");
}

bool SaxHandler::start_object(std::size_t /*elements*/) { return begin_container(Tok::begin_object); }
bool SaxHandler::end_object() { return end_container(Tok::end_object); }
bool SaxHandler::start_array(std::size_t /*elements*/) { return begin_container(Tok::begin_array); }
bool SaxHandler::end_array() { return end_container(Tok::end_array); }

bool SaxHandler::key(json::string_t& name) {
  check_string(name);
  if (recording_) {
    tape.push_string(Tok::key, name);
    return true;
  }
  // A member of the top-level object (document and header modes).
  key_.assign(name);
  switch (lookup_member(name)) {
    case Member::hrnews: slot_ = Slot::version; break;
    case Member::feed: slot_ = Slot::feed; break;
    case Member::items: slot_ = Slot::items; break;
    case Member::campaigns: slot_ = Slot::campaigns; break;
    case Member::schemes: slot_ = Slot::schemes; break;
    case Member::diagnostics: slot_ = Slot::diagnostics; break;
    default: slot_ = Slot::extension; break;
  }
  if (mode_ == Mode::header && slot_ != Slot::version && slot_ != Slot::feed && slot_ != Slot::extension) {
    std::string path = "/";
    path += key_;
    fail(site_, std::move(path), "a list is not allowed in the header line");
  }
  return true;
}

bool SaxHandler::parse_error(std::size_t position, const std::string& last_token,
                             const nlohmann::detail::exception& ex) {
  // nlohmann: "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error
  // while parsing object - unexpected end of input; expected string literal"
  std::string text = ex.what();
  if (starts_with(text, "[json.exception.")) {
    const std::size_t p = text.find("] ");
    if (p != std::string::npos) text.erase(0, p + 2);
  }
  if (starts_with(text, "parse error")) {
    const std::size_t p = text.find(": ");
    if (p != std::string::npos) text.erase(0, p + 2);
  }
  const std::size_t last_read = text.find("; last read: '");
  const bool lexer_error = last_read != std::string::npos;
  std::string message;
  if (ex.id == 406) {  // out_of_range: number overflow
    message = "number out of range: " + last_token;
  } else if (starts_with(text, "syntax error")) {
    const std::size_t dash = text.find(" - ");
    std::string detail = dash == std::string::npos ? text.substr(12) : text.substr(dash + 3);
    std::size_t cut = detail.find("; last read: '");
    if (cut == std::string::npos) cut = detail.find("; expected ");
    if (cut != std::string::npos) detail.erase(cut);
    message = "syntax error: " + detail;
  } else {
    message = "syntax error: " + text;
  }
  // `position` counts the characters read, the one that failed included. Point
  // at the start of the unexpected token: nlohmann's `last_token` holds the
  // characters read since the last string or number began, so it is that
  // token only when the token is a string or a number.
  std::size_t token = 1;  // a structural character, the end of input, or where the lexer failed
  if (!lexer_error) {
    if (message.find("unexpected string literal") != std::string::npos ||
        message.find("unexpected number literal") != std::string::npos || ex.id == 406) {
      token = std::max<std::size_t>(1, last_token.size());
    } else if (message.find("unexpected true literal") != std::string::npos ||
               message.find("unexpected null literal") != std::string::npos) {
      token = 4;
    } else if (message.find("unexpected false literal") != std::string::npos) {
      token = 5;
    }
  }
  const std::size_t offset = position >= token ? position - token : 0;
  throw ParseError(site_.format, std::move(message), locate(site_, input_, offset), {}, std::string(site_.file));
}

void SaxHandler::begin_value() {
  if (recording_) return;
  if (depth_ == 0 && mode_ != Mode::value) fail(site_, {}, "expected an object");
  recording_ = true;
  capture_depth_ = depth_;
  tape.clear();
}

void SaxHandler::end_value() {
  if (!recording_ || depth_ != capture_depth_) return;
  recording_ = false;
  if (mode_ == Mode::value) return;

  if (in_list_) {
    std::string path = "/";
    path += key_;
    path += '/';
    path += std::to_string(index_);
    switch (slot_) {
      case Slot::items:
        if (collection->items.size() >= limits_.max_items) {
          fail(site_, std::move(path),
               "more than " + std::to_string(limits_.max_items) + " items (limit max_items)");
        }
        collection->items.push_back(decode_item(tape, site_, path));
        break;
      case Slot::campaigns: collection->campaigns.push_back(decode_campaign(tape, site_, path)); break;
      case Slot::schemes: collection->schemes.push_back(decode_scheme(tape, site_, path)); break;
      case Slot::diagnostics: collection->diagnostics.push_back(decode_diagnostic(tape, site_, path)); break;
      default: break;
    }
    ++index_;
    return;
  }

  // The value of a top-level member.
  switch (slot_) {
    case Slot::version:
      if (tape.tokens[0].type != Tok::null) {
        check_version(tape, site_);
        has_version = true;
      }
      break;
    case Slot::feed: *feed = decode_feed(tape, site_, "/feed"); break;
    case Slot::items:
    case Slot::campaigns:
    case Slot::schemes:
    case Slot::diagnostics:
      // Not an array: only null (absent) is accepted.
      if (tape.tokens[0].type != Tok::null) fail(site_, "/" + key_, "expected an array");
      switch (slot_) {
        case Slot::items: collection->items.clear(); break;
        case Slot::campaigns: collection->campaigns.clear(); break;
        case Slot::schemes: collection->schemes.clear(); break;
        default: collection->diagnostics.clear(); break;
      }
      break;
    case Slot::extension: (*extensions)[key_] = extension_text(tape, 0); break;
    case Slot::none: break;
  }
  slot_ = Slot::none;
}

bool SaxHandler::begin_container(Tok type) {
  if (++depth_ > limits_.max_depth) fail_depth();
  if (!recording_) {
    const std::size_t at = depth_ - 1;  // depth at which this value starts
    if (at == 0 && mode_ != Mode::value) {
      if (type != Tok::begin_object) fail(site_, {}, "expected an object");
      return true;
    }
    if (at == 1 && type == Tok::begin_array && !in_list_ &&
        (slot_ == Slot::items || slot_ == Slot::campaigns || slot_ == Slot::schemes ||
         slot_ == Slot::diagnostics)) {
      in_list_ = true;
      index_ = 0;
      switch (slot_) {  // a repeated member replaces the earlier one
        case Slot::items: collection->items.clear(); break;
        case Slot::campaigns: collection->campaigns.clear(); break;
        case Slot::schemes: collection->schemes.clear(); break;
        default: collection->diagnostics.clear(); break;
      }
      return true;
    }
    recording_ = true;
    capture_depth_ = at;
    tape.clear();
  }
  tape.push_begin(type);
  return true;
}

bool SaxHandler::end_container(Tok type) {
  --depth_;
  if (recording_) {
    tape.push_end(type);
    end_value();
    return true;
  }
  if (in_list_ && depth_ == 1) {
    in_list_ = false;
    slot_ = Slot::none;
  }
  return true;
}

void SaxHandler::check_string(const std::string& s) {
  if (s.size() > limits_.max_string_bytes) {
    fail(site_, capture_path(), over_limit("string", s.size(), limits_.max_string_bytes));
  }
}

void SaxHandler::fail_depth() {
  const std::size_t offset = find_depth_excess(input_, limits_.max_depth);
  SourceLocation where;
  if (offset != npos) {
    where = locate(site_, input_, offset);
  } else {
    where.line = site_.line;
  }
  throw ParseError(site_.format,
                   "nesting is over the limit of " + std::to_string(limits_.max_depth) + " levels", where, {},
                   std::string(site_.file));
}

std::string SaxHandler::capture_path() const {
  std::string path;
  if (mode_ == Mode::value || depth_ == 0 || slot_ == Slot::none) return path;
  path.push_back('/');
  append_pointer_token(path, key_);
  if (in_list_) {
    path.push_back('/');
    path += std::to_string(index_);
  }
  return path;
}

void SaxHandler::syntax_error(std::size_t offset, std::string message) {
  throw ParseError(site_.format, std::move(message), locate(site_, input_, offset), {}, std::string(site_.file));
}

// ---------------------------------------------------------------------------
// Decoder: tape -> model

namespace {

/// The positions of a timestamp member and its `_raw` companion.
struct TimeSlot {
  std::size_t value = npos;
  std::size_t raw = npos;
};

class Decoder {
 public:
  Decoder(const Tape& tape, const Site& site, std::string_view base) : t_(tape), site_(site), base_(base) {}

  // --- the objects that own extensions, and the other top-level ones

  Feed feed(std::size_t i) {
    Feed f;
    if (null(i)) return f;
    expect_object(i);
    TimeSlot updated;
    members(i, [&](std::string_view key, std::size_t v) {
      switch (lookup_member(key)) {
        case Member::id: read(v, f.id); break;
        case Member::title: read(v, f.title); break;
        case Member::subtitle: read(v, f.subtitle); break;
        case Member::url: read(v, f.url); break;
        case Member::links: read(v, f.links); break;
        case Member::language: read(v, f.language); break;
        case Member::updated: updated.value = v; break;
        case Member::updated_raw: updated.raw = v; break;
        case Member::publishers: read(v, f.publishers); break;
        case Member::generator: read(v, f.generator); break;
        case Member::rights: read(v, f.rights); break;
        case Member::icon: read(v, f.icon); break;
        case Member::source_format: read(v, f.source_format); break;
        default: f.extensions.insert_or_assign(std::string(key), extension_text(t_, v)); break;
      }
    });
    resolve(updated, "updated", "updated_raw", f.updated);
    return f;
  }

  Item item(std::size_t i) {
    expect_object(i);
    const std::size_t k = find_member(i, "kind");
    if (k == npos || null(k)) fail(missing("kind"));
    ItemKind kind = ItemKind::article;
    stack_.push_back({"kind", npos});
    read_enum(k, kind);
    stack_.pop_back();
    if (kind == ItemKind::article) {
      Item item(std::in_place_index<0>);
      article(i, *std::get_if<Article>(&item), nullptr);
      return item;
    }
    Item item(std::in_place_index<1>);
    Intervention& intervention = *std::get_if<Intervention>(&item);
    article(i, intervention, &intervention);
    return item;
  }

  Campaign campaign(std::size_t i) {
    expect_object(i);
    Campaign c;
    bool has_id = false;
    TimeSlot start;
    TimeSlot end;
    members(i, [&](std::string_view key, std::size_t v) {
      switch (lookup_member(key)) {
        case Member::kind: break;  // JSON Lines record kind
        case Member::id: has_id = !null(v); read(v, c.id); break;
        case Member::name: read(v, c.name); break;
        case Member::title: read(v, c.title); break;
        case Member::summary: read(v, c.summary); break;
        case Member::url: read(v, c.url); break;
        case Member::status: read_enum(v, c.status); break;
        case Member::start: start.value = v; break;
        case Member::start_raw: start.raw = v; break;
        case Member::end: end.value = v; break;
        case Member::end_raw: end.raw = v; break;
        case Member::organisers: read(v, c.organisers); break;
        case Member::hashtags: read(v, c.hashtags); break;
        case Member::subjects: read(v, c.subjects); break;
        case Member::countries: read(v, c.countries); break;
        case Member::items: read(v, c.items); break;
        case Member::calls_to_action: read(v, c.calls_to_action); break;
        default: c.extensions.insert_or_assign(std::string(key), extension_text(t_, v)); break;
      }
    });
    if (!has_id) fail(missing("id"));
    resolve(start, "start", "start_raw", c.start);
    resolve(end, "end", "end_raw", c.end);
    return c;
  }

  Scheme scheme(std::size_t i) {
    expect_object(i);
    Scheme s;
    bool has_id = false;
    members(i, [&](std::string_view key, std::size_t v) {
      switch (lookup_member(key)) {
        case Member::id: has_id = !null(v); read(v, s.id); break;
        case Member::uri: read(v, s.uri); break;
        case Member::title: read(v, s.title); break;
        case Member::terms: read(v, s.terms); break;
        default: break;
      }
    });
    if (!has_id) fail(missing("id"));
    return s;
  }

  Diagnostic diagnostic(std::size_t i) {
    expect_object(i);
    Diagnostic d;
    members(i, [&](std::string_view key, std::size_t v) {
      switch (lookup_member(key)) {
        case Member::severity: read_enum(v, d.severity); break;
        case Member::code: read(v, d.code); break;
        case Member::message: read(v, d.message); break;
        case Member::line: read_unsigned(v, d.line); break;
        case Member::column: read_unsigned(v, d.column); break;
        case Member::path: read(v, d.path); break;
        default: break;
      }
    });
    return d;
  }

  Record record() {
    expect_object(0);
    const std::size_t k = find_member(0, "kind");
    if (k == npos || null(k)) fail(missing("kind"));
    stack_.push_back({"kind", npos});
    if (tok(k).type != Tok::string) fail("expected a string");
    const std::string_view kind = t_.str(k);
    if (kind == "article" || kind == "intervention") {
      stack_.pop_back();
      return item(0);
    }
    if (kind == "campaign") {
      stack_.pop_back();
      return campaign(0);
    }
    if (kind == "scheme") {
      stack_.pop_back();
      return scheme(0);
    }
    if (kind == "diagnostic") {
      stack_.pop_back();
      return diagnostic(0);
    }
    fail("unknown value " + quote(kind));
  }

 private:
  struct Step {
    std::string_view key;
    std::size_t index;  // npos for a member
  };

  // --- tape access and errors

  const Token& tok(std::size_t i) const { return t_.tokens[i]; }
  bool null(std::size_t i) const { return t_.tokens[i].type == Tok::null; }

  std::string path() const {
    std::string p(base_);
    for (const Step& s : stack_) {
      p.push_back('/');
      if (s.index == npos) {
        append_pointer_token(p, s.key);
      } else {
        p += std::to_string(s.index);
      }
    }
    return p;
  }

  [[noreturn]] void fail(std::string message) const { json_detail::fail(site_, path(), std::move(message)); }

  void expect_object(std::size_t i) const {
    if (tok(i).type != Tok::begin_object) fail("expected an object");
  }

  /// Calls f(key, value index) for each member of the object at `i`, with the path set.
  template <class F>
  void members(std::size_t i, F&& f) {
    const std::size_t end = tok(i).end;
    for (std::size_t k = i + 1; k < end;) {
      const std::string_view key = t_.str(k);
      const std::size_t v = k + 1;
      stack_.push_back({key, npos});
      f(key, v);
      stack_.pop_back();
      k = t_.next(v);
    }
  }

  /// Calls f(element index) for each element of the array at `i`, with the path set.
  template <class F>
  void elements(std::size_t i, F&& f) {
    const std::size_t end = tok(i).end;
    std::size_t n = 0;
    for (std::size_t k = i + 1; k < end; k = t_.next(k), ++n) {
      stack_.push_back({{}, n});
      f(k);
      stack_.pop_back();
    }
  }

  std::size_t count(std::size_t i) const {
    std::size_t n = 0;
    for (std::size_t k = i + 1, end = tok(i).end; k < end; k = t_.next(k)) ++n;
    return n;
  }

  /// The value of the last member `name` of the object at `i`, or npos.
  std::size_t find_member(std::size_t i, std::string_view name) const {
    std::size_t found = npos;
    for (std::size_t k = i + 1, end = tok(i).end; k < end; k = t_.next(k + 1)) {
      if (t_.str(k) == name) found = k + 1;
    }
    return found;
  }

  // --- scalars

  void read(std::size_t v, std::string& out) {
    const Token& t = tok(v);
    if (t.type == Tok::string) {
      out.assign(t_.arena, t.off, t.len);
    } else if (t.type == Tok::null) {
      out.clear();
    } else {
      fail("expected a string");
    }
  }

  void element(std::size_t v, std::string& out) {
    const Token& t = tok(v);
    if (t.type != Tok::string) fail("expected a string");
    out.assign(t_.arena, t.off, t.len);
  }

  void read(std::size_t v, Text& out) {
    const Token& t = tok(v);
    if (t.type == Tok::string) {
      out.value.assign(t_.arena, t.off, t.len);
      out.type = TextType::text;
    } else if (t.type == Tok::null) {
      out = Text();
    } else if (t.type == Tok::begin_object) {
      out.type = TextType::text;
      bool has_value = false;
      members(v, [&](std::string_view key, std::size_t w) {
        switch (lookup_member(key)) {
          case Member::type: read_enum(w, out.type); break;
          case Member::value: has_value = !null(w); read(w, out.value); break;
          default: break;
        }
      });
      if (!has_value) fail(missing("value"));
    } else {
      fail("expected a string or an object");
    }
  }

  void read(std::size_t v, std::optional<Text>& out) {
    if (null(v)) {
      out.reset();
      return;
    }
    if (!out) out.emplace();
    read(v, *out);
  }

  template <class E>
  void read_enum(std::size_t v, E& out) {
    const Token& t = tok(v);
    if (t.type == Tok::null) return;  // absent: the default stays
    if (t.type != Tok::string) fail("expected a string");
    const std::string_view text = t_.str(v);
    const std::optional<E> e = from_string<E>(text);
    if (!e) fail("unknown value " + quote(text));
    out = *e;
  }

  template <class E>
  void read_enum(std::size_t v, std::optional<E>& out) {
    if (null(v)) {
      out.reset();
      return;
    }
    E e{};
    read_enum(v, e);
    out = e;
  }

  template <class U>
  void read_unsigned(std::size_t v, std::optional<U>& out) {
    const Token& t = tok(v);
    switch (t.type) {
      case Tok::unsigned_:
        if (t.u > std::numeric_limits<U>::max()) fail("number out of range");
        out = static_cast<U>(t.u);
        break;
      case Tok::null: out.reset(); break;
      case Tok::integer: fail("expected a non-negative integer");
      default: fail("expected an integer");
    }
  }

  double number(std::size_t v) {
    const Token& t = tok(v);
    switch (t.type) {
      case Tok::floating: return t.d;
      case Tok::unsigned_: return static_cast<double>(t.u);
      case Tok::integer: return static_cast<double>(t.i);
      default: fail("expected a number");
    }
  }

  void read(std::size_t v, bool& out) {
    const Token& t = tok(v);
    if (t.type == Tok::boolean) {
      out = t.flag;
    } else if (t.type == Tok::null) {
      out = false;
    } else {
      fail("expected a boolean");
    }
  }

  /// Resolves a timestamp member and its `_raw` companion.
  void resolve(const TimeSlot& slot, std::string_view name, std::string_view raw_name,
               std::optional<Timestamp>& out) {
    if (slot.value == npos || null(slot.value)) {
      out.reset();
      return;
    }
    stack_.push_back({name, npos});
    if (tok(slot.value).type != Tok::string) fail("expected a string");
    const std::string_view text = t_.str(slot.value);
    std::optional<Timestamp> ts = Timestamp::parse_iso8601(text);
    if (!ts) fail(quote(text) + " is not a valid date");
    stack_.back().key = raw_name;
    if (slot.raw != npos && !null(slot.raw)) {
      if (tok(slot.raw).type != Tok::string) fail("expected a string");
      out = ts->with_raw(std::string(t_.str(slot.raw)));
    } else if (ts->raw() != text) {
      out = ts->with_raw(std::string(text));
    } else {
      out = std::move(ts);
    }
    stack_.pop_back();
  }

  // --- lists and maps

  template <class T>
  void read(std::size_t v, std::vector<T>& out) {
    out.clear();
    if (null(v)) return;
    if (tok(v).type != Tok::begin_array) fail("expected an array");
    out.reserve(count(v));
    elements(v, [&](std::size_t k) {
      out.emplace_back();
      element(k, out.back());
    });
  }

  void element(std::size_t v, std::vector<std::string>& out) {
    if (tok(v).type != Tok::begin_array) fail("expected an array");
    read(v, out);
  }

  void read(std::size_t v, LangMap& out) {
    out.clear();
    if (null(v)) return;
    expect_object(v);
    members(v, [&](std::string_view key, std::size_t w) { element(w, out[std::string(key)]); });
  }

  void read(std::size_t v, LangListMap& out) {
    out.clear();
    if (null(v)) return;
    expect_object(v);
    members(v, [&](std::string_view key, std::size_t w) { element(w, out[std::string(key)]); });
  }

  template <class T>
  void read_optional(std::size_t v, std::optional<T>& out) {
    if (null(v)) {
      out.reset();
      return;
    }
    out.emplace();
    element(v, *out);
  }

  // --- small objects

  void element(std::size_t v, Link& l) {
    expect_object(v);
    bool has_href = false;
    members(v, [&](std::string_view key, std::size_t w) {
      switch (lookup_member(key)) {
        case Member::href: has_href = !null(w); read(w, l.href); break;
        case Member::rel: read(w, l.rel); break;
        case Member::type: read(w, l.type); break;
        case Member::hreflang: read(w, l.hreflang); break;
        case Member::title: read(w, l.title); break;
        case Member::length: read_unsigned(w, l.length); break;
        default: break;
      }
    });
    if (!has_href) fail(missing("href"));
  }

  void element(std::size_t v, Person& p) {
    expect_object(v);
    members(v, [&](std::string_view key, std::size_t w) {
      switch (lookup_member(key)) {
        case Member::name: read(w, p.name); break;
        case Member::email: read(w, p.email); break;
        case Member::uri: read(w, p.uri); break;
        default: break;
      }
    });
  }

  void element(std::size_t v, Party& p) {
    expect_object(v);
    members(v, [&](std::string_view key, std::size_t w) {
      switch (lookup_member(key)) {
        case Member::kind: read_enum(w, p.kind); break;
        case Member::name: read(w, p.name); break;
        case Member::role: read(w, p.role); break;
        case Member::abbreviation: read(w, p.abbreviation); break;
        case Member::email: read(w, p.email); break;
        case Member::uri: read(w, p.uri); break;
        default: break;
      }
    });
  }

  void element(std::size_t v, Category& c) {
    expect_object(v);
    members(v, [&](std::string_view key, std::size_t w) {
      switch (lookup_member(key)) {
        case Member::term: read(w, c.term); break;
        case Member::scheme: read(w, c.scheme); break;
        case Member::label: read(w, c.label); break;
        default: break;
      }
    });
  }

  void element(std::size_t v, TermRef& r) {
    expect_object(v);
    bool has_scheme = false;
    bool has_code = false;
    members(v, [&](std::string_view key, std::size_t w) {
      switch (lookup_member(key)) {
        case Member::scheme: has_scheme = !null(w); read(w, r.scheme); break;
        case Member::code: has_code = !null(w); read(w, r.code); break;
        default: break;
      }
    });
    if (!has_scheme) fail(missing("scheme"));
    if (!has_code) fail(missing("code"));
  }

  void element(std::size_t v, Attachment& a) {
    expect_object(v);
    bool has_url = false;
    members(v, [&](std::string_view key, std::size_t w) {
      switch (lookup_member(key)) {
        case Member::url: has_url = !null(w); read(w, a.url); break;
        case Member::type: read(w, a.type); break;
        case Member::length: read_unsigned(w, a.length); break;
        case Member::title: read(w, a.title); break;
        default: break;
      }
    });
    if (!has_url) fail(missing("url"));
  }

  void element(std::size_t v, GeoPoint& g) {
    expect_object(v);
    bool has_lat = false;
    bool has_lon = false;
    members(v, [&](std::string_view key, std::size_t w) {
      switch (lookup_member(key)) {
        case Member::lat:
          has_lat = !null(w);
          if (has_lat) g.lat = number(w);
          break;
        case Member::lon:
          has_lon = !null(w);
          if (has_lon) g.lon = number(w);
          break;
        default: break;
      }
    });
    if (!has_lat) fail(missing("lat"));
    if (!has_lon) fail(missing("lon"));
  }

  void element(std::size_t v, Relation& r) {
    expect_object(v);
    members(v, [&](std::string_view key, std::size_t w) {
      switch (lookup_member(key)) {
        case Member::rel: read_enum(w, r.rel); break;
        case Member::id_or_url: read(w, r.id_or_url); break;
        default: break;
      }
    });
  }

  void element(std::size_t v, Event& e) {
    expect_object(v);
    TimeSlot start;
    TimeSlot end;
    members(v, [&](std::string_view key, std::size_t w) {
      switch (lookup_member(key)) {
        case Member::start: start.value = w; break;
        case Member::start_raw: start.raw = w; break;
        case Member::end: end.value = w; break;
        case Member::end_raw: end.raw = w; break;
        case Member::location: read(w, e.location); break;
        default: break;
      }
    });
    resolve(start, "start", "start_raw", e.start);
    resolve(end, "end", "end_raw", e.end);
  }

  void element(std::size_t v, CaseReference& c) {
    expect_object(v);
    const std::size_t raw = find_member(v, "raw");
    if (raw == npos || null(raw)) fail(missing("raw"));
    stack_.push_back({"raw", npos});
    if (tok(raw).type != Tok::string) fail("expected a string");
    stack_.pop_back();
    c = CaseReference::parse(t_.str(raw));
  }

  void element(std::size_t v, Victim& x) {
    expect_object(v);
    members(v, [&](std::string_view key, std::size_t w) {
      switch (lookup_member(key)) {
        case Member::name: read(w, x.name); break;
        case Member::role: read(w, x.role); break;
        case Member::organisation: read(w, x.organisation); break;
        case Member::gender: read(w, x.gender); break;
        case Member::status: read(w, x.status); break;
        default: break;
      }
    });
  }

  void element(std::size_t v, Addressee& a) {
    expect_object(v);
    members(v, [&](std::string_view key, std::size_t w) {
      switch (lookup_member(key)) {
        case Member::name: read(w, a.name); break;
        case Member::title: read(w, a.title); break;
        case Member::institution: read(w, a.institution); break;
        case Member::address: read(w, a.address); break;
        case Member::email: read(w, a.email); break;
        case Member::fax: read(w, a.fax); break;
        case Member::phone: read(w, a.phone); break;
        default: break;
      }
    });
  }

  void element(std::size_t v, Mapping& m) {
    expect_object(v);
    members(v, [&](std::string_view key, std::size_t w) {
      switch (lookup_member(key)) {
        case Member::kind: read_enum(w, m.kind); break;
        case Member::uri: read(w, m.uri); break;
        default: break;
      }
    });
  }

  void element(std::size_t v, Term& t) {
    expect_object(v);
    bool has_code = false;
    members(v, [&](std::string_view key, std::size_t w) {
      switch (lookup_member(key)) {
        case Member::code: has_code = !null(w); read(w, t.code); break;
        case Member::uri: read(w, t.uri); break;
        case Member::labels: read(w, t.labels); break;
        case Member::alt_labels: read(w, t.alt_labels); break;
        case Member::definition: read(w, t.definition); break;
        case Member::broader: read(w, t.broader); break;
        case Member::mappings: read(w, t.mappings); break;
        case Member::deprecated: read(w, t.deprecated); break;
        default: break;
      }
    });
    if (!has_code) fail(missing("code"));
  }

  // --- items

  /// Fills the article part of an item (and the intervention part when `iv` is set).
  void article(std::size_t i, Article& a, Intervention* iv) {
    bool has_id = false;
    TimeSlot published;
    TimeSlot updated;
    TimeSlot deadline;
    members(i, [&](std::string_view key, std::size_t v) {
      const Member m = lookup_member(key);
      switch (m) {
        case Member::kind: return;  // already read
        case Member::id: has_id = !null(v); read(v, a.id); return;
        case Member::url: read(v, a.url); return;
        case Member::links: read(v, a.links); return;
        case Member::title: read(v, a.title); return;
        case Member::summary: read(v, a.summary); return;
        case Member::content: read(v, a.content); return;
        case Member::published: published.value = v; return;
        case Member::published_raw: published.raw = v; return;
        case Member::updated: updated.value = v; return;
        case Member::updated_raw: updated.raw = v; return;
        case Member::language: read(v, a.language); return;
        case Member::language_inferred: read(v, a.language_inferred); return;
        case Member::authors: read(v, a.authors); return;
        case Member::publishers: read(v, a.publishers); return;
        case Member::categories: read(v, a.categories); return;
        case Member::subjects: read(v, a.subjects); return;
        case Member::countries: read(v, a.countries); return;
        case Member::regions: read(v, a.regions); return;
        case Member::geo: read_optional(v, a.geo); return;
        case Member::campaigns: read(v, a.campaigns); return;
        case Member::related: read(v, a.related); return;
        case Member::attachments: read(v, a.attachments); return;
        case Member::rights: read(v, a.rights); return;
        case Member::dateline: read(v, a.dateline); return;
        case Member::event: read_optional(v, a.event); return;
        default: break;
      }
      if (iv != nullptr) {
        switch (m) {
          case Member::case_ref: read_optional(v, iv->case_ref); return;
          case Member::intervention_type: read_enum(v, iv->intervention_type); return;
          case Member::status: read_enum(v, iv->status); return;
          case Member::victims: read(v, iv->victims); return;
          case Member::violations: read(v, iv->violations); return;
          case Member::requested_actions: read(v, iv->requested_actions); return;
          case Member::addressees: read(v, iv->addressees); return;
          case Member::deadline: deadline.value = v; return;
          case Member::deadline_raw: deadline.raw = v; return;
          case Member::follows: read(v, iv->follows); return;
          default: break;
        }
      }
      a.extensions.insert_or_assign(std::string(key), extension_text(t_, v));
    });
    if (!has_id) fail(missing("id"));
    if (a.id.empty()) {
      stack_.push_back({"id", npos});
      fail("expected a non-empty string");
    }
    resolve(published, "published", "published_raw", a.published);
    resolve(updated, "updated", "updated_raw", a.updated);
    if (iv != nullptr) resolve(deadline, "deadline", "deadline_raw", iv->deadline);
  }

  const Tape& t_;
  const Site& site_;
  std::string_view base_;
  std::vector<Step> stack_;
};

}  // namespace

Feed decode_feed(const Tape& tape, const Site& site, std::string_view path) {
  return Decoder(tape, site, path).feed(0);
}
Item decode_item(const Tape& tape, const Site& site, std::string_view path) {
  return Decoder(tape, site, path).item(0);
}
Campaign decode_campaign(const Tape& tape, const Site& site, std::string_view path) {
  return Decoder(tape, site, path).campaign(0);
}
Scheme decode_scheme(const Tape& tape, const Site& site, std::string_view path) {
  return Decoder(tape, site, path).scheme(0);
}
Diagnostic decode_diagnostic(const Tape& tape, const Site& site, std::string_view path) {
  return Decoder(tape, site, path).diagnostic(0);
}
Record decode_record(const Tape& tape, const Site& site) { return Decoder(tape, site, {}).record(); }

void check_version(const Tape& tape, const Site& site) {
  if (tape.tokens[0].type != Tok::string) fail(site, "/hrnews", "expected a string");
  const std::string_view version = tape.str(0);
  std::string_view major = version.substr(0, version.find('.'));
  while (major.size() > 1 && major.front() == '0') major.remove_prefix(1);
  if (major != "1") fail(site, "/hrnews", "unsupported format version " + quote(version));
}

std::string extension_text(const Tape& tape, std::size_t i) {
  using json = nlohmann::json;
  const Token& first = tape.tokens[i];
  switch (first.type) {
    case Tok::null: return "null";
    case Tok::boolean: return first.flag ? "true" : "false";
    case Tok::integer: return std::to_string(first.i);
    case Tok::unsigned_: return std::to_string(first.u);
    case Tok::floating: return json(first.d).dump();
    case Tok::string: {
      std::string out;
      append_escaped(out, tape.str(i));
      return out;
    }
    default: break;
  }
  // A container: build it without recursion, then let nlohmann write it.
  return tape_to_json<json>(tape, i).dump(-1, ' ', false, json::error_handler_t::replace);
}

// ---------------------------------------------------------------------------
// Writer

void append_escaped(std::string& out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  out.push_back('"');
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* const end = p + s.size();
  const auto* run = p;  // start of the bytes not yet copied
  while (p < end) {
    const unsigned char c = *p;
    if (!escape_table.special[c]) {
      ++p;
      continue;
    }
    if (c >= 0x80) {
      std::size_t bad = 0;
      const std::size_t n = utf8_sequence(p, end, bad);
      if (n != 0) {
        p += n;
        continue;
      }
      out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
      out.append("\xEF\xBF\xBD");  // U+FFFD
      p += bad;
      run = p;
      continue;
    }
    out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\b': out.append("\\b"); break;
      case '\f': out.append("\\f"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      default: {
        const char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
        out.append(u, 6);
        break;
      }
    }
    ++p;
    run = p;
  }
  out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
  out.push_back('"');
}

void Writer::number(std::uint64_t n) {
  before_value();
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, n);
  out_.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

void Writer::number(std::int64_t n) {
  before_value();
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, n);
  out_.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

void Writer::number(double d) {
  before_value();
  if (!std::isfinite(d)) {
    out_.append("null");
    return;
  }
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, d);
  const std::string_view text(buf, static_cast<std::size_t>(r.ptr - buf));
  out_.append(text);
  if (text.find_first_of(".e") == std::string_view::npos) out_.append(".0");  // keep it a float, as nlohmann does
}

void Writer::json_text(std::string_view text) {
  using json = nlohmann::json;
  constexpr std::size_t max_depth = 512;  // nlohmann's dump recurses
  json value;
  bool ok = find_depth_excess(text, max_depth) == npos;
  if (ok) {
    value = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    ok = !value.is_discarded();
  }
  if (!ok) {  // not JSON: kept as a string rather than writing ill-formed output
    string(text);
    return;
  }
  before_value();
  if (indent_ < 0) {
    out_ += value.dump(-1, ' ', false, json::error_handler_t::replace);
    return;
  }
  const std::string pretty = value.dump(indent_, ' ', false, json::error_handler_t::replace);
  const std::size_t margin = level_ * static_cast<std::size_t>(indent_);
  for (char c : pretty) {
    out_.push_back(c);
    if (c == '\n') out_.append(margin, ' ');
  }
}

void Writer::maybe_flush() {
  if (sink_ != nullptr && out_.size() >= (std::size_t{1} << 16)) flush();
}

void Writer::flush() {
  if (sink_ == nullptr) return;
  sink_->write(out_.data(), static_cast<std::streamsize>(out_.size()));
  out_.clear();
}

// ---------------------------------------------------------------------------
// Model -> JSON

namespace {

void put(Writer& w, std::string_view name, const std::string& s) {
  if (s.empty()) return;
  w.key(name);
  w.string(s);
}

void put_text_value(Writer& w, const Text& t) {
  if (t.type == TextType::text) {
    w.string(t.value);
    return;
  }
  w.begin_object();
  w.key("type");
  w.plain_string(to_string(t.type));
  w.key("value");
  w.string(t.value);
  w.end_object();
}

void put(Writer& w, std::string_view name, const Text& t) {
  if (t.empty()) return;
  w.key(name);
  put_text_value(w, t);
}

void put(Writer& w, std::string_view name, const std::optional<Text>& t) {
  if (!t) return;
  w.key(name);
  put_text_value(w, *t);
}

void put(Writer& w, std::string_view name, std::string_view raw_name, const std::optional<Timestamp>& t) {
  if (!t) return;
  const std::string text = t->to_rfc3339();
  w.key(name);
  w.plain_string(text);  // digits, '-', ':', '.', 'T', 'Z', '+': nothing to escape
  if (t->raw() != text) {
    w.key(raw_name);
    w.string(t->raw());
  }
}

template <class U>
void put(Writer& w, std::string_view name, const std::optional<U>& n) {
  if (!n) return;
  w.key(name);
  w.number(static_cast<std::uint64_t>(*n));
}

void put_int(Writer& w, std::string_view name, int n) {
  if (n == 0) return;
  w.key(name);
  w.number(static_cast<std::int64_t>(n));
}

void put(Writer& w, std::string_view name, const std::vector<std::string>& list) {
  if (list.empty()) return;
  w.key(name);
  w.begin_array();
  for (const std::string& s : list) w.string(s);
  w.end_array();
}

void put(Writer& w, std::string_view name, const LangMap& map) {
  if (map.empty()) return;
  w.key(name);
  w.begin_object();
  for (const auto& [lang, text] : map) {
    w.escaped_key(lang);
    w.string(text);
  }
  w.end_object();
}

void put(Writer& w, std::string_view name, const LangListMap& map) {
  if (map.empty()) return;
  w.key(name);
  w.begin_object();
  for (const auto& [lang, list] : map) {
    w.escaped_key(lang);
    w.begin_array();
    for (const std::string& s : list) w.string(s);
    w.end_array();
  }
  w.end_object();
}

void value(Writer& w, const Link& l) {
  w.begin_object();
  w.key("href");
  w.string(l.href);
  put(w, "rel", l.rel);
  put(w, "type", l.type);
  put(w, "hreflang", l.hreflang);
  put(w, "title", l.title);
  put(w, "length", l.length);
  w.end_object();
}

void value(Writer& w, const Person& p) {
  w.begin_object();
  put(w, "name", p.name);
  put(w, "email", p.email);
  put(w, "uri", p.uri);
  w.end_object();
}

void value(Writer& w, const Party& p) {
  w.begin_object();
  w.key("kind");
  w.plain_string(to_string(p.kind));
  put(w, "name", p.name);
  put(w, "role", p.role);
  put(w, "abbreviation", p.abbreviation);
  put(w, "email", p.email);
  put(w, "uri", p.uri);
  w.end_object();
}

void value(Writer& w, const Category& c) {
  w.begin_object();
  put(w, "term", c.term);
  put(w, "scheme", c.scheme);
  put(w, "label", c.label);
  w.end_object();
}

void value(Writer& w, const TermRef& r) {
  w.begin_object();
  w.key("scheme");
  w.string(r.scheme);
  w.key("code");
  w.string(r.code);
  w.end_object();
}

void value(Writer& w, const Attachment& a) {
  w.begin_object();
  w.key("url");
  w.string(a.url);
  put(w, "type", a.type);
  put(w, "length", a.length);
  put(w, "title", a.title);
  w.end_object();
}

void value(Writer& w, const Relation& r) {
  w.begin_object();
  w.key("rel");
  w.plain_string(to_string(r.rel));
  put(w, "id_or_url", r.id_or_url);
  w.end_object();
}

void value(Writer& w, const Victim& v) {
  w.begin_object();
  put(w, "name", v.name);
  put(w, "role", v.role);
  put(w, "organisation", v.organisation);
  put(w, "gender", v.gender);
  put(w, "status", v.status);
  w.end_object();
}

void value(Writer& w, const Addressee& a) {
  w.begin_object();
  put(w, "name", a.name);
  put(w, "title", a.title);
  put(w, "institution", a.institution);
  put(w, "address", a.address);
  put(w, "email", a.email);
  put(w, "fax", a.fax);
  put(w, "phone", a.phone);
  w.end_object();
}

void value(Writer& w, const Mapping& m) {
  w.begin_object();
  w.key("kind");
  w.plain_string(to_string(m.kind));
  put(w, "uri", m.uri);
  w.end_object();
}

void value(Writer& w, const Term& t) {
  w.begin_object();
  w.key("code");
  w.string(t.code);
  put(w, "uri", t.uri);
  put(w, "labels", t.labels);
  put(w, "alt_labels", t.alt_labels);
  put(w, "definition", t.definition);
  put(w, "broader", t.broader);
  if (!t.mappings.empty()) {
    w.key("mappings");
    w.begin_array();
    for (const Mapping& m : t.mappings) value(w, m);
    w.end_array();
  }
  if (t.deprecated) {
    w.key("deprecated");
    w.boolean(true);
  }
  w.end_object();
}

template <class T>
void put(Writer& w, std::string_view name, const std::vector<T>& list) {
  if (list.empty()) return;
  w.key(name);
  w.begin_array();
  for (const T& x : list) value(w, x);
  w.end_array();
}

void put(Writer& w, std::string_view name, const std::optional<GeoPoint>& g) {
  // A point that JSON cannot hold (NaN, infinity) is left out rather than written as null.
  if (!g || !std::isfinite(g->lat) || !std::isfinite(g->lon)) return;
  w.key(name);
  w.begin_object();
  w.key("lat");
  w.number(g->lat);
  w.key("lon");
  w.number(g->lon);
  w.end_object();
}

void put(Writer& w, std::string_view name, const std::optional<Event>& e) {
  if (!e) return;
  w.key(name);
  w.begin_object();
  put(w, "start", "start_raw", e->start);
  put(w, "end", "end_raw", e->end);
  put(w, "location", e->location);
  w.end_object();
}

void put(Writer& w, std::string_view name, const std::optional<CaseReference>& c) {
  if (!c) return;
  w.key(name);
  w.begin_object();
  w.key("raw");
  w.string(c->raw());
  w.key("scheme");
  w.plain_string(to_string(c->scheme()));
  put(w, "formatted", c->format());
  put(w, "country", c->country());
  put_int(w, "number", c->number());
  put_int(w, "month", c->month());
  put_int(w, "year", c->year());
  put(w, "programme", c->programme());
  put_int(w, "serial", c->serial());
  put_int(w, "follow_up", c->follow_up());
  w.end_object();
}

void article_members(Writer& w, const Article& a) {
  w.key("id");
  w.string(a.id);
  put(w, "url", a.url);
  put(w, "links", a.links);
  put(w, "title", a.title);
  put(w, "summary", a.summary);
  put(w, "content", a.content);
  put(w, "published", "published_raw", a.published);
  put(w, "updated", "updated_raw", a.updated);
  put(w, "language", a.language);
  if (a.language_inferred) {
    w.key("language_inferred");
    w.boolean(true);
  }
  put(w, "authors", a.authors);
  put(w, "publishers", a.publishers);
  put(w, "categories", a.categories);
  put(w, "subjects", a.subjects);
  put(w, "countries", a.countries);
  put(w, "regions", a.regions);
  put(w, "geo", a.geo);
  put(w, "campaigns", a.campaigns);
  put(w, "related", a.related);
  put(w, "attachments", a.attachments);
  put(w, "rights", a.rights);
  put(w, "dateline", a.dateline);
  put(w, "event", a.event);
}

void intervention_members(Writer& w, const Intervention& iv) {
  put(w, "case_ref", iv.case_ref);
  w.key("intervention_type");
  w.plain_string(to_string(iv.intervention_type));
  if (iv.status) {
    w.key("status");
    w.plain_string(to_string(*iv.status));
  }
  put(w, "victims", iv.victims);
  put(w, "violations", iv.violations);
  put(w, "requested_actions", iv.requested_actions);
  put(w, "addressees", iv.addressees);
  put(w, "deadline", "deadline_raw", iv.deadline);
  put(w, "follows", iv.follows);
}

void write_document(Writer& w, const Collection& c) {
  write_document_head(w, c.feed);
  if (!c.items.empty()) {
    w.key("items");
    w.begin_array();
    for (const Item& item : c.items) {
      write_item(w, item);
      w.maybe_flush();
    }
    w.end_array();
  }
  write_document_tail(w, c.campaigns, c.schemes, c.diagnostics, c.extensions);
}

int indent_of(const WriteOptions& options) { return options.pretty ? std::max(0, options.indent) : -1; }

}  // namespace

void write_document_head(Writer& w, const Feed& feed) {
  w.begin_object();
  w.key("hrnews");
  w.plain_string(format_version);
  if (!feed_is_empty(feed)) {
    w.key("feed");
    write_feed(w, feed);
  }
}

void write_document_tail(Writer& w, const std::vector<Campaign>& campaigns, const std::vector<Scheme>& schemes,
                         const std::vector<Diagnostic>& diagnostics, const Extensions& extensions) {
  if (!campaigns.empty()) {
    w.key("campaigns");
    w.begin_array();
    for (const Campaign& campaign : campaigns) write_campaign(w, campaign, false);
    w.end_array();
  }
  if (!schemes.empty()) {
    w.key("schemes");
    w.begin_array();
    for (const Scheme& scheme : schemes) {
      write_scheme(w, scheme, false);
      w.maybe_flush();
    }
    w.end_array();
  }
  if (!diagnostics.empty()) {
    w.key("diagnostics");
    w.begin_array();
    for (const Diagnostic& d : diagnostics) write_diagnostic(w, d, false);
    w.end_array();
  }
  write_extensions(w, extensions, Owner::document);
  w.end_object();
}

bool feed_is_empty(const Feed& f) noexcept {
  return f.id.empty() && f.title.empty() && !f.subtitle && f.url.empty() && f.links.empty() &&
         f.language.empty() && !f.updated && f.publishers.empty() && f.generator.empty() && !f.rights &&
         f.icon.empty() && f.source_format.empty() && f.extensions.empty();
}

void write_feed(Writer& w, const Feed& f) {
  w.begin_object();
  put(w, "id", f.id);
  put(w, "title", f.title);
  put(w, "subtitle", f.subtitle);
  put(w, "url", f.url);
  put(w, "links", f.links);
  put(w, "language", f.language);
  put(w, "updated", "updated_raw", f.updated);
  put(w, "publishers", f.publishers);
  put(w, "generator", f.generator);
  put(w, "rights", f.rights);
  put(w, "icon", f.icon);
  put(w, "source_format", f.source_format);
  write_extensions(w, f.extensions, Owner::feed);
  w.end_object();
}

void write_item(Writer& w, const Item& item) {
  w.begin_object();
  if (const auto* iv = std::get_if<Intervention>(&item)) {
    w.key("kind");
    w.plain_string("intervention");
    article_members(w, *iv);
    intervention_members(w, *iv);
    write_extensions(w, iv->extensions, Owner::intervention);
  } else {
    const Article& a = *std::get_if<Article>(&item);
    w.key("kind");
    w.plain_string("article");
    article_members(w, a);
    write_extensions(w, a.extensions, Owner::article);
  }
  w.end_object();
}

void write_campaign(Writer& w, const Campaign& c, bool with_kind) {
  w.begin_object();
  if (with_kind) {
    w.key("kind");
    w.plain_string("campaign");
  }
  w.key("id");
  w.string(c.id);
  put(w, "name", c.name);
  put(w, "title", c.title);
  put(w, "summary", c.summary);
  put(w, "url", c.url);
  if (c.status) {
    w.key("status");
    w.plain_string(to_string(*c.status));
  }
  put(w, "start", "start_raw", c.start);
  put(w, "end", "end_raw", c.end);
  put(w, "organisers", c.organisers);
  put(w, "hashtags", c.hashtags);
  put(w, "subjects", c.subjects);
  put(w, "countries", c.countries);
  put(w, "items", c.items);
  put(w, "calls_to_action", c.calls_to_action);
  write_extensions(w, c.extensions, Owner::campaign);
  w.end_object();
}

void write_scheme(Writer& w, const Scheme& s, bool with_kind) {
  w.begin_object();
  if (with_kind) {
    w.key("kind");
    w.plain_string("scheme");
  }
  w.key("id");
  w.string(s.id);
  put(w, "uri", s.uri);
  put(w, "title", s.title);
  put(w, "terms", s.terms);
  w.end_object();
}

void write_diagnostic(Writer& w, const Diagnostic& d, bool with_kind) {
  w.begin_object();
  if (with_kind) {
    w.key("kind");
    w.plain_string("diagnostic");
  }
  w.key("severity");
  w.plain_string(to_string(d.severity));
  put(w, "code", d.code);
  put(w, "message", d.message);
  put(w, "line", d.line);
  put(w, "column", d.column);
  put(w, "path", d.path);
  w.end_object();
}

void write_extensions(Writer& w, const Extensions& extensions, Owner owner) {
  for (const auto& [name, text] : extensions) {
    if (is_known_member(owner, name)) continue;  // never duplicate a member of the format
    w.escaped_key(name);
    w.json_text(text);
  }
}

}  // namespace json_detail

// ---------------------------------------------------------------------------
// Public API

using json_detail::SaxHandler;
using json_detail::Site;

Collection read_json(std::string_view json, const ReadOptions& options) {
  Site site;
  site.format = "json";
  site.file = options.file_name;
  if (json.size() > options.limits.max_input_bytes) {
    throw ParseError("json", json_detail::over_limit("input", json.size(), options.limits.max_input_bytes), {},
                     {}, options.file_name);
  }
  Collection collection;
  json_detail::Tape tape;
  SaxHandler handler(SaxHandler::Mode::document, options.limits, site, json, tape);
  handler.collection = &collection;
  handler.feed = &collection.feed;
  handler.extensions = &collection.extensions;
  json_detail::sax_parse(json, handler);
  if (!handler.has_version) json_detail::fail(site, {}, "missing required member \"hrnews\"");
  return collection;
}

Result<Collection> try_read_json(std::string_view json, const ReadOptions& options) noexcept {
  try {
    return read_json(json, options);
  } catch (const ParseError& e) {
    return e;
  } catch (const std::bad_alloc&) {
    return ParseError("json", "out of memory", {}, {}, options.file_name);
  } catch (const std::exception& e) {
    return ParseError("json", e.what(), {}, {}, options.file_name);
  }
}

// Pretty output is a text file and ends with a newline; compact output is the bare value.
std::string write_json(const Collection& collection, const WriteOptions& options) {
  std::string out;
  json_detail::Writer w(out, json_detail::indent_of(options));
  json_detail::write_document(w, collection);
  if (options.pretty) out.push_back('\n');
  return out;
}

void write_json(const Collection& collection, std::ostream& out, const WriteOptions& options) {
  std::string buffer;
  json_detail::Writer w(buffer, json_detail::indent_of(options), &out);
  json_detail::write_document(w, collection);
  if (options.pretty) buffer.push_back('\n');
  w.flush();
}

Scheme read_scheme_json(std::string_view json, const ReadOptions& options) {
  Site site;
  site.format = "json";
  site.file = options.file_name;
  if (json.size() > options.limits.max_input_bytes) {
    throw ParseError("json", json_detail::over_limit("input", json.size(), options.limits.max_input_bytes), {},
                     {}, options.file_name);
  }
  json_detail::Tape tape;
  SaxHandler handler(SaxHandler::Mode::value, options.limits, site, json, tape);
  json_detail::sax_parse(json, handler);
  return json_detail::decode_scheme(tape, site, {});
}

std::string write_scheme_json(const Scheme& scheme, const WriteOptions& options) {
  std::string out;
  json_detail::Writer w(out, json_detail::indent_of(options));
  json_detail::write_scheme(w, scheme, false);
  if (options.pretty) out.push_back('\n');
  return out;
}

}  // namespace hrnews
