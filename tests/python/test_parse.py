# SPDX-License-Identifier: Apache-2.0
"""hrnews.parse and writing: sources, options, the format registry, errors."""

from __future__ import annotations

import io
import pathlib

import pytest

import hrnews


def test_parse_reads_bytes_str_path_pathlike_and_file_objects(data_dir: pathlib.Path) -> None:
    path = data_dir / "appeal.xml"
    raw = path.read_bytes()
    results = [
        hrnews.parse(raw),
        hrnews.parse(raw.decode("utf-8")),
        hrnews.parse(path),
        hrnews.parse(str(path)),
        hrnews.parse(io.BytesIO(raw)),
        hrnews.parse(io.StringIO(raw.decode("utf-8"))),
        hrnews.parse(bytearray(raw)),
    ]
    for coll in results:
        assert coll == results[0]
    coll = results[0]
    assert coll.source_format == "rss-2.0"
    assert coll.title == hrnews.Text("OMCT - Latest news")
    assert len(coll) == 2 and len(coll.items) == 2


def test_classification_makes_the_appeal_an_intervention(data_dir: pathlib.Path) -> None:
    coll = hrnews.parse(data_dir / "appeal.xml")
    appeal, letter = coll.items
    assert isinstance(appeal, hrnews.Intervention)
    assert appeal.case_ref == hrnews.CaseReference("AZE 001 / 0815 / OBS 070.1")
    assert appeal.countries == ["AZ"]
    assert hrnews.TermRef("theme", "human-rights-defenders") in appeal.subjects
    assert type(letter) is hrnews.Article
    assert letter.url == "https://www.omct.org/fr/ressources/declarations/mexique-lettre"
    assert hrnews.TermRef("theme", "economic-social-cultural-rights") in letter.subjects
    assert "MX" in letter.countries
    raw = hrnews.parse(data_dir / "appeal.xml", classify=False)
    assert all(type(i) is hrnews.Article for i in raw.items)
    assert raw.items[0].subjects == []


def test_inferred_languages_are_marked() -> None:
    doc = ('<rss version="2.0"><channel><title>t</title><item><guid>a</guid>'
           "<title>Lettre ouverte au Président de la République sur la torture et les défenseurs des droits</title>"
           "</item></channel></rss>").encode()
    item = hrnews.parse(doc).items[0]
    assert (item.language, item.language_inferred) == ("fr", True)
    assert hrnews.parse(doc).to_records()[0]["language_inferred"] is True
    assert hrnews.parse(doc, classify=False).items[0].language_inferred is False


def test_base_url_resolves_relative_links_when_the_feed_gives_none() -> None:
    doc = (b'<rss version="2.0"><channel><title>t</title><item><title>a</title>'
           b'<link>/a/1</link><guid>a1</guid></item></channel></rss>')
    assert hrnews.parse(doc).items[0].url == "/a/1"
    assert hrnews.parse(doc, base_url="https://example.org/x/").items[0].url == "https://example.org/a/1"


def test_repairs_are_diagnostics_and_strict_makes_them_errors() -> None:
    doc = (b'<rss version="2.0"><channel><title>t</title><item><title>a</title><guid>a1</guid>'
           b'<pubDate>32 Nov 2015</pubDate></item></channel></rss>')
    coll = hrnews.parse(doc)
    assert [d.code for d in coll.diagnostics if d.severity == hrnews.Severity.warning] == ["date-unparsed"]
    with pytest.raises(hrnews.ParseError) as info:
        hrnews.parse(doc, strict=True)
    assert str(info.value) == ('<input>:1:83: rss: rss/channel/item[1]/pubDate: '
                               '"32 Nov 2015" is not a date; dropped (strict mode)')
    assert info.value.path == "rss/channel/item[1]/pubDate"


def test_parse_error_is_a_value_error_with_its_location() -> None:
    with pytest.raises(hrnews.ParseError) as info:
        hrnews.parse(b'{"hrnews": "1.0",\n "items": [ {"kind": "article", "id": 3} ]}', file_name="bad.json")
    err = info.value
    assert isinstance(err, ValueError)
    assert str(err) == "bad.json: json: /items/0/id: expected a string"
    assert (err.file, err.format, err.path, err.message) == ("bad.json", "json", "/items/0/id", "expected a string")
    with pytest.raises(hrnews.ParseError) as info:
        hrnews.parse(b'{"hrnews": "1.0",\n "items": [ }', format="json")
    err = info.value
    assert (err.line, err.column) == (2, 13)
    assert str(err).startswith("<input>:2:13: json: ")


def test_parse_error_pickles_with_its_location() -> None:
    import pickle

    with pytest.raises(hrnews.ParseError) as info:
        hrnews.parse(b'<html>\n  <body>x</body></html>', format="rss", file_name="x.xml")
    clone = pickle.loads(pickle.dumps(info.value))
    assert type(clone) is hrnews.ParseError
    assert str(clone) == "x.xml:1:2: rss: root element <html> is not <rss> or <rdf:RDF>"
    assert (clone.line, clone.column, clone.file, clone.format) == (1, 2, "x.xml", "rss")


def test_parse_error_names_the_file_it_read(tmp_path: pathlib.Path) -> None:
    bad = tmp_path / "broken.xml"
    bad.write_bytes(b'<html>\n  <body>x</body></html>')
    with pytest.raises(hrnews.ParseError) as info:
        hrnews.parse(bad, format="rss")
    assert str(info.value) == str(bad) + ":1:2: rss: root element <html> is not <rss> or <rdf:RDF>"
    assert info.value.file == str(bad)
    assert (info.value.line, info.value.column) == (1, 2)


def test_io_and_usage_errors_map_to_builtin_exceptions(tmp_path: pathlib.Path) -> None:
    with pytest.raises(FileNotFoundError):
        hrnews.parse(tmp_path / "missing.xml")
    with pytest.raises(IsADirectoryError):
        hrnews.parse(tmp_path)
    with pytest.raises(hrnews.ParseError, match='unknown format "yaml"'):
        hrnews.parse(b"{}", format="yaml")
    with pytest.raises(hrnews.ParseError, match="cannot detect the format of the input"):
        hrnews.parse(b"hello")
    with pytest.raises(TypeError, match="not int"):
        hrnews.parse(42)  # type: ignore[arg-type]
    coll = hrnews.Collection()
    with pytest.raises(ValueError, match='unknown format "yaml"'):
        coll.to("yaml")
    with pytest.raises(ValueError, match="pass format="):
        coll.save(str(tmp_path / "out.txt"))
    with pytest.raises(FileNotFoundError):
        coll.save(str(tmp_path / "no" / "such" / "dir.json"))
    with pytest.raises(IndexError):
        coll[0]
    with pytest.raises(KeyError):
        hrnews.builtin_taxonomy()["nope"]


def test_limits_are_keyword_options() -> None:
    doc = hrnews.parse(b'<rss version="2.0"><channel><title>t</title></channel></rss>')
    assert doc.items == []
    with pytest.raises(hrnews.ParseError, match="limit"):
        hrnews.parse(b'{"hrnews": "1.0", "items": [[[[[[[[]]]]]]]]}', limits=hrnews.Limits(max_depth=4))


def test_every_registered_writer_is_reachable(sample_json: pathlib.Path) -> None:
    coll = hrnews.parse(sample_json)
    ids = [f.id for f in hrnews.formats()]
    assert {"json", "jsonl", "rss", "atom", "jsonfeed"} <= set(ids)
    for info in hrnews.formats():
        if not info.can_write:
            continue
        data = coll.to_bytes(info.id)
        assert data
        if info.can_read and info.id in ("json", "jsonl"):
            assert hrnews.parse(data, format=info.id) == coll


def test_to_and_save_round_trip(sample_json: pathlib.Path, tmp_path: pathlib.Path) -> None:
    coll = hrnews.parse(sample_json)
    assert len(coll.items) == 16
    atom = coll.to("atom")
    assert atom.startswith("<?xml")
    back = hrnews.parse(atom)
    assert hrnews.detect_format(atom.encode()) == "atom" and len(back.items) == 16
    for name in ("out.json", "out.jsonl", "out.rss", "out.atom"):
        target = tmp_path / name
        coll.save(str(target))
        assert hrnews.parse(target).items[0].id == coll.items[0].id
    assert hrnews.parse(tmp_path / "out.json") == coll
    assert coll.to("json", pretty=False).count("\n") <= 1


def test_detect_format_and_diagnostics_are_exposed(sample_json: pathlib.Path) -> None:
    assert hrnews.detect_format(sample_json.read_bytes()) == "json"
    assert hrnews.detect_format(b'<rss version="2.0"/>') == "rss"
    assert hrnews.detect_format(b"plain") == ""


def test_collection_sequence_protocol_and_classify(data_dir: pathlib.Path) -> None:
    coll = hrnews.parse(data_dir / "appeal.xml", classify=False)
    assert [i.id for i in coll] == [coll[0].id, coll[-1].id]
    coll.classify()
    assert isinstance(coll[0], hrnews.Intervention)
    coll.append(hrnews.Article(id="new"))
    assert len(coll) == 3
    with pytest.raises(TypeError, match="an item must be an Article or an Intervention, not str"):
        coll.append("x")  # type: ignore[arg-type]
    stats = coll.stats()
    assert stats["items"] == 3 and stats["by_kind"]["intervention"] == 1
