"""Which rules run: select/ignore by id prefix, name or category; the more specific wins."""
from __future__ import annotations

from typing import Iterable

from doclint.core.rule import Rule

ALL = "ALL"


def specificity(selector: str, rule: Rule) -> int:
    """How specifically `selector` names `rule`: -1 not at all, higher is more specific.
    Exact id or name 100, id prefix its length (DL1 = 3, DL10 = 4), category 2, ALL 0."""
    if selector in (rule.id, rule.name):
        return 100
    if selector == ALL:
        return 0
    if selector == rule.category:
        return 2
    if selector.startswith("DL") and rule.id.startswith(selector):
        return len(selector)
    if rule.id.startswith(selector + "."):  # a Vale style names its rules (`Google`)
        return len(selector)
    return -1


def names(selectors: Iterable[str], rule: Rule) -> bool:
    return any(specificity(s, rule) >= 0 for s in selectors)


def is_selected(rule: Rule, select: Iterable[str], ignore: Iterable[str]) -> bool:
    """Whether `rule` runs under one layer of selectors.

    An empty `select` means "the rules enabled by default"; a non-empty one runs only
    the rules it names. Between a select and an ignore that both name the rule, the more
    specific wins, and on a tie the ignore. A rule disabled by default runs only when it
    is selected by its exact id or name (so `ALL` or a category never turns on a noisy
    rule by surprise)."""
    select, ignore = list(select), list(ignore)
    if select:
        best_select = max(specificity(s, rule) for s in select)
    else:
        best_select = 0 if rule.enabled else -1
    if not rule.enabled and best_select < 100:
        return False
    best_ignore = max((specificity(s, rule) for s in ignore), default=-1)
    return best_select >= 0 and best_select > best_ignore


def unknown_selectors(selectors: Iterable[str], rules: list[Rule]) -> list[str]:
    """Selectors that name no rule (likely typos), for a clear configuration error."""
    return [s for s in selectors if all(specificity(s, r) < 0 for r in rules)]
