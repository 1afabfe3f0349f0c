"""--changed-since: only findings on lines a change touched (git diff -U0)."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from doclint.cli import main
from doclint.core.finding import Finding, Location, Severity
from doclint.report.changed import ChangedLines, parse_diff, touches

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

DIFF = """\
diff --git a/docs/a.md b/docs/a.md
index 1111111..2222222 100644
--- a/docs/a.md
+++ b/docs/a.md
@@ -3,0 +4,2 @@ Intro
+New line one.
+New line two.
@@ -9 +11 @@ Old
-old text
+new text
@@ -20,3 +21,0 @@ gone
-a
-b
-c
diff --git a/old.md b/old.md
deleted file mode 100644
--- a/old.md
+++ /dev/null
@@ -1 +0,0 @@
-bye
diff --git "a/caf\\303\\251.md" "b/caf\\303\\251.md"
--- "a/caf\\303\\251.md"
+++ "b/caf\\303\\251.md"
@@ -1 +1 @@
-x
+y
"""


def git(cwd, *args):
    env = dict(os.environ, GIT_AUTHOR_NAME="Doc Writer", GIT_AUTHOR_EMAIL="docs@example.com",
               GIT_COMMITTER_NAME="Doc Writer", GIT_COMMITTER_EMAIL="docs@example.com")
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


def test_parse_diff_added_and_changed_lines(tmp_path):
    lines = parse_diff(DIFF, str(tmp_path))
    root = os.path.realpath(tmp_path)
    assert lines[os.path.join(root, "docs", "a.md")] == {4, 5, 11}
    assert lines[os.path.join(root, "café.md")] == {1}
    assert not any(p.endswith("old.md") for p in lines)


def finding(path, line, related=()):
    return Finding(path, line, 1, line, 5, "DL202", "cross-document-duplicate", "duplication",
                   Severity.WARNING, "duplicate", related=related)


def test_cross_file_duplicate_counts_when_either_side_changed(tmp_path):
    a, b = str(tmp_path / "a.md"), str(tmp_path / "b.md")
    changed = ChangedLines({os.path.realpath(b): {7}})
    assert touches(finding(a, 3, (Location(b, 7, 1),)), changed)
    assert touches(finding(b, 7, (Location(a, 3, 1),)), changed)
    assert not touches(finding(a, 3, (Location(b, 8, 1),)), changed)
    assert touches(finding(a, 99), ChangedLines({os.path.realpath(a): None}))  # a new file


@pytest.fixture
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    git(tmp_path, "init", "-q")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "guide.md").write_text(
        "# Guide\n\nTODO: write the intro.\n\nRun the installer.\n", encoding="utf-8")
    git(tmp_path, "add", "docs/guide.md")
    git(tmp_path, "commit", "-q", "-m", "Add the guide")
    return tmp_path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_only_findings_on_changed_lines(repo, capsys):
    (repo / "docs" / "guide.md").write_text(
        "# Guide\n\nTODO: write the intro.\n\nRun the installer.\n\nTODO: explain upgrades.\n", encoding="utf-8")
    (repo / "docs" / "faq.md").write_text("# FAQ\n\nFIXME: answer it.\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--select", "DL901", "--format", "concise", "--changed-since", "HEAD", "docs")
    assert code == 1
    assert out.splitlines() == [
        "docs/faq.md:3:1: DL901 Placeholder text 'FIXME:' left in the document",
        "docs/guide.md:7:1: DL901 Placeholder text 'TODO:' left in the document",
    ]
    # Without the filter the old finding is there too.
    assert len(run(capsys, "check", "--select", "DL901", "--format", "concise", "docs")[1].splitlines()) == 3


def test_staged_changes_count_and_clean_tree_reports_nothing(repo, capsys):
    code, out, _ = run(capsys, "check", "--select", "DL901", "--changed-since", "HEAD", "docs")
    assert code == 0 and "No findings" in out
    (repo / "docs" / "guide.md").write_text("# Guide\n\nTODO: write it.\n\nRun the installer.\n", encoding="utf-8")
    git(repo, "add", "docs/guide.md")
    code, out, _ = run(capsys, "check", "--select", "DL901", "--format", "concise", "--changed-since", "HEAD", "docs")
    assert out.splitlines() == ["docs/guide.md:3:1: DL901 Placeholder text 'TODO:' left in the document"]


def test_unknown_ref_is_an_error(repo, capsys):
    code, _, err = run(capsys, "check", "--changed-since", "no-such-branch", "docs")
    assert code == 2 and "unknown git ref 'no-such-branch'" in err
