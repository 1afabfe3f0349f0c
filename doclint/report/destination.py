"""Where a report may be written: into an existing folder, not over a folder or an input."""
from __future__ import annotations

import os

from doclint.core.discovery import discover


_INPUT = "it is one of the files being checked (write it elsewhere, or exclude it)"


def _same(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _inside(path: str, folder: str) -> bool:
    path, folder = os.path.realpath(path), os.path.realpath(folder)
    return os.path.commonpath([path, folder]) == folder


def output_problem(output: str, inputs: list[str], config=None, root: str = ".") -> str | None:
    """Why `output` cannot take a report (None if it can): its folder is missing, it is a
    folder, or it is one of the files being checked (a file named in `inputs`, or one
    that discovery finds under a folder named there, with `config`'s globs)."""
    folder = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(folder):
        return f"folder {os.path.dirname(output) or '.'} does not exist"
    if os.path.isdir(output):
        return "it is a folder"
    if not os.path.exists(output):
        return None  # a new file is never an input
    for path in inputs:
        if os.path.isfile(path):
            if _same(path, output):
                return _INPUT
        elif os.path.isdir(path) and _inside(output, path):
            include, exclude, gitignore = ((), (), True) if config is None else (
                config.include, config.exclude, config.gitignore)
            if any(_same(found, output) for found in discover([path], include, exclude, gitignore, root).files):
                return _INPUT
    return None
