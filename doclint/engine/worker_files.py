"""The files a Dask worker keeps for a run of the distributed engine: the spilled facts
of its partitions and the shards of the split rules' ranges (doclint.engine.split_corpus
writes and reads them), where they live, how a range task reads its shards back, and
their removal. Runs on the workers; dask.distributed is imported only where needed."""
from __future__ import annotations

import os
import shutil
import tempfile

from doclint.engine.split_corpus import SpilledShard, read_shard


def spill_folder(run: str) -> str:
    """Where this worker keeps the spilled facts of `run` (see split_corpus.spill)."""
    return os.path.join(tempfile.gettempdir(), f"doclint-spill-{run}")


def forget(run: str) -> None:
    """Remove this worker's spilled facts of `run` (run on every worker at the end)."""
    shutil.rmtree(spill_folder(run), ignore_errors=True)


def worker_address() -> str | None:
    try:
        from distributed import get_worker

        return get_worker().address
    except (ImportError, ValueError):
        return None


def round_folder(run: str, rule_id: str, name: str) -> str:
    """Where this worker keeps its shards of one round of a split rule, "ranges" for
    those of the map tasks (inside the spill folder, so that the end of the run
    removes them whatever happens)."""
    return os.path.join(spill_folder(run), f"{rule_id}-{name}")


def forget_round(run: str, rule_id: str, name: str) -> None:
    """Remove this worker's shards of a round (see round_folder)."""
    shutil.rmtree(round_folder(run, rule_id, name), ignore_errors=True)


def read_here(shard: SpilledShard):
    """The shard from its file, when this worker sees it (it wrote it, or the workers
    share a disk), else None."""
    try:
        return read_shard(shard.path)
    except OSError:
        return None


def read_shards(shards: list[tuple[int, object]]) -> list[tuple[int, object]]:
    """A range task's shards, those spilled read from their files: here when this worker
    sees the file, else by a task on the worker that wrote it (its disk may be its own).
    A shard that cannot be read fails the task, and with it the rule (a problem)."""
    out, elsewhere = [], {}
    for at, (first, shard) in enumerate(shards):
        if isinstance(shard, SpilledShard):
            got = read_here(shard)
            if got is None:
                elsewhere[at] = shard
            shard = got
        out.append((first, shard))
    if elsewhere:
        from distributed import worker_client

        with worker_client() as client:
            for at, shard in elsewhere.items():  # one at a time: each is freed on the writer once read
                future = client.submit(read_shard, shard.path, workers=[shard.worker] if shard.worker else None,
                                       allow_other_workers=True, pure=False)
                out[at] = (out[at][0], future.result())
                future.release()
    return out
