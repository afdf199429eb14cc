// SPDX-License-Identifier: Apache-2.0
// Splicing (hrnews/splice.hpp): items written apart and joined in order give
// the bytes of `write` for the whole collection.
#include <catch2/catch.hpp>

#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <hrnews/hrnews.hpp>
#include <hrnews/io.hpp>
#include <hrnews/json.hpp>
#include <hrnews/jsonl.hpp>
#include <hrnews/splice.hpp>

using namespace hrnews;

namespace json_test {
/// A collection that sets every field of every type (defined in test_json.cpp).
Collection full_collection();
}  // namespace json_test

namespace {

std::vector<Item> numbered_items(int from, int count) {
  std::vector<Item> items;
  for (int i = from; i < from + count; ++i) {
    Article a;
    a.id = "item-" + std::to_string(i);
    a.title = "Title " + std::to_string(i);
    items.emplace_back(a);
  }
  return items;
}

/// Writes `parts` (each one input's items) through a SplicedWriter: even parts as pieces, odd ones directly.
std::string splice(const Collection& frame, const std::vector<std::vector<Item>>& parts, const std::string& format,
                   const WriteOptions& options = {}) {
  std::ostringstream out;
  SplicedWriter writer(out, format, frame.feed, frame.extensions, options);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i % 2 == 0) {
      writer.write_piece(write_items_piece(parts[i], format, options));
    } else {
      writer.write(parts[i]);
    }
  }
  writer.finish(frame.campaigns, frame.schemes, frame.diagnostics, frame.extensions);
  return out.str();
}

}  // namespace

TEST_CASE("Items written apart and spliced give the bytes of writing the whole collection", "[splice]") {
  const Collection full = json_test::full_collection();
  Collection frame = full;
  frame.items.clear();
  // Parts of every size: empty ones first, between and last; the full collection's own items among them.
  const std::vector<std::vector<Item>> parts = {
      {}, numbered_items(0, 3), {}, full.items, numbered_items(3, 1), {}, numbered_items(4, 2000), {}};
  Collection whole = frame;
  for (const auto& part : parts) whole.items.insert(whole.items.end(), part.begin(), part.end());
  REQUIRE(whole.items.size() > 2000);

  for (const std::string format : {"json", "jsonl"}) {
    INFO(format);
    CHECK(splice(frame, parts, format) == write(whole, format));
  }
  WriteOptions compact;
  compact.pretty = false;
  CHECK(splice(frame, parts, "json", compact) == write_json(whole, compact));
  WriteOptions wide;
  wide.indent = 4;
  CHECK(splice(frame, parts, "json", wide) == write_json(whole, wide));
}

TEST_CASE("A spliced document without items has no items member, as a written one", "[splice]") {
  Collection frame = json_test::full_collection();
  frame.items.clear();
  const std::vector<std::vector<Item>> parts = {{}, {}, {}};
  CHECK(splice(frame, parts, "json") == write_json(frame));
  CHECK(splice(frame, parts, "jsonl") == write_jsonl(frame));
  CHECK(splice(Collection(), {}, "json") == write_json(Collection()));
  CHECK(write_items_piece({}, "json").empty());
}

TEST_CASE("A piece can be written into a buffer used before, after what it holds", "[splice]") {
  const std::vector<Item> items = numbered_items(0, 5);
  for (const std::string format : {"json", "jsonl"}) {
    INFO(format);
    std::string buffer = write_items_piece(numbered_items(100, 50), format);
    buffer.clear();
    write_items_piece(items, format, buffer);
    CHECK(buffer == write_items_piece(items, format));
    buffer.insert(0, "kept:");
    write_items_piece(items, format, buffer);
    CHECK(buffer == "kept:" + write_items_piece(items, format) + write_items_piece(items, format));
  }
}

TEST_CASE("Flushing a spliced writer puts the items written so far on the stream, and changes no byte", "[splice]") {
  Collection frame;
  frame.feed.title = "Feed";
  const std::vector<Item> first = numbered_items(0, 2);
  const std::vector<Item> second = numbered_items(2, 1);
  for (const std::string format : {"json", "jsonl"}) {
    INFO(format);
    std::ostringstream out;
    SplicedWriter writer(out, format, frame.feed);
    writer.write(first);
    writer.flush();
    const std::string so_far = out.str();
    CHECK(so_far.find("\"item-1\"") != std::string::npos);
    CHECK(so_far.find("item-2") == std::string::npos);
    writer.write(second);
    writer.flush();
    writer.flush();
    writer.finish({}, {}, {}, {});
    Collection whole = frame;
    whole.items = numbered_items(0, 3);
    CHECK(out.str() == write(whole, format));
    CHECK(out.str().compare(0, so_far.size(), so_far) == 0);
  }
}

TEST_CASE("Only json and jsonl can be spliced", "[splice]") {
  CHECK(can_splice("json"));
  CHECK(can_splice("jsonl"));
  CHECK_FALSE(can_splice("rss"));
  CHECK_FALSE(can_splice("boost-text"));
  std::ostringstream out;
  CHECK_THROWS_WITH(write_items_piece(numbered_items(0, 1), "atom"),
                    "cannot splice format \"atom\" (json or jsonl)");
  CHECK_THROWS_WITH(SplicedWriter(out, "xml", Feed()), "cannot splice format \"xml\" (json or jsonl)");
  CHECK(out.str().empty());
}
