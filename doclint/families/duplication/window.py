"""The facts of a document around some of its sentences: what the exact mode's findings
read of a clustered sentence and of its neighbours, and nothing else.

On a cluster the corpus phase keeps fingerprints, not whole DocFacts
(doclint.families.duplication.ranges). Once it knows which sentences repeat, it asks
each partition for their surroundings: the structure tests of parallel_text read a
sentence's block, section and flags, and the fingerprints and words of up to
NEIGHBOURS sentences on each side (a copied run of three); a finding reads the
sentence's offsets, lines and deletion span. A window is a DocFacts whose arrays hold
those values alone, under their own indexes, and keep the length of the whole, so that
the same code reads it; reading any other index is a KeyError, never a wrong value."""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Iterable

from doclint.core.finding import TextRef
from doclint.families.duplication.facts import DocFacts
from doclint.families.duplication.parallel_text import RUN

# How far from a clustered sentence the structure tests read (in_copied_run looks
# RUN - 1 sentences each way, in_parallel_section one).
NEIGHBOURS = RUN - 1

# Per-sentence fields of DocFacts, one value per comparable sentence.
_PER_SENTENCE = ("fingerprints", "ended", "marked", "entries", "blocks", "sections", "slots", "pointers",
                 "leads", "shapes")


class Sparse:
    """Some values of a sequence by index, with the length of the whole sequence."""

    __slots__ = ("values", "length")

    def __init__(self, values: dict[int, Any], length: int) -> None:
        self.values, self.length = values, length

    def __getitem__(self, index: int) -> Any:
        return self.values[index]

    def __len__(self) -> int:
        return self.length

    def __bool__(self) -> bool:
        return self.length > 0

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sparse) and (self.values, self.length) == (other.values, other.length)


class SparseSlices:
    """Some slices of a sequence (the word codes of some sentences), by their bounds."""

    __slots__ = ("slices",)

    def __init__(self, slices: dict[tuple[int, int], Any]) -> None:
        self.slices = slices

    def __getitem__(self, bounds: slice) -> Any:
        return self.slices[(bounds.start, bounds.stop)]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SparseSlices) and self.slices == other.slices


class KnownPositions:
    """LineIndex.position() for some offsets, worked out beforehand."""

    __slots__ = ("positions",)

    def __init__(self, positions: dict[int, tuple[int, int]]) -> None:
        self.positions = positions

    def position(self, offset: int) -> tuple[int, int]:
        return self.positions[offset]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, KnownPositions) and self.positions == other.positions


def window(doc: DocFacts, chosen: Iterable[int]) -> DocFacts:
    """`doc` reduced to sentences `chosen` (indexes) and NEIGHBOURS on each side."""
    chosen = sorted(set(chosen))
    count = len(doc.fingerprints)
    near = sorted({j for i in chosen for j in range(max(0, i - NEIGHBOURS), min(count, i + NEIGHBOURS + 1))})

    def pick(values) -> Sparse:
        return Sparse({j: values[j] for j in near} if len(values) else {}, len(values))

    fields = {name: pick(getattr(doc, name)) for name in _PER_SENTENCE}
    spans = Sparse({k: doc.spans[k] for j in near for k in (2 * j, 2 * j + 1)}, len(doc.spans))
    starts = Sparse({k: doc.starts[k] for j in near for k in (j, j + 1)}, len(doc.starts))
    tokens = SparseSlices({(doc.starts[j], doc.starts[j + 1]): doc.tokens[doc.starts[j]:doc.starts[j + 1]]
                           for j in near})
    # A finding names its sentence's start and end, and those of the sentence it repeats.
    offsets = {doc.spans[k] for i in chosen for k in (2 * i, 2 * i + 1)}
    lines = KnownPositions({offset: doc.lines.position(offset) for offset in offsets})
    sections = {doc.sections[j] for j in near} if len(doc.sections) else set()
    titles = {0} | {s - 1 for s in sections if s} if doc.outline else set()
    outline = Sparse({t: doc.outline[t] for t in titles}, len(doc.outline))
    deletions = {i: doc.deletions[i] for i in chosen if i in doc.deletions}
    return replace(doc, spans=spans, starts=starts, tokens=tokens, lines=lines, outline=outline,
                   deletions=deletions, **fields)


def quoted(doc: DocFacts, chosen: Iterable[int]) -> list[TextRef]:
    """The sentences `chosen` as a finding names them for its quote."""
    return [TextRef(doc.path, doc.record_line, doc.spans[2 * i], doc.spans[2 * i + 1], bool(doc.marked[i]))
            for i in chosen]
