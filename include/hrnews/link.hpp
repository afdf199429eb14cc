// SPDX-License-Identifier: Apache-2.0
/// @file link.hpp
/// @brief `Link`: a typed reference from an item or feed to a web resource.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>

namespace hrnews {

/// A link as in Atom's `atom:link`: where, why, and what is there.
struct Link {
  std::string href;                    ///< the IRI, resolved to absolute when a base was known
  std::string rel;                     ///< relation (`alternate`, `self`, `enclosure`, a URI…); empty means `alternate`
  std::string type;                    ///< media type of the target, e.g. `text/html`
  std::string hreflang;                ///< BCP 47 language of the target
  std::string title;                   ///< human-readable title of the link
  std::optional<std::uint64_t> length; ///< advisory size in bytes
};

/// Links are equal when every field is.
inline bool operator==(const Link& a, const Link& b) {
  return std::tie(a.href, a.rel, a.type, a.hreflang, a.title, a.length) ==
         std::tie(b.href, b.rel, b.type, b.hreflang, b.title, b.length);
}
/// Negation of `==`.
inline bool operator!=(const Link& a, const Link& b) { return !(a == b); }

}  // namespace hrnews
