"""The merge: stories within articles, events across them, sources, order independence,
the incremental store, GDELT export, and a SIGKILL mid-ingest."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tidings.store.merging as merging
from tidings.merge import (
    ArticleFacts,
    Facts,
    Story,
    count_sources,
    families,
    merge_mentions,
    same_event,
    same_story,
    signature,
    similarity,
)
from tidings.model import Actor, Article, Cameo, Casualties, EventMention, Place
from tidings.store import GDELT_COLUMNS, Store

ROOT = Path(__file__).resolve().parents[2]
SUNDAY = dt.date(2023, 3, 12)
BAGHDAD = Place("Baghdad", 98182, "IRQ", "07", 33.34, 44.40, "city")
BASRA = Place("Basra", 99532, "IRQ", "02", 30.51, 47.78, "city")
IRAQ = Place("Iraq", 99237, "IRQ", None, 33.0, 44.0, "country")
MIL = Actor.of("Iraqi soldiers", "IRQ", "MIL")
CVL = Actor.of("civilians", "IRQ", "CVL")
REB = Actor.of("militants", "IRQ", "REB")


def mention(mid: str, article: str = "a1", **kw: object) -> EventMention:
    fields: dict[str, object] = dict(
        event_id=mid,
        article_id=article,
        sentence_index=0,
        evidence=f"evidence of {mid}",
        trigger="struck",
        trigger_start=0,
        trigger_end=6,
        cameo=Cameo("190", "19", 4, -10.0),
        date=SUNDAY,
        date_end=SUNDAY,
        date_precision="day",
        location=BAGHDAD,
    )
    fields.update(kw)
    return EventMention(**fields)  # type: ignore[arg-type]


def facts(m: EventMention) -> Facts:
    return Facts.of(m, SUNDAY)


def story(*ms: EventMention) -> Story:
    return Story.of([facts(m) for m in ms])


# -- within an article --------------------------------------------------------------


def test_families_cover_every_root_and_group_the_attacks():
    table = families()
    assert sorted(table) == [f"{i:02d}" for i in range(1, 21)]
    assert table["18"] == table["19"] == table["20"] != table["17"]


@pytest.mark.parametrize(
    ("other", "same"),
    [
        ({"cameo": Cameo("183", "18", 4, -10.0), "trigger": "bombing"}, True),  # root family
        ({"location": None, "date_is_fallback": True}, True),  # unknown place and date fit
        ({"source": REB}, True),  # one side unknown
        ({"location": IRAQ}, True),  # country precision in the same country
        ({"cameo": Cameo("173", "17", 4, -5.0)}, False),  # another family
        ({"modality": "threat"}, False),
        ({"location": BASRA}, False),  # 450 km apart
        ({"date": SUNDAY + dt.timedelta(2), "date_end": SUNDAY + dt.timedelta(2)}, False),
        ({"article_id": "a2"}, False),  # not the same article
    ],
)
def test_same_story_within_one_article(other, same):
    base = mention("m1", target=MIL)
    assert same_story(facts(base), facts(mention("m2", **{"target": MIL, **other}))) is same
    assert same_story(facts(mention("m2", **{"target": MIL, **other})), facts(base)) is same


def test_target_sectors_that_differ_are_not_one_story():
    assert not same_story(facts(mention("m1", target=MIL)), facts(mention("m2", target=CVL)))


# -- across articles ----------------------------------------------------------------


def test_agreeing_reports_merge_and_conflicting_tolls_do_not():
    wounded = Casualties(injured_min=3, injured_max=3, text="three")
    killed = Casualties(killed_min=7, killed_max=7, injured_min=20, injured_max=20, text="7")
    rockets_1 = story(mention("r1", "wire", casualties=wounded))
    rockets_2 = story(mention("r2", "herald", casualties=wounded, trigger="hit"))
    market = story(mention("k1", "herald2", casualties=killed, trigger="car bomb"))
    assert same_event(rockets_1, rockets_2) and same_event(rockets_2, rockets_1)
    assert not same_event(rockets_1, market)
    assert not same_event(rockets_1, rockets_1)  # one article is never two reports


def test_same_place_and_day_alone_is_not_enough_across_articles():
    assert not same_event(story(mention("x1", "a1")), story(mention("x2", "a2")))


def test_dates_more_than_a_day_apart_are_never_merged():
    later = SUNDAY + dt.timedelta(2)
    a = story(mention("d1", "a1", target=MIL))
    b = story(mention("d2", "a2", target=MIL, date=later, date_end=later))
    assert not same_event(a, b)
    one_day = SUNDAY + dt.timedelta(1)
    c = story(mention("d3", "a3", target=MIL, source=REB, date=one_day, date_end=one_day))
    assert same_event(story(mention("d4", "a4", target=MIL, source=REB)), c)


# -- sources -------------------------------------------------------------------------

WIRE = "Two rockets struck a military base near Baghdad airport on Sunday, wounding three."


def test_syndicated_copies_and_one_outlet_count_as_one_source():
    copy = WIRE + " (Global Wire)"
    other = "Militants fired rockets at an army base beside the airport; three soldiers hurt."
    assert similarity(signature(WIRE), signature(copy)) >= 0.6
    assert similarity(signature(WIRE), signature(other)) < 0.3
    assert signature(WIRE) == signature(WIRE)  # fixed seed: the same bytes every run
    wire = ArticleFacts("w", SUNDAY, "global wire", signature(WIRE))
    syndicated = ArticleFacts("c", SUNDAY, "capital times", signature(copy))
    herald = ArticleFacts("h", SUNDAY, "tigris herald", signature(other))
    herald_2 = ArticleFacts("h2", SUNDAY, "tigris herald", signature("unrelated words here"))
    assert count_sources([wire, syndicated]) == 1
    assert count_sources([wire, syndicated, herald]) == 2
    assert count_sources([wire, herald, herald_2]) == 2


# -- merge_mentions: counts and order independence ----------------------------------

TOLL = Casualties(injured_min=3, injured_max=3, text="three")
POOL = [
    mention("m1", "wire", target=MIL, casualties=TOLL),
    mention("m2", "wire", trigger="attack", location=IRAQ, date_is_fallback=True),
    mention("m3", "herald", target=MIL, casualties=TOLL, trigger="hit"),
    mention("m4", "herald", cameo=Cameo("111", "11", 3, -2.0), trigger="condemned"),
    mention("m5", "post", target=CVL, casualties=Casualties(killed_min=7, text="7")),
    mention("m6", "post", target=CVL, trigger="killing"),
    mention("m7", "copy", target=MIL, casualties=TOLL),
]
ARTICLES = [
    Article("wire", SUNDAY, WIRE, source="Global Wire"),
    Article("copy", SUNDAY, WIRE + " (Global Wire)", source="Capital Times"),
    Article("herald", SUNDAY + dt.timedelta(1), "Militants fired rockets.", source="Herald"),
    Article("post", SUNDAY, "A car bomb killed seven.", url="https://www.post.example/x"),
]


def test_merge_counts_mentions_articles_sources_and_dates():
    events = {tuple(e.mention_ids): e for e in merge_mentions(POOL, ARTICLES)}
    assert set(events) == {("m1", "m2", "m3", "m7"), ("m4",), ("m5", "m6")}
    rockets = events[("m1", "m2", "m3", "m7")]
    assert (rockets.num_mentions, rockets.num_articles, rockets.num_sources) == (4, 3, 2)
    assert (rockets.first_seen, rockets.last_seen) == (SUNDAY, SUNDAY + dt.timedelta(1))
    assert rockets.event_id.startswith("ev-") and rockets.mention.location == BAGHDAD
    market = events[("m5", "m6")]
    assert market.mention.casualties is not None  # gaps filled from the other mention


@settings(max_examples=30, deadline=None)
@given(st.permutations(POOL), st.permutations(ARTICLES))
def test_merge_is_order_independent(mentions, articles):
    assert merge_mentions(mentions, articles) == merge_mentions(POOL, ARTICLES)


# -- the incremental store -----------------------------------------------------------


def snapshot(store: Store) -> dict[str, list]:
    con = store._con
    tables = ("articles", "mentions", "events", "event_mentions")
    return {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}").fetchall())) for t in tables}


def batches_of(order: list[int], size: int) -> list[tuple[list[Article], list[EventMention]]]:
    chosen = [ARTICLES[i] for i in order]
    out = []
    for start in range(0, len(chosen), size):
        arts = chosen[start : start + size]
        ids = {a.id for a in arts}
        out.append((arts, [m for m in POOL if m.article_id in ids]))
    return out


@settings(max_examples=15, deadline=None)
@given(st.permutations(range(len(ARTICLES))), st.integers(1, 4))
def test_store_batches_in_any_order_give_the_one_shot_merge(order, size):
    with Store(":memory:") as one_shot, Store(":memory:") as incremental:
        one_shot.write_merged(ARTICLES, POOL)
        for arts, ms in batches_of(list(order), size):
            incremental.write_merged(arts, ms)
        assert snapshot(incremental) == snapshot(one_shot)
        rows = one_shot.query_events()
        assert sorted(tuple(r["mention_ids"]) for r in rows) == sorted(
            e.mention_ids for e in merge_mentions(POOL, ARTICLES)
        )
        before = snapshot(one_shot)
        assert one_shot.write_merged(ARTICLES, POOL).total == 0  # re-ingesting: a no-op
        assert snapshot(one_shot) == before


def test_a_late_mention_joins_and_renames_a_stored_event():
    with Store(":memory:") as store:
        first = store.write_merged(ARTICLES[:1], [m for m in POOL if m.article_id == "wire"])
        assert first.events == 1
        late = dataclasses.replace(POOL[2], event_id="m0", article_id="late")
        article = Article("late", SUNDAY, "Rockets hit a base.", source="Late News")
        counts = store.write_merged([article], [late])
        (row,) = store.query_events()
        assert row["mention_ids"] == ["m0", "m1", "m2"] and counts.events == 1
        reports = store.mentions_of([row["event_id"]])[row["event_id"]]
        assert [r["article_id"] for r in reports] == ["late", "wire", "wire"]
        assert reports[0]["evidence"] == late.evidence and reports[0]["article_source"]


def test_a_new_story_is_compared_once_with_each_stored_event(monkeypatch):
    calls: list[tuple[str, str]] = []

    def counted(s: Story, t: Story) -> bool:
        calls.append((s.article_id, t.article_id))
        return same_event(s, t)

    late = dataclasses.replace(POOL[0], event_id="m0", article_id="late")
    article = Article("late", SUNDAY, "Rockets hit a base.", source="Late News")
    with Store(":memory:") as store, Store(":memory:") as one_shot:
        store.write_merged(ARTICLES, POOL)
        monkeypatch.setattr(merging, "same_event", counted)
        store.write_merged([article], [late])
        one_shot.write_merged([*ARTICLES, article], [*POOL, late])
        assert snapshot(store) == snapshot(one_shot)
    # stored stories: wire, herald, copy (one event) and post; the first links, so the
    # event's other two are skipped
    assert sorted(calls) == [("late", "post"), ("late", "wire")]


# -- GDELT export --------------------------------------------------------------------


def test_gdelt_export_has_the_61_columns_in_order(tmp_path):
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:6] == ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
                                 "Actor1Code")  # fmt: skip
    assert GDELT_COLUMNS[25:35] == (
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
        "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    )  # fmt: skip
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    assert GDELT_COLUMNS[51:53] == ("ActionGeo_Type", "ActionGeo_FullName")
    with Store(":memory:") as store:
        arts = [dataclasses.replace(a, url=f"https://x.example/{a.id}") for a in ARTICLES]
        store.write_merged(arts, POOL)
        out = tmp_path / "events.tsv"
        assert store.export("gdelt", out) == 3
        lines = out.read_text(encoding="utf-8").splitlines()
        store.export("gdelt", tmp_path / "h.tsv", header=True)
        assert (tmp_path / "h.tsv").read_text().splitlines()[0].split("\t") == list(GDELT_COLUMNS)
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    rockets = next(r for r in rows if r["NumMentions"] == "4")
    assert rockets["Day"] == "20230312" and rockets["FractionDate"] == "2023.1945"
    assert (rockets["NumSources"], rockets["NumArticles"]) == ("2", "3")
    assert rockets["EventRootCode"] == "19" and rockets["Actor2Code"] == "IRQMIL"
    assert rockets["ActionGeo_CountryCode"] == "IZ" and rockets["ActionGeo_Type"] == "4"
    assert rockets["ActionGeo_FeatureID"] == "98182" and rockets["ActionGeo_ADM1Code"] == "IZ07"
    assert rockets["DATEADDED"] == "20230312000000"
    assert rockets["SOURCEURL"].startswith("https://x.example/")
    assert rockets["GlobalEventID"].isdigit() and rockets["AvgTone"] == ""


# -- a run killed with SIGKILL mid-ingest, then re-run -------------------------------

INGEST = "import sys; from tidings.cli import app; sys.argv[0] = 'tidings'; app()"


def ingest(corpus: Path, db: Path, kill_after: int = 0) -> subprocess.CompletedProcess:
    env = {**os.environ, "TIDINGS_TEST_KILL_AFTER_BATCHES": str(kill_after or "")}
    command = [sys.executable, "-c", INGEST, "ingest", str(corpus), "--db", str(db)]
    return subprocess.run(
        [*command, "--batch-size", "4"], env=env, capture_output=True, text=True, timeout=300
    )


def tables(db: Path, names: tuple[str, ...]) -> dict[str, list[str]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {n: sorted(map(repr, con.execute(f"SELECT * FROM {n}").fetchall())) for n in names}


def test_sigkill_mid_ingest_then_rerun_gives_the_uninterrupted_tables(tmp_path):
    lines = (ROOT / "examples" / "merge" / "articles.jsonl").read_text().splitlines()
    lines = lines[::2] + lines[1::2]  # reports of one event land in different batches
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    killed, whole = tmp_path / "killed.duckdb", tmp_path / "whole.duckdb"

    crash = ingest(corpus, killed, kill_after=2)
    assert crash.returncode == -signal.SIGKILL, crash.stderr
    partial = tables(killed, ("articles",))["articles"]
    assert len(partial) == 8  # two whole batches of 4 were committed, no more
    assert ingest(corpus, killed).returncode == 0
    assert ingest(corpus, whole).returncode == 0
    everything = ("articles", "mentions", "events", "event_mentions", "rejects", "meta")
    assert tables(killed, everything) == tables(whole, everything)

    counts = {t: len(rows) for t, rows in tables(whole, ("events", "mentions")).items()}
    assert counts["events"] < counts["mentions"]  # mentions were merged
