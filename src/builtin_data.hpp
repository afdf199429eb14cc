// SPDX-License-Identifier: Apache-2.0
// Internal: the built-in taxonomy as embedded at build time (cmake/HrnewsEmbed.cmake).
#pragma once

#include <cstddef>
#include <string_view>

namespace hrnews::detail {

/// One embedded scheme file: its id and its JSON text (UTF-8, NUL-terminated).
struct EmbeddedScheme {
  const char* id;              ///< scheme id, also the file name without `.json`
  const unsigned char* data;   ///< the JSON text
  std::size_t size;            ///< its length in bytes, without the terminating NUL

  /// The JSON text as a view.
  std::string_view json() const noexcept { return {reinterpret_cast<const char*>(data), size}; }
};

/// The embedded schemes, in the order of the built-in taxonomy.
extern const EmbeddedScheme builtin_scheme_data[];
/// How many there are.
extern const std::size_t builtin_scheme_count;

}  // namespace hrnews::detail
