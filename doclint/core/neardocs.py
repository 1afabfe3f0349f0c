"""Whole-document near duplicates, as corpus pipelines find them: MinHash over the
word shingles of each document's text, banded LSH for candidates, and the estimated
Jaccard similarity of the two signatures to verify a candidate. Used by the duplication
family's `near-duplicate-documents` kind and by `clean --drop-duplicate-records`."""
from __future__ import annotations

import re
from array import array
from functools import cache
from zlib import crc32

# Shingles of five words: long enough that two unrelated texts share few of them,
# short enough that one edited word changes only five.
SHINGLE_WORDS = 5
# 128 hash functions in 32 bands of 4 rows: a pair at Jaccard 0.8 shares a band with
# probability 1 - (1 - 0.8**4)**32 > 0.9999, a pair at 0.3 with 0.23 (and is then
# dropped by the signature comparison).
PERMUTATIONS = 128
BANDS = 32
ROWS = PERMUTATIONS // BANDS
# Documents with fewer words than this are not compared: a few shared shingles decide
# their similarity, and sentence rules cover them.
MIN_WORDS = 50
DEFAULT_THRESHOLD = 0.8
# A band bucket with more members than this rests on boilerplate shared by many
# documents; its pairs are still found through other bands when they are close.
MAX_BUCKET = 64
# Shingles are hashed a chunk at a time, so that memory stays PERMUTATIONS * CHUNK words.
_CHUNK = 4096
_WORD = re.compile(r"\w+")
_TEXT_WINDOW = 1 << 18  # characters of text turned into words at a time


@cache
def _hash_functions():
    """The fixed multipliers (odd) and offsets of the PERMUTATIONS hash functions. numpy
    is imported on first use: a run without this rule should not pay for it."""
    import numpy as np

    multipliers = np.random.default_rng(0x5EED).integers(1, 2**63, PERMUTATIONS, dtype=np.uint64) | np.uint64(1)
    offsets = np.random.default_rng(0xD0C).integers(0, 2**63, PERMUTATIONS, dtype=np.uint64)
    return np, multipliers[:, None], offsets[:, None]


def words_of(text: str) -> list[str]:
    """The case-folded words of a text, punctuation and markup signs left out."""
    return _WORD.findall(text.casefold())


def word_codes(text: str):
    """The crc32 of each case-folded word of `text`, as a numpy array, read a window of
    the text at a time: a list of every word of a 30 MB record would take gigabytes."""
    np, _, _ = _hash_functions()
    codes = array("Q")
    start, size = 0, len(text)
    while start < size:
        end = min(size, start + _TEXT_WINDOW)
        if end < size:  # cut after a character no word holds, so no word is split
            cut = end
            while cut > start and _WORD.match(text, cut - 1):
                cut -= 1
            end = cut if cut > start else end
        codes.extend(map(crc32, map(str.encode, words_of(text[start:end]))))
        start = end
    return np.frombuffer(codes, np.uint64) if codes else np.zeros(0, np.uint64)


def signature(text: str, min_words: int = MIN_WORDS) -> bytes | None:
    """The MinHash signature of a text's set of SHINGLE_WORDS-word shingles
    (PERMUTATIONS 32-bit minima), or None for a text of fewer than `min_words` words."""
    np, multipliers, offsets = _hash_functions()
    codes = word_codes(text)
    if len(codes) < max(min_words, SHINGLE_WORDS):
        return None
    count = len(codes) - SHINGLE_WORDS + 1
    shingles = np.zeros(count, np.uint64)
    for offset in range(SHINGLE_WORDS):  # a polynomial hash of each run of five words
        np.multiply(shingles, np.uint64(0x9E3779B97F4A7C15), out=shingles)
        np.add(shingles, codes[offset:offset + count], out=shingles)
    # A shingle seen twice changes no minimum, so repeats are not removed (no sorted copy).
    least = np.full(PERMUTATIONS, np.iinfo(np.uint64).max, np.uint64)
    buffer = np.empty((PERMUTATIONS, min(len(shingles), _CHUNK)), np.uint64)
    for start in range(0, len(shingles), _CHUNK):
        chunk = shingles[start:start + _CHUNK]
        hashed = buffer[:, :len(chunk)]
        # Multiply-shift hashing: the high bits of a * x + b (mod 2**64) are universal.
        np.multiply(multipliers, chunk[None, :], out=hashed)
        hashed += offsets
        np.minimum(least, hashed.min(axis=1), out=least)
    return (least >> np.uint64(32)).astype("<u4").tobytes()


def similarity(first: bytes, second: bytes) -> float:
    """The Jaccard similarity of two shingle sets, estimated from their signatures."""
    np = _hash_functions()[0]
    a, b = np.frombuffer(first, "<u4"), np.frombuffer(second, "<u4")
    return float(np.count_nonzero(a == b)) / PERMUTATIONS


def clusters(signatures: list[bytes | None], threshold: float) -> list[list[int]]:
    """Groups of the numbers of near-duplicate documents (estimated Jaccard at least
    `threshold` with some other member, taken transitively), each in order, sorted by
    its first member; documents without a signature and documents with no near copy
    are in none. No step compares every pair: candidates share a band of the signature."""
    present = [i for i, s in enumerate(signatures) if s is not None]
    if len(present) < 2:
        return []
    np = _hash_functions()[0]
    matrix = np.frombuffer(b"".join(signatures[i] for i in present), "<u4").reshape(len(present), PERMUTATIONS)
    groups = Components()
    checked: set[tuple[int, int]] = set()
    for band in range(BANDS):
        rows = matrix[:, band * ROWS:(band + 1) * ROWS]
        keys = np.ascontiguousarray(rows).view(np.dtype((np.void, rows.dtype.itemsize * ROWS))).ravel()
        order = np.argsort(keys, kind="stable")
        ordered = keys[order]
        new = np.concatenate(([True], ordered[1:] != ordered[:-1]))
        starts = np.flatnonzero(new).tolist() + [len(order)]
        for begin, end in zip(starts, starts[1:]):
            if end - begin < 2 or end - begin > MAX_BUCKET:
                continue
            members = sorted(order[begin:end].tolist())
            for at, i in enumerate(members):
                for j in members[at + 1:]:
                    if (i, j) in checked:
                        continue
                    checked.add((i, j))
                    if np.count_nonzero(matrix[i] == matrix[j]) >= threshold * PERMUTATIONS:
                        groups.join(present[i], present[j])
    return groups.groups()


class Components:
    """Documents joined in pairs, grouped transitively: whatever the order of the
    pairs, the same groups (each group's root is its least member)."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def root(self, i: int) -> int:
        parent = self.parent
        while parent.get(i, i) != i:
            parent[i] = parent.get(parent[i], parent[i])
            i = parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        ri, rj = self.root(i), self.root(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)
        self.parent.setdefault(min(ri, rj), min(ri, rj))

    def groups(self) -> list[list[int]]:
        """The groups of two or more documents, each in order, sorted by first member."""
        out: dict[int, list[int]] = {}
        for i in sorted(self.parent):
            out.setdefault(self.root(i), []).append(i)
        return sorted((g for g in out.values() if len(g) > 1), key=lambda g: g[0])


def band_words(signatures: list[bytes]):
    """Each signature's BANDS bands as two 64-bit words (a band's ROWS 32-bit values side
    by side): shape (documents, BANDS, 2). Two bands are equal when both words are."""
    np = _hash_functions()[0]
    assert ROWS * 4 == 16, "a band must fill two 64-bit words"
    return np.frombuffer(b"".join(signatures), "<u8").reshape(len(signatures), BANDS, 2)


def is_near(first: bytes, second: bytes, threshold: float) -> bool:
    """Whether two signatures agree on at least `threshold` of their values (the test
    clusters() applies to a candidate pair)."""
    np = _hash_functions()[0]
    return np.count_nonzero(np.frombuffer(first, "<u4") == np.frombuffer(second, "<u4")) >= threshold * PERMUTATIONS
