"""The exact mode's corpus phase cut by fingerprint range, for a cluster.

Each partition of the input cuts its sentences' fingerprints into `ranges` hash ranges
(shard()); one task per range groups the fingerprints of its range from every partition
and keeps the repeated ones that are not templates, refrains or boilerplate by their
own count (reduce_range()); the run's coordinator merges those clusters, drops the ones whose
shape (a template line with other numbers) is boilerplate, and names the sentences it
needs in detail (wanted()); the partitions return rows of their facts around them
(doclint.families.duplication.window); finish() reports from the clusters and windows
exactly what reduce.reduce_exact reports from every document's facts. Nothing here
holds a whole run's facts: a range task holds 32 bytes per sentence of its range, the
coordinator the repeated sentences that are findings or may be."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Callable, Iterator

import numpy as np

from doclint.core.finding import CorpusHit
from doclint.families.duplication.facts import DocFacts
from doclint.families.duplication.minhash import global_numbers, shared_in_order
from doclint.families.duplication.reduce import (SHIFT, Limits, folder_of_facts, too_common, kept_cluster,
                                                 limits_of, report_exact)
from doclint.families.duplication.window import Rows, Windows


@dataclass(frozen=True)
class Shard:
    """One partition's sentences in one hash range: fingerprints, numbers in the
    partition (document << SHIFT | index) and shapes; and the shapes of the range with
    the number of the partition's documents that hold each."""

    prints: np.ndarray
    numbers: np.ndarray
    shapes: np.ndarray
    blocks: np.ndarray  # per sentence: its block number, -1 when its document has none
    shape_values: np.ndarray
    shape_documents: np.ndarray


@dataclass(frozen=True)
class RangeClusters:
    """What a range task returns: per kept cluster, the first occurrence before any copy
    was dropped (the order of clusters), the copies left and their shape; and the
    shapes of the range held by enough documents to make a sentence boilerplate."""

    clusters: list[tuple[int, list[int], int]]
    templates: dict[int, int]


@dataclass(frozen=True)
class Plan:
    """The clusters the findings come from, in order of first occurrence."""

    clusters: list[list[int]]


def range_of(values: np.ndarray, ranges: int) -> np.ndarray:
    """The hash range of each 64-bit value: ranges split the value space evenly."""
    return ((values >> np.uint64(32)) * np.uint64(ranges) >> np.uint64(32)).astype(np.int64)


def shard(facts: list[DocFacts], ranges: int) -> tuple[list[tuple[str | None, int]], list[Shard]]:
    """This partition's facts (documents in order) cut into `ranges` shards, with the
    folders of its documents (see folders())."""
    counts = np.array([len(doc.fingerprints) for doc in facts], np.int64)
    if counts.sum():
        prints = np.concatenate([np.frombuffer(doc.fingerprints, np.uint64) for doc in facts])
        shapes = np.concatenate([np.frombuffer(doc.shapes, np.uint64) for doc in facts])
        blocks = np.concatenate([np.frombuffer(doc.blocks, np.uint32).astype(np.int64) if len(doc.blocks)
                                 else np.full(len(doc.fingerprints), -1, np.int64) for doc in facts])
    else:
        prints = shapes = np.empty(0, np.uint64)
        blocks = np.empty(0, np.int64)
    numbers = global_numbers(counts) if len(counts) else np.empty(0, np.uint64)
    # A document counts once for each shape it holds (reduce.template_documents).
    held = [np.unique(np.frombuffer(doc.shapes, np.uint64)) for doc in facts if len(doc.shapes)]
    held = np.concatenate(held) if held else np.empty(0, np.uint64)
    values, documents = np.unique(held[held != 0], return_counts=True)
    where, shape_where = range_of(prints, ranges), range_of(values, ranges)
    return folders(facts), [Shard(prints[where == r], numbers[where == r], shapes[where == r], blocks[where == r],
                                  values[shape_where == r], documents[shape_where == r]) for r in range(ranges)]


class _Copies:
    """What kept_cluster reads of the documents of a cluster (reduce._without_templates:
    each copy's block), from the copies' block numbers: `copies[document].blocks[index]`."""

    def __init__(self, blocks: dict[int, int]) -> None:
        self.blocks = blocks  # global number -> block (-1: the document has no blocks)

    def __getitem__(self, document: int) -> "_Document":
        return _Document(_Blocks(self.blocks, document << SHIFT))


class _Document:
    __slots__ = ("blocks",)

    def __init__(self, blocks: "_Blocks") -> None:
        self.blocks = blocks


class _Blocks:
    __slots__ = ("numbers", "base")

    def __init__(self, numbers: dict[int, int], base: int) -> None:
        self.numbers, self.base = numbers, base

    def __bool__(self) -> bool:
        return True  # a document without blocks reads -1, as reduce._without_templates does

    def __getitem__(self, index: int) -> int:
        return self.numbers[self.base | index]


def _threshold(opts, limit: int) -> int:
    """The fewest documents that make a shape boilerplate (reduce.too_common); 0 when
    shapes do not count (no boilerplate share)."""
    if not limit:
        return 0
    return min(limit, opts.max_documents + 1) if opts.max_documents else limit


def reduce_range(shards: list[tuple[int, Shard]], documents: int, opts) -> RangeClusters:
    """The repeated sentences of one hash range, from every partition's shard of it
    (with the number of documents before that partition, in input order) in a run of
    `documents` documents."""
    prints = np.concatenate([s.prints for _, s in shards]) if shards else np.empty(0, np.uint64)
    numbers = np.concatenate([s.numbers + (np.uint64(offset) << np.uint64(SHIFT)) for offset, s in shards]) \
        if shards else np.empty(0, np.uint64)
    shapes = np.concatenate([s.shapes for _, s in shards]) if shards else np.empty(0, np.uint64)
    blocks = np.concatenate([s.blocks for _, s in shards]) if shards else np.empty(0, np.int64)
    order, new = shared_in_order(prints)  # equal fingerprints together, in input order
    del prints
    members, member_shapes = numbers[order].tolist(), shapes[order].tolist()
    member_blocks = blocks[order].tolist()
    bounds = np.flatnonzero(new).tolist() + [len(members)]
    kept = []
    for start, end in zip(bounds, bounds[1:]):
        copies = _Copies(dict(zip(members[start:end], member_blocks[start:end])))
        cluster = kept_cluster(members[start:end], opts, limits_of(documents, {}, opts), copies)
        if cluster is not None:
            shape = member_shapes[members.index(cluster[0], start, end)]
            kept.append((members[start], cluster, shape))
    return RangeClusters(kept, template_counts(shards, documents, opts))


def template_counts(shards: list[tuple[int, Shard]], documents: int, opts) -> dict[int, int]:
    """The shapes of one hash range held by enough documents of the run to make a
    sentence boilerplate (reduce.too_common), with their number of documents."""
    least = _threshold(opts, limits_of(documents, {}, opts).run)
    if not least or not shards:
        return {}
    values = np.concatenate([s.shape_values for _, s in shards])
    counts = np.concatenate([s.shape_documents for _, s in shards])
    distinct, inverse = np.unique(values, return_inverse=True)
    totals = np.bincount(inverse, weights=counts, minlength=len(distinct)).astype(np.int64)
    frequent = totals >= least
    return dict(zip(distinct[frequent].tolist(), totals[frequent].tolist()))


def folders(facts: list[DocFacts]) -> list[tuple[str | None, int]]:
    """The folders of a partition's documents in order, as runs (folder, documents):
    one run for the records of a corpus (None), a run per folder of files."""
    runs: list[tuple[str | None, int]] = []
    for doc in facts:
        folder = folder_of_facts(doc)
        if runs and runs[-1][0] == folder:
            runs[-1] = (folder, runs[-1][1] + 1)
        else:
            runs.append((folder, 1))
    return runs


def wanted(reduced: list[RangeClusters], documents: int, summaries: list[list[tuple[str | None, int]]],
           opts) -> tuple[Plan, dict[int, set[int]]]:
    """The clusters of every range in order of first occurrence, without boilerplate
    counted by shape or by folder (`summaries`: each partition's folders, see
    folders()); and the sentences they need in detail, by document number."""
    limits, folder_of = run_limits(documents, summaries, opts)
    templates: dict[int, int] = {}
    for part in reduced:
        templates.update(part.templates)
    merged = sorted((first, cluster, shape) for part in reduced for first, cluster, shape in part.clusters)
    clusters = [cluster for _, cluster, shape in merged
                if not too_common(cluster, shape if templates else 0, opts, limits, templates, folder_of)]
    needed: dict[int, set[int]] = {}
    for cluster in clusters:
        for gid in cluster:
            needed.setdefault(gid >> SHIFT, set()).add(gid & ((1 << SHIFT) - 1))
    return Plan(clusters), needed


def run_limits(documents: int, summaries: list[list[tuple[str | None, int]]],
               opts) -> tuple[Limits, Callable[[int], str | None]]:
    """The boilerplate limits of the run (reduce.limits_of) and the folder of each
    document number, from every partition's folders (see folders())."""
    starts, names, sizes, first = [], [], {}, 0
    for runs in summaries:
        for folder, count in runs:
            starts.append(first)
            names.append(folder)
            first += count
            if folder is not None:
                sizes[folder] = sizes.get(folder, 0) + count

    def folder_of(number: int) -> str | None:
        return names[bisect_right(starts, number) - 1]

    return limits_of(documents, sizes, opts), folder_of


def finish(plan: Plan, rows: list[Rows], opts) -> Iterator[CorpusHit]:
    """The exact mode's findings from the clusters and every partition's rows of facts
    around the clustered sentences."""
    return report_exact(Windows(rows), plan.clusters, opts)
