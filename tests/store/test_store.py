"""The DuckDB store: flat roundtrip, idempotent batches, atomicity, queries, exports."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tidings.store.exports as store_exports
from tidings.errors import ConfigError, StoreError
from tidings.model import (
    Acled,
    Actor,
    Article,
    Cameo,
    Casualties,
    Event,
    EventMention,
    Place,
    Plover,
    Rejected,
    to_record,
)
from tidings.store import (
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    BatchCounts,
    Store,
    flatten_event,
    flatten_mention,
    rebuild_event,
    rebuild_mention,
)

BRIEF_COLUMNS = [
    "event_id",
    "article_id",
    "sentence_index",
    "evidence",
    "trigger",
    "trigger_start",
    "trigger_end",
    "cameo_code",
    "cameo_root",
    "quad_class",
    "goldstein",
    "plover_type",
    "plover_mode",
    "acled_event_type",
    "acled_sub_event_type",
    "source_text",
    "source_code",
    "source_country",
    "source_sector",
    "target_text",
    "target_code",
    "target_country",
    "target_sector",
    "date",
    "date_end",
    "date_precision",
    "date_text",
    "date_is_fallback",
    "location_name",
    "geonameid",
    "location_country",
    "location_admin1",
    "lat",
    "lon",
    "location_precision",
    "killed_min",
    "killed_max",
    "injured_min",
    "injured_max",
    "arrested_min",
    "arrested_max",
    "abducted_min",
    "abducted_max",
    "displaced_min",
    "displaced_max",
    "casualties_text",
    "modality",
    "attributed_to_text",
    "attributed_to_code",
    "confidence",
]
TABLE_NAMES = ("articles", "mentions", "events", "event_mentions", "rejects", "meta")


def full_mention() -> EventMention:
    """Every field set, none to its default."""
    return EventMention(
        event_id="m-full",
        article_id="a1",
        sentence_index=3,
        evidence="A drone struck the residence of Iraq's prime minister on Sunday.",
        trigger="struck",
        trigger_start=120,
        trigger_end=126,
        cameo=Cameo(code="183", root="18", quad_class=4, goldstein=-10.0, name="suicide bombing"),
        plover=Plover(type="ASSAULT", mode="aerial weapons"),
        acled=Acled(event_type="Explosions/Remote violence", sub_event_type="Drone strike"),
        source=Actor("a drone", "IRQREB", "IRQ", "REB", affiliation="IRN", basis="known"),
        target=Actor("prime minister", "IRQGOV", "IRQ", "GOV", affiliation="IRQ", basis="inferred"),
        date=dt.date(2021, 11, 7),
        date_end=dt.date(2021, 11, 8),
        date_precision="day",
        date_text="early Sunday",
        date_is_fallback=True,
        location=Place(
            name="Baghdad",
            geonameid=98182,
            country="IRQ",
            admin1="Baghdad",
            lat=33.34058,
            lon=44.40088,
            precision="city",
            feature="P.PPLC",
        ),
        location_text="in Baghdad",
        casualties=Casualties(1, 2, 6, 9, 0, 0, 3, 4, 100, 200, text="several guards hurt"),
        modality="denied",
        attributed_to=Actor("Ned Price", "USAGOV", "USA", "GOV", affiliation="USA", basis="known"),
        confidence=0.875,
    )


def mention(event_id: str, article_id: str = "a1", **kw: object) -> EventMention:
    """A small mention; keyword arguments override fields."""
    fields: dict[str, object] = dict(
        event_id=event_id,
        article_id=article_id,
        sentence_index=0,
        evidence=f"evidence {event_id}",
        trigger="said",
        trigger_start=0,
        trigger_end=4,
        cameo=Cameo(code="010", root="01", quad_class=1, goldstein=0.0),
    )
    fields.update(kw)
    return EventMention(**fields)  # type: ignore[arg-type]


def article(article_id: str, day: int = 7) -> Article:
    return Article(id=article_id, date=dt.date(2021, 11, day), text=f"text of {article_id}")


def event_of(m: EventMention) -> Event:
    return Event(event_id=m.event_id, mention=m, mention_ids=(m.event_id,))


def snapshot(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Every table's full content, sorted, to compare stores for equality."""
    con = store._con
    return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLE_NAMES}


@pytest.fixture
def store():
    with Store(":memory:") as s:
        yield s


# -- flat roundtrip ------------------------------------------------------------------


def test_columns_cover_the_brief_and_event_columns_extend_them():
    assert set(BRIEF_COLUMNS) <= set(MENTION_COLUMNS)
    assert len(set(MENTION_COLUMNS)) == len(MENTION_COLUMNS)
    assert set(MENTION_COLUMNS) - {"event_id"} <= set(EVENT_COLUMNS)
    assert list(flatten_mention(full_mention())) == list(MENTION_COLUMNS)


def leaves(record: object, where: str = "") -> list[tuple[str, object]]:
    if isinstance(record, dict):
        return [leaf for k, v in record.items() for leaf in leaves(v, f"{where}.{k}")]
    return [(where, record)]


def test_full_mention_sets_every_field():
    m = full_mention()
    for f in dataclasses.fields(EventMention):
        if f.default is not dataclasses.MISSING:
            assert getattr(m, f.name) != f.default, f.name
    assert [where for where, value in leaves(to_record(m)) if value is None] == []


@pytest.mark.parametrize(
    "m",
    [
        full_mention(),
        mention("bare"),
        mention("empty-strings", source=Actor(text=""), casualties=Casualties(), date_text=""),
        mention("no-mode", plover=Plover("PROTEST"), acled=Acled("Protests")),
    ],
    ids=["full", "bare", "empty-strings", "no-mode"],
)
def test_flatten_rebuild_roundtrip(store, m):
    assert rebuild_mention(flatten_mention(m)) == m
    store.write_batch([], [m], [event_of(m)], [])
    cursor = store._con.execute("SELECT * FROM mentions")
    names = [d[0] for d in cursor.description]
    (row,) = cursor.fetchall()
    assert rebuild_mention(dict(zip(names, row, strict=True))) == m


def test_event_roundtrip_through_the_store(store):
    m = full_mention()
    e = Event(
        "ev1",
        m,
        mention_ids=("m-full", "m-other"),
        num_mentions=2,
        num_sources=2,
        first_seen=dt.date(2021, 11, 7),
        last_seen=dt.date(2021, 11, 9),
    )
    assert rebuild_event(flatten_event(e)) == e
    store.write_batch([], [m], [e], [])
    (row,) = store.query_events()
    assert rebuild_event(row) == e
    links = store._con.execute("SELECT * FROM event_mentions ORDER BY mention_id").fetchall()
    assert links == [("ev1", "m-full"), ("ev1", "m-other")]


# -- batches -------------------------------------------------------------------------


def a_batch():
    ms = [full_mention(), mention("m2"), mention("m3", article_id="a2")]
    rejects = [Rejected("in.jsonl", 4, "R003 malformed JSON line", "{oops")]
    return [article("a1"), article("a2", 8)], ms, [event_of(m) for m in ms], rejects


def test_write_batch_counts_then_the_same_batch_twice_changes_nothing(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        first = store.write_batch(*a_batch())
        assert first == BatchCounts(articles=2, mentions=3, events=3, event_mentions=3, rejects=1)
        before = snapshot(store)
        assert store.write_batch(*a_batch()) == BatchCounts()
        assert snapshot(store) == before
    with Store(tmp_path / "t.duckdb") as reopened:  # reopening adds nothing either
        assert snapshot(reopened) == before


def test_duplicates_inside_one_batch_are_stored_once(store):
    articles, ms, events, rejects = a_batch()
    counts = store.write_batch(articles * 2, ms * 2, events * 2, rejects * 2)
    assert counts.total == 2 + 3 + 3 + 3 + 1


def test_failed_batch_leaves_no_partial_rows(store, monkeypatch):
    store.write_batch([article("a0")], [mention("m0", "a0")], [], [])
    committed = snapshot(store)
    real_insert = Store._insert

    def insert_then_fail(self, table, rows):
        if table == "mentions":
            raise RuntimeError("disk on fire")
        return real_insert(self, table, rows)

    monkeypatch.setattr(Store, "_insert", insert_then_fail)
    with pytest.raises(StoreError, match="disk on fire.*run again"):
        store.write_batch(*a_batch())
    assert snapshot(store) == committed  # the articles inserted first were rolled back
    monkeypatch.undo()
    assert store.write_batch(*a_batch()).articles == 2  # and the store still works


def test_a_value_duckdb_refuses_rolls_back_the_batch(store):
    articles, ms, events, rejects = a_batch()
    bad = dataclasses.replace(ms[1], sentence_index="not a number")  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="Nothing of this batch was stored"):
        store.write_batch(articles, [ms[0], bad], events, rejects)
    assert all(n == 0 for n in store.counts().values())
    assert store.write_batch(articles, ms, events, rejects).mentions == 3  # no stray staged rows
    assert store.counts()["mentions"] == 3


def test_known_articles_and_counts(store):
    assert store.known_articles(["a1"]) == set()
    assert store.counts() == dict.fromkeys(
        ["articles", "mentions", "events", "event_mentions", "rejects"], 0
    )
    store.write_batch(*a_batch())
    assert store.known_articles(["a1", "zz", "a2", "a1"]) == {"a1", "a2"}
    assert store.known_articles(iter([])) == set()
    assert store.counts() == {
        "articles": 2,
        "mentions": 3,
        "events": 3,
        "event_mentions": 3,
        "rejects": 1,
    }


def test_mention_rows_carry_their_article_and_come_in_story_order(store):
    later = mention("m-b", "a2", sentence_index=1)
    store.write_merged(
        [article("a1", day=9), article("a2", day=8)],
        [mention("m-c", "a1"), later, mention("m-a", "a2", sentence_index=2)],
    )
    assert store.mention_ids() == ["m-a", "m-b", "m-c"]
    rows = store.mention_rows(["m-c", "m-a", "m-b", "m-none"])
    assert [r["event_id"] for r in rows] == ["m-b", "m-a", "m-c"]  # by article date, sentence
    assert rows[0]["article_date"] == dt.date(2021, 11, 8)
    assert rows[0]["article_text"] == "text of a2" and rows[0]["evidence"] == later.evidence
    assert store.mention_rows([]) == []


def test_no_wall_clock_columns(store):
    types = store._con.execute(
        "SELECT DISTINCT data_type FROM information_schema.columns"
    ).fetchall()
    assert not any("TIME" in t for (t,) in types)


# -- queries -------------------------------------------------------------------------

IRQ = Actor.of("Iraqi officials", "IRQ", "GOV")
USA = Actor.of("the United States", "USA", "GOV")
MIL = Actor.of("pro-Iran militias", "IRQ", "REB")
IRAQ_PLACE = Place("Baghdad", 98182, "IRQ", "Baghdad", 33.3, 44.4, "city")
QUERY_ROWS = [
    mention("q1", date=dt.date(2021, 11, 7), source=MIL, target=IRQ, location=IRAQ_PLACE,
            cameo=Cameo("183", "18", 4, -10.0)),
    mention("q2", date=dt.date(2021, 11, 7), source=USA, target=IRQ,
            cameo=Cameo("111", "11", 3, -2.0)),
    mention("q3", date=dt.date(2021, 11, 8), source=USA, cameo=Cameo("057", "05", 1, 8.0)),
    mention("q4", date=dt.date(2021, 10, 1), source=MIL, cameo=Cameo("141", "14", 3, -6.5)),
    mention("q5", source=Actor.of("Saudi Arabia", "SAU", None), cameo=Cameo("0421", "04", 1, 3.5)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["q4", "q1", "q2", "q3", "q5"]),
        ({"since": dt.date(2021, 11, 7)}, ["q1", "q2", "q3"]),
        ({"until": dt.date(2021, 11, 7)}, ["q4", "q1", "q2"]),
        ({"since": "2021-11-07", "until": "2021-11-07"}, ["q1", "q2"]),
        ({"country": "irq"}, ["q4", "q1", "q2"]),
        ({"country": "USA"}, ["q2", "q3"]),
        ({"country": "SAU"}, ["q5"]),
        ({"actor": "usa"}, ["q2", "q3"]),
        ({"actor": "IRQREB"}, ["q4", "q1"]),
        ({"actor": "IRQ"}, ["q4", "q1", "q2"]),
        ({"actor": "militias"}, ["q4", "q1"]),
        ({"actor": "saudi"}, ["q5"]),
        ({"root": "18"}, ["q1"]),
        ({"root": "4"}, ["q5"]),
        ({"code": "04"}, ["q5"]),
        ({"code": "1"}, ["q4", "q1", "q2"]),
        ({"code": "18", "country": "USA"}, []),
        ({"limit": 2}, ["q4", "q1"]),
        ({"country": "IRQ", "since": dt.date(2021, 11, 1), "limit": 1}, ["q1"]),
    ],
)
def test_query_filters(store, filters, expected):
    store.write_batch([], QUERY_ROWS, [event_of(m) for m in QUERY_ROWS], [])
    rows = store.query_events(**filters)
    assert [r["event_id"] for r in rows] == expected
    assert all(set(r) == set(EVENT_COLUMNS) for r in rows)


# -- exports -------------------------------------------------------------------------


@pytest.mark.parametrize("table", ["events", "mentions"])
@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_reads_back(store, tmp_path, fmt, table):
    store.write_batch([], QUERY_ROWS, [event_of(m) for m in QUERY_ROWS], [])
    out = tmp_path / f"out.{fmt}"
    assert store.export(fmt, out, table=table) == len(QUERY_ROWS)
    reader = {"csv": "read_csv", "jsonl": "read_json", "parquet": "read_parquet"}[fmt]
    con = duckdb.connect()
    ids = [r[0] for r in con.execute(f"SELECT event_id FROM {reader}(?)", [str(out)]).fetchall()]
    assert ids == ["q4", "q1", "q2", "q3", "q5"]  # by date, undated last


def test_jsonl_export_pages_and_matches_to_record(store, tmp_path, monkeypatch):
    monkeypatch.setattr(store_exports, "_PAGE", 2)  # several pages, one boundary among equal dates
    ms = [*QUERY_ROWS, mention("q6"), mention("q0", date=dt.date(2021, 11, 7))]
    events = [event_of(m) for m in ms]
    store.write_batch([], ms, events, [])
    out = tmp_path / "m.jsonl"
    assert store.export("jsonl", out, table="mentions") == len(ms)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_id = {m.event_id: to_record(m) for m in ms}
    assert [r["event_id"] for r in records] == ["q4", "q0", "q1", "q2", "q3", "q5", "q6"]
    assert all(r == by_id[r["event_id"]] for r in records)
    store.export("jsonl", out, table="events")
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert first["cameo"]["root"] == "14"
    assert first["mention_ids"] == ["q4"] and first["num_articles"] == 1
    assert first["first_seen"] is None and "last_seen" in first


def test_gdelt_holds_only_events_and_unknown_formats_are_refused(store, tmp_path):
    with pytest.raises(ConfigError, match="GDELT event table holds events"):
        store.export("gdelt", tmp_path / "m.tsv", table="mentions")
    with pytest.raises(ConfigError, match="unknown export format"):
        store.export("xml", tmp_path / "e.xml")  # type: ignore[arg-type]


def test_export_to_a_missing_folder_is_a_store_error(store, tmp_path):
    with pytest.raises(StoreError, match="folder exists"):
        store.export("csv", tmp_path / "nope" / "x.csv")
    with pytest.raises(StoreError, match="folder exists"):
        store.export("jsonl", tmp_path / "nope" / "x.jsonl")


# -- opening -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["directory", "not-duckdb", "missing-folder"])
def test_unopenable_path_is_a_store_error(tmp_path, kind):
    path = {
        "directory": tmp_path,
        "not-duckdb": tmp_path / "junk.duckdb",
        "missing-folder": tmp_path / "no" / "such" / "t.duckdb",
    }[kind]
    if kind == "not-duckdb":
        path.write_text("this is not a database\n" * 500)
    with pytest.raises(StoreError, match="cannot open the store") as info:
        Store(path)
    assert "T004" in str(info.value)


def test_a_store_another_process_holds_is_a_store_error(tmp_path):
    path = tmp_path / "held.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreError, match="no other process has it open"):
            Store(path)
    finally:
        holder.communicate("", timeout=30)  # EOF on stdin lets it close the database


HOLD_LOCK = """
import sys, duckdb
con = duckdb.connect(sys.argv[1])
print("held", flush=True)
sys.stdin.read()
con.close()
"""


def test_other_schema_version_is_a_store_error(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store(path) as s:
        s._con.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="schema version 0"):
        Store(path)


def test_an_older_store_is_refused_and_left_as_it_was(tmp_path):
    path = tmp_path / "v2.duckdb"
    with Store(path) as s:
        s._con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
        s._con.execute("DROP TABLE story_spans")
    with pytest.raises(StoreError, match="schema version 2, this Tidings writes version 4"):
        Store(path)
    con = duckdb.connect(str(path))
    tables = {
        r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }
    con.close()
    assert "story_spans" not in tables and "events" in tables


# -- idempotence and commutativity ---------------------------------------------------

POOL_ARTICLES = [article(f"a{i}", 1 + i) for i in range(4)]
POOL_MENTIONS = [
    mention(f"m{i}", f"a{i % 4}", sentence_index=i, date=dt.date(2021, 11, 1 + i % 3))
    for i in range(6)
]
POOL_REJECTS = [Rejected(f"f{i % 2}.jsonl", i, "R007 empty text") for i in range(4)]
picks = st.lists(st.integers(0, 5), max_size=6)
batches = st.lists(st.tuples(picks, picks, picks, picks), min_size=1, max_size=3)


def apply(store: Store, batch: tuple[list[int], ...]) -> None:
    arts, ms, evs, rjs = batch
    store.write_batch(
        [POOL_ARTICLES[i % 4] for i in arts],
        [POOL_MENTIONS[i] for i in ms],
        [event_of(POOL_MENTIONS[i]) for i in evs],
        [POOL_REJECTS[i % 4] for i in rjs],
    )


@settings(max_examples=25, deadline=None)
@given(batches, st.randoms(use_true_random=False))
def test_batches_in_any_order_and_repeated_give_the_same_tables(batch_list, rnd):
    with Store(":memory:") as ordered, Store(":memory:") as shuffled:
        for b in batch_list:
            apply(ordered, b)
        replay = batch_list * 2
        rnd.shuffle(replay)
        for b in replay:
            apply(shuffled, b)
        assert snapshot(shuffled) == snapshot(ordered)


def test_store_file_default_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with Store() as s:
        assert s.path == "tidings.duckdb"
    assert Path(tmp_path, "tidings.duckdb").is_file()


def test_a_duckdb_file_that_is_not_a_tidings_store_is_refused_untouched(tmp_path):
    """Tidings' tables were once written into it, before a BinderException."""
    path = tmp_path / "other.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE orders (id INTEGER, item VARCHAR)")
        con.execute("INSERT INTO orders VALUES (1, 'tea')")
    with pytest.raises(StoreError, match="not a Tidings store"):
        Store(path)
    with duckdb.connect(str(path), read_only=True) as con:
        tables = con.sql("SELECT table_name FROM information_schema.tables").fetchall()
        assert tables == [("orders",)]
    with Store(tmp_path / "new.duckdb"):
        pass
    with Store(tmp_path / "new.duckdb") as store:  # a Tidings store opens again
        assert store.counts()["articles"] == 0
