"""`consistency`: of each `either` pair, only one form may appear in a document."""
from __future__ import annotations

import re
import warnings

import regex

from doclint.core.problems import ConfigError
from doclint.vale.checks.base import Check
from doclint.vale.regexes import fast_compile, prefiltered, translate


class Consistency(Check):
    KEYS = frozenset({"either", "ignorecase", "nonword"})

    def __init__(self, name, data, path, accepted, word_template="") -> None:
        super().__init__(name, data, path, accepted, word_template)
        either = data.get("either") or {}
        if not isinstance(either, dict):
            raise ConfigError(path, "'either' must be a mapping of one form: the other form")
        ignore_case = bool(data.get("ignorecase"))
        self.pairs = []
        bodies = []
        for first, second in either.items():
            try:
                body = f"(?P<a>{translate(str(first))})|(?P<b>{translate(str(second))})"
                # Behind a lookahead for the characters a match can start with: a
                # pair is tried only where one of its words can begin.
                pattern = prefiltered(self.template(body, bool(data.get("nonword"))), ignore_case)
                self.pairs.append(fast_compile(pattern, ignore_case))
                bodies.append(self.template(f"(?:{translate(str(first))})|(?:{translate(str(second))})",
                                            bool(data.get("nonword"))))
            except (ValueError, regex.error) as exc:
                raise ConfigError(path, f"'either': cannot use {first!r}: {exc}") from None
        self.any_pair = _any_of(bodies, ignore_case) if all(isinstance(p, re.Pattern) for p in self.pairs) else None

    def run(self, view, state):
        # Which forms of each pair the document has used so far, in reading order: the
        # finding stands on the block where the second form first shows up.
        seen = state.setdefault(self.name, [set() for _ in self.pairs])
        any_pair = self.any_pair
        for seg in view.segments(self.scope):
            if any_pair is not None and any_pair.search(seg.text) is None:
                continue  # no pair matches here: one search instead of one per pair
            for i, pattern in enumerate(self.pairs):
                last = None
                for m in pattern.finditer(seg.text):
                    seen[i].add(m.lastgroup)
                    last = m
                if last is not None and seen[i] == {"a", "b"}:
                    yield self.alert(seg.start(last.start()), seg.end(last.end()), last.group())


# An inline flag group: in one alternation of every pair it could reach past its own
# pair, so such pairs are not joined.
_FLAGS = re.compile(r"\(\?[a-zA-Z^-]+[:)]")


def _any_of(bodies: list[str], ignore_case: bool) -> re.Pattern | None:
    """One pattern that matches wherever any pair does (each pair's alternatives, without
    their group names), or None when the pairs cannot be joined safely. Only pairs the
    stdlib `re` reads are joined, by `re` too, so that both read them the same way."""
    if len(bodies) < 2 or any(_FLAGS.search(b) or "(?P" in b for b in bodies):
        return None
    flags = re.MULTILINE | (re.IGNORECASE if ignore_case else 0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # `[[` in a class: literal, as for each pair
            return re.compile(prefiltered("|".join(f"(?:{b})" for b in bodies), ignore_case), flags)
    except re.error:
        return None
