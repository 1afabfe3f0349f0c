"""Plain-text reader: paragraphs, titles and list items found by layout heuristics."""
from __future__ import annotations

import re

from . import rst
from .base import FAQ_QUESTION, Block, Heading, Parsed
from .base import blank as _blank
from .base import code as _code
from .helpfile import LINK as HELP_LINK
from .helpfile import TAG_LEVEL, is_help_file, read_help_lines
from .textruns import CITATION, CODE_STEP, PROMPT, commands, is_data

_LIST = re.compile(r"[ \t]*(?:[-*+\u2022]|\d{1,3}[.)]|[a-zA-Z][.)]|\(\w{1,3}\))[ \t]+(?=\S)")
_ATX = re.compile(r"[ \t]{0,3}#{1,6}[ \t]+(?=\S)")
_UNDERLINE = re.compile(r"[ \t]*([=\-~*#])\1{2,}[ \t]*")
# Sentence end, allowing closing quotes/brackets after the mark.
_TERMINAL = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
# A title never ends with sentence punctuation, even before closing marks or a
# reference marker ("... the line was held out.[4]" closes a sentence).
_NO_TITLE_END = re.compile(r"[.!?,;:\u2026][\"'\u201d\u2019)\]]*(?:" + CITATION.pattern + ")*$")
# A section title inside a text never ends on an article, a preposition or a
# conjunction in lower case: a line that does ("Our public interest depends on") is a
# sentence cut short. (The first line may still be a headline that runs on.)
_DANGLING_END = re.compile(
    r"\s(?:a|an|the|of|to|in|on|at|by|for|with|from|into|and|or|but|that|which)\Z")
_URL_MAIL = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"]*[^\s<>\".,;:!?'\")\]]"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WORD = re.compile(r"\w")


# Vim's help lists commands, keys and functions as a term (in the first column, or
# indented in a nested list) and its description after a tab, or on the lines below,
# indented by a tab (":wq [++opt]\t\tWrite the current file ...", "get({dict}, {key})"
# over "\t\tGet item with key ..."): an entry of a definition list, whose term is no prose.
# A one-word name in lower case may be set apart by spaces instead of a tab, before a
# description that opens with a capital ("\tthumbhighlight  Highlight group name ...").
_HELP_TERM = re.compile(r"[ \t]*[^\s][^\t]{0,59}?\t+(?=\S)|[ \t]*[a-z][\w-]{2,30}[ ]{2,}(?=[A-Z])")
_HELP_TERM_ALONE = re.compile(r"[^\s][^\t]{0,59}")


def _help_term(lines: list[str], k: int) -> re.Match | None:
    """The term of a help file's entry that begins on line `k`, as a match whose end is
    where the description begins (the end of the line when it stands alone over its
    tab-indented description), or None."""
    line = lines[k]
    term = _HELP_TERM.match(line)
    if term:
        return term
    if k + 1 < len(lines) and (lines[k + 1][:1] == "\t" or _stacked_terms(lines, k)) \
            and not _ends_sentence(line) and not line.rstrip().endswith(":"):
        return _HELP_TERM_ALONE.fullmatch(line.rstrip())
    return None


# Forms of one command stacked over their description (":defc[ompile] {func}" over
# ":defc[ompile] debug {func}"): each a term, the description under the last.
_STACK = 4


# A form of a command as Vim's help writes it: an Ex command, or a key or an argument
# in brackets, at the start (":tabN[ext] {count}", "{count}<C-PageUp>", "<C-PageUp>").
_FORM = re.compile(r"[:<{\[][^\t]{0,59}")


def _stacked_terms(lines: list[str], k: int) -> bool:
    """Whether line `k` opens a stack of terms that stand alone on their lines, over a
    tab-indented description or a last term with its description after a tab: terms
    that begin alike (the same first two characters), or forms of commands (_FORM)."""
    head = lines[k][:2]
    alike, forms = True, bool(_FORM.fullmatch(lines[k].rstrip()))
    for j in range(k + 1, min(len(lines), k + 1 + _STACK)):
        line = lines[j]
        if line[:1] == "\t":
            return j > k + 1 and (alike or forms)
        if forms and _FORM.match(line) and _HELP_TERM.match(line):
            return True  # "{count}gT\tGo {count} tab pages back."
        if not _HELP_TERM_ALONE.fullmatch(line.rstrip()) or _ends_sentence(line):
            return False
        alike = alike and line[:2] == head
        forms = forms and bool(_FORM.fullmatch(line.rstrip()))
        if not (alike or forms):
            return False
    return False


# A term alone on its line: no tab inside, at most six words (see _hanging_term).
_TERM_ALONE = re.compile(r"[ \t]*\S[^\t]{0,59}")
_TERM_WORDS = 6


def _indent(line: str) -> int:
    expanded = line.expandtabs()
    return len(expanded) - len(expanded.lstrip())


def _hanging_term(lines: list[str], chunk: list[int]) -> re.Match | None:
    """The term of a definition list written in plain text, as reStructuredText writes
    one: a short line that is no sentence and no introduction (no stop, no colon at
    its end), over lines all indented deeper ("`MODE_EXEC_PERM`" over "    Must be
    unset if ..."), as a match whose end is where the definition begins; else None.
    The paragraphs indented as the definition, after a blank line, go on with it."""
    if len(chunk) < 2:
        return None
    first = lines[chunk[0]].rstrip()
    if _ends_sentence(first) or first.endswith(":") or len(first.split()) > _TERM_WORDS \
            or _LIST.match(first) or min(_indent(lines[k]) for k in chunk[1:]) < _indent(first) + 2:
        return None
    return _TERM_ALONE.fullmatch(first)


def _ends_sentence(line: str) -> bool:
    return bool(_TERMINAL.search(line.rstrip()))


def _one_per_line(run: list[str]) -> bool:
    """True when each line of a blank-free run reads as a complete paragraph.

    Hard-wrapped prose has lines of nearly equal width that rarely end a sentence;
    news-dump style text has long, ragged lines that almost always do.
    """
    if len(run) < 2:
        return False
    endings = [_ends_sentence(line) for line in run]
    if any(not ended and following.lstrip()[:1].islower() for ended, following in zip(endings, run[1:])):
        return False  # a sentence goes on over a line break: "changes the" / "current directory"
    widths = [len(line.strip()) for line in run]
    ended = sum(endings)
    if ended >= 0.8 * len(run):
        return True
    long = sum(w > 100 for w in widths)
    body = widths[:-1]
    ragged = max(body) - min(body) > 0.3 * max(body)
    return long >= 0.5 * len(run) and (ragged or max(widths) > 250)


def _split_wrapped(run: list[int], lines: list[str]) -> list[list[int]]:
    """Split a hard-wrapped run at short sentence-ending lines (paragraph ends in files
    that use no blank lines); a lone early line break is not enough to split."""
    width = max(len(lines[k].rstrip()) for k in run)
    parts: list[list[int]] = [[]]
    for pos, k in enumerate(run):
        parts[-1].append(k)
        line = lines[k].rstrip()
        if pos + 1 < len(run) and width >= 40 and len(line) < 0.7 * width \
                and _ends_sentence(line) and lines[run[pos + 1]].lstrip()[:1].isupper():
            parts.append([])
    return parts


# As in CommonMark, only a first marker ("1.", "a)", "(i)") or a bullet may interrupt a
# paragraph; any other enumerator there is the wrapped text of a sentence.
_FIRST_MARKER = re.compile(r"[ \t]*(?:[-*+\u2022]|\(?(?:1|a|A|i|I)[.)])[ \t]")
_CLAUSE_END = re.compile(r"[.!?:;\u2026][\"'\u201d\u2019)\]]*$")


def _continues(previous: str, marker: str) -> bool:
    """Whether a line with an enumerator `marker` goes on the paragraph of `previous`."""
    return not _FIRST_MARKER.match(marker) and not _CLAUSE_END.search(previous.rstrip())


def _is_title(line: str, following: str | None) -> bool:
    s = line.strip()
    if not s or len(s) > 80 or _NO_TITLE_END.search(s) or _LIST.match(line):
        return False
    if following is None:  # followed by a blank line (or nothing, but not alone)
        return True
    return len(following.strip()) > max(1.5 * len(s), 60)


# Sphinx projects keep reST fragments in .txt files (`.. include:: OPTIONS.txt`); plain
# prose never writes roles, directives or double-backtick literals, so two of them
# are enough to read a .txt file as reST.
_RST_SIGN = re.compile(r"^[ \t]*\.\. [\w:-]+::|:[\w:.+-]+:`[^`\n]+`|``[^`\s][^`\n]*``", re.M)


def looks_like_rst(text: str) -> bool:
    if "``" not in text and "::" not in text and ":`" not in text:
        return False
    found = _RST_SIGN.finditer(text)
    return next(found, None) is not None and next(found, None) is not None


def parse(text: str) -> Parsed:
    if looks_like_rst(text):
        return rst.parse(text)
    return _parse_text(text)


def _parse_text(text: str) -> Parsed:
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    # (kind, first line, last line + 1, char offset where the text starts)
    spans: list[tuple[str, int, int, int]] = []
    help_file = is_help_file(text)
    if help_file:
        spans.extend(("tags", k, k + 1, starts[k]) for k in read_help_lines(lines))

    def add_run(run: list[int], kind: str) -> None:
        """Classify a run of consecutive non-blank, non-list lines: blocks of `kind`."""
        texts = [lines[k] for k in run]
        if is_data(texts):
            return
        if _one_per_line(texts):
            spans.extend((kind, k, k + 1, starts[k]) for k in run)
            return
        for part in _split_wrapped(run, lines):
            if part:
                spans.append((kind, part[0], part[-1] + 1, starts[part[0]]))

    n = len(lines)
    i = 0
    first_chunk = True
    # The indentation of the last chunk read as prose, and whether it ended in a colon.
    prose_indent, introduced = 0, False
    # Where the text of the list item that ended the last chunk begins (its marker's
    # end), or 0: the prose of a chunk indented that far after a blank line is that
    # item's next paragraph ("   This is a potentially backward-incompatible change;
    # ..." under " * Output from ..."), as Markdown and reST read it.
    item_column = 0
    while i < n:
        if not lines[i].strip():
            i += 1
            continue
        j = i
        while j < n and lines[j].strip():
            j += 1
        chunk = list(range(i, j))
        indent = min(len(lines[k].expandtabs()) - len(lines[k].expandtabs().lstrip()) for k in chunk)
        if not _LIST.match(lines[i]) and (
                (indent >= prose_indent + CODE_STEP and (introduced or PROMPT.match(lines[i])))
                or (introduced and indent > prose_indent and commands([lines[k] for k in chunk]))):
            # Introduced by a colon, or opening with a prompt, and indented deeper than
            # that prose: an example (a command and its output, code, a config file), as
            # in Markdown or a reST literal block. A command line may be indented less
            # ("do is the following:" over "  openssl genrsa -des3 -out key.pem 2048").
            i = j
            continue
        prose_indent, introduced = indent, lines[j - 1].rstrip().endswith(":")
        prose_kind = "list-item" if item_column and indent >= item_column else "paragraph"
        item_column = 0
        has_more = any(lines[k].strip() for k in range(j, n))
        # Titles: an underlined line; the file's first line when short and unpunctuated;
        # or a short capitalised single-line chunk between other chunks.
        atx = _ATX.match(lines[i])
        if atx:  # "## Section": text dumps of Markdown and wiki pages keep these
            spans.append(("heading", i, i + 1, starts[i] + atx.end()))
            chunk = chunk[1:]
        elif len(chunk) >= 2 and _UNDERLINE.fullmatch(lines[chunk[1]]) \
                and not _UNDERLINE.fullmatch(lines[chunk[0]]):
            spans.append(("heading", chunk[0], chunk[0] + 1, starts[chunk[0]]))
            chunk = chunk[2:]
        elif first_chunk and (has_more or len(chunk) > 1) and _is_title(
                lines[i], lines[i + 1] if len(chunk) > 1 else None):
            spans.append(("heading", i, i + 1, starts[i]))
            chunk = chunk[1:]
        elif len(chunk) == 1 and has_more and not first_chunk and ((
                len(lines[i].strip()) <= 60 and lines[i].strip()[:1].isupper()
                and not _DANGLING_END.search(lines[i].rstrip()) and _is_title(lines[i], None))
                or FAQ_QUESTION.fullmatch(lines[i])):
            spans.append(("heading", i, i + 1, starts[i]))
            chunk = []
        first_chunk = False
        run: list[int] = []
        item: list[int] = []
        item_start = item_indent = 0
        term = _hanging_term(lines, chunk)
        for k in chunk:
            m = _LIST.match(lines[k]) or (help_file and _help_term(lines, k)) or (k == chunk[0] and term)
            if m and run and not item and _continues(lines[run[-1]], m.group()):
                m = None  # a wrapped line that starts with "12." or "(b)" is text
            if m:
                if run:
                    add_run(run, prose_kind)
                    run = []
                if item:
                    spans.append(("list-item", item[0], item[-1] + 1, item_start))
                item, item_start = [k], starts[k] + m.end()
                item_indent = m.end()
            elif item and (len(lines[k]) - len(lines[k].lstrip()) >= min(item_indent, 2)
                           or (help_file and lines[k][:1] == "\t")
                           or not _ends_sentence(lines[item[-1]])):
                item.append(k)  # indented or mid-sentence: the item goes on
            else:
                if item:
                    spans.append(("list-item", item[0], item[-1] + 1, item_start))
                    item = []
                run.append(k)
        if item:
            spans.append(("list-item", item[0], item[-1] + 1, item_start))
            # Under a term alone on its line, the definition's paragraphs stand at its indentation.
            item_column = _indent(lines[chunk[1]]) if term and len(item) == len(chunk) else item_indent
        if run:
            add_run(run, prose_kind)
        i = j

    pieces: list[str] = []
    blocks: list[Block] = []
    headings: list[Heading] = []
    pos = 0
    spans.sort(key=lambda span: span[1])
    for kind, first, end_line, start in spans:
        end = starts[end_line] - 1
        if kind == "tags":
            headings.append(Heading(TAG_LEVEL, start, end))
            pieces.append(_blank(text[pos:start]))
            pieces.append(_code(text[start:end]))
            pos = end
            continue
        if kind == "heading":
            headings.append(Heading(_title_level(lines, first), starts[first], end))
        seg = text[start:end]
        masked = _URL_MAIL.sub(lambda m: _code(m.group()), seg) if ("." in seg) else seg
        if help_file:
            masked = HELP_LINK.sub(lambda m: _code(m.group()), masked)
        core = masked.strip()
        pieces.append(_blank(text[pos:start]))
        if core and _WORD.search(core):
            lead = len(masked) - len(masked.lstrip())
            blocks.append(Block(kind, start + lead, start + lead + len(core)))
            pieces.append(masked)
        else:
            pieces.append(_blank(masked))
        pos = end
    pieces.append(_blank(text[pos:]))
    masked_text = "".join(pieces)
    assert len(masked_text) == len(text)
    return Parsed(tuple(blocks), masked_text, tuple(headings))


def _title_level(lines: list[str], i: int) -> int:
    """The level of the title on line `i`: its number of `#`, 2 when underlined with
    anything but `=`, else 1."""
    atx = _ATX.match(lines[i])
    if atx:
        return min(6, len(lines[i]) - len(lines[i].lstrip("#"))) or 1
    under = lines[i + 1].strip() if i + 1 < len(lines) else ""
    return 2 if under and _UNDERLINE.fullmatch(lines[i + 1]) and under[0] != "=" else 1
