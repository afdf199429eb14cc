# SPDX-License-Identifier: Apache-2.0
"""The value types: keyword constructors, attributes, repr, ==, copy, pickle, str."""

from __future__ import annotations

import copy
import pickle

import pytest

import hrnews
from hrnews import *  # noqa: F403  (eval of repr needs every public name)


def full_article() -> hrnews.Article:
    return hrnews.Article(
        id="urn:omct:1",
        url="https://www.omct.org/en/1",
        links=[hrnews.Link(href="https://www.omct.org/fr/1", rel="alternate", hreflang="fr", length=12)],
        title="Azerbaijan: Measure of restraint",
        summary=hrnews.Text("<p>The Observatory welcomes</p>", hrnews.TextType.html),
        published="Fri, 13 Nov 2015 00:00:00 +0100",
        language="en",
        authors=[hrnews.Person(name="OMCT", email="omct@omct.org")],
        publishers=[hrnews.Party(name="World Organisation Against Torture", abbreviation="OMCT", role="publisher")],
        categories=[hrnews.Category(term="Economic, Social and Cultural Rights", scheme="theme")],
        subjects=[hrnews.TermRef("theme", "human-rights-defenders")],
        countries=["AZ"],
        regions=["EU"],
        geo=hrnews.GeoPoint(lat=40.4093, lon=49.8671),
        campaigns=["10-december-10-defenders"],
        related=[hrnews.Relation(hrnews.RelationType.translation_of, "urn:omct:1-fr")],
        attachments=[hrnews.Attachment(url="https://www.omct.org/1.pdf", type="application/pdf", length=1234)],
        rights="© OMCT",
        dateline="Geneva-Paris",
        event=hrnews.Event(start="2015-11-18", location="Palais des Nations, Geneva"),
        extensions={"x_internal_ref": '"42"'},
    )


def full_intervention() -> hrnews.Intervention:
    iv = hrnews.Intervention(
        id="urn:omct:ua:70",
        title="Azerbaijan: Release of Mr. Arif Yunusov",
        case_ref="AZE 001 / 0815 / OBS 070.1",
        intervention_type="follow-up",
        status=hrnews.CaseStatus.follow_up,
        victims=[hrnews.Victim(name="Arif Yunusov", role="human rights defender", status="released")],
        violations=[hrnews.TermRef("violation", "arbitrary-detention")],
        requested_actions=["Release him", "Guarantee his integrity"],
        addressees=[hrnews.Addressee(name="Mr. Ilham Aliyev", title="President", fax="+994 12 492 06 25")],
        deadline="2015-12-01",
        follows="urn:omct:ua:69",
        countries=["AZ"],
    )
    return iv


def all_values() -> list[object]:
    """One non-trivial value of every public model type."""
    art = full_article()
    iv = full_intervention()
    campaign = hrnews.Campaign(id="10-december", name="10 December, 10 Defenders", title="Ten defenders",
                               status="active", start="2015-11-26", hashtags=["10Defenders"],
                               organisers=[hrnews.Party(name="OMCT")], items=["urn:omct:1"],
                               calls_to_action=["Share"])
    diag = hrnews.Diagnostic(severity="warning", code="date-unparsed", message="bad date", line=12, column=7,
                             path="/items/3/published")
    feed = hrnews.Feed(id="https://www.omct.org/en/", title="OMCT - Latest news", language="en",
                       updated="2015-11-26T09:30:00+01:00", source_format="rss-2.0")
    term = hrnews.Term(code="torture", labels={"en": "Torture", "fr": "Torture"},
                       alt_labels={"es": ["Tortura"]}, broader=["violence"],
                       mappings=[hrnews.Mapping(hrnews.MappingKind.close, "http://example.org/t")])
    scheme = hrnews.Scheme(id="mine", title={"en": "Mine"}, terms=[term])
    coll = hrnews.Collection(feed=feed, items=[art, iv], campaigns=[campaign], schemes=[scheme], diagnostics=[diag])
    return [
        hrnews.Text("x < y", hrnews.TextType.html),
        hrnews.Timestamp("Thu, 26 Nov 2015 09:30:00 +0100"),
        hrnews.Timestamp("2015-11"),
        hrnews.CaseReference("TUR 005 / 0717 / OBS 078.6"),
        hrnews.Link(href="https://a.example/", title="A", length=3),
        hrnews.Person(name="OMCT", uri="https://www.omct.org/"),
        hrnews.Party(kind=hrnews.PartyKind.person, name="Jane"),
        hrnews.Category(term="Torture", scheme="theme", label="Torture"),
        hrnews.TermRef("country", "AZ"),
        hrnews.Attachment(url="https://a.example/r.pdf", length=10),
        hrnews.GeoPoint(1.5, -2.25),
        hrnews.Relation(rel="follow-up-of", id_or_url="urn:x"),
        hrnews.Event(start="2015-11-10T10:00:00+01:00", end="2015-11-10T13:00:00+01:00", location="Geneva"),
        art, iv, campaign,
        hrnews.Victim(name="Arif Yunusov"),
        hrnews.Addressee(name="Mr. X", email="x@example.org"),
        diag, feed, term, scheme,
        hrnews.Mapping(kind="exact", uri="http://example.org/"),
        hrnews.Limits(max_depth=10),
        hrnews.LanguageGuess("fr", 0.75),
        hrnews.FormatInfo(id="json", can_read=True),
        coll,
    ]


def test_keyword_constructor_sets_snake_case_attributes() -> None:
    a = full_article()
    assert a.id == "urn:omct:1"
    assert a.title == hrnews.Text("Azerbaijan: Measure of restraint")
    assert a.summary is not None and a.summary.type == hrnews.TextType.html
    assert a.published is not None and a.published.utc_offset_minutes == 60
    assert a.countries == ["AZ"] and a.regions == ["EU"]
    assert a.geo == hrnews.GeoPoint(40.4093, 49.8671)
    assert a.event is not None and a.event.location == "Palais des Nations, Geneva"
    assert a.kind == "article"


def test_intervention_is_an_article_with_its_case() -> None:
    iv = full_intervention()
    assert isinstance(iv, hrnews.Article)
    assert iv.kind == "intervention"
    assert iv.case_ref is not None and iv.case_ref.follow_up == 1 and iv.case_ref.country == "AZE"
    assert iv.intervention_type == hrnews.InterventionType.follow_up
    assert iv.requested_actions == ["Release him", "Guarantee his integrity"]
    assert iv.article.id == iv.id and type(iv.article) is hrnews.Article


def test_unknown_keyword_and_wrong_type_are_type_errors() -> None:
    with pytest.raises(TypeError, match="unexpected keyword argument 'headline'"):
        hrnews.Article(headline="x")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="'countries': cannot use a value of type int"):
        hrnews.Article(countries=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="got multiple values for argument 'scheme'"):
        hrnews.TermRef("theme", scheme="genre")  # type: ignore[misc]


@pytest.mark.parametrize("value", all_values(), ids=lambda v: type(v).__name__)
def test_repr_reads_like_a_constructor_call(value: object) -> None:
    text = repr(value)
    assert text.startswith(type(value).__name__ + "(")
    if "...+" not in text:
        assert eval(text) == value  # noqa: S307


@pytest.mark.parametrize("value", all_values(), ids=lambda v: type(v).__name__)
def test_copy_deepcopy_and_pickle_give_equal_objects(value: object) -> None:
    for clone in (copy.copy(value), copy.deepcopy(value), pickle.loads(pickle.dumps(value))):
        assert clone == value
        assert clone is not value
        assert type(clone) is type(value)


def test_equality_compares_every_field_and_the_type() -> None:
    a = full_article()
    b = full_article()
    assert a == b
    b.dateline = "Geneva"
    assert a != b
    iv = hrnews.Intervention(id="x")
    assert hrnews.Article(id="x") != iv
    assert iv != hrnews.Article(id="x")
    assert (hrnews.TermRef("a", "b") == "a:b") is False


def test_nested_objects_are_changed_in_place_lists_by_assignment() -> None:
    a = hrnews.Article(id="x", title="old")
    a.title.value = "new"
    assert a.title == hrnews.Text("new")
    a.countries = a.countries + ["FR"]
    assert a.countries == ["FR"]


def test_repr_shortens_long_lists() -> None:
    coll = hrnews.Collection(items=[hrnews.Article(id=str(i)) for i in range(20)])
    assert "items=[Article(id='0'), Article(id='1'), Article(id='2'), ...+17]" in repr(coll)


def test_collection_pickles_through_the_canonical_json() -> None:
    coll = all_values()[-1]
    assert isinstance(coll, hrnews.Collection)
    state = coll.__reduce_ex__(2)
    assert b'"hrnews":"1.0"' in pickle.dumps(coll)
    assert state is not None
    items = pickle.loads(pickle.dumps(coll)).items
    assert [type(i) for i in items] == [hrnews.Article, hrnews.Intervention]


def test_str_is_readable() -> None:
    assert str(hrnews.Text("Hello")) == "Hello"
    assert str(hrnews.Timestamp("Thu, 26 Nov 2015 09:30:00 +0100")) == "2015-11-26T09:30:00+01:00"
    assert str(hrnews.CaseReference("tur 005/0717/obs 078.6")) == "TUR 005 / 0717 / OBS 078.6"
    assert str(hrnews.TermRef("theme", "torture")) == "theme:torture"
    assert str(full_intervention()) == "[AZE 001 / 0815 / OBS 070.1] Azerbaijan: Release of Mr. Arif Yunusov"
    assert str(full_article()) == "Azerbaijan: Measure of restraint (2015-11-13T00:00:00+01:00)"
    assert str(hrnews.InterventionType.urgent_appeal) == "urgent-appeal"
    assert repr(hrnews.InterventionType.urgent_appeal) == "InterventionType.urgent_appeal"
    diag = hrnews.Diagnostic(severity="warning", code="date-unparsed", message="bad date", line=12, column=7)
    assert str(diag) == "<input>:12:7: warning: bad date [date-unparsed]"


def test_enums_accept_their_canonical_spelling() -> None:
    assert hrnews.InterventionType("open-letter") == hrnews.InterventionType.open_letter
    assert hrnews.RelationType.translation_of.spelling == "translation-of"
    with pytest.raises(ValueError, match='unknown value "urgent"'):
        hrnews.InterventionType("urgent")


def test_timestamp_keeps_raw_text_offset_and_precision() -> None:
    t = hrnews.Timestamp("Thu, 26 Nov 2015 09:30:00 +0100")
    assert t.raw == "Thu, 26 Nov 2015 09:30:00 +0100"
    assert t.precision == hrnews.Precision.second
    assert t.to_rfc3339() == "2015-11-26T09:30:00+01:00"
    dt = t.to_datetime()
    assert dt.isoformat() == "2015-11-26T09:30:00+01:00"
    assert hrnews.Timestamp.from_datetime(dt).to_rfc3339() == "2015-11-26T09:30:00+01:00"
    month = hrnews.Timestamp("2015-11")
    assert month.precision == hrnews.Precision.month and str(month) == "2015-11"
    assert hrnews.Timestamp.parse("32 Nov") is None
    with pytest.raises(ValueError, match='not a date: "32 Nov"'):
        hrnews.Timestamp("32 Nov")
    with pytest.raises(ValueError):
        hrnews.Timestamp.from_fields(2015, 13)
    relabelled = hrnews.Timestamp("2015-11-26", raw="the 26th")
    assert repr(relabelled) == "Timestamp('2015-11-26', raw='the 26th')"
    assert repr(hrnews.Timestamp("26 novembre 2015")) == "Timestamp('26 novembre 2015')"
