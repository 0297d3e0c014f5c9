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
