"""Pairwise precision and recall of the merge on the merge test corpus.

    python bench/merge_eval.py [--corpus examples/merge] [--model NAME]

The corpus (examples/merge/articles.jsonl) has differently worded reports of the same
invented events, and distractors: other events of the same kind, on the same day, in
the same city. gold.tsv says which article reports which event, per CAMEO root family.
Each system mention maps to the gold event of its article with the mention's root family
(mentions of families the gold does not list for their article are not scored). Over
all pairs of mapped mentions, a pair is gold-positive when both map to one event key and
system-positive when the merge put both in one event:

    precision = |system & gold| / |system|,  recall = |system & gold| / |gold|

Printed for all pairs and for pairs from different articles, against two baselines
(no merging; merging within articles only).
"""

from __future__ import annotations

import argparse
import itertools
import random
from collections.abc import Iterable
from pathlib import Path

from tidings.ingest import read_articles
from tidings.merge import Facts, cluster, family, merge_mentions, stories
from tidings.model import Article, EventMention
from tidings.pipeline import Pipeline
from tidings.resources import read_tsv

ROOT = Path(__file__).resolve().parents[1]


def gold_table(path: Path) -> dict[tuple[str, str], str]:
    """(article id, family) -> event key."""
    rows = read_tsv(path, ("article_id", "family", "event_key"))
    return {(r["article_id"], r["family"]): r["event_key"] for r in rows}


def pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    return {tuple(sorted(p)) for g in groups for p in itertools.combinations(sorted(g), 2)}  # type: ignore[misc]


def scores(system: set, gold: set) -> tuple[float, float, float]:
    hit = len(system & gold)
    p = hit / len(system) if system else 1.0
    r = hit / len(gold) if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "examples" / "merge")
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    articles = [
        a for a in read_articles([args.corpus / "articles.jsonl"]) if isinstance(a, Article)
    ]
    gold = gold_table(args.corpus / "gold.tsv")
    pipeline = Pipeline(args.model)
    mentions: list[EventMention] = []
    for batch in pipeline.run(articles):
        mentions += [m for r in batch.results for m in r.mentions]

    key = {m.event_id: gold.get((m.article_id, family(m.cameo.root))) for m in mentions}
    mapped = {i for i, k in key.items() if k is not None}
    article_of = {m.event_id: m.article_id for m in mentions}
    by_key: dict[str, list[str]] = {}
    for i in sorted(mapped):
        by_key.setdefault(key[i], []).append(i)  # type: ignore[arg-type]
    gold_pairs = pairs(by_key.values())

    dates = {a.id: a.date for a in articles}
    facts = [Facts.of(m, dates[m.article_id]) for m in mentions]
    events = merge_mentions(mentions, articles)
    shuffled = list(reversed(mentions))
    random.Random(7).shuffle(shuffled)
    same = merge_mentions(shuffled, list(reversed(articles))) == events
    systems = {
        "no merge": [[i] for i in key],
        "within articles": [list(s.mention_ids) for s in stories(facts)],
        "tidings merge": [list(e.mention_ids) for e in events],
    }
    assert sorted(map(sorted, systems["tidings merge"])) == cluster(facts)

    print(
        f"articles {len(articles)}  mentions {len(mentions)}  scored {len(mapped)}  "
        f"gold events {len(by_key)}  system events {len(events)}"
    )
    print(
        f"gold pairs {len(gold_pairs)} "
        f"(cross-article {sum(article_of[a] != article_of[b] for a, b in gold_pairs)})"
    )
    print(f"{'system':16} {'pairs':>6} {'P':>6} {'R':>6} {'F1':>6}   cross-article P/R/F1")
    for name, groups in systems.items():
        sys_pairs = {p for p in pairs(groups) if p[0] in mapped and p[1] in mapped}
        cross = {p for p in sys_pairs if article_of[p[0]] != article_of[p[1]]}
        gold_cross = {p for p in gold_pairs if article_of[p[0]] != article_of[p[1]]}
        p, r, f = scores(sys_pairs, gold_pairs)
        cp, cr, cf = scores(cross, gold_cross)
        print(
            f"{name:16} {len(sys_pairs):6d} {p:6.3f} {r:6.3f} {f:6.3f}   {cp:.3f}/{cr:.3f}/{cf:.3f}"
        )
    multi = [e for e in events if e.num_articles > 1]
    syndicated = sum(e.num_sources < e.num_articles for e in multi)
    print(f"events in several articles {len(multi)}; fewer sources than articles {syndicated}")
    print(f"same events after shuffling the input: {same}")


if __name__ == "__main__":
    main()
