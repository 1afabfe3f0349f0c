"""Whether a line opens a new sentence: a listed starter word, or a capitalised word
that the same document also writes in lower case (a common word, not a name)."""
from __future__ import annotations

import re

from doclint.core.document import Document
from doclint.families.truncation.wrapbreaks import opening_word

_FIRST_WORD = re.compile(r"[^\W\d_]+")
_LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z][a-z']*")
# A capitalised word inside a sentence, after a lower-case word or a comma: a name.
_MID_CAPITAL = re.compile(r"[a-z,][ \t]+([A-Z][a-z']*)\b")


class Openings:
    """Sentence openings in one document. "Using a" + "Node installer" on the next line
    is one sentence; "moves to" + "Each rule has" is a cut, since "each" is a word the
    document writes in lower case and never capitalises inside a sentence ("Clang",
    written "clang" as a command, is a name). The words are collected once, and only
    when a line needs them."""

    def __init__(self, doc: Document, starters: frozenset[str]) -> None:
        self.doc = doc
        self.starters = starters
        self._common: frozenset[str] | None = None

    def common_words(self) -> frozenset[str]:
        if self._common is None:
            masked = self.doc.masked
            names = {w.lower() for w in _MID_CAPITAL.findall(masked)}
            self._common = frozenset(set(_LOWER_WORD.findall(masked)) - names)
        return self._common

    def at(self, offset: int | None) -> bool:
        if offset is None:
            return False
        m = _FIRST_WORD.match(self.doc.masked, offset)
        if m is None:
            return False
        if m.group().lower() in self.starters:
            return True
        word = opening_word(self.doc.text, offset)
        return word is not None and word.lower() in self.common_words()
