"""The grammar of the claim rules: the noun phrase that is the source of a reported claim."""
from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(r"\w(?:[\w'\u2019-]|\.(?=\w))*")

# Words that may stand between a subject and its verb ("critics have long argued").
SKIP = frozenset("""also have has had would will could should may might must can do does did
    are is was were been be being still now often long repeatedly reportedly privately publicly
    recently previously initially later further then all both even already generally widely
    frequently sometimes always never not only however too once separately earlier first soon
    themselves""".split())
# Words that end a noun phrase when read backwards from a verb.
BOUNDARY = frozenset("""that which who whom whose because when while if but and or as than
    where since after before although though so whether how what why until unless whereas
    i we you it this to for by with""".split())
# Definite and possessive determiners point back to a source already introduced.
DEFINITE = frozenset("the these those this that such same said my our your his her its their".split())
PRONOUNS = frozenset("they he she".split())
FIRST_PERSON = frozenset("my our".split())
BE = frozenset("is are was were be been being".split())
# A modal makes the report hypothetical ("people might say"), not a claim.
MODALS = frozenset("would will could should may might must can let's".split())
_SEGMENT = re.compile(r"[,;:()\u2014\u2013\"\u201c\u201d]| - ")
AFTER_STOP = frozenset("""that which who whom whose as than because when while if but and or
    where since after before although though so is was are were has had have would will
    could should may might""".split())
AGENTIVE = ("ers", "ors", "ists", "ians", "ants", "ents")
POSTMOD = frozenset("""of at from in on with within across around among close familiar inside
    outside throughout all who speaking involved working near for to""".split())


@dataclass(frozen=True)
class Phrase:
    """A noun phrase read as a source: `kind` is vague, anaphor, pronoun, named or None."""

    kind: str | None
    start: int = 0
    end: int = 0


def words(masked: str, start: int, end: int) -> list[tuple[str, int]]:
    return [(m.group(), m.start()) for m in WORD.finditer(masked, start, end)]


def subject_before(masked: str, sent_start: int, pos: int, passive: bool = False) -> list[tuple[str, int]]:
    """The words of the noun phrase that ends just before `pos`, skipping adverbs and
    auxiliaries; a comma-delimited aside ("Critics, however, say") is stepped over."""
    end = pos
    stepped = aside = False
    for _ in range(3):
        seg = sent_start
        for m in _SEGMENT.finditer(masked, sent_start, end):
            seg = m.end()
        toks = words(masked, seg, end)
        skipped = []
        while toks and _skippable(toks[-1][0]):
            skipped.append(toks.pop()[0].lower())
        if MODALS.intersection(skipped) or (skipped and skipped[0] in BE and passive):
            return []  # hypothetical ("might say") or passive ("was told"): no source here
        if toks:
            if stepped and not aside:
                return []  # "When creating files, consider ...": a clause, then no subject
            break
        if seg <= sent_start or masked[seg - 1] != ",":
            break  # only a comma aside is stepped over, never a quotation
        aside = aside or bool(skipped)
        stepped = True
        end = seg - 1
    if len(toks) > 1 and toks[-1][0] == "and":
        # A shared subject: "Some residents were angered and accused the council ...".
        toks = toks[:-1]
        while toks and (_skippable(toks[-1][0]) or toks[-1][0].endswith("ed")):
            toks.pop()
    phrase: list[tuple[str, int]] = []
    for tok in reversed(toks):
        if tok[0].lower() in BOUNDARY or len(phrase) >= 8:
            break
        phrase.append(tok)
    phrase.reverse()
    return phrase


def _skippable(word: str) -> bool:
    low = word.lower()
    return low in SKIP or (low.endswith("ly") and len(low) > 5 and word.islower())


def phrase_after(masked: str, pos: int, end: int) -> list[tuple[str, int]]:
    """The words of the noun phrase that starts at `pos` (up to punctuation or a clause)."""
    stop = end
    for c in ",;:()\u2014\u2013\"\u201c\u201d":
        i = masked.find(c, pos, stop)
        if i != -1:
            stop = i
    out = []
    for tok in words(masked, pos, stop):
        if tok[0].lower() in AFTER_STOP or len(out) >= 8:
            break
        out.append(tok)
    return out


@dataclass(frozen=True)
class Lexicon:
    """The word lists a kind was configured with, as lowercase sets."""

    heads: frozenset
    quantifiers: frozenset
    demonym: re.Pattern
    named: tuple[re.Pattern, ...]
    bare_plurals: bool


def classify(toks: list[tuple[str, int]], lex: Lexicon, sent_start: int, strong: bool) -> Phrase:
    """Is this noun phrase a vague source (some experts, officials, a source close to),
    a pronoun, an anaphor (the sources), a named source, or nothing we know?"""
    if not toks:
        return Phrase(None)
    span = (toks[0][1], toks[-1][1] + len(toks[-1][0]))
    text = " ".join(t for t, _ in toks)
    lows = [t.lower() for t, _ in toks]
    if len(toks) == 1 and lows[0] in PRONOUNS:
        return Phrase("pronoun", *span)
    if any(p.search(text) for p in lex.named):
        return Phrase("named", *span)
    for h, low in enumerate(lows):
        is_head = low in lex.heads or (low in lex.quantifiers and h == len(lows) - 1)
        if not is_head and lex.bare_plurals and strong:
            is_head = _plural(toks[h][0])
        if not is_head and h and lows[0] in lex.quantifiers:
            is_head = toks[h][0].endswith("s") and bool(lex.demonym.fullmatch(toks[h][0][:-1]))
            if is_head:
                return Phrase("vague", *span)  # "many Americans", "some Europeans"
        if not is_head:
            continue
        pre, post = toks[:h], toks[h + 1:]
        if post and lows[h + 1] not in POSTMOD and not lows[h + 1].endswith(("ed", "ing")):
            continue
        if any(_proper(w, p, sent_start, lex) for w, p in pre + post):
            return Phrase("named", *span)
        if any(w in FIRST_PERSON for w in lows[:h]):
            return Phrase(None, *span)  # "our survey shows": the writer's own evidence
        if any(w in DEFINITE for w in lows[:h]):
            return Phrase("anaphor", *span)
        return Phrase("vague", *span)
    last, pos = toks[-1]
    if last[:1].isupper() or any(_proper(w, p, sent_start, lex) for w, p in toks):
        return Phrase("named", *span)
    return Phrase(None, *span)


def _proper(word: str, pos: int, sent_start: int, lex: Lexicon) -> bool:
    # A capitalised word names someone unless it opens the sentence or is a demonym
    # ("Western", "South Korean"): those describe a group without naming it.
    if word[:1].isupper() and word.endswith(("'s", "\u2019s")):
        return True  # a possessive names whose people they are ("Smith's lawyers")
    return word[:1].isupper() and pos != sent_start and not lex.demonym.fullmatch(word)


def _plural(word: str) -> bool:
    low = word.lower()
    # Only nouns for people ("farmers", "economists", "residents"): a bare plural of
    # things ("error messages tell") is no source at all.
    return word.isalpha() and word[1:].islower() and low.endswith(AGENTIVE)
