"""`occurrence`: a token may appear at most `max` (at least `min`) times per scope."""
from __future__ import annotations

from doclint.vale.checks.base import Alert, Check, format_message


class Occurrence(Check):
    KEYS = frozenset({"token", "max", "min", "ignorecase"})

    def __init__(self, name, data, path, accepted, word_template="") -> None:
        super().__init__(name, data, path, accepted, word_template)
        self.max = int(data.get("max") or 0)
        self.min = int(data.get("min") or 0)
        self.pattern = self.compile("(?:" + str(data.get("token", "")) + ")", "token",
                                    bool(data.get("ignorecase")))

    def run(self, view, state):
        for seg in view.segments(self.scope):
            matches = [m for m in self.pattern.finditer(seg.text) if m.end() > m.start()]
            count = len(matches)
            if (self.max > 0 and count > self.max) or (self.min > 0 and count < self.min):
                # No match to point at (too few): Vale reports the scope's start.
                a, b = (matches[0].span() if matches else (0, 0))
                yield Alert(seg.start(a), seg.end(b) if b > a else seg.start(a), format_message(self.message))
