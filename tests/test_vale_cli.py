"""Imported Vale rules through the command line: --vale-config and `vale:`, the
vale-line format, SARIF, baselines, fixes, `rules` and `explain`."""
from __future__ import annotations

import json
import textwrap

import pytest

from doclint.cli import main

STYLE = {
    "Terms.yml": """
        extends: substitution
        message: "Use '%s' instead of '%s'."
        level: error
        action:
          name: replace
        swap:
          e-mail: email
    """,
    "Simply.yml": """
        extends: existence
        message: "Avoid '%s'."
        level: warning
        link: https://example.com/simply
        ignorecase: true
        tokens: [simply]
    """,
    "Prompt.yml": """
        extends: script
        message: "No prompts."
        script: x.tengo
    """,
}


@pytest.fixture
def project(tmp_path, monkeypatch):
    style = tmp_path / "styles" / "House"
    style.mkdir(parents=True)
    for name, body in STYLE.items():
        (style / name).write_text(textwrap.dedent(body), encoding="utf-8")
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\n\n[*.md]\nBasedOnStyles = House\n",
                                        encoding="utf-8")
    (tmp_path / "guide.md").write_text("# Guide\n\nSimply send an e-mail to the team.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_vale_line_format_prints_vales_line_output(project, capsys):
    code, out, err = run(capsys, "check", "--vale-config", ".vale.ini", "--select", "House",
                         "--format", "vale-line", "guide.md")
    assert out.splitlines() == ["guide.md:3:1:House.Simply:Avoid 'Simply'.",
                                "guide.md:3:16:House.Terms:Use 'email' instead of 'e-mail'."]
    assert code == 1
    assert err.count("House.Prompt does not run") == 1 and "Tengo" in err


def test_config_key_vale_and_ignore_by_rule(project, capsys):
    (project / ".doclint.yaml").write_text("vale: .vale.ini\nselect: [House]\nignore: [House.Simply]\n",
                                           encoding="utf-8")
    _, out, _ = run(capsys, "check", "--format", "concise", "guide.md")
    assert [line.split(": ", 1)[1] for line in out.splitlines()] == ["House.Terms Use 'email' instead of 'e-mail'."]


def test_sarif_names_vale_rules_with_their_link(project, capsys):
    _, out, _ = run(capsys, "check", "--vale-config", ".vale.ini", "--select", "House", "--format", "sarif",
                    "guide.md")
    run_ = json.loads(out)["runs"][0]
    assert {r["ruleId"] for r in run_["results"]} == {"House.Simply", "House.Terms"}
    rules = {r["id"]: r for r in run_["tool"]["driver"]["rules"]}
    assert "https://example.com/simply" in json.dumps(rules["House.Simply"])


def test_baseline_keeps_old_vale_findings_out(project, capsys):
    run(capsys, "baseline", "--vale-config", ".vale.ini", "--select", "House", "-o", "base.json", "guide.md")
    with open("guide.md", "a", encoding="utf-8") as handle:
        handle.write("\nThen simply wait.\n")
    _, out, _ = run(capsys, "check", "--vale-config", ".vale.ini", "--select", "House", "--format",
                    "vale-line", "--baseline", "base.json", "guide.md")
    assert out.splitlines() == ["guide.md:5:6:House.Simply:Avoid 'simply'."]


def test_fix_applies_the_replace_action_only_when_unsafe_fixes_are_asked_for(project, capsys):
    run(capsys, "fix", "--vale-config", ".vale.ini", "--select", "House", "guide.md")
    assert "e-mail" in (project / "guide.md").read_text(encoding="utf-8")
    run(capsys, "fix", "--unsafe", "--vale-config", ".vale.ini", "--select", "House", "guide.md")
    assert (project / "guide.md").read_text(encoding="utf-8") == "# Guide\n\nSimply send an email to the team.\n"


def test_rules_and_explain_list_vale_rules(project, capsys):
    _, out, _ = run(capsys, "rules", "--vale-config", ".vale.ini", "--format", "json")
    ids = {r["id"] for r in json.loads(out)}
    assert {"House.Terms", "House.Simply"} <= ids and "House.Prompt" not in ids
    code, out, _ = run(capsys, "explain", "House.Simply", "--vale-config", ".vale.ini")
    assert code == 0 and "https://example.com/simply" in out


def test_broken_vale_config_is_exit_code_2(project, capsys):
    (project / "bad.ini").write_text("StylesPath = nowhere\n", encoding="utf-8")
    code, _, err = run(capsys, "check", "--vale-config", "bad.ini", "guide.md")
    assert code == 2 and "bad.ini" in err and "StylesPath" in err


def test_configuration_overrides_a_vale_rules_severity(project, capsys):
    (project / ".doclint.yaml").write_text(
        "vale: .vale.ini\nselect: [House]\nrules:\n  House.Simply: {severity: error}\n  House.Terms: {enabled: false}\n",
        encoding="utf-8")
    _, out, _ = run(capsys, "check", "--format", "json", "guide.md")
    findings = json.loads(out)["findings"]
    assert [(f["rule"], f["severity"]) for f in findings] == [("House.Simply", "error")]
