"""Truncation judged by context: hard-wrapped paragraphs, text before blocks, and the
endings that only look cut (series, names, asides, connectors, summaries)."""
from __future__ import annotations

import pytest

from doclint.api import document_from_text
from doclint.families.truncation.openings import Openings
from doclint.families.truncation.wrapbreaks import early_breaks

FORMATS = {"markdown": "doc.md", "rst": "doc.rst", "text": "doc.txt"}


@pytest.fixture
def found(lint_text):
    """(rule id, line) of both truncation rules' findings for a text in a format."""

    def run(text: str, fmt: str = "text"):
        name = FORMATS[fmt]
        hits = lint_text(text, "DL101", fmt, name) + lint_text(text, "DL102", fmt, name)
        return sorted((f.rule_id, f.line) for f in hits)

    return run


# --- cuts inside a hard-wrapped paragraph --------------------------------------------

WRAPPED_CUT = (
    "Changes to the Python documentation are published regularly, and the pages are\n"
    "rebuilt from the main branch by a scheduled job that runs on the build servers.\n"
    "Most of the time the new pages appear within a day,\n"
    "usually within 48 hours of\n"
    "The documentation is also published for each release, which may be used by\n"
    "redistributors who package it.\n")


def test_function_word_cut_inside_a_wrapped_paragraph(found):
    assert found(WRAPPED_CUT, "rst") == [("DL101", 4)]


def test_content_word_cut_inside_a_wrapped_paragraph(found):
    text = ("Argument Clinic is a tool that writes the argument parsing code for built-in\n"
            "functions. Argument Clinic is a preprocessor\n"
            "It was introduced in Python 3.4 to give built-in functions introspection\n"
            "signatures, and most of the standard library uses it today.\n")
    assert found(text, "rst") == [("DL102", 2)]


@pytest.mark.parametrize("text", [
    # ordinary wrapping: the next word would not have fit on the line
    "The guide explains how to build and publish a package, and where to find the\n"
    "Python Packaging User Guide for the details of every step along the way today.\n",
    # a name the document capitalises mid-sentence, even though "clang" occurs too
    "You can pipe the test output through the symbolizer script from the Clang\n"
    "tools, or run clang with the right flags. Install the script from the\n"
    "Clang distribution. For example, the packages of most systems carry it.\n",
    # a name that goes on over the line break
    "Generates a snapshot of the current heap and returns a Readable\n"
    "Stream that may be used to read the serialized representation of it. This\n"
    "stream format is meant for tools such as the stream inspector.\n",
    # "I" is capitalised anywhere in a sentence
    "As a regular user of the library I became increasingly frustrated (even if\n"
    "I can only blame my inexperience) and rewrote the classes of the module\n"
    "from scratch. I needed a class that stores extra information.\n",
    # the next line opens with a link, not with a sentence
    "The general best practice for deceased community members is described on their\n"
    "`Best practices for members <https://example.org/best-practices>`__\n"
    "page, which the moderators keep up to date.\n",
])
def test_ordinary_line_breaks_are_not_cuts(found, text):
    assert found(text, "rst") == []


def test_early_breaks_are_the_ones_a_wrapper_would_not_make():
    text = ("A line that runs to the full wrap width of this paragraph ends on\n"
            "Each word, and a short one\n"
            "Stops here before it is full, which is no wrapping at all.\n")
    breaks = [text[:pos].rsplit("\n", 1)[-1] for pos, _ in early_breaks(text, text, 0, len(text))]
    assert breaks == ["Each word, and a short one"]


def test_openings_tell_common_words_from_names():
    text = ("Each release is signed. We build each package twice and compare the\n"
            "results with Homebrew and with the homebrew formula.\n")
    doc = document_from_text("doc.txt", text)
    openings = Openings(doc, frozenset())
    assert openings.at(0)  # "Each": written "each" and never capitalised mid-sentence
    assert not openings.at(text.index("Homebrew"))  # capitalised after "with": a name


# --- text right before a block ---------------------------------------------------------

@pytest.mark.parametrize("fmt, text, expected", [
    ("markdown", "The tool reads its options from a file.\n\n"
                 "A *diverging expression* is an expression that\n\n```rust\nlet x = loop {};\n```\n",
     [("DL101", 3)]),
    ("rst", "The versions table lists every branch.\n\nDates shown in *italic* are\n\n"
            ".. csv-table::\n   :header: Branch, Date\n\n   3.12, 2023\n", [("DL101", 3)]),
    ("markdown", "The strategy reads the headers of the response.\n\n"
                 "If the version depends on more than one header field\n\n"
                 "```ruby\nstrategy :header_match\n```\n", [("DL101", 3)]),
    # a directive or link target never completes the sentence, even after a preposition
    ("rst", "Meson is a build system that many projects use.\n\n"
            "Python package authors can use Meson as\n\n.. _pip-tools:\n\npip-tools\n=========\n\n"
            "A set of tools that keeps your pinned dependencies fresh.\n", [("DL101", 3)]),
    # a table is a block like code: a conjunction before it is a cut
    ("markdown", "The project keeps a list of users.\n\nThe rules are listed and\n\n"
                 "| Name | Description |\n| ---- | ----------- |\n| Foo | A shell. |\n", [("DL101", 3)]),
])
def test_cut_right_before_a_block(found, fmt, text, expected):
    assert found(text, fmt) == expected


@pytest.mark.parametrize("fmt, text", [
    # a comma introduces the block
    ("markdown", "The rules allow one surprising thing, and we allow this,\n\n"
                 "```rust\nconst X: i32 = 1;\n```\n"),
    # a complete sentence without a colon is only unpunctuated
    ("markdown", "The server reads its configuration once.\n\n"
                 "Run the installer with the default options\n\n```sh\n./install.sh\n```\n"),
    # a lead-in may run on into the items of a list
    ("markdown", "The compiler implements the trait for\n\n- tuples of such types\n"
                 "- function pointers\n"),
    # a lower-case connector between two code blocks, past an HTML comment
    ("markdown", "A loop that never ends is written:\n\n```rust\nloop { step(); }\n```\n\n"
                 "is equivalent to\n\n<!-- ignore: expansion example -->\n"
                 "```rust\nwhile true { step(); }\n```\n"),
    # a preposition may lead into the code that completes the sentence
    ("markdown", "Top-level await works in modules.\n\nAssuming an `a.mjs` with\n\n"
                 "```js\nexport const five = await Promise.resolve(5);\n```\n"),
    # a line over a Markdown table names the table
    ("markdown", "Projects that use the library today are listed first.\n\n"
                 "Possibly defunct but still good examples\n\n"
                 "| Name | Description |\n| ---- | ----------- |\n| Pobshell | A shell for objects. |\n"),
    # an address on its own line completes the sentence
    ("rst", "The license is available at\n\n    https://www.apache.org/licenses/LICENSE-2.0\n"),
    # the sentence runs on through the code, past a directive or a literal block: the
    # prose after it opens in lower case
    ("rst", "The macro invocation is case-insensitive. A macro defined as\n\n.. code-block:: cmake\n\n"
            "  macro(foo)\n  endmacro()\n\ncan be invoked through any of its spellings.\n"),
    ("rst", "The module is loaded.  If the command is loaded a variable named\n\n::\n\n"
            "  CMAKE_LOADED_COMMAND_<NAME>\n\nwill be set to the full path of the module.\n"),
    # a comma before a deeper block quote introduces a quotation
    ("markdown", "> Dropping the last reference frees the data.\n>\n"
                 "> As explained in the [Boost documentation][1],\n>\n"
                 "> > It is important to enforce any possible access to the object.\n\n"
                 "[1]: https://example.org/boost\n"),
])
def test_lead_ins_are_not_cuts(found, fmt, text):
    assert found(text, fmt) == []


# --- endings that only look cut ----------------------------------------------------------

def test_a_series_over_several_paragraphs_is_not_cut(found):
    text = ("We will do three things for the nation in the years ahead of us.\n\n"
            "First, we will cut taxes for every family in the land; and\n\n"
            "Second, we will build new roads across the whole country; and\n\n"
            "Finally, we will keep the peace with every nation that seeks it.\n")
    assert found(text) == []


def test_a_heading_that_ends_on_a_letter_name(found):
    text = ("# Options\n\nThe tool has two modes, and each is set by an option.\n\n"
            "## Setting option a\n\nOption a turns the cache on.\n\n"
            "## Setting option b\n\nOption b turns the cache off.\n")
    assert found(text, "markdown") == []


def test_an_emphasised_aside_after_a_finished_sentence(found):
    text = ("The iterator keeps two pointers into the buffer.\n\n"
            "Our *one job* is to keep the pointers aligned! *forehead slap*\n\n"
            "Raw pointers need not be aligned at all times.\n")
    assert found(text, "markdown") == []


@pytest.mark.parametrize("line, expected", [
    ("This guide includes everything you need to complete your documentation", [("DL102", 3)]),
    ("Create a trusted relationship between a package and the build service", []),
])
def test_a_sections_only_line_is_a_summary_unless_it_has_a_subject(found, line, expected):
    text = f"# Getting started\n\n{line}\n\n## Goals\n\nTo get started:\n\n- read the guide\n"
    assert found(text, "markdown") == expected


def test_a_line_ending_on_a_preposition_is_not_a_title_in_plain_text(found):
    text = ("We find the fullness of life not only in options, but in commitments.\n\n"
            "Our public interest depends on\n\n"
            "Sometimes in life we are called to do great things for our neighbours.\n")
    # "on" ends sentences too ("the lights are on"), so this is the unterminated rule's
    assert found(text) == [("DL102", 3)]


def test_a_one_line_tagline_under_the_title_is_not_reported(found):
    text = ("PyYAML\n======\n\nA full-featured YAML processing framework for Python\n\n"
            "Installation\n------------\n\nInstall it with pip. It has no other dependencies.\n")
    assert found(text, "rst") == []


@pytest.mark.parametrize("fmt, text", [
    # glossary entries whose indented definitions end lines with commas
    ("rst", "Glossary\n========\n\nThe terms below are used throughout this guide.\n\n"
            ".. glossary::\n\n   Build Backend\n      A library that builds wheels from a source tree, such as\n"
            "      setuptools, hatchling or flit-core, and\n\n   Wheel\n      The binary distribution format.\n"),
    # labels and metadata lines
    ("markdown", "# Setup\n\nThis takes a while. Plan for it.\n\nTime required: 30 minutes\n\n"
                 "**Objectives:**\n\n- Install the tool.\n"),
])
def test_glossaries_and_labels_are_not_cuts(found, fmt, text):
    assert found(text, fmt) == []


def test_a_signature_under_a_valediction_is_not_cut(found):
    announce = ("pytest-7.3.1\n============\n\npytest 7.3.1 has just been released to PyPI.\n\n"
                "This is a bug-fix release, being a drop-in replacement.\n\n"
                "Happy testing,\nThe pytest Development Team\n")
    assert found(announce, "rst") == []
    informal = ("The release is out.\n\n"
                "have fun and a nice remaining time of the year :)\nholger krekel\n\n"
                "Changes since the last release are listed below.\n")
    assert found(informal, "rst") == []
    # A sentence wrapped after a comma and cut on the next line is no signature.
    cut = ("Build using Sphinx\n------------------\n\n"
           "Advanced users may want to invoke Sphinx directly,\nto pass specialized options\n\n"
           "Make sure the environment you created above is active.\n")
    assert found(cut, "rst") == [("DL102", 5)]


def test_an_issue_number_after_a_finished_sentence_is_a_reference(found):
    text = ("The plugin loads in order.\n\n"
            "When using packadd for a replacement plugin, it is loaded after the\n"
            "default one.  #4698\n\n"
            "Should add a method that also returns the position of submatches. (#8355, #8356)\n\n"
            "The loader reads every file.\n")
    assert found(text) == []
    # A number that ends an unfinished sentence is still reported.
    assert found(text.replace("default one.  #4698", "default one of issue #4698")) == [("DL102", 4)]
