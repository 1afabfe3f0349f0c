"""The shape of prose: plain-word share, sentence case and a document's punctuation habit."""
from __future__ import annotations

import re

from doclint.core.document import Document
from doclint.families.truncation.endings import ADORNMENT, ATX, closed, words
from doclint.markup.base import Block

_PLAIN = re.compile(r"[\"'(\u201c\u2018]?[^\W\d_]+(?:['\u2019-][^\W\d_]+)*[\"')\u201d\u2019,;:.!?]*")


def raw_lines(doc: Document, block: Block) -> str:
    """The full source lines of a block, markup included."""
    text = doc.text
    end = text.find("\n", block.end)
    return text[text.rfind("\n", 0, block.start) + 1:len(text) if end == -1 else end].rstrip()


def word_share(s: str) -> float:
    """The share of whitespace-separated tokens that are plain words."""
    tokens = s.split()
    return sum(1 for t in tokens if _PLAIN.fullmatch(t)) / len(tokens) if tokens else 0.0


def sentence_like(tail: str, min_words: int) -> bool:
    """Sentence case with enough words: not a Title Case or ALL CAPS label."""
    ws = words(tail)
    if len(ws) < min_words:
        return False
    long = [w for w in ws[1:] if len(w) >= 4]
    lower = sum(1 for w in long if w[0].islower())
    return lower > 0 and lower >= 0.5 * len(long)


def punctuating(doc: Document, min_words: int) -> bool:
    """Whether the document's paragraphs normally end with terminal punctuation, so that
    one that does not is worth a note (lists of labels and link pages are not)."""
    if doc.is_record:
        return True  # a corpus record is one text: its end is where it should finish
    masked = doc.masked
    total = ended = 0
    for block in doc.blocks:
        if block.kind == "paragraph":
            tail = masked[max(block.start, block.end - 12):block.end]
            # A short lead-in ending with a colon ("To get started:") shows the habit
            # as well as a long sentence does.
            if len(words(masked[block.start:block.end])) >= min_words or tail.endswith(":"):
                total += 1
                ended += closed(tail) or tail.endswith(":")
    return ended >= 1 and ended >= 0.6 * (total - 1)


def heading_near(doc: Document, offset: int, step: int) -> bool:
    """Whether the nearest non-blank line before (step -1) or after (step 1) the line of
    `offset` is a heading (`#` or an adornment line), or there is none."""
    lines = doc.text.split("\n") if len(doc.text) < 2_000_000 else []
    line = doc.position(offset)[0] - 1 + step
    while 0 <= line < len(lines) and not lines[line].strip():
        line += step
    if not 0 <= line < len(lines):
        return True
    return bool(ATX.match(lines[line]) or ADORNMENT.fullmatch(lines[line]))
