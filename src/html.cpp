// SPDX-License-Identifier: Apache-2.0
// Safe HTML: one small tokenizer, an allowlist sanitizer and HTML to text.
//
// The tokenizer follows the shape of the HTML tokenizer (tag names end at
// white space, `/` or `>`; attribute names may hold `<` and `"`; raw-text
// elements end at their own end tag; input ending inside a tag drops the tag)
// without its error recovery details. That is enough for safety because the
// sanitizer never copies markup: it re-serialises what it understood, so the
// output only holds allowed elements, escaped text and quoted attributes.
#include <hrnews/html.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "feed/xml_input.hpp"  // detail::html_entity
#include "utf8.hpp"

namespace hrnews::html {
namespace {

constexpr std::size_t npos = std::string_view::npos;

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_hex(char c) noexcept { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) noexcept {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(s[i]) != prefix[i]) return false;
  return true;
}

using ::hrnews::detail::append_utf8;

/// What a numeric character reference stands for (HTML: 0, surrogates and
/// out-of-range values become U+FFFD, 0x80–0x9F are read as windows-1252).
std::uint32_t numeric_reference_value(std::uint32_t cp) noexcept {
  static constexpr std::uint16_t kWindows1252[32] = {
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0xFFFD;
  if (cp >= 0x80 && cp <= 0x9F) return kWindows1252[cp - 0x80];
  return cp;
}

/// Decodes character references in `s`: numeric ones with or without `;`,
/// named ones (HTML 5 table) with `;`. Unknown references stay as written.
std::string decode_references(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t amp = s.find('&', i);
    if (amp == npos) {
      out.append(s.substr(i));
      break;
    }
    out.append(s.substr(i, amp - i));
    i = amp + 1;
    if (i < s.size() && s[i] == '#') {
      std::size_t k = i + 1;
      const bool hex = k < s.size() && (s[k] == 'x' || s[k] == 'X');
      if (hex) ++k;
      const std::size_t digits_start = k;
      std::uint32_t cp = 0;
      bool overflow = false;
      while (k < s.size() && (hex ? is_hex(s[k]) : is_digit(s[k]))) {
        const char c = s[k];
        const std::uint32_t d = is_digit(c) ? static_cast<std::uint32_t>(c - '0')
                                            : static_cast<std::uint32_t>(lower(c) - 'a' + 10);
        if (cp > 0x10FFFF) overflow = true;
        else cp = cp * (hex ? 16u : 10u) + d;
        ++k;
      }
      if (k == digits_start) {  // `&#` without digits: literal
        out += '&';
        continue;
      }
      if (k < s.size() && s[k] == ';') ++k;
      append_utf8(out, overflow ? 0xFFFDu : numeric_reference_value(cp));
      i = k;
      continue;
    }
    std::size_t k = i;
    while (k < s.size() && k - i < 40 && (is_alpha(s[k]) || is_digit(s[k]))) ++k;
    if (k > i && k < s.size() && s[k] == ';') {
      const std::string_view value = detail::html_entity(s.substr(i, k - i));
      if (!value.empty()) {
        out.append(value);
        i = k + 1;
        continue;
      }
    }
    out += '&';
  }
  return out;
}

/// Appends `s` as valid UTF-8 without control characters: invalid sequences
/// become U+FFFD; C0 controls other than tab, line feed and carriage return,
/// DEL and C1 controls are removed.
void append_clean(std::string& out, std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if ((b >= 0x20 && b != 0x7F) || b == '\t' || b == '\n' || b == '\r') out += static_cast<char>(b);
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (b >= 0xC2 && b <= 0xDF) len = 2, cp = b & 0x1Fu;
    else if (b >= 0xE0 && b <= 0xEF) len = 3, cp = b & 0x0Fu;
    else if (b >= 0xF0 && b <= 0xF4) len = 4, cp = b & 0x07u;
    bool ok = len != 0 && i + len <= s.size();
    for (std::size_t k = 1; ok && k < len; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3Fu);
    }
    if (ok) {
      const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
      ok = !overlong && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    }
    if (!ok) {
      out += "\xEF\xBF\xBD";
      ++i;
      // skip the continuation bytes of this broken sequence
      while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
      continue;
    }
    if (!(cp >= 0x80 && cp <= 0x9F)) out.append(s.substr(i, len));
    i += len;
  }
}

// --- the tokenizer -----------------------------------------------------------

enum class TokenKind { text, start_tag, end_tag, end };

struct Attribute {
  std::string name;   // lower case
  std::string value;  // references decoded
};

struct Token {
  TokenKind kind = TokenKind::end;
  std::string text;  // text: decoded characters; tags: lower-case name
  std::vector<Attribute> attributes;
  bool self_closing = false;
};

/// Elements whose content is raw text, ending only at their own end tag.
bool is_raw_text(std::string_view name) noexcept {
  static constexpr std::string_view kNames[] = {"script",   "style",   "xmp",     "iframe",  "noembed",
                                                "noframes", "noscript", "textarea", "title", "plaintext"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

/// Elements dropped together with everything inside them.
bool drops_content(std::string_view name) noexcept {
  static constexpr std::string_view kNames[] = {"svg",    "math",     "object", "applet", "template",
                                                "select", "frameset", "head",   "embed"};
  return is_raw_text(name) || std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

bool is_void(std::string_view name) noexcept {
  static constexpr std::string_view kNames[] = {"area", "base", "br",   "col",   "embed", "hr",    "img",
                                                "input", "link", "meta", "param", "source", "track", "wbr"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

/// Attributes kept per tag (bounds the duplicate check on hostile input).
constexpr std::size_t kMaxAttributes = 64;

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view in) : in_(in) {}

  Token next() {
    Token t;
    if (!raw_end_.empty()) {
      skip_raw_text();
      if (pos_ >= in_.size()) return t;
    }
    while (pos_ < in_.size()) {
      if (in_[pos_] != '<') {
        const std::size_t lt = in_.find('<', pos_);
        const std::size_t stop = lt == npos ? in_.size() : lt;
        t.kind = TokenKind::text;
        t.text = decode_references(in_.substr(pos_, stop - pos_));
        pos_ = stop;
        return t;
      }
      const std::string_view rest = in_.substr(pos_);
      if (rest.substr(0, 4) == "<!--") {
        skip_comment();
        continue;
      }
      if (starts_with_nocase(rest, "<![cdata[")) {
        const std::size_t body = pos_ + 9;
        const std::size_t close = in_.find("]]>", body);
        const std::size_t stop = close == npos ? in_.size() : close;
        t.kind = TokenKind::text;
        t.text = std::string(in_.substr(body, stop - body));
        pos_ = close == npos ? in_.size() : close + 3;
        return t;
      }
      if (rest.size() >= 2 && (rest[1] == '!' || rest[1] == '?')) {  // DOCTYPE, PI, bogus comment
        const std::size_t gt = in_.find('>', pos_);
        pos_ = gt == npos ? in_.size() : gt + 1;
        continue;
      }
      if (rest.size() >= 2 && rest[1] == '/') {
        if (rest.size() >= 3 && is_alpha(rest[2])) {
          if (!tag(pos_ + 2, t)) return Token{};
          t.kind = TokenKind::end_tag;
          t.attributes.clear();
          return t;
        }
        // `</>` is dropped; `</` + anything else is a bogus comment
        const std::size_t gt = in_.find('>', pos_);
        pos_ = gt == npos ? in_.size() : gt + 1;
        continue;
      }
      if (rest.size() >= 2 && is_alpha(rest[1])) {
        if (!tag(pos_ + 1, t)) return Token{};
        t.kind = TokenKind::start_tag;
        if (is_raw_text(t.text)) raw_end_ = t.text;
        return t;
      }
      // a `<` that starts no markup is text
      t.kind = TokenKind::text;
      t.text = "<";
      ++pos_;
      return t;
    }
    return t;
  }

  /// When a raw-text element (`script`, `style`…) has just started: its
  /// content is skipped up to its end tag (which next() then returns).
  bool in_raw_text() const noexcept { return !raw_end_.empty(); }

 private:
  void skip_comment() {
    std::size_t body = pos_ + 4;
    if (in_.substr(body, 1) == ">") {
      pos_ = body + 1;
      return;
    }
    if (in_.substr(body, 2) == "->") {
      pos_ = body + 2;
      return;
    }
    // the comment ends at the first `-->` or `--!>`
    for (std::size_t dash = in_.find("--", body); dash != npos; dash = in_.find("--", dash + 1)) {
      if (in_.substr(dash + 2, 1) == ">") {
        pos_ = dash + 3;
        return;
      }
      if (in_.substr(dash + 2, 2) == "!>") {
        pos_ = dash + 4;
        return;
      }
    }
    pos_ = in_.size();
  }

  /// Moves past the content of a raw-text element, to its end tag `</name`
  /// followed by white space, `/` or `>` (or to the end of the input).
  void skip_raw_text() {
    const std::string name = std::move(raw_end_);
    raw_end_.clear();
    if (name == "plaintext") {
      pos_ = in_.size();
      return;
    }
    std::size_t at = pos_;
    while (true) {
      const std::size_t lt = in_.find("</", at);
      if (lt == npos) {
        pos_ = in_.size();
        return;
      }
      const std::size_t after = lt + 2 + name.size();
      if (starts_with_nocase(in_.substr(lt + 2), name) &&
          (after >= in_.size() || is_space(in_[after]) || in_[after] == '/' || in_[after] == '>')) {
        pos_ = lt;
        return;
      }
      at = lt + 2;
    }
  }

  /// Reads a tag whose name starts at `at`. False when the input ends inside
  /// the tag (the tag is then dropped, as HTML does).
  bool tag(std::size_t at, Token& t) {
    std::size_t i = at;
    while (i < in_.size() && !is_space(in_[i]) && in_[i] != '/' && in_[i] != '>') ++i;
    t.text = lowered(in_.substr(at, i - at));
    while (true) {
      while (i < in_.size() && (is_space(in_[i]) || in_[i] == '/')) {
        if (in_[i] == '/' && i + 1 < in_.size() && in_[i + 1] == '>') t.self_closing = true;
        ++i;
      }
      if (i >= in_.size()) {
        pos_ = in_.size();
        return false;
      }
      if (in_[i] == '>') {
        pos_ = i + 1;
        return true;
      }
      // attribute name: up to white space, `/`, `>` or `=` (a leading `=` belongs to it)
      const std::size_t name_start = i;
      ++i;
      while (i < in_.size() && !is_space(in_[i]) && in_[i] != '/' && in_[i] != '>' && in_[i] != '=') ++i;
      Attribute a;
      a.name = lowered(in_.substr(name_start, i - name_start));
      std::size_t j = i;
      while (j < in_.size() && is_space(in_[j])) ++j;
      if (j < in_.size() && in_[j] == '=') {
        ++j;
        while (j < in_.size() && is_space(in_[j])) ++j;
        if (j >= in_.size()) {
          pos_ = in_.size();
          return false;
        }
        if (in_[j] == '"' || in_[j] == '\'') {
          const std::size_t close = in_.find(in_[j], j + 1);
          if (close == npos) {
            pos_ = in_.size();
            return false;
          }
          a.value = decode_references(in_.substr(j + 1, close - j - 1));
          i = close + 1;
        } else {
          std::size_t k = j;
          while (k < in_.size() && !is_space(in_[k]) && in_[k] != '>') ++k;
          a.value = decode_references(in_.substr(j, k - j));
          i = k;
        }
      }
      // the first of duplicate attributes wins; past kMaxAttributes the rest are dropped
      const bool duplicate = std::any_of(t.attributes.begin(), t.attributes.end(),
                                         [&](const Attribute& b) { return b.name == a.name; });
      if (!duplicate && t.attributes.size() < kMaxAttributes) t.attributes.push_back(std::move(a));
    }
  }

  std::string_view in_;
  std::size_t pos_ = 0;
  std::string raw_end_;  // name of the raw-text element whose content comes next
};

// --- the sanitizer -----------------------------------------------------------

void escape_text(std::string& out, std::string_view s) {
  std::string clean;
  append_clean(clean, s);
  for (char c : clean) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
}

void escape_attribute(std::string& out, std::string_view s) {
  std::string clean;
  append_clean(clean, s);
  for (char c : clean) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
}

/// The URL a browser would use: tab, line feed and carriage return removed
/// anywhere, C0 controls and spaces removed at both ends.
std::string browser_url(std::string_view value) {
  std::string out;
  for (char c : value)
    if (c != '\t' && c != '\n' && c != '\r') out += c;
  const auto trimmed = [](char c) { return static_cast<unsigned char>(c) <= 0x20; };
  std::size_t b = 0, e = out.size();
  while (b < e && trimmed(out[b])) ++b;
  while (e > b && trimmed(out[e - 1])) --e;
  return out.substr(b, e - b);
}

/// The scheme of `url` (lower case), or empty when it is relative.
std::string url_scheme(std::string_view url) {
  const std::size_t colon = url.find(':');
  if (colon == npos || colon == 0) return {};
  const std::size_t delimiter = url.find_first_of("/?#");
  if (delimiter != npos && delimiter < colon) return {};
  return lowered(url.substr(0, colon));
}

class Sanitizer {
 public:
  explicit Sanitizer(const SanitizeOptions& options) : options_(options) {}

  std::string run(std::string_view html) {
    Tokenizer tokens(html);
    for (Token t = tokens.next(); t.kind != TokenKind::end; t = tokens.next()) {
      if (t.kind == TokenKind::text) {
        if (skip_.empty()) escape_text(out_, t.text);
      } else if (t.kind == TokenKind::start_tag) {
        start(t, tokens);
      } else {
        end(t.text);
      }
    }
    while (!open_.empty()) close_top();
    return std::move(out_);
  }

 private:
  void start(const Token& t, const Tokenizer& tokens) {
    const std::string& name = t.text;
    if (!skip_.empty()) {
      // inside a dropped element: count nested elements of the same name
      if (name == skip_ && !tokens.in_raw_text() && !t.self_closing && !is_void(name)) ++skip_depth_;
      return;
    }
    if (drops_content(name)) {
      if (is_void(name) || (t.self_closing && !tokens.in_raw_text())) return;
      skip_ = name;
      skip_depth_ = 1;
      return;
    }
    if (options_.elements.count(name) == 0) return;
    const bool is_void_element = is_void(name);
    if (!is_void_element && open_.size() >= options_.max_depth) return;
    out_ += '<';
    out_ += name;
    for (const Attribute& a : t.attributes) attribute(name, a);
    if (is_void_element) {
      out_ += " />";
      return;
    }
    out_ += '>';
    open_.push_back(name);
  }

  void attribute(const std::string& element, const Attribute& a) {
    if (options_.global_attributes.count(a.name) == 0 && options_.element_attributes.count(element + "/" + a.name) == 0)
      return;
    std::string value = a.value;
    if (options_.url_attributes.count(a.name) != 0) {
      value = browser_url(a.value);
      const std::string scheme = url_scheme(value);
      if (scheme.empty() ? !options_.allow_relative_urls : options_.url_schemes.count(scheme) == 0) return;
    }
    out_ += ' ';
    out_ += a.name;
    out_ += "=\"";
    escape_attribute(out_, value);
    out_ += '"';
  }

  void end(const std::string& name) {
    if (!skip_.empty()) {
      if (name == skip_ && --skip_depth_ == 0) skip_.clear();
      return;
    }
    const auto it = std::find(open_.rbegin(), open_.rend(), name);
    if (it == open_.rend()) return;  // nothing to close: dropped
    const std::size_t keep = static_cast<std::size_t>(open_.rend() - it) - 1;
    while (open_.size() > keep) close_top();
  }

  void close_top() {
    out_ += "</";
    out_ += open_.back();
    out_ += '>';
    open_.pop_back();
  }

  const SanitizeOptions& options_;
  std::string out_;
  std::vector<std::string> open_;
  std::string skip_;  // name of the element being dropped with its content
  std::size_t skip_depth_ = 0;
};

// --- HTML to text ------------------------------------------------------------

/// 2: a paragraph break (an empty line); 1: a line break; 0: inline.
int block_break(std::string_view name) noexcept {
  static constexpr std::string_view kParagraphs[] = {
      "p",       "h1",     "h2",     "h3",     "h4",         "h5",      "h6",     "blockquote", "ul",
      "ol",      "dl",     "table",  "pre",    "figure",     "section", "article", "header",    "footer",
      "address", "aside",  "nav",    "main",   "hr",         "details", "fieldset"};
  static constexpr std::string_view kLines[] = {"br", "div", "li", "tr", "dt", "dd", "caption", "figcaption",
                                                "summary", "legend", "option"};
  if (std::find(std::begin(kParagraphs), std::end(kParagraphs), name) != std::end(kParagraphs)) return 2;
  if (std::find(std::begin(kLines), std::end(kLines), name) != std::end(kLines)) return 1;
  return 0;
}

class TextMaker {
 public:
  void text(std::string_view s) {
    std::string clean;
    append_clean(clean, s);
    for (std::size_t i = 0; i < clean.size(); ++i) {
      const char c = clean[i];
      // U+00A0 (no-break space) counts as white space too
      const bool nbsp = c == '\xC2' && i + 1 < clean.size() && clean[i + 1] == '\xA0';
      if (is_space(c) || nbsp) {
        if (nbsp) ++i;
        space_ = true;
        continue;
      }
      if (pending_breaks_ > 0) {
        if (!out_.empty()) out_.append(static_cast<std::size_t>(pending_breaks_), '\n');
        pending_breaks_ = 0;
        space_ = false;
      } else if (space_) {
        if (!out_.empty()) out_ += ' ';
        space_ = false;
      }
      out_ += c;
    }
  }
  void line_break(int breaks) {
    pending_breaks_ = std::max(pending_breaks_, breaks);
    space_ = false;
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  int pending_breaks_ = 0;
  bool space_ = false;
};

}  // namespace

std::string sanitize(std::string_view html, const SanitizeOptions& options) { return Sanitizer(options).run(html); }

std::string to_text(std::string_view html) {
  Tokenizer tokens(html);
  TextMaker text;
  std::string skip;
  std::size_t skip_depth = 0;
  for (Token t = tokens.next(); t.kind != TokenKind::end; t = tokens.next()) {
    if (t.kind == TokenKind::text) {
      if (skip.empty()) text.text(t.text);
      continue;
    }
    const bool starting = t.kind == TokenKind::start_tag;
    if (!skip.empty()) {
      if (t.text == skip) {
        if (starting && !tokens.in_raw_text() && !t.self_closing) ++skip_depth;
        else if (!starting && --skip_depth == 0) skip.clear();
      }
      continue;
    }
    if (starting && drops_content(t.text) && !is_void(t.text) && !(t.self_closing && !tokens.in_raw_text())) {
      skip = t.text;
      skip_depth = 1;
      continue;
    }
    if (t.text == "td" || t.text == "th") text.text(" ");
    if (const int breaks = block_break(t.text)) text.line_break(t.text == "br" ? 1 : breaks);
  }
  return text.take();
}

namespace {
void sanitize_text(Text& t, const SanitizeOptions& options) {
  if (t.type != TextType::text) t.value = sanitize(t.value, options);
}
void sanitize_text(std::optional<Text>& t, const SanitizeOptions& options) {
  if (t) sanitize_text(*t, options);
}
}  // namespace

void sanitize_collection(Collection& collection, const SanitizeOptions& options) {
  sanitize_text(collection.feed.title, options);
  sanitize_text(collection.feed.subtitle, options);
  sanitize_text(collection.feed.rights, options);
  for (Item& item : collection.items) {
    Article& a = article_of(item);
    sanitize_text(a.title, options);
    sanitize_text(a.summary, options);
    sanitize_text(a.content, options);
    sanitize_text(a.rights, options);
  }
  for (Campaign& c : collection.campaigns) {
    sanitize_text(c.title, options);
    sanitize_text(c.summary, options);
  }
}

}  // namespace hrnews::html
