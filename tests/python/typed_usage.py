# SPDX-License-Identifier: Apache-2.0
"""A small program typed against the stubs; `mypy --strict` must accept it
(tests/python/test_typing.py). Also run as a smoke test."""

from __future__ import annotations

import pickle
from typing import Optional

import hrnews


def countries_of(coll: hrnews.Collection) -> list[str]:
    out: list[str] = []
    for item in coll.items:
        out.extend(item.countries)
    return out


def first_case(coll: hrnews.Collection) -> Optional[hrnews.CaseReference]:
    for item in coll.items:
        if isinstance(item, hrnews.Intervention) and item.case_ref is not None:
            return item.case_ref
    return None


def main() -> int:
    coll: hrnews.Collection = hrnews.parse(
        b'<rss version="2.0"><channel><title>t</title><item><title>Azerbaijan: AZE 001 / 0815 / OBS 070.1</title>'
        b"<guid>a</guid></item></channel></rss>",
        base_url="https://example.org/",
        strict=False,
        limits=hrnews.Limits(max_items=100),
    )
    text: str = coll.to("atom")
    records: list[dict[str, object]] = coll.to_records()
    art = hrnews.Article(id="x", title="Title", countries=["FR"], published="2015-11-26")
    stamp: Optional[hrnews.Timestamp] = art.published
    tax: hrnews.Taxonomy = hrnews.builtin_taxonomy()
    term: Optional[hrnews.Term] = tax.match("country", "France")
    refs: list[hrnews.TermRef] = hrnews.classify_label("Torture")
    clone: hrnews.Collection = pickle.loads(pickle.dumps(coll))
    try:
        hrnews.parse(b"{", format="json")
    except hrnews.ParseError as e:
        line: Optional[int] = e.line
        assert line == 1
    ok = (countries_of(coll) == ["AZ"] and first_case(coll) is not None and bool(text) and len(records) == 1
          and stamp is not None and term is not None and bool(refs) and clone == coll)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
