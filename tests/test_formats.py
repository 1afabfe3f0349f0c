"""Report formats: SARIF against the official schema, GitHub commands, concise, --output."""
from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

import jsonschema
import pytest

from doclint.cli import FORMAT_NAMES, main
from doclint.core.finding import Applicability, Edit, Finding, Fix, Location, Severity
from doclint.core.problems import Problem
from doclint.engine.packs import load_rules
from doclint.engine.phases import RunResult
from doclint.report.formatters import FORMATTERS, Report, get_formatter

SCHEMA_PATH = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
DOC = "# Guide\n\nTODO: write the intro.\n\nWe recieve alot of mail.\n"


@pytest.fixture(scope="module")
def sarif_validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    # This copy keeps the top-level object's schema under definitions/Root.
    schema["$ref"] = "#/definitions/Root"
    return jsonschema.Draft7Validator(schema)


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    (tmp_path / "guide.md").write_text(DOC, encoding="utf-8")
    return tmp_path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def synthetic_report() -> Report:
    rules = [r for r in load_rules() if r.id in ("DL901", "DL902")]
    duplicate = Finding("docs/b.md", 4, 3, 4, 30, "DL902", "preferred-spelling", "style",
                        Severity.ERROR, "Sentence repeats docs/a.md:2, with a comma, and a \"quote\"",
                        related=(Location("docs/a.md", 2, 1), Location("docs/c.md", 9, 5)),
                        snippet="We recieve mail.")
    record = Finding("corpus.jsonl", 7, 1, 7, 1, "DL901", "placeholder-text", "style", Severity.INFO,
                     "Placeholder", record="r7", text_line=2, text_column=5, snippet="TODO")
    result = RunResult(findings=[duplicate, record], files=2, documents=3, rules=rules,
                       problems=[Problem("bad.jsonl", "invalid JSON", "error", 3)])
    return Report(result)


def render(name: str, report: Report) -> str:
    buffer = io.StringIO()
    get_formatter(name).render(report, buffer)
    return buffer.getvalue()


def test_format_names_and_formatters_stay_in_step():
    assert set(FORMAT_NAMES) == set(FORMATTERS)
    for name in FORMATTERS:
        assert callable(get_formatter(name).render)


def test_sarif_from_the_cli_validates_against_the_schema(workdir, capsys, sarif_validator):
    code, out, _ = run(capsys, "check", "--format", "sarif", "--select", "DL901,DL902", "guide.md")
    data = json.loads(out)
    sarif_validator.validate(data)
    run_ = data["runs"][0]
    assert code == 1 and data["version"] == "2.1.0"
    rules = run_["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} == {"DL901", "DL902"}
    assert all(r["help"]["text"] and r["defaultConfiguration"]["level"] == "warning" for r in rules)
    first = run_["results"][0]
    assert first["ruleId"] == "DL901" and first["level"] == "warning"
    assert rules[first["ruleIndex"]]["id"] == "DL901"
    region = first["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 6}
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "guide.md"


def test_sarif_related_locations_levels_and_notifications(sarif_validator):
    data = json.loads(render("sarif", synthetic_report()))
    sarif_validator.validate(data)
    run_ = data["runs"][0]
    dup, record = run_["results"]
    assert dup["level"] == "error" and record["level"] == "note"
    related = dup["relatedLocations"]
    assert [r["physicalLocation"]["artifactLocation"]["uri"] for r in related] == ["docs/a.md", "docs/c.md"]
    assert related[1]["physicalLocation"]["region"] == {"startLine": 9, "startColumn": 5}
    assert record["properties"] == {"record": "r7", "textLine": 2, "textColumn": 5}
    assert run_["invocations"][0]["executionSuccessful"] is False
    assert "invalid JSON" in run_["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]


def test_sarif_schema_check_is_real(sarif_validator):
    data = json.loads(render("sarif", synthetic_report()))
    data["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        sarif_validator.validate(data)


def test_sarif_fingerprints_survive_edits_above(workdir, capsys):
    def prints():
        _, out, _ = run(capsys, "check", "--format", "sarif", "--select", "DL902", "guide.md")
        return [r["partialFingerprints"] for r in json.loads(out)["runs"][0]["results"]]

    before = prints()
    (workdir / "guide.md").write_text("# Guide\n\nA new opening paragraph.\n\n" + DOC[8:], encoding="utf-8")
    assert prints() == before and len(before) == 2


def test_github_workflow_commands(workdir, capsys):
    code, out, _ = run(capsys, "check", "--format", "github", "--select", "DL901", "guide.md")
    assert code == 1
    assert out == ("::warning file=guide.md,line=3,col=1,endLine=3,endColumn=6,"
                   "title=DL901 placeholder-text::Placeholder text 'TODO:' left in the document\n")


def test_github_escapes_separators_and_newlines():
    out = render("github", synthetic_report()).splitlines()
    assert out[0].startswith("::error file=docs/b.md,line=4,col=3,endLine=4,endColumn=30,"
                             "title=DL902 preferred-spelling::")
    assert out[0].endswith("::Sentence repeats docs/a.md:2, with a comma, and a \"quote\"")
    assert out[1].startswith("::notice file=corpus.jsonl,line=7,col=1,title=")
    assert out[2] == "::error file=bad.jsonl,line=3,title=doclint::invalid JSON"
    report = synthetic_report()
    f = report.result.findings[0]
    report.result.findings = [dataclasses.replace(f, path="a,b:c.md", message="50% done\nnext")]
    assert render("github", report).startswith("::error file=a%2Cb%3Ac.md,")
    assert render("github", report).splitlines()[0].endswith("::50%25 done%0Anext")


def test_concise_is_one_line_per_finding(workdir, capsys):
    code, out, _ = run(capsys, "check", "--format", "concise", "--select", "DL901,DL902", "guide.md")
    assert code == 1
    assert out.splitlines() == [
        "guide.md:3:1: DL901 Placeholder text 'TODO:' left in the document",
        "guide.md:5:4: DL902 Use 'receive' instead of 'recieve'",
        "guide.md:5:12: DL902 Use 'a lot' instead of 'alot'",
    ]


@pytest.mark.parametrize("fmt", FORMAT_NAMES)
def test_output_file_for_every_format(workdir, capsys, fmt):
    code, out, _ = run(capsys, "check", "--format", fmt, "--select", "DL902", "--output", "report.out", "guide.md")
    assert code == 1 and out == ""
    written = (workdir / "report.out").read_text(encoding="utf-8")
    assert "recieve" in written
    if fmt in ("json", "sarif"):
        json.loads(written)


def test_exit_zero_quiet_and_statistics(workdir, capsys):
    code, out, err = run(capsys, "check", "--select", "DL901,DL902", "--exit-zero", "--statistics", "guide.md")
    assert code == 0
    assert out.splitlines()[-2:] == ["     2  DL902  warning  preferred-spelling",
                                     "     1  DL901  warning  placeholder-text"]
    code, out, err = run(capsys, "check", "--select", "DL901,DL902", "--quiet", "guide.md")
    assert code == 1 and len(out.splitlines()) == 3 and "findings" not in out and err == ""
    # Statistics never mix into a machine-readable report.
    code, out, err = run(capsys, "check", "--select", "DL902", "--format", "json", "--statistics", "guide.md")
    assert json.loads(out)["summary"]["findings"] == 2 and "DL902" in err
    # --exit-zero keeps exit code 2 for errors.
    assert run(capsys, "check", "--exit-zero", "missing.md")[0] == 2


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_on_a_terminal_outside_ci(monkeypatch):
    import argparse
    import sys

    from doclint.cli import progress_bar

    args = argparse.Namespace(quiet=False)
    monkeypatch.delenv("CI", raising=False)
    assert progress_bar(args) is None  # pytest's stderr is not a terminal
    monkeypatch.setattr(sys, "stderr", FakeTerminal())
    wrap = progress_bar(args)
    assert wrap is not None and list(wrap(["a.md", "b.md"])) == ["a.md", "b.md"]
    assert progress_bar(argparse.Namespace(quiet=True)) is None
    monkeypatch.setenv("CI", "true")
    assert progress_bar(args) is None


def whole_json(report: Report) -> str:
    """The JSON report as one json.dumps of the whole document (what the formatter
    wrote before it streamed the findings)."""
    from doclint import __version__
    from doclint.report.escape import json_safe
    from doclint.report.formatters.json import finding_dict

    result = report.result
    data = {"version": __version__, "findings": [finding_dict(f) for f in result.findings],
            "summary": {"files": result.files, "documents": result.documents,
                        "findings": len(result.findings), "by_severity": report.counts(),
                        "problems": [{"path": p.path, "line": p.line, "level": p.level, "message": p.message}
                                     for p in result.problems]}}
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def test_streamed_json_report_equals_the_whole_dump():
    report = synthetic_report()
    fixed = dataclasses.replace(report.result.findings[0], path="docs/b\udce9.md", fix=Fix(
        "Delete the repeated sentence", (Edit(10, 28),), Applicability.UNSAFE))
    report.result.findings.append(fixed)
    assert render("json", report) == whole_json(report)
    empty = Report(RunResult(files=1, documents=1, problems=[Problem("a.md", "findings: []", "error", 1)]))
    assert render("json", empty) == whole_json(empty)


def test_json_report_written_to_a_file_equals_the_one_printed(workdir, capsys):
    code, printed, _ = run(capsys, "check", "--format", "json", "--select", "DL901,DL902", "guide.md")
    assert code == 1 and json.loads(printed)["summary"]["findings"] == 3
    code, out, _ = run(capsys, "check", "--format", "json", "--select", "DL901,DL902", "-o", "r.json", "guide.md")
    assert code == 1 and out == "" and (workdir / "r.json").read_text(encoding="utf-8") == printed


def test_a_report_that_fails_half_written_leaves_the_old_file(workdir):
    from doclint.core.writer import atomic_stream

    (workdir / "r.json").write_text("old report\n")
    with pytest.raises(RuntimeError):
        with atomic_stream("r.json") as stream:
            stream.write("the first half")
            raise RuntimeError("a finding could not be rendered")
    assert (workdir / "r.json").read_text() == "old report\n"
    assert sorted(p.name for p in workdir.iterdir()) == ["guide.md", "r.json"]
