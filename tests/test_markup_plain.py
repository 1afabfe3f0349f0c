"""Quotes in messages: a span read as the reader sees it, with no markup left in, and
whole runs of the linter on documents full of non-prose constructs."""
from __future__ import annotations

import re

from doclint.api import document_from_text, lint_documents
from doclint.engine.packs import load_rules

# What must never reach a message.
MARKUP = re.compile(r"\*\*|__|`[^`]*`|\{%|\{\{|[\ue000-\uf8ff]")


def plain_blocks(name: str, text: str) -> list[str]:
    doc = document_from_text(name, text)
    return [doc.plain(b.start, b.end) for b in doc.blocks]


def test_markdown_emphasis_code_links_and_tags_are_gone() -> None:
    text = ("- **Introduction** Include an `intro` that [links](https://example.com/a) to "
            "<https://example.com/b> and **C**ontent **D**elivery.\n\n"
            "Use _`<REPLACEMENT TEXT>`_ instead of the old name <!-- a note --> here.\n")
    assert plain_blocks("guide.md", text) == [
        "Introduction Include an intro that links to https://example.com/b and Content Delivery.",
        "Use <REPLACEMENT TEXT> instead of the old name here.",
    ]


def test_rst_roles_literals_and_links_keep_their_text() -> None:
    text = ("See :ref:`searching-gh-issues` and :ref:`the triage guide <triage>` before "
            "running ``make regen-sbom`` from `the repository <https://example.org/repo>`__ "
            "with **great**\\ ly little effort.\n")
    assert plain_blocks("triage.rst", text) == [
        ("See searching-gh-issues and the triage guide before running make regen-sbom from "
         "the repository with greatly little effort.")]


def test_private_use_placeholders_never_come_through() -> None:
    text = "The record \ue001\ue002 was masked before the export ran.\n"
    assert plain_blocks("notes.txt", text) == ["The record  was masked before the export ran."]


def test_code_content_is_kept_as_written() -> None:
    text = "Edit ``__init__.py`` in the package to export the names.\n"
    assert plain_blocks("pkg.rst", text) == ["Edit __init__.py in the package to export the names."]


def lint(files: dict[str, str]):
    docs = [document_from_text(name, text) for name, text in files.items()]
    return lint_documents(docs, load_rules()).findings


SENTENCE = "Back up the **database** with `pg_dump` before you run the upgrade script."


def test_duplicate_quote_carries_no_markup() -> None:
    findings = lint({"upgrade.md": f"{SENTENCE}\n\nThen read on.\n\n{SENTENCE}\n"})
    dups = [f for f in findings if f.rule_id == "DL201"]
    assert len(dups) == 1 and dups[0].line == 5
    assert "Back up the database with pg_dump before" in dups[0].message
    assert not MARKUP.search(dups[0].message)


MD_CONSTRUCTS = """\
---
description: The upgrade script must run before the server starts again
---

# Upgrading

The upgrade script must run before the server starts again.

!!! warning "The upgrade script must run before the server starts again"

    Keep a backup of the data directory.

```text
The upgrade script must run before the server starts again
data_files=[('my_data', ['data/data_file'])],
```

<!--
The upgrade script must run before the server starts again.
-->

{% comment %}
The upgrade script must run before the server starts again.
{% endcomment %}

--8<-- "The upgrade script must run before the server starts again"
"""

RST_CONSTRUCTS = """\
PEP: 9999
Title: The upgrade script must run before the server starts again
Status: Draft

Upgrading
=========

The upgrade script must run before the server starts again.

::

    The upgrade script must run before the server starts again.
    data_files=[('my_data', ['data/data_file'])],

.. The upgrade script must run before the server starts again.

.. [1] The upgrade script must run before the server starts again.
"""


def test_no_finding_starts_inside_non_prose_constructs() -> None:
    for name, text in (("upgrade.md", MD_CONSTRUCTS), ("pep-9999.rst", RST_CONSTRUCTS)):
        findings = lint({name: text})
        # the sentence is in the prose once; every other copy is structure or code
        assert [f for f in findings if f.category in ("duplication", "truncation")] == [], name
        for f in findings:
            assert not MARKUP.search(f.message), f.message


def test_finding_inside_an_admonition_body_points_at_the_file() -> None:
    sentence = "Restart the server after you change the listen address."
    text = (f"{sentence}\n\n- Steps for the upgrade:\n\n    ??? warning \"Restart\"\n\n"
            f"        Read this first. {sentence}\n")
    dups = [f for f in lint({"restart.md": text}) if f.rule_id == "DL201"]
    assert [(f.line, f.column) for f in dups] == [(7, 26)]
    assert text.split("\n")[6][25:].startswith("Restart the server")
