// SPDX-License-Identifier: Apache-2.0
/// @file url.hpp
/// @brief Resolution of relative URL references (RFC 3986 §5).
#pragma once

#include <string>
#include <string_view>

namespace hrnews {

/// Resolves `reference` against `base` as RFC 3986 §5.2 says (with dot-segment
/// removal). Returns `reference` unchanged when it is already absolute or when
/// `base` is empty or not absolute. Never fetches anything.
std::string resolve_url(std::string_view base, std::string_view reference);

/// True when `url` has a scheme (`https:`, `mailto:`, `urn:`…).
bool is_absolute_url(std::string_view url) noexcept;

}  // namespace hrnews
