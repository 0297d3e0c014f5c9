"""Who speaks a quoted passage: '"The rebels attacked. They killed five," the minister
said.' A quote may span sentences, and its speaker is named once, after it closes or
before it opens; every event inside it is attributed to that speaker."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from tidings.events.builtin.actor_index import ActorIndex
from tidings.events.builtin.lexicon import Lexicon
from tidings.model import ActorMention

__all__ = ["quoted_speaker"]

STRAIGHT = frozenset({'"', "''", "``"})  # open and close alike: paired in turn
OPENING, CLOSING = frozenset({"“"}), frozenset({"”"})
ATTRIBUTION_WINDOW = 8  # tokens after a quote closes (or before it opens) naming its speaker
QUOTE_SENTENCES = 6  # a longer "quote" is a misread pairing of straight quotes


def _quotes(doc: Doc) -> list[tuple[int, int]]:
    """(opening token, closing token) of each quoted passage of `doc`."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for token in doc:
        text = token.text
        if text in OPENING or (text in STRAIGHT and opened is None):
            opened = token.i
        elif (text in CLOSING or text in STRAIGHT) and opened is not None:
            spans.append((opened, token.i))
            opened = None
    return spans


def _speaker_near(tokens: list[Token], actors: ActorIndex, lexicon: Lexicon) -> ActorMention | None:
    """The actor speaking in a few tokens beside a quote: the subject of a speech verb
    (", the minister said", "said the minister", "The minister said:") or the object of
    "according to"."""
    for token in tokens:
        if token.pos_ == "VERB" and lexicon.word_has_role(token, "speech"):
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return actors.within(subject)
        if token.lower_ == "according":
            for pobj in (p for to in token.children for p in to.children if p.dep_ == "pobj"):
                return actors.within(pobj)
    return None


def quoted_speaker(head: Token, actors: ActorIndex, lexicon: Lexicon) -> ActorMention | None:
    """The speaker of the quoted passage `head` stands in, named after the quote closes
    or before it opens, in the sentence where it does; a quote naming no one that opens
    the sentence right after an attributed one goes on with its speaker ("... ," he
    said. "..."), one opening inside a sentence is framed by it ("described as ...")."""
    doc = head.doc
    previous: tuple[int, ActorMention | None] = (-1, None)  # (its last sentence's end, speaker)
    for start, end in _quotes(doc):
        if start > head.i:
            return None
        first, last = doc[start].sent, doc[end].sent
        if len(list(doc[first.start : last.end].sents)) > QUOTE_SENTENCES:
            previous = (-1, None)
            continue
        after = list(doc[end + 1 : min(last.end, end + 1 + ATTRIBUTION_WINDOW)])
        before = list(doc[max(first.start, start - ATTRIBUTION_WINDOW) : start])
        speaker = _speaker_near(after, actors, lexicon) or _speaker_near(
            before[::-1], actors, lexicon
        )
        if speaker is None and previous[0] == first.start == start:
            speaker = previous[1]
        if start < head.i < end:
            return speaker
        previous = (last.end, speaker)
    return None
