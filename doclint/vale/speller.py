"""Hunspell dictionaries for Vale's `spelling` rules, through chunspell (libhunspell).

The default English dictionary is the system's en_US (Debian's and Ubuntu's
`hunspell-en-us`, SCOWL 2020, the word list Vale's built-in en_US comes from; or one
in DICPATH, or Homebrew's), else the older en_US that chunspell ships in its wheel,
which lacks many words of software documentation ("workflow", "app", "username").
chunspell is the `spelling` extra of doclint (`pip install 'doclint[spelling]'`);
without it a spelling rule gets a note. Measured against the pure-Python spylls on
the same en_US dictionary (20,250 distinct words of the evaluation's real
documentation, `bench/bench_vale.py`): the two disagree on 3 words of a 5,000
sample, and libhunspell loads in 79 ms against 573 ms and checks 150,000 words a
second against 30,000."""
from __future__ import annotations

import importlib.util
import os
from functools import lru_cache

DEFAULT = "en_US"
# Where systems keep Hunspell dictionaries, searched after DICPATH for the default one.
SYSTEM_FOLDERS = ("/usr/share/hunspell", "/usr/local/share/hunspell", "/opt/homebrew/share/hunspell",
                  "/usr/share/myspell", "/usr/share/myspell/dicts")


class SpellerUnavailable(Exception):
    """chunspell is not installed."""

    def __str__(self) -> str:
        return "the Hunspell reader is not installed (pip install 'doclint[spelling]')"


def available() -> bool:
    """Whether chunspell can be imported, without loading it."""
    try:
        return importlib.util.find_spec("hunspell") is not None
    except ValueError:  # a module set to None in sys.modules
        return False


@lru_cache(maxsize=16)
def speller(main: tuple[str, str] | None, extra: tuple[str, ...], words: tuple[str, ...]):
    """A Hunspell checker: `main` is (folder, name) of the .aff/.dic pair (None: the
    default en_US), `extra` more .dic files read with its affixes (Hunspell's add_dic),
    `words` accepted as they are. One per distinct set, shared by rules and documents."""
    try:
        import hunspell
    except ImportError:
        raise SpellerUnavailable() from None
    if not hasattr(hunspell, "Hunspell"):  # another package's `hunspell` module (pyhunspell)
        raise SpellerUnavailable()
    if main is None:
        main = default_dictionary()
    if main is None:
        checker = hunspell.Hunspell(DEFAULT)  # the one in chunspell's wheel
    else:
        folder, name = main
        checker = hunspell.Hunspell(name, hunspell_data_dir=folder)
    for dic in extra:
        checker.add_dic(dic)
    for word in words:
        checker.add(word)
    return checker


def find_dictionary(folders: list[str], name: str) -> tuple[str, str] | None:
    """(folder, name) of the first folder holding name.dic and name.aff."""
    for folder in folders:
        if os.path.isfile(os.path.join(folder, name + ".dic")) and os.path.isfile(os.path.join(folder, name + ".aff")):
            return folder, name
    return None


def default_dictionary() -> tuple[str, str] | None:
    """The system's en_US (DICPATH first), or None for chunspell's own."""
    folders = [f for f in os.environ.get("DICPATH", "").split(os.pathsep) if f] + list(SYSTEM_FOLDERS)
    return find_dictionary(folders, DEFAULT)


def spell(checker, word: str) -> bool:
    """Whether the dictionary knows the word; a word its encoding cannot write (a
    Latin-1 dictionary and a Greek word) is not in it."""
    try:
        return checker.spell(word)
    except UnicodeError:
        return False
