"""Which rules run: select/ignore by id prefix, name or category; the more specific wins."""
from __future__ import annotations

from typing import Iterable

from doclint.packs import Rule

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
    return -1


def is_selected(rule: Rule, select: Iterable[str], ignore: Iterable[str]) -> bool:
    """A rule runs when its most specific selector is a `select`; on a tie `ignore` wins.
    With no selector naming it, a rule runs when it is enabled by default."""
    best_select = max((specificity(s, rule) for s in select), default=-1)
    best_ignore = max((specificity(s, rule) for s in ignore), default=-1)
    if best_select < 0 and best_ignore < 0:
        return rule.enabled
    return best_select > best_ignore


def unknown_selectors(selectors: Iterable[str], rules: list[Rule]) -> list[str]:
    """Selectors that name no rule (likely typos), for a clear configuration error."""
    return [s for s in selectors if all(specificity(s, r) < 0 for r in rules)]
