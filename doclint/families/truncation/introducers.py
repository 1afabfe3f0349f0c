"""What follows a block of prose (code, a directive, a list, an address), and the signs
that the prose introduces or continues around it."""
from __future__ import annotations

import re

from doclint.core.document import Document
from doclint.families.truncation.endings import Ending
from doclint.markup.base import CODE_MASK, Block

# What can follow a paragraph that introduces it without a colon: fenced or indented
# code, a directive, a table, an image or an HTML element (not a comment).
_INTRODUCED = re.compile(
    r"[ \t]*(?:`|~~~|::|\.\. |\||!\[<(?!!--)[A-Za-z/]|\{\{<\s*code|https?://|ftp://|file:|www\.)")
_DIRECTIVE = re.compile(r"[ \t]*\.\. ")  # reST directives, link targets, comments
# Directives that show what the sentence before them leads into, as code does: code,
# an image, a table or an API entry ("... is computed as" + ".. code-block::", "a
# truth table with" + ".. autofunction::"). Sphinx also reads ".. math ::".
_DISPLAY = re.compile(r"[ \t]*\.\. (?:code-block|code|sourcecode|literalinclude|ipython|doctest|"
                      r"testcode|testoutput|productionlist|image|figure|plot|graphviz|csv-table|"
                      r"list-table|table|jupyter-execute|auto(?:function|class|method|module|data|"
                      r"attribute|exception))[ \t]*::")
# A displayed formula: ".. math::" or "$$". A sentence runs on into it more freely than
# into code ("the Taylor expansion is", "such that", "where" + the formula).
_MATH = re.compile(r"[ \t]*(?:\.\. math[ \t]*::|\$\$)")
_URL_LINE = re.compile(r"[ \t]*<?(?:https?://|ftp://|file:|www\.)\S*[ \t]*\Z")
_COMMENT_LINE = re.compile(r"[ \t]*<!--.*-->[ \t]*")
_LIST_MARKER = re.compile(r"[ \t]*(?:[-*+\u2022]|\(?\d{1,3}[.)]|\(?[a-z][.)])[ \t]")
_LATER_ITEM = re.compile(r"\(?(?:[2-9]|\d\d+)[.)]")  # a numbered item after the first
# Lead-ins that announce the block in words instead of with a colon: not cut ("such
# that" announces a condition, as "as follows" announces steps).
_ANNOUNCES = re.compile(r"\b(?:as follows|the following|below|for example|for instance|"
                        r"e\.g|i\.e|like this|like so|such that)\W*\Z", re.I)


def continues_around_block(doc: Document, e: Ending) -> bool:
    """A paragraph that opens in lower case after a block carries on the sentence
    around it ("is equivalent to" between two code examples): it is not cut."""
    first = doc.masked[e.block.start:e.block.start + 1]
    return first.isalpha() and first.islower()


def carried_on_after(doc: Document, e: Ending) -> bool:
    """Whether the prose after the block that follows this ending opens in lower case:
    the sentence runs on through the code ("A macro defined as" + the macro + "can be
    invoked through any of"), so it was not cut where the block begins."""
    nxt = e.next_block
    if nxt is None or nxt.kind != "paragraph":
        return False  # a heading ("pip-tools") opens anew, whatever its case
    first = doc.masked[nxt.start:nxt.start + 1]
    return first.isalpha() and first.islower()


def announces(tail: str) -> bool:
    """"... as follows", "for example": the words themselves introduce the block."""
    return bool(_ANNOUNCES.search(tail[-40:]))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _quote_depth(line: str) -> int:
    prefix = line[:len(line) - len(line.lstrip(" \t>"))]
    return prefix.count(">")


# The line under a Markdown table's header row: "| --- | :---: |".
_TABLE_RULE = re.compile(r"[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?[ \t]*")


def _table_head(text: str, line: str, end: int) -> bool:
    """Whether `line`, which ends at `end` of `text`, is the header row of a Markdown
    table (its cells are prose, so the table does not show as code in the masked text)."""
    if not line.lstrip(" \t").startswith("|"):
        return False
    after = text.find("\n", end + 1)
    return _TABLE_RULE.fullmatch(text, end + 1, len(text) if after == -1 else after) is not None


def introduces(doc: Document, e: Ending) -> str | None:
    """What a block ending introduces: "code" (code, a table, an image, an indented
    example), "math" (a displayed formula), "directive" (another reST directive or a
    link target), "inline" (a paragraph that opens with inline code), "link" (an
    address alone on its own line), "list" (a list or block quote, which carries the
    sentence on even when its items are capitalised), or nothing (None)."""
    if e.where != "block":
        return None
    return _what_follows(doc, e.block, e.stop, e.next_block)


def _first_line_after(text: str, stop: int, end: int) -> str:
    """The first line with any content after the line holding `stop`, up to `end`."""
    for line in text[stop:end].split("\n")[1:]:
        if line.strip():
            return line
    return ""


def _what_follows(doc: Document, block: Block, stop: int, nxt: Block | None) -> str | None:
    """What follows the prose `block` that stops at `stop` (see `introduces`)."""
    text, masked = doc.text, doc.masked
    if nxt is not None and nxt.kind in ("list-item", "blockquote") and block.kind != nxt.kind:
        # The body of an admonition (".. important::") reads as a block quote, but the
        # paragraph before it leads into the directive, not into a quotation.
        if _DIRECTIVE.match(_first_line_after(text, stop, nxt.start)):
            return "directive"
        marker = text[text.rfind("\n", 0, nxt.start) + 1:nxt.start].strip(" \t>")
        if _LATER_ITEM.fullmatch(marker):
            return None  # item (8) of a numbered series does not continue this paragraph
        return "list"
    first_line = text[text.rfind("\n", 0, block.start) + 1:block.start + 1]
    own, own_depth = _indent(first_line), _quote_depth(first_line)
    pos = text.find("\n", stop)
    while pos != -1:
        left, right = pos + 1, text.find("\n", pos + 1)
        right = len(text) if right == -1 else right
        # Inside a block quote the quote markers are not the line's content; a deeper
        # quote is a quotation that the sentence introduces.
        line = text[left:right]
        if line.lstrip(" \t").startswith(">"):
            if line.strip(" \t>") and _quote_depth(line) > own_depth:
                return "list"
            line = line.lstrip(" \t>")
        if line.strip() and not _COMMENT_LINE.fullmatch(line):  # a comment is not shown
            prose = masked[left:right].strip()
            if _URL_LINE.match(line):
                return "link"  # "available at" + the address on its own line
            if _MATH.match(line):
                return "math"
            if _DIRECTIVE.match(line):
                return "code" if _DISPLAY.match(line) else "directive"
            if _INTRODUCED.match(line) and not prose or _indent(line) > own or _table_head(text, line, right):
                return "code"
            if prose.startswith(CODE_MASK):
                return "inline"  # a paragraph that opens with inline code may go on
            return "list" if not prose and _LIST_MARKER.match(line) else None
        pos = right if right < len(text) else -1
    return None
