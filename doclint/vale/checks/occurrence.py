"""`occurrence`: a token may appear at most `max` (at least `min`) times per scope."""
from __future__ import annotations

import re

from doclint.vale.checks.base import Alert, Check, format_message

# Each ASCII byte as a word character (`a`) or not (a space): in ASCII text a word run
# (`\w+`, `\b(\w+)\b`) is a run of `a` there, and starts at each ` a` or at the start.
_WORD_BYTES = bytes(ord("a") if chr(i).isascii() and (chr(i).isalnum() or chr(i) == "_") else ord(" ")
                    for i in range(256))


def word_runs(text: str) -> int:
    """The number of maximal runs of word characters in ASCII `text`: the number of
    matches of `\\w+` (or `\\b(\\w+)\\b`) there, counted in C without a match."""
    marked = text.encode("ascii").translate(_WORD_BYTES)
    return marked.count(b" a") + marked.startswith(b"a")


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
        # A token that matches exactly the runs of word characters (`\b(\w+)\b`, the
        # usual sentence-length token) is counted in ASCII text by word_runs.
        self.words = _word_runs_token(self.pattern)

    def count(self, text: str) -> int:
        if self.words and text.isascii():
            return word_runs(text)
        if self.never_empty:
            return len(self.pattern.findall(text))
        return sum(1 for m in self.pattern.finditer(text) if m.end() > m.start())

    def run(self, view, state):
        high, low = self.max, self.min
        if self.words and high > 0 and low <= 0 and self.scope.sentence and not view.has_segments(self.scope):
            segments = self._long_blocks_sentences(view, high)
        else:
            segments = view.segments(self.scope)
        texts = [seg.text for seg in segments]
        if self.words:
            counts = map(self.count, texts)
        else:
            # Counted in C (findall and len mapped over the texts) when the token never
            # matches empty text: a document has thousands of sentences.
            counts = map(len, map(self.pattern.findall, texts)) if self.never_empty else map(self.count, texts)
        for seg, count in zip(segments, counts):
            if (high > 0 and count > high) or (low > 0 and count < low):
                # No match to point at (too few): Vale reports the scope's start.
                first = next((m for m in self.pattern.finditer(seg.text) if m.end() > m.start()), None)
                a, b = first.span() if first is not None else (0, 0)
                yield Alert(seg.start(a), seg.end(b) if b > a else seg.start(a), format_message(self.message))

    def _long_blocks_sentences(self, view, high: int) -> list:
        """The sentences of the blocks that may hold one of more than `high` words, in
        the order `view.segments` gives them; the others are not split. A sentence's
        word runs are each part of a different word run of its block (a run cut at the
        sentence's edge is still one run of the block), so a sentence never has more
        than its block: an ASCII block of at most `high` runs has no sentence over."""
        scope = self.scope
        out: list = []
        for index, block in enumerate(view.blocks):
            if scope.exclude and not scope.takes(block):
                continue
            text = block.segment.text
            if text.isascii() and word_runs(text) <= high:
                continue
            out.extend(view.sentences_of(index))
        return out


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


def _word_runs_token(pattern) -> bool:
    """Whether a stdlib pattern is `\\w+`, greedy, in groups without flags and with `\\b`
    on either side or none (`\\b(\\w+)\\b`, `(\\w+)`, `\\b\\w+\\b`): in ASCII text its
    matches are then exactly the maximal runs of [A-Za-z0-9_], whatever its flags.
    (Searching from a match's end, or from the start, the first word character found
    begins a run, so a `\\b` before it holds; greedy `\\w+` takes the whole run, so a
    `\\b` after it holds; a lazy `\\w+?` would take one character and is not accepted.)"""
    if not isinstance(pattern, re.Pattern):
        return False
    try:
        from re import _constants as const
        from re import _parser as parser

        items = list(parser.parse(pattern.pattern, pattern.flags))
    except (re.error, ImportError, AttributeError):
        return False
    while True:
        while items and items[0] == (const.AT, const.AT_BOUNDARY):
            items = items[1:]
        while items and items[-1] == (const.AT, const.AT_BOUNDARY):
            items = items[:-1]
        if len(items) != 1:
            return False
        op, arg = items[0]
        if op is const.SUBPATTERN and arg[1] == 0 and arg[2] == 0:
            items = list(arg[3])
            continue
        return (op in (const.MAX_REPEAT, const.POSSESSIVE_REPEAT) and arg[0] == 1 and arg[1] == const.MAXREPEAT
                and list(arg[2]) == [(const.IN, [(const.CATEGORY, const.CATEGORY_WORD)])])
