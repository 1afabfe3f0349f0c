"""Read real documents for the benchmarks: files named, or the text files under folders."""
from __future__ import annotations

from pathlib import Path

SUFFIXES = {".md", ".rst", ".txt"}


def read_inputs(paths: list[str]) -> list[tuple[str, str]]:
    """(path, text) of every file named and every .md/.rst/.txt file under the folders
    named; files that cannot be read as UTF-8 are skipped."""
    files = []
    for root in paths:
        p = Path(root)
        candidates = [p] if p.is_file() else sorted(x for x in p.rglob("*") if x.suffix in SUFFIXES)
        for f in candidates:
            try:
                files.append((str(f), f.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError):
                continue
    return files
