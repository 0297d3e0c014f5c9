"""Turn the fields of one input record into an `Article` or a `Rejected`.

Every format (dated text, JSONL, CSV) ends here, so the rules are the same for
all: `date` and `text` are required, every value is stripped, empty optional
values become None, ids become strings, and a missing id is a content hash.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from tidings.errors import Reject
from tidings.ingest.dates import article_id, normalise_text, parse_date
from tidings.model import Article, Rejected

EXCERPT_CHARS = 200
# spaCy's default `nlp.max_length`: a longer text stops `nlp.pipe` (E088) for its whole
# batch, so it is rejected here, before any batch holds it
MAX_TEXT_CHARS = 1_000_000
# a news date outside these years is a placeholder (0001-01-01, 9999-12-31) or a typo,
# and date arithmetic near the calendar's ends overflows in later stages
YEARS = range(1800, 2101)
_SURROGATE = re.compile("[\ud800-\udfff]")  # undecodable bytes kept by `surrogateescape`
OPTIONAL = ("title", "source", "url")


def excerpt(raw: str) -> str:
    """The first characters of a bad record, safe to write as UTF-8 JSON."""
    return _SURROGATE.sub("\ufffd", raw[: EXCERPT_CHARS * 4].strip()[:EXCERPT_CHARS])


def reject(origin: str, line: int | None, reason: Reject, detail: str, raw: str = "") -> Rejected:
    return Rejected(origin=origin, line=line, reason=reason.because(detail), excerpt=excerpt(raw))


class _BadField(ValueError):
    """A field holds a value that cannot be an article field (an object, a list, bad bytes)."""

    def __init__(self, reason: Reject, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


def _value(fields: Mapping[str, object], name: str) -> str | None:
    """The field as a stripped string, or None when absent or empty."""
    value = fields.get(name)
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        kind = type(value).__name__
        raise _BadField(Reject.BAD_JSON, f"field {name!r} holds a {kind}, not a single value")
    text = value if isinstance(value, str) else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if _SURROGATE.search(text):
        detail = f"field {name!r} holds bytes or \\u escapes that are not UTF-8"
        raise _BadField(Reject.NOT_UTF8, detail)
    return text or None


def build(fields: Mapping[str, object], origin: str, line: int, raw: str) -> Article | Rejected:
    """An Article from a record's fields, or the first reason it cannot be one."""
    try:
        values = {name: _value(fields, name) for name in ("id", "date", "text", *OPTIONAL)}
    except _BadField as err:
        return reject(origin, line, err.reason, str(err), raw)
    date_text, text = values["date"], values["text"]
    if date_text is None:
        return reject(origin, line, Reject.NO_DATE, "", raw)
    try:
        date = parse_date(date_text)
    except ValueError as err:
        return reject(origin, line, Reject.BAD_DATE, str(err), raw)
    if date.year not in YEARS:
        return reject(origin, line, Reject.DATE_OUT_OF_RANGE, date_text, raw)
    if text is None:
        return reject(origin, line, Reject.EMPTY_TEXT, "", raw)
    text = normalise_text(text)
    if len(text) > MAX_TEXT_CHARS:
        return reject(origin, line, Reject.TOO_LONG, f"{len(text):,} characters", raw)
    title = values["title"]
    return Article(
        id=values["id"] or article_id(date, text, title),
        date=date,
        text=text,
        title=title,
        source=values["source"],
        url=values["url"],
        origin=f"{origin}:{line}",
    )
