// SPDX-License-Identifier: Apache-2.0
// Private to the library: small steps shared by the ninjs and JSON-LD writers
// (src/ninjs.cpp, src/jsonld.cpp): full RFC 3339 date-times, URI checks and
// percent-encoding, plain text of HTML, labels from the taxonomy.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <hrnews/collection.hpp>
#include <hrnews/taxonomy.hpp>
#include <hrnews/text.hpp>
#include <hrnews/timestamp.hpp>

namespace hrnews::export_detail {

/// A complete RFC 3339 date-time (`YYYY-MM-DDTHH:MM:SS[.f](Z|±hh:mm)`) in the
/// source's offset, whatever the precision: partial dates give midnight of their
/// first day. No offset in the source gives `Z`.
std::string full_datetime(const Timestamp& t);

/// True when `text` is an absolute URI by the grammar of RFC 3986 (ASCII only,
/// valid percent-escapes, a scheme, an authority with a numeric port, no IP literals).
bool is_uri(std::string_view text) noexcept;

/// `text` as a URI: bytes outside the URI character set (non-ASCII, spaces,
/// controls, `"<>\^`{|}`) and `%` not followed by two hex digits are
/// percent-encoded. The result is returned when it is an absolute URI (`is_uri`), else nothing.
std::optional<std::string> as_uri(std::string_view text);

/// Every byte outside RFC 3986 "unreserved" percent-encoded (for a URN's last part).
std::string percent_encode_all(std::string_view text);

/// The text of `t` without markup: tags dropped (a tag separates words), the
/// common character references resolved, whitespace runs collapsed, trimmed.
/// Plain text is returned as it is.
std::string plain_text(const Text& t);

/// The IANA media type of a text: `text/plain`, `text/html` or `application/xhtml+xml`.
std::string_view media_type(TextType type) noexcept;

/// The built-in taxonomy, extended with the collection's own schemes when they
/// can be used (a scheme that cannot is ignored, as classification does).
class Vocabulary {
 public:
  explicit Vocabulary(const Collection& collection);
  /// The term, or null.
  const Term* find(const TermRef& ref) const noexcept;
  /// The scheme, or null.
  const Scheme* scheme(std::string_view id) const noexcept;
  /// The English label (else any label, else the code).
  std::string label(const TermRef& ref) const;
  /// The English label of a country or region code, else the code itself.
  std::string place_name(std::string_view scheme, std::string_view code) const;

 private:
  const Taxonomy* taxonomy_;
  std::unique_ptr<Taxonomy> owned_;
};

/// The campaign of `collection` with this id, or null.
const Campaign* find_campaign(const Collection& collection, std::string_view id) noexcept;

}  // namespace hrnews::export_detail
