"""Markdown block structure from markdown-it-pyrs (the Rust port), as a flat token stream.

The Markdown reader needs only the block structure: which lines hold a paragraph, a
heading or a table row, inside which containers, and the labels of link reference
definitions. markdown-it-pyrs parses about three times faster than markdown-it-py's
block phase alone and gives byte offsets for every node, so this module turns its tree
back into the few markdown-it-style block tokens the reader walks (`type`, line
`map`, `markup`, `nesting`).
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from typing import NamedTuple

from markdown_it_pyrs import MarkdownIt

# CommonMark's block rules and tables, and no inline rule: block structure does not
# depend on inline syntax, and each paragraph line then stays one text node (building
# a Python object per emphasis or code span cost more than the parse).
_MD = MarkdownIt("zero").enable_many([
    "blockquote", "code", "fence", "heading", "hr", "html_block", "lheading", "list",
    "paragraph", "reference", "table"])

# Containers open and close around their children; the reader tracks them.
_CONTAINERS = {"bullet_list", "ordered_list", "list_item", "blockquote"}
# Leaf blocks whose text is not prose; they still end "the first block of a list item".
_OTHER_LEAVES = {"code_block", "fence", "html_block", "hr"}
_BLOCKS = _CONTAINERS | _OTHER_LEAVES | {"paragraph", "heading", "lheading", "table", "definition"}
_SPACE = re.compile(r"\s+")
_SURROGATE = re.compile("[\ud800-\udfff]")


class Token(NamedTuple):
    type: str
    nesting: int = 0
    map: tuple[int, int] | None = None
    markup: str = ""


def normalize_label(label: str) -> str:
    """A reference label as CommonMark compares them (markdown-it's normalizeReference)."""
    return _SPACE.sub(" ", label.strip()).lower().upper()


class _Lines:
    """Byte offsets (as markdown-it-pyrs reports them) to 0-based line numbers."""

    def __init__(self, src: str) -> None:
        data = src.encode("utf-8")
        # An array, not a list of ints: a paragraph of 200,000 short lines would spend
        # 7 MB on int objects here while the parser holds its own copy of the text.
        self.starts = array("q", [0])
        find, append = data.find, self.starts.append
        pos = find(b"\n")
        while pos != -1:
            append(pos + 1)
            pos = find(b"\n", pos + 1)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Lines [first, last + 1) of the bytes [start, end)."""
        first = bisect_right(self.starts, start) - 1
        last = bisect_right(self.starts, max(start, end - 1)) - 1
        return first, last + 1


def block_tokens(src: str) -> tuple[list[Token], dict[str, bool]]:
    """The block tokens of `src` and the normalised labels of its reference definitions."""
    try:
        src.encode("utf-8")
    except UnicodeEncodeError:
        # Text from the API may hold lone surrogates, which the Rust parser cannot take;
        # U+FFFD has the same UTF-8 length, so every line keeps its byte offsets.
        src = _SURROGATE.sub("\ufffd", src)
    tokens: list[Token] = []
    refs: dict[str, bool] = {}
    _walk(_MD.tree(src).children, _Lines(src), tokens, refs)
    return tokens, refs


def _walk(nodes: list, lines: _Lines, out: list[Token], refs: dict[str, bool]) -> None:
    inline: list = []  # a tight list item's paragraph: inline nodes with no paragraph node
    for node in nodes:
        name = node.name
        if name not in _BLOCKS:
            inline.append(node)
            continue
        if inline:
            _flush(inline, lines, out)
            inline = []
        if name in _CONTAINERS:
            out.append(_OPEN[name])
            _walk(node.children, lines, out, refs)
            out.append(_CLOSE[name])
        elif name == "paragraph":
            _leaf(out, "paragraph", lines.span(*node.srcmap))
        elif name == "heading":
            _leaf(out, "heading", lines.span(*node.srcmap), "#")
        elif name == "lheading":
            _leaf(out, "heading", lines.span(*node.srcmap), node.meta.get("marker", "="))
        elif name == "table":
            out.append(Token("table_open", 1, lines.span(*node.srcmap)))
            for section in node.children:
                for row in section.children:
                    out.append(Token("tr_open", 1, lines.span(*row.srcmap)))
            out.append(_TABLE_CLOSE)
        elif name == "definition":
            # markdown-it-py keeps definitions out of the token stream: only the label.
            refs.setdefault(normalize_label(node.meta.get("label", "")), True)
        else:  # code, HTML, a rule: no prose, but it ends a list item's first block
            out.append(Token(name, 0))
    _flush(inline, lines, out)


def _flush(inline: list, lines: _Lines, out: list[Token]) -> None:
    placed = [node.srcmap for node in inline if node.srcmap]
    if placed:
        _leaf(out, "paragraph", (lines.span(*placed[0])[0], lines.span(*placed[-1])[1]))


def _leaf(out: list[Token], kind: str, span: tuple[int, int], markup: str = "") -> None:
    out.append(Token(kind + "_open", 1, span, markup))
    out.append(_INLINE)
    out.append(_CLOSE[kind])


# Tokens without a line range are all alike: one shared (immutable) instance of each.
_OPEN = {name: Token(name + "_open", 1) for name in _CONTAINERS}
_CLOSE = {name: Token(name + "_close", -1) for name in (*_CONTAINERS, "paragraph", "heading")}
_INLINE = Token("inline", 0)
_TABLE_CLOSE = Token("table_close", -1)
