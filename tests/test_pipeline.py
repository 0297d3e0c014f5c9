"""End to end on the design's example article: the events a user expects from it."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from tidings.pipeline import Pipeline

ARTICLE_DATE = dt.date(2021, 11, 7)
BAGHDAD = (33.3152, 44.3661)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (lat1, lon1), (lat2, lon2) = (map(math.radians, p) for p in (a, b))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


@pytest.fixture(scope="module")
def events(pipeline, example_article):
    doc = pipeline.nlp(example_article.text)
    return pipeline.analyse(doc, example_article)


def test_attack_on_the_prime_minister_in_baghdad_on_the_day(events):
    attacks = [
        e
        for e in events
        if e.cameo.root in ("18", "19")
        and e.plover is not None
        and e.plover.type == "ASSAULT"
        and e.target is not None
        and (e.target.country, e.target.sector) == ("IRQ", "GOV")
    ]
    assert attacks, "no attack on an IRQ GOV target"
    placed = [
        e
        for e in attacks
        if e.location is not None
        and e.location.lat is not None
        and km((e.location.lat, e.location.lon), BAGHDAD) <= 30
        and e.date == ARTICLE_DATE
        and e.date_precision == "day"
    ]
    assert placed, [(e.trigger, e.location, e.date, e.date_precision) for e in attacks]


def test_united_states_denounces(events):
    assert any(e.cameo.root == "11" and e.source and e.source.country == "USA" for e in events)


def test_iraqi_officials_investigate(events):
    found = [e for e in events if e.cameo.root == "09"]
    assert any(e.source and e.source.country == "IRQ" for e in found), [
        (e.trigger, e.source) for e in found
    ]


def test_protest_covers_the_month_before_the_article(events):
    protests = [e for e in events if e.cameo.root == "14"]
    assert any(
        e.date is not None
        and e.date_end is not None
        and e.date <= ARTICLE_DATE - dt.timedelta(days=28)
        and e.date_end >= ARTICLE_DATE - dt.timedelta(days=1)
        for e in protests
    ), [(e.trigger, e.date, e.date_end, e.date_text) for e in protests]


def test_no_event_is_dated_after_the_article(events):
    assert events
    late = [e for e in events if e.date and max(e.date, e.date_end or e.date) > ARTICLE_DATE]
    assert not late, [(e.trigger, e.date, e.date_end, e.date_text) for e in late]


def test_every_event_is_traceable_to_its_words(events, example_article):
    for e in events:
        assert example_article.text[e.trigger_start : e.trigger_end] == e.trigger
        assert e.trigger in e.evidence
        assert e.article_id == example_article.id


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
    from tidings.model import Article, to_record

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
    from tidings.nlp.ahead import ParseAhead

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
    from tidings.model import Article

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
