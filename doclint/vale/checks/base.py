"""What every Vale check shares: the rule's definition, message formatting, exceptions."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

import regex

from doclint.core.finding import Applicability, Edit, Fix
from doclint.core.problems import ConfigError
from doclint.core.textmatch import keep_case
from doclint.vale.regexes import Scanner, compile_vale, fast_compile, translate
from doclint.vale.view import Scope, View

WORD_TEMPLATE = r"\b(?:%s)\b"
NONWORD_TEMPLATE = r"(?:%s)"
_NEWLINES = re.compile(r"\s*\n\s*")
_VERB = re.compile(r"%(?:\[(\d+)\])?s|%%")


class Alert(NamedTuple):
    """One finding of a Vale check: offsets into the document, message, optional fix (a
    named tuple: a noisy rule makes thousands, and a tuple is made several times faster
    than a frozen dataclass)."""

    start: int
    end: int
    message: str
    fix: Fix | None = None


class Unsupported(Exception):
    """A rule of a supported check type that uses something doclint cannot run (a
    sequence token's part-of-speech `tag`): the rule gets a note and does not run."""


@lru_cache(maxsize=4096)  # a rule's message for a word is the same each time (spelling)
def format_message(message: str, *subs: str) -> str:
    """Vale's substitution (Go's Sprintf verbs: `%s` takes the next value, `%[2]s` the
    second, `%%` is a percent sign; with fewer values than verbs the last one repeats),
    then its one-line form: each line break (and the blank lines around it) becomes one
    space, as Vale prints a block-scalar message. Without values the message is kept
    as written, as Vale keeps it."""
    if subs and "%" in message:
        position = 0

        def verb(m: re.Match) -> str:
            nonlocal position
            if m.group() == "%%":
                return "%"
            if m.group(1):
                position = int(m.group(1)) - 1
            value = subs[min(max(position, 0), len(subs) - 1)]
            position += 1
            return value

        message = _VERB.sub(verb, message)
    return _NEWLINES.sub(" ", message)


def as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [str(value)]


class Check:
    """A loaded Vale rule. `run(view, state)` yields Alerts; `state` is a dict that lives
    for one document (conditional and consistency rules remember what they have seen)."""

    # Keys every check type accepts, beside its own.
    COMMON = frozenset({"extends", "message", "description", "level", "scope", "link", "limit",
                        "action", "name", "code"})
    KEYS: frozenset[str] = frozenset()
    # Files besides the rule's own that the check read when loaded (a spelling rule's
    # dictionaries and word lists): a cached setup is read again when one changes.
    inputs: tuple[str, ...] = ()

    def __init__(self, name: str, data: dict, path: str, accepted: list[str],
                 word_template: str = "") -> None:
        self.name = name
        self.path = path
        self.data = data
        self.message = str(data.get("message", ""))
        self.link = str(data.get("link", "") or "")
        self.scope = Scope.parse(data.get("scope"))
        self.limit = int(data.get("limit") or 0)
        self.action = data.get("action") or {}
        self.word_template = word_template or WORD_TEMPLATE
        self.unknown_keys = sorted(k for k in data if k not in self.COMMON | self.KEYS)

    # -- helpers for subclasses -------------------------------------------------------
    def compile(self, pattern: str, key: str, ignore_case: bool = False, prefilter: bool = False):
        return compile_vale(pattern, self.path, key, ignore_case, prefilter)

    def template(self, body: str, nonword: bool) -> str:
        template = NONWORD_TEMPLATE if nonword else self.word_template
        if "%s" not in template:
            template = WORD_TEMPLATE
        return template.replace("%s", body, 1)

    def scanner_of(self, pattern, starts, nonword: bool) -> Scanner:
        """A Scanner of `pattern` (built with template()), whose matches start with one
        of `starts` and are never empty unless a configured WordTemplate says otherwise:
        only then may it search for those characters first."""
        plain = nonword or self.word_template == WORD_TEMPLATE
        return Scanner(pattern, starts if plain else None)

    def exceptions_regex(self, exceptions: list[str], accepted: list[str]) -> regex.Pattern | None:
        """Vale's exception pattern: the exceptions (and accepted vocabulary), longest
        first so that alternation prefers the longest, word-bounded."""
        terms = [t for t in exceptions + accepted if t]
        if not terms:
            return None
        terms.sort(key=len, reverse=True)
        # Each term keeps its own case: a vocabulary term starting with `(?i)` ignores
        # case for itself only (Vale marks every other term `(?-i)`).
        terms = [f"(?i:{t[4:]})" if t.startswith("(?i)") else t for t in terms]
        try:
            body = "|".join(translate(t) for t in terms)
            return fast_compile(WORD_TEMPLATE % body)
        except (ValueError, regex.error) as exc:
            raise ConfigError(self.path, f"'exceptions': cannot use them as a regular expression: {exc}") from None

    def run(self, view: View, state: dict) -> Iterable[Alert]:
        return ()

    def alert(self, start: int, end: int, *subs: str, fix: Fix | None = None) -> Alert:
        return Alert(start, end, format_message(self.message, *subs), fix)

    def action_fix(self, start: int, end: int, replacements: list[str], contiguous: bool = True,
                   observed: str = "") -> Fix | None:
        """`action: replace` with one replacement, and `remove`, as unsafe fixes (`doclint
        fix --unsafe`): a style's swap can change meaning or grammar ("If it is, ..." ->
        "If it's, ..."), so it is never applied unasked. The replacement keeps the
        observed text's capital ("What is" -> "What's"). A match with markup inside it
        (`e-**mail**`) gets no fix: the edit would drop the markup."""
        name = self.action.get("name") if isinstance(self.action, dict) else None
        if not contiguous:
            return None
        if name == "replace" and len(replacements) == 1:
            target = keep_case(observed, replacements[0]) if observed else replacements[0]
            return Fix(f"Replace with '{target}'", (Edit(start, end, target),), Applicability.UNSAFE)
        if name == "remove":
            return Fix("Remove it", (Edit(start, end, ""),), Applicability.UNSAFE)
        return None


def is_match(pattern: regex.Pattern | None, text: str) -> bool:
    return pattern is not None and pattern.search(text) is not None
