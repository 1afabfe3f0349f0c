"""Which reStructuredText directives hold prose, and what their argument is.

Admonitions and the other body directives of docutils and Sphinx hold paragraphs,
lists and nested directives that a reader reads as the document's own text. Every
other directive (code-block, literalinclude, math, raw, csv-table, toctree, autodoc,
only, ifconfig and any unknown name) stays non-prose: its body is skipped.
"""
from __future__ import annotations

# How the text after "::" on the directive line is read.
ARGUMENT_TEXT = "text"     # no argument: the text is the start of the body (docutils)
TITLE = "title"            # the argument is a title; the body follows
TITLE_ONLY = "title-only"  # the argument is a title and there is no body (rubric)
VERSION = "version"        # a version number, then an optional sentence

_PROSE_DIRECTIVES: dict[str, str] = {
    **dict.fromkeys(
        ("note", "warning", "important", "tip", "caution", "danger", "attention", "hint",
         "error", "seealso", "todo", "epigraph", "highlights", "pull-quote", "compound"),
        ARGUMENT_TEXT),
    # "tab": sphinx-inline-tabs and sphinx-tabs; its argument is the tab's label.
    **dict.fromkeys(("admonition", "topic", "sidebar", "tab"), TITLE),
    "rubric": TITLE_ONLY,
    **dict.fromkeys(("versionadded", "versionchanged", "deprecated", "versionremoved"),
                    VERSION),
}


def prose_directive(name: str) -> str | None:
    """How a directive's argument reads when its body is prose; None when it is not."""
    return _PROSE_DIRECTIVES.get(name.lower())
