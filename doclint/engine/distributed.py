"""Check documents on a Dask cluster (`--engine dask`).

The map phase (Engine.check_document) runs as tasks over partitions of the input: a
file, one row group of a Parquet file, or about PARTITION_BYTES of a large JSONL file.
Results come back to the client in input order. The corpus phase of a rule whose kind
splits it (Kind.splits_corpus: exact and near-duplicate sentences, near-duplicate
documents) runs on the workers by hash range (doclint.engine.split_corpus), in one
round or more: its facts stay there, cut into ranges. The facts of the
other corpus rules come back with the results and their phase (Engine.reduce) runs in
the client, as in a local run, so the report is the one a local run gives; the
sentences its findings quote are then read by a second task on each partition that
holds some (facts carry no text). dask.distributed is an optional extra and is
imported only here, only when `--engine dask` asks for it."""
from __future__ import annotations

import logging
import os
import uuid
from bisect import bisect_right
from dataclasses import dataclass
from typing import Callable, Iterator

from doclint.core.discovery import display_path
from doclint.core.loader import (BINARY_SNIFF, JSONL_SUFFIXES, is_binary, is_parquet, load, load_jsonl_part,
                                 unicode_bom)
from doclint.core.problems import ConfigError, Problem
from doclint.engine.phases import DocumentResult, Engine
from doclint.engine.quotes import DocKey, Wanted, quotes_in, unreadable
from doclint.engine.split_corpus import (SplitRule, details_in, facts_again, settled, spill, spill_shards, split_facts,
                                         unspill)
from doclint.engine.worker_files import forget, forget_round, read_shards, round_folder, spill_folder, worker_address

INSTALL_HINT = "--engine dask needs dask.distributed: pip install 'doclint[dask]'"
CONNECT_TIMEOUT = "30s"
# A JSONL file larger than this is cut into parts of about this size at line ends, so
# that what a worker holds at once follows the part, not the file.
PARTITION_BYTES = 64 * 1024 * 1024

# Engines built on a worker, by run: building one loads and compiles every rule
# (about half a second), so each worker does it once per run, not once per task.
_worker_engines: dict[str, Engine] = {}


@dataclass(frozen=True)
class Partition:
    """One task's share of the input: a file, some row groups of a Parquet file, or the
    lines of a JSONL file in bytes [start, end), the first of them line `first_line`."""

    path: str    # as the workers open it (absolute: their working folder may differ)
    shown: str   # as reports name it
    row_groups: tuple[int, ...] | None = None
    byte_range: tuple[int, int, int] | None = None  # (start, end, first_line)


# Input bytes per hash range at the most, by default: a range task holds its range's
# share of every partition's shards (DL202's band keys), which must not grow with the
# corpus. At 2,000 MB, two ranges (one worker) left a worker at 2,046 MB.
RANGE_BYTES = 256 * 10**6


def default_ranges(workers: int, input_bytes: int) -> int:
    """Hash ranges of a corpus phase when `--ranges` is not given: two a worker, so that
    they run side by side with other work, and at least one per RANGE_BYTES of input."""
    return max(2 * max(1, workers), -(-input_bytes // RANGE_BYTES))


def _input_bytes(parts: list[Partition]) -> int:
    """The bytes of the input files (each file once, whatever its partitions)."""
    total = 0
    for path in {part.path for part in parts}:
        try:
            total += os.path.getsize(path)
        except OSError:  # unreadable: its partition reports the problem
            pass
    return total


def partitions(files: list[str], part_bytes: int | None = None) -> list[Partition]:
    """A partition per file, per row group of a Parquet file and per `part_bytes` of a
    JSONL file (default PARTITION_BYTES), in input order."""
    from doclint.markup.parquet import ParquetError, row_group_count

    part_bytes = part_bytes or PARTITION_BYTES
    out = []
    for path in files:
        where, shown = os.path.abspath(path), display_path(path)
        if path.lower().endswith(JSONL_SUFFIXES):
            ranges = jsonl_ranges(path, part_bytes)
            if len(ranges) > 1:
                out.extend(Partition(where, shown, byte_range=r) for r in ranges)
                continue
        elif is_parquet(path):
            try:
                groups = row_group_count(path)
            except ParquetError:
                groups = 0  # one task reads the file and reports why it cannot
            if groups > 1:
                out.extend(Partition(where, shown, (group,)) for group in range(groups))
                continue
        out.append(Partition(where, shown))
    return out


def jsonl_ranges(path: str, part_bytes: int) -> list[tuple[int, int, int]]:
    """(start, end, first line) of parts of about `part_bytes` that end at line ends,
    found in one pass over the file. A binary or unreadable file, or one without a
    line end in a part, is left whole: its task reports it as a local run would."""
    out: list[tuple[int, int, int]] = []
    try:
        with open(path, "rb") as handle:
            total = os.fstat(handle.fileno()).st_size
            head = handle.read(BINARY_SNIFF)
            # UTF-16 and UTF-32 files cannot be cut at a newline byte; binary files are skipped whole.
            if total <= part_bytes or is_binary(head) or unicode_bom(head) is not None:
                return [(0, total, 1)]
            start, line = 0, 1
            while start < total:
                handle.seek(start)
                block = handle.read(part_bytes)
                cut = block.rfind(b"\n") + 1
                if start + len(block) >= total or cut == 0:
                    out.append((start, total, line))
                    break
                out.append((start, start + cut, line))
                # Lines as the loader counts them: CR LF, LF and a lone CR each end one.
                line += block.count(b"\n", 0, cut) + block.count(b"\r", 0, cut) - block.count(b"\r\n", 0, cut)
                start += cut
    except OSError:
        return [(0, 0, 1)]
    return out


def _engine(run: str, setup: tuple) -> Engine:
    """This worker's engine for `run`, built on its first task."""
    engine = _worker_engines.get(run)
    if engine is None:
        from doclint.engine.config import configured_rules

        loaded, select, ignore = setup
        _worker_engines.clear()  # an engine of an earlier run is not needed again
        engine = _worker_engines[run] = Engine(configured_rules(loaded, select, ignore), loaded.config)
    return engine


def _load(part: Partition, config):
    if part.byte_range is not None:
        return load_jsonl_part(part.path, part.shown, *part.byte_range, config.text_field, config.id_field)
    return load(part.path, part.shown, config.text_field, config.id_field,
                list(part.row_groups) if part.row_groups is not None else None)


def check_partition(run: str, setup: tuple, part: Partition, split: tuple[str, ...] = (),
                    ranges: int = 1) -> tuple[list[DocumentResult], list[Problem], dict, dict]:
    """The task: read one partition and run the map phase on each of its documents.
    The facts of the `split` rules stay here, cut into `ranges` shards (see
    doclint.engine.split_corpus). A failure becomes a problem naming the file, so one
    bad partition does not stop the run."""
    try:
        engine = _engine(run, setup)
        got = _load(part, engine.config)
        results = [engine.check_document(doc) for doc in got.handed_out()]
        holders, shards, kept = split_facts(engine, results, split, ranges)
        spilled = None
        if split:
            name, worker = uuid.uuid4().hex, worker_address()
            path = spill(spill_folder(run), name, kept)
            spilled = (worker, path) if path else None
            # The shards too: the cluster would keep them until the rule's range tasks
            # run, every partition's at once, and those of the last split rule wait
            # through the corpus phase of the others.
            shards = {rule_id: spill_shards(round_folder(run, rule_id, "ranges"), name, parts, worker) or parts
                      for rule_id, parts in shards.items()}
        return results, got.problems, holders, spilled, shards
    except Exception as exc:  # noqa: BLE001
        return [], [Problem(part.shown, f"task failed: {type(exc).__name__}: {exc}")], {}, None, {}


def _front(out: tuple) -> tuple:
    """What the client reads of a map task: results, problems, holders and where the
    facts were spilled (not the shards)."""
    return out[:4]


def _shard(out: tuple, rule_id: str, at: int):
    """One shard of a map task's output, for the task of range `at`."""
    return out[4][rule_id][at]


def reduce_range(run: str, setup: tuple, rule_id: str, shards: list[tuple[int, object]], documents: int):
    """The task of one hash range of a split rule (Kind.reduce_range)."""
    kind = dict((rule.id, kind) for rule, kind in _engine(run, setup).kinds)[rule_id]
    return kind.reduce_range(read_shards(shards), documents)


def round_partition(run: str, setup: tuple, part: Partition, rule_id: str, name: str, first: int, given,
                    wanted: dict, ranges: int, spilled: str | None, positions,
                    sharded: bool = False) -> tuple[object, list[Problem]]:
    """A further Round of a split rule on one partition (Kind.round_facts), from the
    facts its map task spilled when they are on this worker, else worked out again.
    The shards of a `sharded` round are written to this worker's disk and stand in
    the result as SpilledShard: the cluster keeps a task's result until every range
    task has taken its shard, so in memory they would add up to the whole run's."""
    try:
        engine = _engine(run, setup)
        kind = {rule.id: kind for rule, kind in engine.kinds}[rule_id]
        facts = unspill(spilled, rule_id)
        if facts is None:
            facts = facts_again(engine, rule_id, _load(part, engine.config).handed_out(), positions)
            if len(facts) != len(positions):
                return None, [unreadable(part.shown)]
        out = kind.round_facts(name, facts, first, given, wanted, ranges)
        del facts
        if sharded:
            out = spill_shards(round_folder(run, rule_id, name), uuid.uuid4().hex, out, worker_address()) or out
        return out, []
    except Exception as exc:  # noqa: BLE001
        return None, [Problem(part.shown, f"task failed: {type(exc).__name__}: {exc}")]


def _fail_if_unread(problems: list[Problem]) -> None:
    """Stop a split rule's corpus phase when a partition could not be read again: it
    changed or was lost since it was checked, so its facts are not those of the run."""
    if problems:
        raise RuntimeError(f"{len(problems)} partition(s) could not be read again: {problems[0]}")


def _round_problems(out: tuple) -> list[Problem]:
    return out[1]


def _round_shard(out: tuple, at: int):
    """Shard `at` of a round task's output, for the task of that range."""
    return out[0][at]


def reduce_round(run: str, setup: tuple, rule_id: str, name: str, shards: list[tuple[int, object]],
                 documents: int, given):
    """The task of one hash range in a further Round of a split rule (Kind.reduce_round)."""
    kind = {rule.id: kind for rule, kind in _engine(run, setup).kinds}[rule_id]
    return kind.reduce_round(name, read_shards(shards), documents, given)


def quote_partition(run: str, setup: tuple, part: Partition,
                    wanted: dict[DocKey, list[Wanted]]) -> tuple[dict[Wanted, str], list[Problem]]:
    """The second, small task of a run: read one partition again and quote the sentences
    that the corpus phase reported in it (facts carry no text, see doclint.engine.quotes)."""
    try:
        engine = _engine(run, setup)
        out: dict[Wanted, str] = {}
        found = 0
        for doc in _load(part, engine.config).handed_out():
            refs = wanted.get((doc.path, doc.record_line))
            if refs:
                out.update(quotes_in(engine, doc, refs))
                found += 1
        return out, [] if found == len(wanted) else [unreadable(part.shown)]
    except Exception as exc:  # noqa: BLE001
        return {}, [Problem(part.shown, f"task failed: {type(exc).__name__}: {exc}")]


def detail_partition(run: str, setup: tuple, part: Partition, rule_id: str,
                     wanted: dict[int, tuple[int, object, int]], spilled: str | None) -> tuple[object, dict, list[Problem]]:
    """Read one partition again and return what a split rule's plan needs of the
    documents at positions `wanted`, from the facts its map task spilled when they
    are on this worker (see doclint.engine.split_corpus.details_in)."""
    try:
        engine = _engine(run, setup)
        facts = unspill(spilled, rule_id)
        details, quotes, found = details_in(engine, rule_id, _load(part, engine.config).handed_out(), wanted, facts)
        return details, quotes, [] if found == len(wanted) else [unreadable(part.shown)]
    except Exception as exc:  # noqa: BLE001
        return None, {}, [Problem(part.shown, f"task failed: {type(exc).__name__}: {exc}")]


def _distributed():
    try:
        import dask.distributed
    except ImportError:
        raise ConfigError("--engine dask", INSTALL_HINT) from None
    return dask.distributed


def connect(scheduler: str | None, workers: int):
    """A client of the cluster at `scheduler`, or of a new local cluster of `workers`
    single-threaded worker processes (rules hold the GIL, so threads would not help)."""
    distributed = _distributed()
    if scheduler:
        try:
            return distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise ConfigError("--scheduler", f"cannot connect to {scheduler}: {exc}") from None
    cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=logging.ERROR)
    client = distributed.Client(cluster)
    client.doclint_cluster = cluster  # closed with the client, see close()
    return client


def close(client) -> None:
    cluster = getattr(client, "doclint_cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


class ClusterRun:
    """A run on a Dask cluster, used as a context manager (the client and, without an
    address, the local cluster close on exit). Iterating it gives the per-document
    results of `files` in input order (input problems go to `problems` as their
    partitions come back); quotes() then reads the reported sentences on the workers."""

    def __init__(self, files: list[str], loaded, select, ignore, problems: list[Problem],
                 scheduler: str | None = None, workers: int = 0, progress=None,
                 engine: Engine | None = None, ranges: int = 0) -> None:
        self.parts = partitions(files)
        # The corpus rules whose phase runs on the workers by hash range (none without `engine`).
        self.split = tuple(rule.id for rule, kind in engine.kinds if kind.uses_corpus() and kind.splits_corpus()) \
            if engine is not None else ()
        self.ranges = ranges
        self.holders: list[dict] = []  # per partition, per split rule: positions of documents with facts
        self.spilled: list[tuple | None] = []  # per partition: the worker and file holding its split facts
        self.shards: dict[str, list[list]] = {}  # per split rule, per range: a future per partition
        self.setup = (loaded, tuple(select), tuple(ignore))
        self.problems = problems
        self.scheduler, self.workers, self.progress = scheduler, workers or os.cpu_count() or 1, progress
        self.run = uuid.uuid4().hex
        # Per partition, the record lines of its first and last documents: enough to
        # find a document's partition again (a file's partitions hold its records in order).
        self.spans: list[tuple[int | None, int | None]] = []

    def __enter__(self) -> "ClusterRun":
        self.client = connect(self.scheduler, self.workers)
        return self

    def __exit__(self, *exc) -> None:
        if self.split:
            try:
                self.client.run(forget, self.run)
            except Exception:  # noqa: BLE001 - a worker gone: its temporary folder goes with it or stays
                pass
        close(self.client)

    def __iter__(self) -> Iterator[DocumentResult]:
        from doclint.engine.parallel import Sized

        n = len(self.parts)
        if self.split and not self.ranges:
            self.ranges = default_ranges(len(self.client.scheduler_info().get("workers", {})),
                                         _input_bytes(self.parts))
        ranges = max(1, self.ranges)
        futures = self.client.map(check_partition, [self.run] * n, [self.setup] * n, self.parts,
                                  [self.split] * n, [ranges] * n, pure=False)
        fronts = self.client.map(_front, futures, pure=False)
        self.shards = {rule_id: [self.client.map(_shard, futures, [rule_id] * n, [at] * n, pure=False)
                                 for at in range(ranges)] for rule_id in self.split}
        for future in futures:  # the cluster keeps each output until its front and shards are taken
            future.release()
        del futures
        ordered = _in_order(fronts, self.parts, lambda problems: ([], problems, {}, None))
        if self.progress:
            ordered = self.progress(Sized(ordered, n), unit="part")
        for results, part_problems, holders, spilled in ordered:
            self.problems.extend(part_problems)
            self.holders.append(holders)
            self.spilled.append(spilled)
            lines = [result.key[1] for result in results]
            self.spans.append((lines[0], lines[-1]) if lines else (None, None))
            yield from results

    def corpus_hits(self, rule, kind) -> tuple[list, list[Problem]]:
        """The hits of a split rule, its corpus phase run on the workers by hash range."""
        split = SplitRule(rule.id, self.holders)
        shards = self.shards.pop(rule.id)
        reduced = [self.client.submit(reduce_range, self.run, self.setup, rule.id,
                                      [(split.offsets[at], column[at]) for at in split.parts],
                                      split.documents, pure=False) for column in shards]
        for column in shards:  # the range tasks hold what they need
            for future in column:
                future.release()
        del shards
        got = kind.corpus_wanted([future.result() for future in reduced], split.documents, split.summaries)
        del reduced
        self._forget_round(rule.id, "ranges")
        plan, needed = settled(got, lambda step: self._round(rule, split, step))
        by_part = split.by_partition(needed)
        indexes = sorted(by_part)
        # Each detail task runs where its partition's facts were spilled, if that worker is free.
        futures = []
        for index in indexes:
            worker, path = self.spilled[index] or (None, None)
            futures.append(self.client.submit(detail_partition, self.run, self.setup, self.parts[index], rule.id,
                                              by_part[index], path, pure=False,
                                              workers=[worker] if worker else None, allow_other_workers=True))
        details, quotes, problems = [], {}, []
        for got, got_quotes, part_problems in _in_order(futures, [self.parts[i] for i in indexes],
                                                            lambda problems: (None, {}, problems)):
            if got is not None:
                details.append(got)
            quotes.update(got_quotes)
            problems.extend(part_problems)
        _fail_if_unread(problems)
        return list(split.filled(kind.finish_corpus(plan, details), quotes)), problems

    def _round(self, rule, split: SplitRule, step) -> list:
        """Run a further Round of a split rule (see Kind.corpus_wanted) on the cluster:
        its results, range by range or partition by partition."""
        asked = split.round_wanted(step.wanted)
        parts = split.parts if step.ranges else [at for at in split.parts if at in asked]
        futures = []
        for at in parts:
            worker, path = self.spilled[at] or (None, None)
            futures.append(self.client.submit(
                round_partition, self.run, self.setup, self.parts[at], rule.id, step.name, split.offsets[at],
                step.given, asked.get(at, {}), self.ranges, path, split.positions[at], step.ranges, pure=False,
                workers=[worker] if worker else None, allow_other_workers=True))
        if not step.ranges:
            answers, problems = [], []
            for answer, part_problems in _in_order(futures, [self.parts[at] for at in parts],
                                                   lambda problems: (None, problems)):
                answers.append(answer)
                problems.extend(part_problems)
            _fail_if_unread(problems)
            return answers
        problems = [p for found in self.client.gather(self.client.map(_round_problems, futures, pure=False))
                    for p in found]
        _fail_if_unread(problems)
        reduced = [self.client.submit(reduce_round, self.run, self.setup, rule.id, step.name,
                                      [(split.offsets[at], self.client.submit(_round_shard, future, r, pure=False))
                                       for at, future in zip(parts, futures)],
                                      split.documents, step.given, pure=False)
                   for r in range(self.ranges)]
        for future in futures:  # the range tasks hold what they need
            future.release()
        del futures
        results = [future.result() for future in reduced]
        self._forget_round(rule.id, step.name)
        return results

    def _forget_round(self, rule_id: str, name: str) -> None:
        """Remove the workers' shards of a round once its range tasks are done."""
        try:
            self.client.run(forget_round, self.run, rule_id, name)
        except Exception:  # noqa: BLE001 - a worker gone: the end of the run removes the rest
            pass

    def finder(self) -> Callable[[DocKey], int | None]:
        """A function from a document's key to the partition that holds it."""
        by_path: dict[str, tuple[list[int], list[int]]] = {}
        for index, (part, (first, _)) in enumerate(zip(self.parts, self.spans)):
            if first is not None or part.byte_range is None and part.row_groups is None:
                firsts, indexes = by_path.setdefault(part.shown, ([], []))
                firsts.append(first or 0)
                indexes.append(index)

        def part_of(key: DocKey) -> int | None:
            path, line = key
            if path not in by_path:
                return None
            firsts, indexes = by_path[path]
            at = bisect_right(firsts, line or 0) - 1
            return indexes[at] if at >= 0 else None

        return part_of

    def quotes(self, wanted: dict[DocKey, list[Wanted]], engine) -> tuple[dict[Wanted, str], list[Problem]]:
        """The quotes of `wanted`, one task per partition that holds some of them."""
        by_part: dict[int, dict[DocKey, list[Wanted]]] = {}
        problems = []
        part_of = self.finder()
        for key, refs in wanted.items():
            index = part_of(key)
            if index is None:
                problems.append(unreadable(key[0]))
            else:
                by_part.setdefault(index, {})[key] = refs
        indexes = sorted(by_part)
        futures = self.client.map(quote_partition, [self.run] * len(indexes), [self.setup] * len(indexes),
                                  [self.parts[i] for i in indexes], [by_part[i] for i in indexes], pure=False)
        out: dict[Wanted, str] = {}
        for got, part_problems in _in_order(futures, [self.parts[i] for i in indexes], lambda problems: ({}, problems)):
            out.update(got)
            problems.extend(part_problems)
        return out, problems


def _in_order(futures, parts: list[Partition],
              failed: Callable[[list[Problem]], tuple] = lambda problems: ([], problems)) -> Iterator[tuple]:
    """Each partition's result in input order; a lost worker is a problem (`failed`
    makes the task's result of it), not a crash. A future is released once read, so
    the cluster does not keep its result."""
    for index, future in enumerate(futures):
        try:
            yield future.result()
        except Exception as exc:  # noqa: BLE001 - e.g. KilledWorker after repeated worker deaths
            yield failed([Problem(parts[index].shown, f"task failed on the cluster: {type(exc).__name__}: {exc}")])
        futures[index] = None
        future.release()
