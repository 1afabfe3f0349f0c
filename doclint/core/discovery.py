"""Find the files to lint: walk folders, skip tool folders, honour .gitignore and globs."""
from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from doclint.core.problems import Problem

LINTABLE = (".md", ".markdown", ".mdx", ".rst", ".txt", ".text", ".jsonl", ".ndjson", ".parquet")
# Files with a prose suffix whose names say they hold code or data: skipped in folder
# walks (named on the command line, or chosen by `include`, they are read).
NOT_PROSE = ("CMakeLists.txt", "requirements*.txt", "*-requirements.txt", "constraints*.txt",
             "robots.txt", "dependency_links.txt", "top_level.txt", "entry_points.txt",
             "SOURCES.txt", "namespace_packages.txt",
             # Licences are legal text copied in from their authors, not the team's prose.
             *(f"{name}{tail}" for name in ("LICENSE", "LICENCE", "License", "Licence", "license",
                                             "licence", "COPYING", "NOTICE") for tail in ("", ".*")),
             "LICENSE-*", "LICENSE_*", "LICENCE-*", "COPYING-*")
SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", ".venv", "venv", "env", ".tox",
                       ".nox", "__pycache__", ".mypy_cache", ".pytest_cache", "site-packages",
                       ".eggs", "build", "dist",
                       # a folder of licence texts (REUSE's LICENSES/, a docs/licenses/ of GPL.txt)
                       "LICENSES", "licenses", "LICENCES", "licences"})


@dataclass
class Discovered:
    files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def display_path(path: str) -> str:
    """Paths are shown relative to the working directory when they lie below it."""
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def path_matches(path: str, globs) -> bool:
    """Whether `path` matches a glob: the whole relative path, the file name, or a
    trailing part of the path; `**/` also matches no folder at all ("docs/**/*.md"
    matches docs/a.md)."""
    if not globs:
        return False
    path = path.replace(os.sep, "/")
    whole, name_only = _glob_matchers(tuple(globs))
    return whole(os.path.normcase(path)) is not None \
        or name_only(os.path.normcase(path.rsplit("/", 1)[-1])) is not None


@lru_cache(maxsize=64)
def _glob_matchers(globs: tuple[str, ...]) -> tuple[Callable, Callable]:
    """The globs as two compiled alternations, one for the whole path and one for the
    file name: fnmatch per glob and form costs a Python call each, and the duplicate
    rules ask for every document whether it is a changelog (about 50 fnmatch calls)."""
    on_path, on_name = [], []
    for glob in globs:
        for form in {glob, glob.replace("**/", "")}:
            form = os.path.normcase(form)  # as fnmatch.fnmatch() does
            on_path += [fnmatch.translate(form), fnmatch.translate(os.path.normcase(f"*/{form}"))]
            on_name.append(fnmatch.translate(form))
    return re.compile("|".join(on_path)).match, re.compile("|".join(on_name)).match


def _is_venv(folder: str) -> bool:
    return os.path.isfile(os.path.join(folder, "pyvenv.cfg"))


def _git_ignored(folder: str, candidates: list[str]) -> set[str]:
    """The subset of `candidates` that git ignores in `folder`'s repository (if any)."""
    if not candidates:
        return set()
    import subprocess  # only a folder walk asks git: a hook run on named files does not

    try:
        result = subprocess.run(["git", "-C", folder, "check-ignore", "--stdin", "-z"],
                                input=b"\0".join(map(os.fsencode, candidates)), capture_output=True,
                                timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return set()
    if result.returncode not in (0, 1):  # 128: not a repository
        return set()
    # File names are bytes: os.fsencode/fsdecode keep names that are not UTF-8 intact.
    return {os.fsdecode(p) for p in result.stdout.split(b"\0") if p}


def irregular(path: str) -> str | None:
    """Why `path` cannot be read as a document although it exists (None if it can):
    reading a FIFO would wait for a writer forever, a device has no end."""
    if os.path.isfile(path) or os.path.isdir(path):
        return None
    if os.path.islink(path) and not os.path.exists(path):
        return "broken symbolic link"
    if os.path.exists(path):
        return "not a regular file (a FIFO, socket or device)"
    return None


def discover(paths: list[str], include=(), exclude=(), gitignore: bool = True,
             relative_to: str = ".") -> Discovered:
    out = Discovered()
    seen = set()
    for path in paths:
        if os.path.isfile(path):
            # A file named on the command line is linted whatever its extension,
            # but exclude globs still apply (pre-commit passes every changed file).
            rel = os.path.relpath(path, relative_to)
            if not path_matches(rel, exclude) and path not in seen:
                seen.add(path)
                out.files.append(path)
            continue
        if not os.path.isdir(path):
            out.problems.append(Problem(path, irregular(path) or "no such file or directory"))
            continue
        found = []

        def unreadable(exc: OSError) -> None:
            out.problems.append(Problem(exc.filename or path, f"cannot read folder: {exc.strerror or exc}"))

        for folder, dirs, names in os.walk(path, onerror=unreadable):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not _is_venv(os.path.join(folder, d)))
            for name in sorted(names):
                full = os.path.join(folder, name)
                rel = os.path.relpath(full, relative_to)
                wanted = path_matches(rel, include) if include else \
                    name.lower().endswith(LINTABLE) and not path_matches(name, NOT_PROSE)
                if wanted and not path_matches(rel, exclude):
                    why = irregular(full)
                    if why is None:
                        found.append(full)
                    else:
                        out.problems.append(Problem(full, f"{why}: skipped", "warning"))
        if gitignore:
            ignored = _git_ignored(path, [os.path.relpath(f, path) for f in found])
            found = [f for f in found if os.path.relpath(f, path) not in ignored]
        if not found:
            out.problems.append(Problem(path, "no lintable files found (looked for "
                                        + ", ".join(LINTABLE) + ")", "warning"))
        for full in found:
            if full not in seen:
                seen.add(full)
                out.files.append(full)
    return out
