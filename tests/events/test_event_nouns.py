"""Event nouns and the verbs they hang on: a subject noun is the cause beside its verb, a
light verb's conjoined objects share it, and the doer of a passive is named in the
event noun it happened in.

Actors are given by hand (words -> code, see tests/helpers.py), so these tests pin
the event coder alone; the actors stage has its own tests."""

from __future__ import annotations

import pytest

from tests.helpers import coded, triples


def test_subject_event_noun_is_kept_beside_its_verb(nlp):
    """ "airstrikes killed": a subject noun is the cause, not inside the verb's phrase."""
    codes = {e.cameo.code for e in coded(nlp, "Russian airstrikes killed protesters.")}
    assert {"195", "190"} <= codes


def test_conjoined_object_shares_the_light_verb(nlp):
    """ "announced a boycott and sanctions": the second object is announced too, so the
    statement yields to it and its source is the announcer."""
    events = coded(nlp, "Washington announced a boycott and sanctions against Iran.")
    assert "010" not in {e.cameo.code for e in events}
    assert any(e.cameo.code == "163" and e.source and e.source.code == "USAGOV" for e in events)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a passive with no agent: the doer named in the event noun it happened in
        ("Protesters were killed in an air strike by Israel.", "ISR"),
        ("Protesters were wounded during Israel's shelling.", "ISR"),
        # violence coming "from" a place
        ("A rocket was fired at Israel from Gaza.", "PSE"),
    ],
)
def test_passive_violence_takes_its_doer_from_the_event_noun(nlp, text, source):
    events = coded(nlp, text)
    assert any(e.source is not None and e.source.code == source for e in events)


def test_a_gerund_split_from_its_phrase_keeps_the_demonym_doer(nlp):
    """ "killed in Israeli shelling": the parser may read "in Israeli" as the phrase and
    "shelling" as a gerund clause of "killed"; the demonym still names the doer."""
    events = coded(nlp, "Four farmers were killed in Israeli shelling in the north.")
    assert any(e.cameo.code == "190" and e.source and e.source.code == "ISR" for e in events), (
        triples(events)
    )
