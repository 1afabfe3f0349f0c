"""`capitalization`: a scope (usually headings) in $title, $sentence, $lower or $upper case."""
from __future__ import annotations

from doclint.vale.checks.base import Check, as_list, is_match
from doclint.vale.checks.titlecase import title_case
from doclint.vale.regexes import fast_compile

# Vale's `[\p{N}\p{L}*]+[^\s]*`: a run of letters, digits or `*`, then up to the next space.
_WORD = r"(?:[^\W_]|\*)+\S*"


class Capitalization(Check):
    KEYS = frozenset({"match", "style", "exceptions", "indicators", "threshold", "vocab", "prefix"})

    def __init__(self, name, data, path, accepted, word_template="") -> None:
        super().__init__(name, data, path, accepted, word_template)
        self.match = str(data.get("match", "$title"))
        self.style = str(data.get("style", "AP"))
        self.indicators = as_list(data.get("indicators"))
        self.threshold = float(data.get("threshold") or 0.8)  # 0 would never trigger
        vocab = bool(data.get("vocab", True))
        self.excepted = self.exceptions_regex(as_list(data.get("exceptions")), accepted if vocab else [])
        words = _WORD if self.excepted is None else self.excepted.pattern + "|" + _WORD
        self.words = fast_compile(words)
        self.custom = None
        if self.match not in ("$title", "$sentence", "$lower", "$upper"):
            self.custom = self.compile(self.match, "match")

    def correct(self, text: str) -> bool:
        if self.match == "$lower":
            return text == text.lower() or is_match(self.excepted, text)
        if self.match == "$upper":
            return text == text.upper() or is_match(self.excepted, text)
        if self.match == "$sentence":
            return self._sentence(text)
        if self.match == "$title":
            return self._title(text)
        return self.custom.search(text) is not None or is_match(self.excepted, text)

    def _sentence(self, text: str) -> bool:
        count = words = 0
        tokens = self.words.findall(text.rstrip("?!.:"))
        for i, word in enumerate(tokens):
            prev = tokens[i - 1] if i else ""
            for mark in ("-", "'", "\u2019"):  # "Top-level", "Client's"
                if mark in word:
                    word = word.split(mark)[0]
                    break
            if word == word.upper() or any(prev.endswith(s) for s in self.indicators) \
                    or is_match(self.excepted, word):
                count += 1
            elif i == 0 and word != word.lower().capitalize():
                return False
            elif i == 0 or word == word.lower():
                count += 1
            words += 1
        return words == 0 or count / words > self.threshold

    def _title(self, text: str) -> bool:
        count = words = 0
        expected = self.words.findall(title_case(text, self.style))
        for i, word in enumerate(self.words.findall(text)):
            if i >= len(expected) or word == expected[i] or is_match(self.excepted, word) \
                    or word == word.upper():
                count += 1
            words += 1
        return words == 0 or count / words > self.threshold

    def run(self, view, state):
        for seg in view.segments(self.scope):
            if not self.correct(seg.text):
                yield self.alert(seg.start(0), seg.end(len(seg.text)), seg.text)
