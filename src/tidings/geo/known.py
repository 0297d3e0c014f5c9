"""Place names known well enough to stand for their country: US states and big cities.

"A protest in Beijing", "exercises in Alaska", "a missionary from Calgary": the actors and
events stages read such a name as its country, beside the country names of their own table.
"""

from __future__ import annotations

from tidings.geo.geonames import gazetteer

__all__ = ["known_places"]


def known_places() -> list[tuple[str, str]]:
    """(name as written, ISO 3166 alpha-3) of every US state, then of every city of
    `geonames.BIG_CITY` people or more, the most populous first, by its name (if written as a name
    is: ASCII, capitalised) and then its alternate names so written."""
    gaz = gazetteer()
    found = [(gaz.entries[index].name, "USA") for index in gaz.states.values()]
    cities = sorted(gaz.spellings, key=lambda index: -gaz.entries[index].population)
    for index in cities:
        city = gaz.entries[index]
        country = gaz.iso3.get(city.country)
        if country is None:
            continue
        if city.name.isascii() and city.name[:1].isupper():
            found.append((city.name, country))
        found += [(name, country) for name in gaz.spellings[index]]
    return found
