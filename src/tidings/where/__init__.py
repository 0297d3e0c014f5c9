"""where stage: place names resolved against GeoNames, and events tied to their places.

    places = find_places(doc)                    # list[PlaceMention], in text order
    places = find_places(doc, home)              # with a source's home as a weak prior
    found, homes = find_places_with_homes([(doc, source_key(url)), ...])  # both passes
    events = locate_events(doc, events, places)  # each with location / location_text

Every toponym carries a role: "place", "metonym" ("Washington said") or "demonym"
("Iraqi", resolved to Iraq). All three are toponyms; events are placed on places only.

Names are resolved against the GeoNames gazetteer of `tidings.geo` (built once per process
on first use). Hand-written knowledge of reading places lives in `data/words.tsv`,
`data/cues.tsv` (wordings that mark a name as a place) and `data/demonyms.tsv`.
"""

from tidings.where.batch import batch_homes, find_places_with_homes
from tidings.where.home import Home, learn_homes, source_key
from tidings.where.locate import locate_events
from tidings.where.places import find_places

__all__ = [
    "Home",
    "batch_homes",
    "find_places",
    "find_places_with_homes",
    "learn_homes",
    "locate_events",
    "source_key",
]
