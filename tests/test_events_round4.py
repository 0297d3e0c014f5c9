"""Event-coder fixes of session 4, round 1 (issue #3), on hand-written sentences.

Actors are given by hand (words -> code), as in test_events_round3.py, so these tests pin
the coder alone."""

from __future__ import annotations

import datetime as dt

import pytest

from hand_coded import code_with_actors, triples
from tidings.toll import count_casualties

ACTORS = {
    "Peru": "PER",
    "Chile": "CHL",
    "Bolivia": "BOL",
    "the senate": "PERLEG",
    "the rebels": "PERREB",
}
ARMY = {"the army": "PERMIL"}


def coded(nlp, text: str, actors: dict[str, str] | None = None):
    return code_with_actors(nlp, text, actors or ACTORS, dt.date(2021, 5, 1))


def asserted(events):
    return {
        (e.cameo.code, e.source.code if e.source else None, e.target.code if e.target else None)
        for e in events
        if e.modality in ("asserted", "future")
    }


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Peru is under pressure from the senate to attack Chile.", "19"),
        ("Bolivia welcomed the efforts to release prisoners held by Chile.", "08"),
        ("Peru announced its decision to expel diplomats from Chile.", "16"),
    ],
)
def test_an_event_in_a_to_clause_on_a_noun_of_wanting_is_not_asserted(nlp, text, root):
    """ "pressure to attack X", "efforts to release", "a decision to expel": wanted,
    tried or decided, not done; the event is coded, but not as asserted."""
    events = coded(nlp, text)
    governed = [e for e in events if e.cameo.code.startswith(root)]
    assert governed and all(e.modality == "hypothetical" for e in governed), [
        (e.cameo.code, e.modality) for e in events
    ]


def test_a_to_clause_on_an_other_noun_keeps_its_event(nlp):
    """Only nouns of wanting or deciding (cue role unrealised) make their clause unreal."""
    events = coded(nlp, "The rebels were the first group to attack Chile.")
    assert any(e.cameo.code == "190" and e.modality == "asserted" for e in events), [
        (e.cameo.code, e.modality) for e in events
    ]


def test_an_apposition_describing_a_coded_actor_adds_no_actor(nlp):
    """ "the rebels, a Chile-based group": the same actor described, not a Chilean one."""
    found = triples(coded(nlp, "Yesterday the rebels, a Chile-based group, attacked Bolivia."))
    assert found == {("190", "PERREB", "BOL")}, found


def test_names_in_apposition_are_still_actors(nlp):
    """A name in apposition to a coded actor (here a list the parser misreads as one) is
    kept: only a common-noun apposition merely describes."""
    found = triples(coded(nlp, "Yesterday the army, Chile, and Bolivia met.", {**ACTORS, **ARMY}))
    assert ("040", "PERMIL", "CHL") in found, found


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


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("On Monday the rebels bombarded Chile.", "190"),
        ("On Monday the rebels bombarded Chile with artillery.", "194"),
        ("A bombardment of Chile by the rebels lasted two days.", "190"),
        ("On Monday the rebels murdered two officials of Chile.", "190"),
        ("On Monday the rebels stabbed two officials of Chile.", "182"),
    ],
)
def test_wording_that_names_no_means_falls_back_to_the_root(nlp, text, code):
    """Bombarding or murdering says nothing of the weapon: 190, not artillery (194) or
    killing by physical assault (1823); stabbing names the means but not a death (182)."""
    found = {c for c, _, _ in triples(coded(nlp, text)) if c.startswith(code[:2])}
    assert found == {code}, found


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
