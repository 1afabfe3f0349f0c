"""Output formats: name -> module with `render(report, stream)`; imported on demand."""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from doclint.core.finding import Severity
from doclint.engine.phases import RunResult

FORMATTERS = {
    "text": "doclint.report.formatters.text",
    "json": "doclint.report.formatters.json",
    "sarif": "doclint.report.formatters.sarif",
    "github": "doclint.report.formatters.github",
    "concise": "doclint.report.formatters.concise",
    "vale-line": "doclint.report.formatters.valeline",
}


@dataclass
class Report:
    """What a formatter renders: the run's result and how to present it."""

    result: RunResult
    color: bool = False
    options: dict = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        out = {str(s): 0 for s in sorted(Severity, reverse=True)}
        for finding in self.result.findings:
            out[str(finding.severity)] += 1
        return out


def get_formatter(name: str):
    return importlib.import_module(FORMATTERS[name])
