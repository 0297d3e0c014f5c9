"""The gazetteer's rows and their index by name, apart from how the one gazetteer is built.

`Entry` is one city, first-level area, country or other area; `Gazetteer` finds entries
by normalised name (`norm`): `names` holds official names, `alternates` the other
spellings GeoNames lists (kept apart because alternates are noisier).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any, NamedTuple

__all__ = ["Entry", "Gazetteer", "is_province", "norm"]

LOOKUPS_KEPT = 50_000  # names whose lookup is kept (memory stays flat on any corpus)


class Entry(NamedTuple):
    """One gazetteer row: a city, a first-level area or a country."""

    geonameid: int | None  # None for an area of data/regions.tsv
    name: str
    country: str  # ISO 3166 alpha-2 (alpha-3 is looked up when a Place is made)
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int  # 0 for a US state or hand-listed area: ranked by kind (see resolve)
    kind: str  # "city" | "admin1" | "country" | "area" (a continent, sea or other region)
    feature: str


def is_province(entry: Entry) -> bool:
    """Whether the entry is an area of `states` or `admin2`, weighed by its people (a US
    state or hand-listed area has none: it is weighed by its kind)."""
    return entry.kind == "admin1" and entry.population > 0


def norm(text: str) -> str:
    """The lookup key of a name: accents dropped, case folded, "the" and spaces tidied."""
    if text.isascii():
        text = text.lower()
        if "-" not in text and "  " not in text and not text.startswith("the "):
            return text.strip()
    else:
        text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
        text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    if "-" in text or "  " in text or text[:1].isspace() or text[-1:].isspace():
        text = " ".join(text.replace("-", " ").split())
    return text[4:] if text.startswith("the ") else text


@dataclass
class Gazetteer:
    entries: list[Entry] = field(default_factory=list)
    names: dict[str, Any] = field(default_factory=dict)  # key -> entry indices
    alternates: dict[str, Any] = field(default_factory=dict)
    containers: dict[str, int] = field(default_factory=dict)  # "ill." -> the Illinois entry
    preferred: dict[str, int] = field(default_factory=dict)  # "new york" -> the city
    counties: dict[str, list[int]] = field(default_factory=dict)  # "laurel county" -> states
    countries: dict[str, int] = field(default_factory=dict)  # ISO2 -> entry
    states: dict[str, int] = field(default_factory=dict)  # "IL" -> entry
    regions: dict[tuple[str, str], int] = field(default_factory=dict)  # ("CA", "08") -> entry
    iso3: dict[str, str] = field(default_factory=dict)  # ISO2 -> ISO3
    abbreviations: dict[str, str] = field(default_factory=dict)  # "mt." -> "mount"
    # a city of `geonames.BIG_CITY` people or more -> its alternate names as news writes
    # names (ASCII, capitalised)
    spellings: dict[int, tuple[str, ...]] = field(default_factory=dict)
    # name -> what `lookup` found: a story repeats its place names, and common names
    # list many entries; emptied when an entry is added, and when it grows too large
    found: dict[str, tuple[tuple[Entry, ...], tuple[Entry, ...]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def add(self, entry: Entry, alternates: list[str] | tuple[()] = ()) -> int:
        """Index an entry under its name and the (already normalised) alternate keys."""
        index = len(self.entries)
        self.entries.append(entry)
        self.found.clear()
        official = norm(entry.name)
        self.names.setdefault(official, []).append(index)
        for key in set(alternates):
            if len(key) > 2 and key != official:
                self.alternates.setdefault(key, []).append(index)
        return index

    def lookup(self, name: str) -> tuple[list[Entry], list[Entry]]:
        """Entries whose official name is `name`, and those that only list it as an alternate;
        a leading abbreviation is also read spelled out ("Mt. Pleasant", "Mount Pleasant")."""
        found = self.found.get(name)
        if found is None:
            if len(self.found) >= LOOKUPS_KEPT:
                self.found.clear()
            found = self.found[name] = self._lookup(name)
        return list(found[0]), list(found[1])

    def _lookup(self, name: str) -> tuple[tuple[Entry, ...], tuple[Entry, ...]]:
        keys = [norm(name)]
        first, _, rest = keys[0].partition(" ")
        if rest and first in self.abbreviations:
            keys.append(f"{self.abbreviations[first]} {rest}")
        official = list(dict.fromkeys(i for k in keys for i in self.names.get(k, ())))
        other = list(dict.fromkeys(i for k in keys for i in self.alternates.get(k, ())))
        other = [i for i in other if i not in official]
        return tuple(self.entries[i] for i in official), tuple(self.entries[i] for i in other)

    def container(self, name: str) -> Entry | None:
        """The country or state a trailing ", X" names, abbreviations included."""
        found = self.all_containers(name)
        return found[0] if found else None

    def all_containers(self, name: str) -> list[Entry]:
        """Every country or area `name` may mean as a container, the likeliest first
        ("Georgia": the country, then the US state; the town before it decides)."""
        key = norm(name)
        if key not in self.containers and f"{key}." in self.containers:
            key = f"{key}."  # an abbreviation without its last full stop: "N.Y", "Calif"
        big = [e for e in self.lookup(name)[0] if e.kind != "city"]
        if key in self.containers:
            first = self.entries[self.containers[key]]
            return [first, *(e for e in big if e != first)]
        return big
