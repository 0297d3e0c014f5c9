"""The `tidings` command line: the same verbs as the Python API.

    tidings extract FILES...   stateless: articles -> event records (JSONL/CSV)
    tidings ingest FILES...    into the DuckDB store, skipping what is already there
    tidings query              filter stored events
    tidings export             write stored events or mentions as CSV, JSONL or Parquet
    tidings demo               ingest the bundled demo corpus and show its events

Each family of commands lives in its own module and registers itself on `app`.
"""

from tidings.cli import articles, evaluate, stages, store  # noqa: F401  (registers commands)
from tidings.cli.common import app

__all__ = ["app"]
