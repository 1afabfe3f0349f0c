"""What every markup reader produces: prose blocks and a prose-masked copy of the text."""
from __future__ import annotations

import re
from array import array
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
class Heading:
    """A section heading, whether or not it holds prose ("#### `aarch64`" holds none and
    makes no block): its level (1 is the highest) and [start, end) of its line(s)."""

    level: int
    start: int
    end: int


@dataclass(frozen=True)
class Parsed:
    """A reader's result: prose blocks in document order, the masked text, and the
    document's outline (every heading in order; empty for text with no sections)."""

    blocks: tuple[Block, ...]
    masked: str
    headings: tuple[Heading, ...] = ()


# An e-mail address in prose is content that is not prose, like a URL.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


# split/join is ~10x faster than a per-character regex substitution on long gaps.
def _ascii_table(fill: str) -> dict[int, str]:
    return {c: fill for c in range(128) if c != ord("\n")}


_BLANK_ASCII = _ascii_table(" ")
_CODE_ASCII = _ascii_table(CODE_MASK)


def _fill(s: str, char: str, ascii_table: dict[int, str]) -> str:
    """`s` with every character but newlines replaced by `char`. ASCII text takes one
    translate pass: splitting into lines would make two string objects per line (30 MB
    for a paragraph of 200,000 short lines)."""
    if "\n" not in s:
        return char * len(s)
    if s.isascii():
        return s.translate(ascii_table)
    return "\n".join([char * len(line) for line in s.split("\n")])


def blank(s: str) -> str:
    """`s` as spaces, newlines kept: markup syntax and non-prose regions."""
    return _fill(s, " ", _BLANK_ASCII)


def code(s: str) -> str:
    """`s` as CODE_MASK characters, newlines kept: inline code, URLs, addresses."""
    return _fill(s, CODE_MASK, _CODE_ASCII)


def line_starts(text: str) -> array:
    """Offsets of the first character of every line of `text`, as an array of machine
    ints: a list would hold an int object per line (7 MB for 200,000 short lines)."""
    starts = array("q", [0])
    find, append = text.find, starts.append
    pos = find("\n")
    while pos != -1:
        append(pos + 1)
        pos = find("\n", pos + 1)
    return starts


# Front matter as Jekyll, Hugo and MkDocs write it: YAML between "---" lines (closed by
# "---" or "..."), TOML between "+++" lines, or a JSON object whose braces stand alone
# on the first and last lines. Only at the very top of a file (after an optional BOM).
FRONT_MATTER = re.compile(
    r"\A\ufeff?(?:---[ \t]*\n(?:.*?\n)??(?:---|\.\.\.)|\+\+\+[ \t]*\n(?:.*?\n)??\+\+\+"
    r"|\{[ \t]*\n.*?\n\})[ \t]*(?=\n|\Z)",
    re.S)
# One field of an RFC 822 style header ("Author: Jane Doe <jane@example.com>,"), as at
# the top of a PEP; continuation lines are indented.
_HEADER_FIELD = re.compile(r"[A-Z][\w-]*(?: [A-Za-z][\w-]*){0,2}:(?:[ \t]|$)")


def header_end(lines: list[str]) -> int:
    """How many leading lines form an RFC 822 style header block (0 when none): two or
    more `Field: value` lines (with indented continuations) ending at a blank line."""
    fields = 0
    j = 0
    while j < len(lines) and lines[j].strip():
        line = lines[j]
        if _HEADER_FIELD.match(line):
            fields += 1
        elif not (fields and line[:1] in (" ", "\t")):
            return 0
        j += 1
    return j if fields >= 2 else 0


# A question of an FAQ on a line of its own ("Q: Where Do I Find More Tips?", "Q. How
# do I change the font?"): the title of the answer under it, as a heading would be.
FAQ_QUESTION = re.compile(r"[ \t]*Q[:.][ \t]+\S.{0,150}\?[ \t]*")
# Labels: one short line that names what follows rather than saying something. A whole
# line of strong emphasis is a heading in all but name.
STRONG_LINE = re.compile(r"[ \t]*(\*\*|__)(?=\S)(?:(?!\1).)*\S\1:?[ \t]*")
# At most two words before the colon: "Objectives:", "Next steps:"; a longer line such
# as "To get started:" leads into what follows as a sentence does.
_LABEL_COLON = re.compile(r"[A-Z][\w'-]*(?:[ \t]+[\w'-]+)?[ \t]*:[ \t]*")
_LABEL_VALUE = re.compile(
    r"[A-Z][\w'-]*(?:[ \t]+[\w'-]+){0,2}:[ \t]+(?=[A-Z0-9])[\w'-]+(?:[ \t]+[\w'-]+){0,3}[ \t]*")
# A field whose value is a list of names: "Availability: PostGIS, Oracle, MySQL".
_NAME_ITEM = r"(?=[\w.'+-]*[A-Z0-9])\w[\w.'+-]*(?:[ \t]+\([^()]*\))?"
_LABEL_LIST = re.compile(
    rf"[A-Z][\w'-]*(?:[ \t]+[\w'-]+){{0,2}}[ \t]*:[ \t]+{_NAME_ITEM}"
    rf"(?:(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+){_NAME_ITEM})+[ \t]*\.?")
_CONNECTIVE = re.compile(
    r"(?:or|and|then|else|otherwise|alternatively|versus|vs\.?|or else|and then|or alternatively)"
    r"[:,]?", re.I)


def label_kind(raw: str, masked: str) -> str | None:
    """The kind a one-line paragraph really has when it is structure, not a sentence:
    "heading" for a bold line, "Objectives:", "Time required: 30 minutes" or
    "Availability: PostGIS, Oracle, MySQL"; "" for a lone connective such as "or"
    between two code blocks (no prose at all); None for an ordinary block. `raw` is the
    block's source line, `masked` its masked form."""
    if "\n" in raw or len(raw) > 80:
        return None
    if STRONG_LINE.fullmatch(raw) or FAQ_QUESTION.fullmatch(raw):
        return "heading"
    text = masked.strip()
    if _LABEL_COLON.fullmatch(text) or _LABEL_VALUE.fullmatch(text) or _LABEL_LIST.fullmatch(text):
        return "heading"
    if _CONNECTIVE.fullmatch(text):
        return ""
    return None


def strong_heading(raw: str, start: int, end: int, section_level: int) -> Heading | None:
    """The heading a paragraph stands for when it is a bold line alone ("**Example 2: To
    list the snapshots**", "**Use:**") or an FAQ's question (FAQ_QUESTION): writers
    divide a section, or a page without headings, into parallel parts with it. It sits
    one level below the markup's own heading before it (`section_level`, 0 when there
    is none)."""
    if "\n" in raw:
        return None
    if FAQ_QUESTION.fullmatch(raw):
        return Heading(section_level + 1, start, end)
    if len(raw) > _STRONG_TITLE_CHARS or not STRONG_LINE.fullmatch(raw):
        return None
    if len(raw) > _STRONG_HEADING_CHARS and _SENTENCE_END.search(raw):
        return None  # a long bold line that ends a sentence is an emphasised statement
    return Heading(section_level + 1, start, end)


# Bold lines that stand for headings run longer than labels ("**Example 9: To generate
# a transcript with personally identifiable information (PII) redacted**"); longer
# ones are titles only when they end no sentence ("**Example 2: To create a repository
# ... that the image supports**").
_STRONG_HEADING_CHARS = 160
_STRONG_TITLE_CHARS = 320
_SENTENCE_END = re.compile(r"[.!?][*_]*[ \t]*$")
