"""Citations and reference markers: a cited sentence states no unsupported claim, and
a document that carries markers is held to an encyclopedia's standard."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from doclint.core.textmatch import DEFAULT_TIMEOUT, compile_alternation
from doclint.families.claims.prefilter import anchored, matcher_leads
from doclint.families.claims.regexread import required_marks

if TYPE_CHECKING:
    from doclint.families.claims.text import ClaimText

# A marker right after the sentence belongs to it (a reader may leave "[^1]" outside).
_TAIL = re.compile(r"[ \t]{0,2}(?:\[[^\[\]\n]{1,30}\]|<ref\b[^\n]{0,200}|\{\{[^\n]{0,200})")


class Citations:
    """The citation patterns of a rule, and whether a sentence carries one. A sentence
    holding none of the marks every citation needs ("[", "<ref", "(" ...) is not
    searched; a pattern whose matches start with one of a few marks is tried only where
    they stand, pattern by pattern, until one matches (most cited sentences end on
    "[12]", found at once)."""

    def __init__(self, patterns) -> None:
        self.compiled = compile_alternation([], list(patterns), False)
        marks: set[str] = set()
        for pattern in patterns:
            needed = required_marks(pattern)
            if needed is None:
                marks = set()
                break
            marks |= needed
        # Lower-case marks, looked for in the case-folded sentence (as `re.I` would), in
        # one search.
        self.marks = re.compile("|".join(re.escape(m) for m in sorted(marks))) if marks else None
        # Each pattern on its own, with the lower-case marks its matches start with.
        self.parts = []
        for pattern in patterns:
            matcher = compile_alternation([], [pattern], False)
            self.parts.append((matcher, matcher_leads(matcher)))

    def __call__(self, doc, start: int, end: int) -> bool:
        if self.compiled is None:
            return False
        text = doc.text
        stop = end
        near = text[end:end + 3]
        if "[" in near or "<" in near or "{" in near:  # what a tail marker starts with
            tail = _TAIL.match(text, end)
            stop = tail.end() if tail else end
        low = text[start:stop].casefold()
        if len(low) != stop - start:  # a character that folds to two: offsets would drift
            return self.compiled.search(text, start, stop) is not None
        if self.marks is not None and self.marks.search(low) is None:
            return False
        for matcher, lead in self.parts:
            if lead is None:
                if matcher.search(text, start, stop) is not None:
                    return True
                continue
            part, timed, leads = lead
            for word in leads:
                at = low.find(word)
                while at != -1:
                    found = (part.match(text, start + at, stop, timeout=DEFAULT_TIMEOUT) if timed
                             else part.match(text, start + at, stop))
                    if found is not None:
                        return True
                    at = low.find(word, at + 1)
        return False


def cited(citations: Citations, doc, start: int, end: int) -> bool:
    return citations(doc, start, end)


class References:
    """Does a document carry at least `least` reference markers in its prose (an
    encyclopedic register)? Worked out once per document for every rule with the same
    markers (DL302 and DL304 ask alike), and looked for only where a marker can start
    ("[", "<ref", "{{"): a speech or a manual holds none, and is not scanned."""

    def __init__(self, patterns, least: int) -> None:
        self.compiled = compile_alternation([], list(patterns), False)
        self.leads = matcher_leads(self.compiled) if self.compiled is not None else None
        self.least = least
        self.key = ("references", tuple(patterns), least)

    def __call__(self, doc, ct: "ClaimText") -> bool:
        found = ct.analyses.get(self.key)
        if found is None:
            found = ct.analyses[self.key] = self._count(doc, ct) >= self.least
        return found

    def _count(self, doc, ct: "ClaimText") -> int:
        if self.compiled is None:
            return 0
        masked = doc.masked  # prose only: "a[0]" in code cites nothing
        if self.leads is not None and ct.lower_ok:
            matches = anchored(*self.leads, masked, ct.lower, 0, len(masked), DEFAULT_TIMEOUT, window=4096)
        else:
            matches = self.compiled.finditer(masked)
        count = 0
        for _ in matches:
            count += 1
            if count >= self.least:
                break
        return count
