"""events stage: parsed doc + actor mentions -> coded event mentions (CAMEO, PLOVER, ACLED)."""

from tidings.events.builtin.coder import EventCoder, code_events, default_coder

__all__ = ["EventCoder", "code_events", "default_coder"]
