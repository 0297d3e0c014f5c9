"""What the parse tells the `when` stage: the clause a word belongs to, and its tense.

Tense decides which Friday "Friday" is: past narration looks back from the article
date, a future clause ("will meet on Friday") looks ahead.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from tidings.when.dates import Tense

_VERBAL = ("VERB", "AUX")
_FUTURE = {"will", "shall", "'ll", "wo"}
_PERFECT = {"has", "have", "had", "'ve", "'s"}


def governor(token: Token) -> Token | None:
    """The nearest verb at or above `token` in the tree: the head of its clause."""
    current = token
    while True:
        if current.pos_ in _VERBAL:
            return current
        if current.head.i == current.i:
            return None
        current = current.head


def tense_of(token: Token | None) -> Tense:
    """The tense of the clause `token` heads; news narrates in the past by default.

    A conjunct without auxiliaries takes the tense of the verb it is conjoined to
    ("leading ... and getting": the first verb's), found in a loop, as a run-on line of
    conjuncts is deeper than Python's recursion limit."""
    verb = governor(token) if token is not None else None
    while verb is not None:
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if auxes or verb.dep_ != "conj" or verb.head.i == verb.i:
            break
        verb = governor(verb.head)
    if verb is None:
        return "past"
    if not auxes and verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ == "to":
        return "present"  # "committed to leaving by May": as "to leave", the nearer day
    words = {a.lower_ for a in auxes}
    if words & _FUTURE:
        return "future"
    tags = {verb.tag_} | {a.tag_ for a in auxes}
    if tags & {"VBD"} or words & _PERFECT or (verb.tag_ == "VBN" and not auxes):
        return "past"
    if tags & {"VBZ", "VBP", "MD", "VB", "TO"}:
        return "present"  # also infinitives, imperatives and other modals: the nearer day
    return "past"


def modal(token: Token | None) -> bool:
    """Whether the clause `token` belongs to is hedged by a modal ("would have been
    delivered by 2011", "could have ended"): not a plain report of what happened."""
    verb = governor(token) if token is not None else None
    return verb is not None and any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in verb.children
    )


def negated(token: Token) -> bool:
    """Whether a word is denied in place ("in 2020, not 2015"): a negation on it or just
    before it."""
    before = token.doc[token.i - 1] if token.i else None
    return any(c.dep_ == "neg" for c in token.children) or (
        before is not None and before.dep_ == "neg" and before.head.i == token.i
    )


def given_up(token: Token, adverbs: frozenset[str]) -> bool:
    """Whether a time is marked as given up: an adverb like "originally" on a word between
    it and its clause's verb, or on that verb ("originally due later this year", "initially
    planned for March")."""
    current = token
    for _ in range(6):
        if any(c.dep_ == "advmod" and c.lower_ in adverbs for c in current.children):
            return True
        if current.pos_ in _VERBAL or current.head.i == current.i:
            return False
        current = current.head
    return False


def compared_since(token: Token, ordinals: frozenset[str]) -> bool:
    """Whether a "since" time is the base of a comparison, not the event's time: its clause
    holds a superlative or an ordinal ("the biggest drop since 1987", "rose to its highest
    level since March", "the first time since 2003")."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "since":
        return False
    owner = prep.head
    clause = governor(owner)
    inside = set(t.i for t in prep.subtree)
    for word in owner.subtree:
        if word.i in inside or governor(word) not in (clause, None):
            continue
        if word.tag_ in ("JJS", "RBS") or (word.dep_ == "amod" and word.lower_ in ordinals):
            return True
    return False


_AHEAD_PREPS = ("until", "till", "to", "for")


def points_ahead(token: Token, forward: frozenset[str]) -> bool:
    """Whether a time is read forward whatever the tense: it follows "until/to/for" on a word
    that looks ahead ("postponed until Saturday", "scheduled for May"), or "until" in a
    negated clause ("not due until October")."""
    current = token
    for _ in range(3):
        if current.dep_ == "pobj" and current.head.lower_ in _AHEAD_PREPS:
            break
        if current.head.i == current.i or current.pos_ in _VERBAL:
            return False
        current = current.head
    else:
        return False
    prep = current.head
    owner, verb = prep.head, governor(prep.head)
    if owner.lemma_.lower() in forward or (verb is not None and verb.lemma_.lower() in forward):
        return True
    negated = verb is not None and any(c.dep_ == "neg" for c in verb.children)
    return prep.lower_ in ("until", "till") and negated


_NOUN_MODIFIERS = ("nummod", "compound", "amod", "poss", "nmod")


def names_thing(
    token: Token, own: frozenset[int], within: frozenset[str], zones: Collection[str]
) -> bool:
    """Whether a time only names which thing a noun means: it modifies a noun that is not the
    event's own ("withdrawing from the 2015 agreement", "approved its 2019 budget"), so it
    tells when that thing was made, not when the event happens. Not so for the subject of
    the event's clause ("The 2014 war killed ...") or a noun the event happens within
    ("killed in the 2014 war"). `own` holds the indexes of the event's own words; a time
    zone ("16:30 UTC") is part of the time, no thing it names."""
    noun = token
    while noun.dep_ in _NOUN_MODIFIERS and noun.head.i != noun.i:
        if noun.head.pos_ not in ("NOUN", "PROPN") or noun.head.lower_ in zones:
            break
        noun = noun.head
        if noun.i in own:
            return False
    if noun.i == token.i or noun.dep_ == "nsubj":
        return False
    return not (noun.dep_ == "pobj" and noun.head.lower_ in within)
