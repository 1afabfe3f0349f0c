"""Repeats that are structure, not slips: parallel entries and boilerplate across a run."""
from __future__ import annotations

from collections import Counter
from math import ceil

from doclint.families.duplication.facts import LOW, SHIFT, DocFacts, section_rows, sentence_tokens
from doclint.families.duplication.outline import ENTRY_TITLE, IDENTIFIER_TITLE
from doclint.families.duplication.across_files import at_home, readme_copy, stock_line
from doclint.families.duplication.in_context import at_parallel_places, restated_in_context
from doclint.families.duplication.pointers import remark_on_each_entry, repeated_pointer
from doclint.families.duplication.synopses import after_parallel_code, in_parallel_units, restates_the_lead
from doclint.families.duplication.nearmatch import only_slips
from doclint.families.duplication.entries import CONTINUED, NEIGHBOUR_BLOCKS
from doclint.families.duplication.copied_passages import (
    NEIGHBOURS, in_copied_run, in_parallel_paragraphs, in_parallel_section, in_parallel_sections)


def parallel_entries(docs: list[DocFacts], a: int, b: int, exact: bool = True) -> bool:
    """Whether sentences `a` and `b` (global numbers) both stand in list entries or block
    quotes that are not neighbours in one list, or neighbours that each open with a
    sentence of their own, or (not `exact`) two entries of one list: a statement fitted
    to each entry ("These generators store ..." / "This generator stores ...",
    "Otherwise, if the specifier starts with "/", ..." / "... with "#", ...")."""
    doc_a, doc_b = docs[a >> SHIFT], docs[b >> SHIFT]
    ia, ib = a & LOW, b & LOW
    if not (doc_a.entries and doc_b.entries and doc_a.entries[ia] and doc_b.entries[ib]):
        return False
    if doc_a is not doc_b or abs(doc_a.blocks[ia] - doc_b.blocks[ib]) > NEIGHBOUR_BLOCKS:
        return True
    if not exact and doc_a.blocks[ia] != doc_b.blocks[ib]:
        return True
    # Neighbouring entries of one list, each opening with a sentence of its own: the
    # same remark made on each ("'r+': Open for reading and writing. An exception
    # occurs if the file does not exist."; "Fix contributed by ..." in a paragraph under
    # each item of a changelog); an entry pasted twice repeats its opening.
    if doc_a.blocks[ia] == doc_b.blocks[ib] or not doc_a.leads:
        return False
    if doc_a.entries[ia] == doc_b.entries[ib] == CONTINUED:
        # Each in a block that goes on with its own entry, whose opening (too short to
        # compare, as ":class:`State` is now pickleable.") need not be the sentence before.
        return True
    return _remark(doc_a, ia) and _remark(doc_b, ib) and _own_openings(doc_a, ia, doc_b, ib)


def _remark(doc: DocFacts, index: int) -> bool:
    """Whether sentence `index` of an entry follows a sentence of the same entry: in its
    block, or in a block that goes on with the entry (entry_codes)."""
    return not doc.leads[index] or (index > 0 and doc.entries[index] == CONTINUED)


def _own_openings(doc_a: DocFacts, ia: int, doc_b: DocFacts, ib: int) -> bool:
    """Whether two remarks (_remark) in neighbouring entries follow different words:
    back from each, the first pair of sentences that differ, or an opening too short or
    too much code to compare ("**fields.W906**: `CIEmailField` is deprecated.") before
    sentences both entries share ("Support for it will be removed in Django 5.1. This
    check appeared in Django 4.2."). An entry pasted twice repeats all of it."""
    while True:
        ka, kb = ia - 1, ib - 1
        if (not doc_a.leads[ia] and (ka < 0 or doc_a.blocks[ka] != doc_a.blocks[ia])) \
                or (not doc_b.leads[ib] and (kb < 0 or doc_b.blocks[kb] != doc_b.blocks[ib])):
            return True  # a sentence not compared opens the entry
        if doc_a.fingerprints[ka] != doc_b.fingerprints[kb]:
            return True
        if not (_remark(doc_a, ka) and _remark(doc_b, kb)):
            return False
        ia, ib = ka, kb


# The fewest documents a boilerplate sentence stands in, whatever the size of the run.
BOILERPLATE_LEAST = 4


def boilerplate_limit(documents: int, share: float, least: int) -> int:
    """The number of documents from which a repeated sentence is boilerplate: `share` of
    the run's documents, and never fewer than `least` (so that two or three copies
    in a small run stay findings). 0 when `share` is 0 (no limit)."""
    if share <= 0:
        return 0
    return max(least, ceil(share * documents))


def _titles_share(doc_a: DocFacts, doc_b: DocFacts) -> bool:
    """Whether the titles of two documents (their first headings) share a word."""
    return bool(doc_a.outline and doc_b.outline and doc_a.outline[0][2] & doc_b.outline[0][2])


def in_sibling_sections(docs: list[DocFacts], a: int, b: int, exact: bool) -> bool:
    """Whether copy `b` of `a` holds the same place in a sibling section: the same slot
    (or, for an `exact` copy, the same tail: as many paragraphs before the next
    heading) in sections whose headings have one level and titles of one shape:
    sharing a word, or both code and nothing else ("Stanza: `pkg`" and "Stanza: `installer`";
    "#### `aarch64`" and "#### `loongarch`"). Reference text repeats a statement under each field, platform
    or option it applies to, and a reader who jumps to one section reads it once. A
    copy under an unrelated heading ("## Amazon", "## Headings") stays a slip.

    Under two titles that hold code (the entries of an API or option reference, at
    any depth: "### `fsPromises.readFile(path)`", "#### `filehandle.readFile()`",
    "Class: `fs.Dir`", "Event: `'message'`") an `exact` copy anywhere in the entry is
    the same statement made for both, as entries list different numbers of
    parameters before it, unless one copy is the definition that opens its entry
    and the other stands later in its own (`_definition_pasted`). So is a near copy
    anywhere in two such entries whose titles share their words or have none, or in
    two sections of one title ("Examples" under each option), when it drops, adds or
    rewords a content word (the statement fitted to each entry: "the link path
    returned" / "the path returned"); one that differs only in function words, case
    or spelling must hold the same place (a paste that slipped elsewhere is a slip). So is
    an exact copy anywhere in two sections of one title and level of a document (the
    same step for each platform: "Setting up" under "Linux" and under "Windows"), or
    in two documents whose titles (first headings) share a
    word (sibling pages: `prop_tgt/COMPILE_OPTIONS` and `prop_dir/COMPILE_OPTIONS`,
    `target_link_options` and `target_compile_options`), since a page is read on its
    own."""
    doc_a, doc_b = docs[a >> SHIFT], docs[b >> SHIFT]
    ia, ib = a & LOW, b & LOW
    if not (doc_a.slots and doc_b.slots):
        return False
    section_a, section_b = doc_a.sections[ia], doc_b.sections[ib]
    if not (section_a and section_b) or (doc_a is doc_b and section_a == section_b):
        return False
    title_a, title_b = doc_a.outline[section_a - 1], doc_b.outline[section_b - 1]
    if doc_a is not doc_b:
        title_a, title_b = _across_documents(title_a), _across_documents(title_b)
    entries = reference_entries(title_a, title_b)
    if exact and title_a[1] and title_b[1] and not _definition_pasted(doc_a, ia, doc_b, ib):
        return True  # one statement made in two entries of a reference, at any place
    if exact and doc_a is not doc_b and _titles_share(doc_a, doc_b):
        return True  # ... or in two sibling pages
    if exact and doc_a is doc_b and (title_b[1] == ENTRY_TITLE or (title_b[3] and not title_a[3])):
        return True  # an entry of the reference, or a section under one, restates its guide above it
    same_title = title_a[0] == title_b[0] and title_a[2] and title_a[2] == title_b[2]
    if exact and same_title and doc_a is doc_b:
        return True  # the same step for each platform: "Setting up" under "Linux" and "Windows"
    if (entries or same_title) and not exact and not only_slips(sentence_tokens(docs, a), sentence_tokens(docs, b)):
        return True  # the statement reworded for another entry, wherever it stands
    # The same place: as many paragraphs after the heading, or before the next one (the
    # closing remark of parallel sections that show different numbers of examples).
    if doc_a.slots[ia] != doc_b.slots[ib] and not (
            exact and doc_a.tails and doc_b.tails and doc_a.tails[ia] == doc_b.tails[ib]):
        return False
    return entries or same_level_siblings(title_a, title_b)


def _definition_pasted(doc_a: DocFacts, ia: int, doc_b: DocFacts, ib: int) -> bool:
    """Whether one of two copies defines its entry and the other stands later in its
    own: an entry's definition pasted into another entry is a slip, not a statement
    both entries make. Two copies that both open their entries hold one place."""
    first_a, first_b = _first_in_section(doc_a, ia), _first_in_section(doc_b, ib)
    return (first_a != first_b) and (_defines_entry(doc_a, ia) or _defines_entry(doc_b, ib))


def _first_in_section(doc: DocFacts, index: int) -> bool:
    return index == 0 or doc.sections[index - 1] != doc.sections[index]


def _defines_entry(doc: DocFacts, index: int) -> bool:
    """Whether sentence `index` opens the first compared paragraph of its section, a
    paragraph that goes on: where an entry of a reference says what it is ("A Python
    package and project manager, written in Rust. It supports ...")."""
    return _first_in_section(doc, index) and bool(doc.leads) and bool(doc.leads[index]) \
        and not doc.alone[index]


def _across_documents(title: tuple) -> tuple:
    """An outline title as compared with one of another document: an identifier in
    plain text is no code there."""
    return (title[0], 0, *title[2:]) if title[1] == IDENTIFIER_TITLE else title


def reference_entries(title_a: tuple, title_b: tuple) -> bool:
    """Whether two outline titles (level, holds code, word codes) are entries of one
    reference: both hold code and share their words or have none ("Event:
    `'connect'`" / "Event: `'upgrade'`", "`aarch64`" / "`loongarch`")."""
    code_a, words_a = title_a[1:3]
    code_b, words_b = title_b[1:3]
    return code_a and code_b and (bool(words_a & words_b) or not (words_a or words_b))


def same_level_siblings(title_a: tuple, title_b: tuple) -> bool:
    """Whether two outline titles have one level and share a word."""
    return title_a[0] == title_b[0] and bool(title_a[2] & title_b[2])


def carried_in_log(docs: list[DocFacts], a: int, b: int) -> bool:
    """Whether `a` and its copy `b` stand in two documents of which one is a log (an
    entry listed under several releases or quoted from the documentation), or in two
    sections of one log (the same fix listed under two releases, the stock line of
    each security release). Within one section of a log a repeated entry is still a
    slip."""
    doc_a, doc_b = docs[a >> SHIFT], docs[b >> SHIFT]
    if doc_a is not doc_b:
        return doc_a.log or doc_b.log
    return doc_a.log and bool(doc_a.sections) and doc_a.sections[a & LOW] != doc_a.sections[b & LOW]


def reused(docs: list[DocFacts], a: int, b: int, exact: bool = True,
           homes: dict[int, Counter] | None = None) -> bool:
    """Whether copy `b` of `a` (an `exact` copy, or a near one) is structure rather
    than a slip (see above). With `homes` (word counts kept between calls of one run),
    a copy in another file that belongs there (at_home), a stock line of the site
    (stock_line) or a remark at the same place of a parallel paragraph
    (at_parallel_places, which without `homes` is tested in one file only) is reuse too."""
    return parallel_entries(docs, a, b, exact) or in_copied_run(docs, a, b) \
        or in_parallel_section(docs, a, b) or in_parallel_paragraphs(docs, a, b) \
        or in_sibling_sections(docs, a, b, exact) \
        or (exact and in_parallel_sections(docs, a, b)) \
        or repeated_pointer(docs, a, b) or remark_on_each_entry(docs, a, b) or carried_in_log(docs, a, b) \
        or restates_the_lead(docs, a, b, NEIGHBOUR_BLOCKS, NEIGHBOURS) \
        or restated_in_context(docs, a, b, NEIGHBOUR_BLOCKS) \
        or (exact and in_parallel_units(docs, a, b, NEIGHBOUR_BLOCKS)) \
        or (exact and after_parallel_code(docs, a, b, NEIGHBOUR_BLOCKS)) \
        or ((homes is not None or a >> SHIFT == b >> SHIFT) and at_parallel_places(docs, a, b, NEIGHBOUR_BLOCKS)) \
        or (homes is not None and (stock_line(docs, a, b) or readme_copy(docs, a, b)
                                   or at_home(docs, a, b, homes))) \
        or (not exact and (_beside_reused_copy(docs, a, b, homes) or _sections_share_reuse(docs, a, b, homes)))


def _beside_reused_copy(docs: list[DocFacts], a: int, b: int, homes: dict[int, Counter] | None) -> bool:
    """Whether near copy `b` of `a` stands beside an exact copy of the sentence beside
    `a` (the compared sentence just before or after each, in its paragraph or the
    next), and that exact copy is structure (`reused`): the statement of one entry
    carried to a parallel one with an edit ("The optional `options` argument controls
    stream behavior. For XOF hash functions ..." under two functions, the second
    sentence exact; an example's output note before the same pointer). A near copy
    pasted alone has no such company."""
    doc_a, doc_b = docs[a >> SHIFT], docs[b >> SHIFT]
    ia, ib = a & LOW, b & LOW
    if not (doc_a.blocks and doc_b.blocks):
        return False
    for step in (-1, 1):
        ja, jb = ia + step, ib + step
        if 0 <= ja < len(doc_a.blocks) and 0 <= jb < len(doc_b.blocks) \
                and doc_a.fingerprints[ja] == doc_b.fingerprints[jb] \
                and reused(docs, a + step, b + step, True, homes):
            return True
    return False


def _sections_share_reuse(docs: list[DocFacts], a: int, b: int, homes: dict[int, Counter] | None) -> bool:
    """Whether the sections of near copy `b` and of `a`, two sections of one document,
    also share an exact copy that is structure (`reused`): two entries of a reference
    that make the same statement word for word elsewhere ("Tests for deep equality
    between the `actual` and `expected` parameters." under `assert.deepEqual()` and
    `assert.deepStrictEqual()`) make this one too, edited to fit ("_Deep equality_
    means ... are also recursively evaluated" / ""Deep" equality means ... are
    recursively evaluated also"). A near copy pasted into an unrelated section has
    no such company."""
    doc = docs[a >> SHIFT]
    ia, ib = a & LOW, b & LOW
    if doc is not docs[b >> SHIFT] or not doc.sections or doc.sections[ia] == doc.sections[ib]:
        return False
    prints = doc.fingerprints
    theirs = {prints[j]: j for j in section_rows(doc, ib) if j != ib}
    base = a - ia
    return any(i != ia and (j := theirs.get(prints[i])) is not None and reused(docs, base + i, base + j, True, homes)
               for i in section_rows(doc, ia))
