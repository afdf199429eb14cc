#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# One command for the benchmarks: Release build, inputs from ../shared/bench/gen_feed.py
# (or its copy bench/tools/gen_feed.py on a fresh clone),
# side-by-side comparisons printed as one table per reader.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# The generator: the shared one when present, else the project's copy (bench/tools/gen_feed.py).
gen="$root/../shared/bench/gen_feed.py"
[ -f "$gen" ] || gen="$root/bench/tools/gen_feed.py"
out="$root/build-release/bench-data"
"$root/scripts/bootstrap.sh"
cmake --preset release >/dev/null
cmake --build --preset release --target bench_json bench_feeds
cmake --build --preset release --target bench_interchange
mkdir -p "$out"
for n in 1000 10000; do
  [ -s "$out/jsonfeed-$n.json" ] || python3 "$gen" jsonfeed "$n" > "$out/jsonfeed-$n.json"
  [ -s "$out/canonical-$n.json" ] || python3 "$root/bench/tools/jsonfeed_to_hrnews.py" "$out/jsonfeed-$n.json" > "$out/canonical-$n.json"
  "$root/build-release/bench/bench_json" "$out/canonical-$n.json"
  "$root/build-release/bench/bench_interchange" "$out/canonical-$n.json"
  echo
done
for n in 10000; do
  [ -s "$out/rss-$n.xml" ] || python3 "$gen" rss "$n" > "$out/rss-$n.xml"
  [ -s "$out/atom-$n.xml" ] || python3 "$gen" atom "$n" > "$out/atom-$n.xml"
  "$root/build-release/bench/bench_feeds" "$out/rss-$n.xml" "$out/atom-$n.xml"
done
# Interchange exports (ninjs, JSON-LD) and the ReliefWeb import, beside canonical JSON.
cmake --build --preset release --target bench_exports
for n in 10000; do
  [ -s "$out/reliefweb-$n.json" ] || python3 "$root/bench/tools/hrnews_to_reliefweb.py" "$out/canonical-$n.json" > "$out/reliefweb-$n.json"
  "$root/build-release/bench/bench_exports" "$out/canonical-$n.json" "$out/reliefweb-$n.json"
  echo
done
# Everything side by side with the peers (feedparser, feedsmith, Python), memory and scale:
echo "for the full table with peers, memory and scale: python3 bench/perf.py"
