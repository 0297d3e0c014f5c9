"""The Python verbs: the command line's options and results, without the command line."""

from __future__ import annotations

import datetime as dt
import inspect
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

import tidings
from tidings import verbs
from tidings.cli import app
from tidings.errors import ConfigError, InputError, TidingsError
from tidings.model import EventMention, Rejected, to_record
from tidings.pipeline import Pipeline

runner = CliRunner()

ARTICLES = [
    {
        "id": "lagos-1",
        "date": "2020-10-21",
        "text": "Police arrested 40 protesters in Lagos on Tuesday. "
        "Soldiers fired on protesters at the Lekki toll gate, killing at least 12 people.",
    },
    {"id": "no-date", "text": "Police arrested protesters."},
    {
        "id": "kyiv-1",
        "date": "2022-03-01T09:00:00+02:00",
        "text": "Russian forces shelled Kharkiv on Monday. Ukraine condemned the attack.",
    },
]

# options that only choose how the command prints what its verb returns
RENDERING = {"query": {"format"}, "evaluate": {"as_json"}, "audit_score": {"as_json"}}
POSITIONAL = {"files", "gold_set", "sheet"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "articles.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def store(corpus, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("store") / "t.duckdb"
    verbs.ingest(corpus, db=db)
    return db


def counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        names = [
            r[0] for r in con.sql("select table_name from information_schema.tables").fetchall()
        ]
        return {n: con.sql(f'select count(*) from "{n}"').fetchall()[0][0] for n in names}


def test_every_command_has_its_verb_with_the_same_options():
    # a sub-command's callback is named as its verb: `audit sample` is audit_sample
    subcommands = [c for g in app.registered_groups for c in g.typer_instance.registered_commands]
    assert "audit_sample" in [c.callback.__name__ for c in subcommands]
    for command in [*app.registered_commands, *subcommands]:
        name = command.callback.__name__
        verb = getattr(verbs, name)
        if name == "ingest":  # tidings.ingest is the ingest stage
            assert inspect.ismodule(tidings.ingest)
        else:
            assert getattr(tidings, name) is verb
        cli = inspect.signature(command.callback).parameters
        mine = inspect.signature(verb).parameters
        first = next(iter(mine.values()))
        for option, param in cli.items():
            if option in RENDERING.get(name, ()):
                assert option not in mine
            elif option in POSITIONAL:
                assert first.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD, name
            else:
                assert mine[option].kind is inspect.Parameter.KEYWORD_ONLY, (name, option)
                assert mine[option].default == param.default, (name, option)


def test_import_tidings_leaves_the_verbs_unloaded():
    code = "import sys, tidings; print('tidings.verbs' in sys.modules, 'spacy' in sys.modules)"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert shown.stdout.split() == ["False", "False"], shown.stderr


def test_extract_text_is_the_pipelines_extract():
    text = "Police arrested 40 protesters in Lagos on Tuesday."
    date = dt.date(2020, 10, 21)
    mine = tidings.extract(text, date=date)
    assert isinstance(mine, list) and all(isinstance(m, EventMention) for m in mine)
    assert [to_record(m) for m in mine] == [to_record(m) for m in Pipeline().extract(text, date)]
    assert tidings.extract(text, date=date) == mine  # the pipeline is loaded once
    with pytest.raises(TypeError, match="date"):
        tidings.extract(text)


def test_extract_over_a_file_equals_the_command(corpus, tmp_path):
    by_cli = tmp_path / "cli.jsonl"
    assert runner.invoke(app, ["extract", str(corpus), "-o", str(by_cli)]).exit_code == 0
    by_verb = tmp_path / "verb.jsonl"
    rejected: list[Rejected] = []
    written = verbs.extract(corpus, output=by_verb, on_reject=rejected.append)
    assert by_verb.read_text() == by_cli.read_text()
    assert (tmp_path / "verb.rejects.jsonl").read_text() == (
        tmp_path / "cli.rejects.jsonl"
    ).read_text()
    assert [r.line for r in rejected] == [2]
    # without an output nothing is written: the mentions are yielded
    mentions = list(verbs.extract([corpus]))
    assert all(isinstance(m, EventMention) for m in mentions)
    lines = [json.loads(line) for line in by_cli.read_text().splitlines()]
    assert [to_record(m) for m in mentions] == lines and written == len(lines) > 0
    by_csv = tmp_path / "verb.csv"
    assert verbs.extract(corpus, output=by_csv, format="csv") == written
    assert duckdb.sql(f"select count(*) from read_csv('{by_csv}')").fetchall()[0][0] == written


def test_extract_strict_raises_once_every_article_is_done(corpus):
    found = verbs.extract(corpus, strict=True)
    with pytest.raises(InputError, match="1 record"):
        for _ in found:
            pass


def test_extract_fails_at_the_call_on_a_bad_model(corpus):
    with pytest.raises(TidingsError, match="no_such_model"):
        verbs.extract(corpus, model="no_such_model")


def test_ingest_twice_leaves_the_same_store(corpus, tmp_path):
    db = tmp_path / "t.duckdb"
    reports: list[verbs.IngestSummary] = []
    first = verbs.ingest(corpus, db=db, progress=reports.append)
    assert first == verbs.IngestSummary(articles=2, skipped=0, rejected=1, events=first.events)
    assert first.events > 0
    assert reports[0] == verbs.IngestSummary() and reports[-1] == first
    stored = counts(db)
    assert stored["articles"] == 2 and stored["rejects"] == 1 and stored["events"] == first.events
    again = verbs.ingest([corpus], db=db)
    assert again == verbs.IngestSummary(articles=2, skipped=2, rejected=1, events=0)
    assert counts(db) == stored


def test_ingest_strict_raises_after_storing(corpus, tmp_path):
    db = tmp_path / "t.duckdb"
    with pytest.raises(InputError, match="rejected"):
        verbs.ingest(corpus, db=db, strict=True)
    assert counts(db)["articles"] == 2


def test_query_filters(store):
    every = verbs.query(db=store)
    assert len(every) == counts(store)["events"] > 0
    arrests = verbs.query(db=store, root="17")
    assert arrests and all(r["cameo_root"] == "17" for r in arrests)
    nigeria = verbs.query(db=store, country="nga")
    places = ("source_country", "target_country", "location_country")
    assert nigeria and all("NGA" in (r[p] for p in places) for r in nigeria)
    since = verbs.query(db=store, since=dt.datetime(2022, 1, 1))
    assert since == verbs.query(db=store, since="2022-01-01")
    assert since and all(r["date"] >= dt.date(2022, 1, 1) for r in since)
    assert len(verbs.query(db=store, limit=1)) == 1
    one = every[0]["event_id"]
    (found,) = verbs.query(db=store, event=one, mentions=True)
    assert found["event_id"] == one and found["mentions"]
    assert all(m["article_id"] in {"lagos-1", "kyiv-1"} for m in found["mentions"])
    assert verbs.query(db=store, event="ev-none") == []


def test_query_equals_the_command(store):
    shown = runner.invoke(app, ["query", "--db", str(store), "--root", "17", "--format", "jsonl"])
    assert shown.exit_code == 0
    lines = [json.loads(x) for x in shown.stdout.splitlines() if x.startswith("{")]
    rows = verbs.query(db=store, root="17")
    assert lines == [json.loads(json.dumps(r, default=str)) for r in rows] and lines


def test_export_writes_a_file_that_reads_back(store, tmp_path):
    out = tmp_path / "events.jsonl"
    written = verbs.export(output=out, db=store)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert written == len(records) == len(verbs.query(db=store)) > 0
    assert {r["event_id"] for r in records} == {r["event_id"] for r in verbs.query(db=store)}
    parquet = tmp_path / "mentions.parquet"
    written = verbs.export(output=parquet, format="parquet", table="mentions", db=store)
    assert duckdb.sql(f"select count(*) from '{parquet}'").fetchall()[0][0] == written
    assert written == counts(store)["mentions"]


def test_times_and_places_equal_the_commands(corpus, tmp_path):
    for verb in ("times", "places"):
        by_cli, by_verb = tmp_path / f"{verb}.cli.jsonl", tmp_path / f"{verb}.verb.jsonl"
        assert runner.invoke(app, [verb, str(corpus), "-o", str(by_cli)]).exit_code == 0
        written = getattr(verbs, verb)(corpus, output=by_verb)
        assert by_verb.read_text() == by_cli.read_text()
        lines = [json.loads(line) for line in by_cli.read_text().splitlines()]
        assert list(getattr(verbs, verb)(corpus)) == lines and written == len(lines) > 0
    assert {"Tuesday", "Monday"} <= {r["text"] for r in verbs.times(corpus)}
    assert "NGA" in {r["country"] for r in verbs.places(corpus)}


def test_demo_returns_the_stored_events(tmp_path):
    corpus = tmp_path / "demo"
    corpus.mkdir()
    (corpus / "a.jsonl").write_text(json.dumps(ARTICLES[0]) + "\n", encoding="utf-8")
    db = tmp_path / "demo.duckdb"
    rows = verbs.demo(db=db, corpus=corpus)
    assert rows and rows == verbs.query(db=db)
    with pytest.raises(TidingsError, match="demo corpus not found"):
        verbs.demo(db=db, corpus=tmp_path / "absent")


GOLD_XML = """<Validation><Sentences>
<Sentence date="20220301" id="G1" evaluate="true">
<EventCoding eventcode="190" sourcecode="RUS" targetcode="UKR" />
<Text>Russian forces shelled Kharkiv in Ukraine.</Text>
</Sentence>
<Sentence date="20220301" id="G2" evaluate="true">
<EventCoding eventcode="111" sourcecode="DEU" targetcode="RUS" />
<Text>Germany condemned Russia.</Text>
</Sentence>
</Sentences></Validation>
"""


def test_evaluate_equals_the_command(tmp_path):
    shared = tmp_path / "shared"
    gold = shared / "reference" / "petrarch" / "PETR2_GSR_validation.xml"
    gold.parent.mkdir(parents=True)
    gold.write_text(GOLD_XML, encoding="utf-8")
    shown = runner.invoke(app, ["eval", "petrarch-gsr", "--shared", str(shared), "--json"])
    assert shown.exit_code == 0, shown.output
    by_cli = json.loads(shown.stdout)["petrarch-gsr"]
    calls: list[tuple[str, int, int]] = []
    scores = verbs.evaluate("petrarch-gsr", shared=shared, progress=lambda *a: calls.append(a))
    assert list(scores) == ["petrarch-gsr"]
    score = scores["petrarch-gsr"]
    assert not isinstance(score, TidingsError)
    assert json.loads(json.dumps(score.rows())) == by_cli["rows"]
    assert calls == [("petrarch-gsr", 0, 2), ("petrarch-gsr", 1, 2), ("petrarch-gsr", 2, 2)]
    with pytest.raises(InputError):
        verbs.evaluate("plover", shared=shared)
    assert isinstance(verbs.evaluate("all", shared=shared)["plover"], InputError)
    with pytest.raises(ConfigError):
        verbs.evaluate("nonesuch", shared=shared)
