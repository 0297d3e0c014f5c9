"""Toponyms of a batch of articles, each source's home learnt from the batch itself."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from tidings.model import PlaceMention
from tidings.where.home import Home, learn_homes
from tidings.where.places import find_places

__all__ = ["find_places_with_homes"]


def find_places_with_homes(
    docs: Sequence[tuple[Doc, str | None]],
) -> tuple[list[list[PlaceMention]], dict[str, Home]]:
    """Every toponym of each (doc, source key), resolved twice: plainly, then, where the
    source has a home learnt from these very docs, again with that home as a prior.
    Returns the mentions per doc, in order, and the homes learnt."""
    first = [find_places(doc) for doc, _ in docs]
    homes = learn_homes((key, mentions) for (_, key), mentions in zip(docs, first, strict=True))
    found = [
        find_places(doc, homes[key]) if key in homes else mentions
        for (doc, key), mentions in zip(docs, first, strict=True)
    ]
    return found, homes
