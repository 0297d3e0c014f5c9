"""Article dates and content-hash ids.

Dates are taken as the writer wrote them: a timestamp's calendar date is the
local date in its own offset (`2021-11-07T01:00+03:00` is 7 November), because
"on Sunday" in the article is relative to the writer's day, not to UTC.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

_DATE = re.compile(
    r"""(?:(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})        # 2021-11-07
          |(?P<y2>\d{4})(?P<m2>\d{2})(?P<d2>\d{2}))      # 20211107
        (?:[T\s]\s*(?P<H>\d{2}):(?P<M>\d{2})              # optional time of day
           (?::(?P<S>\d{2})(?:[.,]\d+)?)?
           \s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?        # optional offset
        )?""",
    re.VERBOSE | re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")


def parse_date(value: str) -> dt.date:
    """The calendar date of an ISO date, ISO timestamp (date as written) or `YYYYMMDD`.

    Raises ValueError for anything else, so the caller can reject the record.
    """
    text = value.strip()
    match = _DATE.fullmatch(text)
    if match is None:
        raise ValueError(f"not a date: {value!r}")
    hour, minute, second = (int(match[k] or 0) for k in ("H", "M", "S"))
    if hour > 23 or minute > 59 or second > 60:
        raise ValueError(f"not a time of day: {value!r}")
    year, month, day = (match[k] or match[k + "2"] for k in ("y", "m", "d"))
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError as err:
        raise ValueError(f"not a calendar date: {value!r} ({err})") from err


def normalise_text(text: str) -> str:
    """Body text with `\\n` newlines and no surrounding whitespace."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def article_id(date: dt.date | str, text: str, title: str | None = None) -> str:
    """A stable id for a record that has none: `a-` + 16 hex digits of a SHA-256.

    The hash covers the ISO date, the title and the text, with every run of
    whitespace collapsed to one space, so re-wrapped or re-encoded copies of the
    same article get the same id (the store relies on this to stay idempotent),
    while any change of words, title or date gives a new one.
    """
    day = parse_date(date) if isinstance(date, str) else date
    parts = (day.isoformat(), title or "", text)
    key = "\n".join(_SPACE.sub(" ", part).strip() for part in parts)
    return "a-" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
