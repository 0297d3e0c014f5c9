"""The gold toponyms `find_places` does not find, grouped by kind, to see what to fix next.

    .venv/bin/python bench/toponym_misses.py [--sets tr-news lgl] [--examples 40]

For each set (read as in bench/geocoding.py), every gold toponym that no predicted mention
overlaps is put in one group: "ent=ORG" (NER called exactly those words ORG), "inside GPE"
(within a longer GPE entity), "partial ...", "lowercase", "abbrev" ("Ill.", "ACT"), or
"noent POS" (no entity; the words' parts of speech). Each group counts its misses by
whether the gazetteer knows the words: "gaz" (an official name), "alt" (an alternate
name only), "county" (a US county) or "nogaz" (no entry: finding it would not help).
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict

from spacy.tokens import Doc

from geocoding import SETS, Gold, read_set
from tidings import nlp as nlp_stage
from tidings.geo import gazetteer, norm
from tidings.where import find_places


def kind(doc: Doc, gold: Gold) -> tuple[str, str]:
    """The miss's group, and what the gazetteer knows of its words."""
    gaz = gazetteer()
    official, other = gaz.lookup(gold.text)
    known = "gaz" if official else "alt" if other else "nogaz"
    if known == "nogaz" and norm(gold.text) in gaz.counties:
        known = "county"
    span = doc.char_span(gold.start, gold.end, alignment_mode="expand")
    if span is None:
        return "no span", known
    if not gold.text[:1].isupper():
        return "lowercase", known
    ents = [e for e in doc.ents if e.start < span.end and span.start < e.end]
    if ents:
        ent = ents[0]
        start = ent.start + (ent[0].lower_ == "the")
        if (start, ent.end) == (span.start, span.end):
            return f"ent={ent.label_}", known
        if ent.start <= span.start and span.end <= ent.end:
            return f"inside {ent.label_}", known
        return f"partial {ent.label_}", known
    if gold.text.endswith(".") or (len(gold.text) <= 4 and gold.text.isupper()):
        return "abbrev", known
    return "noent " + "/".join(sorted({t.pos_ for t in span})), known


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", nargs="+", default=["tr-news", "lgl"], choices=SETS)
    parser.add_argument("--examples", type=int, default=40, help="words shown per group")
    args = parser.parse_args()
    nlp = nlp_stage.load()
    for name in args.sets:
        docs = list(read_set(name))
        groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
        total = 0
        for doc, article in nlp.pipe(((d.text, d) for d in docs), as_tuples=True):
            mentions = find_places(doc)
            for gold in article.gold:
                total += 1
                if not any(m.start < gold.end and gold.start < m.end for m in mentions):
                    group, known = kind(doc, gold)
                    groups[group].append((known, gold.text))
        print(f"== {name}: {sum(map(len, groups.values()))} of {total} gold toponyms not found")
        for group, misses in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            print(f"-- {group}: {len(misses)}  {dict(Counter(k for k, _ in misses))}")
            words = Counter(f"{text}[{known}]" for known, text in misses)
            shown = words.most_common(args.examples)
            print("   ", ", ".join(f"{w} x{n}" if n > 1 else w for w, n in shown))


if __name__ == "__main__":
    main()
