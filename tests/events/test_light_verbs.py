"""A light verb that is also a trigger ("commit", 030) lends its subject to the event noun
it takes as object; an idiom that is no event ("commit suicide") names its object's head;
"defend" is a verbal defence (052) only of words or deeds, not of a country or a people."""

from __future__ import annotations

import datetime as dt

import pytest

import tidings


def coded(text: str) -> set[tuple[str, str | None]]:
    events = tidings.extract(text, date=dt.date(2019, 3, 4))
    return {(e.cameo.code, e.source.sector if e.source else None) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The insurgents committed bombings across the province.", ("183", "REB")),
        ("Militants committed raids on two border posts last week.", ("170", None)),
        ("The police committed a massacre of protesters in the square.", ("202", "COP")),
    ],
)
def test_commit_lends_its_subject_to_the_event_noun(text, expected):
    found = coded(text)
    code, sector = expected
    assert any(c == code and (sector is None or s == sector) for c, s in found), found
    assert not any(c == "030" for c, _ in found), found


def test_committing_suicide_bombings_is_the_bombings():
    found = coded("The insurgents committed suicide bombings against the army base.")
    assert any(code == "1831" for code, _ in found), found


def test_committing_suicide_is_still_no_event():
    assert coded("The prisoner committed suicide in his cell.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "The troops were sent to defend the government of the province.",
        "The soldiers defended the town against the rebels.",
    ],
)
def test_defending_a_country_or_people_is_no_verbal_defence(text):
    assert not any(code == "052" for code, _ in coded(text))


@pytest.mark.parametrize(
    "text",
    [
        "The mayor defended the decision to close the bridge.",
        "The minister defended the government policy on refugees.",
    ],
)
def test_defending_a_decision_or_policy_is_still_verbal(text):
    assert any(code == "052" for code, _ in coded(text))


def test_a_passive_light_verb_names_the_doer_of_its_event_noun():
    found = coded("Two bombings were staged by the insurgents near the market.")
    assert ("183", "REB") in found, found
