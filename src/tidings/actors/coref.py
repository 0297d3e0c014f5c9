"""Document-level resolution: what a pronoun, a bare title or a possessive points back to.

The coder resolves mentions in text order and keeps what it resolved here. A later
mention with no code of its own takes one only when its antecedent is unambiguous:
every candidate in the window carries the same code. Otherwise it stays uncoded; a
country is never guessed from nothing.

- "he"/"she" (and possessive "his"/"her") -> the coded person just before
- "they"/"their" -> the coded plural group (militants, protesters, the Houthis) just before
- "the prime minister" -> the person named earlier with that title
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Literal

from spacy.tokens import Doc, Token

from tidings.actors import rules
from tidings.model import Actor

Kind = Literal["state", "organisation", "person", "group", "pronoun", "role"]
PERSON_PRONOUNS = frozenset({"he", "she", "his", "her", "him"})
PLURAL_PRONOUNS = frozenset({"they", "their", "them"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
PERSON_REACH = 3  # sentences back a "he"/"she" is looked for when none is nearer


@dataclass(frozen=True, slots=True)
class Coded:
    """A resolved mention; `needs_focus` marks a role still waiting for a country."""

    actor: Actor
    start: int  # token bounds
    end: int
    kind: Kind
    needs_focus: bool = False
    plural: bool = False  # a group "they" can point back to
    entity: str = ""  # an unlisted name it stands for, so two uncoded names stay apart


@dataclass(slots=True)
class Memory:
    """What one document has resolved so far, in text order."""

    doc: Doc
    sentence_of: list[int]
    coded: list[Coded] = field(default_factory=list)
    people: dict[str, Coded] = field(default_factory=dict)  # full and last names
    titles: dict[str, list[Coded]] = field(default_factory=dict)  # "prime minister" -> people
    bodies: frozenset[str] = frozenset()  # words naming a body, not a person (kinds.tsv)

    def remember(self, coded: Coded, name: str = "", title: str = "", whole: bool = False) -> Coded:
        """Note a named person's full and last name (an organisation's full name only:
        `whole`), and the title they were named with. A name first seen with no code
        ("Marc Emery, a Canadian activist") takes the code its apposition gives."""
        if name:
            name = name.lower().removeprefix("the ").strip()
            # a person by full name and by each later name: "Rosselló" and "Nevares" for
            # "Ricardo Rosselló Nevares" (a double surname), "Manafort" for "Paul Manafort"
            for key in sorted({name} if whole else {name, *name.split()[1:]}):
                earlier = self.people.setdefault(key, coded)
                if earlier is not coded and earlier.actor.code is None and coded.actor.code:
                    actor = replace(coded.actor, text=earlier.actor.text, basis="inferred")
                    self.refine(earlier, actor)
                elif earlier is not coded and coded.actor.code is None and earlier.actor.code:
                    # the name after its apposition was coded ("Puerto Rico's governor"
                    # first, "Ricardo Rosselló" found later): the name takes that code
                    actor = replace(earlier.actor, text=coded.actor.text, basis="inferred")
                    coded = replace(coded, actor=actor, needs_focus=earlier.needs_focus)
                    self.people[key] = coded
        if title and coded.actor.code:
            self.titles.setdefault(title.lower(), []).append(coded)
        return coded

    def refine(self, earlier: Coded, actor: Actor) -> Coded:
        """Give an unlisted name the code a later mention shows it has ("Ford ... the
        company": BUS), wherever the document has it so far."""
        waits = earlier.needs_focus and actor.country is None  # a country now: no wait
        better = replace(earlier, actor=actor, needs_focus=waits)
        for i, prior in enumerate(self.coded):
            if prior is earlier or (earlier.entity and prior.entity == earlier.entity):
                self.coded[i] = replace(
                    prior, actor=replace(actor, text=prior.actor.text), needs_focus=waits
                )
        for key, prior in list(self.people.items()):
            if prior is earlier:
                self.people[key] = better
        return better

    def person(self, text: str) -> Coded | None:
        key = text.lower().removeprefix("the ").strip()
        return self.people.get(key) or self.people.get(key.split()[-1] if key else "")

    def titled(self, title: str) -> Coded | None:
        """The one code every person named with `title` so far had, if only one."""
        people = self.titles.get(title.lower(), [])
        if len({(c.actor.code, c.needs_focus, c.entity) for c in people}) != 1:
            return None
        return people[-1]

    def antecedent(self, i: int, plural: bool) -> Coded | None:
        """The person (or plural group) a pronoun at token `i` points to: the coded ones
        in its sentence before it, else in the sentence before, when all share one code.
        An object pronoun never stands for its own clause's subject ("police beat them").

        After a quotation ('"...," he said') "before" means before the quote opened.
        """
        point = rules.quote_opening(self.doc, i)
        sentence = self.sentence_of[point]
        token = self.doc[i]
        if token.dep_ not in rules.SUBJECT_DEPS and token.dep_ != "poss":
            own = rules.clause_subjects(token)
            coded = [c for c in self.coded if own.isdisjoint(range(c.start, c.end))]
        else:
            coded = self.coded
        if plural:
            prior = [c for c in coded if c.plural and c.start < point]
        else:
            prior = [c for c in coded if c.start < point and _personal(c, self.doc, self.bodies)]
            prior = [c for c in prior if not c.plural]
        # the nearest sentence naming one: the last, or for a subject "he"/"she" a few
        # back, as a story goes on about its person ("Erdogan ... [two sentences] He said")
        reach = PERSON_REACH if not plural and token.dep_ in rules.SUBJECT_DEPS else 1
        for back in range(reach + 1):
            window = [c for c in prior if self.sentence_of[c.start] == sentence - back]
            if window:
                return _one_reading(window)
        return None

    def possessor_country(self, span: Iterable[Token]) -> str | None:
        """ "his security guards": the country of whoever "his" points back to."""
        for token in span:
            plural = pronoun_kind(token.lower_)
            if token.dep_ == "poss" and plural is not None:
                earlier = self.antecedent(token.i, plural)
                return earlier.actor.country if earlier is not None else None
        return None

    def joint(self, token: Token) -> list[Coded]:
        """ "Obama and Putin said they will ...": a "they" whose clause hangs on a verb with
        coordinated coded subjects stands for each of them."""
        subject = rules.governing_subject(token)
        if subject is None or not subject.conjuncts:
            return []
        found: list[Coded] = []
        for head in (subject, *subject.conjuncts):
            for prior in self.coded:
                if prior.start <= head.i < prior.end and prior not in found:
                    found.append(prior)
        return found

    def governing(self, subject: Token | None) -> Coded | None:
        """ "Hungary has said it will ...": the country or body coded over `subject`, the
        subject of the verb an "it" clause hangs on; never a person or a plural group."""
        if subject is None:
            return None
        for prior in reversed(self.coded):
            if prior.start <= subject.i < prior.end:
                keep = prior.kind in ("state", "organisation", "group") and not prior.plural
                return prior if keep else None
        return None


def appositive_name(head: Token) -> str:
    """The person a role phrase stands beside in apposition ("Nancy Pelosi, the Speaker
    of the House", "the mayor of London, Sadiq Khan"), so the name is known later."""
    beside = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        beside.append(head.head)
    for token in beside:
        if token.ent_type_ == "PERSON" and token.pos_ == "PROPN":
            return next(e.text for e in token.doc.ents if e.start <= token.i < e.end)
    return ""


def _personal(coded: Coded, doc: Doc, bodies: frozenset[str] = frozenset()) -> bool:
    """A person, a pronoun standing for one ("he", not "it" for a country), or one holder
    of a role ("a single police officer ...; he then drew his pistol"), not a body ("the
    company") nor a group ("officers")."""
    if coded.kind == "person":
        return True
    if coded.kind == "pronoun":
        return doc[coded.start].lower_ in PERSON_PRONOUNS
    head = doc[coded.start : coded.end].root
    role = coded.kind in ("group", "role") and coded.actor.sector is not None
    return role and head.tag_ == "NN" and head.lower_ not in bodies


def pronoun_kind(word: str) -> bool | None:
    """True for a plural pronoun, False for a personal one, None for neither."""
    word = word.lower()
    if word in PLURAL_PRONOUNS:
        return True
    if word in PERSON_PRONOUNS:
        return False
    return None


GROUP_SECTORS = frozenset({"REB", "OPP", "UAF", "IMG"})


def is_plural(doc: Doc, end: int, kind: Kind, sector: str | None) -> bool:
    """Whether a mention ending at token `end` can be "they": a plural noun head
    ("militants", "Iraqis") or a named armed or opposition group ("the Taliban")."""
    if kind in ("person", "pronoun", "state"):
        return False
    return doc[end - 1].tag_ in PLURAL_TAGS or (kind == "organisation" and sector in GROUP_SECTORS)


def _one_reading(window: list[Coded]) -> Coded | None:
    """The mention a pronoun over `window` stands for, when all of them read alike: one
    code, or one sector where those with a country share it and the rest wait for one
    ("Taliban gunmen and suicide bombers ... They": AFGREB)."""
    if not window:
        return None
    if len({(c.actor.code, c.needs_focus, c.entity) for c in window}) == 1:
        return window[-1]
    countried = [c for c in window if c.actor.country]
    if len({c.actor.sector for c in window}) != 1 or not countried:
        return None
    if len({c.actor.code for c in countried}) != 1:
        return None
    if not all(c.needs_focus for c in window if not c.actor.country):
        return None
    return countried[-1]
