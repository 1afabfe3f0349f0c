"""Shared fixtures: rules loaded once, and helpers to lint in-memory text."""
from __future__ import annotations

import dataclasses
import os

import pytest

from doclint.api import document_from_text, lint_documents
from doclint.engine.packs import load_rules


@pytest.fixture(scope="session", autouse=True)
def _cache_folder(tmp_path_factory):
    """Loaded Vale setups are cached in a folder of the test session, not the user's."""
    before = os.environ.get("DOCLINT_CACHE_DIR")
    os.environ["DOCLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("doclint-cache"))
    yield
    if before is None:
        os.environ.pop("DOCLINT_CACHE_DIR", None)
    else:
        os.environ["DOCLINT_CACHE_DIR"] = before


@pytest.fixture(scope="session")
def all_rules():
    return load_rules()


def rule_by(rules, key):
    for rule in rules:
        if key in (rule.id, rule.name):
            return rule
    raise KeyError(key)


@pytest.fixture
def lint_text(all_rules):
    """lint_text(text, rule="DL101", fmt="text", name=...) -> findings of that rule only."""

    def run(text: str, rule: str | None = None, fmt: str | None = "text", name: str = "doc.txt", **options):
        rules = all_rules if rule is None else [rule_by(all_rules, rule)]
        if options:
            from doclint.core.options import build_options
            from doclint.registry import KINDS

            base = rules[0]
            raw = dict(base.raw_options) | {k.replace("_", "-"): v for k, v in options.items()}
            rules = [dataclasses.replace(base, options=build_options(KINDS[base.kind].Options, raw, "test", base.id))]
        rules = [dataclasses.replace(r, enabled=True) for r in rules]
        result = lint_documents([document_from_text(name, text, fmt)], rules)
        # A rule that raises is reported as a problem and the run goes on: a test that
        # expects no finding must not pass because the rule crashed.
        crashed = [str(p) for p in result.problems if " failed: " in p.message]
        assert not crashed, crashed
        return result.findings

    return run


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """A fresh working folder for command-line tests, with colour off."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path
