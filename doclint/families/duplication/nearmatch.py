"""Verifying a near-duplicate candidate pair: word-level edit similarity and content checks."""
from __future__ import annotations

from collections import Counter
from typing import Sequence

from rapidfuzz.distance import OSA

from doclint.families.duplication.fingerprint import CODE, NEGATION, NUMBER, PREFIX_BITS, STOP


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
    # Words of the longer sentence missing from the shorter one each cost an edit: a
    # set intersection (in C) rules out most candidates before the quadratic loop.
    shorter = first if n <= m else second
    shared = len(set(first).intersection(second)) + len(shorter) - len(set(shorter))
    if longest - shared > budget:
        return 0.0
    # Optimal string alignment distance (edits plus adjacent swaps) in C: the same
    # number as the textbook dynamic programme, hundreds of times faster.
    distance = OSA.distance(first, second, score_cutoff=budget)
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
