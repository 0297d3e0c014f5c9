"""Load the package's linguistic data files once, checking every line.

Knowledge (lexicons, actor lists, code tables) lives in TSV files under each
stage's `data/` folder. A malformed line raises `DataFileError` naming the file
and the line, so a person editing a table knows exactly what to fix.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from tidings.errors import DataFileError


@dataclass(frozen=True, slots=True)
class Row:
    """One data line: its cells by column name, and where it stands for error messages."""

    path: str
    line: int
    cells: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.cells[column]

    def get(self, column: str, default: str = "") -> str:
        return self.cells.get(column) or default

    def list(self, column: str, sep: str = "|") -> list[str]:
        """A cell holding several values, e.g. `Iraq|Republic of Iraq`."""
        return [v.strip() for v in self.get(column).split(sep) if v.strip()]

    def fail(self, problem: str) -> DataFileError:
        return DataFileError(self.path, self.line, problem)


def package_file(package: str, name: str) -> Path:
    """The path of a data file shipped in `package` (e.g. `tidings.events`, `data/cameo.tsv`)."""
    return Path(str(resources.files(package).joinpath(name)))


def read_tsv(path: Path | str, required: Sequence[str]) -> Iterator[Row]:
    """Rows of a TSV with a header line; `#` lines and blank lines are comments.

    Every required column must be present in the header and non-empty on each row.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise DataFileError(path, None, f"cannot read the file ({err})") from err
    header: list[str] | None = None
    for number, raw in enumerate(lines, start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = raw.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            missing = [c for c in required if c not in header]
            if missing:
                raise DataFileError(path, number, f"header lacks column(s) {', '.join(missing)}")
            continue
        if len(cells) > len(header):
            raise DataFileError(
                path, number, f"{len(cells)} cells but the header has {len(header)} columns"
            )
        row = dict(zip(header, (c.strip() for c in cells), strict=False))
        empty = [c for c in required if not row.get(c)]
        if empty:
            raise DataFileError(path, number, f"empty required cell(s) {', '.join(empty)}")
        yield Row(str(path), number, row)
    if header is None:
        raise DataFileError(path, None, "no header line")


def word_kinds(
    path: Path | str, kinds: frozenset[str], form: Callable[[str], str] = str
) -> dict[str, frozenset[str]]:
    """A data file of (word, kind) rows: its words by kind, each through `form`; a row of
    another kind is an error naming its file and line."""
    table: dict[str, set[str]] = {kind: set() for kind in kinds}
    for row in read_tsv(path, ["word", "kind"]):
        if row["kind"] not in kinds:
            raise row.fail(f"kind {row['kind']!r} is not one of {', '.join(sorted(kinds))}")
        table[row["kind"]].add(form(row["word"]))
    return {kind: frozenset(found) for kind, found in table.items()}


def read_roles(path: Path | str, roles: Sequence[str]) -> dict[str, frozenset[str]]:
    """A `lemma`/`role` TSV as each lemma's roles; a role not in `roles` stops the load,
    naming the file and line."""
    found: dict[str, set[str]] = {}
    for row in read_tsv(path, required=("lemma", "role")):
        if row["role"] not in roles:
            raise row.fail(f"role {row['role']!r} is not one of {', '.join(roles)}")
        found.setdefault(row["lemma"].lower(), set()).add(row["role"])
    return {k: frozenset(v) for k, v in found.items()}
