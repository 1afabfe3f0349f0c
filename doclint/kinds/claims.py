"""Claim kinds: vague or anonymous attribution, carried-over sources, and weasel wording."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable

import regex

from doclint import claimcues as cc
from doclint.finding import Hit
from doclint.kinds.base import Kind
from doclint.kinds.textmatch import DEFAULT_TIMEOUT, compile_alternation, iter_block_matches

REPORTS = ("new", "carried")
PARTICIPLE = ("ed", "told", "thought", "said", "shown", "seen", "found", "felt", "held")


def _words(items) -> frozenset:
    return frozenset(w.lower() for w in items)


def _verbs(items) -> str:
    return "|".join(sorted((re.escape(w) for w in items), key=len, reverse=True))


@dataclass(frozen=True)
class ClaimText:
    """Sentences, quotations and citations of one document, shared by the claim kinds."""

    sentences: list
    starts: list
    quotes: list
    quote_starts: list

    @classmethod
    def of(cls, doc) -> "ClaimText":
        sentences = cc.claim_sentences(doc)
        quotes = cc.quote_spans(doc)
        return cls(sentences, [s for s, _ in sentences], quotes, [s for s, _ in quotes])

    def index(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1

    def quoted(self, pos: int) -> bool:
        return cc.inside(self.quotes, self.quote_starts, pos)


# A marker right after the sentence belongs to it (a reader may leave "[^1]" outside).
_TAIL = re.compile(r"[ \t]{0,2}(?:\[[^\[\]\n]{1,30}\]|<ref\b[^\n]{0,200}|\{\{[^\n]{0,200})")


def _cited(compiled, doc, start: int, end: int) -> bool:
    if compiled is None:
        return False
    tail = _TAIL.match(doc.text, end)
    return compiled.search(doc.text, start, tail.end() if tail else end) is not None


class AttributionKind(Kind):
    """A reporting verb (said, argue, believe ...) whose subject is a vague noun phrase
    (sources, some experts, many, an official ...), "according to" a vague source, a
    passive with a vague agent ("seen by many as"), or a fixed cue ("on condition of
    anonymity"). `report: carried` reports instead the sentences that carry such a
    source on ("The sources continued that ...", "They also said ...")."""

    name = "attribution"

    @dataclass(frozen=True)
    class Options:
        report: str = "new"
        vague_heads: tuple[str, ...] = ()
        quantifiers: tuple[str, ...] = ()
        reporting_verbs: tuple[str, ...] = ()
        complement_verbs: tuple[str, ...] = ()
        agent_participles: tuple[str, ...] = ()
        demonyms: str = r"(?!)"
        named_sources: tuple[str, ...] = ()
        bare_plurals: bool = True
        phrases: tuple[str, ...] = ()
        patterns: tuple[str, ...] = ()
        citations: tuple[str, ...] = ()
        carry_window: int = 2
        timeout: float = DEFAULT_TIMEOUT

        def __post_init__(self) -> None:
            if self.report not in REPORTS:
                raise ValueError(f"'report' must be one of {', '.join(REPORTS)}")
            if not self.vague_heads or not self.reporting_verbs:
                raise ValueError("an attribution rule needs 'vague-heads' and 'reporting-verbs'")
            if self.carry_window < 1:
                raise ValueError("'carry-window' must be at least 1")
            try:
                lexicon = cc.Lexicon(
                    _words(self.vague_heads), _words(self.quantifiers), re.compile(self.demonyms),
                    tuple(re.compile(p) for p in self.named_sources),
                    self.bare_plurals)
            except re.error as exc:
                raise ValueError(f"bad regex in 'demonyms' or 'named-sources': {exc}") from None
            strong = _verbs(self.reporting_verbs)
            weak = _verbs(self.complement_verbs) or r"(?!)"
            agents = _verbs(self.agent_participles) or r"(?!)"
            verbs = regex.compile(
                rf"(?<![\w-])(?:(?P<strong>{strong})|(?P<weak>{weak})(?=\s+(?:that|as)\b|\s*[,:\"\u201c]))(?![\w-])(?!\s+by\b)"
                rf"|(?<![\w-])according\s+to\s+(?P<according>)"
                rf"|(?<![\w-])(?:{agents})\s+by\s+(?P<agent>)", regex.IGNORECASE | regex.V1)
            set_ = object.__setattr__
            set_(self, "lexicon", lexicon)
            set_(self, "verbs", verbs)
            set_(self, "cues", compile_alternation(list(self.phrases), list(self.patterns), True))
            set_(self, "cited", compile_alternation([], list(self.citations), False))

    def check(self, doc) -> Iterable[Hit]:
        opts = self.options
        ct = ClaimText.of(doc)
        found: dict[int, tuple[str, int, int]] = {}  # sentence -> (status, cue start, cue end)
        if opts.cues is not None:
            for m in iter_block_matches(opts.cues, doc, opts.timeout):
                i = ct.index(m.start())
                if i >= 0 and i not in found and not ct.quoted(m.start()):
                    found[i] = ("vague", m.start(), m.end())
        for m in iter_block_matches(opts.verbs, doc, opts.timeout):
            i = ct.index(m.start())
            if i < 0 or ct.quoted(m.start()) or found.get(i, ("",))[0] == "vague":
                continue
            phrase = self._source(doc, ct.sentences[i], m)
            if phrase.kind is not None and (i not in found or phrase.kind == "vague"):
                found[i] = (phrase.kind, min(phrase.start, m.start()) if phrase.end else m.start(),
                            max(phrase.end, m.end()))
        yield from self._report(doc, ct, found)

    def _source(self, doc, sentence: tuple[int, int], m) -> cc.Phrase:
        lex = self.options.lexicon
        if m.group("according") is not None or m.group("agent") is not None:
            toks = cc.phrase_after(doc.masked, m.end(), sentence[1])
            phrase = cc.classify(toks, lex, sentence[0], strong=False)
            return phrase if phrase.kind in ("vague", "named") else cc.Phrase(None)
        passive = m.group().lower().endswith(PARTICIPLE)
        toks = cc.subject_before(doc.masked, sentence[0], m.start(), passive)
        return cc.classify(toks, lex, sentence[0], strong=m.group("strong") is not None)

    def _report(self, doc, ct: ClaimText, found: dict) -> Iterable[Hit]:
        opts = self.options
        source = None  # (sentence index, offset) of the last vague source still in play
        for i in sorted(found):
            status, cue_start, cue_end = found[i]
            start, end = ct.sentences[i]
            carried = source is not None and i - source[0] <= opts.carry_window
            if status == "named" or (status == "pronoun" and not carried):
                source = None
                continue
            if status in ("pronoun", "anaphor") and not carried:
                continue
            if _cited(opts.cited, doc, start, end):
                source = None
                continue
            cue = " ".join(doc.text[cue_start:cue_end].split())
            if status == "vague":
                source = (i, start)
                if opts.report == "new":
                    yield Hit(start, end, {"cue": cue})
            else:
                intro = doc.location(source[1])
                source = (i, source[1])
                if opts.report == "carried":
                    yield Hit(start, end, {"cue": cue, "line": intro.text_line or intro.line},
                              related=(intro,))


class WeaselKind(Kind):
    """Weasel or peacock wording stated as fact ("is widely regarded as", "arguably"),
    in a sentence without a citation and outside quotations."""

    name = "weasel"

    @dataclass(frozen=True)
    class Options:
        phrases: tuple[str, ...] = ()
        patterns: tuple[str, ...] = ()
        citations: tuple[str, ...] = ()
        timeout: float = DEFAULT_TIMEOUT

        def __post_init__(self) -> None:
            if not self.phrases and not self.patterns:
                raise ValueError("a weasel rule needs 'phrases' or 'patterns'")
            object.__setattr__(self, "cues", compile_alternation(list(self.phrases), list(self.patterns), True))
            object.__setattr__(self, "cited", compile_alternation([], list(self.citations), False))

    def check(self, doc) -> Iterable[Hit]:
        opts = self.options
        ct = ClaimText.of(doc)
        seen = set()
        for m in iter_block_matches(opts.cues, doc, opts.timeout):
            i = ct.index(m.start())
            if i < 0 or i in seen or ct.quoted(m.start()):
                continue
            start, end = ct.sentences[i]
            if _cited(opts.cited, doc, start, end):
                continue
            seen.add(i)
            yield Hit(start, end, {"cue": " ".join(m.group().split())})
