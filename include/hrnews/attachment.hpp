// SPDX-License-Identifier: Apache-2.0
/// @file attachment.hpp
/// @brief `Attachment`: a file that goes with an item (an RSS enclosure, a report PDF).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>

namespace hrnews {

/// A file attached to an item.
struct Attachment {
  std::string url;                     ///< where the file is
  std::string type;                    ///< media type, e.g. `application/pdf`
  std::optional<std::uint64_t> length; ///< size in bytes, when known
  std::string title;                   ///< human-readable title
};

/// Attachments are equal when every field is.
inline bool operator==(const Attachment& a, const Attachment& b) {
  return std::tie(a.url, a.type, a.length, a.title) == std::tie(b.url, b.type, b.length, b.title);
}
/// Negation of `==`.
inline bool operator!=(const Attachment& a, const Attachment& b) { return !(a == b); }

}  // namespace hrnews
