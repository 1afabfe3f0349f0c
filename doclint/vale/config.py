"""A Vale configuration: the styles folder, alert level, vocabularies and glob sections."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from doclint.core.problems import ConfigError
from doclint.vale.ini import IniSection, glob_matches, glob_regex, read_ini, split_list

LEVELS = ("suggestion", "warning", "error")
# Section keys doclint reads; `Packages` (downloads) and `Transform` (XSLT) it cannot act on.
_GLOBAL_KEYS = {"StylesPath", "MinAlertLevel", "Vocab", "Packages", "IgnoredScopes",
                "SkippedScopes", "WordTemplate", "IgnoredClasses", "SkippedClasses", "NLPEndpoint"}
_SECTION_KEYS = {"BasedOnStyles", "TokenIgnores", "BlockIgnores", "Transform", "Lang", "Vocab",
                 "CommentDelimiters"}
# Vale's defaults, which doclint's readers already match: code blocks, inline code and
# HTML script/style/pre/figure content are never prose.
_DEFAULT_IGNORED = {"code", "tt"}
_DEFAULT_SKIPPED = {"script", "style", "pre", "figure"}
_SPECIAL_SECTIONS = {"formats", "asciidoctor"}
_RULE_KEY = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")
_STYLE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


@dataclass
class Section:
    """`[glob]`: which styles and rules apply to matching files, and what they ignore."""

    glob: str
    pattern: re.Pattern
    styles: tuple[str, ...] = ()
    rules: dict[str, str] = field(default_factory=dict)  # Style.Rule -> YES, NO or a level
    token_ignores: tuple[str, ...] = ()
    block_ignores: tuple[str, ...] = ()
    vocab: tuple[str, ...] = ()

    def applies_to(self, path: str) -> bool:
        return glob_matches(self.pattern, path)


@dataclass
class ValeConfig:
    path: str
    styles_path: str
    min_level: str = "suggestion"
    vocab: tuple[str, ...] = ()
    word_template: str = ""
    sections: list[Section] = field(default_factory=list)
    notes: list[tuple[str, int | None, str]] = field(default_factory=list)  # (path, line, text)

    def styles(self) -> list[str]:
        """Every style some section names, in first-mention order."""
        out: list[str] = []
        for section in self.sections:
            for style in list(section.styles) + [r.split(".")[0] for r in section.rules]:
                if style not in out:
                    out.append(style)
        return out

    def all_vocab(self) -> list[str]:
        out = list(self.vocab)
        for section in self.sections:
            out.extend(v for v in section.vocab if v not in out)
        return out


def _level(value: str, path: str, line: int, key: str) -> str:
    level = value.strip().lower()
    if level not in LEVELS:
        raise ConfigError(path, f"{key}: expected one of {', '.join(LEVELS)}, got '{value}'", line)
    return level


def _section(raw: IniSection, path: str, notes: list) -> Section:
    section = Section(raw.name, glob_regex(raw.name))
    for key, (value, line) in raw.values.items():
        if key == "BasedOnStyles":
            section.styles = tuple(split_list(value))
        elif key == "TokenIgnores":
            section.token_ignores = tuple(split_list(value))
        elif key == "BlockIgnores":
            section.block_ignores = tuple(split_list(value))
        elif key == "Vocab":
            section.vocab = tuple(split_list(value))
        elif _RULE_KEY.match(key) or (_STYLE_KEY.match(key) and key not in _SECTION_KEYS):
            setting = value.strip()
            if setting.upper() in ("YES", "NO"):
                section.rules[key] = setting.upper()
            else:
                section.rules[key] = _level(setting, path, line, key)
        else:
            notes.append((path, line, f"[{raw.name}] {key} is not supported by doclint and is ignored"))
    return section


def load_config(path: str) -> ValeConfig:
    """Read `path` (a `.vale.ini`); relative paths in it are taken from its folder."""
    sections = read_ini(path)
    root = os.path.dirname(os.path.abspath(path))
    top = sections[0].values
    notes: list[tuple[str, int | None, str]] = []
    for key, (value, line) in top.items():
        if key not in _GLOBAL_KEYS:
            notes.append((path, line, f"{key} is not supported by doclint and is ignored"))
        elif key in ("Packages", "NLPEndpoint", "IgnoredClasses", "SkippedClasses"):
            notes.append((path, line, f"{key} is ignored: doclint reads the styles already in StylesPath"
                          if key == "Packages" else f"{key} is not supported by doclint and is ignored"))
    for key, defaults in (("IgnoredScopes", _DEFAULT_IGNORED), ("SkippedScopes", _DEFAULT_SKIPPED)):
        if key in top:
            value, line = top[key]
            extra = sorted(set(split_list(value)) - defaults)
            if extra:
                message = (f"{key}: {', '.join(extra)} cannot be skipped by doclint "
                           f"(it skips {', '.join(sorted(defaults))} as Vale does by default)")
                notes.append((path, line, message))
    if "StylesPath" not in top:
        raise ConfigError(path, "StylesPath is not set: doclint needs the folder that holds the styles")
    styles_value, styles_line = top["StylesPath"]
    styles_path = os.path.normpath(os.path.join(root, styles_value))
    if not os.path.isdir(styles_path):
        raise ConfigError(path, f"StylesPath '{styles_value}' is not a folder", styles_line)
    config = ValeConfig(path, styles_path, notes=notes)
    if "MinAlertLevel" in top:
        value, line = top["MinAlertLevel"]
        config.min_level = _level(value, path, line, "MinAlertLevel")
    if "Vocab" in top:
        config.vocab = tuple(split_list(top["Vocab"][0]))
    if "WordTemplate" in top:
        config.word_template = top["WordTemplate"][0]
    for raw in sections[1:]:
        if raw.name in _SPECIAL_SECTIONS:
            # `[formats]` maps file extensions onto Vale's parsers (doclint picks its reader
            # from the suffix); `[asciidoctor]` passes attributes to a program doclint does not run.
            notes.append((path, raw.line, f"[{raw.name}] is not supported by doclint and is ignored"))
            continue
        config.sections.append(_section(raw, path, notes))
    return config
