"""What the Phoenix actor and agent files add and cost beside the built-in actor lexicon.

    python bench/phoenix_beside.py                       # gold halves, real news, costs
    python bench/phoenix_beside.py --lines 0:150 --show  # print each changed real-news actor

Codes the same inputs with the built-in lexicon alone and with the Phoenix files of
../shared/reference/petrarch/ read beside it (`ActorCoder.from_petrarch`, built-in entries
winning), both whole and split: the actor files only (named people and bodies, with dated
codes) and the agent file only (role words). Prints, per variant, PLOVER dev source/target
country and sector P/R and WikiEvents argument recall on their tune and check halves
(first half / second half), the PETR2 GSR actor figures, how many real-news event mentions
(Wikinews lines `--lines`) gain, lose or change a source or target, and the time it takes
to build the coder and code a first document (resident memory: measure one variant per
process, as memory freed by one coder is not given back before the next). `--show` prints
only lines before 150 (the tune half). The files are read where they are; nothing is copied.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from halves import halves  # bench/halves.py, beside this script
from tidings.actors import ActorCoder
from tidings.eval import score_petrarch, score_plover, score_wikievents
from tidings.model import Article, to_record
from tidings.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[2] / "shared"
PETRARCH = SHARED / "reference" / "petrarch"
NEWS = SHARED / "eval" / "wikinews-2019-2020" / "wikinews_2019_2020.jsonl"
VARIANTS = {
    "built-in": (),
    "+phoenix": ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                 "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt"),
    "+actors": ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                "Phoenix.MilNonState.actors.txt"),
    "+agents": ("Phoenix.agents.txt",),
}  # fmt: skip


def coder(files: tuple[str, ...], scratch: Path) -> ActorCoder:
    """The built-in coder, or one reading `files` (linked into a folder of their own)."""
    if not files:
        return ActorCoder()
    folder = scratch / "-".join(f.split(".")[1] for f in files)
    folder.mkdir()
    for name in files:
        (folder / name).symlink_to(PETRARCH / name)
    return ActorCoder.from_petrarch(folder)


def cells(rows: list[dict], keep: Callable[[dict], bool]) -> str:
    shown = []
    for row in filter(keep, rows):
        name = row.get("figure") or row.get("comparison") or row.get("events")
        if "precision" in row:
            shown.append(f"{name} {row['precision']:.3f}/{row['recall']:.3f}")
        elif "source recall" in row:
            shown.append(f"source {row['source recall']:.3f} target {row['target recall']:.3f}")
    return "; ".join(shown)


def news_actors(pipeline: Pipeline, start: int, stop: int) -> dict[tuple, dict]:
    with NEWS.open(encoding="utf-8") as lines:
        rows = [json.loads(x) for n, x in enumerate(lines) if start <= n < stop]
    batch = [
        Article(id=f"W{start + n}", date=dt.date.fromisoformat(r["date"]), text=r["text"])
        for n, r in enumerate(rows)
    ]
    found = {}
    for result in pipeline.run(batch):
        for coded in result.results:
            for mention in coded.mentions:
                r = to_record(mention)
                found[(r["article_id"], r["trigger_start"], r["cameo"]["code"])] = r
    return found


def changes(before: dict, after: dict, show: bool) -> str:
    counts = {"gain": 0, "lose": 0, "change": 0}
    for key in sorted(before.keys() & after.keys()):
        for side in ("source", "target"):
            old, new = (
                ((r.get(side) or {}).get("code") or "", (r.get(side) or {}).get("text") or "")
                for r in (before[key], after[key])
            )
            if old == new:
                continue
            kind = "gain" if not old[0] else "lose" if not new[0] else "change"
            counts[kind] += 1
            if show:
                evidence = " ".join(after[key]["evidence"].split())[:160]
                print(f"    {kind} {key[0]} {side} {old} -> {new} | {evidence}")
    return ", ".join(f"{k} {v}" for k, v in counts.items())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", default="0:150,150:295", help="START:STOP[,START:STOP]")
    parser.add_argument("--show", action="store_true", help="print each changed actor")
    args = parser.parse_args()
    if not PETRARCH.is_dir():
        print(f"no {PETRARCH}: put the shared folder beside the checkout")
        return 2
    spans = [tuple(int(x) for x in s.split(":")) for s in args.lines.split(",")]
    pipeline = Pipeline()
    pipeline.extract("Warm-up.", dt.date(2020, 1, 1))  # the model loaded before timing
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        plover = halves(SHARED / "eval" / "plover-gsr" / "dev.jsonl", scratch)
        wiki = halves(SHARED / "eval" / "wikievents" / "dev.jsonl", scratch)
        baseline: dict[tuple[int, int], dict] = {}
        for name, files in VARIANTS.items():
            clock = time.perf_counter()
            pipeline.actor_coder = coder(files, scratch)
            pipeline.extract("Kevin Rudd met Ban Ki-moon in Canberra.", dt.date(2010, 3, 1))
            print(
                f"{name}: coder built, first document coded in {time.perf_counter() - clock:.1f} s"
            )
            for half in ("tune", "check"):
                rows = score_plover(plover[half], pipeline.extract).rows()
                print(f"  plover {half}: " + cells(rows, lambda r: "precision" in r))
                rows = score_wikievents(wiki[half], pipeline.extract).rows()
                print(f"  wikievents {half}: " + cells(rows, lambda r: r["events"] == "all"))
            gsr = score_petrarch(PETRARCH / "PETR2_GSR_validation.xml", pipeline.extract)
            print("  petrarch-gsr: " + cells(gsr.rows(), lambda r: "precision" in r))
            for span in spans:
                found = news_actors(pipeline, *span)
                if not files:
                    baseline[span] = found
                    continue
                shown = args.show and span[1] <= 150  # never read the check half's output
                print(f"  real news {span[0]}:{span[1]}: " + changes(baseline[span], found, shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
