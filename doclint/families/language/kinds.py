"""`document-language` and `paragraph-language` kinds: unexpected and mixed languages."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import regex

from doclint.core.finding import Hit
from doclint.core.kind import Kind
from doclint.families.language.detect import (
    Language,
    accented_share,
    count_function_words,
    detect_document,
    function_words,
    langdetect,
    language_name,
    language_of,
    primary,
    script_share,
    tokens,
)
from doclint.markup.base import CODE_MASK

CHECK_CHARS = 600      # a paragraph's language shows in its first few sentences
CHEAP_CHARS = 300      # ... and its function words in fewer still
MAIN_RATIO = 0.1       # below this share of the main language's function words, look closer
OTHER_RATIO = 0.05     # ... if another language's function words are at least this present
ACCENTED_SHARE = 0.03  # ... or, in an English document, this share of accented letters
KEPT_SHARE = 0.5       # a paragraph must keep half its words once names and code are gone
WORD_FLAGS = regex.V1

# Quotations are someone else's words: a quoted French sentence in an English page is
# not the page changing language. Straight single quotes are left alone (apostrophes).
QUOTED = regex.compile(r'"[^"\n]{1,500}"|“[^”]{1,500}”|«[^»]{1,500}»|„[^“”]{1,500}[“”]|'
                       r"‘[^’\n]{1,500}’|‹[^›]{1,500}›|「[^」]{1,500}」|『[^』]{1,500}』")
CJK = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}"
# Identifiers, paths, versions, numbers, camelCase: no language at all. (A "token" never
# runs into CJK text, which has no spaces to end it.)
CODE_LIKE = regex.compile(rf"[^\s{CJK}]*(?:[\d_/\\@#=<>{{}}\[\]|~^*$%+]|\w\.\w|\p{{Ll}}\p{{Lu}})[^\s{CJK}]*")
CAPITALISED = regex.compile(r"\p{Lu}[\p{L}\p{M}'’-]*")
WORDS = regex.compile(rf"[{CJK}]|[[\p{{L}}\p{{M}}]--[{CJK}]]+", WORD_FLAGS)
CJK_CHAR = regex.compile(rf"[{CJK}]")
SENTENCE_END = ".!?:;…"


def first_line_end(text: str, start: int, end: int) -> int:
    newline = text.find("\n", start, end)
    return end if newline == -1 else newline


def strip_foreign_matter(text: str) -> str:
    """`text` without quotations, code-like tokens and capitalised words inside sentences
    (names and product names), which say nothing about the language of the paragraph."""
    text = QUOTED.sub(" ", text.replace(CODE_MASK, " "))
    text = CODE_LIKE.sub(" ", text)

    def keep_sentence_starts(match: regex.Match) -> str:
        word = match.group()
        i = match.start() - 1
        while i >= 0 and (text[i].isspace() or text[i] in "\"'“‘«„(["):
            i -= 1
        at_start = i < 0 or text[i] in SENTENCE_END
        return word if at_start and not (len(word) > 1 and word.isupper()) else " "

    return " ".join(CAPITALISED.sub(keep_sentence_starts, text).split())


def word_count(text: str) -> tuple[float, float]:
    """(distinct words, words) of `text`. Distinct, because a reference list repeating
    "retrieved link" is not prose; single letters are not words (keyboard maps, list
    markers); a CJK or Thai character counts as half a word, as those scripts use no spaces."""
    distinct, total = set(), 0.0
    for token in WORDS.findall(text.lower()):
        if len(token) == 1:
            if not CJK_CHAR.match(token):
                continue
            total += 0.5
        else:
            total += 1
        distinct.add(token)
    return sum(0.5 if len(t) == 1 else 1 for t in distinct), total


class DocumentLanguageKind(Kind):
    """Reports a document whose main language is not one of the expected languages, once,
    at its first prose line. Expected: the rule's `languages`, else the configuration's
    `languages`, else `default-languages`."""

    name = "document-language"

    @dataclass(frozen=True)
    class Options:
        languages: tuple[str, ...] = ()
        default_languages: tuple[str, ...] = ("en",)
        min_probability: float = 0.8

        def __post_init__(self) -> None:
            if not 0 < self.min_probability <= 1:
                raise ValueError("'min-probability' must be between 0 and 1")

    def expected(self, doc) -> tuple[str, ...]:
        # The engine puts the configuration's `languages` on the document (doc.attributes).
        return (self.options.languages or tuple(doc.attributes.get("languages") or ())
                or self.options.default_languages)

    def check(self, doc) -> Iterable[Hit]:
        expected = self.expected(doc)
        found = language_of(doc)
        if not expected or found is None or found.matches(expected):
            return
        if found.source == "words":  # the cheap path has no calibrated probability
            found = detect_document(doc, cheap=False)
            if found is None or found.matches(expected):
                return
        if found.probability < self.options.min_probability:
            return
        block = doc.blocks[0]
        yield Hit(block.start, first_line_end(doc.text, block.start, block.end),
                  {"language": found.name, "code": found.code, "probability": f"{found.probability:.2f}",
                   "expected": ", ".join(expected)})


class ParagraphLanguageKind(Kind):
    """Reports a paragraph of at least `min-words` words (after removing quotations, names
    and code-like tokens) that langdetect places in another language than the document's
    main language with at least `min-probability`. Function words and scripts pick the
    paragraphs worth asking langdetect about, so ordinary paragraphs cost one regex pass."""

    name = "paragraph-language"

    @dataclass(frozen=True)
    class Options:
        min_words: int = 12
        min_probability: float = 0.95
        block_kinds: tuple[str, ...] = ("paragraph", "list-item")

        def __post_init__(self) -> None:
            if self.min_words < 1:
                raise ValueError("'min-words' must be at least 1")
            if not 0 < self.min_probability <= 1:
                raise ValueError("'min-probability' must be between 0 and 1")

    def check(self, doc) -> Iterable[Hit]:
        main = language_of(doc)
        if main is None:
            return
        opts, masked = self.options, doc.masked
        for block in doc.blocks:
            if block.kind not in opts.block_kinds:
                continue
            head = masked[block.start:min(block.end, block.start + CHECK_CHARS)]
            if not self.worth_a_look(head[:CHEAP_CHARS], main):
                continue
            text = strip_foreign_matter(head)
            distinct, kept = word_count(text)
            # Mostly names, code and quotations: what is left is too little to judge by.
            if distinct < opts.min_words or kept < KEPT_SHARE * word_count(head)[1]:
                continue
            found = langdetect(text)
            if found is None or found[1] < opts.min_probability or primary(found[0]) == primary(main.code):
                continue
            yield Hit(block.start, first_line_end(doc.text, block.start, block.end),
                      {"language": language_name(found[0]), "code": found[0],
                       "probability": f"{found[1]:.2f}", "main": main.name})

    def worth_a_look(self, head: str, main: Language) -> bool:
        """Cheap test: could this paragraph be in another language than `main`? Yes when
        its letters are mostly in another script, or when it has few function words of
        `main` and, in an English document, another language's function words or
        accented letters show up instead."""
        min_words = self.options.min_words
        if len(head) < 2 * min_words:
            return False
        if script_share(head, main.script) < 0.5:
            return True
        words = tokens(head)
        if len(words) < min_words:
            return False
        code = primary(main.code)
        listed = function_words(code)
        own = sum(map(listed.__contains__, words)) if listed is not None else 0
        if listed is not None and own >= MAIN_RATIO * len(words):
            return False
        found = count_function_words(words)
        if any(n >= 2 and n > own and n >= OTHER_RATIO * len(words) for lang, n in found.items() if lang != code):
            return True
        if code != "en":
            return True
        # English is the common case and its documents have many paragraphs poor in function
        # words (lists of options, credits): ask for a sign of another language first.
        return accented_share(head) >= ACCENTED_SHARE
