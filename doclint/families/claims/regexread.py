"""What a cue regex cannot match without, read from the regex itself: the words one of
which every match holds, the marks a citation needs, the words a match starts with."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

try:  # the regex parser moved in Python 3.11; both spell the same opcodes
    from re import _constants as _sre, _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

# A literal this short, or this common, would let nearly every sentence through.
_MIN_SCORE = 3
_COMMON = frozenset("""the and that this with from have has had was were are for not but
    its it's been being will would there their they them than then what when which who
    one some many more most also only very such into over""".split())
_SKIP_OPS = {_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT}


# A rule's regexes are read for several things (the words a match needs, the words it
# starts with), and rules that extend one another share them: each is parsed once.
@lru_cache(maxsize=None)
def _parse(pattern: str, flags: int):  # noqa: ANN202 - the parser's own SubPattern
    """The regex parsed as `re` reads it (read only, never changed), or None."""
    try:
        return _sre_parse.parse(pattern, flags)
    except (re.error, OverflowError, RecursionError):
        return None


@lru_cache(maxsize=None)
def required_words(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case strings at least one of which every match of `pattern` contains, or
    None when no useful set can be read (the cue must then scan all the text)."""
    parsed = _parse(pattern, flags)
    if parsed is None:
        return None  # `regex`-only syntax: no pre-filter, which is only slower
    found = _sequence(list(parsed))
    if not found or _score(found) < _MIN_SCORE or not all(w.isascii() for w in found):
        return None  # `regex` folds some non-ASCII case in full ("ß" matches "SS"): no filter
    return frozenset(found)


@lru_cache(maxsize=None)
def required_marks(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Like `required_words`, but any literal will do, and literals with punctuation are
    preferred: a citation ("[12]", "<ref", "(Smith, 2019)") cannot match without its
    bracket, which most sentences lack."""
    parsed = _parse(pattern, flags)
    if parsed is None:
        return None
    found = _sequence(list(parsed), _marks_key)
    if not found or not all(w.isascii() for w in found):
        return None
    return frozenset(found)


def _marks_key(options: set[str]) -> tuple:
    return (all(not s.isalnum() for s in options), _score(options), -len(options))


def _score(options: Iterable[str]) -> int:
    return min((1 if s.strip() in _COMMON else len(s.strip())) for s in options)


@lru_cache(maxsize=None)
def required_sets(pattern: str, flags: int = 0) -> tuple[frozenset[str], ...]:
    """Sets of lower-case strings such that every match of `pattern` holds one string of
    each set (each run of literals in its top-level sequence, and the best set of each
    group or branch a match must pass through); () when none can be read. Where
    `required_words` picks one set to find candidate sentences by, these are all of
    them, to drop a candidate that lacks any."""
    parsed = _parse(pattern, flags)
    if parsed is None:
        return ()
    return tuple(frozenset(c) for c in _candidates(list(parsed), None) if all(w.isascii() for w in c))


def _sequence(items: list, key=None) -> set[str] | None:
    """The best required set of a sequence (by `key`, else the longest and rarest
    words): a run of literals, or any one element's."""
    candidates = _candidates(items, key)
    if not candidates:
        return None
    return max(candidates, key=key or (lambda c: (_score(c), -len(c))))


def _candidates(items: list, key) -> list[set[str]]:
    """Every required set of a sequence: its runs of literals, and the best set of each
    element a match must pass through (see `_sequence`)."""
    candidates: list[set[str]] = []
    run: list[str] = []

    def close() -> None:
        if run:
            candidates.append({"".join(run).lower()})
            run.clear()

    for op, av in items:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        if op in _SKIP_OPS:
            continue  # zero width: the literals on both sides still run on in the text
        close()
        sub = None
        if op is _sre.SUBPATTERN:
            sub = _sequence(list(av[-1]), key)
        elif op is _sre.BRANCH:
            sub = _branch(av[1], key)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)):
            low, _, body = av
            if low >= 1:
                sub = _sequence(list(body), key)
        if sub:
            candidates.append(sub)
    close()
    return [c for c in candidates if all(s.strip() for s in c)]


def _branch(alternatives: list, key=None) -> set[str] | None:
    out: set[str] = set()
    for alternative in alternatives:
        found = _sequence(list(alternative), key)
        if not found:
            return None  # one alternative needs nothing we know: the branch needs nothing
        out |= found
    return out


@lru_cache(maxsize=None)
def starts_a_word(pattern: str, flags: int = 0) -> bool:
    """Does every match start where no word character stands just before a word
    character? So when the regex opens (among its zero-width assertions) on a word
    boundary or on a look-behind that no word character may precede ("\\b",
    "(?<![\\w-])"): a place inside a word is then no place to try it."""
    parsed = _parse(pattern, flags)
    if parsed is None:
        return False
    for op, av in parsed:
        if op is _sre.AT:
            if av is _sre.AT_BOUNDARY:
                return True
        elif op is _sre.ASSERT_NOT:
            direction, sub = av
            items = list(sub)
            if direction < 0 and len(items) == 1 and items[0][0] is _sre.IN \
                    and (_sre.CATEGORY, _sre.CATEGORY_WORD) in items[0][1]:
                return True
        elif op is not _sre.ASSERT:
            return False  # the first character of a match: no assertion before it
    return False


@lru_cache(maxsize=None)
def leading_words(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case strings one of which every match of `pattern` starts with (after its
    zero-width assertions), or None when no such set can be read. A cue with them need
    not be scanned for: it can be tried only where one of them stands."""
    parsed = _parse(pattern, flags)
    if parsed is None:
        return None
    found = _leading(list(parsed))
    if not found or not all(w and w.isascii() for w in found):
        return None  # `regex` folds some non-ASCII case in full ("ß" matches "SS")
    return frozenset(found)


def _leading(items: list) -> set[str] | None:
    """The prefixes of a sequence: its run of literals, continued into the prefixes of
    the first group or branch after it (and no further)."""
    prefixes = {""}
    for n, (op, av) in enumerate(items):
        if op is _sre.LITERAL:
            prefixes = {p + chr(av).lower() for p in prefixes}
            continue
        if op in _SKIP_OPS and prefixes == {""}:
            continue  # "\b", a lookbehind: zero width before the first character
        sub = None
        if op is _sre.SUBPATTERN:
            sub = _leading(list(av[-1]))
        elif op is _sre.BRANCH:
            sub = _branch_leading(av[1])
        if sub:
            prefixes = {p + s for p in prefixes for s in sub}
        break
    prefixes.discard("")
    return prefixes or None


def _branch_leading(alternatives: list) -> set[str] | None:
    out: set[str] = set()
    for alternative in alternatives:
        found = _leading(list(alternative))
        if not found:
            return None  # one alternative starts with no literal: any place may start a match
        out |= found
    return out
