"""A dictionary verb's source and target, found in the spaCy parse as PETRARCH finds
them in its tree (`tidings.events.dictionary.coder` matches the verbs):

- source: the subject; a passive verb's by-agent (its subject is then the target); a
  verb without a subject (xcomp, conj, relative clause) borrows its head's; a pronoun
  subject takes the actor of the clause above; a main verb whose subject names no actor
  takes the nearest coded noun phrase before it;
- target: the direct object, else the first prepositional object of the verb, else one
  attached to the object ("restore ties with Gondor"), else the subject or object of a
  complement clause; a noun phrase the pattern spells out is no target;
- a noun phrase's code: dictionary actors and agents combined (`actors.phrases`); the
  built-in actor coder's mention in the phrase is the fallback when one is given.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span, Token

from tidings.actors import PhraseBook, combine
from tidings.events.dictionary.clauses import OUTSIDE_NP, is_passive, pattern_spells
from tidings.events.dictionary.verb_match import VerbMatch
from tidings.model import Actor, ActorMention

__all__ = ["Roles"]

_LOWER_CLAUSES = ("xcomp", "ccomp", "advcl")  # where a target is sought last
_OBJECTS = ("dobj", "obj", "dative", "attr", "oprd")
_ARGUMENTS = ("nsubj", "nsubjpass", "dobj", "obj", "dative", "pobj")  # PETRARCH's noun phrases


class Roles:
    """The coded noun phrases of one sentence, and the roles around its verbs."""

    def __init__(
        self,
        phrases: PhraseBook,
        sent: Span,
        date: dt.date | None,
        mentions: list[ActorMention],
    ) -> None:
        self.phrases, self.sent, self.date, self.doc = phrases, sent, date, sent.doc
        self.mentions = [m for m in mentions if sent.start <= m.start < sent.end]
        self.codes: dict[int, list[Actor]] = {}

    def actors_of(self, head: Token) -> list[Actor]:
        """Actors of a noun phrase and of the phrases conjoined with it."""
        found: list[Actor] = []
        heads = [head, *head.conjuncts]
        for appos in [c for h in heads for c in h.children if c.dep_ == "appos"]:
            if any(c.dep_ == "conj" for c in appos.children):  # "A, the B, C and D"
                heads += [appos, *appos.conjuncts]
        for conjunct in heads:
            coded = self._phrase(conjunct)
            for appos in (c for c in conjunct.children if c.dep_ == "appos" and not coded):
                coded = self._phrase(appos)  # "the evil awful Gondor"
            for actor in coded:
                if actor not in found:
                    found.append(actor)
        return found

    def _phrase(self, head: Token) -> list[Actor]:
        if head.i in self.codes:
            return self.codes[head.i]
        core: list[Token] = []
        attached: list[list[Token]] = []  # each prepositional phrase of the head
        self._collect(head, core, attached, top=True)
        core.sort(key=lambda t: t.i)
        date = self.date
        actors, agents = self.phrases.code(core, date)
        for pp in attached:  # the first phrase with an actor: "the government of Gondor",
            if actors and agents:  # "the Prince of Dol Amroth" (a name across it)
                break
            found, more = self.phrases.code(sorted((*core, *pp), key=lambda t: t.i), date)
            if not actors and found:  # the phrase's agents as well as the actor's own
                actors, agents = found, list(dict.fromkeys([*agents, *more]))
            elif _narrower(found, actors):  # "the US Secretary of State": USAGOV, not USA
                actors = [f for f in found if not _narrower(found, [f])]
            elif not agents and (not actors or pp[0].lower_ == "of"):
                agents = more  # "Gondor's Ministry of Silly Walks", not "Brazil in energy"
        text = " ".join(t.text for t in core)
        coded = combine(actors, agents, text)
        if not coded and self.mentions:
            span = {t.i for t in core} | {t.i for pp in attached for t in pp}
            coded = [m.actor for m in self.mentions if m.start in span][:1]
        self.codes[head.i] = coded
        return coded

    def _collect(self, token: Token, core: list[Token], pps: list[list[Token]], top: bool) -> None:
        """The phrase's words (`core`, without what lies outside a noun phrase) and, at
        the top, its prepositional phrases (`pps`). A stack, not recursion: a run-on
        phrase is deeper than Python's recursion limit."""
        stack = [(token, top)]
        while stack:
            word, at_top = stack.pop()
            core.append(word)
            below = []
            for child in word.children:
                if child.dep_ in OUTSIDE_NP:
                    continue
                if child.dep_ == "prep" and at_top:
                    pps.append(list(child.subtree))
                    continue
                below.append((child, False))
            stack += reversed(below)

    def subject(self, verb: Token) -> list[Actor]:
        current = verb
        for _ in range(6):
            passive = is_passive(current)
            if passive and current is not verb:  # "Gollum was seen to break into ..."
                raised = next((c for c in current.children if c.dep_ == "nsubjpass"), None)
                return self.actors_of(raised) if raised is not None else []
            if passive:
                agent = next((c for c in current.children if c.dep_ == "agent"), None)
                objects = [p for p in agent.children if p.dep_ == "pobj"] if agent else []
                return self.actors_of(objects[0]) if objects else []
            subjects = [
                c
                for c in current.children
                if c.dep_ in ("nsubj", "csubj") and c.tag_ not in ("WDT", "WP")
            ]
            for subject in subjects:  # "Old foes Gondor and Osgiliath": the coded one
                coded = self.actors_of(subject)
                if coded:
                    return coded
            if subjects and all(s.tag_ == "PRP" for s in subjects):
                return self._antecedent(current)  # "Ethiopia indicated it would act"
            if subjects:
                return []
            if current.dep_ in ("relcl", "acl") and current.head.pos_ in ("NOUN", "PROPN"):
                return self.actors_of(current.head)
            if current.head.i == current.i or current.head.pos_ in ("NOUN", "PROPN", "PRON"):
                return []
            current = current.head  # "Arnor is about to restore ...": the clause's subject
        return []

    def _antecedent(self, verb: Token) -> list[Actor]:
        """A pronoun subject's actor: the coded subject of a clause above, as PETRARCH
        looks for the antecedent in the enclosing sentence."""
        current = verb
        while current.head.i != current.i:
            current = current.head
            for subject in (c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")):
                coded = self.actors_of(subject) if subject.tag_ != "PRP" else []
                if coded:
                    return coded
        return []

    def target(
        self, verb: Token, depth: int = 0, spelled: frozenset[int] = frozenset()
    ) -> list[Actor]:
        """The target; a noun phrase the pattern spells out ("conducting military
        exercises in Alaska") is no target, as in PETRARCH-2: the search goes on."""
        passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        children = list(verb.children)
        objects = [c for c in children if c.dep_ in _OBJECTS]
        for obj in [passive, *objects] if passive is not None else objects:
            coded = self._unspelled(obj, spelled)
            if coded:
                return coded
        preps = [c for c in children if c.dep_ == "prep" or (c.dep_ == "agent" and depth)]
        preps += [
            p  # "marched close to the border": a preposition under an adverb
            for c in children
            if c.dep_ in ("advmod", "npadvmod")
            for p in c.children
            if p.dep_ == "prep"
        ]
        for prep in preps:
            for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                coded = self.actors_of(pobj)
                if coded:
                    return coded
        for obj in objects:
            for prep in (c for c in obj.children if c.dep_ == "prep"):
                for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                    coded = self.actors_of(pobj)
                    if coded:
                        return coded
        for obj in objects:  # "cordoned off the roads leading into Mordor"
            for clause in (c for c in obj.children if c.dep_ in ("acl", "relcl")):
                coded = self.target(clause, depth + 1) if depth < 2 else []
                if coded:
                    return coded
        if depth < 2:  # "believes Dagolath can cope", "vowed to wage war on the Rohans"
            for clause in (c for c in children if c.dep_ in _LOWER_CLAUSES):
                subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                coded = self.actors_of(subject) if subject is not None else []
                if coded or (coded := self.target(clause, depth + 1)):
                    return coded
        return []

    def nearest_before(self, verb: Token) -> list[Actor]:
        """A source for a verb whose subject names no actor: the nearest coded noun phrase
        before it, as PETRARCH-2 looks back ("A report released in Kigali alleged ...")."""
        for token in reversed(self.doc[self.sent.start : verb.i]):
            if token.pos_ in ("NOUN", "PROPN") and token.dep_ in _ARGUMENTS:
                coded = self._phrase(token)
                if coded:
                    return coded
        return []

    def _unspelled(self, head: Token, spelled: frozenset[int]) -> list[Actor]:
        """A noun phrase's actors; when the pattern spelled its words ("evidence against
        Russia" in "* EVIDENCE"), those of its prepositional phrases."""
        if not pattern_spells(head, spelled):
            return self.actors_of(head)
        for prep in (c for c in head.children if c.dep_ == "prep"):
            words = list(prep.subtree)
            coded = combine(*self.phrases.code(words, self.date), " ".join(t.text for t in words))
            if coded:
                return coded
        return []

    def marked(self, anchor: int, match: VerbMatch) -> list[Actor]:
        """The first coded noun phrase starting at or after `anchor` in the sentence."""
        for token in self.sent:
            if token.i < anchor or token.i in match.used or token.i == match.verb.i:
                continue
            if token.pos_ in ("NOUN", "PROPN", "PRON") and token.dep_ not in ("compound", "poss"):
                coded = self.actors_of(token)
                if coded:
                    return coded
        return []


def _narrower(found: list[str], actors: list[str]) -> bool:
    """Whether the phrase with its prepositional phrase names a part of each actor of the
    phrase alone ("US" USA, "US Secretary of State" USAGOV): the whole name is the longer
    match, as in PETRARCH's longest-first search."""
    return bool(found and actors) and all(
        any(f != a and f.startswith(a) for f in found) for a in actors
    )
