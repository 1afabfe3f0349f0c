"""`existence`: report every match of the rule's tokens (or raw regex)."""
from __future__ import annotations

from doclint.vale.checks.base import Check, as_list, is_match
from doclint.vale.regexes import alternation, first_chars, lookahead, union


class Existence(Check):
    KEYS = frozenset({"tokens", "raw", "exceptions", "ignorecase", "nonword", "append", "vocab"})

    def __init__(self, name, data, path, accepted, word_template="") -> None:
        super().__init__(name, data, path, accepted, word_template)
        tokens = [t for t in as_list(data.get("tokens")) if t.strip()]
        raw = "".join(as_list(data.get("raw")))
        nonword = bool(data.get("nonword"))
        # Vale's vocabulary is a list of accepted words: for nonword tokens (arbitrary
        # spans) it would excuse any match that merely contains one, so it stays out.
        vocab = bool(data.get("vocab", True)) and not nonword
        exceptions = as_list(data.get("exceptions"))
        self.excepted = self.exceptions_regex(exceptions, accepted if vocab else [])
        self.phrases = self.exceptions_regex([e for e in exceptions if " " in e], [])
        # Tokens grouped behind lookaheads for their first characters, and the whole
        # alternation behind their union (see `alternation`).
        ignore_case = bool(data.get("ignorecase"))
        firsts = [first_chars(t, ignore_case) for t in tokens]
        body = self.template(alternation(tokens, firsts), nonword) if tokens else ""
        # Vale puts `raw` before the tokens, or after them with `append: true`; a match
        # starts with one of the first characters of whichever comes first.
        append = bool(data.get("append"))
        pattern = body + raw if append else raw + body
        starts = union(firsts) if tokens and (append or not raw) else first_chars(raw, ignore_case)
        self.pattern = self.compile(lookahead(starts) + pattern, "tokens" if tokens else "raw", ignore_case)
        self.scanner = self.scanner_of(self.pattern, starts, nonword)

    def run(self, view, state):
        for seg in view.segments(self.scope):
            text = seg.text
            for m in self.scanner.finditer(text):
                if m.end() == m.start():
                    continue
                observed = m.group().strip()
                if is_match(self.excepted, observed) or _within(self.phrases, text, m.start(), m.end()):
                    continue
                a, b = seg.start(m.start()), seg.end(m.end())
                yield self.alert(a, b, m.group(), fix=self.action_fix(a, b, [], b - a == m.end() - m.start()))


def _within(phrases, text: str, start: int, end: int) -> bool:
    """Whether a multi-word exception in the text covers the match."""
    if phrases is None:
        return False
    return any(p.start() <= start and end <= p.end() for p in phrases.finditer(text))
