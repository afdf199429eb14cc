# SPDX-License-Identifier: Apache-2.0
"""The version comes from one place: include/hrnews/version.hpp."""

from __future__ import annotations

import pathlib
import re

import hrnews


def header_version(root: pathlib.Path) -> str:
    text = (root / "include" / "hrnews" / "version.hpp").read_text()
    match = re.search(r'#define HRNEWS_VERSION_STRING "([^"]+)"', text)
    assert match is not None
    return match.group(1)


def test_python_version_equals_the_header_macro(root: pathlib.Path) -> None:
    assert hrnews.__version__ == header_version(root)
    assert hrnews.library_version() == hrnews.__version__
    assert hrnews.FORMAT_VERSION == "1.0"


def test_pyproject_reads_the_version_from_the_header(root: pathlib.Path) -> None:
    pyproject = (root / "pyproject.toml").read_text()
    regex = re.search(r"^regex = '(.+)'$", pyproject, re.M)
    assert regex is not None and 'input = "include/hrnews/version.hpp"' in pyproject
    header = (root / "include" / "hrnews" / "version.hpp").read_text()
    found = re.search(regex.group(1), header)
    assert found is not None and found.group("value") == hrnews.__version__
