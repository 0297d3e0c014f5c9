"""Moods an event word takes from outside its verb, read after planning.

`governing.modality` reads a verb's own "not" and a subject's "no". Here: an event noun
denied by its determiner ("no arrests were made") or by the evidence noun it is found in
("no signs of an explosion"), or governed by "without"; an event noun a modifier says has
not happened ("a planned bombing", hypothetical); an act a negated implicative verb
governs ("did not persuade X to sanction Y"); a verb whose object is "nothing"
("conceded nothing"); and any event of a question ("What do you support?"), which asserts
nothing. The words are in data/negation.tsv.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

from spacy.tokens import Token

from tidings.events.builtin.embedding import Planned
from tidings.events.builtin.role_words import RoleWords
from tidings.resources import package_file, read_roles

__all__ = ["Negation", "load_negation"]

ROLES = ("determiner", "pronoun", "preposition", "evidence", "unrealised", "implicative")
OBJECT_DEPS = ("dobj", "obj", "attr")
MODIFIER_DEPS = ("amod", "compound")


class Negation(RoleWords):
    def reread(self, planned: list[Planned]) -> list[Planned]:
        """The planned events with moods read from outside their verbs."""
        out = []
        for one in planned:
            if one.modality == "asserted":
                mood = self.mood(one)
                if mood is not None:
                    one = replace(one, modality=mood)
            out.append(one)
        return out

    def mood(self, planned: Planned) -> str | None:
        head = planned.trigger.head
        if _question(head):
            return "hypothetical"
        if head.dep_ == "xcomp" and self._is(head.head, "implicative") and _negated(head.head):
            return "negated"  # "did not persuade leaders to sanction Saudi Arabia"
        if planned.trigger.entry.pos == "NOUN":
            if self._denied_noun(head):
                return "negated"
            if any(c.dep_ in MODIFIER_DEPS and self._is(c, "unrealised") for c in head.children):
                return "hypothetical"  # "a planned bombing", "a possible strike"
        elif any(c.dep_ in OBJECT_DEPS and self._is(c, "pronoun") for c in head.children):
            return "negated"
        return None

    def _denied_noun(self, noun: Token) -> bool:
        if any(c.dep_ == "det" and self._is(c, "determiner") for c in noun.children):
            return True
        if noun.dep_ == "pobj" and self._is(noun.head, "preposition"):
            return True  # "ended without violence"
        if noun.dep_ == "pobj" and noun.head.lower_ == "of":
            holder = noun.head.head  # "no signs of an explosion"
            return self._is(holder, "evidence") and any(
                c.dep_ == "det" and self._is(c, "determiner") for c in holder.children
            )
        return False


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _question(token: Token) -> bool:
    """Whether the token's sentence is a question (ends with "?")."""
    sent = token.sent
    last = next((t for t in reversed(sent) if not t.is_space), None)
    return last is not None and last.text == "?"


@cache
def _packaged() -> Negation:
    return _read(package_file("tidings.events.builtin", "data/negation.tsv"))


def load_negation(path: Path | None = None) -> Negation:
    return _packaged() if path is None else _read(Path(path))


def _read(path: Path) -> Negation:
    return Negation(read_roles(path, ROLES))
