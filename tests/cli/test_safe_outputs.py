"""Outputs never destroy data: an output that is an input or the store is refused before
anything is opened, an export replaces its target only once complete, and a store that
is not there is an error rather than a new empty one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from tidings import verbs
from tidings.cli import app
from tidings.errors import ConfigError, InputError, OutputError, StoreError

runner = CliRunner()

ARTICLE = {
    "id": "lagos-1",
    "date": "2020-10-21",
    "text": "Police arrested 40 protesters in Lagos on Tuesday.",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "articles.jsonl"
    path.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def store(corpus, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("store") / "t.duckdb"
    verbs.ingest(corpus, db=db)
    return db


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "gdelt"])
def test_export_onto_the_store_is_refused_and_leaves_it_whole(store, fmt):
    before = store.read_bytes()
    result = runner.invoke(app, ["export", "--db", str(store), "--format", fmt, "-o", str(store)])
    assert result.exit_code == 2
    assert "T006" in result.output
    assert store.read_bytes() == before
    assert verbs.query(db=store)


def test_export_onto_the_store_spelt_another_way_is_refused(store, monkeypatch):
    monkeypatch.chdir(store.parent)
    with pytest.raises(OutputError):
        verbs.export(output=f"../{store.parent.name}/./{store.name}", db=store.name)


def test_extract_onto_its_input_is_refused_and_leaves_it_whole(corpus):
    before = corpus.read_bytes()
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(corpus)])
    assert result.exit_code == 2
    assert "T006" in result.output
    assert corpus.read_bytes() == before


def test_extract_whose_rejects_file_is_an_input_is_refused(tmp_path):
    rejects = tmp_path / "events.rejects.jsonl"
    rejects.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    before = rejects.read_bytes()
    with pytest.raises(OutputError):
        verbs.extract(rejects, output=tmp_path / "events.jsonl")
    assert rejects.read_bytes() == before


def test_extract_into_an_input_folder_is_refused(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    with pytest.raises(OutputError):
        verbs.extract(tmp_path, output=tmp_path / "events.jsonl")
    assert not (tmp_path / "events.jsonl").exists()


def test_outputs_into_a_missing_folder_are_refused_before_the_model_loads(corpus, tmp_path):
    out = tmp_path / "no" / "such" / "events.jsonl"
    for verb in (verbs.extract, verbs.times, verbs.places):
        with pytest.raises(OutputError, match="does not exist"):
            verb(corpus, output=out, model="no_such_model")  # the model would fail: T001
    assert not (tmp_path / "no").exists()


def test_audit_sheet_onto_the_store_is_refused(store):
    before = store.read_bytes()
    with pytest.raises(OutputError):
        verbs.audit_sample(db=store, output=store)
    assert store.read_bytes() == before


def test_export_replaces_an_existing_target_only_once_complete(store, tmp_path, monkeypatch):
    out = tmp_path / "events.jsonl"
    out.write_text("the previous export\n", encoding="utf-8")

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("tidings.store.exports._export_jsonl", broken)
    with pytest.raises(Exception, match="disk full"):
        verbs.export(output=out, db=store)
    assert out.read_text(encoding="utf-8") == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.jsonl"]  # no partial file left
    monkeypatch.undo()
    assert verbs.export(output=out, db=store) == len(out.read_text().splitlines()) > 0


@pytest.mark.parametrize("command", [["query"], ["export", "-o", "out.jsonl"]])
def test_a_store_that_is_not_there_is_an_error_and_nothing_is_created(
    tmp_path, monkeypatch, command
):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, [*command, "--db", "typo.duckdb"])
    assert result.exit_code == 2
    assert "no store at typo.duckdb" in result.output
    assert list(tmp_path.iterdir()) == []


def test_query_and_export_verbs_refuse_a_missing_store(tmp_path):
    with pytest.raises(InputError):
        verbs.query(db=tmp_path / "typo.duckdb")
    with pytest.raises(InputError):
        verbs.export(output=tmp_path / "out.jsonl", db=tmp_path / "typo.duckdb")
    assert list(tmp_path.iterdir()) == []


def test_a_negative_query_limit_is_an_error_not_a_traceback(store):
    result = runner.invoke(app, ["query", "--db", str(store), "--limit", "-1"])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    with pytest.raises(ConfigError):
        verbs.query(db=store, limit=-1)
    assert len(verbs.query(db=store, limit=0)) == 0


def test_ingest_into_a_store_it_cannot_open_fails_before_the_model_loads(corpus, tmp_path):
    """A second writer (or a foreign file) used to fail only after the model had loaded."""
    foreign = tmp_path / "other.duckdb"
    with duckdb.connect(str(foreign)) as con:
        con.execute("CREATE TABLE orders (id INTEGER)")
    with pytest.raises(StoreError, match="not a Tidings store"):
        verbs.ingest(corpus, db=foreign, model="no_such_model")  # the model would be T001
    db = tmp_path / "t.duckdb"
    code = (
        "import sys, time; from tidings.store import Store; s = Store(sys.argv[1]); "
        "print('open', flush=True); time.sleep(60)"
    )
    writer = subprocess.Popen([sys.executable, "-c", code, str(db)], stdout=subprocess.PIPE)
    try:
        assert writer.stdout.readline().strip() == b"open"
        with pytest.raises(StoreError, match="cannot open the store"):
            verbs.ingest(corpus, db=db, model="no_such_model")
    finally:
        writer.kill()
        writer.wait()


def test_reading_commands_open_the_store_read_only(store, tmp_path):
    """query, export and audit sample share the store with other readers and write
    nothing to it (a read-only store file could not be queried)."""
    code = (
        "import sys, time; from tidings.store import Store; "
        "s = Store(sys.argv[1], read_only=True); print('open', flush=True); time.sleep(60)"
    )
    before = store.read_bytes()
    reader = subprocess.Popen([sys.executable, "-c", code, str(store)], stdout=subprocess.PIPE)
    try:
        assert reader.stdout.readline().strip() == b"open"
        assert verbs.query(db=store)
        assert verbs.export(output=tmp_path / "events.jsonl", db=store) > 0
        assert verbs.audit_sample(db=store, n=1)
    finally:
        reader.kill()
        reader.wait()
    assert store.read_bytes() == before


def test_an_extract_that_fails_leaves_the_last_output_whole(corpus, tmp_path, monkeypatch):
    out = tmp_path / "events.jsonl"
    assert verbs.extract(corpus, output=out) > 0
    before = out.read_bytes()

    def broken(self, items, known=None):
        raise RuntimeError("killed mid-run")
        yield

    monkeypatch.setattr("tidings.pipeline.Pipeline.run", broken)
    with pytest.raises(RuntimeError):
        verbs.extract(corpus, output=out)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.jsonl"]  # no partial left


@pytest.mark.skipif(not Path(os.devnull).exists(), reason="needs a null device")
def test_a_device_output_is_written_through_never_replaced(corpus, store):
    assert verbs.extract(corpus, output=os.devnull) > 0
    assert verbs.export(output=os.devnull, db=store) > 0
    assert Path(os.devnull).is_char_device()


def test_an_output_through_a_link_replaces_the_file_it_names(corpus, store, tmp_path):
    real = tmp_path / "real.jsonl"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    assert verbs.export(output=link, db=store) > 0
    assert link.is_symlink() and real.read_text(encoding="utf-8") != "old\n"
    real.write_text("old\n", encoding="utf-8")
    assert verbs.extract(corpus, output=link) > 0
    assert link.is_symlink() and real.read_text(encoding="utf-8") != "old\n"


def test_the_rejects_file_of_stdout_output_is_never_an_input(tmp_path, monkeypatch):
    """With no -o the rejects go to ./tidings.rejects.jsonl, which each run replaces: an
    input of that name would be deleted before it was read."""
    monkeypatch.chdir(tmp_path)
    named = tmp_path / "tidings.rejects.jsonl"
    named.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "tidings.rejects.jsonl"])
    assert result.exit_code == 2 and "T006" in result.output
    assert named.read_text(encoding="utf-8") == json.dumps(ARTICLE) + "\n"


def test_an_export_keeps_the_compression_its_name_asks_for(store, tmp_path):
    """DuckDB reads compression from the name: the partial file must end with it."""
    out = tmp_path / "events.csv.gz"
    written = verbs.export(output=out, format="csv", db=store)
    assert out.read_bytes()[:2] == b"\x1f\x8b"  # gzip
    assert duckdb.sql(f"select count(*) from read_csv('{out}')").fetchall() == [(written,)]
