"""A Vale configuration made ready to run: its rules as doclint rules, per-file sections."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache

from doclint.core.finding import Severity
from doclint.core.problems import ConfigError, Problem
from doclint.core.rule import Rule
from doclint.vale.config import ValeConfig, load_config
from doclint.vale.regexes import compile_vale
from doclint.vale.style import (
    LoadedRule,
    load_rule,
    read_vocab,
    style_files,
    vocab_rules,
)

SEVERITY = {"suggestion": Severity.INFO, "warning": Severity.WARNING, "error": Severity.ERROR}
_RANK = {"suggestion": 0, "warning": 1, "error": 2}
VIEW_KEY = "vale-view"  # where a document keeps its Vale view (Document.attributes)
# Vale's own style: what `BasedOnStyles = Vale` turns on that doclint can run.
_VALE_REPETITION = {"extends": "repetition", "message": "'%s' is repeated!", "level": "error",
                    "alpha": True, "tokens": [r"[^\s]+"]}
_VALE_SPELLING = {"extends": "spelling", "message": "Did you really mean '%s'?", "level": "error"}


@dataclass
class ValeSetup:
    config: ValeConfig
    loaded: dict[str, LoadedRule] = field(default_factory=dict)
    notes: list[Problem] = field(default_factory=list)
    _sections: list = field(default_factory=list)  # (Section, token regexes, block regexes)
    _active: dict = field(default_factory=dict)    # path -> frozenset of active rule names

    def active(self, path: str) -> frozenset[str]:
        """The rules that run on `path`: its matching sections, in file order, turn styles
        and single rules on (YES or a level) and off (NO)."""
        found = self._active.get(path)
        if found is None:
            on: set[str] = set()
            for section, _, _ in self._sections:
                if not section.applies_to(path):
                    continue
                for style in section.styles:
                    on.update(n for n in self.loaded if n.split(".")[0] == style)
                for key, setting in section.rules.items():
                    named = [n for n in self.loaded if n == key or n.split(".")[0] == key]
                    if setting == "NO":
                        on.difference_update(named)
                    else:
                        on.update(named)
            if self.config.all_vocab():
                on.update(n for n in ("Vale.Terms", "Vale.Avoid") if n in self.loaded)
            found = self._active[path] = frozenset(on)
        return found

    def view(self, doc):
        """The document as Vale reads it, made once per document and shared by its rules."""
        view = doc.attributes.get(VIEW_KEY)
        if view is None:
            from doclint.vale.view import View

            tokens, blocks = [], []
            for section, token_res, block_res in self._sections:
                if section.applies_to(doc.path):
                    tokens.extend(token_res)
                    blocks.extend(block_res)
            view = doc.attributes[VIEW_KEY] = View(doc, tokens, blocks)
        return view

    def level(self, name: str) -> str:
        """The rule's level, one for every file as in Vale (whose levels are not per
        section): the last level a section sets for the rule by name, else the last set
        for its style (`Google = warning`), else the rule's own."""
        by_rule = by_style = None
        style = name.split(".")[0]
        for section, _, _ in self._sections:
            for key, setting in section.rules.items():
                if setting in ("YES", "NO"):
                    continue
                if key == name:
                    by_rule = setting
                elif key == style:
                    by_style = setting
        return by_rule or by_style or self.loaded[name].level

    def doclint_rules(self) -> list[Rule]:
        from doclint.vale.kind import ValeOptions

        out = []
        for name, loaded in self.loaded.items():
            if loaded.check is None:
                continue
            level = self.level(name)
            enabled = _RANK[level] >= _RANK[self.config.min_level]
            description = (f"Vale rule `{name}` (extends: {loaded.extends}) from {loaded.path}."
                           + (f" See {loaded.link}." if loaded.link else ""))
            out.append(Rule(name, name, "vale", "style", SEVERITY[level], loaded.message.strip() or name,
                            description, ValeOptions(self, loaded.check), enabled=enabled,
                            source=loaded.path))
        return out


def _compile_list(patterns, path: str, key: str) -> list:
    return [compile_vale(p, path, key) for p in patterns]


def _load(setup: ValeSetup, name: str, file: str, accepted: list[str]) -> None:
    """Load one rule; a rule that cannot be read (a bad regex, a missing key) is an
    error that names its file, and the other rules still run."""
    try:
        setup.loaded[name] = load_rule(name, file, accepted, setup.config.word_template)
    except ConfigError as exc:
        setup.notes.append(Problem(exc.path, f"{name} does not run: {exc.message}", "error", exc.line))


def build_setup(path: str) -> ValeSetup:
    config = load_config(path)
    setup = ValeSetup(config)
    setup.notes = [Problem(p, text, "note", line) for p, line, text in config.notes]
    accepted: list[str] = []
    rejected: list[str] = []
    for name in config.all_vocab():
        a, r = read_vocab(config.styles_path, name)
        accepted.extend(a)
        rejected.extend(r)
    for rule in vocab_rules(path, accepted, rejected):
        setup.loaded[rule.name] = rule
    for style in config.styles():
        if style == "Vale":
            from doclint.vale.style import build_rule

            setup.loaded["Vale.Repetition"] = build_rule("Vale.Repetition", dict(_VALE_REPETITION), path, accepted)
            setup.loaded["Vale.Spelling"] = build_rule("Vale.Spelling", dict(_VALE_SPELLING), path, accepted)
            continue
        folder = os.path.join(config.styles_path, style)
        if not os.path.isdir(folder):
            raise ConfigError(path, f"style '{style}' is not a folder of StylesPath ({config.styles_path})")
        if any(style in s.styles for s in config.sections):
            for name, file in style_files(config.styles_path, style):
                _load(setup, name, file, accepted)
    # Single rules switched on by name from a style no section is based on.
    for section in config.sections:
        for key, setting in section.rules.items():
            if "." in key and key not in setup.loaded and setting != "NO" and not key.startswith("Vale."):
                style, rule = key.split(".", 1)
                file = next((os.path.join(config.styles_path, style, rule + ext) for ext in (".yml", ".yaml")
                             if os.path.isfile(os.path.join(config.styles_path, style, rule + ext))), None)
                if file is None:
                    raise ConfigError(path, f"{key}: no such rule in StylesPath")
                _load(setup, key, file, accepted)
    for section in config.sections:
        setup._sections.append((section, _compile_list(section.token_ignores, path, "TokenIgnores"),
                                _compile_list(section.block_ignores, path, "BlockIgnores")))
    for rule in setup.loaded.values():
        if rule.check is None:
            setup.notes.append(Problem(rule.path, f"{rule.name} does not run: {rule.skipped}", "note"))
            continue
        if rule.check.unknown_keys:
            setup.notes.append(Problem(rule.path, f"{rule.name}: ignored key(s) "
                                       f"{', '.join(rule.check.unknown_keys)}", "note"))
        if rule.check.scope.unknown:
            setup.notes.append(Problem(rule.path, f"{rule.name}: doclint has no scope "
                                       f"{', '.join(rule.check.scope.unknown)}; nothing there is checked", "note"))
    return setup


@lru_cache(maxsize=8)
def load_setup(path: str) -> ValeSetup:
    """One setup per configuration file and process (rules and workers share it), read
    from the on-disk cache when its files are unchanged (doclint.vale.cache)."""
    from doclint.vale import cache

    path = os.path.abspath(path)
    setup = cache.load(path)
    if setup is None:
        setup = build_setup(path)
        cache.store(path, setup)
    return setup
