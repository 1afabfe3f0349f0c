"""The number and countability of the nouns a source phrase is read by: whether a head
is plural, whether a phrase ends on a singular or a plural, and which nouns name people
by their ending."""
from __future__ import annotations

from doclint.families.claims.lexicon import Lexicon

# "-ants" and "-ents" name things as often as people (arguments, documents, constants):
# the people among them are listed ("residents", "students" ...).
AGENTIVE = ("ers", "ors", "ists", "ians")
# Plurals that do not end in "s".
PLURAL_NOUNS = frozenset("people men women children police media staff clergy folk".split())


def is_plural(head: str, lex: Lexicon) -> bool:
    """Is a source read by this head word plural ("critics", "many", "people")?"""
    return (head in PLURAL_NOUNS or (head in lex.quantifiers and head not in _SINGULAR_QUANTIFIERS)
            or (head.endswith("s") and not head.endswith("ss")))


_SINGULAR_QUANTIFIERS = frozenset("everyone everybody somebody someone".split())


def singular_subject(toks: list[tuple[str, int]], lex: Lexicon) -> bool:
    """Does the phrase open on "a", "an" or "one" and end on a singular noun? A base
    form after it is no report of it: "helps a reviewer confirm"."""
    lows = [t.lower() for t, _ in toks]
    opener = max((i for i, w in enumerate(lows) if w in ("a", "an", "one")), default=-1)
    lows = lows[opener:] if opener >= 0 else []
    if not lows or "of" in lows:
        return False  # "a lot of people", "a number of fans" are plural
    return lows[-1] not in PLURAL_NOUNS and (not lows[-1].endswith("s") or lows[-1].endswith("ss"))


def plural_subject(toks: list[tuple[str, int]], lex: Lexicon, head: str = "") -> bool:
    """Does the phrase end on a plural ("some", "many users"), or is its head one
    ("statistics in error")? A verb in -s after it is a noun: "answer some questions",
    "many calls fail", "statistics in error reports"."""
    if not toks:
        return False
    last = toks[-1][0].lower()
    return last in lex.quantifiers and last not in _SINGULAR_QUANTIFIERS \
        or _plural_form(last) or (head != last and _plural_form(head))


def _plural_form(low: str) -> bool:
    # Not "-ss", "-us" or "-is": "process", "status", "analysis" are singular.
    return low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3


# Heads that stand without a determiner: uncountable, or read as a whole ("local legend
# has it", "the press"), besides plurals and evidence.
_MASS_HEADS = frozenset("press testimony legend tradition folklore rumour rumor commentary".split())


def count_singular(low: str, lex: Lexicon) -> bool:
    """Is the head `low` a singular count noun ("source", "official"), which needs a
    determiner to be a subject?"""
    return (low in lex.heads and not plural_person(low) and low not in lex.evidence
            and low not in lex.quantifiers and low not in _MASS_HEADS)


def plural_person(low: str) -> bool:
    return low in PLURAL_NOUNS or (low.endswith("s") and not low.endswith("ss"))


def singular_agent(low: str, past: bool = False) -> bool:
    # "archivist", "historian": agent nouns that name a person. An "-er" or "-or" noun
    # counts only for a report in the past tense ("one retired teacher said"): a
    # compiler or a parser also "warns" and "says", but in the present of a manual.
    if not low.isalpha() or len(low) <= 5:
        return False
    return low.endswith(("ist", "ian")) or (past and low.endswith(("er", "or")))


def agentive_plural(word: str) -> bool:
    # Only nouns for people ("farmers", "economists", "residents"): a bare plural of
    # things ("error messages tell") is no source at all. (The ending first: it rules
    # out most words.)
    return word.lower().endswith(AGENTIVE) and word.isalpha() and word[1:].islower()
