"""Load and validate YAML rule packs: the built-in `rules/` and users' rule paths."""
from __future__ import annotations

import os
import re
from importlib import resources
from typing import Iterable

from doclint.core.finding import CATEGORIES, Severity
from doclint.core.options import build_options
from doclint.core.problems import ConfigError
from doclint.core.rule import Example, Rule
from doclint.core.yamlload import line_of, load_yaml

RULE_ID = re.compile(r"^DL\d{3}$")
RULE_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
REQUIRED = ("id", "name", "category", "severity", "message", "description")
ALLOWED = frozenset(REQUIRED + ("kind", "extends", "options", "examples", "languages", "enabled"))
EXAMPLE_KEYS = frozenset({"pass", "fail", "fix", "format", "files", "count", "note"})


def builtin_pack_files() -> list[tuple[str, str]]:
    """(display name, text) of the built-in rule files, read from the installed package."""
    # In a source checkout the packs sit beside the package, and they are the ones that
    # belong to this code even when an editable install of another checkout maps
    # doclint.rules elsewhere (a second work tree run with PYTHONPATH).
    beside = resources.files("doclint").joinpath("..", "rules")
    if beside.joinpath("__init__.py").is_file() and beside.joinpath("meta.yaml").is_file():
        root = beside
    else:
        try:
            root = resources.files("doclint.rules")
        except ModuleNotFoundError:
            root = beside
    out = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".yml")):
            out.append((f"rules/{entry.name}", entry.read_text(encoding="utf-8")))
    return out


def user_pack_files(paths: Iterable[str]) -> list[tuple[str, str]]:
    out = []
    for path in paths:
        files = [path] if os.path.isfile(path) else sorted(
            os.path.join(path, n) for n in os.listdir(path) if n.endswith((".yaml", ".yml"))
        ) if os.path.isdir(path) else None
        if files is None:
            raise ConfigError(path, "rule path does not exist")
        for name in files:
            with open(name, encoding="utf-8") as handle:
                out.append((name, handle.read()))
    return out


def parse_rule(data, path: str) -> tuple[Rule, dict]:
    """One rule mapping -> Rule. Returns the raw mapping too, for per-config overrides."""
    from doclint.registry import KINDS

    if not isinstance(data, dict):
        raise ConfigError(path, "a rule must be a mapping", line_of(data, None))
    for key in data:
        if key not in ALLOWED:
            raise ConfigError(path, f"unknown key '{key}' (expected one of: {', '.join(sorted(ALLOWED))})",
                              line_of(data, key))
    for key in REQUIRED:
        if key not in data:
            raise ConfigError(path, f"missing required key '{key}'", line_of(data, None))
    rule_id, name = str(data["id"]), str(data["name"])
    if not RULE_ID.match(rule_id):
        raise ConfigError(path, f"rule id '{rule_id}' must be DL and three digits", line_of(data, "id"))
    if not RULE_NAME.match(name):
        raise ConfigError(path, f"rule name '{name}' must be kebab-case", line_of(data, "name"))
    kind_name = data.get("kind") or data.get("extends")
    if kind_name not in KINDS:
        raise ConfigError(path, f"{rule_id}: unknown kind '{kind_name}' (expected one of: "
                          f"{', '.join(sorted(KINDS))})", line_of(data, "kind" if "kind" in data else "extends"))
    if data["category"] not in CATEGORIES:
        raise ConfigError(path, f"{rule_id}: category must be one of {', '.join(CATEGORIES)}",
                          line_of(data, "category"))
    severity = parse_severity(data["severity"], path, line_of(data, "severity"), rule_id)
    raw_options = data.get("options") or {}
    options = build_options(KINDS[kind_name].Options, raw_options, path, rule_id)
    languages = data.get("languages") or []
    if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
        raise ConfigError(path, f"{rule_id}: 'languages' must be a list of language codes",
                          line_of(data, "languages"))
    rule = Rule(rule_id, name, kind_name, data["category"], severity, str(data["message"]),
                str(data["description"]).strip(), options, dict(raw_options),
                parse_examples(data.get("examples") or [], path, rule_id), tuple(languages),
                bool(data.get("enabled", True)), path)
    return rule, data


def parse_severity(value, path: str, line: int | None, where: str) -> Severity:
    try:
        return Severity.parse(str(value))
    except KeyError:
        raise ConfigError(path, f"{where}: severity must be error, warning or info, got '{value}'",
                          line) from None


def parse_examples(items, path: str, rule_id: str) -> tuple[Example, ...]:
    if not isinstance(items, list):
        raise ConfigError(path, f"{rule_id}: 'examples' must be a list", None)
    out = []
    for item in items:
        line = line_of(item, None)
        if not isinstance(item, dict) or not ({"pass", "fail"} & set(item)) or {"pass", "fail"} <= set(item):
            raise ConfigError(path, f"{rule_id}: each example needs exactly one of 'pass' or 'fail'", line)
        unknown = set(item) - EXAMPLE_KEYS
        if unknown:
            raise ConfigError(path, f"{rule_id}: unknown example key '{sorted(unknown)[0]}'", line)
        expect = "pass" if "pass" in item else "fail"
        files = tuple((str(k), str(v)) for k, v in (item.get("files") or {}).items())
        text = item[expect]
        out.append(Example(expect, None if text is None else str(text), item.get("fix"),
                           item.get("format", "text"), files, item.get("count"), line))
    return tuple(out)


def load_rules(rule_paths: Iterable[str] = ()) -> list[Rule]:
    """All rules: built-in packs then user rule paths. Duplicate ids or names fail."""
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path, text in builtin_pack_files() + user_pack_files(rule_paths):
        data = load_yaml(text, path)
        items = data.get("rules") if isinstance(data, dict) and "rules" in data else [data]
        if not isinstance(items, list):
            raise ConfigError(path, "'rules' must be a list of rules", line_of(data, "rules"))
        for item in items:
            rule, _ = parse_rule(item, path)
            for key in (rule.id, rule.name):
                if key in seen:
                    raise ConfigError(path, f"rule '{key}' is already defined in {seen[key]}",
                                      line_of(item, "id"))
                seen[key] = path
            rules.append(rule)
    return sorted(rules, key=lambda r: r.id)
