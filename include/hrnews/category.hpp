// SPDX-License-Identifier: Apache-2.0
/// @file category.hpp
/// @brief `Category` (as found in a feed) and `TermRef` (resolved against a taxonomy).
#pragma once

#include <string>
#include <tuple>

namespace hrnews {

/// A category exactly as a feed gave it (`<category domain="…">`, `atom:category`,
/// `dc:subject`, a JSON Feed tag). Nothing is lost even when it is not understood.
struct Category {
  std::string term;    ///< the category text or code, e.g. `Human Rights Defenders`
  std::string scheme;  ///< RSS `domain` or Atom `scheme`
  std::string label;   ///< human-readable label, when the source gives one apart from the term
};

/// Categories are equal when every field is.
inline bool operator==(const Category& a, const Category& b) {
  return std::tie(a.term, a.scheme, a.label) == std::tie(b.term, b.scheme, b.label);
}
/// Negation of `==`.
inline bool operator!=(const Category& a, const Category& b) { return !(a == b); }

/// A reference to a term of a taxonomy scheme: `{"theme", "human-rights-defenders"}`.
struct TermRef {
  std::string scheme;  ///< scheme id, e.g. `theme`, `genre`, `mechanism`, `violation`
  std::string code;    ///< the term's code within the scheme
};

/// References are equal when scheme and code are.
inline bool operator==(const TermRef& a, const TermRef& b) {
  return a.scheme == b.scheme && a.code == b.code;
}
/// Negation of `==`.
inline bool operator!=(const TermRef& a, const TermRef& b) { return !(a == b); }
/// Orders by scheme, then code.
inline bool operator<(const TermRef& a, const TermRef& b) {
  return std::tie(a.scheme, a.code) < std::tie(b.scheme, b.code);
}

}  // namespace hrnews
