"""`substitution`: a term that should be swapped for the preferred one (`swap`)."""
from __future__ import annotations

import regex

from doclint.core.problems import ConfigError
from doclint.vale.checks.base import Alert, Check, as_list, format_message, is_match
from doclint.vale.regexes import (
    FLAGS,
    alternation,
    fast_compile,
    first_chars,
    lookahead,
    translate,
    union,
)

_GROUP_REF = regex.compile(r"\$(\d+)")


def to_sentence(words: list[str], conjunction: str) -> str:
    """Vale's list in prose: 'a', 'a' or 'b', 'a', 'b', or 'c'."""
    quoted = [f"'{w}'" for w in words]
    if len(quoted) < 3:
        return f" {conjunction} ".join(quoted)
    return ", ".join(quoted[:-1]) + f", {conjunction} " + quoted[-1]


def _compiles(pattern: str, flags: int) -> bool:
    try:
        regex.compile(translate(pattern), flags)
        return True
    except (ValueError, regex.error):
        return False


def _is_phrase(text: str) -> bool:
    return all(c.isalpha() or c == " " for c in text)


class Substitution(Check):
    KEYS = frozenset({"swap", "ignorecase", "nonword", "exceptions", "vocab", "capitalize", "pos"})

    def __init__(self, name, data, path, accepted, word_template="") -> None:
        super().__init__(name, data, path, accepted, word_template)
        swap = data.get("swap") or {}
        if not isinstance(swap, dict):
            raise ConfigError(path, "'swap' must be a mapping of observed: expected")
        self.ignore_case = bool(data.get("ignorecase"))
        self.capitalize = bool(data.get("capitalize"))
        vocab = bool(data.get("vocab", True))
        self.excepted = self.exceptions_regex(as_list(data.get("exceptions")), accepted if vocab else [])
        # Longest keys first, so that of two keys matching at one place the longer wins.
        self.keys = sorted((str(k) for k in swap), key=len, reverse=True)
        self.expected = [str(swap[k]) if swap[k] is not None else "" for k in self.keys]
        flags = FLAGS | (regex.IGNORECASE if self.ignore_case else 0)
        self.flags = flags
        groups, firsts = [], []
        for i, key in enumerate(self.keys):
            try:
                translated = translate(key)
            except ValueError as exc:
                raise ConfigError(path, f"'swap': cannot use the key {key!r}: {exc}") from None
            # Keys behind a lookahead for their first characters are skipped at once
            # where they cannot start: most keys, at most positions.
            firsts.append(first_chars(translated, self.ignore_case))
            groups.append(f"(?P<vale{i}>{translated})")
        nonword = bool(data.get("nonword"))
        starts = union(firsts)
        try:
            body = self.template(alternation(groups, firsts), nonword)
            self.pattern = fast_compile(lookahead(starts) + body, self.ignore_case)
        except regex.error as exc:
            bad = next((k for k in self.keys if not _compiles(k, flags)), "?")
            raise ConfigError(path, f"'swap': cannot use the key {bad!r} as a regular expression: {exc}") from None
        self.scanner = self.scanner_of(self.pattern, starts, nonword)
        self._same_cache: dict[tuple[str, str], bool] = {}

    def _same(self, expected: str, observed: str) -> bool:
        """Vale's matchToken: the observed text is already the expected form (the
        expected text read as a regex, unless it is a plain phrase)."""
        if _is_phrase(expected):
            return expected == observed
        key = (expected, observed)
        if key not in self._same_cache:
            try:
                same = regex.fullmatch(translate(expected), observed, self.flags) is not None
            except (ValueError, regex.error):
                same = expected == observed
            self._same_cache[key] = same
        return self._same_cache[key]

    def _expand(self, index: int, observed: str, expected: str) -> str:
        """`$1` in the replacement: the key's own group 1 in the observed text."""
        inner = regex.compile(translate(self.keys[index]), self.flags).fullmatch(observed)
        if inner is None:
            return expected

        def group(ref) -> str:
            number = int(ref.group(1))
            return (inner.group(number) or "") if number <= inner.re.groups else ref.group(0)

        return _GROUP_REF.sub(group, expected)

    def run(self, view, state):
        for seg in view.segments(self.scope):
            text = seg.text
            for m in self.scanner.finditer(text):
                # Each key sits in its own outer group, which closes after any group
                # inside it: the last group closed names the key that matched.
                if not (m.lastgroup or "").startswith("vale"):
                    continue
                index = int(m.lastgroup[4:])
                a, b = m.span(f"vale{index}")
                observed = text[a:b].strip()
                expected = self.expected[index]
                if "$" in expected:
                    expected = self._expand(index, text[a:b], expected)
                if self._same(expected, observed) or is_match(self.excepted, observed):
                    continue
                choices = expected.split("|")
                if self.capitalize and observed[:1].isupper():
                    choices = [c[:1].upper() + c[1:] for c in choices]
                message = self.message
                shown = expected
                if isinstance(self.action, dict) and self.action.get("name") == "replace" \
                        and not self.action.get("params"):
                    shown = to_sentence(choices, "or")
                    message = _unquote_first(message)
                begin, end = seg.start(a), seg.end(b)
                fix = self.action_fix(begin, end, choices, end - begin == b - a, observed)
                yield Alert(begin, end, format_message(message, shown, observed), fix)


def _unquote_first(message: str) -> str:
    """Vale drops the quotes around the first `%s` when it fills in a quoted list."""
    for spec in ("'%s'", '"%s"'):
        if message.count(spec) == 2:
            return message.replace(spec, "%s", 1)
    return message
