"""`doclint clean` over a folder of JSONL shards: the cleaned corpus is written as a
folder of the same shards, each file atomically, here or as tasks on a Dask cluster.

Dropping duplicate records needs the whole corpus. Near copies (as DL205 measures
them) are found over every shard before any is cleaned, from a MinHash signature of
512 bytes per record; exact copies as the shards are read in order. On a cluster, a
first round of tasks returns a 16-byte key and the signature per record, the client
decides which copies go (the first in file and line order stays, as in a local run)
and hands each task the lines to drop, so the output and the change report are those
of a local run."""
from __future__ import annotations

import os
from typing import Iterator

from doclint.core.loader import JSONL_SUFFIXES
from doclint.core.problems import Problem
from doclint.repair.cleanlog import CleanLog
from doclint.repair.commands import (FirstCopies, RepairResult, clean_corpus, near_copies_by_file,
                                     near_copy_options, read_corpus, record_key, record_signatures)


def shard_pairs(source: str, target: str) -> list[tuple[str, str]]:
    """(input, output) paths of every JSONL file under `source`, in sorted order; the
    output keeps the file's path relative to `source`, under `target`."""
    out = []
    for folder, dirs, names in os.walk(source):
        dirs.sort()
        for name in sorted(names):
            if name.lower().endswith(JSONL_SUFFIXES):
                path = os.path.join(folder, name)
                out.append((path, os.path.join(target, os.path.relpath(path, source))))
    out.sort(key=lambda pair: pair[0])
    return out


def _merge(total: RepairResult, part: RepairResult) -> None:
    total.fixed += part.fixed
    total.dropped += part.dropped
    total.copied += part.copied
    total.changed.extend(part.changed)
    total.problems.extend(part.problems)


def clean_shards(pairs: list[tuple[str, str]], loaded, select=(), ignore=(), unsafe: bool = False,
                 drop_duplicate_records: bool = False, log: CleanLog | None = None) -> RepairResult:
    """Clean each shard in order, here; duplicates are looked for across all of them."""
    out, copies = RepairResult(), FirstCopies()
    near: list[dict | None] = [None] * len(pairs)
    if drop_duplicate_records:
        threshold, least = near_copy_options(loaded)
        signatures = [record_signatures(_records(source, loaded.config.text_field), least) for source, _ in pairs]
        near = near_copies_by_file([source for source, _ in pairs], signatures, threshold)
    for (source, target), near_here in zip(pairs, near):
        os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
        _merge(out, clean_corpus(source, target, loaded, select, ignore, unsafe,
                                 drop_duplicate_records, log, copies, near=near_here))
    return out


def _records(source: str, text_field: str) -> dict:
    """The records of a shard by line; none when it cannot be read (its cleaning reports it)."""
    try:
        return read_corpus(source, text_field)[1]
    except (OSError, UnicodeDecodeError):
        return {}


def _keys_task(source: str, text_field: str, least: int) -> list[tuple[int, bytes, bytes | None]]:
    """(line, exact-copy key, near-copy signature) of each valid record of a shard."""
    records = _records(source, text_field)
    keys = {line: record_key(r.text) for line, r in records.items() if not r.error}
    return [(line, keys[line], sig) for line, sig in record_signatures(records, least)]


def _clean_task(source: str, shown: str, target: str, setup: tuple, unsafe: bool, drop: bool,
                known: dict[int, tuple[str, int]]) -> tuple[RepairResult, list[dict]]:
    loaded, select, ignore = setup
    log = CleanLog()
    try:
        os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
        # `known` holds the exact and the near copies, worked out over the whole run.
        result = clean_corpus(source, target, loaded, select, ignore, unsafe, drop, log,
                              FirstCopies(known), shown, near={})
    except Exception as exc:  # noqa: BLE001 - one bad shard must not stop the run
        result = RepairResult(problems=[Problem(shown, f"task failed: {type(exc).__name__}: {exc}")])
    return result, log.entries


def _copies_by_file(pairs: list[tuple[str, str]], keys: Iterator[list[tuple[int, bytes, bytes | None]]],
                    threshold: float) -> list[dict[int, tuple[str, int]]]:
    """For each file, line -> (path, line) of the earlier record it repeats: exactly
    (the first record with its key), else nearly (the first of its near-copy cluster),
    as clean_corpus decides in a local run."""
    seen: dict[bytes, tuple[str, int]] = {}
    out, signatures = [], []
    for (source, _), file_keys in zip(pairs, keys):
        known = {}
        for line, key, _ in file_keys:
            first = seen.setdefault(key, (source, line))
            if first != (source, line):
                known[line] = first
        out.append(known)
        signatures.append([(line, sig) for line, _, sig in file_keys])
    near = near_copies_by_file([source for source, _ in pairs], signatures, threshold)
    return [{**near_here, **known} for known, near_here in zip(out, near)]


def clean_shards_on_cluster(pairs: list[tuple[str, str]], loaded, select=(), ignore=(),
                            unsafe: bool = False, drop_duplicate_records: bool = False,
                            log: CleanLog | None = None, scheduler: str | None = None,
                            workers: int = 0) -> RepairResult:
    """`clean_shards` with one task per shard on a Dask cluster (the paths must be
    the same on every worker); the result and the log are those of `clean_shards`."""
    from doclint.engine.distributed import close, connect

    log = log if log is not None else CleanLog()
    wheres = [(os.path.abspath(s), os.path.abspath(t)) for s, t in pairs]
    n = len(pairs)
    client = connect(scheduler, workers or os.cpu_count() or 1)
    try:
        known: list[dict] = [{} for _ in pairs]
        if drop_duplicate_records:
            threshold, least = near_copy_options(loaded)
            keys = client.map(_keys_task, [w[0] for w in wheres], [loaded.config.text_field] * n, [least] * n,
                              pure=False)
            known = _copies_by_file(pairs, (future.result() for future in keys), threshold)
        setup = (loaded, tuple(select), tuple(ignore))
        futures = client.map(_clean_task, [w[0] for w in wheres], [s for s, _ in pairs], [w[1] for w in wheres],
                             [setup] * n, [unsafe] * n, [drop_duplicate_records] * n, known, pure=False)
        out = RepairResult()
        for future in futures:
            part, entries = future.result()
            _merge(out, part)
            for entry in entries:
                log.add_entry(entry)
        return out
    finally:
        close(client)
