"""Label lines that are markup, not prose: mdBook-spec rule ids and GitHub alerts."""
from __future__ import annotations

from doclint.api import document_from_text


def prose(text: str) -> list[str]:
    doc = document_from_text("doc.md", text)
    return [doc.masked[b.start:b.end] for b in doc.blocks]


def test_rule_identifier_lines_are_not_prose():
    text = ("r[expr.loop.intro]\nA loop expression repeats its block.\n\n"
            "r[expr.loop.kinds]\n\n- infinite loops\n")
    assert prose(text) == ["A loop expression repeats its block.", "infinite loops"]


def test_alert_markers_are_not_prose():
    text = "Text before.\n\n> [!NOTE]\n> For known bugs, see the tracker.\n"
    assert prose(text) == ["Text before.", "For known bugs, see the tracker."]


def test_bracketed_prose_is_kept():
    text = "See r[x] in the text, and [!this] too.\n"
    assert prose(text) == ["See r[x] in the text, and [!this] too."]
