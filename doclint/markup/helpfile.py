"""Vim's help format (Vim's own and every plugin's doc/*.txt), read as plain text with
its own structure: tag lines that open the entries of a reference, examples, and the
modeline that tells the format."""
from __future__ import annotations

import re

# The modeline that tells the format ("vim:tw=78:ts=8:ft=help:norl:", "vim: filetype=help"),
# in the last lines.
_MODELINE = re.compile(r"\bvim?:.*\b(?:ft|filetype)=help\b")
_MODELINE_REACH = 400
# Any modeline among the last lines ("vim: textwidth=78 nowrap tabstop=8" above the one
# that names the format).
_ANY_MODELINE = re.compile(r"[ \t]*vim?:[ \t]*(?:set?[ \t]+)?\w+(?:=\S*)?(?:[ \t:]+\w+(?:=\S*)?)*:?[ \t]*")
_MODELINE_LINES = 5
# A line of tags alone ("*v:errmsg* *errmsg-variable*") opens an entry of the
# reference, as a heading of code does in Markdown.
# A fold marker may end the line ("*netrw-explore-cmds* {{{2"): a plugin's help folds
# at its entries.
_FOLD_MARKER = r"(?:\{\{\{\d*[ \t]*)?"
_TAG_LINE = re.compile(r"[ \t]*(?:\*[^\s*|]+\*[ \t]*)+" + _FOLD_MARKER)
TAG_LEVEL = 3
# A title set apart from the tags that end its line ("setline({lnum}, {text})\t*setline()*",
# "9. Starting a job with a channel\t*job-start* *job*") opens an entry too.
_TITLED_TAGS = re.compile(r"\S.*?(?:\t|[ ]{2,})[ \t]*(?:\*[^\s*|]+\*[ \t]*)+" + _FOLD_MARKER)
# A line of a table of contents ("9. Starting a job\t|job-start|", "Next chapter:
# |usr_23.txt|  Editing other files") or of a table (three columns set apart by tabs:
# "flatten({list})\tList\tflatten {list} up to {maxdepth} levels") is no prose; nor is a
# row of a table of links ("|BufNew|\t\tjust after creating a new buffer"), down to the
# indented lines its description wraps onto. A leader of dots before the links (or one
# dot that touches them) makes a line of contents at any indent ("   :Vexplore[!] [dir]
# Vertical Split & Explore.....|netrw-explore|", "Making The Current Directory.|netrw-cd|").
_CONTENTS_LINE = re.compile(r"\S.*?(?:\t|[ ]{2,})\|[^\s|]+\|[ \t]*|.*?\|[^\s|]+\|(?:\t|[ ]{2,})\S.*"
                            r"|[ \t]*[^\t]+\t+[^\t]+\t+[^\t]+|[ \t]*\S.*?\S(?:\.{3,}[ \t]*|\.)(?:\|[^\s|]+\|[ \t]*)+")
# A sentence that ends before a link set apart on its line ("... terminals.\t\t|:fixdel|"),
# under a line of the same paragraph, is its last line, pointing to the entry it
# describes: prose.
_SENTENCE_THEN_LINK = re.compile(r".*[.!?][\"')]*(?:[ \t]*\t[ \t]*|[ ]{2,})(?:\|[^\s|]+\|[ \t]*)+")
# The head of an option's entry: its names and its type ("'shellpipe' 'sp'\tstring\t(default
# ">")"), and the lines indented under it by three tabs or more that say where it applies
# and when it is there ("\t\t\tglobal", "\t\t\t{not available when compiled without
# the |+quickfix| feature}"). None of it is prose: "global" read as a word opened the
# description's first sentence.
_OPTION_HEAD = re.compile(r"'[a-z]{2,}'(?:[ \t]+'[a-z]+')*\t+(?:boolean|number|string)\b.*")
_UNDER_HEAD = re.compile(r"(?:\t{3,}|[ ]{24,}).*(?<![.!?:])[ \t]*")  # a sentence there is the description
# An Ex command indented by a tab ("\t:set nosc noru nosm").
_EX_EXAMPLE = re.compile(r"\t+:[A-Za-z].*")
# Under a line of contents, an indented one of the same shape is a nested entry
# ("    3.1 Omni Completion with "gnat xref"\t|gnat-xref|"); elsewhere such a line ends
# a wrapped description ("\t\t\tcommand line.  |Ex-mode|").
_NESTED_CONTENTS_LINE = re.compile(r"[ \t]+\S.*?(?:\t|[ ]{2,})\|[^\s|]+\|[ \t]*")
# A header ("3.1 Omni Completion with "gnat xref" ~", "Example\t\tmatches ~", "Tex
# Contents~"): the title of a section or of a table's columns, which Vim shows without
# its "~" (the space before it is optional, as in Vim's own help syntax).
_HEADER = re.compile(r".*\S[ \t]*~[ \t]*")
_LINK_ROW = re.compile(r"[ \t]*\|[^\s|]+\|(?:\t|[ ]{2,}).*")
# What Vim's own help syntax marks as code: a link to a tag ("see |bufname()|"), an
# option ("'shellpipe'", "'t_Co'"), a command in backticks ("`:set`"), and keys and
# arguments ("<CR>", "<C-R>", "CTRL-W", "{lnum}"). Reference entries repeat their
# statements with only these names changed ("... the 'shellpipe' option changes
# automatically" / "... the 'shellredir' option ..."): read as words, the two names
# look like a misspelling of one another, and "<C-R>" and "<CR>" like one key
# written two ways.
LINK = re.compile(r"\|[^\s|]+\||'[a-z]{2,}'|'t_..'|`[^`\s]+`|<[-a-zA-Z0-9_]+>|<[SCM]-.>"
                  r"|\{[-a-zA-Z0-9'\"*+/:%#=\[\]<>.,]+\}|CTRL-(?:SHIFT-)?(?:Break|.)")
# A labelled example: a word and a colon in the first column, then a tab and the
# example, whose indented lines go on below it ("OK:\t    if (cond)" over "\t\tcmd;",
# "Wrong:\t    while (cond);"). It is code when one of its lines ends as a statement
# or a block of C-like code does; a label over prose ("Rationale:\tIn Vi the ...",
# "NOTE:\tIndenting will be ...") ends its lines in words.
_LABELLED = re.compile(r"[A-Za-z]{1,12}:\t.*\S.*")
_CODE_LINE_END = re.compile(r".*[;{}][ \t]*")
# A line that ends in " >" introduces an example, whose indented lines run until a line
# that begins with "<" or with text in the first column.
_EXAMPLE_OPENS = re.compile(r"(?:^|[ \t])>$")


def is_help_file(text: str) -> bool:
    return _MODELINE.search(text, max(0, len(text) - _MODELINE_REACH)) is not None


def read_help_lines(lines: list[str]) -> list[int]:
    """Blank in `lines` what is no prose (examples, the modeline, tag lines, headers,
    lines of a table of contents or of links) and return
    the numbers of the tag lines, the headings of the file's entries."""
    for k in _examples(lines) + _labelled_code(lines):
        lines[k] = ""
    tags = []
    last = len(lines) - _MODELINE_LINES
    contents: set[int] = set()  # lines right under a line of contents
    for k, line in enumerate(lines):
        if _MODELINE.search(line) or (k >= last and _ANY_MODELINE.fullmatch(line)):
            lines[k] = ""  # the modeline is for the editor
        elif line and (_TAG_LINE.fullmatch(line) or _TITLED_TAGS.fullmatch(line)):
            tags.append(k)
            lines[k] = ""  # an entry's tags: its heading, read apart from the text
        elif line and _OPTION_HEAD.fullmatch(line):
            lines[k] = ""
            while k + 1 < len(lines) and _UNDER_HEAD.fullmatch(lines[k + 1]):
                k += 1
                lines[k] = ""
        elif line and _LINK_ROW.fullmatch(line):
            lines[k] = ""
            # The row's description may wrap onto indented lines below it.
            while k + 1 < len(lines) and lines[k + 1][:1] in (" ", "\t") and lines[k + 1].strip() \
                    and not _LINK_ROW.fullmatch(lines[k + 1]):
                k += 1
                lines[k] = ""
        elif line and _EX_EXAMPLE.fullmatch(line) and k and lines[k - 1].rstrip().endswith(":"):
            # ":let python_highlight_all = 1" under "If you want all of it:": an example
            # of an Ex command without the " >" that marks one, down to the last such line.
            while k < len(lines) and _EX_EXAMPLE.fullmatch(lines[k]):
                lines[k] = ""
                k += 1
        elif line and ((_CONTENTS_LINE.fullmatch(line) and not _ends_paragraph(lines, k))
                       or _HEADER.fullmatch(line)
                       or (k in contents and _NESTED_CONTENTS_LINE.fullmatch(line))):
            lines[k] = ""
            contents.add(k + 1)
    return tags


def _ends_paragraph(lines: list[str], k: int) -> bool:
    """Whether line `k`, a sentence and a link set apart after it, is the last line of
    the paragraph above it; a title over its entry ("Insert-mode completion.\t|ins-completion|")
    opens after a blank line."""
    return k > 0 and bool(lines[k - 1].strip()) and _SENTENCE_THEN_LINK.fullmatch(lines[k]) is not None


def _examples(lines: list[str]) -> list[int]:
    """The numbers of the lines of examples (see _EXAMPLE_OPENS), the closing "<" line
    included."""
    found: list[int] = []
    n, k = len(lines), 0
    while k < n:
        if not _EXAMPLE_OPENS.search(lines[k].rstrip()):
            k += 1
            continue
        # Blank lines may stand between the " >" and the example's indented lines.
        first = k + 1
        while first < n and not lines[first].strip():
            first += 1
        if first >= n or not lines[first][:1].isspace():
            k += 1
            continue
        # The " >" is a marker Vim hides: after a colon the line reads as a text that
        # introduces an example ("make a copy first: >"), never as a title.
        end = lines[k].rstrip()
        if end[:-1].rstrip().endswith(":"):
            lines[k] = end[:-1] + " "
        k += 1
        while k < n and (not lines[k].strip() or lines[k][:1].isspace()):
            found.append(k)
            k += 1
        if k < n and lines[k].rstrip() == "<":
            found.append(k)
            k += 1
    return found


def _labelled_code(lines: list[str]) -> list[int]:
    """The numbers of the lines of labelled examples of code (see _LABELLED): the label
    line and the indented lines under it, when one of them ends as code does."""
    found: list[int] = []
    n, k = len(lines), 0
    while k < n:
        if not _LABELLED.fullmatch(lines[k]):
            k += 1
            continue
        end = k + 1
        while end < n and lines[end][:1].isspace() and lines[end].strip():
            end += 1
        if any(_CODE_LINE_END.fullmatch(line) for line in lines[k:end]):
            found.extend(range(k, end))
        k = end
    return found
