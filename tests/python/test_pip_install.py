# SPDX-License-Identifier: Apache-2.0
"""`pip install .` in a fresh virtual environment builds and installs hrnews,
and the wheel holds only the Python part. Slow (it builds the C++ library in
Release): its own ctest test, python.pip_install."""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys

import pytest

pytestmark = pytest.mark.pip_install

CHECK = r"""
import importlib.metadata as md, json, hrnews
files = sorted(str(f) for f in md.files("hrnews"))
coll = hrnews.parse(b'<rss version="2.0"><channel><title>t</title><item><title>Azerbaijan: x</title><guid>a</guid></item></channel></rss>')
print(json.dumps({"version": hrnews.__version__, "dist": md.version("hrnews"), "files": files,
                  "countries": coll.items[0].countries, "formats": [f.id for f in hrnews.formats()]}))
"""


def test_pip_install_in_a_fresh_venv(root: pathlib.Path) -> None:
    import json

    binary = pathlib.Path(os.environ.get("HRNEWS_BINARY_DIR", root / "build"))
    venv_dir = binary / "pip-install-venv"
    shutil.rmtree(venv_dir, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv_dir)], check=True)
    python = venv_dir / "bin" / "python"
    # build-dir in the build tree: a re-run only rebuilds what changed.
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--disable-pip-version-check",
         "--config-settings=build-dir=" + str(binary / "wheel-build"), str(root)],
        capture_output=True, text=True, cwd=binary)
    print(install.stdout[-3000:])
    assert install.returncode == 0, install.stdout[-5000:] + install.stderr[-5000:]
    assert "Successfully installed hrnews-" in install.stdout
    result = subprocess.run([str(python), "-c", CHECK], capture_output=True, text=True, cwd=venv_dir)
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    header = (root / "include" / "hrnews" / "version.hpp").read_text()
    assert f'#define HRNEWS_VERSION_STRING "{info["version"]}"' in header
    assert info["dist"] == info["version"]
    assert info["countries"] == ["AZ"]
    assert "rss" in info["formats"]
    # Only the Python part: the package files and the metadata, no headers, library, CMake files or program.
    package = [f for f in info["files"] if not f.startswith("hrnews-")]
    assert all(f.startswith("hrnews/") for f in package), package
    names = {f.split("/", 1)[1] for f in package if "__pycache__" not in f}
    assert {"__init__.py", "_hrnews.pyi", "py.typed"} <= names
    assert [n for n in names if n.startswith("_hrnews.") and n.endswith(".so")]
    assert not [f for f in info["files"] if f.endswith((".hpp", ".a", ".cmake", ".pc")) or f.endswith("/hrnews")]
