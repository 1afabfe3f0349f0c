"""`substitution` kind: a term written where a preferred term should be, with a safe fix."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import regex

from doclint.core.finding import Applicability, Edit, Fix, Hit
from doclint.core.kind import Kind
from doclint.core.textmatch import DEFAULT_TIMEOUT, Matcher, iter_block_matches, keep_case


def _key(text: str, ignore_case: bool) -> str:
    words = " ".join(text.split())
    return words.lower() if ignore_case else words


class SubstitutionKind(Kind):
    """`swap` maps a variant (a literal phrase, or a regex when `regex: true`) to the
    preferred term. Each match is reported with a safe fix that keeps the match's case."""

    name = "substitution"

    @dataclass(frozen=True)
    class Options:
        swap: dict[str, str]
        ignore_case: bool = True
        regex: bool = False
        timeout: float = DEFAULT_TIMEOUT

        def __post_init__(self) -> None:
            if not self.swap:
                raise ValueError("a substitution rule needs a non-empty 'swap' mapping")
            set_ = object.__setattr__
            if not self.regex:
                # Literal variants: one trie matcher, and the match's folded text finds
                # its preferred term.
                set_(self, "compiled", Matcher(list(self.swap), [], self.ignore_case))
                set_(self, "lookup", {_key(v, self.ignore_case): t for v, t in self.swap.items()})
                return
            flags = regex.V1 | (regex.IGNORECASE if self.ignore_case else 0)
            groups = []
            for i, variant in enumerate(self.swap):
                try:
                    regex.compile(variant, flags)
                except regex.error as exc:
                    raise ValueError(f"bad regex {variant!r}: {exc}") from None
                groups.append(f"(?P<v{i}>{variant})")
            set_(self, "compiled", regex.compile("|".join(groups), flags))
            set_(self, "preferred", tuple(self.swap.values()))

    def _preferred(self, match) -> str:
        opts = self.options
        if not opts.regex:
            return opts.lookup[_key(match.group(), opts.ignore_case)]
        # Not match.lastgroup: a user regex may hold groups of its own.
        return next(t for i, t in enumerate(opts.preferred) if match.group(f"v{i}") is not None)

    def check(self, doc) -> Iterable[Hit]:
        opts = self.options
        for match in iter_block_matches(opts.compiled, doc, opts.timeout):
            found = match.group()
            target = keep_case(found, self._preferred(match))
            if found == target:
                continue  # the preferred form itself, e.g. a case-insensitive self-match
            fix = Fix(f"Replace with '{target}'", (Edit(match.start(), match.end(), target),),
                      Applicability.SAFE)
            yield Hit(match.start(), match.end(), {"match": found, "preferred": target}, fix=fix)
