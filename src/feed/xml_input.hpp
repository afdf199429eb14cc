// SPDX-License-Identifier: Apache-2.0
// Internal: turning the bytes of a real-world XML feed into a pugixml document,
// repairing what can be repaired and recording each repair as a diagnostic.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include <hrnews/collection.hpp>
#include <hrnews/diagnostic.hpp>
#include <hrnews/error.hpp>
#include <hrnews/options.hpp>

namespace hrnews::detail {

/// A parsed XML feed and what was repaired to get it.
struct XmlInput {
  pugi::xml_document doc;               ///< the parsed document (UTF-8)
  /// The repaired UTF-8 text the document was parsed from, or the input
  /// handed over to load_xml when it needed no change (then parsed in place:
  /// overwritten by pugixml, see `line_starts`). Empty when the input was
  /// valid UTF-8 needing no change and not handed over: the document was then
  /// parsed from pugixml's own copy of the input. Use source() for
  /// offset_debug() offsets.
  std::string text;
  std::vector<Diagnostic> diagnostics;  ///< one per kind of repair, with line/column of the first case
  std::string encoding;                 ///< the character set the input was decoded from (`utf-8`, `windows-1252`…)

  /// Offsets of the line starts of the text the document was parsed from,
  /// recorded before pugixml parsed `text` in place (which overwrites it).
  /// Empty when the document was parsed from a copy: the text is then
  /// pristine and line starts are found only when a diagnostic needs them.
  std::vector<std::size_t> line_starts;

  /// The text `xml_node::offset_debug()` offsets refer to: `text`, or `bytes`
  /// (the input given to load_xml) when `text` is empty. When `line_starts`
  /// is set, only its size is meaningful (the bytes were parsed in place).
  std::string_view source(std::string_view bytes) const noexcept {
    return text.empty() ? bytes : std::string_view(text);
  }
};

/// The offsets just after each LF of `text`, preceded by 0: the line starts.
std::vector<std::size_t> find_line_starts(std::string_view text);

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

/// As the other overload, for input the caller hands over: when it needs no
/// repair it is parsed in place (no copy; `text` then holds it and
/// `line_starts` is set).
XmlInput load_xml(std::string&& bytes, const ReadOptions& options, std::string_view format);

/// Removes an element the reader is done with (an item, an entry) from its
/// document, with the text just before it (the white space between items), so
/// that pugixml frees the memory pages it filled: a page goes only once all it
/// holds is gone. The items being read then reuse that memory instead of the
/// whole document living until the end of the feed.
void drop_read_element(pugi::xml_node element);

/// The buffer a feed was parsed in place in, handed back to the system page
/// by page as the reader is done with its parts: once an item is read and
/// dropped, nothing reads its bytes again (the model holds copies), so the
/// whole pages between its start and the next element's start are released
/// (Linux `madvise(MADV_DONTNEED)`: they read as zeros if touched again;
/// elsewhere nothing is released). The items being built then do not sit on
/// top of the whole input. The JSON Feed reader spends its tape the same
/// way, item by item. Default-constructed (a document parsed from a
/// copy, or input too small to matter): releases nothing.
class SpentInput {
 public:
  SpentInput() = default;
  /// For the buffer `data`/`size` the document was parsed in place in.
  SpentInput(char* data, std::size_t size) noexcept : data_(data), size_(size) {}
  /// The bytes at offsets [from, to) (as `xml_node::offset_debug()`) are read
  /// no more. Runs of adjacent spans are released in steps of at least 1 MiB.
  void spend(std::ptrdiff_t from, std::ptrdiff_t to) noexcept;
  /// Bytes released so far.
  std::size_t released() const noexcept { return released_; }

 private:
  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t run_end_ = 0;   // where the current run of spent bytes ends
  std::size_t pending_ = 0;   // start of the run's pages not yet released (page-aligned offset)
  std::size_t released_ = 0;
};

/// `read_rss` for input the caller hands over (parsed in place; see load_xml).
Collection read_rss_owned(std::string&& bytes, const ReadOptions& options);
/// `read_atom` for input the caller hands over (parsed in place; see load_xml).
Collection read_atom_owned(std::string&& bytes, const ReadOptions& options);

/// Resolves one HTML 5 named character reference (`nbsp`, `eacute`, `rsquo`…,
/// without `&` and `;`) to its UTF-8 text; empty when unknown.
std::string_view html_entity(std::string_view name) noexcept;

}  // namespace hrnews::detail
