"""`consistency`: of each `either` pair, only one form may appear in a document."""
from __future__ import annotations

import regex

from doclint.core.problems import ConfigError
from doclint.vale.checks.base import Check
from doclint.vale.regexes import fast_compile, translate


class Consistency(Check):
    KEYS = frozenset({"either", "ignorecase", "nonword"})

    def __init__(self, name, data, path, accepted, word_template="") -> None:
        super().__init__(name, data, path, accepted, word_template)
        either = data.get("either") or {}
        if not isinstance(either, dict):
            raise ConfigError(path, "'either' must be a mapping of one form: the other form")
        ignore_case = bool(data.get("ignorecase"))
        self.pairs = []
        for first, second in either.items():
            try:
                body = f"(?P<a>{translate(str(first))})|(?P<b>{translate(str(second))})"
                self.pairs.append(fast_compile(self.template(body, bool(data.get("nonword"))), ignore_case))
            except (ValueError, regex.error) as exc:
                raise ConfigError(path, f"'either': cannot use {first!r}: {exc}") from None

    def run(self, view, state):
        # Which forms of each pair the document has used so far, in reading order: the
        # finding stands on the block where the second form first shows up.
        seen = state.setdefault(self.name, [set() for _ in self.pairs])
        for seg in view.segments(self.scope):
            for i, pattern in enumerate(self.pairs):
                last = None
                for m in pattern.finditer(seg.text):
                    seen[i].add(m.lastgroup)
                    last = m
                if last is not None and seen[i] == {"a", "b"}:
                    yield self.alert(seg.start(last.start()), seg.end(last.end()), last.group())
