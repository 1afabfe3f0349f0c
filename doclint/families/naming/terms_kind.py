"""`terms` kind: configured preferred terms, and either/or spellings a document must pick."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress, count
from typing import NamedTuple
from weakref import WeakKeyDictionary

import regex

from doclint.core.finding import Applicability, Edit, Fix, Hit
from doclint.core.kind import Kind
from doclint.core.logs import LOGS, is_log
from doclint.core.textmatch import (
    DEFAULT_TIMEOUT,
    iter_block_matches,
    keep_case,
    phrase_regex,
)
from doclint.families.naming.words import is_mention

WORD = re.compile(r"\w+(?:[-.]\w+)*")


class Match(NamedTuple):
    """One occurrence of a configured phrase (the text is the document's own)."""

    begin: int
    finish: int
    text: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def group(self) -> str:
        return self.text


def _norm(phrase: str, ignore_case: bool) -> str:
    phrase = " ".join(phrase.split())
    return phrase.lower() if ignore_case else phrase


def _cased(found: str, target: str) -> str:
    """A brand keeps its own capitals (macOS stays macOS at a sentence start); a plain
    word takes the case of what it replaces (Email for E-mail)."""
    return target if any(c.isupper() for c in target) else keep_case(found, target)


def _inside_name(masked: str, match) -> bool:
    """A capitalised form inside a sentence belongs to a name (Kennedy Center, Labour
    Party): its spelling is not the writer's choice."""
    if not match.group()[:1].isupper():
        return False
    before = masked[max(0, match.start() - 3):match.start()].rstrip()
    return bool(before) and (before[-1].isalnum() or before[-1] in ",;")


# The terms rules read the same words: keep them while the document lives.
_WORDS: WeakKeyDictionary = WeakKeyDictionary()


def _block_words(doc, lower: bool) -> tuple[list[str], list[int]]:
    """The WORD tokens of every prose block of `doc` in one list (lower-cased if `lower`:
    _norm of a single word), and the index where each block's words end."""
    cached = _WORDS.setdefault(doc, {})
    if lower not in cached:
        if False not in cached:
            masked = doc.masked
            words: list[str] = []
            bounds = []
            for block in doc.blocks:
                words += WORD.findall(masked, block.start, block.end)
                bounds.append(len(words))
            cached[False] = (words, bounds)
        if lower:
            words, bounds = cached[False]
            cached[True] = (list(map(str.lower, words)), bounds)
    return cached[lower]


class TermsKind(Kind):
    """`preferred` maps a preferred form to its variants: each variant is reported with
    a safe fix. `either` lists groups of alternatives (each a form or a list of its
    inflections, given in the same order for every alternative) where any one is fine
    but a document must keep to one: the less used alternative is reported, with an
    unsafe fix to the more used one (on a tie, the later form is reported)."""

    name = "terms"

    @dataclass(frozen=True)
    class Options:
        preferred: dict[str, list[str]] | None = None
        either: tuple[list[str | list[str]], ...] = ()
        ignore_case: bool = True
        timeout: float = DEFAULT_TIMEOUT
        # Changelogs and release notes are history (see doclint.core.logs): their past
        # entries are not rewritten to today's spelling. `[]` checks them.
        logs: tuple[str, ...] = LOGS

        def __post_init__(self) -> None:
            if not self.preferred and not self.either:
                raise ValueError("a terms rule needs 'preferred' or 'either' groups")
            lookup: dict[str, tuple] = {}  # normalised variant -> what it stands for
            for target, variants in (self.preferred or {}).items():
                for variant in variants:
                    lookup[_norm(variant, self.ignore_case)] = ("preferred", target)
            for g, group in enumerate(self.either):
                if len(group) < 2:
                    raise ValueError("each 'either' group needs at least two alternatives")
                forms = [[a] if isinstance(a, str) else list(a) for a in group]
                if len({len(f) for f in forms}) != 1:
                    raise ValueError(f"'either' group {forms[0][0]!r}: give every alternative "
                                     "the same number of inflections")
                for a, inflections in enumerate(forms):
                    for i, form in enumerate(inflections):
                        lookup[_norm(form, self.ignore_case)] = ("either", g, a, i, tuple(map(tuple, forms)))
            # Phrases made of plain words are found by a dictionary lookup over word
            # tokens (several times faster than one big alternation); anything else
            # (C++, .NET) goes to a regex alternation.
            firsts: dict[str, int] = {}
            odd = []
            for phrase in lookup:
                words = phrase.split(" ")
                if all(WORD.fullmatch(w) for w in words):
                    firsts[words[0]] = max(firsts.get(words[0], 0), len(words))
                else:
                    odd.append(phrase_regex(phrase))
            flags = regex.V1 | (regex.IGNORECASE if self.ignore_case else 0)
            odd.sort(key=len, reverse=True)
            object.__setattr__(self, "lookup", lookup)
            object.__setattr__(self, "firsts", firsts)
            object.__setattr__(self, "compiled", regex.compile("|".join(odd), flags) if odd else None)

    def check(self, doc) -> Iterable[Hit]:
        opts = self.options
        if is_log(doc, opts.logs):
            return
        choices: dict[int, list] = {}  # either group -> [(alternative, inflection, match)]
        for match in self._matches(doc):
            if is_mention(doc.text, match.start(), match.end()):
                continue  # 'use "email", not "e-mail"' talks about the words
            entry = opts.lookup.get(_norm(match.group(), opts.ignore_case))
            if entry is None:
                continue
            if entry[0] == "preferred":
                found, target = match.group(), _cased(match.group(), entry[1])
                if found != target:
                    fix = Fix(f"Replace with '{target}'", (Edit(match.start(), match.end(), target),),
                              Applicability.SAFE)
                    yield Hit(match.start(), match.end(), {"match": found, "preferred": target}, fix=fix)
            elif not _inside_name(doc.masked, match):
                choices.setdefault(entry[1], []).append((entry[2], entry[3], entry[4], match))
        for uses in choices.values():
            yield from self._either(uses)

    def _matches(self, doc) -> Iterable[Match]:
        """Occurrences of configured phrases in the prose blocks of `doc`, in order."""
        opts = self.options
        masked = doc.masked
        blocks = doc.blocks
        words, bounds = _block_words(doc, opts.ignore_case)
        out = []
        current = -1
        # Python code runs only at the words that can start a configured phrase.
        for at in compress(count(), map(opts.firsts.__contains__, words)):
            k = bisect_right(bounds, at)
            if k != current:
                current, block = k, blocks[k]
                base = bounds[k - 1] if k else 0
                found = list(WORD.finditer(masked, block.start, block.end))
            i = at - base
            token = found[i]
            # The longest configured phrase starting here wins ("data set" over "data").
            for size in range(min(opts.firsts[words[at]], len(found) - i), 0, -1):
                last = found[i + size - 1]
                phrase = found[i:i + size]
                if any(not masked[a.end():b.start()].isspace() for a, b in zip(phrase, phrase[1:])):
                    continue
                if " ".join(words[at:at + size]) in opts.lookup:
                    out.append(Match(token.start(), last.end(), masked[token.start():last.end()]))
                    break
        if opts.compiled is not None:
            out.extend(Match(m.start(), m.end(), m.group())
                       for m in iter_block_matches(opts.compiled, doc, opts.timeout))
            out.sort(key=lambda m: m.start())
        return out

    def _either(self, uses: list) -> Iterable[Hit]:
        counts: dict[int, int] = {}
        form_counts: dict[tuple[int, int], int] = {}
        first: dict[int, int] = {}
        for alternative, inflection, _, match in uses:
            counts[alternative] = counts.get(alternative, 0) + 1
            form_counts[(alternative, inflection)] = form_counts.get((alternative, inflection), 0) + 1
            first.setdefault(alternative, match.start())
        if len(counts) < 2:
            return
        # More uses win; on a tie the earlier form wins and the later one is reported.
        chosen = max(counts, key=lambda a: (counts[a], -first[a]))
        # A use clashes only with the same word form of the chosen alternative:
        # "organization" beside "organise" or "judgments" beside "judgement" are two
        # words (one -ize/-ise, one inflection), not one word spelled two ways.
        chosen_forms = {inflection for alternative, inflection, _, _ in uses if alternative == chosen}
        for alternative, inflection, forms, match in uses:
            if alternative == chosen or inflection not in chosen_forms:
                continue
            target = _cased(match.group(), forms[chosen][inflection])
            fix = Fix(f"Replace with '{target}'", (Edit(match.start(), match.end(), target),),
                      Applicability.UNSAFE)
            # The message names the clashing word forms and their own counts.
            args = {"match": match.group(), "count": form_counts[(alternative, inflection)],
                    "preferred": forms[chosen][inflection],
                    "preferred_count": form_counts[(chosen, inflection)]}
            yield Hit(match.start(), match.end(), args, fix=fix)
