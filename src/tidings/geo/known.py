"""Place names known well enough to stand for their country: US states and big cities.

"A protest in Beijing", "exercises in Alaska", "a missionary from Calgary": the actors and
events stages read such a name as its country, beside the country names of their own table.
"""

from __future__ import annotations

from tidings.geo.geonames import gazetteer

__all__ = ["known_places"]


def known_places() -> list[tuple[str, str]]:
    """(name as written, ISO 3166 alpha-3) of every US state, then of every city of
    `BIG_CITY` people or more, the most populous first, by its name and then its ASCII
    alternates; of the cities' names only those written as a name is (ASCII, capitalised)."""
    gaz = gazetteer()
    found = [(gaz.entries[index].name, "USA") for index in gaz.states.values()]
    cities = sorted(gaz.spellings, key=lambda index: -gaz.entries[index].population)
    for index in cities:
        city = gaz.entries[index]
        country = gaz.iso3.get(city.country)
        if country is None:
            continue
        for name in (city.name, *gaz.spellings[index]):
            if name.isascii() and name[:1].isupper():
                found.append((name, country))
    return found
