"""The patterns of temporal expressions and what each one means.

One table of rules serves both directions: `normalise` full-matches a rule against
a bare string, and the finder searches the same patterns through a document. A
rule's `context` names the words that must stand in front of it when searching
running text ("in 2019", not "2019 people"); the context is not part of the
expression. Words come from `data/words.tsv` through `<MONTH>`-style slots.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from tidings.when import dates as d
from tidings.when.dates import Norm, Tense
from tidings.when.lexicon import STEPS, Lexicon, alternation, lexicon
from tidings.when.narrative import anaphor, sequel
from tidings.when.periods import holiday, quarter, weekend

Handler = Callable[[re.Match[str], dt.date, Tense], "Norm | None"]

_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_Y = r"(?P<year>(?:19|20)\d\d)(?!\d)"
_MOD = r"(?:(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)[-\s]+)"
_PAST = r"(?:last|past|previous)"
_COUNT = r"(?:<NUM>|\d+|a\s+few|few|several|some)"


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: str
    meaning: Handler
    context: str | None = None  # words required in front when searching running text
    glue: str = r"\s+"  # what stands between the context and the expression


def _count(text: str | None) -> int | None:
    """A count written in words or digits; None for "few", "several" and the like."""
    if not text:
        return 1
    text = " ".join(text.lower().split())
    if text.isdigit():
        return int(text)
    return lexicon().numbers.get(text)


def _unit(text: str) -> tuple[int, str]:
    return lexicon().units[" ".join(text.lower().split())]


def _month(m: re.Match[str]) -> int:
    return lexicon().months[m["month"].lower()]


def _year_of(m: re.Match[str], anchor: dt.date, tense: Tense) -> int:
    """The written year, or the one the month falls in given the narration."""
    if m.groupdict().get("year"):
        return int(m["year"])
    rel = (m.groupdict().get("rel") or "").lower()
    if rel:
        return anchor.year + STEPS[rel]
    return d.month_year(anchor, _month(m), tense)


def _iso(m: re.Match[str], anchor: dt.date, tense: Tense) -> Norm | None:
    try:
        return d.on_day(dt.date(int(m["year"]), int(m["mon"]), int(m["day"])))
    except ValueError:
        return None


def _day_month(m: re.Match[str], anchor: dt.date, tense: Tense) -> Norm | None:
    month, day = _month(m), int(m["day"])
    if m["year"]:
        try:
            return d.on_day(dt.date(int(m["year"]), month, day))
        except ValueError:
            return None
    weekday = m.groupdict().get("wdm")
    if weekday:  # "Wednesday, July 31": the year in which that day is that weekday
        found = d.day_month_on(anchor, month, day, lexicon().weekdays[weekday.lower()])
        if found is not None:
            return d.on_day(found)
    found = d.day_month(anchor, month, day, tense)
    return d.on_day(found) if found else None


def _month_only(m: re.Match[str], anchor: dt.date, tense: Tense) -> Norm:
    return d.month_of(_year_of(m, anchor, tense), _month(m))


def _last_month_name(m: re.Match[str], anchor: dt.date, tense: Tense) -> Norm:
    """ "last May": the latest May before this month; "next May" the first after it."""
    month, rel = _month(m), m["rel"].lower()
    if rel == "this":
        return d.month_of(anchor.year, month)
    if rel == "next":
        return d.month_of(anchor.year + (month <= anchor.month), month)
    return d.month_of(anchor.year - (month >= anchor.month), month)


def _year(m: re.Match[str], anchor: dt.date, tense: Tense) -> Norm:
    return d.year_of(int(m["year"]))


def _weekday(m: re.Match[str], anchor: dt.date, tense: Tense) -> Norm:
    lex = lexicon()
    rel = (m["rel"] or "").lower()
    day = d.weekday_near(anchor, lex.weekdays[m["wd"].lower()], tense, rel)
    part = m["part"] or m["part0"]
    return d.at_time(day, lex.dayparts[_norm(part)]) if part else d.on_day(day)


def _deictic(m: re.Match[str], anchor: dt.date, tense: Tense) -> Norm:
    lex = lexicon()
    offset, part = lex.deictics[_norm(m["dx"])]
    part = lex.dayparts[_norm(m["part"])] if m["part"] else part
    day = anchor + dt.timedelta(days=offset)
    return d.at_time(day, part) if part else d.on_day(day)


def _this_part(m: re.Match[str], anchor: dt.date, tense: Tense) -> Norm:
    offset = -1 if m["rel"].lower() == "last" else 0
    return d.at_time(anchor + dt.timedelta(days=offset), lexicon().dayparts[_norm(m["part"])])


def _ago(m: re.Match[str], anchor: dt.date, tense: Tense) -> Norm:
    count = _count(m["num"])
    size, unit = _unit(m["unit"])
    if count is None:
        return Norm("DATE", "PAST_REF", None)
    return d.of_unit(d.shift(anchor, -count * size, unit), unit)


def _relative(m: re.Match[str], anchor: dt.date, tense: Tense) -> Norm:
    """ "last week", "this month", "earlier this year", "next weekend"."""
    step, unit = STEPS[m["rel"].lower()], m["unit"].lower()
    if unit == "weekend":
        return d.weekend_of(anchor + dt.timedelta(weeks=step))
    code = {"week": "W", "month": "M", "year": "Y"}[unit]
    return d.of_unit(d.shift(anchor, step, code), code)


def _duration(m: re.Match[str], anchor: dt.date, tense: Tense) -> Norm | None:
    """ "the last two weeks" reaches back from the anchor; "the past month" with no count is
    the calendar month before, as TIMEX3 reads it (HeidelTime and TempEval-3 agree)."""
    written = m["num"] or m.groupdict().get("num2")
    count = _count(written)
    size, unit = _unit(m["unit"])
    if not written and size == 1 and unit in ("W", "M", "Y"):
        return d.of_unit(d.shift(anchor, -1, unit), unit)
    return d.duration(None if count is None else count * size, unit, anchor)


def _floating(m: re.Match[str], anchor: dt.date, tense: Tense) -> Norm | None:
    """ "for two weeks": a length with no anchor in time, so no span of days."""
    norm = _duration(m, anchor, tense)
    return norm and Norm("DURATION", norm.value, norm.precision)


def _clock(m: re.Match[str], anchor: dt.date, tense: Tense) -> Norm | None:
    hour, minute, ampm = int(m["hour"]), int(m["minute"] or 0), (m["ampm"] or "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    if hour > 23 or minute > 59:
        return None
    return d.at_time(anchor, f"{hour:02d}:{minute:02d}", implicit=True)


def _daypart(m: re.Match[str], anchor: dt.date, tense: Tense) -> Norm:
    return d.at_time(anchor, lexicon().dayparts[_norm(m["part"])], implicit=True)


def _vague(m: re.Match[str], anchor: dt.date, tense: Tense) -> Norm:
    return Norm("DATE", lexicon().vague[_norm(m["word"])], None)


def _set(m: re.Match[str], anchor: dt.date, tense: Tense) -> Norm | None:
    lex, groups = lexicon(), m.groupdict()
    if groups.get("wd"):
        return Norm("SET", f"XXXX-WXX-{lex.weekdays[m['wd'].lower()]}", None)
    if groups.get("unit"):
        count, (size, unit) = _count(m["num"]), _unit(m["unit"])
        return Norm("SET", d.period(count * size, unit), None) if count else None
    return Norm("SET", lex.sets[_norm(m["word"])], None)


def _season(m: re.Match[str], anchor: dt.date, tense: Tense) -> Norm:
    code = lexicon().seasons[m["season"].lower()]
    if m.groupdict().get("year"):
        return d.season_of(int(m["year"]), code)
    return d.season_near(anchor, code, tense, (m.groupdict().get("rel") or "").lower())


def _part_of(m: re.Match[str], anchor: dt.date, tense: Tense) -> Norm:
    """ "the end of the year", "the beginning of the month": the current one, by tense."""
    unit = {"month": "M", "year": "Y"}[m["unit"].lower()]
    return d.part_of(anchor, unit, m["part"].lower(), tense)


def _decade(m: re.Match[str], anchor: dt.date, tense: Tense) -> Norm:
    first = int(m["decade"])
    return d.years_of(first, 10, str(first // 10))


def _century(m: re.Match[str], anchor: dt.date, tense: Tense) -> Norm | None:
    word = m["ord"].lower()
    number = int(word[:-2]) if word[:1].isdigit() else lexicon().ordinals.get(_norm(word))
    if not number or number > 30:
        return None
    return d.years_of((number - 1) * 100, 100, f"{number - 1:02d}")


def _fiscal(m: re.Match[str], anchor: dt.date, tense: Tense) -> Norm:
    if m.groupdict().get("year"):
        return d.year_of(int(m["year"]))
    return d.year_of(anchor.year + STEPS[m["rel"].lower()])


def _short_year(m: re.Match[str], anchor: dt.date, tense: Tense) -> Norm | None:
    """ "58" after "1957-": the later year of a span written short."""
    if not m.groupdict().get("y0"):
        return None
    century, first = int(m["y0"][:2]), int(m["y0"])
    year = century * 100 + int(m["yy"])
    return d.year_of(year) if year > first else None


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


RULES: tuple[Rule, ...] = (
    Rule("iso", r"(?P<year>\d{4})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)", _iso),
    Rule(
        "day month",
        rf"(?:(?P<wdm><WEEKDAY>),?\s+)?(?:the\s+)?{_D}(?:\s+of)?\s+(?P<month><MONTH>)"
        rf"(?:,?\s+{_Y})?",
        _day_month,
    ),
    Rule(
        "month day",
        rf"(?:(?P<wdm><WEEKDAY>),?\s+)?(?P<month><MONTH>)\s+{_D}(?:,?\s+{_Y})?",
        _day_month,
    ),
    Rule("month year", rf"{_MOD}?(?P<month><MONTH>)(?:\s+of)?,?\s+{_Y}", _month_only),
    Rule(
        "month rel year",
        rf"{_MOD}?(?P<month><MONTH>)(?:\s+of)?\s+(?P<rel>last|this|next)\s+year",
        _month_only,
    ),
    Rule("last month name", r"(?P<rel>last|this|next)\s+(?P<month><FMONTH>)", _last_month_name),
    Rule(
        "weekday",
        r"(?:(?:the\s+)?(?P<part0><DAYPART>)\s+of\s+)?(?:(?P<rel>last|this|next|"
        r"past|coming)\s+)?(?:(?:early|late|earlier|later)\s+)?(?P<wd><WEEKDAY>)(?:\s+(?P<part><DAYPART>))?",
        _weekday,
    ),
    Rule(
        "deictic", r"(?:(?:early|late)\s+)?(?P<dx><DEICTIC>)(?:\s+(?P<part><DAYPART>))?", _deictic
    ),
    Rule(
        "this part", r"(?P<rel>this|last)\s+(?P<part>morning|afternoon|evening|night)", _this_part
    ),
    Rule("ago", rf"(?P<num>{_COUNT})\s+(?P<unit><UNIT>)\s+ago", _ago),
    Rule("anaphor", r"(?P<ana><ANAPHOR>)", anaphor),
    Rule("sequel", rf"(?:(?P<num>{_COUNT})[-\s]+)?(?P<unit><UNIT>)\s+(?P<seq><SEQUEL>)", sequel),
    Rule(
        "relative",
        r"(?:(?:earlier|later|early|late)\s+)?(?P<rel>last|this|next|previous|coming"
        r"|current)\s+(?P<unit>week|month|year|weekend)",
        _relative,
    ),
    Rule(
        "duration",
        rf"(?:the\s+{_PAST}\s+(?:(?P<num>{_COUNT})\s+)?|{_PAST}\s+(?P<num2>"
        rf"{_COUNT})\s+)(?P<unit><UNIT>)",
        _duration,
    ),
    Rule("floating", rf"(?P<num>{_COUNT})[-\s]+(?P<unit><UNIT>)", _floating, context=r"for"),
    Rule(  # "90 days", "a four-week strike"; not an age ("a 22-year-old")
        "length",
        rf"(?!an?\s)(?P<num>{_COUNT})[-\s]+(?P<unit><UNIT>)(?![-\s]+old)",
        _floating,
    ),
    Rule(
        "a length",
        r"(?P<num>an?)\s+(?P<unit><UNIT>)",
        _floating,
        context=r"about|than|within|nearly|almost|only|just|over|around|in|after|mere|least",
    ),
    Rule("year", _Y, _year, context=r"in|since|by|until|during|from|before|after|of|throughout"),
    Rule(
        "quarter",
        rf"(?:the\s+)?(?P<q><QUARTER>)[-\s]+quarter(?:\s+(?:of\s+)?{_Y})?",
        quarter,
    ),
    Rule("quarter code", rf"Q(?P<qn>[1-4])[\s/-]*{_Y}", quarter),
    Rule("rel quarter", r"(?P<rel>last|this|next|previous|current|coming|past)\s+quarter", quarter),
    Rule("weekend", r"(?:the|(?P<past>this\s+past))\s+weekend", weekend),
    Rule("holiday", rf"(?P<hol><HOLIDAY>)(?:,?\s+{_Y})?", holiday),
    Rule("part year", rf"(?:early|mid|late)[-\s]*{_Y}", _year),  # "late 2013", "mid-2006"
    Rule(
        "month",
        rf"{_MOD}?(?P<month><FMONTH>)",
        _month_only,
        context=r"in|since|by|until|till|from|during|of|before|after|through|throughout|"
        r"early|mid|late",
    ),
    Rule(
        "clock",
        r"(?:(?:around|about)\s+)?(?P<hour>[012]?\d)(?:[:.](?P<minute>[0-5]\d))?\s*"
        r"(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)(?:\s+(?:<ZONE>)\b)?",
        _clock,
    ),
    Rule(
        "clock24",
        r"(?P<hour>[012]?\d):(?P<minute>[0-5]\d)(?P<ampm>)(?:\s+(?:<ZONE>)\b)?",
        _clock,
        context=r"at|around|by|until|from|after|before",
    ),
    Rule("daypart", r"(?:early|late)\s+(?P<part><DAYPART>)", _daypart),
    Rule(
        "bare daypart",
        r"(?P<part><DAYPART>)",
        _daypart,
        context=r"in\s+the|at|during\s+the|overnight|by|before|after|until",
    ),
    Rule("vague", r"(?P<word><VAGUE>)", _vague),
    Rule("season rel", r"(?P<rel>last|this|next|past|coming)\s+(?P<season><SEASON>)", _season),
    Rule(
        "season year",
        rf"(?:the\s+)?{_MOD}?(?P<season><SEASON>)(?:\s+of)?,?\s+{_Y}",
        _season,
    ),
    Rule(
        "season",
        rf"(?:the\s+)?{_MOD}?(?P<season><BSEASON>)",
        _season,
        context=r"in|during|over|by|until|since|through|throughout|this|last|next|of|before|after",
    ),
    Rule(
        "part of",
        r"(?:the\s+)?(?P<part>end|beginning|start|middle)\s+of\s+(?:the\s+)?(?P<unit>month|year)",
        _part_of,
    ),
    Rule(
        "decade",
        r"(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?(?P<decade>(?:1[0-9]|20)\d0)['’]?s",
        _decade,
    ),
    Rule("century", r"(?:the\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|<ORDINAL>)[-\s]+century", _century),
    Rule(
        "fiscal rel",
        r"(?:the\s+)?(?P<rel>this|last|next|current|previous|coming)\s+fiscal(?:\s+year)?",
        _fiscal,
    ),
    Rule("fiscal year", rf"(?:fiscal(?:\s+year)?\s+|FY\s?){_Y}", _fiscal),
    Rule(
        "short year",
        r"(?P<yy>\d\d)(?!\d)",
        _short_year,
        context=r"(?P<y0>(?:19|20)\d\d)[-–/]",
        glue="",
    ),
    Rule("set weekday", r"(?:every|each)\s+(?P<wd><WEEKDAY>)", _set),
    Rule("set unit", rf"(?:every|each)\s+(?:(?P<num>{_COUNT})\s+)?(?P<unit><UNIT>)", _set),
    Rule("set word", r"(?P<word><SET>)", _set),
    Rule("set plural", r"(?P<wd><WEEKDAY>)s", _set, context="on"),
)


def expand(pattern: str, lex: Lexicon) -> str:
    """Fill the `<MONTH>`-style slots of a pattern with the lexicon's words."""
    slots = {
        "MONTH": lex.months, "FMONTH": lex.full_months, "WEEKDAY": lex.weekdays,
        "NUM": lex.numbers, "UNIT": lex.units, "DAYPART": lex.dayparts,
        "DEICTIC": lex.deictics, "VAGUE": lex.vague, "SET": lex.sets,
        "SEASON": lex.seasons, "BSEASON": lex.bare_seasons, "ORDINAL": lex.ordinals,
        "ZONE": lex.zones, "ANAPHOR": lex.anaphors, "SEQUEL": lex.sequels,
        "QUARTER": lex.quarters, "HOLIDAY": lex.holidays,
    }  # fmt: skip
    return re.sub(r"<([A-Z]+)>", lambda s: f"(?:{alternation(slots[s[1]])})", pattern)


@cache
def compiled() -> tuple[tuple[Rule, re.Pattern[str]], ...]:
    """Each rule with its pattern compiled for full matches (case-insensitive)."""
    lex = lexicon()
    return tuple((rule, re.compile(expand(rule.pattern, lex), re.IGNORECASE)) for rule in RULES)
