"""Who did it and to whom, read off the dependency parse.

Arguments are found by syntactic role (subject, object, passive agent, the noun after
"on/against/at/with", a possessor) and then mapped to the actor mentions the actors
stage found. A role that holds no coded actor stays empty: we never guess.
"""

from __future__ import annotations

from spacy.tokens import Token

from tidings.actors import misread_participle
from tidings.events.builtin.actor_index import CIVILIANS, ActorIndex
from tidings.events.builtin.event_places import (
    demonym_mentions,
    demonym_source,
    host_targets,
    place_actor,
    place_targets,
    prep_objects,
)
from tidings.events.builtin.governing import is_purpose
from tidings.events.builtin.lexicon import load_lexicon
from tidings.model import Actor, ActorMention

__all__ = [
    "ActorIndex",
    "answerable_doer",
    "counted_people",
    "demonym_mentions",
    "host_targets",
    "noun_arguments",
    "place_actor",
    "place_targets",
    "verb_arguments",
]

SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")
OBJECT_DEPS = ("dobj", "obj", "dative", "attr")
TARGET_PREPS = ("against", "on", "at", "with", "to", "toward", "towards", "into", "upon")
# "aid to Mozambique", "a visit to China": the noun's recipient or destination
NOUN_TARGET_PREPS = ("on", "against", "at", "of", "into", "upon", "targeting", "with", "to", "for")
RECIPROCAL_PREPS = ("between", "among", "amongst")
AGENT_TARGET_PREPS = ("on", "against", "upon", "targeting")  # "an attack by X on Y"
# "X vowed to attack", "X and Y", "X is about/ready to restore ties": the governing subject
SHARED_SUBJECT_DEPS = ("xcomp", "conj", "acomp")
RAISED_SUBJECT_DEPS = ("nsubjpass",)  # of a governing verb only: "X is set to attend"
MOVER_PREPS = ("from", "to", "into", "in", "inside")


ANSWER_PREPS = ("of", "with", "for")  # "accused X of attacking", "charged with", "jailed for"
ANSWER_STEPS = 3  # "was found guilty on Thursday of raping": adjective, verb


def answerable_doer(verb: Token) -> Token | None:
    """The doer of a gerund an act is laid to: the object of "accused X of attacking", the
    subject of "X was charged with killing" or "X was found guilty of raping" (an
    adjective's verb), from a word with the cue role answerable."""
    prep = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or prep.lower_ not in ANSWER_PREPS:
        return None
    word, lexicon = prep.head, load_lexicon()
    if word.i == prep.i:
        return None
    # "accused the rebels of attacking": the parser hangs "of" on the accused
    if word.dep_ in ("dobj", "obj") and lexicon.word_has_role(word.head, "answerable"):
        return word
    # "were found guilty on Thursday of raping": on the verb the adjective completes
    completing = (c for c in word.children if c.dep_ in ("acomp", "oprd"))
    if not lexicon.word_has_role(word, "answerable") and not any(
        lexicon.word_has_role(c, "answerable") for c in completing
    ):
        return None
    current = word
    for _ in range(ANSWER_STEPS):
        passive = any(c.dep_ == "auxpass" for c in current.children)
        deps = ("nsubjpass", "nsubj") if passive else ("dobj", "obj", "nsubj")
        if current.pos_ == "ADJ":  # "responsible for", "guilty of": whom it is said of
            deps = ("nsubj", "nsubjpass")
        for dep in deps:
            found = next((c for c in current.children if c.dep_ == dep), None)
            if found is not None:
                return found
        if current.dep_ not in ("acomp", "oprd", "xcomp", "amod") or current.head.i == current.i:
            return None
        if current.dep_ == "amod":  # "a man guilty of killing": the noun it describes
            return current.head
        current = current.head
    return None


def _subject(verb: Token) -> Token | None:
    """The verb's subject, inherited from the governing verb for "vowed to attack" or "X and Y"."""
    answerable = answerable_doer(verb)
    if answerable is not None:
        return answerable
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            return None
        # "Obama is expected to visit China": a raising verb's passive subject is the doer's
        deps = SUBJECT_DEPS if current is verb else (*SUBJECT_DEPS, *RAISED_SUBJECT_DEPS)
        for child in current.children:
            if child.dep_ in deps:
                return child
        if current is verb and (dated := _dated_subject(verb)) is not None:
            return dated
        if current.dep_ == "relcl":
            return current.head
        governor = _gerund_governor(current)
        if governor is not None:  # "confessed to killing", "was jailed after attacking"
            if not isinstance(governor, tuple):
                current = governor
                continue
            return governor[0]  # "stopped the rebels from attacking": the object acts
        # "X shelled the city, killing eight": a participle clause shares its verb's subject
        participle = (
            current.dep_ == "advcl"
            and current.tag_ == "VBG"
            and not any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in current.head.children)
        )  # (not of a passive: "were killed in Israeli | shelling" names no shelling doer)
        shared = current.dep_ in SHARED_SUBJECT_DEPS or participle or is_purpose(current)
        if not shared or current.head.i == current.i:
            return None
        infinitive = _misjoined_infinitive(current)  # "arranged for X to be ready and has"
        current = infinitive.head if infinitive is not None else current.head
    return None


# a gerund after these prepositions on a verb is done by that verb's subject ("confessed
# to killing his sister", "retaliated by shelling", "was arrested after attacking")...
SUBJECT_GERUND_PREPS = (
    "to", "by", "after", "before", "while", "since", "without", "upon", "on", "in",
    "through", "despite", "for", "from",
)  # fmt: skip
# ...but by its object, where it has one, after these ("stopped X from attacking",
# "thanked X for helping"); "accused X of attacking" is `answerable_doer`'s
OBJECT_GERUND_PREPS = ("from", "for")


def _gerund_governor(verb: Token) -> Token | tuple[Token] | None:
    """The verb whose subject does a gerund after a preposition on it, or (as a 1-tuple)
    the object that does it instead; None for any other word."""
    prep = verb.head
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or prep.dep_ != "prep":
        return None
    governor = prep.head
    if governor.i == prep.i or governor.pos_ not in ("VERB", "AUX"):
        return None
    if prep.lower_ in OBJECT_GERUND_PREPS:
        obj = next((c for c in governor.children if c.dep_ in ("dobj", "obj")), None)
        if obj is not None:
            return (obj,)
    return governor if prep.lower_ in SUBJECT_GERUND_PREPS else None


DATED_PREPS = ("on", "at", "in", "by")


def _dated_subject(verb: Token) -> Token | None:
    """The subject the parser swallowed into a leading date phrase: "On Friday Ford Motor
    Company announced" read as "On [Friday Ford Motor Company]", with no subject left; the
    words after the date are the doer."""
    for prep in verb.children:
        if prep.i > verb.i or prep.dep_ != "prep" or prep.lower_ not in DATED_PREPS:
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.ent_type_ in ("", "DATE", "TIME"):
            continue
        after = pobj.doc[prep.i + 1]
        if after.ent_type_ in ("DATE", "TIME") and after.head.i == pobj.i:
            return pobj
    return None


FINITE_TAGS = ("VBZ", "VBP", "VBD", "MD")


def _misjoined_infinitive(verb: Token) -> Token | None:
    """For a finite verb joined to a "to" infinitive (through a chain of conjuncts), that
    infinitive: the parser misplaced the verb, which joins the one above ("he arranged
    for the Guard to be ready and has requested ...": he requested), so the infinitive's
    own subject is not its."""
    finite = verb.tag_ in FINITE_TAGS or any(
        c.dep_ == "aux" and c.tag_ in FINITE_TAGS for c in verb.children
    )
    if verb.dep_ != "conj" or not finite:
        return None
    head = verb.head
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return head if is_purpose(head) else None


def _object_deps(verb: Token) -> tuple[str, ...]:
    """A copula's complement is what its subject is or becomes ("resigned to become the
    Secretary of State"), no one the event is done to; after "there" it is who undergoes
    it ("there was one passenger injured")."""
    if any(c.dep_ == "expl" for c in verb.children):
        return OBJECT_DEPS
    return tuple(d for d in OBJECT_DEPS if d != "attr")


def _inverted_attribution(obj: Token) -> bool:
    """ "a gunman shot shoppers ..., reported officials": the parser may make the speakers
    of a trailing attribution an object, its speech verb their modifier; they are no one
    the act was done to."""
    before = obj.doc[obj.i - 1] if obj.i > 0 else None
    if before is None or before.dep_ != "amod" or before.head.i != obj.i:
        return False
    comma = obj.doc[before.i - 1] if before.i > 0 else None
    speech = before.tag_ == "VBD" and load_lexicon().word_has_role(before, "speech")
    return speech and comma is not None and comma.text == ","


def _complement_object(verb: Token) -> list[Token]:
    """The object of "condemned as unacceptable the allegations": parsed as the pobj of "as",
    it is the verb's object when an adjective (the object complement) precedes it."""
    return [
        pobj
        for pobj in prep_objects(verb, ("as",))
        if any(c.dep_ == "amod" and c.pos_ == "ADJ" and c.i < pobj.i for c in pobj.children)
    ]


def children_of(token: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def verb_arguments(
    verb: Token,
    actors: ActorIndex,
    recipient: bool = False,
    participle: bool = False,
    mover: bool = False,
) -> tuple[list[ActorMention], list[ActorMention], Token | None]:
    """Sources, targets and the object token that decided the code's conditions.

    `recipient`: the verb's subject receives ("Iraq received weapons from Iran"), so the
    roles turn round: the actor after "from" gives (source), the subject gets (target).
    `participle`: a participle on an actor noun is read as a passive of that noun (used
    for material conflict, done to people: "soldiers killed in Ukraine").
    `mover`: the object is the subject's own, moved ("withdrew its troops from Lebanon"):
    where it goes from or to is the target, the object only when no such place is named."""
    if recipient:
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        # "X received assurances from Y", "assurances from Y were received by X"
        objects = children_of(verb, PASSIVE_SUBJECT_DEPS if passive else OBJECT_DEPS)
        holders = [verb, *objects]  # "received assurances from X": "from" on the object
        givers = [
            m for h in holders for p in prep_objects(h, ("from",)) for m in actors.coordinated(p)
        ]
        subject = _subject(verb)
        takers = actors.coordinated(subject, frozenset({verb.i})) if subject is not None else []
        if passive:
            agents = [p for a in children_of(verb, ("agent",)) for p in children_of(a, ("pobj",))]
            takers = [m for p in agents for m in actors.coordinated(p, frozenset({verb.i}))]
        return givers, [m for m in takers if m not in givers], (objects[0] if objects else None)
    skip = frozenset({verb.i})
    passive = any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)
    passive = passive or _passive_complement(verb)
    sources: list[ActorMention] = []
    targets: list[ActorMention] = []
    # "soldiers killed in Ukraine", "activists detained by police": a participle on a noun
    # is a passive whose subject is that noun (tagged VBD too: "a member jailed in 2019")
    reduced = participle and _reduced_participle(verb)
    misread = not passive and misread_participle(verb)  # "X imprisoned in 2019 were freed"
    if misread:
        undergone = [m for s in children_of(verb, ("nsubj",)) for m in actors.coordinated(s, skip)]
        doers = [p for a in children_of(verb, ("agent",)) for p in children_of(a, ("pobj",))]
        return [m for p in doers for m in actors.coordinated(p, skip)], undergone, None
    if passive or reduced:
        for agent in children_of(verb, ("agent",)):
            for pobj in children_of(agent, ("pobj",)):
                sources += actors.coordinated(pobj, skip)
        undergoers = [verb.head] if reduced else children_of(verb, PASSIVE_SUBJECT_DEPS)
        if not undergoers and verb.dep_ in ("conj", "xcomp", "oprd"):  # "were repelled by Y"
            undergoers = children_of(verb.head, ("nsubj", *PASSIVE_SUBJECT_DEPS))
        for subj in undergoers:
            targets += actors.coordinated(subj, skip)
        targets += [m for m in _included([verb, *undergoers], actors, skip) if m not in targets]
        if reduced and not targets:
            return [], [], None  # "property seized by X": a backdrop, not done to an actor
    else:
        subject = _subject(verb)
        if subject is not None:
            sources += actors.coordinated(subject, skip)
        elif verb.dep_ == "acl" and verb.tag_ == "VBG":
            sources += gerund_doers(verb, actors, skip)
    objects = children_of(verb, _object_deps(verb)) or _complement_object(verb)
    objects = [o for o in objects if not _inverted_attribution(o)]
    if mover and not passive:
        targets += moved_to(verb, objects, actors, skip, sources)
    for obj in objects if not targets else []:
        targets += [m for m in actors.coordinated(obj, skip) if m not in sources]
    if objects and not passive:  # "arrested 20 people, including two Kenyan MPs"
        found = _included([verb, *objects], actors, skip)
        targets += [m for m in found if m not in sources and m not in targets]
    if not targets:  # "hosted (rounds of) talks between Iran and Saudi Arabia": the parties
        heads = [*objects, *(p for obj in objects for p in prep_objects(obj, ("of",)))]
        for pobj in (p for head in heads for p in prep_objects(head, RECIPROCAL_PREPS)):
            targets += [m for m in actors.coordinated(pobj, skip) if m not in sources]
    if not targets:
        # the verb's own preposition, or its object's: "signed an agreement with Turkey",
        # or that of the thing it is against: "advised against travel to Tunisia"
        holders = [verb, *objects, *prep_objects(verb, ("against",))]
        # "was targeted with a car", "hit with tear gas": done to the subject, with a means
        means = passive and participle
        preps = tuple(p for p in TARGET_PREPS if p != "with") if means else TARGET_PREPS
        for pobj in (p for holder in holders for p in prep_objects(holder, preps)):
            targets += [m for m in actors.coordinated(pobj, skip) if m not in sources]
            if targets:
                break
    if not targets and sources and not objects:  # "fired and landed a round on X"
        targets = _joined_targets(verb, actors, skip, sources)
    if not targets and sources:  # "would blockade Paris": a place as the object
        found = (place_actor(obj, actors) for obj in objects)
        targets = [m for m in found if m is not None][:1]
    if not targets and sources:
        targets = place_targets([*objects, verb], actors)
    return sources, targets, (objects[0] if objects else None)


# "posted a message on Twitter blaming Iran": the object phrase a participle sits in
PHRASE_DEPS = ("pobj", "prep", "dobj", "obj", "conj", "appos", "compound")


def gerund_doers(verb: Token, actors: ActorIndex, skip: frozenset[int]) -> list[ActorMention]:
    """The doer of a participle on a thing: the subject of the verb whose object phrase
    holds it ("X posted a message on Twitter blaming Iran": X blames). One on an actor
    ("rebels fighting to topple it") stays a description, left to `backdrop`."""
    if actors.coordinated(verb.head, skip):
        return []
    current = verb.head
    while current.dep_ in PHRASE_DEPS and current.head.i != current.i:
        current = current.head
    if current.pos_ != "VERB" or current.i == verb.head.i:
        return []
    if load_lexicon().word_has_role(current, "speech"):
        return []  # "X said a law allowing Y ...": what is said, not what X does
    subject = _subject(current)
    return actors.coordinated(subject, skip) if subject is not None else []


def _joined_targets(
    verb: Token, actors: ActorIndex, skip: frozenset[int], sources: list[ActorMention]
) -> list[ActorMention]:
    """The target of a verb joined to `verb` (which has no object) with no subject or
    auxiliary of its own ("police fired and landed a round on a protester"): one act."""
    for joined in children_of(verb, ("conj",)):
        own = children_of(joined, (*SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS, "aux", "auxpass", "neg"))
        if joined.pos_ != "VERB" or own:  # "opened ... but was refusing X": another act
            continue
        objects = children_of(joined, OBJECT_DEPS)
        heads = objects + [p for h in (joined, *objects) for p in prep_objects(h, TARGET_PREPS)]
        for head in heads:
            found = [m for m in actors.coordinated(head, skip) if m not in sources]
            if found:
                return found
    return []


def _passive_complement(verb: Token) -> bool:
    """ "were confirmed killed", "are killed or injured by gunfire": a past participle with
    no auxiliary or subject of its own, hung on a passive verb, is passive too (its
    subject is who suffered it, not who did it)."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("xcomp", "oprd", "conj"):
        return False
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
        return False
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.head.children)


def _included(holders: list[Token], actors: ActorIndex, skip: frozenset[int]) -> list[ActorMention]:
    """Actors named as among those an event was done to: "were arrested, including X"."""
    return [m for p in (p for h in holders for p in prep_objects(h, ("including",)))
            for m in actors.coordinated(p, skip)]  # fmt: skip


def _reduced_participle(verb: Token) -> bool:
    """A past participle after the noun it modifies ("civilians killed in the raid")."""
    return verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and verb.head.i < verb.i


def moved_to(
    verb: Token,
    objects: list[Token],
    actors: ActorIndex,
    skip: frozenset[int],
    sources: list[ActorMention],
) -> list[ActorMention]:
    """Where a moving verb's object goes from or to: "withdraw its troops from Lebanon",
    "sent observers to Bosnia", "deployed soldiers in Mali" (an actor, else a place)."""
    pobjs = [p for h in (verb, *objects) for p in prep_objects(h, MOVER_PREPS)]
    for pobj in pobjs:
        found = [m for m in actors.coordinated(pobj, skip) if m not in sources]
        if found:
            return found
    for pobj in pobjs:
        place = place_actor(pobj, actors)
        if place is not None:
            return [place]
    return []


def noun_arguments(
    noun: Token, trigger_tokens: frozenset[int], actors: ActorIndex, light_verb: bool
) -> tuple[list[ActorMention], list[ActorMention]]:
    """Sources and targets of an event noun ("air strikes on Gaza", "talks between A and B")."""
    sources: list[ActorMention] = []
    targets: list[ActorMention] = []
    for pobj in prep_objects(noun, RECIPROCAL_PREPS):
        sources += actors.coordinated(pobj, trigger_tokens)
    if len(sources) >= 2:
        return sources, list(sources)
    undergone = _undergone_possessor(noun, actors, trigger_tokens)
    for child in noun.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i not in trigger_tokens:
            mention = actors.at(child)
            if mention is not None and mention not in sources and mention not in undergone:
                sources.append(mention)
    # "an apology from Fields", "aid from Iran": who sent it
    sent = not prep_objects(noun, ("by",)) and load_lexicon().word_has_role(noun, "sent")
    agents = prep_objects(noun, ("by", "from") if sent else ("by",))
    for pobj in agents:
        sources += actors.coordinated(pobj, trigger_tokens)
    if not sources:
        sources += demonym_source(noun)
    # "announced freezes and bans": a conjoined object shares the first one's verb
    phrase = object_phrase(noun)
    if not sources and light_verb and phrase.dep_ in OBJECT_DEPS:
        subject = _subject(phrase.head)
        if subject is not None:
            sources += actors.coordinated(subject, trigger_tokens)
    # "carried out strikes on Gaza": the light verb may hold the noun's target phrase
    holders = [noun, phrase.head] if light_verb else [noun]
    # "an attack by X on Y": the parser may hang the target on the doer's phrase
    pobjs = [p for holder in holders for p in prep_objects(holder, NOUN_TARGET_PREPS)]
    pobjs += [p for agent in agents for p in prep_objects(agent, AGENT_TARGET_PREPS)]
    for pobj in pobjs:
        targets += [m for m in actors.coordinated(pobj, trigger_tokens) if m not in sources]
        if targets:
            break
    if not targets:  # "the journalist's arrest"
        targets = [m for m in undergone if m not in sources]
    if not targets:  # "an attack targeting the police", "strikes aimed at Gaza"
        # (not a clause with its own subject: "a demand that X ease ...", see clause_subjects)
        clauses = (c for c in noun.children if c.dep_ == "acl" and not children_of(c, ("nsubj",)))
        for clause in clauses:
            heads = children_of(clause, OBJECT_DEPS) + prep_objects(clause, TARGET_PREPS)
            for head in heads:
                targets += [m for m in actors.coordinated(head, trigger_tokens) if m not in sources]
    if not targets and sources:
        targets = place_targets(holders, actors)
    return sources, targets


def _undergone_possessor(
    noun: Token, actors: ActorIndex, skip: frozenset[int]
) -> list[ActorMention]:
    """The possessor of a noun of an act done to someone (cue role undergoer), who
    undergoes it: "the journalist's arrest", "Khashoggi's killing"; not when an "of"
    phrase names who undergoes it ("Israel's killing of civilians": Israel did it)."""
    if not load_lexicon().word_has_role(noun, "undergoer") or prep_objects(noun, ("of",)):
        return []
    return [m for c in noun.children if c.dep_ == "poss" for m in actors.coordinated(c, skip)]


def object_phrase(noun: Token) -> Token:
    """The object phrase an event noun stands in: "announced freezes and bans" (a conjoined
    object shares the first one's verb), "launched ten days of war games", "a series of
    attacks" (the measure noun is the verb's object)."""
    if noun.dep_ == "conj" and noun.head.dep_ in OBJECT_DEPS:
        return noun.head
    prep, measure = noun.head, noun.head.head
    of_object = noun.dep_ == "pobj" and prep.lower_ == "of" and measure.dep_ in OBJECT_DEPS
    return measure if of_object and measure.pos_ == "NOUN" and measure.i < noun.i else noun


# where the people a verb's act was done to stand: "injured 15", "dozens were arrested"
# (the parser hangs a count with "more than" on the verb: "injured more than 260")
COUNTED_DEPS = ("dobj", "obj", "nsubjpass", "npadvmod")
COUNT_MODIFIERS = ("det", "amod", "quantmod", "advmod")  # "another 15", "more than 260"


def counted_people(verb: Token) -> ActorMention | None:
    """Unnamed people counted as whom a violent act or an arrest was done to: a bare number
    or a crowd noun with no "of" phrase as the verb's object or passive subject ("injured
    another 15", "thousands were arrested", "killed two others"): civilians whose country
    the sentence does not give. A count of things ("fired dozens of rockets") is none."""
    lexicon = load_lexicon()
    for token in children_of(verb, COUNTED_DEPS):
        bare = token.pos_ == "NUM" and all(c.dep_ in COUNT_MODIFIERS for c in token.children)
        crowd = token.pos_ != "NUM" and lexicon.word_has_role(token, "crowd")
        if not (bare or crowd and token.dep_ != "npadvmod"):  # a mis-hung count is bare only
            continue
        if prep_objects(token, ("of",)):
            continue  # "dozens of rockets", "thousands of soldiers": counted by their noun
        words = token.doc[token.left_edge.i : token.right_edge.i + 1]
        sentence = next(n for n, s in enumerate(token.doc.sents) if s.start <= token.i < s.end)
        actor = Actor.of(words.text, None, CIVILIANS, basis="inferred")
        return ActorMention(actor, words.start_char, words.end_char, sentence, kind="group")
    return None
