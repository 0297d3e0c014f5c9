"""Give each event the place its text ties it to.

In order: a place its own clause names with a locative preposition ("attacked a convoy
near Aleppo"); else the place nearest its trigger in the same sentence; else the
document's focus, at a coarser precision: the most-mentioned city when it clearly
dominates, else the focus country; else nothing.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from spacy.tokens import Doc, Span, Token

from tidings.model import EventMention, PlaceMention
from tidings.where.embedded import is_modifier
from tidings.where.lexicon import words
from tidings.where.places import find_places
from tidings.where.records import country_place

__all__ = ["locate_events"]

# dependencies that open a new clause: a place inside one belongs to that clause's event
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "conj", "parataxis", "csubj"})
# a noun trigger in one of these roles takes the place its verb names ("the strike hit ... in X")
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
# steps from a place up to its preposition: "in [the city of] Mosul", "near Baghdad's Green Zone"
NOMINAL_DEPS = frozenset({"conj", "appos", "compound", "poss", "amod", "nmod"})


def locate_events(
    doc: Doc, events: list[EventMention], places: list[PlaceMention] | None = None
) -> list[EventMention]:
    """The events with `location` and `location_text` set (None where nothing fits)."""
    if places is None:
        places = find_places(doc)
    # metonyms and demonyms are toponyms, but no place for an event to happen in
    places = [
        m
        for m in places
        if m.role == "place" and not is_modifier(doc, m.start, m.end, m.place.precision)
    ]
    fallback = _document_place(places)
    located = []
    for event in events:
        trigger = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
        hit = None
        if trigger is not None:
            hit = _clause_place(trigger, places) or _sentence_place(trigger, places)
        hit = hit or fallback
        located.append(
            dataclasses.replace(
                event,
                location=hit.place if hit else None,
                location_text=hit.text if hit else None,
            )
        )
    return located


def _anchors(trigger: Span) -> list[Token]:
    """The trigger's head word, and the verb a noun trigger is an argument of."""
    root = trigger.root
    anchors = [root]
    if root.pos_ in ("NOUN", "PROPN") and root.dep_ in ARGUMENT_DEPS:
        anchors.append(root.head)
    return anchors


def _attachment(doc: Doc, mention: PlaceMention) -> tuple[Token, int] | None:
    """The word a locative preposition governing the mention hangs from ("in X" -> its head),
    and how many nominal arcs lie between ("Baghdad" in "near Baghdad's Green Zone": 1)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    for hops in range(6):
        if tok.dep_ == "pobj" and tok.head.lower_ in words("locative"):
            return tok.head.head, hops
        if tok.dep_ == "pobj" and tok.head.lower_ == "of":  # "in the city of X", "north of X"
            tok = tok.head.head
            continue
        if tok.dep_ not in NOMINAL_DEPS or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _steps_up(start: Token, anchor: Token) -> int | None:
    """How many arcs lead from `start` up to `anchor` without leaving its clause."""
    tok, steps = start, 0
    while tok.i != anchor.i:
        if tok.head.i == tok.i or tok.dep_ in CLAUSE_DEPS:
            return None
        tok, steps = tok.head, steps + 1
    return steps


def _clause_place(trigger: Span, places: list[PlaceMention]) -> PlaceMention | None:
    """The place a locative preposition in the trigger's own clause names (nearest in the tree)."""
    doc, sent = trigger.doc, trigger.sent
    best: tuple[tuple[int, int], PlaceMention] | None = None
    for mention in places:
        if not sent.start_char <= mention.start < sent.end_char:
            continue
        attached = _attachment(doc, mention)
        if attached is None:
            continue
        for rank, anchor in enumerate(_anchors(trigger)):
            steps = _steps_up(attached[0], anchor)
            if steps is not None and (best is None or (steps + rank, attached[1]) < best[0]):
                best = ((steps + rank, attached[1]), mention)
    return best[1] if best else None


def _sentence_place(trigger: Span, places: list[PlaceMention]) -> PlaceMention | None:
    """The place nearest the trigger in its sentence."""
    sent = trigger.sent
    inside = [m for m in places if sent.start_char <= m.start < sent.end_char]

    def distance(m: PlaceMention) -> int:
        return max(m.start - trigger.end_char, trigger.start_char - m.end, 0)

    return min(inside, key=distance) if inside else None


def _document_place(places: list[PlaceMention]) -> PlaceMention | None:
    """The document's focus: its dominant city, else its commonest country (coarse)."""
    countries = Counter(m.place.country for m in places if m.place.country)
    if not countries:
        return None
    country = countries.most_common(1)[0][0]
    cities = Counter(m.place.geonameid for m in places if m.place.precision in ("city", "landmark"))
    if cities:
        (city, count), *rest = cities.most_common()
        first = next(m for m in places if m.place.geonameid == city)
        if count >= 2 and count > sum(n for _, n in rest) and first.place.country == country:
            named = next(
                (m for m in places if m.place.geonameid == city and m.place.precision == "city"),
                first,
            )
            return dataclasses.replace(
                named, place=dataclasses.replace(named.place, precision="city")
            )
    place = country_place(country)
    if place is None:
        return None
    named = next(
        (m for m in places if m.place.country == country and m.place.precision == "country"),
        None,
    )
    text = named.text if named is not None else place.name
    return PlaceMention(place=place, start=-1, end=-1, text=text)
