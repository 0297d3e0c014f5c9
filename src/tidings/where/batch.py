"""Toponyms of a batch of articles, each source's home learnt from the batch itself."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc

from tidings.model import PlaceMention
from tidings.where.home import MIN_ARTICLES, Home, learn_homes
from tidings.where.places import find_places

__all__ = ["batch_homes", "find_places_with_homes"]


def batch_homes(
    docs: Sequence[tuple[Doc, str | None]],
) -> tuple[list[list[PlaceMention] | None], dict[str, Home]]:
    """The homes of the sources of (doc, source key) pairs, learnt from these docs alone,
    and each doc's toponyms as first read (None for a doc whose source has no other doc
    here: it could teach nothing, so it is not read; its home can only be the country of
    its host's domain)."""
    counts = Counter(key for _, key in docs if key is not None)
    first = [
        find_places(doc) if key is not None and counts[key] >= MIN_ARTICLES else None
        for doc, key in docs
    ]
    learnt = ((key, found or []) for (_, key), found in zip(docs, first, strict=True))
    return first, learn_homes(learnt)  # a lone article still takes its host's country


def find_places_with_homes(
    docs: Sequence[tuple[Doc, str | None]],
) -> tuple[list[list[PlaceMention]], dict[str, Home]]:
    """Every toponym of each (doc, source key), resolved twice: plainly, then, where the
    source has a home learnt from these very docs, again with that home as a prior.
    Returns the mentions per doc, in order, and the homes learnt."""
    first, homes = batch_homes(docs)
    found = [
        find_places(doc, homes.get(key or "")) if key in homes or mentions is None else mentions
        for (doc, key), mentions in zip(docs, first, strict=True)
    ]
    return found, homes
