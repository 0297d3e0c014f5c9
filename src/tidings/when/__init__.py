"""when stage: temporal expressions normalised against the article date, and dated events.

`find_times` reads every temporal expression in a parsed document; `normalise` reads one
bare string (handy for tables and tests); `date_events` gives each event mention its
date, precision and the words it came from, falling back to the article date, labelled.
"""

from tidings.when.attach import date_events
from tidings.when.find import find_times
from tidings.when.normalise import normalise

__all__ = ["date_events", "find_times", "normalise"]
