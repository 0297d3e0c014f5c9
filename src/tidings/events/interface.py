"""The one interface of the two event coders, and the choice between them.

The pipeline codes through `Coder` and gets one from `make_coder`, knowing neither
coder's insides: the built-in lexicon coder (`builtin`), the same with a PETRARCH folder's
verbs added to its triggers (verbs="beside"), or the folder's own verb patterns coded
PETRARCH's way (`dictionary`, verbs="instead").
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from spacy.tokens import Doc

from tidings.errors import ConfigError
from tidings.events.builtin.coder import EventCoder, default_coder
from tidings.events.dictionary.coder import dictionary_coder
from tidings.model import ActorMention, Article, EventMention

__all__ = ["VERB_MODES", "Coder", "check_verb_mode", "make_coder"]

VERB_MODES = ("instead", "beside")  # how a folder's verb files meet the built-in lexicon


class Coder(Protocol):
    """Codes one parsed article: its doc, the article (id, date) and its actor mentions."""

    @property
    def uses_actors(self) -> bool:
        """Whether `code` reads the actor mentions; if not, the caller need not find them."""
        ...

    def code(
        self, doc: Doc, article: Article, actors: Iterable[ActorMention]
    ) -> list[EventMention]: ...


def check_verb_mode(verbs: str) -> None:
    """ConfigError unless `verbs` is one of VERB_MODES."""
    if verbs not in VERB_MODES:
        raise ConfigError(f"verbs must be one of {', '.join(VERB_MODES)}, not {verbs!r}")


def make_coder(
    dictionaries: Path | None = None,
    keep_builtin: bool = True,
    pattern: str = "*.txt",
    verbs: str = "instead",
) -> Coder:
    """The built-in coder; with a folder of PETRARCH dictionaries (its files matching
    `pattern`), the coder of its verb files and actors, with the built-in actors'
    mentions unless not `keep_builtin` (then it codes every phrase itself, and
    `uses_actors` is False); or, with verbs="beside", the built-in coder with the
    folder's verbs added to its triggers. ConfigError when the folder has no verb file."""
    if dictionaries is None:
        return default_coder()
    check_verb_mode(verbs)
    if verbs == "beside":
        return EventCoder.from_petrarch(dictionaries, True, pattern)
    return dictionary_coder(dictionaries, keep_builtin, pattern)
