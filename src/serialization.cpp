// SPDX-License-Identifier: Apache-2.0
// Whole-collection Boost archives: the `boost-text`, `boost-binary` and
// `boost-xml` formats of the registry. The per-type `serialize` functions are
// in the public header hrnews/serialization.hpp.

#include <hrnews/serialization.hpp>

#include <exception>
#include <istream>
#include <new>
#include <ostream>
#include <sstream>
#include <streambuf>
#include <string>

#include "utf8.hpp"

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>

namespace hrnews {
namespace {

/// A read-only stream buffer over bytes that stay owned by the caller.
class ViewBuf : public std::streambuf {
 public:
  explicit ViewBuf(std::string_view data) {
    char* p = const_cast<char*>(data.data());  // never written: no put area, no putback into it
    setg(p, p, p + data.size());
  }

 protected:
  pos_type seekoff(off_type off, std::ios_base::seekdir dir, std::ios_base::openmode which) override {
    if (which & std::ios_base::out) return pos_type(off_type(-1));
    char* target = dir == std::ios_base::beg ? eback() : dir == std::ios_base::cur ? gptr() : egptr();
    target += off;
    if (target < eback() || target > egptr()) return pos_type(off_type(-1));
    setg(eback(), target, egptr());
    return pos_type(target - eback());
  }
  pos_type seekpos(pos_type pos, std::ios_base::openmode which) override {
    return seekoff(off_type(pos), std::ios_base::beg, which);
  }
};

/// An output buffer appending to a string.
class StringBuf : public std::streambuf {
 public:
  explicit StringBuf(std::string& out) : out_(out) {}

 protected:
  int_type overflow(int_type c) override {
    if (c != traits_type::eof()) out_.push_back(static_cast<char>(c));
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    out_.append(s, static_cast<std::size_t>(n));
    return n;
  }

 private:
  std::string& out_;
};

/// The escape introducer of XML archives: U+E000 (private use), as UTF-8.
constexpr std::string_view kEscape = "\xEE\x80\x80";

/// True for U+FFFE and U+FFFF (EF BF BE, EF BF BF), which XML 1.0 excludes.
bool non_character(const unsigned char* p) noexcept {
  return p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF);
}

/// Makes the output of `xml_oarchive` well-formed XML 1.0, reversibly: every
/// byte XML cannot carry (C0 controls but TAB and LF, CR, which parsers turn
/// into LF, bytes of invalid UTF-8 including CESU-8 surrogates, U+FFFE and
/// U+FFFF) and every byte of the introducer U+E000 itself become U+E000
/// followed by two upper-case hex digits. Boost escapes `<`, `>`, `&` and
/// quotes itself. See docs/format-boost.md.
std::string encode_xml_archive(const std::string& in) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(in.size() + in.size() / 16);
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const auto* end = p + in.size();
  auto escape = [&](unsigned char b) {
    out += kEscape;
    out += hex[b >> 4];
    out += hex[b & 0x0F];
  };
  while (p < end) {
    const unsigned char c = *p;
    if (c < 0x80) {
      if (c < 0x20 && c != '\t' && c != '\n') escape(c);
      else out += static_cast<char>(c);
      ++p;
      continue;
    }
    std::size_t bad = 0;
    const std::size_t n = detail::utf8_sequence(p, end, bad);
    if (n == 0) {
      for (std::size_t i = 0; i < bad; ++i) escape(p[i]);
      p += bad;
    } else if (n == 3 && (non_character(p) || (p[0] == 0xEE && p[1] == 0x80 && p[2] == 0x80))) {
      for (std::size_t i = 0; i < n; ++i) escape(p[i]);
      p += n;
    } else {
      out.append(reinterpret_cast<const char*>(p), n);
      p += n;
    }
  }
  return out;
}

int hex_digit(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// The inverse of `encode_xml_archive`.
/// @throws std::invalid_argument when U+E000 is not followed by two upper-case hex digits.
std::string decode_xml_archive(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  std::size_t i = 0;
  while (true) {
    const std::size_t at = in.find(kEscape, i);
    if (at == std::string_view::npos) break;
    out.append(in.data() + i, at - i);
    const std::size_t digits = at + kEscape.size();
    const int hi = digits + 1 < in.size() ? hex_digit(in[digits]) : -1;
    const int lo = hi >= 0 ? hex_digit(in[digits + 1]) : -1;
    if (lo < 0) {
      throw std::invalid_argument("U+E000 at byte " + std::to_string(at) +
                                  " is not followed by two hex digits (an escaped byte)");
    }
    out += static_cast<char>(hi * 16 + lo);
    i = digits + 2;
  }
  out.append(in.data() + i, in.size() - i);
  return out;
}

/// The class version of the collection in an XML archive (the `version`
/// attribute of its root element `<hrnews …>`), or 0 when not found.
unsigned xml_archive_version(std::string_view in) {
  const std::size_t root = in.find("<hrnews ");
  if (root == std::string_view::npos) return 0;
  const std::size_t close = in.find('>', root);
  const std::size_t attr = in.find(" version=\"", root);
  if (attr == std::string_view::npos || attr > close) return 0;
  unsigned v = 0;
  for (std::size_t i = attr + 10; i < in.size() && in[i] >= '0' && in[i] <= '9' && v < 1000; ++i)
    v = v * 10 + static_cast<unsigned>(in[i] - '0');
  return v;
}

}  // namespace

std::string_view to_string(ArchiveKind kind) noexcept {
  switch (kind) {
    case ArchiveKind::text: return "boost-text";
    case ArchiveKind::binary: return "boost-binary";
    case ArchiveKind::xml: return "boost-xml";
  }
  return "boost-text";
}

std::string write_boost(const Collection& collection, ArchiveKind kind) {
  std::string out;
  StringBuf buf(out);
  std::ostream os(&buf);
  {
    switch (kind) {
      case ArchiveKind::text: {
        boost::archive::text_oarchive ar(os);
        ar << collection;
        break;
      }
      case ArchiveKind::binary: {
        boost::archive::binary_oarchive ar(os);
        ar << collection;
        break;
      }
      case ArchiveKind::xml: {
        boost::archive::xml_oarchive ar(os);
        ar << boost::serialization::make_nvp("hrnews", collection);
        break;
      }
    }
  }  // archives finish their output when destroyed
  os.flush();
  if (kind == ArchiveKind::xml) return encode_xml_archive(out);
  return out;
}

Collection read_boost(std::string_view data, ArchiveKind kind, const ReadOptions& options) {
  const std::string format(to_string(kind));
  if (data.size() > options.limits.max_input_bytes) {
    throw ParseError(format,
                     "input is " + std::to_string(data.size()) + " bytes, over the limit of " +
                         std::to_string(options.limits.max_input_bytes) + " bytes",
                     {}, {}, options.file_name);
  }
  Collection c;
  try {
    // XML archives of collection version 2 and later are encoded (see encode_xml_archive).
    std::string decoded;
    if (kind == ArchiveKind::xml && xml_archive_version(data) >= 2) {
      decoded = decode_xml_archive(data);
      data = decoded;
    }
    ViewBuf buf(data);
    std::istream is(&buf);
    switch (kind) {
      case ArchiveKind::text: {
        boost::archive::text_iarchive ar(is);
        ar >> c;
        break;
      }
      case ArchiveKind::binary: {
        boost::archive::binary_iarchive ar(is);
        ar >> c;
        break;
      }
      case ArchiveKind::xml: {
        boost::archive::xml_iarchive ar(is);
        ar >> boost::serialization::make_nvp("hrnews", c);
        break;
      }
    }
  } catch (const ParseError&) {
    throw;
  } catch (const boost::archive::archive_exception& e) {
    // Messages without the errno text some archives append ("input stream error-No such file…").
    std::string what = e.what();
    if (e.code == boost::archive::archive_exception::input_stream_error) what = "input stream error";
    throw ParseError(format, "archive error: " + what, {}, {}, options.file_name);
  } catch (const std::bad_alloc&) {
    throw ParseError(format, "archive error: out of memory (a size in the archive is too large)", {}, {},
                     options.file_name);
  } catch (const std::length_error&) {
    throw ParseError(format, "archive error: a size in the archive is too large", {}, {}, options.file_name);
  } catch (const std::exception& e) {
    throw ParseError(format, std::string("archive error: ") + e.what(), {}, {}, options.file_name);
  }
  if (c.items.size() > options.limits.max_items) {
    throw ParseError(format, "more than " + std::to_string(options.limits.max_items) + " items (limit max_items)", {},
                     {}, options.file_name);
  }
  return c;
}

Result<Collection> try_read_boost(std::string_view data, ArchiveKind kind, const ReadOptions& options) noexcept {
  try {
    return read_boost(data, kind, options);
  } catch (const ParseError& e) {
    return e;
  } catch (const std::bad_alloc&) {
    return ParseError(std::string(to_string(kind)), "out of memory", {}, {}, options.file_name);
  } catch (const std::exception& e) {
    return ParseError(std::string(to_string(kind)), e.what(), {}, {}, options.file_name);
  }
}

}  // namespace hrnews
