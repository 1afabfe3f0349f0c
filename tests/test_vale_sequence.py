"""Vale `sequence` rules without part-of-speech tags: a run of words, each matching
its token's pattern, in one sentence (Vale's anchor, `skip` and `negate` semantics)."""
from __future__ import annotations

import textwrap

from doclint.api import lint_paths
from doclint.engine.config import Config, LoadedConfig

RULES = {
    "ClickOn.yml": """
        extends: sequence
        message: "Write 'click', not '%s %s'."
        level: warning
        ignorecase: true
        tokens:
          - pattern: click
          - pattern: 'on'
    """,
    "PleaseClick.yml": """
        extends: sequence
        message: "Leave out '%s' in an instruction."
        level: suggestion
        ignorecase: true
        tokens:
          - pattern: please
          - pattern: click|select|enter
            skip: 2
    """,
    "AnArticle.yml": """
        extends: sequence
        message: "Use 'a' before '%[2]s'."
        level: error
        tokens:
          - pattern: an
          - pattern: '[aeiouAEIOU]\\w*'
            negate: true
    """,
    "Tagged.yml": """
        extends: sequence
        message: "Avoid '%s' with a modal."
        tokens:
          - tag: MD
          - pattern: be
    """,
}


def lint(tmp_path, text: str):
    style = tmp_path / "styles" / "House"
    style.mkdir(parents=True)
    for name, body in RULES.items():
        (style / name).write_text(textwrap.dedent(body), encoding="utf-8")
    ini = tmp_path / ".vale.ini"
    ini.write_text("StylesPath = styles\nMinAlertLevel = suggestion\n[*.md]\nBasedOnStyles = House\n",
                   encoding="utf-8")
    doc = tmp_path / "guide.md"
    doc.write_text(textwrap.dedent(text), encoding="utf-8")
    return lint_paths([str(doc)], LoadedConfig(Config(vale=str(ini)), None, str(tmp_path)))


def found(result, rule):
    return [(f.line, f.column, f.message) for f in result.findings if f.rule_id == rule]


def test_two_word_sequence_reports_its_words_and_place(tmp_path):
    result = lint(tmp_path, """\
        # Save a dashboard

        Open the menu and click on **Save**. Then click the link on the left.
        """)
    assert found(result, "House.ClickOn") == [(3, 19, "Write 'click', not 'click on'.")]


def test_skip_allows_up_to_that_many_words_between(tmp_path):
    result = lint(tmp_path, """\
        Please now click Save to keep the panel.

        Please read the release notes and then click Save.
        """)
    # "now" is one skipped word; in the second sentence "click" is six words away.
    assert found(result, "House.PleaseClick") == [(1, 1, "Leave out 'Please' in an instruction.")]
    # The finding covers the words of the sequence.
    assert [(f.line, f.end_column) for f in result.findings if f.rule_id == "House.PleaseClick"] == [(1, 17)]


def test_negated_token_matches_a_word_its_pattern_does_not(tmp_path):
    result = lint(tmp_path, "Create an dashboard first, then an alert rule.\n")
    # `%[2]s` is Go's indexed verb: the second word of the sequence.
    assert found(result, "House.AnArticle") == [(1, 8, "Use 'a' before 'dashboard'.")]


def test_a_sequence_never_spans_two_sentences(tmp_path):
    result = lint(tmp_path, "Find the button and click. On the next page, choose a name.\n")
    assert found(result, "House.ClickOn") == []


def test_tagged_rule_gets_one_note_and_does_not_run(tmp_path):
    result = lint(tmp_path, "It will be ready.\n")
    notes = [p for p in result.problems if "House.Tagged" in p.message]
    assert len(notes) == 1 and notes[0].level == "note" and "tag" in notes[0].message
    assert found(result, "House.Tagged") == []


def test_an_anchor_is_found_in_any_case_the_regex_takes(tmp_path):
    # A plain-word anchor is looked for as a word in lowered ASCII text first; text
    # with other letters goes to the regex, whose ignorecase also takes a dotless ı.
    result = lint(tmp_path, "First CLICK ON Save.\n\nThen clıck on Close in the café.\n\nNo clicks on it.\n")
    assert found(result, "House.ClickOn") == [
        (1, 7, "Write 'click', not 'CLICK ON'."), (3, 6, "Write 'click', not 'clıck on'.")]


def test_each_match_of_the_anchor_takes_the_next_word_it_matches(tmp_path):
    result = lint(tmp_path, "Click the tab, click on Save, then click on Close.\n")
    assert found(result, "House.ClickOn") == [
        (1, 16, "Write 'click', not 'click on'."), (1, 36, "Write 'click', not 'click on'.")]


def test_blocks_without_the_anchor_word_are_passed_over_without_losing_a_match(tmp_path):
    # Blocks are skipped when their text lacks the anchor's word; a sentence that
    # starts or ends with it, a block in another script (case folded by the regex, not
    # by str.lower) and text where the word only stands inside others must come out as
    # a sentence-by-sentence reading gives them.
    from doclint.api import document_from_text
    from doclint.vale.setup import load_setup

    result = lint(tmp_path, """\
        Click on Save. Then click
        on Close.

        Δείτε το menu. CLICK ON it, then clicking one item.

        # Click on the heading

        The clickon word is one word. Please click on it.
        """)
    assert found(result, "House.ClickOn") == [
        (1, 1, "Write 'click', not 'Click on'."), (1, 21, "Write 'click', not 'click on'."),
        (4, 16, "Write 'click', not 'CLICK ON'."), (6, 3, "Write 'click', not 'Click on'."),
        (8, 38, "Write 'click', not 'click on'.")]
    setup = load_setup(str(tmp_path / ".vale.ini"))
    check = setup.loaded["House.ClickOn"].check
    doc = document_from_text("guide.md", (tmp_path / "guide.md").read_text(encoding="utf-8"))
    view = setup.view(doc)
    by_blocks = list(check.run(view, {}))
    assert not view.has_segments(check.scope)  # the blocks were filtered, not all split
    everywhere = [alert for seg in view.segments(check.scope) for alert in check._sentence(seg)]
    assert by_blocks == everywhere
    assert list(check.run(view, {})) == everywhere  # every sentence made: read as it is


def test_ascii_text_is_cut_into_the_same_words_by_the_stdlib_twin():
    # Sentences of ASCII text are cut by the stdlib `re` twin of the word pattern; on
    # any ASCII text it must find the words `regex` finds, and the separators
    # \x1c-\x1f (whitespace to `re` alone) keep a text with the `regex` pattern.
    import random

    from doclint.vale.checks.sequence import _WORD, _words_of

    rng = random.Random(5)
    alphabet = [chr(c) for c in range(128)] + ["in", "order", "e-mail", "v1.2", "don't"] * 20
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert _words_of(text).findall(text) == _WORD.findall(text), repr(text)
        assert [m.span() for m in _words_of(text).finditer(text)] == [m.span() for m in _WORD.finditer(text)]
    assert _words_of("a\x1fb") is _WORD
    assert _words_of("caf\u00e9 in order") is _WORD
    assert _words_of("in order to") is not _WORD


def _sequence(tokens, ignore_case):
    from doclint.vale.checks.sequence import Sequence

    return Sequence("House.Seq", {"extends": "sequence", "message": "Seen '%s'.", "ignorecase": ignore_case,
                                  "tokens": tokens}, "Seq.yml", [])


def test_the_words_a_match_needs_follow_the_walk_from_the_anchor():
    # All tokens required: every plain word is needed; a negated token or a pattern
    # that is not a plain word adds none; past an optional token (skip) nothing is.
    assert _sequence([{"pattern": "in"}, {"pattern": "order"}, {"pattern": "to"}], True).needed == (
        "in", "order", "to")
    assert _sequence([{"pattern": "In"}, {"pattern": "order"}], False).needed == ("In", "order")
    assert _sequence([{"pattern": "an"}, {"pattern": "apple", "negate": True}], False).needed == ("an",)
    assert _sequence([{"pattern": "click|select"}, {"pattern": "on"}], True).needed == ("on",)
    assert _sequence([{"pattern": "please"}, {"pattern": "click", "skip": 2}, {"pattern": "now"}],
                     True).needed == ("please",)
    assert _sequence([{"pattern": "the"}, {"pattern": "very"}, {"pattern": "[a-z]+", "skip": 1},
                      {"pattern": "end"}], True).needed == ("the", "very")


WORDS = ["in", "In", "IN", "order", "Order", "ORDER", "to", "To", "click", "Click", "on", "ON", "please",
         "the", "a", "an", "apple", "now", "so", "clıck", "ſo", "in-order", "order's", "café", "\u212aelvin",
         "inorder", "ordering", "Dr.", "e.g.", "`code`", "**bold**", "toon"]
# Anchors that match at a sentence's start (`^`) or after its first word may match in a
# sentence and nowhere in its block: only a plain-word anchor is looked for in blocks.
PATTERNS = ["in", "order", "to", "click", "on", "please", "so", "now", "In", "click|select", "[aeiou]\\w*",
            "kelvin", "o\\w+", "^[A-Z]\\w*", "^(?:to|on|in)", "(?<![a-z] )[a-z]+"]


def _text(rng) -> str:
    paragraphs = []
    for _ in range(rng.randint(1, 5)):
        words = []
        for _ in range(rng.randint(1, 14)):
            words.append(rng.choice(WORDS) + rng.choice(["", "", "", ".", ",", "!"]))
        paragraphs.append(rng.choice(["", "- ", "# "]) + " ".join(words))
    return "\n\n".join(paragraphs) + "\n"


def test_skipping_by_needed_words_finds_what_reading_every_sentence_finds():
    import random

    from doclint.api import document_from_text
    from doclint.vale.view import View

    rng = random.Random(11)
    checked = skipped = 0
    for _ in range(1500):
        tokens = []
        for _ in range(rng.randint(1, 4)):
            token = {"pattern": rng.choice(PATTERNS)}
            if rng.random() < 0.2:
                token["negate"] = True
            if rng.random() < 0.2:
                token["skip"] = rng.randint(1, 2)
            tokens.append(token)
        try:
            rule = _sequence(tokens, rng.random() < 0.6)
        except ValueError:  # no token that is not negated
            continue
        text = _text(rng)
        doc = document_from_text("guide.md", text)
        view = View(doc, [], [])
        fast = list(rule.run(view, {}))
        skipped += not view.has_segments(rule.scope)
        # The slow path: every sentence, each read by the regexes alone.
        rule.needed = ()
        want = [alert for seg in View(doc, [], []).segments(rule.scope) for alert in rule._sentence(seg)]
        assert fast == want, (tokens, text)
        checked += bool(want)
    assert checked > 100 and skipped > 100


def test_an_anchor_that_matches_only_at_a_sentences_start_keeps_its_block():
    # `^` matches where a sentence starts, which in its block is no line's start: the
    # block is kept for the needed word `on`, not dropped because the anchor does not
    # match in the block's text.
    from doclint.api import document_from_text
    from doclint.vale.view import View

    rule = _sequence([{"pattern": "^[A-Z]\\w*"}, {"pattern": "on"}], False)
    assert rule.literal is None and rule.needed == ("on",)
    doc = document_from_text("guide.md", "open the menu. Click on Save.\n")
    alerts = list(rule.run(View(doc, [], []), {}))
    assert [doc.text[a.start:a.end] for a in alerts] == ["Click on"]
