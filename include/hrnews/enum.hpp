// SPDX-License-Identifier: Apache-2.0
/// @file enum.hpp
/// @brief The generic `from_string` declaration shared by every enumeration.
#pragma once

#include <optional>
#include <string_view>

namespace hrnews {

/// Parses the canonical spelling of an enumerator (as written by `to_string`).
///
/// Specialised for every enumeration of the model; returns `std::nullopt` for a
/// spelling it does not know. Matching is exact (canonical spellings are lower
/// case with hyphens, e.g. `"urgent-appeal"`).
template <class Enum>
std::optional<Enum> from_string(std::string_view text) noexcept;

}  // namespace hrnews
