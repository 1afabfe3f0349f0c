"""The on-disk cache of loaded Vale setups: the same rules as reading the style, read
again when an input changes, and never in the way when it cannot be used."""
from __future__ import annotations

import os
import pickle
import re
import shutil
import textwrap
from pathlib import Path

import pytest

from doclint.api import lint_paths
from doclint.engine.config import Config, LoadedConfig
from doclint.report.formatters.valeline import line
from doclint.vale import cache
from doclint.vale.compiled import Pickler
from doclint.vale.setup import build_setup

GRAFANA = Path(__file__).parent / "data" / "vale-grafana"
OLD = 1_600_000_000  # a modification time well before the racy window


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("DOCLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("DOCLINT_NO_CACHE", raising=False)
    return tmp_path / "cache" / "vale"


def _age(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        os.utime(path, (OLD, OLD))


def _style(tmp_path: Path) -> Path:
    style = tmp_path / "styles" / "House"
    style.mkdir(parents=True)
    (style / "Simple.yml").write_text(textwrap.dedent("""\
        extends: existence
        message: "Avoid '%s'."
        level: warning
        ignorecase: true
        tokens:
          - simply
          - (?P<word>just)
    """), encoding="utf-8")
    ini = tmp_path / ".vale.ini"
    ini.write_text("StylesPath = styles\nMinAlertLevel = suggestion\n[*.md]\nBasedOnStyles = House\n",
                   encoding="utf-8")
    _age(tmp_path)
    return ini


def test_patterns_come_back_equal_from_their_compiled_code():
    patterns = [re.compile(p, f) for p, f in [
        (r"\b(?:foo|bar)\b", 0), (r"(?P<a>x)(?P=a)", re.IGNORECASE), (r"caf\u00e9s?", re.IGNORECASE), (r"[^\W\d_]+", 0),
        (r"(?<=\s)\d{2,}(?!\.)", re.MULTILINE), (r"(?i)\bV[eé]rsion\b", 0), (rb"ab+", 0), (r"^\s*$", re.MULTILINE | re.DOTALL)]]
    import io

    buffer = io.BytesIO()
    Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(patterns)
    back = pickle.loads(buffer.getvalue())
    assert back == patterns
    assert [p.groupindex for p in back] == [p.groupindex for p in patterns]
    text = "foo x X café Version 12 bar"
    assert [[m.span() for m in p.finditer(text)] for p in back[:-2]] == \
           [[m.span() for m in p.finditer(text)] for p in patterns[:-2]]


def test_a_cached_setup_gives_the_same_findings_as_reading_the_style(store, tmp_path, monkeypatch):
    styles = tmp_path / "grafana"
    shutil.copytree(GRAFANA, styles)
    _age(styles)
    ini = str(styles / "vale.ini")
    fresh = build_setup(ini)
    assert cache.load(ini) is None
    cache.store(ini, fresh)
    cached = cache.load(ini)
    assert cached is not None and list(cached.loaded) == list(fresh.loaded)

    def findings(setup, folder):
        monkeypatch.setattr("doclint.vale.setup.load_setup", lambda path: setup)
        loaded = LoadedConfig(Config(vale=ini), None, str(folder))
        return [line(f) for name in ("testinvalid.md", "testvalid.md")
                for f in lint_paths([name], loaded).findings]

    for folder in sorted((styles / "fixtures").iterdir()):
        monkeypatch.chdir(folder)
        want = findings(fresh, folder)
        assert want and findings(cached, folder) == want, folder.name


def test_a_changed_rule_file_is_read_again(store, tmp_path):
    ini = _style(tmp_path)
    cache.store(str(ini), build_setup(str(ini)))
    assert cache.load(str(ini)) is not None
    rule = tmp_path / "styles" / "House" / "Simple.yml"
    rule.write_text(rule.read_text().replace("simply", "easily"), encoding="utf-8")
    os.utime(rule, (OLD + 10, OLD + 10))
    assert cache.load(str(ini)) is None


def test_a_new_rule_file_is_read_again(store, tmp_path):
    ini = _style(tmp_path)
    cache.store(str(ini), build_setup(str(ini)))
    folder = tmp_path / "styles" / "House"
    (folder / "Other.yml").write_text("extends: existence\nmessage: x\ntokens: [y]\n", encoding="utf-8")
    os.utime(folder, (OLD + 10, OLD + 10))
    assert cache.load(str(ini)) is None


def test_inputs_changed_a_moment_ago_are_not_cached(store, tmp_path):
    ini = _style(tmp_path)
    os.utime(ini)  # now: a second edit in the same clock tick would not change its time
    cache.store(str(ini), build_setup(str(ini)))
    assert not store.exists() or not list(store.iterdir())


def test_a_damaged_cache_file_is_ignored(store, tmp_path):
    ini = _style(tmp_path)
    cache.store(str(ini), build_setup(str(ini)))
    [file] = list(store.iterdir())
    file.write_bytes(file.read_bytes()[:200])
    assert cache.load(str(ini)) is None
    file.write_bytes(b"not a pickle")
    assert cache.load(str(ini)) is None


def test_no_cache_when_switched_off(store, tmp_path, monkeypatch):
    ini = _style(tmp_path)
    monkeypatch.setenv("DOCLINT_NO_CACHE", "1")
    cache.store(str(ini), build_setup(str(ini)))
    assert cache.load(str(ini)) is None
    assert not store.exists()


def test_a_spelling_rules_word_list_is_an_input(store, tmp_path):
    pytest.importorskip("hunspell")
    ini = _style(tmp_path)
    words = tmp_path / "styles" / "House" / "words.txt"
    words.write_text("doclint\n", encoding="utf-8")
    (tmp_path / "styles" / "House" / "Spelling.yml").write_text(
        "extends: spelling\nmessage: \"Did you really mean '%s'?\"\nignore: House/words.txt\n", encoding="utf-8")
    _age(tmp_path)
    setup = build_setup(str(ini))
    assert str(words) in setup.loaded["House.Spelling"].check.inputs
    cache.store(str(ini), setup)
    assert cache.load(str(ini)) is not None
    words.write_text("doclint\nvale\n", encoding="utf-8")
    os.utime(words, (OLD + 10, OLD + 10))
    assert cache.load(str(ini)) is None


def test_a_linked_style_folder_is_watched_too(store, tmp_path):
    ini = _style(tmp_path)
    elsewhere = tmp_path / "shared" / "Extra"
    (elsewhere / "words").mkdir(parents=True)
    (elsewhere / "words" / "accept.txt").write_text("doclint\n", encoding="utf-8")
    (elsewhere / "Rule.yml").write_text("extends: existence\nmessage: x\ntokens: [y]\n", encoding="utf-8")
    (tmp_path / "styles" / "Extra").symlink_to(elsewhere, target_is_directory=True)
    (tmp_path / "styles" / "Loop").symlink_to(tmp_path / "styles", target_is_directory=True)
    _age(tmp_path)
    cache.store(str(ini), build_setup(str(ini)))
    assert cache.load(str(ini)) is not None
    inner = elsewhere / "words" / "accept.txt"
    inner.write_text("doclint\nvale\n", encoding="utf-8")
    os.utime(inner, (OLD + 10, OLD + 10))
    assert cache.load(str(ini)) is None


def test_every_check_type_has_its_class():
    from doclint.vale.checks import CHECKS, check_class
    from doclint.vale.checks.base import Check

    for name, cls in CHECKS.items():
        assert issubclass(check_class(name), Check) and check_class(name).__name__ == cls


def test_a_working_folder_that_is_gone_only_skips_the_cache(store, tmp_path, monkeypatch):
    ini = _style(tmp_path)
    setup = build_setup(str(ini))

    def gone():
        raise FileNotFoundError("the working folder was removed")

    monkeypatch.setattr(os, "getcwd", gone)
    cache.store(str(ini), setup)
    assert cache.load(str(ini)) is None
