"""Baselines: line-independent fingerprints of known findings, to report only new ones."""
from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from typing import Iterable

from doclint.core.finding import Finding

BASELINE_VERSION = 1
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


def normalised_text(finding: Finding) -> str:
    """What identifies a finding besides its rule and file: its text with whitespace
    collapsed (so re-wrapping a paragraph keeps it). Without a snippet, the message
    with numbers removed, because messages may quote line numbers that move."""
    text = _SPACE.sub(" ", finding.snippet).strip()
    if not text:
        text = _DIGITS.sub("#", _SPACE.sub(" ", finding.message)).strip()
    return text


def portable_path(path: str, root: str | None = None) -> str:
    """`path` relative to `root` (default: the working directory), with "/" separators."""
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root or os.curdir))
    return rel.replace(os.sep, "/")


def key_hash(rule_id: str, path: str, text: str) -> str:
    # surrogateescape: a file name that is not UTF-8 hashes as its own bytes.
    digest = hashlib.sha256(f"{rule_id}\0{path}\0{text}".encode("utf-8", "surrogateescape")).hexdigest()
    return digest[:20]


def fingerprints(findings: Iterable[Finding], root: str | None = None) -> list[str]:
    """One fingerprint per finding, in the given order: hash(rule, path, normalised text)
    plus an occurrence index counting identical findings from the top of the file, so
    that editing lines above a finding never changes it."""
    findings = list(findings)
    order = sorted(range(len(findings)), key=lambda i: (findings[i].path, findings[i].line,
                                                        findings[i].column, i))
    seen: dict[str, int] = {}
    out = [""] * len(findings)
    for i in order:
        f = findings[i]
        base = key_hash(f.rule_id, portable_path(f.path, root), normalised_text(f))
        index = seen.get(base, 0)
        seen[base] = index + 1
        out[i] = f"{base}:{index}"
    return out


@dataclass(frozen=True)
class Filtered:
    """The findings that are not in the baseline, and how many baseline entries matched
    nothing (fixed or deleted since the baseline was written)."""

    new: list[Finding]
    matched: int
    gone: int


def write_baseline(path: str, findings: list[Finding]) -> int:
    """Write `findings` as a baseline file at `path` (paths relative to its folder)."""
    from doclint.core.writer import atomic_write_text
    from doclint.report.escape import json_safe

    root = os.path.dirname(os.path.abspath(path))
    entries = []
    for f, fp in zip(findings, fingerprints(findings, root)):
        entries.append({"fingerprint": fp, "rule": f.rule_id, "path": portable_path(f.path, root),
                        "text": normalised_text(f)[:120]})
    entries.sort(key=lambda e: (e["path"], e["rule"], e["fingerprint"]))
    data = {"doclint-baseline": BASELINE_VERSION, "entries": entries}
    atomic_write_text(path, json_safe(json.dumps(data, ensure_ascii=False, indent=1)) + "\n")
    return len(entries)


def read_baseline(path: str) -> set[str]:
    """The fingerprints stored in a baseline file; raises ValueError if it is not one."""
    with open(path, encoding="utf-8") as handle:
        try:
            data = json.load(handle)
        except json.JSONDecodeError as exc:
            raise ValueError(f"not a doclint baseline (invalid JSON at line {exc.lineno})") from None
    if not isinstance(data, dict) or data.get("doclint-baseline") != BASELINE_VERSION:
        raise ValueError("not a doclint baseline (write one with `doclint baseline`)")
    entries = data.get("entries")
    if not isinstance(entries, list) or not all(isinstance(e, dict) and "fingerprint" in e for e in entries):
        raise ValueError("baseline 'entries' must be a list of objects with a 'fingerprint'")
    return {str(e["fingerprint"]) for e in entries}


def filter_new(findings: list[Finding], baseline_path: str) -> Filtered:
    known = read_baseline(baseline_path)
    root = os.path.dirname(os.path.abspath(baseline_path))
    new, matched = [], set()
    for f, fp in zip(findings, fingerprints(findings, root)):
        if fp in known:
            matched.add(fp)
        else:
            new.append(f)
    return Filtered(new, len(matched), len(known) - len(matched))
