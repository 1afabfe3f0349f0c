"""Who is the source of a reported claim: the subject, agent or inverted phrase of a
reporting verb, read in any tense and voice."""
from __future__ import annotations

import re

from doclint.families.claims import cues as cc
from doclint.families.claims import verbs as cv
from doclint.families.claims.prefilter import word_trie

_ACCORDING = re.compile(r"\s+to\s+", re.I)
_SPACE = re.compile(r"\s*")
_AFTER_QUOTE = re.compile(r"[,!?][\"\u201d\u2019']?\s*[\"\u201d\u2019']?\s*$")
_DIRECTIVE = re.compile(r"(?:\s+(?!that\b)[\w'\u2019-]+){1,3}\s+(?:not\s+)?to\s+(?!be\b|have\b)[a-z]+\b(?!\s+(?:that|the|a)\b)")
_ORDERS = frozenset("tell tells told warn warns warned".split())
_BY = re.compile(r"\s+by\s+", re.I)
_BY_NEAR = re.compile(r"(?:\s+(?!by\b|that\b|which\b|who\b|and\b|but\b|to\b|be\b|been\b)[\w'\u2019-]+){1,4}?\s+by\s+", re.I)
# "was criticised in PEP 594", "was praised at the Venice festival": a named place of
# the judgement is its source.
_NAMED_AFTER = re.compile(r"(?:\s+[\w'\u2019-]+){0,3}?\s+(?:in|by|from|at)\s+(?:the\s+)?[A-Z0-9]")
# Naming verbs read as a reduced relative after a noun that is not the source.
_NAMING = frozenset("called named termed dubbed labelled labeled titled entitled nicknamed".split())
_TO_BE = re.compile(r"\s+to\s+(?:be|have)\b")
_NEXT_WORD = re.compile(r"\s+([\w'\u2019-]+)")
# What a complement verb needs after it: "noted that", "viewed as", "regard him as",
# "questioned whether", a quote.
_COMPLEMENT = re.compile(r"(?:\s+out)?\s+(?:that|as|whether)\b|\s*[,:\"\u201c]|(?:\s+[\w'\u2019-]+){1,3}\s+as\b", re.I)
PARTICIPLE = ("ed", "told", "thought", "said", "shown", "seen", "found", "felt", "held")


def words(items) -> frozenset:
    return frozenset(w.lower() for w in items)


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos)
    return m.group(1).lower() if m else ""


class SourceReader:
    """The verb tables of an attribution rule, and the reading of the source of each
    reporting verb found in a sentence. Built once per rule from its options."""

    def __init__(self, opts) -> None:
        try:
            self.lexicon = cc.Lexicon(
                words(opts.vague_heads), words(opts.quantifiers), re.compile(opts.demonyms),
                tuple(re.compile(p) for p in opts.named_sources),
                opts.bare_plurals, words(opts.people), words(opts.audience),
                words(opts.evidence), words(opts.indefinites))
        except re.error as exc:
            raise ValueError(f"bad regex in 'demonyms' or 'named-sources': {exc}") from None
        # Each entry is a base form ("argue", "tell/told"): every tense is read.
        strong, weak = cv.expand(opts.reporting_verbs), cv.expand(opts.complement_verbs)
        self.agentless: dict[str, str] = {}
        for entry in opts.agentless_participles:
            participle, _, need = entry.lower().partition(" ")
            self.agentless[participle] = need.strip()
        agents = [*opts.agent_participles, *self.agentless]
        kinds = {w.lower(): "agent" for w in agents}
        kinds.update({w: "weak" for w in weak})
        kinds.update({w: "strong" for w in strong})
        kinds["according"] = "according"
        self.verb_kinds = kinds
        # One scan for every verb; what must follow a verb is checked per match. It runs
        # on lower-cased text: `re` runs a trie without IGNORECASE faster.
        pattern = rf"(?<![\w-]){word_trie([*strong, *weak, *agents, 'according'])}(?![\w-])"
        self.verbs = re.compile(pattern)
        self.verbs_any_case = re.compile(pattern, re.IGNORECASE)
        self.agents = words(agents)
        self.evidence_forms = frozenset(cv.expand(opts.evidence_verbs))
        entries = [*opts.reporting_verbs, *opts.complement_verbs]
        self.base_forms = frozenset(cv.bases(entries))
        self.present_forms = frozenset(cv.presents(entries))
        # Words that may open an inverted source: "said one official", "said a source".
        self.openers = (words(opts.indefinites) | words(opts.quantifiers)
                        | frozenset(("the", "its", "their", "his", "her")))

    def read(self, masked: str, sentence: tuple[int, int], m) -> cc.Phrase:
        """The source of the reporting verb matched by `m` in `sentence`."""
        lex = self.lexicon
        verb = m.group().lower()
        kind = self.verb_kinds[verb]
        if kind == "according":
            follow = _ACCORDING.match(masked, m.end())
            return self.agent(masked, follow.end(), sentence) if follow else cc.Phrase(None)
        participle = verb.endswith(PARTICIPLE) or verb in self.agents
        passive = participle and cc.passive_before(masked, sentence[0], m.start())
        # The agent of a passive is the source: "seen by many as", and, after a be
        # verb, a few words on: "was labelled a failure by some".
        follow = _BY.match(masked, m.end()) if participle else None
        if follow is None and passive:
            follow = _BY_NEAR.match(masked, m.end(), sentence[1])
        if follow is not None:
            return self.agent(masked, follow.end(), sentence)
        if passive and passive[1] in cc.PAST_BE and verb in self.agentless:
            # Praise or blame with nobody holding it: "was widely criticised", "has
            # been tipped for", "was seen as a snub" (present tense defines: "is called").
            need = self.agentless[verb]
            after = _next_word(masked, m.end())
            # "condemned to death", "criticised in PEP 594": no judgement, or a named one.
            if (after == need if need else after != "to") and not _NAMED_AFTER.match(masked, m.end()):
                return cc.Phrase("vague", passive[0], m.end(), verb)
        if kind == "agent":
            return cc.Phrase(None)  # "maintained by hand", "seen from the bridge"
        if participle and not passive and _TO_BE.match(masked, m.end()):
            # "organizations considered to be the authors": a reduced passive, whose
            # claims the impersonal patterns read ("thought to be", "said to have").
            return cc.Phrase(None)
        complement = kind != "weak" or _COMPLEMENT.match(masked, m.end()) is not None
        if verb in _ORDERS and _DIRECTIVE.match(masked, m.end()):
            return cc.Phrase(None)  # "told residents to leave" is an order, not a claim
        gerund = verb.endswith("ing")
        toks = cc.subject_before(masked, sentence[0], m.start(), verb.endswith(PARTICIPLE),
                                 present=verb in self.present_forms, after_with=gerund)
        if gerund and not cc.clause_subject(masked, toks, m.start()):
            return cc.Phrase(None)  # "users reporting bugs", "saying that": no claim made
        # The pattern is anchored at the verb: look back a bounded stretch, not the sentence.
        if not toks and kind == "strong" and _AFTER_QUOTE.search(masked, max(sentence[0], m.start() - 256),
                                                                 m.start()):
            # News inverts after a quotation: "... ," said one official. (Not "...,
            # called with parameters" or ", consider using": a source opens the phrase.)
            first = _next_word(masked, m.end())
            if first in self.openers or first in lex.heads or _next_char(masked, m.end()).isupper():
                return self.agent(masked, m.end(), sentence)
            return cc.Phrase(None)
        if verb in self.base_forms and cc.singular_subject(toks, lex):
            return cc.Phrase(None)  # "helps a reviewer confirm": an object, not a subject
        phrase = cc.classify(toks, lex, sentence[0], strong=True)
        if verb in _NAMING and toks and toks[-1][0].lower() != phrase.head:
            return cc.Phrase(None)  # "data in a file called x.txt": a name given, no claim
        if verb.endswith("s") and not verb.endswith("ss") and cc.plural_subject(toks, lex):
            return cc.Phrase(None)  # "some questions", "many calls": a noun, not a verb
        if not complement and not (phrase.head in lex.evidence and verb in self.evidence_forms):
            return cc.Phrase(None)  # "continued to work"; but "data indicate a rise" reports
        return phrase

    def agent(self, masked: str, pos: int, sentence: tuple[int, int]) -> cc.Phrase:
        """The phrase after "by" or "according to", when it is a vague or named source."""
        toks = cc.phrase_after(masked, pos, sentence[1])
        phrase = cc.classify(toks, self.lexicon, sentence[0], strong=True)
        return phrase if phrase.kind in ("vague", "named") else cc.Phrase(None)


def _next_char(masked: str, pos: int) -> str:
    """The first character after `pos` that is not whitespace ("" at the end), without
    copying the rest of the document (per verb, that copy made a document quadratic)."""
    at = _SPACE.match(masked, pos).end()
    return masked[at:at + 1]
