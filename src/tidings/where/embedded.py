"""Toponyms inside other names, and toponyms that only modify a noun.

"Ohio Department of Health", "Titus County Jail", "University of Nebraska at Omaha": an
organisation or building name often carries the place it belongs to. Those places are
toponyms (gold sets count them) but say nothing about where an event happened, so
`locate_events` skips them, as it skips a country that only qualifies a noun ("US
officials", "Iraqi-led"): `is_modifier` tells both kinds apart from a locative mention.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from tidings.where.cues import word_list
from tidings.where.gazetteer import gazetteer, norm, words

__all__ = ["HOLDER_LABELS", "PLACE_LABELS", "SEARCHED_LABELS", "embedded_names", "is_modifier"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# entity labels whose words may hold a toponym that is no place of any event
HOLDER_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "FAC"})
# names searched for toponyms: a person's first name is too often also a town's
SEARCHED_LABELS = HOLDER_LABELS - {"PERSON"}
_JOINERS = frozenset({"of", "at", "in", "for"})


def _capitalised(tok) -> bool:  # noqa: ANN001  (a spaCy Token)
    return tok.text[:1].isupper() and not tok.is_punct


def embedded_names(ent: Span) -> list[Span]:
    """Spans inside `ent` that name a gazetteer place: its longest leading run of words that
    is a place name ("Ohio" of "Ohio Department of Health"), and the capitalised run after
    each "of"/"at" ("Cincinnati" of "University of Cincinnati")."""
    doc, gaz = ent.doc, gazetteer()
    start = ent.start + (1 if ent[0].lower_ == "the" else 0)
    found: list[Span] = []
    for k in range(ent.end - 1, start, -1):  # a proper prefix: the rest names what it holds
        prefix = doc[start:k]
        if all(_capitalised(t) for t in prefix) and _is_name(gaz, prefix.text):
            found.append(prefix)
            break
    i = start
    while i < ent.end:
        if doc[i].lower_ in _JOINERS and i > start:
            j = i + 1
            while j < ent.end and _capitalised(doc[j]) and doc[j].lower_ not in _JOINERS:
                j += 1
            run = doc[i + 1 : j]
            for k in range(len(run), 0, -1):
                if _is_name(gaz, run[:k].text):
                    found.append(run[:k])
                    break
            i = max(j, i + 1)
        else:
            i += 1
    return [
        s
        for s in found
        if norm(s.text) not in words("stop")
        and norm(s.text) not in words("direction")
        and s[0].text not in word_list("not_place")
    ]


def _is_name(gaz, text: str) -> bool:  # noqa: ANN001  (the Gazetteer)
    key = norm(text)
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
