"""What the incremental merge has read back from the store, kept between batches.

Each batch's merge needs the stories of the articles near its new mentions, and then the
mentions and article facts of the events they join: with every copy of a story on one
day that is most of the store, read and rebuilt again on every batch. Stored mentions
and articles never change (rows are only ever inserted, INSERT OR IGNORE, and never
updated), so a row read once stays true: `Recall` keeps the rebuilt records, and an
article's stories with the set of mention ids and the date they were built from (a new
mention or a newly stored article date rebuilds them). What a batch reads is staged and
kept only once the batch commits, so a rolled-back batch leaves nothing behind. The
caches are bounded (least recently used out first): memory stays flat, and a record
dropped is just read again.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict, defaultdict
from collections.abc import Iterable
from typing import Any, Generic, TypeVar

import duckdb

from tidings.merge import ArticleFacts, Facts, Story, stories
from tidings.model import EventMention
from tidings.store.flat import rebuild_mention

MENTIONS_KEPT = 20_000  # ~40 batches of 64 articles: the merge window of a feed and more
ARTICLES_KEPT = 5_000

K = TypeVar("K")
V = TypeVar("V")
_Built = tuple[frozenset[str], dt.date | None, tuple[Story, ...]]  # ids, date -> stories


class _Bounded(Generic[K, V]):
    """A mapping that keeps its `limit` most recently used items."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._items: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K) -> V | None:
        value = self._items.get(key)
        if value is not None:
            self._items.move_to_end(key)
        return value

    def update(self, items: dict[K, V]) -> None:
        for key, value in items.items():
            self._items[key] = value
            self._items.move_to_end(key)
        while len(self._items) > self.limit:
            self._items.popitem(last=False)


def _ids(ids: Iterable[str]) -> list[str]:
    return sorted(set(ids))


class Recall:
    """Stored mentions, article facts and stories read back, by id (see the module)."""

    def __init__(self, mentions: int = MENTIONS_KEPT, articles: int = ARTICLES_KEPT) -> None:
        self._mentions: _Bounded[str, EventMention] = _Bounded(mentions)
        self._articles: _Bounded[str, ArticleFacts] = _Bounded(articles)
        self._stories: _Bounded[str, _Built] = _Bounded(articles)
        self._staged: tuple[dict[str, Any], dict[str, Any], dict[str, Any]] = ({}, {}, {})

    def commit(self) -> None:
        """The batch is stored: keep what it read."""
        for cache, staged in zip(
            (self._mentions, self._articles, self._stories), self._staged, strict=True
        ):
            cache.update(staged)  # type: ignore[attr-defined]
        self.abort()

    def abort(self) -> None:
        """The batch is not stored: forget what it read."""
        self._staged = ({}, {}, {})

    def _lookup(self, cache: _Bounded[str, V], staged: dict[str, V], key: str) -> V | None:
        found = staged.get(key)
        return found if found is not None else cache.get(key)

    def _split(
        self, cache: _Bounded[str, V], staged: dict[str, V], ids: Iterable[str]
    ) -> tuple[dict[str, V], list[str]]:
        """What is remembered of these ids, and the ids to read from the store."""
        found: dict[str, V] = {}
        missing = []
        for i in _ids(ids):
            value = self._lookup(cache, staged, i)
            if value is None:
                missing.append(i)
            else:
                found[i] = value
        return found, missing

    def mentions(
        self, con: duckdb.DuckDBPyConnection, ids: Iterable[str]
    ) -> dict[str, EventMention]:
        """The stored mentions of these ids (ids not stored are left out)."""
        found, missing = self._split(self._mentions, self._staged[0], ids)
        if missing:
            cursor = con.execute(
                "SELECT * FROM mentions WHERE event_id IN (SELECT unnest(?::VARCHAR[]))", [missing]
            )
            names = [d[0] for d in cursor.description]
            for values in cursor.fetchall():
                m = rebuild_mention(dict(zip(names, values, strict=True)))
                found[m.event_id] = self._staged[0][m.event_id] = m
        return found

    def articles(
        self, con: duckdb.DuckDBPyConnection, ids: Iterable[str]
    ) -> dict[str, ArticleFacts]:
        """What merging needs of these stored articles (ids not stored are left out)."""
        found, missing = self._split(self._articles, self._staged[1], ids)
        if missing:
            rows = con.execute(
                "SELECT article_id, date, source_key, minhash FROM articles "
                "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                [missing],
            ).fetchall()
            for r in rows:
                a = ArticleFacts(r[0], r[1], r[2], bytes(r[3]) if r[3] else None)
                found[a.article_id] = self._staged[1][a.article_id] = a
        return found

    def stories(self, con: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> list[Story]:
        """The stories of stored articles, from all their stored mentions (`merge.stories`)."""
        wanted = _ids(article_ids)
        if not wanted:
            return []
        held: dict[str, set[str]] = defaultdict(set)
        rows = con.execute(
            "SELECT article_id, event_id FROM mentions "
            "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
            [wanted],
        ).fetchall()
        for article_id, mention_id in rows:
            held[article_id].add(mention_id)
        dates = {i: a.date for i, a in self.articles(con, held).items()}
        found: list[Story] = []
        stale: dict[str, frozenset[str]] = {}
        for article_id, mention_ids in held.items():
            key = (frozenset(mention_ids), dates.get(article_id))
            built = self._lookup(self._stories, self._staged[2], article_id)
            if built is not None and built[:2] == key:
                found += built[2]
            else:
                stale[article_id] = key[0]
        if stale:
            mentions = self.mentions(con, (i for ids in stale.values() for i in ids))
            by_article: dict[str, list[Facts]] = defaultdict(list)
            for m in mentions.values():
                by_article[m.article_id].append(Facts.of(m, dates.get(m.article_id)))
            for article_id, ids in stale.items():
                built_stories = tuple(stories(by_article[article_id]))
                self._staged[2][article_id] = (ids, dates.get(article_id), built_stories)
                found += built_stories
        return sorted(found, key=lambda s: s.mention_ids)
