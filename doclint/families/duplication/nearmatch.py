"""Verifying a near-duplicate candidate pair: word-level edit similarity and content checks."""
from __future__ import annotations

from collections import Counter
from functools import cache
from typing import Sequence

from doclint.families.duplication.fingerprint import CODE, NEGATION, NUMBER, PREFIX_BITS, STOP
from doclint.families.duplication.fingerprint import code as fp_code


@cache
def _osa():
    """rapidfuzz's OSA distance, imported when first needed: most small runs never get
    that far, and rapidfuzz takes a while to load."""
    from rapidfuzz.distance import OSA

    return OSA


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
    distance = _osa().distance(first, second, score_cutoff=budget)
    return 0.0 if distance > budget else 1.0 - distance / longest


# Function words that reverse or move what a sentence says when swapped for one
# another ("rendered before the ignore" / "after the ignore", "MUST" / "MAY"): in a
# near copy they count as content words.
_CONTRASTS = frozenset(fp_code(w) for w in """
after before above below over under with without more less most least first last
always never must may should shall can could will would might""".split())


# Of those, the ones that qualify a statement on their own: left out, they change it
# ("when the object is first saved" / "when an object is saved"). A preposition left
# out goes with its phrase, as a cut copy loses "Packages with" at its start.
_QUALIFIERS = frozenset(fp_code(w) for w in """
first last always never must may should shall can could will would might more less most least""".split())


def changes_content(first: Sequence[int], second: Sequence[int]) -> bool:
    """Whether `second` says something other than `first`: it puts a different content
    word where `first` had one ("a concept topic" / "a task topic"; a number, inline
    code or a word such as before/after counts as content), adds a content word that
    `first` lacks ("string literals" / "byte string literals"), leaves out a number,
    code or a qualifier ("when the object is first saved" / "when an object is
    saved") or adds or drops a negation. Other function words may change, other content
    words may be dropped, and a word may be misspelt (the same first four letters, not
    code)."""
    if sum(1 for t in first if t & NEGATION) != sum(1 for t in second if t & NEGATION):
        return True
    only_first = Counter(t for t in first if _is_content(t)) - Counter(second)
    only_second = Counter(t for t in second if _is_content(t)) - Counter(first)
    if any(t & (CODE | NUMBER) or t in _QUALIFIERS for t in only_first):
        return True  # an option, a value or a qualifier ("first saved") left out: another statement
    if not only_second:
        return not only_first and _content_moved(first, second)
    if not only_first:
        return True
    return _replaced(only_first, only_second)


def _replaced(only_first: Counter, only_second: Counter) -> bool:
    """Whether a word only the second sentence holds stands where another one was, not
    as its misspelling: a misspelling keeps a word's first letters, and code and numbers
    are never misspelt ("8.2.2947" / "8.2.0338" are two patches)."""
    variants = {t & PREFIX_BITS for t in only_first if not t & (CODE | NUMBER)}
    return any(t & (CODE | NUMBER) or t & PREFIX_BITS not in variants for t in only_second)


def only_slips(first: Sequence[int], second: Sequence[int]) -> bool:
    """Whether two near copies keep the same content words in the same order, give or
    take a misspelling (the same first four letters, not code or a number): what
    differs is function words, case or punctuation, as when a sentence is pasted and
    slipped on. Parallel text written for another entry drops, adds or rewords content
    ("the link path returned" / "the path returned")."""
    ours, theirs = _content(first), _content(second)
    if len(ours) != len(theirs):
        return False
    return all(x == y or (not (x | y) & (CODE | NUMBER) and x & PREFIX_BITS == y & PREFIX_BITS)
               for x, y in zip(ours, theirs))


def _content_moved(first: Sequence[int], second: Sequence[int]) -> bool:
    """Whether the same content words stand in another order, other than two
    neighbours swapped (a slip of the keyboard): "a Python 2 module in a Python 3
    project" / "a Python 3 module in a Python 2 project" say opposite things."""
    ours, theirs = _content(first), _content(second)
    if ours == theirs:
        return False
    moved = [k for k, (x, y) in enumerate(zip(ours, theirs)) if x != y]
    return not (len(moved) == 2 and moved[1] == moved[0] + 1)


def _content(tokens: Sequence[int]) -> list[int]:
    """The content words of a sentence's tokens, in order."""
    return [t for t in tokens if _is_content(t)]


def _is_content(token: int) -> bool:
    return not token & STOP or token in _CONTRASTS


_ARTICLES = frozenset(fp_code(w) for w in ("a", "an", "the"))


def reworded(first: Sequence[int], second: Sequence[int]) -> bool:
    """Whether `second` puts another word in place of one of `first`'s, other than a
    misspelling of it (the same first four letters): "if set from a modeline" / "when
    set from a modeline", "the table of" / "the table in". A pasted sentence slips by
    losing, doubling or swapping words, by a misspelt one or by another article ("a"
    for "the"); a word chosen in place of another is the sentence fitted to where it
    stands."""
    only_first = Counter(t for t in first if t not in _ARTICLES) - Counter(second)
    only_second = Counter(t for t in second if t not in _ARTICLES) - Counter(first)
    return bool(only_first and only_second) and _replaced(only_first, only_second)


def near_score(first: Sequence[int], second: Sequence[int], cutoff: float) -> float:
    """similarity() when it reaches `cutoff` and no content word was replaced, else 0.0."""
    score = similarity(first, second, cutoff)
    if score < cutoff or changes_content(first, second):
        return 0.0
    return score


def copy_score(first: Sequence[int], second: Sequence[int], cutoff: float) -> float:
    """near_score() of a pair that DL202 reports: 0.0 also when a word was replaced by
    another (reworded). A reworded neighbour still counts as the same statement where
    parallel_text looks for variants that say something else."""
    score = near_score(first, second, cutoff)
    return 0.0 if score and reworded(first, second) else score


def is_cut_copy(first: Sequence[int], second: Sequence[int]) -> bool:
    """Whether the shorter sentence is the longer one cut off after some words."""
    short, long_ = (first, second) if len(first) < len(second) else (second, first)
    return len(short) < len(long_) and list(long_[:len(short)]) == list(short)
