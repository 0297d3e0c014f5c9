"""toll stage: casualty counts (killed, injured, arrested, abducted, displaced) as min/max.

`find_counts(doc)` reads every casualty statement in a parsed doc;
`count_casualties(doc, events)` gives each violent or coercive event its counts.
"""

from tidings.toll.attach import count_casualties
from tidings.toll.counts import Count, find_counts
from tidings.toll.lexicon import Kind, load_kinds, load_quantities

__all__ = ["Count", "Kind", "count_casualties", "find_counts", "load_kinds", "load_quantities"]
