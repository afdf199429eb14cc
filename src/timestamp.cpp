// SPDX-License-Identifier: Apache-2.0
// Timestamp: hand-written parsers for the ISO 8601 family and RFC 822 (no
// regex, no allocation besides the raw copy), and formatters.
#include <hrnews/timestamp.hpp>

#include <array>
#include <cstdint>
#include <cstdio>
#include <stdexcept>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include "fold.hpp"

namespace hrnews {
namespace pt = boost::posix_time;
namespace gr = boost::gregorian;

namespace {

const pt::ptime& epoch() {
  static const pt::ptime value(gr::date(1970, 1, 1));
  return value;
}

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80; }

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Reads exactly n digits at s[i]; returns -1 when they are not there.
int digits(std::string_view s, std::size_t& i, std::size_t n) noexcept {
  if (i + n > s.size()) return -1;
  int v = 0;
  for (std::size_t k = 0; k < n; ++k) {
    char c = s[i + k];
    if (!is_digit(c)) return -1;
    v = v * 10 + (c - '0');
  }
  i += n;
  return v;
}

int days_in_month(int year, int month) noexcept {
  static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && gr::gregorian_calendar::is_leap_year(static_cast<unsigned short>(year))) return 29;
  return days[static_cast<std::size_t>(month - 1)];
}

// ±hh[:]mm or ±hh at s[i]; returns false when malformed.
bool numeric_zone(std::string_view s, std::size_t& i, int& offset) noexcept {
  int sign = s[i] == '-' ? -1 : 1;
  ++i;
  int hh = digits(s, i, 2);
  if (hh < 0) return false;
  int mm = 0;
  if (i < s.size() && s[i] == ':') {  // +hh:mm
    ++i;
    if ((mm = digits(s, i, 2)) < 0) return false;
  } else if (i < s.size() && is_digit(s[i])) {  // +hhmm; a bare +hh may be followed by other text
    if ((mm = digits(s, i, 2)) < 0) return false;
  }
  if (hh > 23 || mm > 59) return false;
  offset = sign * (hh * 60 + mm);
  return true;
}

struct Fields {
  int year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0, micro = 0;
  std::optional<int> offset;
  Precision precision = Precision::second;
  int fraction_digits = 0;
};

std::optional<Timestamp> build(const Fields& f, std::string_view raw) {
  try {
    return Timestamp::from_fields(f.year, f.month, f.day, f.hour, f.minute, f.second, f.micro, f.offset,
                                  f.precision, f.fraction_digits, std::string(raw));
  } catch (const std::out_of_range&) {
    return std::nullopt;
  }
}

// --- RFC 822 and friends -------------------------------------------------

struct NamedValue {
  std::string_view name;
  int value;
};

// Month names (folded: lower case, no accents) in English, French, Spanish,
// German, Italian and Portuguese, full and abbreviated.
constexpr NamedValue month_names[] = {
    {"jan", 1}, {"january", 1}, {"janv", 1}, {"janvier", 1}, {"ene", 1}, {"enero", 1},
    {"januar", 1}, {"jaenner", 1}, {"janner", 1}, {"gen", 1}, {"gennaio", 1}, {"janeiro", 1},
    {"feb", 2}, {"february", 2}, {"fev", 2}, {"fevr", 2}, {"fevrier", 2}, {"febrero", 2},
    {"februar", 2}, {"febbraio", 2}, {"fevereiro", 2},
    {"mar", 3}, {"march", 3}, {"mars", 3}, {"marzo", 3}, {"marz", 3}, {"maerz", 3}, {"marco", 3},
    {"apr", 4}, {"april", 4}, {"avr", 4}, {"avril", 4}, {"abr", 4}, {"abril", 4}, {"aprile", 4},
    {"may", 5}, {"mai", 5}, {"mayo", 5}, {"maggio", 5}, {"mag", 5}, {"maio", 5},
    {"jun", 6}, {"june", 6}, {"juin", 6}, {"junio", 6}, {"juni", 6}, {"giu", 6}, {"giugno", 6}, {"junho", 6},
    {"jul", 7}, {"july", 7}, {"juil", 7}, {"juillet", 7}, {"julio", 7}, {"juli", 7}, {"lug", 7},
    {"luglio", 7}, {"julho", 7},
    {"aug", 8}, {"august", 8}, {"aou", 8}, {"aout", 8}, {"ago", 8}, {"agosto", 8},
    {"sep", 9}, {"sept", 9}, {"september", 9}, {"septembre", 9}, {"septiembre", 9},
    {"setiembre", 9}, {"set", 9}, {"settembre", 9}, {"setembro", 9},
    {"oct", 10}, {"october", 10}, {"octobre", 10}, {"octubre", 10}, {"okt", 10}, {"oktober", 10},
    {"ott", 10}, {"ottobre", 10}, {"out", 10}, {"outubro", 10},
    {"nov", 11}, {"november", 11}, {"novembre", 11}, {"noviembre", 11}, {"novembro", 11},
    {"dec", 12}, {"december", 12}, {"decembre", 12}, {"dic", 12}, {"diciembre", 12},
    {"dez", 12}, {"dezember", 12}, {"dicembre", 12}, {"dezembro", 12},
};

// Zone abbreviations seen in feeds, in minutes east of UTC.
constexpr NamedValue zone_names[] = {
    {"gmt", 0}, {"ut", 0}, {"utc", 0}, {"z", 0}, {"wet", 0},
    {"est", -300}, {"edt", -240}, {"cst", -360}, {"cdt", -300}, {"mst", -420}, {"mdt", -360},
    {"pst", -480}, {"pdt", -420}, {"akst", -540}, {"akdt", -480}, {"hst", -600},
    {"bst", 60}, {"west", 60}, {"cet", 60}, {"mez", 60}, {"cest", 120}, {"mesz", 120},
    {"eet", 120}, {"eest", 180}, {"msk", 180}, {"jst", 540}, {"aest", 600},
};

// Words that may stand between the parts of a date ("26 de noviembre de 2015").
constexpr std::array<std::string_view, 7> filler_words{"de", "del", "of", "the", "le", "am", "um"};

template <std::size_t N>
std::optional<int> lookup(const NamedValue (&table)[N], std::string_view word) noexcept {
  for (const auto& entry : table)
    if (entry.name == word) return entry.value;
  return std::nullopt;
}

std::optional<int> month_from_word(std::string_view word) noexcept { return lookup(month_names, word); }

// Folds one word into a small fixed buffer (lower case, accents removed).
std::string_view fold_word(std::string_view word, std::string& buffer) {
  buffer.clear();
  for (std::size_t i = 0; i < word.size();) {
    char32_t cp = detail::decode_utf8(word, i);
    detail::fold_code_point(cp, buffer);
  }
  return buffer;
}

// Reads h[h]:mm[:ss] at s[i].
bool clock_time(std::string_view s, std::size_t& i, Fields& f) noexcept {
  std::size_t start = i;
  int h = 0;
  int n = 0;
  while (i < s.size() && is_digit(s[i]) && n < 2) { h = h * 10 + (s[i] - '0'); ++i; ++n; }
  if (n == 0 || i >= s.size() || s[i] != ':') { i = start; return false; }
  ++i;
  int m = digits(s, i, 2);
  if (m < 0) { i = start; return false; }
  f.hour = h;
  f.minute = m;
  f.precision = Precision::minute;
  if (i < s.size() && s[i] == ':') {
    ++i;
    int sec = digits(s, i, 2);
    if (sec < 0) { i = start; return false; }
    f.second = sec == 60 ? 59 : sec;
    f.precision = Precision::second;
  }
  return true;
}

// The common RFC 822 form, "Thu, 26 Nov 2015 09:30:00 +0000" (weekday optional,
// English names in any case, zone numeric or GMT/UT/UTC/Z), read without
// folding words or looking up tables. Fills `f` exactly as the general parser
// would; false when the text is anything else (then the general parser runs).
bool rfc822_common(std::string_view s, Fields& f) noexcept {
  const auto word3 = [&](std::size_t i) noexcept {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(detail::lower_ascii_char(s[i]))) << 16) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(detail::lower_ascii_char(s[i + 1]))) << 8) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(detail::lower_ascii_char(s[i + 2])));
  };
  constexpr auto w = [](const char* n) constexpr {
    return (static_cast<std::uint32_t>(n[0]) << 16) | (static_cast<std::uint32_t>(n[1]) << 8) |
           static_cast<std::uint32_t>(n[2]);
  };
  std::size_t i = 0;
  const std::size_t n = s.size();
  if (n >= 5 && !is_digit(s[0])) {  // weekday
    const std::uint32_t d = word3(0);
    if (d != w("sun") && d != w("mon") && d != w("tue") && d != w("wed") && d != w("thu") && d != w("fri") &&
        d != w("sat"))
      return false;
    if (s[3] != ',') return false;
    i = 4;
    while (i < n && s[i] == ' ') ++i;
  }
  // day
  int day = 0, nd = 0;
  while (i < n && is_digit(s[i]) && nd < 2) { day = day * 10 + (s[i++] - '0'); ++nd; }
  if (nd == 0 || i >= n || s[i] != ' ') return false;
  ++i;
  // month
  if (i + 4 > n || s[i + 3] != ' ') return false;
  static constexpr std::uint32_t months[12] = {w("jan"), w("feb"), w("mar"), w("apr"), w("may"), w("jun"),
                                               w("jul"), w("aug"), w("sep"), w("oct"), w("nov"), w("dec")};
  const std::uint32_t m = word3(i);
  int month = 0;
  for (int k = 0; k < 12; ++k) {
    if (months[k] == m) month = k + 1;
  }
  if (!month) return false;
  i += 4;
  // year
  const int year = digits(s, i, 4);
  if (year < 0 || i >= n || s[i] != ' ') return false;
  ++i;
  // time
  if (!clock_time(s, i, f)) return false;
  if (i >= n || s[i] != ' ') return false;
  ++i;
  // zone
  int offset = 0;
  if (i < n && (s[i] == '+' || s[i] == '-')) {
    if (!numeric_zone(s, i, offset)) return false;
  } else {
    const std::string_view z = s.substr(i);
    if (!(z == "GMT" || z == "UT" || z == "UTC" || z == "Z" || z == "gmt" || z == "utc")) return false;
    i = n;
  }
  if (i != n) return false;
  f.year = year;
  f.month = month;
  f.day = day;
  f.offset = offset;
  return true;
}

}  // namespace

// --- Timestamp ---------------------------------------------------------------

Timestamp::Timestamp() : utc_(epoch()) { raw_ = to_rfc3339(); }

Timestamp::Timestamp(NoRaw) noexcept : utc_(epoch()) {}

Timestamp Timestamp::from_fields(int year, int month, int day, int hour, int minute, int second,
                                 int microsecond, std::optional<int> offset_minutes, Precision precision,
                                 int fraction_digits, std::string raw) {
  if (precision < Precision::month) month = 1;
  if (precision < Precision::day) day = 1;
  if (precision < Precision::minute) hour = minute = second = 0;
  if (precision < Precision::second) second = 0;
  if (precision < Precision::fraction) {
    microsecond = 0;
    fraction_digits = 0;
  }
  if (year < 1400 || year > 9999) throw std::out_of_range("timestamp: year out of range");
  if (month < 1 || month > 12) throw std::out_of_range("timestamp: month out of range");
  if (day < 1 || day > days_in_month(year, month)) throw std::out_of_range("timestamp: day out of range");
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    throw std::out_of_range("timestamp: time of day out of range");
  if (microsecond < 0 || microsecond > 999999) throw std::out_of_range("timestamp: fraction out of range");
  if (precision == Precision::fraction && (fraction_digits < 1 || fraction_digits > 6))
    throw std::out_of_range("timestamp: fraction digits out of range");
  // Keep only the digits that are written, so that the RFC 3339 text is the instant.
  if (precision == Precision::fraction) {
    int scale = 1;
    for (int k = fraction_digits; k < 6; ++k) scale *= 10;
    microsecond -= microsecond % scale;
  }
  // A date alone has no zone: it is placed at midnight UTC, whatever offset is given.
  const bool zoned = offset_minutes.has_value() && precision >= Precision::minute;
  const int offset = zoned ? *offset_minutes : 0;
  if (zoned && (offset < -1439 || offset > 1439)) throw std::out_of_range("timestamp: UTC offset out of range");

  pt::ptime local(gr::date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                           static_cast<unsigned short>(day)),
                  pt::hours(hour) + pt::minutes(minute) + pt::seconds(second) + pt::microseconds(microsecond));
  Timestamp t{NoRaw{}};
  t.utc_ = local - pt::minutes(offset);
  if (t.utc_.is_special() || t.utc_.date().year() < 1400 || t.utc_.date().year() > 9999)
    throw std::out_of_range("timestamp: instant out of range");
  t.offset_ = static_cast<std::int16_t>(zoned ? offset : no_offset);
  t.precision_ = precision;
  t.fraction_digits_ = static_cast<std::int8_t>(fraction_digits);
  t.raw_ = raw.empty() ? t.to_rfc3339() : std::move(raw);
  return t;
}

std::optional<int> Timestamp::utc_offset_minutes() const noexcept {
  if (offset_ == no_offset) return std::nullopt;
  return offset_;
}

std::int64_t Timestamp::unix_seconds() const noexcept { return (utc_ - epoch()).total_seconds(); }

Timestamp Timestamp::with_raw(std::string raw) const {
  Timestamp t = *this;
  t.raw_ = raw.empty() ? to_rfc3339() : std::move(raw);
  return t;
}

std::optional<Timestamp> Timestamp::parse_iso8601(std::string_view raw) {
  std::string_view s = trim(raw);
  Fields f;
  std::size_t i = 0;
  f.year = digits(s, i, 4);
  if (f.year < 0) return std::nullopt;
  f.precision = Precision::year;
  bool basic = false;  // ISO 8601 basic format: 20151126T093000Z
  if (i < s.size() && is_digit(s[i])) {
    basic = true;
    if ((f.month = digits(s, i, 2)) < 0 || (f.day = digits(s, i, 2)) < 0) return std::nullopt;
    f.precision = Precision::day;
  } else if (i < s.size() && s[i] == '-') {
    ++i;
    if ((f.month = digits(s, i, 2)) < 0) return std::nullopt;
    f.precision = Precision::month;
    if (i < s.size() && s[i] == '-') {
      ++i;
      if ((f.day = digits(s, i, 2)) < 0) return std::nullopt;
      f.precision = Precision::day;
    }
  }
  if (f.precision == Precision::day && i < s.size() && (s[i] == 'T' || s[i] == 't' || s[i] == ' ')) {
    ++i;
    if ((f.hour = digits(s, i, 2)) < 0) return std::nullopt;
    if (!basic && i < s.size() && s[i] == ':') ++i;
    if ((f.minute = digits(s, i, 2)) < 0) return std::nullopt;
    f.precision = Precision::minute;
    bool has_seconds = basic ? (i < s.size() && is_digit(s[i])) : (i < s.size() && s[i] == ':');
    if (has_seconds) {
      if (!basic) ++i;
      if ((f.second = digits(s, i, 2)) < 0) return std::nullopt;
      if (f.second == 60) f.second = 59;  // leap second: the raw text keeps it
      f.precision = Precision::second;
      if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        ++i;
        std::size_t start = i;
        int micro = 0;
        while (i < s.size() && is_digit(s[i])) {
          if (i - start < 6) micro = micro * 10 + (s[i] - '0');
          ++i;
        }
        std::size_t n = i - start;
        if (n == 0) return std::nullopt;
        f.fraction_digits = static_cast<int>(n < 6 ? n : 6);
        for (std::size_t k = n; k < 6; ++k) micro *= 10;
        f.micro = micro;
        f.precision = Precision::fraction;
      }
    }
    if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
      ++i;
      f.offset = 0;
    } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      int offset = 0;
      if (!numeric_zone(s, i, offset)) return std::nullopt;
      f.offset = offset;
    }
  }
  if (i != s.size()) return std::nullopt;
  return build(f, raw);
}

std::optional<Timestamp> Timestamp::parse_rfc822(std::string_view raw) {
  std::string_view s = trim(raw);
  Fields f;
  if (rfc822_common(s, f)) return build(f, raw);
  f = Fields{};
  f.precision = Precision::day;
  bool have_day = false, have_month = false, have_year = false, have_time = false, pm = false, am = false;
  bool offset_from_utc_word = false;
  bool month_before_numbers = false;  // the month word came first, before any number
  int unknown_words = 0;
  std::string folded;
  std::size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (is_space(c) || c == ',' || c == '.' || c == '/') {
      ++i;
      continue;
    }
    if (is_digit(c)) {
      if (clock_time(s, i, f)) {
        if (have_time) return std::nullopt;
        have_time = true;
        continue;
      }
      std::size_t start = i;
      int v = 0;
      while (i < s.size() && is_digit(s[i]) && i - start < 5) v = v * 10 + (s[i++] - '0');
      std::size_t n = i - start;
      if (i < s.size() && is_digit(s[i])) return std::nullopt;
      if (i < s.size() && is_alpha(s[i])) {  // ordinal suffix: 1st, 2nd, 26th, 1er
        while (i < s.size() && is_alpha(s[i])) ++i;
        if (n > 2) return std::nullopt;
      }
      if (n <= 2 && !have_day && !(have_month && have_year)) {
        f.day = v;
        have_day = true;
      } else if ((n == 4 || n == 2) && !have_year && (have_day || have_month)) {
        f.year = n == 4 ? v : (v < 50 ? 2000 + v : 1900 + v);
        have_year = true;
      } else {
        return std::nullopt;
      }
      continue;
    }
    if (c == '+' || c == '-') {
      // A numeric zone may follow "GMT"/"UTC" ("GMT+0100", as JavaScript writes dates).
      if (!have_time || (f.offset && !offset_from_utc_word)) return std::nullopt;
      offset_from_utc_word = false;
      int offset = 0;
      if (!numeric_zone(s, i, offset)) return std::nullopt;
      f.offset = offset;
      continue;
    }
    if (c == '(') {  // comment, as in "+0100 (CET)"
      std::size_t close = s.find(')', i);
      if (close == std::string_view::npos) return std::nullopt;
      i = close + 1;
      continue;
    }
    if (!is_alpha(c)) return std::nullopt;
    std::size_t start = i;
    // a word, hyphens inside included (the Portuguese weekday "quinta-feira")
    while (i < s.size() && (is_alpha(s[i]) || (s[i] == '-' && i + 1 < s.size() && is_alpha(s[i + 1])))) ++i;
    std::string_view word = fold_word(s.substr(start, i - start), folded);
    if (!have_month || month_before_numbers) {
      if (auto m = month_from_word(word)) {
        // A month word before any number may have been a weekday that spells
        // like a month ("mar." is Tuesday in French and Spanish): a later
        // month word wins and the earlier one counts as the weekday.
        if (have_month && ++unknown_words > 1) return std::nullopt;
        f.month = *m;
        month_before_numbers = !have_month && !have_day && !have_year && !have_time;
        have_month = true;
        continue;
      }
    }
    if (have_time && !f.offset) {
      if (auto z = lookup(zone_names, word)) {
        f.offset = *z;
        offset_from_utc_word = word == "gmt" || word == "utc" || word == "ut";
        continue;
      }
    }
    if (have_time && (word == "pm" || word == "am")) {
      (word == "pm" ? pm : am) = true;
      continue;
    }
    bool filler = false;
    for (auto w : filler_words) filler = filler || w == word;
    if (filler) continue;
    if (++unknown_words > 1) return std::nullopt;  // at most one: the weekday, in any language
  }
  if (!have_day || !have_month || !have_year) return std::nullopt;
  if (pm || am) {
    if (f.hour < 1 || f.hour > 12) return std::nullopt;
    f.hour = f.hour % 12 + (pm ? 12 : 0);
  }
  if (!have_time && f.offset) return std::nullopt;
  return build(f, raw);
}

std::optional<Timestamp> Timestamp::parse(std::string_view text) {
  if (auto t = parse_iso8601(text)) return t;
  return parse_rfc822(text);
}

std::string Timestamp::to_rfc3339() const {
  pt::ptime local = offset_ == no_offset ? utc_ : utc_ + pt::minutes(offset_);
  gr::date d = local.date();
  pt::time_duration td = local.time_of_day();
  char buf[64];
  int n = 0;
  switch (precision_) {
    case Precision::year:
      n = std::snprintf(buf, sizeof buf, "%04d", static_cast<int>(d.year()));
      return std::string(buf, static_cast<std::size_t>(n));
    case Precision::month:
      n = std::snprintf(buf, sizeof buf, "%04d-%02d", static_cast<int>(d.year()), static_cast<int>(d.month()));
      return std::string(buf, static_cast<std::size_t>(n));
    case Precision::day:
      n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(d.year()),
                        static_cast<int>(d.month()), static_cast<int>(d.day()));
      return std::string(buf, static_cast<std::size_t>(n));
    default:
      break;
  }
  n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", static_cast<int>(d.year()),
                    static_cast<int>(d.month()), static_cast<int>(d.day()), static_cast<int>(td.hours()),
                    static_cast<int>(td.minutes()));
  std::string out(buf, static_cast<std::size_t>(n));
  if (precision_ >= Precision::second) {
    n = std::snprintf(buf, sizeof buf, ":%02d", static_cast<int>(td.seconds()));
    out.append(buf, static_cast<std::size_t>(n));
  }
  if (precision_ == Precision::fraction) {
    n = std::snprintf(buf, sizeof buf, ".%06d", static_cast<int>(td.fractional_seconds()));
    out.append(buf, static_cast<std::size_t>(1 + fraction_digits_));
  }
  if (offset_ == no_offset) return out;
  if (offset_ == 0) return out + 'Z';
  int off = offset_ < 0 ? -offset_ : offset_;
  n = std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset_ < 0 ? '-' : '+', off / 60, off % 60);
  out.append(buf, static_cast<std::size_t>(n));
  return out;
}

std::string Timestamp::to_rfc822() const {
  static constexpr std::array<const char*, 7> weekdays{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int offset = offset_ == no_offset ? 0 : offset_;
  pt::ptime local = utc_ + pt::minutes(offset);
  gr::date d = local.date();
  pt::time_duration td = local.time_of_day();
  int off = offset < 0 ? -offset : offset;
  char buf[64];
  int n = std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d",
                        weekdays[d.day_of_week().as_number()], static_cast<int>(d.day()),
                        months[static_cast<std::size_t>(d.month() - 1)], static_cast<int>(d.year()),
                        static_cast<int>(td.hours()), static_cast<int>(td.minutes()),
                        static_cast<int>(td.seconds()), offset < 0 ? '-' : '+', off / 60, off % 60);
  return std::string(buf, static_cast<std::size_t>(n));
}

}  // namespace hrnews
