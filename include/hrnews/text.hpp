// SPDX-License-Identifier: Apache-2.0
/// @file text.hpp
/// @brief `Text`: a title, summary or body together with its markup type.
#pragma once

#include <string>
#include <string_view>

#include <hrnews/enum.hpp>

namespace hrnews {

/// How the characters of a `Text` are to be read (the Atom text constructs).
enum class TextType {
  text,   ///< plain text; markup characters are literal
  html,   ///< escaped HTML markup
  xhtml,  ///< well-formed XHTML markup (the content of an XHTML `div`)
};

/// The canonical spelling of a text type: `"text"`, `"html"` or `"xhtml"`.
std::string_view to_string(TextType type) noexcept;
/// Parses `"text"`, `"html"` or `"xhtml"`.
template <>
std::optional<TextType> from_string<TextType>(std::string_view text) noexcept;

/// A human-readable string with its markup type.
///
/// An empty `value` of type `text` counts as absent: writers omit it.
struct Text {
  std::string value;              ///< the characters, as found (markup unparsed)
  TextType type = TextType::text; ///< how `value` is to be read

  /// Creates an empty plain text.
  Text() = default;
  /// Creates a text from its value and type.
  Text(std::string v, TextType t = TextType::text) : value(std::move(v)), type(t) {}  // NOLINT: implicit on purpose
  /// Creates a plain text from a C string.
  Text(const char* v) : value(v) {}  // NOLINT: implicit on purpose

  /// True when there is nothing to show (an empty plain text).
  bool empty() const noexcept { return value.empty() && type == TextType::text; }
};

/// Texts are equal when value and type are.
inline bool operator==(const Text& a, const Text& b) noexcept {
  return a.type == b.type && a.value == b.value;
}
/// Negation of `==`.
inline bool operator!=(const Text& a, const Text& b) noexcept { return !(a == b); }

}  // namespace hrnews
