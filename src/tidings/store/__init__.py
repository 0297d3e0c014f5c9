"""store stage: everything -> DuckDB, idempotent by content, with exports.

`Store` holds the tables (articles, mentions, events, event_mentions, rejects, meta) and
merges each batch's mentions into the stored events (`Store.write_merged`);
`flatten_mention` / `MENTION_COLUMNS` are the flat columns the CSV outputs share.
"""

from tidings.store.db import SCHEMA_VERSION, TABLES, BatchCounts, Store
from tidings.store.flat import (
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    flatten_event,
    flatten_mention,
    rebuild_event,
    rebuild_mention,
)
from tidings.store.gdelt import GDELT_COLUMNS, gdelt_cells

__all__ = [
    "EVENT_COLUMNS",
    "GDELT_COLUMNS",
    "MENTION_COLUMNS",
    "SCHEMA_VERSION",
    "TABLES",
    "BatchCounts",
    "Store",
    "flatten_event",
    "flatten_mention",
    "gdelt_cells",
    "rebuild_event",
    "rebuild_mention",
]
