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

from collections.abc import Sequence

from doclint.core.segment import split_sentences
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
        source, text, offsets = block.source, block.segment.text, block.segment.offsets
        if source is None or not isinstance(offsets, range):  # cut, or characters dropped
            out.append(split_sentences(text))
            continue
        a = offsets.start
        b = a + len(text)
        part = masked[a:b]
        code = part != text
        if ((code and part.replace(CODE_MASK, "*") != text)
                or masked[source.start:a].strip() or masked[b:source.end].strip()):
            out.append(split_sentences(text))
            continue
        while i < count and made[i].block.start < source.start:
            i += 1
        spans: list[tuple[int, int]] = []
        while i < count and made[i].block is source:
            start, end = made[i].start - a, made[i].end - a
            if code and spans and part[start] == CODE_MASK:
                start = spans.pop()[0]  # no sentence starts with `*` in the view
            spans.append((start, end))
            i += 1
        out.append(spans)
    return tuple(out)
