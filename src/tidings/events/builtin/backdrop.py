"""Events told only as background to a participant of another event.

"Israel released the mayor, a member jailed a year ago", "the civilians imprisoned for
protesting were released", "warrants for two men sought in the slaying of X": the
jailing, the imprisonment and the slaying are said of someone another event of the
sentence is about, in a passive participle or a relative clause on that person's noun.
Such a clause names no doer of its own; the news is the other event, and a one-sided
"--- 173 X" for the background is noise (PETRARCH codes one event per clause, not the
modifiers of its arguments). A backdrop clause that names its doer ("jailed by Y") is
still coded, as is one on a noun no other event is about ("ten soldiers killed in
Ukraine" said on its own), and a killing or wounding verb (a toll is news in itself).
The coder drops only the one-sided records (a target, no source): an event word with no
actor at all is kept as the bare mention it is ("a man involved in the bombing").
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from tidings.actors import misread_participle

__all__ = ["anchors", "is_backdrop"]

MODIFIER_DEPS = ("acl", "relcl")
CLIMB = 8  # words climbed from an event noun to the verb of its clause
PARTICIPLE_TAGS = ("VBN", "VBD")
NOUNS = ("NOUN", "PROPN", "PRON")
# a light verb whose object is an event noun stands for it: "launched a strike on X"
OBJECT_DEPS = ("dobj", "obj", "nsubjpass")


def anchors(head: Token) -> set[int]:
    """The tokens an event stands on: its trigger word, and the verb an event noun is the
    object of ("issued arrest warrants for X")."""
    found = {head.i}
    if head.pos_ in NOUNS and head.dep_ in OBJECT_DEPS and head.head.i != head.i:
        found.add(head.head.i)
    return found


def _holders(clause: Token) -> list[Token]:
    """The words whose event a modifier clause is background to: the ancestors of the noun
    it modifies (or, for a participle the parser took for the main verb, the verbs
    conjoined to it)."""
    if misread_participle(clause):
        return [c for c in clause.children if c.dep_ == "conj"]
    return list(clause.head.ancestors)


def is_backdrop(head: Token, others: Iterable[int], violent: bool = False) -> bool:
    """Whether `head` is background to a participant of one of the `others` events. A
    `violent` participle or relative clause verb is not: a death or wound told of anyone
    ("the families of the soldiers killed in the attack", "the attack, which killed
    three") is a toll, news in itself; an event noun inside the clause ("men sought in the
    slaying of X") still is background."""
    clause = _modifier_clause(head)
    if clause is None or (violent and clause.i == head.i):
        return False
    return bool({t.i for t in _holders(clause)} & set(others))


def _modifier_clause(head: Token) -> Token | None:
    """The participle or relative clause verb `head` stands in, up through an event noun's
    phrase ("sought in the slaying of X"); None at the first verb of any other kind."""
    current = head
    for _ in range(CLIMB):
        if current.pos_ in ("VERB", "AUX"):
            passive = current.tag_ in PARTICIPLE_TAGS or current.dep_ == "relcl"
            modifier = current.dep_ in MODIFIER_DEPS and passive and current.head.pos_ in NOUNS
            return current if modifier or misread_participle(current) else None
        if current.head.i == current.i:
            return None
        current = current.head
    return None
