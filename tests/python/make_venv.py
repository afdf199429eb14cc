#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Creates the test virtual environment (once) and installs requirements.txt
into it (again only when the file changed). Run by the ctest fixture
`python.venv`; usage: make_venv.py VENV_DIR REQUIREMENTS."""

from __future__ import annotations

import hashlib
import pathlib
import subprocess
import sys
import venv


def main() -> int:
    target = pathlib.Path(sys.argv[1])
    requirements = pathlib.Path(sys.argv[2])
    python = target / "bin" / "python"
    if not python.exists():
        print(f"creating {target}")
        venv.EnvBuilder(with_pip=True, clear=True).create(target)
    digest = hashlib.sha256(requirements.read_bytes()).hexdigest()
    stamp = target / "hrnews-requirements.sha256"
    if stamp.exists() and stamp.read_text() == digest:
        print(f"{target}: requirements up to date")
        return 0
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "-r", str(requirements)], check=True)
    stamp.write_text(digest)
    print(f"{target}: installed {requirements}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
