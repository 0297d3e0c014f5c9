"""Event-coder constructions of session 3, on hand-written sentences.

Actors are given by hand (words -> code), as in test_events.py, so these tests pin the
coder alone."""

from __future__ import annotations

import datetime as dt
import re

from tidings.events import EventCoder
from tidings.events.ontology import VIOLENT_ROOTS, Ontology
from tidings.model import Actor, ActorMention, Article
from tidings.toll import attach

ACTORS = {
    "Peru": "PER",
    "Chile": "CHL",
    "Bolivia": "BOL",
    "Lima": "PERGOV",
    "the rebels": "PERREB",
    "Brazil": "BRA",
}


def coded(nlp, text: str):
    mentions = [
        ActorMention(Actor(words, code, code[:3], code[3:] or None), *m.span(), 0)
        for words, code in ACTORS.items()
        for m in re.finditer(rf"\b{re.escape(words)}\b", text)
    ]
    return EventCoder().code(nlp(text), Article("t", dt.date(2021, 5, 1), text), mentions)


def triples(events):
    return {
        (e.cameo.code, e.source.code if e.source else None, e.target.code if e.target else None)
        for e in events
    }


def test_violent_roots_are_one_fact_in_the_ontology():
    """The toll stage and the events coder read the same set of violent roots."""
    assert attach.VIOLENT_ROOTS is VIOLENT_ROOTS
    assert Ontology.is_violent("1823") and Ontology.is_violent("19")
    assert not Ontology.is_violent("173")
