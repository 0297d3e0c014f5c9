"""The clauses that modify a role noun, and the countries they set it against.

"The civilians imprisoned for acting against Moscow were released": the participle on
"civilians" says what they did, and Moscow is whom they acted against, not where they
come from. Such a role names no country of its own, and the document's focus country
(often that very one) is not guessed for it. Shared with the events stage, which reads
the same participles as background (`events.builtin.backdrop`).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from tidings.actors.lexicon import Lexicon
from tidings.actors.matching import Hit
from tidings.actors.rules import COUNTRY_HITS

__all__ = ["adversary_countries", "misread_participle", "modifier_clauses"]

OBJECT_DEPS = ("dobj", "obj", "dative", "attr")


def misread_participle(verb: Token) -> bool:
    """A participle the parser took for the main verb: "The civilians imprisoned for
    protesting were released", where the verb has no object or auxiliary of its own and
    the passive verb after it ("were released") has no subject of its own."""
    if verb.tag_ not in ("VBD", "VBN"):
        return False
    if any(c.dep_ in (*OBJECT_DEPS, "aux", "auxpass") for c in verb.children):
        return False
    return any(
        c.dep_ == "conj"
        and any(g.dep_ == "auxpass" for g in c.children)
        and not any(g.dep_ in ("nsubj", "nsubjpass", "csubjpass") for g in c.children)
        and not any(g.dep_ == "cc" for g in verb.children)
        for c in verb.children
    )


def modifier_clauses(noun: Token) -> list[Token]:
    """The verbs of the participles and relative clauses on `noun` ("civilians imprisoned
    for ...", "the group that has seized ..."), or of a participle the parser made the
    main verb with `noun` as its subject."""
    found = [c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    if noun.dep_ == "nsubj" and misread_participle(noun.head):
        found.append(noun.head)
    return found


def adversary_countries(noun: Token, hits: Sequence[Hit], lexicon: Lexicon) -> set[str]:
    """The countries named after an adversary preposition (markers.tsv: "against", "for")
    inside the clauses modifying `noun`: whom or what it acted against or for."""
    preps = lexicon.words("adversary_prep")
    spans = [
        (pobj.left_edge.i, pobj.right_edge.i + 1)
        for clause in modifier_clauses(noun)
        for prep in clause.subtree
        if prep.dep_ == "prep" and prep.lower_ in preps
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    return {
        h.ref
        for h in hits
        if h.kind in COUNTRY_HITS and any(a <= h.start and h.end <= b for a, b in spans)
    }
