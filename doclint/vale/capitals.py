"""When Hunspell accepts a capitalised word because it accepts its lower case form.

Hunspell checks a word whose first letter alone is a capital ("Dashboard") as written,
then in lower case ("dashboard"), and accepts it if either is found, unless the entry
found carries a flag that forbids it: KEEPCASE on the lower case entry, FORBIDDENWORD
on the word as written (or WARN with FORBIDWARN). The lower case form alone is checked
with no more than that second lookup, so with none of those flags in the affix file,
a lower case word that is accepted makes its capitalised form accepted too, and the
spelling rule need not ask. Looking a capitalised word up costs about four times as
much as a lower case one (the word as written fails every affix rule first).

Only words of ASCII letters are taken, so that lower case is the same for Python and
Hunspell, and only with an affix file that sets nothing else that could tell the two
forms apart: LANG (Turkish and Azeri lower-case I otherwise), CHECKSHARPS, FLAG (long
or numeric flags could carry the forbidding flag's default number), an IGNORE, ICONV
or BREAK entry with a letter in it, or COMPLEXPREFIXES."""
from __future__ import annotations

import os
import re
from functools import lru_cache

# Affix-file keywords after which a capitalised word's verdict may differ from its
# lower case form's.
_BARRING = frozenset({"KEEPCASE", "FORBIDDENWORD", "FORBIDWARN", "WARN", "LANG", "CHECKSHARPS", "FLAG",
                      "COMPLEXPREFIXES"})
# Keywords whose entries change or split a word before its case is read.
_REWRITING = frozenset({"IGNORE", "ICONV", "BREAK"})
_LETTER = re.compile(rb"[A-Za-z]")
# A word Hunspell reads as first letter capital, the rest lower case (its INITCAP).
CAPITALISED = re.compile(r"[A-Z][a-z]+")


@lru_cache(maxsize=16)
def follow_lower_case(aff: str | None) -> bool:
    """Whether, with the affix file `aff`, an ASCII word of CAPITALISED form is accepted
    whenever its lower case form is (False when the file cannot be read)."""
    if aff is None:
        return False
    try:
        with open(aff, "rb") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return False
    for line in lines:
        fields = line.split()
        if not fields:
            continue
        keyword = fields[0].decode("latin-1")
        if keyword in _BARRING:
            return False
        if keyword in _REWRITING and any(_LETTER.search(f) for f in fields[1:]):
            return False
    return True


def affix_file(main: tuple[str, str] | None, default: tuple[str, str] | None) -> str | None:
    """The .aff file of a rule's main dictionary: `main` (folder, name), else the
    `default` one, else the en_US in chunspell's wheel; None when it is not found."""
    pair = main or default
    if pair is None:
        try:
            import hunspell
        except ImportError:
            return None
        pair = (os.path.join(os.path.dirname(hunspell.__file__), "dictionaries"), "en_US")
    path = os.path.join(pair[0], pair[1] + ".aff")
    return path if os.path.isfile(path) else None
