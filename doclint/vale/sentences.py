"""The sentences of a Vale view's blocks, reusing the engine's split where it is exact.

A view block's text is its document block read as rendered text: markup dropped,
inline code as `*`, TokenIgnores blanked, trimmed. The sentence splitter runs on that
text. doclint's own rules have usually split the document already, on its masked text
(markup blanked in place, inline code as CODE_MASK, same offsets), with the same
splitter. When a view block is the whole of its document block and its text is the
masked block less the whitespace around it, with `*` for CODE_MASK, the splitter reads
the same characters in both but one: it finds the same candidate boundaries (runs of
terminators and closing quotes before whitespace) and judges each by the same word
before it and after it (neither `*` nor CODE_MASK is a word character, a terminator or
a capital), except that CODE_MASK counts as a sentence start and `*` does not. So the
view's sentences are the engine's, shifted to the block's text, with each sentence
that starts with inline code joined to the one before it. Other blocks (emphasis or
link syntax dropped from them, an ignored token, a cut at an HTML tag) are split
afresh."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from doclint.core.segment import count_sentences, split_sentences
from doclint.markup.base import CODE_MASK


def block_sentences(doc, blocks: Sequence) -> tuple[list[tuple[int, int]], ...]:
    """For each view block, its sentences as [start, end) spans of its text."""
    made = doc.sentences_if_split()
    if not made:
        return tuple([split_sentences(b.segment.text) for b in blocks])
    masked = doc.masked
    out: list[list[tuple[int, int]]] = []
    i, count = 0, len(made)  # the engine's sentences, in document order, walked once
    for block in blocks:
        code = _reusable(block, masked)
        if code is None:
            out.append(split_sentences(block.segment.text))
            continue
        source = block.source
        while i < count and made[i].block.start < source.start:
            i += 1
        i = _engine_spans(made, i, block, masked, code, out)
    return tuple(out)


def sentence_count(doc, blocks: Sequence) -> int:
    """How many sentences `block_sentences` gives `blocks` (view blocks in document
    order, any of them left out) in all, without making their spans: the metric counts
    need only the number, and only for the prose blocks. The blocks that take the
    engine's sentences count those; the others, split afresh, are counted together in
    one pass (count_sentences)."""
    made = doc.sentences_if_split()
    if not made:
        return count_sentences([b.segment.text for b in blocks])
    masked = doc.masked
    fresh: list[str] = []
    total = 0
    i, count = 0, len(made)
    for block in blocks:
        code = _reusable(block, masked)
        if code is None:
            fresh.append(block.segment.text)
            continue
        source = block.source
        while i < count and made[i].block.start < source.start:
            i += 1
        n = 0
        while i < count and made[i].block is source:
            # As _engine_spans: a sentence that opens with inline code joins the one before.
            if not (code and n and masked[made[i].start] == CODE_MASK):
                n += 1
            i += 1
        total += n
    return total + count_sentences(fresh)


def sentences_of_block(doc, block, starts: list[int] | None) -> list[tuple[int, int]]:
    """One view block's sentences, the same spans `block_sentences` gives it: for a rule
    that reads the sentences of only the few blocks a cheap test keeps. `starts` are
    where the engine's sentences start (None when the document was not split): a
    block's own sentences are the run that starts inside it."""
    made = doc.sentences_if_split()
    code = _reusable(block, doc.masked) if made and starts is not None else None
    if code is None:
        return split_sentences(block.segment.text)
    out: list[list[tuple[int, int]]] = []
    _engine_spans(made, bisect_left(starts, block.source.start), block, doc.masked, code, out)
    return out[0]


def _reusable(block, masked: str) -> bool | None:
    """None when the block's sentences must be split afresh; else whether its text holds
    inline code (read as `*`)."""
    source, offsets = block.source, block.segment.offsets
    if source is None or not isinstance(offsets, range):  # cut, or characters dropped
        return None
    text = block.segment.text
    a = offsets.start
    b = a + len(text)
    part = masked[a:b]
    code = part != text
    if ((code and part.replace(CODE_MASK, "*") != text)
            or masked[source.start:a].strip() or masked[b:source.end].strip()):
        return None
    return code


def _engine_spans(made, i: int, block, masked: str, code: bool, out: list) -> int:
    """Append the spans of the engine's sentences of `block` from `made[i]` on, shifted
    to the block's text; return the index after them."""
    source, a = block.source, block.segment.offsets.start
    spans: list[tuple[int, int]] = []
    count = len(made)
    while i < count and made[i].block is source:
        start, end = made[i].start - a, made[i].end - a
        if code and spans and masked[made[i].start] == CODE_MASK:
            start = spans.pop()[0]  # no sentence starts with `*` in the view
        spans.append((start, end))
        i += 1
    out.append(spans)
    return i
