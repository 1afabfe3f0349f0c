"""Line breaks inside a hard-wrapped paragraph that a wrapper did not make.

A text wrapper breaks a line only when the next word would not fit. So in a
hard-wrapped paragraph a line that stops early, without terminal punctuation, before a
line that opens like a sentence, was broken by hand: either a semantic line break (a
style that still ends every sentence with punctuation) or a sentence cut off in the
middle of the paragraph. These are the candidates; the rule weighs their last words.
"""
from __future__ import annotations

import re
from typing import Iterator

# "Each rule has", "By default,", "It was": a capitalised word (not an acronym or a
# Title Case name such as "User Guide") followed by a lowercase word or a comma.
# Hand-wrapped text breaks a little before the widest line; a break counts as early
# only when the next word would have fit with this many characters to spare.
SLACK = 8
_SENTENCE_OPENING = re.compile(r"([A-Z][a-z']*)(?:,|[ \t]+[a-z(\"\u201c])")


def wrap_width(text: str, start: int, end: int) -> int:
    """The longest source line of the block [start, end): its wrap width."""
    width = 0
    left = text.rfind("\n", 0, start) + 1
    while left <= end:
        right = text.find("\n", left)
        right = len(text) if right == -1 else right
        width = max(width, len(text[left:right].rstrip()))
        left = right + 1
    return width


def opening_word(text: str, offset: int) -> str | None:
    """The first word at `offset` when what follows reads as the start of a sentence."""
    m = _SENTENCE_OPENING.match(text, offset)
    return m.group(1) if m else None


def early_breaks(text: str, masked: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(line end, next line's first character) for each line break of the block
    [start, end) that a wrapper would not have made: the next line's first word would
    have fit on this line with room to spare, and the next line opens like a
    sentence."""
    width = -1  # measured at the first candidate: most breaks are followed by lower case
    pos = masked.find("\n", start, end)
    while pos != -1:
        # The raw text decides: a line that opens with a link or a role ("`Sphinx
        # project <...>`__") is not a sentence opening even if its text is.
        after = pos + 1
        while after < end and text[after] in " \t":
            after += 1
        word = opening_word(text, after)
        # "I" is capitalised anywhere in a sentence, so it shows no sentence start.
        if word is not None and word != "I":
            if width < 0:
                width = wrap_width(text, start, end)
            line_left = text.rfind("\n", 0, pos) + 1
            if len(text[line_left:pos].rstrip()) + 1 + len(word) + SLACK <= width:
                yield pos, after
        pos = masked.find("\n", pos + 1, end)
