"""The CAMEO/PLOVER/ACLED table: known codes map right, and a broken table names file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.errors import DataFileError
from tidings.events.ontology import VIOLENT_ROOTS, Ontology, load_ontology, quad_class_of
from tidings.model import Acled, Cameo, Plover
from tidings.toll import attach

HEADER = (
    "code\tname\tquad_class\tgoldstein\tplover_type\tplover_mode"
    "\tacled_event_type\tacled_sub_event_type"
)


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


@pytest.mark.parametrize(
    ("code", "cameo", "plover", "acled"),
    [
        (
            "195",
            Cameo("195", "19", 4, -10.0, "Employ aerial weapons"),
            Plover("ASSAULT", "aerial"),
            Acled("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            "194",
            Cameo("194", "19", 4, -10.0, "Fight with artillery and tanks"),
            Plover("ASSAULT", "heavy-weapons"),
            Acled("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (
            "111",
            Cameo("111", "11", 3, -2.0, "Criticize or denounce"),
            Plover("ACCUSE", "disapprove"),
            None,
        ),
        (
            "173",
            Cameo("173", "17", 4, -5.0, "Arrest, detain, or charge with legal action"),
            Plover("COERCE", "arrest"),
            Acled("Strategic developments", "Arrests"),
        ),
        (
            "1831",
            Cameo("1831", "18", 4, -10.0, "Carry out suicide bombing"),
            Plover("ASSAULT", "suicide-attack"),
            Acled("Explosions/Remote violence", "Suicide bomb"),
        ),
        (
            "181",
            Cameo("181", "18", 4, -9.0, "Abduct, hijack, or take hostage"),
            Plover("ASSAULT", "abduct"),
            Acled("Violence against civilians", "Abduction/forced disappearance"),
        ),
        ("042", Cameo("042", "04", 1, 1.9, "Make a visit"), Plover("CONSULT", "visit"), None),
        (
            "036",
            Cameo("036", "03", 1, 4.0, "Express intent to meet or negotiate"),
            Plover("AGREE", None),
            None,
        ),
        (
            "057",
            Cameo("057", "05", 1, 8.0, "Sign formal agreement"),
            Plover("SUPPORT", None),
            Acled("Strategic developments", "Agreement"),
        ),
        (
            "1411",
            Cameo("1411", "14", 4, -6.5, "Demonstrate for leadership change"),
            Plover("PROTEST", "demo"),
            Acled("Protests", "Peaceful protest"),
        ),
        (
            "145",
            Cameo("145", "14", 4, -7.5, "Protest violently, riot"),
            Plover("PROTEST", "riot"),
            Acled("Riots", "Violent demonstration"),
        ),
        ("010", Cameo("010", "01", 1, 0.0, "Make statement"), None, None),
        (
            "0233",
            Cameo("0233", "02", 1, 3.4, "Appeal for humanitarian aid"),
            Plover("REQUEST", "assist"),
            None,
        ),
        # GDELT's lookup calls 106 "Demand withdrawal"; the CAMEO manual, which coders follow:
        (
            "106",
            Cameo("106", "10", 3, -5.0, "Demand meeting, negotiation"),
            Plover("REQUEST", "meet"),
            None,
        ),
        (
            "0871",
            Cameo("0871", "08", 2, 9.0, "Declare truce, ceasefire"),
            Plover("RETREAT", "ceasefire"),
            Acled("Strategic developments", "Agreement"),
        ),
    ],
)
def test_known_codes(onto: Ontology, code: str, cameo: Cameo, plover, acled) -> None:
    assert onto.cameo(code) == cameo
    assert onto.plover(code) == plover
    assert onto.acled(code) == acled


ROOT_QUADS = [
    (f"{r:02d}", 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4) for r in range(1, 21)
]


@pytest.mark.parametrize(("root", "quad"), ROOT_QUADS)
def test_every_root_present_with_default(onto: Ontology, root: str, quad: int) -> None:
    assert root in onto
    assert onto.cameo(root).quad_class == quad == quad_class_of(root)
    default = onto.root_default(root)
    assert default == root + "0"
    assert onto.cameo(default).root == root


def test_table_is_whole_and_consistent(onto: Ontology) -> None:
    codes = onto.codes()
    assert len(codes) == len(onto) >= 300
    assert codes == sorted(codes)
    for code in codes:
        cameo = onto.cameo(code)
        assert cameo.root == code[:2] and cameo.name
        # Every material-conflict code of the violent roots has a PLOVER type.
        if cameo.root in {"18", "19", "20"}:
            assert onto.plover(code) is not None, code
    # Verbal codes (quad classes 1 and 3) carry no ACLED type, except agreements.
    verbal_with_acled = [c for c in codes if onto.cameo(c).quad_class in (1, 3) and onto.acled(c)]
    assert verbal_with_acled == ["057"]


def test_unknown_code_and_root(onto: Ontology) -> None:
    assert "1999" not in onto
    with pytest.raises(KeyError, match="nearest known parent is '195'"):
        onto.cameo("1959")
    with pytest.raises(KeyError, match="unknown CAMEO event code '999'"):
        onto.plover("999")
    with pytest.raises(KeyError, match="unknown CAMEO root"):
        onto.root_default("195")
    with pytest.raises(KeyError, match="unknown CAMEO root"):
        onto.root_default("21")


def test_matches_gdelt_lookup(onto: Ontology, shared: Path) -> None:
    """Every code in GDELT's lookup is here with the same Goldstein weight."""
    table = shared / "reference" / "cameo" / "CAMEO.goldsteinscale.txt"
    lines = table.read_text("utf-8").splitlines()[1:]
    weights = dict(line.split("\t") for line in lines if line.strip())
    assert len(weights) > 300
    for code, weight in weights.items():
        assert onto.cameo(code).goldstein == float(weight), code


def test_default_table_is_loaded_once() -> None:
    assert load_ontology() is load_ontology()


def _write(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "broken_cameo.tsv"
    path.write_text("# a comment line\n" + header + "\n" + "\n".join(rows) + "\n", "utf-8")
    return path


GOOD = [
    "19\tFight\t4\t-10.0\tASSAULT\t\t\t",
    "190\tUse conventional military force\t4\t-10.0\tASSAULT\t\tBattles\tArmed clash",
    "195\tEmploy aerial weapons\t4\t-10.0\tASSAULT\taerial\tExplosions/Remote violence\t"
    "Air/drone strike",
]


def test_small_good_file_loads(tmp_path: Path) -> None:
    onto = load_ontology(_write(tmp_path, *GOOD))
    assert onto.codes() == ["19", "190", "195"]
    assert onto.plover("195") == Plover("ASSAULT", "aerial")
    assert onto.root_default("19") == "190"


@pytest.mark.parametrize(
    ("rows", "line", "words"),
    [
        # lines: 1 comment, 2 header, 3.. the rows
        ([*GOOD, "196\tViolate ceasefire\t3\t-9.5\tASSAULT\t\t\t"], 6, "quad_class"),
        ([*GOOD, "190\tAgain\t4\t-10.0\t\t\t\t"], 6, "duplicate code 190"),
        ([GOOD[0], "193\tFight with small arms\t4\tlots\t\t\t\t"], 4, "not a number"),
        ([GOOD[0], "193\tFight with small arms\t4\t-11\t\t\t\t"], 4, "outside"),
        ([*GOOD, "1941\tOrphan\t4\t-10.0\t\t\t\t"], 6, "parent code 194"),
        (["180\tNo root\t4\t-9.0\t\t\t\t", *GOOD], 3, "parent code 18"),
        ([*GOOD, "19a\tBad code\t4\t-10.0\t\t\t\t"], 6, "not 2-4 digits"),
        ([*GOOD, "21\tNo such root\t4\t-10.0\t\t\t\t"], 6, "not a CAMEO root"),
        ([*GOOD, "193\tSmall arms\t4\t-10.0\tFIGHT\t\t\t"], 6, "unknown plover_type"),
        ([*GOOD, "193\tSmall arms\t4\t-10.0\tASSAULT\tbows\t\t"], 6, "not a mode of ASSAULT"),
        ([*GOOD, "193\tSmall arms\t4\t-10.0\tASSAULT\t\t\tArmed clash"], 6, "without an acled"),
        ([*GOOD, "193\tSmall arms\t4\t-10.0\tASSAULT\t\tRiots\tArmed clash"], 6, "not a sub-event"),
        ([*GOOD, "193\t\t4\t-10.0\tASSAULT\t\t\t"], 6, "empty required cell(s) name"),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path: Path, rows: list[str], line: int, words: str):
    path = _write(tmp_path, *rows)
    with pytest.raises(DataFileError) as caught:
        load_ontology(path)
    message = str(caught.value)
    assert f"broken_cameo.tsv:{line}:" in message
    assert caught.value.line == line
    assert words in message


@pytest.mark.parametrize("column", ["goldstein", "plover_mode", "acled_sub_event_type"])
def test_missing_column(tmp_path: Path, column: str) -> None:
    header = "\t".join(c for c in HEADER.split("\t") if c != column)
    path = _write(tmp_path, "19\tFight\t4\t-10.0", header=header)
    with pytest.raises(DataFileError) as caught:
        load_ontology(path)
    assert "broken_cameo.tsv:2:" in str(caught.value)
    assert column in str(caught.value)


def test_violent_roots_are_one_fact_in_the_ontology():
    """The toll stage and the events coder read the same set of violent roots."""
    assert attach.VIOLENT_ROOTS is VIOLENT_ROOTS
    assert Ontology.is_violent("1823") and Ontology.is_violent("19")
    assert not Ontology.is_violent("173")
