"""The pre-commit hooks, run by the real `pre-commit try-repo` on this checkout."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def find_pre_commit() -> str | None:
    beside = Path(sys.executable).parent / "pre-commit"
    return str(beside) if beside.exists() else shutil.which("pre-commit")


PRE_COMMIT = find_pre_commit()
pytestmark = [
    pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed (pip install '.[test]')"),
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]

GIT_ENV = {"GIT_AUTHOR_NAME": "Doc Writer", "GIT_AUTHOR_EMAIL": "docs@example.com",
           "GIT_COMMITTER_NAME": "Doc Writer", "GIT_COMMITTER_EMAIL": "docs@example.com"}


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True,
                          env=dict(os.environ, **GIT_ENV))
    return done.stdout.strip()


@pytest.fixture(scope="module")
def hook_env(tmp_path_factory):
    """A pre-commit home shared by the tests of this module (the hook's virtualenv is
    built once), and the commit of this checkout that the hooks are taken from."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    # try-repo reads hook definitions from a commit: the committed state of the checkout,
    # so that unrelated uncommitted work in the tree cannot change the outcome.
    ref = git(ROOT, "rev-parse", "HEAD")
    if "doclint-fix" not in git(ROOT, "show", f"{ref}:.pre-commit-hooks.yaml"):
        pytest.skip(".pre-commit-hooks.yaml is not committed yet")
    env = dict(os.environ, **GIT_ENV, PRE_COMMIT_HOME=str(tmp_path_factory.mktemp("pre-commit-home")),
               NO_COLOR="1")
    env.pop("CI", None)
    return env, ref


@pytest.fixture
def project(tmp_path):
    git(tmp_path, "init", "-q")
    (tmp_path / "guide.md").write_text("# Guide\n\nRun the installer as root.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# Notes\n\nWe recieve mail every day.\n", encoding="utf-8")
    git(tmp_path, "add", "guide.md", "notes.md")
    return tmp_path


def try_repo(project: Path, hook_env, hook: str) -> subprocess.CompletedProcess:
    env, ref = hook_env
    return subprocess.run([PRE_COMMIT, "try-repo", str(ROOT), hook, "--ref", ref, "--all-files",
                           "--color", "never"],
                          cwd=project, env=env, capture_output=True, text=True, timeout=900)


def test_check_hook_fails_on_the_bad_document_and_passes_once_fixed(project, hook_env):
    done = try_repo(project, hook_env, "doclint")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "notes.md:3:4: DL902 [warning] Use 'receive' instead of 'recieve'" in output
    assert "guide.md:" not in output
    (project / "notes.md").write_text("# Notes\n\nWe receive mail every day.\n", encoding="utf-8")
    git(project, "add", "notes.md")
    done = try_repo(project, hook_env, "doclint")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout


def test_fix_hook_rewrites_the_file_and_fails_once(project, hook_env):
    done = try_repo(project, hook_env, "doclint-fix")
    assert done.returncode == 1, done.stdout + done.stderr
    assert (project / "notes.md").read_text(encoding="utf-8") == "# Notes\n\nWe receive mail every day.\n"
    git(project, "add", "notes.md")
    done = try_repo(project, hook_env, "doclint-fix")
    assert done.returncode == 0, done.stdout + done.stderr
