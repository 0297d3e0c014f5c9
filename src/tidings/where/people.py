"""Surnames the story gives people: a bare "Trapani" after "Andrew Trapani" is the man.

A town's name is often a family's ("Fairfield", "Ripley", "Holroyd"). Once a story names
a person in full, its later bare uses of the surname ("Trapani's first film", "coach
Ripley said") are that person, not the town, unless a preposition of place or a container
says otherwise ("in Fairfield", "Fairfield, Ohio").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from tidings.where.cues import context
from tidings.where.entries import Entry, norm
from tidings.where.gazetteer import gazetteer

__all__ = ["is_person", "surnames"]


def surnames(doc: Doc) -> frozenset[str]:
    """The name keys of the last words of the story's people named in two words or more
    ("Andrew Trapani", "Vincent J. Fumo"), leaving out countries and first-level areas
    ("Michael Jordan" does not unmake Jordan)."""
    gaz = gazetteer()
    found = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        words = [t for t in ent if t.is_alpha and t.text[:1].isupper()]
        if len(words) < 2:
            continue
        key = norm(words[-1].text)
        if not any(e.kind in ("country", "admin1", "area") for e in gaz.lookup(key)[0]):
            found.add(key)
    return frozenset(found)


def is_person(span: Span, container: Entry | None, label: str) -> bool:
    """Whether a one-word candidate is one of the story's surnames (see `surnames`), with
    no container, no preposition of place ("in Fairfield") and not inside another name."""
    if len(span) != 1 or container is not None or label == "INNER":
        return False
    return context(span.root) != "locative" and norm(span.text) in surnames(span.doc)
