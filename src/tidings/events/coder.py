"""Code event mentions: triggers from the lexicon, arguments from the parse.

One `EventMention` is written per (source, target) pair, as CAMEO codes compound
actors pairwise. Dates, places and tolls are left empty here; the `when`, `where`
and `toll` stages fill them in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import product
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from tidings.errors import ConfigError
from tidings.events.arguments import ActorIndex, noun_arguments, verb_arguments
from tidings.events.lexicon import NOT_AN_EVENT, Lexicon, TriggerEntry, load_lexicon
from tidings.events.ontology import Ontology, load_ontology
from tidings.model import Actor, ActorMention, Article, EventMention, Modality, Plover
from tidings.nlp import doc_text

__all__ = ["EventCoder", "code_events", "default_coder"]

VERB_TAGS = ("VERB",)
NOUN_TAGS = ("NOUN", "PROPN")
EMBEDDING_DEPS = ("xcomp", "ccomp")
ADJECTIVAL_DEPS = ("amod", "acomp")  # "the targeted attack": a participle, not an event
THREAT_CODE, ATTACK_THREAT_CODE, DENY_CODE = "130", "138", "016"


@dataclass(frozen=True, slots=True)
class _Trigger:
    """A matched trigger before its event records are written."""

    head: Token
    tokens: tuple[Token, ...]
    entry: TriggerEntry
    consumed: int | None = None  # an object token whose wording the entry already used


class EventCoder:
    """Holds the lexicon and ontology; `code` is called once per parsed article."""

    def __init__(self, lexicon: Lexicon | None = None, ontology: Ontology | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.ontology = ontology or load_ontology()

    @classmethod
    def from_petrarch(cls, directory: Path, keep_builtin: bool = True) -> EventCoder:
        """A coder that also reads a PETRARCH verb dictionary from `directory`."""
        raise ConfigError(f"reading PETRARCH verb dictionaries from {directory} is not built yet")

    # -- triggers -------------------------------------------------------------
    def _verb_entry(self, verb: Token) -> tuple[TriggerEntry, Token | None] | None:
        entries = self.lexicon.verbs.get(verb.lemma_.lower())
        if not entries:
            return None
        preps = {c.lower_ for c in verb.children if c.dep_ in ("prep", "prt", "agent")}
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass", "attr")]
        objects += [p for c in verb.children if c.dep_ == "prep" for p in c.children]
        if verb.dep_ == "acl":
            objects.append(verb.head)  # "the drafts released by ...": the noun is the object
        best: tuple[TriggerEntry, Token | None] | None = None
        for entry in entries:
            if entry.prep and entry.prep not in preps:
                continue
            used = None
            if entry.objects:
                used = next((o for o in objects if _lemmas(o) & entry.objects), None)
                if used is None:
                    continue
            if best is None or entry.specificity > best[0].specificity:
                best = (entry, used)
        return best

    def _noun_entry(self, noun: Token) -> tuple[TriggerEntry, tuple[Token, ...]] | None:
        modifiers = [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod")]
        for size in range(min(self.lexicon.longest_noun, len(modifiers) + 1), 0, -1):
            tokens = (*modifiers[len(modifiers) - size + 1 :], noun)
            key = tuple(t.lemma_.lower() for t in tokens)
            entries = self.lexicon.nouns.get(key)
            if entries:
                return max(entries, key=lambda e: e.specificity), tokens
        return None

    def _triggers(self, sent: Span) -> list[_Trigger]:
        found: list[_Trigger] = []
        for token in sent:
            if token.pos_ in VERB_TAGS and token.dep_ not in ADJECTIVAL_DEPS:
                match = self._verb_entry(token)
                if match:
                    found.append(_Trigger(token, (token,), match[0], match[1] and match[1].i))
            elif token.pos_ in NOUN_TAGS:
                noun = self._noun_entry(token)
                if noun:
                    found.append(_Trigger(token, noun[1], noun[0]))
        consumed = {t.consumed for t in found if t.consumed is not None}
        return [t for t in found if t.head.i not in consumed and t.entry.code != NOT_AN_EVENT]

    # -- records --------------------------------------------------------------
    def code(
        self, doc: Doc, article: Article, actors: Iterable[ActorMention]
    ) -> list[EventMention]:
        index = ActorIndex(doc, actors)
        events: list[EventMention] = []
        for sentence_index, sent in enumerate(doc.sents):
            triggers = self._triggers(sent)
            heads = {t.head.i: t for t in triggers}
            for trigger in triggers:
                governor = (
                    heads.get(trigger.head.head.i) if trigger.head.dep_ in EMBEDDING_DEPS else None
                )
                code, modality = trigger.entry.code, self._modality(trigger.head)
                if governor is not None:
                    governing = governor.head.lemma_.lower()
                    if self.lexicon.has_role(governing, "threat"):
                        modality = "threat"
                    elif self.lexicon.has_role(governing, "deny"):
                        modality = "denied"
                    else:
                        continue  # "offered to help", "refused to accept": the governor says it
                code = self._governed_code(trigger, heads, code)
                events += self._records(
                    doc, article, sent, sentence_index, trigger, index, code, modality
                )
        return events

    def _governed_code(self, trigger: _Trigger, heads: dict[int, _Trigger], code: str) -> str:
        """A threat or denial verb takes its code from what it governs ("vowed to attack": 138)."""
        lemma = trigger.head.lemma_.lower()
        embedded = [
            heads[c.i] for c in trigger.head.children if c.dep_ in EMBEDDING_DEPS and c.i in heads
        ]
        if not embedded:
            return code
        if self.lexicon.has_role(lemma, "threat") and (code[:2] != "13" or code == THREAT_CODE):
            violent = any(e.entry.code[:2] in ("18", "19", "20") for e in embedded)
            return ATTACK_THREAT_CODE if violent else THREAT_CODE
        if self.lexicon.has_role(lemma, "deny"):
            return DENY_CODE
        return code

    def _modality(self, head: Token) -> Modality:
        if any(c.dep_ == "neg" for c in head.children):
            return "negated"
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(d.lower_ in ("no", "nobody", "none") for s in subjects for d in s.subtree):
            return "negated"
        markers = [c.lemma_.lower() for c in head.children if c.dep_ in ("aux", "mark")]
        if any(self.lexicon.has_role(m, "hypothetical") for m in markers):
            return "hypothetical"
        if any(self.lexicon.has_role(m, "future") for m in markers):
            return "future"
        return "asserted"

    def _attribution(self, head: Token, index: ActorIndex) -> Actor | None:
        """The speaker of reported speech ("X said ...", "according to X")."""
        current = head
        while current.dep_ in ("ccomp", "conj", "xcomp", "advcl") and current.head.i != current.i:
            parent = current.head
            if current.dep_ == "ccomp" and self.lexicon.has_role(parent.lemma_.lower(), "speech"):
                subject = next((c for c in parent.children if c.dep_ == "nsubj"), None)
                mention = index.within(subject) if subject is not None else None
                return mention.actor if mention else None
            current = parent
        for token in head.sent:
            if token.lower_ == "according" and token.dep_ == "prep":
                for to in token.children:
                    for pobj in to.children:
                        mention = index.within(pobj)
                        if mention:
                            return mention.actor
        return None

    def _records(
        self,
        doc: Doc,
        article: Article,
        sent: Span,
        sentence_index: int,
        trigger: _Trigger,
        index: ActorIndex,
        code: str,
        modality: Modality,
    ) -> list[EventMention]:
        head = trigger.head
        if trigger.entry.pos == "VERB":
            sources, targets, _ = verb_arguments(head, index)
        else:
            light = head.dep_ in ("dobj", "obj") and self.lexicon.has_role(
                head.head.lemma_.lower(), "light"
            )
            sources, targets = noun_arguments(
                head, frozenset(t.i for t in trigger.tokens), index, light
            )
        cameo = self.ontology.cameo(code)
        plover = self.ontology.plover(code)
        if plover is not None and trigger.entry.mode:
            plover = Plover(plover.type, trigger.entry.mode)
        start, end = trigger.tokens[0].idx, trigger.tokens[-1].idx + len(trigger.tokens[-1])
        attributed = self._attribution(head, index)
        if not targets and len(sources) > 1 and self.lexicon.has_role(head.lemma_, "reciprocal"):
            targets = list(sources)  # "Biden and Putin met": each met the other
        pairs = [
            (s, t)
            for s, t in product(sources or [None], targets or [None])
            if s is None or t is None or s.actor != t.actor or s.start != t.start
        ]
        records = []
        for source, target in pairs:
            src, tgt = (source.actor if source else None), (target.actor if target else None)
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
                    acled=self.ontology.acled(code),
                    source=src,
                    target=tgt,
                    modality=modality,
                    attributed_to=attributed,
                    confidence=round(max(0.05, min(confidence, 0.95)), 2),
                )
            )
        return records


def _lemmas(token: Token) -> set[str]:
    """The object's lemma and its compounds' ("arms embargo" matches "embargo" and "arm")."""
    return {token.lemma_.lower()} | {
        c.lemma_.lower() for c in token.children if c.dep_ == "compound"
    }


def _event_id(article_id: str, start: int, code: str, src: Actor | None, tgt: Actor | None) -> str:
    """A content key: the same article coded twice gives the same ids."""
    parts = [article_id, str(start), code]
    parts += [f"{a.code}:{a.text}" if a else "" for a in (src, tgt)]
    return "e-" + hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


@cache
def default_coder() -> EventCoder:
    return EventCoder()


def code_events(doc: Doc, article: Article, actors: Iterable[ActorMention]) -> list[EventMention]:
    """Event mentions in a parsed article, coded with the built-in lexicon."""
    return default_coder().code(doc, article, actors)
