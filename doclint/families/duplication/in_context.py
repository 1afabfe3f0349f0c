"""Copies restated inside prose that goes on: a point made again in context."""
from __future__ import annotations

from doclint.families.duplication.facts import LOW, SHIFT, DocFacts


def restated_in_context(docs: list[DocFacts], a: int, b: int, near: int) -> bool:
    """Whether `a` and its copy `b`, in one file and more than `near` blocks apart, are
    a point restated in context: each copy stands in a paragraph that goes on with
    something of its own. A writer who restates a point inside new prose ("If a URL
    is specified, the checksum should also be specified." under the option and again
    under the command) means the reader to meet it in both places. What a reader acts
    on is a paragraph that only repeats (a pasted paragraph, a note that says it
    again: either copy may be the pasted one) or a sentence said twice in one place.
    Records of a corpus are not tested: a sentence shared by two records is what a
    data team looks for."""
    doc = docs[a >> SHIFT]
    if doc is not docs[b >> SHIFT] or doc.record_line is not None or not doc.alone:
        return False
    ia, ib = a & LOW, b & LOW
    if abs(doc.blocks[ia] - doc.blocks[ib]) <= near:
        return False
    return _goes_on(doc, ib, ia) and _goes_on(doc, ia, ib)


def _goes_on(doc: DocFacts, index: int, other: int) -> bool:
    """Whether the block of sentence `index` holds more than the copy, and not only
    copies of what stands next to the other copy (a paragraph copied whole)."""
    if doc.alone[index]:
        return False
    blocks, fingerprints = doc.blocks, doc.fingerprints
    for step in (-1, 1):
        j, k = index + step, other + step
        if 0 <= j < len(blocks) and blocks[j] == blocks[index] \
                and not (0 <= k < len(fingerprints) and fingerprints[k] == fingerprints[j]):
            return True
    # What else the block holds is not compared (a sentence too short, or one that
    # introduces a list): it is the paragraph's own, unless both neighbours are copies.
    return not any(0 <= index + step < len(blocks) and blocks[index + step] == blocks[index]
                   for step in (-1, 1))


def at_parallel_places(docs: list[DocFacts], a: int, b: int, near: int) -> bool:
    """Whether `a` and its copy `b` each open, or each close, a block that holds more
    than the copy, and the sentences beside them in their blocks differ: the same
    remark made at the same place of two parallel paragraphs or entries ("That's
    disabled by default in PostgreSQL." closing the paragraph of each parameter; "See
    the plugin site." opening the answers under two questions). A pasted sentence
    stands alone, or among other prose at another place; a passage pasted whole has
    the same sentence beside the copy. Two openings no more than `near` blocks apart
    are one said twice in a row ("Create a file in the `content/` folder." opening two
    paragraphs of one step). Records of a corpus are not tested (see
    restated_in_context)."""
    doc_a, doc_b = docs[a >> SHIFT], docs[b >> SHIFT]
    ia, ib = a & LOW, b & LOW
    if doc_a.record_line is not None or doc_b.record_line is not None or not (doc_a.alone and doc_b.alone):
        return False
    if doc_a.alone[ia] or doc_b.alone[ib] or (doc_a is doc_b and doc_a.blocks[ia] == doc_b.blocks[ib]):
        return False
    first_a, first_b = bool(doc_a.leads[ia]), bool(doc_b.leads[ib])
    last_a, last_b = closes_block(doc_a, ia), closes_block(doc_b, ib)
    if first_a and first_b and not (last_a or last_b):
        if doc_a is doc_b and abs(doc_a.blocks[ia] - doc_b.blocks[ib]) <= near:
            return False  # paragraphs side by side that open alike: the reader meets it twice in a row
        ja, jb = ia + 1, ib + 1
    elif last_a and last_b and not (first_a or first_b):
        ja, jb = ia - 1, ib - 1
    else:  # at two places
        return False
    # The sentence beside each copy is compared only when it is of the same block (a
    # sentence too short to compare, "Tempo holds traces.", says nothing of the block).
    return 0 <= ja < len(doc_a.blocks) and 0 <= jb < len(doc_b.blocks) \
        and doc_a.blocks[ja] == doc_a.blocks[ia] and doc_b.blocks[jb] == doc_b.blocks[ib] \
        and doc_a.fingerprints[ja] != doc_b.fingerprints[jb]


def closes_block(doc: DocFacts, index: int) -> bool:
    """Whether sentence `index` is the last compared sentence of its block."""
    return index + 1 >= len(doc.blocks) or doc.blocks[index + 1] != doc.blocks[index]
