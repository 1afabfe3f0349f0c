"""Memory of writing a large JSON report: built whole, or streamed a finding at a time.

Builds --findings synthetic findings shaped like the exact-duplicate findings of a
corpus (a record, a related place, a quote in the message), then writes the JSON
report to a file twice in this process, measuring the peak of Python allocations
above the findings themselves (tracemalloc) for each:

1. whole: as `doclint check --output` did before it streamed (the report rendered
   into a StringIO, its text taken out, then written by atomic_write_text, which
   encodes it);
2. streamed: the JSON formatter writing into core.writer.atomic_stream.

Both files must be byte-identical. Run: python bench/bench_report_stream.py [--findings 100000]
"""
from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from doclint.core.finding import Finding, Location, Severity  # noqa: E402
from doclint.core.writer import atomic_stream, atomic_write_text  # noqa: E402
from doclint.engine.phases import RunResult  # noqa: E402
from doclint.report.formatters import Report  # noqa: E402
from doclint.report.formatters import json as json_format  # noqa: E402


def findings(count: int) -> list[Finding]:
    out = []
    for n in range(count):
        path = f"jsonl/shard-{n // 9000:04}.jsonl"
        out.append(Finding(path, n % 9000 + 1, 1, n % 9000 + 1, 1, "DL201", "duplicate-sentence", "duplication",
                           Severity.WARNING, f"Sentence repeats {path}:{n % 7000 + 1} (record doc-{n % 7000}, "
                           f"line 3): \"The scheduler keeps a copy of each shard until the run {n} ends.\"",
                           related=(Location(path, n % 7000 + 1, 1, f"doc-{n % 7000}", 3, 1),),
                           record=f"doc-{n}", text_line=5, text_column=12))
    return out


def whole(report: Report, path: str) -> None:
    buffer = io.StringIO()
    json_format.render(report, buffer)
    atomic_write_text(path, buffer.getvalue())


def streamed(report: Report, path: str) -> None:
    with atomic_stream(path) as stream:
        json_format.render(report, stream)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=100_000)
    count = parser.parse_args().findings
    report = Report(RunResult(findings=findings(count), files=1, documents=count))
    folder = tempfile.mkdtemp(prefix="doclint-bench-report-")
    peaks, sizes = {}, {}
    tracemalloc.start()
    for name, write in (("whole", whole), ("streamed", streamed)):
        path = os.path.join(folder, f"{name}.json")
        base = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        write(report, path)
        peaks[name] = tracemalloc.get_traced_memory()[1] - base
        sizes[name] = os.path.getsize(path)
    tracemalloc.stop()
    same = Path(folder, "whole.json").read_bytes() == Path(folder, "streamed.json").read_bytes()
    for name in peaks:
        print(f"{name:9} report {sizes[name] / 1e6:8.1f} MB   peak above the findings {peaks[name] / 1e6:8.1f} MB")
    print(f"{count} findings; files identical: {same}")
    for name in peaks:
        os.unlink(os.path.join(folder, f"{name}.json"))
    os.rmdir(folder)


if __name__ == "__main__":
    main()
