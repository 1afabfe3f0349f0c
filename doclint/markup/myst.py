"""MyST directives in Markdown: fences whose info string names a directive.

"```{note}" and ":::{note}" open a directive as "```{code-block} python" does. The
body of a prose directive (the admonitions and their kin, the same names as in
reStructuredText, doclint.markup.rst_directives) is read as a Markdown document of
its own, as the MkDocs reader reads an admonition; its options (":class: tip" lines or
a "---" YAML block at the top of the body), the opening line with its argument and
the closing fence are markup. A colon fence of any other directive is blanked whole:
CommonMark does not know it and would read its content as a paragraph. A backtick or
tilde fence of any other directive stays a code block, as markdown-it reads it.
"""
from __future__ import annotations

import re

from .base import blank
from .mkdocs import Container, _columns
from .rst_directives import prose_directive

_OPENER = re.compile(r"([ \t]{0,3})(`{3,}|~{3,}|:{3,})[ \t]*(?:\{([\w:.-]+)\})?[^\n]*")
_OPTION = re.compile(r"[ \t]*:[\w-]+:(?:[ \t]|$)")
_ANY_DIRECTIVE = re.compile(r"^[ \t]{0,3}(?:`{3,}|~{3,}|:{3,})[ \t]*\{", re.M)


def has_directives(src: str) -> bool:
    """Whether `src` may hold a MyST directive fence (a quick test before the scan)."""
    return "{" in src and _ANY_DIRECTIVE.search(src) is not None


def _closing(lines: list[str], i: int, fence: str) -> int:
    """The line that closes the fence opened on line i, or -1 when none does."""
    for j in range(i + 1, len(lines)):
        close = lines[j].strip()
        if len(close) >= len(fence) and close == fence[0] * len(close) \
                and _columns(lines[j]) <= 3 + _columns(lines[i]):
            return j
    return -1


def _body_start(lines: list[str], first: int, end: int) -> int:
    """The first body line after the directive's options."""
    if first < end and lines[first].strip() == "---":
        for j in range(first + 1, end):
            if lines[j].strip() == "---":
                return j + 1
        return first
    while first < end and _OPTION.match(lines[first]):
        first += 1
    return first


def find_directives(src: str) -> tuple[str, list[Container]]:
    """`src` with the closing fences of prose directives and every non-prose colon
    fence blanked, and the prose directives at the top level as containers."""
    lines = src.split("\n")
    out: list[Container] = []
    i, n = 0, len(lines)
    while i < n:
        m = _OPENER.fullmatch(lines[i])
        if m is None:
            i += 1
            continue
        fence, name = m.group(2), m.group(3)
        if fence[0] == ":" and name is None:
            i += 1  # ":::" alone is no CommonMark syntax
            continue
        j = _closing(lines, i, fence)
        if j == -1:
            if fence[0] == ":":
                i += 1
                continue
            break  # an unclosed code fence runs to the end of the document
        if name is not None and prose_directive(name) is not None:
            first = _body_start(lines, i + 1, j)
            out.append(Container(i, first, j, _columns(m.group(1))))
            lines[j] = blank(lines[j])
        elif fence[0] == ":":
            for k in range(i, j + 1):
                lines[k] = blank(lines[k])
        i = j + 1
    return "\n".join(lines), out
