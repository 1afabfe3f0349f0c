"""A document as Vale's rules see it: scoped blocks of plain text, each mapped back to
offsets in the document.

Vale reads Markdown as rendered text: emphasis marks, link targets and inline HTML
tags are gone ("click **Save** in [Settings](url)" reads "click Save in Settings"),
inline code is a run of `*`, and a block-level HTML tag (`<p>`, `<li>`, `<td>`...)
starts a new block. doclint's prose view keeps offsets by blanking that markup, which
would read as runs of spaces ("Save   in"), so each block here drops the blanked
characters and keeps, per character, its offset in the document."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from doclint.markup.base import CODE_MASK, Block, blank
from doclint.vale.sentences import block_sentences, sentences_of_block

# doclint block kinds -> the Vale scopes a block of that kind belongs to ("text" is all).
_KIND_SCOPES = {
    "paragraph": ("paragraph",),
    "heading": ("heading",),
    "list-item": ("list",),
    "blockquote": ("blockquote", "paragraph"),
    "table-cell": ("table", "table.cell"),
}
_ATX = re.compile(r"[ \t]*(#{1,6})")
_BLOCK_TAG = re.compile(r"</?(?:p|div|li|ul|ol|br|hr|tr|td|th|table|thead|tbody|h[1-6]|blockquote|dd|dt|dl)\b[^>]*>",
                        re.IGNORECASE)


class Segment(NamedTuple):
    """Text a rule reads, and the document offset of each of its characters: those of
    `offsets` from `base` on (a sentence shares its block's offsets instead of copying
    them; a named tuple, since a document has thousands of sentences)."""

    text: str
    offsets: Sequence[int]
    base: int = 0

    def start(self, i: int) -> int:
        if i < len(self.text):
            return self.offsets[self.base + i]
        return self.offsets[self.base + len(self.text) - 1] + 1

    def end(self, i: int) -> int:
        return self.offsets[self.base + i - 1] + 1 if i > 0 else self.offsets[self.base]


@dataclass(frozen=True)
class ViewBlock:
    scopes: frozenset[str]
    segment: Segment
    # The document's block this one was read from, when it is the whole of it (no
    # block-level HTML tag cut it): the engine's sentences of that block may be reused.
    source: Block | None = None


# The scopes this view provides; Vale also has `alt` (image alt text), `code` and
# `comment` (source-code files), `title` and others that doclint's readers do not keep.
KNOWN_SCOPES = frozenset({"text", "heading", "paragraph", "sentence", "list", "table", "table.cell",
                          "blockquote", "raw", "summary", *(f"heading.h{i}" for i in range(1, 7))})


@dataclass(frozen=True)
class Scope:
    """A rule's `scope`: the scopes it runs on and the ones it leaves out (`~heading`)."""

    include: frozenset[str]
    exclude: frozenset[str]

    @classmethod
    def parse(cls, value) -> Scope:
        names = [value] if isinstance(value, str) else list(value or ["text"])
        include = {n.strip() for n in names if not n.strip().startswith("~")}
        exclude = {n.strip()[1:] for n in names if n.strip().startswith("~")}
        return cls(frozenset(include or {"text"}), frozenset(exclude))

    @property
    def unknown(self) -> list[str]:
        return sorted((self.include | self.exclude) - KNOWN_SCOPES)

    @property
    def raw(self) -> bool:
        return "raw" in self.include

    @property
    def sentence(self) -> bool:
        return "sentence" in self.include

    @property
    def every_block(self) -> bool:
        """Whether the scope takes every block (`text`, `sentence`, `summary`, nothing left out)."""
        return not self.exclude and not self.include.isdisjoint(("text", "sentence", "summary"))

    def takes(self, block: ViewBlock) -> bool:
        if block.scopes & self.exclude:
            return False
        if self.include & {"text", "sentence", "summary"}:
            return True
        return bool(block.scopes & self.include)


class View:
    """The document's blocks as Vale text (TokenIgnores and BlockIgnores, regexes over
    the source, are blanked first), and `raw`, the source with only those blanked."""

    def __init__(self, doc, token_ignores: list, block_ignores: list) -> None:
        self.doc = doc
        source = doc.text
        spans = [m.span() for pattern in block_ignores + token_ignores for m in pattern.finditer(source)]
        self.raw = _blank_spans(source, spans)
        masked = _blank_spans(doc.masked, spans)
        self.blocks = tuple(self._blocks(doc, masked))
        self.cache: dict = {}  # what several rules derive from the view (segments, metric counts)

    def _blocks(self, doc, masked: str):
        source = doc.text
        for block in doc.blocks:
            scopes = set(_KIND_SCOPES.get(block.kind, ("paragraph",)))
            if block.kind == "heading":
                line_start = source.rfind("\n", 0, block.start) + 1
                atx = _ATX.match(source, line_start)
                scopes.add(f"heading.h{len(atx.group(1)) if atx else 1}")
            # A block-level HTML tag inside the block ends one block and starts another.
            cuts = [block.start]
            for tag in _BLOCK_TAG.finditer(source, block.start, block.end):
                cuts.extend(tag.span())
            cuts.append(block.end)
            whole = block if len(cuts) == 2 else None
            for a, b in zip(cuts[::2], cuts[1::2]):
                segment = _segment(source, masked, a, b)
                if segment is not None:
                    yield ViewBlock(frozenset(scopes), segment, whole)

    def segments(self, scope: Scope) -> tuple[Segment, ...]:
        """The Segments a rule reads: blocks, sentences, or the raw source; made once per
        scope and shared by the rules that have that scope (most have `text`)."""
        found = self.cache.get(scope)
        if found is None:
            found = self.cache[scope] = tuple(self._segments(scope))
        return found

    def sentence_spans(self) -> tuple[list[tuple[int, int]], ...]:
        """Each block's sentences as spans of its text, split once per document and shared
        by the sentence-scoped rules and the metric counts (see doclint.vale.sentences)."""
        found = self.cache.get("sentence-spans")
        if found is None:
            found = self.cache["sentence-spans"] = block_sentences(self.doc, self.blocks)
        return found

    def has_segments(self, scope: Scope) -> bool:
        """Whether the segments of `scope` are made already (another rule asked first)."""
        return scope in self.cache

    def sentences_of(self, index: int) -> list[Segment]:
        """The sentences of block `index` alone, as `segments` gives them to a sentence
        scope: for a rule whose cheap test on a block's text rules out most blocks, so
        that only the blocks it keeps are split (the shared split is used when made)."""
        block = self.blocks[index]
        spans = self.cache.get("sentence-spans")
        if spans is not None:
            found = spans[index]
        else:
            starts = self.cache.get("sentence-starts")
            if starts is None:
                made = self.doc.sentences_if_split()
                starts = self.cache["sentence-starts"] = [s.start for s in made] if made else None
            found = sentences_of_block(self.doc, block, starts)
        out: list[Segment] = []
        _sentence_segments(block.segment, found, out)
        return out

    def _segments(self, scope: Scope):
        if scope.raw:
            return [Segment(self.raw, range(len(self.raw)))]
        takes = scope.takes
        if not scope.sentence:
            if scope.every_block:  # most rules: no block to ask
                return [block.segment for block in self.blocks]
            return [block.segment for block in self.blocks if takes(block)]
        # A sentence scope takes every block but those it excludes: without exclusions,
        # no block is asked (a document has thousands).
        pairs = zip(self.blocks, self.sentence_spans())
        if scope.exclude:
            pairs = [(block, found) for block, found in pairs if takes(block)]
        out: list[Segment] = []
        for block, sentences in pairs:
            _sentence_segments(block.segment, sentences, out)
        return out


def _sentence_segments(seg: Segment, sentences: list[tuple[int, int]], out: list[Segment]) -> None:
    """Append a block's sentences to `out`: a block of one sentence is its own segment."""
    if len(sentences) == 1:
        a, b = sentences[0]
        if a == 0 and b == len(seg.text):
            out.append(seg)
            return
    text, offsets, base = seg
    out.extend([Segment(text[a:b], offsets, base + a) for a, b in sentences])


def _segment(source: str, masked: str, start: int, end: int) -> Segment | None:
    """Block text without blanked markup (a masked space where the source has none),
    inline code as `*`, trimmed; None when nothing is left.

    Most of a block reads the same in the source and the masked text: equal stretches
    are found by comparing slices (in C) and kept whole, and only the short windows
    where the two differ are read character by character."""
    kept: list[tuple[int, int]] = []  # document offsets [a, b) kept, in order
    last = start
    for lo, hi in _differing(source, masked, start, end):
        for i in range(lo, hi):
            if masked[i] == " " and not source[i].isspace():
                if i > last:
                    kept.append((last, i))
                last = i + 1
    if last < end:
        kept.append((last, end))
    text = "".join([masked[a:b] for a, b in kept]).replace(CODE_MASK, "*")
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    if not stripped:
        return None
    if len(kept) == 1:
        a = kept[0][0] + lead
        return Segment(stripped, range(a, a + len(stripped)))
    return Segment(stripped, Offsets(kept, lead, len(stripped)))


class Offsets(Sequence):
    """The document offset of each character of a block's text, kept as the stretches of
    the document it was read from rather than one number per character."""

    __slots__ = ("_firsts", "_lead", "_size", "_starts")

    def __init__(self, kept: list[tuple[int, int]], lead: int, size: int) -> None:
        self._firsts, self._starts, count = [], [], 0  # where each stretch starts in the text, and in the document
        for a, b in kept:
            self._firsts.append(count)
            self._starts.append(a)
            count += b - a
        self._lead, self._size = lead, size

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, i: int) -> int:
        if not 0 <= i < self._size:
            raise IndexError(i)
        i += self._lead
        k = bisect_right(self._firsts, i) - 1
        return self._starts[k] + i - self._firsts[k]


_WINDOW = 16  # differing stretches are narrowed down to windows of this many characters


def _differing(source: str, masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """Windows [lo, hi) that together hold every position where the two texts differ."""
    out: list[tuple[int, int]] = []
    todo = [(start, end)]
    while todo:
        lo, hi = todo.pop()
        if source[lo:hi] == masked[lo:hi]:
            continue
        if hi - lo <= _WINDOW:
            out.append((lo, hi))
            continue
        mid = (lo + hi) // 2
        todo.append((mid, hi))
        todo.append((lo, mid))
    return out


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    out, last = [], 0
    for start, end in sorted(spans):
        start = max(start, last)
        if start >= end:
            continue
        out.append(text[last:start])
        out.append(blank(text[start:end]))
        last = end
    out.append(text[last:])
    return "".join(out)
