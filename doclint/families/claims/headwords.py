"""Whether a stretch of prose can hold the head of a vague source, found by one search
instead of reading the noun phrase (see cues.classify)."""
from __future__ import annotations

import re

from doclint.families.claims.lexicon import Lexicon
from doclint.families.claims.prefilter import word_trie

# What may follow the last character of a word (cues.WORD goes on over these).
_END = r"(?![\w'\u2019-])"


class HeadWords:
    """The words without one of which `cues.classify` reads no phrase as vague or as an
    anaphor: a listed head, evidence noun, quantifier or noun for people, or a word
    ending as a person does ("-ers", "-ors", "-ists", "-ians"; a singular "-ist" or
    "-ian"; in a past report "-er" and "-or" too: "one retired teacher said"). Every
    phrase `classify` reads so ends with such a word or holds one, so a stretch
    without any holds no vague source. The search is a superset: a listed word is
    found at the start of a word, an ending anywhere before a word's end."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.regexes: tuple | None = None  # compiled at the first search: start-up stays as it was

    def _compile(self) -> tuple:
        lex = self.lex
        listed = lex.heads | lex.evidence | lex.quantifiers | lex.people
        # Lower-case text, searched case-sensitively (`re` runs a trie much faster so),
        # and in two searches: the endings open on a class `re` skips to, so the two
        # take about four fifths of the time of one alternation (measured).
        self.regexes = (re.compile(rf"(?:[eo]rs|ians?|ists?){_END}"),
                        re.compile(rf"(?:[eo]rs?|ians?|ists?){_END}"),
                        re.compile(rf"(?<!\w)(?:{word_trie(listed)}){_END}") if listed else None)
        return self.regexes

    def held(self, low: str, start: int, end: int, past: bool) -> bool:
        """Does low[start:end] (case-folded prose) hold a word a vague phrase needs? The
        characters before `start` are read as context: a word going on across `start`
        is not seen as starting there."""
        present, past_endings, listed = self.regexes or self._compile()
        if (past_endings if past else present).search(low, start, end) is not None:
            return True
        return listed is not None and listed.search(low, start, end) is not None
