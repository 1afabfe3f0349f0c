"""`repetition`: the same token twice in a row ("the the")."""
from __future__ import annotations

from itertools import islice
from operator import eq

from doclint.vale.checks.base import Check, as_list, is_match


class Repetition(Check):
    KEYS = frozenset({"tokens", "max", "ignorecase", "alpha", "exceptions", "vocab"})

    def __init__(self, name, data, path, accepted, word_template="") -> None:
        super().__init__(name, data, path, accepted, word_template)
        self.max = int(data.get("max") or 0)
        self.ignore_case = bool(data.get("ignorecase"))
        self.alpha = bool(data.get("alpha"))
        vocab = bool(data.get("vocab", True))
        self.excepted = self.exceptions_regex(as_list(data.get("exceptions")), accepted if vocab else [])
        self.pattern = self.compile("(" + "|".join(as_list(data.get("tokens"))) + ")", "tokens",
                                    self.ignore_case)

    def run(self, view, state):
        from doclint.core.segment import split_sentences

        for seg in view.segments(self.scope):
            text = seg.text
            if not self._may_repeat(text):
                continue
            prev, prev_span, count = "", None, 0
            for m in self.pattern.finditer(text):
                curr = m.group().strip()
                same = curr.casefold() == prev.casefold() if self.ignore_case else curr == prev
                hit = bool(curr) and same and (not self.alpha or curr.isalpha())
                if hit:
                    count += 1
                if hit and count > self.max:
                    span = text[prev_span[0]:m.end()]
                    # Two sentences ("... about that. That is ...") are not a repetition.
                    if len(split_sentences(span)) == 1 and not is_match(self.excepted, span):
                        yield self.alert(seg.start(prev_span[0]), seg.end(m.end()), curr)
                        count = 0
                prev_span, prev = m.span(), curr

    def _may_repeat(self, text: str) -> bool:
        """Whether two matches in a row are the same: a repetition needs it, and most
        blocks have none, which C-level passes tell without a loop over every token."""
        if self.pattern.groups != 1:  # the tokens' own groups: findall gives tuples
            return True
        words = list(map(str.strip, self.pattern.findall(text)))
        if self.ignore_case:
            words = list(map(str.casefold, words))
        return any(map(eq, words, islice(words, 1, None)))
