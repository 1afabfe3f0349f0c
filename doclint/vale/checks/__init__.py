"""Vale's check types (`extends:`), one small module each; check_class(name) gives the
class of a type.

A module is imported when a rule first extends its type, not with the package: a run
that reads its style from the cache (doclint.vale.cache) imports only the types the
style uses."""
from __future__ import annotations

from importlib import import_module

# `extends:` -> the class in doclint.vale.checks.<extends>.
CHECKS = {
    "capitalization": "Capitalization",
    "conditional": "Conditional",
    "consistency": "Consistency",
    "existence": "Existence",
    "metric": "Metric",
    "occurrence": "Occurrence",
    "repetition": "Repetition",
    "sequence": "Sequence",
    "spelling": "Spelling",
    "substitution": "Substitution",
}
# Check types doclint cannot run, and why (one note per rule at start-up).
UNSUPPORTED = {
    "script": "Tengo scripts are not run",
    "readability": "the old readability check is not supported (use metric)",
    "lt": "LanguageTool rules need a LanguageTool server",
}


def check_class(name: str) -> type:
    """The class of check type `name` (a key of CHECKS)."""
    return getattr(import_module(f"{__name__}.{name}"), CHECKS[name])
