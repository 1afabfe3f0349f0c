"""The house layout holds: no import circles, families apart, the engine names no family.

Imports are read from the source (module level and inside functions alike, and those
under `if TYPE_CHECKING:` too), so a circle hidden in a lazy import still fails here."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "doclint"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The doclint modules a file imports (a `from package import name` that names a
    submodule counts as importing that submodule)."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("doclint"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            if not base.startswith("doclint"):
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in known else base)
    return {m for m in found if m in known}


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports_of(path, set(known)) - {name} for name, path in known.items()}


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import circle as a list of modules, or None (depth-first search)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_find_cycle_sees_a_circle_through_a_lazy_import():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_no_import_circles():
    assert find_cycle(graph()) is None


def family_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "families" else None


def test_a_family_imports_only_core_markup_and_itself():
    offenders = []
    for module, targets in graph().items():
        family = family_of(module)
        if family is None:
            continue
        for target in targets:
            if target.startswith(("doclint.core", "doclint.markup")) or family_of(target) == family:
                continue
            offenders.append(f"{module} -> {target}")
    assert offenders == []


@pytest.mark.parametrize("layer", ["doclint.core", "doclint.markup"])
def test_core_and_readers_import_no_upper_layer(layer):
    offenders = [f"{m} -> {t}" for m, ts in graph().items() if m.startswith(layer)
                 for t in ts if not t.startswith(("doclint.core", "doclint.markup"))]
    assert offenders == []


def test_only_the_registry_names_the_families():
    offenders = [f"{m} -> {t}" for m, ts in graph().items()
                 if family_of(m) is None and m not in ("doclint.registry", "doclint.families")
                 for t in ts if family_of(t) is not None]
    assert offenders == []


def test_every_family_is_registered():
    from doclint.registry import FAMILIES, KINDS

    on_disk = {p.name for p in (PACKAGE / "families").iterdir() if (p / "__init__.py").exists()}
    assert {f.__name__.rsplit(".", 1)[1] for f in FAMILIES} == on_disk
    assert all(name in KINDS for family in FAMILIES for name in family.KINDS)
