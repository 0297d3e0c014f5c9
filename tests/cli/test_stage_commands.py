"""The stage commands `tidings times` and `tidings places`: offsets into the text, the
rejects file, and --strict."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from tidings.cli import app


def test_times_command_writes_offsets_and_rejects(tmp_path):
    text = "A drone attacked the residence early Sunday. Protests lasted for the last one month."
    source = tmp_path / "articles.jsonl"
    good = {"id": "a1", "date": "2021-11-07", "text": text}
    source.write_text(json.dumps(good) + "\n" + '{"id": "a2", "text": "no date"}\n')
    output = tmp_path / "times.jsonl"
    result = CliRunner().invoke(app, ["times", str(source), "-o", str(output)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in output.read_text().splitlines()]
    assert [(r["text"], r["type"], r["value"], r["precision"]) for r in rows] == [
        ("early Sunday", "DATE", "2021-11-07", "day"),
        ("the last one month", "DURATION", "P1M", "month"),
    ]
    for row in rows:
        assert row["article_id"] == "a1"
        assert text[row["start"] : row["end"]] == row["text"]
    (reject,) = [json.loads(x) for x in (tmp_path / "times.rejects.jsonl").read_text().splitlines()]
    assert reject["line"] == 2 and reject["reason"].startswith("R005")
    strict = CliRunner().invoke(app, ["times", str(source), "-o", str(output), "--strict"])
    assert strict.exit_code == 1


GOOD_AND_BAD = [
    {"id": "mosul-1", "date": "2021-03-01", "text": "Gunmen attacked a checkpoint in Mosul, Iraq."},
    {"id": "no-date", "text": "Police arrested protesters in Lagos."},
]


def test_places_command_writes_toponyms_and_rejects(tmp_path):
    corpus = tmp_path / "articles.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in GOOD_AND_BAD) + "\n", encoding="utf-8")
    output = tmp_path / "places.jsonl"
    result = CliRunner().invoke(app, ["places", str(corpus), "-o", str(output)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    text = GOOD_AND_BAD[0]["text"]
    assert {r["text"] for r in rows} == {"Mosul", "Iraq"}
    for row in rows:
        assert row["article_id"] == "mosul-1"
        assert text[row["start"] : row["end"]] == row["text"]
        assert set(row) == {
            "article_id",
            "start",
            "end",
            "text",
            "name",
            "geonameid",
            "country",
            "admin1",
            "lat",
            "lon",
            "feature",
            "role",
        }
    mosul = next(r for r in rows if r["text"] == "Mosul")
    assert (mosul["country"], mosul["name"], mosul["role"]) == ("IRQ", "Mosul", "place")
    (reject,) = [json.loads(line) for line in (tmp_path / "places.rejects.jsonl").open()]
    assert reject["line"] == 2
    strict = CliRunner().invoke(app, ["places", str(corpus), "-o", str(output), "--strict"])
    assert strict.exit_code == 1
