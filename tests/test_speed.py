"""The speed-ups change no result: the store's recall of what it read, NumSources compared
in one array operation, the gazetteer's lookups kept per name, its objects frozen."""

from __future__ import annotations

import datetime as dt
import gc
import random

import pytest

from tidings.geo import gazetteer
from tidings.merge import ArticleFacts, count_sources, similarity
from tidings.merge.sources import DUPLICATE
from tidings.model import Actor, Article, Cameo, EventMention, Place
from tidings.store import Store
from tidings.store.recall import Recall

DAY = dt.date(2024, 5, 6)
KYIV = Place("Kyiv", 703448, "UKR", "12", 50.45, 30.52, "city")


def _pairwise_sources(articles: list[ArticleFacts]) -> int:
    """NumSources as its definition reads: components of same outlet or near-duplicate."""
    items = sorted({a.article_id: a for a in articles}.values(), key=lambda a: a.article_id)
    group = list(range(len(items)))
    for i, a in enumerate(items):
        for j in range(i):
            b = items[j]
            outlet = a.source_key is not None and a.source_key == b.source_key
            copies = a.signature and b.signature and similarity(a.signature, b.signature)
            if outlet or (copies and copies >= DUPLICATE):
                old, new = group[i], group[j]
                group = [new if g == old else g for g in group]
    return len(set(group))


def _signature(rng: random.Random, base: list[int], changed: int) -> bytes:
    values = list(base)
    for i in rng.sample(range(64), changed):
        values[i] = rng.randrange(2**32)
    return b"".join(v.to_bytes(4, "little") for v in values)


def test_count_sources_matches_the_pairwise_definition():
    rng = random.Random(7)
    for _ in range(60):
        bases = [[rng.randrange(2**32) for _ in range(64)] for _ in range(4)]
        articles = [
            ArticleFacts(
                f"a{rng.randrange(150)}",
                None,
                rng.choice([None, "wire", "daily", "times"]),
                rng.choice([None, b"", _signature(rng, rng.choice(bases), rng.randrange(40))]),
            )
            for _ in range(rng.randrange(1, 140))  # more than one block of rows
        ]
        assert count_sources(articles) == _pairwise_sources(articles)


def _mention(mid: str, article: str, target: str) -> EventMention:
    return EventMention(
        event_id=mid,
        article_id=article,
        sentence_index=0,
        evidence=f"Shelling hit a depot near Kyiv on Monday, officials said ({target}).",
        trigger="hit",
        trigger_start=9,
        trigger_end=12,
        cameo=Cameo("190", "19", 4, -10.0),
        target=Actor.of("soldiers", "UKR", target),
        date=DAY,
        date_end=DAY,
        date_precision="day",
        location=KYIV,
    )


def _batches() -> list[tuple[list[Article], list[EventMention]]]:
    out = []
    for n in range(6):  # the same story told again by a new outlet each batch
        articles = [
            Article(id=f"art{n}{k}", date=DAY, text=f"report {n} {k}", source=f"outlet{k}")
            for k in range(2)
        ]
        mentions = [
            _mention(f"m{n}{k}{j}", a.id, ("MIL", "CVL")[j])
            for k, a in enumerate(articles)
            for j in range(2)
        ]
        out.append((articles, mentions))
    return out


def _tables(store: Store) -> dict[str, list[tuple[object, ...]]]:
    con = store._con
    return {
        t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
        for t in ("articles", "mentions", "events", "event_mentions")
    }


def test_recall_gives_the_tables_of_reading_everything_again(monkeypatch):
    with Store(":memory:") as kept:
        for articles, mentions in _batches():
            kept.write_merged(articles, mentions)
        remembered = _tables(kept)
    with Store(":memory:") as fresh:
        for articles, mentions in _batches():
            fresh._recall = Recall()  # nothing remembered from the batches before
            fresh.write_merged(articles, mentions)
        assert _tables(fresh) == remembered
    assert len(remembered["events"]) < len(remembered["mentions"])  # batches did merge


def test_recall_forgets_what_a_rolled_back_batch_read(monkeypatch):
    (articles, mentions), *_ = _batches()
    with Store(":memory:") as store:

        def fail(*args: object) -> None:
            raise RuntimeError("disk full")

        monkeypatch.setattr(store, "_insert", lambda table, rows, stored=None: fail())
        with pytest.raises(Exception, match="disk full"):
            store.write_merged(articles, mentions)
        assert store._recall._mentions._items == {}  # noqa: SLF001
        monkeypatch.undo()
        store.write_merged(articles, mentions)
        assert len(store._recall._mentions._items) == len(mentions)  # noqa: SLF001


def test_gazetteer_lookups_are_kept_and_its_objects_frozen():
    gaz = gazetteer()
    assert gc.get_freeze_count() >= len(gaz.entries)  # the collector never rescans them
    first = gaz.lookup("Springfield")
    first[0].clear()  # callers get their own lists
    official, other = gaz._lookup("Springfield")  # noqa: SLF001
    assert official and gaz.lookup("Springfield") == (list(official), list(other))
    assert "Springfield" in gaz.found
