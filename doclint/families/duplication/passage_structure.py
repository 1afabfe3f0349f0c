"""Repeated passages (DL204) that are the structure of a document, not slips: the
common frame of two statements about different code, a row of a list of data, the
same words in sibling sections, a pointer offered again elsewhere, and items or
sections of a log.

The readings DL201 makes on two sentences' facts (doclint.families.duplication.
parallel_text), made here on the two places of one passage."""
from __future__ import annotations

import re
from bisect import bisect_right

from doclint.core.discovery import path_matches
from doclint.families.duplication.fingerprint import CODE
from doclint.families.duplication.outline import outline, section_slots
from doclint.families.duplication.parallel_text import reference_entries, same_level_siblings
from doclint.families.duplication.pointers import pointer_flags

_WORD = re.compile(r"[^\W_]+")


def structural(doc, codes, copy, later_start: int, source_start: int, opts) -> bool:
    """Whether the passage `copy` (word numbers into `codes`, whose later copy begins
    at offset `later_start` of the document and the earlier at `source_start`) is the
    structure of `doc`; `opts` are the duplicates kind's options (pointers, logs)."""
    if _frames_different_code(codes, copy) or _data_row(doc, later_start) or _data_row(doc, source_start):
        return True
    log = bool(opts.logs) and path_matches(doc.path, opts.logs)
    if doc.headings:
        sections, _, _ = section_slots(doc, [later_start, source_start])
        # In a log, two sections are two releases: an entry listed under both is carried.
        if sections[0] != sections[1] and (log or _sibling_titles(doc, sections[0], sections[1])
                                           or _is_pointer(doc, later_start, opts.pointers)):
            return True
    return log and _kind_at(doc, later_start) == _kind_at(doc, source_start) == "list-item"


def _frames_different_code(codes, copy) -> bool:
    """Whether the word just after both copies, or just before both, is inline code
    that differs: "If the dependency matches any of the `PRE_INCLUDE_REGEXES`" and
    "... any of the `PRE_EXCLUDE_REGEXES`" are two statements in one frame."""
    pairs = []
    if copy.later_end < len(codes) and copy.source_end < len(codes):
        pairs.append((codes[copy.later_end], codes[copy.source_end]))
    if copy.first > 0 and copy.source > 0:
        pairs.append((codes[copy.first - 1], codes[copy.source - 1]))
    return any(a & CODE and b & CODE and a != b for a, b in pairs)


def _sibling_titles(doc, later: int, source: int) -> bool:
    """Whether sections `later` and `source` (numbers from section_slots, 0 before the
    first heading) are siblings: headings of one level whose titles share a word, or
    titles that hold code and share their words or have none (as in
    parallel_text.in_sibling_sections; a passage is part of a sentence, so its place
    in the section says little and is not compared)."""
    if not (later and source):
        return False
    titles = outline(doc)
    return reference_entries(titles[later - 1], titles[source - 1]) \
        or same_level_siblings(titles[later - 1], titles[source - 1])


def _data_row(doc, offset: int) -> bool:
    """Whether the block at `offset` is a list item that reads as its neighbour item
    does but for its numbers: a row of data written as a list ("`lxml 6.2.1`_,
    released 2026-11-29" over "`lxml 6.2.0`_, released 2026-11-27"), whose words
    said again (the latest release named above the list) are the data, not a slip."""
    starts = [block.start for block in doc.blocks]
    at = bisect_right(starts, offset) - 1
    if at < 0 or doc.blocks[at].kind != "list-item":
        return False
    shape = _shape(doc, doc.blocks[at])
    return bool(shape) and any(
        0 <= k < len(doc.blocks) and doc.blocks[k].kind == "list-item" and _shape(doc, doc.blocks[k]) == shape
        and doc.text[doc.blocks[k].start:doc.blocks[k].end] != doc.text[doc.blocks[at].start:doc.blocks[at].end]
        for k in (at - 1, at + 1))


def _shape(doc, block) -> tuple[str, ...]:
    """The words of a block without those that hold a digit."""
    return tuple(w.lower() for w in _WORD.findall(doc.masked, block.start, block.end)
                 if not any(c.isdigit() for c in w))


def _is_pointer(doc, start: int, pointers) -> bool:
    """Whether the text at `start` begins with one of the pointer phrases."""
    words = [w.lower() for w in _WORD.findall(doc.masked, start, start + 80)]
    return pointer_flags([words], pointers) == b"\x01"


def _kind_at(doc, offset: int) -> str:
    starts = [block.start for block in doc.blocks]
    at = bisect_right(starts, offset) - 1
    return doc.blocks[at].kind if at >= 0 else ""
