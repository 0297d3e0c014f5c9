"""Compound actors: coordinated subjects and modifiers coded pairwise, parties met or
hosted, conjoined verbs and passives sharing their actors, lists and appositions.

Actors are given by hand (words -> code, see tests/helpers.py), so these tests pin
the event coder alone; the actors stage has its own tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import ACTORS, coded, targets_of, triples
from tidings.events import EventCoder
from tidings.model import Actor, ActorMention, Article


def test_talks_between_two_countries_are_coded_both_ways(nlp):
    found = triples(coded(nlp, "There were talks between Iran and Saudi Arabia in Baghdad."))
    assert {("046", "IRN", "SAU"), ("046", "SAU", "IRN")} <= found


def test_compound_subject_is_coded_pairwise(nlp):
    found = triples(coded(nlp, "Russia and Iran condemned Israel."))
    assert {("111", "RUS", "ISR"), ("111", "IRN", "ISR")} <= found


def test_coordinated_modifiers_are_compound_actors(nlp):
    text = "Hungarian and Romanian officials condemned Russia."
    doc = nlp(text)
    mentions = [
        ActorMention(Actor("Hungarian", "HUN", "HUN"), 0, 9, 0),
        ActorMention(Actor("Romanian officials", "ROUGOV", "ROU", "GOV"), 14, 32, 0),
        ActorMention(Actor("Russia", "RUS", "RUS"), 43, 49, 0),
    ]
    events = EventCoder().code(doc, Article("t", dt.date(2022, 3, 1), text), mentions)
    assert {("111", "HUN", "RUS"), ("111", "ROUGOV", "RUS")} <= triples(events)


def test_hosting_talks_between_parties_targets_each_party(nlp):
    text = "the minister hosted rounds of talks between Iran and Saudi Arabia."
    assert {("043", "FRAGOV", "IRN"), ("043", "FRAGOV", "SAU")} <= triples(coded(nlp, text))


def test_a_name_the_parser_splits_keeps_its_conjunct(nlp):
    """ "Barack Obama and Vladimir Putin": the parser reads "Barack" as a preposition with
    "Obama" its object, hanging "Putin" on "Obama"; both are still the subject."""
    text = "Barack Obama and Vladimir Putin will meet in Geneva."
    names = {"Barack Obama": "USAGOV", "Vladimir Putin": "RUSGOV"}
    mentions = [
        ActorMention(Actor(words, code, code[:3], code[3:]), start, start + len(words), 0)
        for words, code in names.items()
        for start in [text.index(words)]
    ]
    events = EventCoder().code(nlp(text), Article("t", dt.date(2015, 3, 1), text), mentions)
    assert {e.source.code for e in events if e.source} == {"USAGOV", "RUSGOV"}, triples(events)


def asserted(events):
    return {
        (e.cameo.code, e.source.code if e.source else None, e.target.code if e.target else None)
        for e in events
        if e.modality in ("asserted", "future")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the place a compound subject meets in is no party to the meeting
        ("Chile and Bolivia held talks in Lima.", {("046", "CHL", "BOL"), ("046", "BOL", "CHL")}),
        (
            "Chile and Bolivia met in Lima on Monday.",
            {("040", "CHL", "BOL"), ("040", "BOL", "CHL")},
        ),
        # a party named as the object still is the target
        ("Chile and Bolivia met Peru in Lima.", {("040", "CHL", "PER"), ("040", "BOL", "PER")}),
    ],
)
def test_a_compound_subject_meets_itself_wherever_it_meets(nlp, text, expected):
    assert asserted(coded(nlp, text)) == expected


def test_a_conjoined_passive_shares_the_first_verbs_subject(nlp):
    """ "Chile detained X and was condemned by Peru": Chile is who was condemned."""
    events = coded(nlp, "Chile detained the rebels and was condemned by Peru.")
    assert ("111", "PER", "CHL") in triples(events), triples(events)


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


def test_an_apposition_describing_a_coded_actor_adds_no_actor(nlp):
    """ "the rebels, a Chile-based group": the same actor described, not a Chilean one."""
    found = triples(coded(nlp, "Yesterday the rebels, a Chile-based group, attacked Bolivia."))
    assert found == {("190", "PERREB", "BOL")}, found


ARMY = {"the army": "PERMIL"}


def test_names_in_apposition_are_still_actors(nlp):
    """A name in apposition to a coded actor (here a list the parser misreads as one) is
    kept: only a common-noun apposition merely describes."""
    found = triples(coded(nlp, "Yesterday the army, Chile, and Bolivia met.", {**ACTORS, **ARMY}))
    assert ("040", "PERMIL", "CHL") in found, found
