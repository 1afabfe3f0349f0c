"""Sentences whose sense depends on where they stand. One that sends the reader
elsewhere ("See :ref:`triage` for more information.", "Now you can build the
bootloader as shown above.") offered in two places is
structure, not a slip; so is a remark on its own section or entry ("This section is
required for every docstring.", "The option is ignored if `move` is enabled.") made at
the same place of two sections: each copy speaks of another entry."""
from __future__ import annotations

import re

from doclint.families.duplication.facts import LOW, SHIFT, DocFacts
from doclint.families.duplication.in_context import closes_block


# How a sentence that sends the reader elsewhere begins ("See :ref:`triage` for more
# information.", "For more details, see the specification.", and the stub a moved
# section leaves: "This section was moved to :ref:`setup`."); the default of the
# `pointers` option.
POINTERS = ("see", "refer to", "for more information", "for more details", "for details",
            "for further information", "for further details", "for more on", "for information on",
            "more information", "further information", "you can find more information",
            "you can find more details", "read more", "learn more", "consult",
            "this section was moved to", "this section has moved to", "this section has been moved to",
            "this page was moved to", "this page has moved to", "this page has been moved to",
            "this is now covered in", "this is now documented in", "moved to",
            # where the documentation is, as a README says at its top and again at its end
            "full documentation", "the full documentation", "documentation is available",
            "the documentation is available", "documentation can be found", "the documentation can be found")


# How a version note begins: each entry added or changed in one release carries the
# same one ("New in version 1.12: see also ffi.release()."), wherever in the entry it
# stands.
_VERSION_NOTES = ("new in version", "changed in version", "added in version", "deprecated since version",
                  "deprecated in version")
# How a remark on its own section or entry begins; the default of the `self-remarks`
# option. A version note is one too.
SELF_REMARKS = ("this section", "this option", "the option", "this setting", "the setting",
                "this function", "this method", "this command", "this flag", "this parameter",
                "this field", "this variable", "this property", "this attribute", "this hook",
                "this directive", "this plugin") + _VERSION_NOTES
POINTER, SELF_REMARK, VERSION_NOTE = 1, 2, 3
# A version note that does not begin as one: a verb of coming or going, "in" or
# "since", then a version number or the word "version" within three words.
_DATED = frozenset(("introduced", "added", "new", "available", "deprecated", "removed", "changed"))
_RELEASE = re.compile(r"v?\d+(?:\.\d+)+\w*|version")
_VERSION_NOTE_WORDS = 16

# A sentence that points elsewhere in its page wherever it says so ("Now you can build
# the bootloader as shown above.", "..., see below."): each copy sends its reader to
# the same place from another section.
_WHERE = frozenset(("above", "below", "earlier", "previously"))
# The verbs of a pointer that follows a purpose ("To see all of the options see ..."),
# within this many words of the start.
_SEND = frozenset(("see", "consult"))
_PURPOSE_WORDS = 12
_HOW = frozenset(("shown", "described", "explained", "discussed", "mentioned", "noted", "outlined",
                  "detailed", "listed", "illustrated", "given", "defined"))


def pointer_flags(sentences: list[list[str]], phrases: tuple[str, ...], remarks: tuple[str, ...] = ()) -> bytes:
    """Per sentence (its lower-case words): POINTER when it begins with one of
    `phrases` or points elsewhere in its page (_WHERE), SELF_REMARK when it begins with
    one of `remarks` (VERSION_NOTE when that is a version note), else 0."""
    pointer, remark, version = opener(phrases), opener(remarks), opener(_VERSION_NOTES)
    # A version note that begins otherwise is one while the remarks hold version notes.
    dated = any(remark(note.split()) for note in _VERSION_NOTES)
    return bytes(POINTER if pointer(_unasked(words)) or _points_in_page(words) or _sends_after_purpose(words)
                 else VERSION_NOTE if (version(words) and remark(words)) or (dated and _dates_itself(words))
                 else SELF_REMARK if remark(words) else 0
                 for words in sentences)


def _unasked(words: list[str]) -> list[str]:
    """`words` without a "please" that opens them: "Please see the documentation for
    more information." points elsewhere as "See ..." does."""
    return words[1:] if words and words[0] == "please" else words


def _dates_itself(words: list[str]) -> bool:
    """Whether a short sentence says in which release its entry came or went ("This
    capability was introduced in Mercurial 1.9 (released July 2011).", "Available
    since version 3.2."): a version note, however it begins."""
    if len(words) > _VERSION_NOTE_WORDS or _DATED.isdisjoint(words):
        return False
    for k, word in enumerate(words[:-2]):
        if word in _DATED and words[k + 1] in ("in", "since") \
                and any(_RELEASE.fullmatch(w) for w in words[k + 2:k + 5]):
            return True
    return False


def _sends_after_purpose(words: list[str]) -> bool:
    """Whether `words` send the reader elsewhere after saying what for ("To see all of
    the options see the frontmatter guide.", "For a list of fields, consult the
    reference."): the pointer verb opens the main clause, within its first words."""
    if not words or words[0] not in ("to", "for"):
        return False
    return any(word in _SEND and words[k - 1] not in ("to", "and", "or")
               for k, word in enumerate(words[2:_PURPOSE_WORDS], start=2))


def _points_in_page(words: list[str]) -> bool:
    """Whether `words` say "as shown above", "is described below", "see above", "the
    above diagram" and the like."""
    if _WHERE.isdisjoint(words):
        return False
    return any(word in _WHERE and ((k >= 2 and words[k - 1] in _HOW and words[k - 2] in ("as", "is", "are"))
                                   or (k >= 1 and words[k - 1] in ("see", "the")))
               for k, word in enumerate(words))


def opener(phrases: tuple[str, ...]):
    """A test of whether a sentence's words begin with one of `phrases`."""
    heads = {tuple(p.lower().split()) for p in phrases}
    lengths = sorted({len(h) for h in heads})
    firsts = {h[0] for h in heads if h}
    return lambda words: bool(words) and words[0] in firsts and any(tuple(words[:n]) in heads for n in lengths)


def repeated_pointer(docs: list[DocFacts], a: int, b: int) -> bool:
    """Whether `a` and its copy `b` point the reader elsewhere from two sections or two
    documents: the same link offered where each reader may need it. Twice in one
    section it is still a slip."""
    doc_a, doc_b = docs[a >> SHIFT], docs[b >> SHIFT]
    ia, ib = a & LOW, b & LOW
    if not (doc_a.pointers and doc_b.pointers and doc_a.pointers[ia] == doc_b.pointers[ib] == POINTER):
        return False
    return doc_a is not doc_b or doc_a.sections[ia] != doc_b.sections[ib]


def remark_on_each_entry(docs: list[DocFacts], a: int, b: int) -> bool:
    """Whether `a` and its copy `b` remark on their own sections ("This section is
    required for every docstring.") and each opens its section, or each closes it: the
    same words said of two entries. Elsewhere in a section such a copy is still a slip,
    as is a copy within one section. A version note in two sections is each one's,
    wherever it stands."""
    doc_a, doc_b = docs[a >> SHIFT], docs[b >> SHIFT]
    ia, ib = a & LOW, b & LOW
    if not (doc_a.pointers and doc_b.pointers and doc_a.pointers[ia] == doc_b.pointers[ib]
            and doc_a.pointers[ia] in (SELF_REMARK, VERSION_NOTE)):
        return False
    if not (doc_a.sections[ia] and doc_b.sections[ib]) or (doc_a is doc_b and doc_a.sections[ia] == doc_b.sections[ib]):
        return False  # a document without headings, or one section
    if doc_a.pointers[ia] == VERSION_NOTE:
        return True  # the note of each entry of one release, wherever it stands

    def opens(doc: DocFacts, i: int) -> bool:
        return doc.slots[i] == 0 and bool(doc.leads[i])

    def closes(doc: DocFacts, i: int) -> bool:
        return doc.tails[i] == 0 and closes_block(doc, i)

    return (opens(doc_a, ia) and opens(doc_b, ib)) or (closes(doc_a, ia) and closes(doc_b, ib))
