"""Vale's `--output=line`: `path:line:column:Rule:message`, so scripts written for Vale keep working."""
from __future__ import annotations

from typing import TextIO


def line(f) -> str:
    return f"{f.path}:{f.line}:{f.column}:{f.rule_id}:{f.message}"


def render(report, stream: TextIO) -> None:
    for f in report.result.findings:
        stream.write(line(f) + "\n")
