"""A Vale view's sentences: reused from the engine's split of the document where that
is exact, split afresh elsewhere, and the same either way."""
from __future__ import annotations

import random
import textwrap

from doclint.api import document_from_text, lint_paths
from doclint.engine.config import Config, LoadedConfig
from doclint.vale.sentences import block_sentences
from doclint.vale.view import View

PIECES = [
    "The service restarts.", "Dr. Lee signed it.", "It ships to the U.S. Army base.",
    "Use a flag, e.g. the verbose one.", "Run `make` first.", "`make` builds it.",
    "See **Settings**.", "Open [the guide](https://example.com/guide).", "Is it safe?",
    "Yes!", "It works\u2026", "He said \u201cstop.\u201d Then left.", "Version 2.4 is out.",
    "Call `api.get()`. It returns a list.", "Click *Save*. The form closes.",
    "The end.**Next** part.", "Read J. R. R. Tolkien.", "A <br> B.", "(See above.)",
]


def _document(rng: random.Random) -> str:
    paragraphs = []
    for _ in range(rng.randint(1, 6)):
        words = [rng.choice(PIECES) for _ in range(rng.randint(1, 6))]
        lead = rng.choice(["", "", "- ", "# ", "> ", "**Note:** "])
        paragraphs.append(lead + " ".join(words))
    return "\n\n".join(paragraphs) + "\n"


def _random_views(rng: random.Random):
    """(text, document, view) of 300 random documents, each read with and without the
    engine's sentence split made first, and every other one with an ignore pattern."""
    import re

    ignores = [[], [re.compile(r"\*\*[^\n]+?\*\*")]]
    for n in range(300):
        text = _document(rng)
        for engine_split in (False, True):
            doc = document_from_text("doc.md", text)
            if engine_split:
                assert doc.sentences
            yield text, doc, View(doc, ignores[n % 2], [])


def _fresh(view: View) -> tuple:
    from doclint.core.segment import split_sentences

    return tuple(split_sentences(b.segment.text) for b in view.blocks)


def test_reused_sentences_are_the_ones_a_fresh_split_of_the_view_finds():
    import re

    rng = random.Random(21)
    ignores = [[], [re.compile(r"\*\*[^\n]+?\*\*")]]
    for n in range(400):
        doc = document_from_text("doc.md", _document(rng))
        view = View(doc, ignores[n % 2], [])
        assert doc.sentences_if_split() is None
        alone = block_sentences(doc, view.blocks)  # nothing split the document yet
        assert doc.sentences  # split, as doclint's own rules do
        assert block_sentences(doc, view.blocks) == alone == _fresh(view), doc.text


def test_a_sentence_that_starts_with_inline_code_joins_the_one_before(monkeypatch):
    # The engine's split takes inline code for a sentence start; the view reads it as
    # `*`, which is not one, so the two engine sentences are one in the view.
    doc = document_from_text("doc.md", "Build the site first. `make` writes it to public.\n")
    assert len(doc.sentences) == 2
    view = View(doc, [], [])
    calls = []
    from doclint.vale import sentences

    monkeypatch.setattr(sentences, "split_sentences", lambda *a: calls.append(a) or [])
    spans = block_sentences(doc, view.blocks)
    assert calls == []  # reused, not split again
    assert spans == ([(0, len(view.blocks[0].segment.text))],)


def test_a_block_that_opens_with_an_ignored_token_is_split_afresh():
    import re

    # TokenIgnores blank `**Note:**` in the view only: the engine's first sentence
    # starts at "Note:", the view's at "Restart".
    doc = document_from_text("doc.md", "**Note:** Restart it. Then check the logs.\n")
    assert doc.sentences
    view = View(doc, [re.compile(r"\*\*[^\n]+?\*\*")], [])
    assert view.blocks[0].segment.text == "Restart it. Then check the logs."
    assert block_sentences(doc, view.blocks) == ([(0, 11), (12, 32)],)


def test_a_block_with_markup_dropped_is_split_afresh(monkeypatch):
    doc = document_from_text("doc.md", "Click **Save** now. The form closes.\n\nIt restarts. Then it stops.\n")
    assert doc.sentences
    view = View(doc, [], [])
    calls = []
    from doclint.vale import sentences

    real = sentences.split_sentences
    monkeypatch.setattr(sentences, "split_sentences", lambda text: calls.append(text) or real(text))
    spans = block_sentences(doc, view.blocks)
    assert calls == ["Click Save now. The form closes."]
    assert spans == ([(0, 15), (16, 32)], [(0, 12), (13, 27)])


def test_a_sentence_rule_finds_the_same_with_or_without_doclints_own_rules(tmp_path):
    style = tmp_path / "styles" / "House"
    style.mkdir(parents=True)
    (style / "Long.yml").write_text(textwrap.dedent("""\
        extends: occurrence
        message: "Keep sentences under six words."
        scope: sentence
        level: suggestion
        max: 5
        token: '\\b(\\w+)\\b'
    """), encoding="utf-8")
    ini = tmp_path / ".vale.ini"
    ini.write_text("StylesPath = styles\nMinAlertLevel = suggestion\n[*.md]\nBasedOnStyles = House\n",
                   encoding="utf-8")
    doc = tmp_path / "guide.md"
    doc.write_text("Run the build. `make` then writes every page to the public folder. "
                   "Dr. Lee reviews each page before it ships.\n", encoding="utf-8")
    loaded = LoadedConfig(Config(vale=str(ini)), None, str(tmp_path))
    both = lint_paths([str(doc)], loaded)
    alone = lint_paths([str(doc)], loaded, ("House",))
    want = [(1, 1, "Keep sentences under six words."), (1, 68, "Keep sentences under six words.")]
    for result in (both, alone):
        assert [(f.line, f.column, f.message) for f in result.findings if f.rule_id == "House.Long"] == want


def test_one_blocks_sentences_are_the_ones_the_whole_split_gives_it():
    # A rule that splits only the blocks it keeps (sequence rules with a plain-word
    # anchor) must read the same sentences as one that takes the whole split: whether
    # the engine split the document or not, and whether the whole split was made first.
    from doclint.vale.view import Scope

    sentence = Scope.parse("sentence")
    for text, _, view in _random_views(random.Random(7)):
        lazily = [seg for k in range(len(view.blocks)) for seg in view.sentences_of(k)]
        whole = list(view.segments(sentence))
        assert lazily == whole, text
        assert [seg for k in range(len(view.blocks)) for seg in view.sentences_of(k)] == whole


def test_sentence_counts_are_the_lengths_of_the_spans():
    # The metric counts take how many sentences the prose blocks have without making
    # spans: the same number as block_sentences gives, whether the engine split the
    # document or not, for every block or only some of them.
    from doclint.vale.sentences import sentence_count

    rng = random.Random(5)
    for text, doc, view in _random_views(rng):
        want = [len(spans) for spans in block_sentences(doc, view.blocks)]
        assert sentence_count(doc, view.blocks) == sum(want), text
        some = [k for k in range(len(view.blocks)) if rng.random() < 0.5]
        assert sentence_count(doc, [view.blocks[k] for k in some]) == sum(want[k] for k in some), text


def test_metric_counts_are_the_same_whether_the_spans_were_made_first():
    from doclint.vale.checks.syllables import document_counts

    rng = random.Random(6)
    for _ in range(100):
        text = _document(rng) + "\n| a | b |\n|---|---|\n| One. Two. | x |\n"
        counted = document_counts(View(document_from_text("doc.md", text), [], []))
        view = View(document_from_text("doc.md", text), [], [])
        spans = view.sentence_spans()
        assert document_counts(view) == counted, text
        prose = [s for b, s in zip(view.blocks, spans) if not b.scopes & {"heading", "table"}]
        assert counted["sentences"] == sum(map(len, prose))
