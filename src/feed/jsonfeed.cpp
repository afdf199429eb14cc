// SPDX-License-Identifier: Apache-2.0
// JSON Feed 1.0 and 1.1: a liberal reader and a lossless 1.1 writer.
//
// Reading: the bytes are repaired where JSON Feeds in the wild are broken
// (invalid UTF-8, raw control characters inside strings), parsed by the
// canonical reader's SAX handler onto a flat tape (limits on depth and string
// length, syntax errors with line and column), then mapped member by member.
// Every repair is a diagnostic whose JSON Pointer is turned into a line and
// column at the end, in one pass over the text.
//
// Writing: the standard members carry what JSON Feed can say. The writer then
// reads those members back with this very reader ("the native view") and
// compares the canonical JSON of the model with that of the native view
// (hrnews/nlohmann.hpp): every member that differs goes into an `_hrnews`
// object, which a reader overlays on the native view. So the extension holds
// exactly what the standard members cannot, and model -> jsonfeed -> model is
// the identity by construction. Reference: docs/format-feeds.md, "JSON Feed".

#include <hrnews/jsonfeed.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <hrnews/nlohmann.hpp>
#include <hrnews/url.hpp>

#include "../json_detail.hpp"
#include "common.hpp"
#include "hr_ext.hpp"
#include "xml_input.hpp"
#include "../utf8.hpp"

namespace hrnews {
namespace {

using ::hrnews::detail::utf8_sequence;

using ojson = nlohmann::ordered_json;
using json_detail::Tape;
using json_detail::Tok;
using json_detail::Token;

constexpr std::string_view format_id = "jsonfeed";
constexpr std::size_t npos = static_cast<std::size_t>(-1);
constexpr std::string_view version_1_0 = "https://jsonfeed.org/version/1";
constexpr std::string_view version_1_1 = "https://jsonfeed.org/version/1.1";
constexpr std::string_view hrnews_member = "_hrnews";

bool starts_with(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

/// `/token` as a JSON Pointer step.
std::string step(std::string_view token) { return detail::nl::step(token); }
std::string step(std::size_t index) { return detail::nl::step(index); }

/// An extension member of JSON Feed: a name starting with `_`, other than `_hrnews`.
bool is_custom_member(std::string_view name) noexcept { return !name.empty() && name[0] == '_' && name != hrnews_member; }

// ---------------------------------------------------------------------------
// Offsets: repairs change the text; positions are reported in the original.

/// Maps offsets of the repaired text back to the input: checkpoints after each edit.
struct OffsetMap {
  std::vector<std::pair<std::size_t, std::size_t>> points;  // (repaired offset, original offset)

  std::size_t original(std::size_t repaired) const noexcept {
    auto it = std::upper_bound(points.begin(), points.end(), repaired,
                               [](std::size_t v, const std::pair<std::size_t, std::size_t>& p) { return v < p.first; });
    if (it == points.begin()) return repaired;
    --it;
    return it->second + (repaired - it->first);
  }
};

/// 1-based line and column (in bytes) of `offset` in `text`.
std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const std::size_t line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t nl = before.rfind('\n');
  return {line, nl == std::string_view::npos ? offset + 1 : offset - nl};
}

/// Line starts of a text, for many lookups.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }
  std::pair<std::size_t, std::size_t> at(std::size_t offset) const {
    const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const std::size_t line = static_cast<std::size_t>(it - starts_.begin());
    return {line, offset - starts_[line - 1] + 1};
  }

 private:
  std::vector<std::size_t> starts_;
};

// ---------------------------------------------------------------------------
// Input repair: invalid UTF-8 and raw control characters.


/// What the repair pass found.
struct Repairs {
  std::size_t bad_utf8 = 0;          // invalid sequences
  std::size_t first_bad_utf8 = npos; // offset of the first one
  std::size_t controls = 0;          // raw control characters
  std::size_t first_control = npos;
};

/// One pass over the input; `out` (with `map`) is filled only when something is repaired.
/// Raw control characters are repaired only when every string is closed (otherwise the
/// syntax error of the unterminated string is the better message).
Repairs repair_input(std::string_view in, std::string& out, OffsetMap& map) {
  Repairs r;
  const auto* const begin = reinterpret_cast<const unsigned char*>(in.data());
  const auto* const end = begin + in.size();
  bool in_string = false;
  for (const unsigned char* p = begin; p < end;) {
    const unsigned char c = *p;
    if (c >= 0x80) {
      std::size_t bad = 0;
      const std::size_t n = utf8_sequence(p, end, bad);
      if (n == 0) {
        if (r.bad_utf8++ == 0) r.first_bad_utf8 = static_cast<std::size_t>(p - begin);
        p += bad;
      } else {
        p += n;
      }
      continue;
    }
    if (in_string) {
      if (c == '\\') {
        p += 2;
        continue;
      }
      if (c == '"') in_string = false;
      else if (c < 0x20 && r.controls++ == 0) r.first_control = static_cast<std::size_t>(p - begin);
    } else if (c == '"') {
      in_string = true;
    } else if (c < 0x20 && c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      if (r.controls++ == 0) r.first_control = static_cast<std::size_t>(p - begin);
    }
    ++p;
  }
  if (in_string) r.controls = 0;
  if (r.bad_utf8 == 0 && r.controls == 0) return r;

  out.clear();
  out.reserve(in.size() + 16);
  in_string = false;
  for (const unsigned char* p = begin; p < end;) {
    const unsigned char c = *p;
    const std::size_t at = static_cast<std::size_t>(p - begin);
    if (c >= 0x80) {
      std::size_t bad = 0;
      const std::size_t n = utf8_sequence(p, end, bad);
      if (n == 0) {
        out.append("\xEF\xBF\xBD");
        p += bad;
        map.points.emplace_back(out.size(), at + bad);
      } else {
        out.append(reinterpret_cast<const char*>(p), n);
        p += n;
      }
      continue;
    }
    if (r.controls > 0 && c < 0x20 && c != '\n' && c != '\r' && c != '\t' && !in_string) {
      ++p;  // stray control character between tokens: removed
      map.points.emplace_back(out.size(), at + 1);
      continue;
    }
    if (in_string) {
      if (c == '\\' && p + 1 < end) {
        out.push_back('\\');
        ++p;
        continue;  // the escaped character is copied by the next round (or repaired if invalid UTF-8)
      }
      if (c == '"') in_string = false;
      if (r.controls > 0 && c < 0x20) {
        if (c == '\n') out.append("\\n");
        else if (c == '\r') out.append("\\r");
        else if (c == '\t') out.append("\\t");
        // other C0 characters are removed
        ++p;
        map.points.emplace_back(out.size(), at + 1);
        continue;
      }
    } else if (c == '"') {
      in_string = true;
    }
    out.push_back(static_cast<char>(c));
    ++p;
  }
  return r;
}

// ---------------------------------------------------------------------------
// Locating JSON Pointers in the text, in one pass.

/// Decodes the JSON string starting at `text[i] == '"'` into `out`; returns the offset after it.
std::size_t scan_string(std::string_view text, std::size_t i, std::string* out) {
  ++i;
  auto put_utf8 = [out](std::uint32_t cp) {
    if (!out) return;
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  };
  auto hex4 = [&text](std::size_t at) -> std::uint32_t {
    std::uint32_t v = 0;
    for (std::size_t k = at; k < at + 4 && k < text.size(); ++k) {
      const char h = text[k];
      v <<= 4;
      if (h >= '0' && h <= '9') v |= static_cast<std::uint32_t>(h - '0');
      else if (h >= 'a' && h <= 'f') v |= static_cast<std::uint32_t>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F') v |= static_cast<std::uint32_t>(h - 'A' + 10);
    }
    return v;
  };
  while (i < text.size() && text[i] != '"') {
    if (text[i] != '\\') {
      if (out) out->push_back(text[i]);
      ++i;
      continue;
    }
    if (i + 1 >= text.size()) return text.size();
    const char e = text[i + 1];
    i += 2;
    switch (e) {
      case 'b': put_utf8('\b'); break;
      case 'f': put_utf8('\f'); break;
      case 'n': put_utf8('\n'); break;
      case 'r': put_utf8('\r'); break;
      case 't': put_utf8('\t'); break;
      case 'u': {
        std::uint32_t cp = hex4(i);
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= text.size() && text[i] == '\\' && text[i + 1] == 'u') {
          const std::uint32_t lo = hex4(i + 2);
          if (lo >= 0xDC00 && lo <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            i += 6;
          }
        }
        put_utf8(cp);
        break;
      }
      default: put_utf8(static_cast<unsigned char>(e)); break;
    }
  }
  return i < text.size() ? i + 1 : i;
}

/// The offsets in `text` (valid JSON) of the values at the JSON Pointers in `wanted`.
std::unordered_map<std::string, std::size_t> locate_pointers(std::string_view text,
                                                             const std::unordered_set<std::string>& wanted) {
  std::unordered_map<std::string, std::size_t> found;
  struct Frame {
    bool object;
    std::size_t index;
    std::size_t path_len;
  };
  std::vector<Frame> stack;
  std::string path;
  std::string name;
  std::size_t i = 0;
  auto skip_ws = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
  };
  enum class State { value, key, after };
  State state = State::value;
  while (i < text.size() && found.size() < wanted.size()) {
    skip_ws();
    if (i >= text.size()) break;
    if (state == State::key) {
      if (text[i] == '}') {  // tolerated: an empty object after a comma cannot happen in valid JSON
        state = State::after;
        continue;
      }
      name.clear();
      i = scan_string(text, i, &name);
      skip_ws();
      if (i < text.size() && text[i] == ':') ++i;
      path.resize(stack.back().path_len);
      path += step(name);
      state = State::value;
      continue;
    }
    if (state == State::value) {
      if (wanted.count(path) != 0) found.emplace(path, i);
      const char c = text[i];
      if (c == '{' || c == '[') {
        stack.push_back({c == '{', 0, path.size()});
        ++i;
        skip_ws();
        if (i < text.size() && (text[i] == '}' || text[i] == ']')) {
          ++i;
          path.resize(stack.back().path_len);
          stack.pop_back();
          state = State::after;
        } else if (c == '{') {
          state = State::key;
        } else {
          path += "/0";
        }
        continue;
      }
      if (c == '"') {
        i = scan_string(text, i, nullptr);
      } else {
        while (i < text.size() && text[i] != ',' && text[i] != '}' && text[i] != ']' && text[i] != ' ' &&
               text[i] != '\n' && text[i] != '\r' && text[i] != '\t') {
          ++i;
        }
      }
      state = State::after;
      continue;
    }
    // State::after
    if (stack.empty()) break;
    const char c = text[i++];
    Frame& top = stack.back();
    if (c == ',') {
      if (top.object) {
        state = State::key;
      } else {
        ++top.index;
        path.resize(top.path_len);
        path += step(top.index);
        state = State::value;
      }
    } else if (c == '}' || c == ']') {
      path.resize(top.path_len);
      stack.pop_back();
    }
  }
  return found;
}

// ---------------------------------------------------------------------------
// Tape helpers (type_name, for_members and for_elements are in json_detail.hpp)

using json_detail::for_elements;
using json_detail::for_members;
using json_detail::type_name;

/// The tape of a document handed back to the system as its items are decoded
/// (detail::SpentInput over its tokens and over its string arena): the items
/// being built then take the place of the ones already read instead of the
/// whole tape living until the end of the document. Only whole values of the
/// `items` array are spent, one after the other; nothing reads them again.
class SpentTape {
 public:
  explicit SpentTape(Tape& t) noexcept
      : t_(t),
        tokens_(reinterpret_cast<char*>(t.tokens.data()), t.tokens.size() * sizeof(Token)),
        arena_(t.arena.data(), t.arena.size()) {}

  /// The tokens [from, to) and the strings they hold are read no more.
  void spend(std::size_t from, std::size_t to) noexcept {
    if (from >= to) return;
    tokens_.spend(static_cast<std::ptrdiff_t>(from * sizeof(Token)), static_cast<std::ptrdiff_t>(to * sizeof(Token)));
    // The strings of consecutive values are consecutive in the arena.
    auto has_text = [this](std::size_t k) {
      return t_.tokens[k].type == Tok::string || t_.tokens[k].type == Tok::key;
    };
    std::size_t first = from;
    while (first < to && !has_text(first)) ++first;
    if (first == to) return;
    std::size_t last = to - 1;
    while (!has_text(last)) --last;
    arena_.spend(static_cast<std::ptrdiff_t>(t_.tokens[first].off),
                 static_cast<std::ptrdiff_t>(t_.tokens[last].off + t_.tokens[last].len));
  }

 private:
  const Tape& t_;
  detail::SpentInput tokens_;
  detail::SpentInput arena_;
};

std::size_t element_count(const Tape& t, std::size_t array) {
  std::size_t n = 0;
  for_elements(t, array, [&n](std::size_t, std::size_t) { ++n; });
  return n;
}

/// The value at `i` as an ordered nlohmann value (shared with the canonical reader).
ojson tape_to_json(const Tape& tape, std::size_t i) { return json_detail::tape_to_json<ojson>(tape, i); }

/// Compact JSON text of a value, invalid UTF-8 replaced.
std::string dump(const ojson& j) { return j.dump(-1, ' ', false, ojson::error_handler_t::replace); }

/// The value at `i` as compact JSON text, members in their order (an extension's text).
std::string member_text(const Tape& tape, std::size_t i) {
  const Tok type = tape.tokens[i].type;
  if (type == Tok::begin_object || type == Tok::begin_array) return dump(tape_to_json(tape, i));
  return json_detail::extension_text(tape, i);
}

/// Parses `text` (trusted: made by this writer) onto `tape`.
void parse_onto(std::string_view text, Tape& tape) {
  static const Limits unlimited = [] {
    Limits l;
    l.max_input_bytes = std::numeric_limits<std::size_t>::max();
    l.max_depth = 1024;
    l.max_items = std::numeric_limits<std::size_t>::max();
    l.max_string_bytes = std::numeric_limits<std::size_t>::max();
    return l;
  }();
  json_detail::Site site;
  site.format = "jsonfeed";
  json_detail::SaxHandler handler(json_detail::SaxHandler::Mode::value, unlimited, site, text, tape);
  json_detail::sax_parse(text, handler);
}

// ---------------------------------------------------------------------------
// Plain text of HTML (for the members JSON Feed defines as plain text)

using ::hrnews::detail::append_utf8;

/// The text of an HTML fragment: tags removed, the common character references
/// resolved, runs of whitespace collapsed, trimmed. Good enough for a title.
std::string html_to_plain(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  bool space = false;
  auto put = [&](std::string_view s) {
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.append(s);
  };
  for (std::size_t i = 0; i < html.size();) {
    const char c = html[i];
    if (c == '<') {
      const std::size_t close = html.find('>', i);
      if (close == std::string_view::npos) {
        put(html.substr(i, 1));
        ++i;
        continue;
      }
      i = close + 1;
      space = space || !out.empty();  // a tag separates words (approximately)
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      ++i;
      continue;
    }
    if (c == '&') {
      const std::size_t semi = html.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 10) {
        const std::string_view name = html.substr(i + 1, semi - i - 1);
        std::string decoded;
        if (name == "amp") decoded = "&";
        else if (name == "lt") decoded = "<";
        else if (name == "gt") decoded = ">";
        else if (name == "quot") decoded = "\"";
        else if (name == "apos") decoded = "'";
        else if (name == "nbsp") decoded = "\xC2\xA0";
        else if (name.size() > 1 && name[0] == '#') {
          std::uint32_t cp = 0;
          bool ok = true;
          const bool hex = name[1] == 'x' || name[1] == 'X';
          const std::string_view digits = name.substr(hex ? 2 : 1);
          ok = !digits.empty();
          for (char d : digits) {
            std::uint32_t v;
            if (d >= '0' && d <= '9') v = static_cast<std::uint32_t>(d - '0');
            else if (hex && d >= 'a' && d <= 'f') v = static_cast<std::uint32_t>(d - 'a' + 10);
            else if (hex && d >= 'A' && d <= 'F') v = static_cast<std::uint32_t>(d - 'A' + 10);
            else {
              ok = false;
              break;
            }
            cp = cp * (hex ? 16 : 10) + v;
            if (cp > 0x10FFFF) {
              ok = false;
              break;
            }
          }
          if (ok) append_utf8(decoded, cp);
        }
        if (!decoded.empty()) {
          put(decoded);
          i = semi + 1;
          continue;
        }
      }
    }
    put(html.substr(i, 1));
    ++i;
  }
  return out;
}

/// What a JSON Feed plain-text member shows for `t`.
std::string plain(const Text& t) { return t.type == TextType::text ? t.value : html_to_plain(t.value); }

// ---------------------------------------------------------------------------
// Reader: the standard members of JSON Feed 1.0 and 1.1

/// The version a feed declares.
struct Version {
  std::string source_format = "jsonfeed-1.1";
};

/// Maps JSON Feed members (on a tape) to the model, recording every repair.
class Reader {
 public:
  Reader(const Tape* tape, const ReadOptions& options, std::vector<Diagnostic>& diagnostics)
      : t_(tape), options_(options), diagnostics_(diagnostics) {}

  void set_tape(const Tape* tape) noexcept { t_ = tape; }
  const std::string& base() const noexcept { return base_; }

  /// The feed members of the top-level object at `root`; returns the positions of `items` and `_hrnews`.
  void feed(std::size_t root, Feed& f, std::size_t& items_at, std::size_t& hrnews_at) {
    const Tape& t = *t_;
    items_at = npos;
    hrnews_at = npos;
    std::size_t version = npos, title = npos, home = npos, feed_url = npos, description = npos, comment = npos,
                next = npos, icon = npos, favicon = npos, author = npos, authors = npos, language = npos,
                expired = npos, hubs = npos;
    bool has_version = false;
    for_members(t, root, [&](std::string_view key, std::size_t v) {
      if (key == "version") { version = v; has_version = true; }
      else if (key == "title") title = v;
      else if (key == "home_page_url") home = v;
      else if (key == "feed_url") feed_url = v;
      else if (key == "description") description = v;
      else if (key == "user_comment") comment = v;
      else if (key == "next_url") next = v;
      else if (key == "icon") icon = v;
      else if (key == "favicon") favicon = v;
      else if (key == "author") author = v;
      else if (key == "authors") authors = v;
      else if (key == "language") language = v;
      else if (key == "expired") expired = v;
      else if (key == "hubs") hubs = v;
      else if (key == "items") items_at = v;
      else if (key == hrnews_member) hrnews_at = v;
      else if (is_custom_member(key)) f.extensions.insert_or_assign(std::string(key), member_text(t, v));
      else unknown_member(step(key));
    });

    // Version
    f.source_format = "jsonfeed-1.1";
    std::string text;
    if (!has_version) {
      repair("version-missing", "no \"version\" member; read as JSON Feed 1.1", "");
    } else if (string(version, "/version", text)) {
      if (text == version_1_0) {
        f.source_format = "jsonfeed-1.0";
      } else if (text == version_1_1) {
        // the default
      } else {
        std::string_view v = text;
        while (!v.empty() && v.back() == '/') v.remove_suffix(1);
        if (starts_with(v, "http://")) v.remove_prefix(7);
        else if (starts_with(v, "https://")) v.remove_prefix(8);
        // "…/version/1.0" is a common spelling of version 1's URL.
        const bool is_1_0 = v == version_1_0.substr(8) || v == "jsonfeed.org/version/1.0";
        if (is_1_0 || v == version_1_1.substr(8)) {
          if (is_1_0) f.source_format = "jsonfeed-1.0";
          repair("version-variant", "version " + json_detail::quote(text) + " read as " +
                                        std::string(is_1_0 ? version_1_0 : version_1_1),
                 "/version");
        } else {
          repair("version-unknown", "unknown JSON Feed version " + json_detail::quote(text) + "; read as 1.1",
                 "/version");
        }
      }
    }

    if (title == npos) repair("title-missing", "feed has no \"title\"", "");
    else if (string(title, "/title", text)) f.title = Text(std::move(text));

    // The base for relative URLs: the home page, else the feed's own URL, else the caller's.
    std::string home_url, self_url;
    const bool has_home = home != npos && string(home, "/home_page_url", home_url);
    const bool has_self = feed_url != npos && string(feed_url, "/feed_url", self_url);
    const std::string& outer = options_.base_url;
    std::string home_abs = has_home ? resolve_url(outer, home_url) : std::string();
    std::string self_abs = has_self ? resolve_url(outer, self_url) : std::string();
    if (has_self && !is_absolute_url(self_abs) && is_absolute_url(home_abs)) self_abs = resolve_url(home_abs, self_url);
    if (has_home && !is_absolute_url(home_abs) && is_absolute_url(self_abs)) home_abs = resolve_url(self_abs, home_url);
    base_ = is_absolute_url(home_abs) ? home_abs : is_absolute_url(self_abs) ? self_abs : outer;
    if (has_home) {
      f.url = home_abs;
      f.id = home_abs;
    } else if (has_self) {
      f.id = self_abs;
    }

    std::vector<Link> links;
    if (has_self) links.push_back(link(self_abs, "self"));
    if (description != npos && string(description, "/description", text)) f.subtitle = Text(std::move(text));
    if (comment != npos && string(comment, "/user_comment", text)) {
      f.extensions.insert_or_assign("user_comment", member_text(t, comment));
    }
    if (next != npos && url(next, "/next_url", text)) links.push_back(link(std::move(text), "next"));
    if (icon != npos && url(icon, "/icon", text)) f.icon = std::move(text);
    if (favicon != npos && url(favicon, "/favicon", text)) links.push_back(link(std::move(text), "icon"));
    if (authors != npos) {
      read_people(authors, "/authors", [&](Person p) { f.publishers.push_back(to_party(std::move(p))); });
    } else if (author != npos) {
      read_author(author, "/author", [&](Person p) { f.publishers.push_back(to_party(std::move(p))); });
    }
    if (language != npos && string(language, "/language", text)) f.language = std::move(text);
    if (expired != npos && !is_null(expired)) {
      if (t.tokens[expired].type == Tok::boolean) {
        f.extensions.insert_or_assign("expired", t.tokens[expired].flag ? "true" : "false");
      } else {
        wrong_type(expired, "/expired", "a boolean");
      }
    }
    if (hubs != npos && array(hubs, "/hubs")) {
      for_elements(t, hubs, [&](std::size_t index, std::size_t h) {
        const std::string path = "/hubs" + step(index);
        if (!object(h, path)) return;
        Link l;
        l.rel = "hub";
        std::string value;
        for_members(t, h, [&](std::string_view key, std::size_t v) {
          if (key == "url") {
            if (url(v, path + "/url", value)) l.href = std::move(value);
          } else if (key == "type") {
            if (string(v, path + "/type", value)) l.title = std::move(value);
          } else if (!is_custom_member(key)) {
            unknown_member(path + step(key));
          }
        });
        if (l.href.empty()) {
          repair("hub-no-url", "hub has no \"url\"; ignored", path);
          return;
        }
        links.push_back(std::move(l));
      });
    }
    f.links = std::move(links);
  }

  /// One item; nothing when it is not an object.
  std::optional<Item> item(std::size_t i, const std::string& path, std::size_t* hrnews_at) {
    const Tape& t = *t_;
    if (hrnews_at) *hrnews_at = npos;
    if (t.tokens[i].type != Tok::begin_object) {
      repair("wrong-type", std::string("expected an object, found ") + type_name(t, i) + "; item skipped", path);
      return std::nullopt;
    }
    Item item(std::in_place_index<0>);
    Article& a = *std::get_if<Article>(&item);
    std::size_t id = npos, url_at = npos, external = npos, title = npos, html = npos, plain_text = npos,
                summary = npos, image = npos, banner = npos, published = npos, modified = npos, author = npos,
                authors = npos, tags = npos, language = npos, attachments = npos;
    for_members(t, i, [&](std::string_view key, std::size_t v) {
      if (key == "id") id = v;
      else if (key == "url") url_at = v;
      else if (key == "external_url") external = v;
      else if (key == "title") title = v;
      else if (key == "content_html") html = v;
      else if (key == "content_text") plain_text = v;
      else if (key == "summary") summary = v;
      else if (key == "image") image = v;
      else if (key == "banner_image") banner = v;
      else if (key == "date_published") published = v;
      else if (key == "date_modified") modified = v;
      else if (key == "author") author = v;
      else if (key == "authors") authors = v;
      else if (key == "tags") tags = v;
      else if (key == "language") language = v;
      else if (key == "attachments") attachments = v;
      else if (key == hrnews_member) {
        if (hrnews_at) *hrnews_at = v;
      } else if (is_custom_member(key)) {
        a.extensions.insert_or_assign(std::string(key), member_text(t, v));
      } else {
        unknown_member(path + step(key));
      }
    });

    std::string text;
    if (id != npos && !is_null(id)) {
      const Token& tok = t.tokens[id];
      if (tok.type == Tok::string) {
        a.id.assign(t.str(id));
      } else if (tok.type == Tok::integer || tok.type == Tok::unsigned_ || tok.type == Tok::floating) {
        a.id = member_text(t, id);
        repair("id-not-string", "id is a number; read as the string \"" + a.id + "\"", path + "/id");
      } else {
        wrong_type(id, path + "/id", "a string");
      }
    }
    if (url_at != npos && url(url_at, path + "/url", text)) a.url = std::move(text);
    if (title != npos && string(title, path + "/title", text)) a.title = Text(std::move(text));
    std::string html_text;
    const bool has_html = html != npos && string(html, path + "/content_html", html_text);
    const bool has_plain = plain_text != npos && string(plain_text, path + "/content_text", text);
    if (has_html) {
      // href and src inside the HTML resolve like the item's own URLs
      if (!base_.empty()) html_text = detail::hr::resolve_html_urls(html_text, base_);
      a.content = Text(std::move(html_text), TextType::html);
      if (has_plain) a.extensions.insert_or_assign("content_text", member_text(t, plain_text));
    } else if (has_plain) {
      a.content = Text(std::move(text));
    }
    if (summary != npos && string(summary, path + "/summary", text)) a.summary = Text(std::move(text));
    if (external != npos && url(external, path + "/external_url", text)) a.links.push_back(link(std::move(text), "related"));
    if (image != npos && url(image, path + "/image", text)) a.links.push_back(link(std::move(text), "image"));
    if (banner != npos && url(banner, path + "/banner_image", text)) {
      a.links.push_back(link(std::move(text), "banner-image"));
    }
    if (published != npos) a.published = date(published, path + "/date_published");
    if (modified != npos) a.updated = date(modified, path + "/date_modified");
    if (authors != npos) {
      read_people(authors, path + "/authors", [&](Person p) { a.authors.push_back(std::move(p)); });
    } else if (author != npos) {
      read_author(author, path + "/author", [&](Person p) { a.authors.push_back(std::move(p)); });
    }
    if (tags != npos && !is_null(tags)) {
      if (t.tokens[tags].type == Tok::string) {
        repair("wrong-type", "expected an array, found a string; read as one tag", path + "/tags");
        if (!t.str(tags).empty()) a.categories.push_back(Category{std::string(t.str(tags)), {}, {}});
      } else if (array(tags, path + "/tags")) {
        for_elements(t, tags, [&](std::size_t index, std::size_t v) {
          std::string tag;
          if (string(v, path + "/tags" + step(index), tag) && !tag.empty()) {
            a.categories.push_back(Category{std::move(tag), {}, {}});
          }
        });
      }
    }
    if (language != npos && string(language, path + "/language", text)) a.language = std::move(text);
    if (attachments != npos && array(attachments, path + "/attachments")) {
      for_elements(t, attachments, [&](std::size_t index, std::size_t v) {
        if (auto att = attachment(v, path + "/attachments" + step(index))) a.attachments.push_back(std::move(*att));
      });
    }
    return item;
  }

 private:
  // --- diagnostics

  void repair(std::string code, std::string message, std::string path) {
    detail::report_repair(diagnostics_, options_, format_id, std::move(code), std::move(message), std::move(path));
  }
  void note(std::string code, std::string message, std::string path) {
    Diagnostic d;
    d.severity = Severity::info;
    d.code = std::move(code);
    d.message = std::move(message);
    d.path = std::move(path);
    diagnostics_.push_back(std::move(d));
  }
  void unknown_member(std::string path) {
    const std::size_t slash = path.rfind('/');
    std::string message = "unknown member \"" + path.substr(slash + 1) + "\" ignored";
    note("member-unknown", std::move(message), std::move(path));
  }
  void wrong_type(std::size_t v, std::string path, const char* expected) {
    repair("wrong-type", std::string("expected ") + expected + ", found " + type_name(*t_, v) + "; ignored",
           std::move(path));
  }

  // --- typed access: null means absent; a wrong type is a diagnostic and the member is skipped

  bool is_null(std::size_t v) const noexcept { return t_->tokens[v].type == Tok::null; }

  bool string(std::size_t v, const std::string& path, std::string& out) {
    const Token& tok = t_->tokens[v];
    if (tok.type == Tok::string) {
      out.assign(t_->str(v));
      return true;
    }
    if (tok.type != Tok::null) wrong_type(v, path, "a string");
    return false;
  }
  bool url(std::size_t v, const std::string& path, std::string& out) {
    if (!string(v, path, out)) return false;
    if (!base_.empty() && !out.empty() && !is_absolute_url(out)) out = resolve_url(base_, out);
    return true;
  }
  bool array(std::size_t v, const std::string& path) {
    const Token& tok = t_->tokens[v];
    if (tok.type == Tok::begin_array) return true;
    if (tok.type != Tok::null) wrong_type(v, path, "an array");
    return false;
  }
  bool object(std::size_t v, const std::string& path) {
    const Token& tok = t_->tokens[v];
    if (tok.type == Tok::begin_object) return true;
    if (tok.type != Tok::null) wrong_type(v, path, "an object");
    return false;
  }
  std::optional<Timestamp> date(std::size_t v, const std::string& path) {
    std::string text;
    if (!string(v, path, text)) return std::nullopt;
    return detail::parse_feed_date(text, options_, format_id, diagnostics_, path);
  }

  static Link link(std::string href, std::string rel) {
    Link l;
    l.href = std::move(href);
    l.rel = std::move(rel);
    return l;
  }
  static Party to_party(Person p) {
    Party party;
    party.name = std::move(p.name);
    party.uri = std::move(p.uri);
    return party;
  }

  /// An author object (1.0 `author`, or an element of `authors`); a string is read as a name.
  template <class F>
  void read_author(std::size_t v, const std::string& path, F&& add) {
    const Tape& t = *t_;
    if (t.tokens[v].type == Tok::string) {
      repair("wrong-type", "expected an object, found a string; read as the author's name", path);
      if (!t.str(v).empty()) add(Person{std::string(t.str(v)), {}, {}});
      return;
    }
    if (!object(v, path)) return;
    Person p;
    std::string text;
    for_members(t, v, [&](std::string_view key, std::size_t m) {
      if (key == "name") {
        if (string(m, path + "/name", text)) p.name = std::move(text);
      } else if (key == "url") {
        if (url(m, path + "/url", text)) p.uri = std::move(text);
      } else if (key == "avatar") {
        if (!is_null(m)) note("member-ignored", "the author's \"avatar\" has no place in the model; ignored", path + "/avatar");
      } else if (!is_custom_member(key)) {
        unknown_member(path + step(key));
      }
    });
    if (!p.name.empty() || !p.uri.empty()) add(std::move(p));
  }

  template <class F>
  void read_people(std::size_t v, const std::string& path, F&& add) {
    if (t_->tokens[v].type == Tok::begin_object) {  // 1.0 style object where 1.1 wants an array
      repair("wrong-type", "expected an array, found an object; read as one author", path);
      read_author(v, path, add);
      return;
    }
    if (!array(v, path)) return;
    for_elements(*t_, v, [&](std::size_t index, std::size_t e) { read_author(e, path + step(index), add); });
  }

  std::optional<Attachment> attachment(std::size_t v, const std::string& path) {
    const Tape& t = *t_;
    if (!object(v, path)) return std::nullopt;
    Attachment a;
    std::string text;
    for_members(t, v, [&](std::string_view key, std::size_t m) {
      if (key == "url") {
        if (url(m, path + "/url", text)) a.url = std::move(text);
      } else if (key == "mime_type") {
        if (string(m, path + "/mime_type", text)) a.type = std::move(text);
      } else if (key == "title") {
        if (string(m, path + "/title", text)) a.title = std::move(text);
      } else if (key == "size_in_bytes") {
        const Token& tok = t.tokens[m];
        if (tok.type == Tok::unsigned_) {
          a.length = tok.u;
        } else if (tok.type == Tok::floating && tok.d >= 0 && tok.d < 1.8e19 &&
                   tok.d == static_cast<double>(static_cast<std::uint64_t>(tok.d))) {
          a.length = static_cast<std::uint64_t>(tok.d);
        } else if (tok.type != Tok::null) {
          wrong_type(m, path + "/size_in_bytes", "a non-negative integer");
        }
      } else if (key == "duration_in_seconds") {
        if (!is_null(m)) {
          note("member-ignored", "\"duration_in_seconds\" has no place in the model; ignored",
               path + "/duration_in_seconds");
        }
      } else if (!is_custom_member(key)) {
        unknown_member(path + step(key));
      }
    });
    if (a.url.empty()) {
      repair("attachment-no-url", "attachment has no \"url\"; skipped", path);
      return std::nullopt;
    }
    return a;
  }

  const Tape* t_;
  const ReadOptions& options_;
  std::vector<Diagnostic>& diagnostics_;
  std::string base_;
};

// ---------------------------------------------------------------------------
// The `_hrnews` object: overlay on the native view

/// Applies the members of the `_hrnews` object at `hr` to `native` (a model value
/// with ADL to_json/from_json). A member that does not convert is a diagnostic
/// (`hrnews-invalid`) and is left out; the others still apply.
template <class T>
T overlay(const T& native, const Tape& tape, std::size_t hr, const std::string& path, const ReadOptions& options,
          std::vector<Diagnostic>& diagnostics) {
  ojson base = native;
  ojson merged = base;
  for_members(tape, hr, [&](std::string_view key, std::size_t v) { merged[std::string(key)] = tape_to_json(tape, v); });
  try {
    T out;
    from_json(merged, out);
    return out;
  } catch (const std::exception&) {  // ParseError, or a conversion nlohmann refuses
  }
  ojson good = std::move(base);
  for_members(tape, hr, [&](std::string_view key, std::size_t v) {
    ojson trial = good;
    trial[std::string(key)] = tape_to_json(tape, v);
    try {
      T check;
      from_json(trial, check);
      good = std::move(trial);
    } catch (const ParseError& e) {
      std::string where = path;
      if (e.path().empty() || !starts_with(e.path(), step(key))) where += step(key);
      where += e.path();
      detail::report_repair(diagnostics, options, format_id, "hrnews-invalid",
                            "_hrnews: " + e.message() + "; member ignored", std::move(where));
    } catch (const std::exception& e) {
      detail::report_repair(diagnostics, options, format_id, "hrnews-invalid",
                            std::string("_hrnews: ") + e.what() + "; member ignored", path + step(key));
    }
  });
  T out;
  from_json(good, out);
  return out;
}

/// Reads the top-level `_hrnews` object: `feed` (overlay), `campaigns`, `schemes`,
/// `diagnostics`, and the collection's extensions.
void apply_top_hrnews(Collection& c, const Tape& t, std::size_t hr, const ReadOptions& options,
                      std::vector<Diagnostic>& diagnostics, std::vector<Diagnostic>& carried) {
  const std::string path = "/_hrnews";
  auto list = [&](std::string_view key, std::size_t v, auto& out) {
    using T = typename std::decay_t<decltype(out)>::value_type;
    const std::string where = path + step(key);
    if (t.tokens[v].type == Tok::null) return;
    if (t.tokens[v].type != Tok::begin_array) {
      detail::report_repair(diagnostics, options, format_id, "hrnews-invalid",
                            std::string("_hrnews: expected an array, found ") + type_name(t, v) + "; member ignored",
                            where);
      return;
    }
    for_elements(t, v, [&](std::size_t index, std::size_t e) {
      try {
        T value;
        from_json(tape_to_json(t, e), value);
        out.push_back(std::move(value));
      } catch (const ParseError& err) {
        detail::report_repair(diagnostics, options, format_id, "hrnews-invalid",
                              "_hrnews: " + err.message() + "; ignored", where + step(index) + err.path());
      } catch (const std::exception& err) {
        detail::report_repair(diagnostics, options, format_id, "hrnews-invalid",
                              std::string("_hrnews: ") + err.what() + "; ignored", where + step(index));
      }
    });
  };
  for_members(t, hr, [&](std::string_view key, std::size_t v) {
    if (key == "feed") {
      if (t.tokens[v].type == Tok::begin_object) {
        c.feed = overlay(c.feed, t, v, path + "/feed", options, diagnostics);
      } else if (t.tokens[v].type != Tok::null) {
        detail::report_repair(diagnostics, options, format_id, "hrnews-invalid",
                              std::string("_hrnews: expected an object, found ") + type_name(t, v) +
                                  "; member ignored",
                              path + "/feed");
      }
    } else if (key == "campaigns") {
      list(key, v, c.campaigns);
    } else if (key == "schemes") {
      list(key, v, c.schemes);
    } else if (key == "diagnostics") {
      list(key, v, carried);
    } else if (!detail::nl::contains(detail::nl::document_members, key)) {
      c.extensions.insert_or_assign(std::string(key), member_text(t, v));
    }
  });
}

// ---------------------------------------------------------------------------
// Reading a document

/// Reads a JSON Feed document. `owned`, when given, holds `bytes` and is
/// released once nothing reads them any more (before classification).
Collection read_document(std::string_view bytes, const ReadOptions& options, std::string* owned = nullptr) {
  if (bytes.size() > options.limits.max_input_bytes) {
    throw ParseError("jsonfeed", json_detail::over_limit("input", bytes.size(), options.limits.max_input_bytes), {},
                     {}, options.file_name);
  }
  std::vector<Diagnostic> diagnostics;
  // Where each repair of the input happened is known now; the rest is located at the end.
  auto located = [&](std::string code, std::string message, std::size_t offset, Severity severity) {
    const auto [line, column] = line_column(bytes, offset);
    if (severity == Severity::info) {
      Diagnostic d;
      d.severity = severity;
      d.code = std::move(code);
      d.message = std::move(message);
      d.line = line;
      d.column = column;
      diagnostics.push_back(std::move(d));
    } else {
      detail::report_repair(diagnostics, options, format_id, std::move(code), std::move(message), {}, line, column);
    }
  };
  if (starts_with(bytes, "\xEF\xBB\xBF")) located("byte-order-mark", "UTF-8 byte-order mark ignored", 0, Severity::info);
  std::string repaired;
  OffsetMap map;
  const Repairs repairs = repair_input(bytes, repaired, map);
  if (repairs.bad_utf8 > 0) {
    located("invalid-utf8",
            "invalid UTF-8 replaced by U+FFFD (" + std::to_string(repairs.bad_utf8) +
                (repairs.bad_utf8 == 1 ? " sequence)" : " sequences)"),
            repairs.first_bad_utf8, Severity::warning);
  }
  if (repairs.controls > 0) {
    located("control-character",
            "raw control characters escaped or removed (" + std::to_string(repairs.controls) + ")",
            repairs.first_control, Severity::warning);
  }
  const std::string_view text = repairs.bad_utf8 > 0 || repairs.controls > 0 ? std::string_view(repaired) : bytes;

  json_detail::Site site;
  site.format = "jsonfeed";
  site.file = options.file_name;
  Tape tape;
  // Every string of the document goes to the arena, unescaped: never more bytes than the text has.
  tape.arena.reserve(text.size());
  try {
    json_detail::SaxHandler handler(json_detail::SaxHandler::Mode::value, options.limits, site, text, tape);
    json_detail::sax_parse(text, handler);
  } catch (const ParseError& e) {
    if (!e.offset() || text.data() == bytes.data()) throw;
    const std::size_t original = map.original(*e.offset());
    const auto [line, column] = line_column(bytes, original);
    throw ParseError(e.format(), e.message(), SourceLocation{line, column, original}, e.path(), e.file());
  }
  if (tape.tokens.empty() || tape.tokens[0].type != Tok::begin_object) {
    throw ParseError("jsonfeed", "expected an object (a JSON Feed)", SourceLocation{}, {}, options.file_name);
  }

  Collection c;
  std::vector<Diagnostic> carried;  // diagnostics of an earlier read, from `_hrnews`
  std::vector<std::size_t> json_index;  // item -> index in the `items` array
  Reader reader(&tape, options, diagnostics);
  std::size_t items_at = npos;
  std::size_t top_hr = npos;
  reader.feed(0, c.feed, items_at, top_hr);
  if (items_at == npos || tape.tokens[items_at].type == Tok::null) {
    throw ParseError("jsonfeed", "missing required member \"items\"", SourceLocation{}, {}, options.file_name);
  }
  if (tape.tokens[items_at].type != Tok::begin_array) {
    throw ParseError("jsonfeed", std::string("expected an array, found ") + type_name(tape, items_at), SourceLocation{},
                     "/items", options.file_name);
  }
  const std::size_t count = element_count(tape, items_at);
  if (count > options.limits.max_items) {
    throw ParseError("jsonfeed", "more than " + std::to_string(options.limits.max_items) + " items (limit max_items)",
                     SourceLocation{}, "/items" + step(options.limits.max_items), options.file_name);
  }
  if (top_hr != npos && tape.tokens[top_hr].type != Tok::null) {
    if (tape.tokens[top_hr].type == Tok::begin_object) {
      apply_top_hrnews(c, tape, top_hr, options, diagnostics, carried);
    } else {
      detail::report_repair(diagnostics, options, format_id, "wrong-type",
                            std::string("expected an object, found ") + type_name(tape, top_hr) + "; ignored",
                            "/_hrnews");
    }
  }
  c.items.reserve(count);
  json_index.reserve(count);
  SpentTape spent(tape);
  std::size_t previous = npos;  // the item before: spent once the next starts (for_elements reads its first token)
  for_elements(tape, items_at, [&](std::size_t index, std::size_t v) {
    if (previous != npos) spent.spend(previous, v);
    previous = v;
    const std::string path = "/items" + step(index);
    std::size_t hr = npos;
    std::optional<Item> item = reader.item(v, path, &hr);
    if (!item) return;
    if (hr != npos && tape.tokens[hr].type != Tok::null) {
      if (tape.tokens[hr].type == Tok::begin_object) {
        // The canonical reader wants an id; an item still without one gets it back empty afterwards.
        Article& native = article_of(*item);
        const bool no_id = native.id.empty();
        if (no_id) native.id = "urn:hrnews:pending";
        bool hr_has_id = false;
        for_members(tape, hr, [&](std::string_view key, std::size_t) { hr_has_id = hr_has_id || key == "id"; });
        *item = overlay(*item, tape, hr, path + "/_hrnews", options, diagnostics);
        if (no_id && !hr_has_id) article_of(*item).id.clear();
      } else {
        detail::report_repair(diagnostics, options, format_id, "wrong-type",
                              std::string("expected an object, found ") + type_name(tape, hr) + "; ignored",
                              path + "/_hrnews");
      }
    }
    c.items.push_back(std::move(*item));
    json_index.push_back(index);
  });
  tape = Tape();  // the items read it all: the model no longer sits on top of it

  // The diagnostics of an earlier read come first, and before classification
  // (which adds no diagnostic it finds already there).
  const std::size_t first_new = carried.size();
  c.diagnostics = std::move(carried);
  c.diagnostics.insert(c.diagnostics.end(), std::make_move_iterator(diagnostics.begin()),
                       std::make_move_iterator(diagnostics.end()));
  const std::size_t before_finish = c.diagnostics.size();
  detail::derive_missing_ids(c);
  // derive_missing_ids names items by their index in the collection; skipped items make it differ.
  auto is_ours = [&](std::size_t k) { return k < before_finish || c.diagnostics[k].code == "id-derived"; };
  if (json_index.size() != count) {
    for (std::size_t k = before_finish; k < c.diagnostics.size(); ++k) {
      std::string& p = c.diagnostics[k].path;
      if (!is_ours(k) || !starts_with(p, "/items/")) continue;
      const std::size_t end = p.find('/', 7);
      const std::size_t n = std::stoul(p.substr(7, end == std::string::npos ? std::string::npos : end - 7));
      if (n < json_index.size()) p = "/items" + step(json_index[n]) + (end == std::string::npos ? "" : p.substr(end));
    }
  }

  // Lines and columns of the diagnostics of this read, from their paths (those of
  // the classifier are left as they are, so that reading twice adds nothing twice).
  std::unordered_set<std::string> wanted;
  for (std::size_t k = first_new; k < c.diagnostics.size(); ++k) {
    const Diagnostic& d = c.diagnostics[k];
    if (is_ours(k) && !d.line && !d.path.empty()) wanted.insert(d.path);
  }
  if (!wanted.empty()) {
    const auto offsets = locate_pointers(text, wanted);
    const LineIndex lines(bytes);
    for (std::size_t k = first_new; k < c.diagnostics.size(); ++k) {
      Diagnostic& d = c.diagnostics[k];
      if (!is_ours(k) || d.line || d.path.empty()) continue;
      const auto it = offsets.find(d.path);
      if (it == offsets.end()) continue;
      const auto [line, column] = lines.at(map.original(it->second));
      d.line = line;
      d.column = column;
    }
  }
  // The input is read no more: handed back before classification adds to the model.
  std::string().swap(repaired);
  map = OffsetMap();
  if (owned) std::string().swap(*owned);
  detail::finish_items(c, options);
  // Document order: what was found where, top to bottom (unlocated ones last).
  std::stable_sort(c.diagnostics.begin() + static_cast<std::ptrdiff_t>(first_new), c.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     const auto key = [](const Diagnostic& d) {
                       return std::make_pair(d.line.value_or(std::numeric_limits<std::size_t>::max()),
                                             d.column.value_or(0));
                     };
                     return key(a) < key(b);
                   });
  return c;
}

// ---------------------------------------------------------------------------
// Writer: the standard members

using json_detail::Writer;

const Link* first_link(const std::vector<Link>& links, std::string_view rel) noexcept {
  for (const Link& l : links) {
    if (l.rel == rel && !l.href.empty()) return &l;
  }
  return nullptr;
}

/// The extension `name` when its text is a JSON value of the wanted kind.
std::optional<ojson> extension_value(const Extensions& extensions, const std::string& name) {
  const auto it = extensions.find(name);
  if (it == extensions.end()) return std::nullopt;
  ojson v = ojson::parse(it->second, nullptr, /*allow_exceptions=*/false);
  if (v.is_discarded()) return std::nullopt;
  return v;
}

/// Writes an nlohmann value through `w`, keeping the order of its members.
/// Below a few levels the rest is handed over as JSON text (the writer's
/// nesting is bounded).
void emit(Writer& w, const ojson& v, std::size_t depth = 0) {
  constexpr std::size_t max_emit_depth = 12;
  switch (v.type()) {
    case ojson::value_t::object:
      if (depth >= max_emit_depth) break;
      w.begin_object();
      for (auto it = v.begin(); it != v.end(); ++it) {
        w.escaped_key(it.key());
        emit(w, it.value(), depth + 1);
      }
      w.end_object();
      return;
    case ojson::value_t::array:
      if (depth >= max_emit_depth) break;
      w.begin_array();
      for (const ojson& e : v) emit(w, e, depth + 1);
      w.end_array();
      return;
    case ojson::value_t::string: w.string(v.get_ref<const std::string&>()); return;
    case ojson::value_t::boolean: w.boolean(v.get<bool>()); return;
    case ojson::value_t::number_integer: w.number(v.get<std::int64_t>()); return;
    case ojson::value_t::number_unsigned: w.number(v.get<std::uint64_t>()); return;
    case ojson::value_t::number_float: w.number(v.get<double>()); return;
    default: break;
  }
  w.json_text(dump(v));
}

void put(Writer& w, std::string_view name, const std::string& value) {
  if (value.empty()) return;
  w.key(name);
  w.string(value);
}

/// The custom (`_x`) extensions that are JSON, written as members.
void put_custom(Writer& w, const Extensions& extensions) {
  for (const auto& [name, text] : extensions) {
    if (!is_custom_member(name)) continue;
    if (json_detail::find_depth_excess(text, 256) != npos) continue;  // left to `_hrnews`
    const ojson v = ojson::parse(text, nullptr, /*allow_exceptions=*/false);
    if (v.is_discarded()) continue;  // not JSON: left to `_hrnews`
    w.escaped_key(name);
    emit(w, v);
  }
}

void put_people(Writer& w, const std::vector<std::pair<const std::string*, const std::string*>>& people) {
  bool open = false;
  for (const auto& [name, uri] : people) {
    if (name->empty() && uri->empty()) continue;
    if (!open) {
      w.key("authors");
      w.begin_array();
      open = true;
    }
    w.begin_object();
    put(w, "name", *name);
    put(w, "url", *uri);
    w.end_object();
  }
  if (open) w.end_array();
}

void write_feed_members(Writer& w, const Feed& f) {
  w.key("version");
  w.plain_string(version_1_1);
  w.key("title");
  w.string(plain(f.title));
  put(w, "home_page_url", f.url);
  if (const Link* self = first_link(f.links, "self")) put(w, "feed_url", self->href);
  if (f.subtitle) {
    w.key("description");
    w.string(plain(*f.subtitle));
  }
  if (auto comment = extension_value(f.extensions, "user_comment"); comment && comment->is_string()) {
    w.key("user_comment");
    w.string(comment->get_ref<const std::string&>());
  }
  if (const Link* next = first_link(f.links, "next")) put(w, "next_url", next->href);
  put(w, "icon", f.icon);
  if (const Link* favicon = first_link(f.links, "icon")) put(w, "favicon", favicon->href);
  std::vector<std::pair<const std::string*, const std::string*>> people;
  for (const Party& p : f.publishers) people.emplace_back(&p.name, &p.uri);
  put_people(w, people);
  put(w, "language", f.language);
  if (auto expired = extension_value(f.extensions, "expired"); expired && expired->is_boolean()) {
    w.key("expired");
    w.boolean(expired->get<bool>());
  }
  bool hubs = false;
  for (const Link& l : f.links) {
    if (l.rel != "hub" || l.href.empty() || l.title.empty()) continue;
    if (!hubs) {
      w.key("hubs");
      w.begin_array();
      hubs = true;
    }
    w.begin_object();
    w.key("type");
    w.string(l.title);
    w.key("url");
    w.string(l.href);
    w.end_object();
  }
  if (hubs) w.end_array();
  put_custom(w, f.extensions);
}

void write_item_members(Writer& w, const Article& a, const std::string& id) {
  w.key("id");
  w.string(id);
  put(w, "url", a.url);
  if (const Link* external = first_link(a.links, "related")) put(w, "external_url", external->href);
  if (!a.title.empty()) {
    w.key("title");
    w.string(plain(a.title));
  }
  // JSON Feed wants content_html or content_text in every item.
  if (a.content && a.content->type != TextType::text) {
    w.key("content_html");
    w.string(a.content->value);
    if (auto text = extension_value(a.extensions, "content_text"); text && text->is_string()) {
      w.key("content_text");
      w.string(text->get_ref<const std::string&>());
    }
  } else {
    w.key("content_text");
    w.string(a.content ? a.content->value : std::string());
  }
  if (a.summary) {
    w.key("summary");
    w.string(plain(*a.summary));
  }
  if (const Link* image = first_link(a.links, "image")) put(w, "image", image->href);
  if (const Link* banner = first_link(a.links, "banner-image")) put(w, "banner_image", banner->href);
  if (a.published) put(w, "date_published", a.published->to_rfc3339());
  if (a.updated) put(w, "date_modified", a.updated->to_rfc3339());
  std::vector<std::pair<const std::string*, const std::string*>> people;
  for (const Person& p : a.authors) people.emplace_back(&p.name, &p.uri);
  put_people(w, people);
  bool tags = false;
  for (const Category& c : a.categories) {
    if (c.term.empty()) continue;
    if (!tags) {
      w.key("tags");
      w.begin_array();
      tags = true;
    }
    w.string(c.term);
  }
  if (tags) w.end_array();
  put(w, "language", a.language);
  bool attachments = false;
  for (const Attachment& att : a.attachments) {
    if (att.url.empty()) continue;
    if (!attachments) {
      w.key("attachments");
      w.begin_array();
      attachments = true;
    }
    w.begin_object();
    w.key("url");
    w.string(att.url);
    w.key("mime_type");
    w.string(att.type.empty() ? std::string("application/octet-stream") : att.type);
    put(w, "title", att.title);
    if (att.length) {
      w.key("size_in_bytes");
      w.number(static_cast<std::uint64_t>(*att.length));
    }
    w.end_object();
  }
  if (attachments) w.end_array();
  put_custom(w, a.extensions);
}

/// The members of `model` that differ from `native` (null for those only `native` has).
ojson difference(const ojson& model, const ojson& native, std::string_view skip = {}) {
  ojson out = ojson::object();
  for (auto it = model.begin(); it != model.end(); ++it) {
    if (!skip.empty() && it.key() == skip) continue;
    const auto n = native.find(it.key());
    if (n == native.end() || *n != it.value()) out[it.key()] = it.value();
  }
  for (auto it = native.begin(); it != native.end(); ++it) {
    if (!skip.empty() && it.key() == skip) continue;
    if (!model.contains(it.key())) out[it.key()] = nullptr;
  }
  return out;
}

std::string write_document(const Collection& c, const WriteOptions& options) {
  const int indent = options.pretty ? std::max(0, options.indent) : -1;
  ReadOptions quiet;
  quiet.classify = false;
  std::vector<Diagnostic> ignored;
  std::string scratch;
  Tape tape;

  // The native view of the feed members.
  {
    Writer w(scratch, -1);
    w.begin_object();
    write_feed_members(w, c.feed);
    w.end_object();
  }
  parse_onto(scratch, tape);
  Reader reader(&tape, quiet, ignored);
  Feed native_feed;
  std::size_t items_at = npos;
  std::size_t hr_at = npos;
  reader.feed(0, native_feed, items_at, hr_at);

  ojson top = ojson::object();
  {
    ojson feed_diff = difference(ojson(c.feed), ojson(native_feed));
    if (!feed_diff.empty()) top["feed"] = std::move(feed_diff);
    if (!c.campaigns.empty()) top["campaigns"] = c.campaigns;
    if (!c.schemes.empty()) top["schemes"] = c.schemes;
    if (!c.diagnostics.empty()) top["diagnostics"] = c.diagnostics;
    detail::nl::extensions_to(top, c.extensions, detail::nl::known(detail::nl::document_members));
  }

  std::string out;
  Writer w(out, indent);
  w.begin_object();
  write_feed_members(w, c.feed);
  if (!top.empty()) {
    w.key(hrnews_member);
    emit(w, top);
  }
  w.key("items");
  w.begin_array();
  for (const Item& item : c.items) {
    const Article& a = article_of(item);
    const std::string id = a.id.empty() ? detail::derive_item_id(a) : a.id;
    scratch.clear();
    {
      Writer sw(scratch, -1);
      sw.begin_object();
      write_item_members(sw, a, id);
      sw.end_object();
    }
    tape.clear();
    parse_onto(scratch, tape);
    reader.set_tape(&tape);
    std::optional<Item> native = reader.item(0, {}, nullptr);
    ojson model_json = item;
    ojson native_json = *native;
    // An item without id is written with its derived id, which a reader derives again.
    const ojson hr = difference(model_json, native_json, a.id.empty() ? "id" : "");
    w.begin_object();
    write_item_members(w, a, id);
    if (!hr.empty()) {
      w.key(hrnews_member);
      emit(w, hr);
    }
    w.end_object();
  }
  w.end_array();
  w.end_object();
  out.push_back('\n');
  return out;
}

/// Reads a document; `owned`, when given, holds `bytes` (see read_document).
Collection read_jsonfeed_impl(std::string_view bytes, const ReadOptions& options, std::string* owned) {
  try {
    return read_document(bytes, options, owned);
  } catch (const ParseError& e) {
    // Errors with a path all come before the input is released (classification reports none).
    if (owned && owned->empty() && !bytes.empty()) throw;
    // Strict mode: a repair found by path gets its line and column here.
    if (e.line() != 0 || e.path().empty() || e.format() != format_id) throw;
    std::string_view text = bytes;
    std::string repaired;
    OffsetMap map;
    const Repairs r = repair_input(bytes, repaired, map);
    if (r.bad_utf8 > 0 || r.controls > 0) text = repaired;
    if (json_detail::find_depth_excess(text, options.limits.max_depth) != npos) throw;
    std::unordered_set<std::string> wanted{e.path()};
    std::unordered_map<std::string, std::size_t> found;
    try {
      found = locate_pointers(text, wanted);
    } catch (...) {
      throw e;
    }
    const auto it = found.find(e.path());
    if (it == found.end()) throw;
    const std::size_t offset = map.original(it->second);
    const auto [line, column] = line_column(bytes, offset);
    throw ParseError(e.format(), e.message(), SourceLocation{line, column, offset}, e.path(), e.file());
  }
}

}  // namespace

// ---------------------------------------------------------------------------
// Public API

Collection read_jsonfeed(std::string_view bytes, const ReadOptions& options) {
  return read_jsonfeed_impl(bytes, options, nullptr);
}

Collection detail::read_jsonfeed_owned(std::string&& bytes, const ReadOptions& options) {
  std::string owned = std::move(bytes);
  return read_jsonfeed_impl(owned, options, &owned);
}

Result<Collection> try_read_jsonfeed(std::string_view bytes, const ReadOptions& options) noexcept {
  try {
    return read_jsonfeed(bytes, options);
  } catch (const ParseError& e) {
    return e;
  } catch (const std::bad_alloc&) {
    return ParseError("jsonfeed", "out of memory", {}, {}, options.file_name);
  } catch (const std::exception& e) {
    return ParseError("jsonfeed", e.what(), {}, {}, options.file_name);
  }
}

std::string write_jsonfeed(const Collection& collection, const WriteOptions& options) {
  return write_document(collection, options);
}

}  // namespace hrnews
