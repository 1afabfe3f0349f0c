"""A reproducible corpus of English-like prose with planted duplicate sentences.

`build_corpus(path, megabytes, seed=0)` writes about `megabytes` MB (10**6 bytes of
UTF-8) of generated documents and returns a summary dict. Nothing is read from the
network or the disk: the text comes from a fixed-seed word model (about 60 weighted
function words and 40,000 made-up content words with Zipf frequencies), so the same
arguments always give byte-identical output on any machine.

- `path` ending in `.jsonl`: one JSONL file, one record per document
  (`{"id": "doc-000001", "text": "..."}`);
- any other `path`: a folder of plain-text files `doc-000001.txt`, ... with one
  paragraph per line and blank lines between paragraphs.

Planted defects (counts in the summary): about 2% of sentences are exact copies of an
earlier sentence (half from the same document, half from an earlier one), about 2% are
near copies (one word dropped, added, swapped with its neighbour, or a number changed),
and half of the documents end with one of three boilerplate footer sentences.

Run `python bench/corpus.py OUT [--size-mb 50] [--seed 0]` to write one from the shell.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import random

FUNCTION_WORDS = """
the of and to a in that is was it for on with as by at from be this are or an which
have has not but they their its had were been we can more will one all would there
if also into other than only when these some may such most about who should after
""".split()
_SYLLABLES = """ba be bi bo bu da de di do du fa fe fi fo ga ge go ka ke ki ko la le li lo lu
ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to
tu va ve vi vo za ze zi zo an en in on un ar er ir or ur al el il ol st tr pr gr cl""".split()
FOOTERS = (
    "This document is provided under the terms of the project licence and may be shared freely.",
    "Questions and corrections are welcome through the usual support channels of the project.",
    "All trademarks mentioned in this document belong to their respective owners.",
)


class _Model:
    def __init__(self, rng: random.Random) -> None:
        words: dict[str, None] = {}
        while len(words) < 40_000:
            words.setdefault("".join(rng.choices(_SYLLABLES, k=rng.choice((2, 2, 3, 3, 4)))), None)
        self.content = list(words)
        self.content_weights = list(itertools.accumulate(1.0 / (rank + 10) for rank in range(len(self.content))))
        self.function_weights = list(itertools.accumulate(1.0 / (rank + 2) for rank in range(len(FUNCTION_WORDS))))
        self.rng = rng

    def sentence(self) -> list[str]:
        rng = self.rng
        n = rng.randint(7, 28)
        kinds = [rng.random() < 0.42 for _ in range(n)]
        func = iter(rng.choices(FUNCTION_WORDS, cum_weights=self.function_weights, k=n))
        cont = iter(rng.choices(self.content, cum_weights=self.content_weights, k=n))
        words = [next(func) if k else next(cont) for k in kinds]
        if rng.random() < 0.15:
            words.insert(rng.randrange(1, n), str(rng.randint(2, 2030)))
        return words

    def near_copy(self, words: list[str]) -> list[str]:
        rng, out = self.rng, list(words)
        edit = rng.randrange(4)
        i = rng.randrange(1, len(out) - 1)
        if edit == 0:
            del out[i]
        elif edit == 1:
            out.insert(i, rng.choice(("also", "only", "the", "very")))
        elif edit == 2:
            out[i], out[i + 1] = out[i + 1], out[i]
        else:
            out.insert(i, str(rng.randint(2, 2030)))
        return out


def _render(words: list[str], rng: random.Random) -> str:
    text = " ".join(words)
    if len(words) > 12 and rng.random() < 0.3:
        cut = text.find(" ", len(text) // 2)
        text = text[:cut] + "," + text[cut:]
    return text[0].upper() + text[1:] + rng.choice(".........?!")


def build_corpus(path: str, megabytes: float, seed: int = 0) -> dict:
    """Write the corpus to `path` (a folder, or a .jsonl file) and return a summary:
    bytes, documents, sentences, exact_copies, near_copies, footers."""
    rng = random.Random(seed)
    model = _Model(rng)
    target = int(megabytes * 1_000_000)
    jsonl = path.endswith(".jsonl")
    if not jsonl:
        os.makedirs(path, exist_ok=True)
    out = open(path, "w", encoding="utf-8") if jsonl else None
    recent: list[list[str]] = []  # earlier sentences of other documents to copy from
    summary = dict(bytes=0, documents=0, sentences=0, exact_copies=0, near_copies=0, footers=0)
    try:
        while summary["bytes"] < target:
            summary["documents"] += 1
            own: list[list[str]] = []
            paragraphs = []
            for _ in range(rng.randint(4, 30)):
                sentences = []
                for _ in range(rng.randint(2, 6)):
                    roll = rng.random()
                    pool = own if (rng.random() < 0.5 and own) or not recent else recent
                    if roll < 0.02 and pool:
                        words = rng.choice(pool)
                        summary["exact_copies"] += 1
                    elif roll < 0.04 and pool:
                        words = model.near_copy(rng.choice(pool))
                        summary["near_copies"] += 1
                    else:
                        words = model.sentence()
                    own.append(words)
                    sentences.append(_render(words, rng))
                paragraphs.append(" ".join(sentences))
            if rng.random() < 0.5:
                paragraphs.append(rng.choice(FOOTERS))
                summary["footers"] += 1
            summary["sentences"] += len(own)
            recent.extend(rng.sample(own, min(3, len(own))))
            del recent[:-5000]
            text = "\n\n".join(paragraphs) + "\n"
            name = f"doc-{summary['documents']:06d}"
            if jsonl:
                line = json.dumps({"id": name, "text": text}) + "\n"
                out.write(line)
                summary["bytes"] += len(line.encode())
            else:
                with open(os.path.join(path, name + ".txt"), "w", encoding="utf-8") as fh:
                    fh.write(text)
                summary["bytes"] += len(text.encode())
    finally:
        if out is not None:
            out.close()
    return summary


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--size-mb", type=float, default=50)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print(json.dumps(build_corpus(args.path, args.size_mb, args.seed)))
