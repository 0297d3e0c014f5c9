"""Normalise one temporal expression, given as a bare string, against the article date.

The string may carry a leading preposition ("on Sunday", "for the last two weeks")
or a boundary ("the end of May"); those are peeled off one at a time until a rule
in `rules.py` matches the whole of what is left. Ranges ("between March and May")
are two expressions resolved end first, so the start falls before the end.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from tidings.model import TimeExpression
from tidings.when.dates import PRECISION_ORDER, Norm, Tense
from tidings.when.lexicon import alternation, lexicon
from tidings.when.rules import compiled

_RANGES = (
    re.compile(
        r"(?:between|from)\s+(?P<a>.+?)\s*(?:\s(?:and|to|until|till|through)\s|[-–])\s*(?P<b>.+)",
        re.IGNORECASE,
    ),
    re.compile(r"(?P<a>(?:19|20)\d\d)\s*[-–]\s*(?P<b>(?:19|20)?\d\d)"),  # "2009-2010"
)
_TENSES = ("past", "present", "future")


@cache
def _lead() -> re.Pattern[str]:
    """A leading preposition or boundary phrase that does not change which days are meant."""
    preps = alternation(lexicon().preps)
    bounds = r"the\s+(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of"
    return re.compile(rf"^(?:{preps}|{bounds})\s+", re.IGNORECASE)


def meaning(text: str, anchor: dt.date, tense: Tense = "past") -> Norm | None:
    """What `text` means against `anchor`, or None when no rule reads all of it."""
    if tense not in _TENSES:
        raise ValueError(f"tense must be one of {', '.join(_TENSES)}, not {tense!r}")
    rest = " ".join(text.split()).strip(",;:")
    rest = re.sub(r"['’]s$", "", rest)
    while rest:
        for candidate in (rest, rest[:-1]) if rest.endswith(".") else (rest,):
            found = _whole(candidate, anchor, tense) or _range(candidate, anchor, tense)
            if found is not None:
                return found
        shorter = _lead().sub("", rest, count=1)
        if shorter == rest:
            return None
        rest = shorter
    return None


def normalise(text: str, article_date: dt.date, tense: Tense = "past") -> TimeExpression | None:
    """`text` as a TimeExpression spanning the whole string, or None if it is not one.

    `tense` is the narration's: in the past tense a weekday or a month without a year is
    the latest one on or before the article date; in the future the first on or after it;
    in the present the nearer of the two.
    """
    norm = meaning(text, article_date, tense)
    return norm.at(0, len(text), text) if norm else None


def _whole(text: str, anchor: dt.date, tense: Tense) -> Norm | None:
    for rule, pattern in compiled():
        match = pattern.fullmatch(text)
        if match is not None:
            found = rule.meaning(match, anchor, tense)
            if found is not None:
                return found
    return None


def range_parts(text: str, anchor: dt.date, tense: Tense) -> list[tuple[int, int, Norm]] | None:
    """The two ends of a range ("between March and May", "1957-58") with their offsets in
    `text`: the end read as usual, the start read back from the end, so it falls before."""
    match = next((m for m in (r.fullmatch(text) for r in _RANGES) if m), None)
    if match is None:
        return None
    later = match["b"]
    if re.fullmatch(r"\d\d", later) and re.fullmatch(r"(?:19|20)\d\d", match["a"]):
        later = match["a"][:2] + later  # "1957-58"
    end = meaning(later, anchor, tense)
    if end is None or end.last_day is None or end.type not in ("DATE", "TIME"):
        return None
    start = meaning(match["a"], end.last_day, "past")
    if start is None or start.first_day is None or start.first_day > end.last_day:
        return None
    return [(*match.span("a"), start), (*match.span("b"), end)]


def _range(text: str, anchor: dt.date, tense: Tense) -> Norm | None:
    """A range read as one expression covering both ends: value `2021-03/2021-05`."""
    parts = range_parts(text, anchor, tense)
    if parts is None:
        return None
    (_, _, start), (_, _, end) = parts
    precision = max(start.precision, end.precision, key=PRECISION_ORDER.__getitem__)
    value = f"{start.value}/{end.value}"
    return Norm("DATE", value, precision, start.first_day, end.last_day)
