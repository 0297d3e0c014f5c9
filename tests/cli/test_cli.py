"""The command line: documented, stateless extract, idempotent ingest, query and export."""

from __future__ import annotations

import inspect
import json
import re
import typing
from pathlib import Path

import duckdb
import pytest
from typer.core import TyperCommand, TyperGroup, TyperOption
from typer.main import get_command
from typer.testing import CliRunner

from tidings.cli import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()

GOOD_AND_BAD = [
    {
        "id": "lagos-1",
        "date": "2020-10-21",
        "text": "Police arrested 40 protesters in Lagos on Tuesday. "
        "Soldiers fired on protesters at the Lekki toll gate, killing at least 12 people.",
    },
    {"id": "no-date", "text": "Police arrested protesters."},
    {
        "id": "kyiv-1",
        "date": "2022-03-01T09:00:00+02:00",
        "text": "Russian forces shelled Kharkiv on Monday. Ukraine condemned the attack.",
    },
]


def commands() -> list[str]:
    """Every command as typed after `tidings`, sub-commands too ("audit sample")."""
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    for group in app.registered_groups:
        for c in group.typer_instance.registered_commands:
            names.append(f"{group.name} {c.name or c.callback.__name__}")
    return names


def leaf_commands() -> list[tuple[str, TyperCommand]]:
    """Every runnable command's click object, by its name after `tidings`."""

    def walk(prefix: str, group: TyperGroup) -> list[tuple[str, TyperCommand]]:
        found = []
        for name, command in group.commands.items():
            if isinstance(command, TyperGroup):
                found += walk(f"{prefix}{name} ", command)
            else:
                found.append((f"{prefix}{name}", command))
        return found

    return walk("", get_command(app))


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    lines = [json.dumps(r) for r in GOOD_AND_BAD]
    lines.insert(2, "{this is not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_every_command_help_shows_an_example():
    assert {"extract", "ingest", "query", "export", "demo", "audit sample"} <= set(commands())
    for command in commands():
        result = runner.invoke(app, [*command.split(), "--help"])
        assert result.exit_code == 0
        assert "Example:" in result.output, f"`tidings {command} --help` shows no example"
        assert f"tidings {command}" in result.output


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert commands(), "no commands registered"
    for command in commands():
        assert f"tidings {command}" in readme, f"`tidings {command}` is not in the README"


def readme_blocks() -> list[str]:
    """The README's paragraphs, each table row on its own."""
    blocks: list[str] = []
    for para in re.split(r"\n\s*\n", (ROOT / "README.md").read_text(encoding="utf-8")):
        rows = [line for line in para.splitlines() if line.strip()]
        blocks += rows if all(line.startswith("|") for line in rows) else [para]
    return blocks


def test_every_option_is_documented_in_the_readme():
    # an option counts as documented where a paragraph or table row names its command
    # (`tidings eval`, `eval`) beside it, in any of its spellings (`-o`, `--no-strict`)
    blocks = readme_blocks()
    missing = []
    assert "audit score" in dict(leaf_commands())
    for name, command in leaf_commands():
        mine = [b for b in blocks if re.search(rf"`(?:tidings )?{re.escape(name)}\b", b)]
        for param in command.params:
            if not isinstance(param, TyperOption):
                continue
            forms = [*param.opts, *param.secondary_opts]
            spelled = [rf"(?<![\w-]){re.escape(form)}(?![\w-])" for form in forms]
            if not any(re.search(s, b) for s in spelled for b in mine):
                missing.append(f"tidings {name} {forms[-1]}")
    assert not missing, f"not in the README beside their command: {missing}"


def test_help_keeps_words_in_angle_brackets():
    # help is rendered as markdown, where a bare <Environment> is an HTML tag and vanishes
    for name, command in leaf_commands():
        texts = [command.help or "", *(getattr(p, "help", None) or "" for p in command.params)]
        tags = {tag for text in texts for tag in re.findall(r"<[A-Za-z]\w*>", text)}
        if tags:
            shown = runner.invoke(app, [*name.split(), "--help"], terminal_width=200).output
            assert all(tag in shown for tag in tags), (name, tags)


def test_readme_opens_with_the_two_setup_commands():
    head = (ROOT / "README.md").read_text(encoding="utf-8").split("## ")[0]
    assert re.search(r"^make demo\b", head, re.M) and re.search(r"^make test\b", head, re.M)


def test_extract_writes_events_and_names_rejects(corpus, tmp_path):
    out = tmp_path / "events.jsonl"
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert {r["article_id"] for r in records} == {"lagos-1", "kyiv-1"}
    assert any(r["cameo"]["code"] == "173" for r in records)
    rejects = [json.loads(x) for x in (tmp_path / "events.rejects.jsonl").read_text().splitlines()]
    assert sorted(r["line"] for r in rejects) == [2, 3]
    assert all(r["origin"].endswith("articles.jsonl") and r["reason"] for r in rejects)
    assert "2 record(s) rejected" in result.output


def test_extract_strict_fails_on_rejects(corpus, tmp_path):
    result = runner.invoke(
        app, ["extract", str(corpus), "-o", str(tmp_path / "e.jsonl"), "--strict"]
    )
    assert result.exit_code == 1


def test_extract_csv_has_one_row_per_event(corpus, tmp_path):
    out = tmp_path / "events.csv"
    assert (
        runner.invoke(app, ["extract", str(corpus), "-o", str(out), "--format", "csv"]).exit_code
        == 0
    )
    rows = duckdb.sql(f"select * from read_csv('{out}')").fetchall()
    jsonl = tmp_path / "events.jsonl"
    runner.invoke(app, ["extract", str(corpus), "-o", str(jsonl)])
    assert len(rows) == len(jsonl.read_text().splitlines()) > 0


def table_contents(db: Path) -> dict[str, list]:
    with duckdb.connect(str(db), read_only=True) as con:
        names = [
            r[0] for r in con.sql("select table_name from information_schema.tables").fetchall()
        ]
        return {n: sorted(map(repr, con.sql(f'select * from "{n}"').fetchall())) for n in names}


def test_ingest_twice_leaves_the_tables_identical(corpus, tmp_path):
    db = tmp_path / "t.duckdb"
    assert runner.invoke(app, ["ingest", str(corpus), "--db", str(db)]).exit_code == 0
    first = table_contents(db)
    assert len(first["articles"]) == 2 and len(first["rejects"]) == 2 and first["mentions"]
    assert runner.invoke(app, ["ingest", str(corpus), "--db", str(db)]).exit_code == 0
    assert table_contents(db) == first


def test_query_filters_and_export(corpus, tmp_path):
    db = tmp_path / "t.duckdb"
    runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    result = runner.invoke(app, ["query", "--db", str(db), "--root", "17", "--format", "jsonl"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert rows and all(r["cameo_root"] == "17" for r in rows)
    for fmt in ("csv", "jsonl", "parquet"):
        out = tmp_path / f"events.{fmt}"
        assert (
            runner.invoke(
                app, ["export", "--db", str(db), "--format", fmt, "-o", str(out)]
            ).exit_code
            == 0
        )
        assert out.stat().st_size > 0
    count = duckdb.sql(f"select count(*) from '{tmp_path / 'events.parquet'}'").fetchall()[0][0]
    assert count == len(table_contents(db)["events"])


def test_missing_model_is_a_clear_error(corpus):
    result = runner.invoke(app, ["extract", str(corpus), "--model", "no_such_model"])
    assert result.exit_code == 2
    assert "no_such_model" in result.output and "T001" in result.output


PETRARCH_VERBS = """\
--- LOB  [190]  ---
LOB  {LOBBED LOBBING}
- * ROCKET  [194]
"""


def test_extract_with_petrarch_dictionaries(tmp_path):
    folder = tmp_path / "dicts"
    folder.mkdir()
    (folder / "mine.verbs.txt").write_text(PETRARCH_VERBS)
    article = tmp_path / "a.jsonl"
    article.write_text(
        json.dumps({"id": "x", "date": "2022-03-01", "text": "Russia lobbed rockets at Ukraine."})
        + "\n"
    )
    plain = tmp_path / "plain.jsonl"
    with_dicts = tmp_path / "dicts.jsonl"
    assert runner.invoke(app, ["extract", str(article), "-o", str(plain)]).exit_code == 0
    args = ["extract", str(article), "-o", str(with_dicts), "--dictionaries", str(folder)]
    assert runner.invoke(app, args).exit_code == 0
    codes = {json.loads(line)["cameo"]["code"] for line in with_dicts.read_text().splitlines()}
    assert "194" in codes
    assert "194" not in {json.loads(x)["cameo"]["code"] for x in plain.read_text().splitlines()}


def test_dictionaries_folder_without_dictionaries_is_a_clear_error(tmp_path, corpus):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["extract", str(corpus), "--dictionaries", str(empty)])
    assert result.exit_code == 2 and "no PETRARCH dictionaries" in result.output


@pytest.mark.parametrize(("verbs", "codes"), [("instead", {"194"}), ("beside", {"194", "111"})])
def test_dictionary_verbs_instead_of_or_beside_the_builtin_triggers(tmp_path, verbs, codes):
    folder = tmp_path / "dicts"
    folder.mkdir()
    (folder / "mine.verbs.txt").write_text(PETRARCH_VERBS)
    article = tmp_path / "a.jsonl"
    text = "Russia lobbed rockets at Ukraine. Germany condemned Russia."
    article.write_text(json.dumps({"id": "x", "date": "2022-03-01", "text": text}) + "\n")
    out = tmp_path / "out.jsonl"
    args = ["extract", str(article), "-o", str(out), "--dictionaries", str(folder)]
    result = runner.invoke(app, [*args, "--dictionary-verbs", verbs, "--no-parse-ahead"])
    assert result.exit_code == 0, result.output
    assert {json.loads(x)["cameo"]["code"] for x in out.read_text().splitlines()} == codes


GOLD_XML = """<Validation><Sentences>
<Sentence date="20220301" id="G1" evaluate="true">
<EventCoding eventcode="194" sourcecode="RUS" targetcode="UKR" />
<Text>Russia lobbed rockets at Ukraine.</Text>
</Sentence>
<Sentence date="20220301" id="G2" evaluate="true">
<EventCoding eventcode="111" sourcecode="DEU" targetcode="RUS" />
<Text>Germany condemned Russia.</Text>
</Sentence>
</Sentences></Validation>
"""


@pytest.mark.parametrize(("verbs", "uncoded"), [("instead", 1), ("beside", 0)])
def test_eval_codes_with_dictionary_verbs_instead_of_or_beside_the_builtin(
    tmp_path, verbs, uncoded
):
    shared = tmp_path / "shared"
    gold = shared / "reference" / "petrarch" / "PETR2_GSR_validation.xml"
    gold.parent.mkdir(parents=True)
    gold.write_text(GOLD_XML, encoding="utf-8")
    folder = tmp_path / "dicts"
    folder.mkdir()
    (folder / "mine.verbs.txt").write_text(PETRARCH_VERBS)
    args = ["eval", "petrarch-gsr", "--shared", str(shared), "--dictionaries", str(folder)]
    result = runner.invoke(app, [*args, "--dictionary-verbs", verbs, "--json"])
    assert result.exit_code == 0, result.output
    score = json.loads(result.stdout)["petrarch-gsr"]
    # "condemned" is a built-in trigger only: coded beside the verb file, not instead of it
    assert score["miss_kinds"].get("no event coded", 0) == uncoded


def test_dictionary_verbs_option_is_the_same_on_every_command():
    # one annotated type gives each command the same name, help, choices and default
    hints = {
        command.callback.__name__: (
            typing.get_type_hints(command.callback, include_extras=True),
            inspect.signature(command.callback).parameters,
        )
        for command in app.registered_commands
    }
    using = {name for name, (types, _) in hints.items() if "dictionary_verbs" in types}
    assert {"extract", "ingest", "evaluate"} <= using
    shapes = {
        (hints[n][0]["dictionary_verbs"], hints[n][1]["dictionary_verbs"].default) for n in using
    }
    assert len(shapes) == 1, shapes


def test_output_dash_is_stdout(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "a.jsonl"
    text = "The council met on Monday and will meet again next week."
    article.write_text(json.dumps({"id": "m", "date": "2024-05-08", "text": text}) + "\n")
    result = runner.invoke(app, ["times", str(article), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "-").exists()
    assert {json.loads(x)["text"] for x in result.stdout.splitlines() if x.startswith("{")} >= {
        "Monday"
    }
