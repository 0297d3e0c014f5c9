"""Inputs a hostile or careless user gives: each bad article is rejected with its reason,
or coded, and the rest of its batch goes on, in `extract` and `ingest` alike."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest

import tidings
from tidings import verbs
from tidings.errors import InputError
from tidings.model import Rejected

GOOD = {
    "id": "good",
    "date": "2020-10-21",
    "text": "Police arrested 40 protesters in Lagos on Tuesday.",
}


def corpus(folder: Path, *bad: dict[str, str]) -> Path:
    """A JSONL file of the bad records with a good article after them."""
    path = folder / "articles.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in (*bad, GOOD)) + "\n", encoding="utf-8")
    return path


def extracted(path: Path) -> tuple[set[str], list[str]]:
    """The articles `extract` found events in, and the reasons of its rejects."""
    rejects: list[Rejected] = []
    found = {m.article_id for m in verbs.extract(path, on_reject=rejects.append)}
    return found, [r.reason for r in rejects]


def ingested(path: Path, db: Path) -> tuple[list[str], list[str]]:
    """The stored articles' ids and the stored rejects' reasons after `ingest`."""
    verbs.ingest(path, db=db)
    with duckdb.connect(str(db), read_only=True) as con:
        ids = [r[0] for r in con.sql("select article_id from articles").fetchall()]
        reasons = [r[0] for r in con.sql("select reason from rejects").fetchall()]
    return ids, reasons


@pytest.mark.parametrize("parse_ahead", [False, True])
def test_an_article_over_spacys_limit_is_rejected_and_the_batch_goes_on(tmp_path, parse_ahead):
    path = corpus(tmp_path, {"id": "long", "date": "2020-10-21", "text": "word " * 200_001})
    rejects: list[Rejected] = []
    found = {
        m.article_id for m in verbs.extract(path, on_reject=rejects.append, parse_ahead=parse_ahead)
    }
    assert found == {"good"}
    assert [r.reason[:4] for r in rejects] == ["R012"]
    ids, reasons = ingested(path, tmp_path / "t.duckdb")
    assert ids == ["good"] and [r[:4] for r in reasons] == ["R012"]


OUT_OF_RANGE = ["0001-01-01", "1799-12-31", "2101-01-01", "9999-12-31"]


def test_dates_out_of_range_are_rejected_and_the_batch_goes_on(tmp_path):
    text = "Soldiers killed 12 people in Lagos last week. Police arrested 40 protesters."
    path = corpus(tmp_path, *({"id": d, "date": d, "text": text} for d in OUT_OF_RANGE))
    found, reasons = extracted(path)
    assert found == {"good"}
    assert [r[:4] for r in reasons] == ["R013"] * 4
    ids, reasons = ingested(path, tmp_path / "t.duckdb")
    assert ids == ["good"] and sorted(r[:4] for r in reasons) == ["R013"] * 4


RUN_ONS = {
    "conjuncts": "Police " + "walked and " * 1500 + "arrested protesters.",
    "clauses": "Rebels " + "wanted to try to " * 1500 + "attack the town.",
}


@pytest.mark.parametrize("shape", RUN_ONS)
def test_a_run_on_line_deeper_than_the_recursion_limit_is_coded(tmp_path, shape):
    """Each clause of the line hangs off the one before it: a walk up or down the parse
    that recursed (doers, tense_of) hit RecursionError and cost the article (R011)."""
    path = corpus(tmp_path, {"id": "run-on", "date": "2020-10-21", "text": RUN_ONS[shape]})
    found, reasons = extracted(path)
    assert reasons == []
    assert found == {"run-on", "good"}


def test_a_second_record_with_an_id_and_other_text_is_rejected_not_dropped(tmp_path):
    other = {**GOOD, "text": "Soldiers shelled the town of Kharkiv on Monday."}
    path = tmp_path / "articles.jsonl"
    lines = [GOOD, GOOD, other]  # a plain repeat, then the same id with other text
    path.write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    for batch_size in (64, 1):  # in one batch, and across batches
        rejects: list[Rejected] = []
        mentions = list(verbs.extract(path, on_reject=rejects.append, batch_size=batch_size))
        assert {m.evidence for m in mentions} == {GOOD["text"]}
        assert [(r.line, r.reason[:4]) for r in rejects] == [(3, "R016")]
    ids, reasons = ingested(path, tmp_path / "t.duckdb")
    assert ids == ["good"] and [r[:4] for r in reasons] == ["R016"]


def test_rejects_are_kept_once_however_the_path_is_spelt(tmp_path, monkeypatch):
    """Re-ingesting under an absolute path once doubled every stored reject."""
    folder = tmp_path / "in"
    folder.mkdir()
    path = corpus(folder, {"id": "undated", "text": "Police arrested protesters."})
    db = tmp_path / "t.duckdb"
    monkeypatch.chdir(tmp_path)
    for spelt in ("in/articles.jsonl", str(path), "./in/../in/articles.jsonl", "in"):
        verbs.ingest(spelt, db=db)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.sql("select count(*) from rejects").fetchall() == [(1,)]


def test_extract_of_a_text_too_long_or_out_of_range_raises_a_clear_error():
    with pytest.raises(InputError, match="R012"):
        tidings.extract("word " * 200_001, date=dt.date(2020, 10, 21))
    for day in (dt.date(1, 1, 1), dt.date(9999, 12, 31)):
        with pytest.raises(InputError, match="R013"):
            tidings.extract("Police arrested 40 protesters.", date=day)
