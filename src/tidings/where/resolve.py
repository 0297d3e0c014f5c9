"""Choose the gazetteer entry a name means (`records` turns entries into `model.Place`).

A name usually fits several entries ("Paris": France, Texas, Ontario...). The choice
weighs, in order of strength: an explicit container ("Paris, Texas"), a country or US
state of that name over a town (unless the document is about another country and a town
of that name lies among its other places: "Lebanon" in a story of Indiana towns), a
preferred reading from geo/data/aliases.tsv ("New York" is the city), the population, and the
document's focus: the country and US state most of its other places belong to, the
counties it names (a town in one of them), and its other towns (a reading near them).
Second-level areas ("Cobb County") come from `tidings.geo.districts`, each at its own point.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from tidings.geo import Entry, Gazetteer, districts, gazetteer, is_province, norm
from tidings.where.home import Home
from tidings.where.lexicon import words

__all__ = ["Focus", "county_name", "focus_of", "km", "resolve"]

COUNTRY_SCORE = 25.0  # a country outranks any town of its name (ln of population <= 17)
STATE_SCORE = 22.0  # below a country of that name, above it in a US-focused text
FOREIGN_AREA_SCORE = 14.0  # an area abroad yields to a town of the focus ("Victoria", B.C.)
PREFERRED_BONUS = 20.0
CAPITAL_BONUS = 2.0
FOCUS_COUNTRY_BONUS = 4.0
FOCUS_STATE_BONUS = 6.0
HINTED_STATE_BONUS = 4.0  # a town in a state that holds a county the document names
COUNTY_BONUS = 8.0  # a town in a county the document names ("Walker County ... Huntsville")
ALTERNATE_PENALTY = 3.0
NEAR_BONUS = 5.0
NEAR_KM = 150.0
SAME_PLACE_KM = 1.0  # two readings this close are one place under two names
STATE_VOTES = 3  # a state named outright outvotes any one town (its first reading and its
# namesakes' vote): "Rice Lake" may be in Wisconsin, but the story says Illinois
SMALL_TOWN = 1000  # a town this small is taken only on firm evidence
FOREIGN_ALTERNATE = 20_000  # people in a town abroad whose other names are taken at all
MINOR_PROVINCE = 500_000  # a province (geo/states.py) of fewer people counts only at home
NAMESAKE_VOTE = 0.5  # a country with a town of a name the story gives, near its other towns
# a source's home (see `home`): worth more than one ambiguous town's reading and its
# namesakes, less than a state named outright or two towns of one state
HOME_COUNTRY_VOTES = 1.5
HOME_STATE_VOTES = 2.0


@dataclass(frozen=True, slots=True)
class Focus:
    """Where a document is about: its commonest country (ISO2) and first-level area, the
    towns it names (name key, lat, lon, country, admin1), since places in one story lie
    near each other, and the counties it names or its towns lie in."""

    country: str | None = None
    admin1: str | None = None
    towns: tuple[tuple[str, float, float, str, str | None], ...] = ()
    hinted: frozenset[str] = frozenset()  # US states holding a county the document names
    areas: frozenset[tuple[str, str | None, str]] = frozenset()  # second-level areas named
    # (name key, second-level area) of each town reading: the counties the story's towns lie in
    held: frozenset[tuple[str, tuple[str, str | None, str]]] = frozenset()


def focus_of(
    readings: Iterable[tuple[str, Entry]], counties: Iterable[str] = (), home: Home | None = None
) -> Focus:
    """The focus of (name, entry) first readings: commonest country, its commonest admin1.

    Each distinct name counts once (a town named ten times must not outvote the rest with
    its own, perhaps wrong, reading), and a state named outright counts thrice; a name that
    is both a country and a state ("Georgia") votes only for the state, once the rest of the
    document has settled the country (a US story's "Georgia" is the state); and each town
    name also votes once for every state that holds a town of that name, so the state
    most of the names could lie in wins over scattered first readings. Likewise a country
    gets half a vote for each name that has a town there near another of the story's
    towns ("London" beside St. Thomas, Ontario). The US county names of `counties` ("Henry
    County"), placed or not, each vote for the US and hint at the states that hold one so
    named; the second-level areas so named, and those the towns lie in, are kept for
    choosing among same-named counties and towns (see `_county`, `_in_named_area`).
    The source's `home`, when known, adds HOME_COUNTRY_VOTES to its country and
    HOME_STATE_VOTES to its first-level area: enough to settle a one-town story, too few
    to outvote a state the story names.
    """
    gaz = gazetteer()
    counties = list(counties)
    distinct = {(norm(name), e.geonameid): (name, e) for name, e in readings}.values()
    readings = [(name, e) for name, e in distinct if not _two_sided(gaz, e.name)]
    sided = {norm(e.name) for _, e in distinct if _two_sided(gaz, e.name)}
    keys = {norm(c) for c in counties} & gaz.counties.keys()
    countries: Counter[str] = Counter(e.country for _, e in readings if e.country)
    if keys:  # (a zero count would still make the US a candidate focus)
        countries["US"] += len(keys)
    towns = tuple(
        (norm(name), e.lat, e.lon, e.country, e.admin1)
        for name, e in readings
        if e.kind == "city" and e.lat is not None and e.lon is not None
    )
    for key in sorted({t[0] for t in towns}):
        for cc in sorted(_namesake_countries(gaz, key, towns)):
            countries[cc] += NAMESAKE_VOTE
    hinted = frozenset(gaz.entries[i].admin1 or "" for k in keys for i in gaz.counties[k])
    home_cc = _iso2(gaz, home.country) if home is not None else None
    if home_cc is not None:
        countries[home_cc] += HOME_COUNTRY_VOTES
    if not countries:
        return Focus()
    country = _leader(gaz, countries, readings, keys)
    areas: Counter[str] = Counter()
    for _, e in readings:
        if e.country == country and e.admin1:
            areas[e.admin1] += STATE_VOTES if e.feature == "A.ADM1" else 1
    for key in sorted(sided):
        for i in gaz.names.get(key, ()):
            if gaz.entries[i].kind == "admin1" and gaz.entries[i].country == country:
                areas[gaz.entries[i].admin1 or ""] += STATE_VOTES
    for key in sorted({norm(name) for name, e in readings if e.kind == "city"}):
        for admin1 in sorted(_town_states(gaz, key, country)):
            areas[admin1] += 1
    if home is not None and home.admin1 and home_cc == country:
        areas[home.admin1] += HOME_STATE_VOTES
    if country == "US":  # a county name, like a town's, votes for each state holding one
        for key in sorted(keys):
            for admin1 in sorted({gaz.entries[i].admin1 or "" for i in gaz.counties[key]}):
                areas[admin1] += 1
    named = frozenset(_area_key(a) for c in counties for a in districts().named(c))
    held = frozenset(
        (norm(name), _area_key(area))
        for name, e in readings
        if e.kind == "city" and (area := districts().area_of(e)) is not None
    )
    admin1 = areas.most_common(1)[0][0] if areas else None
    return Focus(country, admin1, towns, hinted, named, held)


def _leader(
    gaz: Gazetteer, countries: Counter[str], readings: list[tuple[str, Entry]], keys: set[str]
) -> str:
    """The country with most votes; on a tie, the first read, unless its only support is
    towns with a namesake in another tied country ("Paris" beside "Dallas" may be Texan,
    but "Dallas" is not French)."""
    top = max(countries.values())
    tied = [cc for cc in countries if countries[cc] == top]
    if len(tied) == 1:
        return tied[0]
    holders = {key: _holders(gaz, key) for key in {norm(name) for name, _ in readings} | keys}

    def contestable(cc: str) -> bool:
        support = [(norm(name), e) for name, e in readings if e.country == cc]
        return bool(support) and all(
            e.kind == "city" and holders[key] & (set(tied) - {cc}) for key, e in support
        )

    return next((cc for cc in tied if not contestable(cc)), tied[0])


def _iso2(gaz: Gazetteer, iso3: str) -> str | None:
    return next((cc for cc, code in gaz.iso3.items() if code == iso3), None)


def _holders(gaz: Gazetteer, key: str) -> set[str]:
    """The countries holding a place of that name: the country or region it names, else
    those with a town of some size, a first-level area or a county so named."""
    entries = [gaz.entries[i] for i in gaz.names.get(key, ())]
    wide = {e.country for e in entries if e.kind in ("country", "area")}
    held = wide or {e.country for e in entries if e.kind != "city" or e.population >= SMALL_TOWN}
    if key in gaz.counties and not wide:
        held.add("US")
    return {cc for cc in held if cc}


def _namesake_countries(
    gaz: Gazetteer, key: str, towns: tuple[tuple[str, float, float, str, str | None], ...]
) -> set[str]:
    """The countries holding a town of some size named `key` that lies near another of the
    story's towns as first read ("Paris" near Dallas: the story may be Texan)."""
    found = set()
    for e in (gaz.entries[i] for i in gaz.names.get(key, ())):
        if (
            e.kind == "city"
            and e.population >= SMALL_TOWN
            and e.country not in found
            and _near_others(e, key, Focus(towns=towns))
        ):
            found.add(e.country)
    return found


def _town_states(gaz: Gazetteer, key: str, country: str) -> set[str]:
    """The first-level areas of `country` that hold a town officially named `key`."""
    entries = gaz.lookup(key)[0]  # "mt. pleasant" also as "mount pleasant"
    return {e.admin1 for e in entries if e.kind == "city" and e.country == country and e.admin1}


def _two_sided(gaz: Gazetteer, name: str) -> bool:
    """Whether `name` is both a country and a first-level area ("Georgia"): such a name
    cannot tell the focus, it must take it from the rest of the document."""
    kinds = {gaz.entries[i].kind for i in gaz.names.get(norm(name), ())}
    return "country" in kinds and "admin1" in kinds


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p = math.pi / 180
    h = (
        math.sin((lat2 - lat1) * p / 2) ** 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


def _near_others(entry: Entry, key: str, focus: Focus) -> bool:
    """Whether another town the document names lies within NEAR_KM of this reading (not at
    its very point: "Mexico City" does not make the city of that name a reading of "Mexico")."""
    if entry.lat is None or entry.lon is None:
        return False
    return any(
        other != key and SAME_PLACE_KM < km(entry.lat, entry.lon, lat, lon) <= NEAR_KM
        for other, lat, lon, _, _ in focus.towns
    )


def _within(entry: Entry, container: Entry) -> bool:
    if entry == container or entry.country != container.country:
        return False
    return container.kind != "admin1" or entry.admin1 == container.admin1


def county_name(text: str) -> str:
    """The name with a trailing "Co." spelt out ("Platte Co." is "Platte County")."""
    for short in (" Co.", " Co"):
        if text.endswith(short):
            return text[: -len(short)] + " County"
    return text


def resolve(
    name: str,
    *,
    container: Entry | None = None,
    focus: Focus = Focus(),
    strict: bool = False,
    town: bool = False,
) -> Entry | None:
    """The entry `name` most likely means, or None when no reading is credible.

    `container` is a place that must hold the answer; `strict` is for words NER did not
    call a place, which must match a name exactly and be a real town or lie in the focus;
    `town`, for a name before a person noun ("a Lebanon woman", where a country would
    give its demonym), sets aside the country of that name when a town of the focus
    country bears it (a state keeps its reading: "a Texas man").
    """
    gaz = gazetteer()
    name = county_name(name)
    official, other = gaz.lookup(name)
    official += districts().bare(name)  # "Cambridgeshire", "Cornwall": a county abroad
    readings = [(e, True) for e in official] + [(e, False) for e in other]
    if container is not None:
        readings = [(e, o) for e, o in readings if _within(e, container)]
    if town and any(e.kind == "city" and e.country == focus.country for e, _ in readings):
        readings = [(e, o) for e, o in readings if e.kind != "country"]
    key = norm(name)
    preferred = gaz.preferred.get(key)
    near = {e for e, _ in readings if e.kind == "city" and _near_others(e, key, focus)}
    if any(e.country == focus.country for e in near):  # "Lebanon" among Pennsylvania towns
        readings = [
            (e, o) for e, o in readings if e.kind != "country" or e.country == focus.country
        ]
    best: tuple[float, Entry] | None = None
    for entry, is_official in readings:
        if not _credible(entry, is_official, container, focus, strict):
            continue
        score = _score(gaz, entry, is_official, focus)
        if len(readings) > 1 and entry in near:
            score += NEAR_BONUS
        if preferred is not None and gaz.entries[preferred] == entry:
            score += PREFERRED_BONUS
        if best is None or score > best[0]:
            best = (score, entry)
    if best is None:  # "X County" is an area's exact name: no need for `strict` to guard it
        return _county(gaz, name, container, focus)
    return best[1] if best else None


def _county(gaz: Gazetteer, name: str, container: Entry | None, focus: Focus) -> Entry | None:
    """A second-level area ("Laurel County", "Orleans Parish") at its own point. Of several so
    named, the one holding a town as the document reads it wins ("Walker County" with
    Huntsville, Texas), then one in the focus state, then one holding some town of a name
    the document gives, then one in a state of its towns, then one in the focus country;
    the most populous of those left."""
    parts = norm(name).split()
    if len(parts) < 2 or not {parts[0], parts[-1]} & words("district"):
        return None  # a bare name ("Hume") is a town's before it is a district's
    options = districts().named(name)
    if container is not None:
        options = [a for a in options if _within(a, container)]
    own = " ".join(parts[:-1])  # "DeKalb" beside "DeKalb County" may mean the county itself
    if len(options) > 1:
        held = {area for key, area in focus.held if key != own}
        options = [a for a in options if _area_key(a) in held] or options
    if len(options) > 1 and focus.admin1:
        options = [a for a in options if a.admin1 == focus.admin1] or options
    if len(options) > 1:
        keys = {t[0] for t in focus.towns} - {own}
        towns = {_area_key(a) for key in keys for a in _town_areas(key)}
        options = [a for a in options if _area_key(a) in towns] or options
    if len(options) > 1:
        named = {(c, a) for _, _, _, c, a in focus.towns}
        options = [a for a in options if (a.country, a.admin1) in named] or options
    if len(options) > 1 and focus.country:
        options = [a for a in options if a.country == focus.country] or options
    return max(options, key=lambda a: a.population, default=None)


def _area_key(area: Entry) -> tuple[str, str | None, str]:
    return area.country, area.admin1, area.name


def _town_areas(key: str) -> list[Entry]:
    """The second-level areas that the towns officially named `key` lie in."""
    gaz, found = gazetteer(), districts()
    areas = (found.area_of(gaz.entries[i]) for i in gaz.names.get(key, ()))
    return [a for a in areas if a is not None]


def _credible(
    entry: Entry, is_official: bool, container: Entry | None, focus: Focus, strict: bool
) -> bool:
    """Whether a reading may be chosen at all: tiny foreign hamlets by alternate name may not,
    nor a minor province abroad ("the Southland" of a Californian story is not New Zealand's)."""
    if (
        is_province(entry)
        and entry.population < MINOR_PROVINCE
        and container is None
        and focus.country not in (None, entry.country)
    ):
        return False
    if entry.kind != "city" or container is not None:
        return is_official or not strict
    in_focus = entry.country == focus.country
    if strict and not is_official:
        return False
    if not is_official:  # a foreign name of a town abroad: only a real town's ("Kristina")
        return entry.population >= FOREIGN_ALTERNATE or in_focus
    if strict:
        return entry.population >= SMALL_TOWN or in_focus
    return True


def _score(gaz: Gazetteer, entry: Entry, is_official: bool, focus: Focus) -> float:
    in_focus = entry.country == focus.country
    if entry.kind == "area":
        return COUNTRY_SCORE
    if entry.kind == "country":
        return COUNTRY_SCORE + (FOCUS_COUNTRY_BONUS if in_focus else 0.0)
    if is_province(entry):  # weighed as a town of its people
        score = math.log(entry.population + 2) + (FOCUS_COUNTRY_BONUS if in_focus else 0.0)
        return score + (FOCUS_STATE_BONUS if in_focus and entry.admin1 == focus.admin1 else 0.0)
    if entry.kind == "admin1":
        if focus.country is not None and not in_focus:
            return FOREIGN_AREA_SCORE
        return STATE_SCORE + (FOCUS_COUNTRY_BONUS if in_focus else 0.0)
    score = math.log(entry.population + 2)
    score += CAPITAL_BONUS if entry.feature == "P.PPLC" else 0.0
    score += FOCUS_COUNTRY_BONUS if in_focus else 0.0
    if focus.areas and _in_named_area(entry, focus):
        score += COUNTY_BONUS
    if in_focus and focus.admin1 and entry.admin1 == focus.admin1:
        score += FOCUS_STATE_BONUS
    elif entry.country == "US" and entry.admin1 in focus.hinted:
        score += HINTED_STATE_BONUS
    return score - (0.0 if is_official else ALTERNATE_PENALTY)


def _in_named_area(town: Entry, focus: Focus) -> bool:
    """Whether the town lies in a county (or other second-level area) the document names."""
    area = districts().area_of(town)
    return area is not None and _area_key(area) in focus.areas
