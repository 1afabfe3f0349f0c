"""`spelling`: words a Hunspell dictionary does not know.

Vale's semantics: the default en_US dictionary, or the style's own `dictionaries` (from
`dicpath`, a folder under StylesPath) instead of it, or on top of it with
`append: true`; `aff`/`dic` name one pair of files directly. Words from the `ignore`
files (one a line, paths from StylesPath) are accepted, and so are the accepted
vocabulary and `exceptions`. A word that any of `filters` (regexes searched in the
word) matches is skipped, as are, unless `custom: true`, the words Vale's default
filters skip: with digits, non-word characters (hyphens, apostrophes, dots), all
capitals, or capitals inside (camelCase), file names and e-mail addresses.

Extra dictionaries are read with the first dictionary's affix rules (Hunspell's
`add_dic`), so a style dictionary's own `.aff` applies only when it comes first."""
from __future__ import annotations

import os

import regex

from doclint.vale.checks.base import Check, Unsupported, as_list, is_match
from doclint.vale.speller import SpellerUnavailable, available, find_dictionary, spell, speller

# Vale's default filters: a word any of these matches is not checked. Go's `\w` and
# `\W` are ASCII, so a word with an accented letter is not checked either.
# One alternation: a word is searched once, not ten times.
DEFAULT_FILTERS = regex.compile("|".join(f"(?:{p})" for p in (
    r"(?:\w+)?\.\w{1,4}\b", r"\b(?:[a-zA-Z]\.){2,}", r"0[xX][0-9a-fA-F]+", r"\w+-\w+",
    r"[A-Z]{1}[a-z]+[A-Z]+\w+", r"[0-9]", r"[A-Z]+$", r"\W", r"\w{3,}\.\w{3,}", r"@.*\b")), regex.ASCII)
# Words are runs between spaces, less the punctuation around them (as Vale's tokenizer).
_RUN = regex.compile(r"\S+")
_LEAD = "\"'([{<“‘*_$"
_TRAIL = "\"')]}>.,;:!?”’*_"


class Spelling(Check):
    KEYS = frozenset({"dicpath", "dictionaries", "append", "custom", "filters", "ignore", "aff", "dic",
                      "exceptions", "threshold", "vocab"})

    def __init__(self, name, data, path, accepted, word_template="") -> None:
        super().__init__(name, data, path, accepted, word_template)
        # A style's rule file is StylesPath/<Style>/<Rule>.yml.
        styles_path = os.path.dirname(os.path.dirname(os.path.abspath(path)))
        filters = as_list(data.get("filters"))
        self.filters = (self.compile("|".join(f"(?:{f})" for f in filters), "filters"),) if filters else ()
        if not data.get("custom"):
            self.filters += (DEFAULT_FILTERS,)
        vocab = bool(data.get("vocab", True))
        self.excepted = self.exceptions_regex(as_list(data.get("exceptions")), accepted if vocab else [])
        # Files are found and read now, so that a missing one is reported at start;
        # the dictionary itself is loaded on first use (it costs 80 ms of start-up).
        self.dictionaries = _dictionaries(data, styles_path)
        self.words = tuple(_ignore_words(as_list(data.get("ignore")), styles_path))
        if not available():
            raise Unsupported(str(SpellerUnavailable()))
        self.known: dict[str, bool] = {}

    def run(self, view, state):
        try:
            checker = speller(*self.dictionaries, self.words)
        except OSError as exc:  # libhunspell reports unreadable files so
            raise ValueError(f"{self.path}: cannot read the dictionaries: {exc}") from None
        filters, excepted = self.filters, self.excepted
        # Each distinct run's verdict (it does not depend on the document): most words
        # repeat, and the ten filters cost more than the dictionary.
        known = self.known
        for seg in view.segments(self.scope):
            text = seg.text.replace("’", "'")  # the aff files' ICONV: a curly apostrophe is a straight one
            # Judge each distinct run once; look for where they stand only when one fails.
            bad = False
            for run in set(_RUN.findall(text)):
                ok = known.get(run)
                if ok is None:
                    ok = known[run] = _accepted(run.lstrip(_LEAD).rstrip(_TRAIL), filters, checker, excepted)
                bad = bad or not ok
            if not bad:
                continue
            for m in _RUN.finditer(text):
                run = m.group()
                if not known[run]:
                    # Where the word stands in its run, less the punctuation around it.
                    lead = len(run) - len(run.lstrip(_LEAD))
                    word = run[lead:].rstrip(_TRAIL)
                    start = m.start() + lead
                    yield self.alert(seg.start(start), seg.end(start + len(word)), word)


def _accepted(word: str, filters, checker, excepted) -> bool:
    """Whether a word passes: empty, skipped by a filter, known, or an exception."""
    if not word or any(f.search(word) for f in filters):
        return True
    return spell(checker, word) or is_match(excepted, word)


def _dictionaries(data: dict, styles_path: str) -> tuple[tuple[str, str] | None, tuple[str, ...]]:
    """The main (folder, name) pair (None: the default en_US) and the extra .dic files."""
    aff, dic = str(data.get("aff") or ""), str(data.get("dic") or "")
    if aff and dic:
        aff, dic = (_from(styles_path, p) for p in (aff, dic))
        stem = os.path.splitext(dic)[0]
        if os.path.splitext(aff)[0] != stem or not (os.path.isfile(aff) and os.path.isfile(dic)):
            raise ValueError(f"'aff' and 'dic' must name an existing pair of files (name.aff, name.dic), "
                             f"got {data.get('aff')} and {data.get('dic')}")
        return (os.path.dirname(stem), os.path.basename(stem)), ()
    names = as_list(data.get("dictionaries"))
    if not names:
        return None, ()
    dicpath = str(data.get("dicpath") or "")
    folders = [_from(styles_path, dicpath)] if dicpath else []
    folders += [f for f in os.environ.get("DICPATH", "").split(os.pathsep) if f]
    found = []
    for name in names:
        pair = find_dictionary(folders, name)
        if pair is None:
            raise ValueError(f"dictionary '{name}' not found (looked for {name}.dic and {name}.aff in "
                             f"{', '.join(folders) or 'no folder: set dicpath'})")
        found.append(pair)
    extra = tuple(os.path.join(folder, name + ".dic") for folder, name in found)
    if data.get("append"):
        return None, extra
    return found[0], extra[1:]


def _ignore_words(files: list[str], styles_path: str) -> list[str]:
    words: list[str] = []
    for name in files:
        path = _from(styles_path, name)
        if not os.path.isfile(path):
            path = os.path.abspath(name)
        try:
            with open(path, encoding="utf-8-sig") as handle:
                words.extend(w.strip() for w in handle if w.strip() and not w.lstrip().startswith("#"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"'ignore': cannot read {name}: {exc}") from None
    return words


def _from(styles_path: str, path: str) -> str:
    return path if os.path.isabs(path) else os.path.join(styles_path, path)

