"""Truncation rules: cut sentences are reported where they stop; structure never is."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from doclint.api import document_from_text, lint_documents
from doclint.core.finding import Applicability
from doclint.core.loader import load
from doclint.repair.fixer import fix_until_stable

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "news-article.txt"
FORMATS = {"markdown": "doc.md", "rst": "doc.rst", "text": "doc.txt"}


@pytest.fixture
def truncations(lint_text):
    """Findings of both truncation rules for a text in a given format."""

    def run(text: str, fmt: str = "text"):
        name = FORMATS[fmt]
        return lint_text(text, "DL101", fmt, name) + lint_text(text, "DL102", fmt, name)

    return run


# --- what is reported -------------------------------------------------------------

def test_sample_article_line_9_is_reported_where_it_stops(lint_text):
    text = SAMPLE.read_text(encoding="utf-8")
    found = lint_text(text, "DL101")
    assert [(f.line, f.column) for f in found] == [(9, 90)]
    assert "article 'the'" in found[0].message
    line = text.split("\n")[8]
    assert len(line) + 1 == 90 and line.endswith("in Syria and the")


def test_sample_article_fix_deletes_the_restated_fragment(lint_text):
    text = SAMPLE.read_text(encoding="utf-8")
    finding = lint_text(text, "DL101")[0]
    assert finding.fix is not None and finding.fix.applicability is Applicability.UNSAFE
    (edit,) = finding.fix.edits
    assert text[edit.start:edit.end].startswith("They exchanged viewpoints concerning")
    assert text[edit.end:].startswith("The two sides exchanged viewpoints")


def test_no_fix_when_the_next_sentence_says_something_else(lint_text):
    text = ("Release 4.2 ships a faster parser and a rewritten cache layer for large sites.\n\n"
            "Before you upgrade, make a backup of the\n\n"
            "Plugins written for 3.x keep working without changes.\n")
    (finding,) = lint_text(text, "DL101")
    assert finding.fix is None
    assert (finding.line, finding.column) == (3, 41)


@pytest.mark.parametrize("fmt", ["markdown", "rst", "text"])
def test_paragraph_cut_on_a_function_word(truncations, fmt):
    text = ("The scheduler retries failed jobs three times before it gives up.\n"
            "Each retry waits twice as long as the one before, so a flaky network\n"
            "does not flood the queue with\n\n"
            "Jobs that still fail are moved to the dead-letter queue.\n")
    found = truncations(text, fmt)
    assert [(f.rule_id, f.line, f.column) for f in found] == [("DL101", 3, 30)]
    assert "preposition 'with'" in found[0].message


@pytest.mark.parametrize("ending, reason", [
    ("we thank the volunteers, the sponsors,", "comma"),
    ("the committee agreed on a plan (subject to a vote by the", "article"),
    ("the committee agreed on a plan (subject to a final vote", "unclosed parenthesis"),
    ("the minister said \u201cwe will not rest until the work is done", "unclosed quotation"),
    ("the budget leaves room for growth and self-", "split by a hyphen"),
    ("the table lists every option (", "open bracket"),
])
def test_evidence_kinds(lint_text, ending, reason):
    text = f"The report was published on Monday. In its closing pages {ending}\n"
    (finding,) = lint_text(text, "DL101")
    assert reason in finding.message


def test_one_sentence_per_line_markdown_break_before_a_new_sentence(truncations):
    text = ("Homebrew installs packages into their own directory.\n"
            "It then symlinks their files into the prefix.\n"
            "Bottles are built for the supported macOS versions.\n"
            "A formula must automate dependency resolution and installation sufficiently\n"
            "Software that needs manual steps after installation is not accepted.\n"
            "Casks follow the same rules.\n")
    found = truncations(text, "markdown")
    assert [(f.rule_id, f.line) for f in found] == [("DL102", 4)]


def test_line_break_before_a_capitalised_name_is_not_a_cut(truncations):
    text = ("To install packages you need Node.js and the npm command line interface.\n"
            "It is installed with a version manager or an installer.\n"
            "We strongly recommend a version manager. We do not recommend using a\n"
            "Node installer, since it installs npm in a directory with local permissions.\n"
            "Check the version after installing.\n"
            "Upgrade npm with npm itself.\n")
    assert truncations(text, "markdown") == []
    assert truncations(text.replace("recommend using a\n", "recommend,\n"), "markdown") == []
    cut = text.replace("using a\nNode installer, since it", "using a\nThe installer")
    assert [(f.rule_id, f.line) for f in truncations(cut, "markdown")] == [("DL101", 3)]


def test_line_break_before_a_name_written_in_camel_case_is_not_a_cut(truncations):
    text = ("* Gerrit properties are now handled properly.\n\n"
            "* Fixed the bug which made it impossible to specify the project when using the\n"
            "  BitBucket dialect.\n\n"
            "* The PyLint step understands newer output.\n"
            "  Its warnings are counted.\n"
            "  Errors fail the step.\n\n"
            "* Builds are stopped when the worker goes away.\n"
            "  The worker is then released.\n"
            "  Its builds are retried.\n"
            "  Nothing is lost.\n")
    assert truncations(text, "markdown") == []
    cut = text.replace("using the\n  BitBucket dialect.", "using the\n  The dialect was fixed.")
    assert [(f.rule_id, f.line) for f in truncations(cut, "markdown")] == [("DL101", 3)]


def test_a_long_line_in_a_hard_wrapped_paragraph_does_not_make_its_breaks_sentence_ends(truncations):
    # The document breaks lines before capitals only after a full stop, and one line is
    # far longer than the others; but the paragraph breaks lines inside phrases too.
    intro = "".join(f"Step {n} is done.\nThe next one follows.\n\n" for n in range(4))
    long_line = ("As mentioned, this server creates a protocol that inherits from the line receiver "
                 "class that the library offers to every server, and then a")
    text = intro + long_line + ("\nfactory that uses it as protocol. This pattern is used frequently in\n"
                                "Twisted, because it is very explicit about what methods you are making\n"
                                "accessible.\n")
    assert truncations(text, "markdown") == []
    # Without the breaks inside phrases, each line is a sentence: one stopping short is cut.
    unwrapped = text.replace("making\naccessible.", "making accessible.").replace("a\nfactory", "a factory")
    assert [f.rule_id for f in truncations(unwrapped, "markdown")] == ["DL102"]


def test_unterminated_paragraph_without_evidence(truncations):
    text = ("Every release is signed with the project key. The signature is checked on "
            "download.\n\nChannel names are defined in the tap configuration\n\n"
            "Mirrors are checked every hour.\n")
    found = truncations(text, "markdown")
    assert [(f.rule_id, f.line) for f in found] == [("DL102", 3)]
    assert found[0].severity.name == "INFO"


def test_jsonl_record_that_stops_mid_sentence(tmp_path, all_rules):
    path = tmp_path / "corpus.jsonl"
    records = [{"id": "a1", "text": "The council approved the budget on Tuesday. It will fund the"},
               {"id": "a2", "text": "The council approved the budget on Tuesday."}]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    rules = [r for r in all_rules if r.id == "DL101"]
    found = lint_documents(load(str(path)).documents, rules).findings
    assert [(f.line, f.record, f.text_line, f.text_column) for f in found] == [(1, "a1", 1, 61)]


# --- what is never reported -------------------------------------------------------

NEVER = {
    "markdown": [
        # hard-wrapped paragraph: a line break is not an ending
        "The cache is rebuilt whenever the\nconfiguration changes, and the old entries are\n"
        "dropped at the end of the run.\n",
        # headings, and a paragraph ending with a colon before a list or code
        "# Getting started with\n\n## What to do\n\nInstall the tool first.\n",
        "Choose one of the following:\n\n- the stable channel\n- the beta channel, and\n",
        "Run the following command\n\n```sh\nbrew install the\n```\n",
        "A better strategy is to\n\n1. Audit the branch.\n2. Replace the copy.\n",
        # list items and table cells without a final period
        "Changes:\n\n- Faster startup on older machines\n- A new theme engine for\n",
        "| Option | Meaning |\n| --- | --- |\n| `dir` | directory to operate from |\n"
        "| `out` | path to write the log to |\n",
        # front matter, captions, link lines
        "---\ntitle: Upgrading from the\ndescription: Notes for\n---\n\nUpgrade in place.\n",
        "The panel shows latency per region.\n\n![Latency](latency.png)\n\n"
        "Figure 2: Request latency for the three regions over the last week\n\n"
        "Latency fell after the cache was added.\n",
        "Read the overview first.\n\nFor more information, refer to [Install Grafana](install.md)\n",
        # closing quotes after the period, ?, !, ..., emoji, inline code or URL
        'He said: "We will finish the work."\n\nShe replied: \u201cWe will.\u201d\n',
        "Is it working?\n\nIt works!\n\nAnd then\u2026\n\nThe beer is not related \U0001F609\n",
        "Install it with `pip install doclint`\n\nThe docs live at https://example.org/docs\n",
        # a one-line summary that is a section's only text
        "## Install\n\nRun the installer.\n\n### `npm trust gitlab`\n\n"
        "Create a trusted relationship between a package and GitLab CI/CD\n\n#### Synopsis\n",
        # a bold line used as a heading
        "Notes follow.\n\n**Exceptions in the HTTP parser were not emitting an error**\n\nFixed.\n",
    ],
    "rst": [
        "The cache is rebuilt whenever the\nconfiguration changes, and the old entries are\n"
        "dropped at the end of the run.\n",
        "Getting started with\n====================\n\nInstall the tool first.\n",
        "Choose one of the following:\n\n* the stable channel\n* the beta channel, and\n",
        "Run the installer like this::\n\n    ./install --prefix /opt/the\n\nDone.\n",
        "To install the latest release, simply run\n\n``pip install mpmath``\n\nThat is all.\n",
        ".. code-block:: text\n\n   The cache is rebuilt whenever the\n\nThe release adds a parser.\n",
        "The license is available at\n\n    https://www.apache.org/licenses/LICENSE-2.0\n",
        ":Author: The maintainers of the\n:Version: 2.1 of the\n\nThe tool reads prose.\n",
        "The panel shows latency.\n\n.. image:: latency.png\n\n"
        "Figure 2: Request latency for the three regions over the last week\n\nIt fell.\n",
        "See the `installation guide <https://example.org/install>`_\n\nThen run it.\n",
        'He said: "We will finish the work."\n\nIs it working?\n',
        "Then uic is run. The ui file is searched for in the following places\n\n"
        "1. ``<source_dir>/<basename>.ui``\n2. ``<source_dir>/<path><basename>.ui``\n",
        "For more information, see the guide.\n**Example 2: To generate a 512-bit data key**\n\n"
        "The following example requests a key.\n",
    ],
    "text": [
        "The cache is rebuilt whenever the\nconfiguration changes, and the old entries are\n"
        "dropped at the end of the run.\n",
        # a plain-text title at the top, Title Case and ALL CAPS section titles
        "Markets rally as central bank holds rates\n\nStocks rose sharply on Tuesday.\n",
        "Where we go from here, and\n\nStocks rose sharply on Tuesday.\n",
        "Notes on the release.\n\nThe American Covenant\n\nWe believe in it.\n\n"
        "SPECIAL SESSION OF THE CONGRESS\n\nIt meets in April.\n",
        "My countrymen,\n\nNo one can occupy this office without humility.\n",
        "Mr. Chief Justice, Mr. President, Vice President Quayle, Senator Mitchell, and my "
        "fellow citizens,\n\nNo one can occupy this office without humility.\n",
        "Variants emulate Macintosh layouts.\nFor instance,\n\n"
        "    Option \"XkbModel\" \"ibook\"\n",
        "Further documentation is available online. Go to\n\n  https://www.example.org/docs/\n\n"
        "and download the archive.\n",
        "Figure 3: Dashboard with the panel editor open\n\nThe editor opens on click.\n",
        'He said: "We will finish the work."\n\nIs it working? It works!\n',
        "Build it from source:\n\n    ./configure && make\n    make install\n",
    ],
}


@pytest.mark.parametrize("fmt, text", [(fmt, t) for fmt, texts in NEVER.items() for t in texts])
def test_never_reported(truncations, fmt, text):
    assert [(f.rule_id, f.line, f.message) for f in truncations(text, fmt)] == []


def test_hard_wrapped_plain_text_is_not_split(truncations):
    text = ("doclint reads plain text as paragraphs separated by blank lines. A line break\n"
            "inside a paragraph is not an ending, even when the line stops on a word such as\n"
            "the article before a noun on the next line, as in this very sentence of the\n"
            "example paragraph.\n")
    assert truncations(text, "text") == []


@pytest.mark.parametrize("fmt, text, line", [
    ("markdown", "# Upgrading from the\n\nBack up first.\n", 1),
    ("markdown", "Steps:\n\n- Stop the server.\n- Copy the data directory to their\n", 4),
    ("rst", "Upgrading from the\n==================\n\nBack up first.\n", 1),
])
def test_labels_are_reported_only_on_an_article_or_possessive(lint_text, fmt, text, line):
    # Measured on real docs: no heading, list item or table cell ends on one of these.
    assert [f.line for f in lint_text(text, "DL101", fmt, FORMATS[fmt])] == [line]


def test_comma_cut_after_the_opening_paragraph_is_reported(lint_text):
    text = ("Officials met in Baghdad.\n\n"
            "The ministers from Iraq, Syria, Turkey and Iran met in Baghdad on Saturday,\n\n"
            "They agreed on a plan.\n")
    assert [f.line for f in lint_text(text, "DL101")] == [3]


def test_numbered_point_after_a_cut_paragraph_still_reports(lint_text):
    text = ("We hold all continents and peoples in equal regard.\n\n"
            "Only as free Europe unitedly marshals its strength can\n\n"
            "(8) Conceiving the defense of freedom to be one and indivisible, we act.\n")
    assert [f.line for f in lint_text(text, "DL101")] == [3]


def test_word_lists_come_from_options(lint_text):
    text = "The report was published on Monday. Its authors thank the staff at the ministry in\n"
    assert lint_text(text, "DL101") == []
    found = lint_text(text, "DL101", end_words={"particle": ["in"]}, strong=["particle"])
    assert "particle 'in'" in found[0].message


def test_bad_options_are_rejected(lint_text):
    from doclint.core.problems import ConfigError

    with pytest.raises(ConfigError, match="report"):
        lint_text("x", "DL101", report="everything")


def test_fix_applies_with_unsafe(all_rules):
    rule = next(r for r in all_rules if r.id == "DL101")
    text = ("The maintainers met on Monday to review the open pull requests and to decide which "
            "of them could still go into the release.\n"
            "They exchanged views on the release schedule and the\n"
            "The maintainers exchanged views about the release schedule and agreed to publish the "
            "first candidate next week.\n")

    def lint(t):
        return lint_documents([document_from_text("notes.txt", t)], [rule]).findings

    fixed, applied = fix_until_stable(text, lint, unsafe=True)
    assert applied == 1
    assert "and the\n" not in fixed and fixed.count("\n") == 2
    assert fix_until_stable(text, lint, unsafe=False) == (text, 0)


def test_a_sentence_closed_by_a_trailing_parenthesis_is_ended(truncations):
    # The parenthesis after the last sentence belongs to it (the sentence splitter keeps
    # it there): the paragraph ends, though a "(" earlier in it was never closed.
    text = ("Keep the type opaque (a struct with one private field and no constructor\n"
            "stays opaque outside the module, and callers cannot build one.\n"
            "The marker keeps the compiler from sending it to another thread. (`*mut u8` is not `Send`)\n")
    assert truncations(text, "markdown") == []
    # Without its terminal punctuation the sentence before it is still cut.
    cut = text.replace("thread. (", "thread (")
    assert [f.rule_id for f in truncations(cut, "markdown")] == ["DL101"]


def test_release_notes_are_fragments_not_unterminated_paragraphs(lint_text):
    notes = ("The installer copies the files into place. It never touches your shell profile.\n\n"
             "Completion scripts are installed for bash and zsh\n")
    assert lint_text(notes, "DL102", "text", "version7.txt") == []
    assert lint_text(notes, "DL102", "text", "CHANGELOG.md") == []
    # The same paragraphs in a guide are reported.
    assert [f.line for f in lint_text(notes, "DL102", "text", "guide.txt")] == [3]


def test_a_sentence_runs_on_into_a_displayed_formula_or_a_code_directive(truncations):
    # Before a formula a verb or a relative word leads in, as a preposition does before
    # code; before code a verb still marks a cut.
    body = ("Many functions can be expanded in series for small steps of the variable.\n\n"
            "{lead}\n\n{block}\n\nThe rest follows from this expansion.\n")
    math = ".. math::\n\n   F(x) = F(x_0) + F'(x_0) h"
    code = ".. code-block:: python\n\n   expand(F, x0)"
    for lead in ("Then the Taylor expansion is", "The coefficients are chosen such that",
                 "This can be written as"):
        assert truncations(body.format(lead=lead, block=math), "rst") == [], lead
    assert truncations(body.format(lead="The series renders as", block=code), "rst") == []
    assert truncations(body.format(lead="Recall that the series is", block=math.replace("math::", "math ::")),
                       "rst") == []
    assert truncations(body.format(lead="Create a truth table with", block=".. autofunction:: truth_table"),
                       "rst") == []
    # "such that" announces the condition the block states, as "as follows" does.
    assert truncations(body.format(lead="The matrices are calculated such that",
                                   block=".. code ::\n\n   A ER = E ER"), "rst") == []
    [cut] = truncations(body.format(lead="A diverging expression is an expression that", block=code), "rst")
    assert cut.line == 3
    dollars = "We have\n\n$$F(x) = F(x_0) + h F'(x_0)$$\n\nThe rest follows.\n"
    assert truncations("Series expansions are everywhere in numerical work.\n\n" + dollars, "markdown") == []
    # A conjunction joins a formula to the sentence; before code it is still a cut.
    joined = "You can also add inline math such as $x^2$ and\n\n$$math^{blocks}$$\n\nThe rest follows.\n"
    assert truncations("Notebooks hold Markdown cells.\n\n" + joined, "markdown") == []
    assert len(truncations(body.format(lead="You can also add a table and", block=code), "rst")) == 1


def test_a_paragraph_set_in_emphasis_is_a_caption(truncations):
    text = ("Options\n=======\n\nThe options are listed below. Each has a short description.\n\n"
            "--max-nested-blocks\n\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\n"
            "*Maximum number of nested blocks for function or method body*\n\n"
            "The rest of the text ends well. It has sentences.\n")
    assert truncations(text, "rst") == []
    # A paragraph cut off on a function word is still reported.
    [cut] = truncations(text.replace("method body*", "method body and the*"), "rst")
    assert cut.line == 8


def test_a_key_shortcut_at_the_end_is_no_article(truncations):
    text = ("The release fixes many things in the window provider code for the desktop.\n\n"
            "It also fixes a conflict between the command mode and ctrl+a\n\nMore text follows here.\n")
    [found] = truncations(text, "markdown")
    assert found.rule_id == "DL102" and "'ctrl+a'" in found.message


def test_a_frown_at_the_end_opens_no_bracket(truncations):
    text = ("Release 1.6.5\n\nBumped the version number since the index returns errors while uploading :(\n\n"
            "Release 1.6.4 follows here.\n")
    assert truncations(text, "markdown") == []
    cut = text.replace(" :(", " (see")
    assert [f.rule_id for f in truncations(cut, "markdown")] == ["DL101"]
