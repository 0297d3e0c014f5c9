"""Toponyms inside other names, and toponyms that only modify a noun.

"Ohio Department of Health", "Titus County Jail", "University of Nebraska at Omaha": an
organisation or building name often carries the place it belongs to. Those places are
toponyms (gold sets count them) but say nothing about where an event happened, so
`locate_events` skips them, as it skips a country that only qualifies a noun ("US
officials", "Iraqi-led"): `is_modifier` tells both kinds apart from a locative mention.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from tidings.geo import gazetteer, norm
from tidings.where.cues import abbreviation, word_list
from tidings.where.lexicon import words
from tidings.where.roles import is_demonym

__all__ = [
    "HOLDER_LABELS",
    "PLACE_LABELS",
    "SEARCHED_LABELS",
    "embedded_names",
    "is_modifier",
    "saints",
    "union_name",
]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# entity labels whose words may hold a toponym that is no place of any event
HOLDER_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "FAC"})
# names searched for toponyms: a person's first name is too often also a town's
SEARCHED_LABELS = HOLDER_LABELS - {"PERSON"}
_JOINERS = frozenset({"of", "at", "in", "for"})
BIG_CITY = 100_000  # people in a city whose name may close another name ("CBC Toronto")
TOWN = 10_000  # people in a town whose name may stand inside a place's name


def _capitalised(tok) -> bool:  # noqa: ANN001  (a spaCy Token)
    return tok.text[:1].isupper() and not tok.is_punct


def embedded_names(ent: Span, strong: bool = False) -> list[Span]:
    """Spans inside `ent` that name a gazetteer place: the longest leading run of words that
    is a place name, at the start ("Ohio" of "Ohio Department of Health"; a direction word
    aside: "Northern Illinois University"), after each "of"/"at" ("University of
    Cincinnati") and after each hyphen ("Wisconsin-Milwaukee"); and a country, state or
    city of 100,000 people that closes the name ("Environment Canada", "CTV Edmonton").

    With `strong` (for a GPE or LOC that is no place as a whole, "Titus County Jail"),
    after a hyphen and after a direction word, only a county, state, country or town of
    10,000 people counts: there a small town's name is more often a person's ("Webb
    Center", "Hyland-Croy Road", "Southern Comfort").
    """
    doc, gaz = ent.doc, gazetteer()
    start = ent.start + (1 if ent[0].lower_ == "the" else 0)
    starts = [start] + [
        i + 1 for i in range(start, ent.end - 1) if doc[i].lower_ in _JOINERS or doc[i].text == "-"
    ]
    found: list[Span] = []
    for first in starts:
        need = strong or (first > start and doc[first - 1].text == "-")
        while first < ent.end - 1 and doc[first].lower_ in words("direction"):
            first, need = first + 1, True  # "Southern Comfort" is no town
        end = first
        while end < ent.end and _capitalised(doc[end]) and doc[end].lower_ not in _JOINERS:
            end += 1
        if first == start and end == ent.end:
            end -= 1  # a proper prefix: the rest names what it holds
        if _titles_a_country(doc, end, ent.end):
            continue  # "Republic of Armenia", "Kingdom of Spain": the country follows
        for k in range(end, first, -1):
            if (
                strong
                and k < ent.end
                and all(t.text in word_list("lead") for t in doc[k : ent.end])
            ):
                continue  # "Man City", "Harbor City": the whole is a name of its own
            if saints(doc[first:k]):
                continue  # "St. Michael's Hospital" is a saint's, not a town's
            if _is_name(gaz, doc[first:k].text) and (not need or _strong(gaz, doc[first:k].text)):
                found.append(doc[first:k])
                break
    found += _closing_name(ent, start)
    return [
        s
        for s in found
        if norm(s.text) not in words("stop")
        and norm(s.text) not in words("direction")
        and s[0].text not in word_list("not_place")
        and not is_demonym(s.text)  # "The Canadian Press": Canada's, found as a demonym
    ]


def _titles_a_country(doc: Doc, end: int, limit: int) -> bool:
    """Whether the words before `end` are a title of the country after "of" ("Republic of
    Armenia", "Embassy of the Republic of Korea" stops at the next "of")."""
    if end >= limit - 1 or doc[end].lower_ != "of":
        return False
    start = end + 1 + (doc[end + 1].lower_ == "the")
    stop = start
    while stop < limit and _capitalised(doc[stop]) and doc[stop].lower_ not in _JOINERS:
        stop += 1
    name = doc[start:stop].text
    return stop > start and any(e.kind == "country" for e in gazetteer().lookup(name)[0])


def _closing_name(ent: Span, start: int) -> list[Span]:
    """The country, state or large city whose name closes `ent` ("Costco Canada")."""
    doc, gaz = ent.doc, gazetteer()
    for n in (2, 1):
        first = ent.end - n
        if first <= start or not _capitalised(doc[first - 1]):
            continue
        tail = doc[first : ent.end]
        if not all(_capitalised(t) for t in tail):
            continue
        entries = gaz.lookup(tail.text)[0]
        if any(e.kind in ("country", "admin1") or e.population >= BIG_CITY for e in entries):
            return [tail]
    return []


def _strong(gaz, text: str) -> bool:  # noqa: ANN001  (the Gazetteer)
    """A name that is seldom a person's: a county, state, country or town of 10,000."""
    if norm(text) in gaz.counties or "." in text:
        return True
    return any(e.kind != "city" or e.population >= TOWN for e in gaz.lookup(text)[0])


def _is_name(gaz, text: str) -> bool:  # noqa: ANN001  (the Gazetteer)
    key = norm(text)
    if "." in text and abbreviation(text) is not None:  # "S.C. Highway Patrol"
        return True
    first = key.split(" ", 1)[0]
    if " " in key and first in gaz.abbreviations and gaz.lookup(text)[0]:
        return True  # "Mt. Pleasant", "St. Cloud" spelt out
    if len(key) == 2 and text.isupper():  # "US", "EU" opening a body's name
        return any(e.kind in ("country", "area") for e in gaz.lookup(text)[0])
    return len(key) > 2 and (key in gaz.names or key in gaz.counties)


def is_modifier(doc: Doc, start: int, end: int, precision: str) -> bool:
    """Whether the mention at [start, end) only qualifies another name or noun: it lies
    inside an organisation's (or person's...) name, or it is a country used as an adjective
    ("US officials"). Such a mention is a toponym but no place of an event."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    for tok in (span[0], span[-1]):
        if tok.ent_type_ in HOLDER_LABELS - {"FAC"} and not _same_entity(span, tok):
            return True
    root = span.root
    head = root.head
    return (
        precision == "country"
        and root.dep_ in ("compound", "amod", "nmod")
        and head.i != root.i
        and head.pos_ in ("NOUN", "PROPN")
        and head.lemma_.lower() not in words("place_noun")
        and head.ent_type_ not in PLACE_LABELS
    )


def _same_entity(span: Span, tok) -> bool:  # noqa: ANN001  (a spaCy Token)
    """Whether the entity holding `tok` is exactly `span` (then it holds nothing else)."""
    for ent in span.doc.ents:
        if ent.start <= tok.i < ent.end:
            rest = [t for t in ent if not span.start <= t.i < span.end]
            return all(t.lower_ == "the" or t.is_punct or t.tag_ == "POS" for t in rest)
    return True


def saints(span: Span) -> bool:
    """Whether the span is a saint's name before a possessive ("St. Mary's School")."""
    after = span.end < len(span.doc) and span.doc[span.end].tag_ == "POS"
    return after and norm(span[0].text) in words("saint")


def union_name(span: Span) -> Span | None:
    """The words of an organisation's name that name a region of areas.tsv ("EU", "Senior
    European Union" officials): a union of countries is a place as well as a body."""
    for part in (span, span[1:]):
        if len(part) and any(e.kind == "area" for e in gazetteer().lookup(part.text)[0]):
            return part
    return None
