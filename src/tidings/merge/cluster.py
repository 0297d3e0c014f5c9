"""Events as connected components of the `same_event` graph.

First each article's mentions are grouped into stories (components of
`similar.same_story`); then stories of different articles are linked by
`similar.same_event`, evaluated only on candidate pairs (same block, dates within the
window: the predicate is false elsewhere, so blocking changes no result), and events are
the connected components (single link). Components do not depend on the order edges are
found in, a story depends only on its article's mentions, and an event's id,
representative mention and counts are functions of its set of mentions, so any
ingestion order gives the same events. Incrementally, stored events are components
already: new stories only add edges, so uniting the stored events they touch with the
new stories gives the same components as clustering everything again.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence

from tidings.merge.similar import WINDOW_DAYS, Facts, Story, same_event, same_story
from tidings.merge.sources import ArticleFacts, count_sources
from tidings.model import Event, EventMention


class UnionFind:
    """Disjoint sets over hashable items, with path halving."""

    def __init__(self) -> None:
        self._parent: dict[Hashable, Hashable] = {}

    def add(self, item: Hashable) -> None:
        self._parent.setdefault(item, item)

    def find(self, item: Hashable) -> Hashable:
        self.add(item)
        while self._parent[item] != item:
            self._parent[item] = self._parent[self._parent[item]]
            item = self._parent[item]
        return item

    def union(self, a: Hashable, b: Hashable) -> None:
        self._parent[self.find(a)] = self.find(b)

    def groups(self) -> list[list[Hashable]]:
        out: dict[Hashable, list[Hashable]] = defaultdict(list)
        for item in self._parent:
            out[self.find(item)].append(item)
        return list(out.values())


def stories(facts: Iterable[Facts]) -> list[Story]:
    """Each article's mentions grouped into stories: components of `same_story`."""
    by_article: dict[str, list[Facts]] = defaultdict(list)
    for f in {f.mention_id: f for f in facts}.values():
        by_article[f.article_id].append(f)
    found: list[Story] = []
    for article_id in sorted(by_article):
        fs = sorted(by_article[article_id], key=lambda f: f.mention_id)
        uf = UnionFind()
        for i, a in enumerate(fs):
            uf.add(i)
            for j in range(i):
                if same_story(a, fs[j]):
                    uf.union(i, j)
        found += [Story.of([fs[i] for i in g]) for g in uf.groups()]  # type: ignore[index]
    return sorted(found, key=lambda s: s.mention_ids)


def edges(new: Sequence[Story], old: Sequence[Story] = ()) -> list[tuple[str, str]]:
    """Pairs of stories (by their first mention ids) that are one event, among `new` and
    between `new` and `old`; pairs among `old` alone are not looked at (already known)."""
    fresh = {s.mention_ids for s in new}
    by_block: dict[tuple[str, str], list[Story]] = defaultdict(list)
    for story in {s.mention_ids: s for s in (*old, *new)}.values():
        if (block := story.block()) is not None:
            by_block[block].append(story)
    found: set[tuple[str, str]] = set()
    for bucket in by_block.values():
        bucket.sort(key=lambda s: (s.first_day, s.mention_ids))
        for i, a in enumerate(bucket):
            for b in bucket[i + 1 :]:
                if (b.first_day - a.last_day).days > WINDOW_DAYS:  # type: ignore[operator]
                    break  # sorted by first day: every later story starts too late for a
                if a.mention_ids not in fresh and b.mention_ids not in fresh:
                    continue
                if same_event(a, b):
                    pair = sorted((a.mention_ids[0], b.mention_ids[0]))
                    found.add((pair[0], pair[1]))
    return sorted(found)


def cluster(facts: Iterable[Facts]) -> list[list[str]]:
    """Events as sorted lists of mention ids: stories linked across articles."""
    found = stories(facts)
    ids = [i for s in found for i in s.mention_ids]
    return components(ids, edges(found), [s.mention_ids for s in found])


def components(
    ids: Iterable[str],
    links: Iterable[tuple[str, str]],
    groups: Iterable[Iterable[str]] = (),
) -> list[list[str]]:
    """Connected components of the mention ids under links and already-known groups."""
    uf = UnionFind()
    for i in ids:
        uf.add(i)
    for group in groups:
        members = list(group)
        for other in members[1:]:
            uf.union(members[0], other)
    for a, b in links:
        uf.union(a, b)
    return sorted(sorted(g) for g in uf.groups())  # type: ignore[type-var]


def event_id_of(mention_ids: Iterable[str]) -> str:
    """An event's id: a hash of its smallest mention id (stable while that one stays)."""
    return "ev-" + hashlib.sha256(min(mention_ids).encode("utf-8")).hexdigest()[:16]


_FILLED = ("source", "target", "location", "casualties", "attributed_to")


def _rank(m: EventMention) -> tuple[object, ...]:
    """Best representative first: confident, filled in, dated, asserted; then by id."""
    filled = sum(getattr(m, name) is not None for name in _FILLED)
    return (-m.confidence, -filled, m.date_is_fallback, m.modality != "asserted", m.event_id)


def representative(mentions: Sequence[EventMention]) -> EventMention:
    """The best-ranked mention, its empty fields filled from the next ones in rank order."""
    ranked = sorted(mentions, key=_rank)
    best = ranked[0]
    changes: dict[str, object] = {}
    for other in ranked[1:]:
        for name in _FILLED:
            if getattr(best, name) is None and name not in changes and getattr(other, name):
                changes[name] = getattr(other, name)
                if name == "location":
                    changes["location_text"] = other.location_text
        if best.date_is_fallback and "date" not in changes and not other.date_is_fallback:
            for name in ("date", "date_end", "date_precision", "date_text", "date_is_fallback"):
                changes[name] = getattr(other, name)
    return dataclasses.replace(best, **changes) if changes else best  # type: ignore[arg-type]


def build_event(
    mentions: Sequence[EventMention], articles: Mapping[str, ArticleFacts] | None = None
) -> Event:
    """The event of one cluster of mentions, with its GDELT-style counts."""
    articles = articles or {}
    ids = tuple(sorted(m.event_id for m in mentions))
    article_ids = sorted({m.article_id for m in mentions})
    facts = [articles.get(a) or ArticleFacts(a, source_key=f"article:{a}") for a in article_ids]
    days = [f.date for f in facts if f.date is not None]
    if len(days) < len(facts):
        days += [m.date for m in mentions if m.date is not None]
    return Event(
        event_id=event_id_of(ids),
        mention=representative(mentions),
        mention_ids=ids,
        num_mentions=len(ids),
        num_sources=count_sources(facts),
        num_articles=len(article_ids),
        first_seen=min(days) if days else None,
        last_seen=max(days) if days else None,
    )
