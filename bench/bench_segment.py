"""Benchmark doclint.core.segment.split_sentences: MB/s and sentences/s over a >= 20 MB prose corpus.

What it measures: only the time spent in split_sentences, called once per paragraph with
(start, end) offsets into one big document string, exactly as the linter calls it per
prose block. Building the corpus is not timed. MB means 10**6 bytes of UTF-8.

By default the corpus is generated from a fixed-seed word model (no files needed), so
runs are comparable across machines. `--input FILE_OR_DIR` uses real text instead:
the paragraphs (blank-line separated) of every .txt/.md file found there, shuffled with
a fixed seed and repeated up to the target size (e.g. `--input ../shared/eval`).

Run: python bench/bench_segment.py [--input PATH] [--size-mb 20] [--repeat 3]
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from doclint.core.segment import split_sentences  # noqa: E402
from doclint.markup.base import CODE_MASK  # noqa: E402

SEED = 20240601

_WORDS = """
the of and to in a is that for it as was with be by on not he this are or his from at
which but have an they you were her she there been one all we their has would when who
will more no if out so said what up its about into than them can only other new some
could time these two may then do first any my now such like our over man me even most
made after also did many before must through back years where much your way well down
should because each just those people how too little state good very make world still
own see men work long get here between both life being under never day same another
know while last might us great old year off come since against go came right used take
three system document linter sentence paragraph rule check report value number result
example section table figure version release configuration parser token markup heading
""".split()
_NAMES = "Smith Jones Taylor Brown Wilson Tolkien Bush Carter Nixon Lovelace Turing Hopper".split()
_STARTS = "The This It He She They We In But A An When After However Most Some".split()
_ABBREV = ["Mr.", "Dr.", "Mrs.", "Prof.", "St."]


def _sentence(rng: random.Random) -> str:
    """One sentence from a word model sprinkled with the cases the splitter must handle."""
    n = rng.randint(6, 28)
    words = rng.choices(_WORDS, k=n)
    words[0] = rng.choice(_STARTS) if rng.random() < 0.5 else words[0].capitalize()
    r = rng.random()
    pos = rng.randint(1, n - 1)
    if r < 0.08:
        words.insert(pos, f"{rng.choice(_ABBREV)} {rng.choice(_NAMES)}")
    elif r < 0.13:
        words.insert(pos, f"{rng.choice('ABCDEFGHJKLMNPRSTW')}. {rng.choice(_NAMES)}")
    elif r < 0.20:
        words.insert(pos, f"{rng.randint(0, 99)}.{rng.randint(0, 99)}")
    elif r < 0.24:
        words.insert(pos, "(e.g. " + rng.choice(_WORDS) + ")")
    elif r < 0.28:
        words.insert(pos, CODE_MASK * rng.randint(3, 12))
    elif r < 0.31:
        words.insert(pos, "the U.S.")
    elif r < 0.36:
        words[pos] += ","
    body = " ".join(words)
    r = rng.random()
    if r < 0.05:
        return f'"{body}?"'
    if r < 0.10:
        return f"{body}!"
    if r < 0.13:
        return f"{body}..."
    return f"{body}."


def _wrap(text: str, width: int = 72) -> str:
    """Hard-wrap like a Markdown source file: newlines inside a paragraph are whitespace."""
    lines, line, size = [], [], 0
    for word in text.split(" "):
        if size + len(word) > width and line:
            lines.append(" ".join(line))
            line, size = [], 0
        line.append(word)
        size += len(word) + 1
    lines.append(" ".join(line))
    return "\n".join(lines)


def generated_paragraphs(rng: random.Random, count: int = 4000) -> list[str]:
    return [_wrap(" ".join(_sentence(rng) for _ in range(rng.randint(1, 9)))) for _ in range(count)]


def file_paragraphs(path: Path) -> list[str]:
    files = [path] if path.is_file() else sorted(
        p for p in path.rglob("*") if p.suffix in {".txt", ".md"} and p.is_file())
    paras: list[str] = []
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        paras.extend(p.strip() for p in text.split("\n\n") if p.strip())
    return paras


def build_corpus(paras: list[str], size_mb: float, rng: random.Random) -> tuple[str, list[tuple[int, int]]]:
    """Shuffle and repeat paragraphs into one document; return it with paragraph spans."""
    target = int(size_mb * 1_000_000)
    parts: list[str] = []
    blocks: list[tuple[int, int]] = []
    pos = 0
    while pos < target:
        rng.shuffle(paras)
        for p in paras:
            parts.append(p)
            blocks.append((pos, pos + len(p)))
            pos += len(p) + 2  # the "\n\n" separator
            if pos >= target:
                break
    return "\n\n".join(parts), blocks


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", type=Path, help="file or directory of .txt/.md prose (default: generated)")
    ap.add_argument("--size-mb", type=float, default=20.0, help="corpus size (default 20)")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs; the best is reported")
    args = ap.parse_args(argv)

    rng = random.Random(SEED)
    if args.input:
        paras = file_paragraphs(args.input)
        if not paras:
            ap.error(f"no .txt/.md paragraphs under {args.input}")
        source = str(args.input)
    else:
        paras = generated_paragraphs(rng)
        source = f"generated (seed {SEED})"
    text, blocks = build_corpus(paras, args.size_mb, rng)
    mb = len(text.encode("utf-8")) / 1e6

    best = float("inf")
    sentences = 0
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        sentences = 0
        for s, e in blocks:
            sentences += len(split_sentences(text, s, e))
        best = min(best, time.perf_counter() - t0)

    print(f"corpus:     {source}, {mb:.1f} MB, {len(blocks)} paragraphs")
    print(f"time:       {best:.3f} s (best of {args.repeat})")
    print(f"throughput: {mb / best:.1f} MB/s")
    print(f"sentences:  {sentences} total, {sentences / best:,.0f} sentences/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
