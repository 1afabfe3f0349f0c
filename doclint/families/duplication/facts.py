"""What the duplicates kind hands from each document to its corpus phase."""
from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from doclint.core.document import LineIndex
from doclint.core.finding import Location

# A sentence is known in the corpus phase by its global number: document << SHIFT | index.
SHIFT = 24
LOW = (1 << SHIFT) - 1
# A sentence that is another one cut off after at least this many words is a cut copy.
CUT_COPY_WORDS = 6


@dataclass(frozen=True)
class DocFacts:
    """What one document hands to the corpus phase: numbers only, no sentence text (the
    quote in a message is read from the document once the corpus phase has chosen the
    sentences it reports, see DuplicatesKind.quote).

    Per comparable sentence i: a 64-bit fingerprint, its start and end offsets
    (`spans[2 * i]`, `spans[2 * i + 1]`), whether it ends with sentence punctuation
    (`ended[i]`), whether the part of it a quote reads holds markup (`marked[i]`: else
    the quote is read from the text without parsing the document again) and its 32-bit
    token codes (`tokens[starts[i]:starts[i + 1]]`).
    `deletions` holds the span that deleting a sentence removes, only for sentences
    that repeat an earlier one of the document (the only ones an exact-duplicate fix
    deletes). Lines and columns are worked out from `lines` for reported sentences only."""

    path: str
    record: str | None
    record_line: int | None
    fingerprints: array
    spans: array
    ended: bytes
    deletions: dict[int, tuple[int, int]]
    lines: LineIndex
    marked: bytes
    starts: array
    tokens: array
    # Per comparable sentence: 1 when it stands in an entry of a list or a definition
    # list, 2 in a block quote, 3 in a later paragraph of either (entries.entry_codes),
    # else 0, and the number of its block.
    entries: bytes = b""
    blocks: array = field(default_factory=lambda: array("I"))
    row_group: int | None = None  # Parquet records: the row group of the row
    # Per comparable sentence: the number of its section (0 before the first heading)
    # and its slot there (the number of blocks before its own since the heading, at
    # most 255); per section, its heading's level, whether its title holds code, the
    # 32-bit codes of its title's word stems, whether it is or stands in an entry of
    # a reference and the codes of the words in its title's code (see outline.outline,
    # parallel_text.in_sibling_sections).
    sections: array = field(default_factory=lambda: array("I"))
    slots: bytes = b""
    tails: bytes = b""  # per comparable sentence: paragraphs after its own before the next heading
    outline: tuple[tuple[int, int, frozenset[int], bool, frozenset[int]], ...] = ()
    # Per comparable sentence: 1 when it points the reader elsewhere, 2 when it remarks
    # on its own section, 3 when that remark is a version note (pointers.POINTER,
    # pointers.SELF_REMARK, pointers.VERSION_NOTE), else 0.
    pointers: bytes = b""
    leads: bytes = b""  # per comparable sentence: 1 when it is the first sentence of its block
    alone: bytes = b""  # per comparable sentence: 1 when it is the only sentence of its block
    code_slots: bytes = b""  # per comparable sentence: its block's place after code (synopses.code_slots)
    log: bool = False  # a changelog or release notes (the duplicates kind's `logs` option)
    # Per comparable sentence: the fingerprint of its words without numbers, 0 when
    # it has none (fingerprint.shapes): template lines that differ by a version.
    shapes: array = field(default_factory=lambda: array("Q"))

    def location(self, index: int) -> Location:
        line, column = self.lines.position(self.spans[2 * index])
        if self.record_line is None:
            return Location(self.path, line, column)
        return Location(self.path, self.record_line, 1, self.record, line, column, self.row_group)

    def where(self, index: int, other: "DocFacts") -> str:
        """How a message names sentence `index` of this document, seen from `other`."""
        line = self.lines.position(self.spans[2 * index])[0]
        if other is self:
            return f"line {line}"
        if self.record_line is None:
            return f"{self.path}:{line}"
        return f"{self.path}:{self.record_line} (record {self.record}, line {line})"


def sentence_tokens(docs: list[DocFacts], gid: int) -> array:
    """The token codes of the sentence with global number `gid` (near mode)."""
    doc, index = docs[gid >> SHIFT], gid & LOW
    return doc.tokens[doc.starts[index]:doc.starts[index + 1]]


def section_rows(doc: DocFacts, index: int) -> range:
    """The comparable sentences of the section of sentence `index` (section numbers
    rise through a document, so each section's sentences are one range)."""
    sections, section = doc.sections, doc.sections[index]
    return range(bisect_left(sections, section), bisect_right(sections, section))
