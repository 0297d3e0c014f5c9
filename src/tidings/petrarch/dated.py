"""Codes that hold only for a time: "[IRQGOV >20200507]", "[USAGOV 20090120-20170120]".

A named actor (a person, a body) can carry several codes. As in PETRARCH, the first
date restriction that holds on the event's date wins, then the first unrestricted code;
a code of dashes ("---") means "known, but not an actor" and codes nothing. Dates are
YYYYMMDD or TABARI's YYMMDD (00-30 read as 20YY, the rest as 19YY); limits are inclusive.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from tidings.errors import DataFileError

# One bracket: a code, then nothing, "<date", ">date" or "date-date".
_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_CODE = re.compile(r"[A-Za-z0-9]+(?:/[A-Za-z0-9]+)*|-+|\++|#+")  # "ELR/GAL": the first
_RESTRICTION = re.compile(r"(?:(?P<op>[<>])\s*(?P<one>\d+)|(?P<start>\d+)\s*-\s*(?P<end>\d+))")


@dataclass(frozen=True, slots=True)
class DatedCode:
    """A code and the days it holds (None: open on that side; both None: always)."""

    code: str | None  # None for the null codes "---" and "+++"
    start: dt.date | None = None
    end: dt.date | None = None
    also: tuple[str, ...] = ()  # "[ELR/GAL]": the other codes, each an actor to PETRARCH

    @property
    def restricted(self) -> bool:
        return self.start is not None or self.end is not None

    def holds(self, date: dt.date) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(frozen=True, slots=True)
class KnownActor:
    """A named actor from a dictionary: its surface names and its codes over time."""

    names: tuple[str, ...]
    codes: tuple[DatedCode, ...]
    origin: str = ""  # "file:line" of its first name, for messages
    person: bool = False  # known to be a person (people.tsv), whatever spaCy tags

    def code_on(self, date: dt.date | None) -> str | None:
        """The code on `date` (PETRARCH's rule). With no date, what holds at any date: the
        country every code shares ("USA" for Biden), else the unrestricted code."""
        if date is None and any(d.restricted for d in self.codes):
            countries = {(d.code or "")[:3] for d in self.codes}
            if len(countries) == 1 and (only := countries.pop()) and only.isalpha():
                return only
        if date is not None:
            for dated in self.codes:
                if dated.restricted and dated.holds(date):
                    return dated.code
        for dated in self.codes:
            if not dated.restricted:
                return dated.code
        return None

    @property
    def is_country(self) -> bool:
        """A plain country entry (AFGHANISTAN [AFG]): one bare three-letter code, no dates."""
        return len(self.codes) == 1 and not self.codes[0].restricted and _bare(self.codes[0].code)


def _bare(code: str | None) -> bool:
    return code is not None and len(code) == 3 and code.isalpha()


def parse_date(text: str, where: str = "") -> dt.date:
    """YYYYMMDD (extra digits after the eighth ignored, as PETRARCH does) or YYMMDD."""
    digits = text.strip()
    if not digits.isdigit() or len(digits) < 6:
        raise ValueError(f"date {text!r} is neither YYYYMMDD nor YYMMDD{where}")
    if len(digits) <= 7:
        year = int(digits[:2])
        year += 2000 if year <= 30 else 1900
        month, day = int(digits[2:4]), int(digits[4:6])
    else:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    try:
        return dt.date(year, month, day)
    except ValueError as err:
        raise ValueError(f"date {text!r} is not a calendar day ({err})") from err


def parse_bracket(inner: str) -> DatedCode:
    """The inside of one bracket: "IRQGOV >20200507", "HOB < 950601", "GOV 900101-951231"."""
    inner = inner.strip()
    match = _CODE.match(inner)
    if match is None:
        raise ValueError(f"[{inner}] does not start with a code")
    raw, rest = match.group(), inner[match.end() :].strip()
    code = None if set(raw) <= {"-", "+", "#"} else raw.split("/")[0].upper()
    also = tuple(c.upper() for c in raw.split("/")[1:] if c) if code else ()
    if not rest:
        return DatedCode(code, also=also)
    found = _RESTRICTION.fullmatch(rest)
    if found is None:
        raise ValueError(f"[{inner}]: {rest!r} is not <date, >date or date-date")
    if found.group("op"):
        day = parse_date(found.group("one"))
        if found.group("op") == "<":
            return DatedCode(code, end=day, also=also)
        return DatedCode(code, start=day, also=also)
    start, end = parse_date(found.group("start")), parse_date(found.group("end"))
    if end < start:
        raise ValueError(f"[{inner}]: the range ends before it starts")
    return DatedCode(code, start, end, also)


def parse_codes(text: str) -> list[DatedCode]:
    """Every bracket in `text`, in order: "[USAGOV 20090120-20170120] [USAELI]"."""
    return [parse_bracket(m.group(1)) for m in _BRACKET.finditer(text)]


def codes_cell(path: str, line: int, text: str) -> tuple[DatedCode, ...]:
    """A TSV cell of brackets, with errors naming the file and line."""
    try:
        codes = parse_codes(text)
    except ValueError as err:
        raise DataFileError(path, line, str(err)) from err
    if not codes or _BRACKET.sub("", text).strip():
        raise DataFileError(path, line, f"{text!r} is not a list of [CODE] or [CODE dates]")
    return tuple(codes)
