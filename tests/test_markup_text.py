"""Tests for the plain-text reader."""
from __future__ import annotations

from doclint.markup import READERS, reader_for
from doclint.markup.base import CODE_MASK
from doclint.markup.text import parse

WRAPPED = """\
Release Notes for Widget 2.0

This release of the widget toolkit brings a number of improvements to
the rendering engine; see https://widget.example.org/notes for details
or write to team@widget.example.org with questions.

Changes include:

- Faster startup on
  older machines
- A new theme engine.
1. Numbered entry.

Installation

Run the installer and follow the prompts.
"""

NEWS = """\
Markets rally as central bank holds rates
Stocks rose sharply on Tuesday after the central bank left interest rates unchanged, citing a slowdown in inflation across most sectors.
Analysts said the decision was widely expected and that investors would now focus on the outlook for the second half of the year.
"We are cautiously optimistic," said one fund manager in London, adding that volatility could return quickly.
Oil prices were little changed.
"""


def blocks_of(text: str) -> list[tuple[str, str]]:
    return [(b.kind, text[b.start:b.end]) for b in parse(text).blocks]


def assert_masked_as_code(text: str, masked: str, names) -> None:
    """Each of `names` (its first place in `text`) is masked as code."""
    for name in names:
        at = text.index(name)
        assert masked[at:at + len(name)] == CODE_MASK * len(name), name


def test_wrapped_text_titles_and_lists() -> None:
    assert blocks_of(WRAPPED) == [
        ("heading", "Release Notes for Widget 2.0"),
        ("paragraph", "This release of the widget toolkit brings a number of improvements to\n"
                      "the rendering engine; see https://widget.example.org/notes for details\n"
                      "or write to team@widget.example.org with questions."),
        ("paragraph", "Changes include:"),
        ("list-item", "Faster startup on\n  older machines"),
        ("list-item", "A new theme engine."),
        ("list-item", "Numbered entry."),
        ("heading", "Installation"),
        ("paragraph", "Run the installer and follow the prompts."),
    ]


def test_urls_and_emails_masked_and_length_kept() -> None:
    parsed = parse(WRAPPED)
    assert len(parsed.masked) == len(WRAPPED)
    assert [i for i, c in enumerate(parsed.masked) if c == "\n"] == \
        [i for i, c in enumerate(WRAPPED) if c == "\n"]
    para = parsed.blocks[1]
    masked = parsed.masked[para.start:para.end]
    assert "see " + CODE_MASK * len("https://widget.example.org/notes") + " for" in masked
    assert "to " + CODE_MASK * len("team@widget.example.org") + " with" in masked
    bullet = WRAPPED.index("- Faster")
    assert parsed.masked[bullet] == " "


def test_news_dump_gives_one_block_per_line() -> None:
    lines = NEWS.splitlines()
    assert blocks_of(NEWS) == [("heading", lines[0])] + [("paragraph", line) for line in lines[1:]]


def test_a_sentence_wrapped_onto_a_lower_case_line_is_no_line_per_paragraph() -> None:
    # Four of the five lines end a sentence, as in a news dump, but the first goes on
    # into the second: the run is hard-wrapped.
    doc = ("When on, the cd commands without an argument change the\n"
           "current working directory to the home directory like in Unix.\n"
           "When off, those commands just print the current directory name.\n"
           "On Unix this option has no effect.\n"
           "This option is reset when compatible is set.\n")
    assert blocks_of(doc)[0] == ("paragraph", "\n".join(doc.splitlines()[:4]))


def test_paragraphs_without_blank_lines_split_at_short_sentence_end() -> None:
    doc = ("The first paragraph is wrapped at a fixed width and goes on for\n"
           "a while before it ends.\n"
           "Then a second paragraph starts on the next line and it is wrapped\n"
           "in the same way as the first one, ending here.\n")
    lines = doc.splitlines()
    assert blocks_of(doc) == [("paragraph", "\n".join(lines[:2])), ("paragraph", "\n".join(lines[2:]))]


def test_single_line_is_a_paragraph() -> None:
    assert blocks_of("Just one line of text without a full stop") == \
        [("paragraph", "Just one line of text without a full stop")]


def test_reader_for_defaults_to_text() -> None:
    assert reader_for("notes.txt") is parse
    assert reader_for("LICENSE") is parse
    assert set(READERS) == {"markdown", "rst", "text"}


def test_hash_heading_lines_in_text_dumps() -> None:
    text = ("# Opening ceremony\n\nThe ceremony began with a countdown.\n\n"
            "## Entry of the National flag\nTwelve children carried the flag into the stadium.\n")
    assert blocks_of(text) == [
        ("heading", "Opening ceremony"),
        ("paragraph", "The ceremony began with a countdown."),
        ("heading", "Entry of the National flag"),
        ("paragraph", "Twelve children carried the flag into the stadium."),
    ]
    assert "#" not in parse(text).masked


def test_wrapped_enumerator_is_no_list_item() -> None:
    text = ("The survey was published in the autumn of\n12. It found the same trend again in the\n"
            "(b) group as before.\n\nThe steps are:\n1. Open the file.\n2. Close it.\n")
    parsed = parse(text)
    assert [(b.kind, text[b.start:b.end]) for b in parsed.blocks] == [
        ("paragraph", "The survey was published in the autumn of\n12. It found the same trend again "
                      "in the\n(b) group as before."),
        ("paragraph", "The steps are:"),
        ("list-item", "Open the file."),
        ("list-item", "Close it."),
    ]


def test_rst_fragment_in_a_txt_file_is_read_as_rst() -> None:
    fragment = ("See the :manual:`cmake-buildsystem(7)` manual for the ``COMPILE_OPTIONS``\n"
                "property.\n\n.. code-block:: cmake\n\n   Directive bodies are not prose.\n")
    parsed = reader_for("OPTIONS_BUILD.txt")(fragment)
    masked = parsed.masked
    assert ":manual:" not in masked and "``" not in masked and "Directive" not in masked
    # one literal alone (a plain text quoting ``this``) keeps the text reader
    plain = "He wrote ``this`` once in a letter.\n"
    assert parse(plain).masked == plain


def test_an_indented_example_after_a_colon_is_not_prose():
    text = ("   Note that it is not necessary to do this; however, at the time of writing,\n"
            "   the package does this:\n\n"
            "       if [ \"$1\" = \"configure\" ]; then\n"
            "         printf \"Rebuilding the database. This may take some time.\\n\"\n"
            "       fi\n\n"
            "   and to retain this behaviour, something along these lines would be sensible.\n\n"
            "   The options are:\n\n"
            "       * verbose output, which prints every step.\n")
    parsed = parse(text)
    prose = [text[b.start:b.end] for b in parsed.blocks]
    assert not any("printf" in p or "configure" in p for p in prose)
    assert any(p.startswith("and to retain") for p in prose)
    assert any(p.startswith("verbose output") for p in prose)  # a list stays prose
    # A tab indents as far as eight columns.
    tabbed = "The cache is read when this function is used:\n\n\tif (get_cache(&cache, NULL) < 0)\n\t\tgoto errout;\n"
    assert [tabbed[b.start:b.end] for b in parse(tabbed).blocks] == ["The cache is read when this function is used:"]
    # The same lines without the colon before them are read as text.
    plain = text.replace("does this:", "does this.")
    assert any("Rebuilding the database" in text[b.start:b.end] for b in parse(plain).blocks)


def test_a_command_indented_a_little_after_a_colon_is_an_example():
    text = ("Generating a key for the RSA algorithm is quite easy, all you have to\n"
            "do is the following:\n\n"
            "  openssl genrsa -des3 -out privkey.pem 2048\n\n"
            "With this variant, you will be prompted for a protecting password.\n")
    prose = [text[b.start:b.end] for b in parse(text).blocks]
    assert not any("openssl" in p for p in prose) and prose[-1].startswith("With this variant")
    # Indented as little, a line of text after a colon is still text.
    quoted = text.replace("openssl genrsa -des3 -out privkey.pem 2048", "the key is written to privkey.pem")
    assert any("privkey.pem" in quoted[b.start:b.end] for b in parse(quoted).blocks)
    # So is the command without the colon that introduces it.
    plain = text.replace("the following:", "the following.")
    assert any("openssl" in plain[b.start:b.end] for b in parse(plain).blocks)


def test_a_call_indented_a_little_after_a_colon_is_an_example():
    text = ("When adding a new step to a factory, either of these are acceptable:\n\n"
            "  f.addStep(ShellCommand(command=\"echo hello, world\", description=\"say hi\"))\n"
            "  f.addStep(ShellCommand, command=\"echo hello, world\", description=\"say hi\")\n\n"
            "but trying to mix these syntaxes is a common misconfiguration.\n")
    prose = [text[b.start:b.end] for b in parse(text).blocks]
    assert not any("addStep" in p for p in prose) and prose[-1].startswith("but trying")
    # A sentence that opens with a call is still prose.
    sentence = text.replace("  f.addStep(ShellCommand, command=\"echo hello, world\", description=\"say hi\")",
                            "  f.addStep(step) adds the step to the factory.")
    assert any("adds the step" in sentence[b.start:b.end] for b in parse(sentence).blocks)


def test_records_of_data_are_not_prose():
    text = ("Test cases for the mapping, one per line.\n\n"
            "XN--2GB08K9W69AGM0G.?; 𐼑ط.?; [P1, V6]; xn--2gb08k9w69agm0g.?; [P1, V6, A3]; ;  # note\n"
            "ß.𐋳; ß.𐋳; [P1, V6]; xn--zca.xn--lgd10cu829c; ; ss.xn--lgd10cu829c;  # ß\n"
            "1.a; ; [C2]; xn--1-5bt6845n.xn--1ug; ; xn--1-5bt6845n.; [] # 1.\n\n"
            "| |   |   \"HIDEventServiceProperties\" = {\"Toggles\"=0,\"JitterNoClick\"=1}\n"
            "| |   |   \"IOUserClientClass\" = {\"Dragging\"=0,\"Delay\"=0}\n")
    prose = [text[b.start:b.end] for b in parse(text).blocks]
    assert prose == ["Test cases for the mapping, one per line."]
    # A sentence that happens to hold a few brackets stays prose.
    one = "Use a[0] or a[1] when the list is short; otherwise iterate over it.\n"
    assert [one[b.start:b.end] for b in parse(one).blocks] == [one.strip()]


def test_help_file_examples_opened_by_a_trailing_angle_bracket_are_not_prose():
    # Vim's help format: " >" at the end of a line opens an example, "<" or text in
    # the first column closes it.
    text = ("A function can be bound to a dictionary in this way: >\n"
            "\t:let counts = {'data': [0, 1, 2, 3]}\n"
            "\t:function counts.len()\n"
            "\t:  return len(self.data)\n"
            "\t:endfunction\n"
            "<\n"
            "The function is then called with the dictionary as self.\n"
            "Another example follows: >\n"
            "\techo counts.len()\n"
            "The result is the number of items.\n\n"
            " vim:tw=78:ts=8:noet:ft=help:norl:\n")
    kinds_texts = blocks_of(text)
    assert all("endfunction" not in t and "echo" not in t for _, t in kinds_texts)
    assert any(t.startswith("The function is then called") for _, t in kinds_texts)
    assert any(t.startswith("The result is the number") for _, t in kinds_texts)
    # A comparison at the end of a line, not followed by an indented block, is text;
    # and outside a help file a trailing ">" opens nothing.
    assert len(blocks_of("The limit holds when x >\nten and the rest of the sentence follows.\n\n"
                         " vim:tw=78:ts=8:noet:ft=help:norl:\n")) == 1
    assert any("endfunction" in t for _, t in blocks_of(text.replace("ft=help", "ft=text")))
    # A blank line may stand between the " >" and the example.
    spaced = text.replace("in this way: >\n", "in this way: >\n\n")
    assert all("endfunction" not in t for _, t in blocks_of(spaced))


def test_help_file_labelled_examples_of_code_are_not_prose():
    # A style guide in Vim's help format shows right and wrong code under a label in
    # the first column; the indented lines under the label go on with the example.
    text = ("Use braces on both blocks of an if/else when one of them has braces:\n\n"
            "Wrong:\t    if (cond) {\n"
            "\t\tcmd;\n"
            "\t    } else\n"
            "\t\tcmd;\n\n"
            "OK:\t    if (cond)\n"
            "\t    {\n"
            "\t\tcmd;\n"
            "\t    }\n\n"
            "Rationale:\tIn Vi the command was read the other way round, so the\n"
            "\t\tbraces make the intent clear.\n\n"
            " vim:tw=78:ts=8:noet:ft=help:norl:\n")
    texts = [t for _, t in blocks_of(text)]
    assert not any("cmd" in t or "cond" in t for t in texts)
    # A label over prose keeps its text.
    assert any(t.startswith("In Vi the command") and "braces make the intent clear." in t for t in texts)


def test_records_of_aligned_fields_are_data_not_prose():
    # A patch log: each entry a title line and fields whose values stand in one column.
    log = ("Patches since the last release are listed below.\n\n"
           "Patch 9.0.0012\n"
           "Problem:    Crash when the cursor is moved after deleting the last line.\n"
           "Solution:   Check the line number before using it.\n"
           "Files:      src/move.c, src/testdir/test_normal.vim\n"
           "            src/edit.c\n\n"
           "The next release will collect these fixes.\n")
    texts = [t for _, t in blocks_of(log)]
    assert texts == ["Patches since the last release are listed below.",
                     "The next release will collect these fixes."]
    # A flat-file database entry names its fields in capitals, without a colon.
    entry = ("An enzyme entry as the database returns it:\n\n"
             "ENTRY       EC 5.4.2.2                  Enzyme\n"
             "NAME        phosphoglucomutase (alpha-D-glucose-1,6-bisphosphate-dependent);\n"
             "            glucose phosphomutase;\n"
             "CLASS       Isomerases;\n"
             "GENES       HSA: 5236(PGM1) 55276(PGM2)\n"
             "            PTR: 456908(PGM1) 461162(PGM2)\n\n"
             "The parser reads each field into a list.\n")
    assert [t for _, t in blocks_of(entry)] == ["An enzyme entry as the database returns it:",
                                                 "The parser reads each field into a list."]
    # A spelling dictionary's word list, one word a line, is no prose either.
    words = "Words the spell checker accepts:\n\nSubclassing\nSylvain\nTODO\nTOML\nTaskError\n"
    assert [t for _, t in blocks_of(words)] == ["Words the spell checker accepts:"]
    assert blocks_of("Installation\nUsage\n") == [("paragraph", "Installation\nUsage")]  # not yet a list
    # One "Note:" with an aligned value in a paragraph of prose stays prose.
    prose = "Note:  the cache is flushed on exit.\nEvery worker writes its own log file.\n"
    assert [t for _, t in blocks_of(prose)] == ["Note:  the cache is flushed on exit.",
                                                 "Every worker writes its own log file."]
    capitals = "NOTE  the cache is flushed on exit.\nEvery worker writes its own log file.\n"
    assert len(blocks_of(capitals)) == 2


HELP = ("*options.txt*\tFor Vim version 9.0.\n\n"
        "The options below change how the editor behaves while you type.\n\n"
        "\t\t\t\t\t\t*'autoindent'* *'ai'*\n"
        "'autoindent' 'ai'\tboolean\t(default off)\n"
        "\t\t\tCopy indent from current line when starting a new line.\n\n"
        "\t\t\t\t\t\t*'smartindent'* *'si'*\n"
        "'smartindent' 'si'\tboolean\t(default off)\n"
        "\t\t\tDo smart autoindenting when starting a new line.\n\n"
        " vim:tw=78:ts=8:noet:ft=help:norl:\n")


def test_help_file_tag_lines_are_headings_of_code_and_the_modeline_no_prose():
    parsed = parse(HELP)
    tags = [HELP[h.start:h.end].strip() for h in parsed.headings if h.level == 3]
    assert tags == ["*'autoindent'* *'ai'*", "*'smartindent'* *'si'*"]
    assert CODE_MASK in parsed.masked[parsed.headings[-1].start:parsed.headings[-1].end]
    texts = [HELP[b.start:b.end] for b in parsed.blocks]
    assert not any("vim:tw" in t or "*'ai'*" in t for t in texts)
    assert any("Copy indent from current line" in t for t in texts)
    # Without the help modeline the same lines are ordinary text.
    plain = parse(HELP.replace("ft=help", "ft=text"))
    assert not [h for h in plain.headings if h.level == 3]


def test_help_file_option_head_and_the_scope_under_it_are_no_prose():
    text = ("*options.txt*\tFor Vim version 9.0.\n\n"
            "\t\t\t\t\t\t*'shellpipe'* *'sp'*\n"
            "'shellpipe' 'sp'\tstring\t(default \">\", \"| tee\",\n"
            "\t\t\t\t \"2>&1| tee\")\n"
            "\t\t\tglobal\n"
            "\t\t\t{not available when compiled without the |+quickfix|\n"
            "\t\t\tfeature}\n"
            "\tString to be used to put the output of the \":make\" command in the\n"
            "\terror file.\n\n"
            " vim:tw=78:ts=8:noet:ft=help:norl:\n")
    texts = [text[b.start:b.end] for b in parse(text).blocks]
    assert texts[1:] == ["String to be used to put the output of the \":make\" command in the\n\terror file."]


def test_help_file_line_that_introduces_an_example_is_no_title():
    text = ("*builtin.txt*\tFor Vim version 9.0.\n\n"
            "sort({list} [, {how}])\t\t\t*sort()*\n"
            "\t\tSort the items in {list} in-place.  Returns {list}.\n\n"
            "\t\tIf you want a list to remain unmodified make a copy first: >\n"
            "\t\t\t:let sortedlist = sort(copy(mylist))\n\n"
            "<\t\tWhen {how} is omitted, sort() uses the string of each item.\n\n"
            " vim:tw=78:ts=8:noet:ft=help:norl:\n")
    parsed = parse(text)
    assert [text[h.start:h.end].split("\t")[0] for h in parsed.headings] == ["sort({list} [, {how}])"]
    assert any(text[b.start:b.end].startswith("If you want a list") for b in parsed.blocks)


def test_help_file_option_names_and_backtick_commands_are_code_as_vim_highlights_them():
    text = ("*options.txt*\tFor Vim version 9.0.\n\n"
            "When the 'shell' option is set, the 'shellpipe' option changes; see |:make| and `:set`.\n"
            "A don't 'x' or 'two words' stays text.\n\n"
            " vim:tw=78:ts=8:noet:ft=help:norl:\n")
    masked = parse(text).masked
    assert_masked_as_code(text, masked, ("'shell'", "'shellpipe'", "|:make|", "`:set`"))
    for words in ("don't", "'x'", "'two words'"):
        at = text.index(words)
        assert masked[at:at + len(words)] == words, words
    # Outside a help file the quotes are text.
    plain = text.replace("ft=help", "ft=text")
    assert "'shellpipe'" in parse(plain).masked


def test_help_file_lines_that_lead_with_dots_to_a_link_are_contents_at_any_indent():
    text = ("*netrw.txt*\tBrowsing files\n\n"
            "The browser lists the files of a directory; these commands open it.\n\n"
            "QUICK REFERENCE: COMMANDS\t*netrw-explore-cmds* *netrw-browse-cmds* {{{2\n"
            "     :Hexplore[!] [dir] Horizontal Split & Explore.............|netrw-explore|\n"
            "     :Vexplore[!] [dir] Vertical Split & Explore...............|netrw-explore|\n"
            "      Marked Files: Target Directory Using History.......|netrw-Th|\n"
            "      Making The Browsing Directory The Current Directory.|netrw-cd|\n\n"
            "Wait for it... then see |netrw-explore|.\n\n"
            " vim:tw=78:ts=8:noet:ft=help:norl:\n")
    texts = [t for _, t in blocks_of(text)]
    assert not any("Explore" in t or "Marked Files" in t or "netrw-cd" in t for t in texts)
    # The tags before a fold marker head an entry, as without it.
    assert not any("*netrw-explore-cmds*" in t for t in texts)
    # Dots inside a sentence that ends in a link leave it prose.
    assert any(t.startswith("Wait for it...") for t in texts)


def test_help_file_keys_and_arguments_are_code_as_vim_highlights_them():
    text = ("*map.txt*\tKey mapping\n\n"
            "Type <C-R> or CTRL-R and then <CR> to insert the register {name}.\n\n"
            " vim:tw=78:ts=8:noet:ft=help:norl:\n")
    masked = parse(text).masked
    assert_masked_as_code(text, masked, ("<C-R>", "CTRL-R", "<CR>", "{name}"))
    assert "Type" in masked and "register" in masked


def test_help_file_forms_of_one_command_stacked_over_a_description_are_its_terms():
    text = ("*vim9.txt*\tVim9 script\n\n"
            ":defc[ompile] {func}\n"
            ":defc[ompile] debug {func}\n"
            ":defc[ompile] profile {func}\n"
            "\t\t\tCompile function {func}, if needed.  Use \"debug\" and\n"
            "\t\t\t\"profile\" to specify the compilation mode.\n\n"
            "Each function is compiled once.  Compiling again\n"
            "does nothing.\n"
            "\tAn indented note under prose stays prose.\n\n"
            " vim:tw=78:ts=8:noet:ft=help:norl:\n")
    blocks = blocks_of(text)
    assert ("list-item", "Compile function {func}, if needed.  Use \"debug\" and\n"
                         "\t\t\t\"profile\" to specify the compilation mode.") in blocks
    assert not any(":defc" in t for _, t in blocks)
    # Lines of prose that begin alike are no stack of terms.
    assert any(t.startswith("Each function is compiled once.") for _, t in blocks)


def test_help_file_forms_of_a_command_with_their_keys_and_tags_set_apart_are_terms():
    # Forms that begin unalike (":tabN[ext] {count}", "{count}<C-PageUp>") stack over
    # the last one, whose description follows a tab on its line; tags set apart by
    # tabs and a space close a title line.
    text = ("*tabpage.txt*\tFor Vim version 9.0.\n\n"
            ":tabp[revious]\t\t\t\t*:tabp* *:tabprevious* *gT*\n"
            "<C-PageUp>\t\t\t *<C-PageUp>* *i_<C-PageUp>*\n"
            "gT\t\tGo to the previous tab page.  Wraps around from the first one\n"
            "\t\tto the last one.\n\n"
            ":tabp[revious] {count}\n"
            ":tabN[ext] {count}\n"
            "{count}<C-PageUp>\n"
            "{count}gT\tGo {count} tab pages back.  Wraps around from the first one\n"
            "\t\tto the last one.\n\n"
            " vim:tw=78:ts=8:noet:ft=help:norl:\n")
    blocks = blocks_of(text)[1:]  # after the file's title line
    assert [kind for kind, _ in blocks] == ["list-item", "list-item"]
    assert [t.split(".")[0] for _, t in blocks] == ["Go to the previous tab page", "Go {count} tab pages back"]


def test_help_file_term_set_apart_by_two_spaces_is_a_term():
    text = ("*popup.txt*\tFor Vim version 9.0.\n\n"
            "\tscrollbar\t1 or true: show a scrollbar when the text doesn't fit.\n"
            "\tscrollbarhighlight  Highlight group name for the scrollbar. The\n"
            "\t\t\tbackground color is what matters.\n"
            "\tthumbhighlight  Highlight group name for the scrollbar thumb. The\n"
            "\t\t\tbackground color is what matters.\n\n"
            " vim:tw=78:ts=8:noet:ft=help:norl:\n")
    blocks = blocks_of(text)[1:]
    assert [kind for kind, _ in blocks] == ["list-item"] * 3
    assert blocks[1][1].startswith("Highlight group name for the scrollbar.")


def test_help_file_sentences_before_a_right_set_link_and_ex_examples_after_a_colon():
    text = ("*version4.txt*\tChanges\n\n"
            "If the value for t_kb is correct, use the \":fixdel\" command.  This is useful if\n"
            "you are using several different terminals.\t\t|:fixdel|\n\n"
            "If you want all possible Python highlighting:\n"
            "\t:let python_highlight_all = 1\n"
            "This has the same effect as setting every option.\n\n"
            "Insert-mode completion.\t\t\t\t|ins-completion|\n\n"
            " vim:tw=78:ts=8:noet:ft=help:norl:\n")
    texts = [t for _, t in blocks_of(text)]
    # A title set apart from its link after a blank line stays a line of contents.
    assert not any("Insert-mode" in t for t in texts)
    # The paragraph goes on to its last line; the link set apart there is code.
    assert any(t.startswith("If the value") and t.endswith("|:fixdel|") for t in texts)
    assert not any("python_highlight_all" in t for t in texts)
    assert any(t.startswith("This has the same effect") for t in texts)


def test_an_indented_session_opening_with_a_prompt_is_an_example():
    text = ("The decorations are now shown by default, even without a colon before the example\n\n"
            "     $ git log --decorate -1 main\n"
            "     commit bdb0f6788fa5e3cacc4315e9ff318a27b2676ff4 (HEAD -> main)\n\n"
            "The old output can be had with an option.\n\n"
            "     Indented prose that opens with no prompt stays prose.\n")
    texts = [t for _, t in blocks_of(text)]
    assert not any("git log" in t or "commit bdb0" in t for t in texts)
    assert "Indented prose that opens with no prompt stays prose." in texts


def test_a_short_sentence_closed_by_a_reference_marker_is_no_title() -> None:
    text = ("The siege lasted through the winter and the spring of that year.\n\n"
            "The garrison held out.[4]\n\n"
            "Relief came by sea in the summer, as the harbour was never closed.\n")
    kinds = [(b.kind, text[b.start:b.end]) for b in parse(text).blocks]
    assert ("paragraph", "The garrison held out.[4]") in kinds
    # Without the closing full stop the short line still reads as a section title.
    titled = text.replace("The garrison held out.[4]", "The garrison holds out")
    assert ("heading", "The garrison holds out") in [(b.kind, titled[b.start:b.end]) for b in parse(titled).blocks]


CHANNELS = """\
*channel.txt*	For Vim version 9.0.

1. Overview				|job-channel-overview|
2. Starting a job with a channel	|job-start|

==============================================================================
2. Starting a job with a channel			*job-start* *job*

To start a job and open a channel, use |job_start()| and read |channel-mode|.

|BufNew|		just after creating a new buffer

setline({lnum}, {text})					*setline()*
		Set line {lnum} of the current buffer to {text}.

 vim:tw=78:ts=8:noet:ft=help:norl:
"""


def test_help_file_titles_beside_tags_are_headings_and_contents_lines_no_prose():
    parsed = parse(CHANNELS)
    headings = [CHANNELS[h.start:h.end].strip() for h in parsed.headings]
    assert "2. Starting a job with a channel\t\t\t*job-start* *job*" in headings
    assert "setline({lnum}, {text})\t\t\t\t\t*setline()*" in headings
    texts = [CHANNELS[b.start:b.end] for b in parsed.blocks]
    # Lines of the table of contents and of a table of links are no prose.
    assert not any("Overview" in t or "BufNew" in t or "*job*" in t for t in texts)
    # Nor are a line of navigation and a row of a table of three columns.
    more = CHANNELS.replace("setline({lnum}", "Next chapter: |usr_23.txt|  Editing other files\n\n"
                            "flatten({list})\t\tList\tflatten {list} up to {maxdepth} levels\n\n"
                            "setline({lnum}")
    more_texts = [more[b.start:b.end] for b in parse(more).blocks]
    assert not any("Next chapter" in t or "flatten" in t for t in more_texts)
    assert "Set line {lnum} of the current buffer to {text}." in more_texts
    assert "Set line {lnum} of the current buffer to {text}." in texts
    # A link names a function or a topic: it reads as code.
    link = CHANNELS.index("|job_start()|")
    assert set(parsed.masked[link:link + len("|job_start()|")]) == {CODE_MASK}


def test_help_file_terms_and_their_descriptions_are_entries_of_a_definition_list():
    text = (":wq [++opt]\t\tWrite the current file and close the window.  If this\n"
            "\t\t\twas the last window Vim quits.\n\n"
            "get({dict}, {key} [, {default}])\n"
            "\t\tGet item with key {key} from {dict}.  When this\n"
            "\t\titem is not available return {default}.\n\n"
            "Text in the first column after a blank line is prose.\n\n"
            "\tCTRL-P\t\tUse the previous suggestion.  This replaces the\n"
            "\t\t\tprevious one.\n\n"
            "|gn|\t\tgn\t      1,2  find the next match with the last used\n"
            "\t\t\t\t   search pattern and Visually select it\n\n"
            " vim:tw=78:ts=8:noet:ft=help:norl:\n")
    kinds_texts = blocks_of(text)
    # An indented term is a term too, and a row of a table of links is no prose down to
    # the lines its description wraps onto.
    assert [kind for kind, _ in kinds_texts] == ["list-item", "list-item", "paragraph", "list-item"]
    assert kinds_texts[3][1].startswith("Use the previous suggestion")
    assert not any("Visually" in t for _, t in kinds_texts)
    # The terms are no prose: the command and the function's signature.
    assert not any(":wq" in t or "get({dict}" in t for _, t in kinds_texts)
    assert kinds_texts[0][1].startswith("Write the current file")
    assert "Get item with key {key}" in kinds_texts[1][1]
    # Outside a help file the same lines are text.
    assert any(":wq" in t for _, t in blocks_of(text.replace("ft=help", "ft=text")))


def test_a_paragraph_indented_under_a_list_item_goes_on_with_it() -> None:
    text = ("Updates since the last release:\n\n"
            " * Output from the log command now tells a detached HEAD apart\n"
            "   from a HEAD that points at a branch.\n\n"
            "   This is a potentially backward-incompatible change.\n\n"
            "The next release will be made from the main branch.\n")
    kinds = [(block.kind, text[block.start:block.start + 12]) for block in parse(text).blocks]
    assert kinds == [("paragraph", "Updates sinc"), ("list-item", "Output from "),
                     ("list-item", "This is a po"), ("paragraph", "The next rel")]


def test_help_file_headers_nested_contents_lines_and_the_long_modeline() -> None:
    text = ("*ft_ada.txt*\tFor Vim version 9.0\n\n"
            "3.  Omni Completion\t\t\t    |ft-ada-omni|\n"
            "    3.1 Omni Completion with \"gnat xref\"\t|gnat-xref|\n\n"
            "3.1 Omni Completion with \"gnat xref\" ~\n\n"
            "GNAT XREF uses the compiler internal information to provide completion.\n\n"
            "vim: textwidth=78 nowrap tabstop=8 noexpandtab\nvim: filetype=help\n")
    texts = [text[b.start:b.end] for b in parse(text).blocks]
    # The header, both lines of the table of contents and the modelines are no prose;
    # the modeline that names the format in full ("filetype=help") tells the file is help.
    assert texts[1:] == ["GNAT XREF uses the compiler internal information to provide completion."]
    # A header with no space before its "~" opens indented lines of contents too.
    tex = ("*syntax.txt*\tFor Vim version 9.0\n\n"
           "\t\t\tTex Contents~\n"
           "\tTex: Want Syntax Folding?\t\t\t|tex-folding|\n"
           "\tTex: Slow Syntax Highlighting?\t\t\t|tex-slow|\n\n"
           "The TeX syntax file reads plain TeX and LaTeX.\n\n"
           " vim:tw=78:ts=8:noet:ft=help:norl:\n")
    assert [tex[b.start:b.end] for b in parse(tex).blocks][1:] == ["The TeX syntax file reads plain TeX and LaTeX."]


def test_lines_that_are_each_one_long_key_or_path_are_no_prose() -> None:
    text = ("Add these keys to the registry:\n\n"
            "[HKEY_CLASSES_ROOT\\Applications\\gvim.exe\\shell]\n\n"
            "[HKEY_CLASSES_ROOT\\Applications\\gvim.exe\\shell\\edit]\n\n"
            "Then log out and in again.\n")
    assert [text[b.start:b.end] for b in parse(text).blocks] == [
        "Add these keys to the registry:", "Then log out and in again."]


def test_a_term_over_its_indented_definition_is_an_entry_and_its_next_paragraph_goes_on() -> None:
    text = ("The flags of a node:\n\n"
            "`MODE_EXEC_PERM`\n"
            "    Must be unset if `HAS_MODE_AND_SIZE` is unset.\n"
            "    It says whether the file is executable.\n\n"
            "    Beware that the value may be wrong on some file systems.\n\n"
            "`MODE_IS_SYMLINK`\n"
            "    Must be unset if `HAS_MODE_AND_SIZE` is unset.\n")
    assert [kind for kind, _ in blocks_of(text)] == ["paragraph", "list-item", "list-item", "list-item"]
    assert blocks_of(text)[1][1].startswith("Must be unset")  # the term is no prose
    # A line that introduces what is indented under it, or a sentence, is no term.
    for first in ("Usage:", "Run the tool once."):
        intro = f"{first}\n    doclint check docs/\n"
        assert [kind for kind, _ in blocks_of(intro)] == ["paragraph"]
