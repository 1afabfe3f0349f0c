"""Collect the candidate forms of each variant key in one document."""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from itertools import compress, repeat
from itertools import count as count_from
from operator import and_, methodcaller, sub

from doclint.families.naming.prefilter import bucket_mates, rival_forms, useful_pairs
from doclint.families.naming.spans import SpanSet
from doclint.families.naming.variants import is_acronym, join_key
from doclint.families.naming.words import (
    CAPITAL_WORDS,
    MENTION_MARKS,
    NAME_PARTICLES,
    NAMELIKE_WORDS,
    PAIRABLE_WORDS,
    PARTICLES,
    STOPWORDS,
    Words,
    classify_words,
    in_quotes_or_section_link,
    is_mention,
    prose_words,
)


def _form_id(check: str, text: str) -> str:
    # Joining compares separators, so "Email" at a sentence start is "email"; an acronym
    # keeps its case so that "US" never becomes the word "us".
    if check != "joining":
        return text
    text = text.rstrip(".")  # "e.g" before a comma is "e.g."
    return text if is_acronym(text) else text.lower()


# Words that open sentences and never name anyone (function words are in STOPWORDS).
SENTENCE_OPENERS = frozenset("""
because since while although though unless once however therefore thus also today now
instead meanwhile finally first next still yet perhaps please note see use run after
before during until whether even only just often usually sometimes
""".split())
NUMBER_NEIGHBOUR = "#"  # the neighbour recorded for a word followed by a number
LOWER = "\x00"  # spelling: key prefix of words seen in lower case (ordinary words)
NEAR = "\x01"   # spelling: key prefix of capitalised neighbours (Fuad in "Fuad Hussein")
MID = "\x02"    # spelling: key prefix of names capitalised inside a sentence
BEFORE_NAME = "\x03"  # case: key suffix of two-word titles directly before a name
def _fold(form: str) -> str:
    # str.lower() maps every character on its own except capital sigma, which is final
    # (\u03c2) only at a word's end: folded, lower(x + y) == lower(x) + lower(y).
    return form.lower().replace("\u03c2", "\u03c3")


_FOLD_SIGMA = methodcaller("replace", "\u03c2", "\u03c3")


def _joining_pairs(found: Words, named: set[str]) -> list[int]:
    """Second tokens of the pairs that can make a joining key: both words in PAIRABLE_WORDS,
    one of them cased, and their letters some named key's head and tail."""
    if not named:
        return []
    keys = {_fold(k) for k in named}
    heads = {k[:n] for k in keys for n in range(1, len(k))}
    tails = {k[n:] for k in keys for n in range(1, len(k))}
    candidates = list(found.distinct & PAIRABLE_WORDS)
    folded = list(map(_FOLD_SIGMA, map(str.lower, candidates)))  # _fold() in C-level passes
    firsts = set(compress(candidates, map(heads.__contains__, folded)))
    seconds = set(compress(candidates, map(tails.__contains__, folded)))
    if not firsts or not seconds:
        return []
    texts, cased = found.texts, found.cased
    last = len(texts) - 1
    ends = {i + 1 for i in compress(cased, map(firsts.__contains__, map(texts.__getitem__, cased)))
            if i < last and texts[i + 1] in seconds}
    ends.update(i for i in compress(cased, map(seconds.__contains__, map(texts.__getitem__, cased)))
                if i and texts[i - 1] in firsts)
    return sorted(ends)


def collect(doc, check: str, min_length: int, words: bool = True,
            corpus: bool = False) -> dict[str, dict[str, list[tuple[int, int]]]]:
    """key -> form -> [(start, end)] of the candidate forms of one document."""
    out: dict[str, dict[str, list[tuple[int, int]]]] = {}
    text = doc.text
    found = prose_words(doc)
    texts, starts, inner, after = found.texts, found.starts, found.inner, found.after
    classify_words(found.distinct)  # again: another document may have filled the classes since
    caps = named = None
    rivals = None  # when a set: the only words whose neighbours matter
    written_low = None  # when a set: the only two-word titles that matter (lower-cased)
    expansions = None
    # Only some tokens can add a form: `single` lists those that can alone, `pairs` the
    # second words of pairs that can, in document order.
    if check == "case":
        single = list(compress(found.cased, map(inner.__getitem__, found.cased)))
        # A lower-case form only matters if some capitalised form shares its words.
        caps = set(map(str.lower, map(texts.__getitem__, single)))
        if not corpus:
            # Within one document a word is reported only beside another spelling of it
            # there: only such words, and the neighbours of their uses, are collected.
            rivals = rival_forms(set(map(texts.__getitem__, single)))
            single = list(compress(single, map(rivals.__contains__, map(texts.__getitem__, single))))
        pairs = found.capital_pairs
        low_caps = {t for t in caps & found.distinct if t.islower()}
        low_pairs = []
        if low_caps:
            lows = list(compress(count_from(), map(low_caps.__contains__, texts)))
            marked = set(lows)
            low_pairs = list(compress(lows, map(marked.__contains__, map(sub, lows, repeat(1)))))
            pairs = sorted(pairs + low_pairs)
        if not corpus:
            # A two-word title has two forms only if the document also writes it in lower
            # case: the other title pairs are passed over, and so is every pair that
            # can add neither such a title nor a neighbour of a word with a rival.
            written_low = {f"{texts[k - 1]} {texts[k]}" for k in low_pairs}
            pairs = useful_pairs(texts, pairs, low_pairs, rivals)
        # Title Case phrases inside an acronym's expansion ("Key Derivation Function
        # (HKDF)") follow the acronym, not the writer's naming.
        expansions = SpanSet(_expansions(doc))
    elif check == "spelling":
        spelled = {t for t in found.cased_texts if _spelled(t, min_length)}
        pairs = found.capital_pairs
        if not corpus:
            # Within one document a name is compared only with names of the same first
            # and last letter (see NamingVariantsKind._spelling_pairs): a name alone in
            # its bucket, and the neighbours of its uses, are passed over.
            spelled = rivals = bucket_mates(spelled)
            pairs = useful_pairs(texts, pairs, [], rivals)
        single = list(compress(found.cased, map(spelled.__contains__, map(texts.__getitem__, found.cased))))
    elif words:
        single = range(len(texts))
        pairable = list(map(PAIRABLE_WORDS.__contains__, texts))
        pairs = list(compress(count_from(1), map(and_, pairable, pairable[1:])))
    else:
        # Only keys that some name-like form of this document has, and never an all
        # lower-case form: a command, package or handle (iojs, n-api), not a name.
        named = set(map(join_key, found.distinct & NAMELIKE_WORDS))
        joins = {t for t in found.cased_texts if (j := _joined(t, min_length)) is not None and j[0] in named}
        single = list(compress(found.cased, map(joins.__contains__, map(texts.__getitem__, found.cased))))
        pairs = _joining_pairs(found, named)
    mentioned = set()
    # A section title names a section; its words are no spelling of their own, and a
    # finding must never send the reader to a heading (the case check reads no
    # headings at all: their capitals say nothing).
    heading_starts, heading_ends = _heading_spans(doc)

    def add(key: str, form: str, start: int, end: int, raw: str | None = None) -> None:
        if caps is not None and form.islower() and not all(w in caps for w in key.rstrip(BEFORE_NAME).split(" ")):
            return
        if text[start - 1:start] == "@":
            return  # a user name or handle (@JSmith) is spelled as its owner chose it
        if heading_starts:
            k = bisect_right(heading_starts, start) - 1
            if k >= 0 and start < heading_ends[k]:
                return
        if named is not None and (key not in named or (raw or form).islower()):
            return
        if expansions and " " in key and start in expansions:
            return
        if text[start - 1:start] in MENTION_MARKS:
            mentioned.add(key)  # maybe quoted or emphasised: see _without_mentions
        out.setdefault(key, {}).setdefault(form, []).append((start, end))

    if isinstance(single, range):
        visit = single
    else:
        visit = sorted(set(single).union(pairs)) if pairs else single
        single = set(single)
    pairs = set(pairs)
    capital = CAPITAL_WORDS
    for i in visit:
        if i in after:
            continue  # "you're writing": "re" is no word of its own
        word = texts[i]
        start = starts[i]
        end = start + len(word)
        if i in single:
            if check == "spelling":
                add(word, word, start, end)
                if inner[i]:
                    add(MID + word, word, start, end)
            elif check == "case":
                # A single lower-case word beside a capitalised one is a command, package
                # or handle (openssl, eslint, github); capitals beside capitals are a
                # shouted name or heading (RAFAEL GONZAGA), not a second spelling.
                if not _shouted(texts, starts, i):
                    add(word.lower(), word, start, end)
                    if text[end:end + 1] == " " and text[end + 1:end + 2].isdigit():
                        # A name with a number ("May 2026", "Python 3") stands beside
                        # something, like a name beside a capitalised word.
                        add(NEAR + word, NUMBER_NEIGHBOUR, end + 1, end + 2)
            else:
                joined = _joined(word, min_length)
                if joined is not None:
                    add(joined[0], joined[1], start, end, word)
        if i not in pairs or i - 1 in after:
            continue
        x = texts[i - 1]
        a_start = starts[i - 1]
        a_end = a_start + len(x)
        if a_end >= start or not (text[a_end:start] in (" ", "\n") or (
                len(x) == 1 and text[a_end:start] in (". ", ".\n"))):
            continue
        # Two-word forms: "Foreign Minister"/"foreign minister" (case), "data set"
        # (joining); for spelling, the capitalised neighbours that tell people apart
        # ("Brian Fox" and "Bryan Cantrill" are two people, "Fuad Hussein" and "Fuad
        # Hussain" one).
        if check != "joining" and x in capital and word in capital and x.lower() not in STOPWORDS:
            # A word capitalised only because it starts the sentence ("Because Python
            # ...": an opener, or a word the document also writes in lower case)
            # stands beside the name; it is no part of it. A first name in a list of
            # people (Mark Mayer, Hans Maier) is neither.
            if (rivals is None or word in rivals) and (
                    inner[i - 1] or not (x.lower() in found.distinct or x.lower() in SENTENCE_OPENERS)):
                add(NEAR + word, x, a_start, a_end)
            if rivals is None or x in rivals:
                add(NEAR + x, word, start, end)
        if check == "spelling" or x not in PAIRABLE_WORDS or word not in PAIRABLE_WORDS:
            continue  # PAIRABLE_WORDS: letters only and no function word
        if check == "case":
            if not inner[i - 1] or len(x) < 3 or len(word) < 3:
                continue
            title = x[0].isupper() and x[1:].islower() and word[0].isupper() and word[1:].islower()
            if title and written_low is not None and f"{x.lower()} {word.lower()}" not in written_low:
                continue
            if title or (x.islower() and word.islower()):
                # A title is capitalised directly before a name ("Prime Minister Jane
                # Doe said") and lower case elsewhere ("the prime minister said"): one
                # style. So uses before a name are compared with each other ("Foreign
                # Minister Fuad Hussein" / "foreign minister Asaad al-Shibani"), and
                # uses elsewhere with each other, never one kind with the other.
                before = _before_name(texts, starts, inner, i, text)
                add(f"{x.lower()} {word.lower()}" + (BEFORE_NAME if before else ""), f"{x} {word}", a_start, end)
        elif word.lower() not in PARTICLES:
            add(join_key(x + word), _form_id(check, f"{x} {word}"), a_start, end, f"{x} {word}")
    if check == "spelling":
        lowered = {name.lower() for name in out if name[0] not in (NEAR, MID)}
        seen = {w for w in lowered & found.distinct if w.islower()}
        for w in seen & {texts[i] for i in after}:
            if texts.count(w) == sum(texts[i] == w for i in after):
                seen.discard(w)  # only ever right after an apostrophe
        for name in [k for k in out if k[0] not in (NEAR, MID)]:
            if name.lower() in seen:
                out[LOWER + name.lower()] = {name.lower(): []}
    else:
        # For the corpus phase a single form can meet its rival in another document;
        # only keys with a capital (case) or a name-like form (joining) travel.
        need = 1 if corpus else 2
        named = (lambda f: f != f.lower()) if check == "case" and corpus else _named
        out = {k: v for k, v in out.items() if k[0] == NEAR or _paired(k, out) or len(v) >= need and (
            words and check == "joining" or any(named(f) for f in v))}
        # Few keys are left here, so each of their spans can be checked for quotes.
        mentioned.update(k for k in out if k[0] != NEAR)
    return _without_mentions(text, out, mentioned)


def title_sibling(key: str) -> str:
    """The key of a two-word title's other uses: before a name for a key without
    BEFORE_NAME, without a name for one with it."""
    return key[:-1] if key.endswith(BEFORE_NAME) else key + BEFORE_NAME


def _paired(key: str, out: dict) -> bool:
    """A title's uses before a name and elsewhere travel together: the rule counts both
    to tell a naming choice from a one-off (see BEFORE_NAME)."""
    return title_sibling(key) in out


def _heading_spans(doc) -> tuple[list[int], list[int]]:
    """Start and end offsets of the heading blocks of `doc`, in order."""
    spans = [(b.start, b.end) for b in doc.blocks if b.kind == "heading"]
    return [s for s, _ in spans], [e for _, e in spans]


def _before_name(texts: list[str], starts: list[int], inner: list[bool], i: int, text: str) -> bool:
    """Token i is followed, across one space, by a capitalised word inside the sentence,
    or by a designator with a digit ("Tropical Cyclone 01B", "Apollo 11")."""
    end = starts[i] + len(texts[i])
    if texts[i][:1].isupper() and text[end:end + 1] in (" ", "\n") and text[end + 1:end + 2].isdigit():
        # Digits are no word tokens, so the designator is read in the text; only a
        # capitalised title takes one ("grand final 23" is a team of 23).
        return True
    j = i + 1
    if j >= len(texts) or not inner[j] or not texts[j][:1].isupper():
        return False
    return text[starts[i] + len(texts[i]):starts[j]] in (" ", "\n")


def _shouted(texts: list[str], starts: list[int], i: int) -> bool:
    """An all-capitals token beside another all-capitals word."""
    if not is_acronym(texts[i]):
        return False
    return any(0 <= j < len(texts) and len(texts[j]) > 1 and is_acronym(texts[j])
               and abs(starts[j] - starts[i]) < len(texts[min(i, j)]) + 3
               for j in (i - 1, i + 1))


@lru_cache(maxsize=1 << 16)
def _spelled(word: str, min_length: int) -> bool:
    """A capitalised word (or a name with a particle: al-Assad) long enough to compare."""
    head, _, rest = word.partition("-")
    capital = word[:1].isupper() or (head in NAME_PARTICLES and rest[:1].isupper())
    return capital and not is_acronym(word) and sum(c.isalpha() for c in word) >= min_length


@lru_cache(maxsize=1 << 16)
def _joined(word: str, min_length: int) -> tuple[str, str] | None:
    """(key, form) of a single word for the joining check, None for no candidate."""
    parts = word.replace(".", "-").rstrip("-").split("-")
    last = word.rsplit(".", 1)[-1]
    if "." in word.rstrip(".") and len(last) > 2 and last.islower():
        return None  # a member or a file (Symbol.iterator, Date.now, index.html), not a name
    if len(parts) > 1 and parts[-1].lower() not in PARTICLES and parts[0].lower() not in STOPWORDS:
        return join_key(word), _form_id("joining", word)
    if word.isalpha() and (len(word) >= min_length or is_acronym(word)):
        return join_key(word), _form_id("joining", word)
    return None


def _expansions(doc) -> list[tuple[int, int]]:
    """Spans of the long forms of acronym definitions: "Key Derivation Function (KDF)"."""
    from doclint.families.naming.acronyms import sentence_definitions

    masked = doc.masked
    return [(d.start, d.short_start) for sentence, found in sentence_definitions(doc)
            if masked.find("(", sentence.start, sentence.end) != -1 for d in found]


def _without_mentions(text: str, found: dict, keys: set[str]) -> dict:
    """`found` without quoted or emphasised occurrences; `keys` holds every key with
    a span that starts right after an opening mark (the others keep all their spans)."""
    for key in keys:
        forms = found.get(key)
        if forms is None or key[0] in (LOWER, NEAR):
            continue
        kept = {}
        for form, spans in forms.items():
            spans = [(s, e) for s, e in spans
                     if not is_mention(text, s, e) and not in_quotes_or_section_link(text, s, e)]
            if spans:
                kept[form] = spans
        if kept:
            found[key] = kept
        else:
            del found[key]
    return found


def _named(form: str) -> bool:
    """A form that spells a name rather than a word: a capital past the first letter or
    a dot (Node.js, U.S., WiFi)."""
    return "." in form or any(c.isupper() for c in form[1:])
