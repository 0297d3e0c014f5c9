"""Participles: on an event noun, on a noun (a passive of it), as a clause sharing its
verb's subject, and told of another event's participant (background, unless a toll).

Actors are given by hand (words -> code, see tests/helpers.py), so these tests pin
the event coder alone; the actors stage has its own tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import ACTORS, code_with_actors, coded, sources_of, targets_of, triples
from tidings.toll import count_casualties


def test_participle_on_an_event_noun_is_its_own_phrase(nlp):
    """ "an attack targeting the police": one event, whose target the participle names."""
    events = coded(nlp, "The militants carried out an attack targeting the police.")
    assert triples(events) == {("190", "NGAREB", "NGACOP")}


def test_a_participle_clause_shares_its_verbs_subject(nlp):
    """ "Russia entered the city, killing eight": Russia did the killing too. (After an
    attack verb the killing is that attack's toll: see
    test_a_killing_participle_after_an_attack_is_its_toll.)"""
    events = coded(nlp, "Russia entered the town overnight, killing four protesters.")
    assert ("190", "RUS", "NGACVL") in triples(events), triples(events)


def test_a_participle_on_a_noun_is_a_passive_of_that_noun(nlp):
    """ "protesters detained by police": the noun is who was detained, the agent who did it."""
    events = coded(nlp, "Russia freed the protesters detained by police last week.")
    assert ("173", "NGACOP", "NGACVL") in triples(events), triples(events)


def test_a_participle_on_a_posted_thing_is_done_by_the_poster(nlp):
    text = "The minister posted a message on Twitter blaming Chile for the attacks."
    assert sources_of(nlp, text, "blaming") == {"PERGOV"}


def test_a_participle_on_a_thing_said_is_not_done_by_the_speaker(nlp):
    text = "The minister said a decree banning the rebels was signed on Friday."
    assert "PERGOV" not in sources_of(nlp, text, "banning")


def test_a_participle_joined_to_a_passive_is_passive(nlp):
    text = "Ten villagers were killed or injured by the rebels."
    found = targets_of(nlp, text, "injured", {"villagers": "PERCVL", "the rebels": "PERREB"})
    assert found == {("PERREB", "PERCVL")}


BACKDROP_ACTORS = {**ACTORS, "the envoy": "PERGOV", "A court": "CHLJUD"}


@pytest.mark.parametrize(
    ("text", "kept", "background"),
    [
        (
            "Chile released the envoy, a member of the rebels jailed two years ago.",
            ("0841", "CHL", "PERGOV"),
            ("173", None, "PERREB"),
        ),
        (
            "A court issued arrest warrants for two men sought in the killing of the envoy.",
            ("173", "CHLJUD", None),
            ("190", None, "PERGOV"),
        ),
    ],
)
def test_a_sourceless_event_told_of_another_events_participant_is_background(
    nlp, text, kept, background
):
    """A passive participle on a noun another event is about ("a member jailed two years
    ago"), or an event noun inside one ("men sought in the killing of X"), names no doer:
    background, not a one-sided event of its own."""
    found = triples(coded(nlp, text, BACKDROP_ACTORS))
    assert kept in found and background not in found, found


def test_a_killing_told_of_a_participant_is_still_a_toll(nlp):
    """Deaths and wounds are news wherever told: the participle on the mourned is kept."""
    found = triples(coded(nlp, "Chile expressed sorrow for the rebels killed in the raid."))
    assert ("190", None, "PERREB") in found, found


TOLL_ACTORS = {**ACTORS, "ten soldiers": "BOLMIL"}


def test_a_killing_participle_after_an_attack_is_its_toll(nlp):
    """ "attacked X, killing ten soldiers": one attack on X, whose toll the count gives."""
    text = "On Monday the rebels attacked Chile, killing ten soldiers."
    events = code_with_actors(nlp, text, TOLL_ACTORS, dt.date(2021, 5, 1))
    assert triples(events) == {("190", "PERREB", "CHL")}, triples(events)
    tolled = count_casualties(nlp(text), events)
    assert tolled[0].casualties is not None and tolled[0].casualties.killed_min == 10


def test_the_dead_of_an_attack_naming_no_target_are_its_targets(nlp):
    text = "A bomb exploded in the market, killing ten soldiers."
    found = triples(code_with_actors(nlp, text, TOLL_ACTORS, dt.date(2021, 5, 1)))
    assert ("183", None, "BOLMIL") in found and not any(c == "190" for c, _, _ in found), found
