"""Coding a hand-written sentence with actors given by hand (words -> code), so an event
test pins the event coder alone; shared by the event test files."""

from __future__ import annotations

import datetime as dt
import re

from tidings.events import EventCoder
from tidings.model import Actor, ActorMention, Article, EventMention


def code_with_actors(
    nlp, text: str, actors: dict[str, str], date: dt.date, coder: EventCoder | None = None
) -> list[EventMention]:
    """The events `coder` (the built-in one by default) codes in `text`, every occurrence
    of each `actors` phrase being an actor mention with that code."""
    mentions = [
        ActorMention(Actor(words, code, code[:3], code[3:] or None), *match.span(), 0)
        for words, code in actors.items()
        for match in re.finditer(rf"\b{re.escape(words)}\b", text)
    ]
    return (coder or EventCoder()).code(nlp(text), Article("t", date, text), mentions)


def triples(events) -> set[tuple[str, str | None, str | None]]:
    """(code, source code, target code) of each event."""
    return {
        (e.cameo.code, e.source.code if e.source else None, e.target.code if e.target else None)
        for e in events
    }


def dictionary_triples(nlp, coder, text: str) -> set[tuple[str, str, str]]:
    """(source, code, target) of each event a dictionary coder codes in `text`, written
    as PETRARCH writes them ("---" for a missing actor); no built-in actors are given."""
    article = Article(id="a", date=dt.date(2024, 5, 1), text=text)
    return {
        (e.source.code if e.source else "---", e.cameo.code, e.target.code if e.target else "---")
        for e in coder.code(nlp(text), article, [])
    }
