"""Entries of a reference opened by a synopsis (a block of code) instead of a heading:
the place of each paragraph in such an entry, the remark each entry makes in the
same place, and the page's lead said again below its synopsis."""
from __future__ import annotations

import re
from bisect import bisect_left

from doclint.families.duplication.facts import LOW, SHIFT, DocFacts


# A line of one punctuation character repeated: the underline (or overline) of a reST title.
_ADORNMENT = re.compile(r"^[ \t]*([!-/:-@\[-`{-~])\1{2,}[ \t]*$", re.M)


def code_slots(doc, numbers: list[int]) -> list[int]:
    """Per block of `doc`: 0, or, when a block of code (a synopsis, an example) stands
    before it with only prose blocks between (or right under a heading: "Example:"
    over an example), its place in the entry that the code opens, as 16 * (1 + the
    number of blocks between) + the number of blocks after it
    before the next code or heading (each at most 15): "cmake_path(NATIVE_PATH ...)",
    then "Converts ...", then "When the NORMALIZE option is specified, ..." as the last.
    `numbers` are the blocks' numbers (entries.block_numbers), which skip where
    something other than prose stands between two blocks."""
    text, heads = doc.text, [h.start for h in doc.headings]
    slots, slot, previous = [], 0, None
    for block, number in zip(doc.blocks, numbers):
        if block.kind == "heading" or previous is None:
            slot = 0
        elif number - previous[1] == 1:  # directly after the block before (a heading's slot is 0)
            slot = slot + 1 if slot else 0
        else:  # something else stands between: code, unless it is a heading
            end = previous[0].end
            headed = bisect_left(heads, end) != bisect_left(heads, block.start)
            between = text[end:block.start]
            if previous[0].kind == "heading":
                between = _ADORNMENT.sub("", between)  # a reST title's underline is no code
            slot = 0 if headed or not between.strip() else 1
        slots.append(slot)
        previous = (block, number)
    tail = 0
    for k in range(len(slots) - 1, -1, -1):
        # The blocks after this one in its entry: those that follow it directly.
        follows = k + 1 < len(slots) and slots[k + 1] > 1 and numbers[k + 1] - numbers[k] == 1
        tail = tail + 1 if follows else 0
        slots[k] = 16 * min(slots[k], 15) + min(tail, 15) if slots[k] else 0
    return slots


def in_parallel_units(docs: list[DocFacts], a: int, b: int, near: int) -> bool:
    """Whether `a` and its copy `b` stand in two copies of a whole paragraph that hold
    the same place after two blocks of code, counted from the code and from the end
    of what follows it: the remark each entry of a reference written as synopses
    makes ("When the NORMALIZE option is specified, the path is normalized before the
    conversion." closing the text under each conversion's synopsis; "Paths are
    returned with forward slashes ... If the optional CACHE argument is specified,
    ..." under each signature, within one file), when more than `near` blocks apart."""
    doc_a, doc_b = docs[a >> SHIFT], docs[b >> SHIFT]
    ia, ib = a & LOW, b & LOW
    if not (doc_a.code_slots and doc_b.code_slots) or doc_a.code_slots[ia] != doc_b.code_slots[ib] \
            or not doc_a.code_slots[ia]:
        return False
    if doc_a is doc_b and abs(doc_a.blocks[ia] - doc_b.blocks[ib]) <= near:
        return False
    if doc_a.alone[ia] and doc_b.alone[ib]:
        return True
    # A paragraph of several sentences in two files is no synopsis's remark: two pages
    # that share it (a README and the docs' first page) were written from one another.
    return doc_a is doc_b and _same_paragraph(doc_a, ia, doc_b, ib)


def _same_paragraph(doc_a: DocFacts, ia: int, doc_b: DocFacts, ib: int) -> bool:
    """Whether sentences `ia` and `ib` stand in paragraphs of the same sentences, two or
    more of those compared, each from its paragraph's first sentence to its last. (One
    compared sentence beside one that is not, as an introduction ending in a colon,
    is not known to be the whole paragraph: `alone` says that of one sentence.)"""
    same = 1
    while not (doc_a.leads[ia] and doc_b.leads[ib]):  # back to both openings together
        ia, ib = ia - 1, ib - 1
        if doc_a.leads[ia + 1] or doc_b.leads[ib + 1] or ia < 0 or ib < 0 \
                or doc_a.fingerprints[ia] != doc_b.fingerprints[ib]:
            return False
        same += 1
    count_a, count_b = len(doc_a.blocks), len(doc_b.blocks)
    while True:  # on to both endings together
        ia, ib = ia + 1, ib + 1
        more_a = ia < count_a and doc_a.blocks[ia] == doc_a.blocks[ia - 1] and not doc_a.leads[ia]
        more_b = ib < count_b and doc_b.blocks[ib] == doc_b.blocks[ib - 1] and not doc_b.leads[ib]
        if more_a != more_b:
            return False
        if not more_a:
            return same >= 2
        if doc_a.fingerprints[ia] != doc_b.fingerprints[ib]:
            return False
        same += 1


def after_parallel_code(docs: list[DocFacts], a: int, b: int, near: int) -> bool:
    """Whether `a` and its copy `b` stand in the first paragraph after two blocks of
    code, each at the same place in a paragraph that opens with the same sentences:
    the remark on two examples or two variants of a command ("With this variant, you
    will be prompted for a password. If you don't want ..." under the RSA and under
    the DSA command; "to automate the remaining steps ..." under two invocations),
    when more than `near` blocks apart. A paragraph pasted after unrelated code, or a
    copy inside other prose, has no such company."""
    doc_a, doc_b = docs[a >> SHIFT], docs[b >> SHIFT]
    ia, ib = a & LOW, b & LOW
    if not (doc_a.code_slots and doc_b.code_slots) \
            or doc_a.code_slots[ia] >> 4 != 1 or doc_b.code_slots[ib] >> 4 != 1:
        return False
    if doc_a is doc_b and abs(doc_a.blocks[ia] - doc_b.blocks[ib]) <= near:
        return False
    # Back to the opening of each paragraph, sentence by sentence, the same sentences.
    while not doc_a.leads[ia]:
        ia, ib = ia - 1, ib - 1
        if ib < 0 or doc_b.leads[ib + 1] or doc_a.fingerprints[ia] != doc_b.fingerprints[ib]:
            return False
    return bool(doc_b.leads[ib])


def restates_the_lead(docs: list[DocFacts], a: int, b: int, near: int, reach: int) -> bool:
    """Whether `a` is its page's lead, a paragraph of one sentence before any other
    prose, and its copy `b` opens the next paragraph after a block of code and goes on
    with more: the summary a reference page gives under its title and then repeats
    where its description begins ("Get a property from a target." above the synopsis
    and below it). A note set apart above the lead (a block quote or a directive's
    body: "Deprecated since 3.0. Use add_subdirectory instead.") does not move it.
    Further on, or right after the lead, a copy of the lead is a slip. `near` is the
    number of blocks that stand between blocks with something else between them
    (entries.block_numbers); `reach` how far the corpus phase keeps rows around
    a copy."""
    doc = docs[a >> SHIFT]
    ia, ib = a & LOW, b & LOW
    # The notes above the lead are read only as far as a cluster's corpus phase keeps
    # rows around a copy (`reach`): a note of one or two sentences.
    if doc is not docs[b >> SHIFT] or ib != ia + 1 or ia > reach or not (doc.leads and doc.blocks):
        return False
    if ia and not (len(doc.entries) and all(doc.entries[k] for k in range(ia))):
        return False
    # Something other than prose (the synopsis) stands between them, and the copy
    # opens a paragraph that goes on with the description: a note that only repeats
    # the lead is a slip.
    return doc.blocks[ib] - doc.blocks[ia] == near + 1 and bool(doc.leads[ib]) \
        and len(doc.blocks) > ib + 1 and doc.blocks[ib + 1] == doc.blocks[ib]
