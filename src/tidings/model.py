"""The typed records every stage agrees on.

Stages pass these frozen dataclasses to each other, never plain dicts and never
each other's internals. Character offsets (`start`, `end`) always index into
`Article.text`, so a record can be traced back to the words it came from.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

Precision = Literal["day", "week", "month", "year"]
PlacePrecision = Literal["country", "admin1", "city", "landmark"]
PlaceRole = Literal["place", "metonym", "demonym"]
Modality = Literal["asserted", "negated", "future", "threat", "hypothetical", "denied"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
# How an actor's code was reached: "known" from a lexicon or dictionary entry, "inferred"
# from kind words or context (an open-world name, the story's country); None: no code.
Basis = Literal["known", "inferred"]


@dataclass(frozen=True, slots=True)
class Article:
    """One dated news article, as read by `ingest`."""

    id: str
    date: dt.date
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # "path:line" it was read from


@dataclass(frozen=True, slots=True)
class Rejected:
    """A record that could not be read, and why; kept so nothing is lost silently."""

    origin: str  # the file (or stream) it came from
    line: int | None
    reason: str
    excerpt: str = ""


@dataclass(frozen=True, slots=True)
class Actor:
    """Who: the words and their CAMEO/Phoenix actor code.

    `code` is the full code ("IRQGOV", "USAMIL", "IGOUNO"); `country` is the ISO 3166
    alpha-3 country the actor belongs to (None for IGOs and the unknown) and `sector`
    the agent block (GOV, MIL, REB, IGO, ...). `basis` says how the code was reached, so
    analysts can keep known entries apart from inferred codes; None when nothing is coded
    (a named participant no evidence places: `code` None, `text` kept).
    """

    text: str
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    affiliation: str | None = None  # e.g. IRN for "pro-Iran militias" in IRQ
    basis: Basis | None = None

    @classmethod
    def of(cls, text: str, country: str | None, sector: str | None, **kw: Any) -> Actor:
        """An actor whose code is simply country + sector."""
        code = f"{country or ''}{sector or ''}" or None
        return cls(text=text, code=code, country=country, sector=sector, **kw)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor found in the text, with where it stands."""

    actor: Actor
    start: int
    end: int
    sentence_index: int
    kind: Literal["state", "organisation", "person", "group", "pronoun", "role"] = "group"


@dataclass(frozen=True, slots=True)
class Cameo:
    code: str
    root: str
    quad_class: int
    goldstein: float
    name: str = ""


@dataclass(frozen=True, slots=True)
class Plover:
    type: str
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class Acled:
    event_type: str
    sub_event_type: str | None = None


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A temporal expression normalised against the article date (TIMEX3-style)."""

    start: int
    end: int
    text: str
    type: TimeType
    value: str  # "2021-11-07", "2021-W44", "2021-10", "2020", "P1M", "PRESENT_REF"
    precision: Precision | None
    first_day: dt.date | None = None  # the span of days it covers, where it has one
    last_day: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place from the gazetteer."""

    name: str
    geonameid: int | None
    country: str | None  # ISO 3166 alpha-3
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: PlacePrecision
    feature: str | None = None  # GeoNames feature class/code, e.g. "P.PPLC"


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym in the text and the place it names, with the role it plays there:

    - "place": somewhere things are or happen ("fighting in Aleppo", "US officials");
    - "metonym": a country, region or capital standing for its government ("Washington
      said", "Iraq announced");
    - "demonym": a word for a place's people or qualities ("Iraqi", "Texans"), given the
      place it names.

    All three are toponyms (the gold sets and GDELT's location lists count them); only a
    "place" can be where an event happens.
    """

    place: Place
    start: int
    end: int
    text: str
    role: PlaceRole = "place"


@dataclass(frozen=True, slots=True)
class Casualties:
    """Counts as min/max ranges ("at least 12" -> 12..None), with the words they came from."""

    killed_min: int | None = None
    killed_max: int | None = None
    injured_min: int | None = None
    injured_max: int | None = None
    arrested_min: int | None = None
    arrested_max: int | None = None
    abducted_min: int | None = None
    abducted_max: int | None = None
    displaced_min: int | None = None
    displaced_max: int | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event as one sentence reports it: the unit JSONL output writes per line."""

    event_id: str
    article_id: str
    sentence_index: int
    evidence: str
    trigger: str
    trigger_start: int
    trigger_end: int
    cameo: Cameo
    plover: Plover | None = None
    acled: Acled | None = None
    source: Actor | None = None
    target: Actor | None = None
    date: dt.date | None = None
    date_end: dt.date | None = None  # last day the date covers (== date at day precision)
    date_precision: Precision | None = None
    date_text: str | None = None
    date_is_fallback: bool = False  # True when only the article date was available
    location: Place | None = None
    location_text: str | None = None
    casualties: Casualties | None = None
    modality: Modality = "asserted"
    attributed_to: Actor | None = None
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class Event:
    """A real-world event: its mentions merged (GDELT's NumMentions/NumSources/NumArticles)."""

    event_id: str
    mention: EventMention  # the representative mention
    mention_ids: tuple[str, ...] = field(default_factory=tuple)
    num_mentions: int = 1
    num_sources: int = 1
    num_articles: int = 1
    first_seen: dt.date | None = None  # earliest article date among its mentions
    last_seen: dt.date | None = None  # latest article date among its mentions


def to_record(obj: Any) -> Any:
    """A JSON-ready dict of a record, dates as ISO strings."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_record(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dt.date):
        return obj.isoformat()
    if isinstance(obj, (list, tuple)):
        return [to_record(x) for x in obj]
    return obj
