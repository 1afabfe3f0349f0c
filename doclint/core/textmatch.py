"""Shared helpers for kinds that match phrases or user regexes in prose blocks."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

import regex

from doclint.core.document import Document

DEFAULT_TIMEOUT = 1.0  # seconds per block; a catastrophic user regex must not hang a run
_END = ""              # trie key marking "a phrase may end here"


class RuleTimeout(Exception):
    """A user regex ran past its timeout; the engine reports it as an error of the rule."""


def _boundary_before(phrase: str) -> str:
    return r"(?<![\w-])" if phrase[:1].isalnum() else ""


def _boundary_after(phrase: str) -> str:
    return r"(?![\w-])" if phrase[-1:].isalnum() else ""


def phrase_regex(phrase: str) -> str:
    """A literal phrase as a regex (valid for `re` and `regex`): any run of whitespace
    matches any whitespace, and the phrase starts and ends on word boundaries."""
    body = r"\s+".join(re.escape(p) for p in phrase.split())
    return _boundary_before(phrase) + body + _boundary_after(phrase)


def _trie_regex(phrases: list[str], ignore_case: bool) -> str:
    """Phrases as one regex shaped like a word trie. A flat alternation of hundreds of
    phrases re-tries every phrase at every position; the trie shares their prefixes,
    and a phrase that may stop early is tried last, so the longest phrase wins."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for word in phrase.split():
            node = node.setdefault(word.lower() if ignore_case else word, {})
        node[_END] = _boundary_after(phrase)

    def tail(node: dict) -> str:
        alternatives = [r"\s+" + re.escape(word) + tail(child)
                        for word, child in sorted(node.items(), key=lambda kv: (-len(kv[0]), kv[0]))
                        if word != _END]
        if _END in node:
            alternatives.append(node[_END])
        if len(alternatives) == 1:
            return alternatives[0]
        return "(?:" + "|".join(alternatives) + ")"

    groups = []
    for bounded in (True, False):
        part = {w: c for w, c in trie.items() if bool(_boundary_before(w)) == bounded}
        if part:
            heads = [re.escape(word) + tail(child)
                     for word, child in sorted(part.items(), key=lambda kv: (-len(kv[0]), kv[0]))]
            groups.append((r"(?<![\w-])" if bounded else "") + "(?:" + "|".join(heads) + ")")
    return "|".join(groups)


class Matcher:
    """Literal phrases (through `re`, as a trie: fast, and unable to backtrack badly) and
    user regexes (through `regex`, with a timeout), matched together in text order."""

    def __init__(self, phrases: list[str], patterns: list[str], ignore_case: bool) -> None:
        phrases = [p for p in phrases if p.strip()]
        self.literal = re.compile(_trie_regex(phrases, ignore_case),
                                  re.IGNORECASE if ignore_case else 0) if phrases else None
        self.custom = None
        if patterns:
            flags = regex.V1 | (regex.IGNORECASE if ignore_case else 0)
            compiled = []
            for pattern in patterns:
                try:
                    compiled.append(regex.compile(pattern, flags))
                except regex.error as exc:
                    raise ValueError(f"bad regex {pattern!r}: {exc}") from None
            if len(compiled) == 1:  # already compiled to validate it: no second compile
                self.custom = compiled[0]
                return
            # Longest alternatives first, so "sources said" wins over "said".
            ordered = sorted(patterns, key=len, reverse=True)
            self.custom = regex.compile("|".join(f"(?:{p})" for p in ordered), flags)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None,
                 timeout: float = DEFAULT_TIMEOUT) -> Iterator:
        endpos = len(text) if endpos is None else endpos
        if self.custom is None:
            yield from self.literal.finditer(text, pos, endpos)
            return
        customs = self.custom.finditer(text, pos, endpos, timeout=timeout)
        if self.literal is None:
            yield from customs
            return
        # Both kinds: merge in text order, dropping a match that overlaps the previous one.
        matches = sorted([*self.literal.finditer(text, pos, endpos), *customs],
                         key=lambda m: (m.start(), -m.end()))
        last_end = -1
        for match in matches:
            if match.start() >= last_end:
                last_end = match.end()
                yield match

    def search(self, text: str, pos: int = 0, endpos: int | None = None,
               timeout: float = DEFAULT_TIMEOUT):
        """The first match in text[pos:endpos], or None."""
        return next(iter(self.finditer(text, pos, endpos, timeout)), None)


def compile_alternation(phrases: Iterable[str], patterns: Iterable[str], ignore_case: bool) -> Matcher | None:
    """A Matcher for literal phrases and raw regexes, or None when both are empty;
    ValueError names a bad regex."""
    return _compiled(tuple(phrases), tuple(patterns), ignore_case)


# Rules that extend one another share their phrase lists (DL301 and DL303 read the
# same cues): compiling each list once per process is most of a small run's start-up.
# A Matcher never changes after it is built, so sharing it is safe.
@lru_cache(maxsize=None)
def _compiled(phrases: tuple[str, ...], patterns: tuple[str, ...], ignore_case: bool) -> Matcher | None:
    if not any(p.strip() for p in phrases) and not patterns:
        return None
    return Matcher(list(phrases), list(patterns), ignore_case)


def iter_block_matches(compiled, doc: Document, timeout: float = DEFAULT_TIMEOUT) -> Iterator:
    """Matches of `compiled` (a Matcher or a compiled regex) in the masked prose of each
    block of `doc`."""
    masked = doc.masked
    uses_timeout = isinstance(compiled, (Matcher, regex.Pattern))
    for block in doc.blocks:
        try:
            if uses_timeout:
                yield from compiled.finditer(masked, block.start, block.end, timeout=timeout)
            else:
                yield from compiled.finditer(masked, block.start, block.end)
        except TimeoutError:
            raise RuleTimeout(f"pattern timed out after {timeout}s") from None


def keep_case(match: str, replacement: str) -> str:
    """Carry the case pattern of `match` onto `replacement` (ALL CAPS, Capitalised)."""
    if len(match) > 1 and match.isupper() and not replacement.isupper():
        return replacement.upper()
    if match[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
