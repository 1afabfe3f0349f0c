"""Tests for the reStructuredText reader."""
from __future__ import annotations

from doclint.markup import reader_for
from doclint.markup.base import CODE_MASK
from doclint.markup.rst import parse

DOC = """\
==============
 Sphinx Guide
==============

Getting started
---------------

Sphinx turns *plain* text files into HTML. The builder reads
``conf.py`` first, then calls :func:`setup` and follows the
`tutorial <https://www.sphinx-doc.org/tutorial>`_ at https://example.com/x.

.. note::

   Admonition bodies are read as prose.

.. _install-target:

:author: Jane Doe
:version: 2.1

- Install the package with pip
  from the index.
- Read the glossary_ and footnote [1]_.

  A second paragraph of the item.

    An indented block quote paragraph.

Run the following command::

    pip install sphinx
    sphinx-quickstart

+--------+--------+
| grid   | table  |
+--------+--------+

=====  =====
col    value
=====  =====
a      1
=====  =====

.. |release| replace:: 2.1

.. A comment that spans
   two lines.

Version |release| is current. Example ::

    code()
"""


def blocks_of(text: str) -> list[tuple[str, str]]:
    return [(b.kind, text[b.start:b.end]) for b in parse(text).blocks]


def test_blocks_and_kinds() -> None:
    assert blocks_of(DOC) == [
        ("heading", "Sphinx Guide"),
        ("heading", "Getting started"),
        ("paragraph", "Sphinx turns *plain* text files into HTML. The builder reads\n"
                      "``conf.py`` first, then calls :func:`setup` and follows the\n"
                      "`tutorial <https://www.sphinx-doc.org/tutorial>`_ at https://example.com/x."),
        ("blockquote", "Admonition bodies are read as prose."),
        ("list-item", "Install the package with pip\n  from the index."),
        ("list-item", "Read the glossary_ and footnote [1]_."),
        ("list-item", "A second paragraph of the item."),
        ("blockquote", "An indented block quote paragraph."),
        ("paragraph", "Run the following command:"),
        ("paragraph", "Version |release| is current. Example"),
    ]


def test_inline_masking() -> None:
    parsed = parse(DOC)
    para = parsed.blocks[2]
    masked = parsed.masked[para.start:para.end]
    assert masked.startswith("Sphinx turns  plain  text files")
    assert "\n" + CODE_MASK * len("``conf.py``") + " first" in masked
    assert "calls " + CODE_MASK * len(":func:`setup`") + " and" in masked
    assert masked.endswith("\n tutorial" + " " * len(" <https://www.sphinx-doc.org/tutorial>`_")
                           + " at " + CODE_MASK * len("https://example.com/x") + ".")
    item = parsed.blocks[5]
    assert parsed.masked[item.start:item.end] == "Read the glossary  and footnote     ."


def test_non_prose_is_blank_and_lengths_match() -> None:
    parsed = parse(DOC)
    assert len(parsed.masked) == len(DOC)
    assert [i for i, c in enumerate(parsed.masked) if c == "\n"] == \
        [i for i, c in enumerate(DOC) if c == "\n"]
    for hidden in ("======", ".. note::", "_install-target", "Jane Doe", "pip install",
                   "grid", "col    value", "replace::", "A comment", "code()", "command::"):
        start = DOC.index(hidden)
        seg = parsed.masked[start:start + len(hidden)]
        if hidden == "command::":  # the literal marker reads as a single colon
            assert seg == "command: "
        else:
            assert seg.strip() == "", hidden


def test_the_literal_marker_after_a_role_reads_as_a_colon() -> None:
    doc = ("This test shows that the setting must be an integer, a built-in :ref:`check\n"
           "from the sites framework <sites-checks>`::\n\n    from django.test import TestCase\n\n"
           "Spaced apart ::\n\n    ls\n")
    parsed = parse(doc)
    first, last = (parsed.masked[b.start:b.end] for b in parsed.blocks)
    assert first.endswith(":") and "framework" in first
    assert last == "Spaced apart"  # "text ::" loses both colons, as reST renders it


def test_definition_list_and_enumerated_items() -> None:
    doc = "verbose\n    Print every file as it is read.\n\n1. First step.\n#. Next step.\n"
    assert blocks_of(doc) == [("list-item", "Print every file as it is read."),
                              ("list-item", "First step."), ("list-item", "Next step.")]


def test_reader_for_rst() -> None:
    assert reader_for("docs/index.rst") is parse


def test_cross_reference_with_a_title_reads_as_its_title():
    from doclint.api import document_from_text

    doc = document_from_text("a.rst", "The :ref:`Security Response Team <psrt>` (PSRT) meets. "
                             "See :ref:`psrt` and :func:`len`.\n")
    assert "Security Response Team" in doc.masked
    assert "psrt" not in doc.masked and "len" not in doc.masked and ":ref:" not in doc.masked


def test_each_line_of_a_line_block_is_a_block_of_its_own():
    # "| " lines keep their breaks, as in verse, an address or wording examples: the
    # sentence of one line does not run on into the next.
    text = ("Prefer neutral pronouns.\n\n"
            "  | Wrong: A maintainer uploads the file. Then he…\n"
            "  | Right: A maintainer uploads the file. Then they…\n\n"
            "| The Python Software Foundation\n"
            "| 9450 SW Gemini Dr.\n"
            "|    ECM# 90772\n")
    parsed = parse(text)
    read = [(b.kind, text[b.start:b.end]) for b in parsed.blocks]
    assert read == [("paragraph", "Prefer neutral pronouns."),
                    ("blockquote", "Wrong: A maintainer uploads the file. Then he…"),
                    ("blockquote", "Right: A maintainer uploads the file. Then they…"),
                    ("paragraph", "The Python Software Foundation"),
                    ("paragraph", "9450 SW Gemini Dr."),
                    ("paragraph", "ECM# 90772")]
    assert "|" not in parsed.masked


def test_a_line_of_verse_that_ends_in_a_comma_goes_on_in_the_next(lint_text):
    verse = ("| Half a bee, philosophically,\n"
             "|     must, *ipso facto*, half not be.\n"
             "| But half the bee has got to be,\n"
             "|     in a manner of speaking, its entity.\n"
             "| But can a bee be said to be\n"
             "|     or not to be an entire bee?\n")
    parsed = parse(verse)
    assert [verse[b.start:b.end] for b in parsed.blocks] == [
        "Half a bee, philosophically,\n|     must, *ipso facto*, half not be.",
        "But half the bee has got to be,\n|     in a manner of speaking, its entity.",
        "But can a bee be said to be\n|     or not to be an entire bee?"]
    assert "|" not in parsed.masked
    assert lint_text(verse, "DL101", fmt="rst", name="demo.rst") == []


def test_an_object_description_titles_an_entry_and_its_body_is_prose():
    text = ("GeoIP2\n======\n\n"
            ".. method:: GeoIP2.coords(query)\n\n"
            "   Returns a coordinate tuple of (longitude, latitude).\n\n"
            "   .. attribute:: precision\n\n"
            "      Digits kept after the point.\n\n"
            ".. py:function:: lat_lon(query)\n\n"
            "   Returns a coordinate tuple of (latitude, longitude).\n\n"
            ".. code-block:: python\n\n"
            "   coords = g.coords('example.com')\n")
    parsed = parse(text)
    titles = [(h.level, text[h.start:h.end]) for h in parsed.headings]
    # One level below the section, nested entries one level deeper; a code block is
    # no entry.
    assert titles == [(1, "GeoIP2\n======"), (2, "GeoIP2.coords(query)"), (3, "precision"),
                      (2, "lat_lon(query)")]
    # The signature reads as code, the body as prose (it was skipped with the directive).
    start = text.index("GeoIP2.coords")
    assert set(parsed.masked[start:start + len("GeoIP2.coords(query)")]) == {CODE_MASK}
    assert [text[b.start:b.end] for b in parsed.blocks if b.kind != "heading"] == [
        "Returns a coordinate tuple of (longitude, latitude).", "Digits kept after the point.",
        "Returns a coordinate tuple of (latitude, longitude)."]


def test_a_project_object_type_titles_an_entry_and_its_body_is_prose():
    # Object types a project defines for its reference (Sphinx's add_object_type):
    # their bodies were skipped as an unknown directive's.
    text = ("Configuration\n=============\n\n"
            ".. confval:: cache_dir\n\n"
            "   Sets the directory where the cache plugin's content is stored.\n\n"
            ".. django-admin-option:: --traceback\n\n"
            "Displays a full stack trace when a command fails.\n\n"
            ".. unknown-thing:: argument\n\n"
            "   Skipped with its directive.\n")
    parsed = parse(text)
    assert [(h.level, text[h.start:h.end]) for h in parsed.headings][1:] == [(2, "cache_dir"), (2, "--traceback")]
    assert [text[b.start:b.end] for b in parsed.blocks if b.kind != "heading"] == [
        "Sets the directory where the cache plugin's content is stored.",
        "Displays a full stack trace when a command fails."]


def test_a_doctest_block_runs_to_the_blank_line_and_a_list_item_may_hold_a_directive():
    # Output and "..." lines sit at the prompt's own indentation; they are code.
    text = ("The call returns the connections:\n\n"
            "   >>> p.net_connections()\n"
            "   [pconn(fd=115, family=2),\n"
            "    pconn(fd=117, family=2)]\n"
            "   >>> forces = [\n"
            "   ...   Force(end_point, -(faux1*N.x)),\n"
            "   ... ]\n\n"
            "The conditions are:\n\n"
            "1. .. math:: p = q \\wedge u = v\n"
            "2. .. math:: q < p \\wedge 0 < s\n"
            "3. .. note:: The third case is read as prose.\n")
    parsed = parse(text)
    read = [(b.kind, text[b.start:b.end]) for b in parsed.blocks]
    assert read == [("paragraph", "The call returns the connections:"), ("paragraph", "The conditions are:"),
                    ("blockquote", "The third case is read as prose.")]


def test_a_bold_line_after_a_finished_sentence_is_a_title_of_its_own():
    # Its blank line forgotten: docutils would join it to the paragraph, but it titles
    # what follows, as the bold lines above the other examples do.
    text = ("**Example 1: To list keys**\n\n"
            "For more information, see the developer guide.\n"
            "**Example 2: To list aliases**\n\n"
            "The following example lists the aliases.\n\n"
            "A sentence that goes on\n**in bold** is one paragraph.\n")
    parsed = parse(text)
    read = [(b.kind, text[b.start:b.end]) for b in parsed.blocks]
    assert read == [("heading", "Example 1: To list keys"),
                    ("paragraph", "For more information, see the developer guide."),
                    ("heading", "Example 2: To list aliases"),
                    ("paragraph", "The following example lists the aliases."),
                    ("paragraph", "A sentence that goes on\n**in bold** is one paragraph.")]


def test_an_option_list_reads_each_description_as_a_list_item_and_no_option_as_prose():
    text = ("Options\n=======\n\n"
            "  --port                   run on the given port (default *5555*)\n"
            "  --xheaders               enable support for the 'X-Real-Ip' and\n"
            "                           'X-Scheme' headers.\n"
            "  -q, --quiet              print nothing\n\n"
            "- a bullet item that stays one\n")
    got = blocks_of(text)
    assert got[1:] == [("list-item", "run on the given port (default *5555*)"),
                       ("list-item", "enable support for the 'X-Real-Ip' and\n"
                                     "                           'X-Scheme' headers."),
                       ("list-item", "print nothing"),
                       ("list-item", "a bullet item that stays one")]
