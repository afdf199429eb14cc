#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""hrnews.parse against feedparser.parse on the same synthetic feed, in one
run, and the thread scaling of hrnews.parse (the GIL is released while C++ parses).

    python bench/bench_python.py [--items 10000] [--threads 2] [--repeat 3]

Needs hrnews (build tree: PYTHONPATH=build/python) and feedparser, e.g. the
test venv: build/venv/bin/python bench/bench_python.py. The feed comes from
bench/tools/gen_feed.py (a copy of ../shared/bench/gen_feed.py), so the bytes
are the same as in the other benchmarks. Prints one line per measurement.
"""

from __future__ import annotations

import argparse
import pathlib
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Callable

import hrnews

ROOT = pathlib.Path(__file__).resolve().parent.parent


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """The fastest of `repeat` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10000)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--tasks", type=int, default=8, help="parses per thread-scaling run")
    args = parser.parse_args()

    data = subprocess.run([sys.executable, str(ROOT / "bench" / "tools" / "gen_feed.py"), "rss", str(args.items)],
                          check=True, capture_output=True).stdout
    mb = len(data) / 1e6
    print(f"input: gen_feed.py rss {args.items}: {mb:.1f} MB")

    coll = hrnews.parse(data)
    t_hr = best_of(args.repeat, lambda: hrnews.parse(data))
    print(f"hrnews.parse      {t_hr * 1000:9.1f} ms  {mb / t_hr:8.1f} MB/s  items={len(coll.items)}")

    try:
        import feedparser  # type: ignore[import-untyped]
    except ImportError:
        print("feedparser not installed: pip install feedparser", file=sys.stderr)
        return 1
    parsed = feedparser.parse(data)
    t_fp = best_of(max(1, args.repeat // 3), lambda: feedparser.parse(data))
    print(f"feedparser.parse  {t_fp * 1000:9.1f} ms  {mb / t_fp:8.1f} MB/s  items={len(parsed.entries)}")
    print(f"ratio hrnews/feedparser: {t_fp / t_hr:.1f}x (bar: 50x)")

    # Thread scaling: the same number of parses on 1 thread and on N threads.
    def run(threads: int) -> float:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            start = time.perf_counter()
            list(pool.map(lambda _: hrnews.parse(data), range(args.tasks)))
            return time.perf_counter() - start

    t1 = min(run(1) for _ in range(args.repeat))
    tn = min(run(args.threads) for _ in range(args.repeat))
    print(f"threads: {args.tasks} parses on 1 thread {t1:.2f} s, on {args.threads} threads {tn:.2f} s: "
          f"speed-up {t1 / tn:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
