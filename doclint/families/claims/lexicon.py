"""The word lists a claim rule reads source phrases by, as the grammar modules share them."""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Lexicon:
    """The word lists a kind was configured with, as lowercase sets."""

    heads: frozenset
    quantifiers: frozenset
    demonym: re.Pattern
    named: tuple[re.Pattern, ...]
    bare_plurals: bool
    people: frozenset = frozenset()       # nouns for people without an agent suffix: fans
    audience: frozenset = frozenset()     # readers of a manual: users, developers ...
    evidence: frozenset = frozenset()     # studies, data, polls: report without "that"
    indefinites: frozenset = frozenset()  # a, one, several, a few: "one local archivist"
    things: frozenset = frozenset()       # errors, parsers: -ers and -ors plurals that are no people
    partitives: frozenset = frozenset()   # group, number: "a group of engineers" is the engineers
