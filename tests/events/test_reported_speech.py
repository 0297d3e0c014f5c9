"""Reported speech: the speaker is kept apart from the actors of what is reported, a
reported future act is an intent, reported violence an accusation or a claim, and an
allegation accuses the subject of its clause.

Actors are given by hand (words -> code, see tests/helpers.py), so these tests pin
the event coder alone; the actors stage has its own tests."""

from __future__ import annotations

import pytest

from tests.helpers import ACTORS, coded, codes_of, triples


def test_reported_speech_keeps_speaker_apart_from_actors(nlp):
    # a leading "X said that Y attacked" is X's accusation (see the reported-violence test)
    events = coded(nlp, "Russia attacked Ukraine, the minister said.")
    attack = next(e for e in events if e.cameo.root == "19")
    assert (attack.source.code, attack.target.code) == ("RUS", "UKR")
    assert attack.attributed_to is not None and attack.attributed_to.code == "FRAGOV"


def test_reported_future_act_is_coded_as_intent(nlp):
    # "X said it would withdraw" is a statement of intent (03x), as PETRARCH codes it
    events = coded(nlp, "Russia said it would withdraw from Ukraine.")
    assert [e.cameo.code for e in events] == ["0356"]


def test_speaker_of_a_demand_is_its_source(nlp):
    events = coded(nlp, "Russia said Ukraine must release the prisoners.")
    assert triples(events) == {("1053", "RUS", "UKR")}


def test_reported_event_keeps_its_actors_and_drops_the_reporting_verb(nlp):
    # (reported violence is an accusation instead: see the reported-violence test)
    events = coded(nlp, "the minister announced that police arrested the protesters.")
    assert triples(events) == {("173", "NGACOP", "NGACVL")}
    assert events[0].attributed_to is not None and events[0].attributed_to.code == "FRAGOV"


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # violence reported by a coded speaker: an accusation of the doer (PETRARCH's 112) ...
        ("Israel said that militants attacked Gaza.", ("112", "ISR", "NGAREB"), "19"),
        # ... or, when the speaker reports its own act, a claim of responsibility (015)
        ("Russia claimed that it had attacked Ukraine.", ("015", "RUS", "UKR"), "19"),
        # a trailing attribution only sources the report: the attack itself is coded
        ("The militants attacked Gaza, Israel said.", ("190", "NGAREB", "PSE"), "112"),
        # reported events other than violence stay themselves
        ("Israel said that police arrested the protesters.", ("173", "NGACOP", "NGACVL"), "112"),
    ],
)
def test_reported_violence_is_an_accusation_or_a_claim(nlp, text, present, absent):
    events = coded(nlp, text)
    assert present in triples(events)
    assert all(not e.cameo.code.startswith(absent) for e in events)


def test_it_after_a_plural_speaker_is_not_the_speaker(nlp):
    """ "officials said it killed nine": "it" is the fire or the blast, no claim (015)."""
    ACTORS["Peruvian officials"] = "PERGOV"
    try:
        found = codes_of(coded(nlp, "Peruvian officials said it killed nine people."))
    finally:
        del ACTORS["Peruvian officials"]
    assert "015" not in found and "190" in found, found
    assert "015" in codes_of(coded(nlp, "Peru said it attacked the rebels."))


def test_an_allegation_accuses_the_subject_of_its_clause(nlp):
    """ "alleged that X attacked Y" accuses X; what is alleged is not coded as done."""
    events = coded(nlp, "Peru alleged that Chile attacked Bolivia.")
    assert {(c, s, t) for c, s, t in triples(events)} == {("1123", "PER", "CHL")}
    events = coded(nlp, "Peru alleged that Chile was aware of the plot and helped the rebels.")
    assert triples(events) == {("112", "PER", "CHL")}, triples(events)


def test_a_report_speaks_for_the_country_it_was_released_in(nlp):
    text = "A report released on Monday in the Bolivian capital alleged that Chile lied."
    assert ("112", "BOL", "CHL") in triples(coded(nlp, text)), triples(coded(nlp, text))
