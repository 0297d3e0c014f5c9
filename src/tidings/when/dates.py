"""Calendar arithmetic against the article date, and the normalised value it yields.

Everything here is pure date arithmetic: which Friday "Friday" means given the
article date and the tense, which year "in December" falls in, the span of days
an ISO week or a month covers. `Norm` is the normalised meaning of one
expression before it is placed in a text.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Literal

from tidings.model import Precision, TimeExpression, TimeType

Tense = Literal["past", "present", "future"]
PRECISION_ORDER: dict[str | None, int] = {"day": 0, "week": 1, "month": 2, "year": 3, None: 4}
UNIT_PRECISION: dict[str, Precision] = {
    "H": "day",
    "D": "day",
    "W": "week",
    "M": "month",
    "Y": "year",
}


@dataclass(frozen=True, slots=True)
class Norm:
    """What an expression means: TIMEX3-style type and value, and the days it covers.

    `implicit_day` marks a time of day ("at 3 pm") that names no day of its own and so
    was put on the article date; the finder may move it to a day written beside it.
    `anaphoric` marks a time counted from the time the narration has reached ("the next
    day", "two weeks later"), read against the article date until the finder re-reads it
    from the day last named; `closing` one that is an expression only when no word follows
    ("the day before." but not "the day before the vote").
    """

    type: TimeType
    value: str
    precision: Precision | None
    first_day: dt.date | None = None
    last_day: dt.date | None = None
    implicit_day: bool = False
    anaphoric: bool = False
    closing: bool = False

    def at(self, start: int, end: int, text: str) -> TimeExpression:
        return TimeExpression(
            start, end, text, self.type, self.value, self.precision, self.first_day, self.last_day
        )


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (or earlier), clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def shift(day: dt.date, count: int, unit: str) -> dt.date:
    """`day` moved by `count` units of H/D/W/M/Y (whole days only for hours)."""
    if unit == "H":
        return day + dt.timedelta(days=int(count / 24))
    if unit == "D":
        return day + dt.timedelta(days=count)
    if unit == "W":
        return day + dt.timedelta(weeks=count)
    return add_months(day, count * (12 if unit == "Y" else 1))


def on_day(day: dt.date) -> Norm:
    return Norm("DATE", day.isoformat(), "day", day, day)


def at_time(day: dt.date, clock: str, implicit: bool = False) -> Norm:
    """A time of day ("MO", "15:00") on `day`; TIMEX3 writes it as 2021-11-07T15:00."""
    return Norm("TIME", f"{day.isoformat()}T{clock}", "day", day, day, implicit)


def week_of(day: dt.date) -> Norm:
    year, week, weekday = day.isocalendar()
    monday = day - dt.timedelta(days=weekday - 1)
    return Norm("DATE", f"{year}-W{week:02d}", "week", monday, monday + dt.timedelta(days=6))


def weekend_of(day: dt.date) -> Norm:
    week = week_of(day)
    assert week.last_day is not None
    saturday = week.last_day - dt.timedelta(days=1)
    return Norm("DATE", f"{week.value}-WE", "week", saturday, week.last_day)


def month_of(year: int, month: int) -> Norm:
    last = calendar.monthrange(year, month)[1]
    first, last_day = dt.date(year, month, 1), dt.date(year, month, last)
    return Norm("DATE", f"{year}-{month:02d}", "month", first, last_day)


def year_of(year: int) -> Norm:
    return Norm("DATE", f"{year}", "year", dt.date(year, 1, 1), dt.date(year, 12, 31))


def of_unit(day: dt.date, unit: str) -> Norm:
    """The calendar day, week, month or year `day` falls in."""
    if unit in ("H", "D"):
        return on_day(day)
    if unit == "W":
        return week_of(day)
    if unit == "M":
        return month_of(day.year, day.month)
    return year_of(day.year)


def pick(past: dt.date | None, future: dt.date | None, anchor: dt.date, tense: Tense) -> dt.date:
    """Choose between the nearest candidate on/before and on/after the anchor by tense.

    Past narration never reaches past the article date; present tense takes the nearer
    candidate (ties go to the past, the usual reading in news).
    """
    if past is None or (tense == "future" and future is not None):
        assert future is not None
        return future
    if tense == "past" or future is None:
        return past
    return past if anchor - past <= future - anchor else future


def weekday_near(anchor: dt.date, weekday: int, tense: Tense, rel: str = "") -> dt.date:
    """Which date a weekday (ISO 1..7) means; rel is "", "last", "this" or "next"."""
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if rel in ("last", "past", "previous"):
        return anchor - dt.timedelta(days=back or 7)
    if rel in ("next", "coming"):
        return anchor + dt.timedelta(days=ahead or 7)
    if rel == "this":
        return anchor + dt.timedelta(days=weekday - anchor.isoweekday())
    past, future = anchor - dt.timedelta(days=back), anchor + dt.timedelta(days=ahead)
    return pick(past, future, anchor, tense)


def month_year(anchor: dt.date, month: int, tense: Tense) -> int:
    """The year of a month named without one: the latest on/before the anchor in the past."""
    past = dt.date(anchor.year - (month > anchor.month), month, 1)
    future = dt.date(anchor.year + (month < anchor.month), month, 1)
    this_month = anchor.replace(day=1)
    return pick(past, future, this_month, tense).year


def day_month(anchor: dt.date, month: int, day: int, tense: Tense) -> dt.date | None:
    """A day and month without a year; None when no such day exists (30 February)."""

    def make(year: int) -> dt.date | None:
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None

    days = [d for d in (make(anchor.year + k) for k in (-1, 0, 1)) if d is not None]
    past = max((d for d in days if d <= anchor), default=None)
    future = min((d for d in days if d >= anchor), default=None)
    if past is None and future is None:
        return None
    return pick(past, future, anchor, tense)


def day_month_on(anchor: dt.date, month: int, day: int, weekday: int) -> dt.date | None:
    """The day and month, in the year nearest the anchor (within a year either way) in
    which it falls on `weekday` (ISO); None when no such year is that near."""
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            found = dt.date(year, month, day)
        except ValueError:
            continue
        if found.isoweekday() == weekday:
            options.append(found)
    return min(options, key=lambda f: abs((f - anchor).days), default=None)


def period(count: int | str, unit: str) -> str:
    """TIMEX3 writes a length of time as P2W, and hours as PT24H."""
    return f"PT{count}{unit}" if unit == "H" else f"P{count}{unit}"


def duration(count: int | None, unit: str, anchor: dt.date) -> Norm:
    """A stretch of time reaching back to the anchor ("the last one month"); unknown counts
    ("the past few days") keep the TIMEX3 `X` and no span."""
    value = period("X" if count is None else count, unit)
    if count is None:
        return Norm("DURATION", value, UNIT_PRECISION[unit])
    return Norm("DURATION", value, UNIT_PRECISION[unit], shift(anchor, -count, unit), anchor)


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def season_of(year: int, code: str) -> Norm:
    """A season of `year` as TIMEX3 writes it (2012-SU); winter runs December to February."""
    first = dt.date(year, _SEASON_START[code], 1)
    last = add_months(first, 3) - dt.timedelta(days=1)
    return Norm("DATE", f"{year}-{code}", "month", first, last)


def season_near(anchor: dt.date, code: str, tense: Tense, rel: str = "") -> Norm:
    """Which summer "last summer", "this summer" or "the summer" means."""
    seasons = [season_of(anchor.year + k, code) for k in (-2, -1, 0, 1)]
    if rel in ("last", "past", "previous"):
        return max((s for s in seasons if s.last_day and s.last_day < anchor), key=_first)
    if rel in ("next", "coming"):
        return min((s for s in seasons if s.first_day and s.first_day > anchor), key=_first)
    if rel == "this":
        return season_of(anchor.year - (code == "WI" and anchor.month <= 2), code)
    past = max((s for s in seasons if s.first_day and s.first_day <= anchor), key=_first)
    future = min((s for s in seasons if s.last_day and s.last_day >= anchor), key=_first)
    assert past.first_day and future.first_day
    chosen = pick(past.first_day, future.first_day, anchor, tense)
    return past if chosen == past.first_day else future


def _first(norm: Norm) -> dt.date:
    assert norm.first_day is not None
    return norm.first_day


def years_of(first: int, count: int, value: str) -> Norm:
    """A decade (199 for the 1990s) or a century (19 for the twentieth): TIMEX3's truncated
    year, at year precision, covering its years."""
    return Norm("DATE", value, "year", dt.date(first, 1, 1), dt.date(first + count - 1, 12, 31))


_PART_START = {"beginning": 0.0, "start": 0.0, "middle": 0.5, "end": 0.9}


def part_of(anchor: dt.date, unit: str, part: str, tense: Tense) -> Norm:
    """The month or year (M/Y) that "the end of the year" means: the current one, except
    that past narration never reaches past the anchor, so before December "peaked by the
    end of the year" is last year's end."""
    current = of_unit(anchor, unit)
    assert current.first_day is not None and current.last_day is not None
    span = (current.last_day - current.first_day).days
    starts = current.first_day + dt.timedelta(days=int(span * _PART_START[part]))
    if tense == "past" and starts > anchor:
        return of_unit(shift(current.first_day, -1, unit), unit)
    return current


def quarter_of(year: int, quarter: int) -> Norm:
    """A quarter of `year` as TIMEX3 writes it (2008-Q3), covering its three months."""
    first = dt.date(year, 3 * quarter - 2, 1)
    last = add_months(first, 3) - dt.timedelta(days=1)
    return Norm("DATE", f"{year}-Q{quarter}", "month", first, last)


def quarter_near(anchor: dt.date, quarter: int, tense: Tense) -> Norm:
    """Which "third quarter" a text means: in past narration the latest begun by the anchor,
    in the future the first not yet over, in the present the nearer."""
    options = [quarter_of(anchor.year + k, quarter) for k in (-1, 0, 1)]
    past = max((q for q in options if q.first_day and q.first_day <= anchor), key=_first)
    future = min((q for q in options if q.last_day and q.last_day >= anchor), key=_first)
    chosen = pick(_first(past), _first(future), anchor, tense)
    return past if chosen == past.first_day else future


def weekend_near(anchor: dt.date, tense: Tense) -> Norm:
    """ "the weekend": the latest begun by the anchor, or in the future the next not over."""
    saturday = anchor - dt.timedelta(days=(anchor.isoweekday() - 6) % 7)
    if tense == "future" and anchor.isoweekday() < 6:
        saturday += dt.timedelta(days=7)
    return weekend_of(saturday)
