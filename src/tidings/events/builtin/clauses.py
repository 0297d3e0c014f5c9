"""Targets named inside a clause an event verb governs.

"threatened to deliver blows to the United States", "is willing to withdraw its troops
from Lebanon", "allowed candidate X to take part": the event word itself has no object,
but the clause it governs names whom the event is about. A careful coder reads the
target there; the source stays the event word's own subject.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from functools import partial

from spacy.tokens import Token

from tidings.events.builtin.arguments import (
    ActorIndex,
    answerable_doer,
    children_of,
    demonym_mentions,
    place_actor,
    verb_arguments,
)
from tidings.events.builtin.event_places import prep_objects
from tidings.events.builtin.governing import is_to_infinitive
from tidings.events.builtin.lexicon import Lexicon
from tidings.events.builtin.quotes import quoted_speaker
from tidings.events.ontology import Ontology
from tidings.model import Actor, ActorMention

__all__ = [
    "answered",
    "clause_subjects",
    "conditioned_subjects",
    "culprits",
    "doer_noun",
    "embedded_targets",
    "engaging_verb",
    "governor_object",
    "issued_in",
    "may_refer_to",
    "noun_doers",
    "performed_by",
    "pronoun_speaker",
    "quoted_first_person",
    "speaker_of",
    "surrounding_targets",
    "undergone",
    "victims",
]

CLAUSE_DEPS = ("xcomp", "ccomp")
PASS_THROUGH_DEPS = ("acomp",)  # "is willing to withdraw": the adjective holds the clause
DEPTH = 2  # clauses followed down from the event verb
CONDITION_MARKS = ("if", "unless")
VICTIM_PATH = ("pobj", "prep", "advcl", "relcl", "nsubj", "compound")
VICTIM_STEPS = 5
REASON_PREPS = ("of", "at", "against", "over", "for", "to")
BLAME_PATH = ("acomp", "xcomp", "acl", "ccomp", "oprd", "prep")  # "was behind", "to be responsible"
THREAT_ROOT = "13"  # a threat's condition names whom it is made against
GROUP = frozenset({"they", "we"})  # pronouns no single person is
BODIES = ("ORG", "NORP", "GPE")  # a named body may speak as "they" or "we"


def _clauses(verb: Token) -> list[Token]:
    """The verbs of the clauses `verb` governs: complements and "to" purpose clauses (on
    a noun too: "demonstrations to demand reforms")."""
    found: list[Token] = []
    for child in verb.children:
        purpose = child.dep_ in ("advcl", "acl") and is_to_infinitive(child)
        if child.dep_ in CLAUSE_DEPS or purpose:
            found.append(child)
        elif child.dep_ in PASS_THROUGH_DEPS:
            found += [c for c in child.children if c.dep_ in CLAUSE_DEPS]
    return [c for c in found if c.pos_ in ("VERB", "AUX")]


def embedded_targets(
    verb: Token,
    actors: ActorIndex,
    sources: list[ActorMention],
    lexicon: Lexicon,
) -> list[ActorMention]:
    """The first actor (or place) a governed clause is done to, breadth-first: the
    subject of an infinitive with its own subject ("allowed X to run", "ordered X to
    appear": X is asked or allowed), else the clause verb's own targets."""
    queue: deque[tuple[Token, int]] = deque((c, 1) for c in _clauses(verb))
    while queue:
        clause, depth = queue.popleft()
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ != "PRON" and is_to_infinitive(clause):
            found = [m for m in actors.coordinated(subject) if m not in sources]
            if found:
                return found
        mover = lexicon.word_has_role(clause, "mover")
        found = [m for m in verb_arguments(clause, actors, mover=mover)[1] if m not in sources]
        if found:
            return found
        if depth < DEPTH:
            queue.extend((c, depth + 1) for c in _clauses(clause))
    return []


def clause_subjects(verb: Token, actors: ActorIndex) -> list[ActorMention]:
    """The actors a clause after the verb is about: "alleged that France was aware ...",
    or after a noun: "its demand that Israel ease ..." (a clause the parser may hang on the
    verb whose object the noun is: "reiterated its demand today that ...")."""
    clauses = children_of(verb, ("ccomp",))
    nouns = [verb, verb.head] if verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "obj") else [verb]
    for noun in nouns if verb.pos_ == "NOUN" else []:
        found = children_of(noun, ("acl", "ccomp"))
        clauses += [c for c in found if any(m.lower_ == "that" for m in c.children)]
    for clause in clauses:
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return actors.coordinated(subject)
    return []


def issued_in(document: Token, actors: ActorIndex) -> list[ActorMention]:
    """The country a document was released in: "a report released in the Rwandan capital"."""
    for clause in (c for c in document.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        for pobj in prep_objects(clause, ("in",)):
            place = actors.within(pobj) or place_actor(pobj, actors)
            if place is not None:
                return [place]
            found = demonym_mentions(c for c in pobj.children if c.dep_ == "amod")
            if found:  # "in the Rwandan capital"
                return found
    return []


def engaging_verb(noun: Token) -> Token | None:
    """The verb of "engaged X in a firefight", "drew Y into talks": the noun after its "in"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "into") or prep.head.pos_ != "VERB":
        return None
    verb = prep.head
    return verb if any(c.dep_ in ("dobj", "obj") for c in verb.children) else None


def conditioned_subjects(verb: Token, actors: ActorIndex) -> list[ActorMention]:
    """Whom a threat is made against: the subject of its condition ("threatened to walk
    out unless Iraq accepted", "... if the United States goes ahead"), in the clauses the
    threat word governs."""
    for token in verb.subtree:
        if token.dep_ != "advcl" or not any(m.lower_ in CONDITION_MARKS for m in token.children):
            continue
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.pos_ != "PRON":
            found = actors.coordinated(subject)
            if found:
                return found
    return []


def governor_object(verb: Token, actors: ActorIndex) -> list[ActorMention]:
    """The object of the verb a purpose clause hangs on: "summoned the ambassador to
    complain" complains to the ambassador."""
    governor = verb.head
    if verb.dep_ not in ("advcl", "xcomp") or not is_to_infinitive(verb) or governor.i == verb.i:
        return []
    return [m for o in children_of(governor, ("dobj", "obj")) for m in actors.coordinated(o)]


def undergone(
    noun: Token, actors: ActorIndex
) -> tuple[list[ActorMention], list[ActorMention]] | None:
    """ "put X under investigation", "was placed under arrest by Y", "came under attack":
    an event noun after "under" is done to the verb's object, or to its subject when the
    verb has none; a passive's "by" phrase or an active subject with an object does it."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "under" or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = prep.head
    objects = children_of(verb, ("dobj", "obj", "nsubjpass"))
    subjects = children_of(verb, ("nsubj",))
    agents = [p for a in children_of(verb, ("agent",)) for p in children_of(a, ("pobj",))]
    undergoers, doers = (objects, subjects + agents) if objects else (subjects, [])
    targets = [m for u in undergoers for m in actors.coordinated(u)]
    sources = [m for d in doers for m in actors.coordinated(d) if m not in targets]
    return (sources, targets) if targets else None


def victims(head: Token, actors: ActorIndex, lexicon: Lexicon) -> list[ActorMention]:
    """Who died of an attack: the subject of the dying verb whose phrase or clause names it
    ("X died in a grenade attack", "died when a bomb exploded", "died after an IED
    detonated"), a few steps up the tree."""
    current = head
    for _ in range(VICTIM_STEPS):
        if current.dep_ not in VICTIM_PATH or current.head.i == current.i:
            return []
        current = current.head
        if current.pos_ == "VERB" and lexicon.word_has_role(current, "victim"):
            return [m for s in children_of(current, ("nsubj",)) for m in actors.coordinated(s)]
    return []


def answered(holders: list[Token], actors: ActorIndex, lexicon: Lexicon) -> list[ActorMention]:
    """Whom an event answers: "a hunger strike in protest at the government's refusal",
    "shelled the town in retaliation for X's raid" (an "in" phrase whose noun has the
    cue role reason)."""
    for holder in holders:
        for noun in prep_objects(holder, ("in",)):
            if not lexicon.word_has_role(noun, "reason"):
                continue
            for pobj in prep_objects(noun, REASON_PREPS):
                found = actors.coordinated(pobj)
                if found:
                    return found
    return []


def surrounding_targets(
    head: Token,
    verb: bool,
    code: str,
    sources: list[ActorMention],
    actors: ActorIndex,
    lexicon: Lexicon,
) -> list[ActorMention]:
    """A target named in the clauses around an event word (`verb`: a verb trigger) that
    names none itself: the clause it governs ("threatened to deliver blows to X", "a
    hunger strike to demand X's resignation"), whom it answers ("in protest at X's
    refusal"), who died of it ("X died in a grenade attack"), a threat's condition
    ("... unless Iraq accepts"), the object of the verb its purpose clause hangs on
    ("summoned the envoy to complain")."""
    holders = [head]
    if head.dep_ in ("dobj", "obj") and lexicon.word_has_role(head.head, "light"):
        holders.append(head.head)  # "continued their hunger strike to demand ..."
    steps: list[Callable[[], list[ActorMention]]] = [
        *(partial(embedded_targets, h, actors, sources, lexicon) for h in holders),
        partial(answered, holders, actors, lexicon),
    ]
    if Ontology.is_violent(code):
        steps.append(partial(victims, head, actors, lexicon))
    if code.startswith(THREAT_ROOT):
        steps.append(partial(conditioned_subjects, head, actors))
    if verb:
        steps.append(partial(governor_object, head, actors))
    for step in steps:
        found = [m for m in step() if m not in sources]
        if found:
            return found
    return []


def speaker_of(head: Token, actors: ActorIndex, lexicon: Lexicon) -> Actor | None:
    """The speaker of reported speech ("X said ...", "according to X")."""
    current = head
    while current.dep_ in ("ccomp", "conj", "xcomp", "advcl") and current.head.i != current.i:
        parent = current.head
        if current.dep_ == "ccomp" and lexicon.has_role(parent.lemma_.lower(), "speech"):
            subject = next((c for c in parent.children if c.dep_ == "nsubj"), None)
            mention = actors.within(subject) if subject is not None else None
            return mention.actor if mention else None
        current = parent
    for token in head.sent:
        if token.lower_ == "according" and token.dep_ == "prep":
            for to in token.children:
                for pobj in to.children:
                    mention = actors.within(pobj)
                    if mention:
                        return mention.actor
    mention = _accuser(head, actors, lexicon) or quoted_speaker(head, actors, lexicon)
    return mention.actor if mention else None


def _accuser(head: Token, actors: ActorIndex, lexicon: Lexicon) -> ActorMention | None:
    """Who lays an act to someone: "the minister accused the rebels of attacking" (the
    gerund is the minister's allegation); None when the accuser is unnamed ("were
    accused of")."""
    doer = answerable_doer(head)
    if doer is None:
        return None
    word = doer.head if doer.dep_ in ("dobj", "obj") else None
    if word is None or not lexicon.word_has_role(word, "accuse"):
        return None
    subject = next((c for c in word.children if c.dep_ == "nsubj"), None)
    return actors.within(subject) if subject is not None else None


def pronoun_speaker(head: Token, actors: ActorIndex, lexicon: Lexicon) -> list[ActorMention]:
    """The doer of a reported event whose subject is a pronoun no actor was found for:
    "Annan announced that he will withdraw ...", "militants said they attempted to
    assassinate ...": the speaker, as a coder reads it."""
    # "they attempted to assassinate": the governing verb's subject
    current, subject = _inherited_doer(head, ("nsubj",))
    if subject is None or subject.tag_ != "PRP" or subject.lower_ == "you" or actors.at(subject):
        return []
    while current.dep_ in ("xcomp", "conj") and current.head.i != current.i:
        current = current.head
    if current.dep_ != "ccomp" or not lexicon.word_has_role(current.head, "speech"):
        return []
    speaker = next((c for c in current.head.children if c.dep_ == "nsubj"), None)
    if speaker is None or not may_refer_to(subject, speaker):
        return []
    return actors.coordinated(speaker)


FIRST_PERSON = frozenset({"i", "we", "my", "our"})  # the doer's words in a quote
DOER_STEPS = 3  # "we will use", "they attempted to assassinate": up through xcomp and conj


def _inherited_doer(head: Token, deps: tuple[str, ...]) -> tuple[Token, Token | None]:
    """The first of `head` and the verbs it hangs on by xcomp or conj to have a child in
    `deps`, with that child (None when none has)."""
    current = head
    for _ in range(DOER_STEPS):
        doer = next((c for c in current.children if c.dep_ in deps), None)
        if doer is not None or current.dep_ not in ("xcomp", "conj"):
            return current, doer
        current = current.head
    return current, None


def quoted_first_person(head: Token, actors: ActorIndex, lexicon: Lexicon) -> list[ActorMention]:
    """The doer "I"/"we" (or "my"/"our" on an event noun) of an event inside a quote: the
    quote's speaker ('"We will strike back," the minister said'; '"our condolences are
    with the family," he said'), as a coder reads it."""
    _, doer = _inherited_doer(head, ("nsubj", "poss"))
    if doer is None or doer.lower_ not in FIRST_PERSON:
        return []
    speaker = quoted_speaker(head, actors, lexicon)
    return [speaker] if speaker is not None else []


def may_refer_to(pronoun: Token, speaker: Token) -> bool:
    """Whether a subject pronoun may be the speaker: "X said it attacked" speaks of X,
    but "officials said it killed nine" of something else ("it" for a plural)."""
    if pronoun.pos_ != "PRON":
        return False
    plural = speaker.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in speaker.children)
    # "Ahmed said they killed nine", "the minister said they ...": one person is not
    # "they"; a body may be ("Hamas said they"), a plural speaker is
    body = speaker.ent_type_ in BODIES
    if pronoun.lower_ in GROUP:
        return plural or body
    return not (plural and pronoun.lower_ == "it")


def performed_by(noun: Token, actors: ActorIndex, lexicon: Lexicon) -> list[ActorMention]:
    """The doer of an event noun named in a light participle on it: "attacks carried out
    by X", "a strike launched by X", "the offensive waged by X", or in the light verb it
    is the passive subject of: "the attacks were committed by X"."""
    passive = [noun.head] if noun.dep_ == "nsubjpass" and noun.head.i != noun.i else []
    for clause in [*children_of(noun, ("acl",)), *passive]:
        if clause.tag_ == "VBN" and lexicon.word_has_role(clause, "light"):
            agents = [p for a in children_of(clause, ("agent",)) for p in children_of(a, ("pobj",))]
            found = [m for p in agents for m in actors.coordinated(p)]
            if found:
                return found
    return []


def culprits(noun: Token, actors: ActorIndex, lexicon: Lexicon) -> list[ActorMention]:
    """Who is said to have done an event named after a word of blame (cue role culprit,
    an adjective or a preposition): "X is responsible for the blast", "a man believed
    to be responsible for the bombing". ("behind" is left out: "evidence proving X was
    behind the attacks" is an allegation, which PETRARCH's gold does not code.)"""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.i == prep.i:
        return []
    word = prep.head if lexicon.has_role(prep.lower_, "culprit") else None
    current = prep if word is not None else prep.head
    if word is None and not lexicon.word_has_role(current, "culprit"):
        return []
    for _ in range(4):  # up through "believed to be responsible" to whoever is blamed
        if current.dep_ in ("amod", "acl", "prep") and current.head.pos_ in ("NOUN", "PROPN"):
            return actors.coordinated(current.head)
        subject = next((c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return actors.coordinated(subject)
        if current.dep_ not in BLAME_PATH or current.head.i == current.i:
            return []
        current = current.head
    return []


def noun_doers(noun: Token, actors: ActorIndex, lexicon: Lexicon) -> list[ActorMention]:
    """The doer of an event noun named around it rather than on it: a light participle
    ("raids carried out by X") or a word of blame ("X is responsible for the blast")."""
    return performed_by(noun, actors, lexicon) or culprits(noun, actors, lexicon)


def doer_noun(
    noun: Token, actors: ActorIndex
) -> tuple[list[ActorMention], list[ActorMention]] | None:
    """An event noun that names its doer and is an actor itself, as the subject of a verb:
    "a suicide bomber struck a police post" (the bomber did it, to the verb's target)."""
    agent = actors.at(noun)
    if agent is None or noun.dep_ != "nsubj":
        return None
    return [agent], [m for m in verb_arguments(noun.head, actors)[1] if m != agent]
