"""The README stays true: its rule table matches the packs and its Quickstart commands exist."""
from __future__ import annotations

import re
from pathlib import Path

from doclint.engine.packs import load_rules
from doclint.report.ruledocs import rules_table

README = Path(__file__).resolve().parent.parent / "README.md"


def test_rule_table_matches_packs():
    text = README.read_text(encoding="utf-8")
    match = re.search(r"<!-- rules:start -->\n(.*?)\n<!-- rules:end -->", text, re.S)
    assert match, "README needs the rules:start/rules:end markers"
    assert match.group(1).strip() == rules_table(load_rules()).strip(), (
        "README rule table is stale: regenerate it with `doclint rules --format markdown`")


def test_quickstart_has_install_and_test_commands():
    text = README.read_text(encoding="utf-8")
    quickstart = text.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    assert "pip install . && doclint check examples/" in quickstart
    assert "pip install '.[test]' && python -m pytest -q" in quickstart
