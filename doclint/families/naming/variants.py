"""Variant keys (case, joining, spelling) and the tests that tell a variant of a name
from a different name."""
from __future__ import annotations

from functools import lru_cache

VOWELS = frozenset("aeiouy")

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
