// SPDX-License-Identifier: Apache-2.0
// RSS reading with classification on (classify + relate, the default) against
// off, on the same bytes, in the same process, alternating runs; also the cost
// of each step on an already-read collection. Prints MB/s and the on/off ratio
// (bar: at least 0.80): of the best times, and of each round's pair (off and
// on, run back to back, in turn first), whose median, least and greatest are printed too, in
// wall-clock time and in the thread's CPU time. A slow spell of the machine
// moves the best-of ratio; the median of the pairs is the steadier figure.
//
//   python3 ../shared/bench/gen_feed.py rss 10000 > /tmp/x.rss
//   bench_classify /tmp/x.rss [RUNS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <time.h>

#include <hrnews/classify.hpp>
#include <hrnews/relate.hpp>
#include <hrnews/rss.hpp>

namespace {

using Clock = std::chrono::steady_clock;

template <class F>
double timed(F&& fn) {
  const auto t0 = Clock::now();
  fn();
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

/// CPU time of the calling thread, in seconds.
double thread_cpu() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

/// Wall-clock and CPU seconds of one call.
struct Both {
  double wall = 0;
  double cpu = 0;
};

template <class F>
Both timed_both(F&& fn) {
  const double c0 = thread_cpu();
  const double wall = timed(fn);
  return {wall, thread_cpu() - c0};
}

/// Median, least and greatest of the values (sorted in place).
void print_spread(const char* what, std::vector<double>& v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  const double median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  std::printf("%-34s median %.3f, least %.3f, greatest %.3f over %zu rounds (bar 0.80) %s\n", what, median, v.front(),
              v.back(), n, median >= 0.80 ? "ok" : "BELOW");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_classify FILE.rss [RUNS]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string bytes = ss.str();
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 7;

  hrnews::ReadOptions off;
  off.classify = false;
  const hrnews::ReadOptions on;
  std::size_t sink = 0;
  double t_off = 1e300, t_on = 1e300, t_classify = 1e300, t_relate = 1e300, t_plain = 1e300, t_terms = 1e300;
  hrnews::ClassifyOptions plain;  // without the text steps
  plain.text_terms = false;
  plain.intervention_text = false;
  hrnews::ClassifyOptions terms = plain;  // plus violations in text
  terms.text_terms = true;
  std::size_t items = 0;
  std::vector<double> pair_wall, pair_cpu;  // off / on of each round
  for (int r = 0; r < runs; ++r) {
    // Off first in even rounds, on first in odd ones: whichever read comes
    // first after the step reads below meets the heap they left behind.
    Both b_off, b_on;
    auto read_off = [&] { b_off = timed_both([&] { sink += hrnews::read_rss(bytes, off).items.size(); }); };
    auto read_on = [&] { b_on = timed_both([&] { sink += (items = hrnews::read_rss(bytes, on).items.size()); }); };
    if (r % 2 == 0) {
      read_off();
      read_on();
    } else {
      read_on();
      read_off();
    }
    t_off = std::min(t_off, b_off.wall);
    t_on = std::min(t_on, b_on.wall);
    pair_wall.push_back(b_off.wall / b_on.wall);
    pair_cpu.push_back(b_off.cpu / b_on.cpu);
    hrnews::Collection c = hrnews::read_rss(bytes, off);
    t_classify = std::min(t_classify, timed([&] { hrnews::classify(c); }));
    t_relate = std::min(t_relate, timed([&] { sink += hrnews::relate(c).follow_ups; }));
    hrnews::Collection c2 = hrnews::read_rss(bytes, off);
    t_plain = std::min(t_plain, timed([&] { hrnews::classify(c2, hrnews::builtin_taxonomy(), plain); }));
    hrnews::Collection c3 = hrnews::read_rss(bytes, off);
    t_terms = std::min(t_terms, timed([&] { hrnews::classify(c3, hrnews::builtin_taxonomy(), terms); }));
  }
  const double mb = static_cast<double>(bytes.size()) / 1e6;
  std::printf("input: %.1f MB, %zu items, best of %d runs\n", mb, items, runs);
  std::printf("%-34s %9.1f MB/s %9.3f s\n", "read_rss, classification off", mb / t_off, t_off);
  std::printf("%-34s %9.1f MB/s %9.3f s\n", "read_rss, classification on", mb / t_on, t_on);
  std::printf("%-34s %9.3f s\n", "  of which classify()", t_classify);
  std::printf("%-34s %9.3f s\n", "  of which relate()", t_relate);
  std::printf("%-34s %9.3f s\n", "classify() without text steps", t_plain);
  std::printf("%-34s %9.3f s\n", "classify() + violations in text", t_terms);
  // What classification adds to reading, in absolute terms (the target once
  // reading is fast: ~7 ms for 10,000 items, ~0.7 us per item).
  std::printf("%-34s %9.3f s %9.2f us/item\n", "classification cost (on - off)", t_on - t_off,
              items ? (t_on - t_off) * 1e6 / static_cast<double>(items) : 0.0);
  std::printf("%-34s %9.3f s %9.2f us/item\n", "classify() + relate() alone", t_classify + t_relate,
              items ? (t_classify + t_relate) * 1e6 / static_cast<double>(items) : 0.0);
  std::printf("on/off throughput ratio: %.3f (bar 0.80) %s\n", t_off / t_on, t_off / t_on >= 0.80 ? "ok" : "BELOW");
  print_spread("on/off of each round, wall clock:", pair_wall);
  print_spread("on/off of each round, CPU time:", pair_cpu);
  return sink == 0 ? 1 : 0;
}
