// SPDX-License-Identifier: Apache-2.0
// The `rss` format: RSS 0.90, 0.91, 0.92, 0.93, 0.94, 2.0 and RSS 1.0 (RDF),
// read liberally; RSS 2.0 written with the hrnews extension namespace so that
// model → RSS → model is lossless. Mapping: docs/format-feeds.md.
//
// Reading walks the DOM once, resolving namespaces by URI (hr::NsScope), so
// odd prefixes and URI variants work. Writing builds the native RSS elements
// of a channel or item, reads them back with this very reader (the "native
// view"), and lets hr::write_channel / hr::write_item add exactly what the
// native elements could not say.
#include <hrnews/rss.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <exception>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include <hrnews/url.hpp>

#include "common.hpp"
#include "../fold.hpp"
#include "hr_ext.hpp"
#include "xml_input.hpp"

namespace hrnews {
namespace {

namespace hx = detail::hr;
using hx::Ns;

constexpr std::string_view kFormat = "rss";

using ::hrnews::detail::ascii_iequal;

bool is_rss_ns(Ns ns) noexcept { return ns == Ns::none || ns == Ns::rss090 || ns == Ns::rss10; }

/// The elements the reader understands, whatever their namespace prefix.
enum class Tag : std::uint8_t {
  unknown,  // kept as an extension
  hr,       // the hrnews extension
  // RSS itself (no namespace, RSS 0.90 / 1.0 namespaces; names matched without case)
  title, link, description, author, category, enclosure, guid, pub_date, language, copyright, managing_editor,
  web_master, last_build_date, generator, image, item, items,
  // Dublin Core and DC terms
  dc_title, dc_description, dc_language, dc_rights, dc_publisher, dc_creator, dc_date, dc_subject, dc_coverage,
  dc_identifier, dcterms_modified, dcterms_issued, dcterms_created,
  // Atom inside RSS
  atom_link, atom_id, atom_updated, atom_published, atom_author,
  // content, Media RSS, GeoRSS, W3C geo
  content_encoded, media_content, media_group, media_thumbnail, media_category, georss_point, georss_where,
  geo_lat, geo_long, geo_point,
};

/// An RSS element name, matched without regard to ASCII case.
Tag rss_tag(std::string_view local) noexcept {
  char buf[16];
  if (local.size() > sizeof buf) return Tag::unknown;
  for (std::size_t i = 0; i < local.size(); ++i) {
    const char c = local[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const std::string_view n(buf, local.size());
  switch (n.size()) {
    case 4:
      if (n == "link") return Tag::link;
      if (n == "guid") return Tag::guid;
      if (n == "item") return Tag::item;
      break;
    case 5:
      if (n == "title") return Tag::title;
      if (n == "image") return Tag::image;
      if (n == "items") return Tag::items;
      break;
    case 6:
      if (n == "author") return Tag::author;
      break;
    case 7:
      if (n == "pubdate") return Tag::pub_date;
      break;
    case 8:
      if (n == "category") return Tag::category;
      if (n == "language") return Tag::language;
      break;
    case 9:
      if (n == "enclosure") return Tag::enclosure;
      if (n == "copyright") return Tag::copyright;
      if (n == "generator") return Tag::generator;
      if (n == "webmaster") return Tag::web_master;
      break;
    case 11:
      if (n == "description") return Tag::description;
      break;
    case 13:
      if (n == "lastbuilddate") return Tag::last_build_date;
      break;
    case 14:
      if (n == "managingeditor") return Tag::managing_editor;
      break;
    default:
      break;
  }
  return Tag::unknown;
}

/// What an element is, from its namespace and local name (before the level check).
Tag tag_of(Ns ns, std::string_view l) noexcept {
  switch (ns) {
    case Ns::none:
    case Ns::rss090:
    case Ns::rss10: return rss_tag(l);
    case Ns::hr: return Tag::hr;
    case Ns::dc:
      if (l == "title") return Tag::dc_title;
      if (l == "description") return Tag::dc_description;
      if (l == "language") return Tag::dc_language;
      if (l == "rights") return Tag::dc_rights;
      if (l == "publisher") return Tag::dc_publisher;
      if (l == "creator") return Tag::dc_creator;
      if (l == "date") return Tag::dc_date;
      if (l == "subject") return Tag::dc_subject;
      if (l == "coverage") return Tag::dc_coverage;
      if (l == "identifier") return Tag::dc_identifier;
      return Tag::unknown;
    case Ns::dcterms:
      if (l == "modified") return Tag::dcterms_modified;
      if (l == "issued") return Tag::dcterms_issued;
      if (l == "created") return Tag::dcterms_created;
      return Tag::unknown;
    case Ns::atom:
      if (l == "link") return Tag::atom_link;
      if (l == "id") return Tag::atom_id;
      if (l == "updated") return Tag::atom_updated;
      if (l == "published") return Tag::atom_published;
      if (l == "author") return Tag::atom_author;
      return Tag::unknown;
    case Ns::content: return l == "encoded" ? Tag::content_encoded : Tag::unknown;
    case Ns::media:
      if (l == "content") return Tag::media_content;
      if (l == "group") return Tag::media_group;
      if (l == "thumbnail") return Tag::media_thumbnail;
      if (l == "category") return Tag::media_category;
      return Tag::unknown;
    case Ns::georss:
      if (l == "point") return Tag::georss_point;
      if (l == "where") return Tag::georss_where;
      return Tag::unknown;
    case Ns::geo:
      if (l == "lat") return Tag::geo_lat;
      if (l == "long") return Tag::geo_long;
      if (l == "Point") return Tag::geo_point;
      return Tag::unknown;
    default: return Tag::unknown;
  }
}

/// What the reader understands directly under `<channel>`; everything else is kept as an extension.
Tag channel_tag(Ns ns, std::string_view local) noexcept {
  const Tag t = tag_of(ns, local);
  switch (t) {
    case Tag::hr: case Tag::title: case Tag::link: case Tag::description: case Tag::language: case Tag::copyright:
    case Tag::managing_editor: case Tag::web_master: case Tag::pub_date: case Tag::last_build_date:
    case Tag::generator: case Tag::image: case Tag::item: case Tag::items: case Tag::dc_title:
    case Tag::dc_description: case Tag::dc_language: case Tag::dc_rights: case Tag::dc_publisher:
    case Tag::dc_creator: case Tag::dc_date: case Tag::dcterms_modified: case Tag::atom_link: case Tag::atom_id:
    case Tag::atom_updated:
      return t;
    default:
      return Tag::unknown;
  }
}

/// What the reader understands directly under `<item>`; everything else is kept as an extension.
Tag item_tag(Ns ns, std::string_view local) noexcept {
  const Tag t = tag_of(ns, local);
  switch (t) {
    case Tag::language: case Tag::copyright: case Tag::managing_editor: case Tag::web_master:
    case Tag::last_build_date: case Tag::generator: case Tag::image: case Tag::item: case Tag::items:
      return Tag::unknown;
    default:
      return t;
  }
}

/// A raw foreign element may be written back when this reader will keep it.
bool foreign_in_channel(std::string_view uri, std::string_view local) {
  const Ns ns = hx::classify_namespace(uri);
  return ns != Ns::xml && channel_tag(ns, local) == Tag::unknown;
}
bool foreign_in_item(std::string_view uri, std::string_view local) {
  const Ns ns = hx::classify_namespace(uri);
  return ns != Ns::xml && item_tag(ns, local) == Tag::unknown;
}

/// Line and column (1-based, bytes) of offsets into the text a document was parsed from.
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {}
  /// Takes line starts found before the text was parsed in place (none: found on first use).
  void adopt(std::vector<std::size_t>&& starts) {
    if (starts.empty()) return;
    starts_ = std::move(starts);
    built_ = true;
  }
  std::pair<std::size_t, std::size_t> at(std::ptrdiff_t offset) {
    if (offset < 0 || static_cast<std::size_t>(offset) > text_.size()) return {0, 0};
    if (!built_) {
      starts_.push_back(0);
      for (std::size_t i = 0; i < text_.size(); ++i) {
        if (text_[i] == '\n') starts_.push_back(i + 1);
      }
      built_ = true;
    }
    const auto off = static_cast<std::size_t>(offset);
    const auto it = std::upper_bound(starts_.begin(), starts_.end(), off);
    const auto line = static_cast<std::size_t>(it - starts_.begin());
    return {line, off - starts_[line - 1] + 1};
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
  bool built_ = false;
};

/// Splits `email (Name)`, `Name <email>`, a bare address or a bare name.
Person parse_person(std::string_view text) {
  text = hx::trim(text);
  Person p;
  auto strip_mailto = [](std::string_view s) {
    s = hx::trim(s);
    if (s.size() > 7 && ascii_iequal(s.substr(0, 7), "mailto:")) s.remove_prefix(7);
    return std::string(s);
  };
  if (!text.empty() && text.back() == ')') {
    const std::size_t open = text.rfind('(');
    if (open != std::string_view::npos && open > 0) {
      const std::string_view outer = hx::trim(text.substr(0, open));
      const std::string_view inner = hx::trim(text.substr(open + 1, text.size() - open - 2));
      if (outer.find('@') != std::string_view::npos && outer.find(' ') == std::string_view::npos) {
        p.email = strip_mailto(outer);
        p.name = std::string(inner);
        return p;
      }
      if (inner.find('@') != std::string_view::npos && inner.find(' ') == std::string_view::npos) {
        p.name = std::string(outer);
        p.email = strip_mailto(inner);
        return p;
      }
    }
  }
  if (!text.empty() && text.back() == '>') {
    const std::size_t open = text.rfind('<');
    if (open != std::string_view::npos) {
      const std::string_view inner = text.substr(open + 1, text.size() - open - 2);
      if (inner.find('@') != std::string_view::npos) {
        p.name = std::string(hx::trim(text.substr(0, open)));
        if (p.name.size() >= 2 && p.name.front() == '"' && p.name.back() == '"')
          p.name = p.name.substr(1, p.name.size() - 2);
        p.email = strip_mailto(inner);
        return p;
      }
    }
  }
  if (text.find('@') != std::string_view::npos && text.find(' ') == std::string_view::npos) {
    p.email = strip_mailto(text);
    return p;
  }
  p.name = std::string(text);
  return p;
}

/// The text an `<author>` / `managingEditor` element gets for a person.
std::string format_person(const std::string& name, const std::string& email) {
  if (email.empty()) return name;
  if (name.empty()) return email;
  return email + " (" + name + ")";
}

/// The text of `el` when it is a single text or CDATA child (or nothing): a
/// view into the document, no copy. False when `el` holds anything else.
bool single_text(pugi::xml_node el, std::string_view& out) {
  const pugi::xml_node c = el.first_child();
  if (!c) {
    out = {};
    return true;
  }
  const auto t = c.type();
  if ((t != pugi::node_pcdata && t != pugi::node_cdata) || c.next_sibling()) return false;
  out = c.value();
  return true;
}

/// All text and CDATA of an element, and whether it also holds child elements.
std::string plain_text(pugi::xml_node el, bool* has_elements = nullptr) {
  if (std::string_view one; single_text(el, one)) {
    if (has_elements) *has_elements = false;
    return std::string(one);
  }
  std::string out;
  bool elements = false;
  for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
    const auto t = c.type();
    if (t == pugi::node_pcdata || t == pugi::node_cdata) out += c.value();
    else if (t == pugi::node_element) elements = true;
  }
  if (has_elements) *has_elements = elements;
  return out;
}

std::string trimmed_text(pugi::xml_node el) {
  if (std::string_view one; single_text(el, one)) return std::string(hx::trim(one));
  return std::string(hx::trim(plain_text(el)));
}

/// `base` with the element's `xml:base` applied.
std::string with_base(const std::string& base, pugi::xml_node el) {
  const pugi::xml_attribute a = el.attribute("xml:base");
  if (!a) return base;
  const std::string_view ref = hx::trim(a.value());
  if (base.empty()) return std::string(ref);
  return resolve_url(base, ref);
}

/// `base` with the element's `xml:base` applied, without a copy when it has none:
/// the result is `base` or `storage`.
const std::string& with_base(const std::string& base, pugi::xml_node el, std::string& storage) {
  const pugi::xml_attribute a = el.attribute("xml:base");
  if (!a) return base;
  storage = with_base(base, el);
  return storage;
}

/// The text of an element as plain_text gives it, as a view: into the
/// document when it is one text node, else into `storage`.
std::string_view text_view(pugi::xml_node el, std::string& storage) {
  if (std::string_view one; single_text(el, one)) return one;
  storage = plain_text(el);
  return storage;
}

std::string resolve(const std::string& base, std::string_view ref) {
  ref = hx::trim(ref);
  if (ref.empty()) return {};
  if (base.empty() || is_absolute_url(ref)) return std::string(ref);
  return resolve_url(base, ref);
}

/// `/a/b/c`: the names of `node` and its ancestors below the item or channel
/// (the first ancestor that is not an `hr:` element, matched by the prefix of `node`).
std::string relative_path(pugi::xml_node node) {
  const std::string_view prefix = hx::name_prefix(node.name());
  std::vector<std::string_view> names;
  for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent()) {
    if (hx::name_prefix(n.name()) != prefix) break;
    names.push_back(n.name());
  }
  std::string out;
  for (auto it = names.rbegin(); it != names.rend(); ++it) {
    out += '/';
    out.append(it->data(), it->size());
  }
  return out;
}

/// The `<url>` of an `<image>`, resolved.
std::string icon_of(pugi::xml_node image, const std::string& base) {
  for (pugi::xml_node c = image.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && ascii_iequal(hx::local_name(c.name()), "url"))
      return resolve(with_base(base, image), plain_text(c));
  }
  return {};
}

/// How a text element's type is decided when the element does not say (`hr:type`).
enum class TextMode {
  sniff,  ///< HTML when it looks like HTML, else plain text (titles, descriptions)
  html,   ///< always HTML (content:encoded)
};

/// The RSS version a document declares, as a `source_format` id.
std::string rss_version_id(std::string_view version) {
  version = hx::trim(version);
  if (version == "0.91") return "rss-0.91";
  if (version == "0.92") return "rss-0.92";
  if (version == "0.93") return "rss-0.93";
  if (version == "0.94") return "rss-0.94";
  if (version == "0.90" || version == "0.9") return "rss-0.90";
  if (version == "2.0" || version == "2.00" || version == "2" || version.substr(0, 4) == "2.0.") return "rss-2.0";
  return {};
}

// ---------------------------------------------------------------------------
// The reader

/// Where an element is, for diagnostics: a prefix (`rss/channel`) and, for
/// items, a 1-based index (`rss/channel/item[3]`). Made into text only when
/// a diagnostic needs it.
struct Path {
  std::string_view prefix;
  std::size_t item = 0;  ///< 1-based item index, 0 for none
  std::string str() const {
    std::string out(prefix);
    if (item) out += "/item[" + std::to_string(item) + "]";
    return out;
  }
};
std::string operator+(const Path& p, std::string_view tail) {
  std::string out = p.str();
  out.append(tail.data(), tail.size());
  return out;
}

class Reader {
 public:
  Reader(const ReadOptions& options, std::string_view text, Collection& out)
      : options_(options), lines_(text), out_(out) {}

  /// Reads a whole document into the collection.
  void read_document(pugi::xml_node root);

  /// Reads the channel's own fields (not its items). Collects the channel's
  /// `hr:` children and item elements into `hr` and `items` when given.
  Feed read_channel(pugi::xml_node channel, const std::string& base, std::vector<pugi::xml_node>* hr,
                    std::vector<pugi::xml_node>* items, pugi::xml_node* image);

  /// Reads one item's native elements; collects its `hr:` children into `hr`.
  Item read_item(pugi::xml_node item, const std::string& parent_base, const Path& path,
                 std::vector<pugi::xml_node>* hr);

  /// Applies the `hr:` children of an item.
  void apply_item_ext(const std::vector<pugi::xml_node>& hr, Item& item, const Path& path);

  hx::NsScope& scope() { return ns_; }
  /// Line starts of the parsed text, when it was parsed in place.
  void adopt_line_starts(std::vector<std::size_t>&& starts) { lines_.adopt(std::move(starts)); }
  /// The buffer the document was parsed in place in, released item by item.
  void set_spent_input(detail::SpentInput spent) { spent_ = spent; }
  void set_version(std::string id) { version_ = std::move(id); }
  /// Whether the document declared Netscape's RSS 0.91 DOCTYPE (tells Netscape's 0.91 from UserLand's).
  void set_netscape_doctype(bool yes) { netscape_doctype_ = yes; }

 private:
  void repair(std::string code, std::string message, pugi::xml_node where, std::string path) {
    const auto [line, column] = where ? lines_.at(where.offset_debug()) : std::pair<std::size_t, std::size_t>{0, 0};
    detail::report_repair(out_.diagnostics, options_, kFormat, std::move(code), std::move(message), std::move(path),
                          line, column);
  }
  void info(std::string code, std::string message, pugi::xml_node where, std::string path) {
    Diagnostic d;
    d.severity = Severity::info;
    d.code = std::move(code);
    d.message = std::move(message);
    const auto [line, column] = where ? lines_.at(where.offset_debug()) : std::pair<std::size_t, std::size_t>{0, 0};
    if (line) d.line = line;
    if (column) d.column = column;
    d.path = std::move(path);
    out_.diagnostics.push_back(std::move(d));
  }

  std::optional<Timestamp> date(pugi::xml_node el, const Path& path) {
    std::string storage;
    const std::string_view text = hx::trim(text_view(el, storage));
    if (text.empty()) return std::nullopt;
    // The common case first, without computing a location.
    if (options_.date_hook) {
      if (auto t = options_.date_hook(text)) return t;
    }
    if (auto t = Timestamp::parse(text)) return t;
    const auto [line, column] = lines_.at(el.offset_debug());
    return detail::parse_feed_date(text, options_, kFormat, out_.diagnostics, path + "/" + el.name(), line, column);
  }

  /// The first of `candidates` (in priority order) that holds a date.
  std::optional<Timestamp> first_date(std::initializer_list<pugi::xml_node> candidates, const Path& path) {
    for (pugi::xml_node el : candidates) {
      if (!el) continue;
      if (auto t = date(el, path)) return t;
    }
    return std::nullopt;
  }

  /// An `hr:type` attribute of a native element (the writer says what the element cannot).
  std::optional<TextType> hr_type(pugi::xml_node el) const {
    for (pugi::xml_attribute a = el.first_attribute(); a; a = a.next_attribute()) {
      const std::string_view name = a.name();
      if (name.find(':') == std::string_view::npos || hx::local_name(name) != "type") continue;
      if (name.substr(0, 6) == "xmlns:") continue;
      if (ns_.ns_of_name(name) == Ns::hr) return from_string<TextType>(a.value());
    }
    return std::nullopt;
  }

  Text text(pugi::xml_node el, TextMode mode, const std::string& base, const Path& path) {
    bool markup = false;
    std::string value = plain_text(el, &markup);
    if (markup) value = hx::inner_xml(el);
    Text t;
    const std::string_view trimmed = hx::trim(value);
    if (trimmed.size() == value.size()) {
      t.value = std::move(value);
    } else {
      t.value.assign(trimmed.data(), trimmed.size());
    }
    if (auto type = hr_type(el)) {
      t.type = *type;
    } else {
      if (markup) {
        repair("markup-unescaped", "<" + std::string(el.name()) + "> holds unescaped markup; read as HTML", el,
               path + "/" + el.name());
      }
      t.type = mode == TextMode::html || markup || hx::looks_like_html(t.value) ? TextType::html : TextType::text;
    }
    if (t.type == TextType::html && !base.empty()) t.value = hx::resolve_html_urls(std::move(t.value), base);
    return t;
  }

  /// `text` for elements that may be empty: absent then.
  std::optional<Text> opt_text(pugi::xml_node el, TextMode mode, const std::string& base, const Path& path) {
    Text t = text(el, mode, base, path);
    if (t.value.empty() && t.type == TextType::text && !hr_type(el)) return std::nullopt;
    return t;
  }

  void keep(pugi::xml_node el, Extensions& ext) { hx::keep_foreign(ext, ns_.uri_of(el), el); }

  Link atom_link(pugi::xml_node el, const std::string& base, const Path& path) {
    Link l;
    l.href = resolve(base, el.attribute("href").value());
    l.rel = hx::trim(el.attribute("rel").value());
    l.type = hx::trim(el.attribute("type").value());
    l.hreflang = hx::trim(el.attribute("hreflang").value());
    l.title = el.attribute("title").value();
    if (const pugi::xml_attribute len = el.attribute("length")) {
      l.length = hx::parse_uint(len.value());
      if (!l.length)
        repair("length-invalid", "link length \"" + std::string(len.value()) + "\" is not a number; ignored", el,
               path + "/" + el.name());
    }
    return l;
  }

  std::optional<std::uint64_t> length_attr(pugi::xml_node el, const char* name, const Path& path) {
    const pugi::xml_attribute a = el.attribute(name);
    if (!a || hx::trim(a.value()).empty()) return std::nullopt;
    auto v = hx::parse_uint(a.value());
    if (!v)
      repair("length-invalid",
             "<" + std::string(el.name()) + "> " + name + " \"" + a.value() + "\" is not a number; ignored", el,
             path + "/" + el.name());
    return v;
  }

  void media_content(pugi::xml_node el, const std::string& base, const Path& path,
                     std::vector<Attachment>& out) {
    Attachment at;
    at.url = resolve(base, el.attribute("url").value());
    if (at.url.empty()) return;  // a player-only media:content: nothing to attach
    at.type = hx::trim(el.attribute("type").value());
    at.length = length_attr(el, "fileSize", path);
    for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element && hx::local_name(c.name()) == "title") at.title = trimmed_text(c);
    }
    add_attachment(std::move(at), out);
  }

  static void add_attachment(Attachment at, std::vector<Attachment>& out) {
    for (Attachment& existing : out) {
      if (existing.url != at.url) continue;  // the same file named twice (enclosure + media:content): merge
      if (existing.type.empty()) existing.type = at.type;
      if (!existing.length) existing.length = at.length;
      if (existing.title.empty()) existing.title = at.title;
      return;
    }
    out.push_back(std::move(at));
  }

  Link thumbnail(pugi::xml_node el, const std::string& base) {
    Link l;
    l.href = resolve(base, el.attribute("url").value());
    l.rel = "thumbnail";
    return l;
  }

  /// `lat lon` (space or comma separated).
  std::optional<GeoPoint> point(std::string_view text, pugi::xml_node where, const Path& path) {
    std::string s(hx::trim(text));
    std::replace(s.begin(), s.end(), ',', ' ');
    const std::size_t sp = s.find_first_of(" \t\n\r");
    std::optional<double> lat, lon;
    if (sp != std::string::npos) {
      lat = hx::parse_double(std::string_view(s).substr(0, sp));
      lon = hx::parse_double(std::string_view(s).substr(sp));
    }
    if (!lat || !lon || *lat < -90 || *lat > 90 || *lon < -180 || *lon > 180) {
      repair("geo-invalid", "\"" + std::string(hx::trim(text)) + "\" is not a point (lat lon); dropped", where,
             path + "/" + where.name());
      return std::nullopt;
    }
    return GeoPoint{*lat, *lon};
  }

  /// The first descendant element with this local name.
  static pugi::xml_node descendant(pugi::xml_node el, std::string_view local) {
    for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      if (hx::local_name(c.name()) == local) return c;
      if (pugi::xml_node d = descendant(c, local)) return d;
    }
    return {};
  }

  /// Places the namespace notes gathered so far (reported, in order, at the end of the document).
  void hold_notes() {
    ns_.hold_notes([this](pugi::xml_node n) {
      return n ? lines_.at(n.offset_debug()) : std::pair<std::size_t, std::size_t>{0, 0};
    });
  }

  const ReadOptions& options_;
  Lines lines_;
  Collection& out_;
  hx::NsScope ns_;
  detail::SpentInput spent_;
  std::string version_ = "rss-2.0";
  bool netscape_doctype_ = false;

  friend class Writer;
};

Feed Reader::read_channel(pugi::xml_node channel, const std::string& base, std::vector<pugi::xml_node>* hr,
                          std::vector<pugi::xml_node>* items, pugi::xml_node* image) {
  Feed f;
  const std::string channel_path = std::string(channel.parent().name()) + "/" + channel.name();
  const Path path{channel_path};
  pugi::xml_node title, dc_title, link, description, dc_description, language, dc_language, rights, dc_rights;
  pugi::xml_node last_build, pub_date, dc_date, dcterms_modified, atom_updated, atom_id;
  auto add_party = [&f](pugi::xml_node c, PartyKind kind, const char* role) {
    const Person p = parse_person(plain_text(c));
    if (p.name.empty() && p.email.empty()) return;
    Party party;
    party.kind = kind;
    party.name = p.name;
    party.email = p.email;
    party.role = role;
    f.publishers.push_back(std::move(party));
  };
  auto first = [](pugi::xml_node& slot, pugi::xml_node c) {
    if (!slot) slot = c;
  };
  for (pugi::xml_node c = channel.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const std::size_t pushed = ns_.push(c);
    const Tag tag = channel_tag(ns_.ns_of(c), hx::local_name(c.name()));
    switch (tag) {
      case Tag::hr: if (hr) hr->push_back(c); break;
      case Tag::title: first(title, c); break;
      case Tag::link: first(link, c); break;
      case Tag::description: first(description, c); break;
      case Tag::language: first(language, c); break;
      case Tag::copyright: first(rights, c); break;
      case Tag::managing_editor: add_party(c, PartyKind::person, "managing-editor"); break;
      case Tag::web_master: add_party(c, PartyKind::person, "webmaster"); break;
      case Tag::pub_date: first(pub_date, c); break;
      case Tag::last_build_date: first(last_build, c); break;
      case Tag::generator: f.generator = trimmed_text(c); break;
      case Tag::image: if (image && !*image) *image = c; break;
      case Tag::item: if (items) items->push_back(c); break;
      case Tag::items: break;  // the RDF table of contents says nothing the items do not
      case Tag::dc_title: first(dc_title, c); break;
      case Tag::dc_description: first(dc_description, c); break;
      case Tag::dc_language: first(dc_language, c); break;
      case Tag::dc_rights: first(dc_rights, c); break;
      case Tag::dc_date: first(dc_date, c); break;
      case Tag::dc_publisher: add_party(c, PartyKind::organisation, "publisher"); break;
      case Tag::dc_creator: add_party(c, PartyKind::person, "creator"); break;
      case Tag::dcterms_modified: first(dcterms_modified, c); break;
      case Tag::atom_link: f.links.push_back(atom_link(c, with_base(base, c), path)); break;
      case Tag::atom_id: first(atom_id, c); break;
      case Tag::atom_updated: first(atom_updated, c); break;
      default: keep(c, f.extensions); break;
    }
    ns_.pop(pushed);
  }
  if (title || dc_title) f.title = text(title ? title : dc_title, TextMode::sniff, {}, path);
  if (link) f.url = resolve(with_base(base, link), plain_text(link));
  if (description || dc_description)
    f.subtitle = opt_text(description ? description : dc_description, TextMode::sniff, {}, path);
  if (language || dc_language) f.language = trimmed_text(language ? language : dc_language);
  if (rights || dc_rights) f.rights = opt_text(rights ? rights : dc_rights, TextMode::sniff, {}, path);
  f.updated = first_date({last_build, pub_date, dc_date, dcterms_modified, atom_updated}, path);
  if (atom_id) f.id = trimmed_text(atom_id);
  if (f.id.empty()) f.id = f.url;
  f.source_format = version_;
  return f;
}

Item Reader::read_item(pugi::xml_node node, const std::string& parent_base, const Path& path,
                       std::vector<pugi::xml_node>* hr) {
  const std::size_t pushed_item = ns_.push(node);
  std::string base_storage, el_base;
  const std::string& base = with_base(parent_base, node, base_storage);
  Article a;
  pugi::xml_node title, dc_title, link, description, dc_description, content, guid, dc_identifier, atom_id;
  pugi::xml_node pub_date, dc_date, dcterms_issued, dcterms_created, atom_published, atom_updated, dcterms_modified;
  pugi::xml_node dc_language, dc_rights, georss_point, georss_where, geo_lat, geo_long, geo_point;
  auto first = [](pugi::xml_node& slot, pugi::xml_node c) {
    if (!slot) slot = c;
  };
  auto add_author = [&a](pugi::xml_node c) {
    Person p = parse_person(plain_text(c));
    if (!p.name.empty() || !p.email.empty()) a.authors.push_back(std::move(p));
  };
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const std::size_t pushed = ns_.push(c);
    const Tag tag = item_tag(ns_.ns_of(c), hx::local_name(c.name()));
    switch (tag) {
      case Tag::hr: if (hr) hr->push_back(c); break;
      case Tag::title: first(title, c); break;
      case Tag::link:
        if (!link || trimmed_text(link).empty()) link = c;
        break;
      case Tag::description: first(description, c); break;
      case Tag::author: add_author(c); break;
      case Tag::category: {
        if (a.categories.empty()) {  // room for this and the following siblings of the same name at once
          std::size_t n = 0;
          const char* const name = c.name();
          for (pugi::xml_node s = c; s; s = s.next_sibling()) n += std::strcmp(s.name(), name) == 0;
          a.categories.reserve(n);
        }
        Category cat{trimmed_text(c), std::string(hx::trim(c.attribute("domain").value())), {}};
        if (!cat.term.empty() || !cat.scheme.empty()) a.categories.push_back(std::move(cat));
        break;
      }
      case Tag::enclosure: {
        Attachment at;
        at.url = resolve(with_base(base, c, el_base), c.attribute("url").value());
        if (at.url.empty()) {
          repair("enclosure-invalid", "<enclosure> has no url; dropped", c, path + "/" + c.name());
        } else {
          at.type = hx::trim(c.attribute("type").value());
          at.length = length_attr(c, "length", path);
          add_attachment(std::move(at), a.attachments);
        }
        break;
      }
      case Tag::guid: first(guid, c); break;
      case Tag::pub_date: first(pub_date, c); break;
      case Tag::dc_title: first(dc_title, c); break;
      case Tag::dc_description: first(dc_description, c); break;
      case Tag::dc_language: first(dc_language, c); break;
      case Tag::dc_rights: first(dc_rights, c); break;
      case Tag::dc_date: first(dc_date, c); break;
      case Tag::dc_identifier: first(dc_identifier, c); break;
      case Tag::dc_creator: add_author(c); break;
      case Tag::dc_publisher: {
        std::string name = trimmed_text(c);
        if (!name.empty()) {
          Party party;
          party.name = std::move(name);
          party.role = "publisher";
          a.publishers.push_back(std::move(party));
        }
        break;
      }
      case Tag::dc_subject:
      case Tag::dc_coverage: {
        std::string term = trimmed_text(c);
        if (!term.empty())
          a.categories.push_back(Category{std::move(term), tag == Tag::dc_coverage ? "dc:coverage" : "", {}});
        break;
      }
      case Tag::dcterms_issued: first(dcterms_issued, c); break;
      case Tag::dcterms_created: first(dcterms_created, c); break;
      case Tag::dcterms_modified: first(dcterms_modified, c); break;
      case Tag::atom_link: a.links.push_back(atom_link(c, with_base(base, c, el_base), path)); break;
      case Tag::atom_id: first(atom_id, c); break;
      case Tag::atom_updated: first(atom_updated, c); break;
      case Tag::atom_published: first(atom_published, c); break;
      case Tag::atom_author: {
        Person p;
        for (pugi::xml_node f = c.first_child(); f; f = f.next_sibling()) {
          if (f.type() != pugi::node_element) continue;
          const std::string_view fl = hx::local_name(f.name());
          if (fl == "name") p.name = trimmed_text(f);
          else if (fl == "email") p.email = trimmed_text(f);
          else if (fl == "uri") p.uri = resolve(with_base(base, c), plain_text(f));
        }
        if (!p.name.empty() || !p.email.empty() || !p.uri.empty()) a.authors.push_back(std::move(p));
        break;
      }
      case Tag::content_encoded: first(content, c); break;
      case Tag::media_content: media_content(c, with_base(base, c), path, a.attachments); break;
      case Tag::media_thumbnail: {
        Link l = thumbnail(c, with_base(base, c));
        if (!l.href.empty()) a.links.push_back(std::move(l));
        break;
      }
      case Tag::media_category: {
        Category cat{trimmed_text(c), std::string(hx::trim(c.attribute("scheme").value())),
                     std::string(hx::trim(c.attribute("label").value()))};
        if (!cat.term.empty()) a.categories.push_back(std::move(cat));
        break;
      }
      case Tag::media_group: {
        const std::string cbase = with_base(base, c);
        for (pugi::xml_node g = c.first_child(); g; g = g.next_sibling()) {
          if (g.type() != pugi::node_element) continue;
          const std::string_view gl = hx::local_name(g.name());
          if (gl == "content") {
            media_content(g, with_base(cbase, g), path, a.attachments);
          } else if (gl == "thumbnail") {
            Link l = thumbnail(g, with_base(cbase, g));
            if (!l.href.empty()) a.links.push_back(std::move(l));
          }
        }
        break;
      }
      case Tag::georss_point: first(georss_point, c); break;
      case Tag::georss_where: first(georss_where, c); break;
      case Tag::geo_lat: geo_lat = c; break;
      case Tag::geo_long: geo_long = c; break;
      case Tag::geo_point: geo_point = c; break;
      default: keep(c, a.extensions); break;
    }
    ns_.pop(pushed);
  }

  // Identity and links.
  if (guid) a.id = trimmed_text(guid);
  if (a.id.empty()) {
    for (pugi::xml_attribute at = node.first_attribute(); at; at = at.next_attribute()) {
      const std::string_view name = at.name();
      if (hx::local_name(name) == "about" && ns_.ns_of_name(name) == Ns::rdf) a.id = hx::trim(at.value());
    }
  }
  if (a.id.empty() && dc_identifier) a.id = trimmed_text(dc_identifier);
  if (a.id.empty() && atom_id) a.id = trimmed_text(atom_id);
  if (link) {
    std::string storage;
    a.url = resolve(with_base(base, link, el_base), text_view(link, storage));
  }
  if (a.url.empty() && guid) {
    const pugi::xml_attribute perma = guid.attribute("isPermaLink");
    const bool permalink = !perma || ascii_iequal(hx::trim(perma.value()), "true");
    const std::string g = trimmed_text(guid);
    if (permalink && is_absolute_url(g) && (g.substr(0, 5) == "http:" || g.substr(0, 6) == "https:")) a.url = g;
  }

  // Texts.
  if (title || dc_title) a.title = text(title ? title : dc_title, TextMode::sniff, base, path);
  if (description || dc_description)
    a.summary = opt_text(description ? description : dc_description, TextMode::sniff, base, path);
  if (content) a.content = opt_text(content, TextMode::html, with_base(base, content, el_base), path);
  if (dc_rights) a.rights = opt_text(dc_rights, TextMode::sniff, base, path);

  // Dates.
  a.published = first_date({pub_date, dc_date, dcterms_issued, dcterms_created, atom_published}, path);
  a.updated = first_date({atom_updated, dcterms_modified}, path);

  // Language: dc:language, else the item's own xml:lang.
  if (dc_language) a.language = trimmed_text(dc_language);
  if (a.language.empty()) a.language = hx::trim(node.attribute("xml:lang").value());

  // Position.
  if (georss_point) {
    a.geo = point(plain_text(georss_point), georss_point, path);
  } else if (georss_where) {
    if (pugi::xml_node pos = descendant(georss_where, "pos")) a.geo = point(plain_text(pos), pos, path);
    else repair("geo-invalid", "<georss:where> holds no gml:pos; dropped", georss_where, path + "/" + georss_where.name());
  } else if (geo_lat && geo_long) {
    a.geo = point(trimmed_text(geo_lat) + " " + trimmed_text(geo_long), geo_lat, path);
  } else if (geo_point) {
    pugi::xml_node lat = descendant(geo_point, "lat"), lon = descendant(geo_point, "long");
    if (lat && lon) a.geo = point(trimmed_text(lat) + " " + trimmed_text(lon), geo_point, path);
  }
  ns_.pop(pushed_item);
  return Item(std::move(a));
}

void Reader::apply_item_ext(const std::vector<pugi::xml_node>& hr, Item& item, const Path& path) {
  if (hr.empty()) return;
  hx::apply_item(hr, item, [&](pugi::xml_node where, std::string code, std::string message) {
    repair(std::move(code), std::move(message), where, path + relative_path(where));
  });
}

void Reader::read_document(pugi::xml_node root) {
  const std::size_t pushed_root = ns_.push(root);
  const Ns root_ns = ns_.ns_of(root);
  const std::string_view root_local = hx::local_name(root.name());
  bool rdf = false;
  if (ascii_iequal(root_local, "rss") && is_rss_ns(root_ns)) {
    const pugi::xml_attribute v = root.attribute("version");
    version_ = rss_version_id(v.value());
    // Two formats share the number 0.91: Netscape's (declared with its DOCTYPE) and UserLand's.
    if (version_ == "rss-0.91") version_ = netscape_doctype_ ? "rss-0.91-netscape" : "rss-0.91-userland";
    if (version_.empty()) {
      version_ = "rss";
      info("rss-version-unknown",
           v ? "unknown RSS version \"" + std::string(v.value()) + "\"; read as RSS 2.0" : "<rss> has no version; read as RSS 2.0",
           root, root.name());
    }
  } else if (root_local == "RDF" && root_ns == Ns::rdf) {
    rdf = true;
    version_ = "rdf";
  } else {
    const auto [line, column] = lines_.at(root.offset_debug());
    throw ParseError(std::string(kFormat),
                     "root element <" + std::string(root.name()) + "> is not <rss> or <rdf:RDF>",
                     SourceLocation{line, column, static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, root.offset_debug()))},
                     {}, options_.file_name);
  }

  pugi::xml_node channel;
  for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && ascii_iequal(hx::local_name(c.name()), "channel") && is_rss_ns(ns_.ns_of(c))) {
      channel = c;
      break;
    }
  }
  if (!channel) {
    const auto [line, column] = lines_.at(root.offset_debug());
    throw ParseError(std::string(kFormat), "<" + std::string(root.name()) + "> has no <channel>",
                     SourceLocation{line, column, std::nullopt}, {}, options_.file_name);
  }
  if (rdf && ns_.ns_of(channel) == Ns::rss090) version_ = "rss-0.90";

  const std::string root_base = with_base(options_.base_url, root);
  const std::size_t pushed_channel = ns_.push(channel);
  std::vector<pugi::xml_node> hr;
  std::vector<pugi::xml_node> items;
  pugi::xml_node image;
  out_.feed = read_channel(channel, with_base(root_base, channel), &hr, rdf ? nullptr : &items, &image);
  ns_.pop(pushed_channel);

  // The rest of the root: RDF items and image; items an RSS feed put outside its channel.
  pugi::xml_node root_image;
  for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element || c == channel) continue;
    const std::string_view local = hx::local_name(c.name());
    if (!is_rss_ns(ns_.ns_of(c))) continue;
    if (ascii_iequal(local, "item")) {
      if (!rdf) {
        repair("item-outside-channel", "<item> outside <channel>; read as an item of the channel", c,
               std::string(root.name()) + "/" + c.name());
      }
      items.push_back(c);
    } else if (ascii_iequal(local, "image") && !root_image) {
      root_image = c;
    }
  }
  if (items.size() > options_.limits.max_items) {
    throw ParseError(std::string(kFormat),
                     "more than " + std::to_string(options_.limits.max_items) + " items (limit max_items)", {}, {},
                     options_.file_name);
  }

  // Relative URLs of items: nested xml:base, else the channel's link, else the caller's base.
  const std::string fallback = is_absolute_url(out_.feed.url) ? out_.feed.url : options_.base_url;
  const std::string item_parent_base = with_base(with_base(fallback, root), channel);
  const std::string item_parent_base_rdf = with_base(fallback, root);
  if (image) out_.feed.icon = icon_of(image, item_parent_base);
  if (out_.feed.icon.empty() && root_image) out_.feed.icon = icon_of(root_image, item_parent_base_rdf);
  if (out_.feed.icon.empty() && image) {  // RDF: <image rdf:resource="…"/> in the channel
    for (pugi::xml_attribute at = image.first_attribute(); at; at = at.next_attribute()) {
      if (hx::local_name(at.name()) == "resource") out_.feed.icon = hx::trim(at.value());
    }
  }
  const std::string channel_path = std::string(root.name()) + "/" + channel.name();
  out_.items.reserve(items.size());
  std::vector<pugi::xml_node> item_hr;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const pugi::xml_node node = items[i];
    const bool in_channel = node.parent() == channel;
    const Path path{in_channel ? std::string_view(channel_path) : std::string_view(root.name()), i + 1};
    const std::size_t pushed = in_channel ? ns_.push(channel) : 0;
    item_hr.clear();
    Item item = read_item(node, in_channel ? item_parent_base : item_parent_base_rdf, path, &item_hr);
    apply_item_ext(item_hr, item, path);
    ns_.pop(pushed);
    out_.items.push_back(std::move(item));
    // The item is read: its nodes go (pugixml frees each page once all it
    // holds is gone), so the items being built reuse that memory instead of
    // the whole document staying alive until the end. Notes that point into
    // it are placed first.
    hold_notes();
    const std::ptrdiff_t from = node.offset_debug();
    pugi::xml_node next = node.next_sibling();
    while (next && next.type() != pugi::node_element) next = next.next_sibling();
    detail::drop_read_element(node);
    // Its bytes too, up to the next element (whose own bytes follow its name).
    if (next) spent_.spend(from, next.offset_debug());
  }

  if (!hr.empty()) {
    hx::apply_channel(hr, out_, [&](pugi::xml_node where, std::string code, std::string message) {
      repair(std::move(code), std::move(message), where, channel_path + relative_path(where));
    });
  }
  hold_notes();
  for (hx::NsScope::HeldNote& note : ns_.take_held_notes()) {
    detail::report_repair(out_.diagnostics, options_, kFormat, std::move(note.code), std::move(note.message), {},
                          note.line, note.column);
  }
  ns_.pop(pushed_root);
}

// ---------------------------------------------------------------------------
// Loading

detail::XmlInput load(std::string_view bytes, const ReadOptions& options) {
  return detail::load_xml(bytes, options, kFormat);
}

// ---------------------------------------------------------------------------
// The writer

class Writer {
 public:
  Writer(const Collection& c, const WriteOptions& o) : c_(c), options_(o), scratch_reader_(read_options_, {}, scratch_) {}

  std::string write();

 private:
  /// Element text as a reader will get it back.
  static pugi::xml_node text_el(pugi::xml_node parent, const char* name, std::string_view value) {
    pugi::xml_node el = parent.append_child(name);
    const std::string v = hx::element_text_view(value);
    if (!v.empty()) el.text().set(v.c_str());
    return el;
  }
  static void attr(pugi::xml_node el, const char* name, std::string_view value) {
    el.append_attribute(name).set_value(hx::xml_safe(value).c_str());
  }
  /// A text element; `hr:type` says the type when the reader would guess another.
  static void text_el(pugi::xml_node parent, const char* name, const Text& t, TextMode mode) {
    pugi::xml_node el = text_el(parent, name, t.value);
    const std::string view(hx::trim(hx::element_text_view(t.value)));
    const TextType guess = mode == TextMode::html || hx::looks_like_html(view) ? TextType::html : TextType::text;
    if (guess != t.type) el.append_attribute("hr:type").set_value(std::string(to_string(t.type)).c_str());
  }
  static bool rfc822_ok(const Timestamp& t) { return Timestamp::parse_rfc822(t.to_rfc822()).has_value(); }
  static bool rfc3339_ok(const Timestamp& t) { return Timestamp::parse_iso8601(t.to_rfc3339()).has_value(); }

  void channel_native(pugi::xml_node ch);
  void item_native(pugi::xml_node it, const Article& a);

  const Collection& c_;
  const WriteOptions& options_;
  ReadOptions read_options_;
  Collection scratch_;
  Reader scratch_reader_;
};

void Writer::channel_native(pugi::xml_node ch) {
  const Feed& f = c_.feed;
  // title, link and description are required by RSS 2.0: fall back to something sensible.
  if (!f.title.value.empty()) text_el(ch, "title", f.title, TextMode::sniff);
  else text_el(ch, "title", "(untitled)");
  std::string link = f.url;
  if (link.empty()) {
    for (const Link& l : f.links) {
      if ((l.rel.empty() || l.rel == "alternate") && !l.href.empty()) {
        link = l.href;
        break;
      }
    }
  }
  if (link.empty() && is_absolute_url(f.id)) link = f.id;
  text_el(ch, "link", link);
  if (f.subtitle) text_el(ch, "description", *f.subtitle, TextMode::sniff);
  else text_el(ch, "description", f.title.value);
  if (!f.language.empty()) text_el(ch, "language", f.language);
  if (f.rights) text_el(ch, "copyright", *f.rights, TextMode::sniff);
  bool editor = false, webmaster = false;
  for (const Party& p : f.publishers) {
    if (p.role == "managing-editor" && !editor) {
      text_el(ch, "managingEditor", format_person(p.name, p.email));
      editor = true;
    } else if (p.role == "webmaster" && !webmaster) {
      text_el(ch, "webMaster", format_person(p.name, p.email));
      webmaster = true;
    } else if (p.role == "creator") {
      text_el(ch, "dc:creator", format_person(p.name, p.email));
    } else {
      text_el(ch, "dc:publisher", p.name);
    }
  }
  if (f.updated && rfc822_ok(*f.updated)) text_el(ch, "lastBuildDate", f.updated->to_rfc822());
  if (!f.generator.empty()) text_el(ch, "generator", f.generator);
  if (!f.icon.empty()) {
    pugi::xml_node img = ch.append_child("image");
    text_el(img, "url", f.icon);
    text_el(img, "title", f.title.value.empty() ? std::string("(untitled)") : f.title.value);
    text_el(img, "link", link);
  }
  for (const Link& l : f.links) {
    pugi::xml_node el = ch.append_child("atom:link");
    attr(el, "href", l.href);
    if (!l.rel.empty()) attr(el, "rel", l.rel);
    if (!l.type.empty()) attr(el, "type", l.type);
    if (!l.hreflang.empty()) attr(el, "hreflang", l.hreflang);
    if (!l.title.empty()) attr(el, "title", l.title);
    if (l.length) el.append_attribute("length").set_value(std::to_string(*l.length).c_str());
  }
}

void Writer::item_native(pugi::xml_node it, const Article& a) {
  if (!a.title.value.empty() || a.title.type != TextType::text) text_el(it, "title", a.title, TextMode::sniff);
  else if (!a.summary) text_el(it, "title", "(untitled)");  // RSS 2.0: title or description
  if (!a.url.empty()) text_el(it, "link", a.url);
  if (a.summary) text_el(it, "description", *a.summary, TextMode::sniff);
  if (a.content) text_el(it, "content:encoded", *a.content, TextMode::html);
  for (const Person& p : a.authors) {
    if (!p.email.empty()) text_el(it, "author", format_person(p.name, p.email));
    else text_el(it, "dc:creator", p.name);
  }
  for (const Party& p : a.publishers) text_el(it, "dc:publisher", p.name);
  for (const Category& cat : a.categories) {
    pugi::xml_node el = text_el(it, "category", cat.term);
    if (!cat.scheme.empty()) attr(el, "domain", cat.scheme);
  }
  bool enclosure = false;
  for (const Attachment& at : a.attachments) {
    if (hx::trim(hx::xml_safe(at.url)).empty()) continue;  // a reader would drop it (and say so)
    if (!enclosure) {
      pugi::xml_node el = it.append_child("enclosure");
      attr(el, "url", at.url);
      el.append_attribute("length").set_value(std::to_string(at.length.value_or(0)).c_str());
      attr(el, "type", at.type.empty() ? std::string("application/octet-stream") : at.type);
      enclosure = true;
    } else {
      pugi::xml_node el = it.append_child("media:content");
      attr(el, "url", at.url);
      if (!at.type.empty()) attr(el, "type", at.type);
      if (at.length) el.append_attribute("fileSize").set_value(std::to_string(*at.length).c_str());
      if (!at.title.empty()) text_el(el, "media:title", at.title);
    }
  }
  if (!a.id.empty()) {
    pugi::xml_node el = text_el(it, "guid", a.id);
    el.append_attribute("isPermaLink").set_value(a.id == a.url ? "true" : "false");
  }
  if (a.published && rfc822_ok(*a.published)) text_el(it, "pubDate", a.published->to_rfc822());
  if (a.updated && rfc3339_ok(*a.updated)) text_el(it, "atom:updated", a.updated->to_rfc3339());
  if (!a.language.empty()) text_el(it, "dc:language", a.language);
  if (a.rights) text_el(it, "dc:rights", *a.rights, TextMode::sniff);
  for (const Link& l : a.links) {
    pugi::xml_node el = it.append_child("atom:link");
    attr(el, "href", l.href);
    if (!l.rel.empty()) attr(el, "rel", l.rel);
    if (!l.type.empty()) attr(el, "type", l.type);
    if (!l.hreflang.empty()) attr(el, "hreflang", l.hreflang);
    if (!l.title.empty()) attr(el, "title", l.title);
    if (l.length) el.append_attribute("length").set_value(std::to_string(*l.length).c_str());
  }
  if (a.geo && std::isfinite(a.geo->lat) && std::isfinite(a.geo->lon) && a.geo->lat >= -90 && a.geo->lat <= 90 &&
      a.geo->lon >= -180 && a.geo->lon <= 180) {
    text_el(it, "georss:point", hx::format_double(a.geo->lat) + " " + hx::format_double(a.geo->lon));
  }
}

std::string Writer::write() {
  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version").set_value("1.0");
  decl.append_attribute("encoding").set_value("UTF-8");
  pugi::xml_node rss = doc.append_child("rss");
  rss.append_attribute("version").set_value("2.0");
  rss.append_attribute("xmlns:atom").set_value("http://www.w3.org/2005/Atom");
  rss.append_attribute("xmlns:content").set_value("http://purl.org/rss/1.0/modules/content/");
  rss.append_attribute("xmlns:dc").set_value("http://purl.org/dc/elements/1.1/");
  rss.append_attribute("xmlns:media").set_value("http://search.yahoo.com/mrss/");
  rss.append_attribute("xmlns:georss").set_value("http://www.georss.org/georss");
  hx::declare(rss);
  pugi::xml_node ch = rss.append_child("channel");

  Reader& reader = scratch_reader_;
  reader.scope().push(rss);
  reader.scope().push(ch);

  channel_native(ch);
  Feed native = reader.read_channel(ch, {}, nullptr, nullptr, nullptr);
  if (pugi::xml_node img = ch.child("image"))  // as read_document does
    native.icon = icon_of(img, is_absolute_url(native.url) ? native.url : std::string());
  hx::write_channel(ch, c_, native, &foreign_in_channel);

  const std::string base = is_absolute_url(native.url) ? native.url : std::string();
  for (const Item& item : c_.items) {
    const Article& a = article_of(item);
    pugi::xml_node it = ch.append_child("item");
    item_native(it, a);
    Item back = reader.read_item(it, base, Path{}, nullptr);
    hx::write_item(it, item, article_of(back), &foreign_in_item);
  }

  std::string out;
  struct StringWriter : pugi::xml_writer {
    std::string* s;
    void write(const void* data, std::size_t size) override { s->append(static_cast<const char*>(data), size); }
  } w;
  w.s = &out;
  if (options_.pretty) {
    const std::string indent(static_cast<std::size_t>(std::max(0, options_.indent)), ' ');
    doc.save(w, indent.c_str(), pugi::format_indent, pugi::encoding_utf8);
  } else {
    doc.save(w, "", pugi::format_raw, pugi::encoding_utf8);
  }
  return out;
}

}  // namespace

/// Whether the prolog of `bytes` (an 8-bit or UTF-8 document) holds a DOCTYPE
/// naming Netscape (`-//Netscape Communications//DTD RSS 0.91//EN`, or the
/// DTD at my.netscape.com). The repaired text no longer has the DOCTYPE.
bool has_netscape_doctype(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, std::min<std::size_t>(bytes.size(), 2048));
  auto find_ci = [head](std::string_view what, std::size_t from) {
    for (std::size_t i = from; i + what.size() <= head.size(); ++i) {
      if (ascii_iequal(head.substr(i, what.size()), what)) return i;
    }
    return std::string_view::npos;
  };
  const std::size_t doctype = find_ci("<!DOCTYPE", 0);
  if (doctype == std::string_view::npos) return false;
  const std::size_t end = head.find('>', doctype);
  const std::size_t netscape = find_ci("netscape", doctype);
  return netscape != std::string_view::npos && (end == std::string_view::npos || netscape < end);
}

namespace {

/// Reads `bytes`; when `owned` (holding the same bytes) is given, it is parsed in place.
Collection read_rss_impl(std::string_view bytes, std::string* owned, const ReadOptions& options) {
  Collection c;
  {
    // Before loading: the bytes may be parsed in place.
    const bool netscape = has_netscape_doctype(bytes);
    detail::XmlInput in = owned ? detail::load_xml(std::move(*owned), options, kFormat) : load(bytes, options);
    c.diagnostics = std::move(in.diagnostics);
    const pugi::xml_node root = in.doc.document_element();
    if (!root) throw ParseError(std::string(kFormat), "no root element", {}, {}, options.file_name);
    Reader reader(options, in.source(bytes), c);
    // Parsed in place (its line starts noted): the buffer is ours to release as items are read.
    if (!in.line_starts.empty()) reader.set_spent_input(detail::SpentInput(in.text.data(), in.text.size()));
    reader.adopt_line_starts(std::move(in.line_starts));
    reader.set_netscape_doctype(netscape);
    reader.read_document(root);
  }  // the document (and the input, when handed over) is released here
  detail::finish_feed(c, options);
  return c;
}

}  // namespace

Collection read_rss(std::string_view bytes, const ReadOptions& options) {
  return read_rss_impl(bytes, nullptr, options);
}

Collection detail::read_rss_owned(std::string&& bytes, const ReadOptions& options) {
  const std::string_view view = bytes;
  return read_rss_impl(view, &bytes, options);
}

Result<Collection> try_read_rss(std::string_view bytes, const ReadOptions& options) noexcept {
  try {
    return read_rss(bytes, options);
  } catch (const ParseError& e) {
    return e;
  } catch (const std::bad_alloc&) {
    return ParseError(std::string(kFormat), "out of memory", {}, {}, options.file_name);
  } catch (const std::exception& e) {
    return ParseError(std::string(kFormat), e.what(), {}, {}, options.file_name);
  }
}

std::string write_rss(const Collection& collection, const WriteOptions& options) {
  Writer w(collection, options);
  return w.write();
}

}  // namespace hrnews
