// SPDX-License-Identifier: Apache-2.0
// The canonical XML format: a lossless XML rendering of the model, element for
// member of the canonical JSON format (docs/format-xml.md, docs/schema/hrnews.xsd).
//
// Writing appends text to a string directly (no DOM). Reading parses with
// pugixml and walks the known structure; line, column and the element path are
// computed from the failing node only when an error is thrown.

#include <hrnews/xml.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <new>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <hrnews/version.hpp>

#include "utf8.hpp"

namespace hrnews {
namespace {

constexpr std::string_view hr_ns = "urn:hrnews:xml:1.0";
constexpr std::string_view xml_ns = "http://www.w3.org/XML/1998/namespace";
constexpr std::string_view foreign_elements_key = "xml:elements";
constexpr std::string_view foreign_attribute_prefix = "xml:@";

bool starts_with(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// ---------------------------------------------------------------------------
// Characters

/// Length of the valid UTF-8 sequence at `p` (1–4), or 0 when the bytes there are not one.
std::size_t utf8_length(const unsigned char* p, const unsigned char* end, std::uint32_t& cp) noexcept {
  const unsigned char c = *p;
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  std::size_t n;
  std::uint32_t min;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2, min = 0x80, cp = c & 0x1Fu;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3, min = 0x800, cp = c & 0x0Fu;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4, min = 0x10000, cp = c & 0x07u;
  } else {
    return 0;
  }
  if (static_cast<std::size_t>(end - p) < n) return 0;
  for (std::size_t i = 1; i < n; ++i) {
    if ((p[i] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (p[i] & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

/// True when XML 1.0 can carry code point `cp` as a character (reference).
bool xml_char(std::uint32_t cp) noexcept {
  if (cp < 0x20) return cp == 0x09 || cp == 0x0A || cp == 0x0D;
  return cp != 0xFFFE && cp != 0xFFFF;
}

/// True when `s` is valid UTF-8 made only of characters XML can carry.
bool xml_safe(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    if (*p >= 0x20 && *p < 0x80) {
      ++p;
      continue;
    }
    std::uint32_t cp = 0;
    const std::size_t n = utf8_length(p, end, cp);
    if (n == 0 || !xml_char(cp)) return false;
    p += n;
  }
  return true;
}

void append_hex(std::string& out, std::uint32_t v, int digits) {
  static const char hex[] = "0123456789ABCDEF";
  for (int i = digits - 1; i >= 0; --i) out.push_back(hex[(v >> (4 * i)) & 0xF]);
}

/// Appends `s` as XML character data (`attr`: inside a double-quoted attribute).
/// With `escaped`, backslashes and what XML cannot carry become `\\`, `\uXXXX`, `\xHH`.
void append_chars(std::string& out, std::string_view s, bool attr, bool escaped) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  const auto* run = p;
  auto flush = [&](const unsigned char* upto) {
    out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(upto - run));
  };
  while (p < end) {
    const unsigned char c = *p;
    if (c >= 0x20 && c < 0x80) {
      const char* rep = nullptr;
      switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = attr ? "&quot;" : nullptr; break;
        case '\\': rep = escaped ? "\\\\" : nullptr; break;
        default: break;
      }
      if (rep != nullptr) {
        flush(p);
        out.append(rep);
        run = p + 1;
      }
      ++p;
      continue;
    }
    std::uint32_t cp = 0;
    const std::size_t n = utf8_length(p, end, cp);
    if (n == 0) {
      flush(p);
      if (escaped) {
        out.append("\\x");
        append_hex(out, c, 2);
      } else {
        out.append("\xEF\xBF\xBD");  // unreachable: unsafe strings are written escaped
      }
      run = ++p;
      continue;
    }
    if (cp == '\t' || cp == '\n' || cp == '\r') {
      if (cp == '\r' || attr) {
        flush(p);
        out.append(cp == '\r' ? "&#13;" : cp == '\n' ? "&#10;" : "&#9;");
        run = p + 1;
      }
    } else if (!xml_char(cp)) {
      flush(p);
      out.append("\\u");
      append_hex(out, cp, 4);
      run = p + n;
    }
    p += n;
  }
  flush(p);
}

// ---------------------------------------------------------------------------
// Writer

class Writer {
 public:
  Writer(std::string& out, const WriteOptions& options)
      : out_(out), pretty_(options.pretty), indent_(options.indent < 0 ? 0 : options.indent) {}

  void document(const Collection& c) {
    out_.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    newline();
    std::string attrs = " xmlns=\"";
    attrs.append(hr_ns);
    attrs.append("\" format_version=\"");
    attrs.append(format_version);
    attrs.push_back('"');
    open("hrnews", c.extensions, std::move(attrs));
    feed(c.feed);
    if (!c.items.empty()) {
      open("items");
      for (const Item& item : c.items) {
        if (item.index() == 0) {
          article("article", *std::get_if<Article>(&item), nullptr);
        } else {
          const auto& iv = *std::get_if<Intervention>(&item);
          article("intervention", iv, &iv);
        }
      }
      close("items");
    }
    list("campaigns", c.campaigns, [&](const Campaign& x) { campaign(x); });
    list("schemes", c.schemes, [&](const Scheme& x) { scheme(x); });
    list("diagnostics", c.diagnostics, [&](const Diagnostic& x) { diagnostic(x); });
    close_extensible("hrnews", c.extensions);
  }

 private:
  // --- layout

  void newline() {
    if (pretty_) out_.push_back('\n');
  }
  void pad() {
    if (pretty_) out_.append(static_cast<std::size_t>(depth_ * indent_), ' ');
  }
  void open(std::string_view name, std::string_view attrs = {}) {
    pad();
    out_.push_back('<');
    out_.append(name);
    out_.append(attrs);
    out_.push_back('>');
    newline();
    ++depth_;
  }
  void close(std::string_view name) {
    --depth_;
    pad();
    out_.append("</");
    out_.append(name);
    out_.push_back('>');
    newline();
  }

  /// `<name>value</name>` (or `<name escaped="true">…` when XML cannot carry `value` as is).
  void leaf(std::string_view name, std::string_view value, std::string_view attrs = {}) {
    pad();
    out_.push_back('<');
    out_.append(name);
    out_.append(attrs);
    const bool safe = xml_safe(value);
    if (!safe) out_.append(" escaped=\"true\"");
    out_.push_back('>');
    append_chars(out_, value, false, !safe);
    out_.append("</");
    out_.append(name);
    out_.push_back('>');
    newline();
  }
  void string(std::string_view name, const std::string& value) {
    if (!value.empty()) leaf(name, value);
  }
  void number(std::string_view name, std::uint64_t n) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);
    leaf(name, std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
  }
  void number(std::string_view name, double d) {
    if (std::isnan(d)) return leaf(name, "NaN");
    if (std::isinf(d)) return leaf(name, d < 0 ? "-INF" : "INF");
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, d);
    leaf(name, std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
  }
  void text(std::string_view name, const Text& t) {
    if (t.type == TextType::text) {
      leaf(name, t.value);
    } else {
      leaf(name, t.value, t.type == TextType::html ? " type=\"html\"" : " type=\"xhtml\"");
    }
  }
  void text(std::string_view name, const std::optional<Text>& t) {
    if (t) text(name, *t);
  }
  void time(std::string_view name, std::string_view raw_name, const std::optional<Timestamp>& t) {
    if (!t) return;
    const std::string rfc = t->to_rfc3339();
    leaf(name, rfc);
    if (t->raw() != rfc) leaf(raw_name, t->raw());
  }
  template <class T, class F>
  void list(std::string_view name, const std::vector<T>& v, F&& each) {
    if (v.empty()) return;
    open(name);
    for (const T& x : v) each(x);
    close(name);
  }
  void strings(std::string_view name, std::string_view element, const std::vector<std::string>& v) {
    list(name, v, [&](const std::string& s) { leaf(element, s); });
  }
  void lang_map(std::string_view name, const LangMap& m) {
    if (m.empty()) return;
    open(name);
    for (const auto& [lang, value] : m) {
      open("entry");
      leaf("lang", lang);
      leaf("value", value);
      close("entry");
    }
    close(name);
  }
  void lang_list_map(std::string_view name, const LangListMap& m) {
    if (m.empty()) return;
    open(name);
    for (const auto& [lang, values] : m) {
      open("entry");
      leaf("lang", lang);
      for (const std::string& v : values) leaf("value", v);
      close("entry");
    }
    close(name);
  }

  // --- extensions

  /// The JSON string an extension value holds, when it is one.
  static std::optional<std::string> json_string(const std::string& text) {
    if (text.empty() || text.front() != '"') return std::nullopt;
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_string()) return std::nullopt;
    return j.get<std::string>();
  }

  /// Splits `{uri}local` (Clark notation).
  static bool split_clark(std::string_view name, std::string_view& uri, std::string_view& local) {
    if (name.size() < 3 || name.front() != '{') return false;
    const std::size_t close = name.find('}');
    if (close == std::string_view::npos || close == 1 || close + 1 == name.size()) return false;
    uri = name.substr(1, close - 1);
    local = name.substr(close + 1);
    return true;
  }

  static bool ncname(std::string_view s) {
    if (s.empty()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
      if (!(alpha || (i > 0 && ((c >= '0' && c <= '9') || c == '-' || c == '.')))) return false;
    }
    return xml_safe(s);
  }

  /// True when the extension `name` = `text` can be written back as a foreign attribute.
  static bool as_attribute(const std::string& name, const std::string& text, std::string_view& uri,
                           std::string_view& local, std::string& value) {
    if (!starts_with(name, foreign_attribute_prefix)) return false;
    if (!split_clark(std::string_view(name).substr(foreign_attribute_prefix.size()), uri, local)) return false;
    if (uri == hr_ns || !ncname(local) || !xml_safe(uri)) return false;
    auto s = json_string(text);
    if (!s || !xml_safe(*s)) return false;
    value = std::move(*s);
    return true;
  }

  /// The serialized foreign elements of an `xml:elements` extension, when they can be written back raw.
  static std::optional<std::string> as_elements(const std::string& name, const std::string& text) {
    if (name != foreign_elements_key) return std::nullopt;
    auto s = json_string(text);
    if (!s || s->empty() || !xml_safe(*s)) return std::nullopt;
    pugi::xml_document doc;
    if (!doc.load_buffer(s->data(), s->size(), pugi::parse_default | pugi::parse_fragment | pugi::parse_ws_pcdata_single,
                         pugi::encoding_utf8)) {
      return std::nullopt;
    }
    std::string again;
    for (pugi::xml_node n : doc.children()) {
      if (n.type() != pugi::node_element) return std::nullopt;
      // The element's namespace must be declared on itself and differ from hrnews's.
      std::string_view qname = n.name();
      const std::size_t colon = qname.find(':');
      std::string decl = colon == std::string_view::npos ? "xmlns" : "xmlns:" + std::string(qname.substr(0, colon));
      const std::string_view uri = n.attribute(decl.c_str()).value();
      if (uri.empty() || uri == hr_ns) return std::nullopt;
      again += serialize(n);
    }
    if (again != *s) return std::nullopt;
    return again;
  }

 public:
  /// One element as compact XML text, without declaration.
  static std::string serialize(pugi::xml_node n) {
    struct Sink : pugi::xml_writer {
      std::string* out;
      void write(const void* data, std::size_t size) override { out->append(static_cast<const char*>(data), size); }
    } sink;
    std::string out;
    sink.out = &out;
    n.print(sink, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    return out;
  }

 private:
  void open(std::string_view name, const Extensions& ext, std::string attrs = {}) {
    int n = 0;
    for (const auto& [key, text] : ext) {
      std::string_view uri, local;
      std::string value;
      if (!as_attribute(key, text, uri, local, value)) continue;
      if (uri == xml_ns) {
        attrs += " xml:";
        attrs.append(local);
      } else {
        const std::string prefix = "x" + std::to_string(++n);
        attrs += " xmlns:" + prefix + "=\"";
        append_chars(attrs, uri, true, false);
        attrs += "\" " + prefix + ":";
        attrs.append(local);
      }
      attrs += "=\"";
      append_chars(attrs, value, true, false);
      attrs += '"';
    }
    open(name, std::string_view(attrs));
  }

  void close_extensible(std::string_view name, const Extensions& ext) {
    std::optional<std::string> raw;
    for (const auto& [key, text] : ext) {
      std::string_view uri, local;
      std::string value;
      if (as_attribute(key, text, uri, local, value)) continue;
      if (key == foreign_elements_key && (raw = as_elements(key, text))) continue;
      open("extension");
      leaf("name", key);
      leaf("json", text);
      close("extension");
    }
    if (raw) {
      pad();
      out_.append(*raw);
      newline();
    }
    close(name);
  }

  // --- objects

  void link(const Link& l) {
    open("link");
    leaf("href", l.href);
    string("rel", l.rel);
    string("type", l.type);
    string("hreflang", l.hreflang);
    string("title", l.title);
    if (l.length) number("length", *l.length);
    close("link");
  }
  void person(std::string_view name, const Person& p) {
    open(name);
    string("name", p.name);
    string("email", p.email);
    string("uri", p.uri);
    close(name);
  }
  void party(std::string_view name, const Party& p) {
    open(name);
    leaf("kind", to_string(p.kind));
    string("name", p.name);
    string("role", p.role);
    string("abbreviation", p.abbreviation);
    string("email", p.email);
    string("uri", p.uri);
    close(name);
  }
  void term_ref(std::string_view name, const TermRef& r) {
    open(name);
    leaf("scheme", r.scheme);
    leaf("code", r.code);
    close(name);
  }
  void parties(std::string_view name, std::string_view element, const std::vector<Party>& v) {
    list(name, v, [&](const Party& p) { party(element, p); });
  }
  void term_refs(std::string_view name, std::string_view element, const std::vector<TermRef>& v) {
    list(name, v, [&](const TermRef& r) { term_ref(element, r); });
  }

  void feed(const Feed& f) {
    open("feed", f.extensions);
    string("id", f.id);
    text("title", f.title.empty() ? std::optional<Text>() : std::optional<Text>(f.title));
    text("subtitle", f.subtitle);
    string("url", f.url);
    list("links", f.links, [&](const Link& l) { link(l); });
    string("language", f.language);
    time("updated", "updated_raw", f.updated);
    parties("publishers", "publisher", f.publishers);
    string("generator", f.generator);
    text("rights", f.rights);
    string("icon", f.icon);
    string("source_format", f.source_format);
    close_extensible("feed", f.extensions);
  }

  void article(std::string_view name, const Article& a, const Intervention* iv) {
    open(name, a.extensions);
    leaf("id", a.id);
    string("url", a.url);
    list("links", a.links, [&](const Link& l) { link(l); });
    if (!a.title.empty()) text("title", a.title);
    text("summary", a.summary);
    text("content", a.content);
    time("published", "published_raw", a.published);
    time("updated", "updated_raw", a.updated);
    string("language", a.language);
    if (a.language_inferred) leaf("language_inferred", "true");
    list("authors", a.authors, [&](const Person& p) { person("author", p); });
    parties("publishers", "publisher", a.publishers);
    list("categories", a.categories, [&](const Category& c) {
      open("category");
      string("term", c.term);
      string("scheme", c.scheme);
      string("label", c.label);
      close("category");
    });
    term_refs("subjects", "subject", a.subjects);
    strings("countries", "country", a.countries);
    strings("regions", "region", a.regions);
    if (a.geo) {
      open("geo");
      number("lat", a.geo->lat);
      number("lon", a.geo->lon);
      close("geo");
    }
    strings("campaigns", "campaign", a.campaigns);
    list("related", a.related, [&](const Relation& r) {
      open("relation");
      leaf("rel", to_string(r.rel));
      string("id_or_url", r.id_or_url);
      close("relation");
    });
    list("attachments", a.attachments, [&](const Attachment& x) {
      open("attachment");
      leaf("url", x.url);
      string("type", x.type);
      if (x.length) number("length", *x.length);
      string("title", x.title);
      close("attachment");
    });
    text("rights", a.rights);
    string("dateline", a.dateline);
    if (a.event) {
      open("event");
      time("start", "start_raw", a.event->start);
      time("end", "end_raw", a.event->end);
      string("location", a.event->location);
      close("event");
    }
    if (iv != nullptr) {
      if (iv->case_ref) {
        open("case_ref");
        leaf("raw", iv->case_ref->raw());
        leaf("scheme", to_string(iv->case_ref->scheme()));
        leaf("formatted", iv->case_ref->format());
        close("case_ref");
      }
      leaf("intervention_type", to_string(iv->intervention_type));
      if (iv->status) leaf("status", to_string(*iv->status));
      list("victims", iv->victims, [&](const Victim& v) {
        open("victim");
        string("name", v.name);
        string("role", v.role);
        string("organisation", v.organisation);
        string("gender", v.gender);
        string("status", v.status);
        close("victim");
      });
      term_refs("violations", "violation", iv->violations);
      strings("requested_actions", "action", iv->requested_actions);
      list("addressees", iv->addressees, [&](const Addressee& x) {
        open("addressee");
        string("name", x.name);
        string("title", x.title);
        string("institution", x.institution);
        string("address", x.address);
        string("email", x.email);
        string("fax", x.fax);
        string("phone", x.phone);
        close("addressee");
      });
      time("deadline", "deadline_raw", iv->deadline);
      string("follows", iv->follows);
    }
    close_extensible(name, a.extensions);
  }

  void campaign(const Campaign& c) {
    open("campaign", c.extensions);
    leaf("id", c.id);
    string("name", c.name);
    if (!c.title.empty()) text("title", c.title);
    text("summary", c.summary);
    string("url", c.url);
    if (c.status) leaf("status", to_string(*c.status));
    time("start", "start_raw", c.start);
    time("end", "end_raw", c.end);
    parties("organisers", "organiser", c.organisers);
    strings("hashtags", "hashtag", c.hashtags);
    term_refs("subjects", "subject", c.subjects);
    strings("countries", "country", c.countries);
    strings("items", "item", c.items);
    strings("calls_to_action", "call", c.calls_to_action);
    close_extensible("campaign", c.extensions);
  }

  void scheme(const Scheme& s) {
    open("scheme");
    leaf("id", s.id);
    string("uri", s.uri);
    lang_map("title", s.title);
    list("terms", s.terms, [&](const Term& t) {
      open("term");
      leaf("code", t.code);
      string("uri", t.uri);
      lang_map("labels", t.labels);
      lang_list_map("alt_labels", t.alt_labels);
      lang_map("definition", t.definition);
      strings("broader", "code", t.broader);
      list("mappings", t.mappings, [&](const Mapping& m) {
        open("mapping");
        leaf("kind", to_string(m.kind));
        leaf("uri", m.uri);
        close("mapping");
      });
      if (t.deprecated) leaf("deprecated", "true");
      close("term");
    });
    close("scheme");
  }

  void diagnostic(const Diagnostic& d) {
    open("diagnostic");
    leaf("severity", to_string(d.severity));
    string("code", d.code);
    string("message", d.message);
    if (d.line) number("line", static_cast<std::uint64_t>(*d.line));
    if (d.column) number("column", static_cast<std::uint64_t>(*d.column));
    string("path", d.path);
    close("diagnostic");
  }

  std::string& out_;
  bool pretty_;
  int indent_;
  int depth_ = 0;
};

// ---------------------------------------------------------------------------
// Reader

/// `"text"` for messages: JSON-quoted, cut after 57 bytes with `...` when longer than 60 (as the JSON reader does).
std::string quote_text(std::string_view text) {
  const bool cut = text.size() > 60;
  if (cut) {
    std::size_t n = 57;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    text = text.substr(0, n);
  }
  std::string q = nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (cut) q.insert(q.size() - 1, "...");
  return q;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

using ::hrnews::detail::append_utf8;

class Reader {
 public:
  Reader(std::string_view input, const ReadOptions& options) : input_(input), options_(options) {}

  Collection read() {
    const Limits& limits = options_.limits;
    if (input_.size() > limits.max_input_bytes) {
      std::string m = "input is " + std::to_string(input_.size()) + " bytes, over the limit of " +
                      std::to_string(limits.max_input_bytes) + " bytes";
      throw ParseError("xml", std::move(m), {}, {}, options_.file_name);
    }
    const unsigned opts = pugi::parse_default | pugi::parse_ws_pcdata_single;
    const pugi::xml_parse_result r = doc_.load_buffer(input_.data(), input_.size(), opts, pugi::encoding_utf8);
    if (!r) {
      std::string d = r.description();
      if (!d.empty()) d[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(d[0])));
      throw ParseError("xml", "syntax error: " + d, locate(static_cast<std::size_t>(r.offset)), {},
                       options_.file_name);
    }
    const pugi::xml_node root = doc_.document_element();
    if (!root) throw ParseError("xml", "syntax error: no root element", locate(input_.size()), {}, options_.file_name);
    check_depth(root);

    // The hrnews namespace: the root's default namespace, or the one bound to its prefix.
    std::string_view qname = root.name();
    const std::size_t colon = qname.find(':');
    prefix_ = colon == std::string_view::npos ? std::string() : std::string(qname.substr(0, colon + 1));
    const std::string decl = prefix_.empty() ? "xmlns" : "xmlns:" + prefix_.substr(0, prefix_.size() - 1);
    if (qname.substr(prefix_.size()) != "hrnews" || std::string_view(root.attribute(decl.c_str()).value()) != hr_ns) {
      fail(root, "expected the root element <hrnews> in namespace \"" + std::string(hr_ns) + "\"");
    }
    const pugi::xml_attribute version = root.attribute("format_version");
    if (!version) fail(root, "missing required attribute \"format_version\"");
    std::string_view v = trim(version.value());
    std::string_view major = v.substr(0, v.find('.'));
    while (major.size() > 1 && major.front() == '0') major.remove_prefix(1);
    if (major != "1") fail(root, "unsupported format version " + quote_text(version.value()), "/@format_version");

    Collection c;
    std::string foreign;
    for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling()) {
      const std::string_view name = local(n);
      if (name == "feed") {
        c.feed = feed(n);
      } else if (name == "items") {
        for (pugi::xml_node k = n.first_child(); k; k = k.next_sibling()) {
          const std::string_view kind = local(k);
          if (kind != "article" && kind != "intervention") {
            ignored(k);
            continue;
          }
          if (c.items.size() >= limits.max_items) {
            fail(k, "more than " + std::to_string(limits.max_items) + " items (limit max_items)");
          }
          if (kind == "article") {
            Article a;
            article(k, a, nullptr);
            c.items.emplace_back(std::in_place_index<0>, std::move(a));
          } else {
            Intervention iv;
            article(k, iv, &iv);
            c.items.emplace_back(std::in_place_index<1>, std::move(iv));
          }
        }
      } else if (name == "campaigns") {
        each(n, "campaign", c.campaigns, [&](pugi::xml_node k) { return campaign(k); });
      } else if (name == "schemes") {
        each(n, "scheme", c.schemes, [&](pugi::xml_node k) { return scheme(k); });
      } else if (name == "diagnostics") {
        each(n, "diagnostic", c.diagnostics, [&](pugi::xml_node k) { return diagnostic(k); });
      } else {
        extension(n, c.extensions, foreign);
      }
    }
    finish_extensions(root, c.extensions, foreign, "format_version");
    return c;
  }

 private:
  // --- locations and errors

  SourceLocation locate(std::size_t offset) const {
    offset = std::min(offset, input_.size());
    SourceLocation where;
    const std::string_view before = input_.substr(0, offset);
    where.line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
    const std::size_t nl = before.rfind('\n');
    where.column = nl == std::string_view::npos ? offset + 1 : offset - nl;
    where.offset = offset;
    return where;
  }

  /// `/hrnews/items/article[3]/title`: names as written, an index where a name repeats among siblings.
  static std::string path_of(pugi::xml_node n) {
    std::vector<std::string> steps;
    for (; n && n.type() == pugi::node_element; n = n.parent()) {
      std::string step = n.name();
      std::size_t index = 1;
      bool repeated = false;
      for (pugi::xml_node s = n.previous_sibling(n.name()); s; s = s.previous_sibling(n.name())) ++index;
      repeated = index > 1 || n.next_sibling(n.name());
      if (repeated) step += "[" + std::to_string(index) + "]";
      steps.push_back(std::move(step));
    }
    std::string p;
    for (auto it = steps.rbegin(); it != steps.rend(); ++it) p += "/" + *it;
    return p;
  }

  [[noreturn]] void fail(pugi::xml_node n, std::string message, std::string_view suffix = {}) const {
    std::ptrdiff_t off = n.offset_debug();
    SourceLocation where;
    if (off > 0) where = locate(static_cast<std::size_t>(off - 1));  // at the '<'
    std::string path = path_of(n);
    path.append(suffix);
    throw ParseError("xml", std::move(message), where, std::move(path), options_.file_name);
  }

  void check_depth(pugi::xml_node root) const {
    std::size_t depth = 1;
    pugi::xml_node n = root;
    for (;;) {
      if (depth > options_.limits.max_depth) {
        fail(n, "nesting is over the limit of " + std::to_string(options_.limits.max_depth) + " levels");
      }
      pugi::xml_node child = n.first_child();
      while (child && child.type() != pugi::node_element) child = child.next_sibling();
      if (child) {
        n = child;
        ++depth;
        continue;
      }
      for (;;) {
        if (n == root) return;
        pugi::xml_node next = n.next_sibling();
        while (next && next.type() != pugi::node_element) next = next.next_sibling();
        if (next) {
          n = next;
          break;
        }
        n = n.parent();
        --depth;
      }
    }
  }

  // --- names

  /// The local name of an hrnews element, or empty for anything else.
  std::string_view local(pugi::xml_node n) const {
    if (n.type() != pugi::node_element) return {};
    std::string_view name = n.name();
    if (!starts_with(name, prefix_)) return {};
    name.remove_prefix(prefix_.size());
    if (name.find(':') != std::string_view::npos) return {};
    return name;
  }

  /// Unknown content where nothing is kept: elements are skipped (text and comments are layout).
  void ignored(pugi::xml_node) const {}

  // --- values

  std::string string(pugi::xml_node n) const {
    std::string out;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out.append(c.value());
    }
    if (out.size() > options_.limits.max_string_bytes) {
      fail(n, "string is " + std::to_string(out.size()) + " bytes, over the limit of " +
                  std::to_string(options_.limits.max_string_bytes) + " bytes");
    }
    const pugi::xml_attribute esc = n.attribute("escaped");
    if (esc) {
      const std::string_view flag = trim(esc.value());
      if (flag == "true" || flag == "1") return unescape(n, out);
      if (flag != "false" && flag != "0") fail(n, "attribute \"escaped\" is not a boolean");
    }
    return out;
  }

  std::string unescape(pugi::xml_node n, const std::string& s) const {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] != '\\') {
        out.push_back(s[i]);
        continue;
      }
      const char k = i + 1 < s.size() ? s[i + 1] : '\0';
      if (k == '\\') {
        out.push_back('\\');
        ++i;
        continue;
      }
      const std::size_t digits = k == 'u' ? 4 : k == 'x' ? 2 : 0;
      std::uint32_t v = 0;
      bool ok = digits != 0 && i + 1 + digits < s.size();
      for (std::size_t d = 0; ok && d < digits; ++d) {
        const int h = hex_value(s[i + 2 + d]);
        ok = h >= 0;
        v = v * 16 + static_cast<std::uint32_t>(h < 0 ? 0 : h);
      }
      if (!ok || (k == 'u' && v >= 0xD800 && v <= 0xDFFF)) {
        fail(n, "bad escape sequence at character " + std::to_string(i + 1));
      }
      if (k == 'u') {
        append_utf8(out, v);
      } else {
        out.push_back(static_cast<char>(v));
      }
      i += 1 + digits;
    }
    return out;
  }

  Text text(pugi::xml_node n) const {
    Text t(string(n));
    const pugi::xml_attribute type = n.attribute("type");
    if (type) {
      const auto parsed = from_string<TextType>(trim(type.value()));
      if (!parsed) fail(n, "unknown text type " + quote_text(type.value()), "/@type");
      t.type = *parsed;
    }
    return t;
  }

  template <class E>
  E enumeration(pugi::xml_node n) const {
    const std::string s = string(n);
    const auto e = from_string<E>(trim(s));
    if (!e) fail(n, "unknown value " + quote_text(s));
    return *e;
  }

  std::uint64_t unsigned_number(pugi::xml_node n) const {
    const std::string s = string(n);
    const std::string_view t = trim(s);
    if (!t.empty() && t.front() == '-') fail(n, "expected a non-negative integer");
    std::uint64_t v = 0;
    const auto r = std::from_chars(t.data(), t.data() + t.size(), v);
    if (r.ec == std::errc::result_out_of_range) fail(n, "number out of range");
    if (t.empty() || r.ec != std::errc() || r.ptr != t.data() + t.size()) fail(n, "expected an integer");
    return v;
  }

  double real(pugi::xml_node n) const {
    const std::string s = string(n);
    const std::string_view t = trim(s);
    if (t == "NaN") return std::numeric_limits<double>::quiet_NaN();
    if (t == "INF" || t == "+INF") return std::numeric_limits<double>::infinity();
    if (t == "-INF") return -std::numeric_limits<double>::infinity();
    std::string_view u = t;
    if (!u.empty() && u.front() == '+') u.remove_prefix(1);
    double d = 0;
    const auto r = std::from_chars(u.data(), u.data() + u.size(), d);
    if (u.empty() || r.ec != std::errc() || r.ptr != u.data() + u.size() || !(std::isfinite(d))) {
      fail(n, "expected a number");
    }
    return d;
  }

  bool boolean(pugi::xml_node n) const {
    const std::string s = string(n);
    const std::string_view t = trim(s);
    if (t == "true" || t == "1") return true;
    if (t == "false" || t == "0") return false;
    fail(n, "expected a boolean");
  }

  /// A timestamp element and its `_raw` companion (either may be null).
  std::optional<Timestamp> time(pugi::xml_node value, pugi::xml_node raw) const {
    if (!value) return std::nullopt;
    const std::string text = string(value);
    std::optional<Timestamp> ts = Timestamp::parse_iso8601(text);
    if (!ts) fail(value, quote_text(text) + " is not a valid date");
    if (raw) return ts->with_raw(string(raw));
    if (ts->raw() != text) return ts->with_raw(text);
    return ts;
  }

  /// Calls f(local name, node) for each child element of `n`.
  template <class F>
  void children(pugi::xml_node n, F&& f) const {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element) f(local(c), c);
    }
  }

  template <class T, class F>
  void each(pugi::xml_node n, std::string_view element, std::vector<T>& out, F&& make) const {
    out.clear();
    children(n, [&](std::string_view name, pugi::xml_node c) {
      if (name == element) out.push_back(make(c));
    });
  }
  void strings(pugi::xml_node n, std::string_view element, std::vector<std::string>& out) const {
    each(n, element, out, [&](pugi::xml_node c) { return string(c); });
  }

  [[noreturn]] void missing(pugi::xml_node n, std::string_view name) const {
    fail(n, "missing required element <" + std::string(name) + ">");
  }

  LangMap lang_map(pugi::xml_node n) const {
    LangMap m;
    children(n, [&](std::string_view name, pugi::xml_node e) {
      if (name != "entry") return;
      std::string lang, value;
      children(e, [&](std::string_view k, pugi::xml_node c) {
        if (k == "lang") lang = string(c);
        else if (k == "value") value = string(c);
      });
      m.insert_or_assign(std::move(lang), std::move(value));
    });
    return m;
  }
  LangListMap lang_list_map(pugi::xml_node n) const {
    LangListMap m;
    children(n, [&](std::string_view name, pugi::xml_node e) {
      if (name != "entry") return;
      std::string lang;
      std::vector<std::string> values;
      children(e, [&](std::string_view k, pugi::xml_node c) {
        if (k == "lang") lang = string(c);
        else if (k == "value") values.push_back(string(c));
      });
      m.insert_or_assign(std::move(lang), std::move(values));
    });
    return m;
  }

  Link link(pugi::xml_node n) const {
    Link l;
    bool href = false;
    children(n, [&](std::string_view k, pugi::xml_node c) {
      if (k == "href") l.href = string(c), href = true;
      else if (k == "rel") l.rel = string(c);
      else if (k == "type") l.type = string(c);
      else if (k == "hreflang") l.hreflang = string(c);
      else if (k == "title") l.title = string(c);
      else if (k == "length") l.length = unsigned_number(c);
    });
    if (!href) missing(n, "href");
    return l;
  }
  Person person(pugi::xml_node n) const {
    Person p;
    children(n, [&](std::string_view k, pugi::xml_node c) {
      if (k == "name") p.name = string(c);
      else if (k == "email") p.email = string(c);
      else if (k == "uri") p.uri = string(c);
    });
    return p;
  }
  Party party(pugi::xml_node n) const {
    Party p;
    children(n, [&](std::string_view k, pugi::xml_node c) {
      if (k == "kind") p.kind = enumeration<PartyKind>(c);
      else if (k == "name") p.name = string(c);
      else if (k == "role") p.role = string(c);
      else if (k == "abbreviation") p.abbreviation = string(c);
      else if (k == "email") p.email = string(c);
      else if (k == "uri") p.uri = string(c);
    });
    return p;
  }
  TermRef term_ref(pugi::xml_node n) const {
    TermRef r;
    bool scheme = false, code = false;
    children(n, [&](std::string_view k, pugi::xml_node c) {
      if (k == "scheme") r.scheme = string(c), scheme = true;
      else if (k == "code") r.code = string(c), code = true;
    });
    if (!scheme) missing(n, "scheme");
    if (!code) missing(n, "code");
    return r;
  }
  void parties(pugi::xml_node n, std::string_view element, std::vector<Party>& out) const {
    each(n, element, out, [&](pugi::xml_node c) { return party(c); });
  }
  void term_refs(pugi::xml_node n, std::string_view element, std::vector<TermRef>& out) const {
    each(n, element, out, [&](pugi::xml_node c) { return term_ref(c); });
  }

  // --- extensions

  /// An unknown child of an object that keeps extensions.
  void extension(pugi::xml_node n, Extensions& ext, std::string& foreign) const {
    if (n.type() != pugi::node_element) return;
    if (local(n) == "extension") {
      std::string name, json;
      bool has_name = false, has_json = false;
      children(n, [&](std::string_view k, pugi::xml_node c) {
        if (k == "name") name = string(c), has_name = true;
        else if (k == "json") json = string(c), has_json = true;
      });
      if (!has_name) missing(n, "name");
      if (!has_json) missing(n, "json");
      ext.insert_or_assign(std::move(name), std::move(json));
      return;
    }
    // A foreign (or future) element: kept as XML text, with the namespaces in scope declared on it.
    pugi::xml_document copy;
    pugi::xml_node e = copy.append_copy(n);
    // Declarations (`xmlns`, `xmlns:p`) for the prefixes the subtree uses.
    std::vector<std::string> used;
    auto use = [&](std::string_view qname, bool element) {
      const std::size_t colon = qname.find(':');
      std::string decl = colon == std::string_view::npos ? (element ? "xmlns" : "") : "xmlns:" + std::string(qname.substr(0, colon));
      if (decl.empty() || decl == "xmlns:xml" || decl == "xmlns:xmlns") return;
      if (std::find(used.begin(), used.end(), decl) == used.end()) used.push_back(std::move(decl));
    };
    for (pugi::xml_node x = e; x;) {
      use(x.name(), true);
      for (pugi::xml_attribute at : x.attributes()) {
        if (!starts_with(at.name(), "xmlns")) use(at.name(), false);
      }
      pugi::xml_node next = x.first_child();
      while (next && next.type() != pugi::node_element) next = next.next_sibling();
      while (!next && x != e) {
        next = x.next_sibling();
        while (next && next.type() != pugi::node_element) next = next.next_sibling();
        if (!next) x = x.parent();
      }
      x = next;
    }
    for (const std::string& decl : used) {
      if (e.attribute(decl.c_str())) continue;
      for (pugi::xml_node a = n.parent(); a && a.type() == pugi::node_element; a = a.parent()) {
        if (pugi::xml_attribute d = a.attribute(decl.c_str())) {
          e.append_attribute(decl.c_str()) = d.value();
          break;
        }
      }
    }
    foreign += Writer::serialize(e);
  }

  /// Stores the foreign elements collected for `owner` and its unknown attributes.
  void finish_extensions(pugi::xml_node owner, Extensions& ext, std::string& foreign,
                         std::string_view known_attribute = {}) const {
    if (!foreign.empty()) {
      ext.insert_or_assign(std::string(foreign_elements_key),
                           nlohmann::json(foreign).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      foreign.clear();
    }
    for (pugi::xml_attribute at : owner.attributes()) {
      const std::string_view an = at.name();
      if (an == "xmlns" || starts_with(an, "xmlns:") || (!known_attribute.empty() && an == known_attribute)) continue;
      std::string key(foreign_attribute_prefix);
      const std::size_t colon = an.find(':');
      if (colon == std::string_view::npos) {
        key.append(an);
      } else {
        const std::string prefix(an.substr(0, colon));
        std::string uri = prefix == "xml" ? std::string(xml_ns) : std::string();
        const std::string decl = "xmlns:" + prefix;
        for (pugi::xml_node a = owner; uri.empty() && a && a.type() == pugi::node_element; a = a.parent()) {
          if (pugi::xml_attribute d = a.attribute(decl.c_str())) uri = d.value();
        }
        if (uri.empty()) {
          key.append(an);
        } else {
          key += "{" + uri + "}";
          key.append(an.substr(colon + 1));
        }
      }
      ext.insert_or_assign(std::move(key), nlohmann::json(std::string(at.value()))
                                               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
  }

  // --- objects

  Feed feed(pugi::xml_node n) {
    Feed f;
    std::string foreign;
    pugi::xml_node updated, updated_raw;
    children(n, [&](std::string_view k, pugi::xml_node c) {
      if (k == "id") f.id = string(c);
      else if (k == "title") f.title = text(c);
      else if (k == "subtitle") f.subtitle = text(c);
      else if (k == "url") f.url = string(c);
      else if (k == "links") each(c, "link", f.links, [&](pugi::xml_node x) { return link(x); });
      else if (k == "language") f.language = string(c);
      else if (k == "updated") updated = c;
      else if (k == "updated_raw") updated_raw = c;
      else if (k == "publishers") parties(c, "publisher", f.publishers);
      else if (k == "generator") f.generator = string(c);
      else if (k == "rights") f.rights = text(c);
      else if (k == "icon") f.icon = string(c);
      else if (k == "source_format") f.source_format = string(c);
      else extension(c, f.extensions, foreign);
    });
    f.updated = time(updated, updated_raw);
    finish_extensions(n, f.extensions, foreign);
    return f;
  }

  void article(pugi::xml_node n, Article& a, Intervention* iv) {
    bool has_id = false;
    std::string foreign;
    pugi::xml_node published, published_raw, updated, updated_raw, deadline, deadline_raw;
    children(n, [&](std::string_view k, pugi::xml_node c) {
      if (k == "id") a.id = string(c), has_id = true;
      else if (k == "url") a.url = string(c);
      else if (k == "links") each(c, "link", a.links, [&](pugi::xml_node x) { return link(x); });
      else if (k == "title") a.title = text(c);
      else if (k == "summary") a.summary = text(c);
      else if (k == "content") a.content = text(c);
      else if (k == "published") published = c;
      else if (k == "published_raw") published_raw = c;
      else if (k == "updated") updated = c;
      else if (k == "updated_raw") updated_raw = c;
      else if (k == "language") a.language = string(c);
      else if (k == "language_inferred") a.language_inferred = boolean(c);
      else if (k == "authors") each(c, "author", a.authors, [&](pugi::xml_node x) { return person(x); });
      else if (k == "publishers") parties(c, "publisher", a.publishers);
      else if (k == "categories") {
        each(c, "category", a.categories, [&](pugi::xml_node x) {
          Category cat;
          children(x, [&](std::string_view m, pugi::xml_node y) {
            if (m == "term") cat.term = string(y);
            else if (m == "scheme") cat.scheme = string(y);
            else if (m == "label") cat.label = string(y);
          });
          return cat;
        });
      } else if (k == "subjects") term_refs(c, "subject", a.subjects);
      else if (k == "countries") strings(c, "country", a.countries);
      else if (k == "regions") strings(c, "region", a.regions);
      else if (k == "geo") {
        pugi::xml_node lat, lon;
        children(c, [&](std::string_view m, pugi::xml_node y) {
          if (m == "lat") lat = y;
          else if (m == "lon") lon = y;
        });
        if (!lat) missing(c, "lat");
        if (!lon) missing(c, "lon");
        a.geo = GeoPoint{real(lat), real(lon)};
      } else if (k == "campaigns") strings(c, "campaign", a.campaigns);
      else if (k == "related") {
        each(c, "relation", a.related, [&](pugi::xml_node x) {
          Relation r;
          children(x, [&](std::string_view m, pugi::xml_node y) {
            if (m == "rel") r.rel = enumeration<RelationType>(y);
            else if (m == "id_or_url") r.id_or_url = string(y);
          });
          return r;
        });
      } else if (k == "attachments") {
        each(c, "attachment", a.attachments, [&](pugi::xml_node x) {
          Attachment at;
          bool url = false;
          children(x, [&](std::string_view m, pugi::xml_node y) {
            if (m == "url") at.url = string(y), url = true;
            else if (m == "type") at.type = string(y);
            else if (m == "length") at.length = unsigned_number(y);
            else if (m == "title") at.title = string(y);
          });
          if (!url) missing(x, "url");
          return at;
        });
      } else if (k == "rights") a.rights = text(c);
      else if (k == "dateline") a.dateline = string(c);
      else if (k == "event") {
        Event e;
        pugi::xml_node start, start_raw, end, end_raw;
        children(c, [&](std::string_view m, pugi::xml_node y) {
          if (m == "start") start = y;
          else if (m == "start_raw") start_raw = y;
          else if (m == "end") end = y;
          else if (m == "end_raw") end_raw = y;
          else if (m == "location") e.location = string(y);
        });
        e.start = time(start, start_raw);
        e.end = time(end, end_raw);
        a.event = std::move(e);
      } else if (iv != nullptr && k == "case_ref") {
        pugi::xml_node raw = c.child((prefix_ + "raw").c_str());
        if (!raw) missing(c, "raw");
        iv->case_ref = CaseReference::parse(string(raw));
      } else if (iv != nullptr && k == "intervention_type") iv->intervention_type = enumeration<InterventionType>(c);
      else if (iv != nullptr && k == "status") iv->status = enumeration<CaseStatus>(c);
      else if (iv != nullptr && k == "victims") {
        each(c, "victim", iv->victims, [&](pugi::xml_node x) {
          Victim v;
          children(x, [&](std::string_view m, pugi::xml_node y) {
            if (m == "name") v.name = string(y);
            else if (m == "role") v.role = string(y);
            else if (m == "organisation") v.organisation = string(y);
            else if (m == "gender") v.gender = string(y);
            else if (m == "status") v.status = string(y);
          });
          return v;
        });
      } else if (iv != nullptr && k == "violations") term_refs(c, "violation", iv->violations);
      else if (iv != nullptr && k == "requested_actions") strings(c, "action", iv->requested_actions);
      else if (iv != nullptr && k == "addressees") {
        each(c, "addressee", iv->addressees, [&](pugi::xml_node x) {
          Addressee d;
          children(x, [&](std::string_view m, pugi::xml_node y) {
            if (m == "name") d.name = string(y);
            else if (m == "title") d.title = string(y);
            else if (m == "institution") d.institution = string(y);
            else if (m == "address") d.address = string(y);
            else if (m == "email") d.email = string(y);
            else if (m == "fax") d.fax = string(y);
            else if (m == "phone") d.phone = string(y);
          });
          return d;
        });
      } else if (iv != nullptr && k == "deadline") deadline = c;
      else if (iv != nullptr && k == "deadline_raw") deadline_raw = c;
      else if (iv != nullptr && k == "follows") iv->follows = string(c);
      else extension(c, a.extensions, foreign);
    });
    if (!has_id) missing(n, "id");
    a.published = time(published, published_raw);
    a.updated = time(updated, updated_raw);
    if (iv != nullptr) iv->deadline = time(deadline, deadline_raw);
    finish_extensions(n, a.extensions, foreign);
  }

  Campaign campaign(pugi::xml_node n) {
    Campaign c;
    bool has_id = false;
    std::string foreign;
    pugi::xml_node start, start_raw, end, end_raw;
    children(n, [&](std::string_view k, pugi::xml_node x) {
      if (k == "id") c.id = string(x), has_id = true;
      else if (k == "name") c.name = string(x);
      else if (k == "title") c.title = text(x);
      else if (k == "summary") c.summary = text(x);
      else if (k == "url") c.url = string(x);
      else if (k == "status") c.status = enumeration<CampaignStatus>(x);
      else if (k == "start") start = x;
      else if (k == "start_raw") start_raw = x;
      else if (k == "end") end = x;
      else if (k == "end_raw") end_raw = x;
      else if (k == "organisers") parties(x, "organiser", c.organisers);
      else if (k == "hashtags") strings(x, "hashtag", c.hashtags);
      else if (k == "subjects") term_refs(x, "subject", c.subjects);
      else if (k == "countries") strings(x, "country", c.countries);
      else if (k == "items") strings(x, "item", c.items);
      else if (k == "calls_to_action") strings(x, "call", c.calls_to_action);
      else extension(x, c.extensions, foreign);
    });
    if (!has_id) missing(n, "id");
    c.start = time(start, start_raw);
    c.end = time(end, end_raw);
    finish_extensions(n, c.extensions, foreign);
    return c;
  }

  Scheme scheme(pugi::xml_node n) const {
    Scheme s;
    bool has_id = false;
    children(n, [&](std::string_view k, pugi::xml_node x) {
      if (k == "id") s.id = string(x), has_id = true;
      else if (k == "uri") s.uri = string(x);
      else if (k == "title") s.title = lang_map(x);
      else if (k == "terms") {
        each(x, "term", s.terms, [&](pugi::xml_node y) {
          Term t;
          bool has_code = false;
          children(y, [&](std::string_view m, pugi::xml_node z) {
            if (m == "code") t.code = string(z), has_code = true;
            else if (m == "uri") t.uri = string(z);
            else if (m == "labels") t.labels = lang_map(z);
            else if (m == "alt_labels") t.alt_labels = lang_list_map(z);
            else if (m == "definition") t.definition = lang_map(z);
            else if (m == "broader") strings(z, "code", t.broader);
            else if (m == "mappings") {
              each(z, "mapping", t.mappings, [&](pugi::xml_node w) {
                Mapping mp;
                children(w, [&](std::string_view o, pugi::xml_node q) {
                  if (o == "kind") mp.kind = enumeration<MappingKind>(q);
                  else if (o == "uri") mp.uri = string(q);
                });
                return mp;
              });
            } else if (m == "deprecated") t.deprecated = boolean(z);
          });
          if (!has_code) missing(y, "code");
          return t;
        });
      }
    });
    if (!has_id) missing(n, "id");
    return s;
  }

  Diagnostic diagnostic(pugi::xml_node n) const {
    Diagnostic d;
    children(n, [&](std::string_view k, pugi::xml_node x) {
      if (k == "severity") d.severity = enumeration<Severity>(x);
      else if (k == "code") d.code = string(x);
      else if (k == "message") d.message = string(x);
      else if (k == "line") d.line = static_cast<std::size_t>(unsigned_number(x));
      else if (k == "column") d.column = static_cast<std::size_t>(unsigned_number(x));
      else if (k == "path") d.path = string(x);
    });
    return d;
  }

  std::string_view input_;
  const ReadOptions& options_;
  pugi::xml_document doc_;
  std::string prefix_;   // "" or "h:" for the hrnews namespace
};

}  // namespace

Collection read_xml(std::string_view xml, const ReadOptions& options) {
  Reader reader(xml, options);
  return reader.read();
}

Result<Collection> try_read_xml(std::string_view xml, const ReadOptions& options) noexcept {
  try {
    return read_xml(xml, options);
  } catch (const ParseError& e) {
    return e;
  } catch (const std::bad_alloc&) {
    return ParseError("xml", "out of memory", {}, {}, options.file_name);
  } catch (const std::exception& e) {
    return ParseError("xml", e.what(), {}, {}, options.file_name);
  }
}

std::string write_xml(const Collection& collection, const WriteOptions& options) {
  std::string out;
  Writer w(out, options);
  w.document(collection);
  return out;
}

void write_xml(const Collection& collection, std::ostream& out, const WriteOptions& options) {
  const std::string text = write_xml(collection, options);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace hrnews
