"""The words of a document's prose view, lower-cased and folded, cut once per document.

The duplicate rules (DL201, DL202) and the repeated-passage rule (DL204) compare the
same normalised words; each used to cut them again from the text. `Document.words`
holds one cut of the whole prose view that every rule reading these words slices."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate, islice
from operator import add

from doclint.markup.base import CODE_MASK

# Unicode quotes and dashes fold to ASCII so that typographic variants of one sentence
# get one fingerprint; case is folded by lower().
FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
})
_FOLD_PAIRS = tuple((chr(char), folded) for char, folded in FOLD.items())
# Words (with inner apostrophes and hyphens), numbers with inner separators, and one
# placeholder per run of masked inline code (the rules put the code itself in its place).
# A name that ends in "++" or "#" keeps it: "C++, alternate operator spellings are now
# supported." and "C, alternate ..." are entries on two languages. So does a short quoted
# string that holds a symbol: 'To include the "|" in the value, use "\|".' and the same
# for '"'; '"i(" and "i)" as synonym for "ib"' and the same for "i{".
# (A hyphen, dot, comma, colon or slash between letters joins the words of one token
# already: "a-b"; alone they are symbols: "-", "...".)
_QUOTED_SYMBOLS = (r"|'[^\w\s'\ue000]{1,4}'|\"[^\w\s\"\ue000]{1,4}\""
                   r"|'(?=[^\s'\ue000]{1,4}')[^\s'\ue000]*?[^\w\s'\ue000.,:/-][^\s'\ue000]*'"
                   r"|\"(?=[^\s\"\ue000]{1,4}\")[^\s\"\ue000]*?[^\w\s\"\ue000.,:/-][^\s\"\ue000]*\"")
# A dot or one or two underscores that open a name after a space, a quote or a bracket
# belong to it: ".vimrc" and "_vimrc" are two files ("The file ".vimrc" (for Unix)" and
# "The file "_vimrc" (for Unix)" are entries on each), and neither is "vimrc". The
# look-behind comes after the first character, so that a scan still skips in C to the
# characters a token can begin with.
_LEADING = r"[._](?<![^\s\"'(\[][._])(?:(?<=_)_)?+"
# The quantifiers are possessive: nothing after a word's letters can fail, so giving
# none back matches the same tokens without the engine keeping backtracking points
# (a sixth faster over a document).
_WORD = r"[^\W_]++(?:['.,:/-][^\W_]++)*+(?:\+\+|#(?![^\W_]))?+"
TOKEN = re.compile(f"{_WORD}|{_LEADING}{_WORD}" + r"|\ue000++" + _QUOTED_SYMBOLS)
# TOKEN for lower-case ASCII text, where [^\W_] is [a-z0-9]: the same tokens in two
# thirds of the time.
_ASCII_WORD = r"[a-z0-9]++(?:['.,:/-][a-z0-9]++)*+(?:\+\+|#(?![a-z0-9]))?+"
ASCII_TOKEN = re.compile(f"{_ASCII_WORD}|{_LEADING}{_ASCII_WORD}" + _QUOTED_SYMBOLS)
# The patterns as one group: split() returns gaps and tokens alternately, so a whole
# document is cut in one C-level call and the offsets are running sums of the pieces.
_PIECES = re.compile(f"({TOKEN.pattern})")
_ASCII_PIECES = re.compile(f"({ASCII_TOKEN.pattern})")
# TOKEN for folded text whose only character outside ASCII is masked code.
_MOSTLY_ASCII_PIECES = re.compile(f"({ASCII_TOKEN.pattern}|{CODE_MASK}+)")


def fold(masked: str) -> str | None:
    """The whole prose view lower-cased and folded once per document, or None when
    lower-casing changes its length (then offsets would not match: fold per sentence)."""
    low = masked.lower()
    if len(low) != len(masked):
        return None
    if not low.isascii():
        # str.translate() looks each character up in a dict when the text is not ASCII
        # (10 MB/s); a few folded characters, each found by a C-level scan, cost less.
        for char, folded in _FOLD_PAIRS:
            if char in low:
                low = low.replace(char, folded)
    return low


@dataclass(frozen=True)
class FoldedWords:
    """Every token of a folded prose view with its [start, end) offsets, in order. A
    run of masked inline code is one token of CODE_MASK characters."""

    low: str            # the folded prose view (offsets are those of the document)
    tokens: list[str]
    starts: list[int]
    ends: list[int]

    @property
    def has_code(self) -> bool:
        return CODE_MASK in self.low

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The numbers [first, last) of the tokens that start in [start, end), or None
        when a token runs over an edge of the span: the span must then be cut on its
        own. Otherwise they are the tokens a search confined to the span finds (the
        pattern looks neither behind nor ahead), so it need not be searched again."""
        starts, ends = self.starts, self.ends
        first = bisect_left(starts, start)
        last = bisect_left(starts, end, first)
        if (first and ends[first - 1] > start) or (last > first and ends[last - 1] > end):
            return None
        return first, last

    def within(self, start: int, end: int) -> tuple[list[str], list[int], list[int]] | None:
        """The tokens of span() with their offsets, or None."""
        found = self.span(start, end)
        if found is None:
            return None
        first, last = found
        return self.tokens[first:last], self.starts[first:last], self.ends[first:last]

    def tokens_within(self, start: int, end: int) -> list[str]:
        """The tokens a search confined to [start, end) finds: TOKEN.findall(low, start,
        end), taken from the document's cut where no token runs over an edge."""
        found = self.span(start, end)
        if found is None:
            return TOKEN.findall(self.low, start, end)
        return self.tokens[found[0]:found[1]]


def folded_words(masked: str) -> FoldedWords | None:
    """The folded words of a prose view, or None when fold() cannot keep its offsets."""
    low = fold(masked)
    if low is None:
        return None
    pieces = _cut(low)
    tokens = pieces[1::2]
    starts = list(islice(accumulate(map(len, pieces)), 0, len(pieces) - 1, 2))
    return FoldedWords(low, tokens, starts, list(map(add, starts, map(len, tokens))))


def _cut(low: str) -> list[str]:
    """_PIECES.split(low): gaps and tokens alternately, by the ASCII classes where they
    find the same tokens (text that is ASCII but for masked code, as on any page with
    `code` in its prose: a fifth faster there)."""
    if low.isascii():
        return _ASCII_PIECES.split(low)
    if low.replace(CODE_MASK, "").isascii():
        return _MOSTLY_ASCII_PIECES.split(low)
    return _PIECES.split(low)
