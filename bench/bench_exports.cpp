// SPDX-License-Identifier: Apache-2.0
// Interchange exports and imports side by side with canonical JSON, in one
// process, alternating runs: write_ninjs (with and without the extension) and
// write_jsonld against write_json on the same classified collection, and
// read_reliefweb against read_json and an nlohmann DOM parse of the ReliefWeb bytes.
// Throughput is input (readers) or output (writers) bytes per second.
//
// usage: bench_exports CANONICAL.json RELIEFWEB.json [RUNS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include <hrnews/classify.hpp>
#include <hrnews/json.hpp>
#include <hrnews/jsonld.hpp>
#include <hrnews/ninjs.hpp>
#include <hrnews/reliefweb.hpp>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_of(const std::function<void()>& fn) {
  const auto t0 = Clock::now();
  fn();
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

std::string slurp(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "bench_exports: cannot open " << path << "\n";
    std::exit(2);
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void row(const char* name, double bytes, double items, double seconds, double baseline) {
  std::printf("%-36s %9.1f MB/s %11.0f items/s %8.2fx\n", name, bytes / seconds / 1e6, items / seconds,
              baseline / seconds);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: bench_exports CANONICAL.json RELIEFWEB.json [RUNS]\n";
    return 2;
  }
  const std::string canonical = slurp(argv[1]);
  const std::string reliefweb = slurp(argv[2]);
  const int runs = argc > 3 ? std::atoi(argv[3]) : 5;

  hrnews::Collection coll = hrnews::read_json(canonical);
  hrnews::classify(coll);  // subjects, countries, genres: what the exports map
  const double n = static_cast<double>(coll.items.size());
  hrnews::NinjsOptions extended;
  extended.hrnews_extension = true;
  const double json_size = static_cast<double>(hrnews::write_json(coll).size());
  const double ninjs_size = static_cast<double>(hrnews::write_ninjs(coll).size());
  const double ninjs_ext_size = static_cast<double>(hrnews::write_ninjs(coll, extended).size());
  const double jsonld_size = static_cast<double>(hrnews::write_jsonld(coll).size());
  const double rw_size = static_cast<double>(reliefweb.size());
  const double canonical_size = static_cast<double>(canonical.size());
  const double rw_items = static_cast<double>(hrnews::read_reliefweb(reliefweb).items.size());

  std::size_t sink = 0;
  double t_json = 1e300, t_ninjs = 1e300, t_ninjs_ext = 1e300, t_jsonld = 1e300;
  double t_read_json = 1e300, t_dom = 1e300, t_read_rw = 1e300, t_read_rw_bare = 1e300;
  hrnews::ReadOptions bare;
  bare.classify = false;
  for (int r = 0; r < runs; ++r) {
    t_json = std::min(t_json, seconds_of([&] { sink += hrnews::write_json(coll).size(); }));
    t_ninjs = std::min(t_ninjs, seconds_of([&] { sink += hrnews::write_ninjs(coll).size(); }));
    t_ninjs_ext = std::min(t_ninjs_ext, seconds_of([&] { sink += hrnews::write_ninjs(coll, extended).size(); }));
    t_jsonld = std::min(t_jsonld, seconds_of([&] { sink += hrnews::write_jsonld(coll).size(); }));
    t_read_json = std::min(t_read_json, seconds_of([&] { sink += hrnews::read_json(canonical).items.size(); }));
    t_dom = std::min(t_dom, seconds_of([&] { sink += nlohmann::json::parse(reliefweb).size(); }));
    t_read_rw = std::min(t_read_rw, seconds_of([&] { sink += hrnews::read_reliefweb(reliefweb).items.size(); }));
    t_read_rw_bare =
        std::min(t_read_rw_bare, seconds_of([&] { sink += hrnews::read_reliefweb(reliefweb, bare).items.size(); }));
  }
  std::printf("inputs: %s (%.1f MB, %.0f items, classified), %s (%.1f MB, %.0f reports); best of %d runs\n", argv[1],
              canonical_size / 1e6, n, argv[2], rw_size / 1e6, rw_items, runs);
  std::printf("writers (MB/s of output; ratio: time of write_json / time)\n");
  row("hrnews::write_json", json_size, n, t_json, t_json);
  row("hrnews::write_ninjs", ninjs_size, n, t_ninjs, t_json);
  row("hrnews::write_ninjs (+extension)", ninjs_ext_size, n, t_ninjs_ext, t_json);
  row("hrnews::write_jsonld", jsonld_size, n, t_jsonld, t_json);
  std::printf("readers (MB/s of input; ratio: time of nlohmann DOM parse of the ReliefWeb bytes / time)\n");
  row("nlohmann::json::parse (ReliefWeb)", rw_size, rw_items, t_dom, t_dom);
  row("hrnews::read_json (canonical)", canonical_size, n, t_read_json, t_dom);
  row("hrnews::read_reliefweb", rw_size, rw_items, t_read_rw, t_dom);
  row("hrnews::read_reliefweb (no classify)", rw_size, rw_items, t_read_rw_bare, t_dom);
  return sink == 0 ? 1 : 0;
}
