"""Region blocks inside a country's code (regions.tsv): "Gaza militants" are PSE + GZA +
REB, as the Phoenix dictionaries write them. The country stays the ISO code; only the code
gains the block."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from tidings.actors.lexicon import Lexicon
from tidings.actors.matching import Hit
from tidings.model import Actor

REGION_HITS = frozenset({"name", "demonym"})


@dataclass(frozen=True, slots=True)
class RegionHit:
    start: int  # token bounds of the region's name or demonym
    end: int
    country: str
    block: str


def region_hits(doc: Doc, hits: Sequence[Hit], lexicon: Lexicon) -> list[RegionHit]:
    """The country hits of a doc that name a region ("Gaza", "Gazans"), with its block."""
    if not lexicon.regions:
        return []
    found = []
    for hit in hits:
        if hit.kind in REGION_HITS:
            block = lexicon.region_block(doc[hit.start : hit.end].text)
            if block is not None:
                found.append(RegionHit(hit.start, hit.end, hit.ref, block))
    return found


def named_region(
    regions: Sequence[RegionHit], start: int, end: int, country: str | None
) -> str | None:
    """The block of a region of `country` named inside tokens [start, end), if any."""
    for region in regions:
        if start <= region.start and region.end <= end and region.country == country:
            return region.block
    return None


def with_region(actor: Actor, block: str | None) -> Actor:
    """`actor` with `block` written after its country code (PSE + GZA + REB)."""
    country, code = actor.country, actor.code or ""
    if block is None or country is None or not code.startswith(country):
        return actor
    if code[3:6] == block:
        return actor
    return replace(actor, code=country + block + code[3:])
