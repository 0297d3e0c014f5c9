"""Named periods of the calendar: quarters ("the third quarter of 2008", "Q3 2008", "last
quarter"), the weekend, and feasts on a fixed day ("Christmas", "New Year's Day").

Without a year, which one is meant follows the narration's tense as for months: past
narration takes the latest begun by the article date, a future clause the next.
"""

from __future__ import annotations

import datetime as dt
import re

from tidings.when import dates as d
from tidings.when.dates import Norm, Tense
from tidings.when.lexicon import STEPS, lexicon


def quarter(m: re.Match[str], anchor: dt.date, tense: Tense) -> Norm:
    groups = m.groupdict()
    if groups.get("qn"):
        number = int(groups["qn"])
    elif groups.get("q"):
        number = lexicon().quarters[m["q"].lower()]
    else:  # "last quarter": a step from the anchor's own quarter
        index = anchor.year * 4 + (anchor.month - 1) // 3 + STEPS[m["rel"].lower()]
        return d.quarter_of(index // 4, index % 4 + 1)
    if groups.get("year"):
        return d.quarter_of(int(m["year"]), number)
    return d.quarter_near(anchor, number, tense)


def weekend(m: re.Match[str], anchor: dt.date, tense: Tense) -> Norm:
    return d.weekend_near(anchor, "past" if m["past"] else tense)


def holiday(m: re.Match[str], anchor: dt.date, tense: Tense) -> Norm | None:
    month, day = lexicon().holidays[" ".join(m["hol"].lower().replace("’", "'").split())]
    if m.groupdict().get("year"):
        return d.on_day(dt.date(int(m["year"]), month, day))
    found = d.day_month(anchor, month, day, tense)
    return d.on_day(found) if found else None
