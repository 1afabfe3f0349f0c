"""The plain reading of a span of a document, markup removed, for quotes in messages."""
from __future__ import annotations

import re
from itertools import compress
from operator import ne

from .base import CODE_MASK

# Runs where the masked text is not the document's own character: markup the reader
# blanked (spaces) and content that is not prose (CODE_MASK).
_MASKED_RUN = re.compile(" +|" + CODE_MASK + "+")
_NON_SPACE = re.compile(r"\S+")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
# How a code-like run is written: an optional reST role, backticks or angle brackets
# around it, and, inside a role or a link, "text <target>".
_ROLE = re.compile(r"^:[A-Za-z][\w.+:-]*:(?=`)|(?<=`):[A-Za-z][\w.+:-]*:$")
_TITLE_TARGET = re.compile(r"^(.*?\S)\s*<[^<>]*>$", re.S)


def _code_text(raw: str) -> str:
    """Inline code, a role, an autolink or a URL as a reader sees it: its content only."""
    s = _ROLE.sub("", raw)
    if s.startswith("`"):  # (a quote may cut a code span short: strip what is there)
        s = s.strip("`").strip(" ")
        titled = _TITLE_TARGET.match(s)
        if titled and raw.startswith(":"):  # :ref:`Title <target>` reads as "Title"
            s = titled.group(1)
    elif s.startswith("<") and s.endswith(">"):
        s = s[1:-1]
    return s


def _markup_gap(raw: str) -> str:
    """What is left of a run of markup: its whitespace (an HTML tag stands for a space)."""
    if "<" in raw and ">" in raw:
        return " "
    # a reST escaped space ("**bold**\\ ly") joins the words around it
    return _NON_SPACE.sub("", raw.replace("\\ ", ""))


def plain(text: str, masked: str, start: int, end: int) -> str:
    """text[start:end] without its markup: emphasis, link syntax, tags and comments go,
    inline code and roles keep their content without backticks, and private-use
    characters (masking placeholders) never come through. For messages only: the
    result is not offset-aligned with the document."""
    raw = text[start:end]
    view = masked[start:end]
    if raw == view:  # the common case: a sentence without markup
        return _PRIVATE_USE.sub("", raw) if CODE_MASK <= max(raw, default=" ") else raw
    out: list[str] = []
    pos = 0
    for run in _MASKED_RUN.finditer(view):
        a, b = run.span()
        piece = raw[a:b]
        if piece == view[a:b]:  # ordinary spaces between words
            continue
        out.append(raw[pos:a])
        pos = b
        if view[a] == CODE_MASK:
            out.append(_code_text(piece))
        else:
            out.append(_markup_gap(piece))
    out.append(raw[pos:])
    result = "".join(out)
    return _PRIVATE_USE.sub("", result) if _PRIVATE_USE.search(result) else result


def marked_spans(text: str, masked: str, starts: list[int], ends: list[int]) -> bytes:
    """Per span, 1 where plain() may read it otherwise than as its raw text (markup or
    a private-use character in it), else 0: a span whose quote needs no parse of the
    document, only its text. C-level passes, as in plain_many()."""
    slices = list(map(slice, starts, ends))
    raw = list(map(text.__getitem__, slices))
    flags = bytearray(map(ne, raw, map(masked.__getitem__, slices)))
    if _PRIVATE_USE.search(text):
        for i in compress(range(len(raw)), map(_PRIVATE_USE.search, raw)):
            flags[i] = 1
    return bytes(flags)


def plain_many(text: str, masked: str, starts: list[int], ends: list[int]) -> list[str]:
    """plain() of many spans at once: spans without markup (most of them) are sliced
    and compared in C, and only the others take the slow path."""
    slices = list(map(slice, starts, ends))
    out = list(map(text.__getitem__, slices))
    if _PRIVATE_USE.search(text):  # private-use characters somewhere: check every span
        return [plain(text, masked, a, b) for a, b in zip(starts, ends)]
    differ = map(ne, out, map(masked.__getitem__, slices))
    for i in compress(range(len(out)), differ):
        out[i] = plain(text, masked, starts[i], ends[i])
    return out
