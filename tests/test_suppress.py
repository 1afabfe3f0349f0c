"""Inline suppression directives in Markdown, reST and plain text, and the meta rules."""
from __future__ import annotations

import pickle

from doclint.api import document_from_text, lint_documents
from doclint.engine.suppress import parse_directives


def rules_of(findings):
    return [(f.rule_id, f.line) for f in findings]


def test_markdown_disable_line_and_next_line(lint_text):
    text = ("# Guide\n\n"
            "TODO: write this. <!-- doclint-disable-line DL901 -->\n\n"
            "<!-- doclint-disable-next-line placeholder-text -->\n"
            "TODO: and this.\n\n"
            "TODO: but not this.\n")
    assert rules_of(lint_text(text, fmt="markdown", name="a.md")) == [("DL901", 8)]


def test_disable_next_line_skips_blank_lines(lint_text):
    text = "<!-- doclint-disable-next-line DL901 -->\n\nTODO: later.\n"
    assert lint_text(text, fmt="markdown", name="a.md") == []


def test_disable_enable_range_with_rule_list(lint_text):
    text = ("<!-- doclint-disable DL901, DL902 -->\n\n"
            "TODO: we recieve mail.\n\n"
            "<!-- doclint-enable -->\n\n"
            "TODO: we recieve mail.\n")
    assert rules_of(lint_text(text, fmt="markdown", name="a.md")) == [("DL901", 7), ("DL902", 7)]


def test_blanket_disable_then_enable_one_rule(lint_text):
    text = ("doclint-disable\n"
            "TODO: we recieve mail.\n"
            "doclint-enable DL902\n"
            "TODO: we recieve mail.\n")
    assert rules_of(lint_text(text)) == [("DL902", 4)]


def test_disable_file_by_category(lint_text):
    text = "TODO: we recieve mail.\n\n<!-- doclint-disable-file style -->\n"
    assert lint_text(text, fmt="markdown", name="a.md") == []


def test_rst_comment_directives(lint_text):
    text = ("Guide\n=====\n\n"
            ".. doclint-disable-next-line DL901\n\n"
            "TODO: write this.\n\n"
            "TODO: and this.\n")
    assert rules_of(lint_text(text, fmt="rst", name="a.rst")) == [("DL901", 8)]


def test_plain_text_tag_on_its_own_line(lint_text):
    text = "doclint-disable-next-line DL902\nWe recieve mail.\nWe recieve mail again.\n"
    assert rules_of(lint_text(text)) == [("DL902", 3)]


def test_a_tag_inside_a_sentence_is_not_a_directive(lint_text):
    text = "Write doclint-disable-line DL902 to silence it. We recieve mail.\n"
    assert rules_of(lint_text(text)) == [("DL902", 1)]


def test_directives_in_code_are_examples_not_directives(lint_text):
    md = ("```md\n<!-- doclint-disable-file -->\n```\n\n"
          "Use `<!-- doclint-disable-file -->` to skip a file.\n\nTODO: write this.\n")
    assert rules_of(lint_text(md, fmt="markdown", name="a.md")) == [("DL901", 7)]
    rst = ("Example::\n\n    .. doclint-disable-file\n\nTODO: write this.\n")
    assert rules_of(lint_text(rst, fmt="rst", name="a.rst")) == [("DL901", 5)]


def test_unused_directive_is_reported_at_the_directive(lint_text):
    text = "# Guide\n\n<!-- doclint-disable-next-line DL902 -->\nAll spelled well.\n"
    findings = lint_text(text, fmt="markdown", name="a.md")
    assert rules_of(findings) == [("DL001", 3)]
    assert findings[0].column == 1
    assert "doclint-disable-next-line DL902" in findings[0].message


def test_directive_for_rules_not_running_is_not_unused(all_rules):
    rules = [r for r in all_rules if r.category == "meta"]
    doc = document_from_text("a.md", "<!-- doclint-disable-next-line DL902 -->\nFine.\n")
    assert lint_documents([doc], rules).findings == []


def test_invalid_directives(lint_text):
    text = ("doclint-disable-nextline DL901\n"
            "doclint-enable\n"
            "doclint-disable-line DL9O1\n"
            "The release is ready.\n")
    findings = lint_text(text, rule="DL002")
    assert [f.line for f in findings] == [1, 2, 3]
    assert "is not a directive" in findings[0].message
    assert "enables nothing" in findings[1].message
    assert "'DL9O1'" in findings[2].message


def test_reason_after_double_dash(lint_text):
    text = "doclint-disable-next-line DL902 -- quoting a customer\nWe recieve mail.\n"
    assert lint_text(text) == []


def test_jsonl_records_use_lines_inside_the_text(tmp_path):
    from doclint.api import lint_paths
    from doclint.engine.config import load_config

    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "doclint-disable-next-line DL901\\nTODO: one."}\n'
                      '{"id": "b", "text": "TODO: two."}\n', encoding="utf-8")
    result = lint_paths([str(corpus)], load_config(start=str(tmp_path)), ["DL901", "meta"])
    assert [(f.rule_id, f.record) for f in result.findings] == [("DL901", "b")]


def test_directives_are_compact_picklable_data():
    doc = document_from_text("a.md", "<!-- doclint-disable DL901 -->\nText.\n")
    directives = parse_directives(doc)
    assert pickle.loads(pickle.dumps(directives)) == directives
    assert parse_directives(document_from_text("b.md", "No directives here.\n")) is None



def test_enable_one_of_several_disabled_rules(lint_text):
    text = ("doclint-disable DL901, DL902\n"
            "doclint-enable DL902\n"
            "TODO: we recieve mail.\n"
            "doclint-enable\n")
    assert rules_of(lint_text(text)) == [("DL902", 3)]


def test_a_directive_split_by_enable_is_used_once_any_part_is(lint_text):
    text = ("doclint-disable\n"
            "TODO: write this.\n"
            "doclint-enable DL902\n"
            "All is well here.\n"
            "doclint-enable\n")
    assert lint_text(text) == []


def test_html_files_take_comment_directives(lint_text):
    text = "<p>TODO: write this. <!-- doclint-disable-line DL901 --></p>\n<p>TODO: and this.</p>\n"
    assert rules_of(lint_text(text, fmt="text", name="page.html")) == [("DL901", 2)]


def test_plain_text_directive_lines_are_not_prose():
    text = "The tests pass.\ndoclint-disable-next-line DL901\nTODO: later.\n"
    doc = document_from_text("a.txt", text)
    parse_directives(doc)
    directive = text.index("doclint")
    assert doc.masked[directive:text.index("\nTODO")].strip() == ""
    assert [text[s.start:s.end] for s in doc.sentences] == ["The tests pass.", "TODO: later."]


SENTENCE = "The installer writes its log to the system folder every night."


def test_cross_document_duplicates_are_suppressed_after_the_corpus_phase(all_rules):
    rules = [r for r in all_rules if r.enabled and r.category in ("duplication", "meta")]
    a = document_from_text("a.md", f"# A\n\n{SENTENCE}\n")
    b = document_from_text("b.md", f"# B\n\n<!-- doclint-disable-next-line duplication -->\n{SENTENCE}\n")
    assert [f for f in lint_documents([a, b], rules).findings if f.path == "b.md"] == []
    b = document_from_text("b.md", f"# B\n\n{SENTENCE}\n")
    assert any(f.path == "b.md" and f.category == "duplication" for f in lint_documents([a, b], rules).findings)


def test_blanket_directive_waits_for_the_corpus_phase_before_it_is_unused(all_rules):
    rules = [r for r in all_rules if r.enabled and r.category in ("duplication", "meta")]
    doc = document_from_text("a.md", "# A\n\n<!-- doclint-disable-file -->\nNothing repeats here.\n")
    findings = lint_documents([doc], rules).findings
    assert [(f.rule_id, f.line) for f in findings] == [("DL001", 3)]


def test_fix_removes_unused_directives_and_keeps_suppressed_text(tmp_path, monkeypatch, capsys):
    from doclint.cli import main

    monkeypatch.chdir(tmp_path)
    page = tmp_path / "page.md"
    page.write_text("# Page\n\n<!-- doclint-disable-next-line DL902 -->\nAll spelled well.\n\n"
                    "We recieve mail. <!-- doclint-disable-line DL902 -- a quotation -->\n", encoding="utf-8")
    assert main(["fix", "--select", "DL902,DL001", "page.md"]) == 1  # it changed the file
    capsys.readouterr()
    assert page.read_text(encoding="utf-8") == (
        "# Page\n\nAll spelled well.\n\nWe recieve mail. <!-- doclint-disable-line DL902 -- a quotation -->\n")
    assert main(["check", "--select", "DL902,DL001", "page.md"]) == 0


def test_a_vale_comment_is_found_where_the_scan_finds_one():
    # parse_directives looks back from each "vale" instead of scanning for the opening.
    import random

    from doclint.engine.suppress import _VALE_COMMENT, _has_vale_comment

    rng = random.Random(1)
    pieces = ["<!--", "<!-", "--", "..", ".", " ", "\t", "vale", "val", "e", "vale ", "prevalent",
              "equivalent ", "x", "\n", "<!-- vale", ".. vale\t", "<!-- Vale "]
    found = 0
    for _ in range(50000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert _has_vale_comment(text) == (_VALE_COMMENT.search(text) is not None), repr(text)
        found += _has_vale_comment(text)
    assert 5000 < found < 45000
