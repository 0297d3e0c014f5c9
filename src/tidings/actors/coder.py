"""Code the actors of one parsed document: who is mentioned, with which CAMEO code.

Two passes over a doc. The first turns dictionary hits into candidate phrases and
resolves them in text order, so a person named with a title ("Iraqi Prime Minister
Mustafa Al-Kadhimi") is known when named again ("Al-Kadhimi", "he"). The second gives
role phrases with no country of their own ("the Prime Minister", "officials") the
document's focus country, when one country clearly dominates the coded mentions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from spacy.tokens import Doc
from spacy.vocab import Vocab

from tidings.actors import rules
from tidings.actors.lexicon import Lexicon, default_lexicon
from tidings.actors.matching import KIND_RANK, Hit, PhraseIndex
from tidings.errors import ConfigError
from tidings.model import Actor, ActorMention

Kind = Literal["state", "organisation", "person", "group", "pronoun"]
CandKind = Literal["role", "org", "state", "demonym", "person", "pronoun"]
# Which candidate keeps words two candidates both claim (after the longer one).
CAND_RANK: dict[str, int] = {
    "org": 0, "role": 1, "state": 2, "demonym": 3, "person": 4, "pronoun": 5,
}  # fmt: skip


# Sectors whose definite role phrases ("the broadcaster", "the militants") usually point
# back to a named organisation, and how many sentences back to look for it.
ANAPHORIC_SECTORS = frozenset({"MED", "REB", "IGO", "NGO"})
ANAPHORA_SENTENCES = 3


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int  # token bounds
    end: int
    kind: CandKind
    hits: tuple[Hit, ...] = ()
    head: int = -1  # head token of a role phrase


@dataclass(frozen=True, slots=True)
class _Coded:
    """A resolved mention; `needs_focus` marks a role still waiting for a country."""

    actor: Actor
    start: int
    end: int
    kind: Kind
    needs_focus: bool = False


class ActorCoder:
    """Holds the loaded dictionaries and compiled matchers; reuse it across documents."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or default_lexicon()
        self._indexes: dict[int, tuple[Vocab, PhraseIndex]] = {}

    def index(self, vocab: Vocab) -> PhraseIndex:
        """The matchers for `vocab`, compiled on first use (once per spaCy pipeline)."""
        cached = self._indexes.get(id(vocab))
        if cached is None or cached[0] is not vocab:
            cached = (vocab, PhraseIndex(self.lexicon, vocab))
            self._indexes[id(vocab)] = cached
        return cached[1]

    @classmethod
    def from_petrarch(cls, directory: Path, keep_builtin: bool = True) -> ActorCoder:
        """A coder that also reads PETRARCH/TABARI actor and agent files from `directory`."""
        raise ConfigError(f"reading PETRARCH actor dictionaries from {directory} is not built yet")

    def code(self, doc: Doc, date: dt.date | None = None) -> list[ActorMention]:
        """The actor mentions of `doc`, sorted by start and never overlapping."""
        return _DocCoder(self, doc).run()


class _DocCoder:
    """The state of coding one document: person names seen so far, mentions so far."""

    def __init__(self, coder: ActorCoder, doc: Doc) -> None:
        self.doc, self.lexicon = doc, coder.lexicon
        self.hits = _outermost(coder.index(doc.vocab).hits(doc))
        self.sentence_of = [0] * len(doc)
        for index, sent in enumerate(doc.sents):
            for token in sent:
                self.sentence_of[token.i] = index
        self.people: dict[str, _Coded] = {}  # full and last names -> their coding
        self.coded: list[_Coded] = []

    def run(self) -> list[ActorMention]:
        for cand in self._candidates():
            coded = self._resolve(cand)
            if coded is not None:
                self.coded.append(coded)
        focus = rules.focus_country(
            c.actor.country
            for c in self.coded
            if c.actor.country and not c.needs_focus and c.actor.sector != "MED"
        )
        return [self._mention(c, focus) for c in self.coded]

    # --- candidates -------------------------------------------------------------

    def _candidates(self) -> list[_Candidate]:
        """Non-overlapping phrases worth resolving, longest first on a clash, in text order."""
        doc, found = self.doc, []
        role_tokens = {i for h in self.hits if h.kind == "role" for i in range(h.start, h.end)}
        by_head: dict[int, list[Hit]] = {}
        for hit in self.hits:
            if hit.kind == "role":
                head = rules.role_head(doc, hit.start, hit.end, role_tokens)
                if head is not None:
                    by_head.setdefault(head.i, []).append(hit)
            elif hit.kind == "org":
                head = rules.role_head(doc, hit.start, hit.end, role_tokens)
                if head is not None and head.i >= hit.end and head.ent_type_ == "PERSON":
                    by_head.setdefault(head.i, []).append(hit)  # "UN chief Antonio Guterres"
                else:
                    start = rules.with_determiner(doc, hit.start)
                    found.append(_Candidate(start, hit.end, "org"))
            elif hit.kind in ("name", "capital"):
                found.append(_Candidate(rules.with_determiner(doc, hit.start), hit.end, "state"))
            else:
                found.append(_Candidate(hit.start, hit.end, "demonym"))
        for head, role_hits in by_head.items():
            start, end = rules.phrase_bounds(
                doc[head], min(h.start for h in role_hits), max(h.end for h in role_hits)
            )
            inside = tuple(h for h in self.hits if start <= h.start and h.end <= end)
            found.append(_Candidate(start, end, "role", inside, head))
        for ent in doc.ents:
            if ent.label_ in ("PERSON", "ORG"):
                found.append(_Candidate(ent.start, ent.end, "person"))
        pronouns = self.lexicon.words("person_pronoun")
        for token in doc:
            if token.lower_ in pronouns and token.dep_ in rules.SUBJECT_DEPS:
                found.append(_Candidate(token.i, token.i + 1, "pronoun"))
        # names are looked up only if nothing from the dictionaries claims their words
        found.sort(key=lambda c: (c.kind == "person", c.start - c.end, CAND_RANK[c.kind], c.start))
        taken: set[int] = set()
        kept = []
        for cand in found:
            if taken.isdisjoint(range(cand.start, cand.end)):
                taken.update(range(cand.start, cand.end))
                kept.append(cand)
        return sorted(kept, key=lambda c: c.start)

    # --- resolution ---------------------------------------------------------------

    def _resolve(self, cand: _Candidate) -> _Coded | None:
        if cand.kind == "role":
            return self._role(cand)
        if cand.kind == "pronoun":
            return self._pronoun(cand)
        if cand.kind == "person":
            return self._known_person(cand)
        hit = next(h for h in self.hits if cand.start <= h.start and h.end <= cand.end)
        text = self.doc[cand.start : cand.end].text
        if cand.kind == "org":
            org = self.lexicon.organisations[int(hit.ref)]
            actor = Actor(text, org.code, org.country, org.sector)
            return _Coded(actor, cand.start, cand.end, "organisation")
        return self._country(cand, hit, text)

    def _country(self, cand: _Candidate, hit: Hit, text: str) -> _Coded | None:
        """A country name, capital or demonym standing on its own."""
        doc, lexicon = self.doc, self.lexicon
        root = doc[hit.start : hit.end].root
        if rules.is_affiliation(doc, hit.start, hit.end, lexicon):
            return None  # "pro-Iran" outside a role phrase describes, it does not act
        if rules.inside_other_name(doc, hit.start, hit.end):
            return None
        if hit.kind == "name":
            if rules.is_place(root, lexicon, capital=False):
                return None
            return _Coded(Actor.of(text, hit.ref, None), cand.start, cand.end, "state")
        if hit.kind == "capital":
            if not rules.capital_is_actor(root, lexicon):
                return None
            return _Coded(Actor.of(text, hit.ref, "GOV"), cand.start, cand.end, "state")
        # a demonym used as a noun ("Iraqis protested"); as an adjective of a thing
        # ("Iraqi oil", "the Iraqi state") it names no actor
        if root.dep_ in ("amod", "compound") or root.pos_ not in ("NOUN", "PROPN"):
            return None
        if rules.is_place(root, lexicon, capital=False):
            return None
        return _Coded(Actor.of(text, hit.ref, None), cand.start, cand.end, "group")

    def _role(self, cand: _Candidate) -> _Coded | None:
        """A role phrase: "Iraqi Prime Minister Mustafa Al-Kadhimi", "security forces"."""
        doc, lexicon = self.doc, self.lexicon
        span = doc[cand.start : cand.end]
        text = span.text
        marks = [h.end for h in cand.hits]
        name = doc[max(marks) : cand.head + 1] if max(marks) <= cand.head else None
        if name is not None and not all(t.pos_ == "PROPN" or t.is_punct for t in name):
            name = None
        kind: Kind = "person" if name else "group"
        if name is None and rules.is_place(doc[cand.head], lexicon, capital=False):
            return None  # "outside the embassy", "in parliament": a place here
        orgs = [h for h in cand.hits if h.kind == "org"]
        if orgs:
            org = lexicon.organisations[int(orgs[-1].ref)]
            actor = Actor(text, org.code, org.country, org.sector)
            coded = _Coded(actor, cand.start, cand.end, kind if name else "organisation")
            return self._remember(coded, name)
        roles = [h for h in cand.hits if h.kind == "role"]
        if not roles:
            return None
        best = max(
            roles,
            key=lambda h: (lexicon.roles[int(h.ref)].priority, h.end, h.end - h.start),
        )
        sector = lexicon.roles[int(best.ref)].sector
        country = affiliation = None
        for hit in cand.hits:
            if hit.kind in ("name", "capital", "demonym"):
                if rules.is_affiliation(doc, hit.start, hit.end, lexicon):
                    affiliation = hit.ref
                else:
                    country = hit.ref
        known = self._lookup(name.text) if name is not None and country is None else None
        if known is not None:
            country = known.actor.country
        if name is None and country is None and affiliation is None:
            named = self._antecedent_org(cand, sector)
            if named is not None:
                return named
        in_roles = {i for h in roles for i in range(h.start, h.end)}  # not "foreign minister"
        foreign = any(t.lower_ in lexicon.words("foreign") and t.i not in in_roles for t in span)
        needs_focus = country is None and not foreign and (known is None or known.needs_focus)
        actor = Actor.of(text, country, sector, affiliation=affiliation)
        return self._remember(_Coded(actor, cand.start, cand.end, kind, needs_focus), name)

    def _antecedent_org(self, cand: _Candidate, sector: str) -> _Coded | None:
        """ "the broadcaster" after "Al Arabiya", "the militants" after "Hamas": a definite
        role phrase naming the sector of an organisation coded shortly before."""
        if self.doc[cand.start].lower_ != "the" or sector not in ANAPHORIC_SECTORS:
            return None
        sentence = self.sentence_of[cand.start]
        for prior in reversed(self.coded):
            if sentence - self.sentence_of[prior.start] > ANAPHORA_SENTENCES:
                break
            if prior.kind == "organisation" and prior.actor.sector == sector:
                actor = replace(prior.actor, text=self.doc[cand.start : cand.end].text)
                return _Coded(actor, cand.start, cand.end, "organisation")
        return None

    def _remember(self, coded: _Coded, name: object) -> _Coded:
        """Note a titled person's full and last name so later mentions get the same code."""
        text = getattr(name, "text", "")
        if text:
            for key in {text.lower(), text.split()[-1].lower()}:
                self.people.setdefault(key, coded)
        return coded

    def _lookup(self, text: str) -> _Coded | None:
        key = text.lower().removeprefix("the ")
        return self.people.get(key) or self.people.get(key.split()[-1] if key else "")

    def _known_person(self, cand: _Candidate) -> _Coded | None:
        """A name seen earlier with a title ("Al-Kadhimi" after "Prime Minister ...")."""
        text = self.doc[cand.start : cand.end].text
        known = self._lookup(text)
        if known is None:
            return None
        actor = replace(known.actor, text=text)
        return _Coded(actor, cand.start, cand.end, "person", known.needs_focus)

    def _pronoun(self, cand: _Candidate) -> _Coded | None:
        """A subject "he"/"she": the coded person just before, in this sentence or the
        last one, if every such person there has the same code; otherwise left out.

        After a quotation ('"...," he said') "before" means before the quote opened:
        the speaker is whoever was named before the words quoted.
        """
        point = rules.quote_opening(self.doc, cand.start)
        sentence = self.sentence_of[point]
        people = [c for c in self.coded if c.kind in ("person", "pronoun") and c.start < point]
        window = [c for c in people if self.sentence_of[c.start] == sentence]
        if not window:
            window = [c for c in people if self.sentence_of[c.start] == sentence - 1]
        if not window or len({(c.actor.code, c.needs_focus) for c in window}) != 1:
            return None
        last = window[-1]
        actor = replace(last.actor, text=self.doc[cand.start].text)
        return _Coded(actor, cand.start, cand.end, "pronoun", last.needs_focus)

    def _mention(self, coded: _Coded, focus: str | None) -> ActorMention:
        actor = coded.actor
        if coded.needs_focus and focus is not None:
            actor = Actor.of(actor.text, focus, actor.sector, affiliation=actor.affiliation)
        first, last = self.doc[coded.start], self.doc[coded.end - 1]
        return ActorMention(
            actor=actor,
            start=first.idx,
            end=last.idx + len(last.text),
            sentence_index=self.sentence_of[coded.start],
            kind=coded.kind,
        )


def _outermost(hits: list[Hit]) -> list[Hit]:
    """Drop hits inside a longer one ("Saudi" in "Saudi Arabia", "State Department" in
    "US State Department"); on the same words keep the more specific kind."""
    ordered = sorted(hits, key=lambda h: (h.start - h.end, KIND_RANK[h.kind]))
    kept: list[Hit] = []
    for hit in ordered:
        if not any(k.start <= hit.start and hit.end <= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: (h.start, h.end))
