"""Copies in a passage written again: a run of sentences copied together, or a copy
beside a variant of what stands beside the original (parallel sections and
paragraphs that say the same in other words)."""
from __future__ import annotations

from doclint.families.duplication.entries import NEIGHBOUR_BLOCKS
from doclint.families.duplication.facts import LOW, SHIFT, DocFacts, section_rows
from doclint.families.duplication.nearmatch import near_score, similarity

# Sentences in a row, copied together elsewhere, that make a reused section.
RUN = 3
# Word-level similarity (doclint.families.duplication.nearmatch.similarity) from which two neighbouring
# sentences are variants of one statement: a few words swapped for others.
VARIANT_SIMILARITY = 0.5
NEAR_COPY = 0.8  # DL202's default threshold


def in_copied_run(docs: list[DocFacts], a: int, b: int) -> bool:
    """Whether sentence `b`, a copy of `a` (global numbers), is one of RUN or more
    sentences in a row that repeat sentences in a row around `a`, away from it: a
    section reused from another one (a template, or parallel reference text such as
    the same rules stated for string and for byte string literals). One sentence of a
    paragraph may be left out on one side (the paragraph of one library's
    conversions written again for another that lacks one of them). A passage pasted
    twice in one place stays a finding."""
    doc_a, doc_b = docs[a >> SHIFT], docs[b >> SHIFT]
    ia, ib = a & LOW, b & LOW
    if doc_a is doc_b and doc_a.blocks and abs(doc_a.blocks[ia] - doc_b.blocks[ib]) <= NEIGHBOUR_BLOCKS:
        return False
    prints_a, prints_b = doc_a.fingerprints, doc_b.fingerprints
    one = doc_a is doc_b  # only in one document may a run reach the other copy

    def copied(ja: int, jb: int) -> bool:
        return 0 <= ja < len(prints_a) and 0 <= jb < len(prints_b) and not (one and (ja == ib or jb == ia)) \
            and prints_a[ja] == prints_b[jb]

    length, left_out = 1, False
    for step in (-1, 1):
        ja, jb = ia + step, ib + step
        while length < RUN:
            if copied(ja, jb):
                length += 1
                ja, jb = ja + step, jb + step
            elif not left_out and _in_paragraph(doc_a, ja, ia) and copied(ja + step, jb):
                left_out, ja = True, ja + step
            elif not left_out and _in_paragraph(doc_b, jb, ib) and copied(ja, jb + step):
                left_out, jb = True, jb + step
            else:
                break
    return length >= RUN


def _in_paragraph(doc: DocFacts, index: int, of: int) -> bool:
    """Whether sentence `index` stands in the block of sentence `of`."""
    return bool(doc.blocks) and 0 <= index < len(doc.blocks) and doc.blocks[index] == doc.blocks[of]


def in_parallel_section(docs: list[DocFacts], a: int, b: int) -> bool:
    """Whether copy `b` of `a` stands beside a variant of the sentence beside `a`: the
    same statement made in two parallel sections ("When referring to Amazon products
    ..., include the prefix. After the first use, you can use just the product name."
    and the same for Google products). The neighbour must differ: beside an identical
    neighbour the copy is a passage copied whole, which in_copied_run() judges."""
    doc_a, doc_b = docs[a >> SHIFT], docs[b >> SHIFT]
    ia, ib = a & LOW, b & LOW
    # In blocks side by side the neighbour must be a close variant (the same sentence
    # for `lib32/` and for `lib64/`): a looser one beside a pasted passage is chance.
    close = doc_a is doc_b and doc_a.blocks and abs(doc_a.blocks[ia] - doc_b.blocks[ib]) <= NEIGHBOUR_BLOCKS
    least = NEAR_COPY if close else VARIANT_SIMILARITY
    if len(doc_a.starts) < 2 or len(doc_b.starts) < 2:
        return False
    for step in (-1, 1):
        ja, jb = ia + step, ib + step
        if not (0 <= ja < len(doc_a.fingerprints) and 0 <= jb < len(doc_b.fingerprints)):
            continue
        if (doc_a is doc_b and (ja == ib or jb == ia)) or doc_a.fingerprints[ja] == doc_b.fingerprints[jb]:
            continue
        first = doc_a.tokens[doc_a.starts[ja]:doc_a.starts[ja + 1]]
        second = doc_b.tokens[doc_b.starts[jb]:doc_b.starts[jb + 1]]
        # A variant says something else in the same words; a near copy (a word
        # dropped or misspelt) beside the copy means a passage copied with an edit.
        if similarity(first, second, least) >= least and not near_score(first, second, NEAR_COPY):
            return True
    return False


def in_parallel_paragraphs(docs: list[DocFacts], a: int, b: int) -> bool:
    """Whether the paragraphs of `a` and of its copy `b` each hold another sentence,
    within NEIGHBOURS of the copy, and two of those are variants: the same statement
    made in two parallel paragraphs ("The `atimeMs`, ... properties are numeric values
    that hold the corresponding times in milliseconds. Their precision is platform
    specific." and the same for `atimeNs` in nanoseconds). A pasted paragraph holds
    only what was pasted."""
    doc_a, doc_b = docs[a >> SHIFT], docs[b >> SHIFT]
    ia, ib = a & LOW, b & LOW
    if not (doc_a.blocks and doc_b.blocks) or (doc_a is doc_b and doc_a.blocks[ia] == doc_b.blocks[ib]):
        return False
    ours, theirs = _paragraph_mates(doc_a, ia), _paragraph_mates(doc_b, ib)
    for i in ours:
        first = doc_a.tokens[doc_a.starts[i]:doc_a.starts[i + 1]]
        for j in theirs:
            if (doc_a is doc_b and i == j) or doc_a.fingerprints[i] == doc_b.fingerprints[j]:
                continue
            second = doc_b.tokens[doc_b.starts[j]:doc_b.starts[j + 1]]
            if similarity(first, second, VARIANT_SIMILARITY) >= VARIANT_SIMILARITY \
                    and not near_score(first, second, NEAR_COPY):
                return True
    return False


# How far from a copy the sentences of its paragraph are read: as far as a cluster's
# corpus phase keeps rows around a copy (see window.NEIGHBOURS).
NEIGHBOURS = RUN - 1


def _paragraph_mates(doc: DocFacts, index: int) -> list[int]:
    """The other comparable sentences of the block of sentence `index`, at most
    NEIGHBOURS away."""
    block = doc.blocks[index]
    return [j for j in range(max(0, index - NEIGHBOURS), min(len(doc.blocks), index + NEIGHBOURS + 1))
            if j != index and doc.blocks[j] == block]


def in_parallel_sections(docs: list[DocFacts], a: int, b: int) -> bool:
    """Whether copy `b` of `a` stands in another section of the same document that
    says something else in the same words elsewhere too: a variant pair (see
    in_parallel_section) between the two sections, beside the copy, makes them
    parallel sections (the rules for `==` and for `!=`, the `readme` and the `license`
    keys, two teams' membership rules), whose shared sentence is the same rule stated
    for each. A copy pasted into an unrelated section has no such company."""
    doc = docs[a >> SHIFT]
    ia, ib = a & LOW, b & LOW
    if doc is not docs[b >> SHIFT] or not doc.sections:
        return False
    section_a, section_b = doc.sections[ia], doc.sections[ib]
    if section_a == section_b:
        return False
    ours, theirs = section_rows(doc, ia), section_rows(doc, ib)
    prints, tokens, starts = doc.fingerprints, doc.tokens, doc.starts
    for i in ours:
        if i == ia:
            continue
        first = tokens[starts[i]:starts[i + 1]]
        for j in theirs:
            if j == ib or prints[i] == prints[j]:
                continue
            second = tokens[starts[j]:starts[j + 1]]
            if similarity(first, second, VARIANT_SIMILARITY) >= VARIANT_SIMILARITY \
                    and not near_score(first, second, NEAR_COPY):
                return True
    return False
