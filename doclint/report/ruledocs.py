"""Rule documentation as text: used by `doclint explain` and the README rule table."""
from __future__ import annotations

import dataclasses

from doclint.core.rule import Rule


def _option_lines(rule: Rule) -> list[str]:
    options = rule.options
    lines = []
    for f in dataclasses.fields(options):
        value = getattr(options, f.name)
        if isinstance(value, dict) and len(value) > 6:
            value = f"{{{len(value)} entries}}"
        elif isinstance(value, (list, tuple)) and len(value) > 6:
            value = f"[{len(value)} items]"
        lines.append(f"  {f.name.replace('_', '-')}: {value}")
    return lines


def explain_rule(rule: Rule) -> str:
    out = [f"{rule.id} {rule.name}", "",
           f"category: {rule.category}   severity: {rule.severity}   kind: {rule.kind}   "
           f"enabled by default: {'yes' if rule.enabled else 'no'}"]
    if rule.languages:
        out.append(f"languages: {', '.join(rule.languages)}")
    out += ["", rule.description, "", f"message: {rule.message}"]
    options = _option_lines(rule)
    if options:
        out += ["", "options:"] + options
    for example in rule.examples:
        label = "Reported" if example.expect == "fail" else "Not reported"
        text = example.text if example.text is not None else "; ".join(f"{n}: {t}" for n, t in example.files)
        out += ["", f"{label}:", *("    " + line for line in text.rstrip("\n").split("\n"))]
        if example.fix is not None:
            out += ["Fixed:", *("    " + line for line in example.fix.rstrip("\n").split("\n"))]
    return "\n".join(out)


def rules_table(rules: list[Rule]) -> str:
    """The README's rule table (kept in sync by a test; `doclint rules --format markdown`)."""
    lines = ["| id | name | category | severity | enabled | what it reports |",
             "| --- | --- | --- | --- | --- | --- |"]
    for rule in rules:
        summary = rule.description.split("\n\n")[0].replace("\n", " ").replace("|", "\\|")
        lines.append(f"| {rule.id} | {rule.name} | {rule.category} | {rule.severity} | "
                     f"{'yes' if rule.enabled else 'no'} | {summary} |")
    return "\n".join(lines)
