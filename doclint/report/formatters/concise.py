"""One line per finding, nothing else: `path:line:col: DL123 message`."""
from __future__ import annotations

from typing import TextIO

from doclint.report.escape import escape


def line(f) -> str:
    return f"{escape(f.path)}:{f.line}:{f.column}: {f.rule_id} {escape(f.message)}"


def render(report, stream: TextIO) -> None:
    for f in report.result.findings:
        stream.write(line(f) + "\n")
