"""Write doclint's JSON reports on the evaluation sets, or compare them with earlier ones.

A change that should move code and not behaviour (a refactor, a speed-up) must leave
every report byte-identical. Run once before the change and once after:

    python bench/same_reports.py write /tmp/before
    ... change ...
    python bench/same_reports.py compare /tmp/before

The sets are `../shared/eval/planted/docs`, `../shared/eval/claims/docs`,
`../shared/eval/real` and `../shared/samples` (beside the repository); a set that is
missing is skipped with a note. `compare` exits 1 when any report differs.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "planted": ROOT.parent / "shared" / "eval" / "planted" / "docs",
    "claims": ROOT.parent / "shared" / "eval" / "claims" / "docs",
    "real": ROOT.parent / "shared" / "eval" / "real",
    "samples": ROOT.parent / "shared" / "samples",
    "examples": ROOT / "examples",
}


def report(folder: Path) -> bytes:
    """The JSON report of every default rule on `folder`, run from inside it so that
    paths in the report do not depend on where the checkout lives."""
    command = [sys.executable, "-m", "doclint", "check", "--format", "json",
               "--fail-on", "never", "."]
    result = subprocess.run(command, cwd=folder, capture_output=True, check=False,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    if result.returncode not in (0, 1):
        sys.stderr.write(result.stderr.decode("utf-8", "replace"))
    return result.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("write", "compare"))
    parser.add_argument("folder", type=Path, help="where the reports are written or read")
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    differ = 0
    for name, source in SETS.items():
        if not source.is_dir():
            print(f"{name}: {source} not found, skipped")
            continue
        new = report(source)
        saved = args.folder / f"{name}.json"
        if args.action == "write":
            saved.write_bytes(new)
            print(f"{name}: {len(new):,} bytes written")
        elif saved.read_bytes() == new:
            print(f"{name}: identical ({len(new):,} bytes)")
        else:
            differ += 1
            print(f"{name}: DIFFERS ({saved.stat().st_size:,} -> {len(new):,} bytes)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
