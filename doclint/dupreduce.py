"""The corpus phase of the duplicates kind: group fingerprints, find and verify near pairs."""
from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import Iterator

import numpy as np

from doclint.document import LineIndex
from doclint.finding import Applicability, Edit, Fix, Location
from doclint.fingerprint import quote
from doclint.kinds.base import CorpusHit
from doclint.minhash import (band_keys, candidate_pairs, distinct, grouped, may_reach, pairs_sharing_key,
                             row_keys, shared_in_order, signatures, unpack_pairs)
from doclint.nearmatch import is_cut_copy, near_score

# A sentence is known in the corpus phase by its global number: document << SHIFT | index.
SHIFT = 24
LOW = (1 << SHIFT) - 1
QUOTE_SEP = "\x1f"


@dataclass(frozen=True)
class DocFacts:
    """What one document hands to the corpus phase: no sentence text beyond the first
    characters of each sentence, for the quote in a message.

    Per comparable sentence i: a 64-bit fingerprint, its start and end offsets
    (`spans[2 * i]`, `spans[2 * i + 1]`), whether it ends with sentence punctuation
    (`ended[i]`), its first 2 * `quote_length` characters (in `prefixes`, separated by
    QUOTE_SEP) and, in near mode, its 32-bit token codes (`tokens[starts[i]:starts[i + 1]]`).
    `deletions` holds the span that deleting a sentence removes, only for sentences
    that repeat an earlier one of the document (the only ones an exact-duplicate fix
    deletes). Lines and columns are worked out from `lines` for reported sentences only."""

    path: str
    record: str | None
    record_line: int | None
    fingerprints: array
    spans: array
    ended: bytes
    deletions: dict[int, tuple[int, int]]
    lines: LineIndex
    prefixes: str
    quote_length: int
    starts: array
    tokens: array

    def location(self, index: int) -> Location:
        line, column = self.lines.position(self.spans[2 * index])
        if self.record_line is None:
            return Location(self.path, line, column)
        return Location(self.path, self.record_line, 1, self.record, line, column)

    def where(self, index: int, other: "DocFacts") -> str:
        """How a message names sentence `index` of this document, seen from `other`."""
        line = self.lines.position(self.spans[2 * index])[0]
        if other is self:
            return f"line {line}"
        if self.record_line is None:
            return f"{self.path}:{line}"
        return f"{self.path}:{self.record_line} (record {self.record}, line {line})"

    def quote(self, index: int) -> str:
        prefixes = self.prefixes
        start = 0
        for _ in range(index):  # the index-th prefix, without splitting them all
            start = prefixes.index(QUOTE_SEP, start) + 1
        end = prefixes.find(QUOTE_SEP, start)
        return quote(prefixes[start:end if end != -1 else len(prefixes)], self.quote_length)


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
    repeated = [members[start:end] for start, end in zip(starts.tolist(), starts[1:].tolist() + [len(members)])]
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


def _hit(docs: list[DocFacts], gid: int, refs: list[int], args: dict, fix: Fix | None = None,
         message: str | None = None) -> CorpusHit:
    doc, index = docs[gid >> SHIFT], gid & LOW
    start, end = doc.spans[2 * index], doc.spans[2 * index + 1]
    end_line, end_column = doc.lines.position(end) if doc.record_line is None else (doc.record_line, 1)
    related = tuple(docs[r >> SHIFT].location(r & LOW) for r in refs)
    quoted = doc.quote(index)
    ref_doc = docs[refs[0] >> SHIFT]
    args = {"quote": quoted, "where": ref_doc.where(refs[0] & LOW, doc), **args}
    return CorpusHit(doc.location(index), end_line, end_column, args, related, fix, message, start, end, quoted)


def _reference(cluster: list[int], at: int, scope: str) -> int | None:
    """The earlier occurrence a later copy is reported against: the first one in the same
    document when there is one (so the copy can be deleted), else the first overall."""
    gid = cluster[at]
    same = next((g for g in cluster[:at] if g >> SHIFT == gid >> SHIFT), None)
    other = next((g for g in cluster[:at] if g >> SHIFT != gid >> SHIFT), None)
    if scope == "document":
        return same
    if scope == "corpus":
        return other
    return same if same is not None else cluster[0]


def _too_common(cluster: list[int], opts) -> bool:
    return bool(opts.max_documents) and len({g >> SHIFT for g in cluster}) > opts.max_documents


def _scoped(gids: list[int], scope: str) -> bool:
    """Whether a group of occurrences holds a pair of the scope's kind."""
    docs = [g >> SHIFT for g in gids]
    if scope == "document":
        return len(set(docs)) < len(docs)
    if scope == "corpus":
        return len(set(docs)) > 1
    return len(gids) > 1


def reduce_exact(docs: list[DocFacts], opts) -> Iterator[CorpusHit]:
    for cluster in clusters(docs)[1]:
        if _too_common(cluster, opts) or not _scoped(cluster, opts.scope):
            continue
        # A sentence repeated many times is a template step or boilerplate: one finding
        # with every copy in `related` says so without burying the run in copies.
        if opts.group or (opts.group_from and len(cluster) >= opts.group_from):
            count = len({g >> SHIFT for g in cluster})
            yield _hit(docs, cluster[0], cluster[1:], {"count": len(cluster), "documents": count},
                       message=f"Sentence occurs {len(cluster)} times in {count} document(s): "
                               f"\"{_quote(docs, cluster[0])}\"")
            continue
        for at in range(1, len(cluster)):
            ref = _reference(cluster, at, opts.scope)
            if ref is None:
                continue
            yield _hit(docs, cluster[at], [ref], {"count": len(cluster)}, _deletion(docs, cluster[at], ref))


def _quote(docs: list[DocFacts], gid: int) -> str:
    return docs[gid >> SHIFT].quote(gid & LOW)


def _deletion(docs: list[DocFacts], gid: int, ref: int) -> Fix | None:
    if gid >> SHIFT != ref >> SHIFT:
        return None
    cut_start, cut_end = docs[gid >> SHIFT].deletions.get(gid & LOW, (0, 0))
    if cut_end <= cut_start:
        return None
    return Fix("Delete the repeated sentence", (Edit(cut_start, cut_end),), Applicability.UNSAFE)


# A sentence that is another one cut off after at least this many words is a cut copy.
CUT_COPY_WORDS = 6


def reduce_near(docs: list[DocFacts], opts) -> Iterator[CorpusHit]:
    """Near duplicates among unique sentences: MinHash LSH candidates verified by
    word-level similarity, and cut-off copies found by their first words; each is
    reported on the later sentence against its best match."""
    firsts, repeated = clusters(docs)
    if len(firsts) < 2:
        return
    common = {cluster[0] for cluster in repeated if _too_common(cluster, opts)}
    del repeated
    tokens, starts = _unique_tokens(docs, firsts)
    lengths = np.diff(starts)
    pairs = candidate_pairs(band_keys(signatures(tokens, starts)))
    left, right = unpack_pairs(pairs)
    close = may_reach(tokens, starts, left, right, opts.cutoff)
    best: dict[int, tuple[float, int, str]] = {}
    for i, j in zip(left[close].tolist(), right[close].tolist()):
        a, b = _pair(firsts[i], firsts[j], common, opts.scope)
        if a is not None:
            score = near_score(_tokens(docs, a), _tokens(docs, b), opts.cutoff)
            if score > best.get(b, (0.0,))[0]:
                best[b] = (score, a, f"{score:.0%} similar")
    del pairs, left, right, close
    # Cut-off copies: sentences of CUT_COPY_WORDS words or more grouped by those words.
    long_enough = np.flatnonzero(lengths >= CUT_COPY_WORDS)
    heads = row_keys(tokens[starts[long_enough][:, None] + np.arange(CUT_COPY_WORDS)])
    order, new = grouped(heads)
    left, right = unpack_pairs(distinct(pairs_sharing_key(long_enough[order], new)))
    for i, j in zip(left.tolist(), right.tolist()):
        a, b = _pair(firsts[i], firsts[j], common, opts.scope)
        if a is None or b in best or not is_cut_copy(_tokens(docs, a), _tokens(docs, b)):
            continue
        b_shorter = len(_tokens(docs, b)) < len(_tokens(docs, a))
        if not _ended(docs, b if b_shorter else a):  # a complete sentence may begin a longer one
            best[b] = (opts.cutoff, a, "a cut-off copy" if b_shorter else "which is a cut-off copy of it")
    if opts.group:
        yield from _near_groups(docs, best)
        return
    for b in sorted(best):
        score, a, detail = best[b]
        yield _hit(docs, b, [a], {"similarity": f"{score:.0%}", "detail": detail})


def _unique_tokens(docs: list[DocFacts], firsts: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """The token codes of the sentences `firsts` end to end, and where each begins (plus
    the end): the input of signatures()."""
    tokens = np.concatenate([np.frombuffer(doc.tokens, np.uint32) for doc in docs])
    lengths = np.concatenate([np.diff(np.frombuffer(doc.starts, np.uint32)).astype(np.int64) for doc in docs])
    counts = np.array([len(doc.starts) - 1 for doc in docs], np.int64)
    chosen = np.asarray(firsts, np.uint64)
    rows = (np.cumsum(counts) - counts)[(chosen >> SHIFT).astype(np.int64)] + (chosen & LOW).astype(np.int64)
    wanted = np.zeros(len(lengths), bool)
    wanted[rows] = True
    tokens = tokens[np.repeat(wanted, lengths)]
    starts = np.zeros(len(rows) + 1, np.int64)
    np.cumsum(lengths[rows], out=starts[1:])
    return tokens, starts


def _pair(a: int, b: int, common: set[int], scope: str) -> tuple[int | None, int]:
    """The pair in order, or (None, b) when boilerplate or out of scope."""
    if a in common or b in common:
        return None, b
    same_doc = a >> SHIFT == b >> SHIFT
    if (scope == "document" and not same_doc) or (scope == "corpus" and same_doc):
        return None, b
    return a, b


def _near_groups(docs: list[DocFacts], best: dict[int, tuple[float, int, str]]) -> Iterator[CorpusHit]:
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for b, (_, a, _) in best.items():
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for gid in set(best) | {v[1] for v in best.values()}:
        groups.setdefault(root(gid), []).append(gid)
    for head in sorted(groups):
        members = sorted(groups[head])
        yield _hit(docs, members[0], members[1:], {"count": len(members)},
                   message=f"{len(members)} nearly identical sentences: \"{_quote(docs, members[0])}\"")


def _ended(docs: list[DocFacts], gid: int) -> bool:
    return bool(docs[gid >> SHIFT].ended[gid & LOW])


def _tokens(docs: list[DocFacts], gid: int) -> array:
    doc, index = docs[gid >> SHIFT], gid & LOW
    return doc.tokens[doc.starts[index]:doc.starts[index + 1]]
