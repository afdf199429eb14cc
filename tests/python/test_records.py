# SPDX-License-Identifier: Apache-2.0
"""to_records() and to_pandas()."""

from __future__ import annotations

import datetime
import pathlib
import sys

import pytest

import hrnews


def test_records_have_every_column_for_every_item(data_dir: pathlib.Path) -> None:
    coll = hrnews.parse(data_dir / "appeal.xml")
    records = coll.to_records()
    assert len(records) == 2
    for r in records:
        assert tuple(r) == hrnews.RECORD_COLUMNS
    appeal, letter = records
    assert appeal["kind"] == "intervention"
    assert appeal["case_ref"] == "AZE 001 / 0815 / OBS 070.1"
    assert appeal["countries"] == ["AZ"]
    assert "human-rights-defenders" in appeal["themes"]
    assert appeal["published"] == datetime.datetime(2015, 11, 12, 23, 0, tzinfo=datetime.timezone.utc)
    assert appeal["language"] == "en"
    assert letter["kind"] == "article" and letter["case_ref"] is None and letter["deadline"] is None
    assert letter["feed_title"] == "OMCT - Latest news" and letter["source_format"] == "rss-2.0"


def test_to_pandas_gives_one_row_per_item(sample_json: pathlib.Path) -> None:
    pd = pytest.importorskip("pandas")
    frame = hrnews.parse(sample_json).to_pandas()
    assert frame.shape == (16, len(hrnews.RECORD_COLUMNS))
    assert list(frame.columns) == list(hrnews.RECORD_COLUMNS)
    assert str(frame["published"].dtype).startswith("datetime64")
    assert frame["published"].dt.tz is not None
    assert pd.api.types.is_object_dtype(frame["countries"])


def test_to_pandas_without_pandas_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(ImportError) as info:
        hrnews.Collection().to_pandas()
    assert str(info.value) == (
        "Collection.to_pandas() needs pandas, which is not installed: pip install pandas "
        "(to_records() gives the same rows as a list of dicts without it)")
