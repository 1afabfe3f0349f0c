"""SARIF 2.1.0 report (code scanning): rule metadata, levels, regions, fingerprints."""
from __future__ import annotations

import json
import os
from typing import TextIO
from urllib.parse import quote

from doclint import __version__
from doclint.core.finding import Severity
from doclint.report.escape import json_safe

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "doclint/v1"


def artifact_uri(path: str) -> dict:
    """Relative paths stay relative (to %SRCROOT%, the folder doclint ran in), so that
    code scanning maps them onto the repository; absolute ones become file: URIs."""
    if os.path.isabs(path):
        return {"uri": "file://" + quote(os.fsencode(path.replace(os.sep, "/")))}
    # fsencode: a file name that is not UTF-8 is percent-encoded byte for byte.
    return {"uri": quote(os.fsencode(path.replace(os.sep, "/"))), "uriBaseId": "%SRCROOT%"}


def physical(path: str, line: int, column: int, end_line: int | None = None,
             end_column: int | None = None) -> dict:
    region = {"startLine": max(line, 1), "startColumn": max(column, 1)}
    if end_line is not None and end_column is not None and (end_line, end_column) > (line, column):
        region.update(endLine=end_line, endColumn=end_column)
    return {"artifactLocation": artifact_uri(path), "region": region}


def rule_descriptor(rule) -> dict:
    help_text = rule.description
    examples = [e for e in rule.examples if e.text is not None]
    if examples:
        lines = [f"{'Reported' if e.expect == 'fail' else 'Not reported'}: {e.text.strip()}"
                 for e in examples[:4]]
        help_text += "\n\nExamples:\n" + "\n".join(lines)
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.name.replace("-", " ").capitalize()},
        "fullDescription": {"text": rule.description},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category], "kind": rule.kind},
    }


def result_dict(f, rule_index: dict[str, int], fingerprint: str) -> dict:
    out = {
        "ruleId": f.rule_id,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": physical(f.path, f.line, f.column, f.end_line, f.end_column)}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if f.rule_id in rule_index:
        out["ruleIndex"] = rule_index[f.rule_id]
    if f.related:
        out["relatedLocations"] = [
            {"id": i + 1, "physicalLocation": physical(loc.path, loc.line, loc.column),
             "message": {"text": f"related: {loc.path}:{loc.line}"}}
            for i, loc in enumerate(f.related)]
    if f.text_line is not None:
        # A JSONL record: the region is the record's line; the place inside its text is here.
        out["properties"] = {"record": f.record, "textLine": f.text_line, "textColumn": f.text_column}
        if f.row_group is not None:
            out["properties"]["rowGroup"] = f.row_group
    return out


def notification(problem) -> dict:
    level = {"error": "error", "warning": "warning"}.get(problem.level, "note")
    out = {"level": level, "message": {"text": f"{problem.path}: {problem.message}"}}
    if problem.line:
        out["locations"] = [{"physicalLocation": physical(problem.path, problem.line, 1)}]
    return out


def build(report) -> dict:
    from doclint.report.baseline import fingerprints

    result = report.result
    rules = list(result.rules)
    rule_index = {r.id: i for i, r in enumerate(rules)}
    prints = fingerprints(result.findings)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "doclint", "version": __version__, "semanticVersion": __version__,
                                "rules": [rule_descriptor(r) for r in rules]}},
            "invocations": [{
                "executionSuccessful": not any(p.level == "error" for p in result.problems),
                "toolExecutionNotifications": [notification(p) for p in result.problems],
            }],
            "originalUriBaseIds": {"%SRCROOT%": {"uri": as_dir_uri(os.getcwd())}},
            "columnKind": "unicodeCodePoints",
            "results": [result_dict(f, rule_index, fp) for f, fp in zip(result.findings, prints)],
        }],
    }


def as_dir_uri(path: str) -> str:
    return "file://" + quote(os.fsencode(path.replace(os.sep, "/").rstrip("/") + "/"))


def render(report, stream: TextIO) -> None:
    stream.write(json_safe(json.dumps(build(report), ensure_ascii=False, indent=2)) + "\n")
