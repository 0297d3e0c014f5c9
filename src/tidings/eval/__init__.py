"""eval stage: score the coder against gold sets (PETRARCH validation records, PLOVER gold
records, WikiEvents) and the demo corpus's reading guide.

Every scorer takes the gold file and an `extract(text, date, id) -> list[EventMention]`
callable (such as `Pipeline(...).extract`), so a test can pass a fake coder.
"""

from tidings.eval.petrarch import PetrarchScore, read_petrarch, score_petrarch
from tidings.eval.plover import PloverScore, read_plover, score_plover
from tidings.eval.report import COUNTED_MODALITIES, Counts, Extract, Miss, Score, require_file
from tidings.eval.wikievents import WikiScore, read_wikievents, score_wikievents

__all__ = [
    "COUNTED_MODALITIES",
    "Counts",
    "Extract",
    "Miss",
    "PetrarchScore",
    "PloverScore",
    "Score",
    "WikiScore",
    "read_petrarch",
    "read_plover",
    "read_wikievents",
    "require_file",
    "score_petrarch",
    "score_plover",
    "score_wikievents",
]
