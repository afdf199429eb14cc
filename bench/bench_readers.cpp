// SPDX-License-Identifier: Apache-2.0
// Every hrnews reader and writer against its baseline on the same bytes, in
// the same process, contenders alternating run by run (best of RUNS):
//   XML feeds (rss, atom)     a bare pugixml DOM parse
//   JSON (jsonfeed, json)     nlohmann::json parsing into its DOM
//   JSON Lines                nlohmann::json parsing each line into its DOM
// Output: one tab-separated line per contender, read by bench/perf.py:
//   contender  bytes  items  seconds  baseline-seconds
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <hrnews/io.hpp>
#include <hrnews/jsonl.hpp>

namespace {

using Clock = std::chrono::steady_clock;

struct Contender {
  std::string name;
  std::function<std::size_t()> run;  // returns something derived from the work (kept alive)
  bool baseline = false;
  double best = 1e300;
};

std::string slurp(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "bench_readers: cannot read " << path << "\n";
    std::exit(2);
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: bench_readers FORMAT FILE [RUNS]\n"
                 "FORMAT: rss, atom, jsonfeed, json or jsonl\n";
    return 2;
  }
  const std::string format = argv[1];
  const std::string bytes = slurp(argv[2]);
  const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;

  hrnews::ReadOptions classify_off;
  classify_off.classify = false;
  const hrnews::Collection collection = hrnews::read(bytes, format);
  const std::size_t items = collection.items.size();
  std::size_t sink = 0;

  std::vector<Contender> contenders;
  if (format == "rss" || format == "atom") {
    contenders.push_back({"pugixml DOM parse", [&] {
                            pugi::xml_document doc;
                            return static_cast<std::size_t>(doc.load_buffer(bytes.data(), bytes.size()).status);
                          },
                          true});
  } else if (format == "jsonl") {
    contenders.push_back({"nlohmann DOM parse, per line", [&] {
                            std::size_t n = 0;
                            std::size_t start = 0;
                            while (start < bytes.size()) {
                              std::size_t end = bytes.find('\n', start);
                              if (end == std::string::npos) end = bytes.size();
                              if (end > start) n += nlohmann::json::parse(bytes.data() + start, bytes.data() + end).size();
                              start = end + 1;
                            }
                            return n;
                          },
                          true});
  } else {
    contenders.push_back({"nlohmann DOM parse", [&] { return nlohmann::json::parse(bytes).size(); }, true});
  }
  contenders.push_back({"hrnews read " + format, [&] { return hrnews::read(bytes, format).items.size(); }});
  if (format == "rss" || format == "atom" || format == "jsonfeed") {
    contenders.push_back({"hrnews read " + format + " (classify off)",
                          [&] { return hrnews::read(bytes, format, classify_off).items.size(); }});
  }
  if (format == "rss" || format == "atom") {
    // The path of `hrnews convert`: the bytes read from the file are parsed in place.
    const std::string path = argv[2];
    contenders.push_back({"hrnews read_file " + format + " (classify off)",
                          [&, path] { return hrnews::read_file(path, format, classify_off).items.size(); }});
  }
  if (format == "jsonl") {
    contenders.push_back({"hrnews JsonlReader (stream)", [&] {
                            std::istringstream in(bytes);
                            hrnews::JsonlReader reader(in);
                            std::size_t n = 0;
                            while (reader.next()) ++n;
                            return n;
                          }});
  }
  contenders.push_back({"hrnews write " + format, [&] { return hrnews::write(collection, format).size(); }});
  if (format == "json") {
    const nlohmann::json dom = nlohmann::json::parse(bytes);
    contenders.push_back({"nlohmann dump(2)", [dom] { return dom.dump(2).size(); }});
  }

  for (int r = 0; r < runs; ++r) {
    for (auto& c : contenders) {
      const auto t0 = Clock::now();
      sink += c.run();
      c.best = std::min(c.best, std::chrono::duration<double>(Clock::now() - t0).count());
    }
  }
  const double baseline = contenders.front().best;
  for (const auto& c : contenders) {
    std::printf("%s\t%zu\t%zu\t%.6f\t%.6f\n", c.name.c_str(), bytes.size(), items, c.best, baseline);
  }
  std::fprintf(stderr, "(checksum %zu)\n", sink);
  return 0;
}
