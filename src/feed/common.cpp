// SPDX-License-Identifier: Apache-2.0
#include "common.hpp"

#include <cstdint>
#include <cstdio>

#include <hrnews/classify.hpp>
#include <hrnews/error.hpp>
#include <hrnews/html.hpp>
#include <hrnews/relate.hpp>

#include "../classify_detail.hpp"
#include "../relate_detail.hpp"

namespace hrnews::detail {

void report_repair(std::vector<Diagnostic>& diagnostics, const ReadOptions& options, std::string_view format,
                   std::string code, std::string message, std::string path, std::size_t line, std::size_t column) {
  if (options.strict)
    throw ParseError(std::string(format), message + " (strict mode)", SourceLocation{line, column, std::nullopt},
                     path, options.file_name);
  Diagnostic d;
  d.severity = Severity::warning;
  d.code = std::move(code);
  d.message = std::move(message);
  if (line) d.line = line;
  if (column) d.column = column;
  d.path = std::move(path);
  diagnostics.push_back(std::move(d));
}

std::optional<Timestamp> parse_feed_date(std::string_view text, const ReadOptions& options, std::string_view format,
                                         std::vector<Diagnostic>& diagnostics, std::string path, std::size_t line,
                                         std::size_t column) {
  if (options.date_hook) {
    if (auto t = options.date_hook(text)) return t;
  }
  if (auto t = Timestamp::parse(text)) return t;
  report_repair(diagnostics, options, format, "date-unparsed", "\"" + std::string(text) + "\" is not a date; dropped",
                std::move(path), line, column);
  return std::nullopt;
}

std::string derive_item_id(const Article& article) {
  if (!article.url.empty()) return article.url;
  std::uint64_t h = 0xcbf29ce484222325ULL;
  auto feed = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 0x100000001b3ULL;
    }
  };
  feed(article.title.value);
  feed("\n");
  if (article.published) feed(article.published->raw());
  else if (article.updated) feed(article.updated->raw());
  char buf[40];
  std::snprintf(buf, sizeof buf, "urn:hrnews:item:%016llx", static_cast<unsigned long long>(h));
  return buf;
}

void finish_feed(Collection& collection, const ReadOptions& options) {
  derive_missing_ids(collection);
  finish_items(collection, options);
}

void derive_missing_ids(Collection& collection) {
  for (std::size_t i = 0; i < collection.items.size(); ++i) {
    Article& a = article_of(collection.items[i]);
    if (!a.id.empty()) continue;
    a.id = derive_item_id(a);
    Diagnostic d;
    d.severity = Severity::info;
    d.code = "id-derived";
    d.message = "item has no id; using \"" + a.id + "\"";
    d.path = "/items/" + std::to_string(i);
    collection.diagnostics.push_back(std::move(d));
  }
}

void finish_items(Collection& collection, const ReadOptions& options) {
  if (options.classify) {
    // classify(collection), then relate(collection), with relate's reading of
    // each item done right after the item is classified (while it is in cache).
    Relater relater(collection, RelateOptions{});
    classify_items(collection, builtin_taxonomy(), ClassifyOptions{},
                   [](void* r, std::size_t i, const ReferenceHint& hint) { static_cast<Relater*>(r)->add(i, hint); },
                   &relater);
    relater.finish();
  }
  if (options.sanitize_html) html::sanitize_collection(collection);
}

}  // namespace hrnews::detail
