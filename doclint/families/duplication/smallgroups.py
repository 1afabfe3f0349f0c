"""Grouping for small runs, in plain Python: the same clusters and candidate pairs as
doclint.families.duplication.minhash computes with whole-array passes, without importing numpy (which costs
more than the work for the few files a pre-commit hook sees)."""
from __future__ import annotations

import struct
from collections import Counter
from collections.abc import Hashable, Iterable
from itertools import chain, combinations

from doclint.families.duplication.facts import CUT_COPY_WORDS, SHIFT, DocFacts, sentence_tokens
from doclint.families.duplication.lsh import (
    BANDS,
    CONTENT_BELOW,
    FREQUENT_MIN,
    FREQUENT_SHARE,
    LANE,
    MAX_BUCKET,
    ROWS,
    WIDTH,
    demoted,
    token_digest,
)

_VALUES = struct.Struct(f"<{WIDTH}H")


def clusters(docs: list[DocFacts]) -> tuple[list[int], list[list[int]]]:
    """See doclint.families.duplication.minhash.clusters."""
    groups: dict[int, list[int]] = {}
    for number, doc in enumerate(docs):
        base = number << SHIFT
        for index, value in enumerate(doc.fingerprints):
            groups.setdefault(value, []).append(base | index)
    # Sentences are visited in order, so first occurrences come out in order too.
    return [g[0] for g in groups.values()], [g for g in groups.values() if len(g) > 1]


def near_candidates(docs: list[DocFacts], firsts: list[int],
                    cutoff: float) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """See doclint.families.duplication.minhash.near_candidates; the quick similarity tests are left to the
    verification, which makes them again."""
    sentences = [sentence_tokens(docs, gid) for gid in firsts]
    keys = _band_keys(sentences)
    near: set[tuple[int, int]] = set()
    for band in range(2 * BANDS):
        near.update(_pairs_sharing_key((i, k[band]) for i, k in enumerate(keys) if len(k) > band))
    heads = ((i, tuple(s[:CUT_COPY_WORDS])) for i, s in enumerate(sentences) if len(s) >= CUT_COPY_WORDS)
    return sorted(near), sorted(_pairs_sharing_key(heads))


def _band_keys(sentences: list) -> list[list[int]]:
    """The BANDS band keys of each sentence (see doclint.families.duplication.minhash.signatures)."""
    seen = Counter(chain.from_iterable(sentences))
    limit = max(FREQUENT_MIN, int(len(sentences) * FREQUENT_SHARE))
    plain: dict[int, tuple[int, ...]] = {}
    lowered: dict[int, tuple[int, ...]] = {}
    keys = []
    for tokens in sentences:
        content = {t for t in tokens if t < CONTENT_BELOW}
        if len(content) < 2:
            content = set(tokens)
        for token in content - plain.keys():
            lanes = plain[token] = _VALUES.unpack(token_digest(token))
            lowered[token] = tuple(map(demoted, lanes)) if token < CONTENT_BELOW and seen[token] > limit else lanes
        key = _keys(list(map(min, zip(*map(lowered.__getitem__, content)))))
        # Fewer than two rarer words: also the keys without demotion, in bands of
        # their own (see minhash.signatures and minhash.plain_pairs).
        if sum(1 for t in content if lowered[t] is plain[t]) < 2:
            key += _keys(list(map(min, zip(*map(plain.__getitem__, content)))))
        keys.append(key)
    return keys


def _keys(minima: list[int]) -> list[int]:
    return [sum(minima[b * ROWS + r] << (LANE * r) for r in range(ROWS)) for b in range(BANDS)]


def _pairs_sharing_key(keyed: Iterable[tuple[int, Hashable]]) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, of the numbers in each group of 2 to MAX_BUCKET members that
    share a key; `keyed` yields (number, key) in increasing number order."""
    groups: dict[Hashable, list[int]] = {}
    for number, key in keyed:
        groups.setdefault(key, []).append(number)
    return {pair for members in groups.values() if 1 < len(members) <= MAX_BUCKET
            for pair in combinations(members, 2)}
