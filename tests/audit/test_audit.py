"""tidings audit: a worksheet drawn at random from the store, and the judged sheet's scores."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidings import verbs
from tidings.audit import JUDGMENTS, SHEET_COLUMNS, sample, score, wilson, write_sheet
from tidings.cli import app
from tidings.errors import ConfigError, InputError, SheetError
from tidings.model import Actor, Article, Cameo, EventMention, Place
from tidings.store import Store

runner = CliRunner()

# the worksheet's columns, in the order the brief gives them
BRIEF = [
    "mention_id",
    "article_id",
    "article_date",
    "article_title",
    "url",
    "sentence_index",
    "evidence",
    "context",
    "trigger",
    "cameo_code",
    "cameo_root",
    "cameo_name",
    "plover_type",
    "source_text",
    "source_code",
    "source_basis",
    "target_text",
    "target_code",
    "target_basis",
    "date",
    "date_precision",
    "date_text",
    "date_is_fallback",
    "location_name",
    "location_country",
    "modality",
    "attributed_to_text",
    "j_event",
    "j_root",
    "j_code",
    "j_source",
    "j_target",
    "j_date",
    "j_place",
    "note",
]

SENTENCES = (
    "Police arrested 40 protesters in Lagos on Tuesday.",
    "Soldiers fired on the crowd at the Lekki toll gate.",
    "The governor condemned the shooting.",
)


def articles() -> list[Article]:
    text = "\n".join(SENTENCES)
    return [
        Article(
            id=f"a{i}",
            date=dt.date(2020, 10, 20 + i),
            text=text,
            title=f"Lagos story {i}",
            url=f"https://news.example/{i}",
        )
        for i in range(4)
    ]


def mentions() -> list[EventMention]:
    """Three mentions per article, one per sentence (12 in all)."""
    found = []
    for a in articles():
        at = 0
        for index, sentence in enumerate(SENTENCES):
            trigger = sentence.split()[1]
            found.append(
                EventMention(
                    event_id=f"m-{a.id}-{index}",
                    article_id=a.id,
                    sentence_index=index,
                    evidence=sentence,
                    trigger=trigger,
                    trigger_start=at + sentence.index(trigger),
                    trigger_end=at + sentence.index(trigger) + len(trigger),
                    cameo=Cameo("173", "17", 4, -5.0, name="Arrest, detain"),
                    source=Actor.of("Police", "NGA", "COP"),
                    date=a.date,
                    date_precision="day",
                    date_is_fallback=index > 0,
                    location=Place("Lagos", 2332459, "NGA", "Lagos", 6.45, 3.39, "city"),
                )
            )
            at += len(sentence) + 1
    return found


def build(path: Path, order: int = 0) -> Path:
    """A store of the articles and mentions, written in batches in some order."""
    chunks = [mentions()[i : i + 3] for i in range(0, 12, 3)]
    random.Random(order).shuffle(chunks)
    with Store(path) as store:
        for chunk in chunks:
            store.write_merged(articles(), chunk)
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("audit") / "a.duckdb")


def test_the_sheet_has_the_briefs_columns_in_order():
    assert list(SHEET_COLUMNS) == BRIEF
    assert JUDGMENTS == ("j_event", "j_root", "j_code", "j_source", "j_target", "j_date", "j_place")


def test_a_sample_is_n_mentions_the_same_for_a_seed(db):
    with Store(db) as store:
        first = sample(store, 5, seed=1)
        assert sample(store, 5, seed=1) == first
        assert len(first) == len({r.mention_id for r in first}) == 5
        assert any(sample(store, 5, seed=s) != first for s in range(2, 6))
        assert len(sample(store, 50, seed=1)) == 12  # all of them, when there are fewer
        assert sample(store, 0, seed=1) == []
        with pytest.raises(ConfigError):
            sample(store, -1)


def test_the_draw_is_a_uniform_sample_of_the_sorted_ids(db):
    ids = sorted(m.event_id for m in mentions())
    with Store(db) as store:
        drawn = {r.mention_id for r in sample(store, 4, seed=9)}
    assert drawn == set(random.Random(9).sample(ids, 4))


def test_the_draw_does_not_depend_on_the_order_rows_were_stored(tmp_path):
    sheets = []
    for order in (1, 2):
        with Store(build(tmp_path / f"{order}.duckdb", order)) as store:
            sheets.append(sample(store, 6, seed=3))
    assert sheets[0] == sheets[1]


def test_a_row_shows_the_mention_its_article_and_blank_judgments(db):
    with Store(db) as store:
        rows = {r.mention_id: r for r in sample(store, 12, seed=0)}
    row = rows["m-a2-1"]
    assert (row.article_id, row.article_date, row.article_title) == (
        "a2",
        "2020-10-22",
        "Lagos story 2",
    )
    assert (row.url, row.sentence_index, row.trigger) == ("https://news.example/2", "1", "fired")
    assert (row.cameo_code, row.cameo_root, row.cameo_name) == ("173", "17", "Arrest, detain")
    assert (row.source_text, row.source_code, row.source_basis) == ("Police", "NGACOP", "")
    assert (row.target_text, row.date, row.date_is_fallback) == ("", "2020-10-22", "true")
    assert (row.location_name, row.location_country, row.modality) == ("Lagos", "NGA", "asserted")
    assert all(getattr(row, c) == "" for c in (*JUDGMENTS, "note"))
    # the sentences around the evidence, which stands at [...]
    assert row.context == f"{SENTENCES[0]} [...] {SENTENCES[2]}"
    assert rows["m-a2-0"].context == f"[...] {SENTENCES[1]}"
    assert rows["m-a2-2"].context == f"{SENTENCES[1]} [...]"


def test_the_written_sheet_reads_back_with_its_header(db, tmp_path):
    path = tmp_path / "sheet.csv"
    with Store(db) as store, path.open("w", newline="", encoding="utf-8") as out:
        rows = sample(store, 4, seed=2)
        assert write_sheet(rows, out) == 4
    read = list(csv.DictReader(path.open(encoding="utf-8")))
    assert list(read[0]) == BRIEF
    assert read == [dataclasses.asdict(r) for r in rows]


# -- scoring ---------------------------------------------------------------------------

# event root code source target date place: 10 rows judged by hand
JUDGED = [
    "y y y y y y y",  # right in every field
    "y y y y y y y",
    "y y n y y y y",  # code wrong: still right in all fields
    "y y - y n y y",  # target wrong
    "y n n n y y y",
    "y y y y n y -",  # place not judged: out of "all fields"
    "y y y n n y y",
    "Y Y Y Y n y y",  # upper case counts
    "n y y y y y y",  # not an event: its other judgments are not scored
    "- y y y y y y",  # event not judged: nor are these
]


def write_judged(path: Path, lines: list[str], header: list[str] | None = None) -> Path:
    header = header or ["mention_id", "evidence", *JUDGMENTS, "note"]
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        for i, line in enumerate(lines):
            writer.writerow([f"m{i}", f"sentence {i}", *line.split(), ""])
    return path


def test_score_counts_each_field_over_real_events(tmp_path):
    result = score(write_judged(tmp_path / "j.csv", JUDGED))
    got = {f.field: (f.judged, f.right) for f in result.fields}
    assert got == {
        "event": (9, 8),
        "root": (8, 7),
        "code": (7, 5),
        "source": (8, 6),
        "target": (8, 4),
        "date": (8, 8),
        "place": (7, 7),
        "all fields": (7, 3),
    }
    assert result.rows == 10
    assert result["event"].accuracy == pytest.approx(8 / 9)
    assert result["all fields"].accuracy == pytest.approx(3 / 7)


def test_the_interval_is_wilsons():
    # 8 of 9 by hand: p = 8/9, z = 1.96, (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)
    low, high = wilson(8, 9)
    assert (low, high) == (pytest.approx(0.5650, abs=1e-4), pytest.approx(0.9801, abs=1e-4))
    # all right: the lower end is n / (n + z²), the upper end 1
    assert wilson(10, 10) == pytest.approx((10 / (10 + 1.959964**2), 1.0))
    assert wilson(0, 0) is None


def test_scores_as_a_record_keep_the_interval(tmp_path):
    record = score(write_judged(tmp_path / "j.csv", JUDGED)).to_record()
    event = record["fields"][0]
    assert event["field"] == "event" and event["ci95_low"] == pytest.approx(0.5650, abs=1e-4)
    assert record["fields"][-1]["field"] == "all fields"


@pytest.mark.parametrize(
    ("lines", "header", "line", "column"),
    [
        (JUDGED, ["mention_id", *JUDGMENTS[:-1], "note"], 1, "j_place"),
        (JUDGED, ["evidence", *JUDGMENTS, "note"], 1, "mention_id"),
        (["y y y y y y y", "y y yes y y y y"], None, 3, "j_code"),
        (["y y y y y y y", "y y y y y y 1"], None, 3, "j_place"),
        (["y y y y y y"], None, 2, "note"),  # a cell short
    ],
)
def test_a_malformed_sheet_names_its_line_and_column(tmp_path, lines, header, line, column):
    path = tmp_path / "bad.csv"
    if header and "mention_id" not in header:
        write_judged(path, [], header)
    else:
        write_judged(path, lines, header)
    with pytest.raises(SheetError) as caught:
        score(path)
    assert (caught.value.line, caught.value.column) == (line, column)
    assert f"{path}:{line}, column {column}" in str(caught.value)
    assert str(caught.value).startswith("[T005]")


def test_a_note_over_two_lines_keeps_the_line_count(tmp_path):
    path = tmp_path / "notes.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["mention_id", *JUDGMENTS, "note"])
        writer.writerow(["m0", *"yyyyyyy", "first line\nsecond line"])
        writer.writerow([])
        writer.writerow(["m1", *"yyyyyy", "x", ""])
    with pytest.raises(SheetError) as caught:
        score(path)
    assert (caught.value.line, caught.value.column) == (5, "j_place")


def test_a_sheet_saved_with_a_byte_order_mark_scores(tmp_path):
    path = write_judged(tmp_path / "bom.csv", JUDGED[:2])
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert score(path)["event"].right == 2


def test_an_empty_or_missing_sheet_is_an_error(tmp_path):
    (tmp_path / "empty.csv").write_text("")
    with pytest.raises(SheetError, match="empty"):
        score(tmp_path / "empty.csv")
    with pytest.raises(InputError):
        score(tmp_path / "none.csv")


# -- the verbs and the command ---------------------------------------------------------

NEWS = [
    {
        "id": "lagos-1",
        "date": "2020-10-21",
        "text": "Police arrested 40 protesters in Lagos on Tuesday. "
        "Soldiers fired on protesters at the Lekki toll gate, killing at least 12 people.",
    },
    {
        "id": "kyiv-1",
        "date": "2022-03-01",
        "text": "Russian forces shelled Kharkiv on Monday. Ukraine condemned the attack.",
    },
]


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("news")
    (folder / "news.jsonl").write_text("\n".join(json.dumps(a) for a in NEWS) + "\n")
    db = folder / "news.duckdb"
    verbs.ingest(folder / "news.jsonl", db=db)
    return db


def test_sample_then_score_through_the_command(ingested, tmp_path):
    sheet = tmp_path / "sheet.csv"
    args = ["audit", "sample", "--db", str(ingested), "-n", "3", "--seed", "7", "-o", str(sheet)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(sheet.open(encoding="utf-8")))
    assert [r["mention_id"] for r in rows] == [
        r.mention_id for r in verbs.audit_sample(db=ingested, n=3, seed=7)
    ]
    assert len(rows) == 3 and all(r["evidence"] for r in rows)
    for row in rows:
        row.update({c: "y" for c in JUDGMENTS})
    rows[0]["j_target"] = "n"
    with sheet.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, BRIEF)
        writer.writeheader()
        writer.writerows(rows)
    shown = runner.invoke(app, ["audit", "score", str(sheet), "--json"])
    assert shown.exit_code == 0, shown.output
    fields = {f["field"]: f for f in json.loads(shown.stdout)["fields"]}
    assert (fields["event"]["judged"], fields["event"]["right"]) == (3, 3)
    assert (fields["target"]["right"], fields["all fields"]["right"]) == (2, 2)
    table = runner.invoke(app, ["audit", "score", str(sheet)], terminal_width=120)
    assert "95% CI" in table.stdout and "all fields" in table.stdout


def test_sample_without_output_writes_the_sheet_to_stdout(ingested):
    result = runner.invoke(app, ["audit", "sample", "--db", str(ingested), "-n", "2"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == ",".join(BRIEF)
    assert len(list(csv.DictReader(result.stdout.splitlines()))) == 2


def test_the_command_names_a_bad_cell_and_a_missing_store(tmp_path):
    bad = write_judged(tmp_path / "bad.csv", ["y y maybe y y y y"])
    result = runner.invoke(app, ["audit", "score", str(bad)])
    assert result.exit_code == 2 and "T005" in result.output and "j_code" in result.output
    missing = runner.invoke(app, ["audit", "sample", "--db", str(tmp_path / "no.duckdb")])
    assert missing.exit_code == 2 and "no store" in missing.output
    assert not (tmp_path / "no.duckdb").exists()
