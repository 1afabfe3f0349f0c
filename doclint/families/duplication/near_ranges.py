"""The near mode's corpus phase (near-duplicate sentences) cut into hash ranges, for a
cluster.

The whole-run phase (reduce.reduce_near) needs, in turn: which sentences are first
occurrences, and which repeated ones are boilerplate; how often each word occurs among
the first occurrences (frequent words are demoted in the MinHash signatures, see
minhash.signatures); the candidate pairs that share a band or their first words; the
pairs' word codes, to verify them; and the facts around the pairs that pass, for the
structure tests and the findings. On a cluster each need is a round over the spilled
facts of the partitions (doclint.core.kind.Round):

1. `fingerprints`: the shards of the exact mode (ranges.shard); a task per range
   returns the groups of repeated sentences (reduce_fingerprints); the coordinator
   finds the boilerplate ones and which sentences are not first occurrences
   (after_fingerprints);
2. `words`: each partition counts the content words of its first occurrences, cut by
   word range; a task per range adds them up and returns the run's frequent words;
3. `keys`: each partition computes the signatures of its first occurrences with those
   words and sends their band keys (and, for sentences with fewer than two rarer
   words, the keys without demotion) and the keys of their first CUT_COPY_WORDS words,
   by range; a task per range returns the pairs that share a key in a bucket of 2 to
   MAX_BUCKET sentences, as minhash.near_candidates finds them;
4. `tokens`: the partitions holding a sentence of a pair return its word codes; the
   coordinator keeps the pairs that pass the similarity test (or are a cut-off copy),
   which no other test can bring back;
5. the partitions return rows of facts around the sentences of those pairs
   (doclint.families.duplication.window), and finish() reports from them with the code
   the whole-run phase uses (reduce.report_near).

Nothing here holds the run's facts at once: a range task holds 32 bytes per sentence of
its range (fingerprints), 12 per distinct word of a partition (words) or 10 per band
key (keys, KeyShard); the coordinator holds the repeated sentences, the candidate pairs and the word
codes of their sentences, then the windows of the pairs that pass."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import numpy as np

from doclint.core.finding import CorpusHit
from doclint.core.kind import Round
from doclint.families.duplication.facts import CUT_COPY_WORDS, LOW, SHIFT, DocFacts
from doclint.families.duplication.lsh import BANDS, CONTENT_BELOW, FREQUENT_MIN, FREQUENT_SHARE, ROWS
from doclint.families.duplication.minhash import (
    bucket_positions,
    may_reach,
    row_keys,
    shared_in_order,
    signatures,
)
from doclint.families.duplication.nearmatch import copy_score, is_cut_copy
from doclint.families.duplication.ranges import Shard, range_of, run_limits, template_counts
from doclint.families.duplication.reduce import report_near, too_common
from doclint.families.duplication.window import Rows, Windows

# The tag of a key of the first words of a sentence; band keys are tagged with their
# band (0 to BANDS - 1, and BANDS to 2 * BANDS - 1 for the keys without demotion).
HEAD = 2 * BANDS
# The verification of candidate pairs takes them this many at a time, so that its
# temporary arrays stay small whatever the run.
CHUNK = 1 << 20
_MIX = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True)
class Repeats:
    """What a range task returns in the first round: the repeated sentences of the
    range, group after group (global numbers, each group in order), the size of each
    group and the shape of its first sentence; how many sentences the range holds;
    the shapes held by enough documents to make a sentence boilerplate."""

    members: np.ndarray
    sizes: np.ndarray
    shapes: np.ndarray
    sentences: int
    templates: dict[int, int]


@dataclass(frozen=True)
class Plan:
    """The candidate pairs that passed the verification (global numbers, sorted), the
    first occurrences of boilerplate, and the pairs (copy, first occurrence) of the
    repeated sentences that stand in two documents (for reduce.shared_between)."""

    near: list[tuple[int, int]]
    cut: list[tuple[int, int]]
    common: set[int]
    copies: np.ndarray
    originals: np.ndarray


def reduce_fingerprints(shards: list[tuple[int, Shard]], documents: int, opts) -> Repeats:
    """The groups of equal fingerprints of one range, from every partition's shard of
    it (with the number of documents before that partition, in input order)."""
    if not shards:
        empty = np.empty(0, np.uint64)
        return Repeats(empty, np.empty(0, np.int64), empty, 0, {})
    prints = np.concatenate([s.prints for _, s in shards])
    numbers = np.concatenate([s.numbers + (np.uint64(offset) << np.uint64(SHIFT)) for offset, s in shards])
    shapes = np.concatenate([s.shapes for _, s in shards])
    order, new = shared_in_order(prints)  # equal fingerprints together, in input order
    heads = np.flatnonzero(new)
    return Repeats(numbers[order], np.diff(np.append(heads, len(order))), shapes[order][heads], len(prints),
                   template_counts(shards, documents, opts))


def after_fingerprints(reduced: list[Repeats], documents: int, summaries: list, opts) -> Round | tuple:
    """From the repeated groups of every range: the boilerplate first occurrences
    (as reduce_near finds them), the sentences that are not first occurrences (the
    next rounds leave them out) and the exact copies across documents; then the
    round that counts words."""
    limits, folder_of = run_limits(documents, summaries, opts)
    templates: dict[int, int] = {}
    for part in reduced:
        templates.update(part.templates)
    common: set[int] = set()
    copies, originals = [], []
    for part in reduced:
        members = part.members.tolist()
        start = 0
        for size, shape in zip(part.sizes.tolist(), part.shapes.tolist()):
            cluster = members[start:start + size]
            if too_common(cluster, shape if templates else 0, opts, limits, templates, folder_of):
                common.add(cluster[0])
            start += size
        first = np.zeros(len(part.members), bool)
        first[np.cumsum(part.sizes) - part.sizes] = True
        copies.append(part.members[~first])
        originals.append(np.repeat(part.members[first], part.sizes - 1))
    copies = np.concatenate(copies) if copies else np.empty(0, np.uint64)
    originals = np.concatenate(originals) if originals else np.empty(0, np.uint64)
    later = np.sort(copies)  # every sentence that repeats an earlier one
    count = sum(part.sentences for part in reduced) - len(later)
    across = (copies >> np.uint64(SHIFT)) != (originals >> np.uint64(SHIFT))
    copies, originals = copies[across], originals[across]  # shared_between counts copies in two documents only
    if count < 2:
        return Plan([], [], common, copies, originals), {}
    wanted = _by_document(later)
    limit = max(FREQUENT_MIN, int(count * FREQUENT_SHARE))

    def keys(frequent: list[np.ndarray]) -> Round:
        words = np.sort(np.concatenate(frequent)) if frequent else np.empty(0, np.uint32)
        return Round("keys", words, wanted, True,
                     lambda found: _verify(found, common, copies, originals, opts))

    return Round("words", limit, wanted, True, keys)


def _by_document(numbers: np.ndarray) -> dict[int, np.ndarray]:
    """Sorted global numbers as the indexes of each document's sentences."""
    documents = (numbers >> np.uint64(SHIFT)).astype(np.int64)
    indexes = (numbers & np.uint64(LOW)).astype(np.int64)
    bounds = np.flatnonzero(np.diff(documents)) + 1
    return {int(group[0]): part for group, part in zip(np.split(documents, bounds), np.split(indexes, bounds))
            if len(group)}


def round_facts(name: str, facts: list[DocFacts], first: int, given, wanted: dict[int, np.ndarray],
                ranges: int):
    """A partition's part in round `name` (see the module's steps)."""
    if name == "tokens":
        return word_codes(facts, first, wanted)
    rows, tokens, starts = first_occurrences(facts, wanted)
    if name == "words":
        return word_shards(tokens, ranges)
    return key_shards(sentence_counts(facts), rows, tokens, starts, given, ranges)


def reduce_round(name: str, shards: list, given, opts) -> object:
    """A range task's part in round `name`."""
    if name == "words":
        return frequent_words([s for _, s in shards], given)
    return shared_keys(shards, opts.scope)


def sentence_counts(facts: list[DocFacts]) -> np.ndarray:
    """How many comparable sentences each document of a partition holds."""
    return np.array([len(doc.starts) - 1 for doc in facts], np.int64)


def first_occurrences(facts: list[DocFacts],
                      later: dict[int, np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A partition's first occurrences (`later` gives, by document, the indexes of the
    sentences that repeat an earlier one): their rows among the partition's sentences
    (documents in order, each one's sentences in order), their word codes end to end
    and where each begins (plus the end), as minhash.signatures takes them."""
    counts = sentence_counts(facts)
    if not counts.sum():
        return np.empty(0, np.uint32), np.empty(0, np.uint32), np.zeros(1, np.int64)
    tokens = np.concatenate([np.frombuffer(doc.tokens, np.uint32) for doc in facts])
    lengths = np.concatenate([np.diff(np.frombuffer(doc.starts, np.uint32).astype(np.int64)) for doc in facts])
    keep = np.ones(int(counts.sum()), bool)
    offsets = np.cumsum(counts) - counts
    for document, indexes in later.items():
        keep[offsets[document] + indexes] = False
    starts = np.zeros(int(keep.sum()) + 1, np.int64)
    np.cumsum(lengths[keep], out=starts[1:])
    return np.flatnonzero(keep).astype(np.uint32), tokens[np.repeat(keep, lengths)], starts


def numbers_of(rows: np.ndarray, counts: np.ndarray, first: int) -> np.ndarray:
    """The global numbers of the sentences at `rows` of a partition whose documents,
    numbered from `first`, hold `counts` sentences."""
    offsets = np.cumsum(counts) - counts
    documents = np.searchsorted(offsets, rows, side="right") - 1  # a document without sentences holds no row
    return ((documents + first).astype(np.uint64) << np.uint64(SHIFT)) | (rows - offsets[documents]).astype(np.uint64)


@dataclass(frozen=True)
class WordShard:
    """A partition's content words of one range, with how often its first occurrences
    hold each."""

    words: np.ndarray
    counts: np.ndarray


def _range_of_words(words: np.ndarray, ranges: int) -> np.ndarray:
    return range_of(words.astype(np.uint64) * _MIX, ranges)


def word_shards(tokens: np.ndarray, ranges: int) -> list[WordShard]:
    """The content words of a partition's first occurrences, counted (every
    occurrence, as minhash.signatures counts them) and cut into `ranges` shards."""
    words, counts = np.unique(tokens[tokens < CONTENT_BELOW], return_counts=True)
    where = _range_of_words(words, ranges)
    return [WordShard(words[where == r], counts[where == r]) for r in range(ranges)]


def frequent_words(shards: list[WordShard], limit: int) -> np.ndarray:
    """The words of one range found more than `limit` times in the run's first
    occurrences."""
    if not shards:
        return np.empty(0, np.uint32)
    words, inverse = np.unique(np.concatenate([s.words for s in shards]), return_inverse=True)
    totals = np.bincount(inverse, weights=np.concatenate([s.counts for s in shards]), minlength=len(words))
    return words[totals > limit]


@dataclass(frozen=True)
class KeyShard:
    """A partition's keys of one range, 10 bytes a band key: per band (see HEAD), the
    low 32 and the high 16 bits of each key (its sentence's three 16-bit minima in
    that band) and the row of its sentence among the partition's sentences; the keys
    of first words (64-bit) with their rows; and how many sentences each document of
    the partition holds, which turns rows into global numbers (numbers_of)."""

    bands: list[tuple[np.ndarray, np.ndarray, np.ndarray]]
    heads: tuple[np.ndarray, np.ndarray]
    counts: np.ndarray


def key_shards(counts: np.ndarray, rows: np.ndarray, tokens: np.ndarray, starts: np.ndarray,
               frequent: np.ndarray, ranges: int) -> list[KeyShard]:
    """The keys of a partition's first occurrences (at `rows`), cut into `ranges`
    shards: the band keys of their signatures with the run's `frequent` words
    demoted, the band keys without demotion of those with fewer than two rarer words,
    and the keys of the first CUT_COPY_WORDS words of those that long
    (minhash.near_candidates finds its pairs through the same keys)."""
    bands: list[list] = [[] for _ in range(ranges)]
    if not len(rows):
        empty = (np.empty(0, np.uint64), np.empty(0, np.uint32))
        return [KeyShard([(np.empty(0, np.uint32), np.empty(0, np.uint16), np.empty(0, np.uint32))] * HEAD,
                         empty, counts)] * ranges
    signature, plain, few = signatures(tokens, starts, frequent)
    for tag in range(HEAD):
        minima, owners = (signature, rows) if tag < BANDS else (plain, rows[few])
        band = tag % BANDS
        low = minima[band * ROWS].astype(np.uint32) | minima[band * ROWS + 1].astype(np.uint32) << np.uint32(16)
        high = minima[band * ROWS + 2]
        # Equal keys of one band go to one range; the band's number spreads the bands.
        salt = np.uint64((tag + 1) * 0xBF58476D1CE4E5B9 % 2**64)
        where = range_of((low.astype(np.uint64) | high.astype(np.uint64) << np.uint64(32)) * _MIX ^ salt, ranges)
        for r in range(ranges):
            chosen = where == r
            bands[r].append((low[chosen], high[chosen], owners[chosen]))
    lengths = np.diff(starts)
    long_enough = np.flatnonzero(lengths >= CUT_COPY_WORDS)
    heads = row_keys(tokens[starts[long_enough][:, None] + np.arange(CUT_COPY_WORDS)])
    where = range_of(heads * _MIX, ranges)
    return [KeyShard(bands[r], (heads[where == r], rows[long_enough][where == r]), counts) for r in range(ranges)]


def shared_keys(shards: list[tuple[int, KeyShard]], scope: str) -> tuple[np.ndarray, np.ndarray]:
    """The pairs of one range, (N, 2) arrays of global numbers (first < second, sorted,
    distinct): those of sentences that share a band key, and those that share their
    first words, each in a bucket of 2 to MAX_BUCKET sentences; only the pairs of the
    rule's `scope` (see reduce._pair), so that no other pair leaves the range. One band
    at a time, so that what the task adds to its shards is a seventeenth of them."""
    found: dict[bool, list[np.ndarray]] = {False: [], True: []}
    for tag in range(HEAD + 1):
        if tag == HEAD:
            keys = [s.heads[0] for _, s in shards]
            rows = [s.heads[1] for _, s in shards]
        else:
            keys = [s.bands[tag][0].astype(np.uint64) | s.bands[tag][1].astype(np.uint64) << np.uint64(32)
                    for _, s in shards]
            rows = [s.bands[tag][2] for _, s in shards]
        # A band's keys come in sentence order (partitions in input order, each one's
        # sentences in order): a stable sort keeps each bucket's numbers in order.
        numbers = np.concatenate([numbers_of(r, s.counts, first) for r, (first, s) in zip(rows, shards)]
                                 + [np.empty(0, np.uint64)])
        keys = np.concatenate(keys + [np.empty(0, np.uint64)])
        order = np.argsort(keys, kind="stable")
        found[tag == HEAD].append(_in_scope(_bucket_pairs(keys[order], numbers[order]), set(), scope))
    return tuple(_pairs(*np.concatenate(found[head]).T) for head in (False, True))


def _bucket_pairs(keys: np.ndarray, numbers: np.ndarray) -> np.ndarray:
    """The pairs (N, 2) of `numbers` (ascending within a key) that share a key held
    by 2 to MAX_BUCKET of them (`keys` sorted)."""
    new = np.ones(len(keys), bool)
    new[1:] = keys[1:] != keys[:-1]
    at, partner = bucket_positions(new)
    return np.stack((numbers[at], numbers[partner]), axis=1)


def _pairs(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Pairs as an (N, 2) array, sorted and distinct."""
    pairs = np.stack((left, right), axis=1).astype(np.uint64, copy=False)
    if len(pairs) < 2:
        return pairs
    pairs = pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))]
    return pairs[np.concatenate(([True], (pairs[1:] != pairs[:-1]).any(axis=1)))]


def _verify(found: list[tuple[np.ndarray, np.ndarray]], common: set[int], copies: np.ndarray,
            originals: np.ndarray, opts) -> Round:
    """The candidate pairs of every range, without those report_near skips at once
    (boilerplate, out of scope); then the round that fetches their word codes."""
    near, cut = (_pairs(*np.concatenate([part[k] for part in found] + [np.empty((0, 2), np.uint64)]).T)
                 for k in (0, 1))
    near, cut = _in_scope(near, common, opts.scope), _in_scope(cut, common, opts.scope)
    sentences = np.unique(np.concatenate((near.ravel(), cut.ravel())))

    def passed(answers: list[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> tuple[Plan, dict[int, set[int]]]:
        numbers, tokens, starts = _joined(answers)
        near_kept = _similar(near, numbers, tokens, starts, opts.cutoff)
        cut_kept = [(a, b) for a, b in cut.tolist()
                    if is_cut_copy(_words(numbers, tokens, starts, a), _words(numbers, tokens, starts, b))]
        needed: dict[int, set[int]] = {}
        for pair in near_kept + cut_kept:
            for gid in pair:
                needed.setdefault(gid >> SHIFT, set()).add(gid & LOW)
        return Plan(near_kept, cut_kept, common, copies, originals), needed

    return Round("tokens", None, _by_document(sentences), False, passed)


def _in_scope(pairs: np.ndarray, common: set[int], scope: str) -> np.ndarray:
    """The pairs reduce._pair keeps: neither sentence boilerplate, both in the scope."""
    if not len(pairs):
        return pairs
    boilerplate = np.array(sorted(common), np.uint64)
    keep = ~(np.isin(pairs[:, 0], boilerplate) | np.isin(pairs[:, 1], boilerplate))
    same = (pairs[:, 0] >> np.uint64(SHIFT)) == (pairs[:, 1] >> np.uint64(SHIFT))
    if scope == "document":
        keep &= same
    elif scope == "corpus":
        keep &= ~same
    return pairs[keep]


def word_codes(facts: list[DocFacts], first: int,
               wanted: dict[int, np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The word codes of the sentences `wanted` of a partition (by document, the
    indexes): their global numbers in order, their lengths and their codes end to end."""
    numbers, lengths, codes = [], [], []
    for document in sorted(wanted):
        doc = facts[document]
        base = (first + document) << SHIFT
        bounds = np.frombuffer(doc.starts, np.uint32).astype(np.int64)
        every = np.frombuffer(doc.tokens, np.uint32)
        for index in wanted[document].tolist():
            numbers.append(base | index)
            lengths.append(bounds[index + 1] - bounds[index])
            codes.append(every[bounds[index]:bounds[index + 1]])
    return (np.array(numbers, np.uint64), np.array(lengths, np.int64),
            np.concatenate(codes) if codes else np.empty(0, np.uint32))


def _joined(answers: list[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every partition's word codes (in input order, so numbers stay sorted) as one."""
    numbers = np.concatenate([a[0] for a in answers]) if answers else np.empty(0, np.uint64)
    lengths = np.concatenate([a[1] for a in answers]) if answers else np.empty(0, np.int64)
    tokens = np.concatenate([a[2] for a in answers]) if answers else np.empty(0, np.uint32)
    starts = np.zeros(len(lengths) + 1, np.int64)
    np.cumsum(lengths, out=starts[1:])
    return numbers, tokens, starts


def _words(numbers: np.ndarray, tokens: np.ndarray, starts: np.ndarray, gid: int) -> list[int]:
    row = int(np.searchsorted(numbers, gid))
    return tokens[starts[row]:starts[row + 1]].tolist()


def _similar(pairs: np.ndarray, numbers: np.ndarray, tokens: np.ndarray, starts: np.ndarray,
             cutoff: float) -> list[tuple[int, int]]:
    """The pairs whose sentences reach `cutoff` (nearmatch.copy_score): the quick tests
    for all pairs at once (minhash.may_reach), a chunk at a time, then the edit
    distance for the few left."""
    kept = []
    for at in range(0, len(pairs), CHUNK):
        chunk = pairs[at:at + CHUNK]
        left, right = np.searchsorted(numbers, chunk[:, 0]), np.searchsorted(numbers, chunk[:, 1])
        close = np.flatnonzero(may_reach(tokens, starts, left, right, cutoff))
        for k in close.tolist():
            first = tokens[starts[left[k]]:starts[left[k] + 1]].tolist()
            second = tokens[starts[right[k]]:starts[right[k] + 1]].tolist()
            if copy_score(first, second, cutoff) > 0.0:
                kept.append((int(chunk[k, 0]), int(chunk[k, 1])))
    return kept


def finish(plan: Plan, rows: list[Rows], opts) -> Iterator[CorpusHit]:
    """The near mode's findings from the pairs that passed and every partition's rows
    of facts around their sentences."""
    return report_near(Windows(rows), plan.common, plan.near, plan.cut,
                       zip(plan.copies.tolist(), plan.originals.tolist()), opts)
