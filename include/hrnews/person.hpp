// SPDX-License-Identifier: Apache-2.0
/// @file person.hpp
/// @brief `Person` (an author) and `Party` (an organisation or person with a role).
#pragma once

#include <string>
#include <tuple>

#include <hrnews/enum.hpp>

namespace hrnews {

/// An author or contributor as feeds name them.
struct Person {
  std::string name;   ///< display name, e.g. `OMCT`
  std::string email;  ///< e-mail address
  std::string uri;    ///< home page or identifier
};

/// People are equal when every field is.
inline bool operator==(const Person& a, const Person& b) {
  return std::tie(a.name, a.email, a.uri) == std::tie(b.name, b.email, b.uri);
}
/// Negation of `==`.
inline bool operator!=(const Person& a, const Person& b) { return !(a == b); }

/// Whether a party is an organisation or a person.
enum class PartyKind {
  organisation,  ///< an NGO, network, coalition, institution
  person,        ///< an individual
};

/// `"organisation"` or `"person"`.
std::string_view to_string(PartyKind kind) noexcept;
/// Parses `"organisation"` or `"person"`.
template <>
std::optional<PartyKind> from_string<PartyKind>(std::string_view text) noexcept;

/// An organisation or person taking part in an item or campaign, with its role
/// (`publisher`, `co-sponsor`, `organiser`, `signatory`…).
struct Party {
  PartyKind kind = PartyKind::organisation;  ///< organisation or person
  std::string name;                          ///< e.g. `World Organisation Against Torture`
  std::string role;                          ///< free-form role, e.g. `publisher`
  std::string abbreviation;                  ///< short name, e.g. `OMCT`
  std::string email;                         ///< contact address
  std::string uri;                           ///< web site or identifier
};

/// Parties are equal when every field is.
inline bool operator==(const Party& a, const Party& b) {
  return std::tie(a.kind, a.name, a.role, a.abbreviation, a.email, a.uri) ==
         std::tie(b.kind, b.name, b.role, b.abbreviation, b.email, b.uri);
}
/// Negation of `==`.
inline bool operator!=(const Party& a, const Party& b) { return !(a == b); }

}  // namespace hrnews
