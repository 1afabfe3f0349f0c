"""Endings that look cut but are not: salutations, sign-offs, series, letter names, asides."""
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


# The close of a letter or an announcement before the signature: a few words and a
# comma ("Happy testing,", "Best regards,"), or a line that ends in "!" or a smiley
# ("Cheers!", "have fun and a nice remaining time of the year :)"). A longer line
# that ends in a comma is a sentence wrapped there.
_VALEDICTION_COMMA = 4
_VALEDICTION_END = re.compile(r"(?:!|[:;]-?\))\s*\Z")


def signed_off(doc: Document, e: Ending) -> bool:
    """"Happy testing,\nThe pytest Development Team" closing an announcement: a paragraph
    of two lines, a valediction and under it a signature of a few words."""
    if e.where != "block":
        return False
    lines = [line for line in doc.masked[e.block.start:e.stop].split("\n") if line.strip()]
    if len(lines) != 2 or len(words(lines[1])) > 5:
        return False
    close = lines[0].rstrip()
    if close.endswith(","):
        return len(words(close)) <= _VALEDICTION_COMMA
    return len(words(close)) <= 12 and _VALEDICTION_END.search(close) is not None


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


def emphasised_paragraph(doc: Document, e: Ending) -> bool:
    """A paragraph set in emphasis from its first word to its last: a description set
    apart as a caption is ("*Maximum number of nested blocks for function body*"
    under each option), not a sentence of the text."""
    text = doc.text
    right = text.find("\n", e.stop)
    # From the start of the block's first line: the block itself starts after the marks.
    raw = text[text.rfind("\n", 0, e.block.start) + 1:len(text) if right == -1 else right].strip()
    closer = _EMPHASIS_END.search(raw)
    return closer is not None and raw.startswith(closer.group()) and len(raw) > 2 * len(closer.group())


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
