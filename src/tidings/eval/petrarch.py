"""Score the coder against PETRARCH validation records (PETR2_GSR_validation.xml and
PETR.UnitTest.records.xml), the way PETRARCH's own validation scripts do.

Each evaluated `<Sentence>` (read by `tidings.petrarch`) lists its gold `<EventCoding
sourcecode targetcode eventcode>`; `noevents="True"` or an `error=` coding means the right
output is nothing. Our output
is the set of (source, target, event code) triples of the sentence's events that have at
least one actor (PETRARCH never writes an event with neither). PETRARCH
writes an absent actor as "---" and an actor with no known country as "---" plus its
agent ("---REB"), so ours are written the same way.

Figures, each in three comparisons (exact codes; actors cut to their first 3 letters,
the country or IGO block, so actor-agent errors show apart from event-code errors; and
that plus the event's root), and each again with one-sided triples (an actor "---")
dropped from both sides:

- match share: sentences whose triple set equals the gold set; sentences whose gold
  is empty count, and match when we code nothing there (PETRARCH validates them so);
- triple precision and recall, micro-averaged over all sentences.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tidings.eval.report import (
    COUNTED_MODALITIES,
    Counts,
    Extract,
    Miss,
    counted,
    pick_misses,
    require_file,
)
from tidings.model import Actor, EventMention
from tidings.petrarch import PetrarchSentence, Triple, read_validation

__all__ = [
    "PetrarchScore",
    "Tally",
    "has_actor",
    "mention_triple",
    "read_petrarch",
    "score_petrarch",
]

NO_ACTOR = "---"


def read_petrarch(path: Path) -> Iterator[PetrarchSentence]:
    """The records of a PETRARCH validation gold file; a missing file is an InputError
    saying where it was looked for."""
    yield from read_validation(require_file(path))


def actor_code(actor: Actor | None) -> str:
    """An actor written as PETRARCH writes it: "USAGOV", "IGOUNO", "---REB", "---"."""
    if actor is None or not actor.code:
        return NO_ACTOR
    code = actor.code.upper()
    if actor.country is None and actor.sector and code == actor.sector.upper():
        return NO_ACTOR + code  # an agent with no country: "rebels" -> ---REB
    return code


def has_actor(mention: EventMention) -> bool:
    """PETRARCH writes no event without a source or a target ("--- 190 ---" never occurs
    in its output), so an event with neither actor has no PETRARCH form and is not
    scored against it. It is still a real event for every other use."""
    return mention.source is not None or mention.target is not None


def mention_triple(mention: EventMention) -> Triple:
    return (actor_code(mention.source), actor_code(mention.target), mention.cameo.code)


# The comparisons: how far each triple is cut before comparing.
COMPARISONS: dict[str, Callable[[Triple], Triple]] = {
    "exact": lambda t: t,
    "country": lambda t: (t[0][:3], t[1][:3], t[2]),
    "country+root": lambda t: (t[0][:3], t[1][:3], t[2][:2]),
}


def _dyadic(triples: frozenset[Triple]) -> frozenset[Triple]:
    return frozenset(t for t in triples if NO_ACTOR not in (t[0], t[1]))


@dataclass(frozen=True, slots=True)
class Tally:
    """One comparison's figures over the evaluated sentences."""

    name: str
    sentences: int = 0
    matched: int = 0
    counts: Counts = Counts()

    @property
    def match_share(self) -> float:
        return self.matched / self.sentences if self.sentences else 0.0

    def add(self, ours: frozenset[Triple], gold: frozenset[Triple]) -> Tally:
        return Tally(
            self.name,
            self.sentences + 1,
            self.matched + (ours == gold),
            self.counts + Counts.of(ours, gold),
        )


@dataclass(frozen=True, slots=True)
class PetrarchScore:
    name: str
    sentences: int  # evaluated sentences
    skipped: int  # evaluate="false" records
    empty: int  # evaluated sentences whose right output is nothing
    tallies: tuple[Tally, ...]  # each comparison, then each again with one-sided dropped
    actors: tuple[tuple[str, Counts], ...] = ()  # e.g. ("source country", Counts)
    misses: tuple[Miss, ...] = ()
    miss_kinds: tuple[tuple[str, int], ...] = ()

    @property
    def title(self) -> str:
        return (
            f"{self.name}: {self.sentences} sentences, {self.empty} of them with no gold event "
            f"({self.skipped} more not evaluated)"
        )

    def tally(self, name: str) -> Tally:
        return next(t for t in self.tallies if t.name == name)

    @property
    def exact_match(self) -> float:
        return self.tally("exact").match_share

    @property
    def precision(self) -> float:
        return self.tally("exact").counts.precision

    @property
    def recall(self) -> float:
        return self.tally("exact").counts.recall

    def rows(self) -> list[dict[str, object]]:
        rows: list[dict[str, object]] = []
        for name in COMPARISONS:
            full, dyadic = self.tally(name), self.tally(f"{name} dyadic")
            rows.append(
                {
                    "comparison": name,
                    "match share": full.match_share,
                    "precision": full.counts.precision,
                    "recall": full.counts.recall,
                    "F1": full.counts.f1,
                    "match share (dyadic)": dyadic.match_share,
                    "precision (dyadic)": dyadic.counts.precision,
                    "recall (dyadic)": dyadic.counts.recall,
                }
            )
        for name, counts in self.actors:
            rows.append(
                {
                    "comparison": name,
                    "precision": counts.precision,
                    "recall": counts.recall,
                    "F1": counts.f1,
                }
            )
        return rows


ACTOR_FIELDS = ("source country", "target country", "source sector", "target sector")


def _actor_keys(triples: frozenset[Triple], field: str) -> set[tuple[str, ...]]:
    """The countries (first three letters) or (country, agent block) pairs of one role."""
    side = 0 if field.startswith("source") else 1
    codes = {t[side] for t in triples if t[side] != NO_ACTOR}
    if field.endswith("country"):
        return {(c[:3],) for c in codes if not c.startswith(NO_ACTOR)}
    return {(c[:3], c[3:6]) for c in codes if len(c) > 3}


def _kind(gold: Triple, ours: frozenset[Triple]) -> str:
    """Why a gold triple was missed, from the nearest triple we did code."""
    if not ours:
        return "no event coded"
    country = COMPARISONS["country"]
    same_actors = [o for o in ours if country(o)[:2] == country(gold)[:2]]
    if any(o[2] == gold[2] for o in same_actors):
        return "actor agent block differs (same country)"
    if any(o[2][:2] == gold[2][:2] for o in same_actors):
        return "event code differs, same root"
    if same_actors:
        return "event root differs"
    same_code = [o for o in ours if o[2][:2] == gold[2][:2]]
    if any(NO_ACTOR in (o[0], o[1]) for o in same_code):
        return "actor missing (one-sided)"
    if same_code:
        return "actor country differs"
    return "other event coded"


def _show(triples: frozenset[Triple]) -> str:
    return "; ".join(f"{s} {c} {t}" for s, t, c in sorted(triples)) or "nothing"


def score_petrarch(
    gold_path: Path,
    extract: Extract,
    *,
    name: str = "PETRARCH",
    limit: int | None = None,
    modalities: frozenset[str] = COUNTED_MODALITIES,
    keep_misses: int = 30,
) -> PetrarchScore:
    """Score `extract` on the first `limit` evaluated sentences of a validation file."""
    names = [*COMPARISONS, *(f"{n} dyadic" for n in COMPARISONS)]
    tallies = {n: Tally(n) for n in names}
    actors = {field: Counts() for field in ACTOR_FIELDS}
    misses: list[Miss] = []
    sentences = skipped = empty = 0
    for record in read_petrarch(gold_path):
        if not record.evaluate:
            skipped += 1
            continue
        if limit is not None and sentences >= limit:
            break
        sentences += 1
        empty += not record.triples
        mentions = extract(record.text, record.date, f"{record.id}#{sentences}")
        ours = frozenset(mention_triple(m) for m in counted(mentions, modalities) if has_actor(m))
        for cut_name, cut in COMPARISONS.items():
            mine, gold = frozenset(map(cut, ours)), frozenset(map(cut, record.triples))
            tallies[cut_name] = tallies[cut_name].add(mine, gold)
            dyadic = f"{cut_name} dyadic"
            tallies[dyadic] = tallies[dyadic].add(_dyadic(mine), _dyadic(gold))
        for field in ACTOR_FIELDS:
            found = _actor_keys(ours, field)
            actors[field] += Counts.of(found, _actor_keys(record.triples, field))
        if ours == record.triples:
            continue
        for gold in sorted(record.triples - ours):
            misses.append(
                Miss(
                    record.id, _kind(gold, ours), _show(frozenset({gold})), _show(ours), record.text
                )
            )
        if not record.triples:
            misses.append(
                Miss(
                    record.id, "spurious event (gold has none)", "nothing", _show(ours), record.text
                )
            )
        elif record.triples < ours:  # every gold triple found, and more besides
            misses.append(
                Miss(
                    record.id,
                    "extra event coded",
                    _show(record.triples),
                    _show(ours),
                    record.text,
                )
            )
    examples, kinds = pick_misses(misses, keep_misses)
    return PetrarchScore(
        name,
        sentences,
        skipped,
        empty,
        tuple(tallies[n] for n in names),
        tuple(actors.items()),
        examples,
        tuple(kinds.most_common()),
    )
