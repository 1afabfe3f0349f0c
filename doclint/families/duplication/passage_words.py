"""The prose words of one document for the repeated-passage search (DL204): token codes,
offsets, sentence edges and blocks, taken from the document's one cut of its words
(Document.folded_words)."""
from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass
from itertools import repeat

from doclint.families.duplication import fingerprint as fp
from doclint.families.duplication.entries import ENTRY_KINDS, block_numbers

PROSE_KINDS = ("paragraph", "list-item", "blockquote")


@dataclass(frozen=True)
class Words:
    """The words of a document's prose in reading order, across sentence boundaries:
    their codes and offsets, which sentence boundaries fall before a word, and the
    block each word stands in."""

    codes: array
    starts: array
    ends: array
    sentence_starts: frozenset[int]   # word numbers that begin a sentence
    sentence_ends: frozenset[int]     # word numbers that end one (the last word's number + 1)
    blocks: array                     # per word, the block number (doclint.families.duplication.entries.block_numbers)
    entries: bytes                    # per word, 1 when its block is a list entry or quote
    masked: str                       # the document's prose view (not a copy)


def words_of(doc) -> Words:
    """The prose words of `doc`, normalised as DL201 normalises sentences: the tokens
    fingerprint.token_offsets() finds in each prose sentence, in order."""
    whole = doc.folded_words
    # Lower-casing changed the length: fold per sentence instead.
    low = doc.masked.lower() if whole is None else whole.low
    # Inline code read as the code, once for DL201 and DL204 (fingerprint.document_tokens).
    every = None if whole is None else fp.document_tokens(doc)
    text = doc.text
    numbers = block_numbers(doc)
    starts_of_blocks = [b.start for b in doc.blocks]
    words: list[str] = []
    starts, ends, blocks = array("I"), array("I"), array("I")
    entries = bytearray()
    opening, closing = set(), set()
    for sentence in doc.sentences:
        block = sentence.block
        if block.kind not in PROSE_KINDS:
            continue
        start, end = sentence.start, sentence.end
        own = None if whole is None else whole.span(start, end)
        if own is None:
            sentence_words, spans = fp.token_offsets(low, text, start, end)
            if not spans:
                continue
            sentence_starts, sentence_ends = zip(*spans)
        else:
            first, last = own
            if first == last:
                continue
            sentence_words = every[first:last]
            sentence_starts, sentence_ends = whole.starts[first:last], whole.ends[first:last]
        number = numbers[bisect_right(starts_of_blocks, start) - 1]
        opening.add(len(words))
        words.extend(sentence_words)
        starts.extend(sentence_starts)
        ends.extend(sentence_ends)
        blocks.extend(repeat(number, len(sentence_words)))
        entries.extend(repeat(block.kind in ENTRY_KINDS, len(sentence_words)))
        closing.add(len(words))
    return Words(fp.hashes(words), starts, ends, frozenset(opening), frozenset(closing), blocks,
                 bytes(entries), doc.masked)
