"""The worksheet: a random sample of stored mentions, one row each, to judge by hand.

A row holds what a judge needs to read (the evidence sentence, the sentences around it,
the article) beside each coded field and a blank judgment column per field.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any, TextIO

from tidings.errors import ConfigError
from tidings.store import Store

_CLIP = 300  # characters of context kept on each side of the evidence
_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)|\n")  # a cheap sentence end, for context only
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One worksheet row: the coded fields as text, then the judge's columns (blank)."""

    mention_id: str
    article_id: str
    article_date: str
    article_title: str
    url: str
    sentence_index: str
    evidence: str
    context: str  # the sentence before and after the evidence, which stands at [...]
    trigger: str
    cameo_code: str
    cameo_root: str
    cameo_name: str
    plover_type: str
    source_text: str
    source_code: str
    source_basis: str
    target_text: str
    target_code: str
    target_basis: str
    date: str
    date_precision: str
    date_text: str
    date_is_fallback: str
    location_name: str
    location_country: str
    modality: str
    attributed_to_text: str
    j_event: str = ""
    j_root: str = ""
    j_code: str = ""
    j_source: str = ""
    j_target: str = ""
    j_date: str = ""
    j_place: str = ""
    note: str = ""


SHEET_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(SheetRow))
JUDGMENTS: tuple[str, ...] = tuple(c for c in SHEET_COLUMNS if c.startswith("j_"))
_STORED = {"url": "article_url"}  # sheet column -> the stored column it shows, if named apart


def sample(store: Store, n: int, seed: int = 0) -> list[SheetRow]:
    """`n` stored mentions drawn uniformly at random (all of them when there are fewer),
    the same for the same seed and store whatever order DuckDB returns rows in; ordered
    by article and sentence, so a judge reads each story's mentions together."""
    if n < 0:
        raise ConfigError(f"cannot sample {n} mentions; give n of 0 or more")
    ids = store.mention_ids()  # sorted: the draw depends on the ids alone
    chosen = random.Random(seed).sample(ids, min(n, len(ids)))
    return [sheet_row(row) for row in store.mention_rows(chosen)]


def sheet_row(row: Mapping[str, Any]) -> SheetRow:
    """The worksheet row of a stored mention row (`Store.mention_rows`)."""
    cells = {
        name: _cell(row.get(_STORED.get(name, name)))
        for name in SHEET_COLUMNS
        if name not in JUDGMENTS and name != "note"
    }
    cells["mention_id"] = _cell(row["event_id"])
    cells["context"] = _context(
        row.get("article_text") or "", row.get("evidence") or "", row.get("trigger_start") or 0
    )
    return SheetRow(**cells)


def write_sheet(rows: Iterable[SheetRow], out: TextIO) -> int:
    """Write the rows as CSV with a header line; returns how many were written."""
    writer = csv.DictWriter(out, SHEET_COLUMNS)
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(asdict(row))
        count += 1
    return count


def _cell(value: Any) -> str:
    """A value as one line of text: blank for none, ISO dates, true/false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return _SPACE.sub(" ", str(value)).strip()


def _context(text: str, evidence: str, trigger_start: int) -> str:
    """'<sentence before> [...] <sentence after>' around the evidence in the article's
    text; blank when the evidence cannot be found there."""
    if not evidence:
        return ""
    at = text.find(evidence, max(0, trigger_start - len(evidence)))
    if at < 0 or at > trigger_start:
        at = text.find(evidence)
    if at < 0:
        return ""
    head = text[:at].rstrip()
    ends = [m.end() for m in _END.finditer(head, 0, max(0, len(head) - 1))]
    before = _cell(head[ends[-1] if ends else 0 :])
    tail = text[at + len(evidence) :].lstrip()
    end = _END.search(tail)
    after = _cell(tail[: end.end() if end else len(tail)])
    if len(before) > _CLIP:
        before = "…" + before[-_CLIP:]
    if len(after) > _CLIP:
        after = after[:_CLIP] + "…"
    return f"{before} [...] {after}".strip() if before or after else ""
