"""The country a place name stands for, for an event's place ("a protest in Beijing",
"exercises in Alaska", "a meeting in Zurich"): the actors' own country lexicon first
(names, aliases, capitals), then the US states and big cities of the GeoNames gazetteer
(`tidings.geo.known_places`). Not actor coding: a place after "in" acts on nothing; the
events stage uses its country as the event's target where PETRARCH does."""

from __future__ import annotations

from functools import cache

from tidings.actors.lexicon import default_lexicon, form_key
from tidings.geo import known_places

__all__ = ["demonym_country", "place_country"]


@cache
def _place_forms() -> dict[str, str]:
    """Country names, aliases and capitals by `form_key`; then states and cities (the most
    populous city of a name wins)."""
    forms: dict[str, str] = {}
    for country in default_lexicon().countries.values():
        for form in (country.name, *country.aliases, *country.capitals):
            forms.setdefault(form_key(form), country.iso3)
    for name, country in known_places():
        forms.setdefault(form_key(name), country)
    return forms


@cache
def _demonym_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for country in default_lexicon().countries.values():
        for form in country.demonyms:
            forms.setdefault(form_key(form), country.iso3)
    return forms


def demonym_country(word: str) -> str | None:
    """The country of a demonym ("Israeli" -> ISR), for the events stage: a demonym
    modifying an event noun ("Israeli shelling") names the event's source, which the
    actors stage leaves uncoded as it describes a thing, not an actor."""
    return _demonym_forms().get(form_key(word.strip()))


def place_country(name: str) -> str | None:
    """The country a place name stands for ("Beijing" -> CHN, "Alaska" -> USA,
    "Zurich" -> CHE); None for anything else."""
    name = name.strip()
    if name.lower().startswith("the "):
        name = name[4:]
    return _place_forms().get(form_key(name))
