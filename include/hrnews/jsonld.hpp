// SPDX-License-Identifier: Apache-2.0
/// @file jsonld.hpp
/// @brief The `jsonld` export: schema.org JSON-LD as a web page embeds it
/// (`docs/format-jsonld.md`).
///
/// Articles and interventions become `NewsArticle` nodes, items that announce
/// an event (`Article::event`) become `Event` nodes; campaigns they belong to
/// are `CreativeWorkSeries` named by `isPartOf`. A collection is one document
/// with `"@context": "https://schema.org"` and a `@graph` of its items.
/// Export only: there is no JSON-LD reader.
#pragma once

#include <cstddef>
#include <string>

#include <hrnews/collection.hpp>
#include <hrnews/options.hpp>

namespace hrnews {

/// Writes `collection` as one JSON-LD document: `@context` and a `@graph`
/// holding a node per item, in document order (pretty output ends with a line feed).
/// Always well-formed, whatever the model holds.
std::string write_jsonld(const Collection& collection, const WriteOptions& options = {});

/// The JSON-LD document (`@context` + the node) of the item at `index` of `collection`.
/// @throws std::out_of_range for a bad index
std::string write_jsonld_item(const Collection& collection, std::size_t index, const WriteOptions& options = {});

/// The item at `index` as an HTML block to paste into a page:
/// `<script type="application/ld+json">`, the document of `write_jsonld_item`, `</script>`.
/// Inside it every `</` is written `<\/` and every `<!--` as `\u003c!--`, so no
/// string of the model can end the script element early.
/// @throws std::out_of_range for a bad index
std::string jsonld_script(const Collection& collection, std::size_t index, const WriteOptions& options = {});

/// `text` made safe inside an HTML `<script>` element: `</` → `<\/`, `<!--` → `\u003c!--`
/// (both mean the same JSON string).
std::string escape_for_script(std::string text);

}  // namespace hrnews
