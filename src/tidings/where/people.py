"""Names that are not places though a town bears them: people's surnames, acronyms of
bodies, the titles of works.

A town's name is often a family's ("Fairfield", "Ripley", "Holroyd"). Once a story names
a person in full, its later bare uses of the surname ("Trapani's first film", "coach
Ripley said") are that person, not the town, unless a preposition of place or a container
says otherwise ("in Fairfield", "Fairfield, Ohio"). Every word after the first counts, so a
double surname is read in either part ("Ricardo Rosselló Nevares", then "Rosselló"). An
acronym the story spells out as a body's name ("African Union (AU)") is that body, never
the hamlet the letters spell (Au, Switzerland); a name after "entitled" or "titled" is a
work's ("an artwork entitled America"); a name inside a body's name that is only a small
town abroad is the river or family the body is named after.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Protocol

from spacy.tokens import Doc, Span

from tidings.geo import Entry, Gazetteer, gazetteer, norm
from tidings.nlp import doc_text
from tidings.where.cues import context
from tidings.where.embedded import TOWN
from tidings.where.lexicon import words

__all__ = ["is_person", "not_a_place", "person_abroad", "surnames", "unplace_abroad"]

SMALL_ABROAD = 20_000  # people in a town abroad that a person's name may be taken for
_PERSON_TIMES = 2  # a one-word name the tagger calls a person this often is one
_SPELT_OUT = re.compile(r"((?:[A-Z][\w'’-]*\s+(?:(?:of|the|and|for|de|du)\s+)*)+)\(([A-Z]{2,6})\)")


def surnames(doc: Doc) -> tuple[frozenset[str], frozenset[str]]:
    """The name keys of the words after the first of the story's people named in two words
    or more ("Andrew Trapani", "Ricardo Rosselló Nevares"); then those of names the tagger
    calls a person alone, twice or more, and never a place ("Rosselló said"; once may be
    the tagger's slip: "Tbilisi says"). Countries and first-level
    areas are left out ("Michael Jordan" does not unmake Jordan)."""
    gaz = gazetteer()
    found, alone, placed = set(), [], set()
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC"):
            placed.add(norm(ent.text))
        if ent.label_ != "PERSON":
            continue
        names = [t for t in ent if t.is_alpha and t.text[:1].isupper()]
        if len(names) == 1:
            alone.append(norm(names[0].text))
        for word in names[1:]:
            found.add(norm(word.text))
    return frozenset(k for k in found if not _area(gaz, k)), frozenset(
        k for k in set(alone) - placed if alone.count(k) >= _PERSON_TIMES and not _area(gaz, k)
    )


def _area(gaz: Gazetteer, key: str) -> bool:
    return any(e.kind in ("country", "admin1", "area") for e in gaz.lookup(key)[0])


def not_a_place(span: Span, container: Entry | None, label: str) -> bool:
    """Whether a candidate is a person's surname, an acronym of a body or a work's title."""
    if is_person(span, container, label):
        return True
    if container is not None or label == "INNER" or len(span) != 1:
        return False
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in words("title_word"):
        return True
    return span.text in _body_acronyms(span.doc)


def _body_acronyms(doc: Doc) -> frozenset[str]:
    """The acronyms the story spells out as names that are no place ("African Union (AU)");
    "United Arab Emirates (UAE)" names a place and is kept."""
    return _spelt_out(doc_text(doc))


@lru_cache(maxsize=16)
def _spelt_out(text: str) -> frozenset[str]:
    found = set()
    gaz = gazetteer()
    for m in _SPELT_OUT.finditer(text):
        long_form, short = m[1].split(), m[2]
        capitals = [i for i, w in enumerate(long_form) if w[:1].isupper()]
        if len(capitals) < len(short):
            continue
        name = long_form[capitals[-len(short)] :]
        if "".join(w[0] for w in name if w[:1].isupper()) != short:
            continue
        official, other = gaz.lookup(" ".join(name))
        if not official and not other:
            found.add(short)
    return frozenset(found)


def is_person(span: Span, container: Entry | None, label: str) -> bool:
    """Whether a one-word candidate is one of the story's surnames (see `surnames`), with
    no container, no preposition of place ("in Fairfield") and not inside another name."""
    if len(span) != 1 or container is not None or label == "INNER":
        return False
    return context(span.root) != "locative" and norm(span.text) in surnames(span.doc)[0]


def person_abroad(span: Span, entry: Entry | None, focus_country: str | None) -> bool:
    """Whether a name read as a small town outside the story's country is rather a person
    the tagger calls by that name alone, again and again, and never a place ("Rosselló
    said" in a Puerto Rican story is not Rosselló, Spain). Towns of the story's own country
    keep their reading: local news names its towns as the tagger's "people" too."""
    if entry is None or entry.kind != "city" or entry.population >= SMALL_ABROAD:
        return False
    if focus_country is None or entry.country == focus_country or len(span) != 1:
        return False
    return norm(span.text) in surnames(span.doc)[1]


class _Reading(Protocol):
    span: Span
    label: str
    entry: Entry | None


def unplace_abroad(readings: Iterable[_Reading], focus_country: str | None) -> None:
    """Clear the entry of every reading that is no place once the story's country is known:
    a person's name (`person_abroad`), or a name inside a body's that reads only as a town
    abroad of under TOWN people ("Thames Valley Police" in an English story is not Thames,
    New Zealand): bodies are named after rivers, battles and families. A bigger town keeps
    its reading ("the Venice Commission", "the Cannes Grand Prix")."""
    for reading in readings:
        entry = reading.entry
        small_abroad = (
            entry is not None
            and entry.kind == "city"
            and focus_country not in (None, entry.country)
            and entry.population < TOWN
        )
        if (reading.label == "INNER" and small_abroad) or person_abroad(
            reading.span, entry, focus_country
        ):
            reading.entry = None
