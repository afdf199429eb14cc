# SPDX-License-Identifier: Apache-2.0
"""The GIL is released while C++ parses and writes: other threads keep running."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Callable

import hrnews


def longest_stall(work: Callable[[], object]) -> tuple[float, float]:
    """Runs `work` in a thread while this thread ticks; returns (duration of the
    work, longest time this thread could not run)."""
    done = threading.Event()
    span = [0.0]

    def run() -> None:
        start = time.perf_counter()
        work()
        span[0] = time.perf_counter() - start
        done.set()

    thread = threading.Thread(target=run)
    last = time.perf_counter()
    stall = 0.0
    thread.start()
    while not done.is_set():
        now = time.perf_counter()
        stall = max(stall, now - last)
        last = now
    thread.join()
    return span[0], stall


def test_parse_and_write_let_other_threads_run(feed_factory) -> None:  # type: ignore[no-untyped-def]
    data = feed_factory("rss", 3000)
    coll = hrnews.parse(data)
    for work in (lambda: hrnews.parse(data), lambda: coll.to("json")):
        duration, stall = longest_stall(work)
        # With the GIL held, this thread would stall for the whole call.
        assert stall < max(duration / 2, 0.05), (duration, stall)


def test_threads_parse_concurrently_with_the_same_results(rss_200: bytes) -> None:
    expected = hrnews.parse(rss_200)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: hrnews.parse(rss_200), range(8)))
    assert all(r == expected for r in results)
