"""Repeats that are structure, not slips: parallel entries and boilerplate across a run."""
from __future__ import annotations

import re
from math import ceil

from doclint.families.duplication.facts import LOW, SHIFT, DocFacts
from doclint.families.duplication.nearmatch import near_score, similarity

# Block kinds whose blocks are entries of a list of parallel entries: list items (and
# definitions), and block quotes (examples, notes). Reference text repeats a sentence
# in each entry it applies to ("Enabled by default if ... is set.", "Must be `allow`
# or `deny`."): each entry is read on its own, so the repeat is the structure.
ENTRY_KINDS = frozenset({"list-item", "blockquote"})

# Entries this many blocks apart or closer are one list: a sentence repeated there is
# an item pasted twice.
NEIGHBOUR_BLOCKS = 2


# Sentences in a row, copied together elsewhere, that make a reused section.
RUN = 3
# Word-level similarity (doclint.families.duplication.nearmatch.similarity) from which two neighbouring
# sentences are variants of one statement: a few words swapped for others.
VARIANT_SIMILARITY = 0.5
NEAR_COPY = 0.8  # DL202's default threshold


# What may stand between two entries of one list: list and quote markers, task boxes.
_BETWEEN_ENTRIES = re.compile(r"(?:\s|[-*+>]|\d{1,9}[.)]|\[[ xX]\])*")


def block_numbers(doc) -> list[int]:
    """A number per block of `doc`, in order, that skips NEIGHBOUR_BLOCKS + 1 where a
    block does not follow the one before directly (a definition's term, code or a
    heading between them): entries of one list stay neighbours, parallel entries not."""
    key = "parallel-text-blocks"
    cached = doc.attributes.get(key)
    if cached is None:
        cached, number, previous_end = [], 0, 0
        for block in doc.blocks:
            direct = _BETWEEN_ENTRIES.fullmatch(doc.text, previous_end, block.start)
            number += 1 if direct else NEIGHBOUR_BLOCKS + 1
            cached.append(number)
            previous_end = block.end
        doc.attributes[key] = cached
    return cached


def parallel_entries(docs: list[DocFacts], a: int, b: int) -> bool:
    """Whether sentences `a` and `b` (global numbers) both stand in list entries or block
    quotes that are not neighbours in one list."""
    doc_a, doc_b = docs[a >> SHIFT], docs[b >> SHIFT]
    ia, ib = a & LOW, b & LOW
    if not (doc_a.entries and doc_b.entries and doc_a.entries[ia] and doc_b.entries[ib]):
        return False
    return doc_a is not doc_b or abs(doc_a.blocks[ia] - doc_b.blocks[ib]) > NEIGHBOUR_BLOCKS


# The fewest documents a boilerplate sentence stands in, whatever the size of the run.
BOILERPLATE_LEAST = 4


def boilerplate_limit(documents: int, share: float, least: int) -> int:
    """The number of documents from which a repeated sentence is boilerplate: `share` of
    the run's documents, and never fewer than `least` (so that two or three copies
    in a small run stay findings). 0 when `share` is 0 (no limit)."""
    if share <= 0:
        return 0
    return max(least, ceil(share * documents))


def in_copied_run(docs: list[DocFacts], a: int, b: int) -> bool:
    """Whether sentence `b`, a copy of `a` (global numbers), is one of RUN or more
    sentences in a row that repeat sentences in a row around `a`, away from it: a
    section reused from another one (a template, or parallel reference text such as
    the same rules stated for string and for byte string literals). A passage pasted
    twice in one place stays a finding."""
    doc_a, doc_b = docs[a >> SHIFT], docs[b >> SHIFT]
    ia, ib = a & LOW, b & LOW
    if doc_a is doc_b and doc_a.blocks and abs(doc_a.blocks[ia] - doc_b.blocks[ib]) <= NEIGHBOUR_BLOCKS:
        return False
    prints_a, prints_b = doc_a.fingerprints, doc_b.fingerprints
    length = 1
    for step in (-1, 1):
        ja, jb = ia + step, ib + step
        while 0 <= ja < len(prints_a) and 0 <= jb < len(prints_b) and ja != ib and jb != ia \
                and prints_a[ja] == prints_b[jb] and length < RUN:
            length += 1
            ja, jb = ja + step, jb + step
    return length >= RUN


def in_parallel_section(docs: list[DocFacts], a: int, b: int) -> bool:
    """Whether copy `b` of `a` stands beside a variant of the sentence beside `a`: the
    same statement made in two parallel sections ("When referring to Amazon products
    ..., include the prefix. After the first use, you can use just the product name."
    and the same for Google products). The neighbour must differ: beside an identical
    neighbour the copy is a passage copied whole, which in_copied_run() judges."""
    doc_a, doc_b = docs[a >> SHIFT], docs[b >> SHIFT]
    ia, ib = a & LOW, b & LOW
    if doc_a is doc_b and doc_a.blocks and abs(doc_a.blocks[ia] - doc_b.blocks[ib]) <= NEIGHBOUR_BLOCKS:
        return False
    if len(doc_a.starts) < 2 or len(doc_b.starts) < 2:
        return False
    for step in (-1, 1):
        ja, jb = ia + step, ib + step
        if not (0 <= ja < len(doc_a.fingerprints) and 0 <= jb < len(doc_b.fingerprints)):
            continue
        if ja == ib or jb == ia or doc_a.fingerprints[ja] == doc_b.fingerprints[jb]:
            continue
        first = doc_a.tokens[doc_a.starts[ja]:doc_a.starts[ja + 1]]
        second = doc_b.tokens[doc_b.starts[jb]:doc_b.starts[jb + 1]]
        # A variant says something else in the same words; a near copy (a word
        # dropped or misspelt) beside the copy means a passage copied with an edit.
        if similarity(first, second, VARIANT_SIMILARITY) >= VARIANT_SIMILARITY \
                and not near_score(first, second, NEAR_COPY):
            return True
    return False


def reused(docs: list[DocFacts], a: int, b: int) -> bool:
    """Whether copy `b` of `a` is structure rather than a slip (see above)."""
    return parallel_entries(docs, a, b) or in_copied_run(docs, a, b) or in_parallel_section(docs, a, b)
