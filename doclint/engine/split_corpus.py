"""The corpus phase of a rule cut into hash ranges, as a cluster runs it.

A kind that splits its corpus phase (Kind.splits_corpus) gives the same hits in steps
that each hold a share of the run (doclint.engine.distributed runs them as tasks):

1. each map task keeps the rule's facts of its partition, cut into shards, one per
   hash range (split_facts), and writes the facts to its worker's disk (spill); the
   client learns only which documents gave facts;
2. one task per range reduces that range's shards of every partition (Kind.reduce_range);
3. the client turns the ranges' results into a plan and the documents it needs
   (Kind.corpus_wanted), and finds the partition of each (SplitRule.by_partition);
4. one task per such partition, on the worker that checked it, reads it again and
   returns what the plan needs of those documents' spilled facts, with the quotes of
   their sentences (details_in; elsewhere it works the facts out again);
5. the client finishes the hits (Kind.finish_corpus) and puts the quotes in (SplitRule.filled).

A kind that needs more than one pass over the ranges (near-duplicate sentences) returns
a Round from step 3 instead of its plan: each partition reads its spilled facts again
with what the round gives and asks (round_facts), and either cuts the result into
shards for one task per range or answers the client; the round's `then` leads to the
next Round or to the plan (settled).

The shards of the map tasks and of the rounds are written to the worker's disk too
(spill_shards), and each range task reads its own: in the cluster's memory, every
partition's shards would wait until their range tasks run, which grows with the run,
not the partition (the near mode has eight band keys or more per sentence).

Documents are numbered as a local run numbers them: in input order, counting only the
documents that gave the rule facts."""
from __future__ import annotations

import os
import pickle
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator

from doclint.core.document import Document
from doclint.core.finding import CorpusHit, TextRef
from doclint.core.kind import Round
from doclint.engine.quotes import fill


def split_facts(engine, results: list, split: tuple[str, ...], ranges: int) -> tuple[dict, dict, dict]:
    """Take the facts of the `split` rules out of one partition's `results`. Returns,
    per rule, the positions in the partition of the documents that gave facts with the
    summary of their facts, the facts cut into `ranges` shards (Kind.shard_facts), and
    the facts themselves."""
    kinds = {rule.id: kind for rule, kind in engine.kinds}
    holders, shards, kept = {}, {}, {}
    for rule_id in split:
        positions, facts = array("I"), []
        for position, result in enumerate(results):
            fact = result.facts.pop(rule_id, None)
            if fact is not None:
                positions.append(position)
                facts.append(fact)
        summary, shards[rule_id] = kinds[rule_id].shard_facts(facts, ranges)
        holders[rule_id] = (positions, summary)
        kept[rule_id] = facts
    return holders, shards, kept


def spill(folder: str, name: str, kept: dict) -> str | None:
    """Write a partition's facts (`kept`, see split_facts) to files of `folder`, one per
    rule (a rule's detail task reads only its own), so that its detail task finds
    them without checking the partition again; the files' common stem, or None when
    they cannot be written (the detail tasks then work the facts out again)."""
    stem = os.path.join(folder, name)
    try:
        os.makedirs(folder, exist_ok=True)
        for rule_id, facts in kept.items():
            with open(f"{stem}-{rule_id}.pickle", "wb") as out:
                pickle.dump(facts, out, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError:
        return None
    return stem


def unspill(stem: str | None, rule_id: str) -> list | None:
    """The facts of `rule_id` spilled under `stem`, or None when they are not there (a
    task run on another worker than its partition's map task, or a lost file)."""
    if stem is None:
        return None
    try:
        with open(f"{stem}-{rule_id}.pickle", "rb") as source:
            return pickle.load(source)
    except (OSError, pickle.UnpicklingError, EOFError):
        return None


@dataclass(frozen=True)
class SpilledShard:
    """Where a map or round task wrote one of its shards: the worker that ran it (None
    outside a cluster) and the file."""

    worker: str | None
    path: str


def spill_shards(folder: str, name: str, shards: list, worker: str | None) -> list | None:
    """Write a partition's shards of a map task or round (one per range) to files of
    `folder`, named from `name`; what stands for them (SpilledShard, in range order),
    or None when they cannot be written (the shards then stay in the worker's memory,
    as task results)."""
    try:
        os.makedirs(folder, exist_ok=True)
        spilled = []
        for at, shard in enumerate(shards):
            path = os.path.join(folder, f"{name}-{at}.pickle")
            with open(path, "wb") as out:
                pickle.dump(shard, out, protocol=pickle.HIGHEST_PROTOCOL)
            spilled.append(SpilledShard(worker, path))
    except OSError:
        return None
    return spilled


def read_shard(path: str):
    """A shard spill_shards wrote (OSError when the file is not there)."""
    with open(path, "rb") as source:
        return pickle.load(source)


def details_in(engine, rule_id: str, documents: Iterable[Document], wanted: dict[int, tuple[int, object, int]],
               facts: list | None = None) -> tuple[object, dict[TextRef, str], int]:
    """For the documents of a partition at positions `wanted` (position -> document
    number in the run, what the plan wants of it, and its number among the documents
    of the partition that gave facts): what the plan needs of their facts
    (Kind.fact_detail), the quotes of the sentences they name, and how many of those
    documents were found. The facts are the partition's spilled `facts`, or without
    them worked out again as the map phase did."""
    kind = {rule.id: kind for rule, kind in engine.kinds}[rule_id]
    details, quotes, found = None, {}, 0
    for position, doc in enumerate(documents):
        if position not in wanted:
            continue
        number, what, local = wanted[position]
        doc.max_block = engine.config.max_block_size  # as Engine.check_document reads it
        doc.attributes["languages"] = engine.config.languages
        fact = facts[local] if facts is not None else kind.facts(doc)
        details, refs = kind.fact_detail(details, number, fact, what)
        for ref in refs:
            quotes[ref] = kind.quote(doc, ref)
        found += 1
    return details, quotes, found


def facts_again(engine, rule_id: str, documents: Iterable[Document], positions: Iterable[int]) -> list:
    """The facts of `rule_id` of the documents at `positions` of a partition, worked
    out again as the map phase did (when its spilled facts are not at hand)."""
    kind = {rule.id: kind for rule, kind in engine.kinds}[rule_id]
    chosen, facts = set(positions), []
    for position, doc in enumerate(documents):
        if position in chosen:
            doc.max_block = engine.config.max_block_size  # as Engine.check_document reads it
            doc.attributes["languages"] = engine.config.languages
            facts.append(kind.facts(doc))
    return facts


def settled(got: Any, run_round: Callable[[Round], list]) -> tuple[Any, dict[int, Any]]:
    """What Kind.corpus_wanted gave (`got`) once every further Round has run:
    `run_round` runs one on the cluster and returns its results."""
    while isinstance(got, Round):
        got = got.then(run_round(got))
    return got


class SplitRule:
    """The documents of one split rule across the partitions of a run."""

    def __init__(self, rule_id: str, holders: list[dict]) -> None:
        # Per partition that ran: the positions of its documents that gave facts.
        self.positions = {at: got[rule_id][0] for at, got in enumerate(holders) if rule_id in got}
        self.parts = sorted(self.positions)
        # Per partition that ran, in order: the kind's summary of its facts.
        self.summaries = [holders[at][rule_id][1] for at in self.parts]
        self.offsets: dict[int, int] = {}  # per partition: the number of its first document
        self.documents = 0
        for at in self.parts:
            self.offsets[at] = self.documents
            self.documents += len(self.positions[at])
        self.firsts = [self.offsets[at] for at in self.parts]

    def by_partition(self, needed: dict[int, object]) -> dict[int, dict[int, tuple[int, object, int]]]:
        """`needed` (document number -> what is wanted of it) by partition and position
        (see details_in)."""
        out: dict[int, dict[int, tuple[int, object, int]]] = {}
        for number, what in needed.items():
            at = self.parts[bisect_right(self.firsts, number) - 1]
            local = number - self.offsets[at]
            out.setdefault(at, {})[self.positions[at][local]] = (number, what, local)
        return out

    def round_wanted(self, wanted: dict[int, Any]) -> dict[int, dict[int, Any]]:
        """What a Round asks of each document (by number in the run), by partition and
        by the document's place among the partition's facts (see Kind.round_facts)."""
        out: dict[int, dict[int, Any]] = {}
        for number, what in wanted.items():
            at = self.parts[bisect_right(self.firsts, number) - 1]
            out.setdefault(at, {})[number - self.offsets[at]] = what
        return out

    @staticmethod
    def filled(hits: Iterable[CorpusHit], quotes: dict[TextRef, str]) -> Iterator[CorpusHit]:
        """`hits` with their quotes put in (a sentence not read again quotes nothing)."""
        for hit in hits:
            yield fill(hit, quotes.get(hit.quote_from, "")) if hit.quote_from is not None else hit
