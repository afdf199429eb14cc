// SPDX-License-Identifier: Apache-2.0
/// @file case_reference.hpp
/// @brief `CaseReference`: the reference numbers of urgent appeals, parsed, formatted, compared.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <hrnews/enum.hpp>

namespace hrnews {

/// The numbering scheme a case reference follows.
enum class CaseScheme {
  unknown,        ///< not recognised; only the raw text is kept
  observatory,    ///< Observatory / OMCT: `TUR 005 / 0717 / OBS 078.6`
  amnesty_ua,     ///< Amnesty International urgent action: `UA 229/10`
  amnesty_index,  ///< Amnesty International document index: `AMR 18/0485/2019`
};

/// `"unknown"`, `"observatory"`, `"amnesty-ua"` or `"amnesty-index"`.
std::string_view to_string(CaseScheme scheme) noexcept;
/// Parses a scheme name.
template <>
std::optional<CaseScheme> from_string<CaseScheme>(std::string_view text) noexcept;

/// A case reference as printed on an urgent appeal.
///
/// Built only by `parse`, so its parts always agree with its raw text; the raw
/// text is kept verbatim. Spacing and case vary in the wild
/// (`AZE001 / 0813 / OBS 071`, `tur 005/0717/obs 078.6`) and are tolerated.
///
/// Observatory references: country (ISO alpha-3), case number, month and year
/// of the first appeal, programme (`OBS`) and serial, and `.n` for the n-th
/// follow-up. Amnesty urgent actions: number and year, and whether the text is a
/// "Further information on UA …". Amnesty index numbers: region code,
/// sub-region, document number and year.
class CaseReference {
 public:
  /// An empty reference of unknown scheme.
  CaseReference() = default;

  /// Parses any known form; anything else is kept as `CaseScheme::unknown`.
  /// Leading and trailing whitespace is ignored for recognition, not removed from `raw()`.
  static CaseReference parse(std::string_view text);

  /// The scheme recognised.
  CaseScheme scheme() const noexcept { return scheme_; }
  /// The text as it was given, verbatim.
  const std::string& raw() const noexcept { return raw_; }
  /// Observatory: ISO alpha-3 country (upper case). Amnesty index: region code (`AMR`).
  const std::string& country() const noexcept { return country_; }
  /// Observatory: case number (`5` in `TUR 005`). Amnesty UA: UA number. Index: document number.
  int number() const noexcept { return number_; }
  /// Observatory: month of the first appeal (1–12), 0 otherwise.
  int month() const noexcept { return month_; }
  /// Four-digit year (two-digit years are read as 19xx from 70, 20xx below).
  int year() const noexcept { return year_; }
  /// Observatory: programme code (`OBS`).
  const std::string& programme() const noexcept { return programme_; }
  /// Observatory: serial within the programme (`78` in `OBS 078.6`). Index: sub-region.
  int serial() const noexcept { return serial_; }
  /// Observatory: follow-up number (`6` in `.6`, 0 for the first appeal).
  /// Amnesty UA: 1 for "Further information on UA …", 0 otherwise.
  int follow_up() const noexcept { return follow_up_; }

  /// True when the reference is a follow-up of an earlier appeal.
  bool is_follow_up() const noexcept { return follow_up_ > 0; }
  /// The canonical text: `TUR 005 / 0717 / OBS 078.6`, `UA 229/10`,
  /// `Further information on UA 229/10`, `AMR 18/0485/2019`; the raw text for unknown schemes.
  std::string format() const;
  /// The reference of the case as a whole (the first appeal): follow-up part removed.
  CaseReference base() const;
  /// True when both references name the same case (equal canonical bases; raw text for unknown).
  bool same_case(const CaseReference& other) const;

  /// Equal when the raw texts are (the parts follow from them).
  friend bool operator==(const CaseReference& a, const CaseReference& b) noexcept { return a.raw_ == b.raw_; }
  /// Negation of `==`.
  friend bool operator!=(const CaseReference& a, const CaseReference& b) noexcept { return !(a == b); }

 private:
  CaseScheme scheme_ = CaseScheme::unknown;
  std::string raw_;
  std::string country_;
  std::string programme_;
  int number_ = 0;
  int month_ = 0;
  int year_ = 0;
  int serial_ = 0;
  int follow_up_ = 0;
};

}  // namespace hrnews
