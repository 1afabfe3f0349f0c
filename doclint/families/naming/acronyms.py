"""Abbreviation definitions in prose: the Schwartz & Hearst (2003) algorithm, reimplemented.

A. S. Schwartz and M. A. Hearst, "A simple algorithm for identifying abbreviation
definitions in biomedical text", Pacific Symposium on Biocomputing 2003. Candidates are
`long form (SF)` and, when the parenthesis holds more than a short form, `SF (long
form)`; the short form's characters are then matched right to left in the long form,
and the first one must start a word of it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from doclint.markup.base import CODE_MASK

PARENS = re.compile(r"\(([^()]*)\)")
MAX_SHORT = 10  # characters, as in the paper


@dataclass(frozen=True)
class Definition:
    short: str
    long: str
    start: int        # offset of the whole definition (long form or short form first)
    end: int          # offset just past the closing parenthesis
    short_start: int  # offset of the short form itself
    short_end: int
    # False when the acronym is introduced by words that do not spell it ("the French
    # news agency (AFP)", "U+000A (LF)"): it counts as defined, but its "long form" is
    # only the words before it and is never compared with another definition.
    spelled: bool = True


SHORT_CHARS = re.compile(r"[\w&.\-/ ]+")


def valid_short(short: str) -> bool:
    """A short form: 2-10 characters, at most two words, a letter, alphanumeric start
    (the paper's test), plus ours: at least two capitals, since only acronyms are
    checked and a lower-case word in parentheses is rarely one ("raisinten", "High"),
    and a capital in every word ("the RHS" is an article and an acronym)."""
    words = short.split()
    return (2 <= len(short) <= MAX_SHORT and len(words) <= 2
            and any(c.isalpha() for c in short) and short[0].isalnum()
            and sum(c.isupper() for c in short) >= 2 and SHORT_CHARS.fullmatch(short) is not None
            and all(any(c.isupper() for c in w) for w in words))


def best_long_form(short: str, long: str) -> str | None:
    """The shortest tail of `long` whose characters spell `short` right to left, with the
    short form's first character at the start of a word; None when there is none."""
    s, li = len(short) - 1, len(long) - 1
    while s >= 0:
        ch = short[s].lower()
        if not ch.isalnum():
            s -= 1
            continue
        # Move left to the next match; the first short-form character must also begin a
        # word (no alphanumeric character before it).
        while li >= 0 and (long[li].lower() != ch or (s == 0 and li > 0 and long[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return None
        li -= 1
        s -= 1
    return long[max(long.rfind(c, 0, li + 1) for c in " \n\t") + 1:]


def _checked(short: str, long: str | None) -> str | None:
    """The paper's final filters: longer than the short form, not too many words, and
    not containing the short form as a word of its own; plus ours: the last word must
    hold the short form's last letter, so that words after the spelling ("characters
    other than `U+000D` (CR)") are no part of a long form. Whitespace is normalised:
    markup taken out of the text leaves runs of spaces."""
    if long is None:
        return None
    words = long.split()
    if CODE_MASK in long:  # inline code is no part of a spelt-out name
        return None
    long = " ".join(words)
    last = next((c.lower() for c in reversed(short) if c.isalnum()), "")
    if not words or last not in words[-1].lower():
        return None
    if len(long) <= len(short) or len(words) > min(len(short) + 5, len(short) * 2):
        return None
    if len(words) == 1 and (any(c.isdigit() for c in long) or "." in long or "_" in long):
        # An identifier, a number or a file name: "your VPC (vpc-1a2b3c4d)", "IPC: workers.ipc"
        return None
    core = short.rstrip("s").lower()  # "APIs" is the plural of "API"
    if any(w.lower().strip(",;:").rstrip("s") == core for w in words):
        return None
    return long


# Words a long form may hold whose first letter its short form leaves out.
_LINKING = frozenset("a an the of for to in on and or by with at as de la du der von van".split())


WORD = re.compile(r"\S+")


def spelled_out(short: str, long: str) -> bool:
    """Does every word of the long form but a function word open with a letter of the
    short form (a hyphenated word in one of its parts)? Then no word the spelling
    skipped is part of it: "survive recent (SVN)", "issues/pull requests (PR)" and
    "Measurement Data Format v4 (MF4)" introduce the acronym without spelling it out,
    while "Ahead-of-Time (AOT)", "Subversion (SVN)" and "Hayat Tahrir al-Sham (HTS)" do."""
    letters = set(short.lower())
    return all(w.lower() in _LINKING or any(part[:1].lower() in letters for part in w.split("-"))
               for w in long.split())


def _tail_start(window: str, long: str) -> int:
    """Offset in `window` where the (whitespace-normalised) long form `long` starts: the
    long form is a tail of the window, so count its words back from the end."""
    spans = [m.start() for m in WORD.finditer(window)]
    return spans[-len(long.split())]
# Not in the paper: the glossary form "AGM: Annual General Meeting" (also with a dash).
GLOSSARY_MARKS = re.compile(r":|\s[-\u2013\u2014]")  # what GLOSSARY needs after the short form
GLOSSARY = re.compile(r"(?<![\w-])([A-Z][A-Za-z0-9&]*[A-Z0-9]s?)\W{0,2}\s*(?::|\s[-\u2013\u2014])\s+")


def _first_of(text: str, marks: str) -> int:
    """Offset of the first of `marks` in `text`, else its length (C-level scans)."""
    found = [k for k in map(text.find, marks) if k != -1]
    return min(found) if found else len(text)


def find_definitions(text: str, start: int = 0, end: int | None = None) -> list[Definition]:
    """Definitions in text[start:end] (one sentence is the intended unit)."""
    end = len(text) if end is None else end
    out = []
    for match in PARENS.finditer(text, start, end):
        inner = match.group(1)
        # A glossary form inside the parenthesis: "(GPT: GUID Partition Table)".
        if GLOSSARY_MARKS.search(inner):
            lead = len(inner) - len(inner.lstrip())
            glossary = _glossary(text, match.start(1) + lead, match.end(1))
            if glossary:
                out.extend(glossary)
                continue
        cut = inner[:_first_of(inner, ";,")]
        short = cut.strip()
        if valid_short(short):
            # `long form (SF)`: the long form lies within min(|SF| + 5, 2|SF|) words.
            words = list(WORD.finditer(text, start, match.start()))
            limit = min(len(short) + 5, len(short) * 2)
            if words:
                w_start, w_end = words[-limit:][0].start(), words[-1].end()
                long = _checked(short, best_long_form(short, text[w_start:w_end]))
                s_start = match.start(1) + len(cut) - len(cut.lstrip())
                if long is not None:
                    tail = text[w_start:w_end]
                    out.append(Definition(short, long, w_start + _tail_start(tail, long), match.end(),
                                          s_start, s_start + len(short), spelled_out(short, long)))
                    continue
                if cut == inner:
                    # Words that do not spell it still introduce it: "the French news
                    # agency (AFP)", a brand, a character name after code ("U+000A (LF)").
                    before = words[-1]
                    out.append(Definition(short, before.group(), before.start(), match.end(),
                                          s_start, s_start + len(short), spelled=False))
                    continue
        # `SF (long form)`: the word before the parenthesis is the short form.
        # (Read from the right: a regex search for the last word tried every word.)
        before = text[start:match.start()].rstrip()
        if not before:
            continue
        word = before.rsplit(None, 1)[-1]
        short = word.strip(".,;:")
        if not valid_short(short):
            continue
        long = _checked(short, best_long_form(short, inner.strip()))
        if long is not None and long == " ".join(inner.split()):  # the parenthesis is the expansion
            s_start = start + len(before) - len(word)
            out.append(Definition(short, long, s_start, match.end(), s_start, s_start + len(short),
                                  spelled_out(short, long)))
    out.extend(_glossary(text, start, end))
    return out


def _glossary(text: str, start: int, end: int) -> list[Definition]:
    """`SF: Long Form` at the start of a sentence or list item, when the words after the
    colon spell the short form from their first word on."""
    match = GLOSSARY.match(text, start, end)
    if match is None or not valid_short(match.group(1)):
        return []
    short = match.group(1)
    words = list(WORD.finditer(text, match.end(), end))[:min(len(short) + 5, len(short) * 2)]
    for k, word in enumerate(words):
        if word.group()[-1] in ",;.:":
            words = words[:k + 1]  # the long form ends at the first punctuation
            break
    # One word per letter first, then fewer: "LE: Little Endian", not "LE: Little".
    for count in range(min(sum(c.isalpha() for c in short), len(words)), 0, -1):
        window = text[words[0].start():words[count - 1].end()].rstrip(",.;")
        long = _checked(short, best_long_form(short, window))
        # Words that do not spell it out after a label ("VMS: Vimdiff doesn't work") are
        # a sentence about it, not its expansion.
        if long is not None and long == " ".join(window.split()) and spelled_out(short, long):
            return [Definition(short, long, match.start(1), words[count - 1].end(),
                               match.start(1), match.end(1))]
    return []


# The acronym rules and the case check read the same definitions: keep them while the
# document lives.
_BY_DOC: WeakKeyDictionary = WeakKeyDictionary()


def sentence_definitions(doc) -> list[tuple[object, list[Definition]]]:
    """(sentence, its definitions) for every prose sentence of `doc` that has any, in
    order. Only a sentence with a parenthesis or a capital first letter can have one
    (PARENS, GLOSSARY), so the others are skipped unread."""
    cached = _BY_DOC.get(doc)
    if cached is not None:
        return cached
    masked = doc.masked
    out = []
    for sentence in doc.sentences:
        start, end = sentence.start, sentence.end
        if masked.find("(", start, end) != -1:
            found = find_definitions(masked, start, end)
        elif "A" <= masked[start:start + 1] <= "Z":
            found = _glossary(masked, start, end)
        else:
            continue
        if found:
            out.append((sentence, found))
    _BY_DOC[doc] = out
    return out
