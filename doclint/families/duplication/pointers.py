"""Sentences that send the reader elsewhere ("See :ref:`triage` for more information."):
the same pointer offered in two places is structure, not a slip."""
from __future__ import annotations

from doclint.families.duplication.facts import LOW, SHIFT, DocFacts


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
            "this is now covered in", "this is now documented in", "moved to")


def pointer_flags(sentences: list[list[str]], phrases: tuple[str, ...]) -> bytes:
    """Per sentence (its lower-case words): 1 when it begins with one of `phrases`."""
    heads = {tuple(p.lower().split()) for p in phrases}
    lengths = sorted({len(h) for h in heads})
    firsts = {h[0] for h in heads if h}
    return bytes(bool(words) and words[0] in firsts and any(tuple(words[:n]) in heads for n in lengths)
                 for words in sentences)


def repeated_pointer(docs: list[DocFacts], a: int, b: int) -> bool:
    """Whether `a` and its copy `b` point the reader elsewhere from two sections or two
    documents: the same link offered where each reader may need it. Twice in one
    section it is still a slip."""
    doc_a, doc_b = docs[a >> SHIFT], docs[b >> SHIFT]
    ia, ib = a & LOW, b & LOW
    if not (doc_a.pointers and doc_b.pointers and doc_a.pointers[ia] and doc_b.pointers[ib]):
        return False
    return doc_a is not doc_b or doc_a.sections[ia] != doc_b.sections[ib]
