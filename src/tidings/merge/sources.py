"""Who reported it: source keys and MinHash near-duplicates, for NumSources.

A wire story syndicated by several outlets is one source, not several: articles whose
MinHash signatures (word 4-shingles, `NUM_PERM` permutations, fixed seed) estimate a
Jaccard similarity of at least `DUPLICATE` count as one source, as do articles of the
same outlet (`Article.source`, else the URL's host, else the article id). The count is
a function of the set of articles alone, so it does not depend on ingestion order.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

import numpy as np
from datasketch import MinHash

from tidings.model import Article

NUM_PERM = 64
SEED = 20240607  # fixed: signatures must be identical across runs and machines
SHINGLE = 4  # words per shingle
DUPLICATE = 0.6  # estimated Jaccard at or above which two articles are one wire story
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """What merging needs of an article: its date, its outlet and its text's signature."""

    article_id: str
    date: dt.date | None = None
    source_key: str | None = None
    signature: bytes | None = None

    @classmethod
    def of(cls, article: Article) -> ArticleFacts:
        return cls(article.id, article.date, source_key(article), signature(article.text))


def source_key(article: Article) -> str:
    """The outlet: its name, else the URL's host (without www.), else the article itself."""
    if article.source and article.source.strip():
        return article.source.strip().lower()
    if article.url:
        host = urlsplit(article.url.strip()).hostname or ""
        host = host.removeprefix("www.")
        if host:
            return host
    return f"article:{article.id}"


def signature(text: str) -> bytes:
    """The MinHash signature of a text's word shingles, as bytes to store."""
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingles)])
    return np.asarray(minhash.hashvalues, dtype="<u4").tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures (0 when they do not match in size)."""
    x, y = np.frombuffer(a, dtype="<u4"), np.frombuffer(b, dtype="<u4")
    if x.shape != y.shape or not x.size:
        return 0.0
    return float(np.count_nonzero(x == y)) / float(x.size)


def count_sources(articles: Iterable[ArticleFacts]) -> int:
    """Distinct sources among these articles, syndicated copies counted once."""
    items = sorted({a.article_id: a for a in articles}.values(), key=lambda a: a.article_id)
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(items):
        for j in range(i):
            b = items[j]
            same_outlet = a.source_key is not None and a.source_key == b.source_key
            copies = (
                a.signature is not None
                and b.signature is not None
                and similarity(a.signature, b.signature) >= DUPLICATE
            )
            if same_outlet or copies:
                parent[root(i)] = root(j)
    return len({root(i) for i in range(len(items))})
