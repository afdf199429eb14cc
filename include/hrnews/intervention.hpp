// SPDX-License-Identifier: Apache-2.0
/// @file intervention.hpp
/// @brief `Intervention`: an article with the structure of an urgent appeal.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <hrnews/article.hpp>
#include <hrnews/case_reference.hpp>
#include <hrnews/category.hpp>
#include <hrnews/enum.hpp>
#include <hrnews/timestamp.hpp>

namespace hrnews {

/// What kind of intervention an item is.
enum class InterventionType {
  urgent_appeal,    ///< `urgent-appeal`: the first appeal on a case
  follow_up,        ///< `follow-up`: follow-up or new information
  closing,          ///< `closing`: the case is closed (release, acquittal…)
  open_letter,      ///< `open-letter`: a letter to authorities
  press_release,    ///< `press-release`: a public statement on the case
  other,            ///< `other`
};

/// The canonical spelling, e.g. `"urgent-appeal"`.
std::string_view to_string(InterventionType type) noexcept;
/// Parses an intervention type name.
template <>
std::optional<InterventionType> from_string<InterventionType>(std::string_view text) noexcept;

/// Where a case stands.
enum class CaseStatus {
  open,       ///< `open`: action is needed
  follow_up,  ///< `follow-up`: action continues after new information
  closed,     ///< `closed`: no further action requested
};

/// `"open"`, `"follow-up"` or `"closed"`.
std::string_view to_string(CaseStatus status) noexcept;
/// Parses a case status name.
template <>
std::optional<CaseStatus> from_string<CaseStatus>(std::string_view text) noexcept;

/// A person or group an intervention is about.
struct Victim {
  std::string name;          ///< e.g. `Arif Yunusov`
  std::string role;          ///< e.g. `human rights defender`, `journalist`
  std::string organisation;  ///< e.g. `Institute for Peace and Democracy`
  std::string gender;        ///< as stated by the source (`male`, `female`, …)
  std::string status;        ///< e.g. `detained`, `released`, `disappeared`
};

/// Victims are equal when every field is.
bool operator==(const Victim& a, const Victim& b);
/// Negation of `==`.
inline bool operator!=(const Victim& a, const Victim& b) { return !(a == b); }

/// An authority the reader is asked to write to.
struct Addressee {
  std::string name;         ///< e.g. `Mr. Ilham Aliyev`
  std::string title;        ///< e.g. `President of the Republic of Azerbaijan`
  std::string institution;  ///< e.g. `Office of the President`
  std::string address;      ///< postal address, lines separated by `\n`
  std::string email;        ///< e-mail address
  std::string fax;          ///< fax number as printed
  std::string phone;        ///< telephone number as printed
};

/// Addressees are equal when every field is.
bool operator==(const Addressee& a, const Addressee& b);
/// Negation of `==`.
inline bool operator!=(const Addressee& a, const Addressee& b) { return !(a == b); }

/// An urgent appeal, follow-up or closing: an `Article` plus the case it is about.
struct Intervention : Article {
  std::optional<CaseReference> case_ref;                   ///< the reference printed on the appeal
  InterventionType intervention_type = InterventionType::urgent_appeal;  ///< kind of intervention
  std::optional<CaseStatus> status;                        ///< where the case stands
  std::vector<Victim> victims;                             ///< who the case is about
  std::vector<TermRef> violations;                         ///< violation terms (scheme `violation`)
  std::vector<std::string> requested_actions;              ///< what readers are asked to do, in order
  std::vector<Addressee> addressees;                       ///< whom to write to
  std::optional<Timestamp> deadline;                       ///< act before this
  std::string follows;                                     ///< id of the intervention this one updates

  /// An empty intervention.
  Intervention() = default;
  /// An intervention whose article part is `article`.
  explicit Intervention(Article article) : Article(std::move(article)) {}
};

/// Interventions are equal when their article parts and every own field are.
bool operator==(const Intervention& a, const Intervention& b);
/// Negation of `==`.
inline bool operator!=(const Intervention& a, const Intervention& b) { return !(a == b); }

}  // namespace hrnews
