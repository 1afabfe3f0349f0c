"""File discovery: suffixes, tool folders, virtualenvs, .gitignore, include/exclude globs."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from doclint.core.discovery import discover, path_matches


def make(root, *paths):
    for path in paths:
        full = root / path
        full.parent.mkdir(parents=True, exist_ok=True)
        full.write_text("Some text.\n")


def rel(found, root):
    return sorted(os.path.relpath(f, root) for f in found.files)


def test_suffixes_and_skipped_folders(tmp_path):
    make(tmp_path, "a.md", "b.rst", "c.txt", "d.jsonl", "e.py", "node_modules/x.md", ".git/y.md",
         "venv2/z.md", "docs/f.markdown")
    (tmp_path / "venv2" / "pyvenv.cfg").write_text("home = /usr\n")
    assert rel(discover([str(tmp_path)], gitignore=False), tmp_path) == [
        "a.md", "b.rst", "c.txt", "d.jsonl", "docs/f.markdown"]


def test_text_files_that_hold_code_or_data_are_not_walked_into(tmp_path):
    make(tmp_path, "notes.txt", "CMakeLists.txt", "requirements.txt", "requirements-dev.txt",
         "docs/dev-requirements.txt", "pkg.egg-info/SOURCES.txt", "docs/requirements-and-goals.md")
    assert rel(discover([str(tmp_path)], gitignore=False), tmp_path) == [
        "docs/requirements-and-goals.md", "notes.txt"]
    # Named on the command line, such a file is read.
    named = discover([str(tmp_path / "CMakeLists.txt")], gitignore=False)
    assert [os.path.basename(f) for f in named.files] == ["CMakeLists.txt"]


def test_licences_are_not_walked_into_but_pages_about_licences_are(tmp_path):
    make(tmp_path, "LICENSE", "LICENSE.md", "LICENSE-APACHE", "vendor/COPYING.txt", "NOTICE",
         "LICENSES/GPL-3.0-or-later.txt", "doc/licenses/BSD.txt",
         "docs/Licence-Guidelines.md", "docs/license-expression.rst", "docs/licensing.md")
    assert rel(discover([str(tmp_path)], gitignore=False), tmp_path) == [
        "docs/Licence-Guidelines.md", "docs/license-expression.rst", "docs/licensing.md"]
    named = discover([str(tmp_path / "LICENSE.md")], gitignore=False)
    assert [os.path.basename(f) for f in named.files] == ["LICENSE.md"]


def test_include_and_exclude_globs(tmp_path):
    make(tmp_path, "docs/a.md", "docs/gen/b.md", "notes.txt", "docs/c.adoc")
    found = discover([str(tmp_path)], include=["*.md", "*.adoc"], exclude=["docs/gen/*"],
                     gitignore=False, relative_to=str(tmp_path))
    assert rel(found, tmp_path) == ["docs/a.md", "docs/c.adoc"]


def test_double_star_matches_any_depth_including_none(tmp_path):
    make(tmp_path, "docs/a.md", "docs/x/y/b.md", "other/c.md")
    found = discover([str(tmp_path)], include=["docs/**/*.md"], gitignore=False, relative_to=str(tmp_path))
    assert rel(found, tmp_path) == ["docs/a.md", "docs/x/y/b.md"]


def test_named_file_is_linted_whatever_its_suffix(tmp_path):
    make(tmp_path, "NOTES")
    assert discover([str(tmp_path / "NOTES")]).files == [str(tmp_path / "NOTES")]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_gitignore_is_honoured(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    make(tmp_path, "keep.md", "build-out/skip.md", "drafts/skip.txt")
    (tmp_path / ".gitignore").write_text("build-out/\ndrafts/*.txt\n")
    assert rel(discover([str(tmp_path)]), tmp_path) == ["keep.md"]
    assert len(discover([str(tmp_path)], gitignore=False).files) == 3


@pytest.mark.parametrize("path, globs, expected", [
    ("docs/CHANGELOG.md", ("CHANGELOG*",), True),            # the file name
    ("pkg/news/2024-01.rst", ("news/*",), True),             # a trailing part of the path
    ("news/2024-01.rst", ("news/*",), True),                 # the whole path
    ("docs/newsletter.md", ("news/*",), False),
    ("docs/a.md", ("docs/**/*.md",), True),                  # `**/` matching no folder
    ("docs/x/y/a.md", ("docs/**/*.md",), True),
    ("guide/a.md", ("docs/**/*.md", "*.rst"), False),
    ("guide/a.rst", ("docs/**/*.md", "*.rst"), True),        # any glob of several
    ("requirements-dev.txt", ("requirements*.txt",), True),
    ("a.md", (), False),
])
def test_path_matches_whole_path_name_or_trailing_part(path, globs, expected):
    assert path_matches(path, globs) is expected
