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
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import NamedTuple

from doclint.markup.base import CODE_MASK, blank

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
            for a, b in zip(cuts[::2], cuts[1::2]):
                segment = _segment(source, masked, a, b)
                if segment is not None:
                    yield ViewBlock(frozenset(scopes), segment)

    def segments(self, scope: Scope) -> tuple[Segment, ...]:
        """The Segments a rule reads: blocks, sentences, or the raw source; made once per
        scope and shared by the rules that have that scope (most have `text`)."""
        found = self.cache.get(scope)
        if found is None:
            found = self.cache[scope] = tuple(self._segments(scope))
        return found

    def sentence_spans(self) -> tuple[list[tuple[int, int]], ...]:
        """Each block's sentences as spans of its text, split once per document and shared
        by the sentence-scoped rules and the metric counts."""
        found = self.cache.get("sentence-spans")
        if found is None:
            from doclint.core.segment import split_sentences

            found = self.cache["sentence-spans"] = tuple(split_sentences(b.segment.text) for b in self.blocks)
        return found

    def _segments(self, scope: Scope):
        if scope.raw:
            yield Segment(self.raw, range(len(self.raw)))
            return
        spans = self.sentence_spans() if scope.sentence else repeat(None)
        for block, sentences in zip(self.blocks, spans):
            if not scope.takes(block):
                continue
            if scope.sentence:
                seg = block.segment
                for a, b in sentences:
                    yield Segment(seg.text[a:b], seg.offsets, seg.base + a)
            else:
                yield block.segment


def _segment(source: str, masked: str, start: int, end: int) -> Segment | None:
    """Block text without blanked markup (a masked space where the source has none),
    inline code as `*`, trimmed; None when nothing is left."""
    chars, offsets = [], []
    for i in range(start, end):
        m = masked[i]
        if m == " " and not source[i].isspace():
            continue
        chars.append("*" if m == CODE_MASK else m)
        offsets.append(i)
    text = "".join(chars)
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    if not stripped:
        return None
    return Segment(stripped, tuple(offsets[lead:lead + len(stripped)]))


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
