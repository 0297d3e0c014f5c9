"""Rank words both police and armies use ("officers"): whose they are is read from the
roles named just before them."""

from __future__ import annotations

from tidings.actors.coref import Memory
from tidings.actors.lexicon import Lexicon, Role
from tidings.actors.matching import Hit

__all__ = ["rank_role"]

RANK_SENTENCES = 2  # how many sentences back the police or soldiers may have been named
POLICE, MILITARY = "COP", "MIL"


def rank_role(lexicon: Lexicon, memory: Memory, best: Hit | None) -> Role | None:
    """The role of the title hit `best`, if any; a rank word (markers.tsv) after police,
    with no soldiers named since, is a police rank ("Three police officers were killed
    ... the officers were stabbed")."""
    title = lexicon.roles[int(best.ref)] if best is not None else None
    if best is None or title is None or title.phrase.lower() not in lexicon.words("rank"):
        return title
    sentence = memory.sentence_of[best.start]
    recent = {
        c.actor.sector
        for c in memory.coded
        if 0 <= sentence - memory.sentence_of[c.start] <= RANK_SENTENCES
    }
    if POLICE not in recent or MILITARY in recent:
        return title
    return Role(title.phrase, POLICE, title.priority)
