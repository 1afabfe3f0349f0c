"""List findings that stand where no prose is, and messages that quote markup.

Runs doclint over a folder (or reads a JSON report it already wrote) and checks every
finding against a scanner of its own, deliberately independent of doclint's readers,
so that a reader bug cannot hide itself:

- a finding must not start inside a fenced or indented code block, a reST literal
  block (after a paragraph ending in `::` or a bare `::`, or a code directive), a header
  block (front matter, a PEP-style RFC 822 header, `.. meta::`), an HTML comment, a
  template tag (`{% ... %}`, `{{ ... }}`, `{{< ... >}}`), a MkDocs admonition or tab
  title line, a snippet line (`--8<--`) or an abbreviation line (`*[HTML]: ...`);
- a message must not contain `**`, `__`, a pair of backticks, a template tag or a
  private-use character (the placeholders readers use for masking).

Exit status 0 when there are no offenders, 1 otherwise.

Run: python bench/markup_offenders.py FOLDER [--report REPORT.json] [--show 20]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections import Counter
from functools import lru_cache

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_ADMONITION = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?|===)[ \t]")
_SNIPPET = re.compile(r"^[ \t]*-+8<-+")
_ABBREVIATION = re.compile(r"^\*\[[^\]]+\]:")
_TEMPLATE = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.S)
_CODE_DIRECTIVE = re.compile(
    r"^([ \t]*)\.\.[ \t]+(?:code-block|code|sourcecode|literalinclude|highlight|doctest"
    r"|testcode|testoutput|productionlist|raw|math|csv-table|meta)::")
_PEP_FIELD = re.compile(r"^[A-Z][\w-]*(?: [\w-]+)*:[ \t]")

# What must never appear in a message, unless the document itself writes it as
# content: inside a code span ("``__init__.py``") or escaped ("\\*\\*").
_MESSAGE_MARKUP = re.compile(r"\*\*|__|`[^`]*`|\{%|%\}|\{\{|\}\}|[\ue000-\uf8ff]")
_PATH_IN_MESSAGE = re.compile(r"[^\s\"']+\.(?:md|mdx|markdown|rst|txt|jsonl|ndjson)(?::\d+)?\b")
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_ESCAPED = re.compile(r"(?:\\[*_`{}%#])+")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _line_offsets(text: str) -> list[int]:
    starts = [0]
    for m in re.finditer("\n", text):
        starts.append(m.end())
    return starts


def _header_end(lines: list[str], path: str) -> int:
    """Number of leading lines that are front matter or an RFC 822 header block."""
    if lines and lines[0].strip() in ("---", "+++"):
        mark = lines[0].strip()
        for j in range(1, len(lines)):
            if lines[j].strip() in (mark, "..."):
                return j + 1
        return 0
    if path.endswith(".rst") and lines and _PEP_FIELD.match(lines[0]):
        j = 0
        while j < len(lines) and lines[j].strip():
            j += 1
        return j
    return 0


def _rst_lines(lines: list[str], bad: set[int]) -> None:
    """Literal blocks and code directives of a reST file, as 0-based line numbers."""
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        s = line.strip()
        directive = _CODE_DIRECTIVE.match(line)
        literal = s.endswith("::") and not s.startswith("..")
        if directive or literal:
            base = _indent(line)
            # a paragraph ending in "::" may be wrapped: its indent is that of its first line
            k = i
            while literal and k > 0 and lines[k - 1].strip() and _indent(lines[k - 1]) == base:
                k -= 1
            j = i + 1
            while j < n and (not lines[j].strip() or _indent(lines[j]) > base):
                j += 1
            while j > i + 1 and not lines[j - 1].strip():
                j -= 1
            body = range(i + 1, j)
            if directive:
                bad.add(i)
                bad.update(body)
            else:
                # the block must be indented; an unindented next line is a quoted
                # literal or nothing at all
                bad.update(body)
            i = j if j > i else i + 1
            continue
        i += 1


def _markdown_lines(lines: list[str], bad: set[int]) -> None:
    """Fenced code, indented code after a blank line, admonition/tab titles, snippets."""
    fence: str | None = None
    prev_blank = True
    in_list = False
    for i, line in enumerate(lines):
        s = line.strip()
        if fence is not None:
            bad.add(i)
            m = _FENCE.match(line.lstrip(" \t>"))
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) \
                    and not line.lstrip(" \t>")[m.end():].strip():
                fence = None
            continue
        m = _FENCE.match(line.lstrip(" \t>")) if _indent(line) < 16 else None
        if m and not (m.group(1)[0] == "`" and "`" in line.lstrip(" \t>")[m.end():]):
            fence = m.group(1)
            bad.add(i)
            continue
        if re.match(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]", line):
            in_list = True
        elif s and _indent(line) == 0:
            in_list = False
        if prev_blank and not in_list and line.startswith(("    ", "\t")) and s:
            bad.add(i)  # indented code block (outside lists and admonitions, roughly)
            prev_blank = False
            continue
        if _ADMONITION.match(line) or _SNIPPET.match(line) or _ABBREVIATION.match(line):
            bad.add(i)
        prev_blank = not s


@lru_cache(maxsize=None)
def nonprose(path: str) -> tuple[set[int], list[tuple[int, int]], list[int]]:
    """(0-based non-prose lines, non-prose character ranges, line start offsets)."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read().replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    bad: set[int] = set(range(_header_end(lines, path)))
    if path.endswith(".rst"):
        _rst_lines(lines, bad)
    elif path.endswith((".md", ".mdx", ".markdown")):
        _markdown_lines(lines, bad)
    spans = [(m.start(), m.end()) for m in re.finditer(r"<!--.*?-->", text, re.S)]
    spans += [(m.start(), m.end()) for m in _TEMPLATE.finditer(text)]
    return bad, spans, _line_offsets(text)


@lru_cache(maxsize=None)
def literal_content(path: str) -> str:
    """Everything a file writes as literal content: code span contents, escaped marks."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    spans = [m.group(2) for m in _CODE_SPAN.finditer(text)]
    escaped = [m.group().replace("\\", "") for m in _ESCAPED.finditer(text)]
    return "\n".join(spans + escaped)


def carries_markup(message: str, path: str) -> bool:
    """Whether `message` carries markup that the document does not write as content."""
    message = _PATH_IN_MESSAGE.sub("PATH", message)  # "docs__intro.md:12" names a file
    for m in _MESSAGE_MARKUP.finditer(message):
        if "`" in m.group() or "\ue000" <= m.group()[0] <= "\uf8ff" or not os.path.isfile(path):
            return True
        left = message.rfind(" ", 0, m.start()) + 1
        right = message.find(" ", m.end())
        token = message[left:len(message) if right == -1 else right].strip("\"'.,;:()\u2026")
        if m.group() not in token or token not in literal_content(path):
            return True
    return False


def offenders(report: list[dict], root: str) -> tuple[list[str], list[str]]:
    inside, garbled = [], []
    for f in report:
        path = f["path"]
        if not os.path.isabs(path) and os.path.isfile(os.path.join(root, path)):
            path = os.path.join(root, path)  # (reports written from inside ROOT)
        path = os.path.abspath(path)
        rel = os.path.relpath(path, root)
        where = f"{rel}:{f['line']}:{f['column']} {f['rule']}"
        if os.path.isfile(path) and not path.endswith((".jsonl", ".ndjson")):
            bad, spans, starts = nonprose(path)
            offset = starts[f["line"] - 1] + f["column"] - 1 if f["line"] <= len(starts) else -1
            if f["line"] - 1 in bad or any(a <= offset < b for a, b in spans):
                inside.append(where)
        if carries_markup(f["message"], path):
            garbled.append(f"{where}: {f['message'][:100]}")
    return inside, garbled


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder")
    ap.add_argument("--report", help="a JSON report of doclint on FOLDER (else doclint is run)")
    ap.add_argument("--show", type=int, default=20, help="offenders to list per class")
    args = ap.parse_args()
    root = os.path.abspath(args.folder)
    if args.report:
        with open(args.report, encoding="utf-8") as f:
            data = json.load(f)
    else:
        out = subprocess.run([sys.executable, "-m", "doclint", "check", "--format", "json",
                              "--fail-on", "never", "."], cwd=root, capture_output=True,
                             text=True, check=False)
        data = json.loads(out.stdout)
    findings = data["findings"] if isinstance(data, dict) else data
    inside, garbled = offenders(findings, root)
    for x in inside[:args.show]:
        print("  in non-prose:", x)
    for x in garbled[:args.show]:
        print("  markup in message:", x)
    by_rule = Counter(re.search(r":\d+:\d+ (\S+?):?(?: |$)", x).group(1) for x in inside + garbled)
    print(f"{len(findings)} findings; {len(inside)} start in non-prose constructs; "
          f"{len(garbled)} messages carry markup; by rule: {dict(sorted(by_rule.items()))}")
    sys.exit(1 if inside or garbled else 0)


if __name__ == "__main__":
    main()
