"""audit: the hand check users run on an automated event set, as GDELT's auditors did.

`sample` draws stored mentions at random into `SheetRow`s (`write_sheet` writes them as
a CSV worksheet with blank judgment columns); a person judges each field y or n;
`score` reads the judged sheet back into per-field accuracies with 95% Wilson
intervals (`AuditScore`). The judging rules are in the README, "Auditing your event set".
"""

from tidings.audit.scoring import ALL_RIGHT, AuditScore, FieldScore, score, wilson
from tidings.audit.sheet import JUDGMENTS, SHEET_COLUMNS, SheetRow, sample, write_sheet

__all__ = [
    "ALL_RIGHT",
    "JUDGMENTS",
    "SHEET_COLUMNS",
    "AuditScore",
    "FieldScore",
    "SheetRow",
    "sample",
    "score",
    "wilson",
    "write_sheet",
]
