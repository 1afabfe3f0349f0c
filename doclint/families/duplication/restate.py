"""Restatements: a sentence that says again what one of the sentences just before it said."""
from __future__ import annotations

import re
from typing import Callable, Iterator

from doclint.core.finding import Hit
from doclint.core.restatement import MIN_CONTENT, PREFIX, STOPWORDS, stem
from doclint.families.duplication.fingerprint import ENDED, quote
from doclint.families.duplication.nearmatch import similarity

# Sentences with a blank line between them stand in different paragraphs.
_BLANK_LINE = re.compile(r"\n[ \t>]*\n")


class _WordTable(dict):
    """normalised word -> compute(word), computed on first lookup and kept (cleared past
    100,000 words), so that a sentence's values are one C-level map of dict lookups."""

    def __init__(self, compute: Callable[[str], str]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, word: str) -> str:
        if len(self) > 100_000:
            self.clear()
        value = self[word] = self.compute(word)
        return value


def _content_stem(word: str) -> str:
    """The stem of a normalised word, or "" when it is not a content word."""
    skip = word in STOPWORDS or (len(word) < 3 and not word.isdigit()) or word[0] == "`"
    return "" if skip else stem(word)


_stem_of = _WordTable(_content_stem).__getitem__
# The first PREFIX letters of a word's stem ("" for a word that is not a content word).
_head_of = _WordTable(lambda word: _stem_of(word)[:PREFIX]).__getitem__


def _stems(words: list[str]) -> list[str]:
    """content_stems() for already normalised words, with a bounded stem cache."""
    seen = dict.fromkeys(map(_stem_of, words))
    seen.pop("", None)
    return list(seen)


def _score(wanted: list[str], others: set[str], prefixes: set[str]) -> float:
    if not wanted:
        return 0.0
    found = sum(1 for s in wanted if s in others or (len(s) >= PREFIX and s[:PREFIX] in prefixes))
    return found / max(len(wanted), MIN_CONTENT)


class _Seen:
    """A comparable sentence with what the pair test needs: the heads of its stems
    and its count of content words at once (a few C-level passes), its stems only when
    a pair passes _bound."""

    __slots__ = ("start", "end", "words", "code", "content", "heads", "_stems", "_prefixes")

    def __init__(self, start: int, end: int, words: list[str], code: int) -> None:
        self.start, self.end, self.words, self.code = start, end, words, code
        heads = list(map(_head_of, words))
        # Content words, repeats included: never fewer than the sentence's stems.
        self.content = len(heads) - heads.count("")
        # Every stem's first PREFIX letters (the whole stem when shorter): a stem of
        # another sentence can match only when its head is among them (see _bound).
        self.heads = set(heads)
        self.heads.discard("")
        self._stems: list[str] | None = None
        self._prefixes: set[str] | None = None

    @property
    def stems(self) -> list[str]:
        if self._stems is None:
            self._stems = _stems(self.words)
        return self._stems

    @property
    def stem_set(self) -> set[str]:
        return set(self.stems)  # only for the few pairs that pass _bound

    @property
    def prefixes(self) -> set[str]:
        if self._prefixes is None:
            self._prefixes = {s[:PREFIX] for s in self.stems if len(s) >= PREFIX}
        return self._prefixes


def _bound(wanted: _Seen, other: _Seen) -> float:
    """An upper bound of _score(wanted.stems, other.stem_set, other.prefixes), from set
    operations in C: a matching stem has its head among `other`'s heads, so each head of
    `wanted` missing there stands for at least one stem that does not match; and the
    share found can only grow with the number of stems, which is at most `content`."""
    count = wanted.content
    if not count:
        return 0.0
    return (count - len(wanted.heads - other.heads)) / max(count, MIN_CONTENT)


# A pair that differs in negation ("Don't use X" / "It's OK to use X"), or whose second
# sentence marks addition or contrast, adds or opposes content rather than restating it.
_NEGATIONS = frozenset("not no never cannot nor without".split())
_MARKERS = frozenset("also too instead but however whereas unlike otherwise only other".split())
# A sentence that opens by saying it explains or turns round the one before ("That is,
# ...", "Conversely, ...", "More accurately, ...") restates it on purpose.
_OPENERS = (("that", "is"), ("i.e",), ("in", "other", "words"), ("conversely",), ("likewise",),
            ("similarly",), ("more", "accurately"), ("more", "precisely"), ("namely",), ("and", "conversely"))
# Reworded means the word order changed too: above this ordered similarity a pair is a
# template sentence filled differently ("To embed X videos, use the x shortcode").
TEMPLATE_SIMILARITY = 0.5
MIN_FIRST_CONTENT = 5  # content words the earlier sentence needs for the rule


def _negated(words: list[str]) -> bool:
    return any(w in _NEGATIONS or w.endswith("n't") for w in words)


def _restates(first: _Seen, second: _Seen, cutoff: float, first_ended: bool) -> float:
    """The restatement score of a neighbouring pair, or 0.0 when it is not one.

    After a cut-off sentence the rewrite may add words of its own (it need repeat only
    `cutoff` * 0.7 of its own words); after a complete one, two versions of one
    statement left in place cover each other at `cutoff` both ways, while a sentence
    that takes the point further ("The assigned operand is evaluated first, followed
    by ...") brings words the first did not have."""
    back = cutoff if first_ended else cutoff * 0.7
    if first.content < MIN_FIRST_CONTENT or first.code or second.code:
        return 0.0  # sentences with inline code are parallel instructions, not rewordings
    if _bound(first, second) < cutoff or _bound(second, first) < back:
        return 0.0
    if len(first.stems) < MIN_FIRST_CONTENT:
        return 0.0
    score = _score(first.stems, second.stem_set, second.prefixes)
    if score < cutoff or _score(second.stems, first.stem_set, first.prefixes) < back:
        return 0.0
    if _negated(first.words) != _negated(second.words) or _MARKERS.intersection(second.words):
        return 0.0
    if any(tuple(second.words[:len(opener)]) == opener for opener in _OPENERS):
        return 0.0
    if similarity(first.words, second.words, TEMPLATE_SIMILARITY) >= TEMPLATE_SIMILARITY:
        return 0.0
    return score


def iter_restatements(doc, opts, comparable) -> Iterator[Hit]:
    """Hits for sentences that restate one of the `opts.window` comparable sentences
    before them, never across a blank line; `comparable` holds (start, end, words,
    block kind, code tokens) tuples. A rewording left in place stays in its paragraph
    (or on the next line, in a text written one sentence per line); sentences of
    paragraphs or definitions apart that share their words are parallel entries ("Run
    additional, stricter style checks." / "Run additional, slower style checks ...")
    or a point taken up again on purpose."""
    text = doc.text
    recent: list[_Seen] = []
    for start, end, words, _, code in comparable:
        current = _Seen(start, end, words, code)
        if recent and _BLANK_LINE.search(text, recent[-1].end, start):
            recent.clear()
        for earlier in reversed(recent):
            ended = bool(ENDED.search(text, earlier.start, earlier.end))
            if ended and not opts.after_complete:
                continue  # a draft left beside its rewrite is cut off (see the rule's docs)
            score = _restates(earlier, current, opts.cutoff, ended)
            if not score:
                continue
            line, _ = doc.position(earlier.start)
            yield Hit(start, end, {"score": f"{score:.0%}", "where": f"line {line}",
                                   "quote": quote(doc.plain(earlier.start, earlier.end))},
                      related=(doc.location(earlier.start),))
            break
        recent.append(current)
        if len(recent) > opts.window:
            recent.pop(0)
