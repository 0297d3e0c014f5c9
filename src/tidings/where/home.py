"""A source's home: where a newspaper's stories usually lie, learnt from the same input.

A local paper's one-town story ("The Arlington council voted ...") names no state: the
text alone cannot tell Arlington, Virginia from Arlington, Texas. The paper's other
stories can. Its home is where the places its stories name cluster: the country most of
its articles name places of sure country in (no other country holds a place so named),
and the first-level area most of its place names could lie in, when one dominates. A
host under a country's own domain ("lfpress.ca") is of that country, whatever its
stories name (Canadian papers name many places of sure US country, few of sure
Canadian). Resolving again with that home as a weak prior (a few votes for the document
focus, see `resolve.focus_of`) settles the same-named towns, while a state the story
names, a ", State" after the town and one sense per story still decide first.

    first = [find_places(doc) for doc in docs]
    homes = learn_homes(zip(keys, first))        # keys from `source_key(url, source)`
    again = [find_places(doc, homes.get(k)) for doc, k in zip(docs, keys)]

`batch.find_places_with_homes` does both passes. Nothing is kept between calls: the same
input gives the same homes, and a home is learnt only from the articles given together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from tidings.geo import gazetteer, norm
from tidings.model import Place, PlaceMention
from tidings.resources import package_file, read_tsv

__all__ = ["Home", "domain_country", "learn_homes", "source_key"]

MIN_ARTICLES = 2  # a home is the pattern of several stories, never one story's own places
SMALL_TOWN = 1000  # a namesake this small does not make a name ambiguous
COUNTRY_SHARE = 2 / 3  # of a source's articles naming a place of sure country: a paper
# read abroad names other countries often, and US places are the likeliest to be sure
AREA_SHARE = 1 / 2


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
    """The home of each source key, from (key, mentions) per article.

    A host under a country's own domain ("lfpress.ca", "independent.ie") is of that
    country, whatever its stories name (see data/domains.tsv). Otherwise the country is
    the one that COUNTRY_SHARE of the source's articles (MIN_ARTICLES at
    least) name a place in whose name no other country holds ("Illinois", "Chicago"; not
    "Paris"). Within it, each place name an article gives splits one vote among the
    country's first-level areas that hold a place of that name ("Illinois" gives Illinois
    a whole vote, "Springfield" a sliver to each of a dozen states), and an article gives
    any one area a whole vote at most, so a long story weighs no more than a short one:
    the area with AREA_SHARE of the articles' votes, and more than any other, is the home's.
    Towns, states and countries all vote; metonyms and demonyms do not.
    """
    named: dict[str, list[list[tuple[Place, set[tuple[str, str | None]]]]]] = {}
    for key, mentions in articles:
        if key is not None:
            named.setdefault(key, []).append(list(_readings(mentions)))
    homes = {}
    for key in sorted(named):
        sure = [
            {p.country for p, where in names if {cc for cc, _ in where} == {p.country}}
            for names in named[key]
        ]
        sure = [found for found in sure if found]
        votes = Counter(cc for found in sure for cc in found)
        country = domain_country(key) or _dominant(votes, len(sure), votes, COUNTRY_SHARE)
        if country is None:
            continue
        areas: Counter[str] = Counter()
        supporters: Counter[str] = Counter()
        voters = 0
        for names in named[key]:
            inside: Counter[str] = Counter()
            for _, where in names:
                held = sorted(a for cc, a in where if cc == country and a)
                for admin1 in held:
                    inside[admin1] += 1 / len(held)
            voters += bool(inside)
            areas.update({a: min(1.0, v) for a, v in inside.items()})
            supporters.update(inside.keys())
        homes[key] = Home(country, _dominant(areas, voters, supporters, AREA_SHARE))
    return homes


def domain_country(key: str) -> str | None:
    """The country (ISO3) whose own domain ends the host `key` ("lfpress.ca": CAN), or None
    (a generic or sold-to-anyone ending, or no host at all)."""
    if "." not in key or " " in key:
        return None
    tld = key.rsplit(".", 1)[1]
    iso2 = _domain_table().get(tld, tld.upper() if len(tld) == 2 else None)
    return gazetteer().iso3.get(iso2) if iso2 and iso2 != "-" else None


@cache
def _domain_table() -> dict[str, str]:
    table = package_file("tidings.where", "data/domains.tsv")
    return {row["tld"].lower(): row["country"] for row in read_tsv(table, ["tld", "country"])}


def _dominant(
    votes: Counter[str], voters: int, supporters: Counter[str], share: float
) -> str | None:
    """The single leader of `votes`, if it has at least `share` of the voters' votes,
    from MIN_ARTICLES articles or more."""
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked:
        return None
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if supporters[top] < MIN_ARTICLES or n < share * voters or n <= second:
        return None
    return top


def _readings(
    mentions: Sequence[PlaceMention],
) -> Iterator[tuple[Place, set[tuple[str, str | None]]]]:
    """Each distinct place name (role "place") with the (country ISO3, admin1) its readings
    lie in: countries, areas and towns of SMALL_TOWN people or more."""
    gaz = gazetteer()
    seen = set()
    for m in mentions:
        if m.role != "place" or m.place.country is None or norm(m.text) in seen:
            continue
        seen.add(norm(m.text))
        official, other = gaz.lookup(m.text)
        readings = [e for e in official or other if e.kind != "city" or e.population >= SMALL_TOWN]
        where = {
            (iso3, e.admin1 if e.kind != "country" else None)
            for e in readings
            if (iso3 := gaz.iso3.get(e.country))
        }
        if not where and m.place.precision in ("country", "admin1"):  # "Ill.", "U.S."
            where = {(m.place.country, m.place.admin1 if m.place.precision == "admin1" else None)}
        if where:
            yield m.place, where
