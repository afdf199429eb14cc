// SPDX-License-Identifier: Apache-2.0
/// @file version.hpp
/// @brief The single place where the hrnews version is defined.
///
/// CMake and the Python build read the version from the macros below; bump
/// them (and CHANGELOG.md) to release.
#pragma once

/// Major version: incremented on incompatible API or format changes.
#define HRNEWS_VERSION_MAJOR 0
/// Minor version: incremented on compatible additions.
#define HRNEWS_VERSION_MINOR 1
/// Patch version: incremented on fixes.
#define HRNEWS_VERSION_PATCH 0
/// The version as a string, "MAJOR.MINOR.PATCH".
#define HRNEWS_VERSION_STRING "0.1.0"

namespace hrnews {
/// The version of the library the program is running against, "MAJOR.MINOR.PATCH".
const char* version() noexcept;
/// The version of the canonical formats (JSON, JSONL) this library writes.
inline constexpr const char* format_version = "1.0";
}  // namespace hrnews
