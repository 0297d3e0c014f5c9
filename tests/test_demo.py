"""The bundled demo corpus: every report reads, and the coder finds its main events."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tidings.eval.demo import score_demo
from tidings.ingest import read_articles
from tidings.model import Article
from tidings.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "demo"
FLOORS = tomllib.loads((Path(__file__).with_name("floors.toml")).read_text())


@pytest.fixture(scope="module")
def results():
    return list(Pipeline().run(read_articles([DEMO])))


def test_demo_corpus_reads_whole_in_several_formats(results):
    articles = [r.article for batch in results for r in batch.results]
    assert not [r for batch in results for r in batch.rejects]
    assert len(articles) >= 20
    assert {Path(a.origin.split(":")[0]).suffix for a in articles} >= {".txt", ".jsonl"}
    assert all(isinstance(a, Article) for a in articles)


def test_demo_events_cover_many_cameo_roots(results):
    roots = {m.cameo.root for batch in results for r in batch.results for m in r.mentions}
    assert len(roots) >= 10


def test_demo_recall_stays_above_its_floor(results):
    mentions = [m for batch in results for r in batch.results for m in r.mentions]
    score = score_demo(DEMO / "expected.tsv", mentions)
    assert score.rows >= 20
    assert score.root_recall >= FLOORS["demo"]["root_recall"]
    assert score.actor_recall >= FLOORS["demo"]["actor_recall"]
