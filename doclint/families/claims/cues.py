"""The grammar of the claim rules: the noun phrase that is the source of a reported claim."""
from __future__ import annotations

import re
from dataclasses import dataclass

from doclint.families.claims.lexicon import Lexicon
from doclint.families.claims.number import agentive_plural, count_singular, plural_person, singular_agent

WORD = re.compile(r"\w(?:[\w'\u2019-]|\.(?=\w))*")

# Words that may stand between a subject and its verb ("critics have long argued").
SKIP = frozenset("""also have has had would will could should may might must can do does did
    are is was were been be being still now often long since repeatedly reportedly privately publicly
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
# A comma inside a number ("2,000 voters") ends no phrase.
_SEGMENT = re.compile(r"[;:()\u2014\u2013\"\u201c\u201d]|,(?!\d{3}\b)| - ")
AFTER_STOP = frozenset("""that which who whom whose as than because when while if but and or to
    where since after before although though so is was are were has had have would will
    could should may might""".split())
POSTMOD = frozenset("""of at from in on with within across around among close familiar inside
    outside throughout all who speaking involved working near for to""".split())


@dataclass(frozen=True)
class Phrase:
    """A noun phrase read as a source: `kind` is vague, anaphor, pronoun, named or None."""

    kind: str | None
    start: int = 0
    end: int = 0
    head: str = ""  # the noun the phrase was read by, lower case ("critics", "survey")


# The reading of most verbs (a frozen dataclass costs a call to build: build it once).
NO_SOURCE = Phrase(None)


# How far a source phrase is looked for around its verb. A phrase is at most 8 words
# (plus skipped adverbs and an aside or two); scanning from the sentence's start for
# every verb made one huge unpunctuated "sentence" (a long list, a run-on record)
# quadratic.
REACH = 2000


def words(masked: str, start: int, end: int) -> list[tuple[str, int]]:
    return [(m[0], m.start()) for m in WORD.finditer(masked, start, end)]


def _last_segment(masked: str, sent_start: int, end: int) -> int:
    """The end of the last _SEGMENT match in masked[sent_start:end] (sent_start if none),
    found by looking back in doubling windows. Exact: the matches are single
    characters or " - ", which cannot overlap, so a window finds the same last one."""
    width = 256
    while True:
        lo = max(sent_start, end - width)
        seg = None
        for m in _SEGMENT.finditer(masked, lo, end):
            seg = m.end()
        if seg is not None:
            return seg
        if lo == sent_start:
            return sent_start
        width *= 2


# Words for a counted share of a group ("half of", "a majority of").
_PROPORTIONS = frozenset("""half majority minority third thirds quarter quarters percent
    proportion fraction""".split())
# Determiners that never stand for a noun themselves, possessives among them: the
# word right after one is a noun ("in our view", "multiple states"), never the verb of
# a clause ("her" is left out: "heard her say" has a verb after it; and quantifiers
# that stand alone, "Some say", are subjects).
_DETERMINERS = frozenset("my our your their its the a an every multiple this these".split())
# Words that make an adverb after them a comparative or superlative ("most often").
_COMPARATIVES = frozenset("most more less least".split())
_COMPARED_ADVERB = re.compile(r"often|\w+ly")

_PREPOSITIONS = frozenset("""of in on at from into onto about over under between among against
    without within through via per upon""".split())
# A phrase after these is an object, a condition or an embedded question, not a source
# making a claim: "support for critics", "if critics say", "what people say to each other",
# "a prosperity whose builders boasted" (they are someone's, so not unnamed).
_NOT_SUBJECT = frozenset("if unless whenever for by with what how whose".split())


def subject_before(masked: str, sent_start: int, pos: int, passive: bool = False,
                   present: bool = False, after_with: bool = False) -> list[tuple[str, int]]:
    """The words of the noun phrase that ends just before `pos`, skipping adverbs and
    auxiliaries; a comma-delimited aside ("Critics, however, say") is stepped over."""
    end = pos
    stepped = aside = False
    for _ in range(3):
        seg = _last_segment(masked, sent_start, end)
        # Words from a whitespace boundary within REACH: the phrase is taken from the end.
        near = seg if end - seg <= REACH else masked.find(" ", end - REACH, end) + 1 or end - REACH
        toks = words(masked, near, end)
        skipped = []
        while toks and (_skippable(toks[-1][0]) or (
                skipped and toks[-1][0].lower() in _COMPARATIVES and _COMPARED_ADVERB.fullmatch(skipped[-1]))):
            # The degree of an adverb goes with it: "most often seen as", "critics
            # more commonly say" ("most" is no subject there).
            skipped.append(toks.pop()[0].lower())
        if MODALS.intersection(skipped) or (passive and BE.intersection(skipped)):
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
    if toks and toks[-1][0].lower() in _PREPOSITIONS:
        return []  # "matters of dispute", "a source of praise": the "verb" is a noun
    if toks and not skipped and toks[-1][0].lower() in _DETERMINERS:
        return []  # "use this data in our view", "need multiple states": after a determiner, a noun
    if passive and toks and toks[-1][0].endswith("ing") and not stepped:
        return []  # "all pending mocked timers": a participle before a noun is an adjective
    phrase: list[tuple[str, int]] = []
    for n in range(len(toks) - 1, -1, -1):
        tok = toks[n]
        low = tok[0].lower()
        if low in BOUNDARY:
            if low == "as" and n and toks[n - 1][0].endswith("ed"):
                return []  # "accepted as a member indicates": a complement, no subject
            if low == "with" and after_with:
                break  # "with critics praising the score": the subject of the -ing verb
            if low == "to":
                return []  # "to extract data from text reports": a verb's object, no subject
            if low in _NOT_SUBJECT or (low == "when" and present):
                # "support for critics" is no subject; "if critics say", "when clear
                # evidence shows" is a condition, not a report ("when critics said" is).
                return []
            break
        if low in BE:
            return []  # "the victims are given hope": the words before a be verb are its subject
        if len(phrase) >= 8:
            break
        phrase.append(tok)
    phrase.reverse()
    if phrase and phrase[0][0].lower() in _PREPOSITIONS and not (
            len(phrase) > 1 and phrase[1][0].lower() in ("least", "most")):
        # "views from one of the groups of class-based views:": no subject opens so
        # ("at least one person" does).
        return []
    return phrase


def opening_subject(masked: str, sent_start: int, pos: int) -> list[tuple[str, int]]:
    """The noun phrase that opens the sentence, up to its verb: "Some fans" in "Some fans
    were disappointed, saying ...". A verb is read as a be or auxiliary word, or a word
    in -ed."""
    out: list[tuple[str, int]] = []
    for word, start in words(masked, sent_start, min(pos, sent_start + 200)):
        low = word.lower()
        if low in BE or low in SKIP or low in BOUNDARY or low.endswith("ed") or len(out) >= 8:
            break
        out.append((word, start))
    return out


def clause_subject(masked: str, toks: list[tuple[str, int]], pos: int) -> bool:
    """Is `toks` the subject of the -ing verb at `pos`: after "with" ("with critics
    praising the score") or with a be verb between ("sources are saying")?"""
    if not toks:
        return False
    between = {w.lower() for w, _ in words(masked, toks[-1][1] + len(toks[-1][0]), pos)}
    if BE.intersection(between):
        return True
    before = words(masked, max(0, toks[0][1] - 12), toks[0][1])
    return bool(before) and before[-1][0].lower() == "with"


def _skippable(word: str) -> bool:
    low = word.lower()
    return low in SKIP or (low.endswith("ly") and len(low) > 5 and word.islower())


_DEGREE = frozenset("very quite so too only not but and".split())
PAST_BE = frozenset("was were been".split())
# Adverbs between a be verb and its participle: "was widely criticised", "is now seen".
_ADVERB = frozenset("""also often long now still since then later once initially first recently
    reportedly widely generally commonly sometimes frequently repeatedly already never not even
    subsequently quickly soon largely""".split())


def passive_before(masked: str, sent_start: int, pos: int) -> tuple[int, str] | None:
    """The be verb of a passive that ends just before `pos` ("has been widely praised"),
    as (offset, word), or None."""
    toks = words(masked, max(sent_start, pos - 80), pos)
    while toks:
        word, start = toks.pop()
        low = word.lower()
        if low in BE:
            return start, low
        if low not in _ADVERB and not (low.endswith("ly") and len(low) > 4):
            return None
    return None


def phrase_after(masked: str, pos: int, end: int) -> list[tuple[str, int]]:
    """The words of the noun phrase that starts at `pos` (up to punctuation or a clause)."""
    stop = min(end, pos + REACH)
    for c in ",;:()\u2014\u2013\"\u201c\u201d":
        i = masked.find(c, pos, stop)
        if i != -1:
            stop = i
    out = []
    for m in WORD.finditer(masked, pos, stop):
        if m.group().lower() in AFTER_STOP or len(out) >= 8:
            break
        out.append((m.group(), m.start()))
    return out


def classify(toks: list[tuple[str, int]], lex: Lexicon, sent_start: int, strong: bool,
             past: bool = False, guess: bool = True) -> Phrase:
    """Is this noun phrase a vague source (some experts, officials, a source close to),
    a pronoun, an anaphor (the sources), a named source, or nothing we know? `past`:
    the verb reports in the past tense, where "one retired teacher said" is a person.
    `guess`: a plural in -ers, -ors, -ists or -ians not in the lists may be people."""
    if not toks:
        return NO_SOURCE
    span = (toks[0][1], toks[-1][1] + len(toks[-1][0]))
    lows = [t.lower() for t, _ in toks]
    if lows[-1] in PRONOUNS and (len(toks) == 1 or toks[-2][0][:1].isupper()):
        # "he", and "Later he", "Then they": an adverb opening the sentence
        return Phrase("pronoun", toks[-1][1], span[1], lows[-1])
    text = " ".join([t for t, _ in toks])
    for named in lex.named:
        if named.search(text):
            return Phrase("named", *span)
    if not lows[0].isalpha() and any(c.isdigit() for c in lows[0]):
        return Phrase(None, *span)  # "60% of respondents believed": a poll's result
    if lows[0] == "of" or ("of" in lows and not _PROPORTIONS.isdisjoint(lows)):
        # "Over half of the respondents said", "a majority (>70%) of respondents" (cut
        # at the parenthesis, the phrase starts at "of"): a share counted, a result.
        return Phrase(None, *span)
    indefinite = lows[0] in lex.indefinites or lows[0] in lex.quantifiers
    for h, low in enumerate(lows):
        nxt = lows[h + 1] if h + 1 < len(lows) else ""
        is_head = low in lex.heads or low in lex.evidence or (low in lex.quantifiers and _lone(lows, h, nxt))
        if not is_head and low not in lex.audience:
            # A noun for people is a source when it stands bare ("Analysts expect")
            # or after an indefinite ("several board members", "one local archivist").
            person = (low in lex.people or (guess and agentive_plural(toks[h][0]) and low not in lex.things)
                      or (h and indefinite and singular_agent(low, past)))
            if person and not h and not plural_person(low):
                person = False  # a singular count noun is no bare subject: "Relative links ..."
            if person and h > 1 and not _of_people(lows, h, lex):
                person = False  # "an ordered tuple of integers": the head is before "of"
            is_head = person and ((lex.bare_plurals and strong) or (h > 0 and indefinite))
        if not is_head and h and lows[0] in lex.quantifiers:
            is_head = toks[h][0].endswith("s") and bool(lex.demonym.fullmatch(toks[h][0][:-1]))
            if is_head:
                return Phrase("vague", *span, low)  # "many Americans", "some Europeans"
        if not is_head or (nxt == "of" and low in _ORIGINS):
            continue  # "one common source of confusion": an origin, not an informant
        pre, post = toks[:h], toks[h + 1:]
        if post and nxt not in POSTMOD and not nxt.endswith(("ed", "ing")):
            continue
        if _names(pre, sent_start, lex) or _names(post, sent_start, lex):
            return Phrase("named", *span, low)
        if low in lex.evidence and post and nxt.endswith("ed"):
            return Phrase(None, *span, low)  # "evidence retrieved from the footage": specific
        if not FIRST_PERSON.isdisjoint(lows[:h]):
            return Phrase(None, *span, low)  # "our survey shows": the writer's own evidence
        if not DEFINITE.isdisjoint(lows[:h]):
            return Phrase("anaphor", *span, low)
        if h and count_singular(low, lex) and not any(w in _OTHER_DETERMINERS or w in lex.indefinites
                                                       or w in lex.quantifiers for w in lows[:h]):
            return Phrase(None, *span, low)  # "It adds source links": no subject without "a" or "the"
        return Phrase("vague", *span, low)
    last, pos = toks[-1]
    if last[:1].isupper() or _names(toks, sent_start, lex):
        return Phrase("named", *span)
    return Phrase(None, *span)


def _of_people(lows: list[str], h: int, lex: Lexicon) -> bool:
    """May the noun for people at `h` head its phrase, whatever "of" stands before it?
    After "of" it heads the phrase only when the word before "of" counts or gathers
    people ("one of the analysts", "a group of engineers", "some of its critics");
    otherwise that word is the head ("an ordered list of integers")."""
    try:
        k = len(lows) - 1 - lows[::-1].index("of", len(lows) - h)
    except ValueError:
        return True  # no "of" before it
    if k == 0:
        return True
    before = lows[k - 1]
    return (before in lex.indefinites or before in lex.quantifiers or before in lex.partitives
            or before in lex.heads or before in lex.people)


def _lone(lows: list[str], h: int, nxt: str) -> bool:
    # A quantifier stands for people only as the subject itself ("Some say"), not
    # as a determiner after a verb ("require some thought").
    return (not nxt or (nxt in POSTMOD and nxt != "of")) and _DEGREE.issuperset(lows[:h])


def _names(toks: list[tuple[str, int]], sent_start: int, lex: Lexicon) -> bool:
    """Does a word of `toks` name someone (see `_proper`)? Only a capitalised word can."""
    for word, pos in toks:
        if word[:1].isupper() and _proper(word, pos, sent_start, lex):
            return True
    return False


def _proper(word: str, pos: int, sent_start: int, lex: Lexicon) -> bool:
    # A capitalised word names someone unless it opens the sentence or is a demonym
    # ("Western", "South Korean"): those describe a group without naming it.
    if word[:1].isupper() and word.endswith(("'s", "\u2019s")):
        return True  # a possessive names whose people they are ("Smith's lawyers")
    return word[:1].isupper() and pos != sent_start and not lex.demonym.fullmatch(word)


# Heads that name an origin when "of" follows them ("a source of confusion", "sources of
# funding"), an informant otherwise ("a source close to the talks").
_ORIGINS = frozenset(("source", "sources"))
# Determiners besides the definite and indefinite ones a rule lists.
_OTHER_DETERMINERS = frozenset("no any every each another either neither".split())
