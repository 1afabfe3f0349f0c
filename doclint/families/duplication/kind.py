"""`duplicates` kind: exact and near-duplicate sentences across the run, and restatements."""
from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate, chain, repeat
from operator import add
from typing import Iterable

from doclint.core.finding import CorpusHit, Hit, TextRef
from doclint.core.kind import Kind
from doclint.core.logs import LOGS, is_log
from doclint.core.restatement import RESTATEMENT_THRESHOLD
from doclint.families.duplication import fingerprint as fp
from doclint.families.duplication.facts import DocFacts
from doclint.families.duplication.entries import block_numbers, entry_codes
from doclint.families.duplication.outline import outline, section_slots
from doclint.families.duplication.pointers import POINTERS, SELF_REMARKS, opener, pointer_flags
from doclint.families.duplication.passages import iter_passages
from doclint.families.duplication.reduce import reduce_exact, reduce_near
from doclint.families.duplication.restate import iter_restatements
from doclint.families.duplication.synopses import code_slots
from doclint.markup.plain import marked_spans, plain_many

MODES = ("exact", "near", "restated", "passage")
SCOPES = ("all", "document", "corpus")
ACROSS = ("misplaced", "all")


class DuplicatesKind(Kind):
    """`mode: exact` reports a sentence that repeats an earlier one after normalisation
    (case, whitespace, quotes, dashes, punctuation); `mode: near` one that repeats an
    earlier one with small edits (word-level similarity at least `threshold`); both
    within a document and across all documents of the run. `mode: restated` reports a
    sentence that repeats most content words of one of the `window` sentences before
    it in other words (within one document); `mode: passage` a run of at least
    `min-words` words that repeats an earlier one of the document, whatever the
    sentence boundaries."""

    name = "duplicates"

    @dataclass(frozen=True)
    class Options:
        mode: str = "exact"
        min_words: int = 5
        # near: sentences shorter than this are compared exactly only. Two short
        # sentences a word apart ("The return type is a string." / "Return type is a
        # string.") are mostly a formula of the text, not a paste that slipped.
        near_min_words: int = 8
        threshold: float = 0.0          # 0 means the mode's default
        scope: str = "all"
        max_documents: int = 0          # ignore sentences found in more documents (0: no limit)
        boilerplate_share: float = 0.002  # ignore sentences found in this share of the documents (0: never)
        reused_from: int = 2            # documents sharing this many copies were written from one another (0: never)
        group: bool = False             # one finding per cluster of copies
        group_from: int = 4             # exact: clusters of this many copies are grouped (0: never)
        # Sentences that begin so point the reader elsewhere; a pointer repeated in
        # another section or document is navigation, not a slip (see pointers).
        pointers: tuple[str, ...] = POINTERS
        # Sentences that begin so remark on their own section or entry; the same remark
        # opening, or closing, two sections speaks of two entries (see pointers).
        self_remarks: tuple[str, ...] = SELF_REMARKS
        # Documents that are logs: what one repeats of another document is an entry
        # carried over (a fix listed under each release it was backported to).
        logs: tuple[str, ...] = LOGS
        template_from: int = 4          # a sentence this many times in one document is its structure (0: never)
        # Copies in two files: "misplaced" reports one only where it does not belong
        # (across_files.at_home), "all" every one. Records of a corpus: always all.
        copies_across: str = "misplaced"
        ignore_quoted: bool = False
        skip_blocks: tuple[str, ...] = ("heading", "table-cell")
        window: int = 1                 # restated: how many sentences back to look
        after_complete: bool = False    # restated: also after a complete sentence (not only a cut-off one)
        quote_length: int = 48

        def __post_init__(self) -> None:
            if self.mode not in MODES:
                raise ValueError(f"'mode' must be one of {', '.join(MODES)}")
            if self.scope not in SCOPES:
                raise ValueError(f"'scope' must be one of {', '.join(SCOPES)}")
            if self.copies_across not in ACROSS:
                raise ValueError(f"'copies-across' must be one of {', '.join(ACROSS)}")
            if self.group_from == 1 or self.group_from < 0:
                raise ValueError("'group-from' must be 0 (never) or at least 2")
            if not 0.0 <= self.boilerplate_share <= 1.0:
                raise ValueError("'boilerplate-share' must lie between 0 and 1")
            if not 0.0 <= self.threshold <= 1.0:
                raise ValueError("'threshold' must lie between 0 and 1")
            if self.template_from == 1 or self.template_from < 0:
                raise ValueError("'template-from' must be 0 (never) or at least 2")
            if self.reused_from < 0:
                raise ValueError("'reused-from' must be 0 (never) or more")
            if self.min_words < 1 or self.near_min_words < 1 or self.window < 1 or self.max_documents < 0:
                raise ValueError("'min-words', 'near-min-words' and 'window' must be positive, "
                                 "'max-documents' >= 0")
            default = {"exact": 1.0, "near": 0.8, "restated": RESTATEMENT_THRESHOLD, "passage": 1.0}[self.mode]
            object.__setattr__(self, "cutoff", self.threshold or default)

    def check(self, doc) -> Iterable[Hit]:
        if self.options.mode == "passage":
            return iter_passages(doc, self.options.min_words, self.options)
        if self.options.mode != "restated":
            return ()
        return iter_restatements(doc, self.options, self._comparable(doc))

    def _comparable(self, doc) -> list[tuple[int, int, list[str], str]]:
        """(start, end, tokens, block kind) of each sentence worth comparing, in document
        order. Cached on the document, so that the rules of this kind share the work."""
        opts = self.options
        key = ("duplicates", opts.min_words, opts.skip_blocks, opts.ignore_quoted)
        cached = doc.attributes.get(key)
        if cached is None:
            skip, least = opts.skip_blocks, opts.min_words
            # Mostly code is not a sentence worth comparing.
            # A sentence that introduces a list or code block ("Entries look like the
            # following:") means what that block holds: its repeats introduce other blocks.
            text = doc.text
            cached = doc.attributes[key] = [
                item for item in _tokenised(doc, opts.ignore_quoted)
                if item[3] not in skip and len(item[2]) >= least and item[4] * 2 <= len(item[2])
                and not _introduces(text, item[1]) and not _link_alone(text, item[0], item[1])
                and not _CREDIT(item[2]) and not _specimen(item[2])]
        return cached

    def facts(self, doc) -> DocFacts | None:
        opts = self.options
        if opts.mode in ("restated", "passage"):
            return None
        comparable = self._comparable(doc)
        key = ("duplicates-facts", opts.min_words, opts.skip_blocks, opts.ignore_quoted, opts.quote_length)
        base = doc.attributes.get(key)
        if base is None:
            base = doc.attributes[key] = _base_facts(doc, comparable, opts.quote_length)
        # The word codes serve near-duplicate matching and, in both modes, telling a
        # sentence restated in a parallel section from a slip (doclint.families.duplication.parallel_text);
        # both rules share one copy.
        tokens_key = key + ("tokens",)
        shared = doc.attributes.get(tokens_key)
        if shared is None:
            # All words of the document in one C-level pass: word lists end to end,
            # each sentence's slice given by the running sum of their lengths.
            starts = array("I", [0])
            starts.extend(accumulate(len(item[2]) for item in comparable))
            shared = doc.attributes[tokens_key] = (
                starts, fp.hashes(chain.from_iterable(item[2] for item in comparable)))
        starts, token_data = shared
        # What the structure tests read (doclint.families.duplication.parallel_text):
        # the same for both rules, so worked out once per document.
        structure_key = key + ("structure",)
        structure = doc.attributes.get(structure_key)
        if structure is None:
            structure = doc.attributes[structure_key] = _structure(doc, comparable)
        return DocFacts(doc.path, doc.record, doc.record_line, *base, starts, token_data,
                        row_group=doc.row_group, **structure,
                        pointers=pointer_flags([item[2] for item in comparable], opts.pointers,
                                               opts.self_remarks),
                        log=is_log(doc, opts.logs))

    def check_corpus(self, facts: list) -> Iterable[CorpusHit]:
        docs = [f for f in facts if f is not None]
        if self.options.mode == "exact":
            return reduce_exact(docs, self.options)
        if self.options.mode == "near":
            return reduce_near(docs, self.options)
        return ()

    def splits_corpus(self) -> bool:
        return self.options.mode in ("exact", "near")

    def shard_facts(self, facts: list, ranges: int) -> list:
        from doclint.families.duplication.ranges import shard
        return shard([f for f in facts if f is not None], ranges)

    def reduce_range(self, shards: list, documents: int):
        if self.options.mode == "near":
            from doclint.families.duplication.near_ranges import reduce_fingerprints
            return reduce_fingerprints(shards, documents, self.options)
        from doclint.families.duplication.ranges import reduce_range
        return reduce_range(shards, documents, self.options)

    def corpus_wanted(self, reduced: list, documents: int, summaries: list):
        if self.options.mode == "near":  # more rounds: words, keys, then word codes
            from doclint.families.duplication.near_ranges import after_fingerprints
            return after_fingerprints(reduced, documents, summaries, self.options)
        from doclint.families.duplication.ranges import wanted
        return wanted(reduced, documents, summaries, self.options)

    def round_facts(self, name: str, facts: list, first: int, given, wanted: dict, ranges: int):
        from doclint.families.duplication.near_ranges import round_facts
        return round_facts(name, facts, first, given, wanted, ranges)

    def reduce_round(self, name: str, shards: list, documents: int, given):
        from doclint.families.duplication.near_ranges import reduce_round
        return reduce_round(name, shards, given, self.options)

    def fact_detail(self, details, number: int, fact: DocFacts, wanted: set[int]):
        from doclint.families.duplication.window import Rows, quoted
        details = Rows() if details is None else details
        details.add(number, fact, wanted)
        return details, quoted(fact, sorted(wanted))

    def finish_corpus(self, plan, details: list) -> Iterable[CorpusHit]:
        if self.options.mode == "near":
            from doclint.families.duplication.near_ranges import finish as finish_near
            return finish_near(plan, details, self.options)
        from doclint.families.duplication.ranges import finish
        return finish(plan, details, self.options)

    def quotes_later(self) -> bool:
        return self.options.mode in ("exact", "near")

    def quote(self, doc, ref: TextRef) -> str:
        """The short quote of a reported sentence, read without markup (`**`, backticks,
        tags) as the reader sees it; fingerprint.quote() reads at most twice
        `quote-length` characters of it."""
        length = self.options.quote_length
        end = min(ref.end, ref.start + 2 * length)
        if not ref.markup:  # the raw text reads as it is: no need to parse the document
            return fp.quote(doc.text[ref.start:end], length)
        [prefix] = plain_many(doc.text, doc.masked, [ref.start], [end])
        return fp.quote(prefix, length)


def _tokenised(doc, ignore_quoted: bool) -> list[tuple[int, int, list[str], str, int]]:
    """(start, end, tokens, block kind, code tokens) of every sentence, cached."""
    key = ("duplicates-tokens", ignore_quoted)
    cached = doc.attributes.get(key)
    if cached is None:
        text, masked = doc.text, doc.masked
        shared = None if ignore_quoted else doc.folded_words
        low = None if shared is None else shared.low
        if shared is not None and not shared.has_code:  # the common case: slices of one cut
            within = shared.tokens_within
            cached = doc.attributes[key] = [(s.start, s.end, within(s.start, s.end), s.block.kind, 0)
                                            for s in doc.sentences]
            return cached
        cached = doc.attributes[key] = []
        every = None if shared is None else fp.document_tokens(doc)
        for sent in doc.sentences:
            start, end = sent.start, sent.end
            own = None if shared is None else shared.span(start, end)
            has_code = masked.find(fp.CODE_MASK, start, end) != -1
            if own is not None:
                words = every[own[0]:own[1]]
            elif low is not None:
                words = fp.tokens_at(low, text, start, end)
            else:
                words = fp.tokens(masked[start:end], text[start:end], ignore_quoted)
            code = sum(1 for w in words if w[0] == "`") if has_code else 0
            cached.append((start, end, words, sent.block.kind, code))
    return cached


def _introduces(text: str, end: int) -> bool:
    """Whether the sentence ending at `end` ends with a colon (closing marks aside, and
    the " >" that opens an example in Vim's help), or without a stop right before a
    block of code that finishes it ("Now you can do the same with", then the code)."""
    stop = end
    while end > 0:
        if text[end - 1] in " \t\n*_`)\"'\u201d\u2019":
            end -= 1
        elif text[end - 1] == ">" and end > 1 and text[end - 2] in " \t":
            end -= 2
        else:
            break
    if end > 0 and text[end - 1] == ":":
        return True
    return end > 0 and text[end - 1].isalnum() and _CODE_NEXT.match(text, stop) is not None


def _link_alone(text: str, start: int, end: int) -> bool:
    """Whether the sentence at [start, end) is a link and nothing else on its lines (a
    list item of further reading: "`Section F of the XML specification <url>`_"): it
    names the page it links to, as a title does, and says nothing."""
    if start == 0 or text[start - 1] not in "`[":
        return False  # the words of a link start right after its opening mark
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    raw = text[line_start:len(text) if line_end == -1 else line_end]
    return ("<" in raw or "](" in raw) and _LINK_LINE.fullmatch(raw) is not None


# A credit names who helped with the entry it follows ("Patch by Christian Brabandt,
# 2011 Jul 27.", "Thanks to Zhang Zeyu for reporting this issue."): the same helper
# credited under two entries is no sentence written twice.
_CREDIT = opener(("patch by", "patches by", "fix by", "fixed by", "thanks to", "contributed by",
                  "reported by", "suggested by", "credit to", "based on a patch by"))


# What a specimen of markup calls itself ("This is a normal text paragraph.").
_SPECIMEN_OPENINGS = {("this", "is"), ("here", "is")}
_SPECIMEN_ARTICLES = frozenset({"a", "an", "another", "the", "some"})
_SPECIMEN_NOUNS = frozenset({"paragraph", "sentence", "heading", "line", "quote", "blockquote", "item", "text",
                             "note", "tip", "warning", "admonition", "sidebar", "caption", "footnote", "test"})
_SPECIMEN_AFTER = frozenset({"again", "too"})


def _specimen(words: list[str]) -> bool:
    """Whether a sentence only says what markup it is ("This is a normal text
    paragraph.", "This is a normal text paragraph again.", "Here is another note."):
    a specimen on the demo page of a theme or a style guide says nothing, and saying
    it again is no slip."""
    if words and words[-1] in _SPECIMEN_AFTER:
        words = words[:-1]
    return 4 <= len(words) <= 7 and tuple(words[:2]) in _SPECIMEN_OPENINGS \
        and words[2] in _SPECIMEN_ARTICLES and words[-1] in _SPECIMEN_NOUNS


# A link alone on its line, after a list marker at most: reST's `text <url>`_ or
# Markdown's [text](url).
_LINK_LINE = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])?[ \t]*(?:`[^`<\n]+<[^>\n]+>`__?|\[[^\]\n]+\]\([^)\n]+\))[ \t]*")


# Code on the lines after a sentence, past one blank line at least: a fence, a
# directive, a doctest or a Markdown code block indented four spaces.
_CODE_NEXT = re.compile(r"[ \t]*\n(?:[ \t]*\n)+(?:[ \t]*(?:```|~~~|\.\. [\w:-]+::|>>> )|(?: {4}|\t))")


def _structure(doc, comparable) -> dict:
    """Per comparable sentence, as DocFacts fields: whether it stands in a list entry or
    block quote, the number of its block (entries.block_numbers), its section and
    slot there, whether it opens its block and whether it is all of it, and its shape
    without numbers; and the document's outline."""
    numbers = block_numbers(doc)
    starts = [b.start for b in doc.blocks]
    firsts, block, counts = set(), None, Counter()
    for sentence in doc.sentences:
        counts[id(sentence.block)] += 1
        if sentence.block is not block:
            block = sentence.block
            firsts.add(sentence.start)
    alone = {sentence.start for sentence in doc.sentences if counts[id(sentence.block)] == 1}
    sections, slots, tails = section_slots(doc, [item[0] for item in comparable])
    codes, code_places = entry_codes(doc), code_slots(doc, numbers)
    return {"entries": bytes(codes[bisect_right(starts, item[0]) - 1] for item in comparable),
            "blocks": array("I", (numbers[bisect_right(starts, item[0]) - 1] for item in comparable)),
            "sections": sections, "slots": slots, "tails": tails, "outline": outline(doc),
            "leads": bytes(item[0] in firsts for item in comparable),
            "alone": bytes(item[0] in alone for item in comparable),
            "code_slots": bytes(code_places[bisect_right(starts, item[0]) - 1] for item in comparable),
            "shapes": fp.shapes([item[2] for item in comparable])}


def _base_facts(doc, comparable, quote_length: int) -> tuple:
    """Fingerprints, spans, endings, deletion spans, line index and markup flags: shared
    by the exact and near rules. Everything per sentence is a C-level pass."""
    text = doc.text
    starts, ends = [item[0] for item in comparable], [item[1] for item in comparable]
    prints = fp.fingerprints([item[2] for item in comparable])
    spans = array("I", chain.from_iterable(zip(starts, ends)))
    ended = bytes(map(bool, map(fp.ENDED.search, repeat(text), starts, ends)))
    # A quote reads at most 2 * quote_length characters of a sentence (fingerprint.quote).
    limits = list(map(min, ends, map(add, starts, repeat(2 * quote_length))))
    marked = marked_spans(text, doc.masked, starts, limits)
    deletions = {}
    if len(set(prints)) < len(prints):  # a sentence repeats in this document
        seen = set()
        for index, (value, item) in enumerate(zip(prints, comparable)):
            if value in seen and item[3] == "paragraph":
                deletions[index] = _deletion(doc.text, item[0], item[1])
            seen.add(value)
    return prints, spans, ended, deletions, doc.line_index.compact(), marked


def _deletion(text: str, start: int, end: int) -> tuple[int, int]:
    """The span to delete to remove a sentence: with the spaces after it, or with its
    whole line when it stands alone on that line."""
    after = end
    while after < len(text) and text[after] in " \t":
        after += 1
    before = start
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    line_start = before == 0 or text[before - 1] == "\n"
    line_end = after == len(text) or text[after] == "\n"
    if line_start and line_end:
        return before, min(after + 1, len(text))
    if line_end:
        return before, after
    return start, after
