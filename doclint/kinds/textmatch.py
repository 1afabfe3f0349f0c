"""Shared helpers for kinds that match phrases or user regexes in prose blocks."""
from __future__ import annotations

from typing import Iterator

import regex

from doclint.document import Document

DEFAULT_TIMEOUT = 1.0  # seconds per block; a catastrophic user regex must not hang a run


class RuleTimeout(Exception):
    """A user regex ran past its timeout; the engine reports it as an error of the rule."""


def phrase_regex(phrase: str) -> str:
    """A literal phrase as a regex: any run of whitespace matches any whitespace, and the
    phrase must start and end on word boundaries where it starts/ends with a word char."""
    parts = [regex.escape(p) for p in phrase.split()]
    body = r"\s+".join(parts)
    if phrase[:1].isalnum():
        body = r"(?<![\w-])" + body
    if phrase[-1:].isalnum():
        body = body + r"(?![\w-])"
    return body


def compile_alternation(phrases: list[str], patterns: list[str], ignore_case: bool):
    """One compiled regex for literal phrases and raw regexes; ValueError names a bad one."""
    flags = regex.V1 | (regex.IGNORECASE if ignore_case else 0)
    sources = [phrase_regex(p) for p in phrases]
    for pattern in patterns:
        try:
            regex.compile(pattern, flags)
        except regex.error as exc:
            raise ValueError(f"bad regex {pattern!r}: {exc}") from None
        sources.append(f"(?:{pattern})")
    if not sources:
        return None
    # Longest alternatives first, so "sources said" wins over "said".
    sources.sort(key=len, reverse=True)
    return regex.compile("|".join(sources), flags)


def iter_block_matches(compiled, doc: Document, timeout: float = DEFAULT_TIMEOUT) -> Iterator:
    """Matches of `compiled` in the masked prose of each block of `doc`."""
    masked = doc.masked
    for block in doc.blocks:
        try:
            yield from compiled.finditer(masked, block.start, block.end, timeout=timeout)
        except TimeoutError:
            raise RuleTimeout(f"pattern timed out after {timeout}s") from None


def keep_case(match: str, replacement: str) -> str:
    """Carry the case pattern of `match` onto `replacement` (ALL CAPS, Capitalised)."""
    if len(match) > 1 and match.isupper() and not replacement.isupper():
        return replacement.upper()
    if match[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
