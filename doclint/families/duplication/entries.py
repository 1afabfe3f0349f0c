"""The entries of lists in a document's blocks: which blocks are entries, which
entries are neighbours in one list, and which block goes on with the entry before it."""
from __future__ import annotations

import re

# Block kinds whose blocks are entries of a list of parallel entries: list items (and
# definitions), and block quotes (examples, notes). Reference text repeats a sentence
# in each entry it applies to ("Enabled by default if ... is set.", "Must be `allow`
# or `deny`."): each entry is read on its own, so the repeat is the structure.
ENTRY_KINDS = frozenset({"list-item", "blockquote"})
# What DocFacts.entries holds per sentence: 0 outside entries, else its entry kind, or
# CONTINUED in a later paragraph of an entry (entry_codes).
ENTRY_CODES = {"list-item": 1, "blockquote": 2}
CONTINUED = 3

# Entries this many blocks apart or closer are one list: a sentence repeated there is
# an item pasted twice.
NEIGHBOUR_BLOCKS = 2


# A paragraph that opens with a name in bold, as a run-in title, is an entry of a list
# written as paragraphs ("**`navbar_end`**: Adds components to ...",
# "**ffibuilder.emit_c_code(filename):** generate ..."): the name is code, a call or
# a dotted name, so that a bold word of prose ("**Note:**") opens no entry.
_RUN_IN_ENTRY = re.compile(r"\*\*(?:`[^`\n]+`|[A-Za-z_][\w.]*\([^)\n]*\)|[A-Za-z_]\w*(?:\.\w+)+):?\*\*:?\s")
# What may stand between two entries of one list: list and quote markers, task boxes.
_BETWEEN_ENTRIES = re.compile(r"(?:\s|[-*+>]|\d{1,9}[.)]|\[[ xX]\])*")


def block_numbers(doc) -> list[int]:
    """A number per block of `doc`, in order, that skips NEIGHBOUR_BLOCKS + 1 where a
    block does not follow the one before directly (a definition's term, code or a
    heading between them): entries of one list stay neighbours, parallel entries not."""
    key = "parallel-text-blocks"
    cached = doc.attributes.get(key)
    if cached is None:
        cached, number, previous_end, previous_kind, previous_column = [], 0, 0, "", 0
        text = doc.text
        for block in doc.blocks:
            kind = _entry_kind(text, block)
            direct = _BETWEEN_ENTRIES.fullmatch(text, previous_end, block.start)
            before = _before_on_line(text, block.start)
            column = len(before) - len(before.lstrip())  # where the list marker stands
            # An entry after other prose opens another list ("For EC keys, the following
            # properties may be defined:"), whose entries are no neighbours of the last;
            # so does a list item nested deeper, or less deep, than the item before it:
            # the items nested under two entries are two lists.
            opens_list = kind in ENTRY_KINDS and number and (
                previous_kind not in ENTRY_KINDS
                or (kind == previous_kind == "list-item" and column != previous_column))
            number += 1 if direct and not opens_list else NEIGHBOUR_BLOCKS + 1
            cached.append(number)
            previous_end, previous_kind, previous_column = block.end, kind, column
        doc.attributes[key] = cached
    return cached


def entry_codes(doc) -> list[int]:
    """Per block of `doc`, its DocFacts.entries code. A block of an entry that follows
    another directly and has nothing but indentation before it on its line (no list
    marker, no ">") goes on with the entry before it: the item's next paragraph, or the
    block quote indented under an item ("- LRUCache is now pickleable." and, under it,
    "Fix contributed by ...")."""
    numbers, text, codes = block_numbers(doc), doc.text, []
    previous = None
    for block, number in zip(doc.blocks, numbers):
        kind = _entry_kind(text, block)
        code = ENTRY_CODES.get(kind, 0)
        if code and previous is not None and previous[0] in ENTRY_KINDS and number - previous[1] == 1 \
                and not _before_on_line(text, block.start).strip() and kind == block.kind:
            code = CONTINUED
        codes.append(code)
        previous = (kind, number)
    return codes


def _entry_kind(text: str, block) -> str:
    """The kind of `block` as a list reads it: a paragraph that opens with a run-in
    title in bold is an item."""
    if block.kind != "paragraph":
        return block.kind
    # A reader may start the paragraph after the opening marks.
    start = block.start - 2 if text.startswith("**", block.start - 2) else block.start
    return "list-item" if text.startswith("**", start) and _RUN_IN_ENTRY.match(text, start) else block.kind


def _before_on_line(text: str, start: int) -> str:
    """What stands before offset `start` on its line: indentation and list or quote marks."""
    return text[text.rfind("\n", 0, start) + 1:start]
