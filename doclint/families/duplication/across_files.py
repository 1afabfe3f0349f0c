"""Copies in two files: reuse when the sentence belongs in both, a slip when it was
pasted into the wrong page (the duplicates kind's `copies-across: misplaced`)."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from doclint.core.restatement import STOPWORDS, stem
from doclint.families.duplication.facts import LOW, SHIFT, DocFacts, sentence_tokens
from doclint.families.duplication.fingerprint import hashes

# The share of a copy's content words that its document uses elsewhere from which the
# copy belongs there: a sentence pasted into the wrong page shares little with it.
AT_HOME = 0.3
_STOP_CODES = frozenset(hashes(sorted(STOPWORDS)))


def _word_counts(doc: DocFacts, homes: dict[int, Counter]) -> Counter:
    counts = homes.get(id(doc))
    if counts is None:
        counts = homes[id(doc)] = Counter(doc.tokens)
    return counts


def at_home(docs: list[DocFacts], a: int, b: int, homes: dict[int, Counter]) -> bool:
    """Whether `a` and its copy `b`, in two files, each belong in their file: at least
    AT_HOME of the sentence's content words stand elsewhere in each. A definition
    repeated from the glossary in its chapter, a note shared by two pages on one
    topic, is written for both readers; a sentence about buildbots in a page on
    macros was pasted into the wrong file (which of the two is the original the run's
    order does not say, so both are tested). Records of a corpus are not tested: a
    sentence shared by two records is what a data team looks for. `homes` keeps each
    document's word counts for the run."""
    doc_a, doc_b = docs[a >> SHIFT], docs[b >> SHIFT]
    if doc_a is doc_b or doc_a.record_line is not None or doc_b.record_line is not None:
        return False
    return on_one_topic(doc_a, a & LOW, doc_b, b & LOW) \
        or (_belongs(docs, a, homes) and _belongs(docs, b, homes))


# Across files, a sentence with fewer distinct content words than this is a stock line
# of the site, a short template step ("It is ignored on other generators.", "The
# command produces no output."), not a point pasted into the wrong page. ("A module
# is a container for zero or more items.", pasted into an install page, has four.)
STOCK_CONTENT_WORDS = 4


def stock_line(docs: list[DocFacts], a: int, b: int) -> bool:
    """Whether `a` and its copy `b`, in two files, are too short a statement to be a
    paste (STOCK_CONTENT_WORDS, counted in the longer of a near pair: a cut-off copy
    is as short as its cut). Records of a corpus are not tested, as in at_home."""
    doc_a, doc_b = docs[a >> SHIFT], docs[b >> SHIFT]
    if doc_a is doc_b or doc_a.record_line is not None or doc_b.record_line is not None:
        return False
    return max(len(set(sentence_tokens(docs, gid)) - _STOP_CODES) for gid in (a, b)) < STOCK_CONTENT_WORDS


def readme_copy(docs: list[DocFacts], a: int, b: int) -> bool:
    """Whether `a` and its copy `b` stand in two files of which one is a README: the
    repository's front page, read apart from the documentation, says again what the
    docs say (the project's summary, its code of conduct, how to install it: "Cheroot
    is the high-performance, pure-Python HTTP server used by CherryPy."). Records of a
    corpus are not tested, as in at_home."""
    doc_a, doc_b = docs[a >> SHIFT], docs[b >> SHIFT]
    return doc_a is not doc_b and doc_a.record_line is None and doc_b.record_line is None \
        and (_is_readme(doc_a.path) or _is_readme(doc_b.path))


def _is_readme(path: str) -> bool:
    return path.replace("\\", "/").rsplit("/", 1)[-1].lower().startswith("readme")


def _topic(doc: DocFacts, index: int) -> frozenset[int]:
    """The title words over sentence `index`: its document's title and its section's
    (the words in its code too: an entry `max_warnings` is about warnings), and the
    words of its file's name (the title of a page without headings:
    `abort-multipart-upload.rst`)."""
    named = name_words(doc.path)
    if not doc.outline:
        return named
    section = doc.sections[index] if doc.sections else 0
    titles = doc.outline[0][2] | doc.outline[section - 1][2] | doc.outline[section - 1][4] if section \
        else doc.outline[0][2]
    return titles | named


# Names many pages of a site share, which say nothing of what a page is about.
_PAGE_NAMES = frozenset({"index", "readme", "main", "intro", "introduction", "overview", "about",
                         "contents", "changelog", "changes", "history", "news", "faq", "notes",
                         "guide", "docs", "doc", "page", "src", "source", "sources"})
_PAGE_STEMS = frozenset(stem(w) for w in _PAGE_NAMES)
_NAME_WORD = re.compile(r"[^\W\d_]{3,}")


@lru_cache(maxsize=4096)
def name_words(path: str) -> frozenset[int]:
    """The codes of the stems of the words of a file's name (not its folders), as
    outline.outline codes title words."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    stems = {stem(w) for w in {w.lower() for w in _NAME_WORD.findall(name)} - STOPWORDS} - _PAGE_STEMS
    return frozenset(hashes(sorted(stems)))


def on_one_topic(doc_a: DocFacts, ia: int, doc_b: DocFacts, ib: int) -> bool:
    """Whether two copies in two files stand under titles that share a word: the
    summary of a page repeated under a section named after it ("## Grot guides" and
    the page "Grot guides"), the rule of one spec restated where another spec's
    "Normalized names" section cites it. The same sentence written for two readers of
    one topic, not a paste into the wrong page."""
    return bool(_topic(doc_a, ia) & _topic(doc_b, ib))


def content_codes(codes) -> list[int]:
    """The codes of a sentence's words that are no stop words."""
    return [code for code in codes if code not in _STOP_CODES]


def _belongs(docs: list[DocFacts], gid: int, homes: dict[int, Counter]) -> bool:
    doc = docs[gid >> SHIFT]
    own = Counter(content_codes(sentence_tokens(docs, gid)))
    if not own:
        return False
    counts = _word_counts(doc, homes)
    elsewhere = sum(1 for code, n in own.items() if counts[code] > n)
    return elsewhere >= AT_HOME * len(own)
