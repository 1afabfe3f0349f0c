"""Grouping for big runs: exact clusters, banded MinHash LSH over the content words of
every sentence at once and candidate pairs, all as whole-array passes (numpy), so that
the cost per sentence stays in C. doclint.families.duplication.smallgroups gives the same results in plain
Python for small runs."""
from __future__ import annotations

import numpy as np

from doclint.families.duplication.facts import CUT_COPY_WORDS, LOW, SHIFT, DocFacts
from doclint.families.duplication.lsh import (
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


def clusters(docs: list[DocFacts]) -> tuple[list[int], list[list[int]]]:
    """The first occurrence of every distinct fingerprint (global numbers, in document
    order), and the occurrences of each fingerprint found more than once (one list per
    fingerprint, in order of first occurrence). Singletons never get a list of their own."""
    counts = np.array([len(doc.fingerprints) for doc in docs], np.int64)
    if not counts.sum():
        return [], []
    prints = np.concatenate([np.frombuffer(doc.fingerprints, np.uint64) for doc in docs])
    order, new = shared_in_order(prints)  # the sentences whose fingerprint another one shares
    del prints
    numbers = global_numbers(counts)
    first = np.ones(len(numbers), bool)
    first[order[~new]] = False
    firsts = numbers[first].tolist()
    members = numbers[order].tolist()
    starts = np.flatnonzero(new)
    ends = starts[1:].tolist() + [len(members)]
    repeated = [members[start:end] for start, end in zip(starts.tolist(), ends)]
    repeated.sort(key=lambda g: g[0])
    return firsts, repeated


def global_numbers(counts: np.ndarray) -> np.ndarray:
    """The global number (document << SHIFT | index) of every sentence, in order, for
    documents holding `counts` sentences."""
    total = int(counts.sum())
    offsets = np.cumsum(counts) - counts
    docs = np.repeat(np.arange(len(counts), dtype=np.uint64), counts)
    index = (np.arange(total, dtype=np.int64) - np.repeat(offsets, counts)).astype(np.uint64)
    return (docs << SHIFT) | index


def near_candidates(docs: list[DocFacts], firsts: list[int],
                    cutoff: float) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Candidate pairs (i, j), i < j, of the sentences `firsts[i]`, sorted: those that
    share a MinHash band and pass the quick similarity tests at `cutoff`, and those of
    CUT_COPY_WORDS words or more that begin with the same CUT_COPY_WORDS words."""
    tokens, starts = _unique_tokens(docs, firsts)
    lengths = np.diff(starts)
    signature, plain, few = signatures(tokens, starts)
    left, right = unpack_pairs(distinct(np.concatenate(
        (candidate_pairs(band_keys(signature)), plain_pairs(plain, few)))))
    del signature, plain, few
    close = may_reach(tokens, starts, left, right, cutoff)
    near = list(zip(left[close].tolist(), right[close].tolist()))
    del left, right, close
    long_enough = np.flatnonzero(lengths >= CUT_COPY_WORDS)
    heads = row_keys(tokens[starts[long_enough][:, None] + np.arange(CUT_COPY_WORDS)])
    order, new = grouped(heads)
    left, right = unpack_pairs(distinct(pairs_sharing_key(long_enough[order], new)))
    return near, list(zip(left.tolist(), right.tolist()))


def _unique_tokens(docs: list[DocFacts], firsts: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """The token codes of the sentences `firsts` end to end, and where each begins (plus
    the end): the input of signatures()."""
    tokens = np.concatenate([np.frombuffer(doc.tokens, np.uint32) for doc in docs])
    lengths = np.concatenate([np.diff(np.frombuffer(doc.starts, np.uint32).astype(np.int64)) for doc in docs])
    counts = np.array([len(doc.starts) - 1 for doc in docs], np.int64)
    chosen = np.asarray(firsts, np.uint64)
    rows = (np.cumsum(counts) - counts)[(chosen >> SHIFT).astype(np.int64)] + (chosen & LOW).astype(np.int64)
    wanted = np.zeros(len(lengths), bool)
    wanted[rows] = True
    tokens = tokens[np.repeat(wanted, lengths)]
    starts = np.zeros(len(rows) + 1, np.int64)
    np.cumsum(lengths[rows], out=starts[1:])
    return tokens, starts


def token_values(tokens: np.ndarray) -> np.ndarray:
    """The WIDTH independent 16-bit hash values of each token code: an array of shape
    (len(tokens), WIDTH), from one blake2b call per token."""
    digests = b"".join(map(token_digest, tokens.tolist()))
    return np.frombuffer(digests, "<u2").reshape(-1, WIDTH).copy()


def signatures(tokens: np.ndarray, starts: np.ndarray,
               frequent_words: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """MinHash signatures of n sentences whose token codes lie end to end in `tokens`
    (sentence k is tokens[starts[k]:starts[k + 1]], none empty), shape (WIDTH, n).

    A signature holds, under each of WIDTH hash functions, the least value over the
    sentence's set of content words (all its words when it has fewer than two distinct
    ones). A content word found in more than FREQUENT_SHARE of the sentences has its
    values moved to the top quarter of the range, so it holds a minimum only when the
    rarer words of its sentence do not: a frequent word whose hash happens to be small
    would otherwise put thousands of unrelated sentences in one band bucket (this is
    IDF weighting in its simplest form).

    Returns the signatures; which sentences hold fewer than two distinct words that
    are not frequent (`few`); and, for those sentences alone, in order, their
    signatures without demotion. With `frequent_words` (sorted token codes), those are
    the frequent words, counted over a whole run of which these sentences are a part
    (doclint.families.duplication.near_ranges): a sentence's signature depends on
    nothing else of the run."""
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
    vocabulary, seen, words = _vocabulary(tokens)
    values = token_values(vocabulary)
    if frequent_words is None:
        frequent = seen > max(FREQUENT_MIN, int(count * FREQUENT_SHARE))
    else:
        frequent = np.isin(vocabulary, frequent_words, assume_unique=True)
    frequent &= vocabulary < CONTENT_BELOW
    # Sentences with fewer than two distinct rarer words: their one rare word would hold
    # every minimum, and a copy that dropped it would share no band with them, so they
    # get a second signature without demotion (plain_pairs()).
    rare = ~frequent[words]
    least = np.minimum.reduceat(np.where(rare, tokens, np.uint32(0xFFFFFFFF)), heads)
    most = np.maximum.reduceat(np.where(rare, tokens, np.uint32(0)), heads)
    few = least >= most
    del rare, least, most
    lengths = np.diff(np.append(heads, len(words)))
    few_lengths = lengths[few]
    few_heads = np.concatenate(([0], np.cumsum(few_lengths)[:-1])) if len(few_lengths) else few_lengths
    plain = _minima(values, words[np.repeat(few, lengths)], few_heads, len(few_lengths))
    values[frequent] = demoted(values[frequent])
    return _minima(values, words, heads, count), plain, few


def _minima(values: np.ndarray, words: np.ndarray, heads: np.ndarray, count: int) -> np.ndarray:
    """Per lane, the least value of each run of `words` that begins at `heads`."""
    out = np.empty((WIDTH, count), np.uint16)
    if not count:
        return out
    lanes = np.ascontiguousarray(values.T)  # one hash function a row
    for lane, row in zip(lanes, out):
        row[:] = np.minimum.reduceat(lane[words], heads)
    return out


def plain_pairs(plain: np.ndarray, few: np.ndarray) -> np.ndarray:
    """Candidate pairs (packed as candidate_pairs() packs them) among the sentences
    `few` by `plain`, their signatures without demotion (one column each, in order)."""
    chosen = np.flatnonzero(few).astype(np.uint64)
    if len(chosen) < 2:
        return np.empty(0, np.uint64)
    left, right = unpack_pairs(candidate_pairs(band_keys(plain)))
    return (chosen[left] << np.uint64(32)) | chosen[right]


def _vocabulary(tokens: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """np.unique(tokens, return_counts=True, return_inverse=True), from one sort of
    token << 32 | position (numpy sorts plain ints several times faster than argsort)."""
    packed = tokens.astype(np.uint64)
    packed <<= 32
    packed |= np.arange(len(tokens), dtype=np.uint32)
    packed.sort()
    ordered = (packed >> 32).astype(np.uint32)
    positions = packed.astype(np.uint32)  # the low halves
    del packed
    new = np.empty(len(ordered), bool)
    new[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    inverse = np.empty(len(ordered), np.int32)
    inverse[positions] = np.cumsum(new, dtype=np.int32) - 1
    starts = np.flatnonzero(new)
    return ordered[starts], np.diff(np.append(starts, len(ordered))), inverse


def band_keys(signature: np.ndarray) -> np.ndarray:
    """The BANDS band keys of each sentence, shape (BANDS, n): band b is the minima
    b * ROWS ... b * ROWS + ROWS - 1 of its signature, LANE bits apart."""
    keys = signature[0::ROWS].astype(np.uint64)
    for row in range(1, ROWS):
        keys |= signature[row::ROWS].astype(np.uint64) << (LANE * row)
    return keys


def candidate_pairs(keys: np.ndarray) -> np.ndarray:
    """The distinct pairs (i, j), i < j, of sentences that share a key in some row
    (band) of `keys`, sorted and packed as i << 32 | j."""
    found = [pairs_sharing_key(*grouped(band)) for band in keys]
    return distinct(np.concatenate(found)) if found else np.empty(0, np.uint64)


def distinct(values: np.ndarray) -> np.ndarray:
    """np.unique(values) for a 1-D array, by a plain sort (np.unique is many times
    slower here)."""
    ordered = np.sort(values)
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))] if len(ordered) else ordered


def grouped(column: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Row numbers in key order (equal keys in no set order) and, for each, whether it
    begins a new key."""
    order = np.argsort(column)
    keys = column[order]
    return order, np.concatenate(([True], keys[1:] != keys[:-1]))


def shared_in_order(column: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """grouped() for only the rows whose key another row shares, equal keys in row
    order. Most keys are unique: a plain sort finds the repeated ones, and only their
    rows are sorted by key (a stable argsort of every row costs ten times as much)."""
    ordered = np.sort(column)
    repeated = distinct(ordered[1:][ordered[1:] == ordered[:-1]])
    if not len(repeated):
        return np.empty(0, np.int64), np.empty(0, bool)
    at = np.minimum(np.searchsorted(repeated, column), len(repeated) - 1)
    rows = np.flatnonzero(repeated[at] == column)
    order = rows[np.argsort(column[rows], kind="stable")]
    keys = column[order]
    return order, np.concatenate(([True], keys[1:] != keys[:-1]))


def row_keys(rows: np.ndarray) -> np.ndarray:
    """A 64-bit key for each row of a 2-D array of 32-bit ints (a polynomial hash:
    rows that differ share a key only by a 2**-64 chance)."""
    keys = np.zeros(len(rows), np.uint64)
    for column in rows.T:
        keys = keys * np.uint64(0x9E3779B97F4A7C15) + column.astype(np.uint64)
    return keys


def bucket_positions(new: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The positions (p, q), p < q, of every two members of each group of 2 to
    MAX_BUCKET members (groups are runs that begin where `new` is true), step by step:
    first the members one apart, then two apart, and so on."""
    starts = np.flatnonzero(new)
    sizes = np.diff(np.append(starts, len(new)))
    kept = np.repeat((sizes > 1) & (sizes <= MAX_BUCKET), sizes)
    at = np.flatnonzero(kept)
    end = np.repeat(starts + sizes, sizes)[kept]
    first, second = [np.empty(0, np.int64)], [np.empty(0, np.int64)]
    for step in range(1, MAX_BUCKET):
        has_partner = at + step < end
        at, end = at[has_partner], end[has_partner]
        if not len(at):
            break
        first.append(at)
        second.append(at + step)
    return np.concatenate(first), np.concatenate(second)


def pairs_sharing_key(order: np.ndarray, new: np.ndarray) -> np.ndarray:
    """The pairs of numbers in each group of 2 to MAX_BUCKET members, packed as
    i << 32 | j with i < j (groups are runs of `order` that begin where `new` is true)."""
    numbers = order.astype(np.uint64)
    at, partner = bucket_positions(new)
    first, second = numbers[at], numbers[partner]
    return (np.minimum(first, second) << np.uint64(32)) | np.maximum(first, second)


def may_reach(tokens: np.ndarray, starts: np.ndarray, left: np.ndarray, right: np.ndarray,
              cutoff: float) -> np.ndarray:
    """For each pair of sentences (left[k], right[k]), whether it passes the two quick
    tests of nearmatch.similarity() at `cutoff`, with the same arithmetic for all pairs
    at once: the difference in length, and the words of the longer sentence missing
    from the shorter one (each costs an edit). Most candidate pairs fail them."""
    lengths = np.diff(starts)
    n, m = lengths[left], lengths[right]
    longest = np.maximum(n, m)
    budget = ((1.0 - cutoff) * longest + 1e-9).astype(np.int64)  # edits it can afford
    passed = np.abs(n - m) <= budget
    chosen = np.flatnonzero(passed)
    left, right, n, m = left[chosen], right[chosen], n[chosen], m[chosen]
    # The distinct words of every sentence involved, sorted: sentence << 32 | token.
    involved = distinct(np.concatenate((left, right)))
    sizes = lengths[involved]
    words = np.repeat(np.arange(len(involved), dtype=np.uint64) << 32, sizes)
    words |= tokens[_ranges(starts[involved], sizes)]
    words = distinct(words)
    counts = np.bincount((words >> 32).astype(np.int64), minlength=len(involved))
    first = np.cumsum(counts) - counts
    words &= 0xFFFFFFFF
    # Words in both sentences of a pair: those found twice among the two lists.
    left, right = np.searchsorted(involved, left), np.searchsorted(involved, right)
    pair = np.arange(len(chosen), dtype=np.uint64) << 32
    both = np.concatenate((np.repeat(pair, counts[left]) | words[_ranges(first[left], counts[left])],
                           np.repeat(pair, counts[right]) | words[_ranges(first[right], counts[right])]))
    both.sort()
    in_both = (both[1:][both[1:] == both[:-1]] >> 32).astype(np.int64)
    shared = np.bincount(in_both, minlength=len(chosen))
    # A word repeated in the shorter sentence can match one more of the longer one.
    shorter_left = n <= m
    shared += np.where(shorter_left, n, m) - np.where(shorter_left, counts[left], counts[right])
    passed[chosen] = longest[chosen] - shared <= budget[chosen]
    return passed


def _ranges(starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """The concatenation of range(starts[k], starts[k] + sizes[k]) for every k."""
    offsets = np.cumsum(sizes) - sizes
    return np.arange(int(sizes.sum()), dtype=np.int64) + np.repeat(starts - offsets, sizes)


def unpack_pairs(pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The i and the j of pairs packed as i << 32 | j."""
    return (pairs >> 32).astype(np.int64), (pairs & 0xFFFFFFFF).astype(np.int64)
