"""The prose words of one document for the repeated-passage search (DL204): token codes,
offsets, sentence edges and blocks, cut from the whole document in one regex pass."""
from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate, compress, islice, repeat
from itertools import count as count_from
from operator import add, methodcaller

from doclint.families.duplication import fingerprint as fp
from doclint.families.duplication.parallel_text import ENTRY_KINDS, block_numbers

PROSE_KINDS = ("paragraph", "list-item", "blockquote")
# DL201's token pattern as one group: split() returns gaps and tokens alternately, so
# a whole document is cut in one C-level call and the offsets are running sums of the
# piece lengths. Both patterns must stay those of fingerprint.tokens_at().
_PIECES = re.compile(f"({fp._TOKEN.pattern})")
_ASCII_PIECES = re.compile(f"({fp._ASCII_TOKEN.pattern})")
_IS_CODE = methodcaller("startswith", fp.CODE_MASK)


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
    blocks: array                     # per word, the block number (doclint.families.duplication.parallel_text)
    entries: bytes                    # per word, 1 when its block is a list entry or quote
    masked: str                       # the document's prose view (not a copy)


def words_of(doc) -> Words:
    """The prose words of `doc`, normalised as DL201 normalises sentences: the tokens
    fingerprint.token_offsets() finds in each prose sentence, in order."""
    low = fp.fold(doc.masked)
    whole = None
    if low is None:  # lower-casing changed the length: fold per sentence instead
        low = doc.masked.lower()
    else:
        whole = _document_tokens(low)
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
        own = None if whole is None else _slice(whole, start, end)
        if own is None:
            sentence_words, spans = fp.token_offsets(low, text, start, end)
            if not spans:
                continue
            sentence_starts, sentence_ends = zip(*spans)
        else:
            sentence_words, sentence_starts, sentence_ends = own
            if not sentence_words:
                continue
        number = numbers[bisect_right(starts_of_blocks, start) - 1]
        opening.add(len(words))
        words.extend(sentence_words)
        starts.extend(sentence_starts)
        ends.extend(sentence_ends)
        blocks.extend(repeat(number, len(sentence_words)))
        entries.extend(repeat(block.kind in ENTRY_KINDS, len(sentence_words)))
        closing.add(len(words))
    if whole is not None and fp.CODE_MASK in low:
        # A run of masked inline code is one token holding the code, as for DL201.
        # (Tokens from fingerprint.token_offsets() hold it already: they start with "`".)
        for k in compress(count_from(), map(_IS_CODE, words)):
            words[k] = "`" + "".join(text[starts[k]:ends[k]].split()).lower()
    return Words(fp.hashes(words), starts, ends, frozenset(opening), frozenset(closing), blocks,
                 bytes(entries), doc.masked)


def _document_tokens(low: str) -> tuple[list[str], list[int], list[int]]:
    """Every token of the folded document with its start and end offsets."""
    pieces = (_ASCII_PIECES if low.isascii() else _PIECES).split(low)
    tokens = pieces[1::2]
    starts = list(islice(accumulate(map(len, pieces)), 0, len(pieces) - 1, 2))
    return tokens, starts, list(map(add, starts, map(len, tokens)))


def _slice(whole: tuple[list[str], list[int], list[int]], start: int,
           end: int) -> tuple[list[str], list[int], list[int]] | None:
    """The document's tokens that start in [start, end), or None when a token runs over
    an edge of the span: the span must then be cut on its own. Otherwise they are the
    tokens a search confined to the span finds (the pattern looks neither behind nor
    ahead), so the sentence need not be searched again."""
    tokens, starts, ends = whole
    first = bisect_left(starts, start)
    last = bisect_left(starts, end, first)
    if first and ends[first - 1] > start:
        return None
    if last > first and ends[last - 1] > end:
        return None
    return tokens[first:last], starts[first:last], ends[first:last]
