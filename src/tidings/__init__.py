"""Tidings: dated news articles in, event data out.

    >>> import datetime, tidings
    >>> events = tidings.extract("Police arrested 40 protesters in Lagos on Monday.",
    ...                          date=datetime.date(2020, 10, 21))

The command line (`tidings --help`) offers the same verbs over files and a store.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from tidings.errors import (
    ConfigError,
    DataFileError,
    InputError,
    StoreError,
    TidingsError,
)
from tidings.model import (
    Acled,
    Actor,
    ActorMention,
    Article,
    Cameo,
    Casualties,
    Event,
    EventMention,
    Place,
    Plover,
    Rejected,
    TimeExpression,
    to_record,
)

__version__ = "0.1.0"

__all__ = [
    "Acled",
    "Actor",
    "ActorMention",
    "Article",
    "Cameo",
    "Casualties",
    "ConfigError",
    "DataFileError",
    "Event",
    "EventMention",
    "InputError",
    "Place",
    "Plover",
    "Rejected",
    "StoreError",
    "TidingsError",
    "TimeExpression",
    "extract",
    "to_record",
]


@cache
def _pipeline(model: str | None):
    from tidings.pipeline import Pipeline

    return Pipeline(model)


def extract(
    text: str, date: dt.date, id: str | None = None, model: str | None = None
) -> list[EventMention]:
    """The event mentions in one article's text, dated against its publication `date`."""
    return _pipeline(model).extract(text, date, id)
