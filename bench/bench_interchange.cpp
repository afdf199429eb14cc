// SPDX-License-Identifier: Apache-2.0
// Interchange formats: reader and writer throughput of canonical XML and the
// three Boost archives, side by side with canonical JSON, on the same
// collection (read from a canonical JSON file), in the same process.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>

#include <hrnews/json.hpp>
#include <hrnews/serialization.hpp>
#include <hrnews/xml.hpp>

namespace {

using Clock = std::chrono::steady_clock;

double seconds(const std::function<void()>& fn) {
  auto t0 = Clock::now();
  fn();
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

struct Contender {
  const char* name;
  std::function<std::string(const hrnews::Collection&)> write;
  std::function<hrnews::Collection(const std::string&)> read;
  std::string bytes;
  double t_read = 1e300;
  double t_write = 1e300;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_interchange CANONICAL.json [RUNS]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
  const hrnews::Collection coll = hrnews::read_json(ss.str());
  const double items = static_cast<double>(coll.items.size());
  using K = hrnews::ArchiveKind;
  Contender all[] = {
      {"json", [](const hrnews::Collection& c) { return hrnews::write_json(c); },
       [](const std::string& b) { return hrnews::read_json(b); }, {}},
      {"xml", [](const hrnews::Collection& c) { return hrnews::write_xml(c); },
       [](const std::string& b) { return hrnews::read_xml(b); }, {}},
      {"boost-text", [](const hrnews::Collection& c) { return hrnews::write_boost(c, K::text); },
       [](const std::string& b) { return hrnews::read_boost(b, K::text); }, {}},
      {"boost-binary", [](const hrnews::Collection& c) { return hrnews::write_boost(c, K::binary); },
       [](const std::string& b) { return hrnews::read_boost(b, K::binary); }, {}},
      {"boost-xml", [](const hrnews::Collection& c) { return hrnews::write_boost(c, K::xml); },
       [](const std::string& b) { return hrnews::read_boost(b, K::xml); }, {}},
  };
  std::size_t sink = 0;
  for (auto& c : all) {
    c.bytes = c.write(coll);
    if (c.read(c.bytes) != coll) {
      std::cerr << c.name << ": the collection read back differs\n";
      return 1;
    }
  }
  // Alternate the contenders run by run so all see the same machine state.
  for (int r = 0; r < runs; ++r) {
    for (auto& c : all) {
      c.t_write = std::min(c.t_write, seconds([&] { sink += c.write(coll).size(); }));
      c.t_read = std::min(c.t_read, seconds([&] { sink += c.read(c.bytes).items.size(); }));
    }
  }
  std::printf("collection: %s, %.0f items, best of %d runs (MB/s of each format's own bytes)\n", argv[1], items, runs);
  std::printf("%-14s %10s %12s %12s %14s %14s %10s %10s\n", "format", "MB", "read MB/s", "write MB/s", "read items/s",
              "write items/s", "read vs json", "write vs json");
  const Contender& json = all[0];
  for (const auto& c : all) {
    const double mb = static_cast<double>(c.bytes.size()) / 1e6;
    std::printf("%-14s %10.1f %12.1f %12.1f %14.0f %14.0f %9.2fx %9.2fx\n", c.name, mb, mb / c.t_read,
                mb / c.t_write, items / c.t_read, items / c.t_write, json.t_read / c.t_read,
                json.t_write / c.t_write);
  }
  return sink == 0 ? 1 : 0;
}
