"""Word tokens of prose, variant keys (case, joining, spelling) per document, and the
name-spelling similarity test."""
from __future__ import annotations

import re
from functools import lru_cache
from bisect import bisect_left, bisect_right
from itertools import accumulate, compress, islice, repeat
from itertools import count as count_from
from operator import add, and_, attrgetter, contains, gt, itemgetter, lt, ne, not_, or_, sub
from typing import NamedTuple
from weakref import WeakKeyDictionary

import regex

# A dotted acronym ("U.S.", "e.g."), or a word whose parts may be joined by hyphens or
# dots ("open-source", "Node.js"). Apostrophes split words: "Homebrew's" -> "Homebrew".
TOKEN = regex.compile(r"(?:\p{L}\.){2,}|\p{L}[\p{L}\p{N}]*(?:[-.]\p{L}[\p{L}\p{N}]*)*")
VOWELS = frozenset("aeiouy")

# Function words: a space variant made with one of them ("any one"/"anyone", "may be"/
# "maybe", "in to"/"into") is grammar, not naming. Particles after a verb make the verb
# form of a compound noun ("set up"/"setup", "log in"/"login"): both are correct.
STOPWORDS = frozenset("""
a an the and or but nor if so as at by for from in into of on onto to up with without
is are was were be been being am do does did have has had may might can could shall
should will would must not no any some every each all one other another this that these
those it its he she we they you i me my our your their his her them us who what which
where when how why there here than then too very more most much many few own same such
""".split())
PARTICLES = frozenset("up in out on off down over back away about around through along".split())


HEADINGS = ("heading", "table-cell")  # title case there says nothing
# The token pattern as one group: split() returns gaps and tokens alternately, so a whole
# sentence is cut in one call and the offsets are running sums of the piece lengths.
_PIECES = regex.compile(f"({TOKEN.pattern})")
APOSTROPHE = re.compile("['\u2019]")
# TOKEN for ASCII text, where \p{L} is [A-Za-z] and \p{N} is [0-9], with the leading
# letter taken out of the alternation: the same matches, found in about half the time.
_ASCII_PIECES = re.compile(r"([A-Za-z](?:\.(?:[A-Za-z]\.)+|[A-Za-z0-9]*(?:[-.][A-Za-z][A-Za-z0-9]*)*))")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_LETTER = regex.compile(r"\p{L}")
_NUMBER = regex.compile(r"\p{N}")
_STAND_INS: dict[str, str] = {}


class Words:
    """The word tokens of a document's prose sentences in document order, as parallel
    lists, with the index lists the three variant checks share: they read these in
    C-level passes (map, compress) and run Python code only at tokens that can matter."""

    __slots__ = ("texts", "starts", "inner", "after", "distinct", "cased", "cased_texts",
                 "capital", "capital_pairs")

    def __init__(self, texts: list[str], starts: list[int], inner: list[bool], text: str) -> None:
        self.texts = texts
        self.starts = starts
        # Neither the first word of its sentence nor in a heading or table cell: only
        # there does a capital say something.
        self.inner = inner
        # Tokens right after an apostrophe ("re" in "you're").
        marks = [m.end() for m in APOSTROPHE.finditer(text)]
        self.after = {k for k, mark in zip(map(bisect_left, repeat(starts), marks), marks)
                      if k < len(starts) and starts[k] == mark}
        self.distinct = set(texts)
        _classify(self.distinct)
        # Tokens with a capital or other case (not islower): few, and the only ones that
        # add a form alone.
        self.cased = list(compress(count_from(), map(not_, map(str.islower, texts))))
        self.cased_texts = set(map(texts.__getitem__, self.cased))
        # A capital first letter implies `cased`; name particles are lower case.
        capital = list(compress(self.cased, map(_CAPITAL.__contains__, map(texts.__getitem__, self.cased))))
        particles = self.distinct & NAME_PARTICLES
        if particles:
            capital = sorted(capital + list(compress(count_from(), map(particles.__contains__, texts))))
        self.capital = capital
        marked = set(capital)
        self.capital_pairs = list(compress(capital, map(marked.__contains__, map(sub, capital, repeat(1)))))


# The three variant rules read the same words: keep them while the document lives.
_WORDS: WeakKeyDictionary = WeakKeyDictionary()


def prose_words(doc) -> Words:
    """Word tokens of every prose sentence of `doc` (cached per document)."""
    cached = _WORDS.get(doc)
    if cached is not None:
        return cached
    masked = doc.masked
    # One split of the whole text; a sentence takes the tokens that start inside it.
    pieces, spots = _split(masked)
    every = pieces[1::2]
    at = list(islice(accumulate(map(len, pieces)), 0, len(pieces) - 1, 2))
    for spot in spots:  # a token with a non-ASCII letter or digit: its own text
        k = bisect_right(at, spot) - 1
        if k >= 0 and spot < at[k] + len(every[k]):
            every[k] = masked[at[k]:at[k] + len(every[k])]
    sentences = doc.sentences
    if not every:
        out = _WORDS[doc] = Words([], [], [], doc.text)
        return out
    firsts = list(map(bisect_left, repeat(at), map(attrgetter("start"), sentences)))
    lasts = list(map(bisect_left, repeat(at), map(attrgetter("end"), sentences)))
    if sentences and firsts[0] == 0 and lasts[-1] == len(every) and firsts[1:] == lasts[:-1] \
            and not any(map(gt, _ends(at, every, firsts[1:]), map(attrgetter("start"), sentences[1:]))) \
            and not any(map(gt, _ends(at, every, lasts), map(attrgetter("end"), sentences))):
        # The usual case: the sentences share out all the tokens and cut none.
        texts, starts = every, at
        inner = [True] * len(texts)
        for k in compress(count_from(), map(HEADINGS.__contains__, map(attrgetter("block.kind"), sentences))):
            inner[firsts[k]:lasts[k]] = repeat(False, lasts[k] - firsts[k])
        for i in compress(firsts, map(ne, firsts, lasts)):
            inner[i] = False
    else:
        ends = [-1] + list(map(add, at, map(len, every)))  # ends[i + 1]: end of token i
        texts, starts, inner = [], [], []
        for sentence, i, j in zip(sentences, firsts, lasts):
            start, end = sentence.start, sentence.end
            if ends[i] > start or ends[j] > end:
                # A token runs over the sentence's edge: cut the sentence on its own.
                own = _PIECES.split(masked[start:end])
                count = len(own) >> 1
                if not count:
                    continue
                texts += own[1::2]
                starts += islice(accumulate(map(len, own), initial=start), 1, 2 * count, 2)
            else:
                count = j - i
                if not count:
                    continue
                texts += every[i:j]
                starts += at[i:j]
            inner.append(False)
            inner += repeat(sentence.block.kind not in HEADINGS, count - 1)
    out = Words(texts, starts, inner, doc.text)
    _WORDS[doc] = out
    return out


def _split(masked: str) -> tuple[list[str], list[int]]:
    """_PIECES.split(masked) (gaps and tokens alternately) by the ASCII pattern where
    the text is mostly ASCII: each other character stands in as "a" (a letter), "0" (a
    number) or "#" (neither), which TOKEN cannot tell from the character itself. The
    offsets of the stand-in letters and numbers come back too: the tokens holding them
    must take their text from `masked`."""
    if masked.isascii():
        return _ASCII_PIECES.split(masked), []
    if len(masked.encode("utf-8", "surrogatepass")) - len(masked) > len(masked) // 8:
        return _PIECES.split(masked), []
    spots: list[int] = []

    def stand_in(match) -> str:
        out = []
        for at, char in enumerate(match.group(), match.start()):
            sub = _STAND_INS.get(char)
            if sub is None:
                sub = _STAND_INS[char] = "a" if _LETTER.match(char) else "0" if _NUMBER.match(char) else "#"
            if sub != "#":
                spots.append(at)
            out.append(sub)
        return "".join(out)

    return _ASCII_PIECES.split(_NON_ASCII.sub(stand_in, masked)), spots


def _ends(at: list[int], every: list[str], after: list[int]):
    """End offsets of the tokens just before the indices `after` (-1 before the first)."""
    before = list(map(sub, after, repeat(1)))
    return (-1 if i < 0 else e for i, e in zip(before, map(add, map(at.__getitem__, before),
                                                            map(len, map(every.__getitem__, before)))))


@lru_cache(maxsize=1 << 16)
def letters(form: str) -> str:
    return "".join(ch for ch in form if ch.isalnum())


@lru_cache(maxsize=1 << 16)
def join_key(form: str) -> str:
    """Lower-case letters only: "e-mail", "E-Mail" and "email" share one key."""
    return letters(form).lower()


def is_word(form: str) -> bool:
    return form.islower()


def is_acronym(form: str) -> bool:
    """All capitals, at least two letters or digits: US, U.S., E2E."""
    return form.isupper() and (len(form) > 2 or (len(form) == 2 and form.isalnum()))


def case_pair_ok(a: str, b: str) -> bool:
    """Two spellings of one word that differ in case only are variants unless one is an
    ordinary lower-case word and the other an acronym (`US`/`us`, `IT`/`it`), or they
    differ only in the first capital (`Government`/`government`: a style choice that a
    single word cannot tell from a sentence-level capital)."""
    if a == b or a.lower() != b.lower():
        return False
    if (is_word(a) and is_acronym(b)) or (is_word(b) and is_acronym(a)):
        return False
    if " " not in a and _differ_at_part_starts(a, b):
        return False
    if len(letters(a)) < 3:
        return False
    return True


def _differ_at_part_starts(a: str, b: str) -> bool:
    """True when two same-length spellings differ only in the first letters of their
    hyphen parts: Government/government, Decision-Making/decision-making."""
    starts = {0} | {i + 1 for i, c in enumerate(a) if c in "-."}
    return all(x == y or i in starts for i, (x, y) in enumerate(zip(a, b)))


def joining_pair_ok(a: str, b: str) -> bool:
    """Forms that differ in hyphens, spaces or dots (and maybe case), never a lower-case
    word against an acronym (`U.S.`/`us`)."""
    if a == b or join_key(a) != join_key(b):
        return False
    if letters(a) == letters(b) and a.lower() == b.lower():
        return False  # same separators: that is a case variant, not a joining one
    if letters(a) != a and letters(b) != b:
        # Hyphen against space is grammar: a compound before a noun takes a hyphen
        # ("a command-line tool", "on the command line"); only a closed form competes.
        return False
    if (is_word(letters(a)) and is_acronym(b)) or (is_word(letters(b)) and is_acronym(a)):
        return False
    return True


def _alignment(a: str, b: str) -> list[tuple[str, int, int, str, str]] | None:
    """Edit operations turning `a` into `b` (Levenshtein, at most 2): (op, index in a,
    index in b, char of a, char of b), op one of sub/ins/del. None past 2 edits."""
    n, m = len(a), len(b)
    if abs(n - m) > 2:
        return None
    prev = list(range(m + 1))
    rows = [prev]
    for i in range(1, n + 1):
        cur = [i] + [0] * m
        for j in range(1, m + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        rows.append(cur)
        prev = cur
    if rows[n][m] > 2:
        return None
    ops = []
    i, j = n, m
    while i > 0 or j > 0:
        if i > 0 and j > 0 and rows[i][j] == rows[i - 1][j - 1] + (a[i - 1] != b[j - 1]):
            if a[i - 1] != b[j - 1]:
                ops.append(("sub", i - 1, j - 1, a[i - 1], b[j - 1]))
            i, j = i - 1, j - 1
        elif i > 0 and rows[i][j] == rows[i - 1][j] + 1:
            ops.append(("del", i - 1, j, a[i - 1], ""))
            i -= 1
        else:
            ops.append(("ins", i, j - 1, "", b[j - 1]))
            j -= 1
    return ops


def _op_ok(op: tuple[str, int, int, str, str], a: str, b: str) -> bool:
    kind, i, j, x, y = op
    if kind == "sub":
        # A vowel for a vowel inside the word (Hizbullah/Hezbollah, Homebrew/Homebraw);
        # never the first letter (Iran/Oran) or the last one (Maria/Mario, Iraq/Iraqi).
        return x in VOWELS and y in VOWELS and 0 < i < len(a) - 1
    word, k, ch = (a, i, x) if kind == "del" else (b, j, y)
    if k == 0 or k >= len(word) - 1:
        return False  # suffixes and prefixes change the word (Syria/Syrian, Iraq/Iraqi)
    neighbours = word[k - 1] + word[k + 1]
    if ch in neighbours:
        return True  # a doubled or undoubled letter (Grafana/Graffana, Philip/Phillip)
    return ch in VOWELS and any(n in VOWELS for n in neighbours)  # al-Shibani/al-Shaibani


@lru_cache(maxsize=1 << 16)
def spelling_similar(a: str, b: str, short_length: int = 7) -> bool:
    """True when two names look like one name spelled two ways: one or two edits of the
    kinds transliteration and typing produce (vowel for vowel, doubled letters, an
    extra vowel beside a vowel), none at the first or last letter, and only one edit
    when the shorter name is short. Iran/Iraq and Austria/Australia stay apart."""
    if any(c.isdigit() for c in a + b):
        return False  # BigInt64Array and BigUint64Array are identifiers, not names
    low_a, low_b = a.lower(), b.lower()
    if low_a == low_b or low_a[0] != low_b[0] or low_a[-1] != low_b[-1]:
        return False
    ops = _alignment(low_a, low_b)
    if not ops:
        return False
    if len(ops) > (1 if min(len(a), len(b)) < short_length else 2):
        return False
    # A capital that comes or goes starts another word part (BigInt/BigUInt).
    if len(low_a) == len(a) and len(low_b) == len(b) and any(
            (op[0] != "ins" and a[op[1]].isupper()) or (op[0] != "del" and b[op[2]].isupper())
            for op in ops):
        return False
    return all(_op_ok(op, low_a, low_b) for op in ops)


@lru_cache(maxsize=1)
def _english():
    """pyspellchecker's English word counts, loaded once and only when a pair needs it."""
    try:
        from spellchecker import SpellChecker
    except ImportError:  # the guard is an extra; without it the other tests still apply
        return None
    return SpellChecker(language="en", distance=1).word_frequency


def is_english_word(word: str, min_count: int) -> bool:
    """A common English word (Capital, Hills, Those): a second spelling of a name that is
    itself such a word is another word (Capitol, Halls, These), not a misspelling."""
    counts = _english()
    return counts is not None and min_count > 0 and counts[word.lower()] >= min_count


@lru_cache(maxsize=1 << 14)
def deletions(word: str, short_length: int = 7) -> frozenset[str]:
    """All strings made by deleting one character, or two from a long word: names within
    the edits that spelling_similar allows share one of these, so a pair that shares
    none needs no alignment."""
    depth = 1 if len(word) < short_length else 2
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        out |= frontier
    return frozenset(out)


def _form_id(check: str, text: str) -> str:
    # Joining compares separators, so "Email" at a sentence start is "email"; an acronym
    # keeps its case so that "US" never becomes the word "us".
    if check != "joining":
        return text
    text = text.rstrip(".")  # "e.g" before a comma is "e.g."
    return text if is_acronym(text) else text.lower()


LOWER = "\x00"  # spelling: key prefix of words seen in lower case (ordinary words)
NEAR = "\x01"   # spelling: key prefix of capitalised neighbours (Fuad in "Fuad Hussein")
MID = "\x02"    # spelling: key prefix of names capitalised inside a sentence
NAME_PARTICLES = frozenset("van von de da del der di du la le al el bin ibn ben".split())


# Per-text classes, filled as new words turn up and shared by every document, so the
# per-token passes are set lookups in map(). Cleared when the vocabulary grows past LIMIT.
_SEEN: set[str] = set()
_CAPITAL: set[str] = set()   # a capital first letter, or a name particle (al-, van, de)
_PAIRED: set[str] = set()    # letters only, longer than one, not a function word
_NAMED: set[str] = set()     # a dot or a capital past the first letter: Node.js, U.S.
LIMIT = 500_000


def _classify(distinct: set[str]) -> None:
    new = distinct - _SEEN
    if not new:
        return
    if len(_SEEN) + len(new) > LIMIT:
        for known in (_SEEN, _CAPITAL, _PAIRED, _NAMED):
            known.clear()
        new = distinct
    _SEEN.update(new)
    new = list(new)
    _CAPITAL.update(compress(new, map(str.isupper, map(itemgetter(0), new))), NAME_PARTICLES.intersection(new))
    _PAIRED.update(compress(new, map(and_, map(and_, map(str.isalpha, new), map(lt, repeat(1), map(len, new))),
                                     map(not_, map(STOPWORDS.__contains__, map(str.lower, new))))))
    rests = list(map(itemgetter(slice(1, None)), new))
    _NAMED.update(compress(new, map(or_, map(contains, new, repeat(".")), map(ne, rests, map(str.lower, rests)))))


def _fold(form: str) -> str:
    # str.lower() maps every character on its own except capital sigma, which is final
    # (\u03c2) only at a word's end: folded, lower(x + y) == lower(x) + lower(y).
    return form.lower().replace("\u03c2", "\u03c3")


def _joining_pairs(found: Words, named: set[str]) -> list[int]:
    """Second tokens of the pairs that can make a joining key: both words in _PAIRED,
    one of them cased, and their letters some named key's head and tail."""
    if not named:
        return []
    keys = {_fold(k) for k in named}
    heads = {k[:n] for k in keys for n in range(1, len(k))}
    tails = {k[n:] for k in keys for n in range(1, len(k))}
    candidates = found.distinct & _PAIRED
    firsts = {t for t in candidates if _fold(t) in heads}
    seconds = {t for t in candidates if _fold(t) in tails}
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
    _classify(found.distinct)  # again: another document may have filled the classes since
    caps = named = None
    expansions = ()
    # Only some tokens can add a form: `single` lists those that can alone, `pairs` the
    # second words of pairs that can, in document order.
    if check == "case":
        single = list(compress(found.cased, map(inner.__getitem__, found.cased)))
        # A lower-case form only matters if some capitalised form shares its words.
        caps = set(map(str.lower, map(texts.__getitem__, single)))
        pairs = found.capital_pairs
        low_caps = {t for t in caps & found.distinct if t.islower()}
        if low_caps:
            lows = list(compress(count_from(), map(low_caps.__contains__, texts)))
            marked = set(lows)
            pairs = sorted(pairs + list(compress(lows, map(marked.__contains__, map(sub, lows, repeat(1))))))
        # Title Case phrases inside an acronym's expansion ("Key Derivation Function
        # (HKDF)") follow the acronym, not the writer's naming.
        expansions = _expansions(doc)
    elif check == "spelling":
        spelled = {t for t in found.cased_texts if _spelled(t, min_length)}
        single = list(compress(found.cased, map(spelled.__contains__, map(texts.__getitem__, found.cased))))
        pairs = found.capital_pairs
    elif words:
        single = range(len(texts))
        pairable = list(map(_PAIRED.__contains__, texts))
        pairs = list(compress(count_from(1), map(and_, pairable, pairable[1:])))
    else:
        # Only keys that some name-like form of this document has, and never an all
        # lower-case form: a command, package or handle (iojs, n-api), not a name.
        named = set(map(join_key, found.distinct & _NAMED))
        joins = {t for t in found.cased_texts if (j := _joined(t, min_length)) is not None and j[0] in named}
        single = list(compress(found.cased, map(joins.__contains__, map(texts.__getitem__, found.cased))))
        pairs = _joining_pairs(found, named)
    mentioned = set()

    def add(key: str, form: str, start: int, end: int, raw: str | None = None) -> None:
        if caps is not None and form.islower() and not all(w in caps for w in key.split(" ")):
            return
        if named is not None and (key not in named or (raw or form).islower()):
            return
        if expansions and " " in key and any(s <= start < e for s, e in expansions):
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
    capital = _CAPITAL
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
            add(NEAR + word, x, a_start, a_end)
            add(NEAR + x, word, start, end)
        if check == "spelling" or x not in _PAIRED or word not in _PAIRED:
            continue  # _PAIRED: letters only and no function word
        if check == "case":
            if not inner[i - 1] or len(x) < 3 or len(word) < 3:
                continue
            title = x[0].isupper() and x[1:].islower() and word[0].isupper() and word[1:].islower()
            if title or (x.islower() and word.islower()):
                add(f"{x.lower()} {word.lower()}", f"{x} {word}", a_start, end)
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
        out = {k: v for k, v in out.items() if k[0] == NEAR or len(v) >= need and (
            words and check == "joining" or any(named(f) for f in v))}
    return _without_mentions(text, out, mentioned)


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
    from doclint.acronyms import sentence_definitions

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
            spans = [(s, e) for s, e in spans if not is_mention(text, s, e)]
            if spans:
                kept[form] = spans
        if kept:
            found[key] = kept
        else:
            del found[key]
    return found


MENTION_MARKS = {"\"": "\"", "'": "'", "\u201c": "\u201d", "\u2018": "\u2019", "_": "_", "*": "*"}


def is_mention(text: str, start: int, end: int) -> bool:
    """A quoted or emphasised form is talked about, not used: 'use "email", not
    "e-mail"' and a word list's _ReactJS_ are no inconsistency."""
    closer = MENTION_MARKS.get(text[start - 1:start]) if start > 0 else None
    return closer is not None and text[end:end + 1] == closer


def _named(form: str) -> bool:
    """A form that spells a name rather than a word: a capital past the first letter or
    a dot (Node.js, U.S., WiFi)."""
    return "." in form or any(c.isupper() for c in form[1:])
