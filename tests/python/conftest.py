# SPDX-License-Identifier: Apache-2.0
"""Shared fixtures. The suite runs against the module of the build tree
(tests/python.cmake puts ${build}/python first on PYTHONPATH) or against an
installed hrnews when run by hand."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

HERE = pathlib.Path(__file__).resolve().parent
ROOT = pathlib.Path(os.environ.get("HRNEWS_SOURCE_DIR", HERE.parent.parent))


@pytest.fixture(scope="session")
def root() -> pathlib.Path:
    return ROOT


@pytest.fixture(scope="session")
def data_dir() -> pathlib.Path:
    return HERE / "data"


@pytest.fixture(scope="session")
def sample_json() -> pathlib.Path:
    """The OMCT November 2015 front page as canonical JSON (16 items)."""
    return ROOT / "examples" / "data" / "omct-2015-11.json"


def generate_feed(kind: str, items: int) -> bytes:
    """A synthetic feed made by bench/tools/gen_feed.py (same bytes every time)."""
    return subprocess.run([sys.executable, str(HERE.parent.parent / "bench" / "tools" / "gen_feed.py"), kind, str(items)],
                          check=True, capture_output=True).stdout


@pytest.fixture(scope="session")
def rss_200() -> bytes:
    return generate_feed("rss", 200)


@pytest.fixture(scope="session")
def feed_factory():  # type: ignore[no-untyped-def]
    return generate_feed
