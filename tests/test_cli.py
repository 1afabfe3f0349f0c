"""The command line end to end: reports, exit codes, bad input, fix and clean."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


from doclint.cli import main

BAD = "We recieve alot of questions about the release.\n"
GOOD = "We receive a lot of questions about the release.\n"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_text_report_and_exit_codes(workdir, capsys):
    (workdir / "notes.txt").write_text(BAD)
    code, out, _ = run(capsys, "check", "--select", "DL902", "notes.txt")
    assert code == 1
    assert "notes.txt:1:4: DL902 [warning] Use 'receive' instead of 'recieve'" in out
    assert "notes.txt:1:12: DL902 [warning] Use 'a lot' instead of 'alot'" in out
    assert out.strip().endswith("2 findings (2 warnings) in 1 file.")
    assert run(capsys, "check", "--select", "DL902", "--fail-on", "error", "notes.txt")[0] == 0
    (workdir / "notes.txt").write_text(GOOD)
    code, out, _ = run(capsys, "check", "--select", "DL902", "notes.txt")
    assert code == 0 and "No findings in 1 file." in out


def test_json_report_schema(workdir, capsys):
    (workdir / "notes.md").write_text("# Notes\n\n" + BAD)
    code, out, _ = run(capsys, "check", "--format", "json", "--select", "DL902", "notes.md")
    data = json.loads(out)
    assert code == 1 and data["version"]
    first = data["findings"][0]
    assert set(first) >= {"path", "line", "column", "end_line", "end_column", "rule", "name",
                          "category", "severity", "message", "related", "fix"}
    assert (first["path"], first["line"], first["column"], first["end_column"]) == ("notes.md", 3, 4, 11)
    assert first["fix"]["applicability"] == "safe"
    assert first["fix"]["edits"] == [{"start": 12, "end": 19, "replacement": "receive"}]
    assert data["summary"]["by_severity"]["warning"] == 2


def test_jsonl_findings_carry_record_and_text_position(workdir, capsys):
    records = [{"id": "a1", "text": "Fine text."}, {"id": "b2", "text": "First line.\nWe recieve mail."}]
    (workdir / "corpus.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    code, out, _ = run(capsys, "check", "--format", "json", "--select", "DL902", "corpus.jsonl")
    (finding,) = json.loads(out)["findings"]
    assert (finding["line"], finding["record"], finding["text_line"], finding["text_column"]) == (2, "b2", 2, 4)


def test_missing_path_and_binary_and_bad_encoding(workdir, capsys):
    (workdir / "image.txt").write_bytes(b"\x89PNG\x00\x00binary")
    (workdir / "latin.txt").write_bytes("Caf\xe9 cr\xe8me. We recieve mail.\n".encode("latin-1"))
    code, out, err = run(capsys, "check", "--select", "DL902", "nope.md", "image.txt", "latin.txt")
    assert code == 2  # the missing path is an error; the rest of the run still went on
    assert "nope.md: error: no such file or directory" in err
    assert "image.txt: note: binary file skipped" in err
    assert "latin.txt:1: warning: not valid UTF-8" in err
    assert "latin.txt:1:" in out and "recieve" in out


def test_empty_folder_is_reported(workdir, capsys):
    (workdir / "empty").mkdir()
    code, _, err = run(capsys, "check", "empty")
    assert code == 2 and "no lintable files" in err


def test_crlf_and_cr_files_keep_line_numbers(workdir, capsys):
    (workdir / "crlf.txt").write_bytes(b"First line.\r\n\r\nWe recieve mail.\r\n")
    (workdir / "cr.txt").write_bytes(b"First line.\r\rWe recieve mail.\r")
    code, out, _ = run(capsys, "check", "--select", "DL902", "crlf.txt", "cr.txt")
    assert "crlf.txt:3:4: DL902" in out and "cr.txt:3:4: DL902" in out


def test_config_file_selects_and_overrides_severity(workdir, capsys):
    (workdir / ".doclint.yaml").write_text("select: [style]\nignore: [DL901]\nrules:\n  DL902: {severity: error}\n")
    (workdir / "a.txt").write_text("TODO: " + BAD)
    code, out, _ = run(capsys, "check", "a.txt")
    assert "DL902 [error]" in out and "DL901" not in out
    code, out, _ = run(capsys, "check", "--select", "DL901", "a.txt")
    assert "DL901" in out  # the command line wins where it names the rule


def test_config_errors_name_file_key_and_line(workdir, capsys):
    (workdir / ".doclint.yaml").write_text("select: [style]\nfail_onn: error\n")
    (workdir / "a.txt").write_text(GOOD)
    code, _, err = run(capsys, "check", "a.txt")
    assert code == 2
    assert ".doclint.yaml:2: configuration: unknown option 'fail_onn'" in err
    (workdir / ".doclint.yaml").write_text("select: [style]\nrules:\n  DL902:\n    options:\n      swapp: {}\n")
    code, _, err = run(capsys, "check", "a.txt")
    assert code == 2 and ".doclint.yaml:5: rules.DL902: unknown option 'swapp'" in err
    (workdir / ".doclint.yaml").write_text("select: [DL999]\n")
    code, _, err = run(capsys, "check", "a.txt")
    assert code == 2 and "'DL999' names no rule" in err


def test_pyproject_tool_section_is_found_from_a_subfolder(workdir, capsys):
    (workdir / "pyproject.toml").write_text('[tool.doclint]\nselect = ["DL902"]\nfail-on = "error"\n')
    sub = workdir / "docs"
    sub.mkdir()
    (sub / "a.txt").write_text(BAD)
    os.chdir(sub)
    code, out, _ = run(capsys, "check", "a.txt")
    assert code == 0 and "DL902 [warning]" in out and "DL901" not in out


def test_user_rule_paths_and_regex_timeout(workdir, capsys):
    (workdir / "my-rules").mkdir()
    (workdir / "my-rules" / "slow.yaml").write_text(
        "id: DL990\nname: slow-rule\nkind: pattern\ncategory: style\nseverity: warning\n"
        "message: slow\ndescription: catastrophic backtracking\n"
        "options:\n  patterns: ['(a|aa)+$']\n  timeout: 0.05\n")
    (workdir / ".doclint.yaml").write_text("rule-paths: [my-rules]\nselect: [DL990]\n")
    (workdir / "a.txt").write_text("a" * 5000 + "b\n")
    code, _, err = run(capsys, "check", "a.txt")
    assert code == 2 and "DL990 (slow-rule): pattern timed out" in err


def test_bad_rule_file_names_file_and_line(workdir, capsys):
    (workdir / "r.yaml").write_text("id: DL991\nname: bad\nkind: pattern\ncategory: style\n"
                                    "severity: warning\nmessage: m\ndescription: d\n"
                                    "options:\n  patterns: ['(unclosed']\n")
    (workdir / ".doclint.yaml").write_text("rule-paths: [r.yaml]\n")
    code, _, err = run(capsys, "rules")
    assert code == 2 and "r.yaml:9: DL991: bad regex '(unclosed'" in err


def test_rules_and_explain(workdir, capsys):
    code, out, _ = run(capsys, "rules", "--format", "json")
    rules = json.loads(out)
    assert code == 0 and {"id", "name", "category", "severity", "kind", "enabled"} <= set(rules[0])
    code, out, _ = run(capsys, "explain", "DL902")
    assert code == 0 and "preferred-spelling" in out and "Reported:" in out and "Fixed:" in out
    assert run(capsys, "explain", "DL000x")[0] == 2


def test_fix_rewrites_atomically_and_keeps_newlines(workdir, capsys):
    (workdir / "a.txt").write_bytes(b"We recieve alot of mail.\r\n")
    code, out, _ = run(capsys, "fix", "--select", "DL902", "a.txt")
    assert code == 1 and "Applied 2 fixes in 1 file." in out
    assert (workdir / "a.txt").read_bytes() == b"We receive a lot of mail.\r\n"
    assert [p.name for p in workdir.iterdir()] == ["a.txt"]  # no temporary file left
    code, out, _ = run(capsys, "fix", "--select", "DL902", "a.txt")
    assert code == 0 and "Applied 0 fixes" in out


def test_clean_copies_corpus_and_keeps_bad_lines(workdir, capsys):
    lines = ['{"id": 1, "text": "We recieve mail.", "lang": "en"}', "not json",
             '{"id": 2, "text": "We recieve mail.", "lang": "en"}']
    (workdir / "c.jsonl").write_text("\n".join(lines) + "\n")
    code, out, err = run(capsys, "clean", "c.jsonl", "-o", "out.jsonl", "--select", "DL902",
                         "--drop-duplicate-records")
    # The copy is written whole, but a line nothing could read makes the exit code 2.
    assert code == 2 and "dropped 1 duplicate record" in out and "c.jsonl:2: error" in err
    assert "copied 1 invalid line unchanged" in out
    written = (workdir / "out.jsonl").read_text().split("\n")
    assert json.loads(written[0]) == {"id": 1, "text": "We receive mail.", "lang": "en"}
    assert written[1] == "not json"
    assert (workdir / "c.jsonl").read_text().split("\n")[:3] == lines  # source untouched


def test_python_dash_m(workdir):
    (workdir / "a.txt").write_text(GOOD)
    result = subprocess.run([sys.executable, "-m", "doclint", "check", "--select", "DL902", "a.txt"],
                            capture_output=True, text=True, cwd=workdir,
                            env=dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent)))
    assert result.returncode == 0 and "No findings" in result.stdout


def test_per_file_ignores(workdir, capsys):
    (workdir / ".doclint.yaml").write_text('per-file-ignores:\n  "CHANGELOG.md": [DL902]\n')
    (workdir / "CHANGELOG.md").write_text(BAD)
    (workdir / "guide.md").write_text(BAD)
    code, out, _ = run(capsys, "check", "--select", "DL902", ".")
    assert "guide.md:1:4: DL902" in out and "CHANGELOG.md" not in out


def test_worker_processes_give_the_same_report(workdir, capsys):
    texts = {
        "a.md": "# Guide\n\nRun the installer as root. We recieve mail.\n",
        "b.txt": "Run the installer as root. Experts believe it is safe.\n",
        "c.jsonl": '{"id": "r1", "text": "Run the installer as root. It stops at the"}\n',
    }
    for name, text in texts.items():
        (workdir / name).write_text(text)
    _, one, _ = run(capsys, "check", "--format", "json", "--jobs", "1", ".")
    _, two, _ = run(capsys, "check", "--format", "json", "--jobs", "2", ".")
    assert json.loads(one)["findings"], "the corpus has findings to compare"
    assert one == two


def test_fix_unsafe_deletes_a_repeated_sentence_within_a_file(workdir, capsys):
    text = ("Each release is signed with the project key before it is published.\n"
            "Download the archive from the mirror.\n"
            "Each release is signed with the project key before it is published.\n")
    (workdir / "a.txt").write_text(text)
    code, out, _ = run(capsys, "fix", "--select", "DL201", "a.txt")
    assert "Applied 0 fixes" in out and (workdir / "a.txt").read_text() == text  # unsafe: not by default
    code, out, _ = run(capsys, "fix", "--unsafe", "--select", "DL201", "a.txt")
    assert "Applied 1 fix in 1 file." in out
    assert (workdir / "a.txt").read_text() == "\n".join(text.split("\n")[:2]) + "\n"


def test_messages_quoting_wrapped_text_stay_on_one_line(workdir, capsys):
    text = ("Nothing here is defined (NID) at first.\nWe use NID twice. Here NID stands for\n"
            "a Newly Imported\nDefinition (NID) instead.\n")
    (workdir / "a.txt").write_text(text)
    _, out, _ = run(capsys, "check", "--format", "concise", "--select", "naming", "a.txt")
    lines = out.strip().split("\n")
    assert lines and all(line.startswith("a.txt:") for line in lines), out
