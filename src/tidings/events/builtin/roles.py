"""An event word's arguments by role, read from the parse for word senses (senses.py):
who does it, what it is done to, what it is done with or in, whom with, and what an appeal
asks. Looser than the coder's own arguments (arguments.py): a sense needs the words, not
the actors, and must survive a misparse ("released him pending investigation")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from tidings.events.builtin.event_places import prep_objects
from tidings.events.word_classes import MODIFIER_DEPS

__all__ = [
    "PREP_DEPS",
    "PERSONAL",
    "complements",
    "doers",
    "instruments",
    "instruments_with",
    "objects",
    "passive",
    "phrase",
    "window",
]

PERSONAL = frozenset({"he", "him", "his", "she", "her", "himself", "herself", "who", "whom"})
CAUSATIVE = frozenset({"have", "get", "see", "want"})  # "have X released": X is released
INSTRUMENT_PREPS = ("in", "during", "by", "from")  # "killed in a crash", "died from the virus"
OWNER_PREPS = ("of", "with", "for", "against", "between", "among")
APPEAL_PREPS = ("for", "on", "to")
PREP_DEPS = ("prep", "agent")  # a passive's "by" phrase is the parser's agent
CONTEXT_SENTENCES = 2  # sentences before a bare "warnings" that may name the hazard


def window(token: Token) -> list[Span]:
    """The token's sentence and the two before it."""
    sents = list(token.doc.sents)
    here = next(i for i, s in enumerate(sents) if s.start <= token.i < s.end)
    return sents[max(0, here - CONTEXT_SENTENCES) : here + 1]


# -- arguments ---------------------------------------------------------------------
def phrase(token: Token) -> list[Token]:
    """The words of a noun phrase that may name whose it is: the noun, its modifiers and
    possessor, and the nouns of its "of"/"with"/"for"/"against" phrases, not "on" ("a
    show on the radio") or "in" (a place). Walked with a stack, in the order a recursion
    would give: a run-on "of" chain is deeper than Python's recursion limit."""
    found: list[Token] = []
    stack: list[tuple[Token, bool]] = [(token, True)]  # (word, whether to open its phrase)
    while stack:
        word, opens = stack.pop()
        found.append(word)
        if not opens:
            continue
        parts: list[tuple[Token, bool]] = []
        for child in word.children:
            if child.dep_ in (*MODIFIER_DEPS, "poss", "appos"):
                parts.append((child, False))
            elif child.dep_ == "prep" and child.lower_ in OWNER_PREPS:
                parts += [(c, True) for c in child.children if c.dep_ == "pobj"]
        stack += reversed(parts)
    return found


def passive(verb: Token) -> bool:
    participle = verb.dep_ == "acl" and verb.tag_ == "VBN"
    return participle or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def doers(head: Token, pos: str) -> list[Token]:
    """Who does it: subject or agent; a participle clause's ("struck X, killing seven")
    is its verb's subject; a noun's "by" phrase, possessive or compound. A clause with no
    subject of its own takes its verb's, up the chain of clauses as far as it goes (a
    loop: a run-on line of conjuncts is deeper than Python's recursion limit)."""
    if pos == "NOUN":
        own = [c for c in head.children if c.dep_ in ("poss", "compound")]
        if head.dep_ in ("dobj", "obj") and head.head.pos_ == "VERB":
            # "their forces completed their withdrawal": the verb's subject did it
            own += [c for c in head.head.children if c.dep_ == "nsubj"]
        return own + prep_objects(head, ("by",), PREP_DEPS)
    while True:
        if passive(head):
            return prep_objects(head, ("by",), PREP_DEPS)
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "csubj")]
        if head.dep_ == "acl" and head.tag_ == "VBG":
            subjects.append(head.head)  # "a storm warning ...", misparsed as a participle
        chained = head.dep_ in ("advcl", "conj", "xcomp") and head.head.pos_ == "VERB"
        if subjects or not chained:
            return subjects
        told = [c for c in head.head.children if c.dep_ in ("dobj", "obj")]
        if head.dep_ == "xcomp" and told:
            return told  # "urged Russia to withdraw": Russia would do it
        head = head.head


def objects(head: Token, pos: str) -> list[Token]:
    """What it is done to: object or passive subject (a passive conjunct's shared one, a
    causative's "have X released"), the noun a participle modifies, a verb's "of"/"about"
    phrase ("warned of floods"); a noun's "of" phrase, else its possessive or compound."""
    if pos == "NOUN":
        return prep_objects(head, ("of",), PREP_DEPS) or [
            c for c in head.children if c.dep_ in ("poss", "compound")
        ]
    found = [c for c in head.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    if head.dep_ == "acl" and head.tag_ == "VBN":
        found.append(head.head)  # "the advisory, released at 11 p.m."
    if not found and head.dep_ == "conj" and passive(head):
        found = [c for c in head.head.children if c.dep_ in ("nsubjpass", "nsubj", "dobj")]
    if not found and head.dep_ in ("ccomp", "xcomp") and head.head.lemma_ in CAUSATIVE:
        found = [c for c in head.children if c.dep_ == "nsubj"]  # "have X released"
    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if after is not None and after.lower_ in PERSONAL and after not in found:
        found.append(after)  # "released him pending ...", misparsed
    return found + prep_objects(head, ("of", "about"), PREP_DEPS)


def instruments(head: Token) -> list[Token]:
    """What a violent passive or intransitive happened in or by: "killed in a crash"."""
    return prep_objects(head, INSTRUMENT_PREPS, PREP_DEPS)


def instruments_with(verb: Token) -> list[Token]:
    """Instruments of "with X" or "using X" ("carried out the attack using ten drones")."""
    found = prep_objects(verb, ("with",), PREP_DEPS)
    for clause in (c for c in verb.children if c.dep_ in ("advcl", "xcomp")):
        if clause.lemma_.lower() == "use":
            found += [c for c in clause.children if c.dep_ in ("dobj", "obj")]
    return found


def complements(head: Token) -> list[Token]:
    """What an appeal noun asks: "a call for talks", "calls on X", "a call to resign"."""
    found = prep_objects(head, APPEAL_PREPS, PREP_DEPS)
    return found + [c for c in head.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
