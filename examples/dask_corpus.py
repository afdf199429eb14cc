#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Turns a directory of feeds into one table with Dask: one task per file,
parsed by hrnews on the workers, the Collections pickled back (through the
canonical JSON format) and flattened into one pandas DataFrame, written as
Parquet.

    python examples/dask_corpus.py FEED_DIR OUT.parquet [--workers 2] [--scheduler ADDRESS]

Without --scheduler it starts a LocalCluster of 2 worker processes on this
machine; with --scheduler tcp://host:8786 the same code runs on a real
cluster (see docs/python.md). It prints the shape of the table, e.g.
`rows=105 columns=28 files=6 diagnostics=0`.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

import hrnews

FEED_SUFFIXES = (".xml", ".rss", ".atom", ".json", ".jsonl")


def list_feeds(directory: str) -> list[str]:
    """Every feed file of `directory` (not recursive), sorted."""
    return sorted(
        os.path.join(directory, name)
        for name in os.listdir(directory)
        if name.endswith(FEED_SUFFIXES) and os.path.isfile(os.path.join(directory, name))
    )


def parse_feed(path: str) -> hrnews.Collection:
    """Runs on a worker. Reads the file there: only the path travels to the
    worker, and the Collection travels back by pickling."""
    return hrnews.parse(os.fspath(path))


def to_frame(collection: hrnews.Collection, path: str) -> Any:
    """One DataFrame per file, with the file it came from."""
    frame = collection.to_pandas()
    frame["source_file"] = os.path.basename(path)
    return frame


def build_table(paths: list[str], client: Any) -> tuple[Any, int]:
    """Parses every file on the cluster; returns the table and the number of diagnostics."""
    import pandas as pd

    futures = client.map(parse_feed, paths, pure=False)
    collections = client.gather(futures)  # unpickled here: hrnews.Collection objects
    diagnostics = sum(len(c.diagnostics) for c in collections)
    frames = [to_frame(c, p) for c, p in zip(collections, paths)]
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=[*hrnews.RECORD_COLUMNS, "source_file"])
    return table, diagnostics


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("feed_dir")
    parser.add_argument("output", help="Parquet file to write")
    parser.add_argument("--workers", type=int, default=2, help="local worker processes (default 2)")
    parser.add_argument("--scheduler", help="address of an existing Dask scheduler instead of a LocalCluster")
    args = parser.parse_args(argv)

    from dask.distributed import Client, LocalCluster

    paths = list_feeds(args.feed_dir)
    if not paths:
        print(f"no feed files in {args.feed_dir}", file=sys.stderr)
        return 1
    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        # Processes, not threads: every Collection crosses a process boundary.
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, host="127.0.0.1")
        client = Client(cluster)
    try:
        table, diagnostics = build_table(paths, client)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    table.to_parquet(args.output, index=False)
    print(f"rows={table.shape[0]} columns={table.shape[1]} files={len(paths)} diagnostics={diagnostics}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
