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
