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
from doclint.families.claims import verbs as cv

REPORTS = ("new", "carried")
_ACCORDING = re.compile(r"\s+to\s+", re.I)
_AFTER_QUOTE = re.compile(r"[,!?][\"\u201d\u2019']?\s*[\"\u201d\u2019']?\s*$")
_DIRECTIVE = re.compile(r"(?:\s+(?!that\b)[\w'\u2019-]+){1,3}\s+(?:not\s+)?to\s+(?!be\b|have\b)[a-z]+\b(?!\s+(?:that|the|a)\b)")
_ORDERS = frozenset("tell tells told warn warns warned".split())
_BY = re.compile(r"\s+by\s+", re.I)
_BY_NEAR = re.compile(r"(?:\s+(?!by\b|that\b|which\b|who\b|and\b|but\b|to\b|be\b|been\b)[\w'\u2019-]+){1,4}?\s+by\s+", re.I)
# "was criticised in PEP 594", "was praised at the Venice festival": a named place of
# the judgement is its source.
_NAMED_AFTER = re.compile(r"(?:\s+[\w'\u2019-]+){0,3}?\s+(?:in|by|from|at)\s+(?:the\s+)?[A-Z0-9]")
# A judgement with its holder named after it, or owned by the writer.
_NAMED_BY = re.compile(r"(?:\s+[\w'\u2019-]+){0,12}?\s+by\s+(?:the\s+)?[A-Z]")
_OWNED = re.compile(r"\b[Ii]n\s+(?:my|our)\s+(?:judgment|judgement|opinion|view)\b|\bI\s+(?:think|believe|feel)\b")
# Naming verbs read as a reduced relative after a noun that is not the source.
_NAMING = frozenset("called named termed dubbed labelled labeled titled entitled nicknamed".split())
_NEXT_WORD = re.compile(r"\s+([\w'\u2019-]+)")
# What a complement verb needs after it: "noted that", "viewed as", "regard him as",
# "questioned whether", a quote.
_COMPLEMENT = re.compile(r"(?:\s+out)?\s+(?:that|as|whether)\b|\s*[,:\"\u201c]|(?:\s+[\w'\u2019-]+){1,3}\s+as\b", re.I)
PARTICIPLE = ("ed", "told", "thought", "said", "shown", "seen", "found", "felt", "held")


def _words(items) -> frozenset:
    return frozenset(w.lower() for w in items)


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos)
    return m.group(1).lower() if m else ""


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
        people: tuple[str, ...] = ()
        audience: tuple[str, ...] = ()
        evidence: tuple[str, ...] = ()
        indefinites: tuple[str, ...] = ()
        evidence_verbs: tuple[str, ...] = ()
        agentless_participles: tuple[str, ...] = ()
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
                    self.bare_plurals, _words(self.people), _words(self.audience),
                    _words(self.evidence), _words(self.indefinites))
            except re.error as exc:
                raise ValueError(f"bad regex in 'demonyms' or 'named-sources': {exc}") from None
            # One scan for every verb; what must follow a verb is checked per match.
            # Each entry is a base form ("argue", "tell/told"): every tense is read.
            strong, weak = cv.expand(self.reporting_verbs), cv.expand(self.complement_verbs)
            agentless = {}
            for entry in self.agentless_participles:
                participle, _, need = entry.lower().partition(" ")
                agentless[participle] = need.strip()
            agents = [*self.agent_participles, *agentless]
            vocabulary = [*strong, *weak, *agents, "according"]
            verbs = rf"(?<![\w-]){ctx.word_trie(vocabulary)}(?![\w-])"
            kinds = {w.lower(): "agent" for w in agents}
            kinds.update({w: "weak" for w in weak})
            kinds.update({w: "strong" for w in strong})
            kinds["according"] = "according"
            set_ = object.__setattr__
            set_(self, "lexicon", lexicon)
            # Scanned in the lower-cased text: `re` runs a trie without IGNORECASE faster.
            set_(self, "verbs", re.compile(verbs))
            set_(self, "verbs_any_case", re.compile(verbs, re.IGNORECASE))
            set_(self, "verb_kinds", kinds)
            set_(self, "agents", _words(agents))
            set_(self, "agentless", agentless)
            set_(self, "evidence_forms", frozenset(cv.expand(self.evidence_verbs)))
            entries = [*self.reporting_verbs, *self.complement_verbs]
            set_(self, "base_forms", frozenset(cv.bases(entries)))
            set_(self, "present_forms", frozenset(cv.presents(entries)))
            # Words that may open an inverted source: "said one official", "said a source".
            set_(self, "openers", _words(self.indefinites) | _words(self.quantifiers)
                 | frozenset(("the", "its", "their", "his", "her")))
            set_(self, "naming", _words([*self.vague_heads, *self.people, *self.evidence]))
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
        found: dict[int, tuple] = {}  # sentence -> (status, cue start, cue end, head word)
        for m in ctx.cue_matches(opts.cues, doc, ct, opts.timeout):
            i = ct.index(m.start())
            if i >= 0 and i not in found and not ct.quoted(m.start()) \
                    and not ctx.conditional(doc.masked, ct.sentences[i][0], m.start()):
                found[i] = ("vague", m.start(), m.end(), "")
        masked = doc.masked
        scan, text = (opts.verbs, ct.lower) if ct.lower_ok else (opts.verbs_any_case, masked)
        for start, end in ct.chunks:
            for m in scan.finditer(text, start, end):
                i = ct.index(m.start())
                if i < 0 or ct.quoted(m.start()) or found.get(i, ("",))[0] == "vague":
                    continue
                phrase = self._source(doc, ct.sentences[i], m)
                if (phrase.kind == "vague" and phrase.head not in opts.lexicon.quantifiers
                        and ctx.named_nearby(opts.naming, masked, ct.sentences, i, opts.lexicon.demonym)):
                    # "... a survey suggests. The Gallup poll of 2,000 voters ...": the
                    # sentence beside it names the source the vague phrase stands for.
                    phrase = cc.Phrase("named", phrase.start, phrase.end, phrase.head)
                if phrase.kind is not None and (i not in found or phrase.kind == "vague"):
                    found[i] = (phrase.kind, min(phrase.start, m.start()) if phrase.end else m.start(),
                                max(phrase.end, m.end()), phrase.head)
        return found

    def _source(self, doc, sentence: tuple[int, int], m) -> cc.Phrase:
        opts = self.options
        lex = opts.lexicon
        masked = doc.masked
        verb = m.group().lower()
        kind = opts.verb_kinds[verb]
        if kind == "according":
            follow = _ACCORDING.match(masked, m.end())
            return self._agent(masked, follow.end(), sentence) if follow else cc.Phrase(None)
        participle = verb.endswith(PARTICIPLE) or verb in opts.agents
        passive = participle and cc.passive_before(masked, sentence[0], m.start())
        # The agent of a passive is the source: "seen by many as", and, after a be
        # verb, a few words on: "was labelled a failure by some".
        follow = _BY.match(masked, m.end()) if participle else None
        if follow is None and passive:
            follow = _BY_NEAR.match(masked, m.end(), sentence[1])
        if follow is not None:
            return self._agent(masked, follow.end(), sentence)
        if passive and passive[1] in cc.PAST_BE and verb in opts.agentless:
            # Praise or blame with nobody holding it: "was widely criticised", "has
            # been tipped for", "was seen as a snub" (present tense defines: "is called").
            need = opts.agentless[verb]
            after = _next_word(masked, m.end())
            # "condemned to death", "criticised in PEP 594": no judgement, or a named one.
            if (after == need if need else after != "to") and not _NAMED_AFTER.match(masked, m.end()):
                return cc.Phrase("vague", passive[0], m.end(), verb)
        if kind == "agent":
            return cc.Phrase(None)  # "maintained by hand", "seen from the bridge"
        complement = kind != "weak" or _COMPLEMENT.match(masked, m.end()) is not None
        if verb in _ORDERS and _DIRECTIVE.match(masked, m.end()):
            return cc.Phrase(None)  # "told residents to leave" is an order, not a claim
        gerund = verb.endswith("ing")
        toks = cc.subject_before(masked, sentence[0], m.start(), verb.endswith(PARTICIPLE),
                                 present=verb in opts.present_forms, after_with=gerund)
        if gerund and not cc.clause_subject(masked, toks, m.start()):
            return cc.Phrase(None)  # "users reporting bugs", "saying that": no claim made
        if not toks and kind == "strong" and _AFTER_QUOTE.search(masked, sentence[0], m.start()):
            # News inverts after a quotation: "... ," said one official. (Not "...,
            # called with parameters" or ", consider using": a source opens the phrase.)
            first = _next_word(masked, m.end())
            if first in opts.openers or first in lex.heads or masked[m.end():].lstrip()[:1].isupper():
                return self._agent(masked, m.end(), sentence)
            return cc.Phrase(None)
        if verb in opts.base_forms and cc.singular_subject(toks, lex):
            return cc.Phrase(None)  # "helps a reviewer confirm": an object, not a subject
        phrase = cc.classify(toks, lex, sentence[0], strong=True)
        if verb in _NAMING and toks and toks[-1][0].lower() != phrase.head:
            return cc.Phrase(None)  # "data in a file called x.txt": a name given, no claim
        if verb.endswith("s") and not verb.endswith("ss") and cc.plural_subject(toks, lex):
            return cc.Phrase(None)  # "some questions", "many calls": a noun, not a verb
        if not complement and not (phrase.head in lex.evidence and verb in opts.evidence_forms):
            return cc.Phrase(None)  # "continued to work"; but "data indicate a rise" reports
        return phrase

    def _agent(self, masked: str, pos: int, sentence: tuple[int, int]) -> cc.Phrase:
        toks = cc.phrase_after(masked, pos, sentence[1])
        phrase = cc.classify(toks, self.options.lexicon, sentence[0], strong=True)
        return phrase if phrase.kind in ("vague", "named") else cc.Phrase(None)

    def _report(self, doc, ct: ctx.ClaimText, found: dict) -> Iterable[Hit]:
        opts = self.options
        source = None  # (sentence index, offset, plural) of the last vague source still in play
        for i in sorted(found):
            status, cue_start, cue_end, head = found[i]
            start, end = ct.sentences[i]
            carried = source is not None and i - source[0] <= opts.carry_window
            if carried and status == "pronoun" and ctx.named_between(doc, ct, source[0], cue_start):
                carried = False  # "he" or "she" more likely stands for the person named since
            if carried and status == "pronoun" and head != "they" and source[2]:
                carried = False  # "Critics said ... But he said": "he" is someone else
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
                source = (i, start, cc.is_plural(head, opts.lexicon))
                if opts.report == "new":
                    yield Hit(start, end, {"cue": cue})
            else:
                intro = doc.location(source[1])
                source = (i, source[1], source[2])
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
            if not self.phrases and not self.patterns and not self.referenced_patterns:
                raise ValueError("a weasel rule needs 'phrases', 'patterns' or 'referenced-patterns'")
            if self.referenced_min < 1:
                raise ValueError("'referenced-min' must be at least 1")
            set_ = object.__setattr__
            set_(self, "cues", ctx.cue_matchers(self.phrases, self.patterns))
            referenced = ctx.cue_matchers((), self.referenced_patterns)
            set_(self, "referenced", referenced)
            set_(self, "all_cues", self.cues + referenced)  # built once: reading regexes costs
            set_(self, "cited", compile_alternation([], list(self.citations), False))
            set_(self, "markers", compile_alternation([], list(self.referenced_markers), False))

    def check(self, doc) -> Iterable[Hit]:
        opts = self.options
        ct = ctx.ClaimText.of(doc)
        seen = set()
        cues = opts.cues
        if opts.referenced and ctx.references(opts.markers, doc, opts.referenced_min):
            cues = opts.all_cues
        masked = doc.masked
        for m in ctx.cue_matches(cues, doc, ct, opts.timeout):
            i = ct.index(m.start())
            if i < 0 or i in seen or ct.quoted(m.start()):
                continue
            start, end = ct.sentences[i]
            if ctx.cited(opts.cited, doc, start, end) or ctx.conditional(masked, start, m.start()):
                continue
            if _NAMED_BY.match(masked, m.end(), end) or _OWNED.search(masked, start, end):
                continue  # "recognized as the best means by the Forty-ninth Congress", "in my judgment"
            seen.add(i)
            yield Hit(start, end, {"cue": " ".join(m.group().split())})
