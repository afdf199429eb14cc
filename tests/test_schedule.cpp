// SPDX-License-Identifier: Apache-2.0
// Which input a free worker of `hrnews ... --jobs N` starts next
// (apps/schedule.hpp): in order, and largest first once the window of inputs
// in flight reaches the last input.
#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "../apps/schedule.hpp"

using hrnews::cli::next_input;

namespace {

/// A run of the pipeline of apps/hrnews.cpp, simulated step by step:
/// `workers` workers start inputs as `next_input` says (the window is
/// 2 x `workers`), input i takes `durations[i]` time units, and the results
/// are taken in order as soon as they are ready.
struct Run {
  std::vector<std::size_t> order;  ///< the inputs in the order they were started
  std::uintmax_t idle = 0;         ///< time units workers waited while inputs were left to start
  std::uintmax_t end = 0;          ///< when the last input was done
};

Run simulate(const std::vector<std::uintmax_t>& sizes, const std::vector<std::uintmax_t>& durations,
             std::size_t workers) {
  const std::size_t count = sizes.size();
  std::vector<char> started(count, 0);
  std::vector<char> done(count, 0);
  std::vector<std::size_t> busy_with(workers, count);  // count: free
  std::vector<std::uintmax_t> busy_until(workers, 0);
  std::size_t first = 0;
  std::size_t taken = 0;
  Run run;
  std::uintmax_t now = 0;
  while (taken < count) {
    for (std::size_t w = 0; w < workers; ++w) {  // free workers start what they may
      if (busy_with[w] != count) continue;
      const std::size_t i = next_input(started, sizes, first, taken, 2 * workers, workers);
      if (i == count) continue;
      started[i] = 1;
      run.order.push_back(i);
      busy_with[w] = i;
      busy_until[w] = now + durations[i];
    }
    std::uintmax_t next = 0;  // the next time a worker finishes
    std::size_t free_workers = 0;
    for (std::size_t w = 0; w < workers; ++w) {
      if (busy_with[w] == count) {
        ++free_workers;
      } else if (next == 0 || busy_until[w] < next) {
        next = busy_until[w];
      }
    }
    if (first < count) run.idle += free_workers * (next - now);
    now = next;
    for (std::size_t w = 0; w < workers; ++w) {
      if (busy_with[w] != count && busy_until[w] == now) {
        done[busy_with[w]] = 1;
        busy_with[w] = count;
      }
    }
    while (taken < count && done[taken]) ++taken;
  }
  run.end = now;
  return run;
}

}  // namespace

TEST_CASE("A free worker starts the largest of the next jobs inputs not started while the window ends before the last input") {
  const std::vector<std::uintmax_t> sizes = {10, 30, 10, 30, 10, 30, 10, 30, 10, 30};
  std::vector<char> started(sizes.size(), 0);
  std::size_t first = 0;
  CHECK(next_input(started, sizes, first, 0, 4, 2) == 1);
  started[1] = 1;
  CHECK(next_input(started, sizes, first, 0, 4, 2) == 0);  // of 0 and 2, equal: the first
  started[0] = 1;
  CHECK(next_input(started, sizes, first, 0, 4, 2) == 3);
  CHECK(first == 2);
  started[3] = 1;
  CHECK(next_input(started, sizes, first, 0, 4, 2) == 2);
  started[2] = 1;
  // Inputs 0-3 in flight fill the window: nothing starts until input 0 is taken.
  CHECK(next_input(started, sizes, first, 0, 4, 2) == sizes.size());
  CHECK(next_input(started, sizes, first, 1, 4, 2) == 4);
  // With one job, in order.
  std::vector<char> none(sizes.size(), 0);
  std::size_t at = 0;
  CHECK(next_input(none, sizes, at, 0, 2, 1) == 0);
}

TEST_CASE("Once the window reaches the last input the largest input left starts first") {
  const std::vector<std::uintmax_t> sizes = {10, 30, 10, 30, 10, 20, 40, 30};
  std::vector<char> started = {1, 1, 1, 1, 0, 0, 0, 0};
  std::size_t first = 0;
  CHECK(next_input(started, sizes, first, 4, 4, 2) == 6);
  started[6] = 1;
  CHECK(next_input(started, sizes, first, 4, 4, 2) == 7);
  started[7] = 1;
  CHECK(next_input(started, sizes, first, 4, 4, 2) == 5);
  started[5] = 1;
  CHECK(next_input(started, sizes, first, 4, 4, 2) == 4);
  started[4] = 1;
  CHECK(next_input(started, sizes, first, 4, 4, 2) == sizes.size());
}

TEST_CASE("The first input of the window is started among the first jobs inputs started") {
  // rss-1000 and atom-1000 in turn, as bench/perf.py's --jobs runs (the atom
  // files are the larger ones), each taking as long as its size.
  const std::vector<std::uintmax_t> sizes = {32, 33, 32, 33, 32, 33, 32, 33, 32, 33, 32, 33, 32, 33, 32, 33};
  const Run run = simulate(sizes, sizes, 2);
  const std::vector<std::size_t> expected = {1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 15, 12, 14};
  CHECK(run.order == expected);
  CHECK(run.idle == 0);
  CHECK(run.end == 260);  // half the work of all: the two workers end together
}

TEST_CASE("Two workers on inputs that take longer or shorter than their sizes say do not wait for the first input of the window") {
  // Started largest first across the whole window (1, 3, 0, 2, ...), input 0
  // was started third; with these times a worker then waited 5 units for it
  // and the run ended at 261.
  const std::vector<std::uintmax_t> sizes = {32, 33, 32, 33, 32, 33, 32, 33, 32, 33, 32, 33, 32, 33, 32, 33};
  const std::vector<std::uintmax_t> durations = {32, 28, 27, 30, 33, 32, 30, 33, 31, 31, 34, 34, 29, 33, 32, 36};
  const Run run = simulate(sizes, durations, 2);
  CHECK(run.idle == 0);
  CHECK(run.end == 256);
}

TEST_CASE("A large input among small ones is started first once it is in the last window") {
  const std::vector<std::uintmax_t> sizes = {10, 10, 10, 10, 10, 10, 10, 40};
  const Run run = simulate(sizes, sizes, 2);
  const std::vector<std::size_t> expected = {0, 1, 2, 3, 7, 4, 5, 6};
  CHECK(run.order == expected);
  CHECK(run.end == 60);
}
