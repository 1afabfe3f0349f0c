"""The weasel kind: opinion, reputation or praise stated as fact."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from doclint.core.finding import Hit
from doclint.core.kind import Kind
from doclint.core.logs import LOGS, is_log
from doclint.core.textmatch import DEFAULT_TIMEOUT
from doclint.families.claims import text as ctx
from doclint.families.claims.citations import Citations, References, cited

# A judgement with its holder named after it, or owned by the writer.
_NAMED_BY = re.compile(r"(?:\s+[\w'\u2019-]+){0,12}?\s+by\s+(?:the\s+)?[A-Z]")
# How far before a cue `unasserted-before` looks: a few words.
_BEFORE = 60
_OWNED = re.compile(r"\b[Ii]n\s+(?:my|our)\s+(?:judgment|judgement|opinion|view)\b|\bI\s+(?:think|believe|feel|hope)\b")


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
        # Regexes for what, right before a cue, makes it assert nothing: the cue then
        # names a consensus that is missing ("there is no generally agreed definition")
        # or one that is a goal ("make sure that everyone knows when ...").
        unasserted_before: tuple[str, ...] = ()
        timeout: float = DEFAULT_TIMEOUT
        logs: tuple[str, ...] = LOGS  # changelogs and release notes are history (doclint.core.logs)

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
            set_(self, "cited", Citations(self.citations))
            set_(self, "markers", References(self.referenced_markers, self.referenced_min))
            unasserted = "|".join(f"(?:{p})" for p in self.unasserted_before)
            set_(self, "unasserted", re.compile(rf"(?:{unasserted})\s*$", re.IGNORECASE) if unasserted else None)

    def check(self, doc) -> Iterable[Hit]:
        opts = self.options
        if is_log(doc, opts.logs):
            return
        ct = ctx.ClaimText.of(doc)
        seen = set()
        cues = opts.cues
        if opts.referenced and opts.markers(doc, ct):
            cues = opts.all_cues
        masked = doc.masked
        for m in ctx.cue_matches(cues, doc, ct, opts.timeout):
            i = ct.index(m.start())
            if i < 0 or i in seen or ct.quoted(m.start()):
                continue
            start, end = ct.sentences[i]
            if cited(opts.cited, doc, start, end) or ctx.conditional(masked, start, m.start()):
                continue
            if _NAMED_BY.match(masked, m.end(), end) or _OWNED.search(masked, start, end):
                continue  # "recognized as the best means by the Forty-ninth Congress", "in my judgment"
            if opts.unasserted is not None and opts.unasserted.search(masked, max(start, m.start() - _BEFORE),
                                                                       m.start()):
                continue
            seen.add(i)
            yield Hit(start, end, {"cue": " ".join(m.group().split())})
