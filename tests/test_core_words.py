"""The one cut of a document's folded words that the duplicate and passage rules share."""
from __future__ import annotations

from doclint.api import document_from_text
from doclint.core.words import TOKEN, folded_words

RELEASE = """# Release 2.4

The installer keeps your settings when it upgrades v2.3.1 \u2014 see \u201cnotes.txt\u201d.
Don\u2019t run `make install` twice; the second run rebuilds the cache.

- Each entry lists the command, e.g. `doclint check`, and its exit code.
"""


def test_a_cut_of_the_whole_text_gives_each_span_the_tokens_of_its_own_search():
    words = folded_words("Alpha beta.gamma Delta")
    assert words.tokens == ["alpha", "beta.gamma", "delta"]
    assert words.within(0, 10) is None        # ends inside "beta.gamma"
    assert words.within(8, 22) is None        # begins inside it
    assert words.within(0, 5) == (["alpha"], [0], [5])
    assert words.within(5, 22) == (["beta.gamma", "delta"], [6, 17], [16, 22])
    # Over an edge the span is searched on its own, as a sentence would be.
    assert words.tokens_within(0, 10) == ["alpha", "beta"]
    assert words.tokens_within(8, 22) == ["ta.gamma", "delta"]
    assert words.tokens_within(5, 22) == ["beta.gamma", "delta"]


def test_every_sentence_of_a_document_reads_the_tokens_a_sentence_search_finds():
    doc = document_from_text("release.md", RELEASE)
    words = doc.folded_words
    assert words is doc.folded_words  # cut once, then kept with the document
    assert words.has_code
    for sentence in doc.sentences:
        assert words.tokens_within(sentence.start, sentence.end) == \
            TOKEN.findall(words.low, sentence.start, sentence.end)
    # Typographic quotes and dashes fold, versions and file names stay one token.
    assert {"don't", "v2.3.1", "notes.txt"} <= set(words.tokens)
    assert "\u2014" not in words.low and "\u201c" not in words.low


def test_text_that_lower_casing_lengthens_has_no_shared_cut():
    doc = document_from_text("city.md", "\u0130stanbul is large. It is old.\n")
    assert doc.folded_words is None


def test_each_kind_of_text_is_cut_into_the_tokens_of_the_full_pattern():
    pages = [
        "Plain ASCII text, v1.2 and e-mail.",                          # ASCII
        "Run \ue000\ue000\ue000 then restart_it: done/undone.",        # ASCII but for code
        "Caf\u00e9 na\u00efve \u00bd \u00b2 stra\u00dfe \ue000\ue000 \u4e2d\u6587.",  # other scripts
        "C++, C# and F# code; issue#12 and i++.",                      # names ending in ++ or #
        "C++ \u00e0 la carte, C# na\u00efve.",
        'Edit ".vimrc", _vimrc or (.gitignore); __init__ and restart_it.',  # names opened by . or _
        "Caf\u00e9 \".vim\u00efrc\" _na\u00efve.",
    ]
    for page in pages:
        words = folded_words(page)
        assert words.tokens == TOKEN.findall(words.low)
        assert [words.low[s:e] for s, e in zip(words.starts, words.ends)] == words.tokens


def test_a_language_named_with_plus_signs_or_a_sharp_is_not_its_letter():
    assert folded_words("C++, alternate operator spellings; C# and C too.").tokens == \
        ["c++", "alternate", "operator", "spellings", "c#", "and", "c", "too"]
    # A number sign before more of a word is a separator, as before.
    assert folded_words("See issue#12.").tokens == ["see", "issue", "12"]


def test_a_quoted_run_of_symbols_is_a_word():
    assert folded_words("""Use "|" to split, and '"' or "\\|" to quote.""").tokens == \
        ["use", '"|"', "to", "split", "and", "'\"'", "or", '"\\|"', "to", "quote"]
    # Quoted words stay words, and an apostrophe is no quote.
    assert folded_words("The users' \"cache\" isn't 'shared'.").tokens == ["the", "users", "cache", "isn't", "shared"]


def test_a_short_quoted_string_that_holds_a_symbol_is_a_word():
    assert folded_words('Use "i(" and "i)" for "ib"; "a-b" and "-" too.').tokens == \
        ["use", '"i("', "and", '"i)"', "for", "ib", "a-b", "and", '"-"', "too"]


def test_a_dot_or_underscore_that_opens_a_name_belongs_to_it():
    # ".vimrc" and "_vimrc" are two files, and neither is "vimrc".
    assert folded_words('The file ".vimrc" (for Unix), "_vimrc" (for Win32) and vimrc.').tokens == \
        ["the", "file", ".vimrc", "for", "unix", "_vimrc", "for", "win32", "and", "vimrc"]
    # Inside a word or after it they stay separators: a sentence's full stop, a
    # name's underscores, an ellipsis.
    assert folded_words("Run it.Then restart_it ... and stop.").tokens == \
        ["run", "it.then", "restart", "it", "and", "stop"]
