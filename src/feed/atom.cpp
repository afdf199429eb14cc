// SPDX-License-Identifier: Apache-2.0
// The `atom` format: Atom 0.3 and 1.0 read liberally, Atom 1.0 (RFC 4287)
// written with the hrnews extension namespace. The mapping is documented in
// docs/format-feeds.md, section "Atom".
//
// Reading. The document is loaded by detail::load_xml (repairs recorded as
// diagnostics), then walked once with an in-scope namespace table (elements
// are matched by namespace URI, never by prefix; URI variants are accepted),
// the `xml:base` chain (relative URLs resolved with hrnews::resolve_url) and
// the `xml:lang` chain. Atom elements fill the model; Dublin Core, Media RSS
// and GeoRSS fill what Atom left empty; `hr:` elements are applied last
// (hr_ext.hpp); every other foreign element is kept in `extensions` as
// `{namespace-uri}local` → its outer XML as a JSON string (hr::keep_foreign).
//
// Writing. The writer first writes what Atom can say in its own elements
// (valid against RFC 4287's RELAX NG grammar and its two Schematron rules,
// with deterministic fallbacks for the required elements), then reads those
// elements back with the reader above — the "native view" — and lets
// hr::write_item / hr::write_channel add exactly what differs. The round trip
// is therefore exact by construction, whatever the model holds.
#include <hrnews/atom.hpp>

#include <algorithm>
#include <cassert>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <deque>
#include <functional>
#include <initializer_list>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/date_time/posix_time/posix_time_types.hpp>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <hrnews/url.hpp>

#include "../fold.hpp"
#include "common.hpp"
#include "hr_ext.hpp"
#include "xml_input.hpp"

namespace hrnews {
namespace {

namespace hr = detail::hr;
using hr::Ns;

constexpr std::string_view format_id = "atom";
constexpr std::string_view atom_uri = "http://www.w3.org/2005/Atom";
constexpr std::string_view xhtml_uri = "http://www.w3.org/1999/xhtml";
constexpr std::string_view georss_uri = "http://www.georss.org/georss";
constexpr std::string_view dc_coverage_scheme = "dc:coverage";  // as the RSS reader says
/// The `rel` of the link an out-of-line `<content src="…">` becomes.
constexpr std::string_view content_src_rel = "content";
/// The `rel` of the link a Media RSS thumbnail becomes.
constexpr std::string_view thumbnail_rel = "thumbnail";

// ---------------------------------------------------------------------------
// Small text helpers

bool is_ws(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

using ::hrnews::detail::ascii_iequal;

bool istarts_with(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && ascii_iequal(s.substr(0, prefix.size()), prefix);
}

bool iends_with(std::string_view s, std::string_view suffix) noexcept {
  return s.size() >= suffix.size() && ascii_iequal(s.substr(s.size() - suffix.size()), suffix);
}

std::string_view trim(std::string_view s) noexcept { return hr::trim(s); }

std::string str(std::string_view s) { return std::string(s); }

/// The text of an element when it is one text (or CDATA) node, or none: a view, no copy.
std::optional<std::string_view> single_text(pugi::xml_node el) {
  const pugi::xml_node first = el.first_child();
  if (!first) return std::string_view();
  if (!first.next_sibling() && (first.type() == pugi::node_pcdata || first.type() == pugi::node_cdata))
    return std::string_view(first.value());
  return std::nullopt;
}

/// The text of an element: its text and CDATA children, concatenated.
std::string direct_text(pugi::xml_node el) {
  if (const auto one = single_text(el)) return str(*one);
  std::string out;
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
  }
  return out;
}

std::string trimmed_text(pugi::xml_node el) {
  if (const auto one = single_text(el)) return str(trim(*one));
  return str(trim(direct_text(el)));
}

bool has_element_child(pugi::xml_node el) {
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) return true;
  }
  return false;
}

std::string_view attr(pugi::xml_node el, const char* name) { return el.attribute(name).value(); }

/// The attributes of `el` named `names`, in one pass over them (the first of
/// each name, as pugi::xml_node::attribute finds it); a null attribute for a
/// name it does not have. One pass instead of one scan of all attributes per
/// name: a `<link>` is asked for six.
template <std::size_t N>
std::array<pugi::xml_attribute, N> attributes(pugi::xml_node el, const char* const (&names)[N]) {
  std::array<pugi::xml_attribute, N> found{};
  for (pugi::xml_attribute a = el.first_attribute(); a; a = a.next_attribute()) {
    const char* const name = a.name();
    for (std::size_t i = 0; i < N; ++i) {
      if (name[0] == names[i][0] && !found[i] && std::strcmp(name, names[i]) == 0) {
        found[i] = a;
        break;
      }
    }
  }
  return found;
}

// XML names and the namespace well-formedness guard live in hr_ext (shared with the RSS writer).
using hr::is_ncname;
using hr::is_qname;
using hr::namespace_well_formed;
using hr::next_code_point;

// ---------------------------------------------------------------------------
// Value patterns of the RELAX NG grammar (XSD regular expressions: `.` is any
// character but LF and CR; patterns match the whole value)

bool no_line_breaks(std::string_view s) noexcept {
  return s.find('\n') == std::string_view::npos && s.find('\r') == std::string_view::npos;
}

/// atomMediaType: `.+/.+`
bool is_media_type(std::string_view s) noexcept {
  if (!no_line_breaks(s)) return false;
  for (std::size_t i = 1; i + 1 < s.size(); ++i) {
    if (s[i] == '/') return true;
  }
  return false;
}

/// atomEmailAddress: `.+@.+`
bool is_email_address(std::string_view s) noexcept {
  if (!no_line_breaks(s)) return false;
  for (std::size_t i = 1; i + 1 < s.size(); ++i) {
    if (s[i] == '@') return true;
  }
  return false;
}

/// atomLanguageTag: `[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*`
bool is_language_tag(std::string_view s) noexcept {
  std::size_t i = 0;
  bool first = true;
  while (true) {
    std::size_t n = 0;
    while (i < s.size() && n < 9) {
      const char c = s[i];
      const bool alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      const bool digit = c >= '0' && c <= '9';
      if (!(alpha || (!first && digit))) break;
      ++i;
      ++n;
    }
    if (n == 0 || n > 8) return false;
    if (i == s.size()) return true;
    if (s[i] != '-') return false;
    ++i;
    first = false;
  }
}

int days_in_month(int year, int month) noexcept {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

/// xsd:dateTime (after whitespace collapsing): `-?YYYY-MM-DDThh:mm:ss(.s+)?(Z|±hh:mm)?`.
bool is_xsd_datetime(std::string_view s) noexcept {
  s = trim(s);
  std::size_t i = 0;
  auto num = [&](std::size_t n, int& out) {
    if (i + n > s.size()) return false;
    out = 0;
    for (std::size_t k = 0; k < n; ++k) {
      const char c = s[i + k];
      if (c < '0' || c > '9') return false;
      out = out * 10 + (c - '0');
    }
    i += n;
    return true;
  };
  auto lit = [&](char c) {
    if (i >= s.size() || s[i] != c) return false;
    ++i;
    return true;
  };
  if (i < s.size() && s[i] == '-') ++i;
  std::size_t year_digits = 0;
  while (i + year_digits < s.size() && s[i + year_digits] >= '0' && s[i + year_digits] <= '9') ++year_digits;
  if (year_digits < 4 || (year_digits > 4 && s[i] == '0')) return false;
  int year = 0;
  if (year_digits > 4) {
    i += year_digits;
    year = 2000;  // only leap-year rules matter below
  } else if (!num(4, year)) {
    return false;
  }
  int month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!lit('-') || !num(2, month) || !lit('-') || !num(2, day) || !lit('T') || !num(2, hour) || !lit(':') ||
      !num(2, minute) || !lit(':') || !num(2, second))
    return false;
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return false;
  if (minute > 59 || second > 59) return false;
  bool fraction_nonzero = false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      if (s[i] != '0') fraction_nonzero = true;
      ++i;
    }
    if (i == start) return false;
  }
  if (hour > 24 || (hour == 24 && (minute != 0 || second != 0 || fraction_nonzero))) return false;
  if (i == s.size()) return true;
  if (s[i] == 'Z') return i + 1 == s.size();
  if (s[i] != '+' && s[i] != '-') return false;
  ++i;
  int oh = 0, om = 0;
  if (!num(2, oh) || !lit(':') || !num(2, om) || i != s.size()) return false;
  return om <= 59 && (oh < 14 || (oh == 14 && om == 0));
}

// ---------------------------------------------------------------------------
// Dates as Atom writes them

/// The RFC 3339 `date-time` an Atom date construct needs: partial dates are
/// completed (`2015-11` → `2015-11-01T00:00:00Z`), minutes get `:00`, and a
/// timestamp without zone is written in UTC (`Z`). What this loses is put
/// back by the hr extension. Offsets outside -13:00…+14:00 are written in UTC:
/// XSD allows ±14:00, but jing's datatype library refuses offsets below -13:00.
std::string atom_date(const Timestamp& ts) {
  const std::optional<int> offset = ts.utc_offset_minutes();
  Timestamp t = ts;
  if (offset && (*offset > 840 || *offset < -780) && t.precision() >= Precision::minute) {
    const boost::posix_time::ptime& u = ts.utc();
    const auto td = u.time_of_day();
    t = Timestamp::from_fields(static_cast<int>(u.date().year()), static_cast<int>(u.date().month()),
                               static_cast<int>(u.date().day()), static_cast<int>(td.hours()),
                               static_cast<int>(td.minutes()), static_cast<int>(td.seconds()),
                               static_cast<int>(td.total_microseconds() % 1000000), 0, ts.precision(),
                               ts.fraction_digits());
  }
  std::string s = t.to_rfc3339();
  switch (t.precision()) {
    case Precision::year: return s + "-01-01T00:00:00Z";
    case Precision::month: return s + "-01T00:00:00Z";
    case Precision::day: return s + "T00:00:00Z";
    case Precision::minute: s.insert(16, ":00"); break;
    default: break;
  }
  if (!t.utc_offset_minutes()) s += 'Z';
  return s;
}

// ---------------------------------------------------------------------------
// Base64

int base64_value(char c) noexcept {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;
  if (c == '/' || c == '_') return 63;
  return -1;
}

/// The base64 text without whitespace, or nothing when it is not base64.
std::optional<std::string> compact_base64(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t padding = 0;
  for (char c : s) {
    if (is_ws(c)) continue;
    if (c == '=') {
      ++padding;
    } else {
      if (padding > 0 || base64_value(c) < 0) return std::nullopt;
    }
    out += c;
  }
  if (padding > 2 || (out.size() % 4 == 1)) return std::nullopt;
  return out;
}

std::optional<std::string> decode_base64(std::string_view s) {
  auto compact = compact_base64(s);
  if (!compact) return std::nullopt;
  std::string out;
  out.reserve(compact->size() / 4 * 3 + 3);
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : *compact) {
    if (c == '=') break;
    acc = (acc << 6) | static_cast<std::uint32_t>(base64_value(c));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFFu);
    }
  }
  return out;
}

/// True when `html` may have an `href` or `src` attribute (any case): a cheap
/// filter before the URL resolution, which copies the text.
bool might_hold_urls(std::string_view html) noexcept {
  for (std::size_t i = html.find('='); i != std::string_view::npos; i = html.find('=', i + 1)) {
    std::size_t end = i;
    while (end > 0 && is_ws(html[end - 1])) --end;
    if (end >= 4 && ascii_iequal(html.substr(end - 4, 4), "href")) return true;
    if (end >= 3 && ascii_iequal(html.substr(end - 3, 3), "src")) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Serialising parsed markup back to text (xhtml values, markup found in text)

void escape_text_to(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\r': out += "&#13;"; break;
      default: out += c;
    }
  }
}

void escape_attr_to(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '"': out += "&quot;"; break;
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default: out += c;
    }
  }
}

// ---------------------------------------------------------------------------
// Loading (detail::load_xml does the repairs)

/// Line starts of a text, built on first use.
class LineMap {
 public:
  explicit LineMap(std::string_view text) : text_(text) {}
  /// Takes line starts found before the text was parsed in place (none: found on first use).
  void adopt(std::vector<std::size_t>&& starts) {
    if (!starts.empty()) starts_ = std::move(starts);
  }
  /// 1-based line and column of a byte offset; {0, 0} when unknown.
  std::pair<std::size_t, std::size_t> at(std::ptrdiff_t offset) {
    if (offset < 0 || text_.empty() || static_cast<std::size_t>(offset) > text_.size()) return {0, 0};
    if (starts_.empty()) {
      starts_.push_back(0);
      for (std::size_t i = 0; i < text_.size(); ++i) {
        if (text_[i] == '\n') starts_.push_back(i + 1);
      }
    }
    const auto off = static_cast<std::size_t>(offset);
    const auto it = std::upper_bound(starts_.begin(), starts_.end(), off);
    const std::size_t line = static_cast<std::size_t>(it - starts_.begin());
    return {line, off - starts_[line - 1] + 1};
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

// ---------------------------------------------------------------------------
// The reader

/// A path into the model (`/items/3/title`), put together only when a
/// diagnostic needs it: reading an entry names a dozen paths and reports
/// none of them, as a rule. Views only: what it is made of must outlive it.
class Path {
 public:
  Path() = default;
  Path(const char* head) : head_(head) {}
  Path(std::string_view head) : head_(head) {}
  Path(const std::string& head) : head_(head) {}
  /// `head` followed by the number `index` (`/items/` and 3: `/items/3`).
  Path(std::string_view head, std::size_t index) : head_(head), index_(index), numbered_(true) {}
  /// This path followed by `tail` (at most two tails: an entry's element, then a part of it).
  Path operator+(std::string_view tail) const {
    assert(tail2_.empty() && "a Path holds two tails at most");
    Path p = *this;
    (p.tail_.empty() ? p.tail_ : p.tail2_) = tail;
    return p;
  }
  /// The path as text.
  std::string str() const {
    std::string out(head_);
    if (numbered_) out += std::to_string(index_);
    out.append(tail_.data(), tail_.size());
    out.append(tail2_.data(), tail2_.size());
    return out;
  }

 private:
  std::string_view head_, tail_, tail2_;
  std::size_t index_ = 0;
  bool numbered_ = false;
};

/// Where relative references and languages come from at one element.
struct Ctx {
  const std::string* base = nullptr;  ///< the base URL in scope (never null once set up)
  std::string_view lang;              ///< the xml:lang in scope
};

/// Which attributes of an element the walk needs to look at: namespace
/// declarations (`xmlns`, `xmlns:*`: NsScope::push) and `xml:*` ones
/// (`xml:base`, `xml:lang`: Reader::derive). One pass without a string
/// function; most elements of a feed have neither, and then neither is called.
struct AttributeKinds {
  bool declarations = false;
  bool xml = false;
};
AttributeKinds attribute_kinds(pugi::xml_node el) {
  AttributeKinds k;
  for (pugi::xml_attribute a = el.first_attribute(); a; a = a.next_attribute()) {
    const char* const n = a.name();
    if (n[0] != 'x' || n[1] != 'm' || n[2] != 'l') continue;
    if (n[3] == ':') k.xml = true;
    else if (n[3] == 'n' && n[4] == 's' && (n[5] == ':' || n[5] == '\0')) k.declarations = true;
  }
  return k;
}

/// Pushes an element's namespace declarations for the lifetime of the guard.
class ScopeGuard {
 public:
  ScopeGuard(hr::NsScope& scope, pugi::xml_node el) : ScopeGuard(scope, el, attribute_kinds(el).declarations) {}
  /// `declarations`: whether `el` declares a namespace (attribute_kinds); pushes nothing when not.
  ScopeGuard(hr::NsScope& scope, pugi::xml_node el, bool declarations)
      : scope_(scope), count_(declarations ? scope.push(el) : 0) {}
  ~ScopeGuard() { scope_.pop(count_); }
  ScopeGuard(const ScopeGuard&) = delete;
  ScopeGuard& operator=(const ScopeGuard&) = delete;

 private:
  hr::NsScope& scope_;
  std::size_t count_;
};

/// What an entry's non-Atom elements said, applied after the Atom ones.
struct EntryExtras {
  std::vector<std::string> dc_creators;
  std::vector<std::pair<std::string, pugi::xml_node>> dc_dates;  // dc:date, dcterms:created/issued
  std::vector<std::pair<std::string, pugi::xml_node>> dc_modified;
  std::string dc_language;
  std::optional<Text> dc_rights;
  std::optional<std::string> geo_lat, geo_long;
  pugi::xml_node geo_point, geo_where, geo_lat_el;
  std::optional<std::pair<std::string, pugi::xml_node>> issued, created;
  bool have_title = false, have_id = false, have_summary = false, have_content = false, have_rights = false;
  bool have_published = false, have_updated = false;
  std::vector<std::size_t> alternate_positions;  // indexes into the entry's links
};

class Reader {
 public:
  Reader(const ReadOptions& options, Collection& out, std::string_view text)
      : options_(options), out_(out), lines_(text) {
    bases_.push_back(options.base_url);
  }

  /// Reads a whole document into the collection.
  void read_document(const pugi::xml_document& doc);

  /// Identifies the root (feed or entry) and its version; pushes its
  /// namespaces. Returns the root's context. Throws ParseError when the root is
  /// not Atom.
  Ctx begin_root(pugi::xml_node root);
  /// Reads the feed-level elements (not the entries) into a Feed; collects the
  /// `hr:` children into `hr_children` when given.
  Feed read_feed_metadata(pugi::xml_node root, const Ctx& ctx, std::vector<pugi::xml_node>* hr_children);
  /// Reads one entry (its `hr:` children applied).
  Item read_entry(pugi::xml_node entry, const Ctx& parent, std::size_t index);

  /// Pops the root's namespaces (pair of begin_root).
  void end_root() { scope_.pop(root_bindings_); root_bindings_ = 0; }

  bool is_atom(Ns ns) const noexcept { return ns == atom_ns_; }

  /// Line starts of the parsed text, when it was parsed in place.
  void adopt_line_starts(std::vector<std::size_t>&& starts) { lines_.adopt(std::move(starts)); }
  /// The buffer the document was parsed in place in, released entry by entry.
  void set_spent_input(detail::SpentInput spent) { spent_ = spent; }

 private:
  // Diagnostics
  std::pair<std::size_t, std::size_t> where(pugi::xml_node n) {
    if (!n) return {0, 0};
    auto lc = lines_.at(n.offset_debug());
    if (lc.second > 1 && n.type() == pugi::node_element) --lc.second;  // point at '<'
    return lc;
  }
  void repair(pugi::xml_node at, std::string code, std::string message, const Path& path) {
    const auto [line, column] = where(at);
    detail::report_repair(out_.diagnostics, options_, format_id, std::move(code), std::move(message),
                          path.str(), line, column);
  }
  /// Reports the namespace notes gathered so far (those held first, in order).
  void take_scope_notes() {
    hold_scope_notes();
    for (hr::NsScope::HeldNote& note : scope_.take_held_notes()) {
      detail::report_repair(out_.diagnostics, options_, format_id, std::move(note.code), std::move(note.message), {},
                            note.line, note.column);
    }
  }
  /// Places the namespace notes gathered so far, to be reported by take_scope_notes.
  void hold_scope_notes() {
    scope_.hold_notes([this](pugi::xml_node n) { return where(n); });
  }
  detail::SpentInput spent_;
  hr::Report reporter(const std::string& path) {
    return [this, path](pugi::xml_node at, std::string code, std::string message) {
      repair(at, std::move(code), std::move(message), path);
    };
  }
  [[noreturn]] void fail(pugi::xml_node at, std::string message, std::string path = {}) {
    const auto [line, column] = where(at);
    SourceLocation loc{line, column, std::nullopt};
    if (at && at.offset_debug() >= 0) loc.offset = static_cast<std::size_t>(at.offset_debug());
    throw ParseError(str(format_id), std::move(message), loc, std::move(path), options_.file_name);
  }

  // Contexts and URLs
  Ctx derive(const Ctx& parent, pugi::xml_node el) {
    Ctx c = parent;
    for (pugi::xml_attribute a = el.first_attribute(); a; a = a.next_attribute()) {
      const char* name = a.name();
      if (name[0] != 'x' || std::strncmp(name, "xml:", 4) != 0) continue;
      if (std::strcmp(name + 4, "base") == 0) {
        bases_.push_back(resolve(*parent.base, a.value()));
        c.base = &bases_.back();
      } else if (std::strcmp(name + 4, "lang") == 0) {
        c.lang = trim(a.value());
      }
    }
    return c;
  }
  static std::string resolve(const std::string& base, std::string_view ref) {
    ref = trim(ref);
    if (base.empty()) return str(ref);
    return resolve_url(base, ref);
  }
  std::string url(const Ctx& c, std::string_view ref) const { return resolve(*c.base, ref); }

  // href/src inside HTML and XHTML values (hr_ext's linear scan, shared with RSS).
  void resolve_markup_urls(Text& t, const Ctx& c) const {
    if (t.type == TextType::text || c.base->empty() || !is_absolute_url(*c.base)) return;
    if (!might_hold_urls(t.value)) return;  // no copy for markup without href/src
    t.value = hr::resolve_html_urls(t.value, *c.base);
  }

  // Markup serialisation
  void serialize_children(pugi::xml_node parent, std::string& out, std::string_view default_uri, std::size_t depth);
  void serialize_element(pugi::xml_node el, std::string& out, std::string_view default_uri, std::size_t depth);
  /// The content of `el` as XHTML markup (see serialize_element).
  std::string xhtml_markup(pugi::xml_node el) {
    std::string out;
    serialize_children(el, out, xhtml_uri, 0);
    return out;
  }

  // Constructs
  enum class Kind { text, html, xhtml, xml, other };
  static Kind kind_of_type(std::string_view type) {
    if (type.empty() || ascii_iequal(type, "text") || ascii_iequal(type, "text/plain")) return Kind::text;
    if (ascii_iequal(type, "html") || ascii_iequal(type, "text/html")) return Kind::html;
    if (ascii_iequal(type, "xhtml") || ascii_iequal(type, "application/xhtml+xml")) return Kind::xhtml;
    if (iends_with(type, "+xml") || iends_with(type, "/xml")) return Kind::xml;
    return Kind::other;
  }
  std::string xhtml_value(pugi::xml_node el, const Path& path);
  Text read_text(pugi::xml_node el, const Ctx& c, const Path& path);
  Text text_from_markup_or_text(pugi::xml_node el, Kind kind, const Path& path);
  Text text_03(pugi::xml_node el, std::string_view type, std::string_view mode, const Path& path,
               std::optional<Attachment>* binary);
  void read_content(pugi::xml_node el, const Ctx& c, Article& a, const Path& path);
  Person read_person(pugi::xml_node el, const Ctx& c);
  Link read_link(pugi::xml_node el, const Ctx& c, const Path& path);
  std::optional<Timestamp> read_date(pugi::xml_node el, const Path& path) {
    if (const auto one = single_text(el)) return read_date_text(*one, el, path);
    return read_date_text(direct_text(el), el, path);
  }
  std::optional<Timestamp> read_date_text(std::string_view text, pugi::xml_node el, const Path& path) {
    text = trim(text);
    // The common case first: where() (line and column) is only needed for a diagnostic.
    if (!options_.date_hook) {
      // An entry's <updated> is often its <published>, to the byte: parsed once.
      if (last_date_ && text == last_date_text_) return last_date_;
      if (auto t = Timestamp::parse(text)) {
        last_date_text_.assign(text.data(), text.size());
        last_date_ = t;
        return t;
      }
    }
    const auto [line, column] = where(el);
    return detail::parse_feed_date(text, options_, format_id, out_.diagnostics, path.str(), line, column);
  }
  std::optional<GeoPoint> parse_point(std::string_view text, pugi::xml_node el, const Path& path);
  void read_media(pugi::xml_node el, std::string_view local, const Ctx& c, Article& a, const Path& path);
  void keep_foreign(pugi::xml_node el, Extensions& ext) { hr::keep_foreign(ext, scope_.uri_of(el), el); }
  void entry_atom(pugi::xml_node el, std::string_view local, const Ctx& c, Article& a, EntryExtras& x,
                  const Path& path);
  void entry_other(pugi::xml_node el, Ns ns, std::string_view local, const Ctx& c, Article& a, EntryExtras& x,
                   const Path& path);
  void duplicate(pugi::xml_node el, std::string_view where, const Path& path) {
    repair(el, "atom-duplicate-element",
           "a second <" + str(hr::local_name(el.name())) + "> in <" + str(where) + "> was ignored", path);
  }

  const ReadOptions& options_;
  Collection& out_;
  LineMap lines_;
  hr::NsScope scope_;
  std::deque<std::string> bases_;
  std::string last_date_text_;           ///< the text last parsed by Timestamp::parse (a copy: entries are freed)
  std::optional<Timestamp> last_date_;   ///< what it gave
  Ns atom_ns_ = Ns::atom;
  bool v03_ = false;
  bool entry_root_ = false;
  std::size_t root_bindings_ = 0;
};

void Reader::serialize_children(pugi::xml_node parent, std::string& out, std::string_view default_uri,
                                std::size_t depth) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    switch (c.type()) {
      case pugi::node_pcdata:
      case pugi::node_cdata: escape_text_to(out, c.value()); break;
      case pugi::node_element: serialize_element(c, out, default_uri, depth + 1); break;
      default: break;
    }
  }
}

// XHTML elements are written without prefix, in a context whose default
// namespace is XHTML (the writer's `<div xmlns="…xhtml">`), so that
// `<xhtml:p>` and `<p>` read the same; other elements keep their prefix and
// get the declarations they need. Empty elements are written `<br/>`.
void Reader::serialize_element(pugi::xml_node el, std::string& out, std::string_view default_uri, std::size_t depth) {
  if (depth > options_.limits.max_depth)
    fail(el, "elements nested deeper than " + std::to_string(options_.limits.max_depth) + " (limit max_depth)");
  ScopeGuard guard(scope_, el);
  const std::string_view qname = el.name();
  const std::string_view prefix = hr::name_prefix(qname);
  const std::string_view uri = scope_.uri(prefix);
  std::string_view name = qname;
  std::string_view child_default = default_uri;
  std::string extra;                       // declarations to add
  std::vector<std::string_view> declared;  // prefixes declared by `extra`
  const bool xhtml = hr::classify_namespace(uri) == Ns::xhtml;
  if (xhtml || prefix.empty()) {
    name = hr::local_name(qname);
    const std::string_view want = xhtml ? xhtml_uri : uri;
    if (want != default_uri) {
      extra += " xmlns=\"";
      escape_attr_to(extra, want);
      extra += '"';
    }
    child_default = want;
  } else if (!uri.empty() && !el.attribute(("xmlns:" + str(prefix)).c_str())) {
    extra += " xmlns:" + str(prefix) + "=\"";
    escape_attr_to(extra, uri);
    extra += '"';
    declared.push_back(prefix);
  }
  out += '<';
  out.append(name);
  out += extra;
  for (pugi::xml_attribute a = el.first_attribute(); a; a = a.next_attribute()) {
    const std::string_view an = a.name();
    if (an == "xmlns") continue;  // the default namespace is managed above
    if (an.substr(0, 6) == "xmlns:") {
      if (hr::classify_namespace(a.value()) == Ns::xhtml) continue;
    } else {
      const std::string_view ap = hr::name_prefix(an);
      if (!ap.empty() && ap != "xml" && std::find(declared.begin(), declared.end(), ap) == declared.end() &&
          !el.attribute(("xmlns:" + str(ap)).c_str())) {
        const std::string_view auri = scope_.uri(ap);
        if (!auri.empty()) {
          out += " xmlns:" + str(ap) + "=\"";
          escape_attr_to(out, auri);
          out += '"';
          declared.push_back(ap);
        }
      }
    }
    out += ' ';
    out.append(an);
    out += "=\"";
    escape_attr_to(out, a.value());
    out += '"';
  }
  if (!el.first_child()) {
    out += "/>";
    return;
  }
  out += '>';
  serialize_children(el, out, child_default, depth);
  out += "</";
  out.append(name);
  out += '>';
}

std::string Reader::xhtml_value(pugi::xml_node el, const Path& path) {
  pugi::xml_node div;
  bool other_content = false;
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) {
      if (div) {
        other_content = true;
        continue;
      }
      ScopeGuard guard(scope_, c);
      if (scope_.ns_of(c) == Ns::xhtml && hr::local_name(c.name()) == "div") div = c;
      else other_content = true;
    } else if ((c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) && !trim(c.value()).empty()) {
      other_content = true;
    }
  }
  if (div && !other_content) {
    ScopeGuard guard(scope_, div);
    return str(trim(xhtml_markup(div)));
  }
  repair(el, "atom-xhtml-div-missing",
         "<" + str(hr::local_name(el.name())) + " type=\"xhtml\"> does not hold exactly one xhtml:div; its content was kept as XHTML",
         path);
  return str(trim(xhtml_markup(el)));
}

// Text (or html) that holds elements: an unescaped-markup breakage; keep the
// markup as HTML.
Text Reader::text_from_markup_or_text(pugi::xml_node el, Kind kind, const Path& path) {
  const TextType type = kind == Kind::html ? TextType::html : TextType::text;
  if (const auto one = single_text(el)) return Text(str(trim(*one)), type);  // one text node (or none): no markup
  if (has_element_child(el)) {
    repair(el, "markup-unescaped", "<" + str(hr::local_name(el.name())) + "> holds unescaped markup; read as HTML",
           path);
    return Text(str(trim(hr::inner_xml(el))), TextType::html);
  }
  return Text(trimmed_text(el), type);
}

Text Reader::read_text(pugi::xml_node el, const Ctx& c, const Path& path) {
  static const char* const names[] = {"type", "mode"};
  const auto [type_attr, mode] = attributes(el, names);
  const std::string_view type = trim(type_attr.value());
  Text t;
  if (v03_ || mode) {
    t = text_03(el, type, trim(mode.value()), path, nullptr);
  } else {
    Kind kind = kind_of_type(type);
    if (kind == Kind::xml || kind == Kind::other) {
      repair(el, "atom-text-type-unknown",
             "unknown text type \"" + str(type) + "\" in <" + str(hr::local_name(el.name())) + ">; read as text", path);
      kind = Kind::text;
    }
    if (kind == Kind::xhtml) t = Text(xhtml_value(el, path), TextType::xhtml);
    else t = text_from_markup_or_text(el, kind, path);
  }
  resolve_markup_urls(t, c);
  return t;
}

// Atom 0.3 content constructs: a MIME type (default text/plain) and a mode
// (xml, the default; escaped; base64). `binary` receives non-text base64
// content when given.
Text Reader::text_03(pugi::xml_node el, std::string_view type, std::string_view mode, const Path& path,
                     std::optional<Attachment>* binary) {
  Kind kind = kind_of_type(type);
  if (ascii_iequal(mode, "base64")) {
    const std::string raw = direct_text(el);
    if (kind == Kind::other || kind == Kind::xml) {
      if (binary) {
        const auto compact = compact_base64(raw);
        if (!compact)
          repair(el, "atom-base64-invalid", "the base64 content of <" + str(hr::local_name(el.name())) + "> is not valid base64; kept as it is", path);
        *binary = Attachment{"data:" + str(type) + ";base64," + (compact ? *compact : str(trim(raw))), str(type), {}, {}};
        return Text();
      }
      kind = Kind::text;
    }
    auto bytes = decode_base64(raw);
    if (!bytes) {
      repair(el, "atom-base64-invalid",
             "the base64 content of <" + str(hr::local_name(el.name())) + "> is not valid base64; kept as text", path);
      return Text(str(trim(raw)), TextType::text);
    }
    std::string value = hr::xml_safe(*bytes);
    if (value != *bytes)
      repair(el, "invalid-utf8", "the base64 content of <" + str(hr::local_name(el.name())) + "> is not valid UTF-8 text; bad bytes replaced", path);
    const TextType tt = kind == Kind::html ? TextType::html : kind == Kind::xhtml ? TextType::xhtml : TextType::text;
    return Text(str(trim(value)), tt);
  }
  if (ascii_iequal(mode, "escaped")) {
    return text_from_markup_or_text(el, kind == Kind::text ? Kind::text : Kind::html, path);
  }
  if (!mode.empty() && !ascii_iequal(mode, "xml")) {
    repair(el, "atom-text-type-unknown",
           "unknown mode \"" + str(mode) + "\" in <" + str(hr::local_name(el.name())) + ">; read as escaped text", path);
    return text_from_markup_or_text(el, kind == Kind::text ? Kind::text : Kind::html, path);
  }
  // mode="xml": inline markup when there are elements, else the text.
  if (has_element_child(el)) {
    pugi::xml_node first;
    for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element) {
        first = c;
        break;
      }
    }
    {
      ScopeGuard guard(scope_, first);
      if (scope_.ns_of(first) == Ns::xhtml && hr::local_name(first.name()) == "div")
        return Text(xhtml_value(el, path), TextType::xhtml);
    }
    return Text(str(trim(xhtml_markup(el))), TextType::xhtml);
  }
  return Text(trimmed_text(el), kind == Kind::html || kind == Kind::xhtml ? TextType::html : TextType::text);
}

void Reader::read_content(pugi::xml_node el, const Ctx& c, Article& a, const Path& path) {
  static const char* const names[] = {"type", "src", "mode"};
  const auto [type_attr, src, mode] = attributes(el, names);
  const std::string_view type = trim(type_attr.value());
  if (src) {
    Link l;
    l.href = url(c, src.value());
    l.rel = str(content_src_rel);
    if (!type.empty() && kind_of_type(type) != Kind::text && !ascii_iequal(type, "html") && !ascii_iequal(type, "xhtml"))
      l.type = str(type);
    else if (ascii_iequal(type, "html")) l.type = "text/html";
    else if (ascii_iequal(type, "xhtml")) l.type = "application/xhtml+xml";
    a.links.push_back(std::move(l));
    return;
  }
  if (v03_ || mode) {
    std::optional<Attachment> binary;
    Text t = text_03(el, type, trim(mode.value()), path, &binary);
    if (binary) {
      a.attachments.push_back(std::move(*binary));
      return;
    }
    resolve_markup_urls(t, c);
    a.content = std::move(t);
    return;
  }
  const Kind kind = kind_of_type(type);
  if (kind == Kind::xml) {
    repair(el, "atom-content-xml", "inline content of type \"" + str(type) + "\" was kept as text", path);
    a.content = Text(str(trim(xhtml_markup(el))), TextType::text);
    return;
  }
  if (kind == Kind::other) {
    if (istarts_with(type, "text/")) {  // any other text/* type: plain text
      a.content = text_from_markup_or_text(el, Kind::text, path);
      return;
    }
    // Any other media type: base64 (RFC 4287 §4.1.3.3), kept as an attachment.
    const std::string raw = direct_text(el);
    const auto compact = compact_base64(raw);
    if (!compact)
      repair(el, "atom-base64-invalid", "the base64 content of <content> is not valid base64; kept as it is", path);
    a.attachments.push_back(
        Attachment{"data:" + str(type) + ";base64," + (compact ? *compact : str(trim(raw))), str(type), {}, {}});
    return;
  }
  Text t = kind == Kind::xhtml ? Text(xhtml_value(el, path), TextType::xhtml) : text_from_markup_or_text(el, kind, path);
  resolve_markup_urls(t, c);
  a.content = std::move(t);
}

Person Reader::read_person(pugi::xml_node el, const Ctx& c) {
  Person p;
  for (pugi::xml_node ch = el.first_child(); ch; ch = ch.next_sibling()) {
    if (ch.type() != pugi::node_element) continue;
    ScopeGuard guard(scope_, ch);
    if (!is_atom(scope_.ns_of(ch))) continue;
    const std::string_view local = hr::local_name(ch.name());
    if (local == "name") p.name = trimmed_text(ch);
    else if (local == "email") p.email = trimmed_text(ch);
    else if (local == "uri" || local == "url") p.uri = url(derive(c, ch), direct_text(ch));
  }
  return p;
}

Link Reader::read_link(pugi::xml_node el, const Ctx& c, const Path& path) {
  static const char* const names[] = {"href", "rel", "type", "hreflang", "title", "length"};
  const auto [href, rel, type, hreflang, title, len] = attributes(el, names);
  Link l;
  l.href = url(c, href.value());
  l.rel = str(trim(rel.value()));
  l.type = str(trim(type.value()));
  l.hreflang = str(trim(hreflang.value()));
  l.title = title.value();
  if (len && !trim(len.value()).empty()) {
    l.length = hr::parse_uint(len.value());
    if (!l.length)
      repair(el, "length-invalid", "<link> length \"" + str(len.value()) + "\" is not a number; ignored", path);
  }
  return l;
}

std::optional<GeoPoint> Reader::parse_point(std::string_view text, pugi::xml_node el, const Path& path) {
  std::string s(trim(text));
  for (char& ch : s) {
    if (ch == ',') ch = ' ';
  }
  const std::string_view v = s;
  const std::size_t sp = v.find_first_of(" \t\n\r");
  std::optional<double> lat, lon;
  if (sp != std::string_view::npos) {
    lat = hr::parse_double(v.substr(0, sp));
    lon = hr::parse_double(v.substr(sp));
  }
  if (!lat || !lon || *lat < -90 || *lat > 90 || *lon < -180 || *lon > 180) {
    repair(el, "geo-invalid", "\"" + str(trim(text)) + "\" is not a point (lat lon); dropped", path);
    return std::nullopt;
  }
  return GeoPoint{*lat, *lon};
}

/// Adds an attachment, merging it into one with the same URL (an enclosure
/// link and a media:content naming the same file), as the RSS reader does.
void add_attachment(Attachment at, std::vector<Attachment>& out) {
  for (Attachment& existing : out) {
    if (existing.url != at.url) continue;
    if (existing.type.empty()) existing.type = at.type;
    if (!existing.length) existing.length = at.length;
    if (existing.title.empty()) existing.title = at.title;
    return;
  }
  out.push_back(std::move(at));
}

void Reader::read_media(pugi::xml_node el, std::string_view local, const Ctx& c, Article& a, const Path& path) {
  if (local == "group") {
    for (pugi::xml_node ch = el.first_child(); ch; ch = ch.next_sibling()) {
      if (ch.type() != pugi::node_element) continue;
      ScopeGuard guard(scope_, ch);
      const std::string_view l = hr::local_name(ch.name());
      if (scope_.ns_of(ch) == Ns::media && (l == "content" || l == "thumbnail" || l == "category"))
        read_media(ch, l, derive(c, ch), a, path);
    }
    return;
  }
  if (local == "content") {
    Attachment at;
    at.url = url(c, attr(el, "url"));
    if (at.url.empty()) return;  // a player-only media:content: nothing to attach
    at.type = str(trim(attr(el, "type")));
    if (const pugi::xml_attribute size = el.attribute("fileSize"); size && !trim(size.value()).empty()) {
      at.length = hr::parse_uint(size.value());
      if (!at.length)
        repair(el, "length-invalid",
               "<" + str(el.name()) + "> fileSize \"" + str(size.value()) + "\" is not a number; ignored", path);
    }
    for (pugi::xml_node ch = el.first_child(); ch; ch = ch.next_sibling()) {
      if (ch.type() != pugi::node_element) continue;
      ScopeGuard guard(scope_, ch);
      if (scope_.ns_of(ch) == Ns::media && hr::local_name(ch.name()) == "title") at.title = trimmed_text(ch);
    }
    add_attachment(std::move(at), a.attachments);
  } else if (local == "thumbnail") {
    Link l;
    l.href = url(c, attr(el, "url"));
    l.rel = str(thumbnail_rel);
    if (!l.href.empty()) a.links.push_back(std::move(l));
  } else if (local == "category") {
    Category cat{trimmed_text(el), str(trim(attr(el, "scheme"))), str(trim(attr(el, "label")))};
    if (!cat.term.empty()) a.categories.push_back(std::move(cat));
  }
}

/// Understood non-Atom elements of an entry (everything else is kept as an extension).
bool entry_understands(Ns ns, std::string_view local) noexcept {
  switch (ns) {
    case Ns::hr: return true;
    case Ns::dc:
      return local == "creator" || local == "date" || local == "subject" || local == "language" ||
             local == "coverage" || local == "rights" || local == "publisher";
    case Ns::dcterms: return local == "modified" || local == "created" || local == "issued";
    case Ns::media: return local == "content" || local == "thumbnail" || local == "group" || local == "category";
    case Ns::georss: return local == "point" || local == "where";
    case Ns::geo: return local == "lat" || local == "long" || local == "Point";
    default: return false;
  }
}

/// Understood non-Atom elements of a feed.
bool feed_understands(Ns ns, std::string_view local) noexcept {
  switch (ns) {
    case Ns::hr: return true;
    case Ns::dc:
      return local == "language" || local == "rights" || local == "publisher" || local == "creator" ||
             local == "date";
    case Ns::dcterms: return local == "modified";
    default: return false;
  }
}

/// The elements of an Atom entry the reader understands.
enum class AtomTag {
  author, category, content, contributor, copyright, created, id, issued,
  link, modified, published, rights, summary, title, updated, other
};

/// The Atom element named `local` (1.0 and 0.3 names), found by its length
/// first: an entry has a dozen children, each compared once or twice, not
/// down a chain of a dozen names.
AtomTag atom_tag(std::string_view local) noexcept {
  switch (local.size()) {
    case 2:
      if (local == "id") return AtomTag::id;
      break;
    case 4:
      if (local == "link") return AtomTag::link;
      break;
    case 5:
      if (local == "title") return AtomTag::title;
      break;
    case 6:
      if (local == "author") return AtomTag::author;
      if (local == "issued") return AtomTag::issued;
      if (local == "rights") return AtomTag::rights;
      break;
    case 7:
      if (local == "content") return AtomTag::content;
      if (local == "created") return AtomTag::created;
      if (local == "summary") return AtomTag::summary;
      if (local == "updated") return AtomTag::updated;
      break;
    case 8:
      if (local == "category") return AtomTag::category;
      if (local == "modified") return AtomTag::modified;
      break;
    case 9:
      if (local == "copyright") return AtomTag::copyright;
      if (local == "published") return AtomTag::published;
      break;
    case 11:
      if (local == "contributor") return AtomTag::contributor;
      break;
    default: break;
  }
  return AtomTag::other;
}

void Reader::entry_atom(pugi::xml_node el, std::string_view local, const Ctx& c, Article& a, EntryExtras& x,
                        const Path& path) {
  const AtomTag tag = atom_tag(local);
  if (tag == AtomTag::id) {
    if (x.have_id) return duplicate(el, "entry", path + "/id");
    x.have_id = true;
    a.id = trimmed_text(el);
  } else if (tag == AtomTag::title) {
    if (x.have_title) return duplicate(el, "entry", path + "/title");
    x.have_title = true;
    a.title = read_text(el, c, path + "/title");
  } else if (tag == AtomTag::summary) {
    if (x.have_summary) return duplicate(el, "entry", path + "/summary");
    x.have_summary = true;
    a.summary = read_text(el, c, path + "/summary");
  } else if (tag == AtomTag::content) {
    if (x.have_content) return duplicate(el, "entry", path + "/content");
    x.have_content = true;
    read_content(el, c, a, path + "/content");
  } else if (tag == AtomTag::published || tag == AtomTag::issued) {
    if (tag == AtomTag::issued && !x.issued) x.issued.emplace(direct_text(el), el);
    if (tag == AtomTag::issued) return;
    if (x.have_published) return duplicate(el, "entry", path + "/published");
    x.have_published = true;
    a.published = read_date(el, path + "/published");
  } else if (tag == AtomTag::created) {
    if (!x.created) x.created.emplace(direct_text(el), el);
  } else if (tag == AtomTag::updated || tag == AtomTag::modified) {
    if (x.have_updated) return duplicate(el, "entry", path + "/updated");
    x.have_updated = true;
    a.updated = read_date(el, path + "/updated");
  } else if (tag == AtomTag::author) {
    a.authors.push_back(read_person(el, c));
  } else if (tag == AtomTag::contributor) {
    const Person p = read_person(el, c);
    a.publishers.push_back(Party{PartyKind::person, p.name, "contributor", {}, p.email, p.uri});
  } else if (tag == AtomTag::link) {
    Link l = read_link(el, c, path + "/links");
    if (l.rel == "enclosure" && l.hreflang.empty()) {
      add_attachment(Attachment{std::move(l.href), std::move(l.type), l.length, std::move(l.title)}, a.attachments);
    } else {
      if (l.rel.empty() || l.rel == "alternate") x.alternate_positions.push_back(a.links.size());
      a.links.push_back(std::move(l));
    }
  } else if (tag == AtomTag::category) {
    if (a.categories.empty()) {  // room for this and the following siblings of the same name at once (as RSS)
      std::size_t n = 0;
      const char* const name = el.name();
      for (pugi::xml_node s = el; s; s = s.next_sibling()) n += std::strcmp(s.name(), name) == 0;
      a.categories.reserve(n);
    }
    static const char* const names[] = {"term", "scheme", "label"};
    const auto [term, scheme, label] = attributes(el, names);
    a.categories.push_back(Category{str(trim(term.value())), str(trim(scheme.value())), str(label.value())});
  } else if (tag == AtomTag::rights || tag == AtomTag::copyright) {
    if (x.have_rights) return duplicate(el, "entry", path + "/rights");
    x.have_rights = true;
    a.rights = read_text(el, c, path + "/rights");
  } else {
    keep_foreign(el, a.extensions);  // atom:source, and Atom elements this version does not define
  }
}

void Reader::entry_other(pugi::xml_node el, Ns ns, std::string_view local, const Ctx& c, Article& a, EntryExtras& x,
                         const Path& path) {
  if (!entry_understands(ns, local)) return keep_foreign(el, a.extensions);
  switch (ns) {
    case Ns::dc:
      if (local == "creator") x.dc_creators.push_back(trimmed_text(el));
      else if (local == "date") x.dc_dates.emplace_back(direct_text(el), el);
      else if (local == "subject" || local == "coverage") {
        std::string term = trimmed_text(el);
        if (!term.empty())
          a.categories.push_back(Category{std::move(term), local == "coverage" ? str(dc_coverage_scheme) : "", {}});
      }
      else if (local == "language") {
        if (x.dc_language.empty()) x.dc_language = trimmed_text(el);
      } else if (local == "rights") {
        if (!x.dc_rights) x.dc_rights = Text(trimmed_text(el));
      } else if (local == "publisher") {
        std::string name = trimmed_text(el);
        if (!name.empty()) a.publishers.push_back(Party{PartyKind::organisation, std::move(name), "publisher", {}, {}, {}});
      }
      break;
    case Ns::dcterms:
      if (local == "modified") x.dc_modified.emplace_back(direct_text(el), el);
      else x.dc_dates.emplace_back(direct_text(el), el);
      break;
    case Ns::media: read_media(el, local, c, a, path + "/attachments"); break;
    case Ns::georss:
      if (local == "point") {
        if (!x.geo_point) x.geo_point = el;
      } else if (!x.geo_where) {
        x.geo_where = el;
      }
      break;
    case Ns::geo:
      if (local == "lat") {
        x.geo_lat = direct_text(el);
        x.geo_lat_el = el;
      } else if (local == "long") {
        x.geo_long = direct_text(el);
      } else {
        if (!x.geo_lat_el) x.geo_lat_el = el;
        for (pugi::xml_node ch = el.first_child(); ch; ch = ch.next_sibling()) {
          if (ch.type() != pugi::node_element) continue;
          ScopeGuard guard(scope_, ch);
          if (scope_.ns_of(ch) != Ns::geo) continue;
          const std::string_view l = hr::local_name(ch.name());
          if (l == "lat") x.geo_lat = direct_text(ch);
          else if (l == "long") x.geo_long = direct_text(ch);
        }
      }
      break;
    default: break;
  }
}

// A GML point in a georss:where: the first gml:pos (or gml:coordinates) below it.
pugi::xml_node find_gml_pos(pugi::xml_node where) {
  for (pugi::xml_node n = where.first_child(); n;) {
    if (n.type() == pugi::node_element) {
      const std::string_view l = hr::local_name(n.name());
      if (l == "pos" || l == "coordinates") return n;
      if (n.first_child()) {
        n = n.first_child();
        continue;
      }
    }
    while (n && !n.next_sibling() && n != where) n = n.parent();
    if (!n || n == where) break;
    n = n.next_sibling();
  }
  return {};
}

Item Reader::read_entry(pugi::xml_node entry, const Ctx& parent, std::size_t index) {
  const Path path("/items/", index);  // an <entry> root is read with index 0
  const AttributeKinds entry_kinds = attribute_kinds(entry);
  ScopeGuard guard(scope_, entry, entry_kinds.declarations);
  const Ctx ctx = entry_kinds.xml ? derive(parent, entry) : parent;
  Article a;
  EntryExtras x;
  std::vector<pugi::xml_node> hr_children;
  for (pugi::xml_node el = entry.first_child(); el; el = el.next_sibling()) {
    if (el.type() != pugi::node_element) continue;
    const AttributeKinds kinds = attribute_kinds(el);
    ScopeGuard child_guard(scope_, el, kinds.declarations);
    const Ns ns = scope_.ns_of(el);
    const std::string_view local = hr::local_name(el.name());
    const Ctx c = kinds.xml ? derive(ctx, el) : ctx;  // derive() copies `ctx` when there is no xml:*
    if (is_atom(ns)) entry_atom(el, local, c, a, x, path);
    else if (ns == Ns::hr) hr_children.push_back(el);
    else entry_other(el, ns, local, c, a, x, path);
  }

  // The item's URL: the first alternate link of an HTML (or unstated) type, else the first alternate.
  if (!x.alternate_positions.empty()) {
    std::size_t chosen = x.alternate_positions.front();
    for (std::size_t pos : x.alternate_positions) {
      const std::string& type = a.links[pos].type;
      if (type.empty() || type.find("html") != std::string::npos) {
        chosen = pos;
        break;
      }
    }
    a.url = std::move(a.links[chosen].href);
    a.links.erase(a.links.begin() + static_cast<std::ptrdiff_t>(chosen));
  }
  // Atom 0.3 dates and what Dublin Core says, where Atom left a gap.
  if (!x.have_published) {
    if (x.issued) {
      a.published = read_date_text(x.issued->first, x.issued->second, path + "/published");
      if (x.created) keep_foreign(x.created->second, a.extensions);
    } else if (x.created) {
      a.published = read_date_text(x.created->first, x.created->second, path + "/published");
    }
  } else {
    if (x.issued) keep_foreign(x.issued->second, a.extensions);
    if (x.created) keep_foreign(x.created->second, a.extensions);
  }
  for (const auto& [text, el] : x.dc_dates) {
    if (a.published) break;
    a.published = read_date_text(text, el, path + "/published");
  }
  for (const auto& [text, el] : x.dc_modified) {
    if (a.updated) break;
    a.updated = read_date_text(text, el, path + "/updated");
  }
  for (std::string& name : x.dc_creators) {
    const bool known = std::any_of(a.authors.begin(), a.authors.end(), [&](const Person& p) { return p.name == name; });
    if (!known && !name.empty()) a.authors.push_back(Person{std::move(name), {}, {}});
  }
  if (!a.rights && x.dc_rights) a.rights = std::move(x.dc_rights);
  // Position, in the RSS reader's order: georss:point, georss:where, geo:lat/long.
  if (x.geo_point) {
    a.geo = parse_point(direct_text(x.geo_point), x.geo_point, path + "/geo");
  } else if (x.geo_where) {
    if (const pugi::xml_node pos = find_gml_pos(x.geo_where)) a.geo = parse_point(direct_text(pos), pos, path + "/geo");
    else repair(x.geo_where, "geo-invalid", "<georss:where> holds no gml:pos; dropped", path + "/geo");
  } else if (x.geo_lat && x.geo_long) {
    a.geo = parse_point(str(trim(*x.geo_lat)) + " " + str(trim(*x.geo_long)), x.geo_lat_el, path + "/geo");
  }
  // Language: the entry's own xml:lang, then dc:language, then the inherited xml:lang.
  const pugi::xml_attribute own = entry_kinds.xml ? entry.attribute("xml:lang") : pugi::xml_attribute();
  if (own) a.language = str(trim(own.value()));
  else if (!x.dc_language.empty()) a.language = std::move(x.dc_language);
  else a.language = str(ctx.lang);

  Item item = std::move(a);
  if (!hr_children.empty()) hr::apply_item(hr_children, item, reporter(path.str()));
  return item;
}

Ctx Reader::begin_root(pugi::xml_node root) {
  root_bindings_ = scope_.push(root);
  const Ns ns = scope_.ns_of(root);
  const std::string_view local = hr::local_name(root.name());
  if (local != "feed" && local != "entry")
    fail(root, "the root element is <" + str(root.name()) + ">, not an Atom <feed> or <entry>");
  entry_root_ = local == "entry";
  if (ns == Ns::atom) {
    atom_ns_ = Ns::atom;
  } else if (ns == Ns::atom03) {
    atom_ns_ = Ns::atom03;
    v03_ = true;
  } else if (ns == Ns::none) {
    atom_ns_ = Ns::none;
    v03_ = trim(attr(root, "version")) == "0.3";
    repair(root, "atom-namespace-missing",
           std::string("<") + root.name() + "> has no Atom namespace; read as Atom " + (v03_ ? "0.3" : "1.0"), {});
  } else {
    fail(root, "<" + str(root.name()) + "> is in the namespace \"" + str(scope_.uri_of(root)) +
                   "\", not in an Atom namespace");
  }
  Ctx root_ctx;
  root_ctx.base = &bases_.front();
  if (entry_root_) return root_ctx;
  // The feed's base: its xml:base, else its alternate link, else the caller's base URL.
  Ctx ctx = derive(root_ctx, root);
  if (!root.attribute("xml:base")) {
    std::optional<std::string> first_alternate;
    for (pugi::xml_node el = root.first_child(); el; el = el.next_sibling()) {
      if (el.type() != pugi::node_element || hr::local_name(el.name()) != "link") continue;
      ScopeGuard guard(scope_, el);
      if (!is_atom(scope_.ns_of(el))) continue;
      const std::string_view rel = trim(attr(el, "rel"));
      if (!rel.empty() && rel != "alternate") continue;
      const std::string_view type = trim(attr(el, "type"));
      std::string href = resolve(*derive(root_ctx, el).base, attr(el, "href"));
      if (type.empty() || type.find("html") != std::string_view::npos) {
        first_alternate = std::move(href);
        break;
      }
      if (!first_alternate) first_alternate = std::move(href);
    }
    if (first_alternate && !first_alternate->empty()) {
      bases_.push_back(std::move(*first_alternate));
      ctx.base = &bases_.back();
    }
  }
  return ctx;
}

Feed Reader::read_feed_metadata(pugi::xml_node root, const Ctx& ctx, std::vector<pugi::xml_node>* hr_children) {
  Feed f;
  f.source_format = v03_ ? "atom-0.3" : "atom-1.0";
  bool have_id = false, have_title = false, have_subtitle = false, have_updated = false, have_rights = false;
  bool have_generator = false;
  std::string logo;
  std::vector<std::size_t> alternates;
  std::string dc_language;
  std::optional<Text> dc_rights;
  std::vector<std::pair<std::string, pugi::xml_node>> dc_dates;
  for (pugi::xml_node el = root.first_child(); el; el = el.next_sibling()) {
    if (el.type() != pugi::node_element) continue;
    ScopeGuard guard(scope_, el);
    const Ns ns = scope_.ns_of(el);
    const std::string_view local = hr::local_name(el.name());
    const Ctx c = derive(ctx, el);
    const Path path = Path("/feed/") + local;
    if (is_atom(ns)) {
      if (local == "entry") continue;
      if (local == "id") {
        if (have_id) duplicate(el, "feed", path);
        else f.id = trimmed_text(el);
        have_id = true;
      } else if (local == "title") {
        if (have_title) duplicate(el, "feed", path);
        else f.title = read_text(el, c, path);
        have_title = true;
      } else if (local == "subtitle" || local == "tagline") {
        if (have_subtitle) duplicate(el, "feed", "/feed/subtitle");
        else f.subtitle = read_text(el, c, "/feed/subtitle");
        have_subtitle = true;
      } else if (local == "updated" || local == "modified") {
        if (have_updated) duplicate(el, "feed", "/feed/updated");
        else f.updated = read_date(el, "/feed/updated");
        have_updated = true;
      } else if (local == "rights" || local == "copyright") {
        if (have_rights) duplicate(el, "feed", "/feed/rights");
        else f.rights = read_text(el, c, "/feed/rights");
        have_rights = true;
      } else if (local == "link") {
        Link l = read_link(el, c, "/feed/links");
        if (l.rel.empty() || l.rel == "alternate") alternates.push_back(f.links.size());
        f.links.push_back(std::move(l));
      } else if (local == "author" || local == "contributor") {
        const Person p = read_person(el, c);
        const bool author = local == "author";
        f.publishers.push_back(Party{author ? PartyKind::organisation : PartyKind::person, p.name,
                                     author ? "author" : "contributor", {}, p.email, p.uri});
      } else if (local == "generator") {
        if (have_generator) {
          duplicate(el, "feed", "/feed/generator");
          continue;
        }
        have_generator = true;
        std::string g = trimmed_text(el);
        if (g.empty()) g = str(trim(el.attribute("uri") ? attr(el, "uri") : attr(el, "url")));
        const std::string_view version = trim(attr(el, "version"));
        if (!version.empty() && !g.empty()) g += " " + str(version);
        f.generator = std::move(g);
      } else if (local == "icon") {
        if (!f.icon.empty()) duplicate(el, "feed", "/feed/icon");
        else f.icon = url(c, direct_text(el));
      } else if (local == "logo") {
        if (logo.empty()) logo = url(c, direct_text(el));
        else keep_foreign(el, f.extensions);
      } else {
        keep_foreign(el, f.extensions);  // feed-level categories, Atom 0.3 info, unknown Atom elements
      }
    } else if (ns == Ns::hr) {
      if (hr_children) hr_children->push_back(el);
    } else if (feed_understands(ns, local)) {
      if (ns == Ns::dc && local == "language") {
        if (dc_language.empty()) dc_language = trimmed_text(el);
      } else if (ns == Ns::dc && local == "rights") {
        if (!dc_rights) dc_rights = Text(trimmed_text(el));
      } else if (ns == Ns::dc && (local == "publisher" || local == "creator")) {
        // as the RSS reader: dc:creator is a person, dc:publisher an organisation
        f.publishers.push_back(Party{local == "creator" ? PartyKind::person : PartyKind::organisation, trimmed_text(el),
                                     str(local), {}, {}, {}});
      } else {
        dc_dates.emplace_back(direct_text(el), el);
      }
    } else {
      keep_foreign(el, f.extensions);
    }
  }
  if (!alternates.empty()) {
    std::size_t chosen = alternates.front();
    for (std::size_t pos : alternates) {
      const std::string& type = f.links[pos].type;
      if (type.empty() || type.find("html") != std::string::npos) {
        chosen = pos;
        break;
      }
    }
    f.url = std::move(f.links[chosen].href);
    f.links.erase(f.links.begin() + static_cast<std::ptrdiff_t>(chosen));
  }
  // A logo stands in for a missing icon; when both are given the logo is kept as an extension.
  if (f.icon.empty()) {
    f.icon = std::move(logo);
  } else if (!logo.empty()) {
    for (pugi::xml_node el = root.first_child(); el; el = el.next_sibling()) {
      if (el.type() != pugi::node_element || hr::local_name(el.name()) != "logo") continue;
      ScopeGuard guard(scope_, el);
      if (is_atom(scope_.ns_of(el))) {
        keep_foreign(el, f.extensions);
        break;
      }
    }
  }
  if (const pugi::xml_attribute lang = root.attribute("xml:lang")) f.language = str(trim(lang.value()));
  else f.language = std::move(dc_language);
  if (!f.rights && dc_rights) f.rights = std::move(dc_rights);
  for (const auto& [text, el] : dc_dates) {
    if (f.updated) break;
    f.updated = read_date_text(text, el, "/feed/updated");
  }
  return f;
}

void Reader::read_document(const pugi::xml_document& doc) {
  const pugi::xml_node root = doc.document_element();
  if (!root) fail(pugi::xml_node(), "the document has no root element");
  const Ctx ctx = begin_root(root);
  if (entry_root_) {
    out_.feed.source_format = v03_ ? "atom-0.3" : "atom-1.0";
    out_.items.push_back(read_entry(root, ctx, 0));
  } else {
    std::vector<pugi::xml_node> hr_children;
    out_.feed = read_feed_metadata(root, ctx, &hr_children);
    std::size_t entries = 0;
    for (pugi::xml_node el = root.first_child(); el; el = el.next_sibling()) {
      if (el.type() == pugi::node_element && hr::local_name(el.name()) == "entry") ++entries;
    }
    out_.items.reserve(std::min(entries, options_.limits.max_items));
    pugi::xml_node next;
    for (pugi::xml_node el = root.first_child(); el; el = next) {
      next = el.next_sibling();
      if (el.type() != pugi::node_element || hr::local_name(el.name()) != "entry") continue;
      {
        ScopeGuard guard(scope_, el);
        if (!is_atom(scope_.ns_of(el))) continue;
      }
      if (out_.items.size() >= options_.limits.max_items)
        fail(el, "more than " + std::to_string(options_.limits.max_items) + " items (limit max_items)");
      out_.items.push_back(read_entry(el, ctx, out_.items.size()));
      // The entry is read: its nodes go (pugixml frees each page once all it
      // holds is gone), so the items being built reuse that memory instead of
      // the whole document staying alive until the end. Notes that point into
      // it are placed first.
      hold_scope_notes();
      const std::ptrdiff_t from = el.offset_debug();
      while (next && next.type() != pugi::node_element) next = next.next_sibling();
      detail::drop_read_element(el);
      // Its bytes too, up to the next element (whose own bytes follow its name).
      if (next) spent_.spend(from, next.offset_debug());
    }
    take_scope_notes();
    if (!hr_children.empty()) hr::apply_channel(hr_children, out_, reporter("/feed"));
  }
  take_scope_notes();
  end_root();
}

// ---------------------------------------------------------------------------
// Loading

/// Reads `bytes`; when `owned` (holding the same bytes) is given, it is parsed in place.
Collection read_impl(std::string_view bytes, const ReadOptions& options, std::string* owned = nullptr) {
  Collection out;
  {
    detail::XmlInput input = owned ? detail::load_xml(std::move(*owned), options, format_id)
                                   : detail::load_xml(bytes, options, format_id);
    out.diagnostics = std::move(input.diagnostics);
    Reader reader(options, out, input.source(bytes));
    // Parsed in place (its line starts noted): the buffer is ours to release as entries are read.
    if (!input.line_starts.empty())
      reader.set_spent_input(detail::SpentInput(input.text.data(), input.text.size()));
    reader.adopt_line_starts(std::move(input.line_starts));
    reader.read_document(input.doc);
  }  // the document (and the input, when handed over) is released here
  detail::finish_feed(out, options);
  return out;
}

// ---------------------------------------------------------------------------
// The writer

pugi::xml_node first_element_child(pugi::xml_node n) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) return c;
  }
  return {};
}

pugi::xml_node next_element_sibling(pugi::xml_node n) {
  for (pugi::xml_node c = n.next_sibling(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) return c;
  }
  return {};
}

/// Calls `f` on `top` and on every element below it, parents first, without
/// recursion (model values may nest deeply). `f` may add or remove text children.
template <class F>
void walk_elements(pugi::xml_node top, F&& f) {
  for (pugi::xml_node n = top; n;) {
    f(n);
    if (pugi::xml_node child = first_element_child(n)) {
      n = child;
      continue;
    }
    while (n != top && !next_element_sibling(n)) n = n.parent();
    if (n == top) break;
    n = next_element_sibling(n);
  }
}

/// How deep markup from the model may nest when written as markup (XHTML,
/// kept foreign elements): deeper values go out as escaped text, so that a
/// reader's max_depth (256 by default) never refuses what the writer wrote.
constexpr std::size_t max_written_depth = 64;

/// The number of element levels below `top` (0: no element children).
std::size_t element_depth(pugi::xml_node top) {
  std::size_t depth = 0, deepest = 0;
  for (pugi::xml_node n = first_element_child(top); n;) {
    ++depth;
    deepest = std::max(deepest, depth);
    if (pugi::xml_node child = first_element_child(n)) {
      n = child;
      continue;
    }
    while (n && !next_element_sibling(n)) {
      n = n.parent();
      --depth;
      if (n == top) return deepest;
    }
    if (!n) break;
    n = next_element_sibling(n);
    --depth;
  }
  return deepest;
}

/// Marks every element below `node` so that indentation never adds text to
/// mixed content: empty text nodes before each element child, and after the last.
void freeze_whitespace(pugi::xml_node node) {
  walk_elements(node, [](pugi::xml_node n) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const pugi::xml_node prev = c.previous_sibling();
      if (!prev || prev.type() == pugi::node_element) n.insert_child_before(pugi::node_pcdata, c);
    }
    if (n.last_child() && n.last_child().type() == pugi::node_element) n.append_child(pugi::node_pcdata);
  });
}

/// Parses `text` as the content of `<wrapper xmlns="…">` (whitespace kept);
/// nothing when it is not well-formed.
bool parse_fragment(std::string_view text, std::string_view default_ns, pugi::xml_document& doc) {
  std::string buffer = "<w xmlns=\"" + str(default_ns) + "\">";
  buffer.append(text.data(), text.size());
  buffer += "</w>";
  const pugi::xml_parse_result r =
      doc.load_buffer(buffer.data(), buffer.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
  return static_cast<bool>(r) && doc.document_element() && !doc.document_element().next_sibling();
}

/// Whether `value` can go inside `<div xmlns="…xhtml">` as markup: well-formed,
/// namespace-well-formed, every element in the XHTML namespace.
bool xhtml_writable(std::string_view value, pugi::xml_document& frag) {
  if (!hr::is_xml_safe(value)) return false;
  if (!parse_fragment(value, xhtml_uri, frag)) return false;
  if (element_depth(frag.document_element()) > max_written_depth) return false;
  // White space between elements is content in XHTML (`<b>a</b> <i>b</i>`): kept.
  return namespace_well_formed(frag.document_element(), [](std::string_view uri) {
    return hr::classify_namespace(uri) == Ns::xhtml && uri == xhtml_uri;
  });
}

/// Whether a kept foreign element (`{uri}local` → outer XML) may be written
/// back verbatim: well-formed, namespace-well-formed, and standing alone (an
/// unprefixed element must declare its default namespace itself, or it would
/// land in the Atom namespace).
bool raw_extension_writable(std::string_view value) {
  if (!hr::is_xml_safe(value)) return false;
  std::string buffer = "<w xmlns=\"urn:hrnews:no-default-namespace\">";
  buffer.append(value.data(), value.size());
  buffer += "</w>";
  pugi::xml_document doc;
  if (!doc.load_buffer(buffer.data(), buffer.size(), pugi::parse_default | pugi::parse_fragment, pugi::encoding_utf8))
    return false;
  const pugi::xml_node top = doc.document_element();
  if (!top || top.next_sibling()) return false;
  if (element_depth(top) > max_written_depth) return false;
  return namespace_well_formed(top, [](std::string_view uri) { return uri != "urn:hrnews:no-default-namespace"; });
}

/// A light check of a kept `atom:source` against RFC 4287's grammar, enough
/// to never write an invalid one (anything doubtful goes to hr:extension).
bool atom_source_writable(std::string_view value) {
  pugi::xml_document doc;
  if (!raw_extension_writable(value) || !parse_fragment(value, "urn:hrnews:no-default-namespace", doc)) return false;
  const pugi::xml_node src = doc.document_element().first_child();
  if (!src || src.type() != pugi::node_element || src.next_sibling()) return false;
  auto ns_of = [](pugi::xml_node n) { return hr::lookup_namespace(n, hr::name_prefix(n.name())); };
  auto common_attrs_ok = [&](pugi::xml_node n, std::initializer_list<std::string_view> own) {
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
      const std::string_view an = a.name();
      if (an == "xmlns" || an.substr(0, 6) == "xmlns:") continue;
      if (an == "xml:lang") {
        if (!is_language_tag(a.value())) return false;
        continue;
      }
      if (an == "xml:base") continue;
      if (hr::name_prefix(an).empty()) {
        if (std::find(own.begin(), own.end(), an) == own.end()) return false;
        continue;
      }
      if (hr::name_prefix(an) == "xml") return false;  // xml:space and friends are not allowed
    }
    return true;
  };
  auto only_text = [](pugi::xml_node n) { return !has_element_child(n); };
  auto no_atom_children = [&](pugi::xml_node n) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element && ns_of(c) == atom_uri) return false;
    }
    return true;
  };
  auto text_construct_ok = [&](pugi::xml_node n) {
    if (!common_attrs_ok(n, {"type"})) return false;
    const std::string_view type = attr(n, "type");
    if (!n.attribute("type") || type == "text" || type == "html") return only_text(n);
    if (type != "xhtml") return false;
    pugi::xml_node div;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element) {
        if (div) return false;
        div = c;
      } else if (!trim(c.value()).empty()) {
        return false;
      }
    }
    if (!div || ns_of(div) != xhtml_uri || hr::local_name(div.name()) != "div") return false;
    return namespace_well_formed(div, [](std::string_view uri) { return uri == xhtml_uri; });
  };
  auto person_ok = [&](pugi::xml_node n) {
    if (!common_attrs_ok(n, {})) return false;
    int names = 0, uris = 0, emails = 0;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) {
        if (!trim(c.value()).empty()) return false;
        continue;
      }
      if (ns_of(c) != atom_uri) continue;  // extension elements
      const std::string_view l = hr::local_name(c.name());
      if (!common_attrs_ok(c, {}) || !only_text(c)) return false;
      if (l == "name") ++names;
      else if (l == "uri") ++uris;
      else if (l == "email") {
        ++emails;
        if (!is_email_address(trim(direct_text(c)))) return false;
      } else {
        return false;
      }
    }
    return names == 1 && uris <= 1 && emails <= 1;
  };
  if (ns_of(src) != atom_uri || hr::local_name(src.name()) != "source" || !common_attrs_ok(src, {})) return false;
  std::vector<std::string_view> singles;
  for (pugi::xml_node c = src.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) {
      if (!trim(c.value()).empty()) return false;
      continue;
    }
    if (ns_of(c) != atom_uri) continue;  // extension elements are allowed
    const std::string_view l = hr::local_name(c.name());
    if (l == "author" || l == "contributor") {
      if (!person_ok(c)) return false;
    } else if (l == "category") {
      if (!c.attribute("term") || !common_attrs_ok(c, {"term", "scheme", "label"}) || !no_atom_children(c))
        return false;
    } else if (l == "link") {
      if (!c.attribute("href") || !common_attrs_ok(c, {"href", "rel", "type", "hreflang", "title", "length"}) ||
          !no_atom_children(c))
        return false;
      if (c.attribute("rel") && std::strlen(c.attribute("rel").value()) == 0) return false;
      if (c.attribute("type") && !is_media_type(attr(c, "type"))) return false;
      if (c.attribute("hreflang") && !is_language_tag(attr(c, "hreflang"))) return false;
    } else {
      if (std::find(singles.begin(), singles.end(), l) != singles.end()) return false;
      singles.push_back(l);
      if (l == "generator") {
        if (!common_attrs_ok(c, {"uri", "version"}) || !only_text(c)) return false;
      } else if (l == "icon" || l == "id" || l == "logo") {
        if (!common_attrs_ok(c, {}) || !only_text(c)) return false;
      } else if (l == "rights" || l == "subtitle" || l == "title") {
        if (!text_construct_ok(c)) return false;
      } else if (l == "updated") {
        if (!common_attrs_ok(c, {}) || !only_text(c) || !is_xsd_datetime(direct_text(c))) return false;
      } else {
        return false;
      }
    }
  }
  return true;
}

/// `urn:hrnews:feed:` + 16 hex digits of the FNV-1a 64-bit hash of the title: a stable id for a feed that has none.
std::string feed_id_fallback(const Feed& f) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : f.title.value) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, "urn:hrnews:feed:%016llx", static_cast<unsigned long long>(h));
  return buf;
}

class Writer {
 public:
  Writer(const Collection& c, const WriteOptions& o) : c_(c), o_(o), reader_(read_options_, scratch_, {}) {}
  std::string run();

 private:
  pugi::xml_node el(pugi::xml_node parent, const char* name, std::string_view text) {
    pugi::xml_node e = parent.append_child(name);
    set_text(e, text);
    return e;
  }
  // Element text exactly as a parser will give it back (characters XML cannot
  // carry replaced, CR LF → LF, whitespace only → nothing), so that the
  // native view below is what a reader of the written bytes gets.
  static void set_text(pugi::xml_node e, std::string_view text) {
    if (text.empty()) return;
    const std::string view = hr::element_text_view(text);
    if (!view.empty()) e.text().set(view.c_str());
  }
  void set(pugi::xml_node e, const char* name, std::string_view value) {
    e.append_attribute(name).set_value(hr::xml_safe(value).c_str());
  }
  void text_construct(pugi::xml_node parent, const char* name, const Text& t);
  void link(pugi::xml_node parent, const Link& l);
  void person(pugi::xml_node parent, const char* name, std::string_view person_name, std::string_view email,
              std::string_view uri);
  void date(pugi::xml_node parent, const char* name, std::string_view text) { el(parent, name, text); }
  void write_feed(pugi::xml_node root);
  void write_entry(pugi::xml_node root, const Ctx& feed_ctx, const Item& item, std::size_t index);
  hr::ForeignTest foreign_test(const Extensions& ext, bool entry_level);

  const Collection& c_;
  const WriteOptions& o_;
  ReadOptions read_options_;  // the native view is read as a plain reader would
  Collection scratch_;        // where its diagnostics go
  Reader reader_;
  std::string feed_lang_;     // the xml:lang written on <feed>
  std::string feed_updated_;  // the date written as the feed's <updated>
  bool feed_has_author_ = false;
};

void Writer::text_construct(pugi::xml_node parent, const char* name, const Text& t) {
  pugi::xml_node e = parent.append_child(name);
  if (t.type == TextType::xhtml) {
    pugi::xml_document frag;
    if (xhtml_writable(t.value, frag)) {
      e.append_attribute("type").set_value("xhtml");
      pugi::xml_node div = e.append_child("div");
      div.append_attribute("xmlns").set_value(str(xhtml_uri).c_str());
      for (pugi::xml_node n = frag.document_element().first_child(); n; n = n.next_sibling()) div.append_copy(n);
      freeze_whitespace(div);
      if (!div.first_child()) div.append_child(pugi::node_pcdata);  // <div></div>, not indented
      return;
    }
    // Not writable as XHTML: the markup goes out escaped (the hr extension keeps the type).
    e.append_attribute("type").set_value("html");
  } else if (t.type == TextType::html) {
    e.append_attribute("type").set_value("html");
  }
  set_text(e, t.value);
}

void Writer::link(pugi::xml_node parent, const Link& l) {
  pugi::xml_node e = parent.append_child("link");
  set(e, "href", l.href);
  if (!l.rel.empty()) set(e, "rel", l.rel);
  if (!l.type.empty() && is_media_type(hr::xml_safe(l.type))) set(e, "type", l.type);
  if (!l.hreflang.empty() && is_language_tag(l.hreflang)) set(e, "hreflang", l.hreflang);
  if (!l.title.empty()) set(e, "title", l.title);
  if (l.length) e.append_attribute("length").set_value(std::to_string(*l.length).c_str());
}

void Writer::person(pugi::xml_node parent, const char* name, std::string_view person_name, std::string_view email,
                    std::string_view uri) {
  pugi::xml_node e = parent.append_child(name);
  el(e, "name", person_name);
  if (!email.empty() && is_email_address(hr::xml_safe(email))) el(e, "email", email);
  if (!uri.empty()) el(e, "uri", uri);
}

hr::ForeignTest Writer::foreign_test(const Extensions& ext, bool entry_level) {
  // Keys whose value cannot go out verbatim: decided once per element.
  std::vector<std::string> bad;
  for (const auto& [key, value] : ext) {
    if (key.empty() || key.front() != '{') continue;
    const std::size_t close = key.find('}');
    if (close == std::string::npos) continue;
    const std::string_view uri = std::string_view(key).substr(1, close - 1);
    const std::string_view local = std::string_view(key).substr(close + 1);
    // A kept element is a JSON string holding its outer XML (hr::keep_foreign).
    const nlohmann::json json = nlohmann::json::parse(value, nullptr, false);
    if (!json.is_string()) continue;  // not a kept element: hr::append_raw_extension refuses it anyway
    const std::string& xml = json.get_ref<const std::string&>();
    const bool ok = hr::classify_namespace(uri) == Ns::atom && local == "source" ? atom_source_writable(xml)
                                                                                  : raw_extension_writable(xml);
    if (!ok) bad.push_back(key);
  }
  return [bad = std::move(bad), entry_level](std::string_view uri, std::string_view local) {
    if (uri.empty()) return false;
    if (std::find(bad.begin(), bad.end(), hr::extension_key(uri, local)) != bad.end()) return false;
    bool variant = false;
    const Ns ns = hr::classify_namespace(uri, &variant);
    // A variant spelling of a known namespace would be reported again (namespace-variant) on reading.
    if (variant) return false;
    if (ns == Ns::atom) return entry_level && local == "source";
    if (ns == Ns::hr || ns == Ns::xml) return false;
    return entry_level ? !entry_understands(ns, local) : !feed_understands(ns, local);
  };
}

void Writer::write_feed(pugi::xml_node root) {
  const Feed& f = c_.feed;
  std::string id = f.id;
  if (id.empty()) id = !f.url.empty() ? f.url : feed_id_fallback(f);
  el(root, "id", id);
  text_construct(root, "title", f.title);
  if (f.subtitle) text_construct(root, "subtitle", *f.subtitle);
  if (!f.url.empty()) {
    pugi::xml_node l = root.append_child("link");
    set(l, "rel", "alternate");
    set(l, "href", f.url);
  }
  for (const Link& l : f.links) link(root, l);
  if (f.updated) {
    feed_updated_ = atom_date(*f.updated);
  } else {
    // The latest date of the items, else the epoch (the hr extension says "no date").
    const Timestamp* latest = nullptr;
    for (const Item& item : c_.items) {
      const Article& a = article_of(item);
      for (const auto* t : {a.updated ? &*a.updated : nullptr, a.published ? &*a.published : nullptr}) {
        if (t && (!latest || latest->utc() < t->utc())) latest = t;
      }
    }
    feed_updated_ = latest ? atom_date(*latest) : "1970-01-01T00:00:00Z";
  }
  date(root, "updated", feed_updated_);
  for (const Party& p : f.publishers) {
    const bool contributor = p.role == "contributor";
    person(root, contributor ? "contributor" : "author", p.name, p.email, p.uri);
    if (!contributor) feed_has_author_ = true;
  }
  // RFC 4287: a feed needs an author unless every entry has one.
  if (!feed_has_author_) {
    const bool all_entries_have_one = std::all_of(c_.items.begin(), c_.items.end(),
                                                  [](const Item& i) { return !article_of(i).authors.empty(); });
    if (!all_entries_have_one) {
      std::string name = f.title.type == TextType::text ? str(trim(hr::xml_safe(f.title.value))) : std::string();
      person(root, "author", name.empty() ? "unknown" : name, {}, {});
      feed_has_author_ = true;
    }
  }
  if (!f.generator.empty()) el(root, "generator", f.generator);
  if (f.rights) text_construct(root, "rights", *f.rights);
  if (!f.icon.empty()) el(root, "icon", f.icon);
}

void Writer::write_entry(pugi::xml_node root, const Ctx& feed_ctx, const Item& item, std::size_t index) {
  const Article& a = article_of(item);
  pugi::xml_node e = root.append_child("entry");
  if (!a.language.empty() && a.language != feed_lang_ && is_language_tag(a.language)) set(e, "xml:lang", a.language);
  el(e, "id", a.id.empty() ? detail::derive_item_id(a) : a.id);
  text_construct(e, "title", a.title);
  bool has_alternate = false;
  if (!a.url.empty()) {
    pugi::xml_node l = e.append_child("link");
    set(l, "rel", "alternate");
    set(l, "href", a.url);
    has_alternate = true;
  }
  for (const Link& l : a.links) {
    link(e, l);
    if (l.rel.empty() || l.rel == "alternate") has_alternate = true;
  }
  for (const Attachment& at : a.attachments) {
    link(e, Link{at.url, "enclosure", at.type, {}, at.title, at.length});
  }
  if (a.published) date(e, "published", atom_date(*a.published));
  date(e, "updated", a.updated ? atom_date(*a.updated) : a.published ? atom_date(*a.published) : feed_updated_);
  for (const Person& p : a.authors) person(e, "author", p.name, p.email, p.uri);
  for (const Category& cat : a.categories) {
    pugi::xml_node ce = e.append_child("category");
    set(ce, "term", cat.term);
    if (!cat.scheme.empty()) set(ce, "scheme", cat.scheme);
    if (!cat.label.empty()) set(ce, "label", cat.label);
  }
  if (a.summary) text_construct(e, "summary", *a.summary);
  if (a.content) {
    text_construct(e, "content", *a.content);
  } else if (!has_alternate) {
    // RFC 4287: an entry needs an alternate link or a content; the summary
    // stands in (the hr extension says there is no content).
    text_construct(e, "content", a.summary ? *a.summary : Text());
  }
  if (a.rights) text_construct(e, "rights", *a.rights);
  if (a.geo) {
    el(e, "georss:point", hr::format_double(a.geo->lat) + " " + hr::format_double(a.geo->lon));
  }
  // What a reader gets from the native elements; the hr extension adds the rest.
  const Item native = reader_.read_entry(e, feed_ctx, index);
  pugi::xml_node last_native = e.last_child();
  hr::write_item(e, item, article_of(native), foreign_test(a.extensions, true));
  for (pugi::xml_node n = last_native.next_sibling(); n; n = n.next_sibling()) {
    if (n.type() == pugi::node_element && hr::name_prefix(n.name()) != hr::ns_prefix) freeze_whitespace(n);
  }
}

std::string Writer::run() {
  pugi::xml_document doc;
  pugi::xml_node root = doc.append_child("feed");
  root.append_attribute("xmlns").set_value(str(atom_uri).c_str());
  hr::declare(root);
  const bool any_geo =
      std::any_of(c_.items.begin(), c_.items.end(), [](const Item& i) { return article_of(i).geo.has_value(); });
  if (any_geo) root.append_attribute("xmlns:georss").set_value(str(georss_uri).c_str());
  if (!c_.feed.language.empty() && is_language_tag(c_.feed.language)) {
    feed_lang_ = c_.feed.language;
    root.append_attribute("xml:lang").set_value(feed_lang_.c_str());
  }
  write_feed(root);
  const Ctx ctx = reader_.begin_root(root);
  const Feed native = reader_.read_feed_metadata(root, ctx, nullptr);
  pugi::xml_node last_native = root.last_child();
  hr::write_channel(root, c_, native, foreign_test(c_.feed.extensions, false));
  for (pugi::xml_node n = last_native.next_sibling(); n; n = n.next_sibling()) {
    if (n.type() == pugi::node_element && hr::name_prefix(n.name()) != hr::ns_prefix) freeze_whitespace(n);
  }
  for (std::size_t i = 0; i < c_.items.size(); ++i) write_entry(root, ctx, c_.items[i], i);
  reader_.end_root();

  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  struct Sink : pugi::xml_writer {
    std::string* s;
    void write(const void* data, std::size_t size) override { s->append(static_cast<const char*>(data), size); }
  } sink;
  sink.s = &out;
  if (o_.pretty) {
    const std::string indent(static_cast<std::size_t>(std::max(0, o_.indent)), ' ');
    doc.save(sink, indent.c_str(), pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
  } else {
    doc.save(sink, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    out += '\n';
  }
  return out;
}

}  // namespace

Collection read_atom(std::string_view bytes, const ReadOptions& options) { return read_impl(bytes, options); }

Collection detail::read_atom_owned(std::string&& bytes, const ReadOptions& options) {
  const std::string_view view = bytes;
  return read_impl(view, options, &bytes);
}

Result<Collection> try_read_atom(std::string_view bytes, const ReadOptions& options) noexcept {
  try {
    return read_impl(bytes, options);
  } catch (const ParseError& e) {
    return e;
  } catch (const std::bad_alloc&) {
    return ParseError(str(format_id), "out of memory", {}, {}, options.file_name);
  } catch (const std::exception& e) {
    return ParseError(str(format_id), e.what(), {}, {}, options.file_name);
  }
}

std::string write_atom(const Collection& collection, const WriteOptions& options) {
  Writer writer(collection, options);
  return writer.run();
}

}  // namespace hrnews
