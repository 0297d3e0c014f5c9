"""Event-argument fixes of session 4, round 4 (expert audit of real news), on hand-written
sentences; actors are given by hand (words -> code), so these pin the event coder alone."""

from __future__ import annotations

import datetime as dt

from hand_coded import code_with_actors

DATE = dt.date(2021, 5, 1)
ACTORS = {"The minister": "PERGOV", "Chile": "CHL", "the rebels": "PERREB"}


def sources_of(nlp, text, trigger, actors=None):
    events = code_with_actors(nlp, text, actors or ACTORS, DATE)
    return {e.source.code if e.source else None for e in events if e.trigger == trigger}


def test_a_participle_on_a_posted_thing_is_done_by_the_poster(nlp):
    text = "The minister posted a message on Twitter blaming Chile for the attacks."
    assert sources_of(nlp, text, "blaming") == {"PERGOV"}


def test_a_participle_on_a_thing_said_is_not_done_by_the_speaker(nlp):
    text = "The minister said a decree banning the rebels was signed on Friday."
    assert "PERGOV" not in sources_of(nlp, text, "banning")


def targets_of(nlp, text, trigger, actors):
    events = code_with_actors(nlp, text, actors, DATE)
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None)
        for e in events
        if e.trigger == trigger
    }


def test_the_people_confirmed_killed_are_its_victims(nlp):
    text, actors = "Ten villagers were confirmed killed.", {"villagers": "PERCVL"}
    found = targets_of(nlp, text, "killed", actors)
    assert found == {(None, "PERCVL")}


def test_a_participle_joined_to_a_passive_is_passive(nlp):
    text = "Ten villagers were killed or injured by the rebels."
    found = targets_of(nlp, text, "injured", {"villagers": "PERCVL", "the rebels": "PERREB"})
    assert found == {("PERREB", "PERCVL")}


def test_the_son_of_a_named_person_is_not_that_person(nlp):
    text = "Carlos Ruiz, son of the rebel leader Juan Ruiz, was killed by the army."
    actors = {"the rebel leader Juan Ruiz": "PERREB", "the army": "PERMIL"}
    assert targets_of(nlp, text, "killed", actors) == {("PERMIL", None)}


def test_a_list_hung_on_a_relative_still_names_its_members(nlp):
    text = (
        "Leftists were arrested, including Ana Gil, wife of the writer Luis Gil, the teacher "
        "Pedro Diaz and the farmer Jose Mora."
    )
    actors = {"the teacher Pedro Diaz": "PEROPP", "the farmer Jose Mora": "PERCVL"}
    assert {t for _, t in targets_of(nlp, text, "arrested", actors)} & {"PEROPP", "PERCVL"}


def test_a_verb_joined_without_its_own_subject_shares_the_target(nlp):
    text = "The police fired and landed a rubber bullet on the student yesterday."
    actors = {"The police": "PERCOP", "the student": "PEREDU"}
    assert ("PERCOP", "PEREDU") in targets_of(nlp, text, "fired", actors)


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
