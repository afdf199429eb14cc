// SPDX-License-Identifier: Apache-2.0
// Canonical spellings of every enumeration: one table each, in enumerator order.
#include <array>
#include <cstddef>

#include <hrnews/article.hpp>
#include <hrnews/campaign.hpp>
#include <hrnews/case_reference.hpp>
#include <hrnews/collection.hpp>
#include <hrnews/diagnostic.hpp>
#include <hrnews/intervention.hpp>
#include <hrnews/person.hpp>
#include <hrnews/taxonomy.hpp>
#include <hrnews/text.hpp>
#include <hrnews/timestamp.hpp>

namespace hrnews {
namespace {

template <class Enum, std::size_t N>
std::string_view name_of(const std::array<std::string_view, N>& names, Enum value) noexcept {
  auto index = static_cast<std::size_t>(value);
  return index < N ? names[index] : std::string_view{};
}

template <class Enum, std::size_t N>
std::optional<Enum> parse_name(const std::array<std::string_view, N>& names, std::string_view text) noexcept {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == text) return static_cast<Enum>(i);
  return std::nullopt;
}

constexpr std::array<std::string_view, 3> text_types{"text", "html", "xhtml"};
constexpr std::array<std::string_view, 6> precisions{"year", "month", "day", "minute", "second", "fraction"};
constexpr std::array<std::string_view, 2> party_kinds{"organisation", "person"};
constexpr std::array<std::string_view, 5> relation_types{"translation-of", "follow-up-of", "part-of",
                                                         "replaces", "related"};
constexpr std::array<std::string_view, 4> case_schemes{"unknown", "observatory", "amnesty-ua", "amnesty-index"};
constexpr std::array<std::string_view, 6> intervention_types{"urgent-appeal", "follow-up", "closing",
                                                             "open-letter", "press-release", "other"};
constexpr std::array<std::string_view, 3> case_statuses{"open", "follow-up", "closed"};
constexpr std::array<std::string_view, 3> campaign_statuses{"planned", "active", "closed"};
constexpr std::array<std::string_view, 3> severities{"info", "warning", "error"};
constexpr std::array<std::string_view, 5> mapping_kinds{"exact", "close", "broad", "narrow", "related"};
constexpr std::array<std::string_view, 2> item_kinds{"article", "intervention"};

}  // namespace

#define HRNEWS_ENUM_NAMES(Enum, table)                                                      \
  std::string_view to_string(Enum value) noexcept { return name_of(table, value); }          \
  template <>                                                                               \
  std::optional<Enum> from_string<Enum>(std::string_view text) noexcept {                    \
    return parse_name<Enum>(table, text);                                                   \
  }

HRNEWS_ENUM_NAMES(TextType, text_types)
HRNEWS_ENUM_NAMES(Precision, precisions)
HRNEWS_ENUM_NAMES(PartyKind, party_kinds)
HRNEWS_ENUM_NAMES(RelationType, relation_types)
HRNEWS_ENUM_NAMES(CaseScheme, case_schemes)
HRNEWS_ENUM_NAMES(InterventionType, intervention_types)
HRNEWS_ENUM_NAMES(CaseStatus, case_statuses)
HRNEWS_ENUM_NAMES(CampaignStatus, campaign_statuses)
HRNEWS_ENUM_NAMES(Severity, severities)
HRNEWS_ENUM_NAMES(MappingKind, mapping_kinds)
HRNEWS_ENUM_NAMES(ItemKind, item_kinds)

#undef HRNEWS_ENUM_NAMES

}  // namespace hrnews
