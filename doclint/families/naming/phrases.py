"""Capitalised phrases whose initials spell an acronym: the news-style definition.

News and reports write the full name first and the bare acronym later, with no
parenthesis ("the European Space Agency launched ... the ESA said"): a reader who met
the name knows the acronym. Each run of capitalised words (joined by small function
words: "Department of Health") gives the initials of each of its stretches of two or
more capitalised words, with the offset where that stretch first occurs."""
from __future__ import annotations

import re
from weakref import WeakKeyDictionary

# Capitalised words, and the small words that may join them inside a name.
CAPITAL_RUN = re.compile(
    r"[A-Z][\w'\u2019-]*(?:(?:\s+(?:of|for|and|the|on|in|to|de|du|des|la|le|&))*\s+[A-Z][\w'\u2019-]*)+")
CAPITAL_WORD = re.compile(r"(?<![\w'\u2019-])[A-Z][\w'\u2019-]*")
MAX_WORDS = 8  # a longer run is a title or a shouted line, not one name

_BY_DOC: WeakKeyDictionary = WeakKeyDictionary()


def phrase_initials(doc) -> dict[str, int]:
    """Initials (upper case) -> offset of the first stretch of capitalised words in the
    prose of `doc` that they spell, for stretches of 2 to MAX_WORDS words."""
    cached = _BY_DOC.get(doc)
    if cached is not None:
        return cached
    masked = doc.masked
    out: dict[str, int] = {}
    for sentence in doc.sentences:
        for run in CAPITAL_RUN.finditer(masked, sentence.start, sentence.end):
            words = list(CAPITAL_WORD.finditer(run.group()))
            if len(words) > MAX_WORDS:
                continue
            for i in range(len(words) - 1):
                initials = words[i].group()[0]
                for j in range(i + 1, len(words)):
                    initials += words[j].group()[0]
                    out.setdefault(initials, run.start() + words[i].start())
    _BY_DOC[doc] = out
    return out


def initials_of(acronym: str) -> str:
    """The letters a phrase's initials must match: "ESA" and the plural "NGOs" -> "NGO"."""
    core = acronym[:-1] if acronym.endswith("s") and acronym[:-1].isupper() else acronym
    return "".join(c for c in core if c.isalpha()).upper()
