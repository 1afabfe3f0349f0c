"""`occurrence`: a token may appear at most `max` (at least `min`) times per scope."""
from __future__ import annotations

import re

from doclint.vale.checks.base import Alert, Check, format_message


class Occurrence(Check):
    KEYS = frozenset({"token", "max", "min", "ignorecase"})

    def __init__(self, name, data, path, accepted, word_template="") -> None:
        super().__init__(name, data, path, accepted, word_template)
        self.max = int(data.get("max") or 0)
        self.min = int(data.get("min") or 0)
        self.pattern = self.compile("(?:" + str(data.get("token", "")) + ")", "token",
                                    bool(data.get("ignorecase")))
        # A token that never matches empty text is counted by findall in C, without a
        # match object per word; an empty match is no occurrence, so others are counted
        # one match at a time.
        self.never_empty = _never_empty(self.pattern)

    def count(self, text: str) -> int:
        if self.never_empty:
            return len(self.pattern.findall(text))
        return sum(1 for m in self.pattern.finditer(text) if m.end() > m.start())

    def run(self, view, state):
        segments = view.segments(self.scope)
        # Counted in C (findall and len mapped over the texts) when the token never
        # matches empty text: a document has thousands of sentences.
        texts = [seg.text for seg in segments]
        counts = map(len, map(self.pattern.findall, texts)) if self.never_empty else map(self.count, texts)
        high, low = self.max, self.min
        for seg, count in zip(segments, counts):
            if (high > 0 and count > high) or (low > 0 and count < low):
                # No match to point at (too few): Vale reports the scope's start.
                first = next((m for m in self.pattern.finditer(seg.text) if m.end() > m.start()), None)
                a, b = first.span() if first is not None else (0, 0)
                yield Alert(seg.start(a), seg.end(b) if b > a else seg.start(a), format_message(self.message))


def _never_empty(pattern) -> bool:
    """Whether a stdlib pattern's shortest match is at least one character long (the
    `regex` module does not tell; its patterns are counted one match at a time)."""
    if not isinstance(pattern, re.Pattern):
        return False
    try:
        from re import _parser as parser  # the stdlib's own parser (sre_parse)

        return parser.parse(pattern.pattern, pattern.flags).getwidth()[0] > 0
    except (re.error, ImportError, AttributeError):
        return False
