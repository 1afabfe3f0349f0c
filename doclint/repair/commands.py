"""`doclint fix` (files in place) and `doclint clean` (JSONL corpora to a new file)."""
from __future__ import annotations

import difflib
import hashlib
import json
from dataclasses import dataclass, field

from doclint.core.discovery import discover, display_path
from doclint.core.document import Document
from doclint.core.loader import JSONL_SUFFIXES, is_parquet, load
from doclint.core.problems import Problem
from doclint.core.writer import atomic_write_text
from doclint.engine.config import LoadedConfig, configured_rules
from doclint.engine.phases import Engine
from doclint.markup.text import parse as parse_text
from doclint.repair.cleanlog import CleanLog
from doclint.repair.fixer import fix_until_stable


@dataclass
class RepairResult:
    fixed: int = 0                 # fixes applied
    changed: list[str] = field(default_factory=list)  # files (or records) changed
    dropped: int = 0               # records dropped by clean
    copied: int = 0                # invalid lines clean copied unchanged
    problems: list[Problem] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)  # fix --diff: one unified diff per changed file


def _fix_text(engine: Engine, doc: Document, unsafe: bool,
              problems: list[Problem] | None = None,
              applied_rules: list[str] | None = None) -> tuple[str, int]:
    """Fix one document: lint it on its own (both phases, so corpus rules' fixes within
    the document apply too), apply the fixes, repeat until stable. The first lint's
    problems (a block skipped for its size, a rule that failed) go to `problems`, and
    the rule id of each applied fix to `applied_rules`."""
    passes = 0

    def lint(text: str):
        nonlocal passes
        again = Document(doc.path, text, doc.reader, doc.newline, doc.encoding, doc.bom,
                         doc.record, doc.record_line)
        result = engine.run([again])
        if passes == 0 and problems is not None:
            problems.extend(result.problems)
        passes += 1
        return result.findings

    return fix_until_stable(doc.text, lint, unsafe, applied_rules)


def fix_paths(paths: list[str], loaded: LoadedConfig, select=(), ignore=(), unsafe: bool = False,
              diff: bool = False) -> RepairResult:
    """Apply fixes to files in place (atomically), or with `diff` only collect a unified
    diff per file. JSONL and Parquet corpora and files that were not valid UTF-8 are
    never rewritten here: `clean` writes JSONL corpora to a new file."""
    config = loaded.config
    engine = Engine(configured_rules(loaded, select, ignore), config)
    found = discover(paths, config.include, config.exclude, config.gitignore, loaded.root)
    out = RepairResult(problems=list(found.problems))
    for path in found.files:
        shown = display_path(path)
        if path.lower().endswith(JSONL_SUFFIXES):
            out.problems.append(Problem(shown, "JSONL corpora are not fixed in place; use `doclint clean`", "note"))
            continue
        if is_parquet(path):
            out.problems.append(Problem(shown, "Parquet corpora are not fixed", "note"))
            continue
        loaded_file = load(path, shown, config.text_field)
        out.problems.extend(loaded_file.problems)
        for doc in loaded_file.documents:
            if doc.lossy:
                out.problems.append(Problem(shown, "not rewritten: the file is not valid UTF-8", "warning"))
                continue
            text, applied = _fix_text(engine, doc, unsafe, out.problems)
            if not applied or text == doc.text:
                continue
            if diff:
                out.diffs.append(unified_diff(shown, doc.text, text))
            else:
                try:
                    atomic_write_text(path, text, doc.newline, doc.encoding, doc.bom)
                except OSError as exc:
                    out.problems.append(Problem(shown, f"cannot write fixed file: {exc.strerror or exc}"))
                    continue
            out.fixed += applied
            out.changed.append(shown)
    return out


def unified_diff(path: str, before: str, after: str) -> str:
    """The change as a unified diff (`a/PATH` -> `b/PATH`, as git prints it)."""
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 f"a/{path}", f"b/{path}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in lines)


def record_key(text: str) -> bytes:
    """What makes two records duplicates: their whole text, case and spacing folded."""
    return hashlib.blake2b(" ".join(text.casefold().split()).encode(), digest_size=16).digest()


class FirstCopies:
    """Which records repeat an earlier record's text, over every file of a run in the
    order files and lines are seen. `known`: copies decided beforehand (line -> (path,
    line) of the kept copy), as a cluster run hands them to the task of one file."""

    def __init__(self, known: dict[int, tuple[str, int]] | None = None) -> None:
        self.seen: dict[bytes, tuple[str, int]] = {}
        self.known = known

    def earlier(self, path: str, line: int, text: str) -> tuple[str, int] | None:
        if self.known is not None:
            return self.known.get(line)
        first = self.seen.setdefault(record_key(text), (path, line))
        return None if first == (path, line) else first


def read_corpus(source: str, text_field: str) -> tuple[list[str], dict]:
    """The lines of a JSONL corpus and its records by line; raises OSError or
    UnicodeDecodeError for a file that cannot be read."""
    from doclint.markup.jsonl import iter_records

    with open(source, encoding="utf-8-sig") as handle:
        raw_lines = handle.read().split("\n")
    return raw_lines, {r.line: r for r in iter_records("\n".join(raw_lines), text_field)}


def clean_corpus(source: str, target: str, loaded: LoadedConfig, select=(), ignore=(),
                 unsafe: bool = False, drop_duplicate_records: bool = False,
                 log: CleanLog | None = None, copies: FirstCopies | None = None,
                 shown: str | None = None, near: dict[int, tuple[str, int]] | None = None) -> RepairResult:
    """Copy a JSONL corpus to `target`, fixing each record's text field. Other fields and
    key order are kept; lines that are not valid records are copied unchanged (and
    reported), so nothing is lost. With `drop_duplicate_records`, a record whose whole
    text repeats an earlier record's (after whitespace and case folding; in this file
    or, through a shared `copies`, an earlier file), or nearly repeats an earlier record
    as DL205 measures (`near`: line -> (path, line) of the record it nearly repeats,
    worked out over every file of the run by near_copies_by_file; without it, over this
    file alone), is left out. `log`, when given,
    records what happened to each record (the change report); `shown` is the name
    reports give the source."""
    config = loaded.config
    engine = Engine(configured_rules(loaded, select, ignore), config)
    out = RepairResult()
    shown = shown or source
    try:
        raw_lines, records = read_corpus(source, config.text_field)
    except (OSError, UnicodeDecodeError) as exc:
        out.problems.append(Problem(shown, f"cannot read corpus: {exc}"))
        return out
    if near is None and drop_duplicate_records:  # this file alone: its own near copies
        threshold, least = near_copy_options(loaded)
        near = near_copies_by_file([shown], [record_signatures(records, least)], threshold)[0]
    near = near or {}
    log = log if log is not None else CleanLog()
    copies = copies if copies is not None else FirstCopies()
    written = []
    for number, line in enumerate(raw_lines, start=1):
        record = records.get(number)
        if record is None or record.error:
            if record is not None:
                out.problems.append(Problem(shown, f"{record.error}; line copied unchanged", "error", number))
                out.copied += 1
                log.add(shown, number, record.record_id, "invalid")
            written.append(line)
            continue
        if drop_duplicate_records:
            first = copies.earlier(shown, number, record.text)
            if first is None:
                first = near.get(number)
            if first is not None:
                out.dropped += 1
                log.add(shown, number, record.record_id, "dropped", duplicate_of=first)
                continue
        doc = Document(shown, record.text, parse_text, record=record.record_id, record_line=number)
        rules: list[str] = []
        text, applied = _fix_text(engine, doc, unsafe, out.problems, rules)
        if applied and text != record.text:
            obj = json.loads(line)
            obj[config.text_field] = text
            line = json.dumps(obj, ensure_ascii=False)
            out.fixed += applied
            out.changed.append(f"{shown}:{number}")
            log.add(shown, number, record.record_id, "changed", rules, len(record.text) - len(text))
        else:
            log.add(shown, number, record.record_id, "kept")
        written.append(line)
    try:
        atomic_write_text(target, "\n".join(written))
    except OSError as exc:
        out.problems.append(Problem(target, f"cannot write cleaned corpus: {exc.strerror or exc}"))
    return out


def near_copy_options(loaded: LoadedConfig) -> tuple[float, int]:
    """The threshold and least length of the configured DL205 rule (its kind), so that
    `check` and `clean` agree on what a near copy is."""
    from doclint.core import neardocs as documents

    for rule in configured_rules(loaded, (), ()):
        if rule.kind == "near-duplicate-documents":
            return rule.options.threshold, rule.options.min_words
    return documents.DEFAULT_THRESHOLD, documents.MIN_WORDS


def record_signatures(records: dict, least: int) -> list[tuple[int, bytes | None]]:
    """(line, MinHash signature) of each valid record in line order (None when too short)."""
    from doclint.core import neardocs as documents

    return [(line, documents.signature(r.text, least)) for line, r in sorted(records.items()) if not r.error]


def near_copies_by_file(paths: list[str], signatures: list[list[tuple[int, bytes | None]]],
                        threshold: float) -> list[dict[int, tuple[str, int]]]:
    """For each file (`signatures[k]` are those of `paths[k]`, in line order), line ->
    (path, line) of the first record of the near-copy cluster the record is a later
    member of: clusters of doclint.core.neardocs over every record of the run, files
    and lines in order, so the first copy in the run stays."""
    from doclint.core import neardocs as documents

    places = [(path, line) for path, file_signatures in zip(paths, signatures) for line, _ in file_signatures]
    groups = documents.clusters([sig for file_signatures in signatures for _, sig in file_signatures], threshold)
    by_path: dict[str, dict[int, tuple[str, int]]] = {path: {} for path in paths}
    for group in groups:
        for member in group[1:]:
            path, line = places[member]
            by_path[path][line] = places[group[0]]
    return [by_path[path] for path in paths]
