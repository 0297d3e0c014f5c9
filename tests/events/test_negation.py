"""Moods read from outside an event word's verb (events/builtin/negation.py,
events/builtin/data/negation.tsv) and aid withheld (frames.tsv, frame cease). Every sentence
is written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

import tidings


def coded(text: str) -> set[tuple[str, str]]:
    return {(e.cameo.code, e.modality) for e in tidings.extract(text, date=dt.date(2024, 5, 1))}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Officials reported no arrests after the rally.", "173"),
        ("Investigators found no signs of a bombing at the station.", "183"),
        ("The villagers did not return the attack of the militia.", "190"),
        ("The march in the square ended without clashes.", "19"),
    ],
)
def test_an_event_denied_from_outside_its_verb_is_not_asserted(text, code):
    found = coded(text)
    assert not any(c.startswith(code) and m == "asserted" for c, m in found), found


def test_conceding_nothing_is_no_concession():
    found = coded("The government has conceded nothing to the strikers.")
    assert not any(m == "asserted" and c.startswith("08") for c, m in found), found


def test_a_question_asserts_nothing():
    found = coded("Which policies of the prime minister do you support?")
    assert found and all(m != "asserted" for _, m in found), found


def test_withholding_aid_reduces_it():
    found = coded("The withholding of military aid angered the government of Ukraine.")
    assert not any(c.startswith("07") for c, _ in found), found
    assert ("1622", "asserted") in found, found


def test_delaying_aid_reduces_it():
    found = coded("The president decided to delay military aid to the government of Ukraine.")
    assert not any(c.startswith("07") for c, _ in found), found
