"""Changelogs and release notes (doclint.core.logs): history the naming rules leave
alone, and a corpus under news/ that is no log."""
from __future__ import annotations

import dataclasses
import json

from doclint.api import document_from_text, lint_documents
from doclint.core.loader import load
from doclint.core.logs import LOGS, is_log
from doclint.core.options import build_options
from doclint.engine.packs import load_rules
from doclint.registry import KINDS

RULES = {r.id: r for r in load_rules()}

# Commit subjects of many hands, releases apart: the same words in other cases.
LOG = """# Changelog

## 2.1.0

* **src**: add the Permission Model to the runtime (Ana Lee)
* **src**: let the Permission Model deny child processes (Ana Lee)
* **doc**: explain the permission model in the guide (Raj Patel)
* **doc**: link the permission model from the API pages (Raj Patel)
* **test**: cover the permission model on Windows (Mo Chen)
* **deps**: update Github actions to v4 (Ana Lee)
"""


def lint(files: dict[str, str], rule_id: str, **options):
    base = RULES[rule_id]
    if options:
        raw = dict(base.raw_options) | {k.replace("_", "-"): v for k, v in options.items()}
        base = dataclasses.replace(base, options=build_options(KINDS[base.kind].Options, raw, "test", base.id))
    docs = [document_from_text(name, text) for name, text in files.items()]
    return [f.line for f in lint_documents(docs, [dataclasses.replace(base, enabled=True)]).findings]


def test_the_naming_rules_leave_a_changelog_alone_and_check_the_same_text_elsewhere():
    assert lint({"CHANGELOG.md": LOG}, "DL401") == []
    assert lint({"docs/changelogs/CHANGELOG_V20.md": LOG}, "DL420") == []
    assert lint({"guide.md": LOG}, "DL401") == [5, 6]
    assert lint({"guide.md": LOG}, "DL420") == [10]
    # `logs: []` checks logs too.
    assert lint({"CHANGELOG.md": LOG}, "DL401", logs=[]) == [5, 6]


def test_a_record_of_a_corpus_is_never_a_log(tmp_path):
    corpus = tmp_path / "news" / "part-0.jsonl"
    corpus.parent.mkdir()
    corpus.write_text(json.dumps({"id": "a-1", "text": "Markets rose on Tuesday."}) + "\n")
    [record] = load(str(corpus), "news/part-0.jsonl", "text").documents
    assert not is_log(record, LOGS)
    assert is_log(document_from_text("news/2024-release.md", "Fixes."), LOGS)
    assert not is_log(document_from_text("CHANGELOG.md", "Fixes."), ())


def test_the_release_history_of_a_docs_folder_is_a_log_and_an_article_is_not():
    for path in ("doc/changes/1.3.rst", "docs/news.rst", "docs/history/whatsnew-4.4.rst",
                 "NEWS.md", "docs/releases/3.2.txt", "RelNotes/2.36.0.txt", "doc/version9.txt",
                 "doc/changes.rst", "docs/history.rst", "doc/whats-new.rst", "doc/whats_new.md",
                 "docs/releasenotes/9.0.1.rst", "docs/release_notes/2.0.md",
                 "doc/en/announce/release-2.4.0.rst", "docs/change_log/release-2.6.md"):
        assert is_log(document_from_text(path, "Fixes."), LOGS), path
    for path in ("content/news-article.md", "content/history/founding.md", "docs/guide.md",
                 "docs/versioning.md", "docs/version.txt", "examples/release-notes.txt",
                 "docs/release-process.md"):
        assert not is_log(document_from_text(path, "Text."), LOGS), path


def test_release_notes_by_any_common_name_are_logs():
    for path in ("docs/source/release-notes.rst", "docs/relnotes/0.6.0.txt", "doc/ReleaseNotes.md",
                 "RELEASE-NOTES.md", "docs/releasenotes.rst", "docs/release_notes.md"):
        assert is_log(document_from_text(path, "Fixes."), LOGS), path
    assert lint({"docs/source/release-notes.rst": LOG}, "DL401") == []
    assert not is_log(document_from_text("docs/source/notes.rst", "Fixes."), LOGS)
