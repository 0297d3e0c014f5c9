"""A name that may be a place, as `places` finds it and resolves it step by step."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from tidings.geo import Entry
from tidings.model import PlaceRole

__all__ = ["Candidate"]


@dataclass
class Candidate:
    """One mention that may name a place, with what is known of it so far."""

    span: Span  # the words of the mention
    label: str  # the NER label, "" for a capitalised run NER missed, INNER inside a name
    container: Entry | None = None  # "Iraq" in "Mosul, Iraq"
    owner: Candidate | None = None  # "Baghdad" in "Baghdad's Green Zone"
    fixed: Entry | None = None  # already known (an abbreviation such as "Ill.")
    entry: Entry | None = None
    landmark: bool = False
    dateline: bool = False  # opens the story: where the reporter files from, most often a town
    role: PlaceRole = "place"  # see `roles`
    name: str | None = None  # the name to look up, when not the words ("Jackson County")
    cued: bool = False  # a wording of `cues` marks it a place
    ner: str = ""  # the entity label NER gave the words
