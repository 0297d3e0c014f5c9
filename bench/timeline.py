"""Event dating on SemEval-2015 TimeLine (corpus 1): does each gold event get its date?

    python bench/timeline.py            # the score
    python bench/timeline.py --misses   # also every dated gold mention we got wrong, by kind

Reads `../shared/eval/semeval2015-timeline/{documents_dev,timelines_gold_dev}.jsonl`.

How gold mentions meet our code: the gold documents come tokenised, so each is joined
back into text (one sentence per line, no space before punctuation) and parsed with
Tidings' model. A gold event mention ("<doc>-<sentence>-<word>") is the token with that
text in that sentence. Our event coder fires on violent and political events only, not on
every gold mention ("owned", "boom"), so instead each gold mention is given to
`tidings.when.date_events` as if it were an event whose trigger is that token: the same
code the pipeline uses picks the time expression the trigger's clause governs, else one
whose clause contains it, else the article date as a fallback.

Score: among gold mentions whose timeline date is not XXXX-XX-XX, the share whose date we
give at the gold granularity: gold 2008-03-01 needs day precision on that day, gold
2007-10-XX month precision (or a day or week inside that month is *not* counted), gold
2006-XX-XX year precision. A looser figure counts any date of ours inside the gold period.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from tidings import nlp as nlp_stage
from tidings.model import Cameo, EventMention
from tidings.when import date_events

SHARED = Path(__file__).resolve().parents[2] / "shared/eval/semeval2015-timeline"
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "'s", "n't", "%", "'", "''", "'re"}
_NO_SPACE_AFTER = {"(", "[", "$", "``", "US$", "USD$"}


@dataclass(frozen=True)
class Placed:
    text: str
    tokens: dict[tuple[int, str], list[tuple[int, int]]]  # (sentence, word) -> char spans


def detokenise(sentences: list[list[str]], skip: set[int]) -> Placed:
    """The text of a tokenised document, one sentence per line, and where each token is.

    Sentences in `skip` (the dateline, which our articles carry as a header instead) are
    left out; a blank line ends the title, as in the articles Tidings reads.
    """
    parts: list[str] = []
    where: dict[tuple[int, str], list[tuple[int, int]]] = {}
    length = 0
    for s, words in enumerate(sentences):
        if s in skip:
            continue
        if parts:
            gap = "\n\n" if len(parts) and s <= 2 else "\n"
            parts.append(gap)
            length += len(gap)
        previous = ""
        for n, word in enumerate(words):
            if n and word not in _NO_SPACE_BEFORE and previous not in _NO_SPACE_AFTER:
                parts.append(" ")
                length += 1
            where.setdefault((s, word), []).append((length, length + len(word)))
            parts.append(word)
            length += len(word)
            previous = word
        if s == 0 and words and words[-1] not in (".", "!", "?"):
            parts.append(".")  # a headline has no full stop; without one it runs into the text
            length += 1
    return Placed("".join(parts), where)


def dateline(doc: dict) -> set[int]:
    """Sentences made only of the document creation time's tokens."""
    sentence_of = {t["t_id"]: t["sentence"] for t in doc["tokens"]}
    dct_tokens = {
        t
        for m in doc["markables"]
        if m.get("functionInDocument") == "CREATION_TIME"
        for t in m["token_ids"]
    }
    found = set()
    for s in {sentence_of[t] for t in dct_tokens}:
        if all(t["t_id"] in dct_tokens for t in doc["tokens"] if t["sentence"] == s):
            found.add(s)
    return found


def _probe(article_id: str, start: int, end: int, text: str) -> EventMention:
    """A stand-in event whose trigger is the gold mention's token."""
    cameo = Cameo("010", "01", 0, 0.0)
    return EventMention(f"{article_id}:{start}", article_id, 0, "", text, start, end, cameo)


def rendered(event: EventMention) -> str:
    """Our date in the timeline's notation (2008-03-01, 2007-10-XX, 2006-XX-XX)."""
    assert event.date is not None
    if event.date_precision == "year":
        return f"{event.date.year}-XX-XX"
    if event.date_precision == "month":
        return f"{event.date.year}-{event.date.month:02d}-XX"
    if event.date_precision == "week":
        return f"{event.date.isoformat()}/W"
    return event.date.isoformat()


def inside(event: EventMention, gold: str) -> bool:
    assert event.date is not None
    return event.date.isoformat().startswith(gold.split("-XX")[0])


@dataclass
class Tally:
    """The bench's counts: gold dated mentions, right at gold granularity, inside the gold
    period, dated by the fallback, mention tokens not found; and the misses, described."""

    total: int = 0
    exact: int = 0
    loose: int = 0
    fallback: int = 0
    unplaced: int = 0
    misses: list[str] = field(default_factory=list)
    kinds: Counter[str] = field(default_factory=Counter)


def read_gold(folder: Path) -> dict[str, str]:
    """Each dated gold event mention with its timeline date."""
    gold: dict[str, str] = {}
    for line in (folder / "timelines_gold_dev.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if not entry["date"].startswith("XXXX"):
            for mention in entry["event_mentions"]:
                gold[mention] = entry["date"]
    return gold


def score(folder: Path, nlp: Language) -> Tally:
    """Date every dated gold mention of the folder's documents and count the right ones."""
    gold = read_gold(folder)
    tally = Tally(total=len(gold))
    seen: set[str] = set()
    for line in (folder / "documents_dev.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        seen.add(doc["doc_id"])
        wanted = {k: v for k, v in gold.items() if k.split("-", 1)[0] == doc["doc_id"]}
        if wanted:
            _score_document(doc, wanted, nlp, tally)
    for mention in gold:  # a few gold ids are mistyped ("738080-0-unveils"): always missed
        if mention.split("-", 1)[0] not in seen:
            tally.kinds["gold id names no document"] += 1
            tally.misses.append(f"{mention}: gold id names no document")
    return tally


def _score_document(doc: dict, wanted: dict[str, str], nlp: Language, tally: Tally) -> None:
    placed = detokenise(doc["sentences"], dateline(doc))
    parsed = nlp(placed.text)
    dct = dt.date.fromisoformat(doc["dct"][:10])
    probes, dates = [], []
    for mention, date in wanted.items():
        _, sentence, word = mention.split("-", 2)
        words = word.split("_")  # "job_cuts", "rolled_out": several tokens
        joined = " ".join(words)
        spans = [
            (start, start + len(joined))
            for start, _ in placed.tokens.get((int(sentence), words[0]), [])
            if placed.text.startswith(joined, start)
        ]
        if not spans:
            tally.misses.append(f"{mention}: token not found in sentence {sentence}")
            tally.unplaced += 1
            continue
        probes.append(_probe(doc["doc_id"], *spans[0], joined))
        dates.append((mention, date))
    for event, (mention, date) in zip(date_events(parsed, dct, probes), dates, strict=True):
        ours = rendered(event)
        tally.exact += ours == date
        tally.loose += inside(event, date)
        tally.fallback += event.date_is_fallback
        if ours != date:
            sentence = next(
                s for s in parsed.sents if s.start_char <= event.trigger_start < s.end_char
            )
            kind = miss_kind(event, date, sentence.text)
            tally.kinds[kind] += 1
            tally.misses.append(
                f"{mention}: gold {date}, ours {ours} from {event.date_text!r} [{kind}]"
                f" | {sentence.text.strip()[:160]}"
            )


def miss_kind(event: EventMention, gold: str, sentence: str) -> str:
    """What kind of miss: the right period at another granularity, the article-date
    fallback, a date carried over from an earlier sentence, or the sentence's own words."""
    if inside(event, gold):
        return "granularity"
    if event.date_is_fallback:
        return "fallback"
    if event.date_text is not None and event.date_text not in sentence:
        return "earlier sentence"
    return "own words"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", type=Path, default=SHARED, help="the TimeLine gold folder")
    parser.add_argument("--model", default=None, help="spaCy model (default: Tidings' own)")
    parser.add_argument("--misses", action="store_true", help="list the dated mentions missed")
    args = parser.parse_args(argv)
    docs_file = args.folder / "documents_dev.jsonl"
    gold_file = args.folder / "timelines_gold_dev.jsonl"
    if not docs_file.exists() or not gold_file.exists():
        print(f"gold files not found in {args.folder}", file=sys.stderr)
        return 2
    t = score(args.folder, nlp_stage.load(args.model))
    print(f"SemEval-2015 TimeLine corpus 1 (dev): {t.total} dated gold event mentions")
    print(
        f"  right date at gold granularity: {100 * t.exact / t.total:5.1f}% ({t.exact}/{t.total})"
    )
    print(
        f"  our date inside the gold period: {100 * t.loose / t.total:5.1f}% ({t.loose}/{t.total})"
    )
    print(
        f"  dated by the article-date fallback: {t.fallback}; mention token not found: {t.unplaced}"
    )
    if args.misses:
        kinds = ", ".join(f"{k} {n}" for k, n in t.kinds.most_common())
        print(f"\nmisses ({len(t.misses)}; by kind: {kinds}):")
        print("\n".join(f"  {m}" for m in t.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
