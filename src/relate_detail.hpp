// SPDX-License-Identifier: Apache-2.0
// Internal: relate() in two steps, so that a reader can take each item's facts
// while the item is still in cache (right after classifying it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <hrnews/case_reference.hpp>
#include <hrnews/collection.hpp>
#include <hrnews/relate.hpp>

#include "classify_detail.hpp"

namespace hrnews::detail {

/// `relate(collection, options)` is `Relater r(collection, options)`, then
/// `r.add(i)` for each item index in order, then `r.finish()`. `add(i)` reads
/// item `i` only (and gives an intervention the reference found): it may run
/// as soon as nothing else will change that item before `finish()`. Neither
/// the items vector nor the items' URLs may change in between.
class Relater {
 public:
  Relater(Collection& collection, const RelateOptions& options);
  /// Takes the facts of item `i` (indexes in order: 0, 1, …).
  void add(std::size_t i);
  /// `add(i)` right after item `i` was classified: what `hint` says holds no
  /// case reference is not searched again (the result is the same).
  void add(std::size_t i, const ReferenceHint& hint);
  /// Joins translations and chains follow-ups; what was added.
  RelateResult finish();

 private:
  void add(std::size_t i, const ReferenceHint* hint);

  /// An item URL with a language marker: the views are into the item's URL.
  struct Stem {
    std::uint64_t hash;
    std::size_t item;
    std::string_view before, marker, after;
  };
  using VersionKey = std::pair<int, bool>;  // (follow-up number, follow-up mark)

  Collection& c_;
  RelateOptions options_;
  std::size_t n_;
  std::string feed_lang_;  // primary subtag of the feed language
  RelateResult result_;
  /// The id of a language tag's primary subtag (the same for the same subtag in any case).
  std::uint32_t language_id(std::string_view tag);

  std::vector<std::uint32_t> lang_;           // per item: its effective language (primary subtag), an index into langs_
  std::vector<std::string> langs_;            // the effective languages met, each once, lower case; [0]: the feed's
  std::unordered_map<std::string, std::uint32_t> lang_ids_;  // langs_ -> index
  std::uint32_t last_lang_ = 0;               // the id language_id gave last
  std::vector<bool> inferred_;                // per item: its language was inferred
  std::vector<Stem> stems_;                   // in item order
  bool hreflang_ = false;                     // some item has a link with hreflang
  std::string stem_;                          // reused, only grows: a stem is its beginning
  // Cases and their versions: case key -> (follow-up number, mark) -> items.
  std::map<std::string, std::map<VersionKey, std::vector<std::size_t>>> cases_;
};

}  // namespace hrnews::detail
