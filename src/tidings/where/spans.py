"""Span helpers for gathering candidates: entity bounds tidied, and capitalised runs NER missed."""

from __future__ import annotations

from spacy.tokens import Doc, Span

__all__ = ["proper_runs", "trim"]


def trim(span: Span) -> Span | None:
    """The span without a leading article or a trailing possessive/punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end] if end > start else None


def proper_runs(doc: Doc, taken: set[int]) -> list[Span]:
    """Runs of capitalised proper nouns outside any entity."""
    runs: list[Span] = []
    start = None
    for tok in [*doc, None]:
        inside = (
            tok is not None
            and tok.i not in taken
            and tok.pos_ == "PROPN"
            and tok.text[:1].isupper()
        )
        if inside and start is None:
            start = tok.i  # type: ignore[union-attr]
        elif not inside and start is not None:
            runs.append(doc[start : tok.i if tok is not None else len(doc)])
            start = None
    return runs
