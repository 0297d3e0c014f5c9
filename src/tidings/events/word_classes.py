"""Word classes (classes.tsv): "hazard", "animal", "military", "contest" ... by lemma.

Read by the ACLED typing (`acled`, both coders: "Violence against civilians" needs
unarmed victims) and by the built-in coder's word senses, so they live beside both.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from pathlib import Path

from spacy.tokens import Token

from tidings.resources import package_file, read_tsv

__all__ = ["MODIFIER_DEPS", "WordClasses", "load_word_classes"]

MODIFIER_DEPS = ("compound", "amod", "nmod")
WORDLESS = ("actor", "state", "plural", "any")  # built-in classes with no word list of their own


class WordClasses:
    """lemma -> classes (classes.tsv)."""

    def __init__(self, words: dict[str, frozenset[str]]) -> None:
        self._words = words
        self.names = frozenset(c for cs in words.values() for c in cs)

    def of(self, lemma: str) -> frozenset[str]:
        return self._words.get(lemma.lower(), frozenset())

    def has(self, token: Token, name: str) -> bool:
        """The token's word, or a compound/adjective modifier of it, is of the class."""
        words = [token, *(c for c in token.children if c.dep_ in MODIFIER_DEPS)]
        return any(name in self.of(w.lemma_) or name in self.of(w.lower_) for w in words)


def load_word_classes(path: Path | None = None) -> WordClasses:
    return _packaged_classes() if path is None else _read_classes(Path(path))


@cache
def _packaged_classes() -> WordClasses:
    return _read_classes(package_file("tidings.events", "data/classes.tsv"))


def _read_classes(path: Path) -> WordClasses:
    words: dict[str, set[str]] = defaultdict(set)
    for row in read_tsv(path, required=("lemma", "class")):
        name = row["class"]
        if name in WORDLESS:
            raise row.fail(f"class {name!r} is built in (see senses.tsv); give it no words")
        words[row["lemma"].lower()].add(name)
    return WordClasses({k: frozenset(v) for k, v in words.items()})
