"""Incremental merge inside the store: new mentions joined to the stored events.

Only what could be the same event as a new mention is loaded: the stored mentions of
its article, and the stories of stored articles that may fall in the same block
(country, CAMEO root family) within the merge window. Stored events are already
connected components of the merge relation (`tidings.merge.cluster`), and stories only
grow as mentions are added, so uniting the events the linked stories belong to with the
new stories, through the new links, gives exactly the events a full re-merge of the
whole store would. The events touched are deleted and written again in the caller's
transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import duckdb

from tidings.merge import (
    ArticleFacts,
    Facts,
    Story,
    build_event,
    components,
    edges,
    families,
    stories,
)
from tidings.merge.similar import WINDOW_DAYS
from tidings.model import Event, EventMention
from tidings.store.flat import rebuild_mention

_WINDOW = dt.timedelta(days=WINDOW_DAYS)
_FIRST = "coalesce(m.date, a.date)"
_LAST = "coalesce(m.date_end, m.date, a.date)"
PROBE_SCHEMA = "country VARCHAR, root VARCHAR, lo DATE, hi DATE"


def _rows(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def stored_mention_ids(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> set[str]:
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return set()
    sql = "SELECT event_id FROM mentions WHERE event_id IN (SELECT unnest(?::VARCHAR[]))"
    return {r[0] for r in con.execute(sql, [wanted]).fetchall()}


def article_facts(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> dict[str, ArticleFacts]:
    rows = con.execute(
        "SELECT article_id, date, source_key, minhash FROM articles "
        "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
        [sorted(set(ids))],
    ).fetchall()
    return {r[0]: ArticleFacts(r[0], r[1], r[2], bytes(r[3]) if r[3] else None) for r in rows}


def _mentions(con: duckdb.DuckDBPyConnection, where: str, params: list[Any]) -> list[dict]:
    sql = (
        "SELECT m.*, a.date AS _article_date FROM mentions m "
        f"LEFT JOIN articles a ON a.article_id = m.article_id WHERE {where}"
    )
    return _rows(con.execute(sql, params))


def _candidate_articles(
    con: duckdb.DuckDBPyConnection, new: Sequence[Story], probe_table: str
) -> list[str]:
    """Stored articles that may hold a story in the block and date window of a new one.

    A story's country is one of its mentions' place, target or source countries, and its
    dates lie within its mentions' span, so this article-level test misses none."""
    probes = {
        (s.country, root, s.first_day - _WINDOW, s.last_day + _WINDOW)  # type: ignore[operator]
        for s in new
        if s.block() is not None
        for root, fam in families().items()
        if fam == s.family
    }
    if not probes:
        return []
    con.execute(f"DELETE FROM {probe_table}")
    with con.appender(probe_table) as appender:
        appender.append_rows(sorted(probes))
    sql = (
        "SELECT DISTINCT m.article_id FROM mentions m "
        "LEFT JOIN articles a ON a.article_id = m.article_id "
        f"JOIN {probe_table} p ON p.root = m.cameo_root "
        "GROUP BY m.article_id, p.country, p.root, p.lo, p.hi "
        f"HAVING min({_FIRST}) <= p.hi AND max({_LAST}) >= p.lo AND "
        "bool_or(p.country IN (m.location_country, m.target_country, m.source_country))"
    )
    found = sorted(r[0] for r in con.execute(sql).fetchall())
    con.execute(f"DELETE FROM {probe_table}")
    return found


def _stories_of(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> list[Story]:
    """The stories of stored articles, rebuilt from all their stored mentions."""
    rows = _mentions(con, "m.article_id IN (SELECT unnest(?::VARCHAR[]))", [sorted(article_ids)])
    return stories(Facts.of(rebuild_mention(r), r["_article_date"]) for r in rows)


def plan(
    con: duckdb.DuckDBPyConnection, new: Sequence[EventMention], probe_table: str
) -> tuple[list[Event], set[str]]:
    """The events to write for these newly stored mentions, and the stored event ids they
    replace. Call after the batch's articles and mentions are inserted."""
    if not new:
        return [], set()
    touched = {m.article_id for m in new}
    fresh = _stories_of(con, touched)  # the new mentions with their articles' stored ones
    others = set(_candidate_articles(con, fresh, probe_table)) - touched
    old = _stories_of(con, others)
    links = edges(fresh, old)
    first_of = {s.mention_ids[0]: s for s in old}
    linked = {i for pair in links for i in pair if i in first_of}
    members = [i for s in fresh for i in s.mention_ids]
    members += [i for key in linked for i in first_of[key].mention_ids]
    memberships = con.execute(
        "SELECT event_id, list(mention_id ORDER BY mention_id) FROM event_mentions "
        "WHERE event_id IN (SELECT event_id FROM event_mentions "
        "WHERE mention_id IN (SELECT unnest(?::VARCHAR[]))) GROUP BY event_id",
        [sorted(set(members))],
    ).fetchall()
    replaced = {event_id for event_id, _ in memberships}
    groups = [list(g) for _, g in memberships] + [list(s.mention_ids) for s in fresh]
    clusters = components(members, links, groups)
    wanted = sorted({i for c in clusters for i in c})
    rows = _mentions(con, "m.event_id IN (SELECT unnest(?::VARCHAR[]))", [wanted])
    mentions = {r["event_id"]: rebuild_mention(r) for r in rows}
    facts = article_facts(con, {m.article_id for m in mentions.values()})
    events = [build_event([mentions[i] for i in c if i in mentions], facts) for c in clusters]
    return events, replaced
