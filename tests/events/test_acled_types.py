"""The ACLED type of a violent event by its actors (events/acled.py, data/acled.tsv):
ACLED calls force by the police on protesters excessive force, violence on unarmed
people an attack on civilians, and an armed clash only fighting between armed sides."""

from __future__ import annotations

import datetime as dt

import pytest

import tidings
from tidings.events.acled import acled_type
from tidings.events.ontology import load_ontology
from tidings.model import Acled, Actor


def actor(code: str | None) -> Actor | None:
    if code is None:
        return None
    country, sector = code[:3], code[3:] or None
    return Actor(text=code, code=code, country=country, sector=sector)


CLASH = Acled("Battles", "Armed clash")
CIVILIANS = Acled("Violence against civilians", "Attack")
EXCESSIVE = Acled("Protests", "Excessive force against protesters")
DRONE = Acled("Explosions/Remote violence", "Air/drone strike")


@pytest.mark.parametrize(
    ("code", "source", "target", "words", "expected"),
    [
        ("190", "SYRMIL", "SYRREB", ("attack",), CLASH),  # two armed sides
        ("193", "USACOP", "USAUAF", ("shoot",), CLASH),  # police against a gunman
        ("190", "ISR", "SYR", ("attack",), CLASH),  # two states
        ("193", "HKGCOP", "HKGOPP", ("shoot",), EXCESSIVE),  # police shoot a protester
        ("182", "EGYMIL", "EGYOPP", ("beat",), EXCESSIVE),
        ("193", "USAREB", "USACVL", ("shoot",), CIVILIANS),  # a gunman shoots shoppers
        ("193", None, "USAMED", ("shoot",), CIVILIANS),  # a reporter shot
        ("1823", "FRALAB", "FRACVL", ("stab",), CIVILIANS),
        ("195", "SAUMIL", "YEMCVL", ("airstrike",), DRONE),  # remote violence stays so
        ("190", None, None, ("battle",), CLASH),  # a battle noun says two sides fought
        ("190", None, None, ("attack",), None),  # nothing tells which type it is
        ("190", "USACOP", None, ("fire",), None),
        ("141", "USAOPP", None, ("protest",), Acled("Protests", "Peaceful protest")),
    ],
)
def test_acled_type_depends_on_the_actors(code, source, target, words, expected):
    assert acled_type(load_ontology(), code, actor(source), actor(target), words) == expected


def test_a_gunman_shooting_at_a_party_is_an_attack_on_civilians():
    events = tidings.extract(
        "A gunman shot three civilians at a birthday party in Texas.", date=dt.date(2024, 5, 1)
    )
    violent = [e for e in events if e.cameo.root == "19"]
    assert violent, events
    assert all(e.acled != CLASH for e in violent), [e.acled for e in violent]
