"""Gazetteer entries as the model's `Place` records."""

from __future__ import annotations

from tidings.geo import Entry, gazetteer
from tidings.model import Place

__all__ = ["country_place", "to_place"]


def to_place(entry: Entry, *, landmark: bool = False) -> Place:
    """The model record of an entry; `landmark` marks a spot inside a city given as the city."""
    area = "admin1" if entry.country else "country"  # an area in one country is sub-national
    precision = {"country": "country", "admin1": "admin1", "area": area}.get(entry.kind, "city")
    return Place(
        name=entry.name,
        geonameid=entry.geonameid,
        country=gazetteer().iso3.get(entry.country),
        admin1=entry.admin1,
        lat=entry.lat,
        lon=entry.lon,
        precision="landmark" if landmark and entry.kind == "city" else precision,  # type: ignore[arg-type]
        feature=entry.feature,
    )


def country_place(iso3: str) -> Place | None:
    """The country with that ISO 3166 alpha-3 code, at country precision."""
    gaz = gazetteer()
    for iso2, code in gaz.iso3.items():
        if code == iso3 and iso2 in gaz.countries:
            return to_place(gaz.entries[gaz.countries[iso2]])
    return None
