"""What every markup reader produces: prose blocks and a prose-masked copy of the text."""
from __future__ import annotations

import re
from dataclasses import dataclass

# The masked text has exactly the length of the original text, so every offset into it
# is an offset into the document. Markup syntax (`#`, `>`, list bullets, `](target)`,
# table pipes, HTML tags, directive markers) becomes spaces; content that is not prose
# but stands in a sentence (inline code, URLs, autolinks, math) becomes CODE_MASK
# characters, so a sentence that ends in `code` still ends in "something" rather than
# in the word before it. Newlines are always kept, so line numbers never move.
CODE_MASK = "\ue000"

# Closed set of block kinds; rules decide per kind what counts as a sentence ending.
BLOCK_KINDS = frozenset({
    "paragraph",    # ordinary prose paragraph (hard-wrapped lines are one block)
    "heading",      # Markdown/reST heading, or a plain-text title line
    "list-item",    # the text of one list item (a paragraph inside a list)
    "blockquote",   # a paragraph inside a block quote
    "table-cell",   # one table cell
})


@dataclass(frozen=True)
class Block:
    """One prose block: [start, end) offsets into the document text."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Parsed:
    """A reader's result: prose blocks in document order, and the masked text."""

    blocks: tuple[Block, ...]
    masked: str


# An e-mail address in prose is content that is not prose, like a URL.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


# split/join is ~10x faster than a per-character regex substitution on long gaps.
def blank(s: str) -> str:
    """`s` as spaces, newlines kept: markup syntax and non-prose regions."""
    if "\n" not in s:
        return " " * len(s)
    return "\n".join([" " * len(line) for line in s.split("\n")])


def code(s: str) -> str:
    """`s` as CODE_MASK characters, newlines kept: inline code, URLs, addresses."""
    if "\n" not in s:
        return CODE_MASK * len(s)
    return "\n".join([CODE_MASK * len(line) for line in s.split("\n")])


def line_starts(text: str) -> list[int]:
    """Offsets of the first character of every line of `text`."""
    starts = [0]
    find = text.find
    pos = find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    return starts
