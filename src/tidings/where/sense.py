"""One sense per discourse: a name a story gives several times names one place."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span

from tidings.geo import gazetteer, norm
from tidings.where.candidates import Candidate
from tidings.where.lexicon import words
from tidings.where.resolve import county_name

__all__ = ["one_sense", "state_sense"]


def one_sense(firm: list[Candidate]) -> None:
    """One sense per discourse: a name the story gives several times is one place. A bare
    name the story also gives as a county ("Platte" beside "Platte County") is that county;
    otherwise the reading an explicit container fixed ("Lebanon, Pa.") wins over any other
    reading, even a country; else the commonest town reading wins among town readings.
    Only mentions free of a container or owner of their own are changed."""
    senses: dict[str, list[Candidate]] = {}
    for c in firm:
        if c.entry is not None and c.label != "INNER" and c.role == "place":
            senses.setdefault(norm(county_name(c.span.text)), []).append(c)
    for key, group in senses.items():
        free = [c for c in group if _free(c)]
        towns = [c for c in free if c.entry.kind == "city"]
        county = next((c.entry for c in senses.get(key + " county", ()) if c.entry), None)
        fixed = [
            c.entry
            for c in group
            if (c.container is not None or c.fixed is not None)
            and (c.entry.kind == "city" or c.entry == c.container)
        ]
        readings = Counter(c.entry for c in group if c.entry.kind == "city").most_common(1)
        if county is not None and county.kind != "city":
            sense, changed = county, towns
        elif fixed:
            sense, changed = fixed[0], free
        elif readings:
            sense, changed = readings[0][0], towns
        else:
            continue
        for c in changed:
            c.entry = sense


def _free(cand: Candidate) -> bool:
    """Whether nothing but the name itself tells where the candidate lies."""
    return cand.container is None and cand.owner is None and cand.fixed is None


def state_sense(firm: list[Candidate]) -> None:
    """A bare name read as a city that is also the name of a first-level area is the area
    when the words say so: coordinated with such an area of the same country ("New York and
    New Jersey"), followed by a noun of states ("the New York border", "New York's
    governor"; `state_noun` in data/words.tsv), or named as one: "New York state", "the
    state of Washington", "the province of Ontario" (`area_noun`), which may name an area of
    another country than the city's ("Ontario", California)."""
    areas = {c.span.root.i: c.entry for c in firm if c.entry and c.entry.kind == "admin1"}
    for c in firm:
        if c.entry is None or c.entry.kind not in ("city", "country") or not _free(c):
            continue
        named = _named_area(c.span)
        options = [e for e in gazetteer().lookup(c.span.text)[0] if e.kind == "admin1"]
        root = c.span.root
        linked = [root.head] if root.dep_ == "conj" else []
        linked += [t for t in root.children if t.dep_ == "conj"]
        beside = {areas[t.i].country for t in linked if areas.get(t.i) is not None}
        if c.entry.kind == "country":  # "Arizona, Georgia and Idaho": a list of US states
            area = next((e for e in options if e.country in beside), None)
            if area is not None:
                c.entry = area
            continue
        same = [e for e in options if e.country == c.entry.country]
        area = next(iter(same), None) or (options[0] if named and options else None)
        if area is None:
            continue
        listed = area.country in beside
        doc, after = c.span.doc, c.span.end
        if after < len(doc) and doc[after].tag_ == "POS":
            after += 1
        noun = after < len(doc) and doc[after].lower_ in words("state_noun")
        if listed or noun or named:
            c.entry = area


def _named_area(span: Span) -> bool:
    """Whether the words call the name an area: "New York state", "the state of Washington",
    "Anhui province" (an `area_noun` of data/words.tsv, written in lower case)."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.text in words("area_noun"):
        return True
    return (
        span.start >= 2
        and doc[span.start - 1].lower_ == "of"
        and doc[span.start - 2].text in words("area_noun")
    )
