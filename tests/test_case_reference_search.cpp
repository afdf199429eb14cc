// SPDX-License-Identifier: Apache-2.0
// The case-reference search's first step (detail::reference_slash): the first
// slash with a digit before it, found eight bytes at a time in short texts.
#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include <hrnews/classify.hpp>

#include "classify_detail.hpp"

namespace {

/// What reference_slash_from answers, byte by byte.
std::size_t naive_slash(std::string_view text, std::size_t from) {
  for (std::size_t s = from; s < text.size(); ++s) {
    if (text[s] != '/') continue;
    std::size_t d = s;
    while (d > 0 && (text[d - 1] == ' ' || text[d - 1] == '\t')) --d;
    if (d > 0 && text[d - 1] >= '0' && text[d - 1] <= '9') return s;
  }
  return std::string_view::npos;
}

}  // namespace

TEST_CASE("reference_slash finds the first slash after a digit wherever it stands in a short or long text",
          "[case-reference]") {
  using hrnews::detail::reference_slash;
  using hrnews::detail::reference_slash_from;
  for (std::size_t n = 0; n <= 80; ++n) {
    INFO("length " << n);
    const std::string plain(n, 'a');
    CHECK(reference_slash(plain) == std::string_view::npos);
    for (std::size_t at = 0; at < n; ++at) {
      INFO("slash at " << at);
      std::string bare = plain;  // a slash without a digit before it
      bare[at] = '/';
      CHECK(reference_slash(bare) == std::string_view::npos);
      std::string text = plain;  // a digit, a space, then the slash
      text[at] = '/';
      if (at >= 2) {
        text[at - 2] = '7';
        text[at - 1] = ' ';
      }
      CHECK(reference_slash(text) == naive_slash(text, 0));
      CHECK(reference_slash_from(text, 0) == naive_slash(text, 0));
      CHECK(reference_slash_from(text, at) == naive_slash(text, at));
      CHECK(reference_slash_from(text, at + 1) == std::string_view::npos);
      if (at >= 2) CHECK(reference_slash(text) == at);
    }
  }
}

TEST_CASE("first_case_reference finds what find_case_references lists first, at any length", "[case-reference]") {
  for (std::size_t pad = 0; pad <= 70; ++pad) {
    INFO("padding " << pad);
    const std::string text = std::string(pad, 'x') + " UA 229/10";
    const auto ref = hrnews::detail::first_case_reference(text, false);
    REQUIRE(ref);
    CHECK(ref->format() == "UA 229/10");
    CHECK(hrnews::find_case_references(text).front() == *ref);
    // An Amnesty index reference first: only the search for appeals goes past it.
    const std::string both = "AMR 18/0485/2019 " + text;
    CHECK(hrnews::detail::first_case_reference(both, false)->scheme() == hrnews::CaseScheme::amnesty_index);
    CHECK(hrnews::detail::first_case_reference(both, true)->format() == "UA 229/10");
  }
}

TEST_CASE("hash_text reads the bytes after the last whole eight as they stand, at any length", "[relate]") {
  // The definition: eight bytes at a time, then the rest one at a time, the first the most significant.
  auto byte_by_byte = [](std::string_view s) {
    constexpr std::uint64_t k = 0x9E3779B97F4A7C15ULL;
    std::uint64_t h = s.size() * k;
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      std::uint64_t x;
      std::memcpy(&x, s.data() + i, 8);
      h = (((h << 23) | (h >> 41)) ^ x) * k;
    }
    std::uint64_t x = 0;
    for (std::size_t j = i; j < s.size(); ++j) x = (x << 8) | static_cast<unsigned char>(s[j]);
    h = (((h << 23) | (h >> 41)) ^ x) * k;
    return h ^ (h >> 29);
  };
  const std::string text = "https://www.omct.org/*/resources/urgent-interventions/\xc3\xa9\xff-venezuela-0";
  for (std::size_t n = 0; n <= text.size(); ++n) {
    const std::string_view s(text.data(), n);
    CAPTURE(n);
    CHECK(hrnews::detail::hash_text(s) == byte_by_byte(s));
  }
  // The bytes after the last whole eight count: texts differing there only differ in hash.
  CHECK(hrnews::detail::hash_text("https://example.org/x") != hrnews::detail::hash_text("https://example.org/y"));
  CHECK(hrnews::detail::hash_text("12345678a") != hrnews::detail::hash_text("12345678b"));
}
