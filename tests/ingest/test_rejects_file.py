"""The rejects file: where it goes, and the JSON lines written to it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tidings.errors import Reject
from tidings.ingest import RejectsWriter, rejects_path
from tidings.model import Rejected


@pytest.mark.parametrize(
    "output,expected",
    [
        ("events.jsonl", "events.rejects.jsonl"),
        ("out/events.csv", "out/events.rejects.jsonl"),
        ("events", "events.rejects.jsonl"),
    ],
)
def test_rejects_path(output: str, expected: str) -> None:
    assert rejects_path(Path(output)) == Path(expected)


def test_rejects_path_for_stdout_is_in_the_cwd(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert rejects_path(None) == tmp_path / "tidings.rejects.jsonl"
    assert rejects_path(Path("-")) == tmp_path / "tidings.rejects.jsonl"


def test_rejects_writer_writes_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "events.rejects.jsonl"
    one = Rejected("a.jsonl", 3, Reject.BAD_JSON.because("x"), "{bad é")
    two = Rejected("b.csv", None, Reject.MISSING_FILE.value)
    with RejectsWriter(path) as writer:
        assert not path.exists()  # created only when there is something to write
        writer.write(one)
        writer.write(two)
        assert writer.count == 2
    lines = [json.loads(x) for x in path.read_text("utf-8").splitlines()]
    assert lines == [
        {"origin": "a.jsonl", "line": 3, "reason": one.reason, "excerpt": "{bad é"},
        {"origin": "b.csv", "line": None, "reason": two.reason, "excerpt": ""},
    ]


def test_each_run_replaces_the_last_runs_rejects(tmp_path: Path) -> None:
    """Appending across runs listed rejects already fixed, and counted them twice."""
    path = tmp_path / "events.rejects.jsonl"
    with RejectsWriter(path) as writer:
        writer.write(Rejected("a.jsonl", 3, Reject.BAD_JSON.value))
    with RejectsWriter(path) as writer:
        writer.write(Rejected("b.csv", None, Reject.MISSING_FILE.value))
    assert [json.loads(x)["origin"] for x in path.read_text("utf-8").splitlines()] == ["b.csv"]
    with RejectsWriter(path):
        pass  # a run with nothing rejected
    assert not path.exists()
