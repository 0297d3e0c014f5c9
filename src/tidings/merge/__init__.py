"""merge stage: event mentions -> events.

For now every mention is its own event (the issue that deepens merging folds mentions
of the same real-world event together); the record already carries the GDELT-style
counts so the store and exports need not change when it does.
"""

from __future__ import annotations

from collections.abc import Iterable

from tidings.model import Event, EventMention

__all__ = ["merge_mentions"]


def merge_mentions(mentions: Iterable[EventMention]) -> list[Event]:
    """One event per mention, keyed by the mention's content id."""
    return [Event(event_id=m.event_id, mention=m, mention_ids=(m.event_id,)) for m in mentions]
