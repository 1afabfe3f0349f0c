"""`pattern` kind: phrases or regexes that must not appear in prose."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import regex

from doclint.core.finding import Hit
from doclint.core.kind import Kind
from doclint.core.textmatch import DEFAULT_TIMEOUT, compile_alternation, iter_block_matches


class PatternKind(Kind):
    """Report every match of `phrases` (literal, word-bounded) or `patterns` (regexes)
    in prose, unless the match lies inside a match of one of the `exceptions` regexes."""

    name = "pattern"

    @dataclass(frozen=True)
    class Options:
        phrases: tuple[str, ...] = ()
        patterns: tuple[str, ...] = ()
        ignore_case: bool = True
        exceptions: tuple[str, ...] = ()
        timeout: float = DEFAULT_TIMEOUT

        def __post_init__(self) -> None:
            if not self.phrases and not self.patterns:
                raise ValueError("a pattern rule needs 'phrases' or 'patterns'")
            if self.timeout <= 0:
                raise ValueError("'timeout' must be a positive number of seconds")
            compiled = compile_alternation(list(self.phrases), list(self.patterns), self.ignore_case)
            excepted = compile_alternation([], list(self.exceptions), self.ignore_case)
            object.__setattr__(self, "compiled", compiled)
            object.__setattr__(self, "excepted", excepted)

    def check(self, doc) -> Iterable[Hit]:
        opts = self.options
        for match in iter_block_matches(opts.compiled, doc, opts.timeout):
            if opts.excepted is not None and self._excepted(doc.masked, match):
                continue
            yield Hit(match.start(), match.end(), {"match": match.group()})

    def _excepted(self, text: str, match: "regex.Match") -> bool:
        # Look at the whole line around the match: exceptions are usually longer phrases.
        left = text.rfind("\n", 0, match.start()) + 1
        right = text.find("\n", match.end())
        right = len(text) if right == -1 else right
        for exc in self.options.excepted.finditer(text, left, right, timeout=self.options.timeout):
            if exc.start() <= match.start() and match.end() <= exc.end():
                return True
        return False
