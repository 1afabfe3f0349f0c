"""Sentences, quotations, citations and prose scans shared by the claim kinds."""
from __future__ import annotations

import re
import weakref
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import Iterable

from doclint.core.document import Document
from doclint.core.textmatch import RuleTimeout, compile_alternation
from doclint.families.claims.prefilter import CueSet, lowered, phrase_words

# Wikipedia-style text keeps its reference markers after the full stop ("won.[12] Critics
# said ..."), and plain-text dumps lose the space ("2023.At the end"); the splitter keeps
# both joined, so we cut there to give each citation to the sentence it supports.
_CUT = re.compile(r"[.!?](?:[\"\u201d\u2019)]?(?:\s?\[[^\[\]\n]{1,30}\])+(?=\s+\S)|(?<=[a-z0-9][.!?])(?=[A-Z][a-z]))")
# Quotations are found per prose block, so a hard-wrapped quotation may span lines.
_OPENERS = "\u201c\"\u2018"
_QUOTES = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"]*\"|\u2018[^\u2019]*\u2019(?!\w)")


def claim_sentences(doc: Document) -> list[tuple[int, int]]:
    """The document's sentences outside headings, cut again after trailing reference markers."""
    out = []
    text = doc.text
    cuts = cut_ends(text)  # most sentences have none
    next_cut = cuts[0] if cuts else len(text) + 1
    add = out.append
    for sent in doc.sentences:
        if sent.block.kind == "heading":
            continue  # a title states no claim ("What the critics say")
        start, stop = sent.start, sent.end
        if next_cut > stop - 1 and next_cut > start:
            add((start, stop))  # no cut inside (most sentences): no search for one
            continue
        first = bisect_right(cuts, start)
        for end in cuts[first:bisect_right(cuts, stop - 1)]:
            if end > start:
                add((start, end))
            start = end
            while start < stop and text[start].isspace():
                start += 1
        if start < stop:
            add((start, stop))
        later = bisect_right(cuts, stop - 1)
        next_cut = cuts[later] if later < len(cuts) else len(text) + 1
    return out


@lru_cache(maxsize=None)
def _cut_at_stop() -> re.Pattern:
    # `_CUT` for a full stop: `re` finds a literal first character several times faster
    # than it scans for a class of three (with "!" and "?" matched where they stand,
    # 2.1 against 9.0 ms for 2 MB of prose). Compiled at the first document, not at
    # start-up.
    return re.compile(r"\." + _CUT.pattern[len("[.!?]"):])


def cut_ends(text: str) -> list[int]:
    """The ends of `_CUT.finditer(text)`'s matches, found for full stops by one scan and
    for the few "!" and "?" by `_CUT` where each stands. Merged in text order, a match
    that starts inside an earlier one is dropped, as one scan skips it: only a
    terminator inside a reference marker can ("[see p.Smith]"), and its match is the
    terminator alone, so it hides no other match."""
    found = [m.span() for m in _cut_at_stop().finditer(text)]
    match = _CUT.match
    for at in _marks(text, "!?"):
        m = match(text, at)
        if m is not None:
            found.append(m.span())
    found.sort()
    out: list[int] = []
    end = -1
    for start, stop in found:
        if start >= end:
            out.append(stop)
            end = stop
    return out


def _marks(text: str, marks: str) -> list[int]:
    """The offsets of every one of `marks` (single characters) in `text`, in order: found
    by `str.find`, which skips between them in C several times faster than a regex
    class scans."""
    out: list[int] = []
    find = text.find
    for mark in marks:
        at = find(mark)
        while at != -1:
            out.append(at)
            at = find(mark, at + 1)
    out.sort()
    return out


def quote_spans(doc: Document) -> list[tuple[int, int]]:
    """Spans of quoted words, per prose block (a quotation may hold several sentences)."""
    spans = []
    # Every quotation opens on one of these marks: a block holding none is not searched,
    # and a search starts at the block's first mark (most prose blocks quote nothing).
    text = doc.text
    opens = _marks(text, _OPENERS)
    if not opens:
        return spans
    # The blocks are found from the marks, not the marks per block, and in a block the
    # regex is tried only at a mark: a match starts on one, and trying them from the left,
    # each after the end of the last match, finds what a scan of the block finds.
    blocks = doc.blocks
    match = _QUOTES.match
    count, k, b = len(opens), 0, 0
    while k < count:
        at = opens[k]
        b = bisect_right(blocks, at, b, key=_BLOCK_END)  # the first block that ends after the mark
        if b == len(blocks):
            break
        start, end = blocks[b].start, blocks[b].end
        if at < start:
            k = bisect_left(opens, start, k)  # a mark between blocks: go to the block's first
            continue
        after = at
        while k < count and opens[k] < end:
            at = opens[k]
            k += 1
            if at < after:
                continue  # inside the last quotation
            m = match(text, at, end)
            if m is None:
                continue
            after = m.end()
            if text[at] == "\u2018" and at > 0 and text[at - 1].isalnum():
                continue  # an apostrophe-like mark inside a word opens no quotation
            spans.append((at, after))
        b += 1
    return spans


_BLOCK_END = attrgetter("end")


def block_runs(doc: Document, size: int = 65536) -> list[tuple[int, int]]:
    """Runs of consecutive prose blocks of about `size` characters, to scan in one call
    (the masked text between blocks is blank, so nothing matches there)."""
    runs: list[tuple[int, int]] = []
    start = end = None
    for block in doc.blocks:
        if start is None:
            start = block.start
        end = block.end
        if end - start >= size:
            runs.append((start, end))
            start = None
    if start is not None:
        runs.append((start, end))
    return runs


def inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


@dataclass(frozen=True)
class ClaimText:
    """Sentences, quotations and citations of one document, shared by the claim kinds."""

    sentences: list
    starts: list
    quotes: list
    quote_starts: list
    chunks: list
    lower: str = ""         # the masked text in lower case, for the cue pre-filters
    lower_ok: bool = False  # whether its offsets are those of the masked text
    folded: bool = True     # whether every character of it was case-folded in full (see `lowered`)
    analyses: dict = field(default_factory=dict)  # attribution options -> sentence statuses

    @classmethod
    def of(cls, doc) -> "ClaimText":
        cached = _SHARED.get(doc)
        if cached is None:
            cached = _SHARED[doc] = cls.build(doc)
        return cached

    @classmethod
    def build(cls, doc) -> "ClaimText":
        sentences = claim_sentences(doc)
        quotes = quote_spans(doc)
        return cls(sentences, [s for s, _ in sentences], quotes, [s for s, _ in quotes],
                   block_runs(doc), *lowered(doc.masked))

    def index(self, pos: int) -> int:
        """The sentence that holds `pos`, or -1 (a match between sentences)."""
        i = bisect_right(self.starts, pos) - 1
        return i if i >= 0 and pos < self.sentences[i][1] else -1

    def trigger_hits(self, key: frozenset, trigger) -> list[tuple[int, int, str]]:
        """(sentence, offset, word) for each hit of the shared trigger scan in the lowered
        prose, scanned once per document for every rule that asks (`key` names the word
        set). A hit is the longest trigger word at its place, inside a word or not."""
        found = self.analyses.get(key)
        if found is None:
            found = self._scan(key, trigger)[0]
        return found

    def trigger_sentences(self, key: frozenset, trigger) -> dict[str, set[int]]:
        """The sentences of each word hit by the shared trigger scan (see trigger_hits)."""
        found = self.analyses.get(("by word", key))
        if found is None:
            found = self._scan(key, trigger)[1]
        return found

    def _scan(self, key: frozenset, trigger) -> tuple[list, dict]:
        # Both readings of the hits are made in the one walk over them.
        hits: list[tuple[int, int, str]] = []
        add = hits.append
        by_word: dict[str, set[int]] = {}
        sentences = self.sentences
        count = len(sentences)
        i = 0  # hits come in text order: walk the sentences along, no search per hit
        for start, end in self.chunks:
            for pos, word in trigger.hits(self.lower, start, end):
                while i < count and sentences[i][1] <= pos:
                    i += 1
                if i < count and sentences[i][0] <= pos:
                    add((i, pos, word))
                    found = by_word.get(word)
                    if found is None:
                        by_word[word] = {i}
                    else:
                        found.add(i)
        self.analyses[key] = hits
        self.analyses[("by word", key)] = by_word
        return hits, by_word

    def quoted(self, pos: int) -> bool:
        return inside(self.quotes, self.quote_starts, pos)




# The claim rules read the same sentences of a document: build them once per document.
_SHARED: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def cue_matchers(phrases, patterns) -> CueSet:
    """The cue set of these phrases and regexes; built once per process for each list
    (the claim rules that extend one another share theirs, and a CueSet never changes)."""
    return _cue_set(tuple(phrases), tuple(patterns))


@lru_cache(maxsize=None)
def _cue_set(phrases: tuple[str, ...], patterns: tuple[str, ...]) -> CueSet:
    # One matcher per regex: `regex` scans each alone many times faster than all of them
    # joined in one alternation (measured 11-250 MB/s alone, 2.5 MB/s joined); the
    # pre-filter then runs each only on the sentences holding a word it needs.
    literal = compile_alternation(list(phrases), [], True)
    out = [(literal, phrase_words(phrases))] if literal is not None else []
    out += [(compile_alternation([], [p], True), None) for p in patterns]
    out = [(m, words) for m, words in out if m is not None]
    return CueSet((m for m, _ in out), (words for _, words in out))


def cue_matches(cues: CueSet, doc, ct: "ClaimText", timeout: float) -> Iterable:
    try:
        yield from cues.finditer(doc.masked, ct, timeout)
    except TimeoutError:
        raise RuleTimeout(f"pattern timed out after {timeout}s") from None


_NAME = re.compile(r"\b([A-Z][a-z]+)\s+(?:[A-Z][a-z]+|[a-z]+ed|told|said|wrote|spoke|met|gave|took|made)\b"
                   r"|,\s+([A-Z][a-z]+),")
_NOT_NAME = frozenset("The This That These Those In On At A An But And It He She They We If When".split())


def named_between(doc, ct: "ClaimText", source: int, pronoun: int) -> bool:
    if doc.masked[pronoun:pronoun + 4].lower() == "they":
        return False
    for m in _NAME.finditer(doc.masked, ct.sentences[source][1], pronoun):
        if (m.group(1) or m.group(2)) not in _NOT_NAME:
            return True
    return False


_WORD = re.compile(r"[\w&'\u2019-]+")
_AGENT_SUFFIXES = ("ers", "ors", "ists", "ians")
_OF_PLACE = frozenset("at from with for in by".split())


def named_nearby(nouns: frozenset, masked: str, sentences: list, i: int, demonym: re.Pattern) -> bool:
    """Does the sentence before or after sentence `i` name a source: a source noun with
    a name beside it ("the Gallup poll", "researchers at the Delft lab", "a survey by
    Ipsos")? `nouns` are lower-case source nouns; "engineers"-like words count too."""
    for j in (i - 1, i + 1):
        if not 0 <= j < len(sentences):
            continue
        toks = _WORD.findall(masked, *sentences[j])
        for t, word in enumerate(toks):
            low = word.lower()
            if low not in nouns and not (low.isalpha() and low.endswith(_AGENT_SUFFIXES)):
                continue
            before = toks[t - 1] if t else ""
            if t > 1 and before[:1].isupper() and before not in _NOT_NAME and not demonym.fullmatch(before):
                return True  # "The Gallup poll" (never the sentence's first word)
            after = toks[t + 1:t + 4]
            if after and after[0].lower() in _OF_PLACE:
                rest = after[1:] if len(after) > 1 and after[1].lower() != "the" else after[2:]
                if rest and rest[0][:1].isupper():
                    return True  # "researchers at the Delft lab"
    return False


def mentioned_before(ct: "ClaimText", word: str, pos: int) -> bool:
    """Does `word` (lower case) stand in the document before `pos`? Without the lowered
    text (see `lowered`) it is taken as mentioned, which reports less; so it is where a
    "ß" was kept unfolded, as it was before such a text had the pre-filters."""
    if not ct.lower_ok or not ct.folded:
        return True
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])").search(ct.lower, 0, pos) is not None


_CLAUSE_BREAK = re.compile(r"[,;:()\u2014]")


def conditional(masked: str, sent_start: int, pos: int) -> bool:
    """Is `pos` inside an if- or unless-clause? A condition reports no claim: "If the
    public security is thought to be threatened, ...", "... if it is understood that"."""
    start = sent_start
    for m in _CLAUSE_BREAK.finditer(masked, sent_start, pos):
        start = m.end()
    return _CONDITION.search(masked, start, pos) is not None


_CONDITION = re.compile(r"\b(?:[Ii]f|[Uu]nless|[Ww]henever|[Pp]rovided|[Ss]uppos(?:e|ing))\b")


# What a term set apart as one starts with in the markup: emphasis, code, a glossary
# role or one quoted word ("is also said to be 'irrotational'"), after an article at
# most, or "in" and an article ("said to be in an *unsaved* state").
_TERM_AFTER = re.compile(r"[ \t\n]*(?:(?:in[ \t\n]+)?(?:an?|the)[ \t\n]+)?"
                         r"(?:[*_`]|:term:|['\"\u2018\u201c][\w-]+['\"\u2019\u201d])")


# After "it is said that", a word in emphasis among the clause's first five names what
# the clause describes: "(it is said that the greenlet *yielded* control to the Hub)".
_TERM_IN_CLAUSE = re.compile(r"(?:[ \t\n]+[\w-]+){0,4}[ \t\n]+[*_](?=\w)")


# A quoted phrase of up to four words: the term a generic subject is given.
_QUOTED_TERM = re.compile(r"[ \t\n]*[\"\u201c\u2018'][\w-]+(?:[ \t\n]+[\w-]+){0,3}[\"\u201d\u2019']")
_GENERIC = re.compile(r"[ \t\n]*(?:An?|Any|Each|Every)[ \t\n]")


def names_a_term(text: str, end: int, sentence_start: int = -1) -> bool:
    """Does the cue that ends at `end` of the document's text ("is said to be", "said
    to inherit") go on with, or end in, a term set apart in emphasis or code? Then it
    defines the term: "An object with a `__parent__` attribute is said to be
    *location-aware*", "a subclass is said to *inherit* its behaviour". After a generic
    subject (the sentence at `sentence_start` opens with "A", "Any", "Each"), a quoted
    phrase is a term too: 'A header that inherits its definition is said to be "linked
    to previous"'. After a cue that ends on "that", a term in emphasis may stand a few
    words into the clause ("it is said that the greenlet *yielded* control")."""
    if _TERM_AFTER.match(text, end) is not None:
        return True
    if text.endswith("that", 0, end) and _TERM_IN_CLAUSE.match(text, end) is not None:
        return True
    return sentence_start >= 0 and _QUOTED_TERM.match(text, end) is not None \
        and _GENERIC.match(text, sentence_start) is not None


def stressed(text: str, start: int) -> bool:
    """Does the cue that starts at `start` of the document's text open in emphasis ("who
    someone is *claimed* to be")? The writer stresses the word to set it against
    another ("claimed", not verified): it says what a thing does, and reports no talk."""
    return start > 0 and text[start - 1] in "*_"


def ends_on_cue(text: str, end: int, sentence_end: int) -> bool:
    """Does the sentence end with a cue that ends at `end` on "that" ("Moreover, it is
    said that" before a displayed formula)? What it reports is not in the prose: there
    is no claim to read. (A flag such as "[by whom?]" ends its sentence and still counts.)"""
    return text.endswith("that", 0, end) and not text[end:sentence_end].strip(" \t\n:")
