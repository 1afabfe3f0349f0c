"""A source checkout lints with its own rule packs, whatever else is installed."""
from __future__ import annotations

from pathlib import Path

from doclint.engine.packs import builtin_pack_files

ROOT = Path(__file__).resolve().parent.parent


def test_builtin_packs_are_the_ones_beside_the_package():
    packs = dict(builtin_pack_files())
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        assert packs[f"rules/{path.name}"] == path.read_text(encoding="utf-8")
