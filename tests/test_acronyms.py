"""Schwartz & Hearst definition finding, and the acronym rules DL410-DL412."""
from __future__ import annotations

from doclint.families.naming.acronyms import best_long_form, find_definitions, valid_short

ARTICLE = """Warning against the revival of the group in Syria, the Iraqi minister raised his voice.
He said the prisoners were held by Kurdish-led militants from the so-called Syrian Democratic Forces (SDF) in northern Syria.
The HTS was occupying some territories in northern Syria when it was pushed back in 2011.
The HTS has always claimed that it would respect the rights of all sects.
"""


def defs(text):
    return [(d.short, d.long) for d in find_definitions(text)]


def test_long_form_then_short_form():
    assert defs("Fighters of the Syrian Democratic Forces (SDF) held the town.") == [
        ("SDF", "Syrian Democratic Forces")]
    assert defs("We use the Hypertext Transfer Protocol (HTTP) everywhere.") == [
        ("HTTP", "Hypertext Transfer Protocol")]


def test_short_form_then_long_form():
    assert defs("The HTS (Hayat Tahrir al-Sham) took the city.") == [("HTS", "Hayat Tahrir al-Sham")]


def test_short_form_before_the_parenthesis_across_a_line_break_and_punctuation():
    text = "Members of the HTS,\n(Hayat Tahrir al-Sham) took the city."
    [found] = find_definitions(text)
    assert (found.short, found.long) == ("HTS", "Hayat Tahrir al-Sham")
    assert text[found.short_start:found.short_end] == "HTS" and found.start == text.index("HTS")
    assert defs("(Hayat Tahrir al-Sham) took the city.") == []  # no word before it


def test_text_after_a_semicolon_or_comma_is_cut():
    assert defs("The Food and Drug Administration (FDA; formerly the Bureau of Chemistry) ruled.") == [
        ("FDA", "Food and Drug Administration")]


def test_first_character_must_start_a_word():
    # "heat sHock Protein" must not be taken: the H of HSP has to begin a word.
    assert best_long_form("HSP", "heat shock protein") == "heat shock protein"
    assert best_long_form("PC", "a topic") is None
    assert best_long_form("HTS", "the shots") is None  # no word starts with h


def test_long_form_spans_hard_wrapped_lines():
    assert defs("Reports from the World Health\nOrganization (WHO) arrived.") == [
        ("WHO", "World Health Organization")]


def test_parentheses_that_are_no_definition():
    assert defs("It costs a lot (about five dollars).") == []
    assert defs("See the APIs (see API classification) first.") == []
    assert defs("The tool (written in Go) is fast.") == []
    # An identifier or a number after an acronym names one of its kind.
    assert defs("Peer your VPC (vpc-1a2b3c4d) with a VPC (vpc-11122233) in us-west-2.") == []
    assert defs("It listens on a TCP port (tcp6) of the host.") == []


def test_glossary_entries_count_as_definitions():
    assert defs("AGM: Annual General Meeting, a yearly event for all maintainers.") == [
        ("AGM", "Annual General Meeting")]
    assert defs("LE: Little Endian byte order.") == [("LE", "Little Endian")]
    assert defs("HTTPS: HTTP Secure, the default.") == [("HTTPS", "HTTP Secure")]


def test_lower_case_words_in_parentheses_are_no_short_forms():
    assert defs("refactor to use more primordials in internal/histogram.js (raisinten)") == []
    assert defs("Severity is rated as the highest grade (High) by the team.") == []


def test_short_form_validity():
    assert valid_short("SDF") and valid_short("H2O")
    assert not valid_short("A") and not valid_short("about five dollars") and not valid_short("-x")


def test_sample_article_reports_hts_at_its_first_use(lint_text):
    found = lint_text(ARTICLE, "DL410")
    assert [(f.line, f.snippet) for f in found] == [(3, "HTS")]
    assert "'HTS' is used 2 times but never defined" in found[0].message


def test_known_acronyms_headings_and_single_mentions_are_quiet(lint_text):
    text = ("# The XYZ Guide\n\nThe Project Leadership Committee (PLC) meets in the US and the EU. "
            "It publishes HTML and a PDF. The QRS team attended once.\n")
    assert lint_text(text, "DL410", fmt="markdown", name="guide.md") == []


def test_documents_that_define_nothing_are_left_alone_by_default(lint_text):
    text = "Run the BTB job. The BTB job uploads bottles. Ask the PLC if the BTB job fails.\n"
    assert lint_text(text, "DL410") == []
    found = lint_text(text, "DL410", min_defined_share=0)
    assert [f.snippet for f in found] == ["BTB"]


def test_words_in_capitals_and_roman_numerals_are_not_acronyms(lint_text):
    text = ("The Syrian Democratic Forces (SDF) replied. ERROR messages and ERROR codes were shown. "
            "Henry VIII and Henry VIII's court. WARNING: this is LOUD TEXT and MORE LOUD TEXT.\n")
    assert lint_text(text, "DL410") == []


def test_nota_bene_is_an_everyday_abbreviation(lint_text):
    text = ("The Python Package Index (PyPI) hosts the files.\n\n"
            "NB: English includes British English. NB: some answers were merged.\n")
    assert lint_text(text, "DL410", fmt="markdown", name="survey.md") == []


def test_two_letter_function_words_in_capitals_are_values_not_acronyms(lint_text):
    text = ("The Debian Package Archive (DPA) lists the fields below.\n\n"
            "* Mandatory : NO\n* Default : none\n\n"
            "* Mandatory : NO\n* Default : the project version\n")
    assert lint_text(text, "DL410", fmt="markdown", name="deb.md") == []
    # A two-letter acronym is still one ("the IO layer").
    io = text.replace("* Default : none", "* Default : the IO layer").replace(
        "the project version", "the IO layer of the host")
    assert [f.snippet for f in lint_text(io, "DL410", fmt="markdown", name="deb.md")] == ["IO"]


def test_plural_uses_count_for_the_acronym(lint_text):
    text = ("The Project Leadership Committee (PLC) met. Two SREs and one SRE joined the call.\n")
    found = lint_text(text, "DL410")
    assert [f.snippet for f in found] == ["SRE"]


def test_use_before_definition(lint_text):
    text = ("The PLC meets every month.\n\nThe Project Leadership Committee (PLC) decides on the "
            "budget. The PLC also elects the leader.\n")
    found = lint_text(text, "DL411")
    assert [(f.line, f.snippet) for f in found] == [(1, "PLC")]
    assert "line 3" in found[0].message and found[0].related[0].line == 3
    assert lint_text(text, "DL410") == []


def test_conflicting_definitions(lint_text):
    text = ("The Project Leadership Committee (PLC) sets the budget. The new Programmable Logic "
            "Controller (PLC) was installed. The Project leadership committees (PLC) met.\n")
    found = lint_text(text, "DL412")
    assert len(found) == 1
    assert "'Programmable Logic Controller'" in found[0].message
    assert "'Project Leadership Committee'" in found[0].message


def test_glossary_forms_in_parentheses_and_emphasis():
    assert defs("Disks use a partition table (GPT: GUID Partition Table) today.") == [
        ("GPT", "GUID Partition Table")]
    assert defs("GPT:  GUID Partition Table  is the layout of the disk.") == [
        ("GPT", "GUID Partition Table")]


def test_glossary_with_emphasis_defines_the_acronym(lint_text):
    text = ("The Project Leadership Committee (PLC) owns the disks. GPT: *GUID Partition Table*, "
            "the layout. Every GPT disk has a backup GPT header at its end.\n")
    assert lint_text(text, "DL410", fmt="markdown", name="disks.md") == []


def test_words_after_the_spelling_are_no_long_form():
    # The long form must end with a word that holds the acronym's last letter.
    found = find_definitions("It may hold any character other than `U+000D` (CR) here.")
    assert [d.spelled for d in found] == [False]
    assert defs("the assigned value operand (the RHS) of an assignment") == []


def test_an_introduction_that_does_not_spell_the_acronym_defines_it(lint_text):
    text = ("Police said the suspect fled, the French news agency (AFP) reported. The AFP "
            "later quoted a witness, and the AFP photographer saw the car.\n")
    assert lint_text(text, "DL410", min_defined_share=0) == []
    assert lint_text(text, "DL412") == []


def test_news_style_full_name_before_the_bare_acronym(lint_text):
    text = ("The European Space Agency launched the probe on Monday. Engineers at the ESA said "
            "the probe was healthy, and the ESA will publish images next week.\n")
    assert lint_text(text, "DL410", min_defined_share=0) == []
    # The name must come first: the bare acronym before it is still undefined.
    late = ("Engineers at the ESA said the probe was healthy, and the ESA will publish images. "
            "The European Space Agency launched it.\n")
    assert [f.snippet for f in lint_text(late, "DL410", min_defined_share=0)] == ["ESA"]


def test_use_in_the_defining_sentence_is_not_early(lint_text):
    text = ("Homebrew's MCP Server is the official MCP ([Model Context Protocol](https://example.org/)) "
            "server for Homebrew. Start the MCP server with one command.\n")
    assert lint_text(text, "DL411", fmt="markdown", name="mcp.md") == []


def test_plural_singular_and_markup_are_one_definition(lint_text):
    text = ("Some *Dynamically Sized Types* (DSTs) have no static size. A dynamically sized "
            "type (DST) lives behind a pointer. The **Global Interpreter Lock** (GIL) is held; "
            "the global interpreter lock (GIL) is released for I/O.\n")
    assert lint_text(text, "DL412", fmt="markdown", name="types.md") == []
    # So is a name written with a hyphen and without.
    text = ("**To add a client ID to an Open-ID Connect (OIDC) provider**\n\n"
            "For more information, see Creating OpenID Connect (OIDC) identity providers.\n")
    assert lint_text(text, "DL412", fmt="markdown", name="oidc.md") == []


def test_messy_whitespace_is_normalised_in_the_long_form():
    assert defs("the [temporary   scope]\n  of the  Release Candidate (RC) branch") == [
        ("RC", "Release Candidate")]


def test_shipped_known_list_covers_common_technical_acronyms(lint_text):
    text = ("Every build keeps the ABI stable on POSIX systems. A change to the ABI needs a "
            "vote, and POSIX shells run the checks.\n")
    assert lint_text(text, "DL410", min_defined_share=0) == []
    found = lint_text(text, "DL410", min_defined_share=0, shipped_known=False)
    assert sorted(f.snippet for f in found) == ["ABI", "POSIX"]


def test_known_list_builder_counts_undefined_and_defined_documents(tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
    from known_acronyms import count

    for n in range(3):
        (tmp_path / f"page{n}.md").write_text(
            f"Page {n} keeps the QXZ stable. Every QXZ change needs a vote.\n", encoding="utf-8")
    (tmp_path / "intro.md").write_text(
        "The Quick Xylophone Zone (QXZ) is a tool. The Wide Open Lane (WOL) is another; "
        "the WOL runs daily.\n", encoding="utf-8")
    undefined, defined, files = count([str(tmp_path)])
    assert files == 4
    assert undefined["QXZ"] == 3 and defined["QXZ"] == 1
    assert undefined["WOL"] == 0 and defined["WOL"] == 1


def test_early_use_needs_a_spelled_definition(lint_text):
    text = ("Set the DH group first. Later the key exchange takes a prime parameter (DH) "
            "from the server, and the DH values are checked.\n")
    assert lint_text(text, "DL411") == []


def test_shipped_list_does_not_open_reference_pages_to_the_undefined_check(lint_text):
    # A page that spells out one acronym and leaves its jargon undefined (ABI and CRL
    # are common in such pages) follows the reference convention: the shipped list
    # exempts ABI from reports, but it still counts towards the page's defined share.
    text = ("The Certificate Authority (CA) signs the key. The ABI of the module is stable, "
            "the ABI version is bumped on change. Fetch the CRL first; a CRL lists revoked "
            "keys.\n")
    assert lint_text(text, "DL410") == []


def test_a_long_form_with_a_word_the_acronym_skips_introduces_it_without_spelling_it_out():
    def spelled(text):
        return [(d.short, d.long, d.spelled) for d in find_definitions(text)]
    assert spelled("*** survive recent (SVN) Twisted versions") == [("SVN", "survive recent", False)]
    assert spelled("a priority for issues/pull requests (PR).") == [("PR", "issues/pull requests", False)]
    assert spelled("MF4 (Measurement Data Format v4) is a format.") == [("MF4", "Measurement Data Format v4", False)]
    assert spelled("The SVN (Subversion) step is unified.") == [("SVN", "Subversion", True)]
    assert spelled("Ahead-of-Time (AOT) compilation is faster.") == [("AOT", "Ahead-of-Time", True)]
    assert spelled("The Department of Homeland Security (DHS) said so.") == [
        ("DHS", "Department of Homeland Security", True)]


def test_a_file_name_or_identifier_is_no_long_form():
    assert defs("IPC: workers.ipc") == []
    assert defs("IPC: publish_pull.ipc") == []
    assert defs("LE: Little Endian") == [("LE", "Little Endian")]


def test_a_label_followed_by_words_that_do_not_spell_it_out_is_no_glossary_entry():
    assert defs("VMS: Vimdiff doesn't work with the VMS diff.") == []
    assert defs("AGM: Annual General Meeting of the members.") == [("AGM", "Annual General Meeting")]
