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


def imported_rules(vale_config: str) -> tuple[list, list]:
    """The rules of a Vale configuration as doclint rules, and its notes (what cannot
    run); the Vale loaders are imported only here, when a configuration is given."""
    from doclint.vale.setup import load_setup

    setup = load_setup(vale_config)
    return setup.doclint_rules(), list(setup.notes)


def imported_directives(text: str, rst: bool, skip_line, position) -> list:
    """Vale's in-document comments as suppression ranges (see doclint.vale.comments)."""
    from doclint.vale.comments import vale_ranges

    return vale_ranges(text, rst, skip_line, position)


__all__ = ["ADAPTERS", "FAMILIES", "KINDS", "document_language", "imported_directives", "imported_rules"]
