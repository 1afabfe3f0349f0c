"""Baselines: adopt doclint on an existing corpus and report only new findings."""
from __future__ import annotations

import json

import pytest

from doclint.cli import main
from doclint.core.finding import Finding, Severity
from doclint.report.baseline import fingerprints

DOC = ("# Release notes\n\n"
       "We recieve many reports about the installer.\n\n"
       "TODO: describe the upgrade path.\n")


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.md").write_text(DOC, encoding="utf-8")
    return tmp_path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def check(capsys, *extra):
    return run(capsys, "check", "--select", "DL901,DL902", "--baseline", "base.json", "--format", "concise",
               *extra, "docs")


def make_baseline(capsys):
    code, out, _ = run(capsys, "baseline", "--select", "DL901,DL902", "-o", "base.json", "docs")
    assert code == 0 and "Wrote 2 findings to base.json." in out


def test_baseline_hides_known_findings(workdir, capsys):
    make_baseline(capsys)
    data = json.loads((workdir / "base.json").read_text(encoding="utf-8"))
    assert {e["rule"] for e in data["entries"]} == {"DL901", "DL902"}
    assert all(e["path"] == "docs/notes.md" for e in data["entries"])
    code, out, err = check(capsys)
    assert code == 0 and out == ""
    assert "2 known findings not shown, 0 baseline entries gone" in err


def test_editing_lines_above_does_not_resurrect_findings(workdir, capsys):
    make_baseline(capsys)
    edited = "# Release notes\n\nA new introduction.\n\nIt spans\ntwo lines.\n" + DOC[len("# Release notes\n"):]
    (workdir / "docs" / "notes.md").write_text(edited, encoding="utf-8")
    code, out, _ = check(capsys)
    assert code == 0 and out == ""


def test_new_findings_are_reported_and_gone_entries_counted(workdir, capsys):
    make_baseline(capsys)
    text = DOC.replace("TODO: describe the upgrade path.", "Describe the upgrade path.")
    text += "\nWe recieve many reports about the installer.\n"
    (workdir / "docs" / "notes.md").write_text(text, encoding="utf-8")
    code, out, err = check(capsys)
    # Two identical findings now, one baselined: the occurrence index reports the second.
    assert code == 1
    assert out.splitlines() == ["docs/notes.md:7:4: DL902 Use 'receive' instead of 'recieve'"]
    assert "1 known finding not shown, 1 baseline entry gone" in err


def test_baseline_paths_are_relative_to_the_baseline_file(workdir, capsys, monkeypatch):
    make_baseline(capsys)
    monkeypatch.chdir(workdir / "docs")
    code, out, _ = run(capsys, "check", "--select", "DL901,DL902", "--baseline", "../base.json", "notes.md")
    assert code == 0 and "No findings" in out


def test_unreadable_or_foreign_baseline_is_an_error(workdir, capsys):
    (workdir / "base.json").write_text('{"findings": []}', encoding="utf-8")
    code, _, err = check(capsys)
    assert code == 2 and "not a doclint baseline" in err
    code, _, err = run(capsys, "check", "--baseline", "missing.json", "docs")
    assert code == 2 and "cannot read baseline" in err


def test_fingerprints_ignore_line_and_wrapping_but_not_path_or_rule():
    def finding(path="a.md", line=3, rule="DL201", snippet="Run the  installer\nas root."):
        return Finding(path, line, 1, line, 9, rule, "duplicate-sentence", "duplication",
                       Severity.WARNING, f"Sentence repeats line {line - 2}", snippet=snippet)

    base = fingerprints([finding()])[0]
    assert fingerprints([finding(line=40, snippet="Run the installer as root.")])[0] == base
    assert fingerprints([finding(path="b.md")])[0] != base
    assert fingerprints([finding(rule="DL202")])[0] != base
    # Identical findings differ by their occurrence index, counted from the top.
    first, second = fingerprints([finding(line=9), finding(line=3)])
    assert second == base and first == base[:-1] + "1"
    # Without a snippet the message is used, with its numbers removed.
    assert (fingerprints([finding(snippet="", line=5)])[0] == fingerprints([finding(snippet="", line=50)])[0])
