"""Banded MinHash LSH over token-hash sets, and the token-level similarity that verifies pairs."""
from __future__ import annotations

from array import array
from collections import Counter
from hashlib import blake2b
from itertools import compress
from typing import Iterable, Iterator, Sequence

from rapidfuzz.distance import OSA

from doclint.fingerprint import CODE, NEGATION, NUMBER, PREFIX_BITS, STOP

# 8 bands of 3 rows over the rarer content words. A copy with a content word added or
# dropped (Jaccard 5/6 for five such words) becomes a candidate with probability
# 1 - (1 - (5/6)**3)**8 = 0.999, one with a misspelt word (Jaccard 4/6) with 0.94;
# changes to function words and numbers leave the set as it is. Three rows, not two:
# when one word holds the minimum of every row, the band key rests on that one word.
BANDS = 8
ROWS = 3
WIDTH = BANDS * ROWS
# A band bucket with more members than this is skipped: it rests on one word that holds
# the minimum of every row (a near copy shares most of the eight bands, so it is
# found through another band), and comparing its members would make the phase quadratic.
MAX_BUCKET = 16
# Content words in more than this share of the unique sentences (and more than
# FREQUENT_MIN of them) are demoted in signatures (see band_keys).
FREQUENT_SHARE = 0.002
FREQUENT_MIN = 20

# A token's WIDTH 16-bit hash values are packed in one int, 17 bits a lane (16 value bits
# and a guard bit), so that the lane-wise minimum of two tokens takes a few big-int
# operations instead of a Python loop over WIDTH values; ROWS lanes side by side are a
# band key as they stand (51 bits: no hashing, no collisions).
LANE = 17
_BAND_BITS = LANE * ROWS
_BAND_MASK = (1 << _BAND_BITS) - 1
_BAND_SHIFTS = tuple(range(0, _BAND_BITS * BANDS, _BAND_BITS))
_GUARDS = sum(1 << (LANE * j + 16) for j in range(WIDTH))
_VALUES = sum(0xFFFF << (LANE * j) for j in range(WIDTH))
_TOP = sum(0xC000 << (LANE * j) for j in range(WIDTH))
# A token code without the STOP and NUMBER flags (the top two bits) is below this, so
# content words are filtered in C.
_CONTENT_BELOW = min(STOP, NUMBER)
assert STOP | NUMBER == 3 << 30
_CACHE_LIMIT = 100_000


def _packed(token: int) -> int:
    """WIDTH independent 16-bit hash values of one token (one blake2b call)."""
    values = array("H", blake2b(token.to_bytes(4, "little"), digest_size=2 * WIDTH).digest())
    packed = 0
    for value in reversed(values):
        packed = (packed << LANE) | value
    return packed


class _Signatures(dict):
    """token -> its packed values, computed on first lookup and kept (bounded); built
    over a frequent_tokens() map, whose demoted values it keeps when it is refilled."""

    def __init__(self, fixed: dict[int, int] = {}) -> None:  # noqa: B006
        super().__init__(fixed)
        self.fixed = dict(fixed)

    def __missing__(self, token: int) -> int:
        if len(self) >= _CACHE_LIMIT + len(self.fixed):
            self.clear()
            self.update(self.fixed)
        value = self[token] = _packed(token)
        return value


_packed_cache = _Signatures()


def lane_min(a: int, b: int) -> int:
    """The lane-wise minimum of two packed signatures (SWAR: a guard bit survives the
    subtraction in exactly the lanes where a >= b)."""
    take_b = (((a | _GUARDS) - b) & _GUARDS) >> 16
    take_b *= 0xFFFF
    return (b & take_b) | (a & (_VALUES ^ take_b))


def frequent_tokens(sentences: Iterable[Sequence[int]], count: int,
                    less: Iterable[Sequence[int]] = ()) -> dict[int, int]:
    """Content words found in more than FREQUENT_SHARE of `count` sentences.

    A frequent word whose hash happens to be small is the minimum of every sentence
    holding it, so a band resting on such words would put thousands of unrelated
    sentences in one bucket; signatures demote these words, as IDF weighting would."""
    seen: Counter = Counter()
    for tokens in sentences:
        seen.update(tokens)  # counts repeats within a sentence too: close enough, and in C
    for tokens in less:  # sentences counted above that are not to be counted
        seen.subtract(tokens)
    limit = max(FREQUENT_MIN, int(count * FREQUENT_SHARE))
    return _Signatures({t: _demoted(_packed_cache[t]) for t, n in seen.items()
                        if n > limit and not t & (STOP | NUMBER)})


def band_keys(token_hashes: Sequence[int], frequent: dict[int, int] = {}) -> list[int]:  # noqa: B006
    """The BANDS band keys of a sentence's MinHash signature over its set of content
    words (all words when it has fewer than two). The signature has WIDTH minima, each
    under its own hash function; a band key is ROWS of them side by side.
    `frequent` (from frequent_tokens) maps frequent words to their values moved to the
    top quarter of the range, so they hold a minimum only when the rarer words of the
    sentence do not."""
    content = set(filter(_CONTENT_BELOW.__gt__, token_hashes))
    if len(content) < 2:
        content = set(token_hashes)
    if type(frequent) is not _Signatures:
        frequent = _Signatures(frequent) if frequent else _packed_cache
    packed = list(map(frequent.__getitem__, content))
    guards = _GUARDS
    mins = packed.pop() | guards  # guard bits set throughout; the updates never touch them
    for other in packed:  # lane_min(), inlined: this loop runs once per content word
        take = (mins - other) & guards  # guard bits of the lanes where other <= mins
        mins ^= (mins ^ other) & (take - (take >> 16))  # 0xFFFF in those lanes
    mins ^= guards
    return [(mins >> shift) & _BAND_MASK for shift in _BAND_SHIFTS]


def _demoted(packed: int) -> int:
    """Each lane's value v becomes 0xC000 + v // 4."""
    return ((packed >> 2) & _VALUES) | _TOP


def candidate_pairs(keys: array, count: int) -> set[int]:
    """Pairs (i, j), i < j, of sentence numbers that share a band, packed as i << 32 | j.

    `keys` holds the BANDS band keys of `count` sentences back to back. One band at a
    time, keys are packed with the sentence number into ints and sorted, so the only
    extra memory is one list of `count` ints."""
    pairs: set[int] = set()
    for band in range(BANDS):
        column = keys[band::BANDS]
        # Most keys are unique: find the repeated ones with C-level passes (count,
        # filter) and hand only their sentences to pairs_sharing_key.
        counts = Counter(column)
        repeated = set(compress(counts, map((1).__lt__, counts.values())))
        if repeated:
            members = compress(range(count), map(repeated.__contains__, column))
            pairs_sharing_key([(column[i] << 32) | i for i in members], pairs)
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
    if len(members) > MAX_BUCKET:
        return
    for a, left in enumerate(members):
        for right in members[a + 1:]:
            pairs.add((left << 32) | right)


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
