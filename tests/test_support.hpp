// SPDX-License-Identifier: Apache-2.0
// Small helpers shared by the Catch2 test files.
#pragma once

#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace hrnews_test {

/// A path in the temporary directory, `prefix` + process id + `-` + a count of
/// this process's paths + `suffix`: no other test process running at the same
/// time uses it (std::rand(), never seeded, gave every process the same names,
/// and tests run in parallel removed each other's files).
inline std::filesystem::path unique_temp_path(const std::string& prefix, const std::string& suffix) {
  static std::atomic<unsigned> count{0};
  return std::filesystem::temp_directory_path() /
         (prefix + std::to_string(static_cast<long>(::getpid())) + "-" + std::to_string(count++) + suffix);
}

/// The bytes of the file at `path`; fails the running test when it cannot be opened.
inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) FAIL("cannot open " << path.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The number in environment variable `name` (decimal, 0x hex or 0 octal), or `fallback` when unset or empty.
inline std::uint64_t env_number(const char* name, std::uint64_t fallback) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return fallback;
  return std::strtoull(value, nullptr, 0);
}

/// The next number of a fixed linear congruential generator (the top 24 bits
/// of its 32-bit state): the same sequence on every machine, for tests that
/// compare many generated inputs with a reference.
inline std::uint32_t next_random(std::uint32_t& state) {
  state = state * 1664525u + 1013904223u;
  return state >> 8;
}

/// A text of up to `max_pieces - 1` entries of `pieces` picked with
/// `next_random(state)`: first the count, then each piece.
template <std::size_t N>
std::string random_pieces(std::uint32_t& state, const char* const (&pieces)[N], std::uint32_t max_pieces) {
  std::string s;
  const std::uint32_t n = next_random(state) % max_pieces;
  for (std::uint32_t k = 0; k < n; ++k) s += pieces[next_random(state) % N];
  return s;
}

}  // namespace hrnews_test
