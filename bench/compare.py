"""doclint beside proselint on the same documents, in one run: time, MB/s and the ratio.

What it measures, on every .md/.rst/.txt file under the folders named:

- proselint (when it can be imported): `LintFile(path).lint()` for each file (reading
  included) with every default check and no cap on the number of results, as its
  command line does;
- doclint with every default rule in one process (`lint_paths`, `-j 1`), and with
  `--jobs` worker processes;
- where doclint's time goes: reading and decoding, parsing markup and splitting
  sentences, each rule family's map phase, and the corpus (reduce) phase.

Nothing is installed or downloaded here. To have proselint beside doclint, make a
bench virtualenv once:

    python3 -m venv .bench-venv && . .bench-venv/bin/activate
    pip install -e . proselint==0.16.0
    python bench/compare.py ../shared/eval/real /usr/share/doc

MB means 10**6 bytes of UTF-8 text. Both linters read the files themselves, as
their command lines do; start-up (imports) is not timed for either. Each run shows
wall-clock seconds and CPU seconds (this process plus its finished worker processes):
on a machine other people use, CPU seconds are the steadier figure, and MB/s per
core is computed from them. The per-phase times are CPU seconds.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from inputs import read_inputs  # noqa: E402

from doclint.api import lint_paths  # noqa: E402
from doclint.core.loader import load  # noqa: E402
from doclint.engine.config import configured_rules, load_config  # noqa: E402
from doclint.engine.phases import Engine  # noqa: E402


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (pool workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_proselint(files: list[tuple[str, str]]) -> tuple[float, float, int] | None:
    """Wall and CPU seconds proselint takes over the files and its result count, or
    None when it is not installed."""
    try:
        from proselint.checks import __register__
        from proselint.config import DEFAULT
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return None
    CheckRegistry().register_many(__register__)  # as its command line does
    # Its default stops after `max_errors` results per file; a linter comparison
    # must let it read the whole file.
    config = {**DEFAULT, "max_errors": 10**9}
    start, cpu = time.perf_counter(), cpu_seconds()
    found = sum(len(LintFile(Path(path)).lint(config)) for path, _ in files)
    return time.perf_counter() - start, cpu_seconds() - cpu, found


def run_doclint(paths: list[str], jobs: int) -> tuple[float, float, int]:
    """Wall and CPU seconds for a whole default run (as `doclint check` does it) and
    its finding count."""
    start, cpu = time.perf_counter(), cpu_seconds()
    result = lint_paths(paths, load_config(), jobs=jobs)
    return time.perf_counter() - start, cpu_seconds() - cpu, len(result.findings)


def phases(files: list[str]) -> dict[str, float]:
    """CPU seconds per phase of one process run: read, parse and split, each family's
    map phase, each family's corpus phase."""
    loaded = load_config()
    rules = [r for r in configured_rules(loaded) if r.enabled]
    out: dict[str, float] = {}
    start = time.process_time()
    documents = []
    for path in files:
        documents.extend(load(path).documents)
    out["read"] = time.process_time() - start
    start = time.process_time()
    for doc in documents:
        doc.sentences  # noqa: B018 - parses the markup and splits the prose, cached
    out["parse+split"] = time.process_time() - start
    for category in sorted({r.category for r in rules}):
        engine = Engine([r for r in rules if r.category == category], loaded.config)
        start = time.process_time()
        results = [engine.check_document(doc) for doc in documents]
        out[f"map {category}"] = time.process_time() - start
        start = time.process_time()
        engine.check_corpus(results)
        out[f"reduce {category}"] = time.process_time() - start
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="folders or files of real documents")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for the second doclint run")
    parser.add_argument("--no-proselint", action="store_true", help="time doclint only")
    args = parser.parse_args()
    files = read_inputs(args.paths)
    size = sum(len(text.encode("utf-8")) for _, text in files) / 1e6
    print(f"{len(files):,} files, {size:.1f} MB")
    rows = []
    proselint = None if args.no_proselint else run_proselint(files)
    proselint_s = proselint[0] if proselint else None
    if proselint is None:
        print("proselint: not importable (see this script's docstring), skipped")
    else:
        rows.append(("proselint, one process", *proselint))
    # The same files for both linters (not doclint's own discovery of the folders).
    paths = [path for path, _ in files]
    rows.append(("doclint, every default rule, -j 1", *run_doclint(paths, 1)))
    if args.jobs > 1:
        rows.append((f"doclint, every default rule, -j {args.jobs}", *run_doclint(paths, args.jobs)))
    proselint_cpu = proselint[1] if proselint else None
    print(f"{'run':38} {'wall s':>7} {'MB/s':>6} {'CPU s':>7} {'MB/s/core':>9} "
          f"{'x proselint (wall, CPU)':>24} {'findings':>9}")
    for name, seconds, cpu, found in rows:
        ratio = f"{proselint_s / seconds:.1f}, {proselint_cpu / cpu:.1f}" if proselint_s else "-"
        print(f"{name:38} {seconds:7.2f} {size / seconds:6.2f} {cpu:7.2f} {size / cpu:9.2f} "
              f"{ratio:>24} {found:>9}")
    print("\ndoclint, one process, by phase (CPU):")
    for name, seconds in phases(paths).items():
        print(f"  {name:28} {seconds:7.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
