"""Select/ignore decisions, table-tested: the more specific selector wins, ties ignore."""
from __future__ import annotations

import pytest

from doclint.core.finding import Severity
from doclint.core.rule import Rule
from doclint.engine.selection import is_selected, unknown_selectors

RULE = Rule("DL201", "duplicate-sentence", "pattern", "duplication", Severity.WARNING, "m", "d", None)
OFF = Rule("DL105", "unpunctuated-paragraph", "pattern", "truncation", Severity.INFO, "m", "d", None,
           enabled=False)


@pytest.mark.parametrize("rule,select,ignore,expected", [
    (RULE, [], [], True),                          # enabled by default
    (OFF, [], [], False),                          # disabled by default
    (RULE, [], ["DL2"], False),
    (RULE, ["DL201"], ["DL2"], True),              # exact id beats prefix
    (RULE, ["DL2"], ["DL201"], False),
    (RULE, ["DL20"], ["DL2"], True),               # longer prefix wins
    (RULE, ["duplication"], ["DL2"], False),       # an id prefix beats a category
    (RULE, ["ALL"], ["duplication"], False),       # a category beats ALL
    (RULE, ["duplicate-sentence"], ["ALL"], True), # a name is as specific as an id
    (RULE, ["DL2"], ["DL2"], False),               # a tie: ignore wins
    (OFF, ["DL105"], [], True),                    # naming a disabled rule turns it on
    (OFF, ["truncation"], [], False),              # ... a category or ALL does not
    (OFF, ["ALL"], [], False),
    (RULE, ["DL1"], [], False),                    # a select that names other rules only
])
def test_decision(rule, select, ignore, expected):
    assert is_selected(rule, select, ignore) is expected


def test_unknown_selectors_are_found():
    assert unknown_selectors(["DL2", "DL9", "naming", "duplicate-sentence", "typo-rule"], [RULE, OFF]) == [
        "DL9", "naming", "typo-rule"]
