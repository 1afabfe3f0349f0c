"""Benchmark the duplication rules (DL201-DL203 unless --rules says) on a >= 50 MB generated corpus.

What it measures, on one process:
- `baseline`: reading every document and splitting it into sentences (work the engine
  does for every rule; cached on the Document, so the rules reuse it);
- `rules`: the same plus the duplication rules (map phase facts, corpus phase);
- duplication rules alone = rules - baseline, as MB/s and sentences/s;
- peak memory: the process's peak RSS growth during the rules run (resource.getrusage),
  and with `--tracemalloc` the peak of Python allocations during a separate run,
  also given per million sentences.

The corpus comes from bench/corpus.py (fixed seed; built under /tmp when missing): a
folder of text files, or with a `--corpus` path ending in `.jsonl` one JSONL file of
records (what DL205, which compares records, needs). MB means 10**6 bytes of UTF-8.

Run: python bench/bench_duplication.py [--corpus DIR|FILE.jsonl] [--size-mb 50] [--rules DL205] [--tracemalloc]
"""
from __future__ import annotations

import argparse
import dataclasses
import gc
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import build_corpus  # noqa: E402
from doclint.core.loader import load  # noqa: E402
from doclint.engine.config import Config  # noqa: E402
from doclint.engine.packs import load_rules  # noqa: E402
from doclint.engine.phases import Engine  # noqa: E402

RULES = ("DL201", "DL202", "DL203")


def documents(files: list[str]):
    for path in files:
        yield from load(path, path, "text").documents


def baseline(files: list[str]) -> tuple[float, float, int]:
    wall, cpu = time.perf_counter(), time.process_time()
    sentences = 0
    for doc in documents(files):
        sentences += len(doc.sentences)
    return time.perf_counter() - wall, time.process_time() - cpu, sentences


def reading(files: list[str]) -> float:
    """CPU seconds to read the documents without splitting them: the baseline of a rule
    that reads whole texts (DL205), for which the split is work it does not do."""
    cpu = time.process_time()
    for _ in documents(files):
        pass
    return time.process_time() - cpu


def run_rules(files: list[str], rules) -> tuple[float, float, object]:
    engine = Engine(rules, Config())
    wall, cpu = time.perf_counter(), time.process_time()
    result = engine.run(documents(files))
    return time.perf_counter() - wall, time.process_time() - cpu, result


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="/tmp/doclint-bench-duplication")
    parser.add_argument("--size-mb", type=float, default=50)
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--rules", default=",".join(RULES))
    args = parser.parse_args()
    if not os.path.exists(args.corpus):
        print(f"building {args.size_mb} MB corpus in {args.corpus} ...", flush=True)
        print(build_corpus(args.corpus, args.size_mb))
    if args.corpus.endswith(".jsonl"):
        files = [args.corpus]
    else:
        files = sorted(str(p) for p in Path(args.corpus).glob("*.txt"))
    megabytes = sum(os.path.getsize(f) for f in files) / 1e6
    wanted = args.rules.split(",")
    rules = [dataclasses.replace(r, enabled=True) for r in load_rules() if r.id in wanted]

    base_time, base_cpu, sentences = baseline(files)
    gc.collect()
    rss_before = peak_rss_mb()
    rules_time, rules_cpu, result = run_rules(files, rules)
    rss_growth = peak_rss_mb() - rss_before
    counts = {rid: sum(1 for f in result.findings if f.rule_id == rid) for rid in wanted}
    alone = max(rules_time - base_time, 1e-9)
    alone_cpu = max(rules_cpu - base_cpu, 1e-9)
    print(f"corpus: {megabytes:.1f} MB, {len(files)} files, {sentences} sentences")
    print(f"findings: {counts}")
    print(f"baseline (read + split): {base_time:.1f} s, {megabytes / base_time:.2f} MB/s")
    print(f"with rules {','.join(wanted)}: {rules_time:.1f} s, {megabytes / rules_time:.2f} MB/s, "
          f"{sentences / rules_time:,.0f} sentences/s")
    print(f"duplication rules alone: {alone:.1f} s, {megabytes / alone:.2f} MB/s, "
          f"{sentences / alone:,.0f} sentences/s")
    # On a shared machine wall time includes waiting for the CPU; process time does not.
    print(f"CPU time: baseline {base_cpu:.1f} s, with rules {rules_cpu:.1f} s; rules alone {alone_cpu:.1f} s, "
          f"{megabytes / alone_cpu:.2f} MB/s, {sentences / alone_cpu:,.0f} sentences/s")
    print(f"peak RSS growth during the rules run: {rss_growth:.0f} MB "
          f"({rss_growth / sentences * 1e6:.0f} MB per million sentences); peak RSS {peak_rss_mb():.0f} MB")
    read_cpu = reading(files)
    print(f"CPU time reading only (no split): {read_cpu:.1f} s; rules over reading: "
          f"{rules_cpu - read_cpu:.1f} s, {megabytes / max(rules_cpu - read_cpu, 1e-9):.2f} MB/s")
    if args.tracemalloc:
        del result
        gc.collect()
        tracemalloc.start()
        run_rules(files, rules)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"tracemalloc peak during the rules run: {peak / 1e6:.0f} MB "
              f"({peak / 1e6 / sentences * 1e6:.0f} MB per million sentences)")


if __name__ == "__main__":
    main()
