// SPDX-License-Identifier: Apache-2.0
// Format-independent reading and writing: the registry of formats, content
// sniffing and whole-file reading.
//
// A format is one row of `format_table()`. Adding a format (rss, atom,
// jsonfeed, xml…) means adding its row with the reader and writer functions
// from its header; `detect_format` already recognises the feed formats.

#include <hrnews/io.hpp>

#include <cerrno>
#include <cstdio>
#include <exception>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include <sys/stat.h>  // fstat

#include <hrnews/atom.hpp>
#include <hrnews/json.hpp>
#include <hrnews/jsonfeed.hpp>
#include <hrnews/jsonl.hpp>
#include <hrnews/jsonld.hpp>
#include <hrnews/ninjs.hpp>
#include <hrnews/reliefweb.hpp>
#include <hrnews/rss.hpp>
#include <hrnews/serialization.hpp>
#include <hrnews/xml.hpp>

#include "feed/xml_input.hpp"  // read_rss_owned, read_atom_owned
#include "feed/common.hpp"     // read_jsonfeed_owned

namespace hrnews {
namespace {

using ReadFn = Collection (*)(std::string_view, const ReadOptions&);
using WriteFn = std::string (*)(const Collection&, const WriteOptions&);

/// One row of the registry. A null function means "not available in this build".
struct FormatEntry {
  std::string_view id;
  std::string_view description;
  ReadFn reader;
  WriteFn writer;
};

Collection read_json_entry(std::string_view data, const ReadOptions& options) {
  return read_json(data, options);
}
std::string write_json_entry(const Collection& collection, const WriteOptions& options) {
  return write_json(collection, options);
}
Collection read_jsonl_entry(std::string_view data, const ReadOptions& options) {
  return read_jsonl(data, options);
}
std::string write_jsonl_entry(const Collection& collection, const WriteOptions& /*options*/) {
  return write_jsonl(collection);
}
Collection read_atom_entry(std::string_view data, const ReadOptions& options) {
  return read_atom(data, options);
}
std::string write_atom_entry(const Collection& collection, const WriteOptions& options) {
  return write_atom(collection, options);
}
Collection read_jsonfeed_entry(std::string_view data, const ReadOptions& options) {
  return read_jsonfeed(data, options);
}
Collection read_rss_entry(std::string_view data, const ReadOptions& options) {
  return read_rss(data, options);
}
std::string write_rss_entry(const Collection& collection, const WriteOptions& options) {
  return write_rss(collection, options);
}
std::string write_jsonfeed_entry(const Collection& collection, const WriteOptions& options) {
  return write_jsonfeed(collection, options);
}
Collection read_boost_text_entry(std::string_view data, const ReadOptions& options) {
  return read_boost(data, ArchiveKind::text, options);
}
std::string write_boost_text_entry(const Collection& collection, const WriteOptions& /*options*/) {
  return write_boost(collection, ArchiveKind::text);
}
Collection read_boost_binary_entry(std::string_view data, const ReadOptions& options) {
  return read_boost(data, ArchiveKind::binary, options);
}
std::string write_boost_binary_entry(const Collection& collection, const WriteOptions& /*options*/) {
  return write_boost(collection, ArchiveKind::binary);
}
Collection read_boost_xml_entry(std::string_view data, const ReadOptions& options) {
  return read_boost(data, ArchiveKind::xml, options);
}
std::string write_boost_xml_entry(const Collection& collection, const WriteOptions& /*options*/) {
  return write_boost(collection, ArchiveKind::xml);
}
Collection read_xml_entry(std::string_view data, const ReadOptions& options) {
  return read_xml(data, options);
}
std::string write_xml_entry(const Collection& collection, const WriteOptions& options) {
  return write_xml(collection, options);
}
std::string write_ninjs_entry(const Collection& collection, const WriteOptions& options) {
  return write_ninjs(collection, options);
}
std::string write_ninjs_hrnews_entry(const Collection& collection, const WriteOptions& options) {
  NinjsOptions n;
  n.pretty = options.pretty;
  n.indent = options.indent;
  n.hrnews_extension = true;
  return write_ninjs(collection, n);
}
std::string write_jsonld_entry(const Collection& collection, const WriteOptions& options) {
  return write_jsonld(collection, options);
}
Collection read_reliefweb_entry(std::string_view data, const ReadOptions& options) {
  return read_reliefweb(data, options);
}

/// Every format this build knows, in a stable order. Formats that are only
/// recognised by `detect_format` (no reader or writer yet) have null functions;
/// they give precise messages ("no reader for format") instead of "unknown format".
const std::vector<FormatEntry>& format_table() {
  static const std::vector<FormatEntry> table = {
      {"json", "hrnews canonical JSON (lossless)", &read_json_entry, &write_json_entry},
      {"jsonl", "hrnews JSON Lines: a header, then one record per line (streaming)",
       &read_jsonl_entry, &write_jsonl_entry},
      {"rss", "RSS 0.90-0.94 and 2.0 (writes 2.0 + hrnews extension)", &read_rss_entry, &write_rss_entry},
      {"rdf", "RSS 1.0 (RDF), read by the RSS reader", &read_rss_entry, nullptr},
      {"atom", "Atom 0.3 and 1.0 (writes 1.0 + hrnews extension)", &read_atom_entry, &write_atom_entry},
      {"jsonfeed", "JSON Feed 1.0 and 1.1 (writes 1.1)", &read_jsonfeed_entry, &write_jsonfeed_entry},
      {"xml", "hrnews canonical XML (lossless)", &read_xml_entry, &write_xml_entry},
      {"boost-text", "Boost.Serialization text archive", &read_boost_text_entry, &write_boost_text_entry},
      {"boost-binary", "Boost.Serialization binary archive (trusted data only, not portable)",
       &read_boost_binary_entry, &write_boost_binary_entry},
      {"boost-xml", "Boost.Serialization XML archive", &read_boost_xml_entry, &write_boost_xml_entry},
      {"ninjs", "IPTC ninjs 2.2: a JSON array of news objects (write only)", nullptr, &write_ninjs_entry},
      {"ninjs-hrnews", "IPTC ninjs 2.2 + the hrnews extension property (write only)", nullptr,
       &write_ninjs_hrnews_entry},
      {"jsonld", "schema.org JSON-LD: NewsArticle and Event nodes in a @graph (write only)", nullptr,
       &write_jsonld_entry},
      {"reliefweb", "ReliefWeb API reports response, v1 and v2 (read only)", &read_reliefweb_entry, nullptr},
  };
  return table;
}

const FormatEntry* find_format(std::string_view id) noexcept {
  for (const auto& entry : format_table()) {
    if (entry.id == id) return &entry;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------
// Sniffing

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool starts_with(std::string_view text, std::string_view prefix) noexcept {
  return text.substr(0, prefix.size()) == prefix;
}

/// Skips a UTF-8 byte-order mark and whitespace.
std::size_t skip_bom_and_space(std::string_view data) noexcept {
  std::size_t i = 0;
  if (data.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < data.size() && is_space(data[i])) ++i;
  return i;
}

/// What a bounded look at a JSON object's top level found.
struct JsonTop {
  bool has_hrnews = false;    ///< a member "hrnews"
  bool has_hrnews_parts = false;  ///< a member "feed" or "items"
  bool jsonfeed = false;      ///< "version": "https://jsonfeed.org/version/…"
  bool has_data = false;      ///< a member "data" (ReliefWeb API responses)
  bool api_envelope = false;  ///< a member "totalCount", "count", "time" or "href" (ReliefWeb API responses)
  bool complete = false;      ///< the object was closed
  std::size_t end = 0;        ///< offset just after the closing brace, when complete
};

/// Scans the JSON object starting at `data[start] == '{'` without building
/// anything: tracks strings and nesting, and looks at the member names of the
/// top level. Stops early once `stop_when_known` and an hrnews member was seen.
/// Malformed text just ends the scan (the reader will report it properly).
JsonTop scan_json_object(std::string_view data, std::size_t start, bool stop_when_known) {
  JsonTop top;
  std::size_t depth = 0;
  std::size_t i = start;
  // At depth 1: whether the next string is a member name, and the last name seen.
  bool expect_key = false;
  std::string_view last_key;
  bool value_of_version = false;
  while (i < data.size()) {
    const char c = data[i];
    if (c == '"') {
      const std::size_t begin = ++i;
      while (i < data.size() && data[i] != '"') {
        if (data[i] == '\\') ++i;
        ++i;
      }
      if (i >= data.size()) return top;  // unterminated string
      const std::string_view text = data.substr(begin, i - begin);
      ++i;
      if (depth == 1) {
        if (expect_key) {
          last_key = text;
          expect_key = false;
          if (text == "hrnews") top.has_hrnews = true;
          if (text == "feed" || text == "items") top.has_hrnews_parts = true;
          if (text == "data") top.has_data = true;
          if (text == "totalCount" || text == "count" || text == "time" || text == "href") top.api_envelope = true;
          value_of_version = text == "version";
          if (stop_when_known && top.has_hrnews) return top;
        } else if (value_of_version && last_key == "version") {
          if (text.find("jsonfeed.org/version/") != std::string_view::npos) top.jsonfeed = true;  // http/https variants too
          value_of_version = false;
        }
      }
      continue;
    }
    switch (c) {
      case '{':
      case '[':
        ++depth;
        if (depth == 1) expect_key = true;
        break;
      case '}':
      case ']':
        if (depth == 0) return top;
        --depth;
        if (depth == 0) {
          top.complete = true;
          top.end = i + 1;
          return top;
        }
        break;
      case ',':
        if (depth == 1) {
          expect_key = true;
          value_of_version = false;
        }
        break;
      default:
        break;
    }
    ++i;
  }
  return top;
}

/// The extent of the line starting at `pos` (without its line break).
std::string_view line_at(std::string_view data, std::size_t pos) noexcept {
  const std::size_t nl = data.find('\n', pos);
  std::string_view line = data.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
  while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
  return line;
}

/// JSON Lines: line 1 is a complete object with an "hrnews" member, and the
/// first further non-blank line is an object too. The cheap test comes first,
/// so that a large compact JSON document (one line) is not scanned.
bool looks_like_jsonl(std::string_view data, std::size_t start) {
  const std::string_view first = line_at(data, start);
  // The first non-blank line after line 1 must start with '{'.
  std::size_t pos = data.find('\n', start);
  bool more = false;
  while (pos != std::string_view::npos && !more) {
    std::size_t i = pos + 1;
    while (i < data.size() && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r')) ++i;
    if (i >= data.size()) break;
    if (data[i] != '\n') {
      if (data[i] != '{') return false;
      more = true;
    }
    pos = data[i] == '\n' ? i : std::string_view::npos;
  }
  if (!more) return false;  // a single object: a (compact) canonical JSON document
  const JsonTop top = scan_json_object(first, 0, false);
  if (!top.complete || !top.has_hrnews) return false;
  // Whatever follows the header object on its line must be blank.
  for (std::size_t i = top.end; i < first.size(); ++i) {
    if (!is_space(first[i])) return false;
  }
  return true;
}

/// Decodes enough of a UTF-16 or UTF-32 document to see its first markup:
/// the ASCII characters of the first code units (others become '?').
std::string widen_prefix_to_ascii(std::string_view data, std::size_t unit, bool big_endian,
                                  std::size_t skip) {
  std::string out;
  const std::size_t limit = 4096;
  for (std::size_t i = skip; i + unit <= data.size() && out.size() < limit; i += unit) {
    unsigned long value = 0;
    for (std::size_t b = 0; b < unit; ++b) {
      const auto byte = static_cast<unsigned char>(data[i + (big_endian ? b : unit - 1 - b)]);
      value = (value << 8) | byte;
    }
    out.push_back(value < 0x80 ? static_cast<char>(value) : '?');
  }
  return out;
}

/// The root element of an XML document, after the declaration, comments,
/// processing instructions and the DOCTYPE (with its internal subset).
std::string_view xml_root_name(std::string_view data, std::size_t i) {
  while (i < data.size()) {
    while (i < data.size() && is_space(data[i])) ++i;
    if (i >= data.size() || data[i] != '<') return {};
    const std::string_view rest = data.substr(i);
    if (starts_with(rest, "<?")) {
      const std::size_t end = data.find("?>", i + 2);
      if (end == std::string_view::npos) return {};
      i = end + 2;
    } else if (starts_with(rest, "<!--")) {
      const std::size_t end = data.find("-->", i + 4);
      if (end == std::string_view::npos) return {};
      i = end + 3;
    } else if (starts_with(rest, "<!")) {  // DOCTYPE, possibly with [internal subset]
      std::size_t j = i + 2;
      int brackets = 0;
      char quote = 0;
      for (; j < data.size(); ++j) {
        const char c = data[j];
        if (quote) {
          if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '[') {
          ++brackets;
        } else if (c == ']') {
          --brackets;
        } else if (c == '>' && brackets <= 0) {
          break;
        }
      }
      if (j >= data.size()) return {};
      i = j + 1;
    } else {
      std::size_t j = i + 1;
      while (j < data.size() && !is_space(data[j]) && data[j] != '>' && data[j] != '/') ++j;
      return data.substr(i + 1, j - i - 1);
    }
  }
  return {};
}

std::string detect_xml(std::string_view data, std::size_t start) {
  std::string_view name = xml_root_name(data, start);
  const std::size_t colon = name.find(':');
  const std::string_view local = colon == std::string_view::npos ? name : name.substr(colon + 1);
  if (local == "rss") return "rss";
  if (local == "RDF") return "rdf";
  if (local == "feed") return "atom";
  if (local == "entry") return "atom";  // an Atom entry document
  if (local == "hrnews") return "xml";
  if (local == "boost_serialization") return "boost-xml";
  return {};
}

/// A `data` array whose first element has a `fields` object (a ReliefWeb
/// response without its envelope): looked for in the first 64 KiB only.
bool looks_like_reliefweb_data(std::string_view data, std::size_t start) {
  const std::string_view head = data.substr(start, 65536);
  const std::size_t at = head.find("\"data\"");
  return at != std::string_view::npos && head.find("\"fields\"", at) != std::string_view::npos;
}

std::string detect_ascii(std::string_view data) {
  const std::size_t start = skip_bom_and_space(data);
  if (start >= data.size()) return {};
  if (data[start] == '<') return detect_xml(data, start);
  if (data[start] != '{') {
    // Junk before the root element (the feed readers drop it): look a little further for a feed root.
    const std::size_t lt = data.substr(0, std::size_t{4096}).find('<', start);
    if (lt == std::string_view::npos) return {};
    const std::string found = detect_xml(data, lt);
    return found == "xml" ? std::string() : found;
  }
  if (looks_like_jsonl(data, start)) return "jsonl";
  const JsonTop top = scan_json_object(data, start, true);
  if (top.has_hrnews) return "json";
  if (top.jsonfeed) return "jsonfeed";
  if (top.has_hrnews_parts) return "json";  // an hrnews document missing its version: let the reader say so
  if (top.has_data && (top.api_envelope || looks_like_reliefweb_data(data, start))) return "reliefweb";
  return {};
}

ParseError io_error(std::string message, const ReadOptions& options) {
  return ParseError("io", std::move(message), {}, {}, options.file_name);
}

std::string in_quotes(std::string_view text) {
  std::string out = "\"";
  out.append(text.data(), text.size());
  out += '"';
  return out;
}

}  // namespace

std::vector<FormatInfo> formats() {
  std::vector<FormatInfo> out;
  for (const auto& entry : format_table()) {
    if (!entry.reader && !entry.writer) continue;
    out.push_back({std::string(entry.id), std::string(entry.description), entry.reader != nullptr,
                   entry.writer != nullptr});
  }
  return out;
}

std::string detect_format(std::string_view data) {
  const auto b0 = data.size() > 0 ? static_cast<unsigned char>(data[0]) : 0u;
  const auto b1 = data.size() > 1 ? static_cast<unsigned char>(data[1]) : 0u;
  // Boost text and binary archives start with their signature (text: "22 serialization::archive 18";
  // binary: the signature's length as a binary integer, then the signature).
  if (data.substr(0, 40).find("serialization::archive") != std::string_view::npos) {
    return b0 >= '0' && b0 <= '9' ? "boost-text" : "boost-binary";
  }
  // UTF-32 and UTF-16 (with a byte-order mark, or XML's "<?" without one) can
  // only be XML feeds here: JSON formats are UTF-8.
  if (data.size() >= 4) {
    const std::string_view head = data.substr(0, 4);
    if (head == std::string_view("\xFF\xFE\0\0", 4)) return detect_xml(widen_prefix_to_ascii(data, 4, false, 4), 0);
    if (head == std::string_view("\0\0\xFE\xFF", 4)) return detect_xml(widen_prefix_to_ascii(data, 4, true, 4), 0);
    if (head == std::string_view("<\0?\0", 4)) return detect_xml(widen_prefix_to_ascii(data, 2, false, 0), 0);
    if (head == std::string_view("\0<\0?", 4)) return detect_xml(widen_prefix_to_ascii(data, 2, true, 0), 0);
  }
  if (b0 == 0xFF && b1 == 0xFE) return detect_xml(widen_prefix_to_ascii(data, 2, false, 2), 0);
  if (b0 == 0xFE && b1 == 0xFF) return detect_xml(widen_prefix_to_ascii(data, 2, true, 2), 0);
  return detect_ascii(data);
}

Collection read(std::string_view data, std::string_view format, const ReadOptions& options) {
  std::string detected;
  if (format.empty()) {
    detected = detect_format(data);
    if (detected.empty()) throw io_error("cannot detect the format of the input", options);
    format = detected;
  }
  const FormatEntry* entry = find_format(format);
  if (!entry) throw io_error("unknown format " + in_quotes(format), options);
  if (!entry->reader) throw io_error("no reader for format " + in_quotes(format), options);
  return entry->reader(data, options);
}

Result<Collection> try_read(std::string_view data, std::string_view format,
                            const ReadOptions& options) noexcept {
  try {
    return read(data, format, options);
  } catch (const ParseError& e) {
    return e;
  } catch (const std::bad_alloc&) {
    return io_error("out of memory", options);
  } catch (const std::exception& e) {
    return io_error(e.what(), options);
  }
}

Collection read_file(const std::string& path, std::string_view format, ReadOptions options) {
  if (options.file_name.empty()) options.file_name = path;
  errno = 0;
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) {
    throw std::system_error(errno != 0 ? errno : ENOENT, std::generic_category(), "cannot open " + in_quotes(path));
  }
  std::string data;
  // Reserve the whole size up front: growing the string by doubling would
  // briefly hold two copies of a large feed.
  struct stat info {};
  if (::fstat(::fileno(file.get()), &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
    data.reserve(static_cast<std::size_t>(info.st_size));
  }
  char buffer[65536];
  for (;;) {
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, file.get());
    data.append(buffer, n);
    if (n < sizeof buffer) break;
  }
  if (std::ferror(file.get())) {  // e.g. EISDIR for a directory
    throw std::system_error(errno != 0 ? errno : EIO, std::generic_category(), "cannot read " + in_quotes(path));
  }
  // RSS and Atom parse the bytes read in place (no second copy of a large feed).
  const std::string detected = format.empty() ? detect_format(data) : std::string();
  const std::string_view id = format.empty() ? std::string_view(detected) : format;
  const FormatEntry* entry = find_format(id);
  if (entry && entry->reader == &read_rss_entry) return detail::read_rss_owned(std::move(data), options);
  if (entry && entry->reader == &read_atom_entry) return detail::read_atom_owned(std::move(data), options);
  if (entry && entry->reader == &read_jsonfeed_entry) return detail::read_jsonfeed_owned(std::move(data), options);
  return read(data, format, options);
}

std::string write(const Collection& collection, std::string_view format, const WriteOptions& options) {
  const FormatEntry* entry = find_format(format);
  if (!entry) throw std::invalid_argument("unknown format " + in_quotes(format));
  if (!entry->writer) throw std::invalid_argument("no writer for format " + in_quotes(format));
  return entry->writer(collection, options);
}

}  // namespace hrnews
