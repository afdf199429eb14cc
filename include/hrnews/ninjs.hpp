// SPDX-License-Identifier: Apache-2.0
/// @file ninjs.hpp
/// @brief The `ninjs` export: IPTC ninjs 2.2 news objects, optionally with the
/// hrnews extension (`docs/format-ninjs.md`).
///
/// A collection is written as a JSON array holding one ninjs object per item,
/// in document order. Without the extension every object is valid against the
/// IPTC schema `ninjs-schema_2.2.json`; with it, against
/// `docs/schema/hrnews-ninjs-extension.schema.json`, which is that schema's
/// `ninjsType` plus one property, `hrnews`. Export only: there is no ninjs reader.
#pragma once

#include <string>
#include <string_view>

#include <hrnews/collection.hpp>
#include <hrnews/options.hpp>

namespace hrnews {

/// The `$id` of the IPTC ninjs 2.2 JSON Schema (named in each object's `standard.schema`).
inline constexpr std::string_view ninjs_schema_uri = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json";
/// The `$id` of the hrnews extension schema (`docs/schema/hrnews-ninjs-extension.schema.json`).
inline constexpr std::string_view ninjs_extension_schema_uri =
    "urn:hrnews:schema:ninjs-extension:1.0";

/// How to write ninjs.
struct NinjsOptions {
  bool pretty = true;             ///< indent and break lines
  int indent = 2;                 ///< spaces per level when pretty
  bool hrnews_extension = false;  ///< add the `hrnews` extension property (victims, case reference, …)
};

/// Writes every item of `collection` as a ninjs 2.2 object, in a JSON array
/// (pretty output ends with a line feed). Always well-formed, whatever the model holds.
std::string write_ninjs(const Collection& collection, const NinjsOptions& options);
/// `write_ninjs` without the extension (the `ninjs` format of `hrnews::write`).
std::string write_ninjs(const Collection& collection, const WriteOptions& options = {});
/// The ninjs object of the item at `index` of `collection` (the collection gives
/// campaign names and its own taxonomy schemes). @throws std::out_of_range for a bad index
std::string write_ninjs_item(const Collection& collection, std::size_t index, const NinjsOptions& options = {});

}  // namespace hrnews
