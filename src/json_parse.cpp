// SPDX-License-Identifier: Apache-2.0
// The syntax layer of every JSON reader (canonical JSON, JSON Lines, JSON
// Feed): a hand-written, non-recursive parser that feeds `SaxHandler` the same
// events, in the same order, as nlohmann's SAX parser would.
//
// Why not nlohmann's parser: profiling `read_json` showed about 95% of the time
// in nlohmann's lexer, which reads one character at a time through an input
// adapter, tracks positions per character and grows the token string one
// character at a time. This parser scans runs of plain characters and copies
// them in one go, and parses numbers with `std::from_chars`.
//
// Errors: valid JSON never needs nlohmann here. When this parser meets a
// syntax error it replays the input through nlohmann's parser with a SAX
// receiver that accepts every event, so the message and the position of the
// error are exactly nlohmann's (and those the tests and users rely on). The
// one difference: nlohmann takes a NUL byte for the end of the input and
// would accept `[1]<NUL>junk`; this parser rejects any NUL outside a string
// (inside one it must be escaped anyway).
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <locale.h>
#include <string>
#include <vector>

#include "json_detail.hpp"
#include "utf8.hpp"

namespace hrnews::json_detail {

namespace {

/// A SAX receiver for nlohmann's parser that accepts everything and hands a
/// syntax error to `SaxHandler::parse_error`, which throws.
struct ErrorProbe {
  using json = nlohmann::json;
  SaxHandler& handler;

  bool null() { return true; }
  bool boolean(bool /*value*/) { return true; }
  bool number_integer(json::number_integer_t /*value*/) { return true; }
  bool number_unsigned(json::number_unsigned_t /*value*/) { return true; }
  bool number_float(json::number_float_t /*value*/, const json::string_t& /*text*/) { return true; }
  bool string(json::string_t& /*value*/) { return true; }
  bool binary(json::binary_t& /*value*/) { return true; }
  bool start_object(std::size_t /*elements*/) { return true; }
  bool key(json::string_t& /*name*/) { return true; }
  bool end_object() { return true; }
  bool start_array(std::size_t /*elements*/) { return true; }
  bool end_array() { return true; }
  bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::detail::exception& ex) {
    return handler.parse_error(position, last_token, ex);
  }
};

constexpr bool is_space(char c) noexcept { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

/// The value of a hexadecimal digit, or -1.
constexpr int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}


using ::hrnews::detail::append_utf8;

/// The parser. `run()` returns false at the first syntax error; events already
/// sent to the handler stay sent (the caller reports the error and discards
/// the result).
class Parser {
 public:
  Parser(std::string_view input, SaxHandler& handler)
      : p_(input.data()), end_(input.data() + input.size()), h_(handler) {}

  /// Where the last `run()` stopped.
  std::size_t offset(std::string_view input) const noexcept { return static_cast<std::size_t>(p_ - input.data()); }

  bool run() {
    // nlohmann skips a UTF-8 byte-order mark at the start.
    if (end_ - p_ >= 3 && static_cast<unsigned char>(p_[0]) == 0xEF && static_cast<unsigned char>(p_[1]) == 0xBB &&
        static_cast<unsigned char>(p_[2]) == 0xBF) {
      p_ += 3;
    }
    std::vector<bool> stack;  // true: an object, false: an array
    stack.reserve(64);

  value:
    skip_space();
    if (p_ == end_) return false;
    switch (*p_) {
      case '{':
        ++p_;
        h_.start_object(static_cast<std::size_t>(-1));
        skip_space();
        if (p_ != end_ && *p_ == '}') {
          ++p_;
          h_.end_object();
          goto after_value;
        }
        stack.push_back(true);
        goto member;
      case '[':
        ++p_;
        h_.start_array(static_cast<std::size_t>(-1));
        skip_space();
        if (p_ != end_ && *p_ == ']') {
          ++p_;
          h_.end_array();
          goto after_value;
        }
        stack.push_back(false);
        goto value;
      case '"':
        if (!string()) return false;
        h_.string(buf_);
        goto after_value;
      case 't':
        if (!literal("true")) return false;
        h_.boolean(true);
        goto after_value;
      case 'f':
        if (!literal("false")) return false;
        h_.boolean(false);
        goto after_value;
      case 'n':
        if (!literal("null")) return false;
        h_.null();
        goto after_value;
      default:
        if (*p_ == '-' || is_digit(*p_)) {
          if (!number()) return false;
          goto after_value;
        }
        return false;
    }

  member:  // at the first character of a member name (spaces skipped)
    if (p_ == end_ || *p_ != '"' || !string()) return false;
    h_.key(buf_);
    skip_space();
    if (p_ == end_ || *p_ != ':') return false;
    ++p_;
    goto value;

  after_value:
    skip_space();
    if (stack.empty()) return p_ == end_;
    if (p_ == end_) return false;
    if (*p_ == ',') {
      ++p_;
      if (stack.back()) {
        skip_space();
        goto member;
      }
      goto value;
    }
    if (*p_ == (stack.back() ? '}' : ']')) {
      ++p_;
      if (stack.back()) {
        h_.end_object();
      } else {
        h_.end_array();
      }
      stack.pop_back();
      goto after_value;
    }
    return false;
  }

 private:
  void skip_space() noexcept {
    while (p_ != end_ && is_space(*p_)) ++p_;
  }

  bool literal(std::string_view word) noexcept {
    if (static_cast<std::size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) return false;
    p_ += word.size();
    return true;
  }

  /// A string at `p_` (the opening quote) into `buf_`.
  bool string() {
    buf_.clear();
    ++p_;
    const char* run = p_;
    for (;;) {
      while (p_ != end_) {
        const auto c = static_cast<unsigned char>(*p_);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
        ++p_;
      }
      if (p_ == end_) return false;  // missing closing quote
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        buf_.append(run, static_cast<std::size_t>(p_ - run));
        ++p_;
        return true;
      }
      if (c < 0x20) return false;  // control characters must be escaped
      if (c >= 0x80) {
        std::size_t bad = 0;
        const std::size_t n = detail::utf8_sequence(reinterpret_cast<const unsigned char*>(p_),
                                                    reinterpret_cast<const unsigned char*>(end_), bad);
        if (n == 0) return false;
        p_ += n;
        continue;
      }
      // A backslash.
      buf_.append(run, static_cast<std::size_t>(p_ - run));
      ++p_;
      if (p_ == end_) return false;
      switch (*p_++) {
        case '"': buf_ += '"'; break;
        case '\\': buf_ += '\\'; break;
        case '/': buf_ += '/'; break;
        case 'b': buf_ += '\b'; break;
        case 'f': buf_ += '\f'; break;
        case 'n': buf_ += '\n'; break;
        case 'r': buf_ += '\r'; break;
        case 't': buf_ += '\t'; break;
        case 'u': {
          std::uint32_t cp = 0;
          if (!hex4(cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate first
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low = 0;
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
            p_ += 2;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(buf_, cp);
          break;
        }
        default: return false;
      }
      run = p_;
    }
  }

  bool hex4(std::uint32_t& value) noexcept {
    if (end_ - p_ < 4) return false;
    value = 0;
    for (int i = 0; i < 4; ++i) {
      const int d = hex_value(p_[i]);
      if (d < 0) return false;
      value = (value << 4) | static_cast<std::uint32_t>(d);
    }
    p_ += 4;
    return true;
  }

  /// A number at `p_`; sends it to the handler as nlohmann would: non-negative
  /// integers as unsigned, negative ones as integer, the rest (and integers
  /// that overflow 64 bits) as floating point with their text.
  bool number() {
    const char* start = p_;
    bool integral = true;
    if (*p_ == '-') ++p_;
    if (p_ == end_ || !is_digit(*p_)) return false;
    if (*p_ == '0') {
      ++p_;
    } else {
      while (p_ != end_ && is_digit(*p_)) ++p_;
    }
    if (p_ != end_ && *p_ == '.') {
      integral = false;
      ++p_;
      if (p_ == end_ || !is_digit(*p_)) return false;
      while (p_ != end_ && is_digit(*p_)) ++p_;
    }
    if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
      integral = false;
      ++p_;
      if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ == end_ || !is_digit(*p_)) return false;
      while (p_ != end_ && is_digit(*p_)) ++p_;
    }
    if (integral) {
      if (*start == '-') {
        std::int64_t v = 0;
        const auto r = std::from_chars(start, p_, v);
        if (r.ec == std::errc() && r.ptr == p_) {
          h_.number_integer(v);
          return true;
        }
      } else {
        std::uint64_t v = 0;
        const auto r = std::from_chars(start, p_, v);
        if (r.ec == std::errc() && r.ptr == p_) {
          h_.number_unsigned(v);
          return true;
        }
      }
    }
    text_.assign(start, p_);
    double d = 0;
    const auto r = std::from_chars(start, p_, d);
    if (r.ec == std::errc::result_out_of_range) {
      // Underflow gives 0 or a subnormal, overflow infinity, as with nlohmann
      // (which calls strtod). The "C" locale keeps '.' the decimal point.
      static const locale_t c_locale = newlocale(LC_ALL_MASK, "C", locale_t{});
      d = strtod_l(text_.c_str(), nullptr, c_locale);
    } else if (r.ec != std::errc() || r.ptr != p_) {
      return false;
    }
    if (!std::isfinite(d)) return false;  // nlohmann: number overflow
    h_.number_float(d, text_);
    return true;
  }

  const char* p_;
  const char* end_;
  SaxHandler& h_;
  std::string buf_;   // the current string or member name
  std::string text_;  // the text of the current floating-point number
};

}  // namespace

void sax_parse(std::string_view input, SaxHandler& handler) {
  Parser parser(input, handler);
  if (parser.run()) return;
  // A syntax error: let nlohmann's parser find and word it.
  ErrorProbe probe{handler};
  const char* begin = input.data();
  nlohmann::json::sax_parse(begin, begin + input.size(), &probe, nlohmann::json::input_format_t::json,
                            /*strict=*/true, /*ignore_comments=*/false);
  // nlohmann found no error: it takes a NUL byte for the end of the input,
  // which this parser never does.
  const std::size_t at = parser.offset(input);
  handler.syntax_error(at, at < input.size() && input[at] == '\0' ? "syntax error: NUL byte outside a string"
                                                                   : "syntax error: unexpected character");
}

}  // namespace hrnews::json_detail
