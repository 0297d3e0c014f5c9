"""The layout's rules, read from the code's own imports (docs/ARCHITECTURE.md).

Every import in `src/tidings`, deferred ones inside functions included, is an arrow from
one module to another. The rules: no cycles; outside a package only its door
(`tidings.<package>`) is imported; no private name crosses modules; no module imports
back through its own package's door; and the `never` arrows below. Each rule is also run
on a small tree made for it, so a rule that could not fail would fail here.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

STAGES = ("ingest", "nlp", "actors", "events", "when", "where", "toll", "merge", "store", "eval")
CODING = ("nlp", "actors", "events", "when", "where", "toll", "geo", "petrarch")
SCREENS = ("rich", "typer", "fastapi", "uvicorn", "tidings.cli")
PARSING = ("spacy", "tidings.nlp", "tidings.actors", "tidings.events")
PARSING += ("tidings.when", "tidings.where", "tidings.toll")

# `never` arrows: (rule, importers or None for every package, forbidden imports, packages
# allowed after all); "" is `tidings/__init__.py`, the Python API's door
NEVER = (
    ("records depend on nothing", ("model",), ("tidings",), ()),
    ("stages know no screen", (*STAGES, "geo", "petrarch", "pipeline", "audit"), SCREENS, ()),
    ("coding never touches storage", CODING, ("tidings.store", "duckdb"), ()),
    ("the store keeps records, not parses", ("store", "merge"), PARSING, ()),
    ("reading is not parsing", ("ingest", "petrarch"), ("spacy", "tidings.nlp"), ()),
    ("no back-edges into the pipeline", None, ("tidings.pipeline",), ("", "verbs", "cli")),
    ("the verbs are the top", None, ("tidings.verbs",), ("", "cli")),
    ("only the command line knows the command line", None, ("tidings.cli",), ()),
)


@dataclass(frozen=True)
class Arrow:
    """One import: `importer` (a module) takes `names` from `target` (a module)."""

    importer: str
    target: str
    names: tuple[str, ...]
    where: str  # file:line, for the message

    def __str__(self) -> str:
        names = f" ({', '.join(self.names)})" if self.names else ""
        return f"{self.where}: {self.importer} -> {self.target}{names}"


def modules(src: Path) -> dict[str, Path]:
    """Every module under `src/tidings`, by dotted name (a package by its own name)."""
    found = {}
    for path in sorted((src / "tidings").rglob("*.py")):
        parts = path.relative_to(src).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def arrows(src: Path) -> list[Arrow]:
    """Every import of every module, resolved to the module it reaches; external ones too."""
    mods = modules(src)
    found = []
    for name, path in mods.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{path.relative_to(src)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Import):
                found += [Arrow(name, alias.name, (), where) for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*up, *([node.module] if node.module else [])])
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    if sub in mods:  # `from tidings.where import places`: the module itself
                        found.append(Arrow(name, sub, (), where))
                    else:
                        found.append(Arrow(name, base, (alias.name,), where))
    return found


def package_of(module: str) -> str:
    """The top-level package a module belongs to: "events" for tidings.events.builtin.coder,
    "model" for tidings.model, "" for tidings itself."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def is_package(module: str, mods: dict[str, Path]) -> bool:
    return module in mods and mods[module].name == "__init__.py"


def cycles(src: Path) -> list[list[str]]:
    """Groups of modules that import each other, directly or round about (Tarjan)."""
    mods = modules(src)
    graph: dict[str, set[str]] = {name: set() for name in mods}
    for arrow in arrows(src):
        if arrow.target in mods and arrow.target != arrow.importer:
            graph[arrow.importer].add(arrow.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                other = stack.pop()
                group.append(other)
                if other == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def door_reaches(src: Path) -> list[Arrow]:
    """Imports of another package's insides: a submodule, not the package's door."""
    mods = modules(src)
    bad = []
    for arrow in arrows(src):
        if not arrow.target.startswith("tidings.") or arrow.target not in mods:
            continue
        target_package = package_of(arrow.target)
        if package_of(arrow.importer) == target_package:
            continue
        if arrow.target != f"tidings.{target_package}":
            bad.append(arrow)
    return bad


def private_names(src: Path) -> list[Arrow]:
    """A `_name` taken from another module: private means one module's own."""
    return [
        arrow
        for arrow in arrows(src)
        if arrow.target.startswith("tidings")
        and arrow.target != arrow.importer
        and any(n.startswith("_") and not n.startswith("__") for n in arrow.names)
    ]


def back_through_door(src: Path) -> list[Arrow]:
    """A module that imports from its own package's door (or an enclosing one), which
    itself imports the package's modules: a cycle in waiting."""
    mods = modules(src)
    bad = []
    for arrow in arrows(src):
        if arrow.target == "tidings" or not is_package(arrow.target, mods):
            continue
        inside = arrow.importer.startswith(arrow.target + ".")
        if inside and arrow.importer != arrow.target:
            bad.append(arrow)
    return bad


def never_arrows(src: Path) -> list[str]:
    """The arrows that must never be drawn, each named with its rule."""
    bad = []
    for arrow in arrows(src):
        for rule, importers, forbidden, allowed in NEVER:
            package = package_of(arrow.importer)
            if importers is not None and package not in importers:
                continue
            if package in allowed or package_of(arrow.target) == package:
                continue
            if any(arrow.target == f or arrow.target.startswith(f + ".") for f in forbidden):
                bad.append(f"{rule}: {arrow}")
    return bad


# -- the real tree ----------------------------------------------------------------------


def test_no_import_cycles():
    assert cycles(SRC) == []


def test_other_packages_are_reached_through_their_door():
    assert [str(a) for a in door_reaches(SRC)] == []


def test_no_private_name_crosses_modules():
    assert [str(a) for a in private_names(SRC)] == []


def test_no_module_imports_back_through_its_own_door():
    assert [str(a) for a in back_through_door(SRC)] == []


def test_no_never_arrow():
    assert never_arrows(SRC) == []


def test_every_stage_of_the_design_has_a_package():
    mods = modules(SRC)
    assert [s for s in STAGES if not is_package(f"tidings.{s}", mods)] == []


# -- each rule can fail: small trees made to break it ----------------------------------


def make_tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in {"tidings/__init__.py": "", **files}.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_a_deferred_import_cycle_is_found(tmp_path):
    src = make_tree(
        tmp_path,
        {
            "tidings/where/__init__.py": "",
            "tidings/where/a.py": "from tidings.where.b import f\n",
            "tidings/where/b.py": "def f():\n    from tidings.where.a import g\n",
        },
    )
    assert cycles(src) == [["tidings.where.a", "tidings.where.b"]]


@pytest.mark.parametrize(
    "line",
    [
        "from tidings.events.ontology import VIOLENT_ROOTS",
        "from tidings.events import ontology",
        "import tidings.events.ontology",
    ],
)
def test_a_reach_into_another_package_is_found(tmp_path, line):
    src = make_tree(
        tmp_path,
        {
            "tidings/events/__init__.py": "",
            "tidings/events/ontology.py": "VIOLENT_ROOTS = 1\n",
            "tidings/toll/__init__.py": "",
            "tidings/toll/attach.py": line + "\n",
        },
    )
    assert [a.importer for a in door_reaches(src)] == ["tidings.toll.attach"]


def test_a_door_import_and_a_sibling_import_are_fine(tmp_path):
    src = make_tree(
        tmp_path,
        {
            "tidings/events/__init__.py": "from tidings.events.ontology import ROOTS\n",
            "tidings/events/ontology.py": "ROOTS = 1\n",
            "tidings/events/coder.py": "from .ontology import ROOTS\n",
            "tidings/toll/__init__.py": "from tidings.events import ROOTS\n",
        },
    )
    assert door_reaches(src) == [] and back_through_door(src) == [] and cycles(src) == []


def test_a_private_name_across_modules_is_found(tmp_path):
    src = make_tree(
        tmp_path,
        {
            "tidings/where/__init__.py": "",
            "tidings/where/places.py": "class _Candidate: ...\n",
            "tidings/where/sense.py": "from tidings.where.places import _Candidate\n",
        },
    )
    assert [a.names for a in private_names(src)] == [("_Candidate",)]


def test_an_import_back_through_the_own_door_is_found(tmp_path):
    src = make_tree(
        tmp_path,
        {
            "tidings/nlp/__init__.py": "from tidings.nlp.ahead import P\ndef load(): ...\n",
            "tidings/nlp/ahead.py": "def f():\n    from tidings.nlp import load\n",
        },
    )
    assert [a.importer for a in back_through_door(src)] == ["tidings.nlp.ahead"]
    assert cycles(src) == [["tidings.nlp", "tidings.nlp.ahead"]]


@pytest.mark.parametrize(
    ("path", "line", "rule"),
    [
        ("tidings/model.py", "from tidings.errors import X", "records depend on nothing"),
        ("tidings/events/coder.py", "import rich", "stages know no screen"),
        ("tidings/where/find.py", "import duckdb", "coding never touches storage"),
        ("tidings/store/db.py", "from spacy.tokens import Doc", "the store keeps records"),
        ("tidings/ingest/html.py", "import spacy", "reading is not parsing"),
        ("tidings/events/coder.py", "from tidings.pipeline import P", "no back-edges"),
        ("tidings/store/db.py", "from tidings.verbs import query", "the verbs are the top"),
    ],
)
def test_a_never_arrow_is_found(tmp_path, path, line, rule):
    src = make_tree(tmp_path, {path: line + "\n"})
    found = never_arrows(src)
    assert len(found) == 1 and found[0].startswith(rule), found
