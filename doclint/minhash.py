"""Banded MinHash LSH over token-hash sets, and the token-level similarity that verifies pairs."""
from __future__ import annotations

from array import array
from hashlib import blake2b
from typing import Iterator, Sequence

from collections import Counter

from doclint.fingerprint import CODE, NEGATION, NUMBER, PREFIX_BITS, STOP

# 10 bands of 2 rows: a pair whose content-word sets have Jaccard 0.5 becomes a
# candidate with probability 1 - (1 - 0.5**2)**10 = 0.94, at 0.7 with 0.999; unrelated
# sentences (Jaccard near 0.1) only 10% of the time, and verification drops those.
BANDS = 10
ROWS = 2
WIDTH = BANDS * ROWS
# A bucket with more members than this is compared along a sliding window only, so
# that a frequent band value cannot make the candidate phase quadratic.
MAX_BUCKET = 64

_vector_cache: dict[int, array] = {}
_CACHE_LIMIT = 100_000


def _vector(token: int) -> array:
    """WIDTH independent 16-bit hash values of one token hash (one blake2b call, cached)."""
    vec = _vector_cache.get(token)
    if vec is None:
        if len(_vector_cache) >= _CACHE_LIMIT:
            _vector_cache.clear()
        vec = array("H", blake2b(token.to_bytes(4, "little"), digest_size=2 * WIDTH).digest())
        _vector_cache[token] = vec
    return vec


def signature(token_hashes: Sequence[int]) -> tuple[int, ...]:
    """The MinHash signature of a sentence's content-word set (all words when it has
    fewer than two content words): WIDTH minima, each under its own hash function."""
    content = {t for t in token_hashes if not t & STOP}
    if len(content) < 2:
        content = set(token_hashes)
    # zip(*vectors) and min() run in C: one row of WIDTH values per token.
    return tuple(map(min, zip(*[_vector(t) for t in content])))


def candidate_pairs(signatures: array, count: int) -> set[int]:
    """Pairs (i, j), i < j, of sentence numbers that share a band, packed as i << 32 | j.

    `signatures` holds `count` signatures of WIDTH values back to back. One band at a
    time, keys are packed with the sentence number into ints and sorted, so the only
    extra memory is one list of `count` ints."""
    pairs: set[int] = set()
    for band in range(BANDS):
        keyed = []
        for i in range(count):
            base = i * WIDTH + band * ROWS
            keyed.append((signatures[base] << 48) | (signatures[base + 1] << 32) | i)
        pairs_sharing_key(keyed, pairs)
    return pairs


def pairs_sharing_key(keyed: list[int], pairs: set[int]) -> None:
    """Add to `pairs` the pairs of numbers whose keys are equal; `keyed` holds
    key << 32 | number for each number (it is sorted in place)."""
    keyed.sort()
    count = len(keyed)
    start = 0
    while start < count:
        key = keyed[start] >> 32
        end = start + 1
        while end < count and keyed[end] >> 32 == key:
            end += 1
        if end - start > 1:
            _pairs_in_bucket([k & 0xFFFFFFFF for k in keyed[start:end]], pairs)
        start = end


def _pairs_in_bucket(members: list[int], pairs: set[int]) -> None:
    span = len(members)
    window = span if span <= MAX_BUCKET else MAX_BUCKET
    for a in range(span):
        left = members[a]
        for b in range(a + 1, min(span, a + window)):
            pairs.add((left << 32) | members[b])


def iter_pairs(pairs: set[int]) -> Iterator[tuple[int, int]]:
    for packed in sorted(pairs):
        yield packed >> 32, packed & 0xFFFFFFFF


def similarity(first: Sequence[int], second: Sequence[int], floor: float = 0.0) -> float:
    """1 - (word-level edit distance / longer length), where a swap of two neighbouring
    words counts as one edit. Returns 0.0 early when the result must fall below `floor`."""
    n, m = len(first), len(second)
    longest = max(n, m)
    if not longest:
        return 1.0
    budget = int((1.0 - floor) * longest + 1e-9)  # edits we can afford
    if abs(n - m) > budget:
        return 0.0
    prev2: list[int] = []
    prev = list(range(m + 1))
    big = longest + 1
    for i in range(1, n + 1):
        cur = [big] * (m + 1)
        cur[0] = i
        lo, hi = max(1, i - budget), min(m, i + budget)
        a = first[i - 1]
        best = cur[0] if lo == 1 else big
        for j in range(lo, hi + 1):
            cost = 0 if a == second[j - 1] else 1
            value = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == second[j - 1]:
                value = min(value, prev2[j - 2] + 1)
            cur[j] = value
            if value < best:
                best = value
        if best > budget:
            return 0.0
        prev2, prev = prev, cur
    distance = prev[m]
    return 0.0 if distance > budget else 1.0 - distance / longest


def changes_content(first: Sequence[int], second: Sequence[int]) -> bool:
    """Whether `second` puts a different content word where `first` had one ("a concept
    topic" / "a task topic"): then it says something else, however similar the wording.
    Function words, numbers and spelling variants (same first four letters, not code)
    may change; content words may be added or dropped; a negation may not."""
    if sum(1 for t in first if t & NEGATION) != sum(1 for t in second if t & NEGATION):
        return True
    only_first = Counter(t for t in first if not t & (STOP | NUMBER)) - Counter(second)
    only_second = Counter(t for t in second if not t & (STOP | NUMBER)) - Counter(first)
    if not only_first or not only_second:
        return False
    variants = {t & PREFIX_BITS for t in only_first if not t & CODE}
    return any(t & CODE or t & PREFIX_BITS not in variants for t in only_second)


def near_score(first: Sequence[int], second: Sequence[int], cutoff: float) -> float:
    """similarity() when it reaches `cutoff` and no content word was replaced, else 0.0."""
    score = similarity(first, second, cutoff)
    if score < cutoff or changes_content(first, second):
        return 0.0
    return score


def is_cut_copy(first: Sequence[int], second: Sequence[int]) -> bool:
    """Whether the shorter sentence is the longer one cut off after some words."""
    short, long_ = (first, second) if len(first) < len(second) else (second, first)
    return len(short) < len(long_) and list(long_[:len(short)]) == list(short)
