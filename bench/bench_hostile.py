"""Benchmark doclint on hostile inputs: time and peak memory of whole `doclint check` runs.

What it measures: wall time and peak resident memory (RSS) of one `doclint check`
process per input, against an empty run (start-up and rule loading) for the memory
the input itself adds. Inputs are written to a temporary folder:

- `paragraph.md`: one paragraph of 200,000 short one-sentence lines, no blank line
  (4.3 MB); also run with `max-block-size: 0`, so that every rule reads it whole;
- `paragraph-open.md`: the same without full stops, so that every line break is a
  candidate truncation (with `max-block-size: 0` as well);
- `table.txt`: a 0.8 MB table of numbers read as one paragraph (the shape of a data file
  in a docs folder: few distinct words repeated everywhere);
- `line.md`: a single line of 50 MB of sentences;
- `record.jsonl`: one JSONL record whose text is a 30 MB line.

The bar (issue 20): a few seconds per MB at most, and under 10 times the input in
memory over the empty run.

Run: python bench/bench_hostile.py [--scale 1.0] [--only NAME ...]
"""
from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from itertools import chain
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = ("the of and a to in is you that it he was for on are as with his they at be this have "
         "from or one had by word but not what all were we when your can said there use an each "
         "which she do how their if will up other about out many then them these so some her "
         "would make like him into time has look two more write go see number no way could "
         "people my than first water been call who its now find long down day did get come "
         "made may part").split()


def sentences(size: int, seed: int = 1):
    """Sentences of 6 to 20 random common words, about `size` characters in all."""
    rng = random.Random(seed)
    total = 0
    while total < size:
        words = [rng.choice(WORDS) for _ in range(rng.randint(6, 20))]
        sentence = " ".join(words).capitalize() + "."
        total += len(sentence) + 1
        yield sentence


def _write(path: Path, pieces, sep: str = "", end: str = "\n") -> None:
    """Write the pieces one by one: the benchmark process stays small, since a child
    forked from it starts with (and counts in its peak) the parent's memory."""
    with path.open("w", encoding="utf-8") as out:
        for i, piece in enumerate(pieces):
            out.write(sep + piece if i else piece)
        out.write(end)


def write_inputs(folder: Path, scale: float) -> dict[str, Path]:
    lines = int(200_000 * scale)
    out = {name: folder / name for name in ("paragraph.md", "paragraph-open.md", "table.txt", "line.md",
                                            "record.jsonl")}
    _write(out["paragraph.md"], (f"Line {i} is here." for i in range(lines)), "\n")
    _write(out["paragraph-open.md"], (f"Line {i} is here and" for i in range(lines)), "\n")
    rows = random.Random(3)
    _write(out["table.txt"], (" ".join(f"{rows.randint(0, 9)}.{rows.randint(0, 9)}" for _ in range(12))
                              for _ in range(int(15_000 * scale))), "\n")
    _write(out["line.md"], sentences(int(50e6 * scale)), " ")
    # A JSON string of sentences: no character in them needs escaping.
    record = chain(['{"id": "big", "text": "'], sentences(int(30e6 * scale), 2), ['"}'])
    _write(out["record.jsonl"], record, " ")
    (folder / "unlimited.yaml").write_text("max-block-size: 0\n", encoding="utf-8")
    (folder / "empty.md").write_text("", encoding="utf-8")
    return out


def run(args: list[str]) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, "" or the last line of stderr on failure) of one run."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "doclint", "check", "--format", "json",
                                 "--fail-on", "never", "--no-color", *args],
                                stdout=subprocess.DEVNULL, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        err.seek(0)
        lines = err.read().decode(errors="replace").strip().splitlines()
    failed = os.waitstatus_to_exitcode(status) != 0
    return seconds, usage.ru_maxrss / 1024, (lines[-1] if lines else "no output") if failed else ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scale", type=float, default=1.0, help="input sizes times this")
    ap.add_argument("--only", nargs="*", default=[], help="input names to run")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="doclint-bench-") as tmp:
        folder = Path(tmp)
        inputs = write_inputs(folder, args.scale)
        base_s, base_mb, _ = run([str(folder / "empty.md")])
        print(f"empty run: {base_s:.2f} s, {base_mb:.0f} MB peak RSS")
        print(f"{'input':34} {'MB':>6} {'seconds':>8} {'s/MB':>6} {'peak MB':>8} {'added MB':>9} {'x input':>8}")
        cases = [(name, [str(path)]) for name, path in inputs.items()]
        cases += [(f"{name} (max-block-size 0)", ["--config", str(folder / "unlimited.yaml"), str(inputs[name])])
                  for name in ("paragraph.md", "paragraph-open.md")]
        for label, argv in cases:
            if args.only and label.split()[0] not in args.only:
                continue
            size = Path(argv[-1]).stat().st_size / 1e6
            seconds, peak, failed = run(argv)
            added = max(0.0, peak - base_mb)
            print(f"{label:34} {size:6.1f} {seconds:8.2f} {seconds / size:6.2f} {peak:8.0f} "
                  f"{added:9.0f} {added / size:8.1f}" + (f"  failed: {failed}" if failed else ""))


if __name__ == "__main__":
    main()
