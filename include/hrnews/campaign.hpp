// SPDX-License-Identifier: Apache-2.0
/// @file campaign.hpp
/// @brief `Campaign`: a named, time-bound effort that groups items ("10 December, 10 Defenders").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <hrnews/category.hpp>
#include <hrnews/enum.hpp>
#include <hrnews/extensions.hpp>
#include <hrnews/person.hpp>
#include <hrnews/text.hpp>
#include <hrnews/timestamp.hpp>

namespace hrnews {

/// Where a campaign stands.
enum class CampaignStatus {
  planned,  ///< announced, not yet started
  active,   ///< running
  closed,   ///< over
};

/// `"planned"`, `"active"` or `"closed"`.
std::string_view to_string(CampaignStatus status) noexcept;
/// Parses a campaign status name.
template <>
std::optional<CampaignStatus> from_string<CampaignStatus>(std::string_view text) noexcept;

/// A campaign and the items that belong to it.
struct Campaign {
  std::string id;                               ///< stable identifier (required by writers)
  std::string name;                             ///< short name, e.g. `10 December, 10 Defenders`
  Text title;                                   ///< display title
  std::optional<Text> summary;                  ///< what the campaign is about
  std::string url;                              ///< its web page
  std::optional<CampaignStatus> status;         ///< planned, active or closed
  std::optional<Timestamp> start;               ///< when it starts
  std::optional<Timestamp> end;                 ///< when it ends
  std::vector<Party> organisers;                ///< who runs it
  std::vector<std::string> hashtags;            ///< without the leading `#`
  std::vector<TermRef> subjects;                ///< themes and other terms
  std::vector<std::string> countries;           ///< ISO 3166-1 alpha-2 codes
  std::vector<std::string> items;               ///< ids of its articles and interventions
  std::vector<std::string> calls_to_action;     ///< what supporters are asked to do, in order
  Extensions extensions;                        ///< unknown source members, kept for the round trip
};

/// Campaigns are equal when every field is.
bool operator==(const Campaign& a, const Campaign& b);
/// Negation of `==`.
inline bool operator!=(const Campaign& a, const Campaign& b) { return !(a == b); }

}  // namespace hrnews
