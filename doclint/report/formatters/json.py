"""Machine-readable report: {"version", "findings", "summary"} (schema in the README)."""
from __future__ import annotations

import json
from typing import TextIO

from doclint import __version__
from doclint.report.escape import json_safe


def finding_dict(f) -> dict:
    out = {
        "path": f.path, "line": f.line, "column": f.column,
        "end_line": f.end_line, "end_column": f.end_column,
        "rule": f.rule_id, "name": f.rule_name, "category": f.category,
        "severity": str(f.severity), "message": f.message,
        "related": [loc.as_dict() for loc in f.related],
        "fix": None if f.fix is None else {
            "title": f.fix.title, "applicability": f.fix.applicability.value,
            "edits": [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in f.fix.edits],
        },
    }
    if f.text_line is not None:
        out.update(record=f.record, text_line=f.text_line, text_column=f.text_column)
    if f.row_group is not None:
        out["row_group"] = f.row_group
    return out


def render(report, stream: TextIO) -> None:
    """Write the report a finding at a time: the text equals json.dumps of the whole
    report with indent=2, but never more than one finding's text is held at once."""
    result = report.result
    head = {
        "version": __version__,
        "findings": [],
        "summary": {
            "files": result.files, "documents": result.documents,
            "findings": len(result.findings), "by_severity": report.counts(),
            "problems": [{"path": p.path, "line": p.line, "level": p.level, "message": p.message}
                         for p in result.problems],
        },
    }
    # The empty list stands where the findings go; "version" before it is a plain
    # string, so the first such text is that place.
    before, after = json_safe(json.dumps(head, ensure_ascii=False, indent=2)).split(_EMPTY, 1)
    stream.write(before)
    if not result.findings:
        stream.write(_EMPTY)
    else:
        stream.write('"findings": [')
        separator = "\n"
        for finding in result.findings:
            item = json_safe(json.dumps(finding_dict(finding), ensure_ascii=False, indent=2))
            # An item of the list stands two levels in; JSON strings hold no raw newline.
            stream.write(separator + _ITEM_INDENT + item.replace("\n", "\n" + _ITEM_INDENT))
            separator = ",\n"
        stream.write("\n  ]")
    stream.write(after + "\n")


_EMPTY = '"findings": []'
_ITEM_INDENT = "    "
