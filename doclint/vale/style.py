"""Load the rules of Vale styles (`StylesPath/<Style>/<Rule>.yml`) and vocabularies."""
from __future__ import annotations

import os
from dataclasses import dataclass

from doclint.core.problems import ConfigError
from doclint.core.yamlload import load_yaml
from doclint.vale.checks import CHECKS, UNSUPPORTED, check_class
from doclint.vale.checks.base import Check, Unsupported

LEVELS = ("suggestion", "warning", "error")


@dataclass
class LoadedRule:
    """A Vale rule: its check when doclint can run it, else the reason it cannot."""

    name: str             # Style.Rule
    path: str
    level: str
    extends: str
    message: str
    link: str
    check: Check | None
    skipped: str = ""     # why the rule does not run (unsupported check type)


def read_vocab(styles_path: str, name: str) -> tuple[list[str], list[str]]:
    """accept.txt and reject.txt of a vocabulary (config/vocabularies/<name>/, or the
    older Vocab/<name>/); one term or regex a line, `#` lines are comments."""
    for folder in (os.path.join(styles_path, "config", "vocabularies", name),
                   os.path.join(styles_path, "Vocab", name)):
        if os.path.isdir(folder):
            lists = []
            for stem in ("accept", "reject"):
                terms: list[str] = []
                file = os.path.join(folder, f"{stem}.txt")
                if os.path.isfile(file):
                    try:
                        with open(file, encoding="utf-8-sig") as handle:
                            terms = [t.strip() for t in handle if t.strip() and not t.lstrip().startswith("#")]
                    except (OSError, UnicodeDecodeError) as exc:
                        raise ConfigError(file, f"cannot read the vocabulary: {exc}") from None
                lists.append(terms)
            return lists[0], lists[1]
    raise ConfigError(styles_path, f"vocabulary '{name}' not found (looked in config/vocabularies/{name})")


def load_rule(name: str, path: str, accepted: list[str], word_template: str = "") -> LoadedRule:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            data = load_yaml(handle.read(), path)
    except OSError as exc:
        raise ConfigError(path, f"cannot read rule: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(path, "cannot read rule: it is not UTF-8 text") from None
    return build_rule(name, data, path, accepted, word_template)


def build_rule(name: str, data, path: str, accepted: list[str], word_template: str = "") -> LoadedRule:
    if not isinstance(data, dict):
        raise ConfigError(path, "a Vale rule must be a mapping")
    extends = str(data.get("extends") or "")
    if not extends:
        raise ConfigError(path, "missing the required 'extends' key", 1)
    level = str(data.get("level") or "warning").lower()
    if level not in LEVELS:
        raise ConfigError(path, f"'level' must be one of {', '.join(LEVELS)}, got '{level}'")
    message = str(data.get("message") or "")
    link = str(data.get("link") or "")
    if extends in UNSUPPORTED:
        return LoadedRule(name, path, level, extends, message, link, None,
                          f"extends '{extends}': {UNSUPPORTED[extends]}")
    if extends not in CHECKS:
        raise ConfigError(path, f"'extends' must be one of {', '.join(sorted(CHECKS) + sorted(UNSUPPORTED))}, "
                          f"got '{extends}'")
    try:
        check = check_class(extends)(name, data, path, accepted, word_template)
    except Unsupported as exc:
        return LoadedRule(name, path, level, extends, message, link, None, f"extends '{extends}': {exc}")
    except (TypeError, ValueError) as exc:
        raise ConfigError(path, f"{name}: {exc}") from None
    return LoadedRule(name, path, level, extends, message, link, check)


def style_files(styles_path: str, style: str) -> list[tuple[str, str]]:
    """(Style.Rule, file) for each rule file of a style, in name order."""
    folder = os.path.join(styles_path, style)
    out = []
    for entry in sorted(os.listdir(folder)):
        stem, ext = os.path.splitext(entry)
        if ext in (".yml", ".yaml") and os.path.isfile(os.path.join(folder, entry)):
            out.append((f"{style}.{stem}", os.path.join(folder, entry)))
    return out


def vocab_rules(path: str, accepted: list[str], rejected: list[str]) -> list[LoadedRule]:
    """Vale's built-in vocabulary rules: accepted terms in their exact case (Vale.Terms)
    and rejected ones never (Vale.Avoid)."""
    out = []
    if accepted:
        data = {"extends": "substitution", "message": "Use '%s' instead of '%s'.", "level": "error",
                "ignorecase": True, "vocab": False, "swap": {t: t for t in accepted}}
        out.append(build_rule("Vale.Terms", data, path, []))
    if rejected:
        data = {"extends": "existence", "message": "Avoid using '%s'.", "level": "error",
                "ignorecase": False, "vocab": False, "tokens": list(rejected)}
        out.append(build_rule("Vale.Avoid", data, path, []))
    return out
