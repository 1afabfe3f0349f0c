"""Benchmark the start-up of `doclint check` on one small file, as a pre-commit hook runs it.

What it measures: the wall time of a fresh `python -m doclint check FILE` process (median
of --repeat runs, after one warm-up run so the OS file cache is warm), and, in this
process, where that time goes: importing the CLI and engine, loading and compiling the
rule packs, and linting the file (CPU time, the least of --repeat runs). The file is a
three-paragraph Markdown note written here; nothing is read from the network.

Run: python bench/bench_startup.py [--repeat 15]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NOTE = """# Release notes

Version 2.4 adds a command that checks the configuration before a deploy.
Run it from the project folder.

The installer now keeps your settings when it upgrades an older version.
"""


def wall_ms(path: Path, repeat: int) -> list[float]:
    argv = [sys.executable, "-m", "doclint", "check", "--fail-on", "never", str(path)]
    subprocess.run(argv, capture_output=True, check=True)  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True)
        times.append((time.perf_counter() - start) * 1000)
    return times


def breakdown(path: Path) -> dict[str, float]:
    """In-process phases, in CPU milliseconds (run in a child, so that imports are not
    already cached). CPU time, because on a shared machine wall time mostly measures
    the other processes."""
    code = f"""
import time
t0 = time.process_time()
from doclint.cli import main
import doclint.api, doclint.engine.config
t1 = time.process_time()
from doclint.engine.config import configured_rules, load_config
rules = configured_rules(load_config())
t2 = time.process_time()
from doclint.api import lint_paths
lint_paths([{str(path)!r}], load_config())
t3 = time.process_time()
print((t1 - t0) * 1000, (t2 - t1) * 1000, (t3 - t2) * 1000)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    imports, rules, lint = (float(x) for x in out.split())
    return {"imports": imports, "rule packs": rules, "lint (rules loaded again)": lint}


def least(runs: list[dict[str, float]]) -> dict[str, float]:
    """Each phase's fastest run: the figure least disturbed by other work."""
    return {name: min(run[name] for run in runs) for name in runs[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "note.md"
        path.write_text(NOTE, encoding="utf-8")
        times = wall_ms(path, args.repeat)
        phases = least([breakdown(path) for _ in range(args.repeat)])
    print(f"doclint check, one small file: median {statistics.median(times):.0f} ms, "
          f"min {min(times):.0f} ms wall over {args.repeat} runs")
    print(f"in the process, CPU, the least of {args.repeat} runs:")
    for name, ms in phases.items():
        print(f"  {name:28} {ms:7.0f} ms")
    print(f"  {'in all':28} {sum(phases.values()):7.0f} ms")


if __name__ == "__main__":
    main()
