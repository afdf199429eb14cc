// SPDX-License-Identifier: Apache-2.0
// Steps shared by the ninjs and JSON-LD writers (see export_common.hpp).

#include "export_common.hpp"
#include "utf8.hpp"

#include <cstdint>
#include <cstdio>
#include <exception>

#include <boost/date_time/posix_time/posix_time_types.hpp>

#include <hrnews/builtin.hpp>

namespace hrnews::export_detail {
namespace {

bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_hex(char c) noexcept { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_unreserved(char c) noexcept {
  return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}
bool is_sub_delim(char c) noexcept {
  switch (c) {
    case '!': case '$': case '&': case '\'': case '(': case ')': case '*': case '+': case ',': case ';': case '=':
      return true;
    default:
      return false;
  }
}

/// True when every character of `s` is unreserved, a sub-delimiter, one of
/// `extra`, or a valid percent-escape.
bool only(std::string_view s, std::string_view extra) noexcept {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size()) return false;
      if (!is_hex(s[i + 1]) || !is_hex(s[i + 2])) return false;
      i += 2;
      continue;
    }
    if (!is_unreserved(c) && !is_sub_delim(c) && extra.find(c) == std::string_view::npos) return false;
  }
  return true;
}

/// Appends `cp` as UTF-8; NUL, surrogates and values past U+10FFFF become U+FFFD.
void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  detail::append_utf8(out, cp);
}

/// The character a reference (`amp`, `#233`, `#x20AC`) stands for, or empty.
std::string decode_reference(std::string_view name) {
  if (name == "amp") return "&";
  if (name == "lt") return "<";
  if (name == "gt") return ">";
  if (name == "quot") return "\"";
  if (name == "apos") return "'";
  if (name == "nbsp") return " ";
  if (name.size() < 2 || name[0] != '#') return {};
  const bool hex = name[1] == 'x' || name[1] == 'X';
  const std::string_view digits = name.substr(hex ? 2 : 1);
  if (digits.empty()) return {};
  std::uint32_t cp = 0;
  for (char d : digits) {
    std::uint32_t v;
    if (is_digit(d)) v = static_cast<std::uint32_t>(d - '0');
    else if (hex && d >= 'a' && d <= 'f') v = static_cast<std::uint32_t>(d - 'a' + 10);
    else if (hex && d >= 'A' && d <= 'F') v = static_cast<std::uint32_t>(d - 'A' + 10);
    else return {};
    cp = cp * (hex ? 16 : 10) + v;
    if (cp > 0x10FFFF) return {};
  }
  std::string out;
  append_utf8(out, cp);
  return out;
}

}  // namespace

std::string full_datetime(const Timestamp& t) {
  const std::optional<int> offset = t.utc_offset_minutes();
  const boost::posix_time::ptime local = t.utc() + boost::posix_time::minutes(offset.value_or(0));
  const auto date = local.date();
  const auto time = local.time_of_day();
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", static_cast<int>(date.year()),
                static_cast<int>(date.month()), static_cast<int>(date.day()), static_cast<int>(time.hours()),
                static_cast<int>(time.minutes()), static_cast<int>(time.seconds()));
  std::string out = buffer;
  if (t.precision() == Precision::fraction && t.fraction_digits() > 0) {
    // Microseconds, cut to the digits the source gave.
    const auto ticks = time.fractional_seconds() * 1000000 / boost::posix_time::time_duration::ticks_per_second();
    std::snprintf(buffer, sizeof buffer, "%06lld", static_cast<long long>(ticks));
    out += '.';
    out.append(buffer, static_cast<std::size_t>(t.fraction_digits()));
  }
  if (!offset) {
    out += 'Z';
  } else {
    const int m = *offset < 0 ? -*offset : *offset;
    std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", *offset < 0 ? '-' : '+', m / 60, m % 60);
    out += buffer;
  }
  return out;
}

bool is_uri(std::string_view s) noexcept {
  // scheme ":"
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || !is_alpha(s[0])) return false;
  for (std::size_t i = 1; i < colon; ++i) {
    const char c = s[i];
    if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '-' && c != '.') return false;
  }
  std::string_view rest = s.substr(colon + 1);
  // "#" fragment, "?" query
  const std::size_t hash = rest.find('#');
  if (hash != std::string_view::npos) {
    if (!only(rest.substr(hash + 1), ":@/?")) return false;
    rest = rest.substr(0, hash);
  }
  const std::size_t question = rest.find('?');
  if (question != std::string_view::npos) {
    if (!only(rest.substr(question + 1), ":@/?")) return false;
    rest = rest.substr(0, question);
  }
  if (rest.substr(0, 2) == "//") {
    rest.remove_prefix(2);
    const std::size_t slash = rest.find('/');
    std::string_view authority = rest.substr(0, slash);
    const std::string_view path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
    const std::size_t at = authority.find('@');
    if (at != std::string_view::npos) {
      if (!only(authority.substr(0, at), ":")) return false;
      authority.remove_prefix(at + 1);
    }
    const std::size_t port = authority.rfind(':');
    if (port != std::string_view::npos) {
      for (char c : authority.substr(port + 1)) {
        if (!is_digit(c)) return false;
      }
      authority = authority.substr(0, port);
    }
    if (!only(authority, "")) return false;
    return only(path, ":@/");
  }
  // path-absolute ("/" not followed by "/"), path-rootless or path-empty
  return only(rest, ":@/");
}

std::optional<std::string> as_uri(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool valid_escape = c == '%' && i + 2 < text.size() && is_hex(text[i + 1]) && is_hex(text[i + 2]);
    const bool plain = c < 0x80 && c > 0x20 && c != 0x7F && c != '"' && c != '<' && c != '>' && c != '\\' &&
                       c != '^' && c != '`' && c != '{' && c != '|' && c != '}' && c != '[' && c != ']' &&
                       (c != '%' || valid_escape);
    if (plain) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 0xF]);
    }
  }
  // A second "#" is not allowed in a URI: escape those after the first.
  const std::size_t first_hash = out.find('#');
  if (first_hash != std::string::npos) {
    for (std::size_t i = out.find('#', first_hash + 1); i != std::string::npos; i = out.find('#', i + 3)) {
      out.replace(i, 1, "%23");
    }
  }
  if (!is_uri(out)) return std::nullopt;
  return out;
}

std::string percent_encode_all(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    if (is_unreserved(ch)) {
      out.push_back(ch);
    } else {
      const auto c = static_cast<unsigned char>(ch);
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 0xF]);
    }
  }
  return out;
}

std::string plain_text(const Text& t) {
  if (t.type == TextType::text) return t.value;
  const std::string_view html = t.value;
  std::string out;
  out.reserve(html.size());
  bool space = false;
  auto put = [&](std::string_view s) {
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.append(s.data(), s.size());
  };
  for (std::size_t i = 0; i < html.size();) {
    const char c = html[i];
    if (c == '<') {
      const std::size_t close = html.find('>', i);
      if (close != std::string_view::npos) {
        i = close + 1;
        space = true;
        continue;
      }
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      ++i;
      continue;
    } else if (c == '&') {
      const std::size_t semi = html.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 10) {
        const std::string decoded = decode_reference(html.substr(i + 1, semi - i - 1));
        if (!decoded.empty()) {
          put(decoded);
          i = semi + 1;
          continue;
        }
      }
    }
    put(html.substr(i, 1));
    ++i;
  }
  return out;
}

std::string_view media_type(TextType type) noexcept {
  switch (type) {
    case TextType::html: return "text/html";
    case TextType::xhtml: return "application/xhtml+xml";
    case TextType::text: break;
  }
  return "text/plain";
}

Vocabulary::Vocabulary(const Collection& collection) : taxonomy_(&builtin_taxonomy()) {
  if (collection.schemes.empty()) return;
  try {
    owned_ = std::make_unique<Taxonomy>(extend(builtin_taxonomy(), collection.schemes));
    taxonomy_ = owned_.get();
  } catch (const std::exception&) {
    // A scheme that cannot be used (a repeated code): labels come from the built-in schemes.
  }
}

const Term* Vocabulary::find(const TermRef& ref) const noexcept { return taxonomy_->find(ref); }

const Scheme* Vocabulary::scheme(std::string_view id) const noexcept { return taxonomy_->find_scheme(id); }

std::string Vocabulary::label(const TermRef& ref) const {
  if (!find(ref)) return ref.code;
  return taxonomy_->label(ref, "en");
}

std::string Vocabulary::place_name(std::string_view scheme, std::string_view code) const {
  return label(TermRef{std::string(scheme), std::string(code)});
}

const Campaign* find_campaign(const Collection& collection, std::string_view id) noexcept {
  for (const Campaign& c : collection.campaigns) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

}  // namespace hrnews::export_detail
