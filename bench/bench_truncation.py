"""Benchmark the truncation rules (DL101, DL102): MB/s over real documents.

What it measures: the time the two truncation rules spend in `check()` per document,
with the document's parse and sentence split done (and timed) separately, since every
rule shares them. MB means 10**6 bytes of UTF-8.

The input is every .md, .rst and .txt file under the given paths (for example the
documentation of installed packages, `/usr/share/doc`), read once and repeated up to
`--size-mb`. Without paths, the bundled examples/ folder is used.

Run: python bench/bench_truncation.py [PATH ...] [--size-mb 20] [--repeat 3]
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.inputs import read_inputs  # noqa: E402
from doclint.api import document_from_text  # noqa: E402
from doclint.engine.packs import load_rules  # noqa: E402
from doclint.registry import KINDS  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*", default=[str(Path(__file__).resolve().parent.parent / "examples")])
    ap.add_argument("--size-mb", type=float, default=20.0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    files = read_inputs(args.paths)
    if not files:
        sys.exit("no .md, .rst or .txt files found")
    one = sum(len(t.encode("utf-8")) for _, t in files)
    copies = max(1, int(args.size_mb * 1e6 // one))
    rules = [dataclasses.replace(r, enabled=True) for r in load_rules() if r.category == "truncation"]
    kinds = [KINDS[r.kind](r) for r in rules]
    size = one * copies
    print(f"{len(files)} files, {one / 1e6:.2f} MB x {copies} copies = {size / 1e6:.1f} MB; "
          f"rules {', '.join(r.id for r in rules)}")
    for run in range(args.repeat):
        prep = check = 0.0
        findings = 0
        for _ in range(copies):
            for name, text in files:
                t0 = time.perf_counter()
                doc = document_from_text(name, text)
                doc.sentences  # parse and split: shared by every rule
                t1 = time.perf_counter()
                for kind in kinds:
                    findings += sum(1 for _ in kind.check(doc))
                check += time.perf_counter() - t1
                prep += t1 - t0
        print(f"run {run + 1}: truncation rules {size / 1e6 / check:.1f} MB/s "
              f"({check:.2f} s), parse+split {size / 1e6 / prep:.1f} MB/s, {findings} findings")


if __name__ == "__main__":
    main()
