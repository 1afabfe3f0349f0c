"""Apply fixes: non-overlapping edits, highest applicability allowed, re-lint until stable."""
from __future__ import annotations

from typing import Callable, Iterable

from doclint.core.finding import Applicability, Edit, Finding

MAX_PASSES = 10


def allowed(finding: Finding, unsafe: bool) -> bool:
    if finding.fix is None:
        return False
    wanted = (Applicability.SAFE, Applicability.UNSAFE) if unsafe else (Applicability.SAFE,)
    return finding.fix.applicability in wanted


def apply_edits(text: str, findings: Iterable[Finding], unsafe: bool = False,
                applied_rules: list[str] | None = None) -> tuple[str, int]:
    """Apply the fixes of `findings` to `text`; a fix whose edits overlap an earlier
    accepted fix is skipped (the next pass picks it up). Returns (text, fixes applied);
    the rule id of each applied fix is appended to `applied_rules` when given."""
    accepted: list[Edit] = []
    applied = 0
    for finding in sorted((f for f in findings if allowed(f, unsafe)),
                          key=lambda f: min(e.start for e in f.fix.edits)):
        edits = finding.fix.edits
        if any(e.start < a.end and a.start < e.end or (e.start == e.end == a.start == a.end)
               for e in edits for a in accepted):
            continue
        accepted.extend(edits)
        applied += 1
        if applied_rules is not None:
            applied_rules.append(finding.rule_id)
    for edit in sorted(accepted, key=lambda e: e.start, reverse=True):
        text = text[:edit.start] + edit.replacement + text[edit.end:]
    return text, applied


def fix_until_stable(text: str, lint: Callable[[str], list[Finding]], unsafe: bool = False,
                     applied_rules: list[str] | None = None) -> tuple[str, int]:
    """Lint, apply, and lint again until no fix applies (or MAX_PASSES)."""
    total = 0
    for _ in range(MAX_PASSES):
        text, applied = apply_edits(text, lint(text), unsafe, applied_rules)
        total += applied
        if not applied:
            break
    return text, total
