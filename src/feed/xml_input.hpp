// SPDX-License-Identifier: Apache-2.0
// Internal: turning the bytes of a real-world XML feed into a pugixml document,
// repairing what can be repaired and recording each repair as a diagnostic.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include <hrnews/diagnostic.hpp>
#include <hrnews/error.hpp>
#include <hrnews/options.hpp>

namespace hrnews::detail {

/// A parsed XML feed and what was repaired to get it.
struct XmlInput {
  pugi::xml_document doc;               ///< the parsed document (UTF-8)
  /// The repaired UTF-8 text the document was parsed from. Empty when the input
  /// was valid UTF-8 needing no change: the document was then parsed straight
  /// from the input bytes (no copy). Use source() for offset_debug() offsets.
  std::string text;
  std::vector<Diagnostic> diagnostics;  ///< one per kind of repair, with line/column of the first case
  std::string encoding;                 ///< the character set the input was decoded from (`utf-8`, `windows-1252`…)

  /// The text `xml_node::offset_debug()` offsets refer to: `text`, or `bytes`
  /// (the input given to load_xml) when `text` is empty.
  std::string_view source(std::string_view bytes) const noexcept {
    return text.empty() ? bytes : std::string_view(text);
  }
};

/// Decodes `bytes` to UTF-8: BOM (UTF-8/16/32), then the XML declaration's
/// encoding, then `options.charset`, else UTF-8. Invalid sequences become
/// U+FFFD (diagnostic `invalid-utf8` / `invalid-bytes`), C0 controls other than
/// TAB/LF/CR are removed (`control-character`). Returns the UTF-8 text; sets
/// `encoding`. In strict mode the first repair throws ParseError.
std::string decode_xml_bytes(std::string_view bytes, const ReadOptions& options, std::string_view format,
                             std::vector<Diagnostic>& diagnostics, std::string& encoding);

/// Loads an XML feed: decode, then repair (DOCTYPE dropped and its entities
/// never expanded, HTML named entities resolved, bare `&` escaped, stray `<` in
/// text escaped, junk before the root element dropped, missing end tags at
/// the end of input closed), then parse with pugixml. Nothing external is
/// ever fetched. Input that needs nothing is checked in one pass and parsed
/// without a copy of ours (`text` stays empty).
///
/// Diagnostic codes, each reported once with its count and first place:
/// `encoding-mismatch`, `encoding-unknown`, `invalid-bytes`, `invalid-utf8`,
/// `control-character`, `doctype`, `misplaced-declaration`, `junk-before-root`,
/// `junk-after-root`, `html-entity`, `undefined-entity`,
/// `invalid-character-reference`, `bare-ampersand`, `bare-less-than`,
/// `attribute-syntax`, `mismatched-end-tag`, `truncated`.
/// @throws ParseError (with line and column) when the input is not XML at all
///         (`empty input`, `not an XML document`, `gzip-compressed input; …`),
///         exceeds a limit, or (strict mode) needed any repair.
XmlInput load_xml(std::string_view bytes, const ReadOptions& options, std::string_view format);

/// Resolves one HTML 5 named character reference (`nbsp`, `eacute`, `rsquo`…,
/// without `&` and `;`) to its UTF-8 text; empty when unknown.
std::string_view html_entity(std::string_view name) noexcept;

}  // namespace hrnews::detail
