"""Code a noun phrase the way PETRARCH does: dictionary actors and agents, combined.

PETRARCH reads a noun phrase left to right and, at each word, takes the longest actor
name that starts there, else the longest agent phrase, else moves one word on. The
phrase's code is its actor code with each agent code appended ("Dagolath's deputy prime
minister": DAG + ~GOV -> DAGGOV); an agent alone is written "---GOV" by the scorer, and
"~PPL" yields to any other agent. Words match on their text or lemma, so "ministers"
finds the agent "MINISTER" as PETRARCH's generated plurals do; words joined by hyphens
are one word, as in PETRARCH's tokens ("pro-Russia" names no Russia). A name given twice
takes the later entry's codes (files in name order), as PETRARCH-2 stores them.

Discard phrases (the `*discards*` file) drop a sentence, or the whole story when they
start with "+", as PETRARCH does for sports and weather stories.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Token

from tidings.actors.petrarch import read_directory
from tidings.model import Actor
from tidings.petrarch import Dictionaries, KnownActor, read_discards, words

__all__ = ["PhraseBook", "load_phrase_book"]

Words = tuple[str, ...]


@dataclass
class _Trie:
    children: dict[str, _Trie] = field(default_factory=dict)
    value: object = None

    def add(self, words: Words, value: object) -> None:
        node = self
        for word in words:
            node = node.children.setdefault(word, _Trie())
        node.value = value  # a name given twice: the later entry, as PETRARCH-2's dictionary


@dataclass
class PhraseBook:
    """Actor names, agent phrases and discard phrases of one dictionary folder."""

    actors: _Trie = field(default_factory=_Trie)
    agents: _Trie = field(default_factory=_Trie)
    discards: list[tuple[Words, bool]] = field(default_factory=list)  # words, whole story

    def code(self, tokens: Sequence[Token], date: dt.date | None) -> tuple[list[str], list[str]]:
        """The actor codes and agent codes named in `tokens`, in order."""
        actors: list[str] = []
        agents: list[str] = []
        units = _units(tokens)
        i = 0
        while i < len(units):
            found = _longest(self.actors, units, i)
            if found is not None:
                size, known = found
                assert isinstance(known, KnownActor)
                actors += _codes_on(known, date)
                i += size
                continue
            found = _longest(self.agents, units, i)
            if found is not None:
                size, agent = found
                agents.append(str(agent))
                i += size
                continue
            i += 1
        return actors, agents

    def discarded(self, words: Sequence[str]) -> tuple[bool, bool]:
        """(sentence discarded, story discarded) for a sentence's lowercased words, split
        at white space as PETRARCH does: "three years ago, a senior official said" holds
        no "years ago" (the comma stays on "ago,")."""
        sentence = story = False
        for phrase, whole in self.discards:
            n = len(phrase)
            if any(tuple(words[i : i + n]) == phrase for i in range(len(words) - n + 1)):
                story |= whole
                sentence = True
        return sentence, story


def combine(actors: list[str], agents: list[str], text: str) -> list[Actor]:
    """PETRARCH's mix of codes: each actor with every agent appended once."""
    if len(agents) > 1:
        agents = [a for a in agents if a.strip("~") != "PPL"] or agents
    if not actors and not agents:
        return []
    bases = actors or [""]
    out: list[Actor] = []
    for base in dict.fromkeys(bases):
        code = base
        for agent in agents:
            part = agent.strip("~")
            if part not in code:
                first = agent.endswith("~") and not agent.startswith("~")
                code = part + code if first else code + part
        if not code:
            continue
        sector = "".join(a.strip("~") for a in agents) or None
        country = base[:3] if base else None
        if not base:
            out.append(Actor(text=text, code=code, country=None, sector=code))
        else:
            out.append(Actor(text=text, code=code, country=country, sector=sector))
    return out


def _codes_on(known: KnownActor, date: dt.date | None) -> list[str]:
    """The codes on `date`: the chosen code and, for "[ELR/GAL]", its other codes."""
    code = known.code_on(date)
    if not code:
        return []
    same = [d for d in known.codes if d.code == code]
    chosen = next((d for d in same if date is not None and d.holds(date)), None)
    chosen = chosen or (same[0] if same else None)
    return [code.upper(), *(chosen.also if chosen else ())]


def _units(tokens: Sequence[Token]) -> list[set[str]]:
    """The words PETRARCH sees, each as the keys it may match (its text and lemma): words
    joined by hyphens are one word, as in PETRARCH's tokens ("pro-Russia rebels" names
    no Russia, "a government-held town" no government; "al-Shabab" is the name)."""
    runs: list[list[Token]] = []
    for n, token in enumerate(tokens):
        if n and _glued(tokens[n - 1], token):
            runs[-1].append(token)
        else:
            runs.append([token])
    return [
        {run[0].lower_, run[0].lemma_.lower()} if len(run) == 1 else {_joined(run)} for run in runs
    ]


def _glued(before: Token, token: Token) -> bool:
    """Whether two tokens are parts of one hyphenated word, also when the phrase left the
    hyphen out (a noun phrase's words skip punctuation)."""
    if before.whitespace_:
        return False
    if before.i == token.i - 1:
        return "-" in (before.text, token.text)
    between = before.doc[before.i + 1]
    return before.i == token.i - 2 and between.text == "-" and not between.whitespace_


def _joined(run: list[Token]) -> str:
    doc = run[0].doc
    return "".join(t.lower_ for t in doc[run[0].i : run[-1].i + 1])


def _longest(trie: _Trie, units: Sequence[set[str]], start: int) -> tuple[int, object] | None:
    """The longest entry starting at `start`: (words used, value)."""
    best: tuple[int, object] | None = None
    frontier = [(trie, start)]
    while frontier:
        node, i = frontier.pop()
        if node.value is not None and i > start and (best is None or i - start > best[0]):
            best = (i - start, node.value)
        if i >= len(units):
            continue
        for key in units[i]:
            child = node.children.get(key)
            if child is not None:
                frontier.append((child, i + 1))
    return best


def load_phrase_book(folder: Path, pattern: str = "*.txt") -> PhraseBook:
    """The actors, agents and discards of a PETRARCH folder (files matching `pattern`)."""
    read: Dictionaries = read_directory(Path(folder), pattern=pattern)
    book = PhraseBook()
    for actor in read.actors:
        for name in actor.names:
            book.actors.add(words(name), actor)
    for phrase, code in read.agents:
        book.agents.add(words(phrase), code)
    for path in sorted(Path(folder).glob(pattern)):
        if "discard" in path.name.lower() and path.is_file():
            book.discards += read_discards(path)
    return book
