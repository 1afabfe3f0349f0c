"""Configured terms (DL420 preferred terms, DL421 either/or spellings) and the `terms` kind."""
from __future__ import annotations

import pytest

from doclint.core.finding import Applicability
from doclint.core.problems import ConfigError
from doclint.families.naming.terms_kind import TermsKind


def test_preferred_term_fix_is_safe_and_keeps_case(lint_text):
    found = lint_text("Send an e-mail to the team. E-mail them again tomorrow.\n", "DL420",
                      preferred={"email": ["e-mail"]}, ignore_case=True)
    assert [f.fix.edits[0].replacement for f in found] == ["email", "Email"]
    assert all(f.fix.applicability is Applicability.SAFE for f in found)


def test_brand_keeps_its_own_capitals(lint_text):
    found = lint_text("MacOS ships an old shell. Install Javascript tools on MacOS too.\n", "DL420")
    assert [(f.snippet, f.fix.edits[0].replacement) for f in found] == [
        ("MacOS", "macOS"), ("Javascript", "JavaScript"), ("MacOS", "macOS")]
    assert "Use 'macOS' instead of 'MacOS'" in found[0].message


def test_preferred_form_itself_and_code_are_not_reported(lint_text):
    text = "Host the code on GitHub. The `Github` key in `config.yml` stays as it is.\n"
    assert lint_text(text, "DL420", fmt="markdown", name="doc.md") == []


def test_either_group_majority_wins(lint_text):
    text = ("Each colour is set in the theme. Colours follow the brand, but one color is "
            "free, and the legend colours are muted.\n")
    found = lint_text(text, "DL421")
    assert [f.snippet for f in found] == ["color"]
    assert "'color' (1x) and 'colour' (1x)" in found[0].message
    assert found[0].fix.applicability is Applicability.UNSAFE
    assert found[0].fix.edits[0].replacement == "colour"


def test_either_group_tie_reports_the_later_form(lint_text):
    text = "The organization runs the meetup. The organisation of the talks is shared.\n"
    found = lint_text(text, "DL421")
    assert [f.snippet for f in found] == ["organisation"]
    assert found[0].fix.edits[0].replacement == "organization"


def test_either_group_compares_word_forms_not_word_families(lint_text):
    # -ize in one word and -ise in another, or a plural beside the other singular,
    # are different words: only the same word spelled two ways is a clash.
    text = ("We organise the meetup for the whole organization. Value judgments stay out "
            "of the guide, whatever our own judgement. New behaviours need a behavior test.\n")
    assert lint_text(text, "DL421") == []
    text += "Each organisation keeps its own list.\n"
    assert [f.snippet for f in lint_text(text, "DL421")] == ["organization"]


def test_either_group_ignores_names_and_mentions(lint_text):
    text = ("The data center is in Ohio, near the Kennedy Centre for the Arts. Write "
            "\"center\", not \"centre\".\n")
    assert lint_text(text, "DL421") == []


def test_either_groups_need_matching_inflections(all_rules):
    with pytest.raises(ValueError):
        TermsKind.Options(either=([["color", "colors"], ["colour"]],))
    with pytest.raises(ValueError):
        TermsKind.Options()


def test_user_rule_file_with_terms(tmp_path):
    from doclint.engine.packs import load_rules

    path = tmp_path / "terms.yaml"
    path.write_text(
        "rules:\n"
        "  - id: DL480\n    name: house-terms\n    kind: terms\n    category: naming\n"
        "    severity: warning\n    message: \"Use '{preferred}' instead of '{match}'\"\n"
        "    description: House names.\n"
        "    options:\n      preferred:\n        Alertmanager: [AlertManager, Alert Manager]\n"
        "    examples:\n      - fail: Restart the AlertManager.\n      - pass: Restart the Alertmanager.\n",
        encoding="utf-8")
    rule = next(r for r in load_rules([str(path)]) if r.id == "DL480")
    assert rule.options.lookup["alertmanager"] == ("preferred", "Alertmanager")
    bad = tmp_path / "bad.yaml"
    bad.write_text(path.read_text().replace("DL480", "DL481").replace("house-terms", "bad-terms")
                   .replace("preferred:\n        Alertmanager: [AlertManager, Alert Manager]",
                            "either:\n        - [[a, b], [c]]"), encoding="utf-8")
    with pytest.raises(ConfigError):
        load_rules([str(bad)])
