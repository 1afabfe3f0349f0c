"""Prose directives of reStructuredText: admonitions and their kin are read as text."""
from __future__ import annotations

from doclint.markup.rst import parse

GUIDE = """\
Publishing a release
====================

Upload the files once the checks pass.

.. important::
   :class: strong

   The Python Packaging Authority (PyPA) keeps the upload tools. Use the
   version they publish.

   * Build the wheel first.
   * Then build the source archive.

   .. code-block:: bash

      python -m build

.. note:: Tokens are scoped to one project
   and expire after a year.

.. admonition:: Before you upload
   :class: tip

   Check the long description renders.

.. versionchanged:: 3.2 The ``--sign`` flag was removed.

.. deprecated:: 4.0
   Use trusted publishing instead.

.. rubric:: Footnotes

.. toctree::
   :maxdepth: 2

   upload
   signing

- Read the release notes.

  .. warning::

     Yanked releases stay installable by pin.

.. seealso::

   The upload guide, for the full
   list of options::

      twine upload --help
"""


def blocks_of(text: str) -> list[tuple[str, str]]:
    return [(b.kind, text[b.start:b.end]) for b in parse(text).blocks]


def test_prose_directive_bodies_are_read_with_titles_as_headings() -> None:
    # An admonition is an aside, as a block quote is: its paragraphs are block quotes.
    assert blocks_of(GUIDE) == [
        ("heading", "Publishing a release"),
        ("paragraph", "Upload the files once the checks pass."),
        ("blockquote", "The Python Packaging Authority (PyPA) keeps the upload tools. Use the\n"
                      "   version they publish."),
        ("list-item", "Build the wheel first."),
        ("list-item", "Then build the source archive."),
        ("blockquote", "Tokens are scoped to one project\n   and expire after a year."),
        ("heading", "Before you upload"),
        ("blockquote", "Check the long description renders."),
        ("blockquote", "The ``--sign`` flag was removed."),
        ("blockquote", "Use trusted publishing instead."),
        ("heading", "Footnotes"),
        ("list-item", "Read the release notes."),
        ("blockquote", "Yanked releases stay installable by pin."),
        ("blockquote", "The upload guide, for the full\n   list of options:"),
    ]


def test_a_rubric_heads_what_follows_in_the_outline_and_other_titles_do_not() -> None:
    parsed = parse(GUIDE)
    titles = [(h.level, GUIDE[h.start:h.end]) for h in parsed.headings]
    # The admonition's title names an aside; the rubric divides the section, one level below it.
    assert titles == [(1, "Publishing a release\n===================="), (2, "Footnotes")]


def test_directive_markup_options_and_code_stay_blank() -> None:
    masked = parse(GUIDE).masked
    assert len(masked) == len(GUIDE)
    for hidden in (".. important::", ":class: strong", "python -m build", ".. note::",
                   ".. versionchanged:: 3.2", ".. deprecated:: 4.0", ":maxdepth: 2",
                   "   upload\n", "twine upload --help", ".. rubric::"):
        start = GUIDE.index(hidden)
        assert masked[start:start + len(hidden)].strip() == "", hidden


def test_text_on_the_directive_line_keeps_its_offsets() -> None:
    parsed = parse(GUIDE)
    start = GUIDE.index("Tokens are scoped")
    block = next(b for b in parsed.blocks if b.start == start)
    assert parsed.masked[block.start:block.end] == GUIDE[block.start:block.end]


def test_unknown_and_code_like_directives_stay_skipped() -> None:
    doc = ("Intro text here.\n\n.. math::\n\n   e = mc^2\n\n.. automodule:: tool.cli\n"
           "   :members:\n\n   Module notes written as prose.\n\n"
           ".. only:: html\n\n   Rendered only in HTML.\n\n.. my-widget::\n\n   Widget text.\n")
    assert blocks_of(doc) == [("paragraph", "Intro text here.")]


def test_first_line_text_ending_in_a_literal_marker_hides_the_code() -> None:
    doc = ".. tip:: Run the tool like this::\n\n      tool --all\n\nDone.\n"
    assert blocks_of(doc) == [("blockquote", "Run the tool like this:"), ("paragraph", "Done.")]


def test_acronym_defined_in_an_admonition_counts(lint_text) -> None:
    doc = ("Licences\n========\n\n.. important::\n\n   The Open Source Initiative (OSI)\n"
           "   approves licences.\n\nCheck that the OSI lists the licence, and that the OSI page\n"
           "links to its text.\n")
    # min-defined-share 0: this short page defines too few acronyms to be checked otherwise.
    found = lint_text(doc, "DL410", fmt="rst", name="a.rst", min_defined_share=0)
    assert [f.snippet for f in found] == []
    skipped = doc.replace(".. important::", ".. code-block:: text")
    found = lint_text(skipped, "DL410", fmt="rst", name="a.rst", min_defined_share=0)
    assert [f.snippet for f in found] == ["OSI"]


def test_duplicate_inside_a_note_is_found(lint_text) -> None:
    sentence = "Run the migration script before you restart the server on every node."
    doc = f"Upgrading\n=========\n\n{sentence}\n\n.. note::\n\n   {sentence}\n"
    found = lint_text(doc, "DL201", fmt="rst", name="a.rst")
    assert [f.line for f in found] == [8]


def test_paragraph_cut_before_an_admonition_is_still_cut(lint_text) -> None:
    doc = ("Proposals\n=========\n\nA good way to see if your idea would work is to ask on the\n"
           "forum first. You can also look in the standard library to find examples of\n\n"
           ".. important::\n   Most proposed changes are rejected. Do not take it personally.\n")
    assert [f.line for f in lint_text(doc, "DL101", fmt="rst", name="a.rst")] == [5]


def test_sentence_cut_inside_a_note_is_found(lint_text) -> None:
    doc = ".. note::\n   The cache is rebuilt whenever the\n\nThe release adds a parser.\n"
    assert [f.line for f in lint_text(doc, "DL101", fmt="rst", name="a.rst")] == [2]


def test_tab_bodies_are_read_and_their_labels_are_headings() -> None:
    doc = ("Check the version:\n\n.. tab:: Unix/macOS\n\n   .. code-block:: bash\n\n"
           "      python3 --version\n\n.. tab:: Windows\n\n   Open a new terminal first.\n")
    assert blocks_of(doc) == [("paragraph", "Check the version:"), ("heading", "Unix/macOS"),
                              ("heading", "Windows"), ("blockquote", "Open a new terminal first.")]
