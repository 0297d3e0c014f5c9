"""Code events with PETRARCH dictionaries only, the way PETRARCH does, on a spaCy parse.

Used instead of the built-in `EventCoder` when a folder of PETRARCH dictionaries is given
(`Pipeline(dictionaries=...)`): a user with PETRARCH dictionaries gets PETRARCH's codings.

Per sentence (skipped when a discard phrase is in it, every sentence when a story
discard is): the verbs of its clauses (`clauses.main_verbs`: not a participle
or relative clause inside a noun phrase, not an adverbial clause opened by a conjunction)
that the verb file knows are matched against their patterns (`verb_match`); their source
and target come from the parse as PETRARCH finds them (`roles`):

- `$` / `+` in the matched pattern name the noun phrase standing at that place instead;
- conjoined noun phrases each give an actor, and events are written pairwise; `%` in the
  pattern, or no target at all, makes conjoined subjects act on one another ("The US,
  Russia and Switzerland met");
- a paired code `[a:b]` writes `a` from the source's side and `b` from the target's ("X
  visited Y" [042:043]: X 042 Y, Y 043 X), except in a to-clause, which keeps `a`; a
  passive verb writes its subject first with `b`; `[:b]` is only the target's event
  ("X received assurances from Y" [:030]: Y 030 X).

Nesting: inner verbs are coded first; a verb whose clausal complement coded an event
yields to it, through the verb file's transformations (`transforms`: "X said Y attacked"
-> X accuses Y; not when the complement comes first, "Y attacked, X said"; with no rule,
the two codes combine as PETRARCH-2 adds them: "seeks to deepen a partnership" 031,
"asked X to help" 023), unless its own pattern spelled words of that complement ("urged
Bree to help" [102]). A to-clause without a subject acts through the verb's object
("asked X to help"), else has no source (a rule's `_`: "wants to attack"). An event
needs one actor at least; none is written with the same source and target, nor with
the bare comment code 010 (PETRARCH-2 drops "X said"). A negated verb codes the refusal
of its event ("would not provide support" 121), or nothing, unless the matched pattern
spells the negation ("DID N'T *"); the clauses below a negated verb code nothing.

Codes combine through the folder's PICO file (`petrarch.ontology`, PETRARCH's internal coding
ontology, found by its name: *Ontology*.txt), as in PETRARCH-2. Without one, Tidings'
frames table stands in (its "reject" and "intent" rows: "would not provide aid" 122;
only a verb of intent combines), and is not read when there is one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import replace
from itertools import product
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from tidings.actors import PhraseBook, load_phrase_book
from tidings.errors import ConfigError
from tidings.events.acled import acled_type
from tidings.events.dictionary.clauses import (
    conjoined,
    depth,
    is_main,
    is_passive,
    main_verbs,
    negations,
    written,
)
from tidings.events.dictionary.roles import Roles
from tidings.events.dictionary.transforms import transform
from tidings.events.dictionary.verb_match import VerbMatch, is_event, match_verb
from tidings.events.frames import Frames, load_frames
from tidings.events.ontology import Ontology, load_ontology
from tidings.model import Actor, ActorMention, Article, Cameo, EventMention
from tidings.nlp import doc_text
from tidings.petrarch import (
    NULL,
    Pico,
    VerbBook,
    find_pico_files,
    find_verb_files,
    read_pico,
    read_verb_book,
)

__all__ = ["DictionaryCoder", "dictionary_coder"]

_CLAUSES = ("ccomp", "xcomp")
_INTENT = "03"  # CAMEO's intent root: "plans to", "seeks to"
_REFUSAL = frozenset({"reject"})  # frames.tsv: "would not provide aid" is a refusal (12x)


class DictionaryCoder:
    """Same interface as `EventCoder`: `code(doc, article, actors)`."""

    def __init__(
        self,
        verbs: VerbBook,
        phrases: PhraseBook | None = None,
        ontology: Ontology | None = None,
        builtin_actors: bool = True,
        pico: Pico | None = None,
    ) -> None:
        self.verbs = verbs
        self.phrases = phrases or PhraseBook()
        self.ontology = ontology or load_ontology()
        self.builtin_actors = builtin_actors
        self.word_codes = verbs.word_codes()
        self.pico = pico  # PETRARCH's own code arithmetic (negation, intent, appeal ...)
        self._frames: Frames | None = None  # the stand-in when there is no PICO file
        self.dictionaries = [verbs.report()]
        if pico is not None:
            self.dictionaries.append(f"{pico.source}: {len(pico.numbers)} PICO codes")

    @property
    def uses_actors(self) -> bool:
        """The built-in actors' mentions are read only with `builtin_actors`; without,
        the folder's actor files code every phrase."""
        return self.builtin_actors

    def refusal(self, code: str) -> str | None:
        """The code of a negated verb's event ("would not provide support" 121), or None
        when it codes nothing ("did not attack")."""
        if self.pico is not None:
            return self.pico.negated(code)
        return self._stand_in().lookup(_REFUSAL, code)

    def combined(self, outer: str, inner: str, own: bool) -> str | None:
        """The code of a verb over the event of its complement clause ("wants to help"
        033, "asked X to help" 023), or None when the two do not combine. `own`: the
        complement's actor is the verb's own source. Without a PICO file only a verb of
        intent combines, through the frames table."""
        if self.pico is not None:
            if not own and self.pico.is_speech_act(inner):
                return None  # "X urged Y to say ...": PETRARCH-2 adds only actions
            return self.pico.combined(outer, inner)
        if outer[:2] != _INTENT:
            return None
        return self._stand_in().lookup({"intent"}, inner)

    def _stand_in(self) -> Frames:
        if self._frames is None:
            self._frames = load_frames()
        return self._frames

    def code(
        self, doc: Doc, article: Article, actors: Iterable[ActorMention]
    ) -> list[EventMention]:
        mentions = list(actors) if self.builtin_actors else []
        sentences = list(doc.sents)
        flags = [self.phrases.discarded(s.text.lower().split()) for s in sentences]
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
        self.roles = Roles(coder.phrases, sent, article.date, mentions)

    def run(self) -> list[EventMention]:
        matches: dict[int, VerbMatch] = {}
        eligible = main_verbs(self.sent)
        for token in self.sent:
            if token.i in eligible:
                if not self.coder.verbs.knows(token):
                    continue
                compound = len(self.roles.subject(token)) > 1
                found = match_verb(self.coder.verbs, token, compound)
                if found is None or not is_event(found):
                    continue
                own = {c.i for c in token.children if c.dep_ == "neg"}
                negation = negations(token)
                if negation and not negation <= found.used:  # unless the pattern spells it
                    refused = self.coder.refusal(found.code) if own else None
                    if refused is None:
                        continue  # "did not attack", "did not agree to attack": no event
                    found = replace(found, code=refused, reverse=None)  # "would not provide"
                matches[token.i] = found
        consumed = {j for i, m in matches.items() for j in m.used if j != i}
        matches = {i: m for i, m in matches.items() if i not in consumed}  # a pattern's word
        coded: dict[int, list[EventMention]] = {}
        for i in sorted(matches, key=lambda i: -depth(self.doc[i])):  # inner verbs first
            verb = matches[i].verb
            inner = {
                t.i for c in verb.children if c.dep_ in _CLAUSES for t in c.subtree if t.i != i
            }
            if inner & matches[i].used:  # "urged Bree to help ...": the pattern spans it
                for j in inner:
                    coded.pop(j, None)
            elif any(coded.get(j) for j in inner):
                # "X launched strikes, the command said": a reporting clause after the
                # event is beside it (PETRARCH-2's parse: parataxis), no transformation
                before = {j for j in inner if coded.get(j) and j < i}
                reported = {j: matches[j] for j in inner if coded.get(j) and j not in before}
                self._transform(matches[i], reported, coded)
                continue  # the complement's event stands for this one
            coded[i] = self._events(matches[i])
        return [e for i in sorted(coded) for e in coded[i] if written(e)]

    def _transform(
        self, outer: VerbMatch, inner: dict[int, VerbMatch], coded: dict[int, list[EventMention]]
    ) -> None:
        """Apply the verb file's transformations to the complement's events in place;
        with none, combine the two codes as PETRARCH-2 does ("seeking to deepen a
        partnership" 031, "asking X to help" 023; `DictionaryCoder.combined`). With a PICO
        file, an event that neither a rule nor the sum turns into a code is not written,
        as in PETRARCH-2 ("might want Obama to head back": 030 + 0874 is no code); the
        frames stand-in keeps it. A to-clause without a subject is PETRARCH-2's event
        without a source (`_` in a rule: "wants to attack"), or, after an object, that
        object's ("asked Obama to help Iran")."""
        rules = self.coder.verbs.transforms
        codes = self.coder.word_codes
        sources = self.roles.subject(outer.verb)
        for j, match in inner.items():
            controllers = self._controllers(outer.verb, match.verb)
            changed: list[EventMention] = []
            for event in coded[j]:
                borrowed = controllers is not None and event.source in sources
                results = []
                for actor in controllers if borrowed and controllers else [event.source]:
                    done = transform(
                        rules, codes, outer.code, sources, event.cameo.code, actor, event.target
                    )
                    if done is None and sources:
                        own = actor is None or actor in sources
                        combined = self.coder.combined(outer.code, event.cameo.code, own)
                        target = event.target if own else actor
                        done = (list(sources), target, combined) if combined else None
                    results.append(done)
                if any(done is None for done in results):
                    if self.coder.pico is None or not sources:
                        changed.append(event)  # the frames stand-in: the event stands
                    continue  # PETRARCH-2 writes no event its codes do not combine into
                for done in results:
                    assert done is not None
                    changed += [self._record(match, done[2], s, done[1]) for s in done[0]]
            coded[j] = changed

    def _controllers(self, outer: Token, verb: Token) -> list[Actor | None] | None:
        """Who acts in a to-clause without a subject, as PETRARCH-2 sees it: the outer
        verb's object ("asked Obama to help"), else no one ([None]: "wants to attack");
        None when the clause is not such a to-clause of `outer`."""
        if verb.dep_ != "xcomp" or verb.head.i != outer.i:
            return None
        if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
            return None
        for obj in (c for c in outer.children if c.dep_ in ("dobj", "obj")):
            actors = self.roles.actors_of(obj)
            if actors:
                return list(actors)
        return [None]

    def _events(self, match: VerbMatch) -> list[EventMention]:
        verb = match.verb
        sources = self.roles.subject(verb)
        targets = self.roles.target(verb, spelled=match.used)
        for role, anchor in match.roles:
            marked = self.roles.marked(anchor, match)
            if marked and role == "source":
                sources = marked
            elif marked:
                targets = marked
        if not sources and not is_passive(verb) and is_main(verb):
            sources = self.roles.nearest_before(verb)
        if len(sources) > 1 and (match.compound or not targets) and conjoined(verb):
            targets = list(sources)  # "% HAVE POSTPONED *", "A and B met": on one another
        code = match.code
        if match.reverse and code != NULL and targets and sources and is_passive(verb):
            sources, targets, code = targets, sources, match.reverse
        elif code == NULL:  # "[:b]": the event is the target's ("received assurances from")
            sources, targets, code = targets, sources, match.reverse or NULL
        # `[a:b]` writes both sides, as PETRARCH-2 ("X received ministers from Y" [043:042]);
        # a to-clause ("prepared to attend") takes its code through the verb above: only `a`
        to_clause = any(c.lower_ == "to" and c.dep_ in ("aux", "mark") for c in verb.children)
        paired = code == match.code and not to_clause and match.reverse
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
            if paired and src and tgt:
                records.append(self._record(match, paired, tgt, src))
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
    """The coder of a PETRARCH folder: its verb files, and its actor, agent, discard and
    PICO (*Ontology*.txt) files when there are some. ConfigError when it holds no verb
    file, or two PICO files."""
    files = find_verb_files(Path(folder), pattern)
    if not files:
        raise ConfigError(f"no PETRARCH verb dictionary (CAMEO*.txt or *verbs*.txt) in {folder}")
    try:
        phrases = load_phrase_book(Path(folder), pattern if pattern != "*" else "*.txt")
    except ConfigError:
        phrases = PhraseBook()  # a folder of verb files only: the built-in actors code
    picos = find_pico_files(Path(folder), pattern)
    if len(picos) > 1:
        names = ", ".join(p.name for p in picos)
        raise ConfigError(
            f"more than one PETRARCH coding ontology (PICO) file in {folder}: {names}"
        )
    pico = read_pico(picos[0]) if picos else None
    return DictionaryCoder(read_verb_book(files), phrases, builtin_actors=keep_builtin, pico=pico)
