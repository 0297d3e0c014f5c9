"""Frames: a word that governs an event (a threat, an appeal, a demand, a refusal, a plan,
a stopping verb) is the event coded, and the act it governs is not done.

Actors are given by hand (words -> code, see tests/helpers.py), so these tests pin
the event coder alone; the actors stage has its own tests."""

from __future__ import annotations

import pytest

from tests.helpers import coded, codes_of, triples
from tidings.events.frames import Frames


def test_threat_verb_takes_the_threatened_act(nlp):
    # One event, the threat: the threatened attack is not coded apart (it has not happened).
    # The threat itself was made, so it is asserted (gold sets count it).
    # an unspecified attack (190) makes an unspecified threat of force (138), as PETRARCH
    events = coded(nlp, "Russia threatened to attack Ukraine.")
    assert triples(events) == {("138", "RUS", "UKR")}
    assert events[0].modality == "asserted"


def test_embedded_event_of_ordinary_verb_is_not_doubled(nlp):
    events = coded(nlp, "the United States offered to help Ukraine.")
    assert [e.cameo.root for e in events] == ["03"]


def test_called_for_talks_is_one_appeal_without_a_meeting(nlp):
    events = coded(nlp, "Russia called for talks with Ukraine.")
    assert {e.cameo.code for e in events} == {"026"}


def test_denied_attacking_is_a_denial(nlp):
    events = coded(nlp, "Russia denied attacking Ukraine.")
    assert triples(events) == {("016", "RUS", "UKR")}
    # the denial is the event that happened: asserted, so scorers of asserted events see it
    assert events[0].modality == "asserted"


def test_vowing_revenge_is_a_threat(nlp):
    assert ("130", "PER", "CHL") in triples(coded(nlp, "Peru vowed revenge against Chile."))


def test_an_act_in_a_plan_is_not_done(nlp):
    """ "a plan to invade": the plan's frame codes it (a threat), not an invasion (192)."""
    found = codes_of(coded(nlp, "Chile drew up a plan to invade Bolivia."))
    assert "192" not in found and any(c.startswith("13") for c in found), found


def test_an_infinitive_on_a_noun_does_not_take_the_noun_as_its_object(nlp):
    """ "a decision to attack Bolivia" is no attack on a decision (criticism, 111)."""
    assert "111" not in codes_of(coded(nlp, "Peru made a decision to attack Bolivia."))


@pytest.mark.parametrize(
    "text",
    [
        "Peru will not receive aid from Brazil.",
        "Peru said it would not receive aid from Brazil.",
        "Peru refused to receive aid from Brazil.",
    ],
)
def test_a_refused_receipt_is_the_receivers_refusal_of_the_giver(nlp, text):
    found = triples(coded(nlp, text))
    assert ("122", "PER", "BRA") in found, found
    assert not any(code.startswith("12") and src == "BRA" for code, src, _ in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Brazil urged Peru to stop attacking Bolivia.", ("0256", "BRA", "PER")),
        ("Brazil urged Peru to refrain from attacks on Bolivia.", ("0256", "BRA", "PER")),
        ("Brazil demanded that Peru stop shelling Bolivia.", ("1056", "BRA", "PER")),
        ("Brazil demanded that Peru halt its attacks on Bolivia.", ("1056", "BRA", "PER")),
        ("Brazil urged Peru to cease shelling Bolivia.", ("0256", "BRA", "PER")),
        ("Peru refused to stop bombing Bolivia.", ("1246", "PER", "BOL")),
        ("Brazil called for an end to the shelling of Bolivia.", ("0256", "BRA", "BOL")),
    ],
)
def test_a_stopped_act_in_an_appeal_or_demand_is_not_asserted(nlp, text, expected):
    """The appeal, demand or refusal is coded; the violence it is about is not."""
    events = coded(nlp, text)
    assert expected in triples(events), triples(events)
    assert not any(e.cameo.root in ("18", "19", "20") for e in events), triples(events)


def test_stopping_violence_is_de_escalation(nlp):
    events = coded(nlp, "Peru stopped shelling Bolivia.")
    assert ("087", "PER", "BOL") in triples(events), triples(events)
    assert not any(e.cameo.root in ("18", "19", "20") for e in events)


def test_stopping_a_noun_act_lends_it_the_stoppers_subject(nlp):
    found = triples(coded(nlp, "Peru stopped its military exercises with Chile."))
    assert ("087", "PER", "CHL") in found, found


def test_every_conjoined_clause_of_an_appeal_is_appealed_for(nlp):
    """ "urged X to pull back and stop air strikes": the strikes are not asserted."""
    events = coded(nlp, "Brazil urged Peru to pull back, talk and stop air strikes on Bolivia.")
    assert not any(e.cameo.code.startswith(("18", "19", "087")) for e in events), triples(events)


def test_not_wanting_another_to_attack_asks_for_de_escalation(nlp):
    events = coded(nlp, "Brazil does not want Peru to attack Bolivia.")
    assert ("0256", "BRA", "PER") in triples(events), triples(events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is demanded or urged "that" someone do is asked of that someone
        ("Brazil demanded that Chile end its blockade.", ("Chile", "CHL")),
        ("Peru urged that Bolivia open its borders.", ("Bolivia", "BOL")),
    ],
)
def test_a_demand_that_someone_act_targets_them(nlp, text, expected):
    events = coded(nlp, text)
    assert any(e.target and e.target.code == expected[1] for e in events), triples(events)


def test_a_tie_between_frame_roles_does_not_follow_their_order():
    """Roles reach `lookup` as sets, iterated in string-hash order (PYTHONHASHSEED): a
    tie between two roles' rows at the same prefix went to whichever came first."""
    frames = Frames({("threat", "19"): "138", ("accuse", "19"): "1123"})
    assert frames.lookup(["threat", "accuse"], "190") == "138"
    assert frames.lookup(["accuse", "threat"], "190") == "138"  # threat is listed first
