"""Reporting verbs among a document's trigger hits: the verbs an attribution rule reads,
found by the document's one trigger scan (prefilter) rather than a scan of their own,
and of those the ones that may report (SourceReader.reports_nothing lets them through)."""
from __future__ import annotations

from typing import Iterator

from doclint.families.claims.source import COMPLEMENT, SourceReader


class VerbHit:
    """A reporting verb found by the shared trigger scan, read like a regex match."""

    __slots__ = ("_start", "_word")

    def __init__(self, start: int, word: str) -> None:
        self._start, self._word = start, word

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._start + len(self._word)

    def group(self) -> str:
        return self._word


def verb_hits(reader: SourceReader, ct, shared, masked: str | None = None) -> Iterator[tuple[int, VerbHit]]:
    """(sentence, verb) for each whole-word reporting verb among the document's trigger
    hits: the same verbs as `reader.verbs` finds, without a scan of its own. (A verb is
    a whole word, so it cannot start inside a longer trigger word's hit: trigger words
    hold no space.) Given the `masked` text, a verb written with a capital inside its
    sentence is left out: it reports nothing (see `SourceReader.reports_nothing`), and
    about a third of the hits in news prose are such names ("the Southern States")."""
    kinds = reader.verb_kinds
    low = ct.lower
    size = len(low)
    sentences = ct.sentences
    for i, start, word in ct.trigger_hits(*shared):
        if word not in kinds:
            continue
        # Not inside a word: the characters either side are no [\w-] (a word character
        # is what str.isalnum() says, or "_").
        if start:
            c = low[start - 1]
            if c.isalnum() or c == "-" or c == "_":
                continue
        end = start + len(word)
        if end < size:
            c = low[end]
            if c.isalnum() or c == "-" or c == "_":
                continue
        if masked is not None and masked[start].isupper() and start > sentences[i][0]:
            continue
        yield i, VerbHit(start, word)


def reporting_hits(reader: SourceReader, ct, shared, masked: str) -> Iterator[tuple[int, VerbHit]]:
    """The hits of `verb_hits(reader, ct, shared, masked)` that `reader.reports_nothing`
    lets through. Most verb hits in prose end at a check here ("the state", "held"
    without a complement), so none of them is built into a match or read by a call
    per hit."""
    silent = reader.bare_silent
    particles = reader.particles
    complement = COMPLEMENT.match
    sentences = ct.sentences
    for i, hit in verb_hits(reader, ct, shared, masked):
        word = hit.group()
        if word in silent:
            # A complement verb with nothing after it that it needs: `reports_nothing`
            # (see `SourceReader._complement` for a "weak" verb).
            end = hit.start() + len(word)
            needed = particles.get(word)
            if needed is not None:
                if needed.match(masked, end, sentences[i][1]) is None:
                    continue
            elif complement(masked, end) is None:
                continue
        yield i, hit
