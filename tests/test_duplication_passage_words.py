"""The words DL204 reads: cut from the whole document at once, they must be the tokens
DL201's per-sentence tokeniser finds, inline code and typographic marks included."""
from __future__ import annotations

from doclint.api import document_from_text
from doclint.families.duplication import fingerprint as fp
from doclint.families.duplication.passage_words import PROSE_KINDS, words_of

NOTES = """# Upgrade notes

The installer keeps your settings when it upgrades an older version.
Run `make install` after you pull \u2018release-2.4\u2019 \u2014 and not before.

- Each entry lists the command, e.g. `doclint check`, and its exit code.
- Copy the \u201cservice.yaml\u201d file to /etc/service before the first start.

> Note: the daemon reads `~/.config/app.toml` once. Restart it after an edit.

| Option | Meaning |
| --- | --- |
| `--fast` | Skips the slow checks. |
"""


def per_sentence(doc) -> tuple[list[str], list[int], list[int]]:
    """What words_of() reads, found one sentence at a time as DL201 finds them."""
    low = fp.fold(doc.masked)
    words, starts, ends = [], [], []
    for sentence in doc.sentences:
        if sentence.block.kind not in PROSE_KINDS:
            continue
        found, spans = fp.token_offsets(low, doc.text, sentence.start, sentence.end)
        words += found
        starts += [s for s, _ in spans]
        ends += [e for _, e in spans]
    return words, starts, ends


def test_document_words_are_the_sentence_tokens_with_code_and_offsets():
    doc = document_from_text("notes.md", NOTES)
    words, starts, ends = per_sentence(doc)
    found = words_of(doc)
    assert list(found.codes) == list(fp.hashes(words))
    assert list(found.starts) == starts and list(found.ends) == ends
    # Inline code is one token holding the code; typographic quotes and dashes fold.
    # (the mask covers the backticks too).
    assert "``makeinstall`" in words and "release-2.4" in words and "service.yaml" in words
    assert doc.text[starts[words.index("``makeinstall`")]:ends[words.index("``makeinstall`")]] == "`make install`"
    # Headings and table cells are no passage text.
    assert "upgrade" not in words and "skips" not in words


def test_fold_lowers_and_folds_typographic_marks_as_one_table_would():
    text = "Don\u2019t \u201cQuote\u201d \u2013 It\u2019s A\u2014B \ue000 \u00abx\u00bb"
    assert fp.fold(text) == text.lower().translate(fp._FOLD) == "don't \"quote\" - it's a-b \ue000 \"x\""
    assert fp.fold("Plain ASCII Text") == "plain ascii text"
    assert fp.fold("\u0130stanbul") is None  # lower() lengthens the dotted capital I
