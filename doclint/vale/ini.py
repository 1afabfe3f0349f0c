"""Read a `.vale.ini`: global keys, then `[glob]` sections, each key with its line."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from doclint.core.problems import ConfigError

_SECTION = re.compile(r"^\[(?P<name>[^\]]*)\]\s*$")
_KEY = re.compile(r"^(?P<key>[^=]+?)\s*=\s*(?P<value>.*)$")


@dataclass
class IniSection:
    """One section (`""` for the keys before the first section); values keep their line."""

    name: str
    line: int
    values: dict[str, tuple[str, int]] = field(default_factory=dict)


def parse_ini(text: str, path: str) -> list[IniSection]:
    """Sections in file order. A value continues on the next line after a trailing
    backslash, as in Go's ini reader that Vale uses; `#` and `;` start comment lines."""
    sections = [IniSection("", 0)]
    pending: tuple[str, int] | None = None
    pieces: list[str] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if pending is not None:
            pieces.append(line[:-1].strip() if line.endswith("\\") else line)
            if not line.endswith("\\"):
                sections[-1].values[pending[0]] = (" ".join(p for p in pieces if p), pending[1])
                pending, pieces = None, []
            continue
        if not line or line[0] in "#;":
            continue
        section = _SECTION.match(line)
        if section:
            sections.append(IniSection(section.group("name").strip(), number))
            continue
        key = _KEY.match(line)
        if key is None:
            raise ConfigError(path, f"cannot read line {raw.strip()!r}: expected 'Key = value' or '[section]'",
                              number)
        name, value = key.group("key").strip(), key.group("value").strip()
        if value.endswith("\\"):
            pending, pieces = (name, number), [value[:-1].strip()]
            continue
        sections[-1].values[name] = (value, number)
    if pending is not None:
        sections[-1].values[pending[0]] = (" ".join(p for p in pieces if p), pending[1])
    return sections


def read_ini(path: str) -> list[IniSection]:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
    except OSError as exc:
        raise ConfigError(path, f"cannot read the Vale configuration: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(path, "cannot read the Vale configuration: it is not UTF-8 text") from None
    return parse_ini(text, path)


def split_list(value: str) -> list[str]:
    """A comma-separated ini value. Commas inside brackets or braces (in a regex such as
    `a{1,3}` or `[,;]`) do not separate items."""
    items, depth, current = [], 0, []
    escaped = False
    for char in value:
        if escaped:
            current.append(char)
            escaped = False
            continue
        if char == "\\":
            escaped = True
            current.append(char)
            continue
        if char in "([{":
            depth += 1
        elif char in ")]}" and depth:
            depth -= 1
        if char == "," and depth == 0:
            items.append("".join(current).strip())
            current = []
            continue
        current.append(char)
    items.append("".join(current).strip())
    return [item for item in items if item]


def glob_regex(glob: str) -> re.Pattern:
    """A section glob (`*`, `?`, `[...]`, `{md,rst}`) as a regex over the whole path;
    `*` crosses folders, as in Vale's section matching."""
    out, i = [], 0
    while i < len(glob):
        char = glob[i]
        if char == "*":
            out.append(".*")
            while i + 1 < len(glob) and glob[i + 1] == "*":
                i += 1
        elif char == "?":
            out.append("[^/]")
        elif char == "{":
            close = glob.find("}", i)
            if close == -1:
                out.append(re.escape(char))
            else:
                out.append("(?:" + "|".join(glob_regex(part).pattern[4:-3]
                                            for part in glob[i + 1:close].split(",")) + ")")
                i = close
        elif char == "[":
            close = glob.find("]", i + 1)
            if close == -1:
                out.append(re.escape(char))
            else:
                body = glob[i + 1:close]
                out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
                i = close
        else:
            out.append(re.escape(char))
        i += 1
    return re.compile(r"(?s:" + "".join(out) + r")\Z")


def glob_matches(pattern: re.Pattern, path: str) -> bool:
    """Vale matches a section against the file's path; a bare `*.md` also matches a file
    in any folder, so the base name is tried as well."""
    path = path.replace("\\", "/")
    return bool(pattern.match(path) or pattern.match(os.path.basename(path)))
