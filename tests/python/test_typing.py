# SPDX-License-Identifier: Apache-2.0
"""The stubs and py.typed: mypy --strict accepts the package and a typed program."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

import hrnews

HERE = pathlib.Path(__file__).resolve().parent


def test_package_ships_stubs_and_py_typed() -> None:
    package = pathlib.Path(hrnews.__file__).parent
    assert (package / "py.typed").is_file()
    assert (package / "_hrnews.pyi").is_file()


def test_typed_program_runs() -> None:
    assert subprocess.run([sys.executable, str(HERE / "typed_usage.py")]).returncode == 0


def test_mypy_strict_accepts_the_stubs_and_a_typed_program(tmp_path: pathlib.Path) -> None:
    pytest.importorskip("mypy")
    package_parent = pathlib.Path(hrnews.__file__).parent.parent
    env = dict(os.environ, MYPYPATH=str(package_parent))
    for target in (["-p", "hrnews"], [str(HERE / "typed_usage.py")]):
        result = subprocess.run(
            [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"),
             *target], capture_output=True, text=True, env=env, cwd=tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr
        assert result.stdout.startswith("Success: no issues found")


def test_mypy_rejects_a_wrong_use(tmp_path: pathlib.Path) -> None:
    pytest.importorskip("mypy")
    bad = tmp_path / "bad.py"
    bad.write_text("import hrnews\nx: int = hrnews.parse(b'').title\n")
    package_parent = pathlib.Path(hrnews.__file__).parent.parent
    env = dict(os.environ, MYPYPATH=str(package_parent))
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir",
                             str(tmp_path / "cache"), str(bad)], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert result.returncode == 1
    assert 'Incompatible types in assignment (expression has type "Text", variable has type "int")' in result.stdout
