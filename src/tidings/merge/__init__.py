"""merge stage: event mentions -> events, one per real-world event.

The rule (order-independent by construction):

1. Within an article, mentions whose CAMEO root family, actors, dates and places agree
   form one story ("the drone strike", "a rocket hit the house", "the failed attempt"):
   the connected components of `similar.same_story`, a symmetric predicate on the pair.
2. Across articles, stories are linked by `similar.same_event`, a symmetric predicate on
   the two stories alone: same block (country, root family), dates at most one day
   apart, nothing conflicting (actors, places, casualty counts), distinctive evidence
   (an actor agreeing to the country, casualty counts, shared uncommon words) and
   enough of it (actors, place distance, day, trigger, code). Events are the connected
   components (single link), found only among candidate pairs in the same block within
   the date window.
3. An event is named `ev-` + a hash of its smallest mention id; its representative
   mention is the best-ranked one with gaps filled from the others; it keeps every
   mention id and carries num_mentions, num_articles, num_sources (outlets, syndicated
   copies found by MinHash counted once: `sources.py`) and first/last seen (article dates).

All of these are functions of the set of mentions, so ingesting the same articles in
any order, in any batches, gives the same events. `tidings.store` applies the rule
incrementally: see `cluster.py` for why that gives the same result as a full re-merge.
"""

from __future__ import annotations

from collections.abc import Iterable

from tidings.merge.cluster import (
    build_event,
    cluster,
    components,
    edges,
    event_id_of,
    representative,
    stories,
)
from tidings.merge.similar import (
    WINDOW_DAYS,
    Facts,
    Story,
    families,
    family,
    same_event,
    same_story,
    score,
)
from tidings.merge.sources import ArticleFacts, count_sources, signature, similarity, source_key
from tidings.model import Article, Event, EventMention

__all__ = [
    "WINDOW_DAYS",
    "ArticleFacts",
    "Facts",
    "Story",
    "build_event",
    "cluster",
    "components",
    "count_sources",
    "edges",
    "event_id_of",
    "families",
    "family",
    "merge_mentions",
    "representative",
    "same_event",
    "same_story",
    "score",
    "signature",
    "similarity",
    "source_key",
    "stories",
]


def merge_mentions(
    mentions: Iterable[EventMention], articles: Iterable[Article | ArticleFacts] = ()
) -> list[Event]:
    """Merge mentions into events, ordered by event id.

    `articles` (the mentions' articles) give dates, outlets and signatures; without them
    every article is its own source and mention dates stand in for article dates.
    """
    facts_of = {
        a.article_id if isinstance(a, ArticleFacts) else a.id: (
            a if isinstance(a, ArticleFacts) else ArticleFacts.of(a)
        )
        for a in articles
    }
    by_id = {m.event_id: m for m in mentions}
    facts = [
        Facts.of(m, facts_of[m.article_id].date if m.article_id in facts_of else None)
        for m in by_id.values()
    ]
    groups = cluster(facts)
    events = [build_event([by_id[i] for i in group], facts_of) for group in groups]
    return sorted(events, key=lambda e: e.event_id)
