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
ENTRY = "entry"            # the argument is a signature that titles an entry of a reference

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


# Sphinx object descriptions (".. method:: GeoIP2.coords(query)", ".. py:function::",
# ".. c:macro::", ".. envvar::"): each titles an entry of an API or option reference
# with a signature, and its body describes the object in prose.
_ENTRY_DIRECTIVES = frozenset((
    "function", "method", "class", "attribute", "data", "exception", "decorator",
    "decoratormethod", "classmethod", "staticmethod", "property", "type", "member", "macro",
    "var", "struct", "enum", "enumerator", "union", "concept", "option", "cmdoption",
    "envvar", "describe", "object", "directive", "role", "program",
    # Object types that projects define for their own references (Sphinx's
    # add_object_type; `confval` is also Sphinx's own): a configuration value, a
    # setting, a command-line option, a hook, a signal, a template tag or filter, a
    # field lookup, a CMake variable or generator expression.
    "confval", "setting", "django-admin", "django-admin-option", "hook", "signal", "event",
    "templatetag", "templatefilter", "fieldlookup", "variable", "genex"))


def prose_directive(name: str) -> str | None:
    """How a directive's argument reads when its body is prose; None when it is not. A
    domain ("py:", "c:", "std:") names where an object description belongs."""
    name = name.lower()
    role = _PROSE_DIRECTIVES.get(name)
    if role is None and name.rsplit(":", 1)[-1] in _ENTRY_DIRECTIVES:
        return ENTRY
    return role
