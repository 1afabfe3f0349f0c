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
_QUOTED = re.compile(r"\\Q(.*?)(?:\\E|\Z)", re.DOTALL)
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


def compile_vale(pattern: str, path: str, key: str, ignore_case: bool = False, prefilter: bool = False):
    """Compile a Vale pattern; a ConfigError names the rule file and key when it cannot."""
    try:
        translated = translate(pattern)
        return fast_compile(prefiltered(translated, ignore_case) if prefilter else translated, ignore_case)
    except (ValueError, regex.error) as exc:
        raise ConfigError(path, f"'{key}': cannot use the regular expression {pattern!r}: {exc}") from None


# First "characters" that stand for a class, as they are written in one: any digit
# (`\d`), any whitespace (`\s`).
DIGIT = "\\d"
SPACE = "\\s"

# An inline flag group that names `i` (`(?i)`, `(?i:`, `(?-i:` too: more cases is safe).
_CASELESS = re.compile(r"\(\?[a-zA-Z-]*i[a-zA-Z-]*[:)]")
# A plain word or phrase: its first character is the only one a match starts with.
_PLAIN = re.compile(r"[^\W_][\w '’.,:/&-]*")


def first_chars(pattern: str, ignore_case: bool = False) -> frozenset[str] | None:
    """The characters a match of `pattern` can start with, or None when that is not a
    short list (a class like `\\w`, an optional start)."""
    if _CASELESS.search(pattern):
        ignore_case = True  # `(?i)` or `(?i:...)` somewhere: every case of a first letter
    if _PLAIN.fullmatch(pattern) and not re.search(r"\.[*?]|\.\{", pattern[:2]):
        first = pattern[0]
        return frozenset({first, first.lower(), first.upper()} if ignore_case else {first})
    try:
        from re import _parser as parser  # the stdlib's own parser (sre_parse)

        parsed = parser.parse(pattern, re.MULTILINE | (re.IGNORECASE if ignore_case else 0))
    except (re.error, ImportError, ValueError):
        return None
    chars = _first(list(parsed), parser)
    if chars is None or len(chars) > 60:
        return None
    if ignore_case:
        chars = {c for ch in chars for c in ((ch.lower(), ch.upper(), ch) if len(ch) == 1 else (ch,))}
    return frozenset(chars)


def _first(items: list, parser) -> set[str] | None:
    """The first characters of a parsed pattern; None when they are not known or the
    pattern can match empty text (then a match can start anywhere)."""
    chars, nullable = _sequence(items)
    return None if chars is None or nullable else chars


def _sequence(items: list) -> tuple[set[str] | None, bool]:
    """The characters a run of items can start with, and whether it can match empty
    text: the first item's characters, and the next one's too while the ones before
    can be empty (`(?:^|\\s)I` starts with whitespace or `I`)."""
    out: set[str] = set()
    for op, arg in items:
        chars, nullable = _item(op, arg)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _item(op, arg) -> tuple[set[str] | None, bool]:
    from re import _constants as const

    if op in (const.AT, const.ASSERT, const.ASSERT_NOT):
        return set(), True  # `\b`, `^`, lookarounds: zero width, look at what follows
    if op is const.LITERAL:
        return {chr(arg)}, False
    if op is const.SUBPATTERN:
        return _sequence(list(arg[-1]))
    if op is const.BRANCH:
        out: set[str] = set()
        nullable = False
        for branch in arg[1]:
            chars, empty = _sequence(list(branch))
            if chars is None:
                return None, False
            out |= chars
            nullable = nullable or empty
        return out, nullable
    if op in (const.MAX_REPEAT, const.MIN_REPEAT, const.POSSESSIVE_REPEAT):
        chars, empty = _sequence(list(arg[2]))
        return chars, empty or arg[0] == 0
    if op is const.IN:
        out = set()
        for kind, value in arg:
            if kind is const.LITERAL:
                out.add(chr(value))
            elif kind is const.RANGE and value[1] - value[0] < 60:
                out.update(chr(x) for x in range(value[0], value[1] + 1))
            elif kind is const.CATEGORY and value in (const.CATEGORY_DIGIT, const.CATEGORY_UNI_DIGIT):
                out.add(DIGIT)  # times, dates, versions: rare in prose
            elif kind is const.CATEGORY and value in (const.CATEGORY_SPACE, const.CATEGORY_UNI_SPACE):
                out.add(SPACE)
            else:
                return None, False
        return out, False
    return None, False


def lookahead(chars) -> str:
    """A lookahead for one of `chars` ("" when they are not known)."""
    if not chars:
        return ""
    return "(?=[" + "".join("\\" + c if len(c) == 1 and c in "]\\^-[" else c for c in sorted(chars)) + "])"


def prefiltered(pattern: str, ignore_case: bool = False, chars=None) -> str:
    """`pattern` behind a lookahead for its possible first characters: a long
    alternation is then tried only where one of its words can start (several times
    faster on prose, where most positions start no token)."""
    chars = first_chars(pattern, ignore_case) if chars is None else chars
    if not chars:
        return pattern
    return f"{lookahead(chars)}(?:{pattern})"


def alternation(pieces: list[str], firsts: list) -> str:
    """`pieces` as one alternation, in their order, each group of them behind a lookahead
    for their first characters (`firsts`, from `first_chars`).

    Pieces whose first characters overlap share a group, so that a long word list costs
    one lookahead per group rather than one per word where a word can begin: Python's
    `re` tries the branches of an alternation one by one, and a lookahead at a branch's
    head cannot be skipped as cheaply as a literal. Branches of different groups never
    match at the same place (they start with different characters), so the order the
    groups come in cannot change which branch matches; within a group the order is
    kept. A piece whose first characters are not known keeps its own place, without a
    lookahead, and so does every piece of that alternation."""
    if not pieces or any(not f or any(len(c) > 1 for c in f) for f in firsts):
        # A class (`\d`) shares characters with sets that do not name it: no groups.
        return "|".join(prefiltered(p, chars=f or ()) for p, f in zip(pieces, firsts))
    groups: list[tuple[set[str], list[int]]] = []  # (characters, piece numbers), disjoint
    for i, chars in enumerate(firsts):
        merged: tuple[set[str], list[int]] = (set(chars), [i])
        for group in [g for g in groups if g[0] & chars]:
            groups.remove(group)
            merged[0].update(group[0])
            merged[1].extend(group[1])
        merged[1].sort()
        groups.append(merged)
    groups.sort(key=lambda g: g[1][0])  # in the order of each group's first piece
    return "|".join(lookahead(chars) + "(?:" + "|".join(pieces[i] for i in members) + ")"
                    for chars, members in groups)


# A scanner searches for a rule's first characters only where they are few, or
# uncommon: lower-case letters are most of prose, and a class of many of them stops
# at most positions, which costs more than the plain search.
_SCAN_LOWER = 8
# Characters a rule reads with its plain pattern before its scanner is compiled: the
# scanner is a second compilation, which a run on a few small files would not repay.
_SCAN_AFTER = 50_000


class Scanner:
    """`pattern.finditer`, faster where every match starts with one of a few known
    characters (`chars`) and is never empty.

    Python's `re` searches quickly (in a loop over the text, in C) for a pattern that
    starts with a character class, and slowly for one that starts with a lookahead or
    `\\b`: there it starts the matcher at every position. So the scanner searches for
    `[chars](?<=(?=PATTERN)[chars])`, one of the characters behind which the pattern
    matches, and takes the match there with `pattern.match`, the match `finditer`
    would have found: the same matches, in C up to each one."""

    def __init__(self, pattern, chars) -> None:
        self.pattern = pattern
        self.fast = None
        self.read = 0
        usable = (isinstance(pattern, re.Pattern) and chars
                  and sum(len(c) == 1 and c.islower() for c in chars) <= _SCAN_LOWER)
        self.chars = frozenset(chars) if usable else None

    def finditer(self, text: str):
        if self.fast is None:
            if self.chars is None or self.read < _SCAN_AFTER:
                self.read += len(text)
                return self.pattern.finditer(text)
            klass = lookahead(self.chars)[3:-1]  # `[...]` of the lookahead `(?=[...])`
            self.fast = re.compile(f"{klass}(?<=(?={self.pattern.pattern}){klass})", self.pattern.flags)
        return self._scan(text)

    def search(self, text: str):
        """`pattern.search`: the first match, or None."""
        return next(self.finditer(text), None)

    def _scan(self, text: str):
        search, match = self.fast.search, self.pattern.match
        pos = 0
        while True:
            hit = search(text, pos)
            if hit is None:
                return
            found = match(text, hit.start())
            yield found
            pos = found.end()


def union(sets) -> frozenset[str] | None:
    """All the first characters of several alternatives; None if one is unknown."""
    out: set[str] = set()
    for chars in sets:
        if not chars:
            return None
        out |= chars
    return frozenset(out) if len(out) <= 60 else None
