"""The counts Vale's `metric` formulas use: words, sentences, syllables and friends."""
from __future__ import annotations

import re
from collections import Counter

from doclint.vale.sentences import sentence_count

_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['\u2019-][A-Za-z\u00c0-\u024f]+)*|\d+(?:[.,]\d+)*")
_VOWELS = re.compile(r"[aeiouy]+")
# Endings whose final vowel group is silent or merges with the one before.
_SILENT_E = re.compile(r"(?:[^aeiouy]e|[^aeiouy]es|[^aeiouytd]ed)$")
_EXTRA = re.compile(r"(?:[^aeiouy]le|ia|io[^n]|ua|eo)")


def syllables(word: str) -> int:
    """An English syllable estimate: vowel groups, less a silent final e, plus vowel pairs
    that split (ia, eo); at least one."""
    word = word.lower().strip("'\u2019")
    if not word or word.isdigit():
        return 1
    return _estimate(word)


def _estimate(word: str) -> int:
    """syllables() of a word in lower case, not empty, with no apostrophe at its ends
    and not all digits (a word of ASCII letters is one already, once lowered)."""
    count = len(_VOWELS.findall(word))
    # The silent-e test only for the endings it can match (e, es, ed): most words skip it.
    if (word[-1] in "eds" and len(word) > 2 and word.endswith(_E_ENDINGS) and _SILENT_E.search(word)
            and not word.endswith(("le", "les"))):
        count -= 1
    if word.endswith("le") or "ia" in word or "eo" in word:
        count += len(_EXTRA.findall(word))
    return max(1, count)


_E_ENDINGS = ("e", "es", "ed")


def _complex(word: str, count: int) -> bool:
    """Gunning fog's complex word: three or more syllables, not a proper noun, not made
    complex only by -es, -ed or -ing, not hyphenated."""
    if count < 3 or word[:1].isupper() or "-" in word:
        return False
    if not word.endswith(("es", "ed", "ing")):  # most words: no suffix to test
        return True
    for suffix in ("es", "ed", "ing"):
        if word.endswith(suffix) and syllables(word[: -len(suffix)]) < 3:
            return False
    return True


# The names a formula may use.
_NAMES = ("words", "sentences", "characters", "syllables", "complex_words", "long_words",
          "polysyllabic_words", "paragraphs", "pre", "list", "blockquote", *(f"heading_h{i}" for i in range(1, 7)))
COUNTS = frozenset(_NAMES)


def document_counts(view) -> dict[str, float]:
    """The counts for the whole document, made once and shared by its metric rules."""
    return dict(shared_counts(view))


def shared_counts(view) -> dict[str, float]:
    """The document's counts themselves, not a copy: for a reader that does not change
    them (a formula cannot assign)."""
    counts = view.cache.get("metric-counts")
    if counts is None:
        counts = view.cache["metric-counts"] = _count(view)
    return counts


# Scopes counted per block: lists and blockquotes, and headings by level (the view gives
# a heading its level: heading.h1 ... h6).
_TALLIED = (("list", "list"), ("blockquote", "blockquote"),
            *((f"heading.h{i}", f"heading_h{i}") for i in range(1, 7)))


# A word's five counts packed into one integer, FIELD bits each (characters, syllables,
# long, polysyllabic, complex), and a sixth field for the number of words (a token's
# packed counts are the sum of its words'): a document's totals are then one sum over
# its tokens, in C, instead of six. A field never carries into the next below 2**40
# (a terabyte).
FIELD = 40
_MASK = (1 << FIELD) - 1
_ONE_WORD = 1 << 5 * FIELD


def unpack(total: int) -> tuple[int, int, int, int, int, int]:
    """(characters, syllables, long, polysyllabic, complex, words) of a packed total."""
    return tuple((total >> (k * FIELD)) & _MASK for k in range(6))  # type: ignore[return-value]


_LONG, _POLY, _COMPLEX = 2 * FIELD, 1 << 3 * FIELD, 4 * FIELD
_NOT_COMPLEX = ~(1 << _COMPLEX)


def _word_stats(word: str, n: int = 0) -> int:
    """A word's packed counts (`n`, its syllables when known)."""
    n, size = n or syllables(word), len(word)
    if n < 3:
        return size | n << FIELD | (size > 6) << _LONG | _ONE_WORD
    return size | n << FIELD | (size > 6) << _LONG | _POLY | _complex(word, n) << _COMPLEX | _ONE_WORD


class _WordStats(dict):
    """word -> its packed counts, each worked out once per process: words repeat, and
    the syllable estimate is several regex calls."""

    def __missing__(self, word: str) -> int:
        if len(self) > 100_000:  # a bounded memory: start afresh
            self.clear()
        stats = self[word] = _word_stats(word)
        return stats


class _TokenStats(dict):
    """Whitespace-separated token -> the packed counts of the words in it ("(see" and
    "e.g.," hold one and two), each worked out once per process.

    A word never holds whitespace and _WORD looks neither behind nor ahead, so the words
    of a text are the words of its tokens, in order: splitting on whitespace (in C,
    three times faster than the word regex) and looking each token up finds the same
    words as one pass of the regex, and most tokens repeat."""

    def __missing__(self, token: str) -> int:
        if len(self) > 100_000:  # a bounded memory: start afresh
            self.clear()
        if token.isalpha() and token.isascii():
            # ASCII letters only (no punctuation to strip): the token is one word, the
            # regex's first run takes it whole (worked out here, not through _STATS: one
            # dictionary fewer).
            if token[0].isupper():
                # Capitalised ("The", "API"), it counts as its lower case form does (the
                # same length and syllables), less Gunning fog's complex mark, which a
                # word starting with a capital never has: sentence starts and headings
                # repeat the words of the prose.
                stats = self[token] = self[token.lower()] & _NOT_COMPLEX
            else:
                stats = self[token] = _word_stats(token, _estimate(token.lower()))
            return stats
        core = token.strip(_EDGES)
        if core != token:
            # Punctuation around a word ("(see", "it,", "done."): the word's own counts.
            stats = self[token] = self[core] if core else 0
        else:
            stats = self[token] = sum(map(_STATS.__getitem__, _WORD.findall(token)))
        return stats


# Characters that no word holds first or last: a word of _WORD starts and ends with a
# letter or a digit, and holds other characters only between two of those, so the
# words of a token are those of the token without these at its ends (no look behind or
# ahead).
_EDGES = "\"'()[]{}<>.,;:!?*_`~\u2018\u2019\u201c\u201d-/\\|#@$%^&+=\u2026"

_STATS = _WordStats()
_TOKENS = _TokenStats()


def forget() -> None:
    """Drop what the process has worked out about words and tokens (for benchmarks that
    measure a fresh run)."""
    _STATS.clear()
    _TOKENS.clear()


def _count(view) -> dict[str, float]:
    counts = dict.fromkeys(_NAMES, 0.0)
    # Blocks share a few sets of scopes: each set is read once, not each block.
    kinds = Counter([block.scopes for block in view.blocks])
    for scopes, number in kinds.items():
        for scope, name in _TALLIED:
            if scope in scopes and (name in ("list", "blockquote") or "heading" in scopes):
                counts[name] += number
    # Vale's summary is the running prose: no headings, no tables.
    prose_kinds = {scopes for scopes in kinds if "heading" not in scopes and "table" not in scopes}
    prose = [(k, block) for k, block in enumerate(view.blocks) if block.scopes in prose_kinds]
    texts = [block.segment.text for _, block in prose]
    counts["paragraphs"] += len(texts)
    # The sentences of the prose alone, counted rather than cut into spans, unless a
    # sentence-scoped rule has made the spans already.
    spans = view.cache.get("sentence-spans")
    if spans is not None:
        counts["sentences"] += sum(len(spans[k]) for k, _ in prose)
    else:
        counts["sentences"] += sentence_count(view.doc, [block for _, block in prose])
    # The prose's tokens (no word runs across the line breaks that join the blocks), and
    # the sums of their words' whole-number counts: the same totals as adding word by word.
    chars, sylls, longs, polys, complexes, words = unpack(sum(map(_TOKENS.__getitem__, "\n".join(texts).split())))
    if words:
        counts["words"] += words
        counts["characters"] += chars
        counts["syllables"] += sylls
        counts["long_words"] += longs
        counts["polysyllabic_words"] += polys
        counts["complex_words"] += complexes
    fences = view.doc.text.count("\n```") + view.doc.text.startswith("```")
    counts["pre"] = float(fences // 2)  # an opening and a closing fence per code block
    return counts
