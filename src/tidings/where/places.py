"""Find the places a parsed document names and resolve them against GeoNames.

Candidates are spaCy GPE/LOC/FAC entities, plus capitalised words NER missed or
mislabelled that stand where places stand (the object of "in", "near", "from"..., or
followed by ", <state or country>", or opening a dateline); a name placed once is taken
as the same place wherever else it stands in the document. Toponyms inside other names
("Ohio Department of Health") are found too (see `embedded`); the bare surname of a
person the story names is set aside ("Trapani" after "Andrew Trapani", see `people`).
Every toponym carries a role (see `roles`): a "place"; a "metonym", a country or capital
that is the subject of a verb ("Washington said", "Iraq announced"); or a "demonym"
("Iraqi", "Texans"), resolved to the place it names. Only places say where events happen.
Resolution runs twice: once plainly, then again with the document's focus (the country
and US state most of the first readings fall in, metonyms and demonyms left out) to
settle ambiguous names.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from tidings.geo import Entry, gazetteer, is_province, norm
from tidings.model import PlaceMention, PlaceRole
from tidings.nlp import doc_text
from tidings.where.candidates import Candidate
from tidings.where.cues import (
    abbreviation,
    address_places,
    capital_of_named_country,
    context,
    county_lists,
    institution_places,
    misdated,
    national,
    party_places,
    townsfolk,
)
from tidings.where.embedded import (
    BIG_CITY,
    PLACE_LABELS,
    SEARCHED_LABELS,
    embedded_names,
    saints,
    union_name,
)
from tidings.where.home import Home
from tidings.where.lexicon import words
from tidings.where.people import not_a_place, unplace_abroad
from tidings.where.records import to_place
from tidings.where.resolve import Focus, county_name, focus_of, resolve
from tidings.where.roles import find_demonyms, is_demonym, is_metonym
from tidings.where.sense import one_sense, state_sense
from tidings.where.spans import proper_runs, trim

__all__ = ["find_places"]

NEVER_LABELS = frozenset(
    {"NORP", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
)
_AFTER_COMMA = re.compile(r",\s*((?:[A-Z][\w.']*\s?){1,3})")
# a dateline opening a story or paragraph: "TORRINGTON —", "HURRICANE, W.Va. -", "BEIRUT:",
# or following a byline's date ("March 29, 2009 NEWARK --")
_DATELINE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=\d{4}\s))\s*([A-Z][A-Z'’.]+(?:[ -][A-Z][A-Z'’.]+){0,3})"
    r"(?:,\s*([A-Z][A-Za-z.]+(?: ?[A-Z][A-Za-z.]+)?))?\s*(?:\([^)]{1,30}\)\s*)?(?:-{2,3}|[—–:-])\s"
)


def find_places(doc: Doc, home: Home | None = None) -> list[PlaceMention]:
    """Every toponym in `doc`, resolved, in text order, each with its role.

    Metonyms ("Iraq announced") and demonyms ("Iraqi") are reported with their role, as
    the gold sets and GDELT count them; `locate_events` places events on role "place"
    only. Toponyms inside other names ("Ohio Department of Health") and countries used
    as adjectives ("US officials") are places: `embedded.is_modifier` tells them apart.
    `home`, where the article's source usually reports from (see `home`), is a weak prior
    for the document's focus.
    """
    candidates = _candidates(doc)
    candidates = [c for c in candidates if not not_a_place(c.span, c.container or c.fixed, c.label)]
    firm = [c for c in candidates if c.label in PLACE_LABELS or c.fixed or _cued(c)]
    firm += [c for c in candidates if c.label == "INNER"]
    for candidate in firm:
        _resolve(candidate, Focus())
    counties = [c.span.text for c in firm if norm(county_name(c.span.text)) in gazetteer().counties]
    focus = focus_of(_readings(firm), counties, home)
    for candidate in firm:
        _resolve(candidate, focus)
    if counties:  # a county has no point of its own: place it amid the towns now settled
        focus = focus_of(_readings(firm), counties, home)
        for candidate in firm:
            if norm(county_name(candidate.span.text)) in gazetteer().counties:
                _resolve(candidate, focus)
    one_sense(firm)
    state_sense(firm)
    unplace_abroad(firm, focus.country)
    # one sense per discourse: a name placed once is a place wherever else it stands
    known = {norm(c.span.text): c.entry for c in firm if c.entry and _role(c) == "place"}
    firm += _listed_with_places(candidates, firm, focus)  # placed here alone
    firm_ids = {id(c) for c in firm}
    for candidate in candidates:
        if id(candidate) not in firm_ids and candidate.label != "FAC":
            candidate.entry = known.get(norm(candidate.span.text))
    placed = [c for c in candidates if c.entry is not None]
    placed += _demonym_candidates(doc, placed)
    placed.sort(key=lambda c: c.span.start)
    outer = [c.span for c in placed if c.label != "INNER"]
    return [
        PlaceMention(
            place=to_place(c.entry, landmark=c.landmark),
            start=c.span.start_char,
            end=c.span.end_char,
            text=c.span.text,
            role=_role(c),
        )
        for c in placed
        if c.entry is not None
        and not (
            c.label == "INNER" and any(o.start < c.span.end and c.span.start < o.end for o in outer)
        )
    ]


def _listed_with_places(
    candidates: list[Candidate], firm: list[Candidate], focus: Focus
) -> list[Candidate]:
    """Names coordinated with a place NER called one ("Bicester and Kidlington",
    "Gainesville and Duluth"), resolved strictly to a town of the same country: a list of
    places is a list of places, whatever NER made of the other names."""
    firm_ids = {id(c) for c in firm}
    placed = {
        i: c.entry.country
        for c in firm
        if c.entry and c.label in ("GPE", "LOC")
        for i in range(c.span.start, c.span.end)
    }
    listed: list[Candidate] = []
    for cand in candidates:
        if id(cand) in firm_ids or cand.label in ("FAC", "INNER"):
            continue
        root = cand.span.root
        siblings = [t for t in root.children if t.dep_ == "conj"]
        if root.dep_ == "conj":
            siblings.append(root.head)
        countries = {placed[t.i] for t in siblings if t.i in placed}
        if not countries:
            continue
        _resolve(cand, focus)
        if cand.entry is not None and cand.entry.country in countries:
            listed.append(cand)
        else:
            cand.entry = None
    return listed


def _role(cand: Candidate) -> PlaceRole:
    """The candidate's role once resolved: "demonym" is set when found, else metonym/place."""
    if (
        cand.role == "place"
        and not cand.dateline  # "LEBANON – Troops shelled...": where the story is filed
        and cand.entry is not None
        and is_metonym(cand.span, cand.entry, cand.container)
    ):
        cand.role = "metonym"
    return cand.role


def _readings(firm: list[Candidate]) -> list[tuple[str, Entry]]:
    """The resolved places (no metonyms) the document's focus is drawn from."""
    return [
        (c.span.text, c.entry)
        for c in firm
        if c.entry is not None and not is_metonym(c.span, c.entry, c.container)
    ]


def _demonym_candidates(doc: Doc, placed: list[Candidate]) -> list[Candidate]:
    """Demonyms outside the toponyms already found ("Iraqi", "Texans")."""
    taken = {i for c in placed for i in range(c.span.start, c.span.end)}
    return [
        Candidate(span, "NORP", entry=entry, role="demonym")
        for span, entry in find_demonyms(doc, taken)
    ]


def _candidates(doc: Doc) -> list[Candidate]:
    """Spans that may be places, with their ", container" and "owner's" cues linked."""
    found: list[Candidate] = []
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in NEVER_LABELS and not (_region_named(ent) or misdated(ent)):
            taken.update(range(ent.start, ent.end))
            continue
        span = trim(ent)
        if span is None or norm(span.text) in words("stop") or saints(span):
            continue
        label = ent.label_ if ent.label_ in PLACE_LABELS else "OTHER"
        if ent.label_ == "NORP":
            label = ""  # a town's name the tagger took for a people ("Aleppo")
        taken.update(range(ent.start, ent.end))
        if label == "OTHER" and (union := union_name(span)) is not None:
            found.append(Candidate(union, "GPE", ner=ent.label_))
            continue
        found.append(Candidate(span, label, ner=ent.label_))
        if ent.label_ in SEARCHED_LABELS | {"GPE", "LOC"} and len(span) > 1:
            strong = ent.label_ in ("GPE", "LOC")
            found += [Candidate(inner, "INNER") for inner in embedded_names(span, strong)]
    for span in proper_runs(doc, taken):
        if norm(span.text) not in words("stop"):
            found.append(Candidate(span, ""))
    for m in _DATELINE.finditer(doc_text(doc)):
        _add_dateline(doc, m, found)
    _add_cued(found, party_places(doc), "GPE")
    _add_cued(found, county_lists(doc), "", county=True)
    _add_cued(found, county_lists(doc, "area_plural"), "")
    _add_cued(found, address_places(doc), "")
    _add_cued(found, institution_places(doc), "INNER")
    found.sort(key=lambda c: c.span.start)
    extra = [_link(doc, c, found) for c in found]
    found += [c for c in extra if c is not None]
    found.sort(key=lambda c: c.span.start)
    return found


def _region_named(ent: Span) -> bool:
    """A NORP entity that is the very name of a place ("in Punjab", "from Aleppo"), not a
    demonym: the tagger's slip, so it is a candidate like any other unlabelled name."""
    if ent.label_ != "NORP" or is_demonym(ent.text) or ent.text.isupper():
        return False
    gaz = gazetteer()
    return norm(ent.text) in gaz.names


def _add_cued(found: list[Candidate], spans: list[Span], label: str, county: bool = False) -> None:
    """Firm candidates for spans a wording of `cues` marks; an INNER one adds to what is
    there, any other takes the place of the candidates it overlaps."""
    for span in spans:
        name = None
        if county and not span.text.endswith(("County", "Parish")):
            name = f"{span.text} {'Parish' if span.doc[span.end].text == 'parishes' else 'County'}"
        same = [c for c in found if c.span.start == span.start and c.span.end == span.end]
        for c in same:
            c.cued, c.name = True, name
        if same:
            continue
        if label != "INNER":
            found[:] = [
                c for c in found if not (c.span.start < span.end and span.start < c.span.end)
            ]
        found.append(Candidate(span, label, name=name, cued=True))


def _add_dateline(doc: Doc, m: re.Match[str], found: list[Candidate]) -> None:
    """A dateline's place is firm, whatever NER made of the capitals."""
    span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    if span is None or len(m.group(1)) < 3 or norm(m.group(1)) in words("stop"):
        return
    container = gazetteer().container(m.group(2).rstrip(".")) if m.group(2) else None
    container = container or (gazetteer().container(m.group(2)) if m.group(2) else None)
    found[:] = [c for c in found if not (c.span.start < span.end and span.start < c.span.end)]
    found.append(Candidate(span, "GPE", container=container, dateline=True))


def _link(doc: Doc, cand: Candidate, found: list[Candidate]) -> Candidate | None:
    """Attach the container after a comma and the owner before "'s"; a new mention if needed."""
    span = cand.span
    if span.start >= 2 and doc[span.start - 1].tag_ == "POS":
        owner = [c for c in found if c.span.end == span.start - 1]
        cand.owner = owner[0] if owner else None
    m = _AFTER_COMMA.match(doc_text(doc), span.end_char)
    if m is None:
        return None
    parts = m.group(1).split()
    for n in range(len(parts), 0, -1):
        text = " ".join(parts[:n]).rstrip(",")
        options = gazetteer().all_containers(text)
        if not options and text.endswith("."):
            text = text.rstrip(".")
            options = gazetteer().all_containers(text)
        # a province closes a place only when it holds a town of that name: after a comma,
        # a person's or a list's next name is more often a province's too ("Isom, Paul")
        # and after a state's name, only one that holds a town of that name ("Washington,
        # D.C."): "Colorado, Georgia, Idaho" is a list of states
        area = _state_name(span.text)
        if (
            area
            and any(c.span.end == span.start - 1 and _state_name(c.span.text) for c in found)
            and doc[span.start - 1].text == ","
        ):
            return None  # "Virginia, Washington, West Virginia": the list goes on
        options = [
            c for c in options if not (is_province(c) or area) or resolve(span.text, container=c)
        ]
        if not options:
            continue
        # "Atlanta, Georgia": the container that holds a town of that name
        held = (c for c in options if resolve(span.text, container=c) is not None)
        container = options[0] if len(options) == 1 else next(held, options[0])
        cand.container = container
        begin = m.start(1)
        for other in found:
            if other.span.start_char == begin:
                other.fixed = other.fixed or (container if other.label != "FAC" else None)
                return None
        mention = doc.char_span(begin, begin + len(text), alignment_mode="expand")
        return Candidate(mention, "", fixed=container) if mention is not None else None
    return None


def _state_name(text: str) -> bool:
    """Whether `text` is the name of a first-level area (it may be a town's too)."""
    return any(e.kind == "admin1" for e in gazetteer().lookup(text)[0])


def _cued(cand: Candidate) -> bool:
    """Whether a span NER did not call a place stands where places stand."""
    if cand.cued or cand.container is not None or context(cand.span.root) is not None:
        return True
    if cand.ner == "PERSON":
        return len(cand.span) == 1 and capital_of_named_country(cand.span)
    return national(cand.span.text)


def _resolve(cand: Candidate, focus: Focus) -> None:
    """Set the candidate's entry (and landmark flag) under the given focus."""
    cand.landmark = False
    if cand.fixed is not None:
        cand.entry = cand.fixed
        return
    owner = cand.owner.entry if cand.owner is not None else None
    if owner is not None:
        gaz = gazetteer()
        country = owner
        if owner.kind == "city" and owner.country in gaz.countries:
            country = gaz.entries[gaz.countries[owner.country]]
        inside = None if cand.label == "FAC" else _lookup(cand, country, focus)
        cand.entry, cand.landmark = (inside, False) if inside else (owner, True)
        return
    if cand.label == "FAC":  # a building or road, known only through the place that holds it
        seat = gazetteer().preferred.get(norm(cand.span.text))  # "the White House"
        cand.entry, cand.landmark = (gazetteer().entries[seat], True) if seat else (None, False)
        return
    entry = _lookup(cand, cand.container, focus)
    if entry is None and _town_in_state(cand):
        entry = cand.container  # "Grantville, Pennsylvania": the state is nearer than a namesake
    if entry is None and cand.container is not None:
        entry = _lookup(cand, None, focus)  # "Georgia, Armenia and ...": a list, not a container
    cand.entry = entry


def _town_in_state(cand: Candidate) -> bool:
    """Whether the candidate is a town the gazetteer lacks in the first-level area named
    after it ("Grantville, Pennsylvania"): a town name (no country or area of that name)
    that NER calls a place or that is some town's name elsewhere."""
    if cand.container is None or cand.container.kind != "admin1":
        return False
    official, other = gazetteer().lookup(cand.name or cand.span.text)
    kinds = {e.kind for e in official + other}
    if any(e.population >= BIG_CITY for e in official):
        return False  # "Moscow, Kiev and Minsk": a list of cities, not a town in a province
    return kinds <= {"city"} and (bool(kinds) or cand.label in ("GPE", "LOC"))


def _lookup(cand: Candidate, container: Entry | None, focus: Focus) -> Entry | None:
    """Resolve the span's words, then without a leading direction word ("northern Syria")."""
    strict = cand.label not in PLACE_LABELS
    tokens = list(cand.span)
    if container is None and all(t.lower_ in words("direction") for t in tokens):
        return None  # "the West", "North West": a quarter of the world, not West, Texas
    town = townsfolk(cand.span) or cand.dateline  # "MALTA –" atop a story of Illinois towns
    name = cand.name or cand.span.text
    entry = resolve(name, container=container, focus=focus, strict=strict, town=town)
    if entry is None and (cand.cued or not strict or cand.label == "INNER"):
        entry = abbreviation(cand.span.text)  # "Mass.", "N.J." standing alone
    while entry is None and len(tokens) > 1 and tokens[0].lower_ in words("direction"):
        first = tokens[0].text  # "West Wing", "South Side": a capitalised compass noun
        compass = first == first.capitalize() and norm(first) in words("compass")
        tokens = tokens[1:]
        text = cand.span.doc[tokens[0].i : tokens[-1].i + 1].text
        entry = resolve(text, container=container, focus=focus, strict=strict)
        if entry is not None and compass and entry.kind == "city" and entry.population < BIG_CITY:
            entry = None  # but "West Philadelphia", "South Venezuela" keep theirs
    return entry
