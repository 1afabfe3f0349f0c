"""GitHub Actions workflow commands: `::warning file=...,line=...,col=...,title=...::message`."""
from __future__ import annotations

from typing import TextIO

from doclint.core.finding import Severity
from doclint.report.escape import json_safe

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """The message part: GitHub decodes %25, %0D and %0A (a raw newline ends the command)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Property values also may not hold the separators ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(f) -> str:
    props = [f"file={escape_property(f.path)}", f"line={f.line}", f"col={f.column}"]
    if f.end_line > f.line or (f.end_line == f.line and f.end_column > f.column):
        props += [f"endLine={f.end_line}", f"endColumn={f.end_column}"]
    props.append(f"title={escape_property(f'{f.rule_id} {f.rule_name}')}")
    return f"::{COMMANDS[f.severity]} {','.join(props)}::{escape_data(f.message)}"


def problem_command(problem) -> str:
    """Input problems (unreadable files, invalid JSONL lines) annotate the file too."""
    level = {"error": "error", "warning": "warning"}.get(problem.level, "notice")
    props = [f"file={escape_property(problem.path)}"] + ([f"line={problem.line}"] if problem.line else [])
    props.append("title=doclint")
    return f"::{level} {','.join(props)}::{escape_data(problem.message)}"


def render(report, stream: TextIO) -> None:
    # json_safe: only lone surrogates (names that are not UTF-8) need escaping here.
    for f in report.result.findings:
        stream.write(json_safe(command(f)) + "\n")
    for problem in report.result.problems:
        stream.write(json_safe(problem_command(problem)) + "\n")
