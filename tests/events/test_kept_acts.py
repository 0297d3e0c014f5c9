"""Frames that keep the act they govern ("pledged to expel", "ordered the arrest of X"):
only when the frame itself was done; otherwise the frame is the event. The later tests
are coded with actors given by hand (see tests/helpers.py), so they pin the event coder
alone."""

from __future__ import annotations

import datetime as dt

import pytest

import tidings
from tests.helpers import coded, triples
from tidings.errors import DataFileError
from tidings.events.frames import load_frames


def codes(text: str) -> set[tuple[str, str]]:
    return {(e.cameo.code, e.modality) for e in tidings.extract(text, date=dt.date(2024, 5, 1))}


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("The president ordered the arrest of the editor.", ("173", "asserted"), None),
        ("The president did not order the arrest of the editor.", None, ("173", "asserted")),
        ("The minister never ordered the arrest of the mayor.", None, ("173", "asserted")),
    ],
)
def test_an_order_keeps_its_act_only_when_it_was_given(text, expected, absent):
    found = codes(text)
    if expected:
        assert expected in found, found
    if absent:
        assert absent not in found, found
        assert any(code.startswith("10") for code, _ in found), found  # the order, negated


def test_a_pledged_coercive_act_is_that_act_in_the_future(nlp):
    """ "pledged to expel" is the expulsion (174), future; pledged force stays a threat."""
    events = coded(nlp, "Chile pledged to expel the rebels.")
    assert {(e.cameo.code, e.modality) for e in events} == {("174", "future")}, triples(events)
    assert ("138", "CHL", "PERREB") in triples(coded(nlp, "Chile pledged to attack the rebels."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an order to coerce, mobilise or use force is that act, by whoever ordered it
        ("Lima ordered the arrest of the rebels.", ("173", "PERGOV", "PERREB")),
        ("Peru ordered air strikes on the rebels.", ("195", "PER", "PERREB")),
        # ... even where others carry it out
        ("Lima ordered patrols by the rebels.", ("150", "PERGOV", None)),
        # an order to de-escalate or to investigate stays a demand
        ("Peru ordered Chile to withdraw its troops.", ("1056", "PER", "CHL")),
    ],
)
def test_an_order_to_act_by_force_is_the_act(nlp, text, expected):
    assert expected in triples(coded(nlp, text)), triples(coded(nlp, text))


def test_keeping_the_act_is_only_for_commitments_and_orders(tmp_path):
    bad = tmp_path / "frames.tsv"
    bad.write_text("frame\tgoverned\tcode\nappeal\t19\t=\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"frames.tsv:2.*commit, command"):
        load_frames(bad)
