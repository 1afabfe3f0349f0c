"""When an unpunctuated ending reads as an unfinished sentence, and when it is a title,
a tagline, a section summary, a label or code instead."""
from __future__ import annotations

import re

from doclint.core.document import Document
from doclint.families.truncation.endings import Ending, words
from doclint.families.truncation.shape import (
    first_paragraph,
    heading_near,
    line_start_char,
    sentence_like,
    word_share,
)

_CODE_STARTS = set(":#$%>|-=/\\{}<~+*")  # first characters of lines that are not prose
_LABEL = re.compile(r"\W*\w+(?:[ -]\w+){0,3}:\s")
# A pronoun or demonstrative subject first makes a line a sentence, not a tagline or
# a summary ("This guide covers ..." against "A YAML framework for Python").
_SUBJECT_FIRST = re.compile(r"\W*(?:this|these|those|it|its|we|our|you|your|they|their|"
                            r"there|he|she|i)\s", re.I)


def prose_like(doc: Document, unit: str, tail: str, e: Ending, min_words: int) -> bool:
    """Whether the unpunctuated text `tail` (in `unit`, the block or line) reads as a
    sentence that should have ended, rather than a title, tagline, label or code."""
    tail_words = words(tail)
    continued = e.start > e.block.start  # it follows a finished sentence
    if len(tail_words) < (3 if continued else min_words):
        return False
    if line_start_char(doc, e.block) in (" ", "\t"):
        return False  # an indented example
    if e.where == "block" and not continued:
        if e.block is doc.blocks[0]:
            return False  # a title the reader took for a paragraph
        if "\n" not in unit and not _SUBJECT_FIRST.match(unit) \
                and e.block is first_paragraph(doc):
            return False  # the one-line tagline under a title
        if heading_near(doc, e.block.start, -1) and heading_near(doc, e.block.end, 1) \
                and not _SUBJECT_FIRST.match(unit):
            # A section's only text: a one-line summary ("Create a trusted
            # relationship ..."), unless it opens with a subject, as a sentence does.
            return False
    if _LABEL.match(unit) and "\n" not in unit.strip():
        return False  # "Extends: substitution", "Permissions needed: admin"
    if any(line.lstrip()[:1] in _CODE_STARTS for line in unit.split("\n")) \
            or re.search(r":[ \t]*\n", tail):
        return False  # definition lists, shell lines, separators; a "label:" value
    if word_share(tail) < 0.75:
        return False  # code-like or symbol-heavy text
    return sentence_like(tail, 3)
