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
from collections import defaultdict
from collections.abc import Iterable, Sequence

import duckdb

from tidings.merge import (
    WINDOW_DAYS,
    Story,
    build_event,
    components,
    edges,
    families,
    same_event,
)
from tidings.model import Event, EventMention
from tidings.store.recall import Recall

_WINDOW = dt.timedelta(days=WINDOW_DAYS)
PROBE_SCHEMA = "country VARCHAR, family VARCHAR, lo DATE, hi DATE"
SPANS_SCHEMA = (
    "article_id VARCHAR, family VARCHAR, country VARCHAR, first_day DATE, last_day DATE, "
    "PRIMARY KEY (article_id, family, country)"
)
FAMILIES_SCHEMA = "root VARCHAR PRIMARY KEY, family VARCHAR"
FAMILIES = "_merge_families"  # per-connection copy of `families()` for the span query

# Per (article, root family, country a mention names): the span of all the article's
# dates in that family. A story lies in one family, its country is one its mentions name
# and its dates lie in its mentions' span, so these rows over-approximate every story.
_SPANS_SQL = f"""
WITH ms AS (
    SELECT m.article_id, coalesce(f.family, 'root-' || m.cameo_root) AS family,
        coalesce(m.date, a.date) AS first_day, coalesce(m.date_end, m.date, a.date) AS last_day,
        [m.location_country, m.target_country, m.source_country] AS countries
    FROM mentions m
    LEFT JOIN articles a ON a.article_id = m.article_id
    LEFT JOIN {FAMILIES} f ON f.root = m.cameo_root
    WHERE m.article_id IN (SELECT unnest(?::VARCHAR[]))
), spans AS (
    SELECT article_id, family, min(first_day) AS lo, max(last_day) AS hi FROM ms GROUP BY ALL
), named AS (
    SELECT DISTINCT article_id, family, unnest(countries) AS country FROM ms
)
SELECT s.article_id, s.family, n.country, s.lo, s.hi FROM spans s
JOIN named n ON n.article_id = s.article_id AND n.family = s.family
WHERE n.country IS NOT NULL AND s.lo IS NOT NULL AND s.hi IS NOT NULL
"""


def setup(con: duckdb.DuckDBPyConnection, probe_table: str) -> None:
    """Create this connection's temporary probe and family tables."""
    con.execute(f"CREATE TEMP TABLE IF NOT EXISTS {probe_table} ({PROBE_SCHEMA})")
    con.execute(f"CREATE TEMP TABLE IF NOT EXISTS {FAMILIES} ({FAMILIES_SCHEMA})")
    con.execute(f"DELETE FROM {FAMILIES}")
    with con.appender(FAMILIES) as appender:
        appender.append_rows(sorted(families().items()))


def refresh_spans(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> None:
    """Rewrite the story spans of these articles from their stored mentions and dates
    (inside the caller's transaction, after the batch's rows are inserted)."""
    ids = sorted(set(article_ids))
    if not ids:
        return
    con.execute("DELETE FROM story_spans WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    con.execute(f"INSERT INTO story_spans {_SPANS_SQL}", [ids])


def stored_mention_ids(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> set[str]:
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return set()
    sql = "SELECT event_id FROM mentions WHERE event_id IN (SELECT unnest(?::VARCHAR[]))"
    return {r[0] for r in con.execute(sql, [wanted]).fetchall()}


def _candidate_articles(
    con: duckdb.DuckDBPyConnection, new: Sequence[Story], probe_table: str
) -> list[str]:
    """Stored articles that may hold a story in the block and date window of a new one.

    Looks only at the story spans of the new stories' blocks and window (see
    `_SPANS_SQL`: they cover every stored story), so the cost follows the window, not the
    size of the store."""
    probes = {
        (s.country, s.family, s.first_day - _WINDOW, s.last_day + _WINDOW)  # type: ignore[operator]
        for s in new
        if s.block() is not None
    }
    if not probes:
        return []
    con.execute(f"DELETE FROM {probe_table}")
    with con.appender(probe_table) as appender:
        appender.append_rows(sorted(probes))
    sql = (
        "SELECT DISTINCT s.article_id FROM story_spans s "
        f"JOIN {probe_table} p ON p.family = s.family AND p.country = s.country "
        "AND s.first_day <= p.hi AND s.last_day >= p.lo "
        "WHERE s.last_day >= ? AND s.first_day <= ?"  # constant bounds: zone maps skip the rest
    )
    bounds = [min(p[2] for p in probes), max(p[3] for p in probes)]
    found = sorted(r[0] for r in con.execute(sql, bounds).fetchall())
    con.execute(f"DELETE FROM {probe_table}")
    return found


def _links(
    new: Sequence[Story], old: Sequence[Story], event_of: dict[str, str]
) -> list[tuple[str, str]]:
    """`edges(new, old)` less the pairs that cannot change the events: once a new story is
    linked to one story of a stored event, that whole event joins, so the event's other
    stories need not be compared with it."""
    found = set(edges(new))
    by_block: dict[tuple[str, str], list[Story]] = defaultdict(list)
    for story in old:
        if (block := story.block()) is not None:
            by_block[block].append(story)
    for s in new:
        if (block := s.block()) is None:
            continue
        joined: set[str] = set()
        for t in by_block.get(block, ()):
            event = event_of.get(t.mention_ids[0], t.mention_ids[0])
            if event not in joined and same_event(s, t):
                joined.add(event)
                pair = sorted((s.mention_ids[0], t.mention_ids[0]))
                found.add((pair[0], pair[1]))
    return sorted(found)


def plan(
    con: duckdb.DuckDBPyConnection,
    new: Sequence[EventMention],
    probe_table: str,
    recall: Recall | None = None,
) -> tuple[list[Event], set[str]]:
    """The events to write for these newly stored mentions, and the stored event ids they
    replace. Call after the batch's articles and mentions are inserted; `recall` keeps
    what was read back for the next batches (see `tidings.store.recall`)."""
    if not new:
        return [], set()
    recall = recall or Recall()
    touched = {m.article_id for m in new}
    fresh = recall.stories(con, touched)  # the new mentions with their articles' stored ones
    others = set(_candidate_articles(con, fresh, probe_table)) - touched
    old = recall.stories(con, others)
    event_of = dict(
        con.execute(
            "SELECT mention_id, event_id FROM event_mentions "
            "WHERE mention_id IN (SELECT unnest(?::VARCHAR[]))",
            [sorted(s.mention_ids[0] for s in old)],
        ).fetchall()
    )
    links = _links(fresh, old, event_of)
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
    mentions = recall.mentions(con, (i for c in clusters for i in c))
    facts = recall.articles(con, {m.article_id for m in mentions.values()})
    events = [build_event([mentions[i] for i in c if i in mentions], facts) for c in clusters]
    return events, replaced
