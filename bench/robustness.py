"""Run the whole pipeline over every text in the gold sets; list any article a stage failed on.

    python bench/robustness.py            # all sets under ../shared/eval
    python bench/robustness.py --limit 50 # the first 50 records of each file

A stage that raises on one article costs that article only: the pipeline rejects it with
reason R011 and goes on (see `Pipeline._finish`). Those rejects are bugs. This script feeds
the pipeline about a thousand real texts of every kind the gold sets hold (news, local
news, Wikinews, PLOVER and PETRARCH-style sentences) and prints each R011 with its error,
so a change that makes a stage crash on real wording is caught before users meet it.
Exit status 1 when any article failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from tidings.errors import Reject
from tidings.model import Article
from tidings.pipeline import Pipeline

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
SKIP = ("timelines_gold",)  # gold answers, no text
TEXT_FIELDS = ("text", "sentence")
DATE_FIELDS = ("date", "date_iso", "dct")
NO_DATE = dt.date(2020, 1, 1)


def _date(record: dict) -> dt.date:
    for name in DATE_FIELDS:
        try:
            return dt.date.fromisoformat(str(record.get(name) or "")[:10])
        except ValueError:
            continue
    return NO_DATE


def articles(root: Path, limit: int | None) -> Iterator[Article]:
    """Every record with text in the gold files, as an article named by file and line."""
    for path in sorted(root.glob("*/*.jsonl")):
        if any(s in path.name for s in SKIP):
            continue
        with path.open(encoding="utf-8") as lines:
            for n, line in enumerate(lines, 1):
                if limit and n > limit:
                    break
                record = json.loads(line)
                text = next((record[f] for f in TEXT_FIELDS if record.get(f)), "")
                text = " ".join(text) if isinstance(text, list) else str(text)
                if not text.strip():
                    continue
                yield Article(
                    id=f"{path.parent.name}-{n}",
                    date=_date(record),
                    text=text,
                    url=record.get("url") or record.get("link"),
                    origin=f"{path}:{n}",
                )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, help="records per file (default: all)")
    args = parser.parse_args()
    if not EVAL.is_dir():
        print(f"no gold sets at {EVAL}", file=sys.stderr)
        return 2
    pipeline = Pipeline()
    started, count, events, failed = time.perf_counter(), 0, 0, []
    for batch in pipeline.run(articles(EVAL, args.limit)):
        count += len(batch.results)
        events += sum(len(r.mentions) for r in batch.results)
        code = Reject.CODING_FAILED.value.split()[0]
        failed += [r for r in batch.rejects if r.reason.startswith(code)]
    seconds = time.perf_counter() - started
    print(f"{count} articles coded, {events} events, {len(failed)} failed, {seconds:.0f} s")
    for reject in failed:
        print(f"  {reject.origin}:{reject.line}  {reject.reason.split(': ', 1)[-1]}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
