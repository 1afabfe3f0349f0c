"""What a spelling rule remembers: which runs and words it has judged good or bad.

A verdict depends on the rule alone (its dictionaries, filters and the configuration's
vocabulary), never on the document, and most words repeat, so each distinct run is
judged once per process. Runs and words are kept in sets, so that a document's runs
are sorted into known good, known bad and new by set operations in C, not by a Python
loop over every word; only new words reach the filters and the dictionary."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import repeat

# Verdicts a rule remembers, at most: a corpus of random tokens (hashes, IDs) must not
# grow the process without end; past this many the memory starts afresh.
LIMIT = 200_000


class Verdicts:
    """Good and bad runs (words with the punctuation around them) and words."""

    def __init__(self, lead: str, trail: str, limit: int = LIMIT) -> None:
        self.lead, self.trail, self.limit = lead, trail, limit
        self.good_runs: set[str] = set()
        self.bad_runs: set[str] = set()
        self.good_words: set[str] = set()
        self.bad_words: set[str] = set()

    def __len__(self) -> int:
        return len(self.good_runs) + len(self.bad_runs) + len(self.good_words) + len(self.bad_words)

    def forget(self) -> None:
        for known in (self.good_runs, self.bad_runs, self.good_words, self.bad_words):
            known.clear()

    def bad(self, runs: set[str], judge: Callable[[set[str]], Iterable[str]]) -> set[str]:
        """The runs whose word is bad; `judge(words)` names the bad ones among words
        never seen before."""
        new = runs - self.good_runs - self.bad_runs
        if new:
            self._learn(new, judge)
        return runs & self.bad_runs

    def _learn(self, runs: set[str], judge) -> None:
        if len(self) + 2 * len(runs) > self.limit:
            self.forget()
        ordered = list(runs)
        # The word of each run: the run less the punctuation around it.
        words = list(map(str.rstrip, map(str.lstrip, ordered, repeat(self.lead)), repeat(self.trail)))
        unseen = set(words) - self.good_words - self.bad_words
        if unseen:
            bad = set(judge(unseen))
            self.bad_words |= bad
            self.good_words |= unseen - bad
        bad_words = self.bad_words
        bad_runs = {run for run, word in zip(ordered, words) if word in bad_words}
        self.bad_runs |= bad_runs
        self.good_runs |= runs - bad_runs
