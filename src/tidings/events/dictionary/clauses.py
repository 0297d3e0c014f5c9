"""Which verbs of a sentence PETRARCH-2 codes, and small questions about the parse that
the dictionary coder and its role finder share (`tidings.events.dictionary.coder`).

PETRARCH-2 codes the verbs of the sentence's clauses, not those inside a noun phrase, and
writes neither a bare comment (010) nor an actor acting on itself.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tidings.model import EventMention

__all__ = [
    "OUTSIDE_NP",
    "conjoined",
    "depth",
    "is_main",
    "main_verbs",
    "negations",
    "is_passive",
    "pattern_spells",
    "written",
]

# a noun phrase's dependents that are not part of its words
OUTSIDE_NP = ("conj", "cc", "relcl", "acl", "appos", "punct", "advcl")
_NOUN_CLAUSES = ("relcl", "acl", "amod", "appos")
_NOMINAL = ("NOUN", "PROPN", "PRON", "NUM")
_COMMENT = "010"  # PETRARCH-2 drops events with this code as it writes them


def written(event: EventMention) -> bool:
    """PETRARCH-2 writes no bare comment (010: "X said"), and no actor acting on itself,
    also when a transformation made it so ("A and B said they will ...")."""
    if event.cameo.code == _COMMENT:
        return False
    src, tgt = event.source, event.target
    return not (src and tgt and src.code == tgt.code)


def main_verbs(sent: Span) -> set[int]:
    """The verbs PETRARCH-2 codes: those of the sentence's clauses, not a participle or
    relative clause inside a noun phrase ("a report released in Kigali", "a man jailed
    last year"), nor an adverbial clause opened by a conjunction or a participle."""
    verbs = (t for t in sent if t.pos_ == "VERB")
    return {
        t.i
        for t in verbs
        if not _in_noun_phrase(t) and not _subordinate(t) and not _in_participle(t)
    }


def _in_participle(verb: Token) -> bool:
    """In a participial clause beside the main one ("..., offering support to Lebanon",
    "..., seeking to mend ties with China") or after a preposition ("jailed ... for
    helping militants"): background, as are the clauses below it."""
    current = verb
    while current.head.i != current.i:
        if (
            current.dep_ == "advcl"
            and current.tag_ == "VBG"
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in current.children)
        ) or current.dep_ == "pcomp":  # "jailed ... for helping militants join a group"
            return True
        if current.dep_ not in ("xcomp", "ccomp", "conj", "advcl"):
            return False
        current = current.head
    return False


def negations(verb: Token) -> set[int]:
    """The negations of the verb and of the verbs whose clauses it is in: a to-clause or
    complement of a negated verb is not asserted ("would not give permission to Russia
    to help Israel" codes no help)."""
    found = {c.i for c in verb.children if c.dep_ == "neg"}
    current = verb
    while current.dep_ in ("xcomp", "advcl", "ccomp") and current.head.i != current.i:
        current = current.head
        found |= {c.i for c in current.children if c.dep_ == "neg"}
    return found


def _subordinate(verb: Token) -> bool:
    """An adverbial clause opened by a conjunction ("five years after crowds burned down
    its embassy", "as the leader prepared to attend") or a purpose clause ("met ... to
    discuss efforts"): background, not an event of its own; a clause below it ("to
    attend") still codes."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" or (c.dep_ == "aux" and c.lower_ == "to") for c in verb.children
    )


def _in_noun_phrase(verb: Token) -> bool:
    current = verb
    while current.head.i != current.i:
        head = current.head
        if head.head.i == head.i and head.pos_ in _NOMINAL:
            return False  # a headline's verbs hang from its noun
        if current.dep_ in _NOUN_CLAUSES or head.pos_ in _NOMINAL:
            return True
        current = head
    return False


def conjoined(verb: Token) -> bool:
    """Whether the verb's subject (or the subject it borrows from the verb above) is
    conjoined noun phrases ("A and B met"), not one phrase naming two actors
    ("Opponents of Rwanda's Senate")."""
    current = verb
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and not all(s.tag_ == "PRP" for s in subjects):  # "they": look above
            return any(c.dep_ in ("conj", "appos") for s in subjects for c in s.children)
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def is_main(verb: Token) -> bool:
    """The sentence's main verb, or one conjoined with it."""
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.head.i == verb.i


def pattern_spells(head: Token, words: frozenset[int]) -> bool:
    """Whether a noun phrase's own words (not its prepositional phrases) are all words
    a pattern matched."""
    core = [
        t for c in head.children if c.dep_ not in (*OUTSIDE_NP, "prep", "det") for t in c.subtree
    ]
    return bool(words) and all(t.i in words for t in (head, *core))


def depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
