"""Throughput and memory of the whole pipeline next to spaCy's own parsing.

    python bench/throughput.py examples/demo --repeat-to 2000

Reads the articles given (any input `tidings extract` takes), repeats them with fresh
ids until there are `--repeat-to` of them, then times (1) spaCy's `nlp.pipe` alone on
the texts and (2) the full pipeline (parse, actors, events, when, where, toll, merge
and the DuckDB store in a temporary file). Prints articles per second for both, their
ratio, and resident memory sampled as the run goes, so a leak shows as growth.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import itertools
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tidings import nlp as nlp_stage
from tidings.ingest import read_articles
from tidings.model import Article
from tidings.pipeline import DEFAULT_BATCH_SIZE, Pipeline
from tidings.store import Store

OUTLETS = 2  # copies of each article on the same day
SHIFT = dt.timedelta(days=28)  # whole weeks, so "on Tuesday" still means a Tuesday


def rss_mib() -> float:
    """Current resident memory of this process."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * resource.getpagesize() / 2**20


class Timer:
    """A callable that adds up the CPU time spent in the one it wraps."""

    def __init__(self, function: Callable[..., Any]) -> None:
        self.function = function
        self.seconds = 0.0

    def __call__(self, *args: Any) -> Any:
        start = time.process_time()
        try:
            return self.function(*args)
        finally:
            self.seconds += time.process_time() - start


def corpus(paths: list[Path], count: int, outlets: int = OUTLETS) -> Iterator[Article]:
    """The articles repeated with fresh ids up to `count`. Each round of copies is dated
    `SHIFT` later than the one before, every `outlets` rounds, so each story is carried
    by `outlets` articles on its day (the merge has copies to join) and not by every
    copy in the run: repeating them all on one day would make one ever-growing event
    per story, which no real feed has, and time the merge of that instead (`outlets=0`
    does that, to measure the worst case)."""
    base = [a for a in read_articles(paths) if isinstance(a, Article)]
    if not base:
        sys.exit("no readable articles in the paths given")
    for n, article in enumerate(itertools.islice(itertools.cycle(base), count)):
        shift = SHIFT * (n // len(base) // outlets) if outlets else dt.timedelta(0)
        yield dataclasses.replace(article, id=f"{article.id}#{n}", date=article.date + shift)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--repeat-to", type=int, default=2000)
    parser.add_argument("--model", default=None)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument(
        "--outlets",
        type=int,
        default=OUTLETS,
        help="copies of each article per day (0: every copy on the original day)",
    )
    parser.add_argument(
        "--parse-ahead",
        action="store_true",
        help="parse the next batch in a second process, as `tidings ingest` does on 2+ cores "
        "(cpu-time figures then count this process only)",
    )
    args = parser.parse_args()

    pipeline = Pipeline(args.model, args.batch_size, parse_ahead=args.parse_ahead)
    nlp = pipeline.nlp
    warm = list(corpus(args.paths, 8))
    pipeline.extract(warm[0].text, warm[0].date)  # load lexicons and gazetteer before timing

    start, cpu = time.perf_counter(), time.process_time()
    texts = (a.text for a in corpus(args.paths, args.repeat_to, args.outlets))
    parsed = sum(1 for _ in nlp.pipe(texts, batch_size=args.batch_size))
    spacy_seconds = time.perf_counter() - start
    spacy_cpu = time.process_time() - cpu

    samples: list[float] = []
    events = 0
    stages = Timer(pipeline.analyse)
    pipeline.analyse = stages  # type: ignore[method-assign]  # time the stages after parsing
    stored = 0.0
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        start, cpu = time.perf_counter(), time.process_time()
        articles = corpus(args.paths, args.repeat_to, args.outlets)
        for batch in pipeline.run(articles, known=store.known_articles):
            mentions = [m for r in batch.results for m in r.mentions]
            before = time.process_time()
            store.write_merged([r.article for r in batch.results], mentions, batch.rejects)
            stored += time.process_time() - before
            events += len(mentions)
            samples.append(rss_mib())
        full_seconds = time.perf_counter() - start
        full_cpu = time.process_time() - cpu

    spacy_rate = parsed / spacy_seconds
    full_rate = args.repeat_to / full_seconds
    quarter = max(1, len(samples) // 4)
    print(f"model            {nlp_stage.model_name(args.model)}")
    print(f"articles         {args.repeat_to}  (mentions {events}, {args.outlets} per day)")
    print(f"parse ahead      {'in a second process' if pipeline.parse_ahead else 'no'}")
    print(f"spaCy nlp.pipe   {spacy_rate:8.1f} articles/s  ({spacy_seconds:.1f} s)")
    print(f"full pipeline    {full_rate:8.1f} articles/s  ({full_seconds:.1f} s)")
    print(f"ratio            {full_rate / spacy_rate:8.2f}  (target >= 0.80)")
    print(f"ratio (cpu time) {spacy_cpu / full_cpu:8.2f}  (steadier when the machine is shared)")
    per = 1000 / args.repeat_to
    parse_cpu = full_cpu - stages.seconds - stored
    print(
        f"cpu ms/article   spaCy alone {spacy_cpu * per:.1f}; in the pipeline: parse and "
        f"ingest {parse_cpu * per:.1f}, stages {stages.seconds * per:.1f}, "
        f"store and merge {stored * per:.1f}"
    )
    print(f"rss first 25%    {max(samples[:quarter]):8.1f} MiB")
    print(f"rss last 25%     {max(samples[-quarter:]):8.1f} MiB")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak rss         {peak:8.1f} MiB")
    if pipeline.parse_ahead:
        worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"parse worker     {worker:8.1f} MiB peak rss (a second process)")


if __name__ == "__main__":
    main()
