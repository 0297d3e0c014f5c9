"""Which actor mention, if any, each token of a parsed sentence belongs to."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from tidings.actors import is_kin
from tidings.model import ActorMention

__all__ = ["ActorIndex"]

# Dependencies we follow when looking for the actor inside an argument phrase.
DESCEND_DEPS = ("compound", "amod", "poss", "appos", "nmod", "npadvmod", "pobj", "conj", "prep")
# "allegations by Rwanda", "a suspension of air links with Serbia"
DESCEND_PREPS = ("of", "on", "against", "at", "for", "from", "by", "with", "to")
CIVILIANS, PEOPLE = "CVL", "PPL"  # "four children and a man": civilians, one actor
DATELINE_ENDS = (":", "--", "—", "–")  # "BEIRUT:", "GAZA CITY, Palestinian Territories:"
DATELINE_LENGTH = 8  # tokens before the dateline's end, at most


class ActorIndex:
    """Which actor mention, if any, each token belongs to."""

    def __init__(self, doc: Doc, mentions: Iterable[ActorMention]) -> None:
        self._by_token: dict[int, ActorMention] = {}
        self._shared: dict[tuple[int, int], list[ActorMention]] = {}  # "they": each speaker
        datelines = _datelines(doc)
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and all(t.i in datelines for t in span):
                continue  # "GAZA CITY, Palestinian Territories: ...": where it was filed
            self._shared.setdefault((mention.start, mention.end), []).append(mention)
            if span is None:
                continue
            for token in span:
                self._by_token.setdefault(token.i, mention)

    def at(self, token: Token) -> ActorMention | None:
        return self._by_token.get(token.i)

    def within(self, token: Token, skip: frozenset[int] = frozenset()) -> ActorMention | None:
        """The actor nearest the head of the phrase `token` heads (breadth-first)."""
        queue: deque[Token] = deque([token])
        seen = set(skip)
        while queue:
            current = queue.popleft()
            if current.i in seen:
                continue
            seen.add(current.i)
            mention = self.at(current)
            if mention is not None:
                return mention
            for child in current.children:
                # "the property seized by X": a participle's doer, the phrase's last resort
                if child.dep_ == "acl" and child.tag_ == "VBN":
                    queue.extend(c for c in child.children if c.dep_ == "agent")
                if child.dep_ not in DESCEND_DEPS:
                    continue
                if child.dep_ == "poss" and child.tag_ == "PRP$":
                    continue  # "killed his sister" is not done to him
                if child.dep_ == "prep" and child.lower_ not in DESCEND_PREPS:
                    continue
                if child.dep_ == "prep" and child.lower_ == "of" and is_kin(current.lemma_):
                    # "son of Osama bin Laden" is not Osama; a list the parser hung on the
                    # relative ("X, wife of Y, A and B were arrested") still goes on
                    queue.extend(self._listed_after(child))
                    continue
                queue.append(child)
        return None

    def _listed_after(self, prep: Token) -> list[Token]:
        """Appositions and conjuncts hung on the object of `prep` that name no part of its
        own actor ("wife of the writer X, A and B": A and B, not X's own name)."""
        found = []
        for obj in prep.children:
            own = self.at(obj)
            for child in obj.children:
                if child.dep_ in ("appos", "conj") and (own is None or self.at(child) != own):
                    found.append(child)
        return found

    def _describes(self, token: Token, appos: Token) -> bool:
        """An apposition headed by a common noun describes a coded actor, it names no other
        ("the Observatory, a UK-based group", "the mayor, a member of Hamas", "Brenton
        Tarrant, an Australian"); a name in
        apposition ("regional foes Iran and Saudi Arabia", a list misread as one) is kept."""
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in appos.children)
        return self.at(token) is not None and (appos.pos_ == "NOUN" or indefinite)

    def coordinated(self, token: Token, skip: frozenset[int] = frozenset()) -> list[ActorMention]:
        """Actors of a phrase and of the phrases coordinated with it ("Iran and Saudi Arabia")."""
        found: list[ActorMention] = []
        heads = [token, *token.conjuncts]
        own = self.within(token, skip)
        if own is not None:  # a name the parser split ("Barack/IN Obama/pobj and Putin")
            inside = (t for t in token.subtree if own.start <= t.idx < own.end and t is not token)
            heads += [c for t in inside for c in t.conjuncts if c not in heads]
        for appos in (c for c in token.children if c.dep_ == "appos"):
            if not self._describes(token, appos):
                heads += [appos, *appos.conjuncts]  # "regional foes Iran and Saudi Arabia"
        for modifier in token.children:
            coordinated = modifier.dep_ in ("amod", "compound", "nmod") and modifier.conjuncts
            if coordinated and self.at(modifier):
                heads += [modifier, *modifier.conjuncts]  # "Hungarian and Romanian officials"
        for head in heads:
            mention = self.within(head, skip)
            if mention is None:
                continue
            for each in self._shared.get((mention.start, mention.end), [mention]):
                if each not in found:
                    found.append(each)
        return _people_as_one(found)


def _datelines(doc: Doc) -> set[int]:
    """The tokens of the datelines opening sentences: an upper-case place name and its
    country, up to a colon or dash, with no verb ("LYON: Interpol has said ..."). The
    place is where the story was filed, no actor of the sentence's events."""
    found: set[int] = set()
    for sent in doc.sents:
        first = sent[0]
        if not (first.is_alpha and first.is_upper and len(first) > 1):
            continue
        for token in sent[:DATELINE_LENGTH]:
            if token.pos_ in ("VERB", "AUX"):
                break
            if token.text in DATELINE_ENDS:
                found.update(range(sent.start, token.i))
                break
    return found


def _people_as_one(found: list[ActorMention]) -> list[ActorMention]:
    """ "Four children and a man were killed": unnamed people conjoined with civilians of
    the same country are those civilians, one actor, not a second (PPL) one."""
    civilian = {m.actor.country for m in found if m.actor.sector == CIVILIANS}
    return [m for m in found if not (m.actor.sector == PEOPLE and m.actor.country in civilian)]
