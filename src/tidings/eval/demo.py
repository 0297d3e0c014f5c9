"""Score the coder on the demo corpus's reading guide (examples/demo/expected.tsv).

Each guide row names an event a good coder should find in one report: its CAMEO root
and, where known, the source and target country. Root recall counts rows with an event
of that root in the report; actor recall also needs both countries to match.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tidings.model import Actor, EventMention
from tidings.resources import read_tsv

__all__ = ["DemoScore", "score_demo"]


@dataclass(frozen=True, slots=True)
class DemoScore:
    rows: int
    root_hits: int
    actor_hits: int

    @property
    def root_recall(self) -> float:
        return self.root_hits / self.rows if self.rows else 0.0

    @property
    def actor_recall(self) -> float:
        return self.actor_hits / self.rows if self.rows else 0.0


def _matches(actor: Actor | None, want: str) -> bool:
    if not want:
        return True
    if actor is None:
        return False
    if want == "IGO":
        return actor.sector == "IGO" or (actor.code or "").startswith("IGO")
    return actor.country == want or (actor.code or "")[:3] == want


def score_demo(expected: Path, mentions: Iterable[EventMention]) -> DemoScore:
    by_article: dict[str, list[EventMention]] = defaultdict(list)
    for mention in mentions:
        by_article[mention.article_id].append(mention)
    rows = root_hits = actor_hits = 0
    for row in read_tsv(expected, required=("id", "root")):
        rows += 1
        same_root = [e for e in by_article[row["id"]] if e.cameo.root == row["root"]]
        root_hits += bool(same_root)
        actor_hits += any(
            _matches(e.source, row.get("source_country"))
            and _matches(e.target, row.get("target_country"))
            for e in same_root
        )
    return DemoScore(rows, root_hits, actor_hits)
