// SPDX-License-Identifier: Apache-2.0
// RSS and Atom: hrnews::read_rss / read_atom (classification on, as by default, and off)
// against a bare pugixml DOM parse of the same bytes, in the same process,
// alternating runs; prints MB/s and ratios. Inputs: bench/tools/gen_feed.py.
//
//   bench_feeds FEED.rss FEED.atom [RUNS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <pugixml.hpp>

#include <hrnews/atom.hpp>
#include <hrnews/rss.hpp>

namespace {

using Clock = std::chrono::steady_clock;

std::string slurp(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

template <class Fn>
double seconds(Fn&& fn) {
  const auto t0 = Clock::now();
  fn();
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

/// pugixml's default DOM parse of the bytes (what a program using pugixml directly would do).
std::size_t pugixml_dom(const std::string& bytes) {
  pugi::xml_document doc;
  const pugi::xml_parse_result r = doc.load_buffer(bytes.data(), bytes.size());
  return r ? static_cast<std::size_t>(doc.first_child().type()) + 1 : 0;
}

void row(const char* name, double bytes, double items, double t, double baseline) {
  std::printf("%-36s %9.1f MB/s %11.0f items/s %8.2f\n", name, bytes / t / 1e6, items / t, baseline / t);
}

template <class Read>
void compare(const char* label, const char* path, const std::string& bytes, int runs, Read read) {
  hrnews::ReadOptions plain;
  plain.classify = false;
  const double n_items = static_cast<double>(read(bytes, hrnews::ReadOptions{}).items.size());
  std::size_t sink = 0;
  double t_dom = 1e300, t_read = 1e300, t_plain = 1e300;
  for (int r = 0; r < runs; ++r) {  // alternate so all see the same machine state
    t_dom = std::min(t_dom, seconds([&] { sink += pugixml_dom(bytes); }));
    t_read = std::min(t_read, seconds([&] { sink += read(bytes, hrnews::ReadOptions{}).items.size(); }));
    t_plain = std::min(t_plain, seconds([&] { sink += read(bytes, plain).items.size(); }));
  }
  const double size = static_cast<double>(bytes.size());
  std::printf("input: %s, %.1f MB, %.0f items, best of %d runs\n", path, size / 1e6, n_items, runs);
  std::printf("%-36s %14s %19s %8s\n", "contender", "throughput", "items", "ratio");
  row("pugixml load_buffer (DOM)", size, n_items, t_dom, t_dom);
  row(label, size, n_items, t_read, t_dom);
  row("  (same, classify = false)", size, n_items, t_plain, t_dom);
  std::printf("%s / pugixml DOM: %.2f (bar: >= 0.50)%s\n\n", label, t_dom / t_read, sink ? "" : " ");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: bench_feeds FEED.rss FEED.atom [RUNS]\n";
    return 2;
  }
  const int runs = argc > 3 ? std::atoi(argv[3]) : 7;
  const std::string rss = slurp(argv[1]);
  const std::string atom = slurp(argv[2]);
  if (rss.empty() || atom.empty()) {
    std::cerr << "bench_feeds: cannot read the inputs\n";
    return 1;
  }
  compare("hrnews::read_rss", argv[1], rss, runs,
          [](const std::string& b, const hrnews::ReadOptions& o) { return hrnews::read_rss(b, o); });
  compare("hrnews::read_atom", argv[2], atom, runs,
          [](const std::string& b, const hrnews::ReadOptions& o) { return hrnews::read_atom(b, o); });
  return 0;
}
