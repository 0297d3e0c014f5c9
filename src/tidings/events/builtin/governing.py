"""Which word governs an event word, and the mood its own words give it.

`governor` walks up from an event word to the word that frames it ("vowed to attack",
"called for talks"), seeing through light verbs and stopping verbs; `ceasing` finds a
stopping verb ("stop attacking"); `modality` reads negation, future, obligation and
hypothesis from a verb's auxiliaries, subject and markers.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Token

from tidings.events.builtin.lexicon import Lexicon

__all__ = [
    "CLAUSE_DEPS",
    "FRAME_PREPS",
    "OBJECT_DEPS",
    "ceasing",
    "direct_governor",
    "governor",
    "is_purpose",
    "is_to_infinitive",
    "modality",
    "mood_bearer",
    "unrealised_by_noun",
]

CLAUSE_DEPS = ("xcomp", "ccomp")
OBJECT_DEPS = ("dobj", "obj", "nsubjpass")
FRAME_PREPS = ("for", "of", "to")  # "called for talks", "accused X of attacking"
OWN_MOOD_DEPS = ("nsubj", "nsubjpass", "aux", "auxpass", "neg")  # a conjunct's own mood


def governor(
    token: Token, heads: Mapping[int, object], lexicon: Lexicon
) -> tuple[Token, str] | None:
    """The word governing an event word, and how: a clause, an object, or `for`/`of`.

    A light verb that is no trigger itself is see-through: in "promised to continue
    military aid" the aid is governed by "promised" (intent to give military aid, 0332)."""
    found = direct_governor(token)
    seen = {token.i}
    while (
        found is not None
        and found[0].i not in heads
        and found[0].i not in seen
        and lexicon.word_has_role(found[0], "light", "cease")
    ):
        seen.add(found[0].i)
        found = direct_governor(found[0])
    return found


def ceasing(token: Token, heads: Mapping[int, object], lexicon: Lexicon) -> Token | None:
    """The word that stops an event word, when no trigger itself: "stop attacking", "an
    end to the shelling", "refrain from attacks"."""
    found = direct_governor(token)
    if found is None and token.dep_ in ("pobj", "pcomp") and token.head.lower_ == "from":
        found = (token.head.head, "from")
    if found is None and token.dep_ == "acl":
        found = (token.head, "clause")  # "that X cease shelling Y" misread as a noun "cease"
    if found is not None and found[1] == "of" and found[0].i not in heads:
        found = direct_governor(found[0]) or found  # "end six weeks of fighting"
    if found is None or found[0].i in heads or found[0].i == token.i:
        return None
    return found[0] if lexicon.word_has_role(found[0], "cease") else None


def direct_governor(token: Token) -> tuple[Token, str] | None:
    if token.dep_ == "conj" and token.pos_ in ("NOUN", "PROPN") and token.head.dep_ in OBJECT_DEPS:
        token = token.head  # "announced asset freezes and travel bans": both are objects
    first = token
    while first.dep_ == "conj" and first.pos_ == "VERB" and first.head.pos_ == "VERB":
        first = first.head
    if first.dep_ in CLAUSE_DEPS:
        token = first  # "urged X to pull back, talk and stop air strikes": all are urged
    if noun_clause(token):
        return token.head, "clause"  # "a plan to fire missiles", "calls to end the war"
    if (token.dep_ in CLAUSE_DEPS or is_purpose(token)) and token.head.i != token.i:
        return token.head, "clause"  # an infinitival advcl too: "have sworn to fight"
    if token.dep_ in OBJECT_DEPS and token.head.i != token.i and token.head.pos_ == "VERB":
        return token.head, "object"
    if token.dep_ in ("pobj", "pcomp") and token.head.dep_ == "prep":
        prep = token.head
        if prep.lower_ in FRAME_PREPS and prep.head.i != prep.i:
            return prep.head, prep.lower_
    return None


def noun_clause(token: Token) -> bool:
    """An infinitival clause on a noun: "a plan to fire missiles", "a threat to strike"."""
    return token.dep_ == "acl" and token.head.pos_ == "NOUN" and is_to_infinitive(token)


def unrealised_by_noun(governor: Token, how: str, lexicon: Lexicon) -> bool:
    """Whether a "to" clause on a noun is wanted, planned or demanded, not done: "pressure
    to help Iran", "efforts to free them", "a decision to withdraw" (cue role unrealised;
    "the first leader to visit Cuba" did visit)."""
    noun = governor.pos_ == "NOUN" and how == "clause"
    return noun and lexicon.word_has_role(governor, "unrealised")


def is_purpose(token: Token) -> bool:
    """An infinitival purpose clause: "staged protests to demand reforms"."""
    return token.dep_ == "advcl" and is_to_infinitive(token)


def is_to_infinitive(verb: Token) -> bool:
    """A verb with the infinitive marker "to" as its auxiliary ("to demand", "to fight")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def mood_bearer(head: Token, noun: bool, lexicon: Lexicon) -> Token:
    """The word whose auxiliaries give a trigger's mood: an event noun's light verb ("will
    launch an attack", "if X carried out attacks"), else the trigger itself."""
    found = direct_governor(head) if noun else None
    if found is not None and found[1] == "object" and lexicon.word_has_role(found[0], "light"):
        return found[0]
    return head


def modality(head: Token, lexicon: Lexicon) -> str:
    """Negated, future, hypothetical or asserted, from the verb's auxiliaries and subject.

    Two working values are resolved by `plan`: "obligation" ("must", "should") and
    "negated-future" ("will not accept": a refusal)."""
    if bare_conjunct(head):
        head = head.head  # "will attack and kill": "kill" shares "will"
    negated = any(c.dep_ == "neg" for c in head.children)
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(d.lower_ in ("no", "nobody", "none", "neither") for s in subjects for d in s.subtree):
        negated = True
    markers = [c.lemma_.lower() for c in head.children if c.dep_ in ("aux", "mark")]
    reported = head.dep_ == "ccomp" and lexicon.has_role(head.head.lemma_, "speech")
    future = any(lexicon.has_role(m, "future") for m in markers) or (
        reported and "would" in markers
    )
    if future:
        return "negated-future" if negated else "future"
    if negated:
        return "negated"
    if any(lexicon.has_role(m, "obligation") for m in markers):
        return "obligation"
    if any(lexicon.has_role(m, "hypothetical") for m in markers):
        return "hypothetical"
    return "asserted"


def bare_conjunct(verb: Token) -> bool:
    """A verb conjoined to another with no subject or auxiliary of its own ("will attack
    and kill", "did not attack or loot"): it takes that verb's modality."""
    return (
        verb.dep_ == "conj"
        and verb.pos_ == "VERB"
        and verb.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in OWN_MOOD_DEPS for c in verb.children)
        and not any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in verb.head.children)
    )
