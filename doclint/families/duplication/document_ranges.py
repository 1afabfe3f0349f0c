"""Whole-document near duplicates (the near-duplicate-documents kind) cut by band range,
for a cluster.

Each partition cuts the bands of its documents' signatures into `ranges` shards by a
hash of the band and its values (shard()); one task per range finds the buckets of
equal bands of its range from every partition and returns the candidate pairs they
hold, skipping buckets too large to rest on anything but boilerplate, as
neardocs.clusters() does (reduce_range()); the run's coordinator merges the pairs and
asks for the facts of the documents in them (wanted()), and verifies each pair by its
two signatures and groups the documents (finish()). Nothing here holds the run's
signatures at once: a range task holds 21 bytes per band of its range, the
coordinator the facts of the documents that share a band with another."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
import numpy as np

from doclint.core.neardocs import BANDS, MAX_BUCKET, Components, band_words, is_near
from doclint.families.duplication.ranges import range_of


@dataclass(frozen=True)
class BandShard:
    """One partition's bands in one range: per band, its document's number in the
    partition, which band of the signature it is, and its two words."""

    numbers: np.ndarray
    bands: np.ndarray
    high: np.ndarray
    low: np.ndarray


def _mixed(bands: np.ndarray, high: np.ndarray, low: np.ndarray) -> np.ndarray:
    """A 64-bit value per band that decides its range: equal bands (same band of the
    signature, same values) get the same value."""
    value = high ^ (low * np.uint64(0x9E3779B97F4A7C15))
    return value ^ (bands.astype(np.uint64) * np.uint64(0xBF58476D1CE4E5B9))


def shard(facts: list, ranges: int) -> tuple[None, list[BandShard]]:
    """This partition's documents (in order) cut into `ranges` shards of bands."""
    if not facts:
        empty = np.empty(0, np.uint64)
        return None, [BandShard(np.empty(0, np.uint32), np.empty(0, np.uint8), empty, empty)] * ranges
    words = band_words([doc.signature for doc in facts])
    numbers = np.repeat(np.arange(len(facts), dtype=np.uint32), BANDS)
    bands = np.tile(np.arange(BANDS, dtype=np.uint8), len(facts))
    high, low = words[:, :, 0].ravel(), words[:, :, 1].ravel()
    where = range_of(_mixed(bands, high, low), ranges)
    return None, [BandShard(numbers[where == r], bands[where == r], high[where == r], low[where == r])
                  for r in range(ranges)]


def reduce_range(shards: list[tuple[int, BandShard]]) -> np.ndarray:
    """The candidate pairs of one range, from every partition's shard of it (with the
    number of documents before that partition): document numbers packed as
    i << 32 | j, i < j, sorted and distinct."""
    if not shards:
        return np.empty(0, np.uint64)
    numbers = np.concatenate([s.numbers.astype(np.int64) + offset for offset, s in shards])
    bands = np.concatenate([s.bands for _, s in shards])
    high = np.concatenate([s.high for _, s in shards])
    low = np.concatenate([s.low for _, s in shards])
    order = np.lexsort((low, high, bands))
    bands, high, low, numbers = bands[order], high[order], low[order], numbers[order]
    new = np.ones(len(order), bool)
    new[1:] = (bands[1:] != bands[:-1]) | (high[1:] != high[:-1]) | (low[1:] != low[:-1])
    starts = np.flatnonzero(new)
    sizes = np.diff(np.append(starts, len(order)))
    found = set()
    for begin, size in zip(starts[(sizes > 1) & (sizes <= MAX_BUCKET)].tolist(),
                           sizes[(sizes > 1) & (sizes <= MAX_BUCKET)].tolist()):
        members = sorted(numbers[begin:begin + size].tolist())
        found.update((i << 32) | j for i, j in combinations(members, 2))
    return np.array(sorted(found), np.uint64)


@dataclass(frozen=True)
class Plan:
    """The candidate pairs of the run, packed and sorted (see reduce_range)."""

    pairs: np.ndarray


def wanted(reduced: list[np.ndarray]) -> tuple[Plan, dict[int, bool]]:
    """The run's candidate pairs and the documents they name, by number."""
    pairs = np.unique(np.concatenate(reduced)) if reduced else np.empty(0, np.uint64)
    documents = np.unique(np.concatenate((pairs >> np.uint64(32), pairs & np.uint64(0xFFFFFFFF))))
    return Plan(pairs), dict.fromkeys(documents.tolist(), True)


def finish(plan: Plan, details: list[dict], threshold: float) -> tuple[list[list[int]], dict]:
    """The groups of near duplicates of the run (as neardocs.clusters() gives them)
    from its candidate pairs and the facts of the documents in them (`details`: per
    partition, document number -> facts), with those facts by number."""
    facts: dict = {}
    for part in details:
        facts.update(part)
    groups = Components()
    for pair in plan.pairs.tolist():
        i, j = pair >> 32, pair & 0xFFFFFFFF
        if is_near(facts[i].signature, facts[j].signature, threshold):
            groups.join(i, j)
    return groups.groups(), facts
