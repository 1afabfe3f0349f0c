"""Prose right before a block: the signs that it introduces or continues around it."""
from __future__ import annotations

import re

from doclint.core.document import Document
from doclint.families.truncation.endings import Ending

# Lead-ins that announce the block in words instead of with a colon: not cut.
_ANNOUNCES = re.compile(r"\b(?:as follows|the following|below|for example|for instance|"
                        r"e\.g|i\.e|like this|like so)\W*\Z", re.I)


def continues_around_block(doc: Document, e: Ending) -> bool:
    """A paragraph that opens in lower case after a block carries on the sentence
    around it ("is equivalent to" between two code examples): it is not cut."""
    first = doc.masked[e.block.start:e.block.start + 1]
    return first.isalpha() and first.islower()


def announces(tail: str) -> bool:
    """"... as follows", "for example": the words themselves introduce the block."""
    return bool(_ANNOUNCES.search(tail[-40:]))
