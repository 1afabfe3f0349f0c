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
`add_dic`), so a style dictionary's own `.aff` applies only when it comes first.
A capitalised word whose lower case form the dictionary accepted is accepted without
asking it where the affix file makes that Hunspell's own verdict (doclint.vale.capitals)."""
from __future__ import annotations

import os
import re
from bisect import bisect_right
from functools import lru_cache
from itertools import chain, compress

import regex

from doclint.vale.capitals import affix_file, follow_lower_case
from doclint.vale.checks.base import (
    Alert,
    Check,
    Unsupported,
    as_list,
    format_message,
    is_match,
)
from doclint.vale.checks.verdicts import LIMIT, Verdicts
from doclint.vale.speller import (
    SpellerUnavailable,
    available,
    default_dictionary,
    find_dictionary,
    spell,
    speller,
)

# Vale's default filters: a word any of these matches is not checked. Go's `\w` and
# `\W` are ASCII, so a word with an accented letter is not checked either.
# One alternation: a word is searched once, not ten times.
DEFAULT_FILTERS = regex.compile("|".join(f"(?:{p})" for p in (
    r"(?:\w+)?\.\w{1,4}\b", r"\b(?:[a-zA-Z]\.){2,}", r"0[xX][0-9a-fA-F]+", r"\w+-\w+",
    r"[A-Z]{1}[a-z]+[A-Z]+\w+", r"[0-9]", r"[A-Z]+$", r"\W", r"\w{3,}\.\w{3,}", r"@.*\b")), regex.ASCII)
# Words are runs between spaces, less the punctuation around them (as Vale's tokenizer).
_RUN = regex.compile(r"\S+")
# The characters `\s` matches, for the boundary test of a run found with str.find.
# (Written out: finding them with the regex cost a millisecond of every start; a test
# checks the list against it.)
_SPACES = frozenset("\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
# The only characters str.split() takes for spaces and `\s` does not: a text with one of
# them is tokenised by the regex (str.split is six times faster on the rest).
_SPLIT_ONLY = regex.compile(r"[\x1c-\x1f]")
_PLAIN = re.compile(r"[A-Za-z][a-z]+")
# Misspelled runs are placed with str.find (one pass over the text per run, in C) while
# runs x characters stays under this, else with an Aho-Corasick automaton (one pass for
# all, but building it costs about as much as str.find reading 200 kB).
_FIND_LIMIT = 200_000
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
        self.filters = self.compile("|".join(f"(?:{f})" for f in filters), "filters") if filters else None
        self.default_filters = not data.get("custom")
        vocab = bool(data.get("vocab", True))
        self.excepted = self.exceptions_regex(as_list(data.get("exceptions")), accepted if vocab else [])
        # Files are found and read now, so that a missing one is reported at start;
        # the dictionary itself is loaded on first use (it costs 80 ms of start-up).
        self.dictionaries = _dictionaries(data, styles_path)
        files: list[str] = []
        self.words = tuple(_ignore_words(as_list(data.get("ignore")), styles_path, files))
        main, extra = self.dictionaries
        if main is not None:
            files += [os.path.join(main[0], main[1] + ext) for ext in (".aff", ".dic")]
        self.inputs = (*files, *extra)
        if not available():
            raise Unsupported(str(SpellerUnavailable()))
        self.verdicts = Verdicts(_LEAD, _TRAIL)
        # Words the dictionary itself accepted (not those a filter or exception let
        # pass): their capitalised forms are accepted without asking, where that holds.
        self.accepted: set[str] = set()
        # The message for each word reported so far.
        self.messages: dict[str, str] = {}

    def forget(self) -> None:
        """Drop the remembered verdicts."""
        self.verdicts.forget()
        self.accepted.clear()
        self.messages.clear()

    def run(self, view, state):
        segments = view.segments(self.scope)
        if not segments:
            return
        # The rule's blocks as one text, tokenised once; the aff files' ICONV reads a
        # curly apostrophe as a straight one (one character for one: offsets hold).
        text = "\n".join([seg.text for seg in segments]).replace("’", "'")
        runs = set(_RUN.findall(text) if _SPLIT_ONLY.search(text) else text.split())
        bad = self.verdicts.bad(runs, self._rejected)
        if not bad:
            return
        starts, start = [], 0
        for seg in segments:
            starts.append(start)
            start += len(seg.text) + 1
        placed = {}  # run -> (where its word starts in it, the word's length, the message)
        messages = self.messages
        if len(messages) > LIMIT:  # a bounded memory, as the verdicts'
            messages.clear()
        for run in bad:
            lead = len(run) - len(run.lstrip(_LEAD))
            word = run[lead:].rstrip(_TRAIL)
            message = messages.get(word)
            if message is None:  # the same misspelling recurs across documents
                message = messages[word] = format_message(self.message, word)
            placed[run] = (lead, len(word), message)
        for at, run in sorted(_places(text, bad)):
            k = bisect_right(starts, at) - 1
            lead, size, message = placed[run]
            local = at - starts[k] + lead
            yield Alert(segments[k].start(local), segments[k].end(local + size), message)

    def _rejected(self, words: set[str]) -> list[str]:
        """The words that fail: not empty, skipped by no filter, unknown to the
        dictionary, and no exception."""
        try:
            checker = speller(*self.dictionaries, self.words)
        except OSError as exc:  # libhunspell reports unreadable files so
            raise ValueError(f"{self.path}: cannot read the dictionaries: {exc}") from None
        rest = words - {""}
        if self.filters is not None:
            rest -= set(filter(self.filters.search, rest))
        # A word of ASCII letters, lower case after its first.
        plain = set(filter(_PLAIN.fullmatch, rest))
        if self.default_filters:
            # No default filter skips a plain word (they need a digit, a dot, a hyphen, a
            # non-ASCII letter, an inner capital or all capitals): the ten-way search is
            # spared for most words.
            rest -= set(filter(DEFAULT_FILTERS.search, rest - plain))
        if len(self.accepted) > LIMIT:  # a bounded memory, as the verdicts'
            self.accepted.clear()
        capitals = {w for w in plain if w[0] <= "Z"} if _capitals_follow(self.dictionaries[0]) else set()
        # Lower case and other words first, then the capitalised ones that their lower
        # case form does not vouch for (see doclint.vale.capitals).
        others = list(rest - capitals)
        good = set(compress(others, _spell(checker, others)))
        self.accepted |= good
        accepted = self.accepted
        asked = [w for w in capitals if w.lower() not in accepted]
        good |= set(compress(asked, _spell(checker, asked)))
        excepted = self.excepted
        return [w for w in chain(others, asked) if w not in good and not is_match(excepted, w)]


@lru_cache(maxsize=16)
def _capitals_follow(main: tuple[str, str] | None) -> bool:
    """Whether a capitalised word is accepted whenever its lower case form is, with this
    main dictionary (None: the default one); worked out once per process."""
    return follow_lower_case(affix_file(main, default_dictionary() if main is None else None))


def _spell(checker, words: list[str]) -> list[bool]:
    """The dictionary's verdict on each word."""
    try:
        return list(map(checker.spell, words))
    except UnicodeError:  # one word the dictionary's encoding cannot write
        return [spell(checker, word) for word in words]


def _places(text: str, runs: set[str]):
    """(offset, run) of each whole run (spaces or the text's ends on both sides) of
    `runs` in `text`: found with str.find in a short text or for a few runs, else in one
    pass of an Aho-Corasick automaton (each str.find reads the text to its next hit or
    its end)."""
    size = len(text)
    library = _automata() if len(runs) * size > _FIND_LIMIT else None
    if library is not None:
        ordered = list(runs)
        automaton = library.AhoCorasick(ordered, matchkind=library.MatchKind.Standard)
        # Every hit, overlapping ones too, as (run, start, end) in characters.
        for k, at, end in automaton.find_matches_as_indexes(text, overlapping=True):
            if (at == 0 or text[at - 1] in _SPACES) and (end == size or text[end] in _SPACES):
                yield at, ordered[k]
        return
    for run in runs:
        at = text.find(run)
        while at >= 0:
            end = at + len(run)
            if (at == 0 or text[at - 1] in _SPACES) and (end == size or text[end] in _SPACES):
                yield at, run
            at = text.find(run, at + 1)


@lru_cache(maxsize=1)
def _automata():
    """ahocorasick-rs, a runtime dependency, imported when a document first has several
    misspelled runs; None where it is not installed (str.find gives the same places)."""
    try:
        import ahocorasick_rs
    except ImportError:  # pragma: no cover - a platform without the wheel
        return None
    return ahocorasick_rs


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


def _ignore_words(files: list[str], styles_path: str, read: list[str]) -> list[str]:
    """The words of the `ignore` files; the paths read are added to `read`."""
    words: list[str] = []
    for name in files:
        path = _from(styles_path, name)
        if not os.path.isfile(path):
            path = os.path.abspath(name)
        read.append(path)
        try:
            with open(path, encoding="utf-8-sig") as handle:
                words.extend(w.strip() for w in handle if w.strip() and not w.lstrip().startswith("#"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"'ignore': cannot read {name}: {exc}") from None
    return words


def _from(styles_path: str, path: str) -> str:
    return path if os.path.isabs(path) else os.path.join(styles_path, path)

