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
    throw ParseError(format, "number of items is over the limit of " + std::to_string(options.limits.max_items), {},
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
