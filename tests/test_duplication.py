"""Duplicate sentences (DL201 exact, DL202 near, DL203 restated): within a document,
across files and JSONL records, boilerplate, grouping, scope and the delete fix."""
from __future__ import annotations

import dataclasses
import importlib
import json
import random

import pytest

from doclint.api import document_from_text, lint_documents
from doclint.core.finding import Applicability
from doclint.core.loader import load
from doclint.core.options import build_options
from doclint.core.problems import ConfigError
from doclint.engine.packs import load_rules
from doclint.registry import KINDS
from doclint.repair.fixer import apply_edits

RULES = {r.id: r for r in load_rules() if r.id.startswith("DL2")}


def rule(rule_id: str, **options):
    base = RULES[rule_id]
    if options:
        raw = dict(base.raw_options) | {k.replace("_", "-"): v for k, v in options.items()}
        base = dataclasses.replace(base, options=build_options(KINDS[base.kind].Options, raw, "test", base.id))
    return dataclasses.replace(base, enabled=True)


def lint(files: dict[str, str], rule_id: str, **options):
    docs = [document_from_text(name, text) for name, text in files.items()]
    result = lint_documents(docs, [rule(rule_id, **options)])
    crashed = [str(p) for p in result.problems if " failed: " in p.message]
    assert not crashed, crashed  # a crash must not pass for "no finding"
    return [f for f in result.findings if f.rule_id == rule_id]


OPENINGS = ("Install the command-line client before you configure anything else.",
            "Our billing service sends invoices on the first working day of each month.",
            "Snapshots of every volume are kept for thirty days and then deleted.",
            "A webhook posts a small JSON document whenever a deployment finishes.")
SIGNED = "Each release is signed with the project key before it is published."


def test_exact_duplicate_reported_on_later_copy_with_first_in_related():
    text = f"{SIGNED}\nDownload the archive from the mirror.\n{SIGNED}\n"
    [finding] = lint({"a.txt": text}, "DL201")
    assert (finding.line, finding.column) == (3, 1)
    assert [(r.path, r.line, r.column) for r in finding.related] == [("a.txt", 1, 1)]
    assert "line 1" in finding.message and "Each release is signed" in finding.message


def test_normalisation_ignores_case_quotes_dashes_spacing_and_final_punctuation():
    first = "The \u201cbuild\u201d step \u2013 not the test step \u2013 writes the cache."
    second = 'THE "build"  step - not the test step - writes the cache!'
    assert len(lint({"a.txt": f"{first}\nSomething else entirely here.\n{second}\n"}, "DL201")) == 1


def test_unsafe_fix_deletes_later_copy_in_same_document():
    text = f"{SIGNED} Keep the key offline.\nStore backups safely.\n{SIGNED}\n"
    [finding] = lint({"a.txt": text}, "DL201")
    assert finding.fix.applicability is Applicability.UNSAFE
    fixed, applied = apply_edits(text, [finding], unsafe=True)
    assert applied == 1
    assert fixed == f"{SIGNED} Keep the key offline.\nStore backups safely.\n"
    assert apply_edits(text, [finding], unsafe=False) == (text, 0)


def test_fix_inside_a_paragraph_removes_sentence_and_its_space():
    text = "Stop the service first. Then copy the files. Stop the service first. Restart it.\n"
    [finding] = lint({"a.txt": text}, "DL201", min_words=4)
    fixed, _ = apply_edits(text, [finding], unsafe=True)
    assert fixed == "Stop the service first. Then copy the files. Restart it.\n"


def test_cross_document_duplicate_has_no_fix():
    [finding] = lint({"a.md": f"{SIGNED}\n", "b.md": f"Read this first.\n\n{SIGNED}\n"}, "DL201")
    assert finding.path == "b.md" and finding.line == 3
    assert finding.related[0].path == "a.md"
    assert "a.md:1" in finding.message
    assert finding.fix is None


def test_jsonl_records_are_documents(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    records = [{"id": "r1", "text": f"Intro line here.\n{SIGNED}"},
               {"id": "r2", "text": f"{SIGNED}\nAnother line."}]
    corpus.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    docs = load(str(corpus), "corpus.jsonl", "text").documents
    [finding] = [f for f in lint_documents(docs, [rule("DL201")]).findings]
    assert (finding.line, finding.record, finding.text_line) == (2, "r2", 1)
    related = finding.related[0]
    assert (related.line, related.record, related.text_line) == (1, "r1", 2)


def test_boilerplate_in_more_than_max_documents_is_ignored():
    footer = "This page is licensed under the Creative Commons Attribution licence."
    files = {f"{n}.md": f"{opening}\n\n{footer}\n" for n, opening in enumerate(OPENINGS)}
    assert len(lint(files, "DL201", group_from=0, boilerplate_share=0)) == 3
    assert lint(files, "DL201", max_documents=3, boilerplate_share=0) == []
    assert len(lint(files, "DL201", max_documents=4, group_from=0, boilerplate_share=0)) == 3


_WORDS = """archive backup bucket cache certificate cluster column commit container cursor
daemon dashboard database deadline disk domain driver endpoint export firewall folder
gateway graph handler header image index invoice kernel key ledger license locale log
mailbox manifest metric mirror module monitor namespace network node notebook package
panel parser partition patch pipeline plugin policy pool port printer profile proxy
queue quota record region registry release replica report repository request router
sample schema secret sensor server session shard snapshot socket source spreadsheet
template tenant thread ticket timer token topic tracker upload user vault volume webhook
widget worker zone""".split()


def _pages(count: int) -> dict[str, str]:
    """`count` pages that open with a list of ten subjects (a page written to a template
    would open with variants of one sentence, which makes its repeats structure)."""
    rng = random.Random(7)
    return {f"page{n}.md": "Subjects: " + ", ".join(rng.sample(_WORDS, 10)) + ".\n" for n in range(count)}


def test_sentence_in_a_share_of_the_run_is_boilerplate_but_few_copies_are_slips():
    footer = "\nQuestions about this page go to the documentation team on the forum.\n"
    files = _pages(200)
    for n in range(0, 40, 4):  # ten of two hundred pages carry the footer
        files[f"page{n}.md"] += footer
    assert lint(files, "DL201") == []
    slip = "\nThe scheduler retries a failed batch three times before it gives up.\n"
    # Pages written apart from the others, so the copy is not a step of a template.
    for n, opening in zip((50, 120, 180), OPENINGS):
        files[f"page{n}.md"] = f"{opening}\n{slip}"
    found = lint(files, "DL201", group_from=0)
    assert sorted(f.path for f in found) == ["page120.md", "page180.md"]
    # With the share set to 0 the footer is reported like any other repeat.
    assert len(lint(files, "DL201", boilerplate_share=0, group_from=0)) == 9 + 2


def test_a_template_line_that_differs_by_its_version_counts_as_one_sentence():
    files = _pages(400)
    # One policy page template: the version differs, the sentence is the same line.
    for n, version in zip(range(0, 40, 8), ("2.6", "2.6", "3.15", "3.19", "3.25")):
        files[f"page{n}.md"] += f"\nThis policy was introduced in CMake version {version}.\n"
    assert lint(files, "DL201") == []  # five documents of 400 hold the line: boilerplate
    assert len(lint(files, "DL201", boilerplate_share=0)) == 1  # the two 2.6 pages


REFERENCE = """\
`--no-formula`

: Dump without formula dependencies. Enabled by default if the dump variable is set.

`--no-dump-formula`

: Dump without formula dependencies. Enabled by default if the dump variable is set.

`--force`

: Overwrite files that already exist. Enabled by default if the force variable is set.

`--quiet`

: Print nothing but errors and warnings.

`--debug`

: Print the commands it runs and stop on the first failure.

`--verbose`

: Print every step taken. Enabled by default if the force variable is set.
"""


def test_sentence_repeated_in_parallel_entries_is_not_reported():
    assert lint({"reference.md": REFERENCE}, "DL201") == []
    notes = ("> Back up the database before you run the upgrade script.\n\nUpgrade the primary first.\n\n"
             "Then upgrade each replica in turn.\n\nCheck the replication lag after each one.\n\n"
             "> Back up the database before you run the upgrade script.\n")
    assert lint({"notes.md": notes}, "DL201") == []


def test_list_item_pasted_twice_in_one_list_is_reported():
    steps = ("- Stop the service before you change its configuration.\n"
             "- Edit the settings file in the config directory.\n"
             "- Stop the service before you change its configuration.\n")
    [finding] = lint({"steps.md": steps}, "DL201")
    assert (finding.line, finding.related[0].line) == (3, 1)


def test_closing_sentences_shared_by_neighbouring_entries_with_their_own_titles_are_no_paste():
    # A list of checks: each entry opens with its code and a few words (too short to
    # compare), then says what every deprecated field's entry says.
    checks = ("* **fields.W905**: ``CICharField`` is deprecated. Support for it will be removed\n"
              "  in Django 5.1. *This check appeared in Django 4.2 and 5.0*.\n"
              "* **fields.E905**: ``CICharField`` is removed except in historical migrations.\n"
              "* **fields.W906**: ``CIEmailField`` is deprecated. Support for it will be removed\n"
              "  in Django 5.1. *This check appeared in Django 4.2 and 5.0*.\n"
              "* **fields.E906**: ``CIEmailField`` is removed except in historical migrations.\n"
              "* **fields.W907**: ``CITextField`` is deprecated. Support for it will be removed\n"
              "  in Django 5.1. *This check appeared in Django 4.2 and 5.0*.\n")
    assert lint({"checks.rst": checks}, "DL201") == []
    # The same entry pasted twice, its opening included, is still reported.
    pasted = ("* The cache is cleared when the worker restarts. Entries written since the last\n"
              "  flush are lost. Run the flush command before a restart.\n"
              "* The queue is drained before the worker stops.\n"
              "* The cache is cleared when the worker restarts. Entries written since the last\n"
              "  flush are lost. Run the flush command before a restart.\n")
    assert [f.line for f in lint({"notes.md": pasted}, "DL201")] == [4]


def test_an_entry_of_two_lists_split_by_an_intro_is_one_property_each():
    keys = ("For RSA keys, the following properties may be defined:\n\n"
            "- `modulus` {string} The RSA modulus, as a hexadecimal string.\n"
            "- `pubkey` {Buffer} The public key of the certificate.\n\n"
            "For EC keys, the following properties may be defined:\n\n"
            "- `pubkey` {Buffer} The public key of the certificate.\n"
            "- `bits` {number} The key size in bits.\n")
    assert lint({"tls.md": keys}, "DL201") == []
    # In one list the entry pasted twice is still reported.
    one_list = keys.replace("\nFor EC keys, the following properties may be defined:\n\n", "")
    assert [f.line for f in lint({"tls.md": one_list}, "DL201")] == [5]


def test_sentences_that_introduce_a_block_are_not_compared():
    text = ("The generated configuration looks like the following:\n\n```\na = 1\n```\n\n"
            "Change one value and run it again.\n\n"
            "The generated configuration looks like the following:\n\n```\na = 2\n```\n")
    assert lint({"config.md": text}, "DL201") == []
    assert len(lint({"config.md": text.replace("following:", "following.")}, "DL201")) == 1
    # Without a stop, the code finishes the sentence: "... the same with" and a call.
    lead = ("Now you can do the same with\n\n```py\n>>> pin.parent_point\n```\n\n"
            "Change the joint and run it again.\n\n"
            "Now you can do the same with either\n\n```py\n>>> pin.child_point\n```\n")
    assert lint({"deprecations.md": lead}, "DL202") == []
    cut = ("Now you can do the same with\n\nChange the joint and run it again.\n\n"
           "Now you can do the same with either\n\nThe result is the same.\n")
    assert len(lint({"deprecations.md": cut}, "DL202")) == 1


def test_a_link_alone_on_its_line_is_not_compared():
    text = ("Encoding\n========\n\nThe rules for guessing an encoding are strict. "
            "`Section F of the XML specification <https://www.w3.org/TR/xml/#sec-guessing>`_ "
            "outlines the process for determining the character encoding.\n\n"
            "Further reading\n===============\n\n"
            "* `Section F of the XML specification <https://www.w3.org/TR/xml/#sec-guessing>`_\n\n"
            "* `On the well-formedness of XML documents <https://example.org/wf>`_\n")
    assert lint({"encoding.rst": text}, "DL202") == []
    # The same words as a sentence of their own are compared.
    alone = text.replace("* `Section F of the XML specification <https://www.w3.org/TR/xml/#sec-guessing>`_",
                         "* Section F of the XML specification outlines the process")
    assert len(lint({"encoding.rst": alone}, "DL202")) == 1


def test_sentences_with_many_copies_are_grouped_by_default():
    footer = "This page is licensed under the Creative Commons Attribution licence."
    files = {f"{n}.md": f"{opening}\n\n{footer}\n" for n, opening in enumerate(OPENINGS)}
    [finding] = lint(files, "DL201", boilerplate_share=0)
    assert finding.path == "0.md" and "4 times in 4 document" in finding.message
    assert [r.path for r in finding.related] == ["1.md", "2.md", "3.md"]
    three = {name: text for name, text in files.items() if name != "3.md"}
    assert len(lint(three, "DL201")) == 2  # fewer copies than group-from: one finding each


def test_group_mode_reports_one_finding_per_cluster():
    files = {"a.md": f"{SIGNED}\n", "b.md": f"{SIGNED}\n", "c.md": f"{SIGNED}\n\n{SIGNED}\n"}
    [finding] = lint(files, "DL201", group=True)
    assert finding.path == "a.md"
    assert sorted((r.path, r.line) for r in finding.related) == [("b.md", 1), ("c.md", 1), ("c.md", 3)]
    assert "4 times in 3 document" in finding.message


def test_scope_document_and_corpus():
    files = {"a.md": f"{SIGNED}\n\n{SIGNED}\n", "b.md": f"{SIGNED}\n"}
    assert [(f.path, f.line) for f in lint(files, "DL201", scope="document")] == [("a.md", 3)]
    assert [(f.path, f.line) for f in lint(files, "DL201", scope="corpus")] == [("b.md", 1)]
    assert len(lint(files, "DL201")) == 2


def test_headings_tables_code_and_short_sentences_are_skipped():
    text = ("# Install the command line tools\n\nInstall the command line tools.\n\n"
            "| Install the command line tools now please |\n| --- |\n| Install the command line tools now please |\n\n"
            "Run it. Run it.\n\n```\nInstall the command line tools now please.\nInstall the command line tools now please.\n```\n")
    assert lint({"a.md": text}, "DL201", min_words=3) == []


def test_sentences_differing_only_in_inline_code_are_not_duplicates():
    text = "Run `make build` before you open a pull request.\n\nRun `make test` before you open a pull request.\n"
    assert lint({"a.md": text}, "DL201") == []
    assert lint({"a.md": text}, "DL202") == []


def test_ignore_quoted_leaves_quotations_out():
    text = ('He said "we will build the bridge next year" at the meeting.\n'
            'He said "the budget is not ready for this year" at the meeting.\n')
    assert lint({"a.txt": text}, "DL201", min_words=4) == []
    assert len(lint({"a.txt": text}, "DL201", min_words=4, ignore_quoted=True)) == 1


BASE = "The service restarts automatically after a configuration change is saved."


@pytest.mark.parametrize("variant", [
    "The service also restarts automatically after a configuration change is saved.",  # added
    "The service restarts after a configuration change is saved.",                        # dropped
    "The service automatically restarts after a configuration change is saved.",          # swapped
    "The service restarts automatically after the configuration change is saved.",        # article
    "The servcie restarts automatically after a configuration change is saved.",          # misspelt
])
def test_near_duplicates_with_small_edits(variant):
    [finding] = lint({"a.txt": f"{BASE}\nCheck the log for errors.\n{variant}\n"}, "DL202")
    assert finding.line == 3 and finding.related[0].line == 1
    assert "% similar" in finding.message and finding.fix is None


def test_other_number_or_added_qualifier_is_another_statement():
    text = "Version 3 of the installer needs about 200 megabytes of disk space.\n" \
           "Version 3 of the installer needs about 250 megabytes of disk space.\n"
    assert lint({"a.txt": text}, "DL202") == []
    text = "Line breaks are allowed in string literals of every edition.\n" \
           "Line breaks are allowed in byte string literals of every edition.\n"
    assert lint({"a.txt": text}, "DL202") == []


@pytest.mark.parametrize("variant", [
    "The daemon restarts automatically after a configuration change is saved.",    # other subject
    "The service never restarts automatically after a configuration change is saved.",  # negated
    "The service restarts automatically after a configuration change is safely saved.",  # qualified
    "The service restarts automatically once a configuration change is saved.",   # reworded
    "The service restarts automatically after a configuration-file change is saved.",  # compound
    "The service restarts automatically after a configuration change is saved.",   # exact: DL201's
])
def test_not_near_duplicates(variant):
    assert lint({"a.txt": f"{BASE}\n{variant}\n"}, "DL202") == []


def test_near_duplicate_across_files_and_cut_off_copy():
    files = {"a.md": "Voting by proxy is permitted, and proxy votes count towards the quorum.\n",
             "b.md": "Voting by proxy is permitted, and proxy\n"}
    [finding] = lint(files, "DL202", scope="all")
    assert finding.path == "b.md" and "cut-off copy" in finding.message


def test_near_group_mode():
    files = {"a.txt": f"{BASE}\n", "b.txt": "The service restarts after a configuration change is saved.\n",
             "c.txt": "The service restarts automatically after the configuration change is saved.\n"}
    [finding] = lint(files, "DL202", group=True, scope="all")
    assert finding.path == "a.txt" and len(finding.related) == 2


def test_sample_article_lines_9_and_10_are_a_restatement_pair():
    text = open("examples/news-article.txt", encoding="utf-8").read()
    [finding] = lint({"news-article.txt": text}, "DL203")
    assert finding.line == 10 and finding.related[0].line == 9
    assert finding.fix is None


def test_parallel_and_contrasting_sentences_are_not_restatements():
    text = ("To embed YouTube videos in a page, use the youtube shortcode with the video identifier.\n"
            "To embed Vimeo videos in a page, use the vimeo shortcode with the video identifier.\n"
            "Don't use first person plural pronouns when you're talking about the reader.\n"
            "It's fine to use first person plural pronouns when you're talking about the company.\n")
    assert lint({"a.txt": text}, "DL203") == []


def test_a_sentence_ended_before_its_credit_is_complete():
    # "(Roemer)" is the entry's credit after its full stop: the entry is complete, and
    # the next one, on a fix of its own, is no rewrite of a cut-off draft.
    text = ("When using a \":set ls=1\" in the .gvimrc file, would get a status line for a\n"
            "single window.  (Robinson)\n\n"
            "Didn't give an error message for \":set ai,xx\". (Roemer)\n"
            "Didn't give an error message for \":set ai?xx\", \":set ai&xx\", \":set ai!xx\".\n")
    assert lint({"fixes.txt": text}, "DL203") == []


def test_a_sentence_that_takes_a_complete_one_further_is_not_a_restatement():
    text = ("Evaluating assignment expressions begins by evaluating their operands. The assigned "
            "value operand is evaluated first, followed by the assignee expression.\n")
    assert lint({"a.md": text}, "DL203") == []
    assert lint({"a.md": text}, "DL203", after_complete=True) == []
    # Two complete versions of one statement, compared when asked.
    both = ("The cache is flushed when the worker process exits normally. "
            "When the worker process exits normally, its cache is flushed.\n")
    assert lint({"a.md": both}, "DL203") == []
    [finding] = lint({"a.md": both}, "DL203", after_complete=True)
    assert finding.column > 1
    # The sample article's pair is reported because line 9 is cut off (see above);
    # made complete, line 10 reads as the point taken further.
    text = open("examples/news-article.txt", encoding="utf-8").read()
    assert "Syria and the\n" in text
    assert lint({"news-article.txt": text.replace("Syria and the\n", "Syria.\n")}, "DL203") == []


PLATFORMS = """\
# Target features

## Platforms

#### `x86_64`

On this platform the use of target features follows the restrictions above.

#### `aarch64`

On this platform the use of target features follows the restrictions above.
"""


def test_a_statement_under_each_sibling_heading_is_not_reported():
    assert lint({"codegen.md": PLATFORMS}, "DL201") == []
    stanzas = ("### Stanza: `pkg`\n\nThis stanza must always be accompanied by an uninstall stanza.\n\n"
               "### Stanza: `installer`\n\nThis stanza must always be accompanied by an uninstall stanza.\n")
    assert lint({"cookbook.md": stanzas}, "DL201") == []
    rst = ("Classifier (multiple use)\n=========================\n\nEach entry is a string.\n\n"
           "This field may be followed by an environment marker after a semicolon.\n\n"
           "Requires-External (multiple use)\n================================\n\nEach entry is a string.\n\n"
           "This field may be followed by an environment marker after a semicolon.\n")
    assert lint({"metadata.rst": rst}, "DL201") == []



def test_a_closing_remark_of_sibling_sections_holds_the_same_place_from_their_end():
    # Two walkthroughs that show different numbers of steps end the same way.
    guide = ("## Clone with the CLI\n\nInstall the CLI and sign in first.\n\n"
             "Run the clone command from the folder that holds your repositories.\n\n"
             "You can then enter the repository by changing to the new directory.\n\n"
             "## Clone with Git\n\nThere are two kinds of address for cloning.\n\n"
             "An SSH address needs a key that your account knows.\n\n"
             "Cloning creates a folder with a remote named origin.\n\n"
             "You can then enter the repository by changing to the new directory.\n")
    assert lint({"tooling.md": guide}, "DL201") == []
    # Elsewhere in the second section the same sentence is a slip.
    moved = guide.replace("An SSH address needs a key that your account knows.",
                          "You can then enter the repository by changing to the new directory.", 1)
    moved = moved[:moved.rindex("You can then")] + "Check the remote with one command.\n"
    assert [f.line for f in lint({"tooling.md": moved}, "DL201")] == [13]


API = """\
## Class: `FileHandle`

#### `filehandle.readFile(options)`

* `options` {Object}
* Returns: {Promise}

Reads the entire contents of a file into memory at once.

## Promises API

### `fsPromises.readFile(path[, options])`

* `path` {string}
* `options` {Object}
* `flag` {string}
* Returns: {Promise}

The function is only available on the promise interface of the module.

Reads the entire contents of a file into memory at once.
"""


def test_one_statement_in_two_entries_of_an_api_reference_is_not_reported():
    assert lint({"fs.md": API}, "DL201") == []
    # A near copy in another place of the entry is an edited paste: still reported.
    edited = API[:API.rindex("Reads the entire")] + "Reads the entire contents of the file into memory at once.\n"
    [finding] = lint({"fs.md": edited}, "DL202")
    assert finding.line == 21 and finding.related[0].line == 8
    # Fitted to the other entry (a content word dropped) it is the same statement.
    fitted = API[:API.rindex("Reads the entire")] + "Reads the contents of a file into memory at once.\n"
    assert lint({"fs.md": fitted}, "DL202") == []
    # Under titles without code the fitted copy is still reported.
    plain = fitted.replace("#### `filehandle.readFile(options)`", "#### Reading a file handle") \
                  .replace("### `fsPromises.readFile(path[, options])`", "### Reading with promises")
    assert [f.line for f in lint({"fs.md": plain}, "DL202")] == [21]


def test_events_of_an_api_reference_share_a_statement():
    text = ("### Event: `'connect'`\n\n* `request` {IncomingMessage}\n* `socket` {Duplex}\n\n"
            "Emitted each time a server responds to a request with a CONNECT method.\n\n"
            "After this event is emitted, the socket will not have a data event listener.\n\n"
            "### Event: `'upgrade'`\n\n* `response` {IncomingMessage}\n\n"
            "After this event is emitted, the socket will not have a data event listener.\n")
    assert lint({"http.md": text}, "DL201") == []


def test_side_by_side_paragraphs_for_each_variant_are_parallel():
    text = "".join(f"If the ``USE_{v}_PATHS`` property is set, every search path is tried with ``{v}/`` "
                    f"appended.  This property is set for the platforms known to need it.\n\n"
                    for v in ("LIB32", "LIB64"))
    assert lint({"find.rst": text}, "DL201") == []
    # Opening an unrelated paragraph, where the others close theirs, the same repeat
    # is a slip (closing it, it is the same remark made at the same place: see
    # test_duplication_in_context.py).
    slip = text + "This property is set for the platforms known to need it.  Run the search again after a change.\n"
    [finding] = lint({"find.rst": slip}, "DL201")
    assert finding.line == 5


def test_sibling_pages_of_a_reference_state_one_rule_each():
    rule_text = "Contents of this property may use generator expressions with the usual syntax."
    files = {"prop_tgt/COMPILE_OPTIONS.rst": f"COMPILE_OPTIONS\n---------------\n\nList of options for a target.\n\n{rule_text}\n",
             "prop_dir/COMPILE_OPTIONS.rst": f"COMPILE_OPTIONS\n---------------\n\nList of options.\n\nThey apply to every target of the directory.\n\n{rule_text}\n"}
    assert lint(files, "DL201") == []
    # Pages whose titles share nothing: the copy is reported.
    files["prop_dir/LINK_DEPENDS.rst"] = files.pop("prop_dir/COMPILE_OPTIONS.rst").replace("COMPILE_OPTIONS",
                                                                                        "LINK_DEPENDS   ")
    [finding] = lint(files, "DL201")
    assert finding.related[0].path != finding.path


def test_what_a_changelog_repeats_of_another_document_is_carried_over():
    entry = "Fixed a crash when the configuration file is empty."
    files = {"CHANGELOG.md": f"## 2.1.1\n\n{entry}\n\n## 2.0.5\n\nAdded a flag.\n",
             "docs/config.md": f"# Configuration\n\n{entry}\n"}
    assert lint(files, "DL201") == []
    assert len(lint(files, "DL201", logs=[])) == 1
    # Within one log, a pasted entry is still a slip.
    [finding] = lint({"CHANGELOG.md": f"## 2.1.1\n\n{entry}\nAdded a flag.\n{entry}\n"}, "DL201")
    assert finding.line == 5


def test_a_copy_under_an_unrelated_or_deeper_heading_is_still_a_slip():
    # Another heading level: not a sibling.
    deeper = PLATFORMS + "\n##### Notes\n\nOn this platform the use of target features follows the restrictions above.\n"
    [finding] = lint({"codegen.md": deeper}, "DL201")
    assert finding.line == 15
    # Same level, but titles that share nothing and hold no code.
    unrelated = ("## Installing\n\nThe installer verifies the signature of every package it downloads.\n\n"
                 "## Reporting bugs\n\nThe installer verifies the signature of every package it downloads.\n")
    [finding] = lint({"guide.md": unrelated}, "DL201")
    assert finding.line == 7 and finding.related[0].line == 3


SETUP = """\
# Development environment

## Linux or macOS

### Setting up

Install Python 3.9 or later with your package manager.

To create virtual environments, `venv` is included in the standard library since Python 3.3.

Check which command runs Python 3 with `python3 --version`.

## Windows

### Setting up

Download Python from the official site and run the installer.

Tick the box that adds Python to your `PATH`.

To create virtual environments, `venv` is included in the standard library since Python 3.3.
"""


def test_a_step_repeated_in_sections_of_one_title_is_not_reported():
    # The same step for each platform, at another place of each "Setting up".
    assert lint({"environment.md": SETUP}, "DL201") == []
    # Under a section of another title it is a slip.
    other = SETUP.replace("### Setting up\n\nDownload", "### Installing Python\n\nDownload")
    assert [(f.line, f.related[0].line) for f in lint({"environment.md": other}, "DL201")] == [(21, 9)]


def test_a_remark_after_each_entry_of_one_list_is_not_reported():
    flags = ("* `'r'`: Open file for reading. An exception occurs if the file does not exist.\n"
             "* `'r+'`: Open file for reading and writing. An exception occurs if the file does not exist.\n"
             "* `'w'`: Open file for writing. The file is created if it does not exist.\n")
    assert lint({"flags.md": flags}, "DL201") == []
    # An entry pasted twice repeats its opening sentence: a slip.
    pasted = ("* Open the file for reading before you parse it.\n* Close the file when you are done.\n"
              "* Open the file for reading before you parse it.\n")
    [finding] = lint({"steps.md": pasted}, "DL201")
    assert finding.line == 3


def test_numbers_that_share_their_first_digits_are_not_misspellings():
    text = ("Patch 8.2.2947 fixes a build failure without the channel feature.\n"
            "Update the tests after each patch.\n"
            "Patch 8.2.0338 fixes a build failure without the channel feature.\n")
    assert lint({"a.txt": text}, "DL202") == []
    # A misspelt word is still a near copy.
    typo = text.replace("Patch 8.2.0338", "Patch 8.2.2947").replace("build failure without the channel feature.\n", "build failrue without the channel feature.\n", 1)
    assert len(lint({"a.txt": typo}, "DL202")) == 1


def test_a_change_of_modal_verb_is_another_statement():
    text = ("The scheduler can restart a failed job after a short pause.\n"
            "Check the logs of the job first.\n"
            "The scheduler will restart a failed job after a short pause.\n")
    assert lint({"a.txt": text}, "DL202") == []


def test_a_remark_on_its_own_section_opening_or_closing_two_sections_is_not_reported():
    remark = "This section is required for every docstring and no review passes without it."
    opening = (f"## Summary\n\n{remark}\n\nIt holds one line that ends in a period.\n\n"
               f"## Examples\n\n{remark}\n\nIt holds doctests that run in the test suite.\n")
    assert lint({"guide.md": opening}, "DL201") == []
    note = "The option is ignored if move is enabled, since files cannot be moved and copied."
    closing = (f"## copy\n\nWhether to copy files into the library.\n\n{note}\n\n"
               f"## reflink\n\nWhether to use copy-on-write clones.\n\n{note}\n")
    assert lint({"config.md": closing}, "DL201") == []
    # At another place of the second section, or twice in one, it is a slip; and the
    # option turns the test off.
    moved = (f"## Summary\n\n{remark}\n\nIt holds one line.\n\n"
             f"## Examples\n\nIt holds doctests.\n\n{remark}\n\nThey run in the suite.\n")
    assert len(lint({"guide.md": moved}, "DL201")) == 1
    assert len(lint({"guide.md": f"## Summary\n\n{remark}\n\nIt holds one line.\n\n{remark}\n"}, "DL201")) == 1
    assert len(lint({"guide.md": opening}, "DL201", self_remarks=[])) == 1


def test_a_version_note_in_two_sections_is_each_entrys_wherever_it_stands():
    note = "New in version 1.12: see also the release function of the library."
    text = (f"## from_buffer\n\nReturns a buffer that shares the memory of the object.\n\n{note}\n\n"
            "## Garbage collection\n\nReturns a new object that points to the same data.\n\n"
            f"{note}\n\nThe destructor runs when the new object is collected.\n")
    assert lint({"ref.md": text}, "DL201") == []
    # However it begins: "introduced in" (or "added in", "available since") a release.
    other = "This capability was introduced in Mercurial 1.9 (released July 2011)."
    assert lint({"ref.md": text.replace(note, other)}, "DL201") == []
    # Twice in one section it is a slip, and without the option's version notes it is
    # a remark like any other, at another place of its section.
    once = text.replace("## Garbage collection\n\n", "")
    assert len(lint({"ref.md": once}, "DL201")) == 1
    assert len(lint({"ref.md": text}, "DL201", self_remarks=["this section"])) == 1
    assert len(lint({"ref.md": text.replace(note, other)}, "DL201", self_remarks=["this section"])) == 1
    assert len(lint({"ref.md": once.replace(note, other)}, "DL201")) == 1


def test_a_near_copy_beside_an_exact_one_of_a_parallel_entry_is_the_statement_carried_over():
    tail = "For hash functions with variable output, the length option sets the output size in bytes."
    text = ("## `hash.copy([options])`\n\nCreates a new hash object that holds a copy of the state.\n\n"
            f"The optional options argument controls the stream behavior of the new object. {tail}\n\n"
            "## `crypto.createHash(algorithm[, options])`\n\n"
            "* `algorithm` {string}\n* `options` {Object}\n\n"
            f"Creates and returns a hash object for the given algorithm. Optional options argument "
            f"controls the stream behavior of the new object. {tail}\n")
    assert lint({"crypto.md": text}, "DL202") == []
    # Alone, without the exact sentence beside it, the near copy is still reported.
    alone = text.replace(f" {tail}\n", "\n")
    assert [f.line for f in lint({"crypto.md": alone}, "DL202")] == [12]
    # The exact sentence may stand in the next paragraph.
    apart = text.replace(f" {tail}\n", f"\n\n{tail}\n")
    assert lint({"crypto.md": apart}, "DL202") == []


def test_two_short_sentences_a_word_apart_are_compared_exactly_only():
    text = ("## between\n\nObtain nodes between pairs of nodes.\n\nReturn type is a string.\n\n"
            "## clonebundles\n\nObtains a manifest of bundle URLs available to seed clones.\n\n"
            "Each returned line contains a URL followed by metadata.\n\nThe return type is a string.\n")
    assert lint({"wireprotocol.txt": text}, "DL202") == []
    # With the floor lowered they are a near copy again; a longer pair is one anyway.
    assert len(lint({"wireprotocol.txt": text}, "DL202", near_min_words=5)) == 1
    longer = text.replace("is a string.", "is a string of hex nodes, one line per range.")
    assert len(lint({"wireprotocol.txt": longer}, "DL202")) == 1


def test_a_credit_under_two_entries_is_not_compared():
    todo = ("Ideas for later releases, most wanted first.\n\n"
            "Use different markers for the levels of a fold in the fold column.\n"
            "Patch by Christian Brabandt, 2011 Jul 27.\n\n"
            "Add a file name pattern to the error format that stops at a space.\n"
            "Patch by Christian Brabandt, 2011 Jul 27.\n")
    assert lint({"todo.txt": todo}, "DL201") == []
    # Any other sentence said twice there is still reported.
    twice = todo.replace("Patch by Christian Brabandt, 2011 Jul 27.", "The fold column shows each level.")
    assert len(lint({"todo.txt": twice}, "DL201")) == 1


def test_a_specimen_of_markup_that_names_itself_is_not_compared():
    blocks = ("# Blocks\n\nThis is a normal text paragraph.\n\n> A quotation set as a block quote.\n\n"
              "This is a normal text paragraph. The next paragraph is a code sample::\n\n    print(1)\n\n"
              "This is a normal text paragraph again.\n\n- An item\n\nThis is a normal text paragraph again.\n")
    assert lint({"kitchen-sink/blocks.rst": blocks}, "DL201") == []
    # A sentence that says something more is compared.
    said = blocks.replace("This is a normal text paragraph again.", "This is a normal text paragraph about quotes.")
    assert len(lint({"kitchen-sink/blocks.rst": said}, "DL201")) == 1


def test_titles_that_are_identifiers_head_entries_of_a_reference():
    remark = "It is possible to change this setting per domain by using the slots setting."
    def reference(first: str, second: str) -> str:
        return (f"{first}\n{'-' * len(first)}\n\nDefault: 16\n\nThe maximum number of requests in flight.\n\n"
                f"{remark}\n\n{second}\n{'-' * len(second)}\n\nDefault: 0\n\n{remark}\n\n"
                "The delay is randomised to avoid a fixed pattern.\n")
    assert lint({"settings.rst": reference("CONCURRENT_REQUESTS", "DOWNLOAD_DELAY")}, "DL201") == []
    assert lint({"api.rst": reference("QueryDict.get()", "QueryDict.getlist()")}, "DL201") == []
    # Under titles of prose, the copy at another place is a slip.
    assert len(lint({"guide.rst": reference("Concurrency", "Politeness")}, "DL201")) == 1
    # A name set in emphasis is an entry's name too: the libraries a page has a section for.
    libraries = ("# Converters\n\n## _orjson_\n\nFound at the orjson module.\n\n"
                 f"Bytes are serialized as base 85 strings.\n\n{remark}\n\n"
                 f"## _ujson_\n\n{remark}\n\nIt does not support integers above 2**63.\n")
    assert lint({"converters.md": libraries}, "DL201") == []
    assert len(lint({"converters.md": libraries.replace("_orjson_", "Speed").replace("_ujson_", "Safety")},
                    "DL201")) == 1


def test_titles_of_one_word_in_lower_case_head_entries_of_a_reference():
    # A protocol's capabilities, each a section named by the word a server sends.
    note = "There is no trailing newline."
    wire = ("Capabilities\n============\n\n"
            "getbundle\n---------\n\nWhether the server supports the getbundle command. "
            "The value lists the bundle formats it can produce.\n\n"
            f"Each format is a name followed by its options. {note}\n\n"
            f"httpheader\n----------\n\nThe maximum length of a header that clients send. {note} "
            "Clients ignore anything after a comma in the value.\n")
    assert lint({"wireprotocol.txt": wire}, "DL201") == []
    # Under titles of prose the same copy is a slip.
    prose = wire.replace("getbundle\n---------", "Bundles\n-------").replace(
        "httpheader\n----------", "Headers\n-------")
    assert len(lint({"wireprotocol.txt": prose}, "DL201")) == 1


def test_an_entrys_definition_pasted_into_another_entry_is_a_slip():
    definition = "A Python package and project manager, written in Rust for high performance."
    projects = (f"uv\n==\n\n{definition} It supports creating and managing virtual environments "
                "and locking dependencies.\n\n"
                "ensurepip\n=========\n\nA package in the standard library that installs pip into "
                f"an existing environment. End users rarely run it themselves.\n\n{definition}\n")
    [finding] = lint({"key_projects.rst": projects}, "DL201")
    assert finding.line == 11
    # A remark each entry makes, wherever it stands in either, is no definition.
    remark = "The project is maintained by a team of volunteers."
    both = projects.replace(f"{definition} It supports", f"It is fast. {remark} It supports").replace(
        f"\n\n{definition}\n", f"\n\n{remark}\n")
    assert lint({"key_projects.rst": both}, "DL201") == []
    # A note that opens both entries holds one place in each ("(Legacy command used for
    # discovery in old clients.)" over two commands).
    legacy = "Legacy command used for discovery in old clients, kept for compatibility."
    commands = (f"between\n=======\n\n{legacy}\n\nObtain nodes between pairs of nodes.\n\n"
                f"branches\n========\n\n{legacy} Clients with getbundle use known and heads instead.\n\n"
                "Obtain ancestor changesets of specific nodes back to a branch point.\n")
    assert lint({"wireprotocol.txt": commands}, "DL201") == []


def test_a_compound_with_a_short_prefix_is_no_misspelling_of_another():
    text = ("Per-installation configuration files are for the system on which the server is running.\n\n"
            "Per-system configuration files are for the system on which the server is running.\n")
    assert lint({"config.txt": text}, "DL202") == []
    # A word misspelt after the same prefix is still a near copy.
    slip = text.replace("Per-system configuration", "Per-installaton configuration")
    assert len(lint({"config.txt": slip}, "DL202")) == 1


def test_a_statement_fitted_to_each_of_two_sections_of_one_title_is_not_reported():
    # Each option of a reference has its own "Examples" section.
    first = "In configuration files, you can use an inline array, and the items will be joined with a semicolon."
    second = first.replace("an inline array", "an array")
    text = ("## `before-build`\n\nA command run before each build.\n\n### Examples\n\n"
            "Set it in the project's configuration file.\n\n"
            f"{first}\n\n## `test-command`\n\nA command run to test each wheel.\n\n### Examples\n\n"
            f"{second}\n")
    assert lint({"options.md": text}, "DL202") == []
    # Under two titles of their own the near copy at another place is a slip.
    apart = text.replace("### Examples\n\nSet it", "### Configuration\n\nSet it")
    assert len(lint({"options.md": apart}, "DL202")) == 1


def test_paragraphs_opening_with_a_name_in_bold_are_entries_of_a_list():
    text = ("There are three options you can set in the theme options:\n\n"
            "**`navbar_start`**: Adds components to the start of the header. Visible on all screens.\n\n"
            "**`navbar_center`**: Adds components to the center of the header. Moved to the sidebar on mobile.\n\n"
            "**`navbar_end`**: Adds components to the end of the header. Moved to the sidebar on mobile.\n")
    assert lint({"header.md": text}, "DL201") == []
    # A bold word of prose opens no entry; a call or a dotted name does.
    from doclint.families.duplication.entries import entry_codes
    runs = ("**Note:** Restart the server.\n\n**ffibuilder.emit_c_code(filename):** Generate the file.\n\n"
            "**os.path**: Path functions.\n\nPlain prose.\n")
    assert entry_codes(document_from_text("ref.md", runs, "markdown")) == [0, 1, 1, 0]


def test_a_pointer_repeated_in_another_section_is_not_reported():
    pointer = "See the troubleshooting guide for more information about failed builds."
    # Each pointer is a paragraph of its own: restated inside prose that goes on, any
    # sentence is a point made again in context (test_a_point_restated_in_context...).
    text = (f"## Building\n\nRun the build from the top folder.\n\n{pointer}\n\n"
            f"## Testing\n\nRun the tests after every build.\n\n{pointer}\n")
    assert lint({"guide.md": text}, "DL201") == []
    assert lint({"a.md": f"# A\n\n{pointer}\n", "b.md": f"# B\n\n{pointer}\n"}, "DL201") == []
    # Twice in one section it is a slip, and other sentences are not pointers.
    [finding] = lint({"guide.md": f"## Building\n\n{pointer}\nRun the build.\n{pointer}\n"}, "DL201")
    assert finding.line == 5
    assert len(lint({"guide.md": text}, "DL201", pointers=[])) == 1
    # Asked politely, it points elsewhere all the same.
    asked = text.replace(pointer, "Please see the troubleshooting guide for more information about failed builds.")
    assert lint({"guide.md": asked}, "DL201") == []


def test_a_sentence_that_points_elsewhere_in_its_page_is_a_pointer_wherever_it_says_so():
    step = "Now you can build the bootloader with the toolchain as shown above."
    text = ("## Linux\n\nInstall the compiler from your distribution's packages.\n\n"
            f"{step}\n\n## Windows\n\nInstall MinGW and put it on the PATH.\n\n"
            "Open a new command prompt so the PATH is read again.\n\n"
            f"{step}\n")
    assert lint({"building.md": text}, "DL201") == []
    # Without the words that point elsewhere it is a step said twice.
    plain = text.replace(" as shown above", " in the build folder")
    assert len(lint({"building.md": plain}, "DL201")) == 1
    # "above" that points nowhere ("the folder above the project") makes no pointer.
    above = text.replace("as shown above", "in the folder above the project")
    assert len(lint({"building.md": above}, "DL201")) == 1
    # "The above diagram" points back in the page as "as shown above" does.
    diagram = text.replace("as shown above", "as drawn in the above diagram")
    assert lint({"building.md": diagram}, "DL201") == []


def test_a_pointer_after_its_purpose_is_a_pointer():
    pointer = "To see all of the options see the frontmatter guide, which lists the fields of each file."
    text = (f"## Project\n\nThe project holds the metadata of the book.\n\n{pointer}\n\n"
            "## Site\n\nTemplates, logos and navigation live under the site key.\n\n"
            f"Each page may set its own title and logo. {pointer} Pages without one use the site's.\n")
    assert lint({"config.md": text}, "DL201") == []
    # "To see" is the purpose, not the pointer: a step said twice is still reported.
    step = "To see the result, open the page that the build wrote to the output folder."
    assert len(lint({"config.md": text.replace(pointer, step)}, "DL201")) == 1


def test_the_stub_of_a_moved_section_under_two_rubrics_is_a_pointer():
    text = ("Installing\n==========\n\n.. rubric:: Wheel cache\n\n"
            "This is now covered in :doc:`../topics/caching`.\n\n"
            ".. rubric:: Hash checking\n\nThis is now covered in :doc:`../topics/caching`.\n")
    assert lint({"install.rst": text}, "DL201") == []
    # Under one rubric it is said twice.
    once = text.replace(".. rubric:: Hash checking\n\n", "")
    assert [f.line for f in lint({"install.rst": once}, "DL201")] == [8]


def test_a_sentence_written_in_many_places_of_one_document_is_its_template():
    step = "Select the data source you want to configure from the list."
    leads = ("Prometheus keeps metrics.", "Loki stores logs for you.", "Tempo holds traces.",
             "Pyroscope records profiles.")
    text = "".join(f"{lead} {step}\n\n" for lead in leads)
    assert lint({"sources.md": text}, "DL201") == []
    [grouped] = lint({"sources.md": text}, "DL201", **{"template-from": 0})
    assert len(grouped.related) == 3
    # Three copies in one document are still slips by default (template-from 4).
    three = "".join(f"{lead} {step}\n\n" for lead in leads[:3])
    assert len(lint({"sources.md": three}, "DL201")) == 2


@pytest.mark.parametrize("options", [{"mode": "fuzzy"}, {"scope": "everywhere"}, {"threshold": 1.5},
                                     {"min-words": 0}, {"template-from": 1}])
def test_bad_options_are_rejected(options):
    with pytest.raises((ValueError, ConfigError)):
        build_options(KINDS["duplicates"].Options, options, "test.yaml", "DL2xx")


@pytest.mark.parametrize("grouping", ["minhash", "smallgroups"])
def test_many_documents_keep_their_own_numbers(grouping):
    # Global sentence numbers pack the document index; 70,000 documents exceed 16 bits.
    from doclint.families.duplication.facts import SHIFT
    from doclint.families.duplication.kind import DuplicatesKind

    clusters = importlib.import_module(f"doclint.families.duplication.{grouping}").clusters
    kind = DuplicatesKind(rule("DL201"))
    fact = kind.facts(document_from_text("a.txt", f"{SIGNED}\n"))
    firsts, repeated = clusters([fact] * 70_000)
    assert len(firsts) == 1 and len(repeated[0]) == 70_000
    assert repeated[0][-1] >> SHIFT == 69_999


def planted_corpus(seed: int) -> dict[str, str]:
    """Twelve documents of made-up sentences, a quarter of them edited copies of earlier
    ones: a word dropped, two words swapped, cut off (left without a period), or copied."""
    rng = random.Random(seed)
    vocabulary = [a + b for a in "bcdfglmnprst" for b in ("ale", "ine", "ord", "ust", "eam", "ock")]
    function = "the a of to and in that is".split()
    earlier: list[list[str]] = []
    files = {}
    for number in range(12):
        paragraphs = []
        for _ in range(25):
            ending = "."
            if earlier and rng.random() < 0.25:
                words, edit = list(rng.choice(earlier)), rng.randrange(4)
                if edit == 0:
                    del words[rng.randrange(len(words))]
                elif edit == 1:
                    at = rng.randrange(len(words) - 1)
                    words[at:at + 2] = words[at + 1], words[at]
                elif edit == 2 and len(words) >= 11:
                    words, ending = words[:rng.randint(6, len(words) - 4)], ""
            else:
                words = [rng.choice(function) if rng.random() < 0.4 else rng.choice(vocabulary)
                         for _ in range(rng.randint(7, 16))]
            earlier.append(words)
            paragraphs.append(" ".join(words).capitalize() + ending)
        files[f"doc{number:02}.md"] = "\n\n".join(paragraphs) + "\n"
    return files


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("rule_id", ["DL201", "DL202"])
def test_small_and_big_runs_group_alike(monkeypatch, seed, rule_id):
    # Small runs are grouped in plain Python, big ones with numpy: the same findings.
    from doclint.families.duplication import reduce as dupreduce

    files = planted_corpus(seed)
    found = {}
    for name, small_run in (("python", 10 ** 9), ("numpy", 0)):
        monkeypatch.setattr(dupreduce, "SMALL_RUN", small_run)
        found[name] = [(f.path, f.line, f.column, f.message, [(r.path, r.line) for r in f.related])
                       for f in lint(files, rule_id, reused_from=0, scope="all", copies_across="all")]
    assert found["python"] == found["numpy"]
    assert len(found["numpy"]) > 20
    if rule_id == "DL202":
        messages = " ".join(f[3] for f in found["numpy"])
        assert "similar" in messages and "cut-off copy" in messages


PRODUCTS = """\
## Amazon

When you refer to Amazon products such as Amazon CloudWatch, include the Amazon prefix.

After the first use, you can write just the name of the product.

## Google

When you refer to Google products such as Google Kubernetes Engine, include the Google prefix.

After the first use, you can write just the name of the product.
"""


def test_statement_repeated_in_parallel_sections_is_not_reported():
    assert lint({"names.md": PRODUCTS}, "DL201") == []
    slip = PRODUCTS + "\n## Headings\n\nHeadings use sentence case.\n\nAfter the first use, you can write just the name of the product.\n"
    [finding] = lint({"names.md": slip}, "DL201")
    assert finding.line == 17


SECTION = ("Open the settings page of the project.\n"
           "Choose the branch that the release is built from.\n"
           "Save the settings and wait for the first build to finish.\n")


def test_section_reused_elsewhere_is_not_reported_but_pasted_twice_is():
    reused = f"## Releases\n\n{SECTION}\n## Nightly builds\n\nNightly builds differ in one respect only.\n\n{SECTION}"
    assert lint({"release.md": reused}, "DL201") == []
    pasted = f"## Releases\n\n{SECTION}{SECTION}"
    # One finding for the pasted passage, on its first sentence.
    [finding] = lint({"release.md": pasted}, "DL201")
    assert (finding.line, finding.related[0].line) == (6, 3)


def test_a_paragraph_written_again_with_one_sentence_left_out_is_reuse():
    json = ("Bytes are serialized as base 85 strings. Counters are serialized as dictionaries. "
            "Sets are serialized as lists, and read back into sets. Dates are serialized as ISO 8601 strings.")
    ujson = json.replace(" Counters are serialized as dictionaries.", "")
    page = f"## Standard library json\n\n{json}\n\n## ujson\n\nIt is faster than json.\n\n{ujson}\n"
    assert lint({"preconf.md": page}, "DL201") == []
    # Pasted again right after the paragraph, it is a slip.
    page = f"## Standard library json\n\n{json}\n\n{ujson}\n"
    assert {f.line for f in lint({"preconf.md": page}, "DL201")} == {5}


def test_a_run_copied_into_another_document_at_other_places_is_reuse():
    # The run stands one sentence further into the second page: its places there are
    # the places of the first page's copies plus one, which must not stop the run.
    run = ("Additionally a hierarchy of makefiles is generated into the build tree. "
           "The appropriate make program can build the project through the default target. "
           "An install target is also provided for packagers.")
    first = f"# Kettle\n\nProject files for Kettle are written to the top folder. {run}\n"
    second = (f"# Lantern\n\nGenerates Lantern workspaces for every subproject. Linked resources point back "
              f"to the sources. {run}\n")
    assert lint({"kettle.rst": first, "lantern.rst": second}, "DL201", reused_from=0) == []


def test_documents_that_share_several_sentences_are_reuse_not_slips():
    glossary = ("A module is a container for zero or more items of the language.\n\n"
                "A scope is the region of text where a named entity may be referenced.\n\n"
                "A crate is the unit of compilation and linking of the compiler.\n")
    chapters = {"modules.md": "# Modules\n\nA module is a container for zero or more items of the language.\n",
                "scopes.md": "# Scopes\n\nA scope is the region of text where a named entity may be referenced.\n",
                "crates.md": "# Crates\n\nA crate is the unit of compilation and linking of the compiler.\n"}
    assert len(lint({"glossary.md": glossary, **chapters}, "DL201")) == 3
    reference = glossary.replace("A crate is the unit of compilation and linking of the compiler.",
                                 "Attributes are written in square brackets after a hash sign.")
    both = {"glossary.md": glossary, "reference.md": reference}
    assert lint(both, "DL201") == []
    assert len(lint(both, "DL201", reused_from=0)) == 1  # one pasted passage of two sentences


def test_a_near_copy_with_its_content_words_in_another_order_says_something_else():
    swapped = ("Tools let you use a Python 2 module in a Python 3 project without changes.\n"
               "Tools let you use a Python 3 module in a Python 2 project without changes.\n")
    assert lint({"a.txt": swapped}, "DL202") == []
    # Two neighbouring words swapped is a slip of the keyboard, still a near copy.
    slip = ("Members of the core team can get an email address on the project domain.\n"
            "Members of the team core can get an email address on the project domain.\n")
    assert [f.line for f in lint({"a.txt": slip}, "DL202")] == [2]


def test_a_near_copy_with_another_compound_of_the_same_word_says_something_else():
    lists = ("To see the collection of prior postings to the list, visit the Docutils-users archives.\n"
             "To see the collection of prior postings to the list, visit the Docutils-develop archives.\n")
    assert lint({"a.txt": lists}, "DL202") == []
    # A misspelt part of the compound is still a slip.
    slip = lists.replace("Docutils-develop", "Docutils-userss")
    assert [f.line for f in lint({"a.txt": slip}, "DL202")] == [2]


def test_a_near_copy_that_leaves_out_a_value_says_something_else(lint_text):
    doc = ("The `format` argument specifies point encoding and can be `'compressed'`, "
           "`'uncompressed'` or `'hybrid'`.\n\nThe key is returned in the requested encoding.\n\n"
           "The `format` argument specifies point encoding and can be `'compressed'` or `'uncompressed'`.\n")
    assert lint_text(doc, "DL202", fmt="markdown", name="a.md") == []
    # Leaving out a plain word is an edit of the same statement.
    edited = doc.replace("specifies point encoding and can be `'compressed'` or `'uncompressed'`",
                         "specifies encoding and can be `'compressed'`, `'uncompressed'` or `'hybrid'`")
    assert [f.line for f in lint_text(edited, "DL202", fmt="markdown", name="a.md")] == [5]


def test_near_duplicates_across_documents_only_on_request():
    files = {"a.txt": "Our documentation website uses a modern design approach.\n",
             "b.txt": "Our documentation also website uses a modern design approach.\n"}
    assert lint(files, "DL202") == []
    assert [f.path for f in lint(files, "DL202", scope="all")] == ["b.txt"]


def test_passage_quote_shows_the_text_without_markup(lint_text):
    doc = ("The cache is flushed when the worker exits (or when the\n"
           "pool is resized) so that no stale ``cache`` entries outlive the process.\n\n"
           "Workers restart after each deployment.\n"
           "pool is resized) so that no stale ``cache`` entries outlive the process.\n")
    found = lint_text(doc, "DL204", fmt="rst", name="a.rst")
    assert [f.line for f in found] == [5]
    assert "``" not in found[0].message and "stale cache entries" in found[0].message


def test_a_line_that_carries_on_its_sentence_is_written_there_not_pasted(lint_text):
    # The second copy is a whole line of a hard-wrapped paragraph, but the sentence of
    # the line before runs on into it: the writer wrote the same phrase twice.
    doc = ("If your function takes keyword-only arguments,\n"
           "specify ``*`` on a line by itself before the first keyword-only argument,\n"
           "indented the same as the parameter lines in the block.\n\n"
           "To mark parameters as positional-only in the tool,\n"
           "add a ``/`` on a line by itself after the last positional-only parameter,\n"
           "indented the same as the parameter lines in the block.\n")
    assert lint_text(doc, "DL204", fmt="rst", name="a.rst") == []
    # The same line after a finished sentence stands apart from it: a paste.
    pasted = doc.replace("positional-only parameter,\n", "positional-only parameter.\n")
    assert [f.line for f in lint_text(pasted, "DL204", fmt="rst", name="a.rst")] == [7]


def test_two_sentences_that_open_alike_and_go_on_differently_share_no_passage(lint_text):
    doc = ("The following example shows how to use the `Resource` class to properly\n"
           "provide tracking for a worker pool. Other pools can follow the same model.\n\n"
           "Each listener is called with the event and its context.\n\n"
           "The following example shows how to use the `Resource` class to properly\n"
           "associate an event listener with the correct execution context.\n")
    assert lint_text(doc, "DL204", fmt="markdown", name="a.md") == []
    # The same line pasted as a paragraph of its own is a paste.
    pasted = doc + "\nprovide tracking for a worker pool. Other pools can follow the same model.\n"
    assert [f.line for f in lint_text(pasted, "DL204", fmt="markdown", name="a.md")] == [9]


def test_a_passage_framing_two_statements_about_different_code_is_not_reported():
    text = ("1. If the dependency that is not yet resolved matches any of the\n"
            "   ``PRE_INCLUDE_REGEXES``, the next steps are skipped.\n"
            "2. If the dependency that is not yet resolved matches any of the\n"
            "   ``PRE_EXCLUDE_REGEXES``, resolution stops for that dependency.\n")
    assert lint({"file.rst": text}, "DL204") == []


def test_a_passage_in_sibling_sections_or_a_repeated_pointer_is_not_reported():
    sibling = ("## `fs.readlink(path)`\n\nReads the link, and the optional options argument can be a string "
               "specifying an encoding for the path returned.\n\n"
               "## `fs.realpath(path)`\n\nComputes the path.\n\nThe optional options argument can be a "
               "string specifying an encoding for the path returned.\n")
    assert lint({"fs.md": sibling}, "DL204") == []
    pointer = ("## Options\n\nThe ciphers option replaces the default. For more information, see Modifying "
               "the default cipher suite list.\n\n"
               "## Ciphers\n\nNot all ciphers are on by default. See Modifying the default cipher suite list.\n")
    assert lint({"tls.md": pointer}, "DL204") == []
    # The same passage pasted into an unrelated section is a slip.
    slip = ("## Installing\n\nRun the installer from a terminal window, and note that the optional options "
            "argument can be a string specifying an encoding for the path returned.\n\n## Reporting bugs\n\n"
            "File the bug with the logs.\n\nThe optional options argument can be a string specifying an "
            "encoding for the path returned.\n")
    [finding] = lint({"guide.md": slip}, "DL204")
    assert finding.line == 9



GLOSSARY = ("# Glossary\n\n## Item\n\n"
            "An item is a component of a crate. Items are organized within a module.\n\n"
            "## Module\n\n"
            "A module is a container for zero or more items. Every module of a crate descends from its root module.\n\n"
            "## Crate\n\nA crate is the unit of compilation and linking.\n")
MODULES = ("# Modules\n\n"
           "A module is a container for zero or more items. A module item introduces a new named "
           "module into the tree of modules of its crate. The items of a module are private to "
           "the module unless they are declared public.\n")
INSTALL = ("# Installing the client\n\n"
           "Download the installer for your platform from the release page. "
           "A module is a container for zero or more items. "
           "Run the installer and follow the prompts until the client reports its version.\n")


def test_a_copy_that_belongs_in_both_files_is_reuse_and_a_misplaced_one_a_slip():
    # The glossary's definition repeated where its chapter begins is written for both
    # readers; the same sentence in an installation page was pasted into the wrong file.
    assert lint({"glossary.md": GLOSSARY, "modules.md": MODULES}, "DL201") == []
    [finding] = lint({"glossary.md": GLOSSARY, "install.md": INSTALL}, "DL201")
    assert finding.path == "install.md" and "glossary.md" in finding.message
    # copies-across: all reports every copy in another file.
    [reuse] = lint({"glossary.md": GLOSSARY, "modules.md": MODULES}, "DL201", copies_across="all")
    assert reuse.path == "modules.md"


def test_a_copy_under_a_title_naming_the_other_page_is_written_for_both_readers():
    page = ("# Guided tours\n\nGuided tours are interactive walkthroughs embedded in a page that "
            "readers can follow step by step.\n\nThe `tour` shortcode embeds a tour.\n")
    shortcodes = ("# Shortcodes\n\n## Admonition\n\nThe admonition shortcode renders a note.\n\n"
                  "## Guided tours\n\nGuided tours are interactive walkthroughs embedded in a page that "
                  "readers can follow step by step.\n")
    assert lint({"tours.md": page, "shortcodes.md": shortcodes}, "DL201") == []
    # Under an unrelated title the copy is a paste into the wrong page.
    elsewhere = shortcodes.replace("## Guided tours", "## Deprecated shortcodes")
    [finding] = lint({"tours.md": page, "shortcodes.md": elsewhere}, "DL201")
    assert finding.path == "shortcodes.md"


def test_what_a_readme_says_again_of_the_docs_is_no_slip():
    # A repository's front page and its documentation say the same things to two
    # readers: the project's summary where each opens, the code of conduct further on.
    summary = "Quarry is a job scheduler that retries failed steps and keeps their logs for audit."
    conduct = "Everyone interacting in the project's trackers and chat rooms is expected to follow the code."
    readme = (f"# Quarry\n\n{summary}\n\n## Installing\n\nRun the installer from the release page.\n\n"
              f"## Code of conduct\n\n{conduct}\n")
    intro = (f"# Introduction\n\n## Overview\n\n{summary}\n\n"
             "## Concepts\n\nA job is a list of steps that run in order on one worker.\n")
    contributing = f"# Contributing\n\nOpen an issue before a large change.\n\n{conduct}\n"
    assert lint({"README.md": readme, "docs/introduction.md": intro,
                 "docs/contributing.md": contributing}, "DL201") == []
    # Between two pages of the docs the summary is a paste like any other.
    [finding] = lint({"docs/index.md": readme, "docs/introduction.md": intro}, "DL201")
    assert finding.path == "docs/introduction.md"


def test_records_of_a_corpus_share_no_home(tmp_path):
    # In a corpus a sentence shared by two records is what a data team looks for.
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "text": t}) + "\n"
                              for i, t in (("a", GLOSSARY), ("b", MODULES))))
    docs = load(str(corpus), "corpus.jsonl", "text").documents
    findings = [f for f in lint_documents(docs, [rule("DL201")]).findings if f.rule_id == "DL201"]
    assert [f.record for f in findings] == ["b"]


def test_a_stock_line_of_two_pages_is_no_paste_into_the_wrong_one():
    pages = {"prop_dir/ADDITIONAL_MAKE_CLEAN_FILES.rst":
             "ADDITIONAL_MAKE_CLEAN_FILES\n===========================\n\n"
             "A list of files that will be removed when the clean target runs.\n\n"
             "This property only works for the Makefile generators.\nIt is ignored on other generators.\n",
             "variable/CMAKE_EXPORT_COMPILE_COMMANDS.rst":
             "CMAKE_EXPORT_COMPILE_COMMANDS\n=============================\n\n"
             "Enable or disable output of compile commands during the build generation.\n\n"
             "This option is implemented only by the Makefile and Ninja backends.\n"
             "It is ignored on other generators.\n"}
    assert lint(pages, "DL201", scope="all") == []
    assert len(lint(pages, "DL201", scope="all", copies_across="all")) == 1
    # A statement with more to say, pasted into the other page, is still reported.
    pasted = "Pasted lines of a keyring are checked against the signature of the release tarball."
    pages = {name: text + pasted + "\n" for name, text in pages.items()}
    assert [f.snippet[:6] for f in lint(pages, "DL201", scope="all")] == ["Pasted"]


def test_copies_across_must_be_known():
    with pytest.raises((ConfigError, ValueError)):
        rule("DL201", copies_across="some")


def test_a_refrain_three_times_in_one_paragraph_is_rhetoric_but_twice_is_a_slip():
    refrain = ("Shall the harbour be dredged at public cost? The charter does not plainly say. "
               "May the council levy a toll on the new bridge? The charter does not plainly say. "
               "Must the towns along the river share the burden? The charter does not plainly say.\n")
    assert lint({"speech.txt": refrain}, "DL201") == []
    twice = ("Shall the harbour be dredged at public cost? The charter does not plainly say. "
             "The council met in the spring to hear the petitions of the towns. "
             "The charter does not plainly say.\n")
    [finding] = lint({"speech.txt": twice}, "DL201")
    assert finding.column > 100


SPEC = """# Version specifiers

## Version matching

A version matching clause includes the version matching operator `==` and a version identifier.
By default, the version matching operator is based on a strict equality comparison.

Local version identifiers are not permitted in this version specifier.

## Version exclusion

A version exclusion clause includes the version exclusion operator `!=` and a version identifier.
The allowed version identifiers and comparison semantics are the same as for matching.

Local version identifiers are not permitted in this version specifier.

## Installing releases

Installers fetch the newest release that the specifier allows from the index.

Local version identifiers are not permitted in this version specifier.
"""


def test_an_exact_copy_in_a_parallel_section_is_the_rule_stated_for_each():
    # "Version matching" and "Version exclusion" say other things in the same words
    # (a variant pair), so their shared sentence is one rule stated for each; the copy
    # in "Installing releases" has no such company and stays a slip.
    findings = lint({"spec.md": SPEC}, "DL201")
    assert [f.line for f in findings] == [21]


DIRECTORY_API = """# File system

## Promises API

### `fsPromises.opendir(path[, options])`

Asynchronously open a directory for iterative scanning.
Creates a directory handle that contains all further functions for reading from the directory.

When using the async iterator, the directory object will be automatically closed after the iterator exits.

## Common objects

### Class: `fs.Dir`

A class representing a directory stream, created by the opendir functions of this module.

When using the async iterator, the directory object will be automatically closed after the iterator exits.
"""


def test_an_exact_copy_under_two_titles_that_hold_code_is_one_statement_for_two_api_parts():
    assert lint({"fs.md": DIRECTORY_API}, "DL201") == []
    # Under titles without code the same repeat is still reported.
    plain = DIRECTORY_API.replace("### `fsPromises.opendir(path[, options])`", "### Opening directories") \
               .replace("### Class: `fs.Dir`", "### Directory streams")
    assert [f.line for f in lint({"fs.md": plain}, "DL201")] == [18]


def test_examples_under_bold_labels_are_parallel_parts_of_a_section():
    # "**Use:**" and "**Don't use:**" divide the section into parallel parts: the
    # example that stands first under each is one example shown two ways.
    text = ("# Button labels\n\nUse sentence case for labels.\n\n**Use:**\n\n"
            "> Create and manage dashboards to visualize your data.\n\n**Don't use:**\n\n"
            "> Create and Manage Dashboards to Visualize Your Data.\n")
    assert lint({"ux.md": text}, "DL201") == []
    # Without the labels the two sentences are a repeat in one section.
    unlabelled = text.replace("**Use:**\n\n", "").replace("**Don't use:**\n\n", "")
    assert len(lint({"ux.md": unlabelled}, "DL201")) == 1


def test_a_log_repeats_an_entry_under_two_releases_but_not_within_one():
    stock = "More detailed information on each of the vulnerabilities is in the security advisory."
    log = (f"# Changelog\n\n## 2.4.1\n\nFixes a crash when the cache directory is missing.\n\n{stock}\n\n"
           f"## 2.3.9\n\nRejects header fields that hold line breaks.\n\n{stock}\n")
    assert lint({"CHANGELOG.md": log}, "DL201") == []
    # The same two sections in a page that is not a log are a repeat.
    assert len(lint({"security.md": log}, "DL201")) == 1
    # Twice under one release it is a slip.
    twice = log.replace("Rejects header fields that hold line breaks.", stock)
    assert [f.line for f in lint({"CHANGELOG.md": twice}, "DL201")] == [13]


def test_stock_sentences_of_one_folder_are_boilerplate_there():
    stock = "To confirm that the operation succeeded, you can run the get-operation command."
    files = {}
    leads = {"create": "A namespace groups the services of one application under one name.",
             "delete": "Deleting a namespace fails while any service is still registered in it.",
             "update": "Only the description and the time to live of its records can be changed.",
             "tag": "Tags let billing reports split the cost of shared infrastructure."}
    for verb, lead in leads.items():
        files[f"discovery/{verb}-namespace.rst"] = f"{lead}\n\n{stock}\n"
    for i in range(16):
        files[f"other/page-{i}.rst"] = f"Page {i} describes a command of another service entirely.\n"
    # Four of the folder's four pages hold it: its stock sentence (boilerplate-share
    # 0.5 of 20 files is 10 documents for the run, of 4 files 2, so at least 4).
    assert lint(files, "DL201", boilerplate_share=0.5, group_from=0) == []
    # Spread over four folders the same copies stay findings.
    # (pages whose names share no word: sibling pages such as "create-namespace" and
    # "delete-namespace" are on one topic wherever they stand)
    spread = {f"{folder}/{name.split('/')[1].split('-')[0]}.rst": text for (name, text), folder
              in zip(list(files.items())[:4], ("a", "b", "c", "d"))}
    spread.update({k: v for k, v in files.items() if k.startswith("other/")})
    assert len(lint(spread, "DL201", boilerplate_share=0.5, group_from=0)) == 3


CHECKSUM = "If a URL is specified, the checksum of the new download should also be specified."
UPDATE_PAGE = f"""# Updating a formula

## bump-formula-pr

Create a pull request to update the formula with a new URL or a new tag.
{CHECKSUM} The checksum is worked out when it is not given.

Run the command from a clean tap.

## Options

The `--url` option sets the URL of the new download.
{CHECKSUM} The `--sha256` option sets it.
"""


def test_a_point_restated_in_context_is_not_reported_but_a_paragraph_that_only_repeats_is():
    # Both copies stand inside prose that goes on: the point is made again where the
    # reader of each section needs it.
    assert lint({"update.md": UPDATE_PAGE}, "DL201") == []
    # A note that only repeats it is a paragraph a reader can delete, whichever copy
    # was written first.
    note = UPDATE_PAGE + f"\n## Notes\n\nThe tap must be clean.\n\n{CHECKSUM}\n"
    assert [f.line for f in lint({"update.md": note}, "DL201")] == [19]
    # The note may come first, and the point in context after it.
    first = UPDATE_PAGE.replace(f"{CHECKSUM} The checksum is", "The checksum is") \
                       .replace("Run the command from a clean tap.", CHECKSUM)
    assert [(f.line, f.related[0].line) for f in lint({"update.md": first}, "DL201")] == [(13, 8)]
    # Twice in neighbouring paragraphs it is said twice in one place.
    close = UPDATE_PAGE.replace("Run the command from a clean tap.", f"Run the command. {CHECKSUM} Then wait.")
    assert [f.line for f in lint({"update.md": close}, "DL201")] == [8]
    # A paragraph copied whole goes on only with copies: a pasted paragraph.
    pasted = UPDATE_PAGE + "\n## Notes\n\nCreate a pull request to update the formula with a new URL or a " \
                           f"new tag.\n{CHECKSUM}\n"
    assert [f.line for f in lint({"update.md": pasted}, "DL201")] == [17]


def test_a_passage_that_restates_a_row_of_a_list_of_data_is_not_reported():
    page = ("# Download\n\nThe latest version is widget 6.2.1, released 2026-11-29 (changes for 6.2.1). "
            "Older versions are listed below.\n\n## Old versions\n\n"
            "* widget 6.2.1, released 2026-11-29 (changes for 6.2.1)\n\n"
            "* widget 6.2.0, released 2026-11-27 (changes for 6.2.0)\n\n"
            "* widget 6.1.3, released 2026-10-02 (changes for 6.1.3)\n")
    assert lint({"download.md": page}, "DL204") == []
    # Items that read differently are no rows of data: the passage is a slip.
    prose = page.replace("widget 6.2.0, released 2026-11-27 (changes for 6.2.0)", "a note on the mirrors") \
                .replace("widget 6.1.3, released 2026-10-02 (changes for 6.1.3)", "a note on signatures")
    assert [f.line for f in lint({"download.md": prose}, "DL204")] == [7]


def test_a_passage_inside_two_paragraphs_is_not_reported_but_one_that_stands_alone_is():
    source = ("## Caching\n\nWorkers stop at night, and the cache is flushed when the worker exits\n"
              "so that no stale entries outlive the process.\n\n## Sizing\n\nRead the limits first.\n\n"
              "## Workers\n\nWorkers are started lazily. The cache is flushed when the worker exits so\n"
              "that no stale entries outlive the process. Each one logs its start.\n")
    assert lint({"pool.md": source}, "DL204") == []
    alone = source.replace("Read the limits first.",
                           "The cache is flushed when the worker exits so that no stale entries outlive the process.")
    assert [f.line for f in lint({"pool.md": alone}, "DL204")] == [8]


def test_a_near_copy_in_another_entry_of_one_list_is_the_statement_fitted_to_it():
    text = ("# Build tools\n\n"
            "* The generator stores the build tool in the cache so that it may be edited by the user.\n"
            "* The generator stores the build tool in cache so that it may be edited by the user.\n")
    assert lint({"tools.md": text}, "DL202") == []
    # In two paragraphs of prose the sentence is said twice.
    prose = ("# Build tools\n\nThe generator stores the build tool in the cache so that it may be edited "
             "by the user.\n\nThe generator stores the build tool in cache so that it may be edited by "
             "the user.\n")
    assert [f.line for f in lint({"tools.md": prose}, "DL202")] == [5]


def test_a_sentence_that_ends_where_the_source_goes_on_is_a_shorter_statement():
    spec = ("Blocks must begin with the opening line. That is: a single hash, followed by a single space,\n"
            "followed by three forward slashes, followed by a single space, followed by the type.\n"
            "The closing line must come last. That is: a single hash, followed by a single space,\n"
            "followed by three forward slashes. Letters alone may name a kind.\n")
    assert lint({"spec.md": spec}, "DL204") == []
    # The same words pasted as a line of their own end where the source's line ended.
    pasted = spec + "\nfollowed by three forward slashes, followed by a single space, followed by\n"
    assert [f.line for f in lint({"spec.md": pasted}, "DL204")] == [6]


def test_pages_without_titles_whose_file_names_share_a_word_are_on_one_topic():
    note = "The upload ID is returned by the initiate-multipart-upload command and is needed here."
    abort = f"The following command deletes an in-progress upload.\n\n{note}\n"
    complete = f"The following command finishes an upload from its parts.\n\n{note}\n"
    assert lint({"glacier/abort-multipart-upload.rst": abort,
                 "glacier/complete-multipart-upload.rst": complete}, "DL201") == []
    # Under names that share nothing (or only a name every site uses) it was pasted
    # into the wrong page.
    volumes = f"The following command lists the volumes of an account.\n\n{note}\n"
    assert len(lint({"glacier/abort-upload.rst": abort, "ec2/describe-volumes.rst": volumes}, "DL201")) == 1
    assert len(lint({"a/index.rst": abort, "b/index.rst": volumes}, "DL201")) == 1
    assert lint({"a/abort-upload.rst": abort, "b/upload-volumes.rst": volumes}, "DL201") == []


def test_a_copy_under_an_entry_named_after_the_guide_section_is_on_one_topic():
    note = "Note that filtered warnings do not count toward this maximum total of warnings."
    guide = ("# How to capture warnings\n\n## Setting a maximum number of warnings\n\n"
             f"Use the command-line option to fail the run above a threshold.\n\n{note}\n")
    reference = ("# API reference\n\n## Configuration options\n\n### `{name}`\n\n"
                 f"The number of warnings allowed before the run fails.\n\n{note}\n")
    # The entry's name, code as it is, says what it is about.
    assert lint({"how-to/capture-warnings.md": guide,
                 "reference.md": reference.format(name="max_warnings")}, "DL201") == []
    # Under an entry named for something else the note was pasted into the wrong page.
    assert len(lint({"how-to/capture-warnings.md": guide,
                     "reference.md": reference.format(name="junit_family")}, "DL201")) == 1


def test_a_statement_made_in_two_parallel_paragraphs_is_not_reported():
    text = ("# Stat time values\n\n"
            "The millisecond properties are numeric values that hold the corresponding times in "
            "milliseconds. Their precision depends on the platform and the file system in use.\n\n"
            "The nanosecond properties are numeric values that hold the corresponding times in "
            "nanoseconds. They are only present when big integers are asked for. Their precision "
            "depends on the platform and the file system in use.\n")
    assert lint({"stat.md": text}, "DL201") == []
    # Beside sentences that say something else, and not closing its paragraph as the
    # other copy does, the copy is said twice.
    other = text.replace("The nanosecond properties are numeric values that hold the corresponding times in "
                         "nanoseconds. They are only present when big integers are asked for. Their precision "
                         "depends on the platform and the file system in use.",
                         "Dates are shown in the local time zone of the machine. Their precision depends on "
                         "the platform and the file system in use. They are only present when asked for.")
    assert [f.line for f in lint({"stat.md": other}, "DL201")] == [5]


def test_a_sentence_in_two_object_descriptions_of_a_reference_is_one_statement_for_each():
    text = ("GeoIP2\n======\n\nThe class looks up where an address is.\n\n"
            ".. method:: GeoIP2.coords(query)\n\n"
            "   Returns a coordinate tuple made of the longitude and the latitude.\n\n"
            ".. method:: GeoIP2.lon_lat(query)\n\n"
            "   Kept for older callers. Returns a coordinate tuple made of the longitude and the latitude.\n")
    assert lint({"geoip2.rst": text}, "DL201") == []
    # Entries whose bodies are not indented (the paragraphs after each signature).
    flat = text.replace("\n   ", "\n")
    assert lint({"geoip2.rst": flat}, "DL201") == []
    # Under section titles of prose the same copy is a repeat.
    prose = flat.replace(".. method:: GeoIP2.coords(query)", "Coordinates\n-----------") \
                .replace(".. method:: GeoIP2.lon_lat(query)", "Older calls\n-----------")
    assert len(lint({"geoip2.rst": prose}, "DL201")) == 1


def test_a_credit_under_each_entry_of_a_changelog_is_a_remark_on_each():
    log = ("Changes\n=======\n\n"
           "- The result cache can now be pickled between workers.\n\n"
           "    Fix contributed by Ann Lee of the storage team.\n\n"
           "- The stats broadcast command now includes the process id.\n\n"
           "    Fix contributed by Ann Lee of the storage team.\n")
    assert lint({"history.rst": log}, "DL201") == []
    # An entry pasted twice repeats its opening too.
    twice = log.replace("The stats broadcast command now includes the process id.",
                        "The result cache can now be pickled between workers.")
    assert [f.line for f in lint({"history.rst": twice}, "DL201")] == [8]


def test_a_remark_under_entries_whose_openings_are_too_short_to_compare_is_one_on_each():
    # ":class:`State` is now pickleable." has too few words of prose to be compared, so
    # the sentence before each credit is not its entry's: the block says whose it is.
    log = ("Changes\n=======\n\n"
           "- :class:`celery.events.state.State` is now pickleable.\n\n"
           "    Fix contributed by Ann Lee of the storage team.\n\n"
           "- :class:`celery.utils.functional.LRUCache` is now pickleable.\n\n"
           "    Fix contributed by Ann Lee of the storage team.\n")
    assert lint({"history.rst": log}, "DL201") == []


@pytest.mark.parametrize("name, marker", [("2.4.0.txt", " * "), ("notes.md", "* ")])
def test_the_next_paragraph_of_each_entry_makes_a_remark_on_each(name, marker):
    indent = " " * len(marker)
    notes = ("Updates since v2.3\n------------------\n\n"
             f"{marker}Output from the log command now tells a detached HEAD from a HEAD\n"
             f"{indent}that points at a branch.\n\n"
             f"{indent}This is a potentially backward-incompatible change; see above for more information.\n\n"
             f"{marker}The branch command now agrees with the status command on a detached\n"
             f"{indent}HEAD that has not moved since it was detached.\n\n"
             f"{indent}This is a potentially backward-incompatible change; see above for more information.\n")
    assert lint({name: notes}, "DL201") == []
    # Under the list, at the margin, the same sentence is the notes' own, and a repeat.
    after = notes + "\nThis is a potentially backward-incompatible change; see above for more information.\n"
    assert [f.line for f in lint({name: after}, "DL201")] == [14]


def test_an_entry_of_a_reference_restates_what_its_guide_said_above_it():
    guide = ("# Node-API\n\n## Return values\n\n"
             "Every call returns a status code that says whether it succeeded.\n\n"
             "Do not rely on the content or format of the extended information, which may change at any time.\n\n"
             "## Functions\n\n"
             "{title}\n\n"
             "Returns the extended information of the last call that failed.\n\n"
             "Do not rely on the content or format of the extended information, which may change at any time.\n")
    for title in ("### `napi_get_last_error_info`", "### Class: `ErrorInfo`",
                  "### `napi_get_last_error_info`\n\nReads the status.\n\n#### Working with threads"):
        assert lint({"n-api.md": guide.format(title=title)}, "DL201") == []
    # Under a title of prose, even one that names some code, the copy is a repeat.
    for title in ("### Reading the extended information", "### The `napi_extended_error_info` structure"):
        assert [f.line for f in lint({"n-api.md": guide.format(title=title)}, "DL201")] == [15]
    # ... and so is one in a section under a title of prose.
    nested = guide.format(title="### Reading the extended information\n\nReads the status.\n\n#### Working with threads")
    assert [f.line for f in lint({"n-api.md": nested}, "DL201")] == [19]


SYNOPSES = """cmake_path
==========

Native Conversion
-----------------

For commands in this section, *native* refers to the host platform.

::

  cmake_path(NATIVE_PATH <path-var> [NORMALIZE] <out-var>)

Converts a cmake-style path into a native path with platform-specific slashes.

When the NORMALIZE option is specified, the path is normalized before the conversion.

::

  cmake_path(CONVERT <input> TO_CMAKE_PATH_LIST <out-var> [NORMALIZE])

Turns a search path such as the PATH environment variable into a list of entries.

When the NORMALIZE option is specified, the path is normalized before the conversion.
"""


def test_a_remark_in_the_same_place_after_two_synopses_is_one_on_each():
    assert lint({"cmake_path.rst": SYNOPSES}, "DL201") == []
    # Right after the second synopsis, in another place, the remark is a repeat.
    moved = SYNOPSES.replace(
        "Turns a search path such as the PATH environment variable into a list of entries.\n\n"
        "When the NORMALIZE option is specified, the path is normalized before the conversion.\n",
        "When the NORMALIZE option is specified, the path is normalized before the conversion.\n\n"
        "Turns a search path such as the PATH environment variable into a list of entries.\n")
    assert [f.line for f in lint({"cmake_path.rst": moved}, "DL201")] == [21]


def test_a_closing_paragraph_of_several_sentences_after_two_synopses_is_one_on_each():
    remark = ("When the NORMALIZE option is specified, the path is normalized before the conversion. "
              "If the optional CACHE argument is given, the result is added to the cache.")
    page = SYNOPSES.replace(
        "When the NORMALIZE option is specified, the path is normalized before the conversion.", remark)
    assert lint({"cmake_path.rst": page}, "DL201") == []
    # Right after the second synopsis, in another place, the paragraph is a repeat.
    moved = page.replace(
        "Turns a search path such as the PATH environment variable into a list of entries.\n\n"
        + remark + "\n",
        remark + "\n\nTurns a search path such as the PATH environment variable into a list of entries.\n")
    assert [f.line for f in lint({"cmake_path.rst": moved}, "DL201")] == [21]


def test_a_heading_is_no_code_that_opens_an_entry():
    from doclint.families.duplication.entries import block_numbers
    from doclint.families.duplication.synopses import code_slots
    doc = document_from_text("cmake_path.rst", SYNOPSES)
    # The paragraph under the section title: 0; after each synopsis: the first of two
    # (16 * 1 + 1 after it), then the second and last (16 * 2 + 0).
    assert code_slots(doc, block_numbers(doc))[-5:] == [0, 17, 32, 17, 32]
    page = "Sponsor\n=======\n\nThe project is run by volunteers.\n\nMoney also funds sprints.\n"
    sponsor = document_from_text("sponsor.rst", page)
    assert set(code_slots(sponsor, block_numbers(sponsor))) == {0}


def test_code_that_differs_in_case_names_another_thing():
    text = ("Close the popup when the cursor moves outside the `<cword>` under it.\n"
            "Scrolling does not count as a move.\n"
            "Close the popup when the cursor moves outside the `<cWORD>` under it.\n")
    assert lint({"popup.md": text}, "DL201") == []
    assert lint({"popup.md": text}, "DL202") == []
    # The same code twice is a repeat.
    assert len(lint({"popup.md": text.replace("<cWORD>", "<cword>")}, "DL201")) == 1


def test_quoted_symbols_are_what_a_sentence_is_about():
    text = ('The "|" character separates two commands. To include the "|" in the option value, use "\\|" instead.\n'
            "Options are set from left to right.\n"
            "A double quote starts a comment. To include the '\"' in the option value, use '\\\"' instead.\n")
    assert lint({"options.txt": text}, "DL201") == []
    assert lint({"options.txt": text}, "DL202") == []
    # The same symbols twice are a repeat.
    assert len(lint({"options.txt": text + 'To include the "|" in the option value, use "\\|" instead.\n'},
                    "DL201")) == 1


def test_option_entries_of_vims_help_restate_a_remark_with_their_own_name():
    # Each entry names its own option where the other names its own: parallel entries,
    # not a paste. Read as words, the two names looked like a misspelling of one word.
    entry = ("\t\t\t\t\t\t*'{o}'*\n'{o}'\t\tstring\t(default \"\")\n\t\t\tglobal\n"
             "\tString to be used to put the output of a filter in a file.\n"
             "\tThe initialization of this option is done after reading the vimrc file, so that "
             "when the 'shell' option is set there, the '{o}' option changes automatically.\n\n")
    text = ("*options.txt*\tFor Vim version 9.0.\n\n" + entry.format(o="shellpipe")
            + entry.format(o="shellredir").replace("String to be used to put the output of a filter in a file.",
                                                   "Text that puts the output of a filter in a file.\n\n"
                                                   "\tThe default is a greater-than sign for every shell.")
            + " vim:tw=78:ts=8:noet:ft=help:norl:\n")
    assert lint({"options.txt": text}, "DL202") == []
    # The remark slipped into the same entry with one word dropped is still reported.
    slipped = text.replace("global\n\tText that puts",
                           "global\n\tThe initialization of this option is done after reading the vimrc "
                           "file, so that when the 'shell' option is set, the 'shellredir' option changes "
                           "automatically.\n\tText that puts")
    assert len(lint({"options.txt": slipped}, "DL202")) == 1


def test_an_intro_to_an_example_of_vims_help_is_not_compared():
    text = ("*quake.txt*\tQuake syntax\n\n"
            "The syntax file covers all three games.\n\n"
            "set to highlight commands only available in Quake: >\n\t:let quake_is_quake1 = 1\n\n"
            "set to highlight commands only available in Quake 2: >\n\t:let quake_is_quake2 = 1\n\n"
            " vim:tw=78:ts=8:noet:ft=help:norl:\n")
    assert lint({"quake.txt": text}, "DL202") == []
    # The colon before the " >" that opens the example makes the intro; a sentence
    # that ends in a full stop before an example is still compared.
    from doclint.families.duplication.kind import _introduces
    assert _introduces("available in Quake: >", 21) and _introduces("available in Quake:", 19)
    assert not _introduces("available in Quake. >", 21) and not _introduces("if a -> b", 9)


def test_a_reference_page_repeats_its_lead_where_its_description_begins():
    page = ("get_target_property\n-------------------\n\nGet a property from a target of the project.\n\n"
            "::\n\n  get_target_property(<VAR> target property)\n\n"
            "Get a property from a target of the project.  The value is stored in the variable.\n\n"
            "If the property is not found, the variable is set to the not-found value.\n")
    assert lint({"get_target_property.rst": page}, "DL201") == []
    # Further on, a copy of the lead is a slip.
    later = page + "\nGet a property from a target of the project.\n"
    assert [f.line for f in lint({"get_target_property.rst": later}, "DL201")] == [14]
    # A note set apart above the lead does not move it.
    noted = page.replace("\n\nGet a property from a target of the project.\n\n::",
                         "\n\n.. deprecated:: 3.0\n\n  Use the target_property command instead.\n\n"
                         "Get a property from a target of the project.\n\n::", 1)
    assert lint({"get_target_property.rst": noted}, "DL201") == []


# (Without Node's "as described below", which makes the sentence a pointer wherever
# it stands: see test_a_sentence_that_points_elsewhere_in_its_page_is_a_pointer...)
STEPS = "It automates the remaining steps until step 6, or you can perform them by hand."
RELEASE_PAGE = f"""# Preparing a release

If you prefer to run it locally, you can run the prepare command:

```bash
git node release --prepare x.y.z
```

{STEPS}

## Security releases

A security release is prepared from the private fork of the repository.

Example:

```bash
git node release --prepare --security --filterLabel v20.x
```

{STEPS}
"""


def test_the_same_remark_under_two_commands_is_structure_even_under_a_label():
    # Each copy opens the paragraph right after an example ("Example:" reads as a
    # heading over the code): the remark on each way of running the step.
    assert lint({"releases.md": RELEASE_PAGE}, "DL201") == []
    # After prose instead of code the copy is a repeat.
    pasted = RELEASE_PAGE.replace("```bash\ngit node release --prepare --security --filterLabel v20.x\n```\n\n", "")
    assert [f.line for f in lint({"releases.md": pasted}, "DL201")] == [17]
    # A paragraph that opens with a sentence of its own and only then repeats is no
    # such remark either.
    opened = RELEASE_PAGE.replace(f"v20.x\n```\n\n{STEPS}", f"v20.x\n```\n\nThe labels filter the fixes. {STEPS}")
    assert len(lint({"releases.md": opened}, "DL201")) == 1


ASSERTIONS = """\
# Assertions

## `check.looseEqual(actual, expected)`

**Legacy mode**

Values are converted before they are compared, so `1` and `"1"` are equal.
Consider using `check.strictEqual()` instead. Its results hold fewer surprises.

_Loose equality_ means that the properties of child objects are also compared by these rules.

## `check.strictEqual(actual, expected)`

Values are converted before they are compared, so `1` and `"1"` are equal.
"Loose" equality means that the properties of child objects are compared also by these rules.

## `check.throws(fn)`

Expects the function `fn` to throw an error when it is called.
"""


def test_a_near_copy_in_entries_that_share_a_reused_sentence_is_not_reported():
    # The two entries say "Values are converted ..." word for word: parallel entries,
    # whose next statement is fitted to each.
    assert lint({"check.md": ASSERTIONS}, "DL202") == []
    # The same near copy in an entry that shares nothing else with the first.
    pasted = ASSERTIONS.replace("Values are converted before they are compared, so `1` and `\"1\"` are equal.\n"
                                "\"Loose\" equality",
                                "Strict comparison never converts its values.\n\n\"Loose\" equality")
    assert [(f.line, f.related[0].line) for f in lint({"check.md": pasted}, "DL202")] == [(16, 10)]


def test_a_statement_under_sections_named_by_lists_of_types_is_reference_text():
    page = ("Built-in types\n==============\n\n"
            "int, bool\n---------\n\nArithmetic operations as well as truth values are supported.\n\n"
            "The following attributes and methods are supported:\n\n* ``.conjugate()``\n* ``.real``\n\n"
            "float, complex\n--------------\n\nArithmetic operations as well as truth values are supported.\n\n"
            "The following attributes and methods are supported:\n\n* ``.conjugate()``\n* ``.imag``\n")
    assert lint({"types.rst": page}, "DL201") == []
    # Under two titles of prose the copy is still a slip.
    prose = page.replace("int, bool\n---------", "Numbers\n-------").replace(
        "float, complex\n--------------", "Strings\n-------")
    assert [f.line for f in lint({"types.rst": prose}, "DL201")] == [17]


def test_a_near_copy_that_leaves_out_a_qualifier_says_something_else():
    fields = ("A DateTimeField that will automatically set its date when the object is first saved to the database.\n"
              "It works in the same way as the auto_now_add keyword.\n"
              "A DateTimeField that will automatically set its date when an object is saved to the database.\n")
    assert lint({"a.txt": fields}, "DL202") == []
    # Another article alone is a slip.
    slip = fields.replace("when an object is saved", "when an object is first saved")
    assert [f.line for f in lint({"a.txt": slip}, "DL202")] == [3]


def test_where_the_documentation_is_said_again_at_the_end_of_a_readme_is_a_pointer():
    readme = ("# REST framework\n\nA toolkit for building Web APIs.\n\n"
              "Full documentation for the project is available at [the site][docs].\n\n"
              "# Requirements\n\nPython and Django.\n\n# Documentation & Support\n\n"
              "Full documentation for the project is available at [the site][docs].\n\n"
              "[docs]: https://example.org/\n")
    assert lint({"README.md": readme}, "DL201") == []
    assert len(lint({"README.md": readme}, "DL201", pointers=["see"])) == 1
