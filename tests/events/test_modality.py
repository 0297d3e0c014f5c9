"""The mood of an event from its own words: negated, future, hypothetical or asserted, shared
by a bare conjoined verb, lent by a light verb to its event noun, and unreal in a "to"
clause on a noun of wanting or deciding.

Actors are given by hand (words -> code, see tests/helpers.py), so these tests pin
the event coder alone; the actors stage has its own tests."""

from __future__ import annotations

import pytest

from tests.helpers import coded


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Russia did not attack Ukraine.", "negated"),
        ("Russia will attack Ukraine.", "future"),
        ("No one has claimed responsibility for the attack.", "negated"),
        ("Russia could attack Ukraine.", "hypothetical"),
    ],
)
def test_modality(nlp, text, modality):
    events = coded(nlp, text, require_actor=False)
    assert events and events[0].modality == modality


def test_future_act_is_coded_as_the_act_with_future_modality(nlp):
    # PETRARCH codes "X will withdraw" as the withdrawal; the modality keeps it apart
    events = coded(nlp, "Russia will withdraw from Ukraine.")
    assert [(e.cameo.code, e.modality) for e in events] == [("0874", "future")]


def test_a_bare_conjoined_verb_shares_the_first_verbs_modality(nlp):
    """ "will attack and kill": both future; "attacked, but did not kill" is not shared."""
    events = coded(nlp, "The rebels will attack and kill the hostages.")
    assert {e.modality for e in events if e.cameo.root in ("18", "19")} == {"future"}
    events = coded(nlp, "Peru did not attack or invade Bolivia.")
    assert events and all(e.modality == "negated" for e in events), events


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Peru will launch an attack on Bolivia.", "future"),
        ("Peru did not carry out the attack on Bolivia.", "negated"),
        ("Peru might carry out attacks on Bolivia.", "hypothetical"),
        ("Peru launched an attack on Bolivia.", "asserted"),
    ],
)
def test_an_event_noun_takes_its_light_verbs_mood(nlp, text, modality):
    events = [e for e in coded(nlp, text) if e.cameo.root == "19"]
    assert events and {e.modality for e in events} == {modality}, events


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
