"""Human-readable report: `path:line:col: DL123 [severity] message`, then a summary."""
from __future__ import annotations

from typing import TextIO

from doclint.core.finding import Severity
from doclint.report.escape import escape

COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
BOLD, RESET = "\033[1m", "\033[0m"


def location(finding) -> str:
    where = f"{escape(finding.path)}:{finding.line}:{finding.column}"
    if finding.text_line is not None:
        parts = [f"record {escape(finding.record)}"] if finding.record else []
        if finding.row_group is not None:
            parts.append(f"row group {finding.row_group}")
        parts.append(f"text {finding.text_line}:{finding.text_column}")
        where += f" ({', '.join(parts)})"
    return where


def render(report, stream: TextIO) -> None:
    color = report.color
    for f in report.result.findings:
        severity = f"[{f.severity}]"
        if color:
            severity = f"{COLORS[f.severity]}{severity}{RESET}"
            rule = f"{BOLD}{f.rule_id}{RESET}"
        else:
            rule = f.rule_id
        stream.write(f"{location(f)}: {rule} {severity} {escape(f.message)}\n")
    if report.options.get("summary", True):  # --quiet prints findings only
        stream.write(summary_line(report) + "\n")


def summary_line(report) -> str:
    result = report.result
    n = len(result.findings)
    counts = report.counts()
    parts = ", ".join(f"{v} {k}{'s' if v != 1 else ''}" for k, v in counts.items() if v)
    files = f"{result.files} file{'s' if result.files != 1 else ''}"
    if not n:
        return f"No findings in {files}."
    return f"{n} finding{'s' if n != 1 else ''} ({parts}) in {files}."
