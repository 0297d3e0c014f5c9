"""Code a slice of real dated news (Wikinews 2019-2020) and summarise what comes out.

    python bench/realnews.py --lines 60:130 --out a.jsonl              # code and summarise
    python bench/realnews.py --lines 130:200 --out b.jsonl --compare old.jsonl --sample 25

There is no gold coding for this corpus: precision on real news is judged by reading.
This script makes that reading repeatable. It writes every event mention of the chosen
articles (one JSON record per line, as `tidings extract` writes them), prints the counts
by CAMEO root and ACLED sub-event type and the share of mentions with no actor, and with
`--compare` lists what changed against an earlier run of the same lines: mentions gone,
recoded or new, matched by article and trigger offset (which sentence splitting does not
move), with a random sample of the gone ones to read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections import Counter
from pathlib import Path

from tidings.model import Article, to_record
from tidings.pipeline import Pipeline

CORPUS = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "eval"
    / "wikinews-2019-2020"
    / "wikinews_2019_2020.jsonl"
)


def articles(path: Path, start: int, stop: int) -> list[Article]:
    with path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for n, line in enumerate(lines) if start <= n < stop]
    return [
        Article(id=f"W{start + n}", date=dt.date.fromisoformat(r["date"]), text=r["text"])
        for n, r in enumerate(records)
    ]


def summary(records: list[dict]) -> None:
    roots = Counter(r["cameo"]["root"] for r in records)
    acled = Counter((r.get("acled") or {}).get("sub_event_type") or "-" for r in records)
    bare = sum(1 for r in records if not r.get("source") and not r.get("target"))
    print(f"{len(records)} mentions; {bare} ({bare / max(len(records), 1):.0%}) with no actor")
    print("by root: " + ", ".join(f"{k} {v}" for k, v in sorted(roots.items())))
    print("ACLED: " + ", ".join(f"{k} {v}" for k, v in acled.most_common()))


def compare(records: list[dict], old: list[dict], sample: int) -> None:
    def key(r: dict) -> tuple[str, int]:
        return r["article_id"], r["trigger_start"]

    now: dict[tuple[str, int], set[str]] = {}
    for r in records:
        now.setdefault(key(r), set()).add(r["cameo"]["code"])
    before = {key(r) for r in old}
    gone = [r for r in old if key(r) not in now]
    recoded = [r for r in old if key(r) in now and r["cameo"]["code"] not in now[key(r)]]
    new = [r for r in records if key(r) not in before]
    print(f"against the earlier run: {len(gone)} gone, {len(recoded)} recoded, {len(new)} new")
    for r in random.Random(1).sample(gone, min(sample, len(gone))):
        sides = [(r.get(side) or {}).get("code") or "---" for side in ("source", "target")]
        evidence = " ".join(r["evidence"].split())[:160]
        print(
            f"  gone {r['article_id']} {sides[0]} {r['cameo']['code']} {sides[1]}"
            f" [{r['trigger']}] {evidence}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--lines", default="60:130", help="START:STOP, 0-based line numbers")
    parser.add_argument("--out", type=Path, required=True, help="where to write the mentions")
    parser.add_argument("--compare", type=Path, help="an earlier --out of the same lines")
    parser.add_argument("--sample", type=int, default=20, help="gone mentions to print")
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"no corpus at {args.corpus}: put the shared folder beside the checkout")
        return 2
    start, stop = (int(x) for x in args.lines.split(":"))
    batch = articles(args.corpus, start, stop)
    records = [
        to_record(m)
        for result in Pipeline().run(batch)
        for coded in result.results
        for m in coded.mentions
    ]
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    print(f"{len(batch)} articles (lines {start}-{stop - 1}) -> {args.out}")
    summary(records)
    if args.compare:
        compare(
            records, [json.loads(x) for x in args.compare.read_text().splitlines()], args.sample
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
