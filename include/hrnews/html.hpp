// SPDX-License-Identifier: Apache-2.0
/// @file html.hpp
/// @brief Safe HTML: an allowlist sanitizer for HTML found in feeds, and HTML to plain text.
///
/// Both functions run one small HTML tokenizer over the input (comments,
/// CDATA sections, raw-text elements such as `script` and `style`, unquoted
/// and malformed attributes, unclosed tags) in time linear in its length. They
/// never throw on bad markup: whatever cannot be understood is dropped or kept
/// as escaped text.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>

#include <hrnews/collection.hpp>

namespace hrnews::html {

/// What `sanitize` lets through. The defaults keep the formatting of news
/// text (paragraphs, lists, emphasis, links, images, tables, quotes) and
/// nothing that can run code, load a page or change the document around it.
struct SanitizeOptions {
  /// Elements kept (lower case). Elements not listed are dropped but their text
  /// is kept, except `script`, `style`, `iframe`, `object`, `svg`, `math`,
  /// `template`… whose whole content is dropped too.
  std::set<std::string> elements = {
      "a",    "abbr",   "b",      "blockquote", "br",  "caption", "cite",  "code",       "dd",    "del",
      "dfn",  "div",    "dl",     "dt",         "em",  "figcaption", "figure", "h1",     "h2",    "h3",
      "h4",   "h5",     "h6",     "hr",         "i",   "img",     "ins",   "kbd",        "li",    "mark",
      "ol",   "p",      "pre",    "q",          "s",   "samp",    "small", "span",       "strong", "sub",
      "sup",  "table",  "tbody",  "td",         "tfoot", "th",    "thead", "time",       "tr",    "u",
      "ul",   "var"};
  /// Attributes kept on any kept element (lower case).
  std::set<std::string> global_attributes = {"title", "lang", "dir"};
  /// Attributes kept on one element, as `element/attribute` (lower case).
  std::set<std::string> element_attributes = {
      "a/href",        "a/hreflang",   "img/src",        "img/alt",    "img/width", "img/height",
      "blockquote/cite", "q/cite",     "del/cite",       "ins/cite",   "del/datetime", "ins/datetime",
      "time/datetime", "td/colspan",   "td/rowspan",     "th/colspan", "th/rowspan", "th/scope",
      "ol/start",      "li/value"};
  /// Attributes whose value is a URL, checked against `url_schemes`.
  std::set<std::string> url_attributes = {"href", "src", "cite"};
  /// URL schemes allowed in URL attributes (lower case, without `:`).
  std::set<std::string> url_schemes = {"http", "https", "mailto"};
  /// Whether relative URLs (no scheme: `/a`, `../b`, `#c`, `?d`) are allowed.
  bool allow_relative_urls = true;
  /// Kept elements nested deeper than this are dropped (their text is kept).
  std::size_t max_depth = 256;
};

/// Returns `html` with everything outside the allowlist removed.
///
/// Comments, processing instructions and DOCTYPEs are dropped; the content
/// of a CDATA section is kept as text. Disallowed elements are dropped (the
/// content of `script`, `style`, `iframe`, `object`, `embed`, `svg`, `math`,
/// `template`, `noscript`, `textarea`, `title`, `xmp`, `noembed`, `noframes`,
/// `frameset`, `head`, `applet` and `select` with them). Disallowed attributes
/// — `on*`, `style`, `srcset`, `class`, `id`… — are dropped. A URL attribute is
/// kept only when, after character references are decoded and tab, line feed,
/// carriage return, leading/trailing spaces and control characters removed
/// (as browsers do), its scheme is allowed. The result is balanced (every
/// kept element is closed), attributes are double-quoted, text is escaped
/// (`&amp;`, `&lt;`, `&gt;`, `&quot;` in attributes), character references
/// are decoded to UTF-8, invalid UTF-8 becomes U+FFFD and control characters
/// other than tab, line feed and carriage return are removed. Void elements
/// are written `<br />`, so the result is also well-formed XHTML content.
/// Sanitizing twice gives the same result as sanitizing once.
std::string sanitize(std::string_view html, const SanitizeOptions& options = {});

/// The text of `html` for a plain-text summary: tags removed (with the content
/// of `script`, `style` and the other elements `sanitize` drops with their
/// content), character references decoded, runs of white space collapsed to
/// one space; block elements (`p`, `div`, `li`, `h1`…, `tr`, `blockquote`…)
/// and `br` become line breaks, at most one empty line in a row; no white
/// space at the start or end of a line or of the result.
std::string to_text(std::string_view html);

/// Sanitizes, in place, every `html` and `xhtml` `Text` of `collection` (feed
/// title, subtitle, rights; item title, summary, content, rights; campaign
/// title and summary). Plain texts are left alone. Used by the feed readers
/// when `ReadOptions::sanitize_html` is set.
void sanitize_collection(Collection& collection, const SanitizeOptions& options = {});

}  // namespace hrnews::html
