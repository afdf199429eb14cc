// SPDX-License-Identifier: Apache-2.0
// Canonical JSON: hrnews reader and writer against nlohmann::json on the same
// bytes, in the same process, alternating runs; prints MB/s and ratios.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include <hrnews/json.hpp>

namespace {

using Clock = std::chrono::steady_clock;

// Best (smallest) wall time in seconds of `runs` calls of `fn`.
double best_of(int runs, const std::function<void()>& fn) {
  double best = 1e300;
  for (int i = 0; i < runs; ++i) {
    auto t0 = Clock::now();
    fn();
    best = std::min(best, std::chrono::duration<double>(Clock::now() - t0).count());
  }
  return best;
}

void row(const char* name, double bytes, double items, double seconds, double baseline) {
  std::printf("%-34s %9.1f MB/s %11.0f items/s %8.2fx\n", name, bytes / seconds / 1e6, items / seconds,
              baseline / seconds);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_json FILE.json [RUNS]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string bytes = ss.str();
  const int runs = argc > 2 ? std::atoi(argv[2]) : 7;

  hrnews::Collection coll = hrnews::read_json(bytes);
  const double n_items = static_cast<double>(coll.items.size());
  nlohmann::json dom = nlohmann::json::parse(bytes);
  std::size_t sink = 0;

  // Alternate the contenders run by run so both see the same machine state.
  double t_dom = 1e300, t_read = 1e300, t_dump = 1e300, t_write = 1e300;
  for (int r = 0; r < runs; ++r) {
    t_dom = std::min(t_dom, best_of(1, [&] { sink += nlohmann::json::parse(bytes).size(); }));
    t_read = std::min(t_read, best_of(1, [&] { sink += hrnews::read_json(bytes).items.size(); }));
    t_dump = std::min(t_dump, best_of(1, [&] { sink += dom.dump(2).size(); }));
    t_write = std::min(t_write, best_of(1, [&] { sink += hrnews::write_json(coll).size(); }));
  }
  const double size = static_cast<double>(bytes.size());
  std::printf("input: %s, %.1f MB, %.0f items, best of %d runs\n", argv[1], size / 1e6, n_items, runs);
  std::printf("%-34s %14s %19s %9s\n", "contender", "throughput", "items", "ratio");
  row("nlohmann::json::parse (DOM)", size, n_items, t_dom, t_dom);
  row("hrnews::read_json", size, n_items, t_read, t_dom);
  row("nlohmann::json::dump(2)", size, n_items, t_dump, t_dump);
  row("hrnews::write_json", size, n_items, t_write, t_dump);
  std::printf("read_json / nlohmann DOM parse: %.2f (bar: >= 1.00)\n", t_dom / t_read);
  std::printf("write_json / nlohmann dump:     %.2f (bar: >= 2.00 x DOM parse speed: %.2f)\n", t_dump / t_write,
              t_dom / t_write);
  return sink == 0 ? 1 : 0;
}
