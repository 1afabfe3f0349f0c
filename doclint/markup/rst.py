"""reStructuredText reader: a line-based scan for prose blocks plus inline masking."""
from __future__ import annotations

import re
from bisect import bisect_right

from .base import EMAIL as _MAIL
from .base import FRONT_MATTER, STRONG_LINE, Block, Heading, Parsed, header_end, label_kind, strong_heading
from .base import blank as _blank
from .base import code as _code
from .rst_directives import ENTRY, TITLE, TITLE_ONLY, VERSION, prose_directive

_ADORN = re.compile(r"""^([=\-~^"'`#*+:._])\1+[ \t]*$""")
_EXPLICIT = re.compile(r"^[ \t]*(?:\.\.(?:[ \t]|$)|__[ \t])")
_FIELD = re.compile(r"^[ \t]*:(?!\s)[^:`\n]+(?<!\s):(?:[ \t]|$)")
_GRID = re.compile(r"^[ \t]*\+(?:[-=]+\+)+[ \t]*$")
_SIMPLE = re.compile(r"^[ \t]*=+(?:[ \t]+=+)+[ \t]*$")
# An item of an option list: options ("-v", "--max-workers=N", "-q, --quiet"), then two
# spaces or the line's end, and the description, its lines indented under it.
_OPTION_ITEM = re.compile(r"[ \t]*-{1,2}[A-Za-z0-9][\w-]*(?:[ =][<A-Za-z_][\w<>.-]*)?"
                          r"(?:,[ \t]*-{1,2}[A-Za-z0-9][\w-]*(?:[ =][<A-Za-z_][\w<>.-]*)?)*(?:[ \t]{2,}(?=\S)|[ \t]*$)")
_BULLET = re.compile(
    r"^[ \t]*(?:[-*+\u2022\u2023\u2043]|(?:\d+|[a-zA-Z#]|[ivxlcdm]+|[IVXLCDM]+)[.)]"
    r"|\((?:\d+|[a-zA-Z#]|[ivxlcdm]+)\))(?:[ \t]+|$)")
_DOCTEST = re.compile(r"^[ \t]*>>>(?:[ \t]|$)")
_LINE_BLOCK = re.compile(r"^([ \t]*)\|(?=[ \t]|$)", re.M)
_WORD = re.compile(r"\w")
# A directive line: ".. name:: argument"; the name may carry a domain ("py:function").
_DIRECTIVE = re.compile(r"[ \t]*\.\.[ \t]+([A-Za-z][\w.+-]*(?::[A-Za-z][\w.+-]*)*)::(?=[ \t]|$)")
_FIRST_WORD = re.compile(r"[ \t]*\S+")

# As in the Markdown reader, a first-character lookahead keeps the alternation cheap.
_ROLE = r":[A-Za-z][\w.+:-]*:"
_INLINE = re.compile(
    r"(?=[\\`:*|\[_hw])(?:"
    r"(?P<esc>\\.)"
    r"|(?P<literal>``(?!\s).*?(?<!\s)``)"
    r"|(?P<xref>:(?:std:)?(?:ref|doc|term|any):`(?P<xtext>[^`<]*?[^`<\s])\s*<[^`>]*>`)"
    r"|(?P<role>" + _ROLE + r"`[^`]+`|`[^`]+`" + _ROLE + r")"
    r"|(?P<link>`(?P<ltext>[^`<]*?)\s*<[^`>]*>`__?)"
    r"|(?P<ref>`(?P<rtext>[^`]+)`__?)"
    r"|(?P<interp>`[^`]+`)"
    r"|(?P<fn>\[(?:\d+|#[\w-]*|\*|[A-Za-z][\w.-]*)\]_)"
    r"|(?P<subst>\|(?!\s)[^|\n]*(?<!\s)\|(?:__?)?)"
    r"|(?P<url>(?:https?://|www\.)[^\s<>`]*[^\s<>`.,;:!?'\")\]])"
    r"|(?P<emph>(?<![\w*\\])\*{1,2}(?=[^\s*])|(?<=[^\s*\\])\*{1,2}(?![\w*]))"
    r"|(?P<named>(?<=\w)__?(?!\w)))",
    re.S)
_TARGET_TEXT = re.compile(r"_`([^`]+)`")


def _mask_inline(s: str) -> str:
    def repl(m: re.Match) -> str:
        kind = m.lastgroup
        g = m.group()
        if kind == "esc":
            return " " + g[1]
        if kind in ("literal", "role", "interp", "subst", "url"):
            return _code(g)
        if kind == "link":  # keep the link text, blank the backtick and "<url>`_"
            n = len(m.group("ltext"))
            return " " + g[1:1 + n] + _blank(g[1 + n:])
        if kind == "ref":
            n = len(m.group("rtext"))
            return " " + g[1:1 + n] + _blank(g[1 + n:])
        if kind == "xref":
            # A cross-reference with its own title (:ref:`Security Team <psrt>`) reads
            # as that title in the sentence; the role and the target are markup.
            at = g.index("`") + 1
            n = len(m.group("xtext"))
            return _blank(g[:at]) + g[at:at + n] + _blank(g[at + n:])
        return _blank(g)  # fn, emph, named

    # Inline targets _`text` keep their text; done first so "_" is not taken as a ref.
    s = _TARGET_TEXT.sub(lambda m: "  " + m.group(1) + " ", s) if "_`" in s else s
    out = _INLINE.sub(repl, s)
    return _MAIL.sub(lambda m: _code(m.group()), out) if "@" in out else out


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def parse(text: str) -> Parsed:
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    n = len(lines)
    pieces: list[str] = []
    blocks: list[Block] = []
    headings: list[Heading] = []
    # Section levels follow the order in which adornment styles first appear, as in
    # docutils: (character, overlined) -> level.
    styles: dict[tuple[str, bool], int] = {}

    section_level = 0  # the level of the last adorned section title
    entry_levels: list[tuple[int, int]] = []  # (indent, level) of the object entries we are in

    def section(first: int, last: int, adornment: str, overlined: bool) -> None:
        nonlocal section_level
        section_level = styles.setdefault((adornment.strip()[:1], overlined), len(styles) + 1)
        entry_levels.clear()
        headings.append(Heading(section_level, starts[first], starts[last + 1] - 1))

    pos = 0  # text before pos is already in pieces

    def emit(kind: str, start: int, b: int, strip_colons: bool = False) -> None:
        """Record text[start:end of line b-1] as a prose block of the given kind."""
        nonlocal pos
        end = starts[b] - 1
        seg = text[start:end]
        if seg.lstrip().startswith("|"):
            seg = _LINE_BLOCK.sub(lambda m: m.group(1) + " ", seg)
        masked = _mask_inline(seg)
        if kind == "paragraph" and b - 1 == line_of(start):
            label = label_kind(seg, masked)  # "" when the line is no prose at all
            kind = kind if label is None else label
            if label != "" and start == starts[b - 1]:  # not indented in a body
                bold = strong_heading(seg, start, end, section_level)
                if bold:  # a heading in the outline is no sentence in the prose either
                    headings.append(bold)
                    kind = "heading"
        if strip_colons:  # "Example::" reads as "Example:"; "Example ::" loses both
            # Read on the text, not the masked view: after markup ("a :ref:`check
            # <checks>`::") the masked view has blanks before the colons, the text not.
            body = seg.rstrip()
            cut = len(body) - 2 if len(body) < 3 or body[-3].isspace() else len(body) - 1
            masked = masked[:cut] + _blank(masked[cut:])
        pieces.append(_blank(text[pos:start]))
        core = masked.strip()
        if kind and core and _WORD.search(core):
            lead = len(masked) - len(masked.lstrip())
            blocks.append(Block(kind, start + lead, start + lead + len(core)))
            pieces.append(masked)
        else:
            pieces.append(_blank(masked))
        pos = end

    def body_end(i: int, base: int) -> int:
        """End of the indented body that follows line i-1 (lines indented > base)."""
        j = i
        while j < n and (not lines[j].strip() or _indent(lines[j]) > base):
            j += 1
        while j > i and not lines[j - 1].strip():
            j -= 1
        return j

    def line_of(offset: int) -> int:
        return bisect_right(starts, offset) - 1

    item_cols: list[int] = []  # content columns of the list items we are inside

    def directive(i: int, ind: int, end: int, role: str) -> int:
        """Read the argument of the prose directive on line i (its name ends at offset
        `end`) and its options; return the line where its body starts, which the main
        loop then reads. An admonition is an aside set off from the text, as a block
        quote is: its paragraphs are "blockquote" blocks, which the rules read as notes
        (a note repeated in parallel reference entries is structure, not a slip)."""
        k = i + 1
        has_text = bool(text[end:starts[i + 1] - 1].strip())
        if has_text:  # the argument (or first body line) may wrap onto indented lines
            while k < n and lines[k].strip() and _indent(lines[k]) > ind \
                    and not _FIELD.match(lines[k]):
                k += 1
        arg_end = k
        if k < n and lines[k].strip() and _indent(lines[k]) > ind and _FIELD.match(lines[k]):
            while k < n and lines[k].strip() and _indent(lines[k]) > ind:
                k += 1  # options (":class: tip") run to the first blank line
        literal = False
        if role == ENTRY:
            entry(end, arg_end, ind)
            return k
        if has_text:
            if role == VERSION:  # ".. versionchanged:: 3.2 The flag is gone.": skip "3.2"
                end = _FIRST_WORD.match(text, end).end()
            if role in (TITLE, TITLE_ONLY):
                emit("heading", end, arg_end)
                if role == TITLE_ONLY:  # a rubric heads what follows it, as a bold line does
                    arg = text[end:starts[arg_end] - 1]
                    headings.append(Heading(section_level + 1, end + len(arg) - len(arg.lstrip()),
                                            starts[arg_end] - 1))
            elif text[end:starts[arg_end] - 1].strip():
                literal = lines[arg_end - 1].rstrip().endswith("::")
                emit("blockquote", end, arg_end, strip_colons=literal)
        if role == TITLE_ONLY:
            return body_end(k, ind)
        # The first-line text ended in "::": the indented block that follows is code;
        # the rest of the body is skipped with it (rare, and safer than guessing its column).
        return body_end(k, ind) if literal else k

    def entry(start: int, b: int, ind: int) -> None:
        """Record the signature of an object description (text[start:end of line b-1])
        as the title of an entry, in code, one level below the section (or below the
        entry it is nested in): the outline of an API reference. Its body is prose."""
        nonlocal pos
        end = starts[b] - 1
        signature = text[start:end].strip()
        if not signature:
            return
        first = start + text[start:end].index(signature[0])
        while entry_levels and entry_levels[-1][0] >= ind:
            entry_levels.pop()
        level = (entry_levels[-1][1] if entry_levels else section_level) + 1
        entry_levels.append((ind, level))
        headings.append(Heading(level, first, first + len(signature)))
        pieces.append(_blank(text[pos:first]))
        pieces.append(_code(signature))
        pos = first + len(signature)

    # A header block (front matter, or the RFC 822 header of a PEP) is not prose.
    front = FRONT_MATTER.match(text)
    i = text.count("\n", 0, front.end()) + 1 if front else header_end(lines)
    while i < n:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        ind = _indent(line)
        while item_cols and item_cols[-1] > ind:
            item_cols.pop()
        nxt = lines[i + 1] if i + 1 < n else ""
        if _DOCTEST.match(line):
            # A doctest block runs to the first blank line, its output and "..." lines
            # at the prompt's own indentation included.
            while i < n and lines[i].strip():
                i += 1
            continue
        if _EXPLICIT.match(line):
            named = _DIRECTIVE.match(line)
            role = prose_directive(named.group(1)) if named else None
            if role is not None:  # an admonition or another directive that holds prose
                i = directive(i, ind, starts[i] + named.end(), role)
                continue
            i = body_end(i + 1, ind)  # other directives, comments, targets, footnotes
            continue
        if _FIELD.match(line):
            i = body_end(i + 1, ind)
            continue
        if _GRID.match(line):
            while i < n and lines[i].strip()[:1] in ("+", "|"):
                i += 1
            continue
        if _SIMPLE.match(line):  # runs until a border line followed by a blank line
            i += 1
            while i < n and not (_SIMPLE.match(lines[i]) and (i + 1 >= n or not lines[i + 1].strip())):
                i += 1
            i += 1
            continue
        if line.strip() == "::":  # bare literal marker: the block that follows is code
            i = body_end(i + 1, ind)
            continue
        if _ADORN.match(line) and ind == 0:
            if i + 2 < n and lines[i + 1].strip() and lines[i + 2].strip() == line.strip() \
                    and not _ADORN.match(lines[i + 1]):
                emit("heading", starts[i + 1], i + 2)  # overlined title
                section(i, i + 2, line, True)
                i += 3
            else:
                i += 1  # transition
            continue
        if ind == 0 and _ADORN.match(nxt) and len(nxt.strip()) >= min(len(line.strip()), 3):
            emit("heading", starts[i], i + 1)
            section(i, i + 1, nxt, False)
            i += 2
            continue
        if _LINE_BLOCK.match(line):
            # A line block ("| Wrong: ...", "| Right: ..."): each line is a line of its
            # own, as in an address, not run on into the next; but a line that ends in a
            # comma or a semicolon, or that the next line carries on in lower case, goes
            # on in the next, as a sentence of verse does ("| Half a bee,
            # philosophically," / "|     must, ipso facto, half not be.").
            kind = "paragraph" if ind == 0 else ("list-item" if ind in item_cols else "blockquote")
            while i < n and _LINE_BLOCK.match(lines[i]) and _indent(lines[i]) == ind:
                j = i + 1
                while True:
                    while j < n and lines[j].strip() and _indent(lines[j]) > ind:
                        j += 1  # a line indented under it carries it on
                    marked = _LINE_BLOCK.match(lines[j]) if j < n else None
                    if marked and _indent(lines[j]) == ind and (
                            lines[j - 1].rstrip().endswith((",", ";"))
                            or lines[j][marked.end():].lstrip()[:1].islower()):
                        j += 1
                        continue
                    break
                emit(kind, starts[i], j)
                i = j
            continue
        option = _OPTION_ITEM.match(line)
        if option:
            # The description of an option reads like a list item, its options are no prose.
            j = i + 1
            while j < n and lines[j].strip() and _indent(lines[j]) > ind:
                j += 1
            emit("list-item", starts[i] + option.end(), j)
            i = j
            continue
        bullet = _BULLET.match(line)
        if bullet:
            col = bullet.end() if bullet.end() < len(line) else ind + 2
            rest = line[bullet.end():]
            if _EXPLICIT.match(rest) or _DOCTEST.match(rest):
                # An item that holds a directive or a doctest ("5. .. math:: p = q"):
                # what follows the bullet is read as the directive, not as prose.
                item_cols.append(col)
                named = _DIRECTIVE.match(rest)
                role = prose_directive(named.group(1)) if named else None
                if role is not None:
                    i = directive(i, ind, starts[i] + bullet.end() + named.end(), role)
                else:
                    i = body_end(i + 1, ind)
                continue
            j = i + 1
            while j < n and lines[j].strip() and _indent(lines[j]) >= col \
                    and not _EXPLICIT.match(lines[j]):
                j += 1
            kind = "list-item"
            item_cols.append(col)
            start = starts[i] + bullet.end()
        else:
            if i + 1 < n and nxt.strip() and _indent(nxt) > ind and not _BULLET.match(line):
                # definition list: the term is a label (not prose); its definition
                # paragraphs read like list items.
                item_cols.append(_indent(nxt))
                i += 1
                continue
            j = i + 1
            # A paragraph runs to the next blank line, as docutils reads it: a wrapped
            # line that starts with "2024." or "(1999)" is text, not a list item. But a
            # line all in bold after a finished sentence opens a block of its own: the
            # title of what follows, its blank line forgotten ("... see Data keys.",
            # then "**Example 2: To generate a 512-bit data key**").
            while j < n and lines[j].strip() and _indent(lines[j]) == ind \
                    and not (STRONG_LINE.fullmatch(lines[j]) and lines[j - 1].rstrip().endswith((".", "!", "?"))):
                j += 1
            kind = "paragraph" if ind == 0 else (
                "list-item" if ind in item_cols else "blockquote")
            start = starts[i]
        literal = lines[j - 1].rstrip().endswith("::")
        emit(kind, start, j, strip_colons=literal)
        i = body_end(j, ind) if literal else j
    pieces.append(_blank(text[pos:]))
    masked = "".join(pieces)
    assert len(masked) == len(text)
    return Parsed(tuple(blocks), masked, tuple(headings))
