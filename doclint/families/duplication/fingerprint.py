"""Sentence normalisation and hashing: 32-bit token hashes and 64-bit sentence fingerprints."""
from __future__ import annotations

import re
import sys
from array import array
from collections.abc import Iterable
from functools import partial
from hashlib import blake2b
from itertools import compress, count
from operator import methodcaller
from zlib import crc32

from doclint.core.words import ASCII_TOKEN, FOLD, TOKEN, fold  # noqa: F401 - fold is this module's API too
from doclint.core.segment import TRAILER
from doclint.markup.base import CODE_MASK

# The token patterns and the fold are those of the document's shared word cut
# (Document.folded_words): a sentence cut on its own must give the same tokens.
_FOLD, _TOKEN, _ASCII_TOKEN = FOLD, TOKEN, ASCII_TOKEN
_QUOTED = re.compile(r"\"[^\"]*\"|(?<!\w)'[^']*'(?!\w)")

# Function words: kept for verification (an article change is an edit), left out of the
# MinHash set so that LSH buckets are not dominated by "the" and "of", and free to be
# substituted in a near duplicate ("a" for "the", "can" for "may").
STOPWORDS = frozenset("""
a about above after again all also am an and any are as at be because been before being
both but by can could did do does doing each either every for from further had has have
having he her here hers him his how however i if in into is it its itself just may me
might more most much must my no nor not now of off on once only or other our ours out
over own same shall she should so some such than that the their theirs them then there
these they this those through thus to too under until up upon us very was we were what
when where whether which while who whom whose why will with within would yet you your
""".split())

# A token code is 32 bits: four flags, a 10-bit hash of the word's first four letters
# (words sharing it may be spelling variants: "issue"/"issues", "Homebrew"/"Homebraw";
# with a mark for a hyphen further on)
# and an 18-bit hash of the whole word.
STOP, NUMBER, CODE, NEGATION = 1 << 31, 1 << 30, 1 << 29, 1 << 28
PREFIX_BITS = 0x3FF << 18
NEGATIONS = frozenset("not no never nor cannot without".split())
_CACHE_LIMIT = 200_000


class _Codes(dict):
    """word -> token code, computed on first lookup: `codes[word]` is one dict lookup
    (in C when mapped over a sentence) for every word seen before."""

    def __missing__(self, token: str) -> int:
        if len(self) >= _CACHE_LIMIT:
            self.clear()  # vocabularies are Zipfian: a refill is cheap
        # A compound is no misspelling of its first part ("remote-wait" / "remote"), nor
        # of another compound of it ("Docutils-users" / "Docutils-develop"): a hyphen
        # after the first four letters, and the first four letters of the last part, are
        # part of what the prefix hashes. A hyphen within them is not: a short prefix
        # says little ("per-system" and "per-installation" are two words, "e-mail" and
        # "email" one).
        head = token[:4]
        if "-" in head:
            head = token.replace("-", "")[:4]
        prefix = head + "-" + token[token.rfind("-") + 1:][:4] if token.find("-", 4) != -1 else head
        value = ((crc32(prefix.encode()) & 0x3FF) << 18) | (crc32(token.encode()) & 0x3FFFF)
        if token in NEGATIONS or token.endswith("n't"):
            value |= NEGATION | STOP
        if token in STOPWORDS:
            value |= STOP
        elif token[0] in "`'\"":  # inline code, or a quoted run of symbols ('|', "\\|")
            value |= CODE
        elif any(c.isdigit() for c in token):
            value |= NUMBER
        self[token] = value
        return value


_code_cache = _Codes()
_code_of = _code_cache.__getitem__


# A sentence that ends with sentence punctuation (closing quotes and brackets aside, and
# the parenthesis the splitter keeps after it: "Fixed the crash. (Jane Roe)"), as
# opposed to one cut off: search(text, start, end) on its span.
ENDED = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*(?:\s+" + TRAILER + r")?\s*$")

def code(word: str) -> int:
    """The 32-bit token code of one normalised (lower-case) word."""
    return _code_of(word)


def tokens(masked: str, original: str, ignore_quoted: bool = False) -> list[str]:
    """Normalised tokens of one sentence: `masked` is its prose view (same offsets as
    `original`); a run of masked inline code becomes one token holding the code, case
    and all (`<cword>` and `<cWORD>` name two things), so that two sentences differing
    only in their code are not duplicates."""
    if ignore_quoted:
        masked = _QUOTED.sub(lambda m: " " * len(m.group()), masked.translate(_FOLD))
    low = masked.lower().translate(_FOLD)
    if CODE_MASK not in low:
        return _TOKEN.findall(low)
    out = []
    for match in _TOKEN.finditer(low):
        word = match.group()
        if word[0] == CODE_MASK:
            word = "`" + "".join(original[match.start():match.end()].split())
        out.append(word)
    return out


def tokens_at(low: str, original: str, start: int, end: int) -> list[str]:
    """tokens() of the sentence [start, end) of a document folded by fold()."""
    if low.find(CODE_MASK, start, end) == -1:
        return _TOKEN.findall(low, start, end)
    out = []
    for match in _TOKEN.finditer(low, start, end):
        word = match.group()
        if word[0] == CODE_MASK:
            word = "`" + "".join(original[match.start():match.end()].split())
        out.append(word)
    return out


def with_code(words: list[str], starts, ends, original: str) -> list[str]:
    """`words` (tokens of a folded text, a slice of Document.folded_words) with each run
    of masked inline code replaced in place by the code itself, as tokens_at() reads it."""
    for k in compress(count(), map(_IS_CODE, words)):
        words[k] = "`" + "".join(original[starts[k]:ends[k]].split())
    return words


_IS_CODE = methodcaller("startswith", CODE_MASK)


def document_tokens(doc) -> list[str] | None:
    """Every token of Document.folded_words with inline code read as the code, as
    tokens_at() reads a sentence: worked out once per document for the duplicate and
    passage rules (None when the document has no folded words)."""
    shared = doc.folded_words
    if shared is None or not shared.has_code:
        return None if shared is None else shared.tokens
    found = doc.attributes.get(_CODE_READ)
    if found is None:
        found = doc.attributes[_CODE_READ] = with_code(list(shared.tokens), shared.starts, shared.ends, doc.text)
    return found


_CODE_READ = ("duplicates", "tokens with code")
_span = re.Match.span


def token_offsets(low: str, original: str, start: int, end: int) -> tuple[list[str], list[tuple[int, int]]]:
    """tokens_at() of [start, end) and the (start, end) offsets of each token, in
    C-level passes when the span holds no inline code."""
    if low.find(CODE_MASK, start, end) == -1:
        return _TOKEN.findall(low, start, end), list(map(_span, _TOKEN.finditer(low, start, end)))
    spans = token_spans(low, original, start, end)
    return [w for w, _, _ in spans], [(s, e) for _, s, e in spans]


def token_spans(low: str, original: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """tokens_at() of [start, end) with the offsets of each token."""
    out = []
    for match in _TOKEN.finditer(low, start, end):
        word = match.group()
        if word[0] == CODE_MASK:
            word = "`" + "".join(original[match.start():match.end()].split())
        out.append((word, match.start(), match.end()))
    return out


def hashes(words: Iterable[str]) -> array:
    """The 32-bit token codes of `words`, in order (what near-duplicate verification keeps)."""
    return array("I", map(_code_of, words))


_digest8 = partial(blake2b, digest_size=8)
_digest = methodcaller("digest")


_DIGIT = re.compile(r"\d")


def shapes(sentences: list[list[str]]) -> array:
    """Per token sequence: the fingerprint of its words without the ones that hold a
    digit, or 0 when it has none ("introduced in CMake version 3.15." and "... 3.25."
    share a shape: one template line)."""
    has_digit = _DIGIT.search
    numbered = [i for i, words in enumerate(sentences) if has_digit(" ".join(words))]
    out = array("Q", bytes(8 * len(sentences)))
    if numbered:
        stripped = [[w for w in sentences[i] if not has_digit(w)] for i in numbered]
        for i, words, value in zip(numbered, stripped, fingerprints(stripped)):
            out[i] = value if words else 0  # numbers alone make no template line
    return out


def fingerprints(sentences: list[list[str]]) -> array:
    """The 64-bit fingerprint (exact-duplicate key) of each normalised token sequence:
    its first 8 bytes of blake2b, little-endian, in C-level passes."""
    out = array("Q", b"".join(map(_digest, map(_digest8, map(str.encode, map(" ".join, sentences))))))
    if sys.byteorder == "big":
        out.byteswap()
    return out


def quote(text: str, limit: int = 48) -> str:
    """A short quote of a sentence for messages: one line, cut at a space, so that a word
    or identifier is never cut in half when it ends within twice `limit` characters
    (all the corpus phase keeps of a sentence)."""
    flat = " ".join(text[: limit * 2].split())
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)
    if cut <= limit // 2:
        cut = flat.find(" ", limit)
        if cut == -1:
            return flat if len(text) <= limit * 2 else flat + "\u2026"
    return flat[:cut].rstrip(",;:") + "\u2026"
