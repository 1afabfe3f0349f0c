"""Vale's in-document comments (`<!-- vale off -->`, `<!-- vale Style.Rule = NO -->`) as
doclint suppressions of the imported rules."""
from __future__ import annotations

import re

# Every Vale rule: doclint's own rule ids never hold a dot, imported ones always do.
ALL_VALE = "*.*"
_MARKDOWN = re.compile(r"<!--\s*vale\s+(?P<body>[^>]*?)\s*-->")
_RST = re.compile(r"^[ \t]*\.\.[ \t]+vale[ \t]+(?P<body>[^\n]*?)[ \t]*$", re.MULTILINE)
_SETTING = re.compile(r"^\s*(?P<name>[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)?)\s*=\s*(?P<value>YES|NO)\s*$", re.IGNORECASE)


def vale_ranges(text: str, rst: bool, skip_line, position) -> list[tuple[tuple[str, ...], int, int, int, int, str]]:
    """(rules, first line, last line, directive line, column, directive text) for each
    switched-off range; a range left open runs to the end of the document.
    `skip_line(line)` says a line is code (a comment shown as an example)."""
    pattern = _RST if rst else _MARKDOWN
    last_line = text.count("\n") + 1
    open_: dict[str, tuple[int, int, int, str]] = {}
    out = []
    for m in pattern.finditer(text):
        line, column = position(m.start())
        if skip_line(line):
            continue
        shown = m.group(0).strip()
        body = m.group("body").strip()
        switches: list[tuple[str, bool]] = []
        if body.lower() in ("off", "on"):
            switches.append((ALL_VALE, body.lower() == "on"))
        else:
            for part in body.split(","):
                setting = _SETTING.match(part)
                if setting:
                    switches.append((setting.group("name"), setting.group("value").upper() == "YES"))
        for name, on in switches:
            if not on and name not in open_:
                open_[name] = (line, line, column, shown)
            elif on and name in open_:
                first, dline, dcol, dshown = open_.pop(name)
                out.append(((name,), first, line, dline, dcol, dshown))
    for name, (first, dline, dcol, dshown) in open_.items():
        out.append(((name,), first, last_line, dline, dcol, dshown))
    return out
