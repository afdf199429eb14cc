// SPDX-License-Identifier: Apache-2.0
/// @file timestamp.hpp
/// @brief `Timestamp`: an instant that remembers how it was written.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/date_time/posix_time/ptime.hpp>

#include <hrnews/enum.hpp>

namespace hrnews {

/// How much of a date and time was given in the source.
enum class Precision {
  year,      ///< `2015`
  month,     ///< `2015-11`
  day,       ///< `2015-11-26`
  minute,    ///< `2015-11-26T09:30Z`, `Thu, 26 Nov 2015 09:30 +0100`
  second,    ///< `2015-11-26T09:30:00Z`
  fraction,  ///< `2015-11-26T09:30:00.25Z` (up to microseconds)
};

/// The canonical spelling: `"year"`, `"month"`, `"day"`, `"minute"`, `"second"`, `"fraction"`.
std::string_view to_string(Precision p) noexcept;
/// Parses a precision name.
template <>
std::optional<Precision> from_string<Precision>(std::string_view text) noexcept;

/// An instant in UTC plus what the source said about it: its UTC offset, its
/// precision and the raw text it was parsed from.
///
/// `2015-11`, `2015-11-26` and `Thu, 26 Nov 2015 09:30:00 +0100` all survive a
/// round trip as written. Partial dates are placed at the start of their
/// period (midnight UTC on the first day). A timestamp whose source gave no
/// zone has no offset and is read as UTC.
///
/// Invariant: `raw()` is never empty; when no raw text is given it is the
/// RFC 3339 form (`to_rfc3339()`).
class Timestamp {
 public:
  /// The Unix epoch, `1970-01-01T00:00:00Z`, second precision.
  Timestamp();

  /// Builds a timestamp from the *local* fields as written in the source.
  ///
  /// @param year 1400 to 9999
  /// @param month 1 to 12 (ignored below `Precision::month`)
  /// @param day 1 to the month's length (ignored below `Precision::day`)
  /// @param hour,minute,second the local time of day (ignored below `minute`)
  /// @param microsecond 0 to 999999 (ignored below `fraction`)
  /// @param offset_minutes the UTC offset of the local fields, -1439 to 1439, or none
  /// @param precision what the source gave
  /// @param fraction_digits 1 to 6 decimal digits written for `fraction`
  /// @param raw the source text, or empty for the RFC 3339 form
  /// @throws std::out_of_range when a field is outside its range
  static Timestamp from_fields(int year, int month, int day, int hour, int minute, int second,
                               int microsecond, std::optional<int> offset_minutes,
                               Precision precision, int fraction_digits = 0,
                               std::string raw = {});

  /// Parses RFC 3339, W3CDTF and ISO 8601 extended forms, including partial
  /// dates (`2015`, `2015-11`, `2015-11-26`), a missing zone, `T` or space
  /// between date and time, `Z`, `+01:00`, `+0100` and `+01`.
  /// Returns `std::nullopt` when the text is not such a date.
  static std::optional<Timestamp> parse_iso8601(std::string_view text);

  /// Parses RFC 822/1123 dates and their common variants: missing or wrong
  /// weekday, two-digit years, missing seconds, named zones (GMT, UTC, EST,
  /// CEST…), numeric zones. Returns `std::nullopt` when the text is not such a date.
  static std::optional<Timestamp> parse_rfc822(std::string_view text);

  /// Tries every form this library knows (ISO 8601 family, then RFC 822).
  static std::optional<Timestamp> parse(std::string_view text);

  /// The instant, in UTC.
  const boost::posix_time::ptime& utc() const noexcept { return utc_; }
  /// The UTC offset of the source, in minutes east of UTC, if the source gave one.
  std::optional<int> utc_offset_minutes() const noexcept;
  /// How much of the date and time the source gave.
  Precision precision() const noexcept { return precision_; }
  /// Number of fractional-second digits written (0 unless `Precision::fraction`).
  int fraction_digits() const noexcept { return fraction_digits_; }
  /// The text this timestamp was read from (never empty).
  const std::string& raw() const noexcept { return raw_; }
  /// Seconds since the Unix epoch (negative before 1970).
  std::int64_t unix_seconds() const noexcept;

  /// RFC 3339 text with the original offset and precision, e.g.
  /// `2015-11-26T09:30:00+01:00`, `2015-11`, `2015-11-26T09:30:00.250Z`.
  std::string to_rfc3339() const;
  /// RFC 822 text in the original offset (`Thu, 26 Nov 2015 09:30:00 +0100`).
  std::string to_rfc822() const;

  /// Returns a copy whose raw text is `raw` (or the RFC 3339 form when empty).
  Timestamp with_raw(std::string raw) const;

  /// Equal when instant, offset, precision, digits and raw text are all equal.
  friend bool operator==(const Timestamp& a, const Timestamp& b) noexcept {
    return a.utc_ == b.utc_ && a.offset_ == b.offset_ && a.precision_ == b.precision_ &&
           a.fraction_digits_ == b.fraction_digits_ && a.raw_ == b.raw_;
  }
  /// Negation of `==`.
  friend bool operator!=(const Timestamp& a, const Timestamp& b) noexcept { return !(a == b); }
  /// Orders by instant only (then by raw text, to be a strict weak order).
  friend bool operator<(const Timestamp& a, const Timestamp& b) noexcept {
    return a.utc_ != b.utc_ ? a.utc_ < b.utc_ : a.raw_ < b.raw_;
  }

 private:
  /// Tag of the constructor that leaves the raw text empty (from_fields sets it).
  struct NoRaw {};
  /// The epoch, without formatting its raw text (cheap; used by from_fields).
  explicit Timestamp(NoRaw) noexcept;
  static constexpr int no_offset = 0x7fff;
  boost::posix_time::ptime utc_;
  std::int16_t offset_ = no_offset;
  Precision precision_ = Precision::second;
  std::int8_t fraction_digits_ = 0;
  std::string raw_;
};

}  // namespace hrnews
