"""A document as Vale's rules see it: scoped text blocks over one masked text."""
from __future__ import annotations

import re
from dataclasses import dataclass

from doclint.markup.base import blank

# doclint block kinds -> the Vale scopes a block of that kind belongs to ("text" is all).
_KIND_SCOPES = {
    "paragraph": ("paragraph",),
    "heading": ("heading",),
    "list-item": ("list",),
    "blockquote": ("blockquote", "paragraph"),
    "table-cell": ("table", "table.cell"),
}
_ATX = re.compile(r"[ \t]*(#{1,6})")


@dataclass(frozen=True)
class ViewBlock:
    scopes: frozenset[str]
    start: int
    end: int


@dataclass(frozen=True)
class Scope:
    """A rule's `scope`: the scopes it runs on and the ones it leaves out (`~heading`)."""

    include: frozenset[str]
    exclude: frozenset[str]

    @classmethod
    def parse(cls, value) -> "Scope":
        names = [value] if isinstance(value, str) else list(value or ["text"])
        include = {n.strip() for n in names if not n.strip().startswith("~")}
        exclude = {n.strip()[1:] for n in names if n.strip().startswith("~")}
        return cls(frozenset(include or {"text"}), frozenset(exclude))

    @property
    def raw(self) -> bool:
        return "raw" in self.include

    @property
    def sentence(self) -> bool:
        return "sentence" in self.include

    @property
    def summary(self) -> bool:
        return "summary" in self.include

    def takes(self, block: ViewBlock) -> bool:
        if block.scopes & self.exclude:
            return False
        if self.include & {"text", "sentence", "summary"}:
            return True
        return bool(block.scopes & self.include)


class View:
    """`text` is the document's prose view (markup blanked, code masked) with the
    configuration's TokenIgnores and BlockIgnores blanked too; `raw` the source with only
    those blanked. Offsets are the document's."""

    def __init__(self, doc, token_ignores: list, block_ignores: list) -> None:
        self.doc = doc
        source = doc.text
        spans = [m.span() for pattern in block_ignores + token_ignores for m in pattern.finditer(source)]
        self.text = _blank_spans(doc.masked, spans)
        self.raw = _blank_spans(source, spans)
        self.blocks = tuple(self._blocks(doc))

    def _blocks(self, doc):
        for block in doc.blocks:
            scopes = set(_KIND_SCOPES.get(block.kind, ("paragraph",)))
            if block.kind == "heading":
                line_start = doc.text.rfind("\n", 0, block.start) + 1
                atx = _ATX.match(doc.text, line_start)
                level = len(atx.group(1)) if atx else 1
                scopes.add(f"heading.h{level}")
            start, end = block.start, block.end
            piece = self.text[start:end]
            stripped = piece.strip()
            if not stripped:
                continue
            start += len(piece) - len(piece.lstrip())
            yield ViewBlock(frozenset(scopes), start, start + len(stripped))

    def segments(self, scope: Scope):
        """(start, text) pieces the rule reads: blocks, sentences, or the raw source."""
        if scope.raw:
            yield 0, self.raw
            return
        if scope.sentence:
            from doclint.core.segment import split_sentences

            for block in self.blocks:
                if scope.takes(block):
                    for start, end in split_sentences(self.text, block.start, block.end):
                        yield start, self.text[start:end]
            return
        for block in self.blocks:
            if scope.takes(block):
                yield block.start, self.text[block.start:block.end]


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
