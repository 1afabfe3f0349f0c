"""MkDocs, Material and Jekyll/Liquid block syntax that CommonMark does not know.

Done on the Markdown source before markdown-it sees it, keeping every offset:

- snippet lines (`--8<-- "file.md"`, and `--8<--` blocks of file names), abbreviation
  definitions (`*[HTML]: Hyper Text Markup Language`), mkdocstrings' injections of an
  API entry (`::: hatch.project.sources.Source`, with its indented YAML options),
  the fences of PyMdown Extensions blocks (`/// caption`, `/// tip | Title` with its
  indented options, and the closing `///`) and Liquid `comment`/`highlight` blocks
  are not prose: they become blank;
- admonitions (`!!! note "Title"`, collapsible `??? tip`, `???+`) and content tabs
  (`=== "Tab"`) hold indented prose, which CommonMark would take for an indented code
  block. Their title line is blanked and their body is read as a Markdown document of
  its own, its indentation taken off; blocks and masked text are then put back at the
  body's place in the file.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Callable

from .base import Block, Parsed, blank, line_starts

_SNIPPET_LINE = re.compile(
    r"^[ \t]*-+8<-+[ \t]*(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s\"']\S*)?[ \t]*$", re.M)
_SNIPPET_FENCE = re.compile(r"^([ \t]*)-+8<-+[ \t]*\n.*?^\1-+8<-+[ \t]*$", re.M | re.S)
_ABBREVIATION = re.compile(r"^[ \t]{0,3}\*\[[^\]\n]+\]:.*$", re.M)
# An mkdocstrings injection: "::: package.module.Name" and the lines indented under it.
_AUTODOC = re.compile(r"^[ \t]{0,3}:::[ \t]+[\w.:-]+[ \t]*$(?:\n[ \t]+\S.*$)*", re.M)
# A PyMdown Extensions block: "/// note | Title" (its options indented under it) and the
# closing "///". The body between is Markdown, read as the rest of the file.
_BLOCK_FENCE = re.compile(r"^[ \t]{0,3}/{3,}(?:[ \t]+[\w-]+(?:[ \t]*\|[^\n]*)?[ \t]*$(?:\n[ \t]{4,}\S.*$)*"
                          r"|[ \t]*$)", re.M)
_LIQUID_BLOCK = re.compile(
    r"\{%-?[ \t]*(comment|highlight)\b.*?%\}.*?\{%-?[ \t]*end\1[ \t]*-?%\}", re.S)
# An admonition or a tab: "!!! note", '!!! note "Title"', '??? tip "Title"', '=== "Tab"'.
_OPENER = re.compile(r"([ \t]*)(?:(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[^\n]*)?"
                     r"|!!![ \t]+\"[^\"\n]*\"|===[ \t]+\"[^\"\n]*\")[ \t]*")
_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})")
_ANY_OPENER = re.compile(r"^[ \t]*(?:!!!|\?\?\?|===)[ \t]", re.M)


@dataclass(frozen=True)
class Container:
    """An admonition or tab: its title line and its body lines [first, end)."""

    title: int
    first: int
    end: int
    indent: int  # columns the body is indented by, relative to the file


def blank_extensions(src: str) -> str:
    """`src` with snippet, abbreviation, mkdocstrings and Liquid comment/highlight
    syntax blanked."""
    sub = lambda m: blank(m.group())  # noqa: E731
    if "8<" in src:
        src = _SNIPPET_FENCE.sub(sub, src)
        src = _SNIPPET_LINE.sub(sub, src)
    if "*[" in src:
        src = _ABBREVIATION.sub(sub, src)
    if ":::" in src:
        src = _AUTODOC.sub(sub, src)
    if "///" in src:
        src = _BLOCK_FENCE.sub(sub, src)
    if "{%" in src:
        src = _LIQUID_BLOCK.sub(sub, src)
    return src


def has_openers(src: str) -> bool:
    """Whether `src` may hold an admonition or a tab (a quick test before the scan)."""
    return ("!!!" in src or "???" in src or "===" in src) and _ANY_OPENER.search(src) is not None


def _columns(line: str) -> int:
    """Indentation of `line` in columns (a tab reaches the next multiple of 4)."""
    col = 0
    for ch in line:
        if ch == " ":
            col += 1
        elif ch == "\t":
            col += 4 - col % 4
        else:
            break
    return col


def find_containers(lines: list[str]) -> list[Container]:
    """Top-level admonitions and tabs, outside fenced code."""
    out: list[Container] = []
    fence = ""
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        m = _FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = ""
            i += 1
            continue
        if m:
            fence = m.group(1)
            i += 1
            continue
        opener = _OPENER.fullmatch(line)
        if opener is None:
            i += 1
            continue
        body = _columns(line) + 4
        j = i + 1
        while j < n and (not lines[j].strip() or _columns(lines[j]) >= body):
            j += 1
        while j > i + 1 and not lines[j - 1].strip():
            j -= 1
        out.append(Container(i, i + 1, j, body))
        i = j
    return out


def _dedent(line: str, columns: int) -> int:
    """How many leading characters of `line` make up its first `columns` columns."""
    col = k = 0
    while k < len(line) and col < columns and line[k] in " \t":
        col += 1 if line[k] == " " else 4 - col % 4
        k += 1
    return k


def parse_nested(text: str, src: str, containers: list[Container],
                 parse_outer: Callable[[str, str], Parsed],
                 parse_body: Callable[[str], Parsed]) -> Parsed:
    """Read `src` with its containers blanked, read each body on its own, and join the
    two readings at the right offsets of `text`."""
    lines = src.split("\n")
    starts = line_starts(src)
    starts.append(len(src) + 1)
    regions = [(starts[c.title], starts[c.end] - 1) for c in containers]
    parts: list[str] = []
    prev = 0
    for a, b in regions:
        parts += [src[prev:a], blank(src[a:b])]
        prev = b
    parts.append(src[prev:])
    outer_src = "".join(parts)
    outer = parse_outer(text, outer_src)
    blocks = list(outer.blocks)
    pieces: list[str] = []
    pos = 0
    for c, (a, b) in zip(containers, regions):
        if c.first >= c.end:  # an empty body (a MyST fence closed on the next line)
            pieces += [outer.masked[pos:a], blank(src[a:b])]
            pos = b
            continue
        cuts = [_dedent(lines[k], c.indent) for k in range(c.first, c.end)]
        body = "\n".join(lines[k][cut:] for k, cut in zip(range(c.first, c.end), cuts))
        inner = parse_body(body)
        inner_starts = line_starts(body)
        for block in inner.blocks:
            start = _place(block.start, inner_starts, starts, c.first, cuts)
            end = _place(block.end, inner_starts, starts, c.first, cuts)
            blocks.append(Block(block.kind, start, end))
        inner_lines = inner.masked.split("\n")
        pieces.append(outer.masked[pos:a])
        pieces.append(blank(src[a:starts[c.first]]))  # the title line and its newline
        pieces.append("\n".join(" " * cut + masked for cut, masked in zip(cuts, inner_lines)))
        pos = b
    pieces.append(outer.masked[pos:])
    masked = "".join(pieces)
    assert len(masked) == len(text)
    blocks.sort(key=lambda blk: blk.start)
    return Parsed(tuple(blocks), masked, outer.headings)


def _place(offset: int, inner_starts: list[int], starts: list[int], first: int,
           cuts: list[int]) -> int:
    """An offset into a dedented body as an offset into the file."""
    k = bisect_right(inner_starts, offset) - 1
    return starts[first + k] + cuts[k] + offset - inner_starts[k]
