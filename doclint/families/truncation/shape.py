"""The shape of prose: plain-word share, sentence case and a document's punctuation habit."""
from __future__ import annotations

import re
from bisect import bisect_left

from doclint.core.document import Document, Sentence
from doclint.families.truncation.endings import ADORNMENT, ATX, closed, words
from doclint.markup.base import Block

_PLAIN = re.compile(r"[\"'(\u201c\u2018]?[^\W\d_]+(?:['\u2019-][^\W\d_]+)*[\"')\u201d\u2019,;:.!?]*")


def line_start_char(doc: Document, block: Block) -> str:
    """The first character of the block's first source line, without copying the block
    (per ending, a copy of a long block made a paragraph of many lines quadratic)."""
    text = doc.text
    left = text.rfind("\n", 0, block.start) + 1
    return text[left:left + 1]


def first_paragraph(doc: Document) -> Block | None:
    """The document's first paragraph block, looked up once per document (per ending,
    the search made a document of many headings quadratic)."""
    key = "truncation.first-paragraph"
    if key not in doc.attributes:
        doc.attributes[key] = next((b for b in doc.blocks if b.kind == "paragraph"), None)
    return doc.attributes[key]


def sentence_at(doc: Document, start: int) -> Sentence | None:
    """The sentence that starts at `start`, by bisection over the sentence starts."""
    key = "truncation.sentence-starts"
    starts = doc.attributes.get(key)
    if starts is None:
        starts = doc.attributes[key] = [s.start for s in doc.sentences]
    i = bisect_left(starts, start)
    return doc.sentences[i] if i < len(starts) and starts[i] == start else None


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
    text = doc.text
    # Walk line by line from the offset's line (splitting the whole text per call made
    # a document of many short paragraphs quadratic).
    left = text.rfind("\n", 0, offset) + 1
    while True:
        if step < 0:
            if left == 0:
                return True
            right = left - 1
            left = text.rfind("\n", 0, right) + 1
        else:
            right = text.find("\n", left)
            if right == -1:
                return True
            left = right + 1
            end = text.find("\n", left)
            right = len(text) if end == -1 else end
        line = text[left:right]
        if line.strip():
            return bool(ATX.match(line) or ADORNMENT.fullmatch(line))
