"""The `tidings` command line: the same verbs as the Python API.

    tidings extract FILES...   stateless: articles -> event records (JSONL/CSV)
    tidings ingest FILES...    into the DuckDB store, skipping what is already there
    tidings query              filter stored events
    tidings export             write stored events or mentions as CSV, JSONL or Parquet
    tidings demo               ingest the bundled demo corpus and show its events
    tidings audit sample|score judge a random sample of stored mentions, score it

Each family of commands lives in its own module and registers itself on `app`.
"""

from tidings.cli import (  # noqa: F401  (registers commands)
    articles,
    audit,
    evaluate,
    stages,
    store,
)
from tidings.cli.common import app

__all__ = ["app"]
