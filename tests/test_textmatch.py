"""Phrase and regex matching shared by the pattern-like kinds."""
from __future__ import annotations

import pytest

from doclint.core.textmatch import Matcher, compile_alternation, keep_case


def found(matcher, text):
    return [m.group() for m in matcher.finditer(text)]


def test_longest_phrase_wins_and_words_are_bounded():
    m = Matcher(["sources", "informed sources", "sources close to", "source"], [], ignore_case=True)
    text = "Informed  sources said; resources and sources close to him; a Source-based view."
    assert found(m, text) == ["Informed  sources", "sources close to"]


def test_case_sensitivity_and_punctuation_phrases():
    sensitive = Matcher(["TODO", "e.g."], [], ignore_case=False)
    assert found(sensitive, "todo: TODO, e.g. this, and eg.") == ["TODO", "e.g."]


def test_phrases_and_patterns_merge_in_text_order_without_overlap():
    m = Matcher(["is said"], [r"\bit\s+is\s+said\s+that\b", r"\bclaims?\b"], ignore_case=True)
    text = "It is said that he left. The claim is said to be old."
    assert found(m, text) == ["It is said that", "claim", "is said"]
    assert m.search(text, 20).group() == "claim"


def test_bad_regex_is_a_value_error():
    with pytest.raises(ValueError, match="bad regex"):
        Matcher([], ["(unclosed"], ignore_case=False)


@pytest.mark.parametrize("match,replacement,expected", [
    ("alot", "a lot", "a lot"), ("Alot", "a lot", "A lot"), ("ALOT", "a lot", "A LOT"),
    ("javascript", "JavaScript", "JavaScript"), ("Github", "GitHub", "GitHub"),
])
def test_keep_case(match, replacement, expected):
    assert keep_case(match, replacement) == expected


def test_substitution_regex_mode_picks_the_right_preferred_term():
    from doclint.api import document_from_text
    from doclint.families.generic.substitution import SubstitutionKind

    options = SubstitutionKind.Options(swap={r"web\s?site": "website", r"(log)-(in)": "login"}, regex=True)

    class FakeRule:
        pass

    rule = FakeRule()
    rule.options = options
    hits = list(SubstitutionKind(rule).check(document_from_text("a.txt", "Log-in on the Web site.")))
    assert [(h.args["match"], h.args["preferred"]) for h in hits] == [("Log-in", "Login"), ("Web site", "Website")]


def test_one_list_is_compiled_once_and_shared():
    first = compile_alternation(["sources said", "critics argue"], [r"it is (?:thought|believed)"], True)
    again = compile_alternation(("sources said", "critics argue"), (r"it is (?:thought|believed)",), True)
    assert first is again
    assert compile_alternation(["sources said"], [], False) is not first


def test_single_regex_with_alternation_matches_as_one_pattern():
    matcher = compile_alternation([], [r"widely (?:regarded|seen)|some say"], True)
    text = "It is Widely regarded as the best, and some say so."
    assert found(matcher, text) == ["Widely regarded", "some say"]


def test_bad_regex_is_reported_every_time_it_is_loaded():
    for _ in range(2):
        with pytest.raises(ValueError, match="bad regex"):
            compile_alternation([], ["(unclosed"], False)
