"""Region blocks inside a country's code (regions.tsv): "Gaza militants" are PSE + GZA +
REB, as the Phoenix dictionaries write them. The country stays the ISO code; only the code
gains the block."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from tidings.actors.lexicon import Lexicon
from tidings.actors.matching import Hit
from tidings.model import Actor

REGION_HITS = frozenset({"name", "demonym"})


def named_region(
    doc: Doc, hits: Sequence[Hit], lexicon: Lexicon, start: int, end: int, country: str | None
) -> str | None:
    """The block of a region of `country` named inside tokens [start, end), if any."""
    if country is None or not lexicon.regions:
        return None
    for hit in hits:
        if start <= hit.start and hit.end <= end and hit.ref == country and hit.kind in REGION_HITS:
            block = lexicon.region_block(doc[hit.start : hit.end].text)
            if block is not None:
                return block
    return None


def with_region(actor: Actor, block: str | None) -> Actor:
    """`actor` with `block` written after its country code (PSE + GZA + REB)."""
    country, code = actor.country, actor.code or ""
    if block is None or country is None or not code.startswith(country):
        return actor
    if code[3:6] == block:
        return actor
    return replace(actor, code=country + block + code[3:])
