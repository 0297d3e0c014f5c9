"""Words and the roles a data file gives them (negation.tsv, nonevents.tsv), read by the
token's lemma or, where the parser's lemma is off, its lowercased form."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["RoleWords"]


class RoleWords:
    def __init__(self, words: dict[str, frozenset[str]]) -> None:
        self._words = words

    def _is(self, token: Token, role: str) -> bool:
        return role in self._words.get(token.lemma_.lower(), frozenset()) or role in (
            self._words.get(token.lower_, frozenset())
        )
