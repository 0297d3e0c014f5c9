"""The places an event happens in and the countries they stand for, as its target.

PETRARCH reads the whole phrase after an event word, so a place named there ("staged a
protest in Beijing") gives the event's target its country; a demonym on an event noun
("Israeli shelling") gives its doer. Split from `arguments` to keep each module small.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from typing import Literal

from spacy.tokens import Doc, Token

from tidings.actors import demonym_country, place_country
from tidings.events.builtin.actor_index import ActorIndex
from tidings.model import Actor, ActorMention

__all__ = [
    "demonym_mentions",
    "demonym_source",
    "host_targets",
    "is_venue",
    "place_actor",
    "place_targets",
    "prep_objects",
]

# "a protest in Beijing", "blocked traffic into Nairobi": the place whose country is targeted
PLACE_PREPS = ("in", "inside", "into")
PLACE_DEPTH = 3  # prepositional phrases followed down from the event's own words
TIME_ENTITIES = ("DATE", "TIME")  # a time phrase leads to no place of the event


def place_targets(holders: Iterable[Token], actors: ActorIndex) -> list[ActorMention]:
    """The country of the place an event happens in, as its target when no other target is
    named: PETRARCH reads the whole phrase after the verb, so "staged a protest in
    Beijing" targets China and "held exercises in Alaska's waters" its country. Follows the
    prepositional phrases of `holders` (the verb or noun and its objects) in order, a few
    levels down ("a summit on the unrest in Iran"). The source's own country counts too
    ("Obama spoke of the shootings in South Carolina": USA), as in PETRARCH's codings."""
    queue: deque[tuple[Token, int]] = deque((h, 0) for h in holders)
    seen: set[int] = set()
    while queue:
        token, depth = queue.popleft()
        if token.i in seen or depth > PLACE_DEPTH:
            continue
        seen.add(token.i)
        for prep in (c for c in token.children if c.dep_ == "prep"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if prep.lower_ in PLACE_PREPS:
                    # "in Kenya's capital", "in the east of the Gaza Strip": the owner
                    owners = [c for c in pobj.children if c.dep_ == "poss"]
                    found = (place_actor(t, actors) for t in (pobj, *owners, *_of(pobj)))
                    place = next((p for p in found if p is not None), None)
                    if place is not None:
                        return [place]
                if pobj.ent_type_ not in TIME_ENTITIES:  # "in the weeks of protests in X"
                    queue.append((pobj, depth + 1))
    return []


def is_venue(mention: ActorMention, doc: Doc) -> bool:
    """Whether `mention` is only the place an event happens in ("met in Berlin"): a
    country-level mention standing as the object of a place preposition."""
    if mention.actor.sector is not None:
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    while head.dep_ == "poss" and head.head.i != head.i:  # "in Kenya's capital"
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS


def _of(token: Token) -> list[Token]:
    return prep_objects(token, ("of",))


def place_actor(token: Token, actors: ActorIndex) -> ActorMention | None:
    """A country or capital named by the phrase `token` heads ("Beijing", "the Gaza
    Strip"), as an actor mention of the country alone."""
    mention = actors.at(token)
    if mention is not None:
        return mention if mention.actor.country and not mention.actor.sector else None
    words = [c for c in token.lefts if c.dep_ == "compound"] + [token]
    start, end = words[0].idx, token.idx + len(token)
    text = token.doc.text[start:end]
    country = place_country(text)
    if country is None:
        return None
    return _country_mention(token, text, country, start, end, "state")


def host_targets(obj: Token | None, actors: ActorIndex) -> list[ActorMention]:
    """The host country a visit goes to when the object names a place-bound occasion
    ("attend the Beijing Olympics", "visited the Kabul embassy"): the place modifying the
    object. Used only for visits, where going to the occasion is going to its country."""
    if obj is None:
        return []
    for token in (obj, *(c for c in obj.children if c.dep_ in ("compound", "amod", "nmod"))):
        place = place_actor(token, actors)
        if place is not None:
            return [place]
    return []


def demonym_source(noun: Token) -> list[ActorMention]:
    """ "Israeli shelling", "Turkish air strikes": a demonym on an event noun (or on its
    compound, "Israeli tank shelling") is the event's doer, its country alone."""
    modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")]
    modifiers += [g for c in modifiers if c.dep_ == "compound" for g in c.children]
    return demonym_mentions([m for m in modifiers if m.dep_ in ("amod", "nmod") and m.i < noun.i])


def demonym_mentions(words: Iterable[Token]) -> list[ActorMention]:
    """The country of the first demonym among `words`, as an actor mention of it alone."""
    for word in words:
        country = demonym_country(word.text)
        if country is not None:
            return [_country_mention(word, word.text, country, word.idx, word.idx + len(word))]
    return []


def _country_mention(
    token: Token,
    text: str,
    country: str,
    start: int,
    end: int,
    kind: Literal["state", "group"] = "group",
) -> ActorMention:
    """A mention of a country alone, named by words the actors stage left uncoded."""
    sentence = sum(1 for s in token.doc.sents if s.start <= token.i) - 1
    return ActorMention(Actor.of(text, country, None), start, end, sentence, kind)


def prep_objects(
    token: Token, preps: tuple[str, ...], deps: tuple[str, ...] = ("prep",)
) -> list[Token]:
    """The objects of `token`'s prepositions among `preps`, attached by one of `deps`."""
    return [
        pobj
        for prep in token.children
        if prep.dep_ in deps and prep.lower_ in preps
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
