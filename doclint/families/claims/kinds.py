"""Claim kinds: vague or anonymous attribution, carried-over sources, and weasel wording."""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Iterable

from doclint.core.finding import Hit
from doclint.core.kind import Kind
from doclint.core.textmatch import DEFAULT_TIMEOUT, compile_alternation
from doclint.families.claims import cues as cc
from doclint.families.claims import text as ctx

REPORTS = ("new", "carried")
_ACCORDING = re.compile(r"\s+to\s+", re.I)
_AFTER_QUOTE = re.compile(r"[,!?][\"\u201d\u2019']?\s*[\"\u201d\u2019']?\s*$")
_DIRECTIVE = re.compile(r"(?:\s+(?!that\b)[\w'\u2019-]+){1,3}\s+(?:not\s+)?to\s+(?!be\b|have\b)[a-z]+\b(?!\s+(?:that|the|a)\b)")
_ORDERS = frozenset("tell tells told warn warns warned".split())
_BY = re.compile(r"\s+by\s+", re.I)
# What a complement verb needs after it: "noted that", "viewed as", "regard him as", a quote.
_COMPLEMENT = re.compile(r"(?:\s+out)?\s+(?:that|as)\b|\s*[,:\"\u201c]|(?:\s+[\w'\u2019-]+){1,3}\s+as\b", re.I)
PARTICIPLE = ("ed", "told", "thought", "said", "shown", "seen", "found", "felt", "held")


def _words(items) -> frozenset:
    return frozenset(w.lower() for w in items)


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
            # One scan for every verb; what must follow a verb is checked per match.
            vocabulary = [*self.reporting_verbs, *self.complement_verbs, *self.agent_participles, "according"]
            verbs = re.compile(rf"(?<![\w-]){ctx.word_trie(vocabulary)}(?![\w-])", re.IGNORECASE)
            kinds = {w.lower(): "agent" for w in self.agent_participles}
            kinds.update({w.lower(): "weak" for w in self.complement_verbs})
            kinds.update({w.lower(): "strong" for w in self.reporting_verbs})
            kinds["according"] = "according"
            set_ = object.__setattr__
            set_(self, "lexicon", lexicon)
            set_(self, "verbs", verbs)
            set_(self, "verb_kinds", kinds)
            set_(self, "agents", _words(self.agent_participles))
            set_(self, "cues", ctx.cue_matchers(self.phrases, self.patterns))
            set_(self, "cited", compile_alternation([], list(self.citations), False))
            set_(self, "analysis_key", tuple(getattr(self, f.name) for f in dataclasses.fields(self)
                                             if f.name != "report"))

    def check(self, doc) -> Iterable[Hit]:
        ct = ctx.ClaimText.of(doc)
        # DL301 and DL303 differ only in what they report: analyse a document once.
        key = self.options.analysis_key
        found = ct.analyses.get(key)
        if found is None:
            found = ct.analyses[key] = self._analyse(doc, ct)
        yield from self._report(doc, ct, found)

    def _analyse(self, doc, ct: ctx.ClaimText) -> dict:
        opts = self.options
        found: dict[int, tuple[str, int, int]] = {}  # sentence -> (status, cue start, cue end)
        for m in ctx.cue_matches(opts.cues, doc, ct, opts.timeout):
            i = ct.index(m.start())
            if i >= 0 and i not in found and not ct.quoted(m.start()):
                found[i] = ("vague", m.start(), m.end())
        masked = doc.masked
        for start, end in ct.chunks:
            for m in opts.verbs.finditer(masked, start, end):
                i = ct.index(m.start())
                if i < 0 or ct.quoted(m.start()) or found.get(i, ("",))[0] == "vague":
                    continue
                phrase = self._source(doc, ct.sentences[i], m)
                if phrase.kind is not None and (i not in found or phrase.kind == "vague"):
                    found[i] = (phrase.kind, min(phrase.start, m.start()) if phrase.end else m.start(),
                                max(phrase.end, m.end()))
        return found

    def _source(self, doc, sentence: tuple[int, int], m) -> cc.Phrase:
        lex = self.options.lexicon
        masked = doc.masked
        verb = m.group().lower()
        kind = self.options.verb_kinds[verb]
        follow = (_ACCORDING if kind == "according" else _BY).match(masked, m.end())
        if follow is not None and (kind == "according" or verb in self.options.agents):
            toks = cc.phrase_after(masked, follow.end(), sentence[1])
            phrase = cc.classify(toks, lex, sentence[0], strong=False)
            return phrase if phrase.kind in ("vague", "named") else cc.Phrase(None)
        if follow is not None or kind in ("according", "agent"):
            return cc.Phrase(None)  # a passive with a named agent, or "maintained by hand"
        if kind == "weak" and not _COMPLEMENT.match(masked, m.end()):
            return cc.Phrase(None)  # "continued to work": no reported content
        if verb in _ORDERS and _DIRECTIVE.match(masked, m.end()):
            return cc.Phrase(None)  # "told residents to leave" is an order, not a claim
        toks = cc.subject_before(masked, sentence[0], m.start(), verb.endswith(PARTICIPLE))
        if not toks and kind == "strong" and _AFTER_QUOTE.search(masked, sentence[0], m.start()):
            # News inverts after a quotation: "... ," said one official.
            toks = cc.phrase_after(masked, m.end(), sentence[1])
            phrase = cc.classify(toks, lex, sentence[0], strong=False)
            return phrase if phrase.kind in ("vague", "named") else cc.Phrase(None)
        return cc.classify(toks, lex, sentence[0], strong=kind == "strong")

    def _report(self, doc, ct: ctx.ClaimText, found: dict) -> Iterable[Hit]:
        opts = self.options
        source = None  # (sentence index, offset) of the last vague source still in play
        for i in sorted(found):
            status, cue_start, cue_end = found[i]
            start, end = ct.sentences[i]
            carried = source is not None and i - source[0] <= opts.carry_window
            if carried and status == "pronoun" and ctx.named_between(doc, ct, source[0], cue_start):
                carried = False  # "he" or "she" more likely stands for the person named since
            if status == "named" or (status == "pronoun" and not carried):
                source = None
                continue
            if status in ("pronoun", "anaphor") and not carried:
                continue
            if ctx.cited(opts.cited, doc, start, end):
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
        # Patterns that are weasel words only where claims are expected to carry
        # references: "is considered a classic" in an encyclopedia article, but "is
        # considered an error" in a manual. They apply to a document with at least
        # `referenced-min` matches of `referenced-markers` (links do not count: manuals
        # are full of them).
        referenced_patterns: tuple[str, ...] = ()
        referenced_markers: tuple[str, ...] = ()
        referenced_min: int = 3
        timeout: float = DEFAULT_TIMEOUT

        def __post_init__(self) -> None:
            if not self.phrases and not self.patterns:
                raise ValueError("a weasel rule needs 'phrases' or 'patterns'")
            if self.referenced_min < 1:
                raise ValueError("'referenced-min' must be at least 1")
            set_ = object.__setattr__
            set_(self, "cues", ctx.cue_matchers(self.phrases, self.patterns))
            set_(self, "referenced", ctx.cue_matchers((), self.referenced_patterns))
            set_(self, "cited", compile_alternation([], list(self.citations), False))
            set_(self, "markers", compile_alternation([], list(self.referenced_markers), False))

    def check(self, doc) -> Iterable[Hit]:
        opts = self.options
        ct = ctx.ClaimText.of(doc)
        seen = set()
        cues = opts.cues
        if opts.referenced and ctx.references(opts.markers, doc, opts.referenced_min):
            cues = cues + opts.referenced
        for m in ctx.cue_matches(cues, doc, ct, opts.timeout):
            i = ct.index(m.start())
            if i < 0 or i in seen or ct.quoted(m.start()):
                continue
            start, end = ct.sentences[i]
            if ctx.cited(opts.cited, doc, start, end):
                continue
            seen.add(i)
            yield Hit(start, end, {"cue": " ".join(m.group().split())})
