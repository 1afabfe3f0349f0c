"""Document, LineIndex and the prose view (blocks, masked text, sentences) of one text."""
from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Callable

from doclint.core.finding import Location
from doclint.markup.base import Block, Heading, Parsed, blank, line_starts

if TYPE_CHECKING:
    from doclint.core.words import FoldedWords


class LineIndex:
    """Turns code-point offsets into 1-based (line, column), by bisecting line starts."""

    def __init__(self, text: str) -> None:
        self._starts = line_starts(text)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based `line`."""
        return self._starts[line - 1]

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def compact(self) -> "LineIndex":
        """The same index over an array of machine ints: small to keep and to pickle,
        for what a document hands to the corpus phase."""
        out = LineIndex.__new__(LineIndex)
        out._starts = array("Q", self._starts)
        return out


# Prose blocks longer than this many characters are not checked (a note names them):
# no real paragraph comes near it, and every rule's memory grows with the prose it
# reads (about 80 bytes per character), so one 50 MB line would need gigabytes.
MAX_BLOCK_CHARS = 1_000_000


def drop_oversized(parsed: Parsed, limit: int) -> tuple[Parsed, tuple[Block, ...]]:
    """`parsed` without the blocks longer than `limit` characters (0: no limit), their
    text blanked in the masked copy so that no rule reads it; and the blocks dropped."""
    if not limit or all(b.end - b.start <= limit for b in parsed.blocks):
        return parsed, ()
    kept, dropped, pieces, pos = [], [], [], 0
    masked = parsed.masked
    for block in parsed.blocks:
        if block.end - block.start <= limit:
            kept.append(block)
            continue
        dropped.append(block)
        pieces.append(masked[pos:block.start])
        pieces.append(blank(masked[block.start:block.end]))
        pos = block.end
    pieces.append(masked[pos:])
    return Parsed(tuple(kept), "".join(pieces), parsed.headings), tuple(dropped)


@dataclass(frozen=True)
class Sentence:
    """A sentence: [start, end) offsets into Document.text, inside one prose block."""

    start: int
    end: int
    block: Block


@dataclass(eq=False)
class Document:
    """One document: a file, or one record of a JSONL corpus.

    `text` has its newlines normalised to "\\n" (line numbers are those of the file);
    `newline` remembers the original style so that fixes write it back unchanged."""

    path: str
    text: str
    reader: Callable[[str], Parsed]
    newline: str = "\n"
    encoding: str = "utf-8"
    bom: bool = False
    record: str | None = None       # JSONL record id
    record_line: int | None = None  # JSONL line of the record in its file (Parquet: its row)
    row_group: int | None = None    # Parquet records: the row group of the row
    lossy: bool = False             # decoded with replacements: never write it back
    attributes: dict = field(default_factory=dict)
    max_block: int = MAX_BLOCK_CHARS  # longer prose blocks are skipped (0: no limit)
    skipped: tuple[Block, ...] = ()   # the blocks skipped for their size, once parsed

    @cached_property
    def line_index(self) -> LineIndex:
        return LineIndex(self.text)

    @cached_property
    def parsed(self) -> Parsed:
        parsed, self.skipped = drop_oversized(self.reader(self.text), self.max_block)
        return parsed

    @property
    def blocks(self) -> tuple[Block, ...]:
        return self.parsed.blocks

    @property
    def headings(self) -> tuple[Heading, ...]:
        """Every section heading, in order (see doclint.markup.base.Heading)."""
        return self.parsed.headings

    @property
    def masked(self) -> str:
        """The text with everything that is not prose blanked out (same offsets)."""
        return self.parsed.masked

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        from doclint.core.segment import split_sentences

        masked = self.masked
        out = []
        for block in self.blocks:
            for start, end in split_sentences(masked, block.start, block.end):
                out.append(Sentence(start, end, block))
        return tuple(out)

    def sentences_if_split(self) -> tuple[Sentence, ...] | None:
        """`sentences` when something has already asked for them, else None, without
        splitting: for a reader that can reuse the split but should not pay for it."""
        return self.__dict__.get("sentences")

    @cached_property
    def folded_words(self) -> FoldedWords | None:
        """Every word of the prose view, lower-cased and folded, with its offsets: cut
        once for all the rules that compare normalised words (see doclint.core.words);
        None when lower-casing changes the text's length."""
        from doclint.core.words import folded_words

        return folded_words(self.masked)

    def plain(self, start: int, end: int) -> str:
        """text[start:end] as a reader sees it, markup removed: for quotes in messages."""
        from doclint.markup.plain import plain

        return plain(self.text, self.masked, start, end)

    def position(self, offset: int) -> tuple[int, int]:
        return self.line_index.position(offset)

    def location(self, offset: int) -> Location:
        line, column = self.line_index.position(offset)
        if self.record_line is None:
            return Location(self.path, line, column)
        return Location(self.path, self.record_line, 1, self.record, line, column, self.row_group)

    @property
    def is_record(self) -> bool:
        return self.record_line is not None
