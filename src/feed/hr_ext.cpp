// SPDX-License-Identifier: Apache-2.0
// The hrnews XML extension namespace for feeds (see hr_ext.hpp and
// docs/format-feeds.md).
#include "../fold.hpp"
#include "hr_ext.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>

#include <nlohmann/json.hpp>

#include <hrnews/case_reference.hpp>
#include <hrnews/url.hpp>

namespace hrnews::detail::hr {
namespace {

// ---------------------------------------------------------------------------
// UTF-8 scanning

/// Length of the well-formed UTF-8 sequence at s[i] that encodes a character
/// XML 1.0 allows, or 0 when the byte at s[i] starts no such sequence.
std::size_t xml_char_length(std::string_view s, std::size_t i) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    if (b0 >= 0x20 || b0 == 0x09 || b0 == 0x0A || b0 == 0x0D) return 1;
    return 0;
  }
  std::size_t len = 0;
  std::uint32_t cp = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1Fu;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0Fu;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07u;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0u) != 0x80u) return 0;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (len == 3 && cp < 0x800) return 0;                      // overlong
  if (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return 0;  // overlong / too big
  if (cp >= 0xD800 && cp <= 0xDFFF) return 0;                 // surrogate
  if (cp == 0xFFFE || cp == 0xFFFF) return 0;                 // not characters in XML
  return len;
}

constexpr std::string_view replacement = "\xEF\xBF\xBD";

bool is_ws(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

using ::hrnews::detail::ascii_iequal;

// ---------------------------------------------------------------------------
// The escape convention

/// True when `v` comes back verbatim as element text.
bool text_clean(std::string_view v) noexcept {
  if (v.empty()) return true;
  if (is_ws(v.front()) || is_ws(v.back())) return false;
  if (v.find('\r') != std::string_view::npos) return false;
  return is_xml_safe(v);
}

/// The escaped form: `\\`, and `\xHH` for every byte of a character XML cannot
/// carry, every C0 control (TAB, LF and CR included) and spaces at either end.
std::string escape(std::string_view v) {
  std::string out;
  out.reserve(v.size() + 8);
  static const char hex[] = "0123456789ABCDEF";
  auto byte = [&](unsigned char b) {
    out += "\\x";
    out += hex[b >> 4];
    out += hex[b & 15];
  };
  std::size_t lead = 0;
  while (lead < v.size() && v[lead] == ' ') ++lead;
  std::size_t tail = v.size();
  while (tail > lead && v[tail - 1] == ' ') --tail;
  for (std::size_t i = 0; i < v.size();) {
    const char c = v[i];
    if (c == '\\') {
      out += "\\\\";
      ++i;
      continue;
    }
    if (c == ' ' && (i < lead || i >= tail)) {
      byte(0x20);
      ++i;
      continue;
    }
    const std::size_t n = xml_char_length(v, i);
    if (n == 0 || static_cast<unsigned char>(c) < 0x20) {
      byte(static_cast<unsigned char>(c));
      ++i;
      continue;
    }
    out.append(v.data() + i, n);
    i += n;
  }
  return out;
}

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string unescape(std::string_view v) {
  std::string out;
  out.reserve(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    if (c == '\\' && i + 1 < v.size()) {
      if (v[i + 1] == '\\') {
        out += '\\';
        ++i;
        continue;
      }
      if (v[i + 1] == 'x' && i + 3 < v.size()) {
        const int h = hex_value(v[i + 2]);
        const int l = hex_value(v[i + 3]);
        if (h >= 0 && l >= 0) {
          out += static_cast<char>(h * 16 + l);
          i += 3;
          continue;
        }
      }
    }
    out += c;
  }
  return out;
}

/// Adds `name` to the element's `escaped` list.
void mark_escaped(pugi::xml_node el, std::string_view name) {
  pugi::xml_attribute a = el.attribute("escaped");
  if (!a) a = el.append_attribute("escaped");
  std::string list = a.value();
  if (!list.empty()) list += ' ';
  list.append(name.data(), name.size());
  a.set_value(list.c_str());
}

/// True when `name` is in the element's `escaped` list.
bool is_escaped(pugi::xml_node el, std::string_view name) {
  const pugi::xml_attribute a = el.attribute("escaped");
  if (!a) return false;
  std::string_view list = a.value();
  while (!list.empty()) {
    while (!list.empty() && is_ws(list.front())) list.remove_prefix(1);
    std::size_t end = 0;
    while (end < list.size() && !is_ws(list[end])) ++end;
    if (list.substr(0, end) == name) return true;
    list.remove_prefix(end);
  }
  return false;
}

std::string str(std::string_view s) { return std::string(s); }

// ---------------------------------------------------------------------------
// Namespaces

struct KnownNs {
  Ns ns;
  std::string_view uri;         // canonical spelling
  std::string_view normalized;  // normalize_namespace(uri)
  std::string_view prefix;      // the usual prefix, for undeclared ones
};

const KnownNs known_namespaces[] = {
    {Ns::hr, "urn:hrnews:feed-extension:1.0", "urn:hrnews:feed-extension:1.0", "hr"},
    {Ns::xml, "http://www.w3.org/XML/1998/namespace", "www.w3.org/xml/1998/namespace", "xml"},
    {Ns::dc, "http://purl.org/dc/elements/1.1/", "purl.org/dc/elements/1.1", "dc"},
    {Ns::dcterms, "http://purl.org/dc/terms/", "purl.org/dc/terms", "dcterms"},
    {Ns::content, "http://purl.org/rss/1.0/modules/content/", "purl.org/rss/1.0/modules/content", "content"},
    {Ns::atom, "http://www.w3.org/2005/Atom", "www.w3.org/2005/atom", "atom"},
    {Ns::atom03, "http://purl.org/atom/ns#", "purl.org/atom/ns", ""},
    {Ns::media, "http://search.yahoo.com/mrss/", "search.yahoo.com/mrss", "media"},
    {Ns::media, "http://search.yahoo.com/mrss/", "tools.search.yahoo.com/mrss", ""},
    {Ns::georss, "http://www.georss.org/georss", "www.georss.org/georss", "georss"},
    {Ns::georss, "http://www.georss.org/georss", "georss.org/georss", ""},
    {Ns::gml, "http://www.opengis.net/gml", "www.opengis.net/gml", "gml"},
    {Ns::geo, "http://www.w3.org/2003/01/geo/wgs84_pos#", "www.w3.org/2003/01/geo/wgs84_pos", "geo"},
    {Ns::rdf, "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "www.w3.org/1999/02/22-rdf-syntax-ns", "rdf"},
    {Ns::rss090, "http://my.netscape.com/rdf/simple/0.9/", "my.netscape.com/rdf/simple/0.9", ""},
    {Ns::rss10, "http://purl.org/rss/1.0/", "purl.org/rss/1.0", ""},
    {Ns::xhtml, "http://www.w3.org/1999/xhtml", "www.w3.org/1999/xhtml", "xhtml"},
    // Namespaces some RSS 2.0 feeds put their own (RSS) elements in: read as no namespace.
    {Ns::none, "http://backend.userland.com/rss2", "backend.userland.com/rss2", ""},
    {Ns::none, "http://backend.userland.com/rss", "backend.userland.com/rss", ""},
    {Ns::none, "http://blogs.law.harvard.edu/tech/rss", "blogs.law.harvard.edu/tech/rss", ""},
};

// ---------------------------------------------------------------------------
// Writing helpers

class StringWriter : public pugi::xml_writer {
 public:
  explicit StringWriter(std::string& out) : out_(out) {}
  void write(const void* data, std::size_t size) override { out_.append(static_cast<const char*>(data), size); }

 private:
  std::string& out_;
};

std::string print(pugi::xml_node node) {
  std::string out;
  StringWriter w(out);
  node.print(w, "", pugi::format_raw | pugi::format_no_declaration);
  return out;
}


void text_el(pugi::xml_node parent, std::string_view local, std::string_view value) {
  set_text(add(parent, local), value);
}

void text_el_if(pugi::xml_node parent, std::string_view local, std::string_view value) {
  if (!value.empty()) text_el(parent, local, value);
}

void write_text(pugi::xml_node el, const Text& t) {
  if (t.type != TextType::text) el.append_attribute("type").set_value(str(to_string(t.type)).c_str());
  set_text(el, t.value);
}

void write_opt_text(pugi::xml_node parent, std::string_view local, const std::optional<Text>& t) {
  pugi::xml_node el = add(parent, local);
  if (!t) {
    el.append_attribute("nil").set_value("true");
    return;
  }
  write_text(el, *t);
}

void write_timestamp(pugi::xml_node el, const Timestamp& t) {
  const std::string text = t.to_rfc3339();
  if (t.raw() != text) set_attr(el, "raw", t.raw());
  el.text().set(text.c_str());
}

void write_opt_timestamp(pugi::xml_node parent, std::string_view local, const std::optional<Timestamp>& t) {
  pugi::xml_node el = add(parent, local);
  if (t) write_timestamp(el, *t);
  else el.append_attribute("nil").set_value("true");
}

void write_link(pugi::xml_node parent, const Link& l) {
  pugi::xml_node el = add(parent, "link");
  set_attr(el, "href", l.href);
  set_attr_if(el, "rel", l.rel);
  set_attr_if(el, "type", l.type);
  set_attr_if(el, "hreflang", l.hreflang);
  set_attr_if(el, "title", l.title);
  if (l.length) el.append_attribute("length").set_value(std::to_string(*l.length).c_str());
}

void write_person(pugi::xml_node parent, const Person& p) {
  pugi::xml_node el = add(parent, "person");
  set_attr_if(el, "name", p.name);
  set_attr_if(el, "email", p.email);
  set_attr_if(el, "uri", p.uri);
}

void write_party(pugi::xml_node parent, std::string_view local, const Party& p) {
  pugi::xml_node el = add(parent, local);
  el.append_attribute("kind").set_value(str(to_string(p.kind)).c_str());
  set_attr_if(el, "name", p.name);
  set_attr_if(el, "role", p.role);
  set_attr_if(el, "abbreviation", p.abbreviation);
  set_attr_if(el, "email", p.email);
  set_attr_if(el, "uri", p.uri);
}

void write_category(pugi::xml_node parent, const Category& c) {
  pugi::xml_node el = add(parent, "category");
  set_attr(el, "term", c.term);
  set_attr_if(el, "scheme", c.scheme);
  set_attr_if(el, "label", c.label);
}

void write_term_ref(pugi::xml_node parent, std::string_view local, const TermRef& t) {
  pugi::xml_node el = add(parent, local);
  set_attr(el, "scheme", t.scheme);
  set_attr(el, "code", t.code);
}

void write_attachment(pugi::xml_node parent, const Attachment& a) {
  pugi::xml_node el = add(parent, "attachment");
  set_attr(el, "url", a.url);
  set_attr_if(el, "type", a.type);
  if (a.length) el.append_attribute("length").set_value(std::to_string(*a.length).c_str());
  set_attr_if(el, "title", a.title);
}

void write_strings(pugi::xml_node parent, std::string_view container, std::string_view local,
                   const std::vector<std::string>& values) {
  pugi::xml_node el = add(parent, container);
  for (const auto& v : values) text_el(el, local, v);
}

void write_extensions(pugi::xml_node parent, std::string_view local, const Extensions& ext,
                      const ForeignTest& is_foreign) {
  for (const auto& [key, value] : ext) {
    if (is_foreign && append_raw_extension(parent, key, value, is_foreign)) continue;
    pugi::xml_node el = add(parent, local);
    set_attr(el, "name", key);
    set_text(el, value);
  }
}

void write_campaign(pugi::xml_node parent, const Campaign& c) {
  pugi::xml_node el = add(parent, "campaign");
  set_attr(el, "id", c.id);
  if (c.status) el.append_attribute("status").set_value(str(to_string(*c.status)).c_str());
  text_el_if(el, "name", c.name);
  if (c.title != Text{}) write_text(add(el, "title"), c.title);
  if (c.summary) write_text(add(el, "summary"), *c.summary);
  text_el_if(el, "url", c.url);
  if (c.start) write_timestamp(add(el, "start"), *c.start);
  if (c.end) write_timestamp(add(el, "end"), *c.end);
  for (const auto& p : c.organisers) write_party(el, "organiser", p);
  for (const auto& h : c.hashtags) text_el(el, "hashtag", h);
  for (const auto& s : c.subjects) write_term_ref(el, "subject", s);
  for (const auto& s : c.countries) text_el(el, "country", s);
  for (const auto& s : c.items) text_el(el, "item", s);
  for (const auto& s : c.calls_to_action) text_el(el, "call-to-action", s);
  write_extensions(el, "extension", c.extensions, {});
}

void write_lang_map(pugi::xml_node parent, std::string_view local, const LangMap& m) {
  for (const auto& [lang, value] : m) {
    pugi::xml_node el = add(parent, local);
    set_attr(el, "lang", lang);
    set_text(el, value);
  }
}

void write_scheme(pugi::xml_node parent, const Scheme& s) {
  pugi::xml_node el = add(parent, "scheme");
  set_attr(el, "id", s.id);
  set_attr_if(el, "uri", s.uri);
  write_lang_map(el, "title", s.title);
  for (const Term& t : s.terms) {
    pugi::xml_node te = add(el, "term");
    set_attr(te, "code", t.code);
    set_attr_if(te, "uri", t.uri);
    if (t.deprecated) te.append_attribute("deprecated").set_value("true");
    write_lang_map(te, "label", t.labels);
    for (const auto& [lang, list] : t.alt_labels) {
      pugi::xml_node al = add(te, "alt-labels");
      set_attr(al, "lang", lang);
      for (const auto& v : list) text_el(al, "label", v);
    }
    write_lang_map(te, "definition", t.definition);
    for (const auto& b : t.broader) text_el(te, "broader", b);
    for (const auto& m : t.mappings) {
      pugi::xml_node me = add(te, "mapping");
      me.append_attribute("kind").set_value(str(to_string(m.kind)).c_str());
      set_attr(me, "uri", m.uri);
    }
  }
}

void write_diagnostic(pugi::xml_node parent, const Diagnostic& d) {
  pugi::xml_node el = add(parent, "diagnostic");
  el.append_attribute("severity").set_value(str(to_string(d.severity)).c_str());
  set_attr_if(el, "code", d.code);
  if (d.line) el.append_attribute("line").set_value(std::to_string(*d.line).c_str());
  if (d.column) el.append_attribute("column").set_value(std::to_string(*d.column).c_str());
  set_attr_if(el, "path", d.path);
  set_text(el, d.message);
}

void write_intervention(pugi::xml_node parent, const Intervention& iv) {
  pugi::xml_node el = add(parent, "intervention");
  el.append_attribute("type").set_value(str(to_string(iv.intervention_type)).c_str());
  if (iv.status) el.append_attribute("status").set_value(str(to_string(*iv.status)).c_str());
  if (iv.case_ref) {
    pugi::xml_node ce = add(el, "case-ref");
    if (iv.case_ref->scheme() != CaseScheme::unknown) {
      ce.append_attribute("scheme").set_value(str(to_string(iv.case_ref->scheme())).c_str());
      set_attr(ce, "formatted", iv.case_ref->format());
    }
    set_text(ce, iv.case_ref->raw());
  }
  for (const Victim& v : iv.victims) {
    pugi::xml_node ve = add(el, "victim");
    set_attr_if(ve, "name", v.name);
    set_attr_if(ve, "role", v.role);
    set_attr_if(ve, "organisation", v.organisation);
    set_attr_if(ve, "gender", v.gender);
    set_attr_if(ve, "status", v.status);
  }
  for (const auto& t : iv.violations) write_term_ref(el, "violation", t);
  for (const auto& a : iv.requested_actions) text_el(el, "requested-action", a);
  for (const Addressee& a : iv.addressees) {
    pugi::xml_node ae = add(el, "addressee");
    text_el_if(ae, "name", a.name);
    text_el_if(ae, "title", a.title);
    text_el_if(ae, "institution", a.institution);
    text_el_if(ae, "address", a.address);
    text_el_if(ae, "email", a.email);
    text_el_if(ae, "fax", a.fax);
    text_el_if(ae, "phone", a.phone);
  }
  if (iv.deadline) write_timestamp(add(el, "deadline"), *iv.deadline);
  text_el_if(el, "follows", iv.follows);
}

// ---------------------------------------------------------------------------
// Reading helpers

/// Reading context: reports problems, element by element.
struct In {
  const Report& report;
  void bad(pugi::xml_node where, std::string message) const {
    if (report) report(where, "extension-invalid", std::move(message));
  }
};

std::string qname_of(pugi::xml_node el) { return std::string(el.name()); }

bool is_nil(pugi::xml_node el) {
  const pugi::xml_attribute a = el.attribute("nil");
  return a && (std::strcmp(a.value(), "true") == 0 || std::strcmp(a.value(), "1") == 0);
}

std::string_view lname(pugi::xml_node el) { return local_name(el.name()); }

template <class Enum>
std::optional<Enum> read_enum(pugi::xml_node el, const char* attr, const In& in) {
  const pugi::xml_attribute a = el.attribute(attr);
  if (!a) return std::nullopt;
  auto v = from_string<Enum>(a.value());
  if (!v) in.bad(el, "unknown " + std::string(attr) + " \"" + a.value() + "\" in <" + qname_of(el) + ">");
  return v;
}

std::optional<std::uint64_t> read_uint_attr(pugi::xml_node el, const char* attr, const In& in) {
  const pugi::xml_attribute a = el.attribute(attr);
  if (!a) return std::nullopt;
  auto v = parse_uint(a.value());
  if (!v) in.bad(el, "\"" + std::string(a.value()) + "\" is not a valid " + attr + " in <" + qname_of(el) + ">");
  return v;
}

Text read_text(pugi::xml_node el, const In& in) {
  Text t;
  t.value = get_text(el);
  if (const pugi::xml_attribute a = el.attribute("type")) {
    if (auto type = from_string<TextType>(a.value())) t.type = *type;
    else in.bad(el, "unknown text type \"" + std::string(a.value()) + "\" in <" + qname_of(el) + ">");
  }
  return t;
}

std::optional<Text> read_opt_text(pugi::xml_node el, const In& in) {
  if (is_nil(el)) return std::nullopt;
  return read_text(el, in);
}

std::optional<Timestamp> read_timestamp(pugi::xml_node el, const In& in) {
  if (is_nil(el)) return std::nullopt;
  const std::string text = get_text(el);
  auto t = Timestamp::parse_iso8601(text);
  if (!t) {
    in.bad(el, "\"" + text + "\" is not an RFC 3339 date in <" + qname_of(el) + ">");
    return std::nullopt;
  }
  if (el.attribute("raw")) return t->with_raw(get_attr(el, "raw"));
  return t;
}

/// An override of an optional timestamp: `nil` clears it, a valid value
/// replaces it, an invalid one is reported and leaves the native value.
void override_timestamp(pugi::xml_node el, std::optional<Timestamp>& field, const In& in) {
  if (is_nil(el)) {
    field.reset();
    return;
  }
  if (auto t = read_timestamp(el, in)) field = std::move(t);
}

Link read_link(pugi::xml_node el, const In& in) {
  Link l;
  l.href = get_attr(el, "href");
  l.rel = get_attr(el, "rel");
  l.type = get_attr(el, "type");
  l.hreflang = get_attr(el, "hreflang");
  l.title = get_attr(el, "title");
  l.length = read_uint_attr(el, "length", in);
  return l;
}

Person read_person(pugi::xml_node el) {
  return Person{get_attr(el, "name"), get_attr(el, "email"), get_attr(el, "uri")};
}

Party read_party(pugi::xml_node el, const In& in) {
  Party p;
  if (auto k = read_enum<PartyKind>(el, "kind", in)) p.kind = *k;
  p.name = get_attr(el, "name");
  p.role = get_attr(el, "role");
  p.abbreviation = get_attr(el, "abbreviation");
  p.email = get_attr(el, "email");
  p.uri = get_attr(el, "uri");
  return p;
}

Category read_category(pugi::xml_node el) {
  return Category{get_attr(el, "term"), get_attr(el, "scheme"), get_attr(el, "label")};
}

TermRef read_term_ref(pugi::xml_node el) { return TermRef{get_attr(el, "scheme"), get_attr(el, "code")}; }

Attachment read_attachment(pugi::xml_node el, const In& in) {
  Attachment a;
  a.url = get_attr(el, "url");
  a.type = get_attr(el, "type");
  a.length = read_uint_attr(el, "length", in);
  a.title = get_attr(el, "title");
  return a;
}

std::optional<GeoPoint> read_geo(pugi::xml_node el, const In& in) {
  if (is_nil(el)) return std::nullopt;
  auto lat = parse_double(el.attribute("lat").value());
  auto lon = parse_double(el.attribute("lon").value());
  if (!lat || !lon) {
    in.bad(el, "<" + qname_of(el) + "> needs numeric lat and lon");
    return std::nullopt;
  }
  return GeoPoint{*lat, *lon};
}

template <class T, class F>
std::vector<T> read_list(pugi::xml_node container, std::string_view local, F&& read_one) {
  std::vector<T> out;
  for (pugi::xml_node c = container.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && lname(c) == local) out.push_back(read_one(c));
  }
  return out;
}

std::vector<std::string> read_strings(pugi::xml_node container, std::string_view local) {
  return read_list<std::string>(container, local, [](pugi::xml_node c) { return get_text(c); });
}

void read_extension(pugi::xml_node el, Extensions& ext) { ext[get_attr(el, "name")] = get_text(el); }

/// An `hr:` element this version does not know: kept like a foreign element.
void keep_unknown(pugi::xml_node el, Extensions& ext) { keep_foreign(ext, ns_uri, el); }

Campaign read_campaign(pugi::xml_node el, const In& in) {
  Campaign c;
  c.id = get_attr(el, "id");
  c.status = read_enum<CampaignStatus>(el, "status", in);
  for (pugi::xml_node ch = el.first_child(); ch; ch = ch.next_sibling()) {
    if (ch.type() != pugi::node_element) continue;
    const std::string_view n = lname(ch);
    if (n == "name") c.name = get_text(ch);
    else if (n == "title") c.title = read_text(ch, in);
    else if (n == "summary") c.summary = read_text(ch, in);
    else if (n == "url") c.url = get_text(ch);
    else if (n == "start") c.start = read_timestamp(ch, in);
    else if (n == "end") c.end = read_timestamp(ch, in);
    else if (n == "organiser") c.organisers.push_back(read_party(ch, in));
    else if (n == "hashtag") c.hashtags.push_back(get_text(ch));
    else if (n == "subject") c.subjects.push_back(read_term_ref(ch));
    else if (n == "country") c.countries.push_back(get_text(ch));
    else if (n == "item") c.items.push_back(get_text(ch));
    else if (n == "call-to-action") c.calls_to_action.push_back(get_text(ch));
    else if (n == "extension") read_extension(ch, c.extensions);
    else keep_unknown(ch, c.extensions);
  }
  return c;
}

Scheme read_scheme(pugi::xml_node el, const In& in) {
  Scheme s;
  s.id = get_attr(el, "id");
  s.uri = get_attr(el, "uri");
  for (pugi::xml_node ch = el.first_child(); ch; ch = ch.next_sibling()) {
    if (ch.type() != pugi::node_element) continue;
    const std::string_view n = lname(ch);
    if (n == "title") {
      s.title[get_attr(ch, "lang")] = get_text(ch);
    } else if (n == "term") {
      Term t;
      t.code = get_attr(ch, "code");
      t.uri = get_attr(ch, "uri");
      t.deprecated = std::strcmp(ch.attribute("deprecated").value(), "true") == 0;
      for (pugi::xml_node te = ch.first_child(); te; te = te.next_sibling()) {
        if (te.type() != pugi::node_element) continue;
        const std::string_view tn = lname(te);
        if (tn == "label") t.labels[get_attr(te, "lang")] = get_text(te);
        else if (tn == "alt-labels") t.alt_labels[get_attr(te, "lang")] = read_strings(te, "label");
        else if (tn == "definition") t.definition[get_attr(te, "lang")] = get_text(te);
        else if (tn == "broader") t.broader.push_back(get_text(te));
        else if (tn == "mapping") {
          Mapping m;
          if (auto k = read_enum<MappingKind>(te, "kind", in)) m.kind = *k;
          m.uri = get_attr(te, "uri");
          t.mappings.push_back(std::move(m));
        }
      }
      s.terms.push_back(std::move(t));
    }
  }
  return s;
}

Diagnostic read_diagnostic(pugi::xml_node el, const In& in) {
  Diagnostic d;
  if (auto s = read_enum<Severity>(el, "severity", in)) d.severity = *s;
  d.code = get_attr(el, "code");
  if (auto l = read_uint_attr(el, "line", in)) d.line = static_cast<std::size_t>(*l);
  if (auto c = read_uint_attr(el, "column", in)) d.column = static_cast<std::size_t>(*c);
  d.path = get_attr(el, "path");
  d.message = get_text(el);
  return d;
}

void read_intervention(pugi::xml_node el, Intervention& iv, const In& in) {
  if (auto t = read_enum<InterventionType>(el, "type", in)) iv.intervention_type = *t;
  iv.status = read_enum<CaseStatus>(el, "status", in);
  iv.case_ref.reset();
  iv.victims.clear();
  iv.violations.clear();
  iv.requested_actions.clear();
  iv.addressees.clear();
  iv.deadline.reset();
  iv.follows.clear();
  for (pugi::xml_node ch = el.first_child(); ch; ch = ch.next_sibling()) {
    if (ch.type() != pugi::node_element) continue;
    const std::string_view n = lname(ch);
    if (n == "case-ref") {
      iv.case_ref = CaseReference::parse(get_text(ch));
    } else if (n == "victim") {
      iv.victims.push_back(Victim{get_attr(ch, "name"), get_attr(ch, "role"), get_attr(ch, "organisation"),
                                  get_attr(ch, "gender"), get_attr(ch, "status")});
    } else if (n == "violation") {
      iv.violations.push_back(read_term_ref(ch));
    } else if (n == "requested-action") {
      iv.requested_actions.push_back(get_text(ch));
    } else if (n == "addressee") {
      Addressee a;
      for (pugi::xml_node ae = ch.first_child(); ae; ae = ae.next_sibling()) {
        if (ae.type() != pugi::node_element) continue;
        const std::string_view an = lname(ae);
        if (an == "name") a.name = get_text(ae);
        else if (an == "title") a.title = get_text(ae);
        else if (an == "institution") a.institution = get_text(ae);
        else if (an == "address") a.address = get_text(ae);
        else if (an == "email") a.email = get_text(ae);
        else if (an == "fax") a.fax = get_text(ae);
        else if (an == "phone") a.phone = get_text(ae);
      }
      iv.addressees.push_back(std::move(a));
    } else if (n == "deadline") {
      iv.deadline = read_timestamp(ch, in);
    } else if (n == "follows") {
      iv.follows = get_text(ch);
    }
  }
}

}  // namespace

// ---------------------------------------------------------------------------
// Characters

bool is_xml_safe(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x20 && b < 0x80) {
      ++i;
      continue;
    }
    const std::size_t n = xml_char_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string xml_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = xml_char_length(s, i);
    if (n == 0) {
      out += replacement;
      ++i;
    } else {
      out.append(s.data() + i, n);
      i += n;
    }
  }
  return out;
}

std::string element_text_view(std::string_view s) {
  std::string safe = is_xml_safe(s) ? std::string(s) : xml_safe(s);
  if (safe.find('\r') != std::string::npos) {
    std::string out;
    out.reserve(safe.size());
    for (std::size_t i = 0; i < safe.size(); ++i) {
      if (safe[i] == '\r') {
        out += '\n';
        if (i + 1 < safe.size() && safe[i + 1] == '\n') ++i;
      } else {
        out += safe[i];
      }
    }
    safe.swap(out);
  }
  bool only_ws = true;
  for (char c : safe) {
    if (!is_ws(c)) {
      only_ws = false;
      break;
    }
  }
  if (only_ws) safe.clear();
  return safe;
}

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && is_ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ws(s.back())) s.remove_suffix(1);
  return s;
}

// ---------------------------------------------------------------------------
// Namespaces

std::string normalize_namespace(std::string_view uri) {
  uri = trim(uri);
  std::string out;
  out.reserve(uri.size());
  for (char c : uri) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  std::string_view v = out;
  if (v.substr(0, 7) == "http://") v.remove_prefix(7);
  else if (v.substr(0, 8) == "https://") v.remove_prefix(8);
  if (!v.empty() && (v.back() == '/' || v.back() == '#')) v.remove_suffix(1);
  return std::string(v);
}

Ns classify_namespace(std::string_view uri, bool* variant) {
  if (variant) *variant = false;
  if (uri.empty()) return Ns::none;
  for (const KnownNs& k : known_namespaces) {  // the exact spelling first: no allocation
    if (uri == k.uri) return k.ns;
  }
  const std::string n = normalize_namespace(uri);
  for (const KnownNs& k : known_namespaces) {
    if (n == k.normalized) {
      if (variant) *variant = true;
      return k.ns;
    }
  }
  return Ns::other;
}

std::string_view canonical_uri(Ns ns) noexcept {
  for (const KnownNs& k : known_namespaces) {
    if (k.ns == ns) return k.uri;
  }
  return {};
}

std::string_view local_name(std::string_view qname) noexcept {
  const std::size_t colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

std::string_view name_prefix(std::string_view qname) noexcept {
  const std::size_t colon = qname.find(':');
  return colon == std::string_view::npos ? std::string_view{} : qname.substr(0, colon);
}

std::string lookup_namespace(pugi::xml_node node, std::string_view prefix) {
  if (prefix == "xml") return str(canonical_uri(Ns::xml));
  if (prefix == "xmlns") return "http://www.w3.org/2000/xmlns/";
  std::string attr = prefix.empty() ? std::string("xmlns") : "xmlns:" + str(prefix);
  for (pugi::xml_node n = node; n; n = n.parent()) {
    if (n.type() != pugi::node_element) continue;
    if (const pugi::xml_attribute a = n.attribute(attr.c_str())) return a.value();
  }
  return {};
}

std::size_t NsScope::push(pugi::xml_node element) {
  std::size_t added = 0;
  for (pugi::xml_attribute a = element.first_attribute(); a; a = a.next_attribute()) {
    const char* name = a.name();
    if (std::strncmp(name, "xmlns", 5) != 0) continue;
    std::string_view prefix;
    if (name[5] == ':') prefix = std::string_view(name + 6);
    else if (name[5] != '\0') continue;
    const std::string_view uri = a.value();
    bool variant = false;
    const Ns ns = classify_namespace(uri, &variant);
    if (variant) {
      std::string key(uri);
      if (std::find(noted_.begin(), noted_.end(), key) == noted_.end()) {
        noted_.push_back(key);
        notes_.push_back({"namespace-variant",
                          "namespace \"" + key + "\" read as \"" + str(canonical_uri(ns)) + "\"", element});
      }
    }
    bindings_.push_back({prefix, uri, ns});
    ++added;
  }
  return added;
}

void NsScope::pop(std::size_t count) { bindings_.resize(bindings_.size() - std::min(count, bindings_.size())); }

std::string_view NsScope::uri(std::string_view prefix) const noexcept {
  for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it) {
    if (it->prefix == prefix) return it->uri;
  }
  if (prefix == "xml") return canonical_uri(Ns::xml);
  return {};
}

Ns NsScope::ns_of_name(std::string_view qname) const {
  const std::string_view prefix = name_prefix(qname);
  for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it) {
    if (it->prefix == prefix) return it->uri.empty() ? Ns::none : it->ns;
  }
  if (prefix.empty()) return Ns::none;
  if (prefix == "xml") return Ns::xml;
  // An undeclared prefix: a common breakage. Well-known prefixes get their usual namespace.
  for (const KnownNs& k : known_namespaces) {
    if (!k.prefix.empty() && ascii_iequal(k.prefix, prefix)) {
      std::string key = "prefix:" + str(prefix);
      if (std::find(noted_.begin(), noted_.end(), key) == noted_.end()) {
        noted_.push_back(key);
        notes_.push_back({"namespace-undeclared",
                               "prefix \"" + str(prefix) + "\" is not declared; read as \"" + str(k.uri) + "\"",
                               pugi::xml_node()});
      }
      return k.ns;
    }
  }
  return Ns::other;
}

std::vector<NsScope::Note> NsScope::take_notes() {
  std::vector<Note> out;
  out.swap(notes_);
  return out;
}

std::string extension_key(std::string_view uri, std::string_view local) {
  std::string key;
  key.reserve(uri.size() + local.size() + 2);
  key += '{';
  key.append(uri.data(), uri.size());
  key += '}';
  key.append(local.data(), local.size());
  return key;
}

/// Replaces every namespace declaration in `el` and below whose value is a
/// variant spelling of a known namespace URI by that namespace's canonical URI.
void canonicalise_declarations(pugi::xml_node el) {
  for (pugi::xml_attribute a = el.first_attribute(); a; a = a.next_attribute()) {
    const std::string_view name = a.name();
    if (name != "xmlns" && name.substr(0, 6) != "xmlns:") continue;
    bool variant = false;
    const Ns ns = classify_namespace(a.value(), &variant);
    if (variant) a.set_value(std::string(canonical_uri(ns)).c_str());
  }
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) canonicalise_declarations(c);
  }
}

/// Removes white-space-only text children of `el` and its descendants where
/// the element has element children and no other text.
void drop_layout_whitespace(pugi::xml_node el) {
  bool has_element = false, has_text = false;
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) has_element = true;
    else if (c.type() == pugi::node_cdata) has_text = true;
    else if (c.type() == pugi::node_pcdata && c.value()[std::strspn(c.value(), " \t\r\n")] != '\0') has_text = true;
  }
  for (pugi::xml_node c = el.first_child(); c;) {
    const pugi::xml_node next = c.next_sibling();
    if (c.type() == pugi::node_element) drop_layout_whitespace(c);
    else if (has_element && !has_text && c.type() == pugi::node_pcdata) el.remove_child(c);
    c = next;
  }
}

std::string outer_xml(pugi::xml_node element) {
  pugi::xml_document doc;
  pugi::xml_node copy = doc.append_copy(element);
  // Canonical form: no namespace is said by the absence of a declaration.
  if (const pugi::xml_attribute undeclare = copy.attribute("xmlns"); undeclare && !*undeclare.value())
    copy.remove_attribute(undeclare);
  // White space between the children of an element that holds no other text
  // (element-only content, as in atom:source) is layout, not content: dropped.
  // In mixed content (`<b>a</b> <i>b</i>`) it is kept.
  drop_layout_whitespace(copy);
  // A variant spelling of a known namespace URI (https, no trailing slash) was
  // reported when read: the kept element says the canonical URI, so that
  // writing it back and reading it again reports nothing more.
  canonicalise_declarations(copy);
  // Prefixes used in the subtree (element and attribute names).
  std::vector<std::string> used;
  auto note = [&used](std::string_view qname, bool is_attr) {
    std::string_view p = name_prefix(qname);
    if (is_attr && p.empty()) return;  // unprefixed attributes have no namespace
    if (p == "xml" || p == "xmlns" || (is_attr && qname.substr(0, 5) == "xmlns")) return;
    std::string s(p);
    if (std::find(used.begin(), used.end(), s) == used.end()) used.push_back(std::move(s));
  };
  struct Walker : pugi::xml_tree_walker {
    std::function<void(pugi::xml_node)> f;
    bool for_each(pugi::xml_node& n) override {
      f(n);
      return true;
    }
  } walker;
  auto visit = [&note](pugi::xml_node n) {
    if (n.type() != pugi::node_element) return;
    note(n.name(), false);
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) note(a.name(), true);
  };
  visit(copy);
  walker.f = visit;
  copy.traverse(walker);
  for (const std::string& p : used) {
    const std::string attr = p.empty() ? std::string("xmlns") : "xmlns:" + p;
    if (copy.attribute(attr.c_str())) continue;
    std::string uri = lookup_namespace(element, p);
    if (uri.empty()) continue;
    bool variant = false;
    const Ns ns = classify_namespace(uri, &variant);
    if (variant) uri = std::string(canonical_uri(ns));
    copy.append_attribute(attr.c_str()).set_value(uri.c_str());
  }
  return print(copy);
}

std::string inner_xml(pugi::xml_node element) {
  std::string out;
  for (pugi::xml_node c = element.first_child(); c; c = c.next_sibling()) {
    switch (c.type()) {
      case pugi::node_pcdata:
        for (const char* p = c.value(); *p; ++p) {
          if (*p == '&') out += "&amp;";
          else if (*p == '<') out += "&lt;";
          else if (*p == '>') out += "&gt;";
          else out += *p;
        }
        break;
      case pugi::node_cdata:
        out += c.value();
        break;
      case pugi::node_element:
        out += print(c);
        break;
      default:
        break;
    }
  }
  return out;
}

namespace {
std::string json_string(std::string_view s) {
  return nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}
std::optional<std::string> from_json_string(std::string_view text) {
  if (text.size() < 2 || text.front() != '"') return std::nullopt;
  const auto v = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (v.is_discarded() || !v.is_string()) return std::nullopt;
  return v.get<std::string>();
}
}  // namespace

// XML names (XML 1.0 fifth edition, plus Namespaces in XML: at most one colon)

/// Decodes one UTF-8 character at s[i] (advancing i); 0xFFFFFFFF when invalid.
std::uint32_t next_code_point(std::string_view s, std::size_t& i) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  std::size_t len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFFFFFFu;
  }
  std::uint32_t cp = b0 & (0x7Fu >> len);
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
  i += len;
  return cp;
}

namespace {

bool is_name_start(std::uint32_t c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || (c >= 0xC0 && c <= 0xD6) ||
         (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) ||
         (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) || (c >= 0x2070 && c <= 0x218F) ||
         (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
         (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}

bool is_name_char(std::uint32_t c) noexcept {
  return is_name_start(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7 ||
         (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}

}  // namespace

/// An NCName: a name without colons.
bool is_ncname(std::string_view s) noexcept {
  if (s.empty()) return false;
  std::size_t i = 0;
  if (!is_name_start(next_code_point(s, i))) return false;
  while (i < s.size()) {
    if (!is_name_char(next_code_point(s, i))) return false;
  }
  return true;
}

/// A QName: NCName or NCName:NCName.
bool is_qname(std::string_view s) noexcept {
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos) return is_ncname(s);
  return is_ncname(s.substr(0, colon)) && is_ncname(s.substr(colon + 1));
}

/// Checks what pugixml does not: names are QNames, prefixes are declared,
/// attributes are unique, declarations are legal (and never a variant spelling
/// of a known namespace URI, which a reader would report). `element_ok`
/// decides on each element's namespace URI. `top` itself is not checked.
bool namespace_well_formed(pugi::xml_node top, const std::function<bool(std::string_view)>& element_ok) {
  for (pugi::xml_node n = top.first_child(); n;) {
    if (n.type() == pugi::node_element) {
      const std::string_view name = n.name();
      if (!is_qname(name)) return false;
      const std::string_view prefix = name_prefix(name);
      if (prefix == "xmlns") return false;
      const std::string uri = lookup_namespace(n, prefix);
      if (!prefix.empty() && uri.empty()) return false;
      if (element_ok && !element_ok(uri)) return false;
      std::vector<std::string_view> seen;
      for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
        const std::string_view an = a.name();
        if (!is_qname(an)) return false;
        const std::string_view ap = name_prefix(an);
        if (ap == "xmlns" || an == "xmlns") {
          // a variant spelling of a known namespace would be reported again on reading
          bool variant = false;
          classify_namespace(a.value(), &variant);
          if (variant) return false;
        }
        if (ap == "xmlns") {
          const std::string_view declared = local_name(an);
          if (std::strlen(a.value()) == 0 || declared == "xmlns") return false;
          if ((declared == "xml") != (std::string_view(a.value()) == "http://www.w3.org/XML/1998/namespace"))
            return false;
        } else if (!ap.empty() && ap != "xml" && lookup_namespace(n, ap).empty()) {
          return false;
        }
        if (std::find(seen.begin(), seen.end(), an) != seen.end()) return false;
        seen.push_back(an);
      }
      if (n.first_child()) {
        n = n.first_child();
        continue;
      }
    }
    while (n && !n.next_sibling() && n != top) n = n.parent();
    if (!n || n == top) break;
    n = n.next_sibling();
  }
  return true;
}

void keep_foreign(Extensions& ext, std::string_view uri, pugi::xml_node element) {
  std::string xml = outer_xml(element);
  bool variant = false;
  const Ns ns = classify_namespace(uri, &variant);
  if (variant) uri = canonical_uri(ns);  // as outer_xml declares it
  std::string& slot = ext[extension_key(uri, local_name(element.name()))];
  if (!slot.empty()) {
    if (auto before = from_json_string(slot)) xml = *before + xml;
  }
  slot = json_string(xml);
}

bool append_raw_extension(pugi::xml_node parent, std::string_view key, std::string_view json_value,
                          const ForeignTest& is_foreign) {
  if (key.size() < 3 || key.front() != '{' || json_value.size() < 3 || json_value.front() != '"') return false;
  const std::optional<std::string> decoded = from_json_string(json_value);
  if (!decoded || decoded->empty() || decoded->front() != '<') return false;
  if (json_string(*decoded) != json_value) return false;  // would not come back byte for byte
  const std::string_view value = *decoded;
  const std::size_t close = key.find('}');
  if (close == std::string_view::npos) return false;
  const std::string_view uri = key.substr(1, close - 1);
  const std::string_view local = key.substr(close + 1);
  if (local.empty() || !is_xml_safe(value)) return false;
  if (!is_foreign || !is_foreign(uri, local)) return false;
  pugi::xml_document frag;
  const std::string text(value);
  if (!frag.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_fragment, pugi::encoding_utf8))
    return false;
  // The guard the Atom writer applies too: QNames, unique attributes, declared
  // prefixes, no variant namespace spelling (pugixml checks none of these).
  if (!namespace_well_formed(frag, {})) return false;
  std::string again;
  std::size_t count = 0;
  for (pugi::xml_node n = frag.first_child(); n; n = n.next_sibling()) {
    if (n.type() != pugi::node_element) return false;
    if (local_name(n.name()) != local) return false;
    if (lookup_namespace(n, name_prefix(n.name())) != uri) return false;
    again += outer_xml(n);
    ++count;
  }
  if (count == 0 || again != value) return false;
  // Every prefix used must be declared inside the fragment itself.
  bool declared = true;
  struct Check : pugi::xml_tree_walker {
    bool* ok;
    void name(pugi::xml_node n, std::string_view qname, bool attr) {
      const std::string_view p = name_prefix(qname);
      if (p.empty() || p == "xml" || p == "xmlns" || (attr && qname.substr(0, 6) == "xmlns:")) return;
      if (lookup_namespace(n, p).empty()) *ok = false;
    }
    void visit(pugi::xml_node n) {
      if (n.type() != pugi::node_element) return;
      name(n, n.name(), false);
      for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) name(n, a.name(), true);
    }
    bool for_each(pugi::xml_node& n) override {
      visit(n);
      return *ok;
    }
  } check;
  check.ok = &declared;
  for (pugi::xml_node n = frag.first_child(); n && declared; n = n.next_sibling()) {
    check.visit(n);
    n.traverse(check);
  }
  if (!declared) return false;
  // A fragment in no default namespace keeps it when the host has one (Atom).
  const bool host_default = !lookup_namespace(parent, "").empty();
  for (pugi::xml_node n = frag.first_child(); n; n = n.next_sibling()) {
    pugi::xml_node copy = parent.append_copy(n);
    if (host_default && !copy.attribute("xmlns")) copy.append_attribute("xmlns").set_value("");
  }
  return true;
}

// ---------------------------------------------------------------------------
// Values

void set_text(pugi::xml_node el, std::string_view value) {
  if (value.empty()) return;
  if (text_clean(value)) {
    el.text().set(std::string(value).c_str());
    return;
  }
  el.text().set(escape(value).c_str());
  mark_escaped(el, "#text");
}

void set_attr(pugi::xml_node el, const char* name, std::string_view value) {
  pugi::xml_attribute a = el.append_attribute(name);
  if (is_xml_safe(value)) {
    a.set_value(std::string(value).c_str());
    return;
  }
  a.set_value(escape(value).c_str());
  mark_escaped(el, name);
}

void set_attr_if(pugi::xml_node el, const char* name, std::string_view value) {
  if (!value.empty()) set_attr(el, name, value);
}

std::string get_text(pugi::xml_node el) {
  std::string out;
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
  }
  if (is_escaped(el, "#text")) return unescape(out);
  return out;
}

std::string get_attr(pugi::xml_node el, const char* name) {
  const pugi::xml_attribute a = el.attribute(name);
  if (!a) return {};
  if (is_escaped(el, name)) return unescape(a.value());
  return a.value();
}

pugi::xml_node add(pugi::xml_node parent, std::string_view local) {
  std::string name;
  name.reserve(ns_prefix.size() + 1 + local.size());
  name.append(ns_prefix.data(), ns_prefix.size());
  name += ':';
  name.append(local.data(), local.size());
  return parent.append_child(name.c_str());
}

// ---------------------------------------------------------------------------
// Writing

void declare(pugi::xml_node root) {
  const std::string attr = "xmlns:" + str(ns_prefix);
  if (!root.attribute(attr.c_str())) root.append_attribute(attr.c_str()).set_value(str(ns_uri).c_str());
}

void write_item(pugi::xml_node parent, const Item& item, const Article& native, const ForeignTest& is_foreign) {
  const Article& a = article_of(item);
  const Article& n = native;
  if (a.id != n.id) text_el(parent, "id", a.id);
  if (a.url != n.url) text_el(parent, "url", a.url);
  if (a.links != n.links) {
    pugi::xml_node el = add(parent, "links");
    for (const auto& l : a.links) write_link(el, l);
  }
  if (a.title != n.title) write_text(add(parent, "title"), a.title);
  if (a.summary != n.summary) write_opt_text(parent, "summary", a.summary);
  if (a.content != n.content) write_opt_text(parent, "content", a.content);
  if (a.published != n.published) write_opt_timestamp(parent, "published", a.published);
  if (a.updated != n.updated) write_opt_timestamp(parent, "updated", a.updated);
  if (a.language != n.language) text_el(parent, "language", a.language);
  if (a.language_inferred != n.language_inferred)
    text_el(parent, "language-inferred", a.language_inferred ? "true" : "false");
  if (a.authors != n.authors) {
    pugi::xml_node el = add(parent, "authors");
    for (const auto& p : a.authors) write_person(el, p);
  }
  if (a.publishers != n.publishers) {
    pugi::xml_node el = add(parent, "publishers");
    for (const auto& p : a.publishers) write_party(el, "party", p);
  }
  if (a.categories != n.categories) {
    pugi::xml_node el = add(parent, "categories");
    for (const auto& c : a.categories) write_category(el, c);
  }
  if (a.subjects != n.subjects) {
    pugi::xml_node el = add(parent, "subjects");
    for (const auto& s : a.subjects) write_term_ref(el, "subject", s);
  }
  if (a.countries != n.countries) write_strings(parent, "countries", "country", a.countries);
  if (a.regions != n.regions) write_strings(parent, "regions", "region", a.regions);
  if (a.geo != n.geo) {
    pugi::xml_node el = add(parent, "geo");
    if (a.geo) {
      el.append_attribute("lat").set_value(format_double(a.geo->lat).c_str());
      el.append_attribute("lon").set_value(format_double(a.geo->lon).c_str());
    } else {
      el.append_attribute("nil").set_value("true");
    }
  }
  if (a.campaigns != n.campaigns) write_strings(parent, "campaigns", "ref", a.campaigns);
  if (a.related != n.related) {
    pugi::xml_node el = add(parent, "related");
    for (const auto& r : a.related) {
      pugi::xml_node re = add(el, "relation");
      re.append_attribute("rel").set_value(str(to_string(r.rel)).c_str());
      set_text(re, r.id_or_url);
    }
  }
  if (a.attachments != n.attachments) {
    pugi::xml_node el = add(parent, "attachments");
    for (const auto& at : a.attachments) write_attachment(el, at);
  }
  if (a.rights != n.rights) write_opt_text(parent, "rights", a.rights);
  if (a.dateline != n.dateline) text_el(parent, "dateline", a.dateline);
  if (a.event != n.event) {
    pugi::xml_node el = add(parent, "event");
    if (a.event) {
      if (a.event->start) write_timestamp(add(el, "start"), *a.event->start);
      if (a.event->end) write_timestamp(add(el, "end"), *a.event->end);
      text_el_if(el, "location", a.event->location);
    } else {
      el.append_attribute("nil").set_value("true");
    }
  }
  if (const auto* iv = std::get_if<Intervention>(&item)) write_intervention(parent, *iv);
  write_extensions(parent, "extension", a.extensions, is_foreign);
}

void write_channel(pugi::xml_node parent, const Collection& collection, const Feed& native,
                   const ForeignTest& is_foreign) {
  const Feed& f = collection.feed;
  const Feed& n = native;
  if (f.id != n.id) text_el(parent, "id", f.id);
  if (f.title != n.title) write_text(add(parent, "title"), f.title);
  if (f.subtitle != n.subtitle) write_opt_text(parent, "subtitle", f.subtitle);
  if (f.url != n.url) text_el(parent, "url", f.url);
  if (f.links != n.links) {
    pugi::xml_node el = add(parent, "links");
    for (const auto& l : f.links) write_link(el, l);
  }
  if (f.language != n.language) text_el(parent, "language", f.language);
  if (f.updated != n.updated) write_opt_timestamp(parent, "updated", f.updated);
  if (f.publishers != n.publishers) {
    pugi::xml_node el = add(parent, "publishers");
    for (const auto& p : f.publishers) write_party(el, "party", p);
  }
  if (f.generator != n.generator) text_el(parent, "generator", f.generator);
  if (f.rights != n.rights) write_opt_text(parent, "rights", f.rights);
  if (f.icon != n.icon) text_el(parent, "icon", f.icon);
  if (f.source_format != n.source_format) text_el(parent, "source-format", f.source_format);
  write_extensions(parent, "extension", f.extensions, is_foreign);
  for (const Campaign& c : collection.campaigns) write_campaign(parent, c);
  for (const Scheme& s : collection.schemes) write_scheme(parent, s);
  for (const Diagnostic& d : collection.diagnostics) write_diagnostic(parent, d);
  write_extensions(parent, "document-extension", collection.extensions, {});
}

// ---------------------------------------------------------------------------
// Reading

void apply_item(const std::vector<pugi::xml_node>& hr_children, Item& item, const Report& report) {
  const In in{report};
  // The intervention marker first: it changes the item's type.
  for (pugi::xml_node el : hr_children) {
    if (lname(el) != "intervention") continue;
    if (item.index() == 0) {
      Article art = std::move(std::get<Article>(item));
      item = Intervention(std::move(art));
    }
    read_intervention(el, std::get<Intervention>(item), in);
  }
  Article& a = article_of(item);
  for (pugi::xml_node el : hr_children) {
    const std::string_view n = lname(el);
    if (n == "intervention") continue;
    if (n == "id") a.id = get_text(el);
    else if (n == "url") a.url = get_text(el);
    else if (n == "links") a.links = read_list<Link>(el, "link", [&](pugi::xml_node c) { return read_link(c, in); });
    else if (n == "title") a.title = read_text(el, in);
    else if (n == "summary") a.summary = read_opt_text(el, in);
    else if (n == "content") a.content = read_opt_text(el, in);
    else if (n == "published") override_timestamp(el, a.published, in);
    else if (n == "updated") override_timestamp(el, a.updated, in);
    else if (n == "language") a.language = get_text(el);
    else if (n == "language-inferred") a.language_inferred = get_text(el) == "true" || get_text(el) == "1";
    else if (n == "authors") a.authors = read_list<Person>(el, "person", read_person);
    else if (n == "publishers")
      a.publishers = read_list<Party>(el, "party", [&](pugi::xml_node c) { return read_party(c, in); });
    else if (n == "categories") a.categories = read_list<Category>(el, "category", read_category);
    else if (n == "subjects") a.subjects = read_list<TermRef>(el, "subject", read_term_ref);
    else if (n == "countries") a.countries = read_strings(el, "country");
    else if (n == "regions") a.regions = read_strings(el, "region");
    else if (n == "geo") {
      if (is_nil(el)) a.geo.reset();
      else if (auto g = read_geo(el, in)) a.geo = g;
    }
    else if (n == "campaigns") a.campaigns = read_strings(el, "ref");
    else if (n == "related") {
      a.related = read_list<Relation>(el, "relation", [&](pugi::xml_node c) {
        Relation r;
        if (auto rel = read_enum<RelationType>(c, "rel", in)) r.rel = *rel;
        r.id_or_url = get_text(c);
        return r;
      });
    } else if (n == "attachments")
      a.attachments = read_list<Attachment>(el, "attachment", [&](pugi::xml_node c) { return read_attachment(c, in); });
    else if (n == "rights") a.rights = read_opt_text(el, in);
    else if (n == "dateline") a.dateline = get_text(el);
    else if (n == "event") {
      if (is_nil(el)) {
        a.event.reset();
      } else {
        Event e;
        for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
          if (c.type() != pugi::node_element) continue;
          const std::string_view cn = lname(c);
          if (cn == "start") e.start = read_timestamp(c, in);
          else if (cn == "end") e.end = read_timestamp(c, in);
          else if (cn == "location") e.location = get_text(c);
        }
        a.event = std::move(e);
      }
    } else if (n == "extension") read_extension(el, a.extensions);
    else keep_unknown(el, a.extensions);
  }
}

void apply_channel(const std::vector<pugi::xml_node>& hr_children, Collection& collection, const Report& report) {
  const In in{report};
  Feed& f = collection.feed;
  std::vector<Diagnostic> restored;
  for (pugi::xml_node el : hr_children) {
    const std::string_view n = lname(el);
    if (n == "id") f.id = get_text(el);
    else if (n == "title") f.title = read_text(el, in);
    else if (n == "subtitle") f.subtitle = read_opt_text(el, in);
    else if (n == "url") f.url = get_text(el);
    else if (n == "links") f.links = read_list<Link>(el, "link", [&](pugi::xml_node c) { return read_link(c, in); });
    else if (n == "language") f.language = get_text(el);
    else if (n == "updated") override_timestamp(el, f.updated, in);
    else if (n == "publishers")
      f.publishers = read_list<Party>(el, "party", [&](pugi::xml_node c) { return read_party(c, in); });
    else if (n == "generator") f.generator = get_text(el);
    else if (n == "rights") f.rights = read_opt_text(el, in);
    else if (n == "icon") f.icon = get_text(el);
    else if (n == "source-format") f.source_format = get_text(el);
    else if (n == "extension") read_extension(el, f.extensions);
    else if (n == "campaign") collection.campaigns.push_back(read_campaign(el, in));
    else if (n == "scheme") collection.schemes.push_back(read_scheme(el, in));
    else if (n == "diagnostic") restored.push_back(read_diagnostic(el, in));
    else if (n == "document-extension") read_extension(el, collection.extensions);
    else keep_unknown(el, f.extensions);
  }
  if (!restored.empty()) {
    // What the original reading found comes before what this reading found.
    restored.insert(restored.end(), std::make_move_iterator(collection.diagnostics.begin()),
                    std::make_move_iterator(collection.diagnostics.end()));
    collection.diagnostics = std::move(restored);
  }
}

// ---------------------------------------------------------------------------
// HTML

namespace {
bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_hex(char c) noexcept { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
}  // namespace

bool looks_like_html(std::string_view s) noexcept {
  const std::size_t n = s.size();
  const char* const p = s.data();
  // Only '<' and '&' matter: jump from one to the next (memchr) instead of looking at every byte.
  const auto find = [p, n](char c, std::size_t from) noexcept {
    const void* hit = from < n ? std::memchr(p + from, c, n - from) : nullptr;
    return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - p) : n;
  };
  std::size_t next_lt = find('<', 0), next_amp = find('&', 0);
  for (std::size_t i = 0; i < n; ++i) {
    if (i > next_lt) next_lt = find('<', i);
    if (i > next_amp) next_amp = find('&', i);
    i = std::min(next_lt, next_amp);
    if (i >= n) break;
    const char c = s[i];
    if (c == '<' && i + 1 < n && (is_alpha(s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!')) return true;
    if (c != '&') continue;
    std::size_t j = i + 1;
    std::size_t start = 0;
    if (j < n && s[j] == '#') {
      ++j;
      const bool hex = j < n && (s[j] == 'x' || s[j] == 'X');
      if (hex) ++j;
      start = j;
      while (j < n && j - start < 8 && (hex ? is_hex(s[j]) : is_digit(s[j]))) ++j;
    } else {
      start = j;
      while (j < n && j - start < 32 && (is_alpha(s[j]) || (j > start && is_digit(s[j])))) ++j;
    }
    if (j > start && j < n && s[j] == ';') return true;
  }
  return false;
}

namespace {
/// The work of resolve_html_urls: returns empty when nothing changed.
std::string resolve_html_urls_impl(std::string_view html, std::string_view base) {
  if (base.empty() || html.find('=') == std::string_view::npos) return {};
  std::string out;
  const std::size_t n = html.size();
  std::size_t last = 0;  // html[last..] not yet copied to out
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.substr(i, 4) == "<!--") {
      const std::size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    std::size_t j = i + 1;
    if (j >= n || !is_alpha(html[j])) {
      i = j;
      continue;
    }
    while (j < n && !is_ws(html[j]) && html[j] != '>' && html[j] != '/') ++j;  // tag name
    for (;;) {                                                                  // attributes
      while (j < n && (is_ws(html[j]) || html[j] == '/')) ++j;
      if (j >= n || html[j] == '>') break;
      const std::size_t name_start = j;
      while (j < n && !is_ws(html[j]) && html[j] != '=' && html[j] != '>' && html[j] != '/') ++j;
      const std::string_view name = html.substr(name_start, j - name_start);
      std::size_t k = j;
      while (k < n && is_ws(html[k])) ++k;
      if (k >= n || html[k] != '=') continue;
      j = k + 1;
      while (j < n && is_ws(html[j])) ++j;
      std::size_t vs = j;
      std::size_t ve = j;
      if (j < n && (html[j] == '"' || html[j] == '\'')) {
        const char q = html[j];
        vs = j + 1;
        ve = html.find(q, vs);
        if (ve == std::string_view::npos) ve = n;
        j = ve < n ? ve + 1 : n;
      } else {
        while (j < n && !is_ws(html[j]) && html[j] != '>') ++j;
        ve = j;
      }
      if (ascii_iequal(name, "href") || ascii_iequal(name, "src")) {
        const std::string_view value = html.substr(vs, ve - vs);
        const std::string_view ref = trim(value);
        if (!is_absolute_url(ref)) {
          const std::string resolved = resolve_url(base, ref);
          if (resolved != value) {
            out.append(html.data() + last, vs - last);
            out += resolved;
            last = ve;
          }
        }
      }
    }
    i = j;
  }
  if (last == 0) return {};
  out.append(html.data() + last, n - last);
  return out;
}
}  // namespace

std::string resolve_html_urls(std::string&& html, std::string_view base) {
  std::string out = resolve_html_urls_impl(html, base);
  if (out.empty() && !html.empty()) return std::move(html);  // nothing resolved
  return out;
}

std::string resolve_html_urls(std::string_view html, std::string_view base) {
  std::string out = resolve_html_urls_impl(html, base);
  if (out.empty() && !html.empty()) return std::string(html);
  return out;
}


// ---------------------------------------------------------------------------
// Numbers

std::string format_double(double v) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);  // shortest text that reads back exactly
  return std::string(buf, r.ptr);
}

std::optional<double> parse_double(std::string_view s) noexcept {
  s = trim(s);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return std::nullopt;
  double v = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<std::uint64_t> parse_uint(std::string_view s) noexcept {
  s = trim(s);
  if (s.empty()) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    const auto d = static_cast<std::uint64_t>(c - '0');
    if (v > (std::numeric_limits<std::uint64_t>::max() - d) / 10) return std::nullopt;
    v = v * 10 + d;
  }
  return v;
}

}  // namespace hrnews::detail::hr
