"""Events done by a weapon: "was blown up by a missile fired by X", "a rocket hit X".

The weapon decides the kind of attack (data/weapons.tsv: a missile is 194, a bomb 183),
and whoever fired or launched it is the doer: the agent of a participle on the weapon
("fired by rebels", "believed to be fired by rebels"), the place it was fired from
("fired from Gaza"), an actor or demonym modifying it ("a Russian missile"). That
participle tells the same attack and is not coded apart.
"""

from __future__ import annotations

from spacy.tokens import Token

from tidings.events.builtin.arguments import ActorIndex, demonym_mentions, place_actor
from tidings.model import ActorMention

__all__ = ["firers", "firing_clauses", "weapon_agent", "weapon_words"]

CLAUSE_DEPS = ("acl", "relcl")  # "a missile fired by ...", "a missile that rebels fired"
CHAIN_DEPS = ("xcomp", "ccomp", "conj")  # "believed to be fired by ..."
MODIFIER_DEPS = ("amod", "compound", "nmod", "poss")


def weapon_agent(verb: Token, weapons: dict[str, str]) -> tuple[Token, str] | None:
    """The weapon a verb is done by ("hit by a missile", "a missile hit ..."), and the
    code of an attack with it."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        agents = [c for c in verb.children if c.dep_ == "agent"]
        doers = [p for a in agents for p in a.children if p.dep_ == "pobj"]
    else:
        doers = [c for c in verb.children if c.dep_ == "nsubj"]
    for doer in doers:
        code = weapons.get(doer.lemma_.lower())
        if code is not None:
            return doer, code
    return None


def firing_clauses(weapon: Token) -> list[Token]:
    """The verbs that tell how the weapon was used, hung on it ("fired", "launched")."""
    found: list[Token] = []
    stack = [c for c in weapon.children if c.dep_ in CLAUSE_DEPS]
    while stack:
        verb = stack.pop()
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        found.append(verb)
        stack += [c for c in verb.children if c.dep_ in CHAIN_DEPS]
    return found


def weapon_words(weapon: Token) -> set[int]:
    """The weapon and the clauses on it: one attack with the verb it did, not coded apart."""
    return {weapon.i, *(v.i for v in firing_clauses(weapon))}


def firers(weapon: Token, index: ActorIndex) -> list[ActorMention]:
    """Who used the weapon: the agent or subject of a clause on it, else its modifier."""
    for verb in firing_clauses(weapon):
        for child in verb.children:
            holders = (
                [p for p in child.children if p.dep_ == "pobj"] if child.dep_ == "agent" else []
            )
            if child.dep_ == "nsubj" and child.pos_ != "PRON":
                holders = [child]
            found = [m for h in holders for m in index.coordinated(h)]
            if found:
                return found
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"):
            # "a rocket fired from Gaza": where it came from, as for a passive "fired from"
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                found = index.coordinated(pobj)
                if not found and (place := place_actor(pobj, index)) is not None:
                    found = [place]
                if found:
                    return found
    modifiers = [c for c in weapon.children if c.dep_ in MODIFIER_DEPS]
    own = [m for c in modifiers if (m := index.at(c)) is not None]
    return own[:1] or demonym_mentions(modifiers)
