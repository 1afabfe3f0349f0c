"""Vale occurrence rules: a word-run token (`\\b(\\w+)\\b`) is counted without the regex
in ASCII text, and only the blocks that can hold a sentence over `max` are split into
sentences; both give what the token's matches, sentence by sentence, give."""
from __future__ import annotations

import random

import pytest

from doclint.api import document_from_text
from doclint.vale.checks.occurrence import Occurrence, _word_runs_token, word_runs
from doclint.vale.view import View

WORD_TOKENS = [r"\b(\w+)\b", r"\w+", r"\b\w+\b", r"(\w+)", r"[\w]+", r"(\b\w+\b)", r"\w++", r"\b\b(\w+)"]
# Tokens that look alike but match differently somewhere: never taken for word runs.
OTHER_TOKENS = [r"\w+?", r"\w*", r"\B\w+", r"\w+\B", r"\w{2,}", r"[\w-]+", r"\w+'?", r"(?i:\w+)",
                r"\b(\w)\w*\b", r"\w+(?=\s)", r"[A-Za-z0-9_]+", r"\d+", r"\b(\w+)\b\.", r"(?:\w+|\.)"]
ASCII = "abcXYZ019_ \t\n.,;:'\"-()[]*`!?/\\#@\x00\x1c\x7f"


def _random_ascii(rng: random.Random) -> str:
    return "".join(rng.choice(ASCII) for _ in range(rng.randint(0, 40)))


def _token(token: str, ignore_case: bool = False):
    return Occurrence("House.Long", {"extends": "occurrence", "message": "Long.", "scope": "sentence", "max": 3,
                                     "token": token, "ignorecase": ignore_case}, "Long.yml", []).pattern


def test_word_runs_counts_the_matches_of_every_word_run_token():
    rng = random.Random(3)
    crafted = ["", "a", " a", "a ", "don't", "e.g.", "snake_case and CamelCase", "v1.2.3", "__", "-_-", "a\x1cb"]
    texts = crafted + [_random_ascii(rng) for _ in range(3000)]
    for token in WORD_TOKENS:
        for ignore_case in (False, True):
            pattern = _token(token, ignore_case)
            assert _word_runs_token(pattern), token
            for text in texts:
                assert word_runs(text) == len(pattern.findall(text)), (token, text)


def test_tokens_that_match_otherwise_are_not_word_runs():
    rng = random.Random(4)
    texts = [_random_ascii(rng) for _ in range(3000)]
    for token in OTHER_TOKENS:
        assert not _word_runs_token(_token(token)), token
    # Each of these counts differently from word_runs on some text: the recogniser is
    # what keeps them on the regex.
    for token in (r"\w+?", r"\w{2,}", r"[\w-]+", r"\b(\w)\w*\b\.", r"\B\w+"):
        pattern = _token(token)
        assert any(word_runs(t) != len([m for m in pattern.finditer(t) if m.end() > m.start()])
                   for t in texts), token


def test_word_runs_needs_ascii():
    with pytest.raises(UnicodeEncodeError):
        word_runs("café")


PIECES = [
    "The service restarts.", "Dr. Lee signed it.", "It ships to the U.S. Army base today.",
    "Use a flag, e.g. the verbose one, when the build fails on the second run.", "Run `make` first.",
    "See **Settings** and the other pages of the guide.", "Open [the guide](https://example.com/guide).",
    "Is it safe?", "Yes!", "The café serves naïve coffee to every één visitor.", "It works\u2026",
    "He said \u201cstop.\u201d Then left.", "Version 2.4 is out.", "snake_case names_are one_word each.",
    "Click *Save*. The form closes.", "Это тест на русском языке, очень длинный и долгий.", "A <br> B.", "(See above.)", "Ünïcödé wörds cöunt tóo, dón't they?",
]


def _document(rng: random.Random) -> str:
    paragraphs = []
    for _ in range(rng.randint(1, 7)):
        words = [rng.choice(PIECES) for _ in range(rng.randint(1, 7))]
        lead = rng.choice(["", "", "- ", "# ", "> ", "**Note:** ", "| a | "])
        paragraphs.append(lead + " ".join(words))
    return "\n\n".join(paragraphs) + "\n"


def _rule(token: str, high: int, low: int, scope, ignore_case: bool) -> Occurrence:
    return Occurrence("House.Long", {"extends": "occurrence", "message": "Long.", "scope": scope, "max": high,
                                     "min": low, "token": token, "ignorecase": ignore_case}, "Long.yml", [])


def test_the_shortcuts_find_what_counting_every_sentence_with_the_regex_finds():
    rng = random.Random(21)
    scopes = ["sentence", ["sentence", "~heading"], ["sentence", "~list"], "paragraph", "text"]
    for n in range(500):
        text = _document(rng)
        rule = _rule(rng.choice(WORD_TOKENS), rng.choice([1, 2, 3, 5, 8, 13, 30]), rng.choice([0, 0, 0, 4]),
                     rng.choice(scopes), rng.random() < 0.3)
        assert rule.words
        slow = _rule(rule.data["token"], rule.max, rule.min, rule.data["scope"], rule.data["ignorecase"])
        slow.words = False  # the regex on every segment of the scope, as before the shortcuts
        for engine_split in (False, True):
            doc = document_from_text("doc.md", text)
            if engine_split:
                assert doc.sentences
            fast = list(rule.run(View(doc, [], []), {}))
            want = list(slow.run(View(doc, [], []), {}))
            assert fast == want, text
            # With the sentences made already (another rule asked first), the same.
            view = View(doc, [], [])
            view.segments(rule.scope)
            assert list(rule.run(view, {})) == want, text
    assert want  # the documents do have long sentences


def test_a_long_sentence_in_a_short_documents_block_is_still_found():
    rule = _rule(r"\b(\w+)\b", 5, 0, "sentence", False)
    doc = document_from_text("doc.md", "Short one. Then a sentence of seven words in it.\n\nOne two.\n")
    alerts = list(rule.run(View(doc, [], []), {}))
    assert [doc.text[a.start:a.end] for a in alerts] == ["Then"]
