"""Tidings: dated news articles in, event data out.

    >>> import datetime, tidings
    >>> events = tidings.extract("Police arrested 40 protesters in Lagos on Monday.",
    ...                          date=datetime.date(2020, 10, 21))

The command line's verbs are Python functions in `tidings.verbs`, with the same options:
`extract`, `ingest`, `query`, `export`, `demo`, `times`, `places`, `evaluate` (the
command `tidings eval`), `audit_sample` and `audit_score` (`tidings audit sample`,
`tidings audit score`). All but `ingest` are here too (`tidings.ingest` is the ingest
stage's package), imported on first use so that `import tidings` stays quick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tidings.errors import (
    ConfigError,
    DataFileError,
    InputError,
    OutputError,
    SheetError,
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
    "OutputError",
    "Place",
    "Plover",
    "Rejected",
    "SheetError",
    "StoreError",
    "TidingsError",
    "TimeExpression",
    "audit_sample",
    "audit_score",
    "demo",
    "evaluate",
    "export",
    "extract",
    "places",
    "query",
    "times",
    "to_record",
]

if TYPE_CHECKING:
    from tidings.verbs import (
        audit_sample,
        audit_score,
        demo,
        evaluate,
        export,
        extract,
        places,
        query,
        times,
    )

# not `ingest`: importing the ingest stage binds `tidings.ingest` to its package
_VERBS = frozenset(
    {
        "audit_sample",
        "audit_score",
        "demo",
        "evaluate",
        "export",
        "extract",
        "places",
        "query",
        "times",
    }
)


def __getattr__(name: str) -> Any:
    """The verbs, from `tidings.verbs` on first use: it loads spaCy and DuckDB."""
    if name in _VERBS:
        from tidings import verbs

        return getattr(verbs, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
