# SPDX-License-Identifier: Apache-2.0
"""The taxonomy as Python objects: look up a term, classify a label."""

from __future__ import annotations

import pickle

import pytest

import hrnews


def test_builtin_taxonomy_has_the_six_schemes() -> None:
    tax = hrnews.builtin_taxonomy()
    assert [s.id for s in tax.schemes] == ["theme", "genre", "country", "region", "mechanism", "violation"]
    assert hrnews.builtin_scheme_ids() == [s.id for s in tax.schemes]
    assert "country" in tax and "nope" not in tax
    assert len(tax["country"]) >= 249


def test_lookup_by_code_and_by_label_in_three_languages() -> None:
    tax = hrnews.builtin_taxonomy()
    az = tax.find("country", "AZ")
    assert az is not None and az.label("fr") == "Azerbaïdjan"
    assert tax.match("country", "  azerbaidjan ") == az
    assert tax.match("country", "Azerbaiyán") == az
    assert tax.find("country", "XX") is None
    assert tax.term(hrnews.TermRef("country", "AZ")) == az
    with pytest.raises(KeyError):
        tax.term(hrnews.TermRef("country", "XX"))
    assert tax.label(hrnews.TermRef("country", "AZ"), "es") == "Azerbaiyán"


def test_classify_label_finds_every_scheme_that_knows_it() -> None:
    refs = hrnews.classify_label("Economic, Social and Cultural Rights")
    assert hrnews.TermRef("theme", "economic-social-cultural-rights") in refs
    assert hrnews.classify_label("no such label anywhere") == []
    assert hrnews.normalize_label("  Droits de l'Homme ") == "droits de l homme"


def test_user_schemes_extend_the_taxonomy() -> None:
    mine = hrnews.Scheme(id="theme", terms=[hrnews.Term(code="digital-rights", labels={"en": "Digital rights"})])
    tax = hrnews.builtin_taxonomy().extend([mine])
    assert tax.match("theme", "DIGITAL   RIGHTS") == mine.terms[0]
    assert tax.find("theme", "human-rights-defenders") is not None
    assert hrnews.builtin_taxonomy().match("theme", "Digital rights") is None
    assert hrnews.classify_label("digital rights", tax) == [hrnews.TermRef("theme", "digital-rights")]
    assert pickle.loads(pickle.dumps(tax)) == tax
    assert hrnews.Scheme.from_json(mine.to_json()) == mine
    with pytest.raises(ValueError):
        hrnews.Taxonomy([mine, mine])


def test_case_references_languages_and_countries() -> None:
    refs = hrnews.find_case_references("See TUR 005 / 0717 / OBS 078.6 and Further information on UA 229/10.")
    assert [r.format() for r in refs] == ["TUR 005 / 0717 / OBS 078.6", "Further information on UA 229/10"]
    assert refs[0].scheme == hrnews.CaseScheme.observatory
    assert refs[0].same_case(hrnews.CaseReference("TUR 005 / 0717 / OBS 078"))
    guess = hrnews.identify_language("Lettre ouverte au Président de la République sur la torture")
    assert guess.language == "fr" and guess.confidence > 0.5
    assert hrnews.country_alpha3("az") == "AZE" and hrnews.country_from_alpha3("TUR") == "TR"
    assert hrnews.country_alpha3("zz") is None
