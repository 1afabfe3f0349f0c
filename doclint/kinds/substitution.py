"""`substitution` kind: a term written where a preferred term should be, with a safe fix."""
from __future__ import annotations

from dataclasses import dataclass
import re
from typing import Iterable

import regex

from doclint.finding import Applicability, Edit, Fix, Hit
from doclint.kinds.base import Kind
from doclint.kinds.textmatch import DEFAULT_TIMEOUT, iter_block_matches, keep_case, phrase_regex


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
            # Literal variants go through `re` (several times faster, and a literal cannot
            # backtrack badly); user regexes through `regex`, which enforces the timeout.
            engine = regex if self.regex else re
            flags = (regex.V1 if self.regex else 0) | (engine.IGNORECASE if self.ignore_case else 0)
            groups, preferred = [], []
            for i, (variant, target) in enumerate(self.swap.items()):
                source = variant if self.regex else phrase_regex(variant)
                try:
                    engine.compile(source, flags)
                except (regex.error, re.error) as exc:
                    raise ValueError(f"bad regex {variant!r}: {exc}") from None
                groups.append(f"(?P<v{i}>{source})")
                preferred.append(target)
            object.__setattr__(self, "compiled", engine.compile("|".join(groups), flags))
            object.__setattr__(self, "preferred", tuple(preferred))

    def check(self, doc) -> Iterable[Hit]:
        opts = self.options
        for match in iter_block_matches(opts.compiled, doc, opts.timeout):
            # Not match.lastgroup: a user regex may hold groups of its own.
            index = next(i for i in range(len(opts.preferred)) if match.group(f"v{i}") is not None)
            found = match.group()
            target = keep_case(found, opts.preferred[index])
            if found == target:
                continue  # the preferred form itself, e.g. a case-insensitive self-match
            fix = Fix(f"Replace with '{target}'", (Edit(match.start(), match.end(), target),),
                      Applicability.SAFE)
            yield Hit(match.start(), match.end(), {"match": found, "preferred": target}, fix=fix)
