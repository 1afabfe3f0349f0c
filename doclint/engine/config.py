"""Configuration: discovery (.doclint.yaml upward, [tool.doclint]), validation, rule set-up."""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field

from doclint.core.document import MAX_BLOCK_CHARS
from doclint.core.options import build_options
from doclint.core.problems import ConfigError
from doclint.core.rule import Rule
from doclint.core.yamlload import LineDict, line_of, load_yaml
from doclint.engine.packs import load_rules, parse_severity
from doclint.engine.selection import is_selected, names, unknown_selectors

CONFIG_NAMES = (".doclint.yaml", ".doclint.yml")
FAIL_ON = ("error", "warning", "info", "never")
RULE_OVERRIDE_KEYS = frozenset({"severity", "options", "enabled"})


@dataclass(frozen=True)
class Config:
    """Validated configuration. Keys in YAML are kebab-case versions of these fields."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rules: dict[str, dict] = field(default_factory=dict)
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    rule_paths: tuple[str, ...] = ()
    fail_on: str = "warning"
    text_field: str = "text"
    id_field: str = ""  # "" : the first of id, _id, doc_id, uuid, url that a record has
    languages: tuple[str, ...] = ()
    gitignore: bool = True
    vale: str | None = None  # a .vale.ini whose styles run as rules
    max_block_size: int = MAX_BLOCK_CHARS  # characters; longer prose blocks are skipped (0: never)

    def __post_init__(self) -> None:
        if self.max_block_size < 0:
            raise ValueError(f"'max-block-size' must be 0 (no limit) or more, got {self.max_block_size}")
        if self.fail_on not in FAIL_ON:
            raise ValueError(f"'fail-on' must be one of {', '.join(FAIL_ON)}, got '{self.fail_on}'")


@dataclass(frozen=True)
class LoadedConfig:
    config: Config
    path: str | None  # the file it came from, None for defaults
    root: str         # the folder relative paths and globs are taken from


def find_config(start: str) -> str | None:
    """The nearest .doclint.yaml, or pyproject.toml with [tool.doclint], from `start` up."""
    folder = os.path.abspath(start)
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                return candidate
        pyproject = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(pyproject) and _pyproject_section(pyproject) is not None:
            return pyproject
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _pyproject_section(path: str):
    import tomllib

    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(path, f"cannot read pyproject.toml: {exc}") from None
    return data.get("tool", {}).get("doclint")


def load_config(explicit: str | None = None, start: str = ".") -> LoadedConfig:
    path = explicit or find_config(start)
    if path is None:
        return LoadedConfig(Config(), None, os.path.abspath(start))
    if not os.path.isfile(path):
        raise ConfigError(path, "configuration file not found")
    if path.endswith(".toml"):
        data = _pyproject_section(path) or {}
    else:
        try:
            with open(path, encoding="utf-8") as handle:
                data = load_yaml(handle.read(), path) or {}
        except OSError as exc:
            raise ConfigError(path, f"cannot read configuration: {exc.strerror}") from None
    if not isinstance(data, dict):
        raise ConfigError(path, "configuration must be a mapping of keys")
    config = build_options(Config, data, path, "configuration")
    folder = os.path.dirname(os.path.abspath(path))
    config = dataclasses.replace(config, rule_paths=tuple(os.path.join(folder, p) for p in config.rule_paths))
    if config.vale:
        config = dataclasses.replace(config, vale=os.path.join(folder, config.vale))
    _check_rule_overrides(config, data, path)
    return LoadedConfig(config, path, os.path.dirname(os.path.abspath(path)))


def _check_rule_overrides(config: Config, data: dict, path: str) -> None:
    rules_map = data.get("rules") or {}
    for key, override in config.rules.items():
        if not isinstance(override, dict):
            raise ConfigError(path, f"rules.{key}: expected a mapping of severity/options/enabled",
                              line_of(rules_map, key))
        for sub in override:
            if sub not in RULE_OVERRIDE_KEYS:
                raise ConfigError(path, f"rules.{key}: unknown key '{sub}' (expected one of: "
                                  f"{', '.join(sorted(RULE_OVERRIDE_KEYS))})", line_of(override, sub))


def configured_rules(loaded: LoadedConfig, select=(), ignore=()) -> list[Rule]:
    """Every known rule with the configuration's overrides applied; `enabled` says whether
    it runs. Command-line selectors decide for the rules they name; a command-line
    --select runs only what it names; otherwise the configuration decides."""
    from doclint.registry import KINDS

    config, path = loaded.config, loaded.path or "configuration"
    rules = load_rules(config.rule_paths)
    if config.vale:
        from doclint.registry import imported_rules

        rules += imported_rules(config.vale)[0]
    by_key = {r.id: r for r in rules} | {r.name: r for r in rules}
    for selector in unknown_selectors(list(config.select) + list(config.ignore) + list(select) + list(ignore), rules):
        raise ConfigError(path, f"'{selector}' names no rule, rule prefix or category")
    overridden = {}
    for key, override in config.rules.items():
        rule = by_key.get(key)
        if rule is None:
            raise ConfigError(path, f"rules: '{key}' is not a rule id or name")
        changes = {}
        if "severity" in override:
            changes["severity"] = parse_severity(override["severity"], path, None, f"rules.{key}")
        if "options" in override and rule.kind == "vale":
            raise ConfigError(path, f"rules.{key}: a Vale rule takes its options from its style file",
                              line_of(override, "options"))
        if "options" in override:
            given = override["options"] or {}
            raw = LineDict(rule.raw_options)
            raw.update(given)
            # Errors in the merged options point at the user's lines, not the pack's.
            raw.lines, raw.line = getattr(given, "lines", {}), line_of(override, "options")
            changes["options"] = build_options(KINDS[rule.kind].Options, raw, path, f"rules.{key}")
            changes["raw_options"] = raw
        if "enabled" in override:
            changes["enabled"] = bool(override["enabled"])
        overridden[rule.id] = dataclasses.replace(rule, **changes)
    rules = [overridden.get(r.id, r) for r in rules]
    out = []
    for rule in rules:
        if names(select, rule) or names(ignore, rule):
            on = is_selected(rule, select, ignore)  # the command line decides what it names
        elif select:
            on = False  # --select on the command line runs only what it names
        else:
            on = is_selected(rule, config.select, config.ignore)
        out.append(dataclasses.replace(rule, enabled=on))
    return out
