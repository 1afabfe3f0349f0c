"""Vale's regular expressions (Go RE2 plus regexp2's lookarounds) as Python patterns."""
from __future__ import annotations

import re
import warnings

import regex

from doclint.core.problems import ConfigError

# Version 1 semantics: an inline flag such as `(?i)` in the middle of a pattern applies
# from there on, as in Go, instead of to the whole pattern (or being an error, in `re`).
FLAGS = regex.V1 | regex.MULTILINE

# Go syntax that `regex` reads differently or not at all.
_QUOTED = re.compile(r"\\Q(.*?)(?:\\E|\Z)", re.S)
_UNSUPPORTED = (
    (re.compile(r"\(\?[a-zA-Z]*U"), "the ungreedy flag (?U)"),
    (re.compile(r"(?<!\\)\\C"), "\\C (any byte)"),
)


def translate(pattern: str) -> str:
    """A Go/regexp2 pattern as the equivalent `regex` pattern; ValueError when it uses
    syntax with no equivalent."""
    for finder, what in _UNSUPPORTED:
        if finder.search(pattern):
            raise ValueError(f"{what} cannot be translated")
    pattern = _QUOTED.sub(lambda m: regex.escape(m.group(1)), pattern)
    # `\z` is Go's end of text; `regex` spells it `\Z`.
    pattern = re.sub(r"(?<!\\)((?:\\\\)*)\\z", r"\1\\Z", pattern)
    return pattern


def fast_compile(translated: str, ignore_case: bool = False):
    """The stdlib `re` compiles a style's long word lists 3-4x faster than `regex`, and
    reads most Vale patterns the same way; what it cannot read (`\\p{L}`, POSIX classes,
    an inline flag mid-pattern) goes to `regex`, whose V1 mode reads them as Go does.
    A `regex.error` means neither could."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # `[[` or `--` in a class: literal, as in Go
            return re.compile(translated, re.MULTILINE | (re.IGNORECASE if ignore_case else 0))
    except re.error:
        return regex.compile(translated, FLAGS | (regex.IGNORECASE if ignore_case else 0))


def compile_vale(pattern: str, path: str, key: str, ignore_case: bool = False):
    """Compile a Vale pattern; a ConfigError names the rule file and key when it cannot."""
    try:
        return fast_compile(translate(pattern), ignore_case)
    except (ValueError, regex.error) as exc:
        raise ConfigError(path, f"'{key}': cannot use the regular expression {pattern!r}: {exc}") from None
