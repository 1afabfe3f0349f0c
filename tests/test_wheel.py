"""The built wheel carries the rule packs (a pre-commit install uses the wheel)."""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contains_rule_packs(tmp_path):
    # Build from a copy so the checkout gets no build/ or egg-info folders.
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    for folder in ("doclint", "rules"):
        shutil.copytree(ROOT / folder, src / folder, ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "--quiet", "-w", str(out), str(src)], check=True)
    wheels = list(out.glob("doclint-*.whl"))
    assert len(wheels) == 1
    names = set(zipfile.ZipFile(wheels[0]).namelist())
    packs = sorted(p.name for p in (ROOT / "rules").glob("*.yaml"))
    assert packs, "the repository has rule packs"
    for pack in packs:
        assert f"doclint/rules/{pack}" in names
    # The package list in pyproject.toml is explicit: a new subpackage must be added there.
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "doclint").rglob("*.py")}
    assert modules <= names, f"missing from the wheel: {sorted(modules - names)}"
    assert not any(n.startswith("rules/") for n in names), "packs ship inside the package"
