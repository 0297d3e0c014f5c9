"""A source's home: where a newspaper's stories usually lie, learnt from the same input.

A local paper's one-town story ("The Arlington council voted ...") names no state: the
text alone cannot tell Arlington, Virginia from Arlington, Texas. The paper's other
stories can. Its home is where the places its stories name without ambiguity cluster
(a state named outright, a town no other state or country holds a town of): the country
most of its articles name such places in, and the first-level area most of them do when
it dominates. Resolving again with that home as a weak prior (a few votes for the
document focus, see `resolve.focus_of`) settles the same-named towns, while a state the
story names, a ", State" after the town and one sense per story still decide first.

    first = [find_places(doc) for doc in docs]
    homes = learn_homes(zip(keys, first))        # keys from `source_key(url, source)`
    again = [find_places(doc, homes.get(k)) for doc, k in zip(docs, keys)]

`find_places_with_homes` does both passes. Nothing is kept between calls: the same input
gives the same homes, and a home is learnt only from the articles given together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from spacy.tokens import Doc

from tidings.model import PlaceMention
from tidings.where.gazetteer import gazetteer

__all__ = ["Home", "find_places_with_homes", "learn_homes", "source_key"]

MIN_ARTICLES = 2  # a home is the pattern of several stories, never one story's own places
SMALL_TOWN = 1000  # a namesake this small does not make a name ambiguous


@dataclass(frozen=True, slots=True)
class Home:
    """Where a source's stories usually lie: a country (ISO 3166 alpha-3, as in
    `model.Place`) and, when one dominates, its first-level area (GeoNames admin1 code)."""

    country: str
    admin1: str | None = None


def source_key(url: str | None, source: str | None = None) -> str | None:
    """The key a source's articles share: the host of the URL without "www.", else the
    source's name as given (case and spaces folded); None when neither is known."""
    if url:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
        host = host.removeprefix("www.")
        if host:
            return host
    if source and source.strip():
        return " ".join(source.casefold().split())
    return None


def learn_homes(articles: Iterable[tuple[str | None, Sequence[PlaceMention]]]) -> dict[str, Home]:
    """The home of each source key, from (key, mentions) per article: the country that at
    least half of the source's articles (and MIN_ARTICLES) name an unambiguous place in,
    and likewise a first-level area of it. Each article votes once per country or area,
    so a long story of many places weighs no more than a short one."""
    countries: dict[str, Counter[str]] = {}
    areas: dict[str, Counter[tuple[str, str]]] = {}
    voters: Counter[str] = Counter()
    for key, mentions in articles:
        if key is None:
            continue
        sure = [p for p in (_unambiguous(m) for m in mentions) if p is not None]
        if not sure:
            continue
        voters[key] += 1
        countries.setdefault(key, Counter()).update({cc for cc, _ in sure})
        areas.setdefault(key, Counter()).update({(cc, a) for cc, a in sure if a})
    homes = {}
    for key in sorted(voters):
        country = _dominant(countries[key], voters[key])
        if country is None:
            continue
        inside = Counter({a: n for (cc, a), n in areas[key].items() if cc == country})
        homes[key] = Home(country, _dominant(inside, voters[key]))
    return homes


def _dominant(votes: Counter, voters: int):  # type: ignore[type-arg]
    """The single leader of `votes`, if at least half the voters and MIN_ARTICLES gave it."""
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked:
        return None
    top, n = ranked[0]
    if n < MIN_ARTICLES or 2 * n < voters or (len(ranked) > 1 and ranked[1][1] == n):
        return None
    return top


def _unambiguous(mention: PlaceMention) -> tuple[str, str | None] | None:
    """(country ISO3, admin1) of a place its words name without doubt: every reading of
    the name (countries, areas, towns of SMALL_TOWN people or more) lies in that one
    first-level area ("Illinois", "Chicago"; not "Springfield", not "Georgia")."""
    place = mention.place
    if mention.role != "place" or place.country is None:
        return None
    gaz = gazetteer()
    official, other = gaz.lookup(mention.text)
    readings = [e for e in official or other if e.kind != "city" or e.population >= SMALL_TOWN]
    if not readings and place.precision in ("country", "admin1"):
        return place.country, place.admin1  # an abbreviation: "Ill.", "U.S."
    where = {(gaz.iso3.get(e.country), e.admin1 if e.kind != "country" else None) for e in readings}
    if where != {(place.country, place.admin1 if place.precision != "country" else None)}:
        return None
    return place.country, (place.admin1 if place.precision != "country" else None)


def find_places_with_homes(
    docs: Sequence[tuple[Doc, str | None]],
) -> tuple[list[list[PlaceMention]], dict[str, Home]]:
    """Every toponym of each (doc, source key), resolved twice: plainly, then, where the
    source has a home learnt from these very docs, again with that home as a prior.
    Returns the mentions per doc, in order, and the homes learnt."""
    from tidings.where.places import find_places

    first = [find_places(doc) for doc, _ in docs]
    homes = learn_homes((key, mentions) for (_, key), mentions in zip(docs, first, strict=True))
    found = [
        find_places(doc, homes[key]) if key in homes else mentions
        for (doc, key), mentions in zip(docs, first, strict=True)
    ]
    return found, homes
