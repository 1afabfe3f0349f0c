"""Benchmark the naming rules (DL4xx): MB/s per rule over real documents.

What it measures: the time each naming rule spends in `check()` per document, with the
document's parse and sentence split done (and timed) once beforehand, since every rule
shares them; and, with `--corpus`, the same discovered-variant rules in corpus scope
(`facts()` per document plus one `check_corpus()`). MB means 10**6 bytes of UTF-8.

The input is every .md, .rst and .txt file under the given paths (for example
`/usr/share/doc`), read once; each file becomes `--copies` separate documents, so a
corpus run sees repeated vocabularies as a real corpus does. Without paths, the
bundled examples/ folder is used.

Run: python bench/bench_naming.py [PATH ...] [--copies 5] [--corpus]
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
from doclint.core.options import build_options  # noqa: E402
from doclint.engine.packs import load_rules  # noqa: E402
from doclint.families.naming.variants import is_english_word  # noqa: E402
from doclint.families.naming.words import prose_words  # noqa: E402
from doclint.registry import KINDS  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*", default=[str(Path(__file__).resolve().parent.parent / "examples")])
    ap.add_argument("--copies", type=int, default=5)
    ap.add_argument("--corpus", action="store_true", help="also time DL401-DL403 in corpus scope")
    args = ap.parse_args()

    files = read_inputs(args.paths)
    if not files:
        sys.exit("no .md, .rst or .txt files found")
    started = time.perf_counter()
    docs = [document_from_text(f"{i}-{name}", text) for i in range(args.copies) for name, text in files]
    for doc in docs:
        doc.sentences  # noqa: B018 - parse and split once, outside the rule timings
    prepare = time.perf_counter() - started
    size = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    print(f"{len(files)} files x {args.copies} copies = {len(docs)} documents, {size:.1f} MB; "
          f"parse + sentences {size / prepare:.1f} MB/s")
    # Shared by the variant rules: word tokens (cached per document) and the English
    # word list (loaded once per process); timed apart from the rules.
    started = time.perf_counter()
    for doc in docs:
        prose_words(doc)
    shared = time.perf_counter() - started
    started = time.perf_counter()
    is_english_word("warm", 1)
    print(f"word tokens (shared by DL401-DL403) {size / shared:.1f} MB/s; English word list loaded in "
          f"{time.perf_counter() - started:.2f} s")
    rules = [dataclasses.replace(r, enabled=True) for r in load_rules() if r.category == "naming"]
    total = 0.0
    for rule in rules:
        kind = KINDS[rule.kind](rule)
        started = time.perf_counter()
        hits = sum(1 for doc in docs for _ in kind.check(doc))
        took = time.perf_counter() - started
        total += took
        print(f"{rule.id} {rule.name:28s} {size / took:7.1f} MB/s  {hits} findings")
    # Work shared between rules (definitions, block words) is paid by the first rule that
    # asks; the combined figure is what a run of the whole naming family costs.
    print(f"naming rules combined {size / total:.1f} MB/s; with word tokens {size / (total + shared):.1f} MB/s")
    if not args.corpus:
        return
    for rule in rules:
        if "scope" not in rule.raw_options:
            continue
        options = build_options(KINDS[rule.kind].Options, dict(rule.raw_options, scope="corpus"), "bench", rule.id)
        kind = KINDS[rule.kind](dataclasses.replace(rule, options=options))
        started = time.perf_counter()
        facts = [kind.facts(doc) for doc in docs]
        mapped = time.perf_counter() - started
        hits = sum(1 for _ in kind.check_corpus(facts))
        reduced = time.perf_counter() - started - mapped
        print(f"{rule.id} corpus scope: facts {size / mapped:.1f} MB/s, check_corpus {reduced:.2f} s, "
              f"{hits} findings")


if __name__ == "__main__":
    main()
