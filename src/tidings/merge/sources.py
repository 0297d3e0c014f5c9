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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

import numpy as np
from datasketch import MinHash

from tidings.model import Article

NUM_PERM = 64
SEED = 20240607  # fixed: signatures must be identical across runs and machines
SHINGLE = 4  # words per shingle
DUPLICATE = 0.6  # estimated Jaccard at or above which two articles are one wire story
_WORD = re.compile(r"\w+")
_ROWS = 64  # signatures compared with all the others in one array operation


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
    template = _template()
    minhash = MinHash(
        num_perm=NUM_PERM, seed=SEED, permutations=template.permutations, scheme=template.scheme
    )
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingles)])
    return np.asarray(minhash.hashvalues, dtype="<u4").tobytes()


@cache
def _template() -> MinHash:
    """An empty MinHash whose seeded permutations are reused: drawing them again for every
    text cost more than hashing its shingles."""
    return MinHash(num_perm=NUM_PERM, seed=SEED)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures (0 when they do not match in size)."""
    x, y = np.frombuffer(a, dtype="<u4"), np.frombuffer(b, dtype="<u4")
    if x.shape != y.shape or not x.size:
        return 0.0
    return float(np.count_nonzero(x == y)) / float(x.size)


def count_sources(articles: Iterable[ArticleFacts]) -> int:
    """Distinct sources among these articles, syndicated copies counted once: connected
    components of "same outlet or near-duplicate text" (all pairs compared at once)."""
    items = sorted({a.article_id: a for a in articles}.values(), key=lambda a: a.article_id)
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        parent[root(i)] = root(j)

    by_outlet: dict[str, int] = {}
    for i, a in enumerate(items):
        if a.source_key is not None:
            join(i, by_outlet.setdefault(a.source_key, i))
    for i, j in _copies(items):
        join(i, j)
    return len({root(i) for i in range(len(items))})


def _copies(items: list[ArticleFacts]) -> Iterator[tuple[int, int]]:
    """Pairs of items whose signatures make them one wire story (`similarity` >= `DUPLICATE`),
    compared by size group in one array operation instead of pair by pair."""
    by_size: dict[int, list[int]] = {}
    for i, a in enumerate(items):
        if a.signature:  # an empty signature matches nothing
            by_size.setdefault(len(a.signature), []).append(i)
    for size, members in by_size.items():
        if len(members) < 2 or size % 4:
            continue
        matrix = np.frombuffer(b"".join(items[i].signature for i in members), dtype="<u4")  # type: ignore[misc]
        matrix = matrix.reshape(len(members), size // 4)
        for start in range(0, len(members), _ROWS):  # a block of rows at a time: memory stays small
            block = matrix[start : start + _ROWS]
            equal = (block[:, None, :] == matrix[None, :, :]).sum(axis=2, dtype=np.int64)
            shares = equal.astype(np.float64) / float(matrix.shape[1])
            for x, y in zip(*np.nonzero(np.triu(shares >= DUPLICATE, k=start + 1)), strict=True):
                yield members[start + int(x)], members[int(y)]
