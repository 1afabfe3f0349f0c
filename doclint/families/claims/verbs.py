"""Verb forms for the claim rules: a reporting verb's base form gives all its tenses."""
from __future__ import annotations

from typing import Iterable

_VOWELS = frozenset("aeiou")


def _past(base: str) -> list[str]:
    if base.endswith("e"):
        return [base + "d"]
    if base.endswith("y") and len(base) > 2 and base[-2] not in _VOWELS:
        return [base[:-1] + "ied"]
    if base.endswith("el") and len(base) > 3:
        return [base + "led", base + "ed"]  # labelled (British), labeled (American)
    if _doubles(base):
        return [base + base[-1] + "ed"]  # dub -> dubbed, tip -> tipped
    return [base + "ed"]


def _doubles(base: str) -> bool:
    # One syllable ending consonant-vowel-consonant doubles its last letter; longer
    # verbs that do (admit -> admitted) give their past form after a slash.
    groups = sum(1 for i, c in enumerate(base) if c in _VOWELS and (i == 0 or base[i - 1] not in _VOWELS))
    return (groups == 1 and len(base) >= 3 and base[-1] not in _VOWELS | set("wxy")
            and base[-2] in _VOWELS and base[-3] not in _VOWELS)


def _gerund(base: str) -> str:
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        return base[:-1] + "ing"
    if base.endswith("el") and len(base) > 3:
        return base + "ling"  # labelling (the American "labeling" is rarer in prose)
    if _doubles(base):
        return base + base[-1] + "ing"
    return base + "ing"


def _third(base: str) -> str:
    if base.endswith(("s", "x", "z", "ch", "sh")):
        return base + "es"
    if base.endswith("y") and len(base) > 2 and base[-2] not in _VOWELS:
        return base[:-1] + "ies"
    return base + "s"


def forms(entry: str) -> list[str]:
    """The forms of one lexicon entry: "argue" gives argue, argues, argued, arguing;
    "tell/told" gives tell, tells, told, telling (irregular forms follow the base form
    after slashes); a past form ("labelled") stands for itself only. A particle the
    verb needs ("link ... to|with") is no part of its forms."""
    entry = entry.partition(" ... ")[0]
    base, *irregular = [part.strip().lower() for part in entry.split("/")]
    if not base:
        return []
    if " " in base or not base.isalpha() or (base.endswith("ed") and not irregular):
        # A past form alone ("labelled"): its base would read nouns ("Some label text").
        return [base, *irregular]
    return [base, _third(base), *(irregular or _past(base)), _gerund(base)]


def particles(entries: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Each form of an entry that names its particle ("link ... to|with": "Critics
    linked the outbreak to the dam"), mapped to the particles one of which must follow
    the verb within a few words for it to report a claim."""
    out: dict[str, tuple[str, ...]] = {}
    for entry in entries:
        head, sep, tail = entry.partition(" ... ")
        if sep:
            needed = tuple(p.strip().lower() for p in tail.split("|") if p.strip())
            for form in forms(head):
                out[form] = needed
    return out


def expand(entries: Iterable[str]) -> list[str]:
    """Every form of every entry, each once, in the order given."""
    out: dict[str, None] = {}
    for entry in entries:
        for form in forms(entry):
            out.setdefault(form, None)
    return list(out)


def bases(entries: Iterable[str]) -> list[str]:
    """The base form of each entry that has one ("argue", not "labelled")."""
    out = []
    for entry in entries:
        found = forms(entry)
        if len(found) > 1:
            out.append(found[0])
    return out


def presents(entries: Iterable[str]) -> list[str]:
    """Present-tense forms: the base form and its -s form (not the -ing form)."""
    out = []
    for entry in entries:
        found = forms(entry)
        if len(found) > 1:
            out += found[:2]
    return out
