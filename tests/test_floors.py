"""Accuracy floors on gold sets, measured and pinned in tests/floors.toml.

Each test scores a stage the way its benchmark script does (reusing the script's own
scoring code) and fails when the figure drops below its floor. Floors are raised as
the code improves and never lowered quietly.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
import tomllib
from pathlib import Path

import pytest

from tidings.eval.petrarch import score_petrarch
from tidings.eval.plover import score_plover
from tidings.eval.wikievents import score_wikievents
from tidings.ingest import read_articles
from tidings.merge import merge_mentions
from tidings.model import Article
from tidings.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
FLOORS = tomllib.loads(Path(__file__).with_name("floors.toml").read_text())


def bench(name: str):
    """A script in bench/ loaded as a module, for its scoring code."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_te3_value_accuracy_stays_above_its_floor(shared):
    heideltime = bench("heideltime")
    tag = heideltime.ours(None)
    score = heideltime.Score()
    for doc in heideltime.read_gold(shared / "eval" / "te3-platinum" / "te3_platinum_dev.jsonl"):
        gold = heideltime.gold_timexes(doc)
        score.add(gold, tag(doc["text"], dt.date.fromisoformat(doc["dct"][:10])), [], doc["id"])
    assert score.gold_dt >= 60
    assert score.value_ok / score.gold_dt >= FLOORS["when"]["te3_value_accuracy"]


def test_timeline_event_dates_stay_above_their_floor(shared, pipeline):
    timeline = bench("timeline")
    tally = timeline.score(shared / "eval" / "semeval2015-timeline", pipeline.nlp)
    assert tally.total >= 200 and tally.unplaced == 0
    assert tally.exact / tally.total >= FLOORS["when"]["timeline_right_date"]


@pytest.fixture(scope="module")
def merge_corpus():
    corpus = ROOT / "examples" / "merge"
    articles = [a for a in read_articles([corpus / "articles.jsonl"]) if isinstance(a, Article)]
    mentions = [m for b in Pipeline().run(articles) for r in b.results for m in r.mentions]
    return corpus, articles, mentions


def test_merge_pairwise_precision_and_recall_stay_above_their_floors(merge_corpus):
    merge_eval = bench("merge_eval")
    corpus, articles, mentions = merge_corpus
    gold = merge_eval.gold_table(corpus / "gold.tsv")
    key = {m.event_id: gold.get((m.article_id, merge_eval.family(m.cameo.root))) for m in mentions}
    mapped = {i for i, k in key.items() if k is not None}
    by_key: dict[str, list[str]] = {}
    for i in sorted(mapped):
        by_key.setdefault(key[i], []).append(i)
    events = merge_mentions(mentions, articles)
    system = {
        p
        for p in merge_eval.pairs([e.mention_ids for e in events])
        if p[0] in mapped and p[1] in mapped
    }
    precision, recall, _ = merge_eval.scores(system, merge_eval.pairs(by_key.values()))
    assert precision >= FLOORS["merge"]["pairwise_precision"]
    assert recall >= FLOORS["merge"]["pairwise_recall"]


def test_plover_event_type_and_actor_countries_stay_above_their_floors(shared, pipeline):
    score = score_plover(shared / "eval" / "plover-gsr" / "dev.jsonl", pipeline.extract)
    assert score.top_accuracy >= FLOORS["events"]["plover_top_accuracy"]
    for field in ("source country", "target country"):
        counts, key = score.field(field), field.replace(" ", "_")
        assert counts.precision >= FLOORS["actors"][f"plover_{key}_precision"], field
        assert counts.recall >= FLOORS["actors"][f"plover_{key}_recall"], field


def test_petrarch_gsr_exact_match_stays_above_its_floor(shared, pipeline):
    gold = shared / "reference" / "petrarch" / "PETR2_GSR_validation.xml"
    score = score_petrarch(gold, pipeline.extract)
    assert score.exact_match >= FLOORS["events"]["petr2_gsr_exact_match"]


@pytest.mark.parametrize("name", ["tr-news", "lgl"])
def test_toponyms_found_and_placed_stay_above_their_floor(shared, name):
    geocoding = bench("geocoding")
    tally = geocoding.score(name, None, geocoding.NearestCountry()).prior.all
    assert tally.gold >= 600
    assert tally.near / tally.gold >= FLOORS["where"][name.replace("-", "_")]


def test_wikievents_argument_recall_stays_above_its_floors(shared, pipeline):
    rows = score_wikievents(shared / "eval" / "wikievents" / "dev.jsonl", pipeline.extract).rows()
    whole = next(r for r in rows if r["events"] == "all")
    assert whole["source args"] >= 30 and whole["target args"] >= 100
    assert whole["source recall"] >= FLOORS["actors"]["wikievents_source_recall"]
    assert whole["target recall"] >= FLOORS["actors"]["wikievents_target_recall"]
