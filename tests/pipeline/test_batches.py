"""Batches as `ingest` runs them: parsing ahead in a second process gives the same events,
and an article a stage fails on is rejected while its batch goes on."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings.model import Article, to_record
from tidings.nlp import ParseAhead
from tidings.pipeline import Pipeline

AHEAD_TEXTS = [
    ("a1", "Police arrested 40 protesters in Lagos on Monday."),
    ("a2", "Iran condemned the air strike on Damascus on Sunday."),
    ("a1", "Police arrested 40 protesters in Lagos on Monday."),  # a repeat, next batch
    ("a3", "Russian troops shelled Kharkiv overnight, killing three people."),
    ("a4", "The German chancellor met the French president in Berlin."),
]


def _run(pipeline: Pipeline) -> tuple[list[tuple[str, list]], int]:
    """Run the pipeline as `ingest` does: each batch is stored before the next is asked
    for, and `known` answers from what is stored."""
    stored: set[str] = set()
    articles = [Article(id=i, date=dt.date(2022, 3, 7), text=t) for i, t in AHEAD_TEXTS]
    out, skipped = [], 0
    for batch in pipeline.run(articles, known=lambda ids: stored & set(ids)):
        skipped += batch.skipped
        for result in batch.results:
            out.append((result.article.id, [to_record(m) for m in result.mentions]))
            stored.add(result.article.id)
    return out, skipped


def test_parsing_ahead_in_a_second_process_gives_the_same_events(monkeypatch):
    collected: list[bool] = []  # per batch the worker parsed: did it fail?
    docs = ParseAhead.docs

    def watched(self, parsing, texts):
        found = docs(self, parsing, texts)
        collected.append(self.broken)
        return found

    monkeypatch.setattr(ParseAhead, "docs", watched)
    plain = Pipeline(batch_size=2)
    ahead = Pipeline(batch_size=2, parse_ahead=True)
    if ahead.parse_ahead is False:
        pytest.skip("one core: parse-ahead is off")
    expected, expected_skipped = _run(plain)
    assert [i for i, _ in expected] == ["a1", "a2", "a3", "a4"] and expected_skipped == 1
    # the second batch is planned before the first is stored; its repeat is still skipped
    assert _run(ahead) == (expected, expected_skipped)
    assert collected == [False, False]  # batches 2 and 3 came from the worker
    assert any(mentions for _, mentions in expected)


def test_a_stage_failing_on_one_article_rejects_it_and_the_batch_goes_on(pipeline, monkeypatch):
    analyse = Pipeline.analyse

    def flaky(self, doc, article, *args):
        if "Lagos" in article.text:
            raise ValueError("max() arg is an empty sequence")
        return analyse(self, doc, article, *args)

    monkeypatch.setattr(Pipeline, "analyse", flaky)
    articles = [
        Article(id=i, date=dt.date(2022, 3, 7), text=t, origin=f"news.jsonl:{n}")
        for n, (i, t) in enumerate(AHEAD_TEXTS[1:], 1)
    ]
    (batch,) = pipeline.run(articles)
    assert [r.article.id for r in batch.results] == ["a2", "a3", "a4"]
    (reject,) = batch.rejects
    assert (reject.origin, reject.line) == ("news.jsonl", 2)
    assert reject.reason.startswith("R011") and "article a1: ValueError" in reject.reason
