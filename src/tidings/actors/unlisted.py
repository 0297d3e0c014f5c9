"""Open-world actors: named participants no dictionary entry knows.

Most people, companies and groups in the news are in no hand-written list. A spaCy
PERSON, ORG or NORP name that nothing else coded still takes part in its events, so it
becomes an actor with its words, coded as far as its own words say: the sector from a
kind word of its name (kinds.tsv: "Toronto Police Service" -> COP, "Ford Motor Company"
-> BUS), the country from a country, demonym or known city inside it ("the Toronto
Police Service" -> CAN). A person's name says neither: with no other evidence (an
apposition, a title, a later "the company") it is text only, never an invented code.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from tidings.actors.lexicon import KindWord, Lexicon
from tidings.actors.matching import Hit
from tidings.actors.places import place_country
from tidings.actors.rules import COUNTRY_HITS, is_affiliation, is_place

__all__ = ["OPEN_LABELS", "entity_at", "headed_body", "name_country", "name_kind", "participant"]

OPEN_LABELS = frozenset({"PERSON", "ORG", "NORP"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})  # "Iraqi oil", "Rohingya refugees"


def entity_at(doc: Doc, start: int, end: int) -> Span | None:
    """The PERSON/ORG/NORP entity spanning exactly tokens [start, end), if one does (an
    article before it may be left out: "the Toronto Police Service")."""
    token = doc[end - 1]
    if token.ent_type_ not in OPEN_LABELS:
        return None
    for ent in doc.ents:
        if ent.start <= end - 1 < ent.end:
            inside = ent.start in (start, start + 1) and ent.end == end
            return ent if inside and ent.label_ in OPEN_LABELS else None
    return None


def name_kind(span: Span, lexicon: Lexicon) -> KindWord | None:
    """The kind word of a name: the highest priority one; on a tie the name's head, else
    the right-most before an "of" ("Bank of America")."""
    found: list[tuple[int, int, KindWord]] = []
    before_of = True
    for token in span:
        if token.lower_ == "of":
            before_of = False
        kind = lexicon.kinds.get(token.lower_) or lexicon.kinds.get(token.lemma_.lower())
        if kind is not None:
            rank = 2 if token.i == span.root.i else 1 if before_of else 0
            found.append((kind.priority, rank * len(span) + token.i - span.start, kind))
    if not found:
        return None
    return max(found, key=lambda f: (f[0], f[1]))[2]


def name_sector(span: Span, lexicon: Lexicon) -> str | None:
    """The sector a name's kind word gives ("Thai Raksa Chart Party": PTY), if any."""
    kind = name_kind(span, lexicon)
    return kind.sector if kind is not None else None


def name_country(span: Span, hits: Sequence[Hit], lexicon: Lexicon) -> str | None:
    """The country a name's own words give: a country word or demonym inside it ("the
    Canadian Press") or describing it ("Iraqi Kurds"), else a known city or state among
    its words ("Toronto Police"); a person's name gives only a demonym, in it or in
    apposition to it."""
    person = span.label_ == "PERSON"  # "Jordan" in "Michael Jordan" is no country
    before = {c.i for c in span.root.children if c.dep_ in MODIFIER_DEPS and c.i < span.start}
    for hit in hits:
        inside = span.start <= hit.start and hit.end <= span.end
        described = not person and not before.isdisjoint(range(hit.start, hit.end))
        if hit.kind not in COUNTRY_HITS or not (inside or described):
            continue
        if person and hit.kind != "demonym":  # "Bosnian Serbs" tagged a person still is
            continue
        if not is_affiliation(span.doc, hit.start, hit.end, lexicon):
            return hit.ref
    if person:  # "Brenton Tarrant, an Australian": a demonym in apposition
        beside = [c for c in span.root.children if c.dep_ == "appos"]
        for hit in hits:
            if hit.kind == "demonym" and any(t.i in range(hit.start, hit.end) for t in beside):
                return hit.ref
    if span.label_ != "ORG":
        return None
    words = [  # not an acronym: "BAK" is a missile's maker, not Baku
        t for t in span if t.pos_ == "PROPN" and t.lower_ not in lexicon.kinds and not t.is_upper
    ]
    for i, token in enumerate(words):
        pair = words[i + 1] if i + 1 < len(words) else None
        if pair is not None and pair.i == token.i + 1:
            found = place_country(span.doc[token.i : pair.i + 1].text)
            if found:
                return found
        found = place_country(token.text)
        if found:
            return found
    return None


def participant(span: Span, lexicon: Lexicon) -> bool:
    """Whether a name takes part as an actor here: not a place ("at Ford" is where), not a
    nationality or a name describing a thing ("Iraqi oil", "a BAK missile"), not a
    disease or a prize."""
    root = span.root
    if is_place(root, lexicon, capital=False):
        return False
    if span.label_ == "NORP" and (root.dep_ in MODIFIER_DEPS or root.pos_ not in ("NOUN", "PROPN")):
        return False
    thing = root.head.pos_ in ("NOUN", "PROPN", "NUM") and root.head.ent_type_ != "PERSON"
    if root.dep_ in MODIFIER_DEPS and thing and root.head.i >= span.end:
        return False  # "a BAK missile", "the Mueller inquiry": a name describing a thing
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.ent_type_ == "PRODUCT":
        return False  # "a Boeing 777": the maker naming its product
    kind = name_kind(span, lexicon)
    return kind is None or kind.sector is not None


HEADED_PREPS = frozenset({"of", "for", "at"})  # "the president of X", "a spokesman for X"


def headed_body(span: Span, head: Token, name: Span | None, hits: Sequence[Hit]) -> Span | None:
    """The unlisted organisation a role phrase heads or speaks for: an ORG name inside it
    ("Ford chief executive Jim Hackett", "GM's president") or after "of", "for" or "at"
    on its head ("a spokesman for Ford Motor Co."); never one a dictionary word is in."""
    doc = span.doc
    claimed = {i for h in hits for i in range(h.start, h.end)}
    objects = [
        obj
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in HEADED_PREPS
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
    for ent in doc.ents:
        if ent.label_ != "ORG" or not claimed.isdisjoint(range(ent.start, ent.end)):
            continue
        inside = span.start <= ent.start and ent.end <= span.end
        if inside and (name is None or ent.end <= name.start):
            return ent
        if any(ent.start <= obj.i < ent.end for obj in objects):
            return ent
    return None
