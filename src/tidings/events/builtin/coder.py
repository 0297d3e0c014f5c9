"""Code event mentions: triggers from the lexicon, arguments from the parse.

One `EventMention` is written per (source, target) pair, as CAMEO codes compound
actors pairwise. Dates, places and tolls are left empty here; the `when`, `where`
and `toll` stages fill them in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from itertools import product
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from tidings.errors import ConfigError
from tidings.events.acled import acled_type
from tidings.events.builtin.arguments import (
    ActorIndex,
    counted_people,
    demonym_mentions,
    host_targets,
    noun_arguments,
    object_phrase,
    place_actor,
    verb_arguments,
)
from tidings.events.builtin.backdrop import anchors, is_backdrop
from tidings.events.builtin.clauses import (
    clause_subjects,
    doer_noun,
    engaging_verb,
    issued_in,
    may_refer_to,
    noun_doers,
    pronoun_speaker,
    quoted_first_person,
    speaker_of,
    surrounding_targets,
    undergone,
)
from tidings.events.builtin.embedding import Planned, Trigger, plan
from tidings.events.builtin.event_places import is_venue
from tidings.events.builtin.instruments import firers, weapon_agent, weapon_words
from tidings.events.builtin.lexicon import NOT_AN_EVENT, Lexicon, build_lexicon, load_lexicon
from tidings.events.builtin.matching import TriggerMatcher
from tidings.events.builtin.negation import load_negation
from tidings.events.builtin.nonevents import load_nonevents
from tidings.events.builtin.senses import load_senses
from tidings.events.builtin.verb_files import VerbDictionary, read_verb_dictionary
from tidings.events.frames import Frames, load_frames
from tidings.events.ontology import Ontology, load_ontology, plover_with_mode
from tidings.model import Actor, ActorMention, Article, EventMention, Modality
from tidings.nlp import doc_text
from tidings.petrarch import find_verb_files
from tidings.resources import package_file

__all__ = ["EventCoder", "code_events", "default_coder"]

INSTRUMENT_PREPS = ("in", "during", "by")  # "killed in/during an air strike by X"
ARREST = "173"  # arrests and violence (roots 18-20) are done to people, counted or named
MATERIAL_CONFLICT = "14"  # roots 14-20: done to people, even in a participle
VISIT = "042"  # a visit goes to the country of the place it names
CLAUSE_TARGETS = ("accuse", "demand", "appeal")  # roles whose "that"-clause names the target
# a refusal, appeal or demand about receiving is the receiver's, made to the giver
RECEIVER_FRAMES = ("02", "10", "12")
SEIZE = "171"  # seizing or destroying property: done with a weapon, an attack with it


class EventCoder:
    """Holds the lexicon and ontology; `code` is called once per parsed article."""

    uses_actors = True  # its sources and targets are the actor stage's mentions

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        ontology: Ontology | None = None,
        frames: Frames | None = None,
        require_actor: bool = False,
    ) -> None:
        """`require_actor`: write only events with a coded source or target, as PETRARCH
        does. Off by default: an actor named in another sentence ("The protests have been
        going on ...") would otherwise lose a real event; `confidence` already ranks
        actorless events lowest."""
        self.lexicon = lexicon or load_lexicon()
        self.ontology = ontology or load_ontology()
        self.frames = frames or load_frames()
        self.require_actor = require_actor
        self.dictionaries: list[VerbDictionary] = []
        self.matcher = TriggerMatcher(self.lexicon)

    @classmethod
    def from_petrarch(
        cls, directory: Path, keep_builtin: bool = True, pattern: str = "*"
    ) -> EventCoder:
        """A coder using the PETRARCH verb dictionaries in `directory` (CAMEO*.txt or
        *verbs*) beside the built-in lexicon, or instead of its triggers when
        `keep_builtin` is False; built-in entries win ties. `coder.dictionaries` holds
        each file's load report (patterns used and skipped)."""
        files = find_verb_files(Path(directory), pattern)
        if not files:
            raise ConfigError(
                f"no PETRARCH verb dictionary (CAMEO*.txt or *verbs*.txt) in {directory}"
            )
        ontology = load_ontology()
        read = [read_verb_dictionary(f, ontology) for f in files]
        extra = [e for d in read for e in d.entries]
        triggers = package_file("tidings.events.builtin", "data/triggers.tsv")
        cues = package_file("tidings.events.builtin", "data/cues.tsv")
        if keep_builtin:
            lexicon = build_lexicon(triggers, cues, ontology, extra)
        else:
            lexicon = build_lexicon(None, cues, ontology, extra)
        coder = cls(lexicon, ontology)
        coder.dictionaries = read
        return coder

    # -- records --------------------------------------------------------------
    def code(
        self, doc: Doc, article: Article, actors: Iterable[ActorMention]
    ) -> list[EventMention]:
        index = ActorIndex(doc, actors)
        events: list[EventMention] = []
        for sentence_index, sent in enumerate(doc.sents):
            found = load_senses().triggers(self.matcher.triggers(sent), index)
            planned = load_negation().reread(plan(found, self.lexicon, self.frames))
            planned = [p for p in planned if p.code != NOT_AN_EVENT]
            planned = [p for p in planned if load_nonevents().kind(p) is None]
            # "blown up by a missile fired by X": the firing is the same attack
            weapons = [w[0] for p in planned if (w := self._weapon(p.trigger)) is not None]
            fired = {i for w in weapons for i in weapon_words(w)}
            kept = [p for p in planned if p.trigger.head.i not in fired]
            stands = {id(p): anchors(p.trigger.head) for p in kept}
            for one in kept:
                others = {i for p in kept if p is not one for i in stands[id(p)]}
                events += self._records(doc, article, sent, sentence_index, one, index, others)
        return events

    def _arguments(
        self, trigger: Trigger, index: ActorIndex
    ) -> tuple[list[ActorMention], list[ActorMention]]:
        head = trigger.head
        if trigger.entry.pos == "VERB":
            recipient = self._receives(trigger)
            material = trigger.entry.code[:2] >= MATERIAL_CONFLICT
            mover = self.lexicon.word_has_role(head, "mover")
            sources, targets, obj = verb_arguments(head, index, recipient, material, mover)
            subject = next((c for c in head.children if c.dep_ == "nsubj"), head)
            if not sources and self.lexicon.has_role(subject.lemma_, "document"):
                sources = issued_in(subject, index)  # "a report released in Kigali alleged"
            if sources and not targets and trigger.entry.code.startswith(VISIT):
                targets = host_targets(obj, index)
            weapon = self._weapon(trigger)
            if not sources and weapon is not None:
                sources = [m for m in firers(weapon[0], index) if m not in targets]
            code = trigger.entry.code
            done_to_people = self.ontology.is_violent(code) or code.startswith(ARREST)
            if not targets and done_to_people and (counted := counted_people(head)) is not None:
                targets = [counted]  # "injured another 15", "thousands were arrested"
            if not sources and any(c.dep_ == "auxpass" for c in head.children):
                violent = self.ontology.is_violent(code)
                found = self._instrument_sources(head, index, violent)
                sources = [m for m in found if m not in targets]
            return sources, targets
        phrase = object_phrase(head)
        # "carried out strikes", "stopped its exercises": the verb lends the noun its subject
        lender = self.lexicon.word_has_role(phrase.head, "light", "cease")
        light = phrase.dep_ in ("dobj", "obj") and lender
        tokens = frozenset(t.i for t in trigger.tokens)
        if (undergoing := undergone(head, index)) is not None:
            return undergoing  # "put X under investigation"
        verb = engaging_verb(head)
        if verb is not None and self.lexicon.word_has_role(verb, "light"):
            # "engaged the peacekeepers in a firefight": the verb's subject and object
            sources, targets, _ = verb_arguments(verb, index)
            if sources:
                return sources, targets
        sources, targets = noun_arguments(head, tokens, index, light)
        if sources:
            return sources, targets
        # "a suicide bomber struck X"; "raids carried out by X", "X is responsible for it"
        doer = doer_noun(head, index)
        found = noun_doers(head, index, self.lexicon)
        return doer or ([m for m in found if m not in targets], targets)

    def _receives(self, trigger: Trigger) -> bool:
        """ "received weapons from Iran": an entry needing "from" on a receiving verb."""
        return (
            trigger.entry.pos == "VERB"
            and trigger.entry.prep == "from"
            and self.lexicon.has_role(trigger.head.lemma_, "recipient")
        )

    def _weapon(self, trigger: Trigger) -> tuple[Token, str] | None:
        """The weapon a violent or destroying passive was done by, and its attack's code."""
        code = trigger.entry.code
        if trigger.entry.pos != "VERB" or not (self.ontology.is_violent(code) or code[:3] == SEIZE):
            return None
        found = weapon_agent(trigger.head, self.lexicon.weapons)
        noun = self.matcher.noun_entry(found[0]) if found is not None else None
        if found is None or noun is None or not self.ontology.is_violent(noun[0].code):
            return found
        # an event noun: "by a roadside bomb" is 1833; as subject it is its own event
        return None if found[0].dep_ == "nsubj" else (found[0], noun[0].code)

    def _instrument_sources(
        self, verb: Token, index: ActorIndex, violent: bool
    ) -> list[ActorMention]:
        """The doer of a passive with no agent, named in the event noun it happened in
        ("were killed in an air strike by government forces", "in Israeli shelling"), or
        for violence, where it came from ("a rocket was fired from Gaza")."""
        for prep in verb.children:
            if prep.dep_ != "prep":
                continue
            pobjs = [c for c in prep.children if c.dep_ == "pobj"]
            if violent and prep.lower_ == "from":
                found = [m for p in pobjs for m in index.coordinated(p)]
                # "fired from the Gaza Strip": a place no actor names is its country
                found = found or [m for p in pobjs if (m := place_actor(p, index)) is not None]
                if found:
                    return found
            if prep.lower_ not in INSTRUMENT_PREPS:
                continue
            for pobj in pobjs:
                noun = self.matcher.noun_entry(pobj)
                if noun is None and self._split_gerund(verb, pobj):
                    found = demonym_mentions([pobj, *pobj.children])
                    if found:
                        return found
                if noun is None or noun[0].code == NOT_AN_EVENT:
                    continue
                found = noun_arguments(pobj, frozenset(t.i for t in noun[1]), index, False)[0]
                if found:
                    return found
        return []

    def _split_gerund(self, verb: Token, pobj: Token) -> bool:
        """ "killed in Israeli tank shelling" parsed as "in [Israeli tank]" plus a gerund
        "shelling" hung on the verb: the event word is the gerund right after the phrase."""
        after = pobj.doc[pobj.i + 1] if pobj.i + 1 < len(pobj.doc) else None
        return (
            after is not None
            and after.head.i == verb.i
            and after.dep_ == "advcl"
            and after.tag_ == "VBG"
            and self.matcher.verb_entry(after) is not None
        )

    def _reported(
        self,
        planned: Planned,
        sources: list[ActorMention],
        targets: list[ActorMention],
        index: ActorIndex,
    ) -> tuple[str, Modality, list[ActorMention], list[ActorMention]] | None:
        """Violence in a coded actor's reported speech, as PETRARCH codes it: "X said Y
        attacked Z" is X accusing Y (allege), "X said it/they attacked Z" X claiming the
        attack on Z (claim). None when the speaker is no actor or the table has no row."""
        assert planned.reporter is not None
        if planned.reporter.i > planned.trigger.head.i:
            return None  # "..., officials said": a trailing attribution sources the report
        speaker = next((c for c in planned.reporter.children if c.dep_ == "nsubj"), None)
        speakers = index.coordinated(speaker) if speaker is not None else []
        if not speakers:
            return None
        head = planned.trigger.head
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        spoken = {m.actor.code for m in speakers}
        own = (subject is not None and may_refer_to(subject, speaker)) or bool(
            sources and all(m.actor.code in spoken for m in sources)
        )
        if not own and not sources:
            return None
        frame = "claim" if own else "allege"
        code = self.frames.lookup({frame}, planned.trigger.entry.code)
        if code is None:
            return None
        return code, "asserted", speakers, (targets if own else sources)

    def _reciprocal(
        self, head: Token, sources: list[ActorMention], targets: list[ActorMention], doc: Doc
    ) -> bool:
        """Whether a compound subject acts on itself: a reciprocal word ("met", "held
        talks") with two actors or more and no target but, at most, the place it happened
        in ("Iran and Saudi Arabia held talks in Baghdad": each with the other, not Iraq)."""
        words = [head, *(c for c in head.children if c.dep_ in ("dobj", "obj"))]
        if not any(self.lexicon.has_role(w.lemma_, "reciprocal") for w in words):
            return False
        return len({s.actor for s in sources}) > 1 and all(is_venue(t, doc) for t in targets)

    def _records(
        self,
        doc: Doc,
        article: Article,
        sent: Span,
        sentence_index: int,
        planned: Planned,
        index: ActorIndex,
        others: set[int],
    ) -> list[EventMention]:
        """The records of one planned trigger; `others`: the words the sentence's other
        events stand on (see `backdrop`)."""
        trigger, code, modality = planned.trigger, planned.code, planned.modality
        head = trigger.head
        sources, targets = self._arguments(trigger, index)
        if code[:2] in RECEIVER_FRAMES and code != trigger.entry.code and self._receives(trigger):
            sources, targets = targets, sources  # "X would not receive aid from Y": X refuses Y
        weapon = self._weapon(trigger)
        if weapon is not None and code == trigger.entry.code:
            code = weapon[1]  # "destroyed by a missile": a missile attack
        if planned.speaker is not None:  # "X said Y must ...": X demands of Y
            speaker = next((c for c in planned.speaker.children if c.dep_ == "nsubj"), None)
            sources = index.coordinated(speaker) if speaker is not None else []
            if planned.addressee is not None:
                targets = index.coordinated(planned.addressee)
        if not sources and trigger.entry.pos == "VERB":  # "X said he will withdraw"
            sources = [m for m in pronoun_speaker(head, index, self.lexicon) if m not in targets]
        if not sources:  # '"We will strike back," the minister said'
            sources = [
                m for m in quoted_first_person(head, index, self.lexicon) if m not in targets
            ]
        if not sources and targets and is_backdrop(head, others, self.ontology.is_violent(code)):
            return []  # "released the mayor, a member jailed a year ago": background
        if sources and not targets and self.lexicon.word_has_role(head, *CLAUSE_TARGETS):
            # "alleged that X attacked Y" accuses X; "demanded that Israel ease" asks Israel
            accuser = planned.borrowed if self.lexicon.has_role(head.lemma_, "accuse") else None
            found = self._arguments(accuser, index)[0] if accuser else []
            targets = [m for m in found or clause_subjects(head, index) if m not in sources]
        if not targets and planned.borrowed is not None:
            # "X refused to receive aid from Y": refused the giver, not the receiver
            role = 0 if self._receives(planned.borrowed) else 1
            borrowed = self._arguments(planned.borrowed, index)[role]
            targets = [m for m in borrowed if m not in sources]
        if not targets:
            verb = trigger.entry.pos == "VERB"
            targets = surrounding_targets(head, verb, code, sources, index, self.lexicon)
        if planned.reporter is not None and modality == "asserted":
            reported = self._reported(planned, sources, targets, index)
            if reported is not None:
                code, modality, sources, targets = reported
        cameo = self.ontology.cameo(code)
        plover = self.ontology.plover(code)
        if plover is not None and trigger.entry.mode and code == trigger.entry.code:
            # the word's own mode, not that of a frame's code ("declined to resign": 124)
            plover = plover_with_mode(plover, trigger.entry.mode)
        start, end = trigger.tokens[0].idx, trigger.tokens[-1].idx + len(trigger.tokens[-1])
        attributed = speaker_of(head, index, self.lexicon)
        if self._reciprocal(head, sources, targets, doc):
            targets = list(sources)  # "Biden and Putin met (in Geneva)": each met the other
        pairs = [
            (s, t)
            for s, t in product(sources or [None], targets or [None])
            if s is None or t is None or s.actor != t.actor or s.start != t.start
        ]
        records = []
        for source, target in pairs:
            src, tgt = (source.actor if source else None), (target.actor if target else None)
            if self.require_actor and src is None and tgt is None:
                continue
            confidence = 0.4 + 0.2 * (src is not None) + 0.2 * (tgt is not None)
            confidence += 0.1 if trigger.entry.pos == "VERB" else 0.0
            confidence -= 0.2 if modality != "asserted" else 0.0
            records.append(
                EventMention(
                    event_id=_event_id(article.id, start, code, src, tgt),
                    article_id=article.id,
                    sentence_index=sentence_index,
                    evidence=sent.text.strip(),
                    trigger=doc_text(doc)[start:end],
                    trigger_start=start,
                    trigger_end=end,
                    cameo=cameo,
                    plover=plover,
                    acled=acled_type(self.ontology, code, src, tgt, trigger.entry.words),
                    source=src,
                    target=tgt,
                    modality=modality,
                    attributed_to=attributed,
                    confidence=round(max(0.05, min(confidence, 0.95)), 2),
                )
            )
        return records


def _event_id(article_id: str, start: int, code: str, src: Actor | None, tgt: Actor | None) -> str:
    """A content key: the same article coded twice gives the same ids."""
    parts = [article_id, str(start), code, *(f"{a.code}:{a.text}" if a else "" for a in (src, tgt))]
    return "e-" + hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


@cache
def default_coder() -> EventCoder:
    return EventCoder()


def code_events(doc: Doc, article: Article, actors: Iterable[ActorMention]) -> list[EventMention]:
    """Event mentions in a parsed article, coded with the built-in lexicon."""
    return default_coder().code(doc, article, actors)
