"""Structure that is not prose, in Markdown and reST: header blocks, code and literal
blocks, MkDocs/Material syntax, template tags, comments, labels and false list starts.
Each construct must leave no prose block behind, while the prose around it keeps its
exact offsets."""
from __future__ import annotations

import pytest

from doclint.markup.markdown import parse as parse_md
from doclint.markup.rst import parse as parse_rst


def blocks(parse, text: str) -> list[tuple[str, str]]:
    parsed = parse(text)
    assert len(parsed.masked) == len(text)
    assert [i for i, c in enumerate(parsed.masked) if c == "\n"] == \
        [i for i, c in enumerate(text) if c == "\n"]
    return [(b.kind, text[b.start:b.end]) for b in parsed.blocks]


def prose(parse, text: str) -> str:
    """Everything the reader hands over as prose, blocks joined by a bar."""
    parsed = parse(text)
    return " | ".join(parsed.masked[b.start:b.end] for b in parsed.blocks)


# --- header blocks -----------------------------------------------------------------

@pytest.mark.parametrize("header", [
    "---\ntitle: Configure the data source\nweight: 300\n---\n",
    "---\ntitle: Configure the data source\n...\n",
    "+++\ntitle = \"Configure the data source\"\nweight = 300\n+++\n",
    "{\n  \"title\": \"Configure the data source\",\n  \"weight\": 300\n}\n",
])
def test_markdown_front_matter_variants_are_not_prose(header: str) -> None:
    text = header + "\nOpen the settings page to add a source.\n"
    assert blocks(parse_md, text) == [("paragraph", "Open the settings page to add a source.")]


def test_rst_front_matter_and_pep_header_are_not_prose() -> None:
    pep = ("PEP: 9999\nTitle: Reading Headers Correctly\nAuthor: Jane Doe <jane@example.org>,\n"
           "        John Roe <john@example.org>\nStatus: Draft\nType: Informational\n\n"
           "Abstract\n========\n\nThis PEP describes how headers are read.\n")
    assert blocks(parse_rst, pep) == [("heading", "Abstract"),
                                      ("paragraph", "This PEP describes how headers are read.")]
    front = "---\ntitle: Packaging guide\n---\n\nThe guide explains wheels.\n"
    assert blocks(parse_rst, front) == [("paragraph", "The guide explains wheels.")]


def test_a_sentence_with_a_colon_at_the_top_is_no_header() -> None:
    text = "Note: the server restarts after every upgrade.\nPlan the upgrade for a quiet hour.\n"
    assert blocks(parse_rst, text) == [("paragraph", text.rstrip("\n"))]


def test_rst_meta_directive_is_not_prose() -> None:
    text = (".. meta::\n   :description: How to publish a package to the index\n"
            "   :keywords: packaging, upload\n\nUpload the package with twine.\n")
    assert blocks(parse_rst, text) == [("paragraph", "Upload the package with twine.")]


# --- code and literal blocks -------------------------------------------------------

def test_rst_bare_literal_marker_after_a_section_title() -> None:
    text = ("Supporting multiple platforms\n-----------------------------\n\n::\n\n  FIXME\n\n"
            "  Meaning: x86, x64, ARM, others?\n\nThe next paragraph is prose again.\n")
    assert blocks(parse_rst, text) == [("heading", "Supporting multiple platforms"),
                                       ("paragraph", "The next paragraph is prose again.")]


def test_rst_literal_block_after_double_colon_paragraph_and_code_directive() -> None:
    text = ("Add the data files to the call::\n\n    data_files=[('my_data', ['data/data_file'])],\n\n"
            ".. code-block:: python\n\n    setup(name='example',\n          version='1.0',)\n\n"
            "Both examples end in a comma.\n")
    assert blocks(parse_rst, text) == [("paragraph", "Add the data files to the call:"),
                                       ("paragraph", "Both examples end in a comma.")]
    assert "data_files" not in prose(parse_rst, text)


def test_markdown_lone_word_between_code_blocks_is_no_prose() -> None:
    text = ("Start the server with the script:\n\n```sh\n./run.sh\n```\n\nor\n\n"
            "```sh\ndocker run example\n```\n")
    assert blocks(parse_md, text) == [("paragraph", "Start the server with the script:")]


def test_rst_lone_word_between_literal_blocks_is_no_prose() -> None:
    text = "Install it with::\n\n    pip install example\n\nor\n\n::\n\n    pipx install example\n"
    assert blocks(parse_rst, text) == [("paragraph", "Install it with:")]


# --- labels and bold lines ---------------------------------------------------------

@pytest.mark.parametrize("parse", [parse_md, parse_rst])
def test_labels_and_bold_lines_are_headings(parse) -> None:
    text = ("**Step 1: Create the panel**\n\nObjectives:\n\nTime required: 30 minutes\n\n"
            "*Availability*: PostGIS, Oracle, MariaDB, MySQL and SpatiaLite (Native)\n\n"
            "Open the dashboard and add a panel.\n\nNote: the value, if any, is kept.\n")
    assert blocks(parse, text) == [("heading", "Step 1: Create the panel"),
                                   ("heading", "Objectives:"),
                                   ("heading", "Time required: 30 minutes"),
                                   ("heading", "Availability*: PostGIS, Oracle, MariaDB, MySQL and SpatiaLite (Native)"),
                                   ("paragraph", "Open the dashboard and add a panel."),
                                   ("paragraph", "Note: the value, if any, is kept.")]


@pytest.mark.parametrize("parse", [parse_md, parse_rst])
def test_short_sentences_stay_paragraphs(parse) -> None:
    # A cut-off sentence after a colon is prose, and so is a bold lead-in.
    for line in ("Warning: this command deletes the", "**Note** Back up the database first.",
                 "Run the following command:"):
        assert blocks(parse, line + "\n") == [("paragraph", line.lstrip("*"))]


# --- false list starts -------------------------------------------------------------

@pytest.mark.parametrize("parse", [parse_md, parse_rst])
def test_wrapped_year_is_no_list_item(parse) -> None:
    text = ("The survey ran from 1998 to the end of the decade and was published in\n"
            "2024. It found the same trend again, as the report of\n"
            "(1999) had.\n")
    assert blocks(parse, text) == [("paragraph", text.rstrip("\n"))]


def test_rst_list_after_a_blank_line_is_still_a_list() -> None:
    text = "The release adds two tools.\n\n1. A build frontend.\n2. An upload tool.\n"
    assert blocks(parse_rst, text) == [("paragraph", "The release adds two tools."),
                                       ("list-item", "A build frontend."),
                                       ("list-item", "An upload tool.")]


# --- MkDocs / Material -------------------------------------------------------------

def test_admonitions_title_is_blank_and_body_is_prose() -> None:
    text = ('!!! note "Before you upgrade"\n\n    Back up the database before you upgrade.\n'
            "    The migration cannot be undone.\n\n"
            '??? tip "Keyboard shortcuts"\n    Press **Ctrl+S** to save the dashboard.\n\n'
            '???+ warning\n\n    Restart the server afterwards.\n\nBack to the main text.\n')
    assert blocks(parse_md, text) == [
        ("paragraph", "Back up the database before you upgrade.\n    The migration cannot be undone."),
        ("paragraph", "Press **Ctrl+S** to save the dashboard."),
        ("paragraph", "Restart the server afterwards."),
        ("paragraph", "Back to the main text."),
    ]
    masked = parse_md(text).masked
    for title in ("Before you upgrade", "Keyboard shortcuts", "warning", "!!!", "???+"):
        start = text.index(title)
        assert not masked[start:start + len(title)].strip(), title


def test_content_tabs_with_code_inside() -> None:
    text = ('=== "Linux"\n\n    Install the package with your package manager.\n\n'
            "    ```sh\n    sudo apt install grafana\n\n    grafana-server\n    ```\n\n"
            '=== "macOS"\n\n    Use Homebrew to install it.\n')
    assert blocks(parse_md, text) == [
        ("paragraph", "Install the package with your package manager."),
        ("paragraph", "Use Homebrew to install it."),
    ]


def test_admonition_inside_a_fence_is_code() -> None:
    text = '```markdown\n!!! note "Title"\n\n    Body of the example.\n```\n\nProse.\n'
    assert blocks(parse_md, text) == [("paragraph", "Prose.")]


def test_snippets_abbreviations_attributes_and_emoji() -> None:
    text = ('--8<-- "includes/abbreviations.md"\n\n--8<--\nintro.md\nsetup.md\n--8<--\n\n'
            "*[CDN]: Content Delivery Network\n\n"
            "# Build a dashboard { #build .intro }\n\n"
            "The assets load quickly :star: from the cache. {: .lead }\n")
    assert blocks(parse_md, text) == [
        ("heading", "Build a dashboard"),
        ("paragraph", "The assets load quickly :star: from the cache."),
    ]
    assert prose(parse_md, text).endswith("The assets load quickly        from the cache.")


def test_intraword_strong_emphasis_is_fully_stripped() -> None:
    text = "A **C**ontent **D**elivery **N**etwork (CDN) serves the assets.\n"
    masked = prose(parse_md, text)
    assert "*" not in masked
    assert masked.startswith("A   C  ontent   D  elivery")
    assert "snake_case_name" in prose(parse_md, "Call snake_case_name and 2 * 3 here.\n")


# --- template tags and comments ----------------------------------------------------

def test_template_tags() -> None:
    text = ('{% include "partials/footer.html" %}\n\n'
            "Version {{ version }} adds panels.\n\n"
            "{% comment %}\nA draft paragraph that nobody should read.\n{% endcomment %}\n\n"
            "{% highlight ruby %}\nputs 'hello'\n{% endhighlight %}\n\n"
            "{{< admonition type=\"note\" >}}\nShortcode bodies are prose.\n{{< /admonition >}}\n")
    parsed = parse_md(text)
    assert [(b.kind, text[b.start:b.end]) for b in parsed.blocks] == [
        ("paragraph", "Version {{ version }} adds panels."),
        ("paragraph", "Shortcode bodies are prose."),
    ]
    masked = parsed.masked
    assert "{" not in masked and "%" not in masked and "draft" not in masked and "puts" not in masked


def test_commented_out_markdown_block_is_not_prose() -> None:
    text = ("<!--\n## Old section\n\nThis paragraph was commented out.\n\n- and so was this list\n-->\n\n"
            "Live text <!-- with an inline note --> goes on.\n")
    assert blocks(parse_md, text) == [("paragraph", "Live text <!-- with an inline note --> goes on.")]
    assert prose(parse_md, text) == "Live text " + " " * len("<!-- with an inline note -->") + " goes on."


# --- reST targets, substitutions, footnotes, citations, fields ------------------------

def test_rst_reference_constructs() -> None:
    text = ("See `Building and installing`_ for details [1]_ and [CIT2002]_.\n\n"
            ".. _Building and installing:\n\n"
            ".. |version| replace:: 2.1\n\n"
            ".. [1] A footnote body that is not part of the text flow.\n\n"
            ".. [CIT2002] A citation body, also apart.\n\n"
            ":Author: Jane Doe\n:Version: |version|\n")
    assert blocks(parse_rst, text) == [
        ("paragraph", "See `Building and installing`_ for details [1]_ and [CIT2002]_.")]
    assert prose(parse_rst, text) == "See  Building and installing   for details      and           ."


def test_markdown_definition_list_marker_is_not_prose() -> None:
    text = ("`--deny-network`\n\n: Deny network access from inside the sandbox.\n\n"
            "Term\n: First definition of the term.\n")
    parsed = parse_md(text)
    got = [(b.kind, parsed.masked[b.start:b.end]) for b in parsed.blocks]
    assert got == [("list-item", "Deny network access from inside the sandbox."),
                   ("list-item", "Term\n  First definition of the term.")]


def test_an_mkdocstrings_injection_and_its_options_are_not_prose() -> None:
    text = ("Sources are classes.\n\n"
            "::: hatch.project.sources.Source\n    options:\n      show_source: false\n\n"
            "::: hatch.project.sources.PathSource\n\n"
            "The end of the page.\n\n:::{note}\nA MyST note.\n:::\n")
    assert blocks(parse_md, text) == [("paragraph", "Sources are classes."),
                                      ("paragraph", "The end of the page."),
                                      ("paragraph", "A MyST note.")]


def test_the_fences_of_pymdown_blocks_and_their_options_are_not_prose() -> None:
    text = ("![A figure](figure.png)\n\n"
            "/// caption\n    attrs: {class: \"general\"}\nGeneral caption\n///\n\n"
            "/// tip | YAML Configuration Format\nPlease see the FAQ for function references.\n///\n\n"
            "//// html | div.result\nThe rendered result.\n////\n\n"
            "A closing paragraph.\n\n```rust\n/// Returns the value.\nfn value() {}\n```\n")
    assert blocks(parse_md, text) == [("paragraph", "General caption"),
                                      ("paragraph", "Please see the FAQ for function references."),
                                      ("paragraph", "The rendered result."),
                                      ("paragraph", "A closing paragraph.")]


def test_a_paragraph_of_letter_or_roman_numeral_items_is_a_list() -> None:
    text = ("Here are the items.\n\niii. item 3\niv. item 4\nv. item 5\n\nB) second\nC) third\n\n"
            "I. Smith wrote this paragraph\nover two lines.\n")
    assert blocks(parse_md, text) == [("paragraph", "Here are the items."),
                                      ("list-item", "item 3\niv. item 4\nv. item 5"),
                                      ("list-item", "second\nC) third"),
                                      ("paragraph", "I. Smith wrote this paragraph\nover two lines.")]
