"""Who did an event and to whom: a visit's host is a place, a giver the source of what is
received, a dateline and an office no actor, the victims those confirmed killed.

Actors are given by hand (words -> code, see tests/helpers.py), so these tests pin
the event coder alone; the actors stage has its own tests."""

from __future__ import annotations

import datetime as dt

from tests.helpers import ACTORS, code_with_actors, coded, targets_of, triples

DATE = dt.date(2021, 5, 1)


def test_a_visit_host_is_a_place_not_a_time(nlp):
    """ "attend a meeting in June" is no visit to a host; "in Chile" is."""
    found = triples(coded(nlp, "Peru will attend a summit in October."))
    assert not any(code == "042" for code, _, _ in found), found
    assert ("042", "PER", "CHL") in triples(coded(nlp, "Peru will attend a summit in Chile."))
    assert not coded(nlp, "The envoy arrived in the afternoon.")


def test_a_plain_receipt_keeps_the_giver_as_source(nlp):
    assert ("070", "BRA", "PER") in triples(coded(nlp, "Peru received aid from Brazil."))


VICTIMS = {**ACTORS, "LIMA": "PERGOV", "Four farmers": "BOLCVL", "a man": "BOLPPL"}


def test_a_dateline_is_no_actor_of_the_sentence(nlp):
    """ "LIMA, Peru: Four farmers were killed ...": where the story was filed, even when
    the parser makes the dateline a subject."""
    text = "LIMA, Peru: Four farmers were killed by the rebels in the north on Friday, medics said."
    found = triples(coded(nlp, text, VICTIMS))
    assert found == {("190", "PERREB", "BOLCVL")}, found


def test_unnamed_people_conjoined_with_civilians_are_one_actor(nlp):
    text = "Four farmers and a man were killed by the rebels on Friday."
    found = triples(coded(nlp, text, VICTIMS))
    assert found == {("190", "PERREB", "BOLCVL")}, found


def test_the_people_confirmed_killed_are_its_victims(nlp):
    text, actors = "Ten villagers were confirmed killed.", {"villagers": "PERCVL"}
    found = targets_of(nlp, text, "killed", actors)
    assert found == {(None, "PERCVL")}


def test_the_son_of_a_named_person_is_not_that_person(nlp):
    text = "Carlos Ruiz, son of the rebel leader Juan Ruiz, was killed by the army."
    actors = {"the rebel leader Juan Ruiz": "PERREB", "the army": "PERMIL"}
    assert targets_of(nlp, text, "killed", actors) == {("PERMIL", None)}


def test_a_place_inside_a_time_phrase_is_not_the_target(nlp):
    text = "For the first time in the three weeks of protests in Chile, the police fired."
    actors = {"the police": "PERCOP"}
    assert targets_of(nlp, text, "fired", actors) == {("PERCOP", None)}


def test_a_finite_verb_misjoined_to_an_infinitive_keeps_the_main_subject(nlp):
    text = (
        "The minister said he has arranged for 300 of the rebels to be available and has "
        "requested Chile send aid."
    )
    actors = {"The minister": "PERGOV", "the rebels": "PERREB", "Chile": "CHL"}
    events = code_with_actors(nlp, text, actors, DATE)
    found = {e.source.code if e.source else None for e in events if e.trigger == "requested"}
    assert "PERREB" not in found, found


def test_the_office_someone_resigns_to_take_is_not_a_target(nlp):
    text = "The minister resigned to become the ambassador of Chile."
    actors = {"The minister": "PERGOV", "the ambassador of Chile": "CHLGOV"}
    assert targets_of(nlp, text, "resigned", actors) == {("PERGOV", None)}
