"""Sentence starts at paragraph breaks, set before the parser runs.

spaCy's parser reads newlines as mere whitespace, so a dateline ("Thursday, August 8,
2019") or a byline ("– USCG dispatcher, CNN") runs into the next paragraph's first
sentence, and that sentence takes the dateline's date or the next paragraph's place. A
blank line always ends a sentence. A single newline does when the line before it ends a
sentence (". ! ?", a closing quote) or is a short line of its own (a dateline, heading or
byline) followed by a line that starts like a sentence; a long line, or one that ends on a
comma or a lower-case function word ("and", "of the"), is hard-wrapped prose and is left
to the parser. The parser keeps the starts set here.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["COMPONENT", "mark_paragraphs"]

COMPONENT = "tidings_paragraphs"
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”]$")
_STARTS_SENTENCE = re.compile(r"[\"'“‘(\[]?[A-Z0-9]")
_SHORT_LINE = 60  # characters: a dateline, heading or byline, not a line of wrapped prose


def _breaks(text: str, gap_start: int, gap_end: int, next_start: int, runs_on: bool) -> bool:
    """Whether the whitespace text[gap_start:gap_end] before a token ends a sentence;
    `runs_on`: the line ends on a word that cannot end one (a comma, "and", "of")."""
    gap = text[gap_start:gap_end]
    if "\n" not in gap:
        return False
    if _BLANK_LINE.search(gap):
        return True
    line_start = text.rfind("\n", 0, gap_start) + 1
    line = text[line_start:gap_start].strip()
    if _ENDS_SENTENCE.search(line):
        return True
    if runs_on or len(line) >= _SHORT_LINE:
        return False
    return _STARTS_SENTENCE.match(text, next_start) is not None


def mark_paragraphs(doc: Doc) -> Doc:
    """Set `is_sent_start` on the first word after each paragraph break, and keep a closing
    quote that ends a paragraph with its sentence (not as a sentence of its own)."""
    text = doc.text
    previous = None
    for token in doc:
        if token.is_space:
            continue
        if previous is not None:
            end = previous.idx + len(previous.text)
            runs_on = previous.text == "," or (previous.is_stop and previous.is_lower)
            if _breaks(text, end, token.idx, token.idx, runs_on):
                token.is_sent_start = True
                if previous.i > 0 and previous.is_punct and not doc[previous.i - 1].whitespace_:
                    previous.is_sent_start = False
        previous = token
    return doc


@Language.component(COMPONENT)
def _component(doc: Doc) -> Doc:
    return mark_paragraphs(doc)
