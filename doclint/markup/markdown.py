"""Markdown reader: markdown-it block structure plus regex masking of inline markup."""
from __future__ import annotations

import re
from typing import Callable

from . import mkdocs, myst
from .base import EMAIL as _MAIL
from .base import FRONT_MATTER as _FRONT_MATTER
from .base import Block, Heading, Parsed, label_kind, line_starts, strong_heading
from .base import blank as _blank
from .base import code as _code
from .mdblocks import block_tokens

# Only the block structure is read (mdblocks.py): inline syntax is masked here with one
# regex per block, which keeps exact offsets and the reader's own notion of markup.

# MDX ESM lines; the keywords are lowercase, so prose like "Export the file" is safe.
_MDX_ESM = re.compile(
    r"^(?:import\s*\{[^}]*\}\s*from\s*['\"][^'\"\n]+['\"];?"
    r"|import\s+(?:[\w*][^\n]*?\s+from\s+)?['\"][^'\"\n]+['\"];?"
    r"|export\s+(?:default|const|let|var|function|class|async)\b[^\n]*)[ \t]*$",
    re.M)
# Container prefixes: indentation and block quote markers on every line; list markers
# (and a task-list box) only on the first line of a list item's first paragraph, since a
# continuation line like "2019. Then" is text, not a marker.
_QUOTE_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?[ \t]*)*", re.M)
_ITEM_PREFIX = re.compile(
    r"\A[ \t]*(?:(?:>|[-*+]|\d{1,9}[.)])(?:[ \t]+|(?=\n)|\Z))*(?:\[[ xX]\][ \t]+)?")
# Lines that label the paragraph they stand on and are not prose: mdBook-spec rule
# identifiers ("r[expr.if.syntax]", as in the Rust Reference) and GitHub alert markers
# ("> [!NOTE]", "> [!EDITION-2018]") at the top of a block quote.
_LABEL_LINE = re.compile(r"^[ \t]*(?:r\[[\w.-]+\]|\[![A-Z][A-Z0-9-]*\])[ \t]*$", re.M)
# Definition lists (PHP Markdown Extra, Pandoc, kramdown, MkDocs def_list): a term
# line, then each definition on a line of its own that starts with ": ".
_DEFINITION_MARKER = re.compile(r"^[ \t]{0,3}:[ \t]+(?=\S)", re.M)
# A footnote definition ("[^async-edition]: The `async` qualifier is ..."): a note
# attached to a term, read like a list item or a definition.
_FOOTNOTE_MARKER = re.compile(r"[ \t]{0,3}\[\^[^\]\s]+\]:[ \t]*(?=\S)")
# An item of a list CommonMark does not know, by letter or Roman numeral ("iv. item",
# "B) item", "#. item"; PyMdown's fancy lists): a paragraph each of whose lines opens
# with one is that list, not a sentence run over several lines.
_FANCY_ITEM = re.compile(r"^[ \t]{0,3}(?:[a-zA-Z]|[ivxlcdm]{2,6}|[IVXLCDM]{2,6}|#)[.)][ \t]+(?=\S)", re.M)
_ATX_OPEN = re.compile(r"\A[ \t]*#{1,6}(?:[ \t]+|\Z)")
_ATX_CLOSE = re.compile(r"(?:[ \t]+#+)?[ \t]*\Z")
_ROW_SPLIT = re.compile(r"(?<!\\)\|")
_WORD = re.compile(r"\w")
# Display math, as GitHub, MyST (dollarmath) and MathJax/KaTeX set it: "$$ ... $$".
_DISPLAY_MATH = re.compile(r"\$\$.+?\$\$", re.S)

_URL_REST = r"[^\s<>`]*[^\s<>`.,;:!?'\")\]*_]"  # after "http://", "https://" or "www."
_TARGET = r"\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"
_ATTR = r"(?:[.#][\w:-]+|[\w-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s}]+))"


def _emphasis(mark: str, name: str) -> str:
    """Emphasis runs that begin with `mark`: opening runs need a non-space after and no
    word character before; closing runs the reverse, so snake_case and "2 * 3" are left
    alone. The lookbehinds stand after the first mark, which they take into account."""
    m = re.escape(mark)
    inner = (r"(?<![\w*~\\]" + m + r")[*_~]{0,2}(?=[^\s*_~])"
             r"|(?<=[^\s*_~\\]" + m + r")[*_~]{0,2}(?![\w*~])")
    if mark == "*":
        # Strong emphasis inside a word, as in "**C**ontent **D**elivery" (CommonMark
        # allows it for "*", not for "_").
        inner += r"|(?<=\w\*)\*\*?(?=\w)"
    return m + "(?P<" + name + ">" + inner + ")"


# Every alternative begins with a literal character outside its named group: the engine
# then jumps from one of those characters to the next in C and tries at each only the
# alternatives that begin with it (a third faster than one lookahead in front of
# groups). A kind's name is the group that closes last (Match.lastgroup).
_INLINE = re.compile(
    r"\\(?P<esc>[!-/:-@\[-`{-~])"
    r"|`(?P<code>(?P<ticks>`*)(?!`).*?(?<!`)`(?P=ticks)(?!`))"
    r"|<(?P<auto>(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>)"
    # Hugo shortcodes and Jinja/Liquid tags: alone on a line they are markup, inside a
    # sentence content ("version {{ version }} is out").
    r"|\{(?P<short>\{[<%](?:(?!\}\}).)*[>%]\}\}|%.*?%\}|\{.*?\}\}|#.*?#\})"
    # Attribute lists: "## Title {#id}", "{ .class }", kramdown's "{: .note }".
    r"|\{(?P<attr>:?[ \t]*" + _ATTR + r"(?:[ \t]+" + _ATTR + r")*[ \t]*\})"
    # Emoji shortcodes (":star:", ":+1:"); "std::vec::Vec" and "10:30:00" are left alone.
    r"|:(?P<emoji>(?<![\w:]:)(?:[a-z][a-z0-9_+-]*|[+-]1):(?![\w:]))"
    r"|<(?P<html>!--.*?-->|/?[A-Za-z][\w.:-]*(?:\s+(?:[^<>{}\"']|\"[^\"]*\"|'[^']*'"
    r"|\{(?:[^{}]|\{[^{}]*\})*\})*)?/?>)"
    r"|\[(?P<fn>\^[^\]\s]+\]:?)"  # footnote reference / definition label
    r"|!(?P<img>\[(?:[^\[\]]|\[[^\[\]]*\])*\](?:" + _TARGET + r"|\[[^\]]*\])?)"
    r"|\[(?P<link>(?P<ltext>(?:[^\[\]]|\[[^\[\]]*\])*)\](?P<ltgt>" + _TARGET
    + r"|\[[^\]]*\])?)"
    r"|h(?P<url>ttps?://" + _URL_REST + r")"
    r"|w(?P<www>ww\." + _URL_REST + r")"
    + "|" + _emphasis("*", "star") + "|" + _emphasis("_", "under") + "|" + _emphasis("~", "tilde"),
    re.S | re.M)
_KIND = {"www": "url", "star": "emph", "under": "emph", "tilde": "emph"}  # group -> kind


def _mask_inline(s: str, refs: dict) -> str:
    """Mask inline markup in one block's text (container prefixes already blanked)."""

    def repl(m: re.Match) -> str:
        kind = _KIND.get(m.lastgroup, m.lastgroup)
        g = m.group()
        if kind == "esc":  # keep the escaped character, drop the backslash
            return " " + g[1]
        if kind == "short":  # alone on its line a shortcode is markup, in a sentence content
            line_start = s.rfind("\n", 0, m.start()) + 1
            line_end = s.find("\n", m.end())
            if line_end == -1:
                line_end = len(s)
            if not s[line_start:m.start()].strip() and not s[m.end():line_end].strip():
                return _blank(g)
            return _code(g)
        if kind in ("code", "auto", "url"):
            return _code(g)
        if kind in ("html", "img", "emph", "fn", "attr", "emoji"):
            return _blank(g)
        # link: "[" + text + "](target)" / "[ref]"; a bare [text] is a link only if
        # a reference definition of that name exists.
        tgt = m.group("ltgt")
        text = m.group("ltext")
        if tgt is None and _norm_label(text) not in refs:
            return "[" + _mask_inline(text, refs) + "]"
        if tgt == "[]" and _norm_label(text) not in refs:
            return "[" + _mask_inline(text, refs) + "]" + "[]"
        return " " + _mask_inline(text, refs) + " " + _blank(tgt or "")

    out = _INLINE.sub(repl, s)
    # Emails are a separate pass: their first character can be any letter, which
    # would defeat the first-character scan above.
    return _MAIL.sub(lambda m: _code(m.group()), out) if "@" in out else out


def _norm_label(label: str) -> str:
    return " ".join(label.split()).upper()


class _Doc:
    """Accumulates masked pieces and blocks in document order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pieces: list[str] = []
        self.pos = 0
        self.blocks: list[Block] = []
        self.headings: list[Heading] = []
        self.section_level = 0  # the level of the last heading of the markup itself

    def add(self, kind: str, start: int, masked: str) -> None:
        """Record the masked form of text[start:start+len(masked)] as a prose block."""
        if start < self.pos:  # overlapping leaf (should not happen); keep what we have
            return
        self.pieces.append(_blank(self.text[self.pos:start]))
        core = masked.strip(" \n\t")
        if kind and core and _WORD.search(core):
            lead = len(masked) - len(masked.lstrip(" \n\t"))
            self.blocks.append(Block(kind, start + lead, start + lead + len(core)))
            self.pieces.append(masked)
        else:  # nothing prose-like left (e.g. a paragraph that was only a shortcode)
            self.pieces.append(_blank(masked))
        self.pos = start + len(masked)

    def finish(self) -> Parsed:
        self.pieces.append(_blank(self.text[self.pos:]))
        masked = "".join(self.pieces)
        assert len(masked) == len(self.text)
        return Parsed(tuple(self.blocks), masked, tuple(self.headings))


def parse(text: str) -> Parsed:
    # Front matter, MDX import/export lines and MkDocs/Liquid block syntax are blanked
    # before parsing so that markdown-it never sees them and line numbers stay put.
    src = _FRONT_MATTER.sub(lambda m: _blank(m.group()), text, count=1)
    if "import" in src or "export" in src:
        src = _MDX_ESM.sub(lambda m: _blank(m.group()), src)
    return _read(text, mkdocs.blank_extensions(src))


def _read(text: str, src: str) -> Parsed:
    """Read `src` (`text` with header syntax blanked); the bodies of admonitions, tabs
    and MyST prose directives apart."""
    containers: list[mkdocs.Container] = []
    if myst.has_directives(src):
        src, containers = myst.find_directives(src)
    if mkdocs.has_openers(src):
        found = mkdocs.find_containers(src.split("\n"))
        # A MyST directive inside an admonition is read with the admonition's body.
        containers = [c for c in containers
                      if not any(o.title <= c.title < o.end for o in found)] + found
        containers.sort(key=lambda c: c.title)
    if containers:
        return mkdocs.parse_nested(text, src, containers, _parse_blocks,
                                   lambda body: _read(body, body))
    return _parse_blocks(text, src)


def _parse_blocks(text: str, src: str) -> Parsed:
    """Prose blocks of `src`, by markdown-it's block structure."""
    tokens, refs = block_tokens(src)

    starts = line_starts(src)
    starts.append(len(src) + 1)

    def span(lines: list[int]) -> tuple[int, int]:
        return starts[lines[0]], starts[lines[1]] - 1

    doc = _Doc(text)
    containers: list[str] = []
    item_first = False
    n = len(tokens)
    k = 0
    while k < n:
        tok = tokens[k]
        t = tok.type
        if t == "list_item_open":
            containers.append("list-item")
            item_first = True
        elif t == "blockquote_open":
            containers.append("blockquote")
        elif t in ("list_item_close", "blockquote_close"):
            containers.pop()
        elif t in ("paragraph_open", "heading_open") and tok.map:
            start, end = span(tok.map)
            seg = src[start:end]
            if containers:
                seg = _QUOTE_PREFIX.sub(_blank_m, seg)
            if item_first:
                seg = _ITEM_PREFIX.sub(_blank_m, seg, count=1)
            if t == "heading_open":
                kind = "heading"
                doc.headings.append(Heading(_level(seg, tok.markup), start, end))
                doc.section_level = doc.headings[-1].level
                if tok.markup in ("=", "-"):  # setext: blank the underline line
                    cut = seg.rfind("\n")
                    seg = seg[:cut] + _blank(seg[cut:])
                else:
                    seg = _ATX_CLOSE.sub(_blank_m, _ATX_OPEN.sub(_blank_m, seg, count=1), count=1)
            else:
                kind = containers[-1] if containers else "paragraph"
                if "[" in seg:
                    seg = _LABEL_LINE.sub(_blank_m, seg)
                if seg.startswith("[^", len(seg) - len(seg.lstrip(" "))):
                    marker = _FOOTNOTE_MARKER.match(seg)
                    if marker:
                        seg, kind = _blank(marker.group()) + seg[marker.end():], "list-item"
                if "\n" in seg and kind == "paragraph" and _fancy_list(seg):
                    seg, kind = _FANCY_ITEM.sub(_blank_m, seg), "list-item"
                if seg.lstrip(" ").startswith(":") or "\n:" in seg:
                    defined = _DEFINITION_MARKER.sub(_blank_m, seg)
                    if defined != seg:  # a definition reads like a list item, as in reST
                        seg, kind = defined, "list-item"
            if t == "paragraph_open" and "$$" in seg:
                seg = _DISPLAY_MATH.sub(_math, seg)
            masked = _mask_inline(seg, refs)
            if kind == "paragraph" and tok.map[1] - tok.map[0] == 1:
                label = label_kind(seg, masked)  # "" when the line is no prose at all
                kind = kind if label is None else label
                if label != "" and not containers:
                    bold = strong_heading(seg, start, end, doc.section_level)
                    if bold:  # a heading in the outline is no sentence in the prose either
                        doc.headings.append(bold)
                        kind = "heading"
            doc.add(kind, start, masked)
        elif t == "table_open" and tok.map:
            k = _table(tokens, k, src, span, containers, refs, doc)
        if t != "list_item_open" and tok.nesting != -1 and t != "bullet_list_open" \
                and t != "ordered_list_open":
            item_first = False
        k += 1
    return doc.finish()


def _fancy_list(seg: str) -> bool:
    """Does every line of the paragraph `seg` open with a letter or Roman numeral item
    marker (see `_FANCY_ITEM`)?"""
    lines = [line for line in seg.split("\n") if line.strip()]
    return len(lines) > 1 and len(_FANCY_ITEM.findall(seg)) == len(lines)


def _level(seg: str, markup: str) -> int:
    """The level of a heading: its number of `#`, or 1 and 2 for `=` and `-` underlines."""
    if markup in ("=", "-"):
        return 1 if markup == "=" else 2
    body = seg.lstrip(" ")
    return len(body) - len(body.lstrip("#")) or 1


def _blank_m(m: re.Match) -> str:
    return _blank(m.group())


def _math(m: re.Match) -> str:
    """A formula on lines of its own is no prose; inside a sentence it stands as code."""
    s = m.string
    line_end = s.find("\n", m.end())
    before = s[s.rfind("\n", 0, m.start()) + 1:m.start()]
    after = s[m.end():] if line_end == -1 else s[m.end():line_end]
    return _blank(m.group()) if not before.strip() and not after.strip() else _code(m.group())


def _table(tokens: list, k: int, src: str, span: Callable, containers: list[str],
           refs: dict, doc: _Doc) -> int:
    """Emit one table-cell block per cell; pipes and the delimiter row stay blank."""
    while tokens[k].type != "table_close":
        tok = tokens[k]
        if tok.type == "tr_open" and tok.map:
            start, end = span(tok.map)
            row = src[start:end]
            if containers:
                row = _QUOTE_PREFIX.sub(_blank_m, row)
            pos = 0
            for cell_end in [m.start() for m in _ROW_SPLIT.finditer(row)] + [len(row)]:
                cell = row[pos:cell_end]
                if cell.strip():
                    doc.add("table-cell", start + pos, _mask_inline(cell, refs))
                pos = cell_end + 1
        k += 1
    return k
