# SPDX-License-Identifier: Apache-2.0
"""examples/dask_corpus.py on a small generated corpus: 6 feeds, a LocalCluster
of 2 worker processes, one Parquet table."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

import hrnews
from conftest import generate_feed


def test_dask_example_turns_a_directory_of_feeds_into_one_table(root: pathlib.Path, tmp_path: pathlib.Path) -> None:
    pytest.importorskip("dask.distributed")
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    corpus = tmp_path / "feeds"
    corpus.mkdir()
    sizes = {"rss": [10, 20, 30], "atom": [15, 25], "jsonfeed": [5]}
    suffix = {"rss": ".xml", "atom": ".atom", "jsonfeed": ".json"}
    expected_rows = 0
    for kind, counts in sizes.items():
        for n in counts:
            (corpus / f"{kind}-{n}{suffix[kind]}").write_bytes(generate_feed(kind, n))
            expected_rows += n
    out = tmp_path / "corpus.parquet"
    env = dict(os.environ)
    result = subprocess.run([sys.executable, str(root / "examples" / "dask_corpus.py"), str(corpus), str(out)],
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip().splitlines()[-1]
    columns = len(hrnews.RECORD_COLUMNS) + 1  # + source_file
    assert line.startswith(f"rows={expected_rows} columns={columns} files=6 ")
    table = pd.read_parquet(out)
    assert table.shape == (expected_rows, columns)
    assert sorted(table["source_file"].unique()) == sorted(p.name for p in corpus.iterdir())
    assert set(table["kind"]) <= {"article", "intervention"}
    assert not table.duplicated(["source_file", "id"]).any()
    assert table.groupby("source_file").size().to_dict() == {
        f"{kind}-{n}{suffix[kind]}": n for kind, counts in sizes.items() for n in counts}
