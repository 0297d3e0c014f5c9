"""Scoring a judged worksheet: per-field accuracy with 95% Wilson intervals.

`j_event` is scored over every judged row; the other fields only over real events
(`j_event` = y), as GDELT's audit scored its fields. A row is right in every field when
event, root, source, target, date and place are all y (the exact code is not required).
"""

from __future__ import annotations

import csv
import math
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tidings.audit.sheet import JUDGMENTS
from tidings.errors import InputError, SheetError

Z95 = 1.959963984540054  # the normal quantile of a two-sided 95% interval
_VALUES = {"y": True, "n": False, "-": None, "": None}
ALL_RIGHT = ("j_event", "j_root", "j_source", "j_target", "j_date", "j_place")
_REQUIRED = ("mention_id", *JUDGMENTS)


def wilson(right: int, judged: int, z: float = Z95) -> tuple[float, float] | None:
    """The Wilson score interval of `right` successes in `judged` trials (None for 0):
    unlike p ± z·se it stays inside [0, 1] and is sound for small samples."""
    if judged == 0:
        return None
    p = right / judged
    scale = 1 + z * z / judged
    centre = (p + z * z / (2 * judged)) / scale
    half = z * math.sqrt(p * (1 - p) / judged + z * z / (4 * judged * judged)) / scale
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True, slots=True)
class FieldScore:
    """How many rows were judged on one field, and how many of them were right."""

    field: str
    judged: int
    right: int

    @property
    def accuracy(self) -> float | None:
        return self.right / self.judged if self.judged else None

    @property
    def interval(self) -> tuple[float, float] | None:
        return wilson(self.right, self.judged)

    def to_record(self) -> dict[str, Any]:
        interval = self.interval
        return {
            "field": self.field,
            "judged": self.judged,
            "right": self.right,
            "accuracy": self.accuracy,
            "ci95_low": interval[0] if interval else None,
            "ci95_high": interval[1] if interval else None,
        }


@dataclass(frozen=True, slots=True)
class AuditScore:
    """A judged sheet's scores: event, root, code, source, target, date, place and
    "all fields" (see the module's docstring for what each counts over)."""

    sheet: str
    rows: int  # data rows in the sheet, judged or not
    fields: tuple[FieldScore, ...]

    def __getitem__(self, field: str) -> FieldScore:
        for score in self.fields:
            if score.field == field:
                return score
        raise KeyError(field)

    def to_record(self) -> dict[str, Any]:
        return {
            "sheet": self.sheet,
            "rows": self.rows,
            "fields": [f.to_record() for f in self.fields],
        }


def score(path: str | os.PathLike[str]) -> AuditScore:
    """Score a judged worksheet; a malformed one raises `SheetError` naming its line
    and column."""
    rows = list(read_judgments(Path(path)))
    events = [r for r in rows if r["j_event"] is True]
    found = [FieldScore("event", *_count(r["j_event"] for r in rows))]
    for column in JUDGMENTS[1:]:
        found.append(FieldScore(column[2:], *_count(r[column] for r in events)))
    complete = [r for r in events if all(r[c] is not None for c in ALL_RIGHT)]
    right = sum(all(r[c] for c in ALL_RIGHT) for r in complete)
    found.append(FieldScore("all fields", len(complete), right))
    return AuditScore(str(path), len(rows), tuple(found))


def _count(values: Iterator[bool | None]) -> tuple[int, int]:
    judged = [v for v in values if v is not None]
    return len(judged), sum(judged)


def read_judgments(path: Path) -> Iterator[dict[str, bool | None]]:
    """Each data row's judgments (True for y, False for n, None for - or blank)."""
    try:
        handle = path.open(encoding="utf-8-sig", newline="")  # -sig: as spreadsheets save
    except OSError as exc:
        raise InputError(f"cannot read the audit sheet {path} ({exc.strerror})") from exc
    with handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            raise SheetError(path, 1, "mention_id", "the sheet is empty; it needs a header line")
        header = [h.strip() for h in header]
        for column in _REQUIRED:
            if column not in header:
                raise SheetError(path, 1, column, "missing column (write `tidings audit sample`)")
        at = {column: header.index(column) for column in JUDGMENTS}
        last = reader.line_num
        for cells in reader:
            line, last = last + 1, reader.line_num  # a quoted cell may span lines
            if not cells:
                continue
            if len(cells) != len(header):
                raise SheetError(
                    path,
                    line,
                    header[min(len(cells), len(header) - 1)],
                    f"the row has {len(cells)} cells, the header {len(header)}",
                )
            yield {column: _judgment(path, line, column, cells[at[column]]) for column in at}


def _judgment(path: Path, line: int, column: str, cell: str) -> bool | None:
    value = cell.strip().lower()
    if value not in _VALUES:
        raise SheetError(
            path, line, column, f"{cell!r} is not a judgment: write y, n, - or leave it blank"
        )
    return _VALUES[value]
