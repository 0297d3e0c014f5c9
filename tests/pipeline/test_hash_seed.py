"""The same articles give the same records under any PYTHONHASHSEED: no set's iteration
order (string hashing, random per process) may decide what is coded or attached."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ARTICLES = [
    {
        "id": "fire",
        "date": "2021-03-02",
        "text": "Following the fire, which also seriously injured a man, authorities are "
        "performing checks. Gunmen attacked a village in Zamfara on Monday, killing 12 "
        "people and wounding dozens. Police arrested five suspects after the attack.",
    },
    {
        "id": "blast",
        "date": "2021-03-03",
        "text": "A car bomb exploded near a market in Baghdad, killing at least 20 people. "
        "The death toll rose to 25 on Tuesday, officials said.\n\n"
        "The government vowed to punish those responsible and threatened to expel the "
        "envoy. Protesters clashed with police; three officers were hurt.",
    },
]


def extract_under(seed: str, corpus: Path, out: Path) -> str:
    command = "from tidings.cli import app; app()"
    args = ["extract", str(corpus), "-o", str(out), "--no-parse-ahead"]
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run([sys.executable, "-c", command, *args], env=env, check=True, capture_output=True)
    return out.read_text(encoding="utf-8")


def test_extract_gives_the_same_records_under_two_hash_seeds(tmp_path):
    corpus = tmp_path / "articles.jsonl"
    corpus.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    first = extract_under("0", corpus, tmp_path / "seed0.jsonl")
    records = [json.loads(line) for line in first.splitlines()]
    assert any(r["casualties"] for r in records)  # the casualty attachment is exercised
    assert extract_under("1", corpus, tmp_path / "seed1.jsonl") == first
