"""CSV articles: a header row naming at least `date` and `text`, then one row each.

Read with the `csv` module (quoted fields may span lines), one row at a time,
in strict mode: a stray quote or a quote left open at the end of the file is a
BAD_ROW rather than a row silently glued to the next ones.
Bytes that are not UTF-8 are kept as lone surrogates (`surrogateescape`), so
only the row holding them is rejected, as NOT_UTF8, and the file goes on.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from tidings.errors import Reject
from tidings.ingest.records import build, reject
from tidings.model import Article, Rejected

REQUIRED = ("date", "text")
FIELD_LIMIT = 16 * 1024 * 1024  # characters per cell; the default 128 KiB cuts long articles


class _Lines:
    """Decoded lines of a binary file, remembering the raw text of the current row."""

    def __init__(self, lines: Iterable[bytes]) -> None:
        self.lines, self.taken = iter(lines), ""

    def __iter__(self) -> Iterator[str]:
        for number, data in enumerate(self.lines, start=1):
            text = data.decode("utf-8", "surrogateescape")
            if number == 1:
                text = text.removeprefix("\ufeff")
            self.taken += text
            yield text

    def take(self) -> str:
        """The raw text of the lines read since the last call."""
        taken, self.taken = self.taken, ""
        return taken


def _widen_field_limit() -> None:
    """Allow article-sized cells (the limit is process-wide; only ever raise it)."""
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(min(FIELD_LIMIT, sys.maxsize))


def read_csv(path: Path, origin: str) -> Iterator[Article | Rejected]:
    """Articles from a CSV file, one row at a time."""
    _widen_field_limit()
    with path.open("rb") as stream:
        lines = _Lines(stream)
        reader = csv.reader(lines, strict=True)  # bad quoting is a BAD_ROW, not a guess
        try:
            header = next(reader, None)
        except csv.Error as err:
            yield reject(origin, 1, Reject.BAD_ROW, f"header: {err}", lines.take())
            return
        raw_header = lines.take()
        names = [name.strip().lower() for name in header or []]
        if any(name not in names for name in REQUIRED):
            found = ", ".join(repr(n) for n in names if n) or "none"
            detail = f"found column(s) {found}"
            yield reject(origin, 1, Reject.MISSING_COLUMN, detail, raw_header)
            return
        start = reader.line_num + 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as err:
                yield reject(origin, start, Reject.BAD_ROW, str(err), lines.take())
                start = reader.line_num + 1
                continue
            raw = lines.take()
            line, start = start, reader.line_num + 1
            if not row or (len(row) == 1 and not row[0].strip()):
                continue  # a blank line
            if len(row) != len(names):
                detail = f"{len(row)} cells but the header has {len(names)} columns"
                yield reject(origin, line, Reject.BAD_ROW, detail, raw)
                continue
            yield build(dict(zip(names, row, strict=True)), origin, line, raw)
