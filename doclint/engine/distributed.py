"""Check documents on a Dask cluster (`--engine dask`).

The map phase (Engine.check_document) runs as tasks over partitions of the input: a
file, one row group of a Parquet file, or about PARTITION_BYTES of a large JSONL file.
Results come back to the client in input order and the corpus phase (Engine.reduce)
runs there over their compact facts, so the report is the one a local run gives. dask.distributed is an optional extra and is
imported only here, only when `--engine dask` asks for it."""
from __future__ import annotations

import logging
import os
import uuid
from dataclasses import dataclass
from typing import Iterator

from doclint.core.discovery import display_path
from doclint.core.loader import (BINARY_SNIFF, JSONL_SUFFIXES, is_binary, is_parquet, load, load_jsonl_part,
                                 unicode_bom)
from doclint.core.problems import ConfigError, Problem
from doclint.engine.phases import DocumentResult, Engine

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


def check_partition(run: str, setup: tuple, part: Partition) -> tuple[list[DocumentResult], list[Problem]]:
    """The task: read one partition and run the map phase on each of its documents.
    A failure becomes a problem naming the file, so one bad partition does not stop the run."""
    try:
        engine = _worker_engines.get(run)
        if engine is None:
            from doclint.engine.config import configured_rules

            loaded, select, ignore = setup
            _worker_engines.clear()  # an engine of an earlier run is not needed again
            engine = _worker_engines[run] = Engine(configured_rules(loaded, select, ignore), loaded.config)
        config = engine.config
        if part.byte_range is not None:
            got = load_jsonl_part(part.path, part.shown, *part.byte_range, config.text_field, config.id_field)
        else:
            got = load(part.path, part.shown, config.text_field, config.id_field,
                       list(part.row_groups) if part.row_groups is not None else None)
        return [engine.check_document(doc) for doc in got.documents], got.problems
    except Exception as exc:  # noqa: BLE001
        return [], [Problem(part.shown, f"task failed: {type(exc).__name__}: {exc}")]


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


def check_files(files: list[str], loaded, select, ignore, problems: list[Problem],
                scheduler: str | None = None, workers: int = 0,
                progress=None) -> Iterator[DocumentResult]:
    """Per-document results of `files`, in input order, computed on a Dask cluster.
    Input problems are appended to `problems` as their partitions come back."""
    from doclint.engine.parallel import Sized

    parts = partitions(files)
    client = connect(scheduler, workers or os.cpu_count() or 1)
    try:
        run = uuid.uuid4().hex
        setup = (loaded, tuple(select), tuple(ignore))
        futures = client.map(check_partition, [run] * len(parts), [setup] * len(parts), parts, pure=False)
        ordered = _in_order(futures, parts)
        if progress:
            ordered = progress(Sized(ordered, len(parts)), unit="part")
        for results, part_problems in ordered:
            problems.extend(part_problems)
            yield from results
    finally:
        close(client)


def _in_order(futures, parts: list[Partition]) -> Iterator[tuple[list[DocumentResult], list[Problem]]]:
    """Each partition's result in input order; a lost worker is a problem, not a crash.
    A future is released once read, so the cluster does not keep its result."""
    for index, future in enumerate(futures):
        try:
            yield future.result()
        except Exception as exc:  # noqa: BLE001 - e.g. KilledWorker after repeated worker deaths
            yield [], [Problem(parts[index].shown, f"task failed on the cluster: {type(exc).__name__}: {exc}")]
        futures[index] = None
        future.release()
