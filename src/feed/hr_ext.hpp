// SPDX-License-Identifier: Apache-2.0
// Internal: the hrnews XML extension namespace for feeds, shared by the RSS and
// Atom readers and writers (reference: docs/format-feeds.md, "hrnews extension
// namespace").
//
// The idea: a feed writer first writes everything the host format can say in
// its own elements (`<title>`, `<pubDate>`, `<category domain>`…), then asks
// its own reader what a reader will get back from those elements (the
// "native view" of the item), and hands both to `write_item`. The extension
// then holds exactly what the native elements could not say:
//
//  * fields the host has no place for (subjects, countries, event,
//    intervention…), always written when set;
//  * *overrides*: a field whose native view differs from the model (a
//    timestamp whose raw text or precision RFC 822 cannot keep, a category
//    with a label, a person with a URI, a text type…) is written whole in
//    `hr:` and, on reading, replaces what the native elements said;
//  * extensions: unknown foreign elements a reader kept (`{uri}local` → outer
//    XML) are written back verbatim; anything else as `hr:extension`.
//
// A reader applies `apply_item` / `apply_channel` to the `hr:` children of an
// item or channel *after* reading the native elements, so the extension wins.
// Inside an `hr:` element, children are matched by local name only.
//
// Every string goes through the escape convention below, so any model value —
// control characters and invalid UTF-8 included — round-trips, and the output
// is always well-formed XML 1.0.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include <hrnews/collection.hpp>

namespace hrnews::detail::hr {

/// The namespace URI of the hrnews feed extension.
inline constexpr std::string_view ns_uri = "urn:hrnews:feed-extension:1.0";
/// The prefix the writers declare for it.
inline constexpr std::string_view ns_prefix = "hr";

// ---------------------------------------------------------------------------
// Characters

/// A copy of `s` that XML 1.0 can carry: each invalid UTF-8 byte (including
/// encoded surrogates and overlong forms), each C0 control character other
/// than TAB, LF and CR, and U+FFFE / U+FFFF become U+FFFD. Use it for every
/// string a writer puts into native elements or attributes.
std::string xml_safe(std::string_view s);
/// True when `xml_safe(s) == s` (no allocation).
bool is_xml_safe(std::string_view s) noexcept;

/// What a reader will see when `s` is written as element text (by pugixml)
/// and parsed back: `xml_safe(s)` with CR LF and lone CR turned into LF (XML
/// end-of-line handling), and empty when only whitespace is left.
std::string element_text_view(std::string_view s);

/// Removes leading and trailing XML whitespace (space, TAB, LF, CR).
std::string_view trim(std::string_view s) noexcept;

// ---------------------------------------------------------------------------
// Namespaces

/// The namespaces the feed readers understand.
enum class Ns {
  none,      ///< no namespace
  hr,        ///< urn:hrnews:feed-extension:1.0
  xml,       ///< http://www.w3.org/XML/1998/namespace
  dc,        ///< http://purl.org/dc/elements/1.1/
  dcterms,   ///< http://purl.org/dc/terms/
  content,   ///< http://purl.org/rss/1.0/modules/content/
  atom,      ///< http://www.w3.org/2005/Atom
  atom03,    ///< http://purl.org/atom/ns#
  media,     ///< http://search.yahoo.com/mrss/
  georss,    ///< http://www.georss.org/georss
  gml,       ///< http://www.opengis.net/gml
  geo,       ///< http://www.w3.org/2003/01/geo/wgs84_pos#
  rdf,       ///< http://www.w3.org/1999/02/22-rdf-syntax-ns#
  rss090,    ///< http://my.netscape.com/rdf/simple/0.9/
  rss10,     ///< http://purl.org/rss/1.0/
  xhtml,     ///< http://www.w3.org/1999/xhtml
  other,     ///< any other URI (a foreign extension)
};

/// Normalises a namespace URI for comparison: surrounding whitespace removed,
/// ASCII lower case, `http://`/`https://` dropped, one trailing `/` or `#` dropped.
std::string normalize_namespace(std::string_view uri);

/// The namespace a URI names, tolerating the variants `normalize_namespace`
/// folds. `variant` (when given) is set to true when `uri` is not the exact
/// canonical spelling of a known namespace (a repair worth a diagnostic).
Ns classify_namespace(std::string_view uri, bool* variant = nullptr);

/// The canonical URI of a known namespace (empty for `none` and `other`).
std::string_view canonical_uri(Ns ns) noexcept;

/// The local part of a qualified name (`dc:creator` → `creator`).
std::string_view local_name(std::string_view qname) noexcept;
/// The prefix of a qualified name (`dc:creator` → `dc`, `title` → empty).
std::string_view name_prefix(std::string_view qname) noexcept;

/// The namespace URI bound to `prefix` (empty: the default namespace) at
/// `node`, by walking `xmlns` attributes up the tree. `xml` is always bound.
/// Returns empty when unbound. Linear in depth: for occasional use.
std::string lookup_namespace(pugi::xml_node node, std::string_view prefix);

/// In-scope namespace declarations while a reader walks down a document:
/// `push` an element before reading its children, `pop` after.
class NsScope {
 public:
  /// Declares what `element` declares (its `xmlns` and `xmlns:*` attributes);
  /// returns how many bindings were added (give it to `pop`).
  std::size_t push(pugi::xml_node element);
  /// Removes the last `count` bindings.
  void pop(std::size_t count);
  /// The URI bound to `prefix` (empty prefix: default namespace), or empty.
  std::string_view uri(std::string_view prefix) const noexcept;
  /// The namespace of an element (from its name's prefix).
  Ns ns_of(pugi::xml_node element) const { return ns_of_name(element.name()); }
  /// The namespace of a qualified element name.
  Ns ns_of_name(std::string_view qname) const;
  /// The URI of an element's namespace (empty when none).
  std::string_view uri_of(pugi::xml_node element) const { return uri(name_prefix(element.name())); }
  /// A repair the scope made: a namespace URI variant accepted, or an
  /// undeclared well-known prefix (`dc:`, `media:`…) bound to its usual URI.
  struct Note {
    std::string code;     ///< `namespace-variant` or `namespace-undeclared`
    std::string message;  ///< what was accepted
    pugi::xml_node where; ///< the element where it was first seen
  };
  /// The notes gathered since the last call (each distinct case once).
  std::vector<Note> take_notes();

  /// A note placed: its line and column found while its element still
  /// existed (a reader may drop the elements it has read).
  struct HeldNote {
    std::string code;     ///< as Note::code
    std::string message;  ///< as Note::message
    std::size_t line = 0;    ///< 0 when unknown
    std::size_t column = 0;  ///< 0 when unknown
  };
  /// Places the notes gathered so far with `locate` (a node, possibly null ->
  /// `std::pair` of line and column) and holds them, after those held before.
  template <class Locate>
  void hold_notes(Locate&& locate) {
    for (Note& note : take_notes()) {
      const std::pair<std::size_t, std::size_t> at = locate(note.where);
      held_.push_back({std::move(note.code), std::move(note.message), at.first, at.second});
    }
  }
  /// The notes held so far, in order; none are held afterwards.
  std::vector<HeldNote> take_held_notes() {
    std::vector<HeldNote> out;
    out.swap(held_);
    return out;
  }

 private:
  struct Binding {
    std::string_view prefix;
    std::string_view uri;
    Ns ns;
  };
  std::vector<Binding> bindings_;
  mutable std::vector<Note> notes_;
  mutable std::vector<std::string> noted_;  // URIs / prefixes already noted
  std::vector<HeldNote> held_;
};

/// The outer XML of a foreign element, compact, with declarations added for
/// every prefix its subtree uses but declares outside itself, so the text
/// stands alone: `<foo:bar xmlns:foo="urn:x">…</foo:bar>`.
std::string outer_xml(pugi::xml_node element);

/// The content of an element as markup: element children printed as XML,
/// text escaped for HTML, CDATA sections as they are (their content is taken
/// to be markup already). For unescaped markup found inside a text element.
std::string inner_xml(pugi::xml_node element);

/// Decodes one UTF-8 character at s[i] (advancing i); 0xFFFFFFFF when invalid.
std::uint32_t next_code_point(std::string_view s, std::size_t& i) noexcept;
/// An NCName (XML 1.0 fifth edition name without colons).
bool is_ncname(std::string_view s) noexcept;
/// A QName: NCName or NCName:NCName.
bool is_qname(std::string_view s) noexcept;
/// The guard every XML writer applies to markup taken from the model (kept
/// foreign elements, XHTML): names are QNames, prefixes are declared,
/// attributes are unique, declarations are legal and never a variant spelling
/// of a known namespace URI. `element_ok` (may be empty) decides on each
/// element's namespace URI. `top` itself is not checked, its descendants are.
bool namespace_well_formed(pugi::xml_node top, const std::function<bool(std::string_view)>& element_ok);

/// The key under which a foreign element is kept in `extensions`:
/// `{namespace-uri}local` (Clark notation); `{}local` for no namespace.
std::string extension_key(std::string_view uri, std::string_view local);

/// Keeps a foreign element in `ext`: under `extension_key(uri, local name)`,
/// the element's `outer_xml` as a JSON string (extension values are JSON text
/// in the model, so the canonical formats carry them unchanged). A second
/// element with the same key is appended to the same string.
void keep_foreign(Extensions& ext, std::string_view uri, pugi::xml_node element);

/// Decides whether the host reader treats an element as foreign (keeps it as
/// an extension) rather than understanding it: (namespace URI, local name).
using ForeignTest = std::function<bool(std::string_view uri, std::string_view local)>;

/// When the extension `key → value` is a kept foreign element (or several with
/// the same name; `value` is the JSON string `keep_foreign` made) that the
/// host reader will read back into exactly this entry, appends it verbatim under `parent` and returns true; otherwise
/// leaves `parent` alone and returns false.
bool append_raw_extension(pugi::xml_node parent, std::string_view key, std::string_view value,
                          const ForeignTest& is_foreign);

// ---------------------------------------------------------------------------
// Values (the escape convention)

/// Sets the text of `el` to `value`. When the text would not come back
/// verbatim (characters XML cannot carry, CR, leading/trailing whitespace,
/// whitespace only), writes it escaped and lists `#text` in the `escaped`
/// attribute: `\\` is a backslash, `\xHH` a byte.
void set_text(pugi::xml_node el, std::string_view value);
/// Sets attribute `name` of `el` (escaped as `set_text` when needed, and listed in `escaped`).
void set_attr(pugi::xml_node el, const char* name, std::string_view value);
/// Sets attribute `name` only when `value` is not empty.
void set_attr_if(pugi::xml_node el, const char* name, std::string_view value);
/// The text of `el` (all text and CDATA children), unescaped when `escaped` says so.
std::string get_text(pugi::xml_node el);
/// Attribute `name` of `el`, unescaped when `escaped` says so (empty when absent).
std::string get_attr(pugi::xml_node el, const char* name);

/// Appends an element `hr:<local>` (with the writer's prefix) to `parent`.
pugi::xml_node add(pugi::xml_node parent, std::string_view local);

// ---------------------------------------------------------------------------
// Writing

/// Declares `xmlns:hr` on the root element.
void declare(pugi::xml_node root);

/// Writes the extension of one item (`<item>`, `<entry>`) under `parent`:
/// every field of `item` that `native` — what the host reader gets from the
/// native elements already written — does not hold equal, the hr-only fields,
/// the intervention part, and `item`'s extensions (kept foreign elements
/// verbatim when `is_foreign` accepts them, the rest as `hr:extension`).
/// Pass an empty `Article` as `native` to write every field.
void write_item(pugi::xml_node parent, const Item& item, const Article& native, const ForeignTest& is_foreign);

/// Writes the feed-level extension under `parent` (`<channel>`, `<feed>`):
/// every `Feed` field that `native` does not hold equal, plus the feed's
/// extensions, then the collection-level parts: campaigns, schemes,
/// diagnostics and the collection's own extensions.
void write_channel(pugi::xml_node parent, const Collection& collection, const Feed& native,
                   const ForeignTest& is_foreign);

// ---------------------------------------------------------------------------
// Reading

/// Called for each problem found in the extension: the element, a diagnostic
/// code (`extension-invalid`) and a message. The host turns it into a
/// diagnostic with line, column and path.
using Report = std::function<void(pugi::xml_node where, std::string code, std::string message)>;

/// Applies the `hr:` children of an item (in document order) to `item`:
/// overrides replace fields, hr-only fields are set, `hr:intervention` turns
/// the item into an `Intervention`, `hr:extension` adds to `extensions`.
/// Unknown `hr:` elements are kept in `extensions` like any foreign element.
void apply_item(const std::vector<pugi::xml_node>& hr_children, Item& item, const Report& report);

/// Applies the `hr:` children of a channel/feed to the collection: `Feed`
/// overrides and extensions, campaigns, schemes, diagnostics (restored before
/// any diagnostic of this reading: put them first) and collection extensions.
void apply_channel(const std::vector<pugi::xml_node>& hr_children, Collection& collection, const Report& report);

// ---------------------------------------------------------------------------
// Shared small writers/readers for the host formats

/// True when `s` looks like HTML: a tag (`<p`, `</`, `<!`) or a character
/// reference (`&amp;`, `&#233;`, `&#xE9;`). Used to tell HTML from plain text
/// where a format does not say (RSS titles and descriptions).
bool looks_like_html(std::string_view s) noexcept;

/// Resolves the `href` and `src` attribute values of the tags in `html`
/// against `base` (RFC 3986, by `hrnews::resolve_url`), in one linear scan
/// without parsing the HTML otherwise. Comments are skipped. Returns `html`
/// unchanged when `base` is empty.
std::string resolve_html_urls(std::string_view html, std::string_view base);
/// Like the other overload, without copying when nothing needs resolving.
std::string resolve_html_urls(std::string&& html, std::string_view base);

/// Shortest decimal text that reads back as exactly `v` (locale-independent).
std::string format_double(double v);
/// Parses a whole decimal number (surrounding whitespace and a leading `+` allowed; locale-independent).
std::optional<double> parse_double(std::string_view s) noexcept;
/// Parses a whole non-negative integer (surrounding whitespace allowed).
std::optional<std::uint64_t> parse_uint(std::string_view s) noexcept;

}  // namespace hrnews::detail::hr
