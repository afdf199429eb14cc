// SPDX-License-Identifier: Apache-2.0
/// @file xml.hpp
/// @brief The canonical XML format (`xml`): lossless reading and writing of a `Collection`.
///
/// The shape is documented in `docs/format-xml.md` and by the XML Schema
/// `docs/schema/hrnews.xsd` (namespace `urn:hrnews:xml:1.0`). It carries the
/// same information as the canonical JSON format (`json.hpp`), member for
/// member. This header does not expose pugixml.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include <hrnews/collection.hpp>
#include <hrnews/error.hpp>
#include <hrnews/options.hpp>

namespace hrnews {

/// The XML namespace of the canonical XML format, version 1.
inline constexpr const char* xml_namespace = "urn:hrnews:xml:1.0";

/// Reads a canonical XML document.
/// @throws ParseError with line and column for syntax errors, and with line,
///         column and element path (`/hrnews/items/article[3]/published`) for
///         semantic ones (missing id, bad date, unknown enum value, bad
///         number), or when a limit is exceeded.
Collection read_xml(std::string_view xml, const ReadOptions& options = {});
/// Like `read_xml`, but returns the error instead of throwing it.
Result<Collection> try_read_xml(std::string_view xml, const ReadOptions& options = {}) noexcept;

/// Writes a canonical XML document (UTF-8). Never ill-formed: characters XML
/// cannot carry are written with the `escaped="true"` convention of `docs/format-xml.md`.
std::string write_xml(const Collection& collection, const WriteOptions& options = {});
/// Writes a canonical XML document to a stream.
void write_xml(const Collection& collection, std::ostream& out, const WriteOptions& options = {});

}  // namespace hrnews
