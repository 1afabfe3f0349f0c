"""Every rule's YAML examples run as tests: fail texts are reported, pass texts are not,
and `fix` examples produce the expected text."""
from __future__ import annotations

import dataclasses

import pytest

from doclint.api import document_from_text, lint_documents
from doclint.engine.packs import load_rules
from doclint.repair.fixer import fix_until_stable

EXAMPLES = [(rule, i, ex) for rule in load_rules() for i, ex in enumerate(rule.examples)]


def _documents(example):
    if example.files:
        return [doc for name, text in example.files for doc in _file_documents(name, text)]
    name = {"markdown": "example.md", "rst": "example.rst"}.get(example.format, "example.txt")
    return [document_from_text(name, example.text)]


def _file_documents(name, text):
    """One document per file, or one per record of a JSONL file (as the loader reads it)."""
    if not name.endswith(".jsonl"):
        return [document_from_text(name, text)]
    from doclint.core.document import Document
    from doclint.markup.jsonl import iter_records
    from doclint.markup.text import parse as parse_text

    return [Document(name, r.text, parse_text, record=r.record_id, record_line=r.line)
            for r in iter_records(text, "text")]


@pytest.mark.parametrize("rule,index,example", EXAMPLES,
                         ids=[f"{r.id}-{r.name}-{i}-{e.expect}" for r, i, e in EXAMPLES])
def test_rule_example(rule, index, example):
    active = dataclasses.replace(rule, enabled=True)
    findings = lint_documents(_documents(example), [active]).findings
    mine = [f for f in findings if f.rule_id == rule.id]
    if example.expect == "pass":
        assert mine == [], f"{rule.id} example {index} should pass: {[f.message for f in mine]}"
        return
    assert mine, f"{rule.id} example {index} should be reported:\n{example.text}"
    if example.count is not None:
        assert len(mine) == example.count, [f.message for f in mine]
    if example.fix is not None:
        doc = _documents(example)[0]

        def lint(text):
            d = document_from_text(doc.path, text, example.format if not example.files else None)
            return [f for f in lint_documents([d], [active]).findings if f.rule_id == rule.id]

        fixed, _ = fix_until_stable(doc.text, lint, unsafe=True)
        assert fixed == example.fix


def test_every_rule_has_pass_and_fail_examples():
    for rule in load_rules():
        kinds = {e.expect for e in rule.examples}
        assert kinds == {"pass", "fail"}, f"{rule.id} needs both pass and fail examples"
