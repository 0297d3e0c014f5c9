"""PETRARCH's verb transformations: what a reported event becomes under a reporting verb.

The end of a PETRARCH verb file may list lines such as

    ~ a (a b ATTACK) SAY = a b 015      # "X said it attacked Y": X claims the attack
    ~ a (b . ATTACK) CLAIM = a b 112    # "X claimed Y attacked": X accuses Y
    ~ a (_ b ATTACK) WANT = a b 138     # "X wants Y attacked": X threatens Y
    ~ a (a b Q) SAY = a b Q             # Q: any inner event, kept as it is

`a` is the outer verb's source; inside the brackets come the inner event's source and
target: the same `a` (the same actor code: "Guyana's police said a court in Guyana
issued ..." binds no `a`), another actor `b`, `.` for anyone, `_` for none. Verb words
stand for their code in the same dictionary (SAY 010, ATTACK 190): the outer verb's code
must be that code, the inner event's of the same CAMEO root (PETRARCH compares its
internal codes by class). The first rule that fits wins; with none, or with no outer source, the
inner event stands unchanged.
"""

from __future__ import annotations

from tidings.model import Actor
from tidings.petrarch import Transform

__all__ = ["transform"]


def _same_class(code: str, rule_code: str | None) -> bool:
    return rule_code is not None and code[:2] == rule_code[:2]


def transform(
    rules: list[Transform],
    codes: dict[str, str],
    outer_code: str,
    outer_sources: list[Actor],
    inner_code: str,
    inner_source: Actor | None,
    inner_target: Actor | None,
) -> tuple[list[Actor | None], Actor | None, str] | None:
    """(sources, target, code) of the transformed event, or None when no rule fits.
    `codes` maps a verb word of the rules to its dictionary code."""
    if not outer_sources:
        return None  # `a` must be someone
    outer_codes = {a.code or "" for a in outer_sources}
    for rule in rules:
        if outer_code != codes.get(rule.outer):
            continue
        if rule.inner != "Q" and not _same_class(inner_code, codes.get(rule.inner)):
            continue
        same = inner_source is not None and (inner_source.code or "") in outer_codes
        if rule.inner_source == rule.outer_source:
            if not same:
                continue
        elif rule.inner_source == "_":
            if inner_source is not None:
                continue
        elif rule.inner_source != "." and (inner_source is None or same):
            continue
        bound = {rule.inner_source: inner_source, rule.inner_target: inner_target}
        target = bound.get(rule.result_target)
        if rule.result_target not in bound or rule.result_source != rule.outer_source:
            continue
        code = inner_code if rule.result == "Q" else rule.result
        return list(outer_sources) or [None], target, code
    return None
