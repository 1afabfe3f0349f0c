"""`conditional`: `first` may appear only where `second` has appeared (acronyms defined)."""
from __future__ import annotations

from doclint.vale.checks.base import Check, as_list, is_match
from doclint.vale.checks.existence import _within
from doclint.vale.regexes import Scanner, first_chars, translate


def _has_capture_group(pattern: str) -> bool:
    return pattern.count("(") > pattern.count("(?") + pattern.count("\\(")


class Conditional(Check):
    KEYS = frozenset({"first", "second", "exceptions", "ignorecase", "vocab"})

    def __init__(self, name, data, path, accepted, word_template="") -> None:
        super().__init__(name, data, path, accepted, word_template)
        ignore_case = bool(data.get("ignorecase"))
        second = str(data.get("second", ""))
        self.second = self.compile(second, "second", ignore_case)
        # `first` is searched in every block: behind a lookahead for its first
        # characters, and scanned for them where they are few (see Scanner).
        first = str(data.get("first", ""))
        self.first = self.compile(first, "first", ignore_case, prefilter=True)
        self.first_scanner = Scanner(self.first, first_chars(translate(first), ignore_case))
        self.second_has_group = _has_capture_group(second)
        vocab = bool(data.get("vocab", True))
        exceptions = as_list(data.get("exceptions"))
        self.excepted = self.exceptions_regex(exceptions, accepted if vocab else [])
        self.phrases = self.exceptions_regex([e for e in exceptions if " " in e], [])

    def run(self, view, state):
        # What `second` has captured so far in the document (Vale's file sequences).
        defined = state.setdefault(self.name, set())
        for seg in view.segments(self.scope):
            text = seg.text
            if self.first_scanner.search(text) is None:
                continue
            if not self.second_has_group:
                if self.second.search(text):
                    continue
            else:
                for m in self.second.finditer(text):
                    defined.update(g for g in m.groups() if g)
            for m in self.first_scanner.finditer(text):
                found = m.group()
                if self.second_has_group and found in defined:
                    continue
                if is_match(self.excepted, found) or _within(self.phrases, text, m.start(), m.end()):
                    continue
                yield self.alert(seg.start(m.start()), seg.end(m.end()), found)
