"""The frame table (frames.tsv): the code of an event governed by a framing word.

"called for talks" is an appeal to meet (026), "vowed to attack" a threat of force (138):
(frame, governed code prefix) -> code of the whole. The built-in coder applies it to the
triggers a sentence's words govern (`embedding.plan`); the dictionary coder reads it as its
stand-in for a PETRARCH PICO file (refusal and intent), so it lives beside both.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from tidings.events.ontology import Ontology, load_ontology
from tidings.model import Modality
from tidings.resources import package_file, read_tsv

__all__ = ["ACTING", "FRAME_ROLES", "SAME", "Frames", "load_frames"]

FRAME_ROLES = (
    *("deny", "threat", "reject", "demand", "appeal", "intent", "accuse", "commit", "command"),
    *("allege", "claim"),  # reported violence, applied by the coder (see frames.tsv)
    "cease",  # "stop attacking": what stopping the act is (087), before any frame above
)
SAME = "="  # frames.tsv: the governed act keeps its own code (a pledged act, coded future)
# frames that may keep the governed act ("=" rows), with the modality the act then has:
# "pledged to expel" will expel; "ordered the arrest of X" had X arrested
ACTING: dict[str, Modality] = {"commit": "future", "command": "asserted"}


def _priority(role: str) -> tuple[int, str]:
    return (FRAME_ROLES.index(role) if role in FRAME_ROLES else len(FRAME_ROLES), role)


class Frames:
    """The frame table: (frame, governed code prefix) -> code of the whole."""

    def __init__(self, rows: dict[tuple[str, str], str]) -> None:
        self._rows = rows

    def lookup(self, roles: Iterable[str], code: str) -> str | None:
        """The code for `code` governed by a word with these frame roles, or None.

        The longest matching prefix wins; on a tie, the role first in `FRAME_ROLES`.
        Roles come as sets, whose order follows string hashing: it must not decide."""
        best: tuple[int, str] | None = None
        for role in sorted(roles, key=_priority):
            for size in range(len(code), -1, -1):
                prefix = code[:size] if size else "*"
                found = self._rows.get((role, prefix))
                if found is not None:
                    if best is None or size > best[0]:
                        best = (size, found)
                    break
        return best[1] if best else None


def load_frames(path: Path | None = None, ontology: Ontology | None = None) -> Frames:
    return _packaged() if path is None else _read(Path(path), ontology or load_ontology())


@cache
def _packaged() -> Frames:
    return _read(package_file("tidings.events", "data/frames.tsv"), load_ontology())


def _read(path: Path, ontology: Ontology) -> Frames:
    rows: dict[tuple[str, str], str] = {}
    for row in read_tsv(path, required=("frame", "governed", "code")):
        frame, governed, code = row["frame"], row["governed"], row["code"]
        if frame not in FRAME_ROLES:
            raise row.fail(f"frame {frame!r} is not one of {', '.join(FRAME_ROLES)}")
        if code == SAME and frame not in ACTING:
            raise row.fail(f"'=' (keep the act) is for the frames {', '.join(ACTING)} only")
        if code not in ontology and code != SAME:
            raise row.fail(f"code {code!r} is not a CAMEO code in the ontology table")
        if governed != "*" and not governed.isdigit():
            raise row.fail(f"governed {governed!r} is not a code prefix or '*'")
        if (frame, governed) in rows:
            raise row.fail(f"duplicate row for {frame} {governed}")
        rows[(frame, governed)] = code
    return Frames(rows)
