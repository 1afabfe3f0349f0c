"""Banded MinHash LSH over the content words of many sentences at once, and grouping
by key: both as whole-array passes (numpy), so that the cost per sentence stays in C."""
from __future__ import annotations

from hashlib import blake2b

import numpy as np

from doclint.fingerprint import NUMBER, STOP

# 8 bands of 3 rows over the rarer content words. A copy with a content word added or
# dropped (Jaccard 5/6 for five such words) becomes a candidate with probability
# 1 - (1 - (5/6)**3)**8 = 0.999, one with a misspelt word (Jaccard 4/6) with 0.94;
# changes to function words and numbers leave the set as it is. Three rows, not two:
# when one word holds the minimum of every row, the band key rests on that one word.
BANDS = 8
ROWS = 3
WIDTH = BANDS * ROWS
# A group of more than this many sentences sharing a key is skipped: a band bucket that
# big rests on one word that holds the minimum of every row (a near copy shares most of
# the eight bands, so it is found through another band), and comparing its members
# would make the phase quadratic.
MAX_BUCKET = 16
# Content words in more than this share of the sentences (and more than FREQUENT_MIN of
# them) are demoted in signatures (see signatures()).
FREQUENT_SHARE = 0.002
FREQUENT_MIN = 20
# A band key is its ROWS 16-bit minima side by side, LANE bits apart (no hashing, so no
# collisions between different minima).
LANE = 17
# A token code without the STOP and NUMBER flags (the top two bits) is below this.
CONTENT_BELOW = min(STOP, NUMBER)
assert STOP | NUMBER == 3 << 30


def token_values(tokens: np.ndarray) -> np.ndarray:
    """The WIDTH independent 16-bit hash values of each token code: an array of shape
    (len(tokens), WIDTH), from one blake2b call per token."""
    digests = b"".join(blake2b(token.to_bytes(4, "little"), digest_size=2 * WIDTH).digest()
                       for token in tokens.tolist())
    return np.frombuffer(digests, "<u2").reshape(-1, WIDTH).copy()


def signatures(tokens: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """MinHash signatures of n sentences whose token codes lie end to end in `tokens`
    (sentence k is tokens[starts[k]:starts[k + 1]], none empty), shape (WIDTH, n).

    A signature holds, under each of WIDTH hash functions, the least value over the
    sentence's set of content words (all its words when it has fewer than two distinct
    ones). A content word found in more than FREQUENT_SHARE of the sentences has its
    values moved to the top quarter of the range, so it holds a minimum only when the
    rarer words of its sentence do not: a frequent word whose hash happens to be small
    would otherwise put thousands of unrelated sentences in one band bucket (this is
    IDF weighting in its simplest form)."""
    count = len(starts) - 1
    heads = starts[:-1]
    content = tokens < CONTENT_BELOW
    least = np.minimum.reduceat(np.where(content, tokens, np.uint32(0xFFFFFFFF)), heads)
    most = np.maximum.reduceat(np.where(content, tokens, np.uint32(0)), heads)
    # The words that count: every word of a sentence with fewer than two distinct
    # content words, the content words of the others (none of them left empty).
    counted = content | np.repeat(least >= most, np.diff(starts))
    heads = np.concatenate(([0], np.cumsum(np.add.reduceat(counted, heads, dtype=np.int64))[:-1]))
    tokens = tokens[counted]
    del content, least, most, counted
    vocabulary, seen = np.unique(tokens, return_counts=True)
    values = token_values(vocabulary)
    limit = max(FREQUENT_MIN, int(count * FREQUENT_SHARE))
    frequent = (seen > limit) & (vocabulary & (STOP | NUMBER) == 0)
    values[frequent] = (values[frequent] >> 2) | 0xC000
    lanes = np.ascontiguousarray(values.T)  # one hash function a row
    words = np.searchsorted(vocabulary, tokens)
    out = np.empty((WIDTH, count), np.uint16)
    for lane, row in zip(lanes, out):
        row[:] = np.minimum.reduceat(lane[words], heads)
    return out


def band_keys(signature: np.ndarray) -> np.ndarray:
    """The BANDS band keys of each sentence, shape (BANDS, n): band b is the minima
    b * ROWS ... b * ROWS + ROWS - 1 of its signature, LANE bits apart."""
    wide = signature.astype(np.uint64)
    keys = wide[0::ROWS].copy()
    for row in range(1, ROWS):
        keys |= wide[row::ROWS] << (LANE * row)
    return keys


def candidate_pairs(keys: np.ndarray) -> np.ndarray:
    """The distinct pairs (i, j), i < j, of sentences that share a key in some row
    (band) of `keys`, sorted and packed as i << 32 | j."""
    found = [pairs_sharing_key(*grouped(band)) for band in keys]
    return np.unique(np.concatenate(found)) if found else np.empty(0, np.uint64)


def grouped(column: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Row numbers in key order (equal keys in row order) and, for each, whether it
    begins a new key."""
    order = np.argsort(column, kind="stable")
    ordered = column[order]
    return order, np.concatenate(([True], ordered[1:] != ordered[:-1]))


def grouped_rows(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """grouped() for keys that are whole rows of a 2-D array."""
    order = np.lexsort(rows.T[::-1])  # stable, first column first
    ordered = rows[order]
    return order, np.concatenate(([True], (ordered[1:] != ordered[:-1]).any(axis=1)))


def pairs_sharing_key(order: np.ndarray, new: np.ndarray) -> np.ndarray:
    """The pairs of numbers in each group of 2 to MAX_BUCKET members, packed as
    i << 32 | j with i before j in `order` (groups are runs of `order` that begin where
    `new` is true)."""
    starts = np.flatnonzero(new)
    sizes = np.diff(np.append(starts, len(order)))
    kept = np.repeat((sizes > 1) & (sizes <= MAX_BUCKET), sizes)
    at = np.flatnonzero(kept)
    end = np.repeat(starts + sizes, sizes)[kept]
    numbers = order.astype(np.uint64)
    found = []
    for step in range(1, MAX_BUCKET):
        has_partner = at + step < end
        at, end = at[has_partner], end[has_partner]
        if not len(at):
            break
        found.append((numbers[at] << 32) | numbers[at + step])
    return np.concatenate(found) if found else np.empty(0, np.uint64)


def unpack_pairs(pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return (pairs >> 32).astype(np.int64), (pairs & 0xFFFFFFFF).astype(np.int64)
