"""actors stage: find who is mentioned in a parsed document and give each a CAMEO code.

Countries (ISO 3166 alpha-3), their capitals used for their governments, role phrases
("Iraqi Prime Minister ...", "security forces") coded country + sector, named
organisations (IGOs, NGOs, armed groups, media), names repeated later and subject
pronouns. The dictionaries are TSV files in `data/`, loaded once.

    >>> mentions = code_actors(nlp(text))      # list[ActorMention], sorted by start
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from tidings.actors.coder import ActorCoder
from tidings.actors.lexicon import Lexicon, load_lexicon
from tidings.actors.modifiers import misread_participle
from tidings.actors.phrases import PhraseBook, combine, load_phrase_book
from tidings.actors.places import demonym_country, place_country
from tidings.model import ActorMention

__all__ = [
    "ActorCoder",
    "Lexicon",
    "PhraseBook",
    "code_actors",
    "combine",
    "default_coder",
    "demonym_country",
    "is_kin",
    "load_lexicon",
    "load_phrase_book",
    "misread_participle",
    "place_country",
]


@cache
def default_coder() -> ActorCoder:
    """The coder with the packaged dictionaries, built once per process."""
    return ActorCoder()


def is_kin(word: str) -> bool:
    """A noun of kinship ("son", "widow"): whoever follows its "of" is someone else."""
    return word.lower() in default_coder().lexicon.words("kin")


def code_actors(doc: Doc) -> list[ActorMention]:
    """The actor mentions of `doc` (parsed with tagger, parser and ner), in text order."""
    return default_coder().code(doc)
