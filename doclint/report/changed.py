"""Changed lines since a git ref (`git diff -U0`), to report only what a change touched."""
from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field

from doclint.core.finding import Finding

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
ALL_LINES = None  # marks a file that is new since the ref: every line counts as changed


class GitError(Exception):
    """git is missing, this is not a repository, or the ref is unknown."""


@dataclass
class ChangedLines:
    """Absolute path -> set of changed 1-based lines (None: the whole file is new)."""

    files: dict[str, set[int] | None] = field(default_factory=dict)

    def contains(self, path: str, line: int) -> bool:
        key = _key(path)
        if key not in self.files:
            return False
        lines = self.files[key]
        return lines is None or line in lines


def _key(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def parse_diff(diff: str, root: str) -> dict[str, set[int]]:
    """`git diff -U0` output -> {absolute path: added or changed lines in the new file}.
    Pure deletions change no line of the new file and are left out."""
    out: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            target = line[4:].rstrip("\t")
            if target == "/dev/null":
                current = None
                continue
            if target.startswith('"'):
                target = _unquote(target)
            target = target[2:] if target.startswith("b/") else target
            path = _key(os.path.join(root, target))
            current = out.setdefault(path, set())
        elif line.startswith("@@") and current is not None:
            m = _HUNK.match(line)
            if m:
                start, count = int(m.group(1)), int(m.group(2) or 1)
                current.update(range(start, start + count))
    return out


def _unquote(quoted: str) -> str:
    """git quotes unusual paths C-style ("b/caf\\303\\251.md")."""
    body = quoted[1:-1]
    raw = body.encode("latin-1", "backslashreplace").decode("unicode_escape").encode("latin-1")
    return raw.decode("utf-8", "replace")


def _git(args: list[str], cwd: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError as exc:
        raise GitError(f"cannot run git: {exc}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {' '.join(args)} failed")
    return done.stdout.decode("utf-8", "replace")


def changed_since(ref: str, cwd: str = ".") -> ChangedLines:
    """Lines changed between `ref` and the working tree (staged or not), plus every line
    of untracked files that git does not ignore."""
    root = _git(["rev-parse", "--show-toplevel"], cwd).strip()
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd)
    except GitError:
        raise GitError(f"unknown git ref '{ref}'") from None
    diff = _git(["-c", "core.quotepath=on", "diff", "-U0", "--no-color", "--no-ext-diff",
                 "--no-renames", ref, "--"], root)
    files: dict[str, set[int] | None] = dict(parse_diff(diff, root))
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], root)
    for name in filter(None, untracked.split("\0")):
        files[_key(os.path.join(root, name))] = ALL_LINES
    return ChangedLines(files)


def touches(f: Finding, changed: ChangedLines) -> bool:
    """A finding counts when its own line changed, or (for cross-file findings such as a
    duplicate of another document's sentence) when one of its related places changed."""
    if changed.contains(f.path, f.line):
        return True
    return any(changed.contains(loc.path, loc.line) for loc in f.related)


def only_changed(findings: list[Finding], changed: ChangedLines) -> list[Finding]:
    return [f for f in findings if touches(f, changed)]
