"""Check files in worker processes; results come back in file order, so the corpus
phase sees the same facts in the same order as a single-process run."""
from __future__ import annotations

import os
from typing import Iterable, Iterator

from doclint.core.discovery import display_path
from doclint.core.loader import load
from doclint.core.problems import Problem
from doclint.engine.phases import DocumentResult, Engine

# Below this many bytes of input, starting workers (each imports doclint and compiles
# the rules, about half a second) costs more than it saves.
AUTO_MIN_BYTES = 4_000_000

_worker_engine: Engine | None = None
_worker_fields = ("text", "")  # the text and id fields of JSONL and Parquet records


def auto_jobs(files: list[str]) -> int:
    """Workers to use for `--jobs 0`: one per core for large runs, else none."""
    total = 0
    for path in files:
        try:
            total += os.path.getsize(path)
        except OSError:
            pass
        if total >= AUTO_MIN_BYTES:
            return min(os.cpu_count() or 1, 8)
    return 1


def _init_worker(loaded, select, ignore) -> None:
    from doclint.engine.config import configured_rules

    global _worker_engine, _worker_fields
    _worker_engine = Engine(configured_rules(loaded, select, ignore), loaded.config)
    _worker_fields = (loaded.config.text_field, loaded.config.id_field)


def _check_file(path: str) -> tuple[list[DocumentResult], list[Problem]]:
    loaded = load(path, display_path(path), *_worker_fields)
    return [_worker_engine.check_document(doc) for doc in loaded.handed_out()], loaded.problems


class Sized:
    """An iterator with a length, so that a progress bar can show a total."""

    def __init__(self, items: Iterable, length: int) -> None:
        self.items, self.length = items, length

    def __iter__(self) -> Iterator:
        return iter(self.items)

    def __len__(self) -> int:
        return self.length


def check_files(files: list[str], loaded, select, ignore, jobs: int,
                problems: list[Problem], progress=None) -> Iterator[DocumentResult]:
    """Per-document results of `files`, in order, computed by `jobs` worker processes.
    Input problems are appended to `problems` as their files come back."""
    # Imported here: a one-file hook run asks only auto_jobs and never starts a pool.
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(loaded, tuple(select), tuple(ignore))) as pool:
        per_file = pool.map(_check_file, files, chunksize=max(1, min(16, len(files) // (jobs * 8) or 1)))
        if progress:
            per_file = progress(Sized(per_file, len(files)))
        for results, file_problems in per_file:
            problems.extend(file_problems)
            yield from results
