"""Vale styles run as doclint rules: each check type on a small house style, the
configuration (sections, levels, ignores, vocabularies), comments and selection."""
from __future__ import annotations

import textwrap

import pytest

from doclint.api import lint_paths
from doclint.core.problems import ConfigError
from doclint.engine.config import Config, LoadedConfig

RULES = {
    "Avoid.yml": """
        extends: existence
        message: "Don't use '%s'."
        level: error
        ignorecase: true
        tokens:
          - simply
          - just
        exceptions:
          - just in time
    """,
    "Terms.yml": """
        extends: substitution
        message: "Use '%s' instead of '%s'."
        level: warning
        ignorecase: false
        action:
          name: replace
        swap:
          e-mail: email
          "(?:login|log-in) to": log in to
          dropdown: drop-down|list
    """,
    "Headings.yml": """
        extends: capitalization
        message: "Use sentence case for '%s'."
        level: warning
        scope: heading
        match: $sentence
        exceptions:
          - Acme Cloud
    """,
    "Repeated.yml": """
        extends: repetition
        message: "'%s' is repeated."
        level: error
        alpha: true
        tokens:
          - '[^\\s]+'
    """,
    "Defined.yml": """
        extends: conditional
        message: "Define '%s' before using it."
        level: suggestion
        first: '\\b([A-Z]{3,5})\\b'
        second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'
        exceptions:
          - HTML
    """,
    "Commas.yml": """
        extends: occurrence
        message: "Too many commas."
        level: suggestion
        scope: sentence
        max: 2
        token: ','
    """,
    "Spelling.yml": """
        extends: consistency
        message: "Inconsistent spelling of '%s'."
        level: warning
        either:
          colour: color
    """,
    "Shout.yml": """
        extends: existence
        message: "No shouting in headings."
        scope: ~heading
        nonword: true
        raw:
          - '!{2,}'
    """,
    "Scripted.yml": """
        extends: script
        message: "Something scripted."
        script: scripts/x.tengo
    """,
}


def write_style(root, ini_extra: str = "", rules: dict | None = None, section: str = "[*.md]\nBasedOnStyles = House\n"):
    style = root / "styles" / "House"
    style.mkdir(parents=True)
    for name, body in (rules or RULES).items():
        (style / name).write_text(textwrap.dedent(body), encoding="utf-8")
    ini = root / ".vale.ini"
    ini.write_text(f"StylesPath = styles\nMinAlertLevel = suggestion\n{ini_extra}\n{section}", encoding="utf-8")
    return ini


def run(tmp_path, text: str, name: str = "doc.md", select=(), ignore=(), **ini):
    ini_path = write_style(tmp_path, **ini)
    doc = tmp_path / name
    doc.write_text(textwrap.dedent(text), encoding="utf-8")
    loaded = LoadedConfig(Config(vale=str(ini_path)), None, str(tmp_path))
    return lint_paths([str(doc)], loaded, select, ignore)


def found(result, rule):
    return [(f.line, f.column, f.message) for f in result.findings if f.rule_id == rule]


def test_existence_reports_each_token_with_its_position_and_skips_exceptions(tmp_path):
    result = run(tmp_path, """\
        # Guide

        Simply run the tool. It is just in time for the release, and just works.
        """)
    assert found(result, "House.Avoid") == [(3, 1, "Don't use 'Simply'."), (3, 62, "Don't use 'just'.")]


def test_substitution_message_quotes_choices_and_offers_a_fix(tmp_path):
    result = run(tmp_path, """\
        Send an e-mail before you login to the site.

        Pick a value from the dropdown.
        """)
    assert found(result, "House.Terms") == [
        (1, 9, "Use 'email' instead of 'e-mail'."),
        (1, 27, "Use 'log in to' instead of 'login to'."),
        (3, 23, "Use 'drop-down' or 'list' instead of 'dropdown'."),
    ]
    fixes = [f.fix for f in result.findings if f.rule_id == "House.Terms"]
    assert fixes[0].edits[0].replacement == "email" and fixes[0].applicability.value == "unsafe"
    assert fixes[2] is None  # two choices: nothing to apply blindly


def test_capitalization_sentence_case_headings_with_a_multi_word_exception(tmp_path):
    result = run(tmp_path, """\
        # Install The Command Line Tool

        ## Acme Cloud setup for teams

        ## Set up the agent
        """)
    assert found(result, "House.Headings") == [(1, 3, "Use sentence case for 'Install The Command Line Tool'.")]


def test_repetition_within_a_sentence_but_not_across_two(tmp_path):
    result = run(tmp_path, "Open the the file. Save it. It works.\n")
    assert found(result, "House.Repeated") == [(1, 6, "'the' is repeated.")]


def test_conditional_needs_the_definition_first(tmp_path):
    result = run(tmp_path, """\
        The Domain Name System (DNS) resolves names. DNS caches answers.

        The TTL sets how long. HTML is fine.
        """)
    assert found(result, "House.Defined") == [(3, 5, "Define 'TTL' before using it.")]


def test_occurrence_counts_per_sentence(tmp_path):
    result = run(tmp_path, "Red, green, blue, and white are colours. One, two, three.\n")
    assert found(result, "House.Commas") == [(1, 4, "Too many commas.")]


def test_occurrence_counts_only_non_empty_matches_of_a_token_that_can_match_nothing(tmp_path):
    rules = {"Twice.yml": """
        extends: occurrence
        message: "Say 'free' twice."
        scope: sentence
        min: 2
        token: '(?:\\bfree\\b)?'
    """}
    result = run(tmp_path, "It is free. It is free and free.\n", rules=rules)
    # Only the first sentence has fewer than two; its first match is pointed at.
    assert found(result, "House.Twice") == [(1, 7, "Say 'free' twice.")]


def test_repetition_with_ignorecase_finds_a_repeat_in_another_case(tmp_path):
    rule = """
        extends: repetition
        message: "'%s' is repeated."
        alpha: true
        tokens:
          - '[^\\s]+'
    """
    text = "The the panel opens. It opens once.\n"
    assert found(run(tmp_path, text, rules={"Rep.yml": rule}), "House.Rep") == []
    other = tmp_path / "ignorecase"
    other.mkdir()
    result = run(other, text, rules={"Rep.yml": rule + "    ignorecase: true\n"})
    assert found(result, "House.Rep") == [(1, 1, "'the' is repeated.")]


def test_consistency_flags_the_second_spelling(tmp_path):
    result = run(tmp_path, "Pick a colour.\n\nThe color changes.\n")
    assert found(result, "House.Spelling") == [(3, 5, "Inconsistent spelling of 'color'.")]


def test_consistency_with_several_pairs_reports_each_pair_from_its_second_form_on(tmp_path):
    rules = {"Either.yml": """
        extends: consistency
        message: "Inconsistent spelling of '%s'."
        level: warning
        ignorecase: true
        either:
          colour: color
          centre: center
          grey: gray
    """}
    result = run(tmp_path, """\
        The Centre of the grey panel.

        Nothing to see in this block.

        The center moves; the colour stays.

        A color and another center, but only grey.
        """, rules=rules)
    # Each pair on its own: gray/grey never both appear; centre/center from block 3 on
    # (the last match of the pair in each block), colour/color from block 4.
    assert found(result, "House.Either") == [
        (5, 5, "Inconsistent spelling of 'center'."),
        (7, 3, "Inconsistent spelling of 'color'."),
        (7, 21, "Inconsistent spelling of 'center'."),
    ]


def test_negated_scope_leaves_headings_out(tmp_path):
    result = run(tmp_path, "# Welcome!!\n\nIt works!!\n")
    assert found(result, "House.Shout") == [(3, 9, "No shouting in headings.")]


def test_unsupported_rules_get_one_note_each(tmp_path):
    result = run(tmp_path, "Text.\n")
    notes = [str(p) for p in result.problems if "House.Scripted" in p.message]
    assert len(notes) == 1 and "note" in notes[0] and "Tengo" in notes[0]


def test_sections_apply_by_glob_and_rules_switch_off(tmp_path):
    text = "Simply send an e-mail.\n"
    result = run(tmp_path, text, name="doc.txt")  # only [*.md] is based on House
    assert [f for f in result.findings if f.rule_id.startswith("House.")] == []
    other = tmp_path / "other"
    other.mkdir()
    result = run(other, text, section="[*]\nBasedOnStyles = House\nHouse.Avoid = NO\n")
    assert found(result, "House.Avoid") == [] and found(result, "House.Terms")


def test_level_override_and_min_alert_level(tmp_path):
    result = run(tmp_path, "Simply use the TTL.\n", section="[*]\nBasedOnStyles = House\nHouse.Avoid = suggestion\n",
                 ini_extra="MinAlertLevel = warning")
    assert found(result, "House.Avoid") == []          # now a suggestion, under the minimum
    assert found(result, "House.Defined") == []        # a suggestion by its own level


def test_token_ignores_blank_matching_text(tmp_path):
    result = run(tmp_path, "Use **simply** here, or {{< just >}} there.\n",
                 section="[*]\nBasedOnStyles = House\nTokenIgnores = \\*\\*[^\\n]+\\*\\*, {{<[^\\n]+?>}}\n")
    assert found(result, "House.Avoid") == []


def test_vocabulary_accepts_and_rejects(tmp_path):
    vocab = tmp_path / "styles" / "config" / "vocabularies" / "Team"
    vocab.mkdir(parents=True)
    (vocab / "accept.txt").write_text("GitHub\nTTL\n", encoding="utf-8")
    (vocab / "reject.txt").write_text("whitelist\n", encoding="utf-8")
    result = run(tmp_path, "Push to Github. The TTL and the whitelist.\n", ini_extra="Vocab = Team")
    assert found(result, "Vale.Terms") == [(1, 9, "Use 'GitHub' instead of 'Github'.")]
    assert found(result, "Vale.Avoid") == [(1, 33, "Avoid using 'whitelist'.")]
    assert found(result, "House.Defined") == []  # accepted words are exceptions too


def test_vale_comments_switch_rules_off(tmp_path):
    result = run(tmp_path, """\
        Simply one.

        <!-- vale off -->

        Simply two.

        <!-- vale on -->

        <!-- vale House.Avoid = NO -->

        Simply three, and an e-mail.

        <!-- vale House.Avoid = YES -->

        Simply four.
        """)
    assert [line for line, _, _ in found(result, "House.Avoid")] == [1, 15]
    assert [line for line, _, _ in found(result, "House.Terms")] == [11]
    assert not [f for f in result.findings if f.category == "meta"]


def test_select_and_ignore_by_style_and_rule(tmp_path):
    text = "Simply send an e-mail.\n"
    result = run(tmp_path, text, select=["House"], ignore=["House.Terms"])
    assert {f.rule_id for f in result.findings} == {"House.Avoid"}


def test_doclint_directives_name_vale_rules(tmp_path):
    result = run(tmp_path, "Simply send an e-mail. <!-- doclint-disable-line House.Avoid -->\n", select=["House"])
    assert {f.rule_id for f in result.findings} == {"House.Terms"}


def test_bad_regex_is_an_error_naming_file_and_key_and_the_rest_runs(tmp_path):
    rules = {"Broken.yml": "extends: existence\nmessage: x\ntokens:\n  - '(unclosed'\n",
             "Avoid.yml": RULES["Avoid.yml"]}
    result = run(tmp_path, "Simply text.\n", rules=rules)
    errors = [str(p) for p in result.problems if p.level == "error"]
    assert len(errors) == 1 and "Broken.yml" in errors[0] and "'tokens'" in errors[0]
    assert found(result, "House.Avoid") == [(1, 1, "Don't use 'Simply'.")]


def test_missing_styles_path_is_a_clear_error(tmp_path):
    ini = tmp_path / ".vale.ini"
    ini.write_text("[*]\nBasedOnStyles = House\n", encoding="utf-8")
    (tmp_path / "d.md").write_text("x\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="StylesPath"):
        lint_paths([str(tmp_path / "d.md")], LoadedConfig(Config(vale=str(ini)), None, str(tmp_path)))


def test_metric_formula_with_condition(tmp_path):
    rules = {"Long.yml": """
        extends: metric
        message: "Average sentence length is %s words."
        formula: words / sentences
        condition: "> 8"
    """}
    long_text = "This sentence has far more than eight words in it, which is long.\n"
    result = run(tmp_path, long_text, rules=rules)
    assert found(result, "House.Long") == [(1, 1, "Average sentence length is 13.00 words.")]
    other = tmp_path / "short"
    other.mkdir()
    assert found(run(other, "Short one. Another short one.\n", rules=rules), "House.Long") == []


def test_metric_counts_of_a_word_seen_before_are_its_own_in_each_case(tmp_path):
    # Gunning fog's complex words leave out capitalised ones (proper nouns): the counts
    # a word's first sight leaves behind must not stand for another case of it.
    rules = {"Complex.yml": """
        extends: metric
        message: "%s complex, long or polysyllabic words."
        formula: complex_words * 100 + long_words * 10 + polysyllabic_words
        condition: "> -1"
    """}
    found_in = {}
    for name, text in (("upper", "Internationalization matters.\n"), ("lower", "internationalization matters.\n"),
                       ("again", "Internationalization matters.\n")):
        folder = tmp_path / name
        folder.mkdir()
        found_in[name] = found(run(folder, text, rules=rules), "House.Complex")
    assert found_in["upper"] == found_in["again"] == [(1, 1, "21.00 complex, long or polysyllabic words.")]
    assert found_in["lower"] == [(1, 1, "121.00 complex, long or polysyllabic words.")]


def test_metric_refuses_anything_but_arithmetic(tmp_path):
    rules = {"Bad.yml": 'extends: metric\nmessage: x\nformula: __import__("os").getcwd()\ncondition: "> 1"\n'}
    result = run(tmp_path, "Some words here.\n", rules=rules)
    assert any("House.Bad" in p.message and "unsupported expression" in p.message for p in result.problems)


def test_unknown_ignored_scopes_get_a_note(tmp_path):
    result = run(tmp_path, "Text.\n", ini_extra="IgnoredScopes = code, tt, strong")
    assert any("IgnoredScopes: strong" in p.message for p in result.problems)


VIEW_RULES = {
    "Phrase.yml": """
        extends: existence
        message: "Found '%s'."
        tokens: ['Save in Settings']
    """,
    "Repeated.yml": RULES["Repeated.yml"],
    "Headings.yml": RULES["Headings.yml"],
    "Spacing.yml": """
        extends: existence
        message: "'%s' should have one space."
        nonword: true
        tokens: ['[a-z][.?!] {2,}[A-Z]', '[a-z][.?!][A-Z]']
    """,
}


def test_rules_read_rendered_text_without_markup(tmp_path):
    result = run(tmp_path, "Click **Save** in [Settings](https://example.com/settings).\n", rules=VIEW_RULES)
    assert found(result, "House.Phrase") == [(1, 9, "Found 'Save in Settings'.")]
    assert result.findings[0].end_column == 28  # the match ends where "Settings" does


def test_block_html_tags_separate_blocks(tmp_path):
    text = "| Verb | Labels |\n| --- | --- |\n| Save | <ul><li>Save</li><li>Save and exit.</li></ul> Done. |\n"
    result = run(tmp_path, text, rules=VIEW_RULES)
    assert found(result, "House.Repeated") == []
    assert found(result, "House.Spacing") == []


def test_inline_code_reads_as_stars_in_headings(tmp_path):
    result = run(tmp_path, "## `type` values\n\n## The `size` Option Values\n", rules=VIEW_RULES)
    assert found(result, "House.Headings") == [(3, 4, "Use sentence case for 'The ****** Option Values'.")]


def test_a_case_insensitive_vocabulary_term_leaves_the_others_case_sensitive(tmp_path):
    vocab = tmp_path / "styles" / "config" / "vocabularies" / "Team"
    vocab.mkdir(parents=True)
    (vocab / "accept.txt").write_text("(?i)ttl\nDNS\n", encoding="utf-8")
    result = run(tmp_path, "The TTL and the DNS and the dns and the Ttl.\n", ini_extra="Vocab = Team",
                 rules={"Avoid.yml": "extends: existence\nmessage: \"'%s'\"\nignorecase: true\ntokens: [ttl, dns]\n"})
    assert [m for _, _, m in found(result, "House.Avoid")] == ["'dns'"]


def test_swap_replacement_uses_the_keys_group(tmp_path):
    rules = {"Dir.yml": """
        extends: substitution
        message: "Use '%s' instead of '%s'."
        swap:
          'within the (\\w+) directory': in the $1 directory
    """}
    result = run(tmp_path, "Save it within the config directory.\n", rules=rules)
    assert found(result, "House.Dir") == [
        (1, 9, "Use 'in the config directory' instead of 'within the config directory'.")]


def test_bad_consistency_pattern_is_an_error_naming_the_file(tmp_path):
    rules = {"Either.yml": "extends: consistency\nmessage: x\neither:\n  '(open': closed\n"}
    result = run(tmp_path, "Text.\n", rules=rules)
    assert any(p.level == "error" and "Either.yml" in str(p) for p in result.problems)


def test_vale_imports_core_and_markup_only_and_only_the_registry_imports_vale():
    from test_layout import graph

    edges = graph()
    outside = [f"{m} -> {t}" for m, ts in edges.items() if m.startswith("doclint.vale")
               for t in ts if not t.startswith(("doclint.core", "doclint.markup", "doclint.vale"))]
    into = [m for m, ts in edges.items() if not m.startswith("doclint.vale") and m != "doclint.registry"
            and any(t.startswith("doclint.vale") for t in ts)]
    assert outside == [] and into == []


def test_raw_only_existence_needs_no_word_boundary(tmp_path):
    rules = {"Bang.yml": "extends: existence\nmessage: \"No '%s'.\"\nraw:\n  - '!{2,}'\n"}
    result = run(tmp_path, "It works!!\n", rules=rules)
    assert found(result, "House.Bang") == [(1, 9, "No '!!'.")]


def test_a_scope_doclint_does_not_have_gets_a_note(tmp_path):
    rules = {"Alt.yml": "extends: existence\nmessage: x\nscope: alt\ntokens: [image]\n"}
    result = run(tmp_path, "An image here.\n", rules=rules)
    assert found(result, "House.Alt") == []
    assert any("House.Alt" in p.message and "no scope alt" in p.message for p in result.problems)


def test_formats_section_is_noted_not_read_as_rules(tmp_path):
    result = run(tmp_path, "Simply.\n", ini_extra="[formats]\nmdx = md\n")
    assert found(result, "House.Avoid") == [(1, 1, "Don't use 'Simply'.")]
    assert any("[formats]" in p.message for p in result.problems)


def test_undecodable_rule_file_is_an_error_and_the_rest_runs(tmp_path):
    result = run(tmp_path, "Simply.\n", rules={"Avoid.yml": RULES["Avoid.yml"]})
    (tmp_path / "styles" / "House" / "Binary.yml").write_bytes(b"\xff\xfe\x00bad")
    from doclint.vale.setup import build_setup

    setup = build_setup(str(tmp_path / ".vale.ini"))
    assert "House.Avoid" in setup.loaded
    assert [p.level for p in setup.notes if "Binary.yml" in p.path] == ["error"]
    assert found(result, "House.Avoid")


def test_replace_fix_keeps_a_capital_at_the_start(tmp_path):
    rules = {"Contract.yml": """
        extends: substitution
        message: "Use '%s' instead of '%s'."
        ignorecase: true
        action:
          name: replace
        swap:
          what is: what's
    """}
    result = run(tmp_path, "What is it? Ask what is new.\n", rules=rules)
    assert [f.fix.edits[0].replacement for f in result.findings if f.rule_id == "House.Contract"] == ["What's", "what's"]


def test_message_verbs_follow_go_formatting():
    from doclint.vale.checks.base import format_message

    # Grafana's spelling message links an issue title with `%%3A%%20%[1]s`.
    assert format_message("title=Spelling%%3A%%20%[1]s and '%s'", "Grafna") == "title=Spelling%3A%20Grafna and 'Grafna'"
    assert format_message("Use '%[2]s', not '%[1]s'.", "e-mail", "email") == "Use 'email', not 'e-mail'."
    assert format_message("A 100%% sure line.") == "A 100%% sure line."  # no values: kept as written


def test_a_level_set_by_rule_name_wins_over_one_set_for_its_style(tmp_path):
    # Vale keeps one level per rule for every file; the rule's own key comes first.
    section = "[*.md]\nBasedOnStyles = House\nHouse.Avoid = error\n[*]\nHouse = suggestion\n"
    result = run(tmp_path, "Simply send an e-mail.\n", section=section)
    levels = {f.rule_id: f.severity.name.lower() for f in result.findings}
    assert levels["House.Avoid"] == "error" and levels["House.Terms"] == "info"


def _segment_char_by_char(source: str, masked: str, start: int, end: int):
    """The view's reading rule, one character at a time: a masked space where the source
    has none is dropped markup, inline code reads as `*`, the result is trimmed."""
    from doclint.markup.base import CODE_MASK

    kept = [(("*" if masked[i] == CODE_MASK else masked[i]), i) for i in range(start, end)
            if not (masked[i] == " " and not source[i].isspace())]
    text = "".join(c for c, _ in kept)
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    return (stripped, [i for _, i in kept[lead:lead + len(stripped)]]) if stripped else None


def test_view_blocks_keep_each_characters_document_offset_around_blanked_markup():
    import random

    from doclint.markup.base import CODE_MASK
    from doclint.vale.view import _segment

    rng = random.Random(7)
    words = ["Save", "the", "**", "[link](https://example.com/a)", "`code`", "e-mail", " ", "  ", "\t", "é", "\n"]
    for _ in range(300):
        source = "".join(rng.choice(words) + rng.choice([" ", "", "  "]) for _ in range(rng.randint(0, 60)))
        masked = list(source)
        for _ in range(rng.randint(0, 6)):  # blank a few spans, mask a few as code
            a = rng.randrange(len(source) + 1)
            b = min(len(source), a + rng.randint(1, 40))
            fill = " " if rng.random() < 0.7 else CODE_MASK
            masked[a:b] = [c if c == "\n" else fill for c in masked[a:b]]
        masked = "".join(masked)
        start = rng.randint(0, len(source) // 3)
        end = rng.randint(start, len(source))
        got = _segment(source, masked, start, end)
        want = _segment_char_by_char(source, masked, start, end)
        assert (got is None) == (want is None)
        if got is not None:
            assert (got.text, list(got.offsets)) == want
            assert [got.start(i) for i in range(len(got.text))] == want[1]


def test_metric_counts_are_the_sums_of_each_words_counts():
    from doclint.api import document_from_text
    from doclint.vale.checks.syllables import _complex, document_counts, syllables
    from doclint.vale.view import View

    doc = document_from_text("doc.md", "# Setup\n\nThe documentation describes every dashboard. "
                                       "Grafana's re-indexing finished quickly in 2.4 seconds.\n")
    counts = document_counts(View(doc, [], []))
    words = ["The", "documentation", "describes", "every", "dashboard", "Grafana's", "re-indexing",
             "finished", "quickly", "in", "2.4", "seconds"]
    sylls = [syllables(w) for w in words]
    assert (counts["words"], counts["sentences"], counts["paragraphs"], counts["heading_h1"]) == (12, 2, 1, 1)
    assert counts["characters"] == sum(map(len, words))
    assert counts["syllables"] == sum(sylls) and counts["syllables"] > len(words)
    assert counts["long_words"] == sum(len(w) > 6 for w in words)
    assert counts["polysyllabic_words"] == sum(n >= 3 for n in sylls)
    assert counts["complex_words"] == sum(_complex(w, n) for w, n in zip(words, sylls)) > 0


def test_metric_counts_by_whitespace_tokens_find_the_words_of_one_regex_pass():
    # Words are summed per whitespace-separated token; tokens hold several words or
    # none ("(see", "e.g.,", "--"), and every kind of whitespace str.split knows, the
    # non-breaking space and the unit separator among them, must cut as the regex does.
    from doclint.vale.checks import syllables as counting

    text = ("Run (see the e.g., re-indexing--then v1.2.3 or 3,5 ohms) caf\u00e9s don't\u00a0stop:\u3000"
            "it\u2019s\x1fok \u2014 l\u2019\u00e9t\u00e9 \u0416\u0436 \u0661\u0662 x'y-z")
    counting.forget()
    words = counting._WORD.findall(text)
    assert len(words) > 15
    by_tokens = counting.unpack(sum(map(counting._TOKENS.__getitem__, text.split())))
    by_words = counting.unpack(sum(map(counting._STATS.__getitem__, words)))
    assert by_tokens == by_words
    assert by_tokens[5] == len(words)


def test_metric_counts_of_a_token_are_those_of_its_words_whatever_stands_around_them():
    # A token's counts are looked up without the punctuation at its ends ("(see",
    # "done.") and, for ASCII letters alone, as one word without the regex: both must
    # give the sum of the counts of the words the regex finds in the whole token.
    import random

    from doclint.vale.checks import syllables as counting

    assert not any(counting._WORD.search(c) for c in counting._EDGES)
    rng = random.Random(8)
    alphabet = list("abcXYZ019") + list(counting._EDGES) + ["\u00e9", "\u00d7", "\u0663", "\u0416", "\u00df",
                                                           "\u00a0", "e", "s", "ed", "le", "ing"]
    crafted = ["(see", "done.", "e.g.,", "--", "'tis", "rock'n'roll", "3.14.", "(1,000)", "x'", "-", "\u00d7x",
               "\u0663.", "it\u2019s", "\u201cquoted\u201d", "word", "Word", "WORD", "_under_", "a_b"]
    for n in range(4000):
        token = crafted[n] if n < len(crafted) else "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 9)))
        counting.forget()
        got = counting._TOKENS[token]
        counting.forget()
        assert got == sum(map(counting._STATS.__getitem__, counting._WORD.findall(token))), repr(token)


def test_metric_counts_of_a_capitalised_word_come_from_its_lower_case_form():
    # "The" and "the", "Dashboards" and "dashboards": a word that starts with a capital
    # is counted as its lower case form (worked out once for both), less the complex
    # mark; in either order, the counts are those of the word itself.
    from doclint.vale.checks import syllables as counting

    words = ["Documentation", "The", "API", "Internationalization", "Describes", "Indexes", "Created", "Running",
             "Dashboards", "A", "IPv", "Readable", "Bottle", "Video"]
    for word in words:
        for first in (word, word.lower()):
            counting.forget()
            counting._TOKENS[first]
            got = counting._TOKENS[word], counting._TOKENS[word.lower()]
            counting.forget()
            assert got == (counting._STATS[word], counting._STATS[word.lower()]), word
    counting.forget()
    counting._TOKENS["Documentation"]
    assert "documentation" in counting._TOKENS


def test_a_scope_that_takes_every_block_reads_them_without_asking_each(monkeypatch):
    from doclint.api import document_from_text
    from doclint.vale.view import Scope, View

    doc = document_from_text("doc.md", "# Title\n\nA paragraph.\n\n- an item\n\n> quoted\n\n| a | b |\n| - | - |\n| c | d |\n")
    view = View(doc, [], [])
    names = ["text", "summary", ["text", "~heading"], "heading", ["paragraph", "list"], "table.cell"]
    asked = {str(n): [b.segment for b in view.blocks if Scope.parse(n).takes(b)] for n in names}
    assert asked["text"] == [b.segment for b in view.blocks] and len(asked["text"]) > len(asked["heading"]) > 0
    assert all(list(View(doc, [], []).segments(Scope.parse(n))) == asked[str(n)] for n in names)
    monkeypatch.setattr(Scope, "takes", lambda self, block: 1 / 0)
    for name in ("text", "summary"):
        assert list(View(doc, [], []).segments(Scope.parse(name))) == asked[name]
