// SPDX-License-Identifier: Apache-2.0
// Case references: a tiny cursor-based parser per scheme, tolerant of spacing and case.
#include <hrnews/case_reference.hpp>

#include <cstdio>

namespace hrnews {
namespace {

char upper(char c) noexcept { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_upper_alpha(char c) noexcept { return upper(c) >= 'A' && upper(c) <= 'Z'; }

class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  void skip_space() noexcept {
    while (pos_ < s_.size()) {
      auto c = static_cast<unsigned char>(s_[pos_]);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0) {
        ++pos_;
      } else if (c == 0xC2 && pos_ + 1 < s_.size() && static_cast<unsigned char>(s_[pos_ + 1]) == 0xA0) {
        pos_ += 2;  // U+00A0 NO-BREAK SPACE in UTF-8, common in text copied from web pages
      } else {
        break;
      }
    }
  }
  bool at_end() noexcept {
    skip_space();
    return pos_ == s_.size();
  }
  // `n` letters exactly (upper-cased into out), not followed by a letter.
  bool letters(std::size_t n, std::string& out) {
    skip_space();
    if (pos_ + n > s_.size()) return false;
    for (std::size_t k = 0; k < n; ++k)
      if (!is_upper_alpha(s_[pos_ + k])) return false;
    if (pos_ + n < s_.size() && is_upper_alpha(s_[pos_ + n])) return false;
    out.clear();
    for (std::size_t k = 0; k < n; ++k) out += upper(s_[pos_ + k]);
    pos_ += n;
    return true;
  }
  // Between min and max digits; their count goes to `count`.
  bool number(std::size_t min, std::size_t max, int& value, std::size_t* count = nullptr) noexcept {
    skip_space();
    std::size_t start = pos_;
    value = 0;
    while (pos_ < s_.size() && is_digit(s_[pos_]) && pos_ - start < max) value = value * 10 + (s_[pos_++] - '0');
    std::size_t n = pos_ - start;
    if (n < min || (pos_ < s_.size() && is_digit(s_[pos_]))) {
      pos_ = start;
      return false;
    }
    if (count) *count = n;
    return true;
  }
  bool literal(char c) noexcept {
    skip_space();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  // A case-insensitive word or phrase (spaces in `text` match any run of spaces).
  bool phrase(std::string_view text) noexcept {
    std::size_t save = pos_;
    skip_space();
    for (char c : text) {
      if (c == ' ') {  // at least one space of any kind
        std::size_t before = pos_;
        skip_space();
        if (pos_ == before) { pos_ = save; return false; }
        continue;
      }
      if (pos_ >= s_.size() || upper(s_[pos_]) != upper(c)) { pos_ = save; return false; }
      ++pos_;
    }
    return true;
  }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
};

int two_digit_year(int yy) noexcept { return yy < 70 ? 2000 + yy : 1900 + yy; }

}  // namespace

CaseReference CaseReference::parse(std::string_view text) {
  CaseReference r;
  r.raw_ = std::string(text);
  {  // Observatory: TUR 005 / 0717 / OBS 078.6
    Cursor c(text);
    std::string country, programme;
    int number = 0, mmyy = 0, serial = 0, follow = 0;
    std::size_t mmyy_digits = 0;
    if (c.letters(3, country) && c.number(1, 4, number) && c.literal('/') && c.number(4, 4, mmyy, &mmyy_digits) &&
        c.literal('/') && (c.letters(3, programme) || c.letters(2, programme) || c.letters(4, programme)) &&
        c.number(1, 4, serial) && (!c.literal('.') || c.number(1, 3, follow)) && c.at_end() &&
        mmyy / 100 >= 1 && mmyy / 100 <= 12) {
      r.scheme_ = CaseScheme::observatory;
      r.country_ = country;
      r.number_ = number;
      r.month_ = mmyy / 100;
      r.year_ = two_digit_year(mmyy % 100);
      r.programme_ = programme;
      r.serial_ = serial;
      r.follow_up_ = follow;
      return r;
    }
  }
  {  // Amnesty urgent action: [Further information on] UA 229/10
    Cursor c(text);
    int follow = c.phrase("further information on") || c.phrase("fi on") ? 1 : 0;
    int number = 0, year = 0;
    std::size_t year_digits = 0;
    if (c.phrase("ua") && (c.literal(':'), true) && c.number(1, 4, number) && c.literal('/') &&
        c.number(2, 4, year, &year_digits) && (year_digits == 2 || year_digits == 4) && c.at_end()) {
      r.scheme_ = CaseScheme::amnesty_ua;
      r.number_ = number;
      r.year_ = year_digits == 2 ? two_digit_year(year) : year;
      r.follow_up_ = follow;
      return r;
    }
  }
  {  // Amnesty index: [AI Index:] AMR 18/0485/2019
    Cursor c(text);
    if (c.phrase("ai index") || c.phrase("index")) c.literal(':');
    std::string region;
    int subregion = 0, number = 0, year = 0;
    if (c.letters(3, region) && c.number(2, 2, subregion) && c.literal('/') && c.number(3, 4, number) &&
        c.literal('/') && c.number(4, 4, year) && c.at_end()) {
      r.scheme_ = CaseScheme::amnesty_index;
      r.country_ = region;
      r.serial_ = subregion;
      r.number_ = number;
      r.year_ = year;
      return r;
    }
  }
  return r;
}

std::string CaseReference::format() const {
  char buf[96];
  int n = 0;
  switch (scheme_) {
    case CaseScheme::observatory:
      n = std::snprintf(buf, sizeof buf, "%s %03d / %02d%02d / %s %03d", country_.c_str(), number_, month_,
                        year_ % 100, programme_.c_str(), serial_);
      if (follow_up_ > 0 && n > 0 && static_cast<std::size_t>(n) < sizeof buf)
        n += std::snprintf(buf + n, sizeof buf - static_cast<std::size_t>(n), ".%d", follow_up_);
      break;
    case CaseScheme::amnesty_ua:
      n = std::snprintf(buf, sizeof buf, "%sUA %d/%02d", follow_up_ ? "Further information on " : "", number_,
                        year_ % 100);
      break;
    case CaseScheme::amnesty_index:
      n = std::snprintf(buf, sizeof buf, "%s %02d/%04d/%04d", country_.c_str(), serial_, number_, year_);
      break;
    case CaseScheme::unknown:
      return raw_;
  }
  return std::string(buf, static_cast<std::size_t>(n));
}

CaseReference CaseReference::base() const {
  if (scheme_ == CaseScheme::unknown || follow_up_ == 0) return *this;
  CaseReference b = *this;
  b.follow_up_ = 0;
  b.raw_ = b.format();
  return b;
}

bool CaseReference::same_case(const CaseReference& other) const {
  if (scheme_ != other.scheme_) return false;
  if (scheme_ == CaseScheme::unknown) return raw_ == other.raw_;
  return base().format() == other.base().format();
}

}  // namespace hrnews
