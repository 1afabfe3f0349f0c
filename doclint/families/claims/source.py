"""Who is the source of a reported claim: the subject, agent or inverted phrase of a
reporting verb, read in any tense and voice."""
from __future__ import annotations

import re

from doclint.families.claims import cues as cc
from doclint.families.claims import verbs as cv
from doclint.families.claims.headwords import HeadWords
from doclint.families.claims.number import plural_subject, singular_subject
from doclint.families.claims.prefilter import share, word_trie
from doclint.families.claims.verbuses import another_use
from doclint.markup.base import CODE_MASK

_ACCORDING = re.compile(r"\s+to\s+", re.I)
_SPACE = re.compile(r"\s*")
_AFTER_QUOTE = re.compile(r"[,!?][\"\u201d\u2019']?\s*[\"\u201d\u2019']?\s*$")
_BY = re.compile(r"\s+by\s+", re.I)
# A naming verb before inline code names it: "has a member called `apply_style`"; so
# does one before a quoted identifier ("two preprocessors called "100-pygments"": a
# digit, "-", "_", "." or "/" inside; a quoted title of words may be a verdict's object).
_CODE_NAME = re.compile(r"\s+(?:" + CODE_MASK + r"|[\"'\u201c\u2018][^\s\"'\u201d\u2019]*[\d_./-][^\s\"'\u201d\u2019]*[\"'\u201d\u2019])")
_WITH_OR_TO = re.compile(r"\s+(?:with|to)\b", re.I)
# A verb whose object is a value in inline code that ends the clause reports what a
# program gives ("Both detectors report `ascii`."), not a claim ("Users report
# `pip install` fails" goes on).
_VALUE_AFTER = re.compile(r"\s+" + CODE_MASK + r"+\s*(?:[.,;:)]|(?:and|or)\b|$)")
# A word or two quoted right after a verb of saying: a word said, not a claim ("after
# someone said "mattress"", "the prompt says 'Continue?'"); after a verb of naming it is a
# name judged ("critics called "Ulysses" a failure").
_SAYING = frozenset("say says said saying".split())
_QUOTED_WORD_AFTER = re.compile(r"\s+[\"\u201c\u2018'][\w'\u2019-]+(?:\s[\w'\u2019-]+)?[.,!?]?[\"\u201d\u2019'](?!\w)")
# A few words on to "by": not past another participle, whose agent it is ("considered
# responsible for modifications made by others").
_BY_NEAR = re.compile(r"(?:\s+(?!by\b|that\b|which\b|who\b|and\b|but\b|to\b|be\b|been\b)"
                      r"(?![\w']+ed\b|(?:made|done|written|given|taken|shown|known|held|built|sent|kept|paid)\b)"
                      r"[\w'\u2019-]+){1,4}?\s+by\s+", re.I)
# "was criticised in PEP 594", "was praised at the Venice festival": a named place of
# the judgement is its source.
_NAMED_AFTER = re.compile(r"(?:\s+[\w'\u2019-]+){0,3}?\s+(?:in|by|from|at)\s+(?:the\s+)?[A-Z0-9]")
# Naming verbs read as a reduced relative after a noun that is not the source.
_NAMING = frozenset("called named termed dubbed labelled labeled titled entitled nicknamed".split())
_TO_BE = re.compile(r"\s+to\s+(?:be|have)\b")
_NEXT_WORD = re.compile(r"\s+([\w'\u2019-]+)")
# What a complement verb needs after it: "noted that", "viewed as", "regard him as",
# "questioned whether", a quote.
# A comma counts before a quotation or an aside that ends in "that" ("noted, however,
# that"), not as the end of a clause ("flushes the internal state, and ..."); "as well"
# is no "as" complement.
COMPLEMENT = re.compile(r"(?:\s+out)?\s+(?:that|whether)\b|(?:\s+out)?\s+as\b(?!\s+well\b)|\s*,?\s*[:\"\u201c]"
                        r"|\s*,[^,.;]{1,40},\s*that\b|(?:\s+[\w'\u2019-]+){1,3}\s+as\b(?!\s+well\b)", re.I)
# A source named as a noun phrase after a judgement: "praise from several critics",
# "drew criticism from some lawmakers for its cost".
_FROM_NEAR = re.compile(r"(?:\s+(?!by\b|that\b|which\b|who\b|and\b|but\b|from\b)[\w'\u2019-]+){0,3}?\s+from\s+", re.I)
_COMMA_BEFORE = re.compile(r",\s*$")
_PAST_REPORTS = frozenset("said told wrote".split())
_THAT = re.compile(r"\s+that\b", re.I)
_WORD_CHAR = re.compile(r"\w")
_UNREAD = object()  # a fact not read yet
# Past participles: regular ones in -ed, irregular ones in -en or -wn (written, shown) and these.
PARTICIPLE = ("ed", "en", "wn", "told", "thought", "said", "found", "felt", "held")


def any_of(patterns) -> tuple[re.Pattern, ...]:
    """Regexes of which a text must match one, as one regex where that finds the same:
    one search per subject phrase, not one per regex. Regexes with groups stay apart
    (joined, their back-references would count groups wrongly)."""
    compiled = tuple(re.compile(p) for p in patterns)  # a bad regex is reported as given
    if len(compiled) < 2 or any(c.groups for c in compiled):
        return compiled
    try:
        return (re.compile("|".join(f"(?:{p})" for p in patterns)),)
    except re.error:  # a global flag ("(?i)") may only open a whole regex
        return compiled


def words(items) -> frozenset:
    return frozenset(w.lower() for w in items)


def _particle_regex(needed: tuple[str, ...]) -> re.Pattern:
    # The object comes between ("linked the outbreak to"), up to a few words, never a clause.
    alternatives = "|".join(re.escape(p) for p in needed)
    return re.compile(rf"(?:\s+(?!that\b|which\b|who\b|and\b|but\b)[\w'\u2019-]+){{0,4}}?\s+(?:{alternatives})\b", re.I)


# A modal right after a "verb" makes the word a noun, its subject; so does a form of
# "be" after it or after a noun joined to it ("Some thought and attention is required").
_MODAL_AFTER = re.compile(r"[ \t\n]+(?:(?:and|or)[ \t\n]+[a-z]+[ \t\n]+(?:is|are|was|were)\b"
                          r"|(?:must|can|cannot|could|should|would|will|may|might|shall)\b)")
# So does a past participle before a preposition: "page source link moved to footer".
_PARTICIPLE_AFTER = re.compile(r"[ \t\n]+[a-z]+ed[ \t\n]+(?:to|from|into|onto|by|in|at|on|with)\b")


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
                any_of(opts.named_sources),
                opts.bare_plurals, words(opts.people), words(opts.audience),
                words(opts.evidence), words(opts.indefinites), words(opts.things),
                words(opts.partitives))
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
        # A judgement noun is read as a verb when it is one too ("praise"): its noun
        # reading, with a source after "from", is tried first.
        self.judgement = words(opts.judgement_nouns) | words(opts.agentless_judgements)
        self.agentless_judgements = words(opts.agentless_judgements)
        self.judgement_verbs = frozenset(cv.expand(opts.judgement_verbs))
        for noun in self.judgement:
            kinds.setdefault(noun, "judgement")
        kinds["according"] = "according"
        self.verb_kinds = kinds
        # "That person compared with the total": outside a passive, a comparison verb
        # directly followed by "with" or "to" compares; with its object first it reports
        # ("critics compared the film to ..."), and a passive ("was compared to ...") is
        # read as any other.
        self.comparisons = frozenset(cv.expand(opts.comparison_verbs))
        # "Called by resource providers": a naming verb directly followed by "by" names
        # the doer of an action (invoked, phoned); it reports with the name first ("was
        # called a failure by some").
        self.namings = frozenset(cv.expand(opts.naming_verbs))
        self.expectations = frozenset(cv.expand(opts.expectation_verbs))
        self.usages = frozenset(cv.expand(opts.usage_verbs))
        self.anyone = words(opts.anyone)
        entries = [*opts.reporting_verbs, *opts.complement_verbs]
        # Verbs that report only with a listed source: "parsers mention", "loggers put".
        self.narrow = frozenset(cv.expand(opts.narrow_verbs))
        self.particles = {form: _particle_regex(needed) for form, needed in cv.particles(entries).items()}
        # One scan for every verb; what must follow a verb is checked per match. It runs
        # on lower-cased text: `re` runs a trie without IGNORECASE faster.
        every = [*strong, *weak, *agents, *self.judgement, "according"]
        pattern = rf"(?<![\w-]){word_trie(every)}(?![\w-])"
        self.trigger_words = tuple(every)
        share(every)  # the verbs are found by the document's one trigger scan
        self.verbs = re.compile(pattern)
        self.verbs_any_case = re.compile(pattern, re.IGNORECASE)
        self.agents = words(agents)
        self.head_words = HeadWords(self.lexicon)
        self.evidence_forms = frozenset(cv.expand(opts.evidence_verbs))
        # Any evidence noun, inside a word or not: a subject headed by one holds it.
        # (A pattern, compiled at its first search: start-up stays as it was.)
        nouns = sorted(self.lexicon.evidence, key=len, reverse=True)
        self.evidence_pattern = "|".join(map(re.escape, nouns)) if nouns else "(?!)"
        # The same search in the case-folded prose: a trie of the nouns, searched
        # case-sensitively (`re` runs it several times faster than the case-insensitive
        # alternation); only for ASCII nouns, which fold as `re.IGNORECASE` matches them.
        self.evidence_folded = word_trie(nouns) if nouns and all(n.isascii() for n in nouns) else None
        # Verbs read only as complement verbs (no agent, no judgement noun): without
        # their complement they report nothing, whatever stands before them, so most of
        # their hits in prose ("the state", "held") end before the passive is read.
        self.bare_weak = frozenset(v for v, k in kinds.items()
                                   if k == "weak" and v not in self.agents and v not in self.judgement)
        # Of those, the ones `reports_nothing` drops when they lack their complement
        # (an evidence verb without a particle may still report: "data indicate a rise").
        self.bare_silent = frozenset(v for v in self.bare_weak
                                     if v in self.particles or v not in self.evidence_forms)
        self.base_forms = frozenset(cv.bases(entries))
        self.present_forms = frozenset(cv.presents(entries))
        # Words that may open an inverted source: "said one official", "said a source".
        self.openers = (words(opts.indefinites) | words(opts.quantifiers)
                        | frozenset(("the", "its", "their", "his", "her")))

    def __setstate__(self, state: dict) -> None:
        # Sent to another process: the verbs join that process's one trigger scan too.
        self.__dict__.update(state)
        share(self.trigger_words)

    def read(self, masked: str, sentence: tuple[int, int], m) -> cc.Phrase:
        """The source of the reporting verb matched by `m` in `sentence`."""
        if self.reports_nothing(masked, sentence, m):
            return cc.NO_SOURCE
        return self.read_reporting(masked, sentence, m)

    def reports_nothing(self, masked: str, sentence: tuple[int, int], m) -> bool:
        """Is the verb matched by `m` no report whatever stands around it: a capital
        inside a sentence (a name: "the Southern States that"), or a verb read only with
        its complement that lacks it ("the state", "held")? Most verb hits in prose are;
        they need neither a subject read nor a look at the rest of the sentence."""
        start = m.start()
        if start > sentence[0] and masked[start].isupper():
            return True
        verb = m.group().lower()
        return verb in self.bare_weak and not self._complement(masked, m.end(), sentence, verb, "weak") \
            and (verb in self.particles or verb not in self.evidence_forms)

    def read_reporting(self, masked: str, sentence: tuple[int, int], m, vague_only: str | None = None,
                       low: str | None = None) -> cc.Phrase:
        """`read` for a verb `reports_nothing` let through. `vague_only` is the case-folded
        prose (offsets as in `masked`) when only a vague reading can change a report (no
        source is in play, see AttributionKind._analyse): a subject that holds no word a
        vague phrase needs is then not read, whatever else it would be read as. `low` is
        the same case-folded prose, given whether or not a source is in play (None: the
        document has none with its offsets)."""
        lex = self.lexicon
        start, end = m.start(), m.end()  # read once: on a trigger hit they are method calls
        verb = m.group().lower()
        kind = self.verb_kinds[verb]
        if _MODAL_AFTER.match(masked, end) or (not verb.endswith("ed") and _PARTICIPLE_AFTER.match(masked, end)):
            return cc.NO_SOURCE  # "each source link must match": a noun, the subject of the modal
        if _slashed(masked, start, end):
            return cc.NO_SOURCE  # "any data / attributes set to them": one of two nouns
        if _VALUE_AFTER.match(masked, end) or (verb in _SAYING and _QUOTED_WORD_AFTER.match(masked, end)):
            return cc.NO_SOURCE  # "both detectors report `ascii`.": a program's output; a word said
        if verb in self.namings and (_BY.match(masked, end) or _CODE_NAME.match(masked, end)):
            return cc.NO_SOURCE
        if verb in self.comparisons and _WITH_OR_TO.match(masked, end) \
                and not cc.passive_before(masked, sentence[0], start):
            return cc.NO_SOURCE
        if kind == "according":
            follow = _ACCORDING.match(masked, end)
            return self.agent(masked, follow.end(), sentence) if follow else cc.NO_SOURCE
        if verb in self.judgement:
            follow = _FROM_NEAR.match(masked, end, sentence[1])
            if follow is not None:
                # "warnings from older compilers": only listed nouns are people here.
                phrase = self.agent(masked, follow.end(), sentence, guess=False)
                if phrase.kind is not None or kind == "judgement":
                    return phrase
            elif verb in self.agentless_judgements and self._judged(masked, sentence[0], start):
                # "earned widespread acclaim", "drew criticism": a verdict with no holder.
                return cc.Phrase("vague", start, end, verb)
            elif kind == "judgement":
                return cc.NO_SOURCE
        participle = verb.endswith(PARTICIPLE) or verb in self.agents
        # Whether a be verb makes the participle a passive is read only where it matters
        # (most participles have no "by" after them and need no agent).
        passive = _UNREAD
        # The agent of a passive is the source: "seen by many as", and, after a be
        # verb, a few words on: "was labelled a failure by some".
        # Only a verb of opinion or report has a source as its agent: "written by others",
        # "maintained by many people" name authors, not holders of a claim.
        participle_agent = participle and (kind != "weak" or verb in self.agents)
        follow = _BY.match(masked, end) if participle_agent else None
        if follow is None and participle_agent:
            near = _BY_NEAR.match(masked, end, sentence[1])
            if near is not None:
                passive = cc.passive_before(masked, sentence[0], start)
                follow = near if passive else None
        if follow is not None:
            return self.agent(masked, follow.end(), sentence)
        if verb in self.agentless and participle:
            if passive is _UNREAD:
                passive = cc.passive_before(masked, sentence[0], start)
            if passive and passive[1] in cc.PAST_BE:
                # Praise or blame with nobody holding it: "was widely criticised", "has
                # been tipped for", "was seen as a snub" (present tense defines: "is called").
                need = self.agentless[verb]
                after = _next_word(masked, end)
                # "condemned to death", "criticised in PEP 594": no judgement, or a named one.
                if (after == need if need else after != "to") and not _NAMED_AFTER.match(masked, end):
                    return cc.Phrase("vague", passive[0], end, verb)
        if kind == "agent":
            return cc.NO_SOURCE  # "maintained by hand", "seen from the bridge"
        if participle and _TO_BE.match(masked, end) and not (
                passive if passive is not _UNREAD else cc.passive_before(masked, sentence[0], start)):
            # "organizations considered to be the authors": a reduced passive, whose
            # claims the impersonal patterns read ("thought to be", "said to have").
            return cc.NO_SOURCE
        needed = self.particles.get(verb)
        complement = self._complement(masked, end, sentence, verb, kind)
        if not complement and kind != "strong" and (needed is not None or verb not in self.evidence_forms):
            # Nothing below reports a verb without its complement but evidence ("data
            # indicate a rise"): most verb hits in prose end here ("the state", "held").
            return cc.NO_SOURCE
        if another_use(masked, end, verb, self.expectations):
            return cc.NO_SOURCE  # advice, an order, an intention ...: no claim to source
        gerund = verb.endswith("ing")
        if not complement and not self._may_report_bare(masked, sentence[0], start, kind, gerund, low):
            return cc.NO_SOURCE  # its subject need not be read
        # A past report with its complement ("said", "claimed that"), not a reduced
        # relative ("behavior deemed unprofessional"): its subject may be "one teacher".
        past = verb in _PAST_REPORTS or (verb.endswith("ed") and _THAT.match(masked, end) is not None)
        if vague_only is not None and not gerund and not self._may_be_vague(vague_only, masked, sentence[0], start, past) \
                and not (kind == "strong" and self._after_quote(masked, sentence[0], start)):
            # Below, only an -ing clause (whose subject opens the sentence) and a source
            # inverted after a quotation can be vague without such a word before the
            # verb, and both are read as ever.
            return cc.NO_SOURCE
        toks = cc.subject_before(masked, sentence[0], start, verb.endswith(PARTICIPLE),
                                 present=verb in self.present_forms, after_with=gerund)
        if gerund and not cc.clause_subject(masked, toks, start):
            if _COMMA_BEFORE.search(masked, max(sentence[0], start - 4), start):
                # "Some fans were disappointed, saying ...": the -ing clause reports
                # for the subject that opens the sentence.
                toks = cc.opening_subject(masked, sentence[0], start)
                phrase = cc.classify(toks, lex, sentence[0], strong=True)
                return phrase if complement and phrase.kind == "vague" else cc.NO_SOURCE
            return cc.NO_SOURCE  # "users reporting bugs", "saying that": no claim made
        if not toks and kind == "strong" and self._after_quote(masked, sentence[0], start):
            # News inverts after a quotation: "... ," said one official. (Not "...,
            # called with parameters" or ", consider using": a source opens the phrase.)
            first = _next_word(masked, end)
            if first in self.openers or first in lex.heads or _next_char(masked, end).isupper():
                return self.agent(masked, end, sentence)
            return cc.NO_SOURCE
        if verb in self.base_forms and singular_subject(toks, lex):
            return cc.NO_SOURCE  # "helps a reviewer confirm": an object, not a subject
        phrase = cc.classify(toks, lex, sentence[0], strong=True, past=past, guess=verb not in self.narrow)
        if verb in _NAMING and toks and toks[-1][0].lower() != phrase.head:
            return cc.NO_SOURCE  # "data in a file called x.txt": a name given, no claim
        if phrase.head in self.anyone and (verb in self.expectations or (
                verb in self.usages and not _SPOKEN_OF_AS.match(masked, end, sentence[1]))):
            return cc.NO_SOURCE  # "Many people expect that async I/O is faster", "people speak of MVC"
        if verb.endswith("s") and not verb.endswith("ss") and plural_subject(toks, lex, phrase.head):
            return cc.NO_SOURCE  # "some questions", "many calls": a noun, not a verb
        if not complement and (needed is not None or not (phrase.head in lex.evidence and verb in self.evidence_forms)):
            return cc.NO_SOURCE  # "continued to work"; but "data indicate a rise" reports
        return phrase

    def _complement(self, masked: str, end: int, sentence: tuple[int, int], verb: str, kind: str) -> bool:
        """Does the verb have what it needs after it: its particle ("linked ... to"), or
        for a complement verb a that-clause, an "as" phrase or a quotation?"""
        needed = self.particles.get(verb)
        if needed is not None:
            return needed.match(masked, end, sentence[1]) is not None
        return kind != "weak" or COMPLEMENT.match(masked, end) is not None

    def _may_report_bare(self, masked: str, sent_start: int, pos: int, kind: str, gerund: bool,
                         low: str | None = None) -> bool:
        """Can the verb at `pos`, lacking its complement, still report? Only two readings
        below report such a verb: a reporting verb that lacks its particle ("linked ...
        to"), inverted after a quotation (", said one official"); an evidence verb
        ("data indicate a rise") whose subject's head is unnamed evidence, so one of
        those words stands before it in the sentence. Most such verbs in prose are
        neither ("the table shows", "the results indicate a"), and their subjects are not read."""
        if kind == "strong":
            return not gerund and self._after_quote(masked, sent_start, pos)
        if low is not None and self.evidence_folded is not None:
            # In the case-folded prose (see `prefilter.lowered`): the same places match.
            return re.compile(self.evidence_folded).search(low, sent_start, pos) is not None  # `re` caches it
        return re.compile(self.evidence_pattern, re.I).search(masked, sent_start, pos) is not None  # `re` caches it

    def _may_be_vague(self, low: str, masked: str, sent_start: int, pos: int, past: bool) -> bool:
        """Can the subject `cc.subject_before` reads before `pos` be vague or an anaphor
        (see `HeadWords`)? Its words come from at most `cc.REACH` before the verb, and
        further off from a place that may split a word: a longer stretch is taken as
        holding one, and so is a sentence that starts inside a word (the search reads
        the text before it)."""
        if pos - sent_start > cc.REACH or (sent_start and _WORD_CHAR.match(masked, sent_start - 1)):
            return True
        return self.head_words.held(low, sent_start, pos, past)

    @staticmethod
    def _after_quote(masked: str, sent_start: int, pos: int) -> bool:
        """Does the verb at `pos` follow the end of a quotation (", said one official")?
        The pattern is anchored at the verb: look back a bounded stretch, not the sentence."""
        return _AFTER_QUOTE.search(masked, max(sent_start, pos - 256), pos) is not None

    def _judged(self, masked: str, sent_start: int, pos: int) -> bool:
        """Is the judgement noun at `pos` the object of a verb of receiving ("earned
        widespread acclaim", "met with criticism")? Up to two words may come between."""
        before = cc.words(masked, max(sent_start, pos - 60), pos)[-4:]
        return any(w.lower() in self.judgement_verbs for w, _ in before[-3:])

    def agent(self, masked: str, pos: int, sentence: tuple[int, int], guess: bool = True) -> cc.Phrase:
        """The phrase after "by" or "according to", when it is a vague or named source."""
        toks = cc.phrase_after(masked, pos, sentence[1])
        phrase = cc.classify(toks, self.lexicon, sentence[0], strong=True, guess=guess)
        return phrase if phrase.kind in ("vague", "named") else cc.NO_SOURCE


# "speak of the harbour as the finest": a judgement, not how a thing is called.
_SPOKEN_OF_AS = re.compile(r"\s+(?:of|about)\s+(?:[\w'\u2019-]+\s+){1,5}as\s")


def _slashed(masked: str, start: int, end: int) -> bool:
    """Is the word masked[start:end] joined to another by a slash ("data / attributes",
    "reports/logs")? Such a pair names things: neither word is a verb."""
    return masked[max(0, start - 8):start].rstrip().endswith("/") or _next_char(masked, end) == "/"


def _next_char(masked: str, pos: int) -> str:
    """The first character after `pos` that is not whitespace ("" at the end), without
    copying the rest of the document (per verb, that copy made a document quadratic)."""
    at = _SPACE.match(masked, pos).end()
    return masked[at:at + 1]
