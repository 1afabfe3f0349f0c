"""Sentence helpers for the claim rules: citations, quotations and the subject of a verb."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from doclint.document import Document

WORD = re.compile(r"\w(?:[\w'\u2019-]|\.(?=\w))*")
# Wikipedia-style text keeps its reference markers after the full stop ("won.[12] Critics
# said ..."), and plain-text dumps lose the space ("2023.At the end"); the splitter keeps
# both joined, so we cut there to give each citation to the sentence it supports.
# Both alternatives start with a terminator, so the scan jumps from one to the next.
_CUT = re.compile(r"[.!?][\"\u201d\u2019)]?(?:\s?\[[^\[\]\n]{1,30}\])+(?=\s+\S)|(?<=[a-z0-9])[.!?](?=[A-Z][a-z])")
_QUOTES = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"\n]*\"|\u2018[^\u2019]*\u2019(?!\w)")

# Words that may stand between a subject and its verb ("critics have long argued").
SKIP = frozenset("""also have has had would will could should may might must can do does did
    are is was were been be being still now often long repeatedly reportedly privately publicly
    recently previously initially later further then all both even already generally widely
    frequently sometimes always never not only however too once separately earlier first soon
    themselves""".split())
# Words that end a noun phrase when read backwards from a verb.
BOUNDARY = frozenset("""that which who whom whose because when while if but and or as than
    where since after before although though so whether how what why until unless whereas
    i we you it this to for by with""".split())
# Definite and possessive determiners point back to a source already introduced.
DEFINITE = frozenset("the these those this that such same said my our your his her its their".split())
PRONOUNS = frozenset("they he she".split())
FIRST_PERSON = frozenset("my our".split())
BE = frozenset("is are was were be been being".split())
# A modal makes the report hypothetical ("people might say"), not a claim.
MODALS = frozenset("would will could should may might must can let's".split())
_SEGMENT = re.compile(r"[,;:()\u2014\u2013\"\u201c\u201d]| - ")
AFTER_STOP = frozenset("""that which who whom whose as than because when while if but and or
    where since after before although though so is was are were has had have would will
    could should may might""".split())
AGENTIVE = ("ers", "ors", "ists", "ians", "ants", "ents")
POSTMOD = frozenset("""of at from in on with within across around among close familiar inside
    outside throughout all who speaking involved working near for to""".split())


@dataclass(frozen=True)
class Phrase:
    """A noun phrase read as a source: `kind` is vague, anaphor, pronoun, named or None."""

    kind: str | None
    start: int = 0
    end: int = 0


def claim_sentences(doc: Document) -> list[tuple[int, int]]:
    """The document's sentences outside headings, cut again after trailing reference markers."""
    out = []
    text = doc.text
    cuts = [m.end() for m in _CUT.finditer(text)]  # one pass; most sentences have none
    for sent in doc.sentences:
        if sent.block.kind == "heading":
            continue  # a title states no claim ("What the critics say")
        start = sent.start
        first = bisect_right(cuts, start)
        for end in cuts[first:bisect_right(cuts, sent.end - 1)]:
            if end > start:
                out.append((start, end))
            start = end
            while start < sent.end and text[start].isspace():
                start += 1
        if start < sent.end:
            out.append((start, sent.end))
    return out


def quote_spans(doc: Document) -> list[tuple[int, int]]:
    """Spans of quoted words, per prose block (a quotation may hold several sentences)."""
    spans = []
    for block in doc.blocks:
        for m in _QUOTES.finditer(doc.text, block.start, block.end):
            if m.group()[0] == "\u2018" and m.start() > 0 and doc.text[m.start() - 1].isalnum():
                continue  # an apostrophe-like mark inside a word opens no quotation
            spans.append((m.start(), m.end()))
    return spans


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


def words(masked: str, start: int, end: int) -> list[tuple[str, int]]:
    return [(m.group(), m.start()) for m in WORD.finditer(masked, start, end)]


def subject_before(masked: str, sent_start: int, pos: int, passive: bool = False) -> list[tuple[str, int]]:
    """The words of the noun phrase that ends just before `pos`, skipping adverbs and
    auxiliaries; a comma-delimited aside ("Critics, however, say") is stepped over."""
    end = pos
    stepped = aside = False
    for _ in range(3):
        seg = sent_start
        for m in _SEGMENT.finditer(masked, sent_start, end):
            seg = m.end()
        toks = words(masked, seg, end)
        skipped = []
        while toks and _skippable(toks[-1][0]):
            skipped.append(toks.pop()[0].lower())
        if MODALS.intersection(skipped) or (skipped and skipped[0] in BE and passive):
            return []  # hypothetical ("might say") or passive ("was told"): no source here
        if toks:
            if stepped and not aside:
                return []  # "When creating files, consider ...": a clause, then no subject
            break
        if seg <= sent_start or masked[seg - 1] != ",":
            break  # only a comma aside is stepped over, never a quotation
        aside = aside or bool(skipped)
        stepped = True
        end = seg - 1
    phrase: list[tuple[str, int]] = []
    for tok in reversed(toks):
        if tok[0].lower() in BOUNDARY or len(phrase) >= 8:
            break
        phrase.append(tok)
    phrase.reverse()
    return phrase


def _skippable(word: str) -> bool:
    low = word.lower()
    return low in SKIP or (low.endswith("ly") and len(low) > 5 and word.islower())


def phrase_after(masked: str, pos: int, end: int) -> list[tuple[str, int]]:
    """The words of the noun phrase that starts at `pos` (up to punctuation or a clause)."""
    stop = end
    for c in ",;:()\u2014\u2013\"\u201c\u201d":
        i = masked.find(c, pos, stop)
        if i != -1:
            stop = i
    out = []
    for tok in words(masked, pos, stop):
        if tok[0].lower() in AFTER_STOP or len(out) >= 8:
            break
        out.append(tok)
    return out


@dataclass(frozen=True)
class Lexicon:
    """The word lists a kind was configured with, as lowercase sets."""

    heads: frozenset
    quantifiers: frozenset
    demonym: re.Pattern
    named: tuple[re.Pattern, ...]
    bare_plurals: bool


def classify(toks: list[tuple[str, int]], lex: Lexicon, sent_start: int, strong: bool) -> Phrase:
    """Is this noun phrase a vague source (some experts, officials, a source close to),
    a pronoun, an anaphor (the sources), a named source, or nothing we know?"""
    if not toks:
        return Phrase(None)
    span = (toks[0][1], toks[-1][1] + len(toks[-1][0]))
    text = " ".join(t for t, _ in toks)
    lows = [t.lower() for t, _ in toks]
    if len(toks) == 1 and lows[0] in PRONOUNS:
        return Phrase("pronoun", *span)
    if any(p.search(text) for p in lex.named):
        return Phrase("named", *span)
    for h, low in enumerate(lows):
        is_head = low in lex.heads or (low in lex.quantifiers and h == len(lows) - 1)
        if not is_head and lex.bare_plurals and strong:
            is_head = _plural(toks[h][0])
        if not is_head:
            continue
        pre, post = toks[:h], toks[h + 1:]
        if post and lows[h + 1] not in POSTMOD and not lows[h + 1].endswith(("ed", "ing")):
            continue
        if any(_proper(w, p, sent_start, lex) for w, p in pre + post):
            return Phrase("named", *span)
        if any(w in FIRST_PERSON for w in lows[:h]):
            return Phrase(None, *span)  # "our survey shows": the writer's own evidence
        if any(w in DEFINITE for w in lows[:h]):
            return Phrase("anaphor", *span)
        return Phrase("vague", *span)
    last, pos = toks[-1]
    if last[:1].isupper() or any(_proper(w, p, sent_start, lex) for w, p in toks):
        return Phrase("named", *span)
    return Phrase(None, *span)


def _proper(word: str, pos: int, sent_start: int, lex: Lexicon) -> bool:
    # A capitalised word names someone unless it opens the sentence or is a demonym
    # ("Western", "South Korean"): those describe a group without naming it.
    if word[:1].isupper() and word.endswith(("'s", "\u2019s")):
        return True  # a possessive names whose people they are ("Smith's lawyers")
    return word[:1].isupper() and pos != sent_start and not lex.demonym.fullmatch(word)


def _plural(word: str) -> bool:
    low = word.lower()
    # Only nouns for people ("farmers", "economists", "residents"): a bare plural of
    # things ("error messages tell") is no source at all.
    return word.isalpha() and word[1:].islower() and low.endswith(AGENTIVE)


def word_trie(words) -> str:
    """A regex for a set of words as a trie ("claim(?:ed|s)?"): `re` scans it several
    times faster than a flat alternation of the same words."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return (body if len(alts) == 1 and len(body) == 1 else f"(?:{body})") + "?"
        return body

    return emit(root)
