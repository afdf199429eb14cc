# SPDX-License-Identifier: Apache-2.0
"""The GIL is released while C++ parses and writes: other threads run meanwhile."""

from __future__ import annotations

import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Iterator

import pytest

import hrnews


@pytest.fixture
def no_forced_switches() -> Iterator[None]:
    """With a huge switch interval, a thread that holds the GIL keeps it until it
    releases it itself: another thread can only run while it is released."""
    old = sys.getswitchinterval()
    sys.setswitchinterval(100.0)
    try:
        yield
    finally:
        sys.setswitchinterval(old)


def ran_during(work: Callable[[], object], repeat: int) -> bool:
    """True when this thread got to run while another thread was inside `work`."""
    started = threading.Event()
    finished = threading.Event()

    def run() -> None:
        started.set()
        for _ in range(repeat):
            work()
        finished.set()

    thread = threading.Thread(target=run)
    thread.start()
    started.wait()  # wakes up only when the worker lets go of the GIL
    inside = not finished.is_set()
    thread.join()
    return inside


@pytest.mark.usefixtures("no_forced_switches")
def test_parse_and_write_release_the_gil(feed_factory) -> None:  # type: ignore[no-untyped-def]
    data = feed_factory("rss", 2000)
    coll = hrnews.parse(data)
    assert ran_during(lambda: hrnews.parse(data), repeat=5)
    assert ran_during(lambda: coll.to("json"), repeat=5)
    # The check can fail: pure-Python work holds the GIL throughout.
    assert not ran_during(lambda: sum(i * i for i in range(200_000)), repeat=5)


def test_threads_parse_concurrently_with_the_same_results(rss_200: bytes) -> None:
    expected = hrnews.parse(rss_200)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: hrnews.parse(rss_200), range(8)))
    assert all(r == expected for r in results)
