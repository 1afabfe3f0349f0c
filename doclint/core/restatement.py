"""Restatement score: how much of one sentence's content a second sentence says again.

In core because two families use it: duplication reports restatements with it, and
truncation uses it to tell a cut sentence that the next one says again in full."""
from __future__ import annotations

import re

# A restatement repeats most content words of the first sentence; below this it is
# ordinary topical overlap (measured on neighbouring sentences of news and docs prose).
RESTATEMENT_THRESHOLD = 0.6

# Content words below this count are too few to judge: the score is shrunk towards 0
# so that "It failed." never "restates" a long sentence.
MIN_CONTENT = 4

# Function words plus topic-neutral prepositions ("about", "concerning") that a
# rewording swaps freely; they carry no content to repeat.
STOPWORDS = frozenset("""
a about above across after again against all also am an and any are as at be because
been before being below between both but by can could did do does doing down during
each either few for from further had has have having he her here hers him his how i if
in into is it its itself just may me might more most much must my no nor not now of
off on once only or other our ours out over own same shall she should so some such
than that the their theirs them then there these they this those through to too under
until up upon us very via was we were what when where which while who whom whose why
will with within without would you your yours concerning regarding re one two
""".split())

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
_SUFFIXES = ("ities", "ation", "ments", "ness", "ings", "ment", "ies", "ing", "ity",
             "ed", "es", "ly", "s")
PREFIX = 5  # shared leading letters that make two stems "the same word" (complicated/complexities)


def stem(word: str) -> str:
    """A light stem: lower case, possessive and one common suffix removed."""
    word = word.lower()
    if word.endswith(("'s", "\u2019s")):
        word = word[:-2]
    for suffix in _SUFFIXES:
        if len(word) - len(suffix) >= 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_stems(sentence: str) -> list[str]:
    """The stems of a sentence's content words, in order, without repeats."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(sentence):
        low = word.lower()
        if low in STOPWORDS or (len(low) < 3 and not low.isdigit()):
            continue
        seen.setdefault(stem(low), None)
    return list(seen)


def _matches(stem_: str, others: set[str], prefixes: set[str]) -> bool:
    if stem_ in others:
        return True
    # Prefix matching only for longer stems, so that short words stay exact.
    return len(stem_) >= PREFIX and stem_[:PREFIX] in prefixes


def restatement_score(first: str, second: str) -> float:
    """0..1: the share of `first`'s content words that `second` repeats (light stemming
    and prefix matching), shrunk when `first` has fewer than MIN_CONTENT content words."""
    wanted = content_stems(first)
    if not wanted:
        return 0.0
    others = set(content_stems(second))
    prefixes = {s[:PREFIX] for s in others if len(s) >= PREFIX}
    found = sum(1 for s in wanted if _matches(s, others, prefixes))
    return found / max(len(wanted), MIN_CONTENT)
