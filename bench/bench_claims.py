"""Benchmark the unsupported-claim rules (DL301-DL304): MB/s over real prose.

What it measures: the time `lint_documents` spends with only the claim rules on,
over documents of about `--doc-kb` KB each, built from the paragraphs (blank-line or
line separated) of every .txt/.md file under `--input`, shuffled with a fixed seed and
repeated up to `--size-mb`. Reading the files and building the documents is not timed;
the parse (Markdown by default, `--format text` for plain text) and sentence split are
timed apart from the rules, so the rules' cost can be read against the parse. The
document language, which the rules' `languages: [en]` asks for, is detected (and cached
on the document) before the rules are timed and is reported apart: a default run
detects it once for the language rules (DL501) too. Times are
CPU seconds of this process (`time.process_time`), so other work on a shared machine
disturbs them less than wall time. MB means 10**6 bytes of UTF-8.

Run: python bench/bench_claims.py [--input examples] [--size-mb 5] [--repeat 3]
(e.g. `--input ../shared/eval/claims/docs` for news-like and encyclopedic prose).
"""
from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from doclint.api import document_from_text, lint_documents  # noqa: E402
from doclint.engine.packs import load_rules  # noqa: E402
from doclint.registry import document_language  # noqa: E402

SEED = 20240601


def paragraphs(root: Path) -> list[str]:
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.suffix in (".txt", ".md"))
    out = []
    for path in files:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if len(line.split()) >= 6:
                out.append(line.strip())
    return out


def documents(paras: list[str], size_mb: float, doc_kb: int) -> list[str]:
    rng = random.Random(SEED)
    docs, current, size, total = [], [], 0, 0
    while total < size_mb * 1e6:
        para = rng.choice(paras)
        current.append(para)
        size += len(para.encode()) + 2
        if size >= doc_kb * 1000:
            docs.append("\n\n".join(current))
            total += size
            current, size = [], 0
    return docs


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", default=str(Path(__file__).resolve().parent.parent / "examples"))
    ap.add_argument("--size-mb", type=float, default=5.0)
    ap.add_argument("--doc-kb", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--format", choices=("markdown", "text"), default="markdown")
    args = ap.parse_args()
    paras = paragraphs(Path(args.input))
    if not paras:
        print(f"bench_claims: no paragraph of six words or more in the .txt/.md files under {args.input}",
              file=sys.stderr)
        return 2
    texts = documents(paras, args.size_mb, args.doc_kb)
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    rules = [dataclasses.replace(r, enabled=True) for r in load_rules() if r.category == "unsupported-claim"]
    name = "doc{}.md" if args.format == "markdown" else "doc{}.txt"
    best = best_parse = best_language = float("inf")
    for _ in range(args.repeat):
        docs = [document_from_text(name.format(i), t, args.format) for i, t in enumerate(texts)]
        start = time.process_time()
        for doc in docs:
            _ = doc.sentences  # the parse and the sentence split every rule reads
        parsed = time.process_time()
        for doc in docs:
            document_language(doc)  # cached on the document, as in a default run
        detected = time.process_time()
        findings = lint_documents(docs, rules).findings
        best = min(best, time.process_time() - detected)
        best_parse = min(best_parse, parsed - start)
        best_language = min(best_language, detected - parsed)
    print(f"{len(texts)} documents, {megabytes:.1f} MB, {len(findings)} findings")
    print(f"{args.format} parse and sentences: {megabytes / best_parse:.2f} MB/s ({best_parse:.3f} s)")
    print(f"language detection (shared with the language rules): {best_language:.2f} s")
    print(f"claim rules on parsed documents: {megabytes / best:.2f} MB/s ({best:.3f} s, "
          f"{best / best_parse:.2f} x the parse; best of {args.repeat})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
