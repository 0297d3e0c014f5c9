"""The event ontology: every CAMEO code with its Goldstein weight, PLOVER type and ACLED type.

The codes live in `data/cameo.tsv` (see the comments at its top for columns and sources),
so a person can read and correct the mapping without touching code. The table is checked
row by row at load: a wrong quad class or an orphan subcode would otherwise surface much
later as wrong numbers in someone's event counts.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from pathlib import Path

from tidings.errors import DataFileError
from tidings.model import Acled, Cameo, Plover
from tidings.resources import Row, package_file, read_tsv

__all__ = [
    "ACLED_TYPES",
    "PLOVER_MODES",
    "VIOLENT_ROOTS",
    "Ontology",
    "load_ontology",
    "plover_with_mode",
    "quad_class_of",
]

REQUIRED = ("code", "name", "quad_class", "goldstein")
OPTIONAL = ("plover_type", "plover_mode", "acled_event_type", "acled_sub_event_type")

# The schemas the table's names must come from; the mapping itself lives in the TSV.
PLOVER_MODES: dict[str, frozenset[str]] = {
    t: frozenset(m.split())
    for t, m in {
        "AGREE": "",
        "CONSULT": "visit third-party multilateral phone",
        "SUPPORT": "",
        "CONCEDE": "",
        "COOPERATE": "",
        "AID": "",
        "RETREAT": "withdraw release disarm ceasefire access resign",
        "REQUEST": "assist change yield meet",
        "ACCUSE": "disapprove investigate allege",
        "REJECT": "assist change yield meet",
        "THREATEN": "restrict arrest relations expel territory violence",
        "PROTEST": "demo riot strike hunger boycott obstruct vandalize",
        "SANCTION": "convict expel withdraw discontinue",
        "MOBILIZE": "troops weapons police militia",
        "COERCE": "seize restrict censor curfew martial-law arrest deport withhold "
        "misinformation cyber",
        "ASSAULT": "abduct beat torture sexual targeted destroy primitive firearms explosives "
        "suicide-attack aerial drone heavy-weapons crowd-control unconventional",
    }.items()
}
ACLED_TYPES: dict[str, frozenset[str]] = {
    "Battles": frozenset(
        {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"}
    ),
    "Explosions/Remote violence": frozenset(
        {
            "Chemical weapon",
            "Air/drone strike",
            "Suicide bomb",
            "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED",
            "Grenade",
        }
    ),
    "Violence against civilians": frozenset(
        {"Sexual violence", "Attack", "Abduction/forced disappearance"}
    ),
    "Protests": frozenset(
        {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}
    ),
    "Riots": frozenset({"Violent demonstration", "Mob violence"}),
    "Strategic developments": frozenset(
        {
            "Agreement",
            "Arrests",
            "Change to group/activity",
            "Disrupted weapons use",
            "Headquarters or base established",
            "Looting/property destruction",
            "Non-violent transfer of territory",
            "Other",
        }
    ),
}

# The roots of violence done by force: assault (18), fight (19), mass violence (20). The
# events coder looks for the doer of a passive among them, the toll stage gives them counts
# told in later sentences; one fact, kept here beside the quad classes.
VIOLENT_ROOTS: frozenset[str] = frozenset({"18", "19", "20"})

_CODE = re.compile(r"\d{2,4}")


def plover_with_mode(plover: Plover, mode: str) -> Plover:
    """`plover` with a trigger's own mode; a mode only another type has decides the type
    ("resigned": CAMEO's yield 080 is CONCEDE, but PLOVER counts resigning a RETREAT)."""
    if mode in PLOVER_MODES.get(plover.type, frozenset()):
        return Plover(plover.type, mode)
    owners = [t for t, modes in PLOVER_MODES.items() if mode in modes]
    return Plover(owners[0] if len(owners) == 1 else plover.type, mode)


def quad_class_of(root: str) -> int:
    """CAMEO's QuadClass for a root: 1 verbal / 2 material cooperation, 3 verbal / 4 material
    conflict. Raises ValueError for a root outside 01-20."""
    number = int(root) if root.isdigit() and len(root) == 2 else 0
    if not 1 <= number <= 20:
        raise ValueError(f"{root!r} is not a CAMEO root (01-20)")
    return 1 if number <= 5 else 2 if number <= 8 else 3 if number <= 13 else 4


@dataclass(frozen=True, slots=True)
class _Entry:
    cameo: Cameo
    plover: Plover | None
    acled: Acled | None


class Ontology:
    """Look-ups from a CAMEO code to its CAMEO, PLOVER and ACLED records."""

    def __init__(self, entries: dict[str, _Entry]) -> None:
        self._entries = entries
        self._codes = sorted(entries)

    def __contains__(self, code: object) -> bool:
        return code in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def _entry(self, code: str) -> _Entry:
        try:
            return self._entries[code]
        except KeyError:
            known = [c for c in (code[:3], code[:2]) if c != code and c in self._entries]
            hint = f"; its nearest known parent is {known[0]!r}" if known else ""
            raise KeyError(
                f"unknown CAMEO event code {code!r}: codes are 2-4 digit strings such as "
                f"'19', '190' or '1831' (see tidings/events/data/cameo.tsv){hint}"
            ) from None

    def cameo(self, code: str) -> Cameo:
        """The CAMEO record (code, root, quad class, Goldstein weight, name)."""
        return self._entry(code).cameo

    def plover(self, code: str) -> Plover | None:
        """The PLOVER type and mode, or None where PLOVER has no type (root 01)."""
        return self._entry(code).plover

    def acled(self, code: str) -> Acled | None:
        """The ACLED event/sub-event type, or None for codes ACLED does not record."""
        return self._entry(code).acled

    def codes(self) -> list[str]:
        """Every code, in hierarchical order ("01", "010", ..., "2042")."""
        return list(self._codes)

    @staticmethod
    def is_violent(code: str) -> bool:
        """Whether a code (or root) is violence done by force, roots 18-20."""
        return code[:2] in VIOLENT_ROOTS

    def root_default(self, root: str) -> str:
        """The root's "not specified" code ("19" -> "190"), for events known only by root."""
        if len(root) != 2 or root not in self._entries:
            raise KeyError(f"unknown CAMEO root {root!r}: roots are '01' to '20'")
        default = root + "0"
        return default if default in self._entries else root


def load_ontology(path: Path | None = None) -> Ontology:
    """The ontology from `path`, or the packaged table (read once) when `path` is None."""
    return _packaged() if path is None else _load(Path(path))


@functools.cache
def _packaged() -> Ontology:
    return _load(package_file("tidings.events", "data/cameo.tsv"))


def _load(path: Path) -> Ontology:
    _check_header(path)
    rows: dict[str, Row] = {}
    entries: dict[str, _Entry] = {}
    for row in read_tsv(path, required=REQUIRED):
        code = row["code"]
        if not _CODE.fullmatch(code):
            raise row.fail(f"code {code!r} is not 2-4 digits")
        if code in rows:
            raise row.fail(f"duplicate code {code} (first on line {rows[code].line})")
        rows[code] = row
        entries[code] = _entry(row, code)
    for code, row in rows.items():
        parent = code[:2] if len(code) == 3 else code[:3] if len(code) == 4 else None
        if parent is not None and parent not in rows:
            raise row.fail(f"code {code} has no row for its parent code {parent}")
    return Ontology(entries)


def _check_header(path: Path) -> None:
    """The optional columns may be empty, but the header must still name them."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return  # read_tsv reports unreadable files with the reason
    for number, raw in enumerate(lines, start=1):
        if raw.strip() and not raw.lstrip().startswith("#"):
            header = {c.strip() for c in raw.split("\t")}
            missing = [c for c in OPTIONAL if c not in header]
            if missing:
                raise DataFileError(path, number, f"header lacks column(s) {', '.join(missing)}")
            return


def _entry(row: Row, code: str) -> _Entry:
    root = code[:2]
    try:
        quad = quad_class_of(root)
    except ValueError as err:
        raise row.fail(str(err)) from None
    if row["quad_class"] != str(quad):
        raise row.fail(f"quad_class {row['quad_class']!r} but root {root} is quad class {quad}")
    try:
        goldstein = float(row["goldstein"])
    except ValueError:
        raise row.fail(f"goldstein {row['goldstein']!r} is not a number") from None
    if math.isnan(goldstein) or not -10.0 <= goldstein <= 10.0:
        raise row.fail(f"goldstein {goldstein} is outside -10 .. 10")
    cameo = Cameo(code=code, root=root, quad_class=quad, goldstein=goldstein, name=row["name"])
    return _Entry(cameo, _plover(row), _acled(row))


def _plover(row: Row) -> Plover | None:
    kind, mode = row.get("plover_type"), row.get("plover_mode")
    if not kind:
        if mode:
            raise row.fail(f"plover_mode {mode!r} without a plover_type")
        return None
    if kind not in PLOVER_MODES:
        raise row.fail(f"unknown plover_type {kind!r}; known: {', '.join(PLOVER_MODES)}")
    if mode and mode not in PLOVER_MODES[kind]:
        known = ", ".join(sorted(PLOVER_MODES[kind])) or "none"
        raise row.fail(f"plover_mode {mode!r} is not a mode of {kind} (modes: {known})")
    return Plover(type=kind, mode=mode or None)


def _acled(row: Row) -> Acled | None:
    kind, sub = row.get("acled_event_type"), row.get("acled_sub_event_type")
    if not kind:
        if sub:
            raise row.fail(f"acled_sub_event_type {sub!r} without an acled_event_type")
        return None
    if kind not in ACLED_TYPES:
        raise row.fail(f"unknown acled_event_type {kind!r}; known: {', '.join(ACLED_TYPES)}")
    if sub and sub not in ACLED_TYPES[kind]:
        raise row.fail(f"acled_sub_event_type {sub!r} is not a sub-event type of {kind!r}")
    return Acled(event_type=kind, sub_event_type=sub or None)
