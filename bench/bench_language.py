"""Benchmark the language rules: their share of a full default run on an English corpus.

What it measures, on a corpus of real English plain-text, Markdown and reST files:

1. a full default run (`doclint check` on the folder, every default rule, in-process);
2. the same run without the language feature: the `language` category ignored and
   the engine's language look-up answering None, so rules declaring `languages` never
   detect;
3. the language work alone on documents already parsed: detection, DL501 and DL502,
   reported per MB, with how each document's language was decided.

The overhead is (1 - 2) / 2; the target is at most 30%. The rules are loaded once. Times are CPU seconds of this
process (time.process_time), which a busy machine disturbs less than wall time; the
runs are single-process. MB means 10**6 bytes of UTF-8.

The corpus: bench/corpus.py's build_corpus(path, megabytes, seed=0) (generated prose
whose function words are English) when it exists; with --real, or without it, the
.md/.markdown/.txt/.rst files (2 KB or more, mostly Latin letters) found
under --input folders (default: the documentation that ships with this machine's
Python, Node, Rust and Debian packages), shuffled with a fixed seed and copied, as
separate files, until the target size is reached. Building it is not timed.

Run: python bench/bench_language.py [--size-mb 50] [--real] [--input DIR ...] [--corpus DIR]
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from doclint.families.language.detect import language_of  # noqa: E402
from doclint.engine.config import Config, LoadedConfig, configured_rules  # noqa: E402

# Documentation installed on a development machine: the system's, this Python's (its
# packages' docs), Node's global packages', Rust toolchains' and the Cloud SDK's.
DEFAULT_INPUTS = ["/usr/share/doc", sys.base_prefix, "/usr/lib/node_modules",
                  os.path.expanduser("~/.rustup/toolchains"), "/usr/lib/google-cloud-sdk"]
SUFFIXES = (".md", ".markdown", ".txt", ".rst")
SEED = 0


def _latin_text(text: str) -> bool:
    letters = [c for c in text[:20000] if c.isalpha()]
    return bool(letters) and sum(c < "\u0250" for c in letters) >= 0.95 * len(letters)


def gather(inputs: list[str], min_bytes: int = 2000) -> list[Path]:
    found = []
    for root in inputs:
        for folder, _, names in os.walk(root):
            for name in names:
                path = Path(folder, name)
                if name.endswith(SUFFIXES) and not path.is_symlink():
                    try:
                        if path.stat().st_size >= min_bytes:
                            found.append(path)
                    except OSError:
                        continue
    return sorted(found)


def build(out: Path, megabytes: float, inputs: list[str], real: bool) -> int:
    """Write the corpus into `out`; returns the bytes written."""
    try:
        from bench.corpus import build_corpus  # shared corpus builder, when present
    except ImportError:
        build_corpus = None
    if build_corpus is not None and not real:
        build_corpus(str(out), megabytes, seed=SEED)
        return sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    files = []
    for path in gather(inputs):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if _latin_text(text):
            files.append((path, text))
    if not files:
        raise SystemExit("no input files found")
    rng = random.Random(SEED)
    rng.shuffle(files)
    target, written, i = int(megabytes * 10**6), 0, 0
    while written < target:
        path, text = files[i % len(files)]
        name = f"{i:06d}_{path.name}"
        (out / name).write_text(text, encoding="utf-8")
        written += len(text.encode("utf-8"))
        i += 1
    return written


def full_run(folder: Path, rules: list) -> tuple[float, int, int]:
    """CPU seconds, documents and findings of one run of `rules` over `folder`."""
    from doclint.api import iter_documents
    from doclint.core.discovery import discover
    from doclint.engine.phases import Engine

    config = Config(gitignore=False)
    start = time.process_time()
    found = discover([str(folder)], config.include, config.exclude, config.gitignore, str(folder))
    result = Engine(rules, config).run(iter_documents(found.files, config.text_field, []))
    return time.process_time() - start, result.documents, len(result.findings)


def without_language(folder: Path, rules: list) -> tuple[float, int, int]:
    """full_run without the language rules, and with the engine's language gating
    answering None (as for a document too short to tell), so nothing is detected."""
    from doclint.engine import phases

    saved = phases.document_language
    phases.document_language = lambda doc: None
    try:
        return full_run(folder, [r for r in rules if r.category != "language"])
    finally:
        phases.document_language = saved


def language_only(folder: Path, rules: list) -> tuple[float, Counter, int]:
    """Language detection plus DL501 and DL502 on documents that are already parsed."""
    from doclint.core.loader import load
    from doclint.engine.phases import Engine

    docs = [d for p in sorted(folder.iterdir()) for d in load(str(p), str(p), "text").documents]
    for doc in docs:
        doc.parsed  # parsing is not the language rules' cost
    engine = Engine([r for r in rules if r.category == "language"], Config())
    start = time.process_time()
    findings = 0
    for doc in docs:
        findings += len(engine.check_document(doc).findings)
    elapsed = time.process_time() - start
    sources = Counter((found.source if found else "none") for found in map(language_of, docs))
    return elapsed, sources, findings


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=float, default=50)
    parser.add_argument("--input", nargs="*", default=DEFAULT_INPUTS)
    parser.add_argument("--corpus", help="folder to build the corpus in (kept); default: a temp folder")
    parser.add_argument("--real", action="store_true",
                        help="assemble real files from --input even when bench/corpus.py exists")
    args = parser.parse_args(argv)
    folder = Path(args.corpus or tempfile.mkdtemp(prefix="doclint-bench-lang-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        size = build(folder, args.size_mb, args.input, args.real) if not any(folder.iterdir()) else \
            sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        mb = size / 10**6
        print(f"corpus: {mb:.1f} MB in {sum(1 for _ in folder.iterdir())} files ({folder})")
        # The rules are loaded once, so both runs compare the same rule set.
        rules = configured_rules(LoadedConfig(Config(gitignore=False), None, str(folder)))
        base, docs, base_findings = without_language(folder, rules)
        print(f"without language feature: {base:7.1f} s  {mb / base:5.2f} MB/s  {base_findings} findings",
              flush=True)
        full, _, full_findings = full_run(folder, rules)
        print(f"full default run:         {full:7.1f} s  {mb / full:5.2f} MB/s  {full_findings} findings")
        print(f"language overhead:        {100 * (full - base) / base:6.1f} %  (target <= 30 %)", flush=True)
        alone, sources, findings = language_only(folder, rules)
        print(f"language rules alone:     {alone:7.2f} s  {1000 * alone / mb:6.1f} ms/MB  "
              f"{docs} documents, {findings} findings; decided by {dict(sources)}")
    finally:
        if not args.corpus:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
