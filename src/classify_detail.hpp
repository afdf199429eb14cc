// SPDX-License-Identifier: Apache-2.0
// Internal: the case-reference search and the text hash shared by
// classification and relate().
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

#include <hrnews/case_reference.hpp>
#include <hrnews/classify.hpp>

namespace hrnews::detail {

/// What classifying an item learnt of its case references, for relate()'s
/// search right after (`Relater::add`): the texts that hold no reference of
/// any scheme (a view of each, into the item, as it was searched; empty views
/// when classification did not search the text or found a reference in it).
/// The views name the texts by address and size: a text since replaced or
/// moved (a short string moved with its item) is searched again. No text of
/// the item may be changed in place in between.
struct ReferenceHint {
  std::string_view title;    ///< the title: no reference
  std::string_view summary;  ///< the summary: no reference
  const Category* categories = nullptr;  ///< the categories (terms and labels): no reference …
  std::size_t category_count = 0;        ///< … that many of them (all of the item's)
  /// The beginning of an intervention's content that classification searched
  /// (its first 2 KB), when it has no slash that may end the digits of a
  /// reference (`reference_slash`): a longer beginning has none before its end.
  std::string_view content_head;
};

/// `classify(collection, taxonomy, options)`, calling `after_item(context, i, hint)`
/// (when not null) right after item `i` is classified, before the next one is;
/// `hint` is what classification learnt of the item's case references.
void classify_items(Collection& collection, const Taxonomy& taxonomy, const ClassifyOptions& options,
                    void (*after_item)(void* context, std::size_t index, const ReferenceHint& hint), void* context);

/// `first_case_reference` for a text whose first slash that may end the
/// digits of a reference is at `first_slash`.
std::optional<CaseReference> first_case_reference_searched(std::string_view text, bool appeals_only,
                                                           std::size_t first_slash);

/// `reference_slash(text)` (below) for a text without such a slash before `from`.
inline std::size_t reference_slash_from(std::string_view text, std::size_t from) noexcept {
  const char* p = text.data();
  const std::size_t n = text.size();
  while (from < n) {
    const void* at = std::memchr(p + from, '/', n - from);
    if (!at) break;
    const std::size_t s = static_cast<std::size_t>(static_cast<const char*>(at) - p);
    std::size_t d = s;
    while (d > 0 && (p[d - 1] == ' ' || p[d - 1] == '\t')) --d;
    if (d > 0 && p[d - 1] >= '0' && p[d - 1] <= '9') return s;
    from = s + 1;
  }
  return std::string_view::npos;
}

/// Where the first slash of `text` with a digit before it (spaces and tabs
/// between) is, or npos. Every form of reference has such a slash, and the
/// search tries none before it: a text without one (most titles, category
/// labels, and summaries whose only slashes close HTML tags) holds no reference.
inline std::size_t reference_slash(std::string_view text) noexcept {
  const char* p = text.data();
  const std::size_t n = text.size();
  if (n <= 64) {  // short texts: is there a slash at all? Eight bytes at a time, inline.
    constexpr std::uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL, slashes = ones * '/';
    auto slash_in = [&](std::uint64_t x) {
      x ^= slashes;                          // a slash becomes a zero byte
      return ((x - ones) & ~x & high) != 0;  // some byte is zero (exact as a yes/no answer)
    };
    bool slash = false;
    if (n >= 8) {
      std::uint64_t x;
      std::size_t i = 0;
      for (; i + 8 <= n && !slash; i += 8) {
        std::memcpy(&x, p + i, 8);
        slash = slash_in(x);
      }
      if (!slash && i < n) {  // the last eight bytes (some of them seen already)
        std::memcpy(&x, p + n - 8, 8);
        slash = slash_in(x);
      }
    } else if (n >= 4) {  // the first four and the last four bytes (perhaps overlapping)
      std::uint32_t lo, hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      slash = slash_in(lo | (std::uint64_t{hi} << 32));
    } else {
      for (std::size_t i = 0; i < n && !slash; ++i) slash = p[i] == '/';
    }
    if (!slash) return std::string_view::npos;
  }
  return reference_slash_from(text, 0);
}

/// The first reference `find_case_references(text)` would return — or, with
/// `appeals_only`, the first of those that is an Observatory or Amnesty UA
/// reference — found without building the list: the search stops there.
[[gnu::always_inline]] inline std::optional<CaseReference> first_case_reference(std::string_view text,
                                                                              bool appeals_only) {
  const std::size_t slash = reference_slash(text);
  if (slash == std::string_view::npos) return std::nullopt;
  return first_case_reference_searched(text, appeals_only, slash);
}

/// A hash of `s`, eight bytes at a time (a function of the bytes only, whatever
/// the byte order of the machine): the keys of the classifier's caches and the
/// URL stems of relate().
inline std::uint64_t hash_text(std::string_view s) noexcept {
  constexpr std::uint64_t k = 0x9E3779B97F4A7C15ULL;
  std::uint64_t h = s.size() * k;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    h = (((h << 23) | (h >> 41)) ^ x) * k;
  }
  // The bytes after the last whole eight, in order, the first the most
  // significant: from the last eight bytes read at once (no loop whose length
  // varies with the text's, a branch mispredicted at its end), else one at a time.
  std::uint64_t x = 0;
  if (s.size() >= 8) {
    std::uint64_t last;
    std::memcpy(&last, s.data() + s.size() - 8, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    last = __builtin_bswap64(last);  // the first byte the most significant
#endif
    const unsigned tail_bits = static_cast<unsigned>(s.size() - i) * 8;  // 0 to 56
    x = last & ((std::uint64_t{1} << tail_bits) - 1);
  } else {
    for (std::size_t j = i; j < s.size(); ++j) x = (x << 8) | static_cast<unsigned char>(s[j]);
  }
  h = (((h << 23) | (h >> 41)) ^ x) * k;
  return h ^ (h >> 29);
}

}  // namespace hrnews::detail
