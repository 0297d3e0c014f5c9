"""Mentions that are no events at all, read from the sentence's structure after planning.

An event word may be right in sense and mood and still tell no event of the story: a
condition ("if the President is killed"), a supposition ("refrain from speculating that
it had been hijacked"), a rule ("the Constitution specifies that officials are removed",
"a policy of not charging a sitting president"), a habit ("they would sometimes kill"),
the legal name of a crime ("a life sentence for first-degree murder"), an exemption
("exempt from investigation"), a right ("the right to strike back"), a document cited
("Article 5 of the NATO treaty") or a question asked ("Wikinews asked him whether ...").
Such a mention is not written: an audit counts it as no event whatever its modality. The
words are in data/nonevents.tsv.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from spacy.tokens import Token

from tidings.events.builtin.embedding import Planned
from tidings.events.builtin.governing import noun_clause
from tidings.events.builtin.role_words import RoleWords
from tidings.resources import package_file, read_roles

__all__ = ["NonEvents", "load_nonevents"]

ROLES = (
    "condition",
    "supposition",
    "provision",
    "habitual",
    "grade",
    "exemption",
    "inquiry",
    "entitlement",
    "topic",
    "part",
    "norm",
)
NOMINAL_DEPS = ("nsubj", "nsubjpass", "dobj", "obj")  # an event noun a verb's argument
CLAUSE_DEPS = ("ccomp", "xcomp")
WH_TAGS = ("WDT", "WP", "WP$", "WRB")
MODIFIER_DEPS = ("amod", "compound", "nmod")


class NonEvents(RoleWords):
    def kind(self, planned: Planned) -> str | None:
        """Why the planned mention is no event (a role of nonevents.tsv), or None."""
        head = planned.trigger.head
        noun = planned.trigger.entry.pos == "NOUN"
        for clause in () if noun and _presupposed(head) else (head, *head.ancestors):
            if any(self._condition(c) for c in clause.children):
                return "condition"
            if clause.dep_ == "ccomp" and self._is(clause.head, "supposition"):
                return "supposition"
            if clause.dep_ == "ccomp" and self._is(clause.head, "provision"):
                return "provision"
            noun_of = _noun_of(clause)
            if noun_of is not None and self._is(noun_of, "norm"):
                return "norm"
        if any(self._is(a, "habitual") for v in _verbs(head, noun) for a in _adverbs(v)):
            return "habitual"
        if noun and any(c.dep_ in MODIFIER_DEPS and self._is(c, "grade") for c in head.children):
            return "grade"
        exempted = noun and head.dep_ == "pobj" and head.head.lower_ == "from"
        if exempted and self._is(head.head.head, "exemption"):
            return "exemption"
        if not noun and noun_clause(head) and self._is(head.head, "entitlement"):
            return "entitlement"
        asking = not noun and self._is(head, "inquiry")
        if asking and any(self._question(c) for c in head.children):
            return "inquiry"
        cited = noun and head.dep_ == "pobj" and head.head.lower_ == "of"
        if cited and self._is(head.head.head, "part"):
            return "part"
        return None

    def _condition(self, token: Token) -> bool:
        """A condition marker; "thousands if not tens of thousands" is an estimate."""
        after = token.nbor(1) if token.i + 1 < len(token.doc) else None
        opens = after is None or after.lower_ != "not"
        return token.dep_ == "mark" and self._is(token, "condition") and opens

    def _question(self, child: Token) -> bool:
        """What an asking verb asks is a question: a clause opened by "whether"/"if" or a
        wh-word, or a topic ("about the talks"); "asked him to resign" is an appeal."""
        if child.dep_ == "prep":
            asks = any(c.dep_ in CLAUSE_DEPS for c in child.head.children)
            return self._is(child, "topic") and not asks
        if child.dep_ not in CLAUSE_DEPS:
            return False
        if any(self._condition(c) for c in child.children):
            return True
        return next(iter(child.subtree)).tag_ in WH_TAGS


def _noun_of(clause: Token) -> Token | None:
    """The noun whose "of", "that" or "to" phrase, or "for"/"on" gerund, a clause is ("a
    policy of not charging", "the principle that ...", "a code for sentencing ...")."""
    if clause.dep_ in ("acl", "ccomp") and clause.head.pos_ == "NOUN":
        return clause.head
    if clause.dep_ in ("pcomp", "pobj") and clause.head.lower_ == "of":
        return clause.head.head
    if clause.dep_ == "pcomp" and clause.head.lower_ in ("for", "on"):
        return clause.head.head  # "the code for sentencing ..."
    return None


def _presupposed(noun: Token) -> bool:
    """A definite event noun ("Jamal's killing", "the attack") is taken as known, even
    inside a condition or a supposition: "imagine the world silent over Jamal's killing"."""
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for c in noun.children)


def _verbs(head: Token, noun: bool) -> list[Token]:
    """The verbs whose adverbs give an event its frequency: its own, an event noun's verb
    ("the investigation ordinarily has to be completed"), and the verbs an infinitive
    hangs on."""
    verb = head.head if noun and head.dep_ in NOMINAL_DEPS else head
    found = [head, verb]
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
        found.append(verb)
    return found


def _adverbs(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "advmod"]


@cache
def _packaged() -> NonEvents:
    return _read(package_file("tidings.events.builtin", "data/nonevents.tsv"))


def load_nonevents(path: Path | None = None) -> NonEvents:
    return _packaged() if path is None else _read(Path(path))


def _read(path: Path) -> NonEvents:
    return NonEvents(read_roles(path, ROLES))
