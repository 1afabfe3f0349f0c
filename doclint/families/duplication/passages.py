"""Repeated passages within a document: runs of words copied whatever the sentence
boundaries, found through hashed word shingles and extended word by word."""
from __future__ import annotations

import re
from array import array
from collections import Counter
from dataclasses import dataclass
from itertools import compress, islice
from itertools import count as count_from
from operator import ne
from typing import Iterator

from doclint.core.finding import Hit
from doclint.families.duplication import fingerprint as fp
from doclint.families.duplication.fingerprint import STOP
from doclint.families.duplication.nearmatch import changes_content
from doclint.families.duplication.entries import NEIGHBOUR_BLOCKS
from doclint.families.duplication.passage_structure import structural
from doclint.families.duplication.passage_words import Words, words_of

# Seeds are shingles of this many words: short enough that a copy with an edit every
# few words still holds one, long enough that few are shared by chance.
SEED = 4
# Earlier places remembered per shingle: a phrase repeated more often than this in one
# document is a formula of the text, and the cap keeps the search linear.
MAX_PLACES = 8
# An edit inside a copy: runs on one alignment, or on alignments this many words
# apart (a word added or dropped), separated by at most this many words, are one copy.
GAP = 2
# A phrase found this many times in a document is one of its formulas, not a copy
# (a slip copied twice makes three).
FORMULA = 4
# Words read on each side of two copies for signs of parallel statements.
CONTEXT = 6
# The end of a passage that introduces what follows: a colon after closing marks.
_INTRODUCES = re.compile(r"[*_`)\"'\u201d\u2019]*:")
_MORE_THAN_ONCE = (1).__lt__
# What ends a sentence, and what may close after it.
_FULL_STOPS = (".", "!", "?")
_CLOSERS = "*_`)]\"'\u201d\u2019"


@dataclass(frozen=True)
class Copy:
    """A passage [first, last) of words that repeats [source, source + last - first)
    give or take the edits; `later_end` and `source_end` bound the two copies."""

    first: int
    later_end: int
    source: int
    source_end: int


def shingle_keys(codes: array) -> list[int]:
    """The hash of each SEED-word shingle, by its first word's number."""
    return list(map(hash, zip(*(codes[k:] for k in range(SEED)))))


def find_copies(words: Words, least: int, keys: list[int], counts: Counter) -> Iterator[Copy]:
    """Passages of at least `least` words that repeat an earlier passage exactly or
    with small edits (words dropped, added or swapped, function words changed), in
    reading order. Each earlier place of a shingle is tried (at most MAX_PLACES), so
    the search stays linear in the number of words. `keys` are the shingle_keys() of
    the words and `counts` how often each is found."""
    codes = words.codes
    if len(codes) < 2 * least:
        return
    run_first = run_stop = None  # worked out at the first candidate pair: many documents have none
    places: dict[int, list[int]] = {}
    covered_until = 0
    # A shingle found once pairs no two places: only the others are visited, picked
    # out in C (most shingles of a document are found once).
    repeated = compress(count_from(), map(_MORE_THAN_ONCE, map(counts.__getitem__, keys)))
    for i in repeated:
        key = keys[i]
        earlier = places.get(key)
        if earlier is None:
            places[key] = [i]
            continue
        if i >= covered_until:
            if run_first is None:
                run_first, run_stop = _block_runs(words.blocks)
            best = None
            for j in earlier:
                copy = _extend(codes, run_first, run_stop, j, i)
                if copy.later_end - copy.first >= least and (
                        best is None or copy.later_end - copy.first > best.later_end - best.first):
                    best = copy
            if best is not None:
                covered_until = best.later_end
                yield best
        if len(earlier) < MAX_PLACES:
            earlier.append(i)


def _block_runs(blocks: array) -> tuple[array, array]:
    """Per word, the first word and the end of the run of words in its block, worked
    out once: looking them up per candidate pair made a long block quadratic (a table
    of numbers read as one paragraph took minutes)."""
    count = len(blocks)
    first, stop = array("I", bytes(4 * count)), array("I", bytes(4 * count))
    # Where the block number changes, found in C; then one slice assignment a run.
    edges = [0, *compress(count_from(1), map(ne, islice(blocks, 1, None), blocks)), count]
    for start, k in zip(edges, edges[1:]):
        first[start:k] = array("I", [start]) * (k - start)
        stop[start:k] = array("I", [k]) * (k - start)
    return first, stop


def _extend(codes: array, run_first: array, run_stop: array, j: int, i: int) -> Copy:
    """The copy around the shared shingle at j (earlier) and i (later): exact runs on
    one alignment, joined across edits of up to GAP words, backwards and forwards,
    each copy within its block (a paste does not run on into the next paragraph)."""
    view = _View(codes, run_first[i], run_stop[i], run_first[j], min(run_stop[j], i))
    while True:
        while view.inside(i - 1, j - 1) and i - 1 > j and codes[i - 1] == codes[j - 1]:
            i, j = i - 1, j - 1
        resumed = _resume_back(view, i, j)
        if resumed is None:
            break
        i, j = resumed
    later, source = i, j
    end_i, end_j = i, j
    while True:
        while view.inside(end_i, end_j) and codes[end_i] == codes[end_j]:
            end_i, end_j = end_i + 1, end_j + 1
        resumed = _resume(view, end_i, end_j)
        if resumed is None:
            break
        end_i, end_j = resumed
    return Copy(later, end_i, source, end_j)


class _View:
    """The words a copy may take: [first_i, stop_i) for the later copy and
    [first_j, stop_j) for the earlier one. A plain class with slots: one is made per
    candidate pair, and its checks run millions of times on a large run."""

    __slots__ = ("codes", "first_i", "stop_i", "first_j", "stop_j")

    def __init__(self, codes: array, first_i: int, stop_i: int, first_j: int, stop_j: int) -> None:
        self.codes = codes
        self.first_i, self.stop_i, self.first_j, self.stop_j = first_i, stop_i, first_j, stop_j

    def inside(self, i: int, j: int) -> bool:
        return self.first_i <= i < self.stop_i and self.first_j <= j < self.stop_j

    def same(self, i: int, j: int, length: int = 2) -> bool:
        """Whether `length` (1 or 2) words from i and from j are inside and equal."""
        if not (self.first_i <= i and i + length <= self.stop_i and self.first_j <= j and j + length <= self.stop_j):
            return False
        codes = self.codes
        return codes[i] == codes[j] and (length == 1 or codes[i + 1] == codes[j + 1])


def _resume(view: _View, i: int, j: int) -> tuple[int, int] | None:
    """Where a copy goes on after an edit at i (later) / j (earlier): the nearest pair of
    places at most GAP words on that start a shared run of two words, else None."""
    for skip in range(1, GAP + 1):
        for di in range(skip + 1):
            if view.same(i + di, j + skip - di):
                return i + di, j + skip - di
            # One word left after the edit is enough when it ends the block.
            if i + di + 1 == view.stop_i and view.same(i + di, j + skip - di, 1):
                return i + di, j + skip - di
    # A word swapped with its neighbour.
    if view.same(i, j + 1, 1) and view.same(i + 1, j, 1) and view.same(i + 2, j + 2, 1):
        return i + 2, j + 2
    return None


def _resume_back(view: _View, i: int, j: int) -> tuple[int, int] | None:
    """_resume() read backwards: where a copy starting at i (later) / j (earlier) goes
    on before an edit, as the new starts, else None."""
    for skip in range(1, GAP + 1):
        for di in range(skip + 1):
            a, b = i - 2 - di, j - 2 - skip + di
            if view.same(a, b):
                return a, b
            # One word left before the edit is enough when it begins the block.
            if a + 1 == view.first_i and view.same(a + 1, b + 1, 1):
                return a + 1, b + 1
    if view.same(i - 1, j - 2, 1) and view.same(i - 2, j - 1, 1) and view.same(i - 3, j - 3, 1):
        return i - 3, j - 3
    return None


def is_slip(words: Words, copy: Copy, seen: Counter) -> bool:
    """Whether a copy is worth reporting as a passage: not whole sentences in both
    places (DL201 and DL202 report those), not a formula of the text (its first
    shingle found three times or more), not a repeat between parallel list entries,
    and not a parallel statement: a different content word in the same place, or
    words around the two copies that match as well (the same statement made of two
    things, "Tuple patterns match tuple values that match all criteria ..." and
    "Struct patterns match struct values that match all criteria ...")."""
    codes = words.codes
    if seen[hash(tuple(codes[copy.first:copy.first + SEED]))] >= FORMULA:
        return False
    whole_later = copy.first in words.sentence_starts and copy.later_end in words.sentence_ends
    whole_source = copy.source in words.sentence_starts and copy.source_end in words.sentence_ends
    if whole_later and whole_source:
        return False
    # A pasted passage stands whole at its new place: it begins a paragraph, a sentence
    # or a line after a finished sentence, and ends a sentence or its paragraph. A
    # phrase shared in the middle of two sentences is the language of the text ("on the
    # top right hand corner of the page"), and so is the opening of two sentences that
    # go on differently ("The following example shows how to use the class to
    # properly" ... "associate" / "provide"), even where it fills a wrapped line.
    blocks = words.blocks
    block_start = copy.first == 0 or blocks[copy.first - 1] != blocks[copy.first]
    block_end = copy.later_end == len(blocks) or blocks[copy.later_end] != blocks[copy.later_end - 1]
    begins = block_start or copy.first in words.sentence_starts or _after_a_full_stop(words, copy)
    if not (begins and (copy.later_end in words.sentence_ends or block_end)):
        return False
    entries = words.entries
    apart = blocks[copy.first] - blocks[copy.source] > NEIGHBOUR_BLOCKS
    inside_both = not (block_start and block_end) and not _whole_block(blocks, copy.source, copy.source_end)
    # Between entries of a list it is the statement made for each; in neighbouring
    # entries too when each goes on with its own text ("Trailing directory names are
    # removed, in this order: ..." in the steps for two sources of a path).
    if entries[copy.first] and entries[copy.source] \
            and (apart or (inside_both and blocks[copy.first] != blocks[copy.source])):
        return False
    # Away from its source, a passage is a slip when one of the two copies is a whole
    # paragraph (the pasted lines, or the lines they were pasted from): words that stand
    # inside two paragraphs going on with their own text restate a point in context.
    if apart and inside_both:
        return False
    if changes_content(codes[copy.source:copy.source_end], codes[copy.first:copy.later_end]) \
            or _ends_a_shorter_statement(words, copy):
        return False
    return not _parallel_context(words, copy)


def _ends_a_shorter_statement(words: Words, copy: Copy) -> bool:
    """Whether the later copy ends its sentence with a full stop where the sentence of
    the source goes on ("That is: a single `#`, followed by a single space, followed
    by three forward slashes." after "That is: a single `#`, followed by a single
    space, followed by three forward slashes, followed by ..."): a statement of its own
    that opens with the same words. Pasted words end where the source's did, and carry
    no full stop the source did not have."""
    if copy.source_end in words.sentence_ends:
        return False
    end = words.ends[copy.later_end - 1]
    return words.masked[end:end + 4].lstrip(_CLOSERS).startswith(_FULL_STOPS)


def _whole_block(blocks, first: int, end: int) -> bool:
    """Whether words first..end (exclusive) are all the words of their block."""
    return (first == 0 or blocks[first - 1] != blocks[first]) \
        and (end == len(blocks) or blocks[end] != blocks[end - 1])


def _after_a_full_stop(words: Words, copy: Copy) -> bool:
    """Whether the text before the later copy ends a sentence: lines pasted after a
    paragraph stand apart from it, while a line that carries on the sentence of the
    line before ("add a `/` on a line by itself after the last parameter,\nindented
    the same as the parameter lines.") was written there, whatever it repeats."""
    start = words.starts[copy.first]
    before = words.masked[max(0, start - 80):start].rstrip()
    return before.rstrip(_CLOSERS).endswith(_FULL_STOPS)


def _parallel_context(words: Words, copy: Copy) -> bool:
    """Whether the CONTEXT words before, or after, the two copies share a pair of words
    in a row holding a content word ("patterns match"): the copies are then the common
    part of two parallel statements, while a slip is pasted among other words."""
    codes = words.codes
    sides = ((codes[max(0, copy.first - CONTEXT):copy.first], codes[max(0, copy.source - CONTEXT):copy.source]),
             (codes[copy.later_end:copy.later_end + CONTEXT],
              codes[copy.source_end:min(copy.source_end + CONTEXT, copy.first)]))
    for later, source in sides:
        pairs = {pair for pair in zip(source, source[1:]) if not pair[0] & pair[1] & STOP}
        if any(pair in pairs for pair in zip(later, later[1:])):
            return True
    return False


def iter_passages(doc, least: int, opts=None) -> Iterator[Hit]:
    """Hits for repeated passages of at least `least` words in one document: on the
    later copy, with the earlier one in `related`. With the duplicates kind's options
    `opts`, passages that are the document's structure are left out
    (doclint.families.duplication.passage_structure)."""
    words = words_of(doc)
    keys = shingle_keys(words.codes)
    seen = Counter(keys)
    for copy in find_copies(words, least, keys, seen):
        if not is_slip(words, copy, seen):
            continue
        start, end = words.starts[copy.first], words.ends[copy.later_end - 1]
        # A line that introduces a list or code block ("You should get output similar
        # to this:") means what follows it, as for DL201.
        if _INTRODUCES.match(doc.text, end):
            continue
        source = words.starts[copy.source]
        if opts is not None and structural(doc, words.codes, copy, start, source, opts):
            continue
        line, _ = doc.position(source)
        yield Hit(start, end, {"words": copy.later_end - copy.first, "where": f"line {line}",
                               "quote": fp.quote(doc.plain(start, end))},
                  related=(doc.location(source),))
