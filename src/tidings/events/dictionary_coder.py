"""Code events with PETRARCH dictionaries only, the way PETRARCH does, on a spaCy parse.

Used instead of the built-in `EventCoder` when a folder of PETRARCH dictionaries is given
(`Pipeline(dictionaries=...)`): a user with PETRARCH dictionaries gets PETRARCH's codings.

Per sentence (skipped when a discard phrase is in it, every sentence when a story
discard is): every verb the verb file knows is matched against its patterns
(`verb_match`); its actors come from the parse as PETRARCH finds them in the tree:

- source: the subject; a passive verb's by-agent (its subject is then the target); a
  verb without a subject (xcomp, conj, relative clause) borrows its head's;
- target: the direct object, else the first prepositional object of the verb, else one
  attached to the object ("restore ties with Gondor");
- `$` / `+` in the matched pattern name the noun phrase standing at that place instead;
- conjoined noun phrases each give an actor, and events are written pairwise; `%` in the
  pattern, or no target at all, makes conjoined subjects act on one another ("The US,
  Russia and Switzerland met");
- a passive verb with a paired code `[a:b]` is written subject-first with `b` ("X was
  visited by Y" [042:043]: X 043 Y);
- a noun phrase's code: dictionary actors and agents combined (`actors.phrases`); the
  built-in actor coder's mention in the phrase is the fallback when `builtin_actors`.

Nesting: inner verbs are coded first; a verb whose clausal complement coded an event
yields to it, through the verb file's transformations (`transforms`: "X said Y attacked"
-> X accuses Y), unless its own pattern spelled words of that complement ("urged Bree to
help" [102]). A pronoun subject takes the actor of the clause above. An event needs one
actor at least; one with the same source and target is dropped. Negated verbs code
nothing unless the matched pattern spells the negation ("DID N'T *").
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from itertools import product
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from tidings.actors.phrases import PhraseBook, combine, load_phrase_book
from tidings.errors import ConfigError
from tidings.events.acled import acled_type
from tidings.events.ontology import Ontology, load_ontology
from tidings.events.patterns import VerbBook, read_verb_book
from tidings.events.petrarch import find_verb_files
from tidings.events.transforms import transform
from tidings.events.verb_match import VerbMatch, is_event, match_verb
from tidings.model import Actor, ActorMention, Article, Cameo, EventMention
from tidings.nlp import doc_text

__all__ = ["DictionaryCoder", "dictionary_coder"]

_CLAUSES = ("ccomp", "xcomp")
_LOWER_CLAUSES = ("xcomp", "ccomp", "advcl")  # where a target is sought last
_OUTSIDE_NP = ("conj", "cc", "relcl", "acl", "appos", "punct", "advcl")
_OBJECTS = ("dobj", "obj", "dative", "attr", "oprd")


class DictionaryCoder:
    """Same interface as `EventCoder`: `code(doc, article, actors)`."""

    def __init__(
        self,
        verbs: VerbBook,
        phrases: PhraseBook | None = None,
        ontology: Ontology | None = None,
        builtin_actors: bool = True,
    ) -> None:
        self.verbs = verbs
        self.phrases = phrases or PhraseBook()
        self.ontology = ontology or load_ontology()
        self.builtin_actors = builtin_actors
        self.word_codes = verbs.word_codes()
        self.dictionaries = [verbs.report()]

    def code(
        self, doc: Doc, article: Article, actors: Iterable[ActorMention]
    ) -> list[EventMention]:
        mentions = list(actors) if self.builtin_actors else []
        sentences = list(doc.sents)
        flags = [self.phrases.discarded([t.lower_ for t in s]) for s in sentences]
        if any(story for _, story in flags):
            return []
        events: list[EventMention] = []
        for index, sent in enumerate(sentences):
            if not flags[index][0]:
                events += _Sentence(self, doc, article, sent, index, mentions).run()
        return events

    def cameo(self, code: str) -> Cameo:
        if code in self.ontology:
            return self.ontology.cameo(code)
        return Cameo(code, code[:2], 0, 0.0, "dictionary code")


class _Sentence:
    """The state of coding one sentence: its verbs' matches and coded noun phrases."""

    def __init__(
        self,
        coder: DictionaryCoder,
        doc: Doc,
        article: Article,
        sent: Span,
        index: int,
        mentions: list[ActorMention],
    ) -> None:
        self.coder, self.doc, self.article = coder, doc, article
        self.sent, self.index = sent, index
        self.mentions = [m for m in mentions if sent.start <= m.start < sent.end]
        self.codes: dict[int, list[Actor]] = {}

    def run(self) -> list[EventMention]:
        matches: dict[int, VerbMatch] = {}
        for token in self.sent:
            if token.tag_.startswith("VB") or token.pos_ in ("VERB", "AUX"):
                if not self.coder.verbs.knows(token):
                    continue
                compound = len(self._subject(token)) > 1
                found = match_verb(self.coder.verbs, token, compound)
                if found is None or not is_event(found):
                    continue
                negation = {c.i for c in token.children if c.dep_ == "neg"}
                if negation and not negation <= found.used:
                    continue  # negated, unless the pattern spells the negation out
                matches[token.i] = found
        consumed = {j for i, m in matches.items() for j in m.used if j != i}
        matches = {i: m for i, m in matches.items() if i not in consumed}  # a pattern's word
        coded: dict[int, list[EventMention]] = {}
        for i in sorted(matches, key=lambda i: -_depth(self.doc[i])):  # inner verbs first
            verb = matches[i].verb
            inner = {
                t.i for c in verb.children if c.dep_ in _CLAUSES for t in c.subtree if t.i != i
            }
            if inner & matches[i].used:  # "urged Bree to help ...": the pattern spans it
                for j in inner:
                    coded.pop(j, None)
            elif any(coded.get(j) for j in inner):
                self._transform(matches[i], {j: matches[j] for j in inner if coded.get(j)}, coded)
                continue  # the complement's event stands for this one
            coded[i] = self._events(matches[i])
        return [e for i in sorted(coded) for e in coded[i]]

    def _transform(
        self, outer: VerbMatch, inner: dict[int, VerbMatch], coded: dict[int, list[EventMention]]
    ) -> None:
        """Apply the verb file's transformations to the complement's events in place."""
        rules = self.coder.verbs.transforms
        if not rules:
            return
        codes = self.coder.word_codes
        sources = self._subject(outer.verb)
        for j, match in inner.items():
            changed: list[EventMention] = []
            for event in coded[j]:
                done = transform(
                    rules,
                    codes,
                    outer.code,
                    sources,
                    event.cameo.code,
                    event.source,
                    event.target,
                )
                if done is None:
                    changed.append(event)
                    continue
                for source in done[0]:
                    changed.append(self._record(match, done[2], source, done[1]))
            coded[j] = changed

    # -- noun phrases ---------------------------------------------------------
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
        date = self.article.date
        actors, agents = self.coder.phrases.code(core, date)
        for pp in attached:  # the first phrase with an actor: "the government of Gondor",
            if actors and agents:  # "the Prince of Dol Amroth" (a name across it)
                break
            found, more = self.coder.phrases.code(sorted((*core, *pp), key=lambda t: t.i), date)
            if not actors and found:  # the phrase's agents as well as the actor's own
                actors, agents = found, list(dict.fromkeys([*agents, *more]))
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
        core.append(token)
        for child in token.children:
            if child.dep_ in _OUTSIDE_NP:
                continue
            if child.dep_ == "prep" and top:
                pps.append(list(child.subtree))
                continue
            self._collect(child, core, pps, top=False)

    # -- roles ----------------------------------------------------------------
    def _subject(self, verb: Token) -> list[Actor]:
        current = verb
        for _ in range(6):
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in current.children)
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

    def _object(self, verb: Token, depth: int = 0) -> list[Actor]:
        passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if passive is not None:
            coded = self.actors_of(passive)
            if coded:
                return coded
        children = list(verb.children)
        objects = [c for c in children if c.dep_ in _OBJECTS]
        for obj in objects:
            coded = self.actors_of(obj)
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
                coded = self._object(clause, depth + 1) if depth < 2 else []
                if coded:
                    return coded
        if depth < 2:  # "believes Dagolath can cope", "vowed to wage war on the Rohans"
            for clause in (c for c in children if c.dep_ in _LOWER_CLAUSES):
                subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                coded = self.actors_of(subject) if subject is not None else []
                if coded or (coded := self._object(clause, depth + 1)):
                    return coded
        return []

    def _marked(self, anchor: int, match: VerbMatch) -> list[Actor]:
        """The first coded noun phrase starting at or after `anchor` in the sentence."""
        for token in self.sent:
            if token.i < anchor or token.i in match.used or token.i == match.verb.i:
                continue
            if token.pos_ in ("NOUN", "PROPN", "PRON") and token.dep_ not in ("compound", "poss"):
                coded = self.actors_of(token)
                if coded:
                    return coded
        return []

    def _events(self, match: VerbMatch) -> list[EventMention]:
        verb = match.verb
        sources = self._subject(verb)
        targets = self._object(verb)
        for role, anchor in match.roles:
            marked = self._marked(anchor, match)
            if marked and role == "source":
                sources = marked
            elif marked:
                targets = marked
        if len(sources) > 1 and (match.compound or not targets):
            targets = list(sources)  # "% HAVE POSTPONED *", "A and B met": on one another
        code = match.code
        if match.reverse and targets and sources and _passive(verb):
            sources, targets, code = targets, sources, match.reverse
        records: list[EventMention] = []
        seen: set[tuple[str, str]] = set()
        for src, tgt in product(sources or [None], targets or [None]):
            if (src is None and tgt is None) or (src and tgt and src.code == tgt.code):
                continue  # no actor, or an actor acting on itself
            key = (src.code if src else "", tgt.code if tgt else "")
            if key in seen:
                continue
            seen.add(key)
            records.append(self._record(match, code, src, tgt))
        return records

    def _record(
        self, match: VerbMatch, code: str, src: Actor | None, tgt: Actor | None
    ) -> EventMention:
        verb, ontology = match.verb, self.coder.ontology
        start, end = verb.idx, verb.idx + len(verb)
        known = code in ontology
        parts = [self.article.id, str(start), code]
        parts += [f"{a.code}:{a.text}" if a else "" for a in (src, tgt)]
        return EventMention(
            event_id="e-" + hashlib.sha256("|".join(parts).encode()).hexdigest()[:16],
            article_id=self.article.id,
            sentence_index=self.index,
            evidence=self.sent.text.strip(),
            trigger=doc_text(self.doc)[start:end],
            trigger_start=start,
            trigger_end=end,
            cameo=self.coder.cameo(code),
            plover=ontology.plover(code) if known else None,
            acled=acled_type(ontology, code, src, tgt, (verb.lemma_.lower(),)) if known else None,
            source=src,
            target=tgt,
            confidence=0.5 + 0.2 * (src is not None) + 0.2 * (tgt is not None),
        )


def dictionary_coder(
    folder: Path, keep_builtin: bool = True, pattern: str = "*"
) -> DictionaryCoder:
    """The coder of a PETRARCH folder: its verb files, and its actor, agent and discard
    files when there are some. ConfigError when it holds no verb file."""
    files = find_verb_files(Path(folder), pattern)
    if not files:
        raise ConfigError(f"no PETRARCH verb dictionary (CAMEO*.txt or *verbs*.txt) in {folder}")
    try:
        phrases = load_phrase_book(Path(folder), pattern if pattern != "*" else "*.txt")
    except ConfigError:
        phrases = PhraseBook()  # a folder of verb files only: the built-in actors code
    return DictionaryCoder(read_verb_book(files), phrases, builtin_actors=keep_builtin)


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
