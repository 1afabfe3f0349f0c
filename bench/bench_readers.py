"""Benchmark the markup readers: MB/s of each reader (Markdown, reST, text) on real files.

What it measures: only the time spent in the reader's parse function (prose blocks and
the masked text), called once per file, as a Document does on first use. Reading the
files is not timed. MB means 10**6 bytes of UTF-8. Time is the process's CPU time and
the best of `--repeat` runs is kept, so that other work on a shared machine counts
as little as possible.

The input is every .md, .rst and .txt file under the given paths (for example
`../shared/eval/real`); without paths the bundled examples/ folder is used.

Run: python bench/bench_readers.py [PATH ...] [--repeat 5]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.inputs import read_inputs  # noqa: E402
from doclint.markup import reader_for  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*", default=[str(Path(__file__).resolve().parent.parent / "examples")])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    files = read_inputs(args.paths)
    if not files:
        sys.exit("no .md, .rst or .txt files found")
    by_reader: dict[str, list[str]] = {}
    for path, text in files:
        by_reader.setdefault(Path(path).suffix, []).append(text)
    total_mb = total_best = 0.0
    for suffix, texts in sorted(by_reader.items()):
        parse = reader_for("x" + suffix)
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        best = float("inf")
        for _ in range(args.repeat):
            t0 = time.process_time()
            for text in texts:
                parse(text)
            best = min(best, time.process_time() - t0)
        total_mb += mb
        total_best += best
        print(f"{suffix:5} {len(texts):4} files {mb:6.2f} MB  {best:6.3f} s  {mb / best:6.2f} MB/s")
    print(f"all   {len(files):4} files {total_mb:6.2f} MB  {total_best:6.3f} s  {total_mb / total_best:6.2f} MB/s")


if __name__ == "__main__":
    main()
