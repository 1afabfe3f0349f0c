"""The attribution kind: claims resting on vague or anonymous sources, and carried-over sources."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Iterable

from doclint.core.finding import Hit
from doclint.core.kind import Kind
from doclint.core.logs import LOGS, is_log
from doclint.core.textmatch import DEFAULT_TIMEOUT
from doclint.families.claims import cues as cc
from doclint.families.claims import text as ctx
from doclint.families.claims.citations import Citations, cited
from doclint.families.claims.number import is_plural
from doclint.families.claims.prefilter import shared_trigger
from doclint.families.claims.source import SourceReader, words
from doclint.families.claims.verbhits import reporting_hits

REPORTS = ("new", "carried")


class AttributionKind(Kind):
    """A reporting verb in any tense whose source is vague (some experts, several board
    members, analysts, a survey ...), "according to" a vague source, a passive with a
    vague agent or none ("seen by many as", "was widely criticised"), or a fixed cue ("on
    condition of anonymity"). `report: carried` reports instead the sentences that carry
    such a source on ("The sources continued that ...", "They also said ...")."""

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
        things: tuple[str, ...] = ()
        partitives: tuple[str, ...] = ()
        evidence_verbs: tuple[str, ...] = ()
        agentless_participles: tuple[str, ...] = ()
        judgement_nouns: tuple[str, ...] = ()
        narrow_verbs: tuple[str, ...] = ()
        agentless_judgements: tuple[str, ...] = ()
        judgement_verbs: tuple[str, ...] = ()
        comparison_verbs: tuple[str, ...] = ()
        naming_verbs: tuple[str, ...] = ()
        expectation_verbs: tuple[str, ...] = ()
        usage_verbs: tuple[str, ...] = ()
        anyone: tuple[str, ...] = ()
        bare_plurals: bool = True
        phrases: tuple[str, ...] = ()
        patterns: tuple[str, ...] = ()
        citations: tuple[str, ...] = ()
        carry_window: int = 2
        timeout: float = DEFAULT_TIMEOUT
        # Changelogs and release notes are history (see doclint.core.logs): what an
        # entry said of a past release is not rewritten to name its sources.
        logs: tuple[str, ...] = LOGS

        def __post_init__(self) -> None:
            if self.report not in REPORTS:
                raise ValueError(f"'report' must be one of {', '.join(REPORTS)}")
            if not self.vague_heads or not self.reporting_verbs:
                raise ValueError("an attribution rule needs 'vague-heads' and 'reporting-verbs'")
            if self.carry_window < 1:
                raise ValueError("'carry-window' must be at least 1")
            set_ = object.__setattr__
            set_(self, "reader", SourceReader(self))
            set_(self, "naming", words([*self.vague_heads, *self.people, *self.evidence]))
            set_(self, "cues", ctx.cue_matchers(self.phrases, self.patterns))
            set_(self, "cited", Citations(self.citations))
            set_(self, "analysis_key", tuple(getattr(self, f.name) for f in dataclasses.fields(self)
                                             if f.name != "report"))

    def check(self, doc) -> Iterable[Hit]:
        if is_log(doc, self.options.logs):
            return
        ct = ctx.ClaimText.of(doc)
        # DL301 and DL303 differ only in what they report: analyse a document once.
        key = self.options.analysis_key
        found = ct.analyses.get(key)
        if found is None:
            found = ct.analyses[key] = self._analyse(doc, ct)
        # The walk over the statuses is theirs alike too: each reports its own part of it
        # (kept for the other once it is whole).
        report = self.options.report
        walked = ct.analyses.get((key, "reports"))
        if walked is None:
            walked = []
            for item in self._report(doc, ct, found):
                walked.append(item)
                if item[0] == report:
                    yield Hit(item[1], item[2], dict(item[3]), related=item[4])
            ct.analyses[(key, "reports")] = walked
            return
        for kind, start, end, args, related in walked:
            if kind == report:
                yield Hit(start, end, dict(args), related=related)

    def _analyse(self, doc, ct: ctx.ClaimText) -> dict:
        opts = self.options
        found: dict[int, tuple] = {}  # sentence -> (status, cue start, cue end, head word)
        for m in ctx.cue_matches(opts.cues, doc, ct, opts.timeout):
            i = ct.index(m.start())
            if i >= 0 and i not in found and not ct.quoted(m.start()) \
                    and not ctx.conditional(doc.masked, ct.sentences[i][0], m.start()) \
                    and not ctx.names_a_term(doc.text, m.end(), ct.sentences[i][0]) \
                    and not ctx.stressed(doc.text, m.start()) \
                    and not ctx.ends_on_cue(doc.text, m.end(), ct.sentences[i][1]):
                found[i] = ("vague", m.start(), m.end(), "")
        masked = doc.masked
        reader = opts.reader
        # The sentence last asked about, whether a source may be in play there, and
        # whether it is idle (None: not asked yet).
        unread, live, idle = -1, True, None
        low = ct.lower if ct.lower_ok else None
        # Whether to ask if a sentence cites before its verbs are read, or only of a
        # reading that would be kept: the answer is the same, and asking first pays
        # where many sentences cite (reference markers and links open on "["), while a
        # speech or a letter cites next to nothing (measured both ways on 2 MB each).
        # So it is asked first of a sentence with a "[" in it or just after it (in news
        # and encyclopedia prose nearly every cited sentence, and a third of the others).
        text = doc.text
        ask_first = "[" in text
        for i, m in self._verbs(ct, masked):
            if found.get(i, ("",))[0] == "vague":
                continue  # before the sentence is looked at: most verb hits end here
            if ct.quoted(m.start()):
                continue
            if i != unread:
                unread, live = i, self._live(found, i)
                idle = None
                if ask_first and not live and self._ask_first(text, *ct.sentences[i]):
                    idle = cited(opts.cited, doc, *ct.sentences[i])
            if idle:
                continue
            phrase = reader.read_reporting(masked, ct.sentences[i], m, None if live else low, low)
            if phrase.kind is not None and idle is None and not live:
                idle = cited(opts.cited, doc, *ct.sentences[i])
                if idle:
                    continue
            if (phrase.kind == "anaphor" and m.group().lower() in reader.present_forms
                    and is_plural(phrase.head, reader.lexicon)
                    and not ctx.mentioned_before(ct, phrase.head, phrase.start)):
                # "the local officers tell us": a definite plural that points back to
                # nobody stands for a whole group, as a bare plural does.
                phrase = cc.Phrase("vague", phrase.start, phrase.end, phrase.head)
            if (phrase.kind == "vague" and phrase.head not in reader.lexicon.quantifiers
                    and ctx.named_nearby(opts.naming, masked, ct.sentences, i, reader.lexicon.demonym)):
                # "... a survey suggests. The Gallup poll of 2,000 voters ...": the
                # sentence beside it names the source the vague phrase stands for.
                phrase = cc.Phrase("named", phrase.start, phrase.end, phrase.head)
            if phrase.kind == "vague" and ctx.conditional(masked, ct.sentences[i][0], m.start()):
                continue  # "if they are cited by others": a condition names no source
            if phrase.kind is not None and (i not in found or phrase.kind == "vague"):
                found[i] = (phrase.kind, min(phrase.start, m.start()) if phrase.end else m.start(),
                            max(phrase.end, m.end()), phrase.head)
        return found

    @staticmethod
    def _ask_first(text: str, start: int, end: int) -> bool:
        """Is whether the sentence text[start:end] cites asked before its verbs are read
        (see `_analyse`)? Where a "[" stands in it or just after it."""
        return text.find("[", start, end + 3) != -1

    def _live(self, found: dict, i: int) -> bool:
        """May a source be in play at sentence `i` (see `_report`)? A source stays in
        play only from a sentence read as vague, or as a pronoun or an anaphor that
        carried one, for `carry-window` sentences; so not without such a status in the
        window before `i`. Where none is in play, only a vague reading of sentence `i`
        changes a report: another status there ends nothing that is in play and carries
        nothing on. What a cited sentence (most sentences of an encyclopedia article)
        says then counts for nothing: it is never reported, and no source is in play
        after it whatever it says. Of the others, only a subject that may be vague is
        read (see `SourceReader.read_reporting`)."""
        for j in range(max(0, i - self.options.carry_window), i):
            status = found.get(j)
            if status is not None and status[0] in ("vague", "pronoun", "anaphor"):
                return True
        return False

    def _verbs(self, ct: ctx.ClaimText, masked: str) -> Iterable[tuple[int, object]]:
        """(sentence, match) for each reporting verb in the prose, in text order, that
        `SourceReader.reports_nothing` does not drop."""
        reader = self.options.reader
        if ct.lower_ok:
            return reporting_hits(reader, ct, shared_trigger(), masked)
        return self._scanned_verbs(ct, masked)

    def _scanned_verbs(self, ct: ctx.ClaimText, masked: str) -> Iterable[tuple[int, object]]:
        reader = self.options.reader
        for start, end in ct.chunks:  # offsets of the lowered text are off: scan the text
            for m in reader.verbs_any_case.finditer(masked, start, end):
                i = ct.index(m.start())
                if i >= 0 and not reader.reports_nothing(masked, ct.sentences[i], m):
                    yield i, m

    def _report(self, doc, ct: ctx.ClaimText, found: dict) -> Iterable[tuple]:
        """What each value of `report` reports of the statuses `found`, in one walk:
        (report, start, end, message arguments, related locations) of each hit."""
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
            if cited(opts.cited, doc, start, end):
                source = None
                continue
            cue = " ".join(doc.plain(cue_start, cue_end).split())
            if status == "vague":
                source = (i, start, is_plural(head, opts.reader.lexicon))
                yield "new", start, end, (("cue", cue),), ()
            else:
                intro = doc.location(source[1])
                source = (i, source[1], source[2])
                yield "carried", start, end, (("cue", cue), ("line", intro.text_line or intro.line)), (intro,)
