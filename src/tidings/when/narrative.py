"""Times counted from the narration, not from the article date: "the next day", "two
weeks later", "that night".

A rule reads such a phrase against whatever anchor it is given, marked `anaphoric`; the
finder then reads it again from the last time the text named before it (HeidelTime's
"narrative" reference time). When the last time named is too coarse to count from (a year,
before "the next day") the phrase names no day; when the text names none before it, the
article date stays the anchor. The anchor moves with each time read, so "The next day ...
Two days later ..." counts on from the day before; a look back ("The year before, ...") is a
flashback, after which the narration goes on from where it was.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from tidings.when import dates as d
from tidings.when.dates import PRECISION_ORDER, Norm, Tense
from tidings.when.lexicon import lexicon

Found = tuple[int, int, Norm]
Reader = Callable[[str, dt.date, int, int], "Norm | None"]  # words, anchor, start, end
_NOTHING_FOLLOWS = re.compile(r"\s*(?:[^\w\s]|$)")
_COMPARED = re.compile(r"\s+than\b", re.IGNORECASE)
_UNKNOWN = Norm("DATE", "XXXX-XX-XX", None, anaphoric=True)


def anaphor(m: re.Match[str], anchor: dt.date, tense: Tense) -> Norm:
    """ "the next day", "that night", "the following year": a fixed step from the anchor."""
    step, unit, part, closing = lexicon().anaphors[" ".join(m["ana"].lower().split())]
    day = d.shift(anchor, step, unit)
    norm = d.at_time(day, part) if part else d.of_unit(day, unit)
    return _marked(norm, closing)


def sequel(m: re.Match[str], anchor: dt.date, tense: Tense) -> Norm | None:
    """ "two days later", "a week earlier", "hours later": a length counted from the anchor.

    A length with no count ("days later") names no day, except hours, which stay on the
    anchor's day; a lone singular ("10 per month before") is no time at all."""
    lex = lexicon()
    sign, closing = lex.sequels[" ".join(m["seq"].lower().split())]
    unit_word = " ".join(m["unit"].lower().split())
    size, unit = lex.units[unit_word]
    written = " ".join((m["num"] or "").lower().split())
    if not written and not unit_word.endswith("s"):
        return None
    count = int(written) if written.isdigit() else lex.numbers.get(written)
    if count is None and unit != "H":
        return _marked(_UNKNOWN, closing)
    norm = d.of_unit(d.shift(anchor, sign * (count or 0) * size, unit), unit)
    return _marked(norm, closing)


def _marked(norm: Norm, closing: bool) -> Norm:
    return Norm(
        norm.type, norm.value, norm.precision, norm.first_day, norm.last_day,
        anaphoric=True, closing=closing,
    )  # fmt: skip


def settle(text: str, found: Found) -> Found | None:
    """A found time as it stands in the text. A phrase that is a time only at the end of
    its words ("the day before") with a word after it ("the day before the vote") is a day
    counted from another event: its "the day" names a day of the narration's year, as
    TIMEX3 writes it (2012-XX-XX); a count ("two days before the vote") is only a length,
    and a count compared ("three days later than planned") no time at all."""
    start, end, norm = found
    if not norm.anaphoric:
        return found
    if _COMPARED.match(text, end):
        return None
    if not norm.closing or _NOTHING_FOLLOWS.match(text, end):
        return found
    head = text[start:end].rsplit(None, 1)[0]
    words = head.lower().split()
    if len(words) == 2 and words[0] == "the" and words[1] in lexicon().units:
        return (start, start + len(head), _UNKNOWN)
    return None


def reanchor(text: str, chosen: list[Found], read: Reader, article: dt.date) -> list[Found]:
    """Each anaphoric time read again from the last time named before it."""
    out: list[Found] = []
    last: Norm | None = None
    for start, end, norm in chosen:
        anaphoric = norm.anaphoric
        if anaphoric:
            if last is not None:
                norm = _from(text[start:end], norm, last, start, end, read)
            if norm.first_day is None:  # no day to count to: the narration's year, at least
                year = last.first_day.year if last is not None and last.first_day else article.year
                norm = Norm("DATE", f"{year}-XX-XX", None)
        out.append((start, end, norm))
        if not norm.first_day or not norm.precision or norm.type == "DURATION":
            continue
        if norm.implicit_day or (anaphoric and last and last.first_day > norm.first_day):
            continue  # a clock time on no day; a look back ("the day before") is a flashback
        last = norm
    return out


def _from(words: str, norm: Norm, last: Norm, start: int, end: int, read: Reader) -> Norm:
    """`norm` counted from `last` instead of the article date; no day at all when `last`
    is coarser than what is counted ("in 2019 ... the next day")."""
    assert last.first_day is not None
    if norm.precision is None or PRECISION_ORDER[last.precision] > PRECISION_ORDER[norm.precision]:
        return _UNKNOWN
    again = read(words, last.first_day, start, end)
    return again if again is not None else norm
