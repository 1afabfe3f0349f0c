"""Word tokens of prose sentences, cut once per document and shared by the naming rules."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate, compress, islice, repeat
from itertools import count as count_from
from operator import (
    add,
    and_,
    attrgetter,
    contains,
    gt,
    itemgetter,
    lt,
    ne,
    not_,
    or_,
    sub,
)
from weakref import WeakKeyDictionary

import regex

from doclint.markup.base import CODE_MASK

# A dotted acronym ("U.S.", "e.g."), or a word whose parts may be joined by hyphens or
# dots ("open-source", "Node.js"). Apostrophes split words: "Homebrew's" -> "Homebrew".
TOKEN = regex.compile(r"(?:\p{L}\.){2,}|\p{L}[\p{L}\p{N}]*(?:[-.]\p{L}[\p{L}\p{N}]*)*")

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


NAME_PARTICLES = frozenset("van von de da del der di du la le al el bin ibn ben".split())


# Per-text classes, filled as new words turn up and shared by every document, so the
# per-token passes are set lookups in map(). Cleared when the vocabulary grows past LIMIT.
_SEEN: set[str] = set()
CAPITAL_WORDS: set[str] = set()   # a capital first letter, or a name particle (al-, van, de)
PAIRABLE_WORDS: set[str] = set()    # letters only, longer than one, not a function word
NAMELIKE_WORDS: set[str] = set()     # a dot or a capital past the first letter: Node.js, U.S.
LIMIT = 500_000


def classify_words(distinct: set[str]) -> None:
    new = distinct - _SEEN
    if not new:
        return
    if len(_SEEN) + len(new) > LIMIT:
        for known in (_SEEN, CAPITAL_WORDS, PAIRABLE_WORDS, NAMELIKE_WORDS):
            known.clear()
        new = distinct
    _SEEN.update(new)
    new = list(new)
    CAPITAL_WORDS.update(compress(new, map(str.isupper, map(itemgetter(0), new))), NAME_PARTICLES.intersection(new))
    PAIRABLE_WORDS.update(compress(new, map(and_, map(and_, map(str.isalpha, new), map(lt, repeat(1), map(len, new))),
                                     map(not_, map(STOPWORDS.__contains__, map(str.lower, new))))))
    rests = list(map(itemgetter(slice(1, None)), new))
    NAMELIKE_WORDS.update(compress(new, map(or_, map(contains, new, repeat(".")), map(ne, rests, map(str.lower, rests)))))


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
        classify_words(self.distinct)
        # Tokens with a capital or other case (not islower): few, and the only ones that
        # add a form alone.
        self.cased = list(compress(count_from(), map(not_, map(str.islower, texts))))
        self.cased_texts = set(map(texts.__getitem__, self.cased))
        # A capital first letter implies `cased`; name particles are lower case.
        capital = list(compress(self.cased, map(CAPITAL_WORDS.__contains__, map(texts.__getitem__, self.cased))))
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
    if CODE_MASK in masked:
        # Masked inline code is no word, like "#": stood in by it, the code of a
        # reference page no longer sends the whole text down the slow paths below.
        masked = masked.replace(CODE_MASK, "#")
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


MENTION_MARKS = {"\"": "\"", "'": "'", "\u201c": "\u201d", "\u2018": "\u2019", "_": "_", "*": "*"}


def is_mention(text: str, start: int, end: int) -> bool:
    """A quoted or emphasised form is talked about, not used: 'use "email", not
    "e-mail"' and a word list's _ReactJS_ are no inconsistency."""
    closer = MENTION_MARKS.get(text[start - 1:start]) if start > 0 else None
    return closer is not None and text[end:end + 1] == closer


# Text around a link's words that makes the link point at a section or a glossary
# entry: Markdown "[Release Manager](#release-manager)", reST "`Release Manager`_" and
# ":ref:`Virtual Environments <venvs>`" (the link text is the whole span).
SECTION_LINK_ENDS = (("[", "](#"), ("`", "`_"), ("`", " <"), ("`", "<"))


def in_quotes_or_section_link(text: str, start: int, end: int) -> bool:
    """The span lies inside a quoted passage of its line ('the input held "CR CR LF
    LF"'), is the text of a link to a section, or lies in the title-case text of a
    link ("see `Register a Task with the Maintenance Window (AWS CLI) <https://...>`__",
    "[VPC Flow Logs](https://...)", "[Child Process][]": the title of the page it
    opens): these name something, they do not use a spelling of their own."""
    for before, after in SECTION_LINK_ENDS:
        if text[start - 1:start] == before and text.startswith(after, end):
            return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    if _title_cased(text[start:end]) and _in_titled_link(text, start, end, line_start, line_end):
        return True
    if text.count('"', line_start, start) % 2 == 1 and text.find('"', end, line_end) != -1:
        return True
    opened = text.rfind("\u201c", line_start, start)
    return opened > text.rfind("\u201d", line_start, start) and text.find("\u201d", end, line_end) != -1


# The words of a title: the words of four letters or more, capitalised but for a few
# function words ("Register a Task with the Maintenance Window").
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
_TITLE_LOWER = frozenset({"with", "from", "into", "onto", "over", "than", "that", "this", "upon", "your",
                          "their", "about", "when", "what", "using", "through", "without", "between"})


def _title_cased(form: str) -> bool:
    """Whether `form` is what title case makes of its words ("Maintenance Window"): a
    title's capitals say nothing of the name's spelling. "ElastiCache" or "VPC" keep
    capitals of their own, which a title's text still vouches for."""
    return form == " ".join(w[:1].upper() + w[1:].lower() for w in form.split(" "))


def _in_titled_link(text: str, start: int, end: int, line_start: int, line_end: int) -> bool:
    """Whether text[start:end] lies in the text of a reST link or reference ("`Title
    <url>`_", "`Title`_") or a Markdown link ("[Title](url)", "[Title][]") on its line
    whose words are a title's."""
    opened = text.rfind("`", line_start, start)
    if opened != -1:
        reference = text.find("`_", end, line_end)  # `User Package Registry`_
        if reference != -1 and "`" not in text[opened + 1:reference]:
            closed = text.find(" <", opened, reference)
            return _titled(text[opened + 1:reference if closed == -1 else closed])
    opened = text.rfind("[", line_start, start)
    if opened != -1:
        closed = text.find("]", end, line_end)
        # An inline link or a reference one: "[Title](url)", "[Title][]", "[Title][ref]".
        if closed != -1 and text[closed + 1:closed + 2] in ("(", "[") and "[" not in text[opened + 1:closed]:
            return _titled(text[opened + 1:closed])
    return False


def _titled(words_text: str) -> bool:
    """Whether a link's text reads as a title: two long words or more, all capitalised."""
    words = [w for w in _LONG_WORD.findall(words_text) if w not in _TITLE_LOWER]
    return len(words) >= 2 and all(w[0].isupper() for w in words)
