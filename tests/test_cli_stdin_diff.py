"""`doclint check -` (standard input, for editors and pipelines) and `doclint fix --diff`."""
from __future__ import annotations

import io
import subprocess
import sys


from doclint.cli import main

BAD = "We recieve alot of questions about the release.\n"
GOOD = "We receive a lot of questions about the release.\n"


def feed(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_is_linted_under_the_given_name(workdir, monkeypatch, capsys) -> None:
    feed(monkeypatch, b"# Notes\n\n```\nalot of code\n```\n\n" + BAD.encode())
    code = main(["check", "--select", "DL902", "-", "--stdin-filename", "docs/notes.md"])
    out = capsys.readouterr().out
    assert code == 1
    # the Markdown reader ran (the code block is not prose) and the name is in the report
    assert out.splitlines()[:2] == ["docs/notes.md:7:4: DL902 [warning] Use 'receive' instead of 'recieve'",
                                    "docs/notes.md:7:12: DL902 [warning] Use 'a lot' instead of 'alot'"]


def test_stdin_name_decides_per_file_ignores_and_jsonl(workdir, monkeypatch, capsys) -> None:
    (workdir / ".doclint.yaml").write_text('per-file-ignores:\n  "CHANGELOG.md": [DL902]\n')
    feed(monkeypatch, BAD.encode())
    assert main(["check", "--select", "DL902", "-", "--stdin-filename", "CHANGELOG.md"]) == 0
    capsys.readouterr()
    feed(monkeypatch, b'{"id": "r1", "text": "We recieve mail."}\n{"id": \n')
    code = main(["check", "--select", "DL902", "-", "--stdin-filename", "corpus.jsonl"])
    captured = capsys.readouterr()
    assert code == 2  # the broken record is an input error; the good one is still checked
    assert "corpus.jsonl:1:1 (record r1, text 1:4): DL902" in captured.out
    assert "corpus.jsonl:2: error: invalid JSON" in captured.err


def test_stdin_without_a_name_and_mixed_with_paths(workdir, monkeypatch, capsys) -> None:
    feed(monkeypatch, BAD.encode())
    assert main(["check", "--select", "DL902", "-"]) == 1
    assert "<stdin>:1:4: DL902" in capsys.readouterr().out
    assert main(["check", "-", "other.md"]) == 2
    assert "cannot be combined" in capsys.readouterr().err


def test_stdin_through_a_real_pipe(workdir) -> None:
    done = subprocess.run([sys.executable, "-m", "doclint", "check", "--select", "DL902", "-q", "-",
                           "--stdin-filename", "a.txt"], input=BAD.encode(), capture_output=True)
    assert done.returncode == 1
    assert done.stdout.decode().startswith("a.txt:1:4: DL902")


def test_fix_diff_prints_a_patch_and_writes_nothing(workdir, capsys) -> None:
    (workdir / "notes.md").write_text("Intro line.\n\n" + BAD, encoding="utf-8")
    (workdir / "clean.md").write_text(GOOD, encoding="utf-8")
    code = main(["fix", "--diff", "--select", "DL902", "."])
    out, err = capsys.readouterr()
    assert code == 1
    assert out == ("--- a/notes.md\n+++ b/notes.md\n@@ -1,3 +1,3 @@\n Intro line.\n \n"
                   f"-{BAD}+{GOOD}")
    assert "Would apply 2 fixes in 1 file." in err
    assert (workdir / "notes.md").read_text(encoding="utf-8") == "Intro line.\n\n" + BAD
    # the patch applies and leaves the fixed text
    subprocess.run(["git", "apply", "-p1", "-"], input=out.encode(), cwd=workdir, check=True)
    assert (workdir / "notes.md").read_text(encoding="utf-8") == "Intro line.\n\n" + GOOD
    assert main(["fix", "--diff", "--select", "DL902", "."]) == 0
    assert capsys.readouterr().out == ""


def test_fix_diff_marks_a_missing_final_newline(workdir, capsys) -> None:
    (workdir / "a.txt").write_text(BAD.rstrip("\n"), encoding="utf-8")
    assert main(["fix", "--diff", "--select", "DL902", "a.txt"]) == 1
    assert capsys.readouterr().out.endswith(f"+{GOOD.rstrip()}\n\\ No newline at end of file\n")
