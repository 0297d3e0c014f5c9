"""Helpers shared by the test modules.

Events coded in a hand-written sentence with its actors given by hand (words -> code), so
an event test pins the event coder alone; the actor codes the actors stage gives a
hand-written sentence; and Docs split by the English tokenizer alone, for a rule that
reads words, not a parse.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tidings.actors import code_actors, default_coder
from tidings.events import EventCoder
from tidings.model import Actor, ActorMention, Article, EventMention

# -- events, with actors given by hand ---------------------------------------------------

DAY = dt.date(2021, 5, 1)  # the article's date (the built-in event coder reads none)

# every phrase the event tests give by hand, with its code (case counts: "the minister"
# is French, "The minister" Peruvian)
ACTORS = {
    "Russia": "RUS",
    "Ukraine": "UKR",
    "Iran": "IRN",
    "Saudi Arabia": "SAU",
    "Israel": "ISR",
    "Gaza": "PSE",
    "the United States": "USA",
    "Washington": "USAGOV",
    "police": "NGACOP",
    "protesters": "NGACVL",
    "militants": "NGAREB",
    "the European Union": "IGOEUR",
    "the minister": "FRAGOV",
    "Peru": "PER",
    "Chile": "CHL",
    "Bolivia": "BOL",
    "Brazil": "BRA",
    "Lima": "PERGOV",
    "the senate": "PERLEG",
    "the rebels": "PERREB",
    "The minister": "PERGOV",
}


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


def coded(
    nlp,
    text: str,
    actors: dict[str, str] | None = None,
    require_actor: bool = False,
    coder: EventCoder | None = None,
) -> list[EventMention]:
    """The events of `text` with `actors` (ACTORS by default) given by hand."""
    coder = coder or EventCoder(require_actor=require_actor)
    return code_with_actors(nlp, text, actors or ACTORS, DAY, coder)


def triples(events) -> set[tuple[str, str | None, str | None]]:
    """(code, source code, target code) of each event."""
    return {
        (e.cameo.code, e.source.code if e.source else None, e.target.code if e.target else None)
        for e in events
    }


def codes_of(events) -> set[str]:
    """The CAMEO code of each event."""
    return {e.cameo.code for e in events}


def sources_of(nlp, text: str, trigger: str, actors: dict[str, str] | None = None) -> set:
    """The source code (None: no source) of each event on the word `trigger`."""
    events = code_with_actors(nlp, text, actors or ACTORS, DAY)
    return {e.source.code if e.source else None for e in events if e.trigger == trigger}


def targets_of(nlp, text: str, trigger: str, actors: dict[str, str]) -> set:
    """(source code, target code) of each event on the word `trigger`."""
    events = code_with_actors(nlp, text, actors, DAY)
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None)
        for e in events
        if e.trigger == trigger
    }


def dictionary_triples(nlp, coder, text: str) -> set[tuple[str, str, str]]:
    """(source, code, target) of each event a dictionary coder codes in `text`, written
    as PETRARCH writes them ("---" for a missing actor); no built-in actors are given."""
    article = Article(id="a", date=dt.date(2024, 5, 1), text=text)
    return {
        (e.source.code if e.source else "---", e.cameo.code, e.target.code if e.target else "---")
        for e in coder.code(nlp(text), article, [])
    }


# -- actors, as the actors stage codes them ----------------------------------------------

STORY_DAY = dt.date(2022, 3, 8)  # the article date `codes` codes on


def mentions_of(nlp, text: str) -> list[ActorMention]:
    return code_actors(nlp(text))


def covering(text: str, mentions: list[ActorMention], words: str) -> ActorMention | None:
    """The mention whose words include `words` (first occurrence in the text)."""
    at = text.index(words)
    return next((m for m in mentions if m.start <= at and at + len(words) <= m.end), None)


def code_of(nlp, text: str, words: str, date: dt.date | None = None) -> str | None:
    """The code of the mention covering `words` (first occurrence), or None."""
    at = text.index(words)
    for mention in default_coder().code(nlp(text), date):
        if mention.start <= at and at + len(words) <= mention.end:
            return mention.actor.code
    return None


def codes(nlp, coder, text: str) -> dict[str, str]:
    """Words -> code of every actor mention on STORY_DAY (the last one wins for repeated
    words)."""
    return {text[m.start : m.end]: m.actor.code for m in coder.code(nlp(text), STORY_DAY)}


def actor_codes(nlp, text: str, date: dt.date | None = None) -> dict[str, str]:
    """An actor's words -> its code, for every mention the default coder finds."""
    return {m.actor.text: m.actor.code for m in default_coder().code(nlp(text), date)}


# -- Docs without a model ----------------------------------------------------------------


@cache
def _blank() -> Language:
    return spacy.blank("en")


def blank_doc(text: str) -> Doc:
    """`text` split into words by the English tokenizer (the model's own) and nothing else:
    no tags, parse or entities, unless a test sets them by hand."""
    return _blank().make_doc(text)
