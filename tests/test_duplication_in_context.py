"""Copies that are the same remark made in context (in_context.py): at the same place of
parallel paragraphs, or restated inside prose on the pages of a reference. A pasted
sentence, alone or at another place, is still reported."""
from __future__ import annotations

from tests.test_duplication import lint

SEARCH_OPTIONS = """\
Headline options
================

Set the ``highlight_all`` parameter to ``True`` to use the whole document in
place of a fragment and ignore the fragment size. That's disabled by default in PostgreSQL.

Provide a non-zero integer value to ``max_fragments`` to set the maximum
number of fragments to display. That's disabled by default in PostgreSQL.
"""


def test_a_remark_closing_two_parallel_paragraphs_is_not_reported():
    assert lint({"search.txt": SEARCH_OPTIONS}, "DL201") == []


def test_a_remark_at_another_place_or_alone_is_still_reported():
    # Opening a paragraph where the other copy closes one: a sentence pasted in.
    opened = SEARCH_OPTIONS.replace("Provide a non-zero", "That's disabled by default in PostgreSQL. Provide a non-zero") \
                           .replace("to display. That's disabled by default in PostgreSQL.", "to display.")
    assert [f.line for f in lint({"search.txt": opened}, "DL201")] == [7]
    # A paragraph of its own that only repeats it.
    alone = SEARCH_OPTIONS + "\nThat's disabled by default in PostgreSQL.\n"
    assert [f.line for f in lint({"search.txt": alone}, "DL201")] == [10]


def test_a_paragraph_pasted_whole_is_still_reported():
    # Its closing sentence closes the paragraph the others close, but beside it stands
    # a copy too: one pasted passage, reported once, where it begins.
    pasted = SEARCH_OPTIONS + "\n" + SEARCH_OPTIONS.split("\n\n")[1] + "\n"
    assert [(f.line, f.related[0].line) for f in lint({"search.txt": pasted}, "DL201")] == [(10, 4)]


def test_answers_opening_with_the_same_pointer_are_parallel_near_copies_too():
    text = ("## Where do I find a good plugin?\n\n"
            "See the plugin site at https://plugins.example.org for the list. Many users have uploaded "
            "useful scripts and plugins there.\n\n"
            "## Where do I find more tips?\n\n"
            "See the plugin site at https://plugins.example.org for a list. There is an archive "
            "with hints from other users.\n")
    assert lint({"faq.md": text}, "DL202") == []


def test_paragraphs_side_by_side_that_open_alike_are_reported():
    text = ("## Write your first page\n\n"
            "Create a file in the `content/` folder. Every page starts with front matter that sets the title.\n\n"
            "Create a file in the `content/` folder. Run `skyline serve` to preview the site on your machine.\n")
    assert [f.line for f in lint({"start.md": text}, "DL201")] == [5]


CHAR_PAGE = """\
# Character type

A value of type `char` is a 32-bit unsigned word in the 0x0000 to 0x10FFFF range.
It is undefined behavior to create a `char` that falls outside this range.
"""

TEXTUAL_PAGE = """\
# Textual types

The types `char` and `str` hold textual data. A `str` holds UTF-8 bytes only.
It is undefined behavior to create a `char` that falls outside this range.
"""


def test_a_remark_closing_parallel_paragraphs_of_two_pages_is_reuse_unless_every_copy_is_asked_for():
    pages = {"char.md": CHAR_PAGE, "textual.md": TEXTUAL_PAGE}
    assert lint(pages, "DL201") == []
    [finding] = lint(pages, "DL201", copies_across="all")
    assert (finding.path, finding.line) == ("textual.md", 4)


STEPS = """\
2. The path from 'helpfile' is used, unless it holds an environment
   variable too (the default is "$VIMRUNTIME/doc/help.txt": a chicken-and-egg
   problem).  The file name ("help.txt" or another) is removed.  Then
   trailing directory names are removed, in this order: "doc", "runtime" and
   "vim{version}" (e.g., "vim90").
3. On Windows Vim tries the directory name of the executable.  If it
   ends in "/src", this is removed.  This helps when you unpacked the archive
   in some directory and changed the search path to find the executable.
   Trailing directory names are removed, in this order: "runtime"
   and "vim{version}" (e.g., "vim90").
"""


def test_a_passage_inside_two_neighbouring_list_items_is_the_step_made_for_each():
    assert lint({"starting.txt": STEPS}, "DL204") == []


NESTED = """\
Configuration files are read in three places:

* During processing of command line options.

  * Reading from all configuration sources at once

* As part of the config command.

  * Reading from all configuration sources at once
  * Manipulating a single configuration file
"""


def test_an_item_nested_under_two_entries_is_the_same_step_of_each():
    assert lint({"config.md": NESTED}, "DL201") == []
    # Twice in one nested list it is an item pasted twice.
    pasted = NESTED.replace("  * Manipulating a single configuration file",
                            "  * Reading from all configuration sources at once")
    assert [f.line for f in lint({"config.md": pasted}, "DL201")] == [10]



OPERATORS = """\
Range operators
===============

Compatible release
------------------

A compatible release clause matches any candidate version that is expected to
work with the given one. Local version labels are not allowed in this clause.

Prereleases of the given version are ignored.

Inclusive comparison
--------------------

Use an inclusive comparison to keep a dependency at or below the last version
your code was tested with.

Local version labels are not allowed in this clause.

Exclusive comparison
--------------------

An exclusive comparison leaves out the given version itself, and its
post-releases unless the given version is one, so ``<2.0`` excludes ``2.0.post1``.

Local version labels are not allowed in this clause.
"""


def test_a_rule_stated_in_one_section_and_closing_two_parallel_ones_is_not_reported():
    assert lint({"ranges.rst": OPERATORS}, "DL201") == []


def test_a_rule_in_sections_that_do_not_restate_it_in_parallel_is_still_reported():
    # The last two sections no longer hold it at one place: each copy may be pasted.
    moved = OPERATORS.replace("--------------------\n\nAn exclusive", "--------------------\n\n"
                              "Local version labels are not allowed in this clause.\n\nAn exclusive")
    moved = moved.replace("``2.0.post1``.\n\nLocal version labels are not allowed in this clause.\n",
                          "``2.0.post1``.\n")
    assert [(f.line, f.related[0].line) for f in lint({"ranges.rst": moved}, "DL201")] == [(18, 8), (23, 8)]
    # Stated first in a section of another level (the page's introduction).
    intro = OPERATORS.replace("===============\n", "===============\n\n"
                              "Local version labels are not allowed in this clause.\n")
    intro = intro.replace("given one. Local version labels are not allowed in this clause.", "given one.")
    assert [(f.line, f.related[0].line) for f in lint({"ranges.rst": intro}, "DL201")] == [(20, 4), (28, 4)]


GRANTS = """\
# Grants

## Travel grants

The project pays for travel to conferences where a maintainer gives a talk.

You can contact a committee member through the private channel before you submit a request.

## Sprint grants

A sprint may be organised to develop a large feature quickly.

You can contact a committee member through the private channel before you submit a request.

## Hardware

The committee reimburses hardware that a member needs for their work.
A request lists the items, their prices and how each one helps the project.

Hardware is bought once every four years.

You can contact a committee member through the private channel before you submit a request.
"""


def test_a_rule_two_parallel_sections_share_is_not_reported_in_a_third_that_speaks_of_it():
    # The two kinds of grant hold it at one place; "Hardware" holds it at another,
    # but speaks of the committee and of requests.
    assert lint({"grants.md": GRANTS}, "DL201") == []
    # In a third section on something else it was pasted there.
    other = GRANTS.replace("The committee reimburses hardware that a member needs for their work.\n"
                           "A request lists the items, their prices and how each one helps the project.",
                           "Laptops older than four years are replaced.\nEach laptop is chosen by its user.")
    assert [(f.line, f.related[0].line) for f in lint({"grants.md": other}, "DL201")] == [(22, 7)]
