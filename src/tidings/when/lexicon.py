"""The words the `when` stage knows, loaded once from `data/words.tsv`.

Month and weekday names, number and unit words, parts of day, deictic words
("yesterday"), vague references ("recently") and recurring words ("daily") are
data, not code, so a reader can extend them without touching the patterns.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from tidings.resources import Row, package_file, read_tsv

KINDS = (
    "month", "weekday", "number", "unit", "daypart", "deictic", "vague", "set", "prep",
    "season", "ordinal", "zone", "forward", "meanwhile",
    "anaphor", "sequel", "quarter", "holiday", "superseded", "within",
)  # fmt: skip
# the step from the anchor's own week, month, quarter or year that a relative word takes
# ("last quarter", "next year"): one table for rules.py and periods.py
STEPS = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1}
_UNIT = re.compile(r"(\d+)([HDWMY])")
_DAYPART = re.compile(r"(MO|AF|EV|NI|\d{2}:\d{2})")
_VAGUE = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")
_MONTH_DAY = re.compile(r"(\d\d)-(\d\d)")
_OFFSET = re.compile(r"([+-]?\d+)([DWMY])")


@dataclass(frozen=True)
class Lexicon:
    """Word tables by kind; every key is lower case."""

    months: dict[str, int] = field(default_factory=dict)
    full_months: dict[str, int] = field(default_factory=dict)  # no abbreviations
    weekdays: dict[str, int] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    units: dict[str, tuple[int, str]] = field(default_factory=dict)  # "fortnight": (2, "W")
    dayparts: dict[str, str] = field(default_factory=dict)
    deictics: dict[str, tuple[int, str]] = field(default_factory=dict)  # "tonight" -> (0, "NI")
    vague: dict[str, str] = field(default_factory=dict)
    sets: dict[str, str] = field(default_factory=dict)
    preps: list[str] = field(default_factory=list)
    seasons: dict[str, str] = field(default_factory=dict)  # "summer" -> "SU"
    bare_seasons: dict[str, str] = field(default_factory=dict)  # also read without a year
    ordinals: dict[str, int] = field(default_factory=dict)
    zones: list[str] = field(default_factory=list)
    forward: frozenset[str] = frozenset()
    meanwhile: frozenset[str] = frozenset()
    superseded: frozenset[str] = frozenset()
    within: frozenset[str] = frozenset()  # "killed in the 2014 war": the war's date is the event's
    # "the next day" -> (1, "D", part of day or "", closing); "later" -> (1, closing)
    anaphors: dict[str, tuple[int, str, str, bool]] = field(default_factory=dict)
    sequels: dict[str, tuple[int, bool]] = field(default_factory=dict)
    quarters: dict[str, int] = field(default_factory=dict)  # "third" -> 3
    holidays: dict[str, tuple[int, int]] = field(default_factory=dict)  # "christmas" -> (12, 25)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of the words, longest first, spaces matching any whitespace."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _int(row: Row, low: int, high: int) -> int:
    value = row["value"]
    if not value.lstrip("+-").isdigit() or not low <= int(value) <= high:
        raise row.fail(f"{row['kind']} value must be an integer in {low}..{high}, not {value!r}")
    return int(value)


def _matching(row: Row, pattern: re.Pattern[str], what: str) -> re.Match[str]:
    match = pattern.fullmatch(row["value"])
    if match is None:
        raise row.fail(f"{row['kind']} value must be {what}, not {row['value']!r}")
    return match


@cache
def lexicon() -> Lexicon:
    """Read and check `data/words.tsv` once."""
    lex, forward, meanwhile, superseded, within = Lexicon(), set(), set(), set(), set()
    for row in read_tsv(package_file("tidings.when", "data/words.tsv"), ("kind", "word", "value")):
        kind, word = row["kind"], row["word"].lower()
        if kind == "month":
            lex.months[word] = _int(row, 1, 12)
            if row.get("part") != "abbr":
                lex.full_months[word] = lex.months[word]
        elif kind == "weekday":
            lex.weekdays[word] = _int(row, 1, 7)
        elif kind == "number":
            lex.numbers[word] = _int(row, 1, 1000)
        elif kind == "unit":
            m = _matching(row, _UNIT, "a count and H/D/W/M/Y, e.g. 2W")
            lex.units[word] = (int(m[1]), m[2])
        elif kind == "daypart":
            lex.dayparts[word] = _matching(row, _DAYPART, "MO/AF/EV/NI or HH:MM")[0]
        elif kind == "deictic":
            part = row.get("part")
            if part and not _DAYPART.fullmatch(part):
                raise row.fail(f"deictic part must be MO/AF/EV/NI, not {part!r}")
            lex.deictics[word] = (_int(row, -7, 7), part)
        elif kind == "vague":
            if row["value"] not in _VAGUE:
                raise row.fail(f"vague value must be one of {', '.join(_VAGUE)}")
            lex.vague[word] = row["value"]
        elif kind == "set":
            lex.sets[word] = _matching(row, re.compile(r"P\d+[DWMY]"), "a period like P1W")[0]
        elif kind == "prep":
            lex.preps.append(word)
        elif kind == "season":
            lex.seasons[word] = _matching(row, re.compile(r"SP|SU|FA|WI"), "SP, SU, FA or WI")[0]
            if row.get("part") != "named":
                lex.bare_seasons[word] = lex.seasons[word]
        elif kind == "ordinal":
            lex.ordinals[word] = _int(row, 1, 30)
        elif kind == "zone":
            lex.zones.append(word)
        elif kind == "forward":
            forward.add(word)
        elif kind == "meanwhile":
            meanwhile.add(word)
        elif kind == "superseded":
            superseded.add(word)
        elif kind == "within":
            within.add(word)
        elif kind == "anaphor":
            m = _matching(row, _OFFSET, "a signed count and D/W/M/Y, e.g. +1D")
            part = row.get("part") or ""
            closing = part == "end"
            if part and not closing and not _DAYPART.fullmatch(part):
                raise row.fail(f"anaphor part must be MO/AF/EV/NI or end, not {part!r}")
            lex.anaphors[word] = (int(m[1]), m[2], "" if closing else part, closing)
        elif kind == "quarter":
            lex.quarters[word] = _int(row, 1, 4)
        elif kind == "holiday":
            m = _matching(row, _MONTH_DAY, "a month and day, MM-DD")
            try:
                dt.date(2000, int(m[1]), int(m[2]))
            except ValueError:
                raise row.fail(f"holiday value {row['value']!r} is no day of the year") from None
            lex.holidays[word] = (int(m[1]), int(m[2]))
        elif kind == "sequel":
            if row.get("part") not in (None, "", "end"):
                raise row.fail(f"sequel part must be empty or end, not {row['part']!r}")
            lex.sequels[word] = (_int(row, -1, 1), row.get("part") == "end")
        else:
            raise row.fail(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    return dataclasses.replace(
        lex,
        forward=frozenset(forward),
        meanwhile=frozenset(meanwhile),
        superseded=frozenset(superseded),
        within=frozenset(within),
    )
