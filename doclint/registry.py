"""The registry of rule kinds: name -> class, merged from each family's explicit list.

The only module that names the families: the engine and the rule packs ask the
registry, so a family can change without the engine knowing about it."""
from __future__ import annotations

from doclint import vale
from doclint.core.kind import Kind
from doclint.families import claims, duplication, generic, language, meta, naming, truncation
from doclint.families.language.detect import language_of as document_language

FAMILIES = (claims, duplication, generic, language, meta, naming, truncation)
# Kinds that are not a family of doclint's own checks: `vale` runs imported Vale rules.
ADAPTERS = (vale,)


def _merge() -> dict[str, type[Kind]]:
    kinds: dict[str, type[Kind]] = {}
    for family in FAMILIES + ADAPTERS:
        for name, kind in family.KINDS.items():
            if name in kinds:  # two families claiming one name is a programming error
                raise RuntimeError(f"kind '{name}' is defined by two families")
            kinds[name] = kind
    return dict(sorted(kinds.items()))


KINDS = _merge()

__all__ = ["FAMILIES", "KINDS", "document_language"]
