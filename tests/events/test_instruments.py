"""Weapons: an attack done by a weapon is coded by the weapon, once, and whoever fired it
(or the country it came from) did it.

Actors are given by hand (words -> code, see tests/helpers.py), so these tests pin
the event coder alone; the actors stage has its own tests."""

from __future__ import annotations

import pytest

from tests.helpers import coded, triples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the weapon decides the attack, and whoever fired it is the doer
        ("A plane was shot down by a missile fired by the rebels.", ("194", "PERREB", None)),
        ("Two were killed by a roadside bomb planted by the rebels.", ("1833", "PERREB", None)),
        ("A house in Lima was destroyed by a Bolivian rocket.", ("194", "BOL", None)),
    ],
)
def test_an_attack_done_by_a_weapon_is_coded_by_the_weapon(nlp, text, expected):
    found = triples(coded(nlp, text))
    code, source, _ = expected
    assert any(c == code and s == source for c, s, _ in found), found
    # the participle on the weapon ("fired", "planted") is the same attack
    assert len({c for c, _, _ in found}) == 1, found


def test_a_weapon_fired_from_a_place_comes_from_its_country(nlp):
    events = coded(nlp, "The convoy was hit by a rocket fired from Bolivia.")
    assert ("194", "BOL", None) in triples(events), triples(events)


def test_a_weapon_as_subject_decides_the_attack_once(nlp):
    """ "a Bolivian rocket hit Chile": one rocket attack by Bolivia, not a bare 190."""
    assert triples(coded(nlp, "A Bolivian rocket hit Chile.")) == {("194", "BOL", "CHL")}
