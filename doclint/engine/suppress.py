"""Inline suppression: parse doclint-disable/enable directives, drop findings, report unused ones."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable, Iterable

from doclint.core.finding import Applicability, Edit, Finding, Fix
from doclint.core.kind import META_KIND

if TYPE_CHECKING:
    from doclint.core.document import Document
    from doclint.core.rule import Rule

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
ACTIONS = ("disable", "enable", "disable-line", "disable-next-line", "disable-file")
# The action is matched loosely ("disable-nextline") so that a misspelt directive is
# reported instead of silently doing nothing.
_ACTION = r"doclint-(?P<action>(?:disable|enable)[A-Za-z-]*)(?P<rest>[^\n]*?)"
_MARKDOWN = re.compile(r"<!--[ \t]*" + _ACTION + r"[ \t]*-->")
_RST = re.compile(r"^[ \t]*\.\.[ \t]+" + _ACTION + r"[ \t]*$", re.M)
_TEXT = re.compile(r"^[ \t]*" + _ACTION + r"[ \t]*$", re.M)
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_RST_BLOCK = re.compile(r"^[ \t]*(?:\.\.[ \t]+[\w:-]+::|.*::[ \t]*$)")
# Rule tokens: doclint ids, id prefixes, names, categories, ALL, and imported Vale
# rules and styles (`Google.Will`, `Google`).
_TOKEN = re.compile(r"^(?:DL\d{1,3}|[a-z][a-z0-9]*(?:-[a-z0-9]+)*|ALL|(?!DL|ALL\b)[A-Z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_-]+)?)$")
_VALE_COMMENT = re.compile(r"(?:<!--|\.\.)[ \t]*vale[ \t]")


def _has_vale_comment(text: str) -> bool:
    """Does `_VALE_COMMENT` match somewhere in `text`? Found from each "vale" (a word
    inside many others: "prevalent", "equivalent") by looking back over the blanks
    before it, several times faster than the scan, which tries its two openings at
    every character. The blanks before "vale" are all read back: "<!--" and ".." end in
    no blank, so an opening can only stand just before them."""
    find = text.find
    at = find("vale")
    while at != -1:
        if text[at + 4:at + 5] in (" ", "\t"):
            start = at
            while start and text[start - 1] in " \t":
                start -= 1
            if start >= 4 and text.startswith("<!--", start - 4):
                return True
            if start >= 2 and text.startswith("..", start - 2):
                return True
        at = find("vale", at + 1)
    return False


@dataclass(frozen=True)
class Suppression:
    """Findings of `rules` (all rules when empty, minus `excluded`) on lines first..last
    are dropped. `line`/`column`/`text` locate the directive that made it."""

    rules: tuple[str, ...]
    first: int
    last: int
    line: int
    column: int
    text: str
    excluded: tuple[str, ...] = ()
    removal: tuple[int, int] | None = None  # offsets that delete a one-line directive
    quiet: bool = False  # a Vale comment: never reported as unused (it is Vale's too)

    def covers(self, f: Finding) -> bool:
        if any(names(token, f) for token in self.excluded):
            return False
        return not self.rules or any(names(token, f) for token in self.rules)


@dataclass(frozen=True)
class Invalid:
    """A directive that cannot be applied (misspelt, malformed, or enabling nothing)."""

    line: int
    column: int
    text: str
    problem: str


@dataclass(frozen=True)
class Directives:
    """A document's directives, as compact picklable data (made in the map phase)."""

    suppressions: tuple[Suppression, ...]
    invalid: tuple[Invalid, ...] = ()
    spans: tuple[tuple[int, int], ...] = ()  # offsets of the directives themselves
    record: str | None = None  # the JSONL record id, for meta findings
    key: "DocKey" = ("", None)  # the document: path and JSONL record line
    used: frozenset[tuple[int, int]] = frozenset()     # directives that dropped a finding
    decided: frozenset[tuple[int, int]] = frozenset()  # directives already reported on


def names(token: str, f: Finding) -> bool:
    """Whether a directive's rule token names the finding's rule: id, name, id prefix,
    category or ALL, as selectors do."""
    return (token in (f.rule_id, f.rule_name, f.category, "ALL")
            or (token.startswith("DL") and f.rule_id.startswith(token))
            or f.rule_id.startswith(token + ".")
            or (token == "*.*" and "." in f.rule_id))


def names_rule(token: str, rule: "Rule") -> bool:
    return (token in (rule.id, rule.name, rule.category, "ALL")
            or (token.startswith("DL") and rule.id.startswith(token))
            or rule.id.startswith(token + ".")
            or (token == "*.*" and "." in rule.id))


def _code_lines_markdown(lines: list[str]) -> set[int]:
    """1-based lines inside fenced code blocks (a directive shown as an example there
    is not a directive)."""
    out, fence = set(), None
    for number, line in enumerate(lines, 1):
        m = _FENCE.match(line)
        if fence is None:
            if m:
                fence = m.group(1)
                out.add(number)
        else:
            out.add(number)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line[m.end():].strip():
                fence = None
    return out


def _code_lines_rst(lines: list[str]) -> set[int]:
    """1-based lines of literal blocks and directive bodies (`::` then indented lines)."""
    out, owner = set(), None
    for number, line in enumerate(lines, 1):
        indent = len(line) - len(line.lstrip())
        if owner is not None:
            if not line.strip() or indent > owner:
                out.add(number)
                continue
            owner = None
        if _RST_BLOCK.match(line):
            owner = indent
    return out


def _hide_from_prose(doc: "Document", spans: list[tuple[int, int]]) -> None:
    """Plain text has no comments, so a directive line would read as prose and run into
    the paragraph below it. Blank it in the document's prose view and cut it out of its
    block, before any rule reads the document (offsets and lines do not move)."""
    from doclint.markup.base import Block, Parsed

    parsed = doc.parsed
    chars = list(parsed.masked)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    text = doc.text
    blocks = []
    for block in parsed.blocks:
        pieces = [(block.start, block.end)]
        for a, b in spans:
            pieces = [part for start, end in pieces
                      for part in ((start, min(end, a)), (max(start, b), end)) if part[0] < part[1]]
        for start, end in pieces:
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                blocks.append(Block(block.kind, start, end))
    doc.__dict__["parsed"] = Parsed(tuple(blocks), "".join(chars))  # overrides the cached parse
    doc.__dict__.pop("sentences", None)


def _syntax(doc: "Document") -> tuple[re.Pattern, set[int]]:
    from doclint.markup import READERS

    lines = doc.text.split("\n")
    if doc.reader is READERS["markdown"] or doc.path.lower().endswith(HTML_SUFFIXES):
        return _MARKDOWN, _code_lines_markdown(lines)
    if doc.reader is READERS["rst"]:
        return _RST, _code_lines_rst(lines)
    return _TEXT, set()


def _next_content_line(lines: list[str], line: int) -> int:
    for number in range(line + 1, len(lines) + 1):
        if lines[number - 1].strip():
            return number
    return line + 1


def parse_directives(doc: "Document") -> Directives | None:
    """The document's directives, or None when it has none (the common, fast case)."""
    text = doc.text
    vale = _has_vale_comment(text)
    if "doclint-" not in text and not vale:
        return None
    pattern, code_lines = _syntax(doc)
    lines = text.split("\n")
    sups: list[Suppression] = []
    invalid: list[Invalid] = []
    spans: list[tuple[int, int]] = []
    if vale and pattern is not _TEXT:
        from doclint.registry import imported_directives

        for rules, first, last, dline, dcol, shown in imported_directives(
                text, pattern is _RST, code_lines.__contains__, doc.position):
            sups.append(Suppression(rules, first, last, dline, dcol, shown, quiet=True))
    open_: list[tuple[tuple[str, ...], tuple[str, ...], int, int, int, str]] = []
    for m in pattern.finditer(text):
        line, column = doc.position(m.start())
        if line in code_lines or doc.masked[m.start():m.start() + 1] == "\ue000":
            continue
        spans.append(m.span())
        shown = m.group(0).strip()
        action = m.group("action")
        rest = m.group("rest").split(" -- ", 1)[0]  # "-- why" explains a directive
        tokens = tuple(t for t in re.split(r"[\s,]+", rest.strip()) if t)
        if action not in ACTIONS:
            invalid.append(Invalid(line, column, shown, f"'doclint-{action}' is not a directive "
                                   f"(use one of: {', '.join('doclint-' + a for a in ACTIONS)})"))
            continue
        bad = [t for t in tokens if not _TOKEN.match(t)]
        if bad or (rest.strip() and not rest[:1].isspace()):
            invalid.append(Invalid(line, column, shown, f"'{bad[0] if bad else rest.strip()}' is not a "
                                   "rule id, rule name, id prefix or category"))
            continue
        removal = _removal(text, m.start(), m.end())
        if action == "disable-line":
            sups.append(Suppression(tokens, line, line, line, column, shown, removal=removal))
        elif action == "disable-next-line":
            target = _next_content_line(lines, line)
            sups.append(Suppression(tokens, target, target, line, column, shown, removal=removal))
        elif action == "disable-file":
            sups.append(Suppression(tokens, 1, len(lines), line, column, shown, removal=removal))
        elif action == "disable":
            open_.append((tokens, (), line, line, column, shown))
        else:
            closed = _close(open_, tokens, line, sups)
            if not closed:
                invalid.append(Invalid(line, column, shown, "enables nothing: no matching doclint-disable is open"))
    for tokens, excluded, first, dline, dcol, shown in open_:
        sups.append(Suppression(tokens, first, len(lines), dline, dcol, shown, excluded))
    if not spans and not sups:
        return None
    if pattern is _TEXT:
        _hide_from_prose(doc, spans)
    return Directives(tuple(sups), tuple(invalid), tuple(spans), doc.record, doc_key(doc.path, doc.record_line))


def _removal(text: str, start: int, end: int) -> tuple[int, int]:
    """What deleting a directive removes: its whole line when it stands alone, otherwise
    the directive and the blanks before it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    if not text[line_start:start].strip() and not text[end:line_end].strip():
        return line_start, min(line_end + 1, len(text))
    while start > line_start and text[start - 1] in " \t":
        start -= 1
    return start, end


def _close(open_: list, tokens: tuple[str, ...], line: int, sups: list[Suppression]) -> bool:
    """Apply `doclint-enable [tokens]` at `line` to the open disable ranges: a range ends
    here, and what the enable leaves out stays disabled from the next line on."""
    closed = False
    for entry in list(open_):
        rules, excluded, first, dline, dcol, shown = entry
        if tokens and rules:
            if not set(rules) & set(tokens):
                continue
            rest = (tuple(r for r in rules if r not in tokens), excluded)
        elif tokens:  # `disable` of everything, `enable X`: everything but X stays disabled
            rest = (rules, excluded + tokens)
        else:
            rest = None
        open_.remove(entry)
        sups.append(Suppression(rules, first, line, dline, dcol, shown, excluded))
        if rest is not None and (rest[0] or not rules):
            open_.append((rest[0], rest[1], line + 1, dline, dcol, shown))
        closed = True
    return closed


DocKey = tuple[str, "int | None"]


def doc_key(path: str, record_line: int | None) -> DocKey:
    return (path, record_line)


def finding_key(f: Finding) -> tuple[DocKey, int]:
    """Which document a finding belongs to and its line inside that document's text."""
    if f.text_line is not None:
        return (f.path, f.line), f.text_line
    return (f.path, None), f.line


Position = tuple[int, int]  # a directive's (line, column): its identity within a document


def _drop_suppressed(findings: list[Finding], directives: dict[DocKey, Directives]
                     ) -> tuple[list[Finding], dict[DocKey, set[Position]]]:
    """The findings no directive covers, and which directives covered something."""
    used: dict[DocKey, set[Position]] = {}
    kept = []
    for f in findings:
        key, line = finding_key(f)
        d = directives.get(key)
        hit = False
        if d is not None:
            if f.end > f.start and any(a <= f.start and f.end <= b for a, b in d.spans):
                continue  # a rule read the directive itself as prose (plain text has no comments)
            own = (line, f.text_column if f.text_line is not None else f.column) if f.category == "meta" else None
            for s in d.suppressions:
                # A directive never silences the meta finding about itself.
                if s.first <= line <= s.last and s.covers(f) and own != (s.line, s.column):
                    used.setdefault(key, set()).add((s.line, s.column))
                    hit = True
        if not hit:
            kept.append(f)
    return kept, used


def _meta_findings(key: DocKey, d: Directives, used: set[Position], rules: list["Rule"],
                   undecided: Callable[[Suppression], bool]) -> tuple[list[Finding], set[Position]]:
    """Meta findings for the invalid directives and for unused ones that `undecided` does
    not hold back, and the positions of the directives decided here."""
    meta = {r.options.report: r for r in rules if r.kind == META_KIND}
    reports, decided = [], set()
    for s in d.suppressions:
        where = (s.line, s.column)
        if where in decided or where in d.decided or s.quiet or undecided(s):
            continue
        decided.add(where)
        # A directive naming rules that are off in this run may well be needed.
        if ("unused" in meta and where not in used and where not in d.used
                and all(any(names_rule(t, r) for r in rules) for t in s.rules)):
            reports.append((meta["unused"], s.line, s.column, s.text, "suppresses no finding", s.removal))
    if "invalid" in meta:
        for bad in d.invalid:
            reports.append((meta["invalid"], bad.line, bad.column, bad.text, bad.problem, None))
    out = []
    for rule, line, column, text, problem, removal in reports:
        f = _meta_finding(rule, key[0], key[1], d.record, line, column, text, problem, removal)
        # Other directives may silence a meta finding; a directive never silences itself.
        if not any(s.first <= line <= s.last and s.covers(f) and (s.line, s.column) != (line, column)
                   for s in d.suppressions):
            out.append(f)
    return out, decided


def settle_document(findings: list[Finding], d: Directives, rules: Iterable["Rule"],
                    corpus_rules: Iterable["Rule"]) -> tuple[list[Finding], Directives]:
    """The map-phase part: drop the document's suppressed findings, and report the
    directives that the corpus phase cannot change (invalid ones, and unused ones that
    name no corpus rule). Fixing a single document relies on this. The rest is carried
    on, as compact data, to `apply_suppressions`."""
    rules, corpus_rules = list(rules), list(corpus_rules)
    kept, used = _drop_suppressed(findings, {d.key: d})
    used_here = used.get(d.key, set())

    def waits_for_corpus(s: Suppression) -> bool:
        return any(not s.rules or any(names_rule(t, r) for t in s.rules) for r in corpus_rules)

    meta, decided = _meta_findings(d.key, d, used_here, rules, waits_for_corpus)
    return kept + meta, replace(d, invalid=(), used=frozenset(used_here), decided=frozenset(decided))


def apply_suppressions(findings: list[Finding], directives: dict[DocKey, Directives],
                       rules: Iterable["Rule"]) -> list[Finding]:
    """After the corpus phase: drop suppressed findings (corpus ones; the rest went in
    the map phase) and report the directives still undecided."""
    rules = list(rules)
    kept, used = _drop_suppressed(findings, directives)
    for key, d in directives.items():
        meta, _ = _meta_findings(key, d, used.get(key, set()), rules, lambda s: False)
        kept.extend(meta)
    return kept


def _meta_finding(rule: "Rule", path: str, record_line: int | None, record: str | None,
                  line: int, column: int, text: str, problem: str,
                  removal: tuple[int, int] | None) -> Finding:
    message = rule.render({"directive": text, "problem": problem})
    # Deleting an unused one-line directive changes no prose. Ranges (disable ... enable)
    # get no fix: removing one end would leave the other dangling.
    fix = None if removal is None else Fix("Remove the unused directive", (Edit(*removal),), Applicability.SAFE)
    start, end = removal or (0, 0)
    if record_line is None:
        return Finding(path, line, column, line, column + len(text), rule.id, rule.name, rule.category,
                       rule.severity, message, fix=fix, start=start, end=end, snippet=text)
    return Finding(path, record_line, 1, record_line, 1, rule.id, rule.name, rule.category,
                   rule.severity, message, fix=fix, record=record, text_line=line, text_column=column,
                   start=start, end=end, snippet=text)
