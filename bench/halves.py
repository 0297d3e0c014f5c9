"""The gold-set figures of this build on each set's tune and check half, side by side.

    python bench/halves.py            # PLOVER dev and WikiEvents dev, tune | check
    python bench/halves.py --json     # every row of each half's score, as JSON

The project reads misses only on a tune half (the first half of a gold file) and reports both;
`tidings eval` scores whole sets. This splits PLOVER dev and WikiEvents dev in two (first half
tune, second half check), scores each half with the default pipeline and prints every
precision/recall row with both halves beside each other. The gold files are read where they are
in ../shared; the halves are written to a temporary folder and removed.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from tidings.eval import score_plover, score_wikievents
from tidings.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = {
    "plover": (SHARED / "eval" / "plover-gsr" / "dev.jsonl", score_plover),
    "wikievents": (SHARED / "eval" / "wikievents" / "dev.jsonl", score_wikievents),
}


def halves(gold: Path, scratch: Path) -> dict[str, Path]:
    """The tune (first half) and check (second half) of a JSONL gold file, beside a link to
    its coref folder (WikiEvents reads it from the gold file's folder)."""
    lines = gold.read_text(encoding="utf-8").splitlines()
    parts = {"tune": lines[: len(lines) // 2], "check": lines[len(lines) // 2 :]}
    out = {}
    for half, part in parts.items():
        folder = scratch / f"{gold.parent.name}-{half}"
        folder.mkdir()
        if (gold.parent / "coref").is_dir():
            (folder / "coref").symlink_to(gold.parent / "coref")
        out[half] = folder / gold.name
        out[half].write_text("\n".join(part) + "\n", encoding="utf-8")
    return out


def figures(row: dict) -> tuple[str, str] | None:
    """A score row's name and its figures, or None for a row that only counts."""
    name = row.get("figure") or row.get("comparison") or row.get("events")
    if "precision" in row:
        return str(name), f"{row['precision']:.3f}/{row['recall']:.3f}"
    if "source recall" in row:
        shown = f"{row['source recall']:.3f}/{row['target recall']:.3f}"
        return f"{name} args src/tgt", f"{shown} of {row['source args']}/{row['target args']}"
    if "accuracy" in row:
        return str(name), f"{row['accuracy']:.3f}"
    if "recall" in row:
        return str(name), f"{row['recall']:.3f}"
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print every row as JSON")
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"no {SHARED}: put the shared folder beside the checkout")
        return 2
    pipeline = Pipeline()
    out: dict[str, dict[str, list[dict]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (gold, scorer) in GOLD.items():
            split = halves(gold, Path(tmp))
            out[name] = {h: scorer(path, pipeline.extract).rows() for h, path in split.items()}
    if args.json:
        print(json.dumps(out, indent=1))
        return 0
    for name, parts in out.items():
        print(f"{name:<36} tune{'':<19}check")
        for tune, check in zip(parts["tune"], parts["check"], strict=True):
            shown = figures(tune), figures(check)
            if shown[0] and shown[1]:
                print(f"  {shown[0][0]:<34} {shown[0][1]:<22} {shown[1][1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
