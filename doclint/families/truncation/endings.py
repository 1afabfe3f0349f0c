"""Where prose stops: block ends and sentence-ending line breaks, with their last words."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Iterator

from doclint.core.document import Document
from doclint.core.segment import TRAILER
from doclint.families.truncation.wrapbreaks import early_breaks, opening_word
from doclint.markup.base import CODE_MASK, Block

# A sentence is closed by ., !, ?, … (or "...") followed only by closing quotes,
# brackets or emphasis markers; the masked text has emphasis markers as spaces.
_CLOSED = re.compile(r"[.!?\u2026][\"'\u201d\u2019\u00bb)\]*_]*\Z")
# Mis-decoded closing quotes ("it.¡¨") still end a sentence: a terminator followed by
# a few symbols and nothing else.
_CLOSED_MOJIBAKE = re.compile(r"[.!?\u2026][^\w\s]{1,3}\Z")
# Characters that may stand inside a word: a "+" joins the keys of a shortcut ("ctrl+a"
# ends on no article).
_INNER = "'\u2019-+"
# Markers that start a line and are not prose: headings, quotes, list bullets, table
# pipes and reST adornment. A heading marker is how we tell a real heading from a
# plain-text line that the reader guessed was a title.
ADORNMENT = re.compile(r"[ \t]*([=\-~^\"'`#*+:._])\1{2,}[ \t]*\Z")
ATX = re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]|\Z)")
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_LINK_TARGET = re.compile(r"[ \t]*(?:<[a-z][\w+.-]*:|\]\(|\)`_|`_)")  # reST/Markdown link tails
LONG_LINE = 100  # characters; wider than any hard-wrapped paragraph
_SENTENCE_SPAN = 1000  # characters; longer than any real sentence
_SPACE = re.compile(r"\s*")
_BACK_STEP = 256  # characters looked at per step when skipping whitespace backwards


@dataclass(frozen=True)
class Ending:
    """A place where prose stops: `stop` is the offset just after its last character.

    `where` is "block" (the end of a prose block) or "line" (a line break inside a
    paragraph written one sentence per line, before a line that starts a sentence).
    `start` is where the sentence that stops there began; `next_start` where the prose
    after it begins (None at the end of the document)."""

    where: str
    block: Block
    start: int
    stop: int
    next_start: int | None
    explicit_heading: bool = False
    next_block: Block | None = None  # the block after, for a block ending
    wrapped: bool = False  # a line ending inside a hard-wrapped paragraph


def skip_space(s: str, lo: int, hi: int) -> int:
    """The first offset in s[lo:hi] that is not whitespace (hi if none), without copying
    the rest of the block: per line this must cost the line, not the paragraph."""
    return _SPACE.match(s, lo, hi).end()


def trim_end(s: str, lo: int, hi: int) -> int:
    """The offset just after the last non-whitespace character of s[lo:hi] (lo if none):
    `lo + len(s[lo:hi].rstrip())`, looking back in small steps instead of copying."""
    while hi > lo:
        step = max(lo, hi - _BACK_STEP)
        kept = len(s[step:hi].rstrip())
        if kept:
            return step + kept
        hi = step
    return lo


# Terminal punctuation, then a parenthesis with no sentence inside it at the end: the
# trailer the sentence splitter keeps with the sentence before it (core.segment).
_TRAILED = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s+" + TRAILER + "$")
_TRAILED_REACH = 100


def closed(tail: str) -> bool:
    """Whether the prose `tail` ends a sentence with terminal punctuation, or with the
    parenthesis the sentence splitter leaves after it ("Fixed the crash. (Jane Roe)")."""
    if tail.endswith(")") and _TRAILED.search(tail, max(0, len(tail) - _TRAILED_REACH)):
        return True
    tail = tail[-12:]  # the patterns are anchored at the end; do not scan the rest
    return bool(_CLOSED.search(tail) or _CLOSED_MOJIBAKE.search(tail))


def last_word(tail: str) -> str | None:
    """The word `tail` ends on (letters, digits, inner apostrophes, hyphens and pluses)."""
    if not tail or not tail[-1].isalnum():
        return None
    i = len(tail) - 1
    while i > 0 and (tail[i - 1].isalnum() or tail[i - 1] in _INNER):
        i -= 1
    word = tail[i:].lstrip("'\u2019-+")
    return word or None


def words(s: str) -> list[str]:
    return _WORD.findall(s)


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    left = text.rfind("\n", 0, offset) + 1
    right = text.find("\n", offset)
    return left, len(text) if right == -1 else right


def is_explicit_heading(doc: Document, block: Block) -> bool:
    """A heading marked up as one (`#`, an underline or overline), not a guessed title."""
    text = doc.text
    left, right = _line_bounds(text, block.start)
    if ATX.match(text, left):
        return True
    nxt_left, nxt_right = _line_bounds(text, block.end)
    below = text[nxt_right + 1:_line_bounds(text, nxt_right + 1)[1]] if nxt_right < len(text) else ""
    above = text[_line_bounds(text, max(left - 2, 0))[0]:left - 1] if left else ""
    return bool(ADORNMENT.fullmatch(below) or (above and ADORNMENT.fullmatch(above)))


def line_style(doc: Document) -> tuple[bool, bool]:
    """Whether the document writes one sentence per line: (most line breaks inside its
    paragraphs follow terminal punctuation, most breaks before a capital letter do).

    Hard-wrapped prose breaks anywhere; a document that mixes both styles still ends
    nearly every line that is followed by a capital with punctuation."""
    masked = doc.masked
    breaks = ended = upper = upper_ended = 0
    for block in doc.blocks:
        if block.kind not in ("paragraph", "blockquote", "list-item"):
            continue
        pos = masked.find("\n", block.start, block.end)
        while pos != -1:
            is_closed = closed(masked[max(block.start, pos - 12):pos].rstrip())
            breaks += 1
            ended += is_closed
            first = skip_space(masked, pos + 1, block.end)
            if first < block.end and masked[first].isupper():
                upper += 1
                upper_ended += is_closed
            pos = masked.find("\n", pos + 1, block.end)
    return breaks >= 3 and ended >= 0.8 * breaks, upper >= 3 and upper_ended >= 0.8 * upper


def _unwrapped(doc: Document, block: Block) -> bool:
    """A block with a line far longer than any wrap width is not hard-wrapped."""
    # Masked lines, spaces collapsed: a long link target does not make a line long.
    return any(len(" ".join(line.split())) > LONG_LINE
               for line in doc.masked[block.start:block.end].split("\n"))


# A line broken inside a phrase: a word, the break, then a lower-case word.
_WRAPPED_BREAK = re.compile(r"[^\W\d_][ \t]*\n[ \t]*[a-z]")


def _hard_wrapped(masked: str, block: Block) -> bool:
    """Does the block break a line inside a phrase ("what methods you are making" +
    "accessible.")? Then its lines are wrapped at a width, however long one of them is,
    and a break before a capital is one more wrap ("frequently in" + "Twisted, because")."""
    return _WRAPPED_BREAK.search(masked, block.start, block.end) is not None


def _block_sentence_starts(doc: Document) -> list[list[int]]:
    """Sentence starts per block, by block index (sentences come in block order)."""
    blocks = doc.blocks
    starts: list[list[int]] = [[] for _ in blocks]
    i = 0
    for sentence in doc.sentences:
        while blocks[i] is not sentence.block:
            i += 1
        starts[i].append(sentence.start)
    return starts


def iter_endings(doc: Document, line_breaks: bool = True) -> Iterator[Ending]:
    """Every place where prose stops without terminal punctuation, in document order."""
    masked = doc.masked
    blocks = doc.blocks
    starts = _block_sentence_starts(doc)
    by_lines, by_capitals = line_style(doc) if line_breaks else (False, False)
    for i, block in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        sentence_starts = starts[i] or [block.start]
        if block.kind in ("paragraph", "blockquote", "list-item") and (
                by_lines or by_capitals and _unwrapped(doc, block) and not _hard_wrapped(masked, block)):
            pos = masked.find("\n", block.start, block.end)
            while pos != -1:
                stop = trim_end(masked, block.start, pos)
                after = skip_space(masked, pos + 1, block.end)
                # A capital in the text itself, not link text or emphasis: "at the\n
                # [Hotel Name](url)" is one sentence broken before a link.
                # And a word that opens a sentence, not a name that may stand anywhere
                # in one ("when using the\n  BitBucket dialect", "NumPy arrays").
                if doc.text[pos + 1:after + 1].lstrip()[:1].isupper() \
                        and not closed(masked[max(block.start, stop - 12):stop]) \
                        and opening_word(doc.text, after) is not None:
                    before = bisect_left(sentence_starts, stop)  # starts are in text order
                    first = sentence_starts[before - 1] if before else block.start
                    line_left = masked.rfind("\n", 0, stop) + 1
                    yield Ending("line", block, max(first, line_left), stop, after)
                pos = masked.find("\n", pos + 1, block.end)
        elif line_breaks and block.kind in ("paragraph", "blockquote"):
            yield from _wrapped_endings(doc, block, sentence_starts)
        if closed(masked[max(block.start, block.end - 12):block.end]):
            continue
        heading = block.kind == "heading" and is_explicit_heading(doc, block)
        yield Ending("block", block, sentence_starts[-1], block.end,
                     nxt.start if nxt is not None else None, heading, nxt)


def _wrapped_endings(doc: Document, block: Block, sentence_starts: list[int]) -> Iterator[Ending]:
    """Line endings inside a hard-wrapped paragraph where the line stops early before a
    line that opens like a sentence (see wrapbreaks)."""
    masked = doc.masked
    for pos, after in early_breaks(doc.text, masked, block.start, block.end):
        stop = pos
        while stop > block.start and masked[stop - 1].isspace():
            stop -= 1
        if stop <= block.start or closed(masked[max(block.start, stop - 12):stop]):
            continue
        # Sentence starts are sorted: the last one before the stop, found by bisection
        # so that a paragraph of many lines stays linear.
        i = bisect_left(sentence_starts, stop) - 1
        first = sentence_starts[i] if i >= 0 else block.start
        if stop - first > _SENTENCE_SPAN:
            # A run-on "sentence" of many lines: judge the line, and keep the work per
            # ending bounded, so a huge unpunctuated paragraph stays linear.
            first = masked.rfind("\n", block.start, stop) + 1 or block.start
        yield Ending("line", block, first, stop, after, wrapped=True)


def trailing_markup(doc: Document, e: Ending) -> bool:
    """Whether non-prose text follows the ending: a link target or a tag on its line, or
    a link target that runs on over the next lines of the paragraph."""
    text = doc.text
    right = text.find("\n", e.stop)
    right = len(text) if right == -1 else right
    if text[e.stop:right].strip().strip("*_~"):
        return True
    if e.where == "block":
        # The pattern cannot cross a line break, so it needs no bound at the paragraph's
        # end (searching for that end made every block scan the rest of the text).
        return bool(_LINK_TARGET.match(text, right + 1))
    return False


def ends_in_code(tail: str) -> bool:
    return tail.endswith(CODE_MASK)
