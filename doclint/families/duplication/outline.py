"""The outline of a document as the duplication rules read it: per heading its level,
the kind of its title (code, one entry's name, prose) and its title's words; per
sentence its section and its place there (the paragraphs before and after it)."""
from __future__ import annotations

import re
from array import array
from bisect import bisect_right

from doclint.core.restatement import STOPWORDS, stem
from doclint.markup.base import CODE_MASK
from doclint.families.duplication.fingerprint import hashes


# Title words that say nothing of what a section is about.
_TITLE_WORD = re.compile(r"[^\W\d_]{3,}")
_MAX_SLOT = 255


# What outline gives for a title that holds code: ENTRY_TITLE when it holds nothing
# else but one word, the title of an entry of an API or option reference
# ("#### `napi_get_last_error_info`", "Class: `MockTimers`"), else CODE_TITLE ("The
# `proc_macro_attribute` attribute"). Both are true, a title without code 0.
CODE_TITLE, ENTRY_TITLE = 1, 2
# A title that is one identifier in plain text: code within its document, not across
# documents (pages named after two unrelated properties still share no rule).
IDENTIFIER_TITLE = 3
_ANY_WORD = re.compile(r"[^\W\d_]{2,}")
# A title that is one identifier, set as plain text ("DOWNLOAD_DELAY", "os.path.join()",
# "QueryDict.getlist"): an entry's name, as if it were code. An identifier holds an
# underscore, a dot or "::" inside it, or a call's parentheses, or is in camel case
# (not a word in capitals: "FAQ", "NEWS").
_IDENTIFIER_TITLE = re.compile(
    r"[ \t]*(?=[\w.:()\[\]-]*(?:\w_|_\w|\w\.\w|\w::\w|\(\)|[a-z][A-Z]))[A-Za-z_][\w.:()\[\]-]*[ \t]*"
    # or one name set in emphasis, as the entries of a list of libraries are ("## _ujson_",
    # "### *orjson*"), after a Markdown title's marks
    r"|[ \t]*(?:#{1,6}[ \t]+)?([*_])[A-Za-z][\w.-]*\1[ \t]*#*[ \t]*"
    # or one word all in lower case, as a reference names its commands, capabilities or
    # projects ("getbundle", "httpheader", "cibuildwheel"), or a list of such words, as
    # it names the types an entry covers ("int, bool", "float, complex"): a title of
    # prose is capitalised ("Installation")
    r"|[ \t]*(?:#{1,6}[ \t]+)?[a-z][a-z0-9]*(?:-[a-z0-9]+)*"
    r"(?:[ \t]*[,/][ \t]*[a-z][a-z0-9]*(?:-[a-z0-9]+)*)*[ \t]*#*[ \t]*")


def outline(doc) -> tuple[tuple[int, int, frozenset[int], bool, frozenset[int]], ...]:
    """Per heading of `doc`: its level, whether its title holds code (0, CODE_TITLE,
    ENTRY_TITLE or IDENTIFIER_TITLE), the codes of the stems of its title's words,
    read from the masked text (code in a title, as in "#### `aarch64`", is no word),
    whether its section is an entry or stands in one (a title above it, of a lower
    level, is an ENTRY_TITLE: "#### Working with timers" under "###
    `timers.tick([milliseconds])`"), and the codes of the stems of the words in the
    code of its title ("max" and "warning" of `max_warnings`), which say what an entry
    is about when its page is compared with another (across_files.on_one_topic)."""
    masked, out = doc.masked, []
    entries: list[int] = []  # the levels of the entry titles the next heading may stand under
    for heading in doc.headings:
        words = {w.lower() for w in _TITLE_WORD.findall(masked, heading.start, heading.end)}
        code = 0
        if CODE_MASK in masked[heading.start:heading.end] or "`" in doc.text[heading.start:heading.end]:
            alone = len(_ANY_WORD.findall(masked, heading.start, heading.end)) <= 1
            code = ENTRY_TITLE if alone else CODE_TITLE
        else:
            # The title's first line: a reST title's underline follows it.
            line_end = doc.text.find("\n", heading.start, heading.end)
            if _IDENTIFIER_TITLE.fullmatch(doc.text, heading.start, heading.end if line_end < 0 else line_end):
                code = IDENTIFIER_TITLE
        while entries and entries[-1] >= heading.level:
            entries.pop()
        if code == ENTRY_TITLE:
            entries.append(heading.level)
        named = set()
        if code:
            named = {w.lower() for w in _TITLE_WORD.findall(doc.text, heading.start, heading.end)} - words
        out.append((heading.level, code, frozenset(hashes(sorted({stem(w) for w in words - STOPWORDS}))),
                    bool(entries), frozenset(hashes(sorted({stem(w) for w in named - STOPWORDS})))))
    return tuple(out)


def section_slots(doc, sentence_starts: list[int]) -> tuple[array, bytes, bytes]:
    """Per sentence starting at `sentence_starts`: its section number (0 before the
    first heading), its slot, the number of paragraphs between its section's heading
    and its own block, and its tail, the number of paragraphs after its own block
    before the next heading (all 0 in a document without headings)."""
    heads = [h.start for h in doc.headings]
    if not heads:
        zeros = bytes(len(sentence_starts))
        return array("I", bytes(4 * len(sentence_starts))), zeros, zeros
    # Paragraphs only: parallel sections list different numbers of parameters or
    # options, and the statement after the list still holds the same place.
    block_starts = [b.start for b in doc.blocks if b.kind == "paragraph"]
    sections, slots, tails = array("I"), bytearray(), bytearray()
    for start in sentence_starts:
        section = bisect_right(heads, start)
        first = bisect_right(block_starts, heads[section - 1]) if section else 0
        stop = bisect_right(block_starts, heads[section]) if section < len(heads) else len(block_starts)
        own = bisect_right(block_starts, start) - 1  # the paragraph it is in, or the last before
        sections.append(section)
        slots.append(min(_MAX_SLOT, max(0, own - first)))
        tails.append(min(_MAX_SLOT, max(0, stop - own - 1)))
    return sections, bytes(slots), bytes(tails)
