"""When mentions report the same real-world event: two symmetric predicates.

Within one article, `same_story(a, b)` on two mentions: the CAMEO roots share a family
(data/families.tsv), the modalities agree (a denial counts as asserted: it is about a
real event), actors are compatible on each side (same country and sector where both are
known: "IRQ" fits "IRQGOV", an unknown actor fits anyone), places are compatible (same
country; within `NEAR_KM` when both are at city precision), and the dates overlap, an
article-date fallback fitting any date. That is enough: the article is telling one
story ("the drone strike", "a rocket hit the house", "the failed attempt").

Across articles, `same_event(s, t)` on two `Story`s (an article's mentions of one event,
aggregated): same block (country, family), dates at most `WINDOW_DAYS` apart, no
conflict (incompatible actors, places more than `NEAR_KM` apart, disjoint killed or
injured counts), at least one piece of distinctive evidence (an actor agreeing to the
country, overlapping casualty counts, or shared uncommon words in the evidence), and a
score of at least `THRESHOLD` (actors, place distance, same day, trigger, code, toll,
words). Both are pure functions of their two arguments, so clustering by them gives the
same events whatever order the mentions arrive in.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from tidings.model import Actor, EventMention
from tidings.resources import package_file, read_tsv

WINDOW_DAYS = 1  # cross-article date window: |day difference| <= this
NEAR_KM = 50.0  # city-precision places further apart are different places
SAME_PLACE_KM = 10.0
THRESHOLD = 2.0  # cross-article score needed on top of the hard conditions
WORDS_SHARED = 2  # uncommon evidence words two stories must share to count as evidence
_FINE = ("landmark", "city")
_RANK = {"landmark": 0, "city": 0, "admin1": 1, "country": 2}
_WORD = re.compile(r"(?<![\w-])[a-z][a-z-]{3,}\b")

Side = tuple[str | None, str | None]  # an actor as (country, sector); both None: unknown
Range = tuple[int | None, int | None]


@cache
def families() -> dict[str, str]:
    """CAMEO root -> merge family, checked once at load."""
    table: dict[str, str] = {}
    for row in read_tsv(package_file("tidings.merge", "data/families.tsv"), ("root", "family")):
        root = row["root"]
        if len(root) != 2 or not root.isdigit() or root in table:
            raise row.fail(f"root {root!r} must be two digits, listed once")
        table[root] = row["family"]
    return table


@cache
def stopwords() -> frozenset[str]:
    rows = read_tsv(package_file("tidings.merge", "data/stopwords.tsv"), ("word",))
    return frozenset(row["word"].lower() for row in rows)


def family(root: str) -> str:
    """The merge family of a root; an unlisted root is a family of its own."""
    return families().get(root, f"root-{root}")


def _side(actor: Actor | None) -> Side | None:
    if actor is None or not (actor.country or actor.sector):
        return None  # no code ("gunmen"): unknown, fits anyone
    return (actor.country, actor.sector)


@dataclass(frozen=True, slots=True)
class Facts:
    """What the predicates look at in one mention (computed once per mention)."""

    mention_id: str
    article_id: str
    family: str
    code: str
    modality: str
    first_day: dt.date | None
    last_day: dt.date | None
    fallback: bool
    place: tuple[int | None, float, float] | None  # fine places only: (geonameid, lat, lon)
    place_rank: int  # 0 city/landmark, 1 admin1, 2 country, 3 none
    place_country: str | None
    source: Side | None
    target: Side | None
    trigger: str
    killed: Range
    injured: Range
    words: frozenset[str]

    @classmethod
    def of(cls, m: EventMention, article_date: dt.date | None = None) -> Facts:
        p, toll = m.location, m.casualties
        first = m.date or article_date
        fine = p is not None and p.precision in _FINE and None not in (p.lat, p.lon)
        return cls(
            mention_id=m.event_id,
            article_id=m.article_id,
            family=family(m.cameo.root),
            code=m.cameo.code,
            modality="asserted" if m.modality == "denied" else m.modality,
            first_day=first,
            last_day=m.date_end or first,
            fallback=m.date_is_fallback or m.date is None,
            place=(p.geonameid, p.lat, p.lon) if fine else None,  # type: ignore[union-attr]
            place_rank=_RANK.get(p.precision, 3) if p else 3,
            place_country=p.country if p else None,
            source=_side(m.source),
            target=_side(m.target),
            trigger=m.trigger.lower(),
            killed=(toll.killed_min, toll.killed_max) if toll else (None, None),
            injured=(toll.injured_min, toll.injured_max) if toll else (None, None),
            words=frozenset(_WORD.findall(m.evidence)) - stopwords(),
        )


def same_story(a: Facts, b: Facts) -> bool:
    """Two mentions of one article telling the same event (see the module docstring)."""
    if a.mention_id == b.mention_id:
        return True
    if a.article_id != b.article_id or a.family != b.family or a.modality != b.modality:
        return False
    if not (_sides_fit(a.source, b.source) and _sides_fit(a.target, b.target)):
        return False
    if a.place_country and b.place_country and a.place_country != b.place_country:
        return False
    if a.place and b.place and _km(a.place, b.place) > NEAR_KM:
        return False
    return a.fallback or b.fallback or _gap(a.first_day, a.last_day, b.first_day, b.last_day) <= 0


@dataclass(frozen=True, slots=True)
class Story:
    """One article's mentions of one event, pooled: what cross-article merging compares."""

    article_id: str
    mention_ids: tuple[str, ...]
    family: str
    modality: str
    country: str | None  # the block country: the finest place's, else an actor's
    first_day: dt.date | None
    last_day: dt.date | None
    precise: bool  # dated by the text, not only by the article date
    places: frozenset[tuple[int | None, float, float]]
    sources: frozenset[Side]
    targets: frozenset[Side]
    triggers: frozenset[str]
    codes: frozenset[str]
    killed: Range
    injured: Range
    words: frozenset[str]

    @classmethod
    def of(cls, facts: Sequence[Facts]) -> Story:
        fs = sorted(facts, key=lambda f: f.mention_id)
        dated = [f for f in fs if not f.fallback and f.first_day and f.last_day] or [
            f for f in fs if f.first_day and f.last_day
        ]
        if dated:  # the narrowest spans the text gives ("on Sunday" beats "this year")
            width = min((f.last_day - f.first_day).days for f in dated)  # type: ignore[operator]
            dated = [f for f in dated if (f.last_day - f.first_day).days == width]  # type: ignore[operator]
        placed = sorted((f for f in fs if f.place_country), key=lambda f: f.place_rank)
        actors = [s[0] for f in fs for s in (f.target, f.source) if s and s[0]]
        return cls(
            article_id=fs[0].article_id,
            mention_ids=tuple(f.mention_id for f in fs),
            family=fs[0].family,
            modality=fs[0].modality,
            country=placed[0].place_country if placed else (actors[0] if actors else None),
            first_day=min(f.first_day for f in dated) if dated else None,  # type: ignore[type-var]
            last_day=max(f.last_day for f in dated) if dated else None,  # type: ignore[type-var]
            precise=any(not f.fallback for f in dated),
            places=frozenset(f.place for f in fs if f.place),
            sources=frozenset(f.source for f in fs if f.source),
            targets=frozenset(f.target for f in fs if f.target),
            triggers=frozenset(f.trigger for f in fs),
            codes=frozenset(f.code for f in fs),
            killed=max((f.killed for f in fs), key=_lower),
            injured=max((f.injured for f in fs), key=_lower),
            words=frozenset().union(*(f.words for f in fs)),
        )

    def block(self) -> tuple[str, str] | None:
        """The cross-article block (country, family); None: never merged across articles."""
        return (self.country, self.family) if self.country and self.first_day else None


def same_event(s: Story, t: Story) -> bool:
    """Two stories from different articles telling the same event."""
    if s.article_id == t.article_id or s.modality != t.modality:
        return False
    if s.block() is None or s.block() != t.block():
        return False
    if _gap(s.first_day, s.last_day, t.first_day, t.last_day) > WINDOW_DAYS:
        return False
    evidence = _evidence(s, t)
    return evidence is not None and evidence[0] and evidence[1] >= THRESHOLD


def score(s: Story, t: Story) -> float:
    """The evidence two stories share (-inf when they conflict)."""
    evidence = _evidence(s, t)
    return -math.inf if evidence is None else evidence[1]


def _evidence(s: Story, t: Story) -> tuple[bool, float] | None:
    """(any distinctive evidence, score), or None when the stories conflict."""
    total, distinctive = 0.0, False
    for mine, theirs in ((s.sources, t.sources), (s.targets, t.targets)):
        if mine and theirs:
            fits = [(x, y) for x in mine for y in theirs if _sides_fit(x, y)]
            if not fits:
                return None
            if any(x[0] and x[0] == y[0] for x, y in fits):
                total, distinctive = total + 1.0, True
    for mine, theirs in ((s.killed, t.killed), (s.injured, t.injured)):
        overlap = _overlap(mine, theirs)
        if overlap is False:
            return None
        if overlap:
            total, distinctive = total + 1.0, True
    if s.places and t.places:
        km = min(_km(x, y) for x in s.places for y in t.places)
        if km > NEAR_KM:
            return None
        total += 1.0 if km <= SAME_PLACE_KM else 0.5
    if len(s.words & t.words) >= WORDS_SHARED:
        total, distinctive = total + 1.0, True
    if s.precise and t.precise and s.first_day == t.first_day:
        total += 0.5
    total += 0.5 * bool(s.triggers & t.triggers) + 0.5 * bool(s.codes & t.codes)
    return distinctive, total


def _sides_fit(x: Side | None, y: Side | None) -> bool:
    if x is None or y is None:
        return True
    countries = x[0] is None or y[0] is None or x[0] == y[0]
    sectors = x[1] is None or y[1] is None or x[1].startswith(y[1]) or y[1].startswith(x[1])
    return countries and sectors


def _lower(r: Range) -> int:
    return -1 if r[0] is None else r[0]


def _overlap(x: Range, y: Range) -> bool | None:
    """True: both known and overlapping; False: both known and disjoint; None: unknown."""
    if x[0] is None or y[0] is None:
        return None
    x_hi = x[1] if x[1] is not None else 10**9
    y_hi = y[1] if y[1] is not None else 10**9
    return max(x[0], y[0]) <= min(x_hi, y_hi)


def _km(a: tuple[int | None, float, float], b: tuple[int | None, float, float]) -> float:
    """Great-circle distance between two places (0 for the same GeoNames id)."""
    if a[0] is not None and a[0] == b[0]:
        return 0.0
    lat1, lon1, lat2, lon2 = map(math.radians, (a[1], a[2], b[1], b[2]))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _gap(a0: dt.date | None, a1: dt.date | None, b0: dt.date | None, b1: dt.date | None) -> int:
    """Days between two date spans (0 when they overlap; huge when one is unknown)."""
    if a0 is None or a1 is None or b0 is None or b1 is None:
        return 10**6
    return max(0, (max(a0, b0) - min(a1, b1)).days)
