"""ingest stage: files and folders in, `Article` (or `Rejected`) records out.

Formats by suffix: dated text (`.txt`), JSON Lines (`.jsonl`), JSON (`.json`),
CSV (`.csv`); folders are walked recursively. Bad records become `Rejected`
with a reason from `tidings.errors.Reject`, written by `RejectsWriter`.
"""

from tidings.ingest.dates import article_id, parse_date
from tidings.ingest.reader import READERS, read_articles
from tidings.ingest.records import MAX_TEXT_CHARS, YEARS
from tidings.ingest.rejects import RejectsWriter, rejects_path

__all__ = [
    "MAX_TEXT_CHARS",
    "READERS",
    "RejectsWriter",
    "YEARS",
    "article_id",
    "parse_date",
    "read_articles",
    "rejects_path",
]
