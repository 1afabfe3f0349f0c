"""Endings that look cut but are not: salutations, series, letter names, asides."""
from __future__ import annotations

import re

from doclint.core.document import Document
from doclint.families.truncation.endings import Ending, closed, words

_EMPHASIS_END = re.compile(r"(?:\*{1,3}|_{1,3})\Z")


def salutation(doc: Document, e: Ending, tail: str) -> bool:
    """"Mr. Chief Justice, Mr. President, ... and my fellow citizens," at the top of a
    speech: mostly names, before any other prose but a title."""
    for block in doc.blocks:
        if block is e.block:
            break
        if block.kind != "heading":
            return False
    ws = words(tail)
    return sum(1 for w in ws if len(w) > 2 and w[0].isupper()) >= 0.5 * len(ws)


def series(tail: str, word: str) -> bool:
    """"...; and" at the end of a paragraph: the points of a series go on in the next
    paragraph ("Third, ..."), as in speeches and legal text."""
    return tail[:len(tail) - len(word)].rstrip().endswith(";")


def letter_name(doc: Document, tail: str, word: str) -> bool:
    """"Setting option a": a one-letter last word is a name when the document also
    writes the word before it followed by another single letter ("option b")."""
    if len(word) != 1:
        return False
    ws = words(tail)
    if len(ws) < 2:
        return False
    before = re.escape(ws[-2])
    return re.search(rf"\b{before}[ \t]+(?!{re.escape(word)}\b)[a-z]\b", doc.masked,
                     re.I) is not None


def emphasised_aside(doc: Document, e: Ending) -> bool:
    """"... aligned! *forehead slap*": an emphasised aside after a finished sentence."""
    text = doc.text
    right = text.find("\n", e.stop)
    raw = text[e.start:len(text) if right == -1 else right].rstrip()
    closer = _EMPHASIS_END.search(raw)
    if closer is None:
        return False
    opener = raw.rfind(closer.group(), 0, closer.start())
    return opener > 0 and closed(raw[:opener].rstrip())
