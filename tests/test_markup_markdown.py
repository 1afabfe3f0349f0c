"""Tests for the Markdown reader."""
from __future__ import annotations

from doclint.markup import reader_for
from doclint.markup.base import BLOCK_KINDS, CODE_MASK
from doclint.markup.markdown import parse

DOC = """\
---
title: Installing the CLI
weight: 10
---
import Tabs from '@theme/Tabs';

# Installing the *CLI* #

The command-line tool runs on Linux, macOS and Windows. It is
distributed as a single binary and needs no runtime; run `cli --version`
to check it, or read the [release notes](https://example.com/notes "Notes").

Configuration
=============

- Download the archive from <https://downloads.example.com/cli>.
- [ ] Unpack it with <kbd>tar</kbd> into `~/bin`.
  Then restart your shell.
1. Write to support@example.com or visit www.example.com today.

> The binary is **statically** linked,
> so it runs on old systems too.

```bash
curl -sSL https://example.com/install.sh | sh
```

    indented_code_block()

<div class="warning">
Raw HTML block text.
</div>

{{< note >}}
Restart the daemon after upgrading.
{{< /note >}}

![Architecture diagram](img/arch.png)

| Flag | Meaning |
|------|---------|
| `-v` | Print more output. |
| `-q` | See [quiet mode][quiet] for snake_case names. |

[quiet]: https://example.com/quiet
"""


def blocks_of(text: str) -> list[tuple[str, str]]:
    parsed = parse(text)
    return [(b.kind, text[b.start:b.end]) for b in parsed.blocks]


def masked_of(text: str) -> list[str]:
    parsed = parse(text)
    return [parsed.masked[b.start:b.end] for b in parsed.blocks]


def test_block_kinds_and_exact_texts() -> None:
    assert blocks_of(DOC) == [
        ("heading", "Installing the *CLI"),
        ("paragraph", "The command-line tool runs on Linux, macOS and Windows. It is\n"
                      "distributed as a single binary and needs no runtime; run `cli --version`\n"
                      "to check it, or read the [release notes](https://example.com/notes \"Notes\")."),
        ("heading", "Configuration"),
        ("list-item", "Download the archive from <https://downloads.example.com/cli>."),
        ("list-item", "Unpack it with <kbd>tar</kbd> into `~/bin`.\n  Then restart your shell."),
        ("list-item", "Write to support@example.com or visit www.example.com today."),
        ("blockquote", "The binary is **statically** linked,\n> so it runs on old systems too."),
        ("paragraph", "Restart the daemon after upgrading."),
        ("table-cell", "Flag"),
        ("table-cell", "Meaning"),
        ("table-cell", "Print more output."),
        ("table-cell", "See [quiet mode][quiet] for snake_case names."),
    ]
    assert all(b.kind in BLOCK_KINDS for b in parse(DOC).blocks)


def test_masked_text_of_blocks() -> None:
    masked = masked_of(DOC)
    assert masked[0] == "Installing the  CLI"
    assert masked[1].endswith("to check it, or read the  release notes                                    .")
    assert "run " + CODE_MASK * len("`cli --version`") + "\n" in masked[1]
    assert masked[3] == "Download the archive from " + CODE_MASK * len("<https://downloads.example.com/cli>") + "."
    assert masked[4] == "Unpack it with      tar       into " + CODE_MASK * 7 + ".\n  Then restart your shell."
    assert masked[5] == ("Write to " + CODE_MASK * 19 + " or visit " + CODE_MASK * 15 + " today.")
    assert masked[6] == "The binary is   statically   linked,\n  so it runs on old systems too."
    assert masked[11] == "See  quiet mode" + " " * len("][quiet]") + " for snake_case names."


def test_length_newlines_and_non_prose_masked() -> None:
    parsed = parse(DOC)
    assert len(parsed.masked) == len(DOC)
    assert [i for i, c in enumerate(parsed.masked) if c == "\n"] == \
        [i for i, c in enumerate(DOC) if c == "\n"]
    for hidden in ("title:", "import Tabs", "curl", "indented_code_block", "Raw HTML",
                   "note >}}", "Architecture", "|---", "[quiet]: https", "<div"):
        start = DOC.index(hidden)
        assert parsed.masked[start:start + len(hidden)].strip() == "", hidden


def test_toml_front_matter_and_mdx_component() -> None:
    doc = ('+++\ntitle = "x"\n+++\n\n<Tabs groupId="os" values={[{label: "A", value: "a"}]}>\n\n'
           "Pick your platform.\n\n</Tabs>\n")
    assert blocks_of(doc) == [("paragraph", "Pick your platform.")]


def test_code_span_beats_emphasis_and_escapes() -> None:
    doc = "Use `*args` and \\*literal stars\\* with snake_case_name here.\n"
    (masked,) = masked_of(doc)
    assert masked == ("Use " + CODE_MASK * 7 + " and  *literal stars * with snake_case_name here.")


def test_nested_list_and_tight_items_are_separate_blocks() -> None:
    doc = "1. First step.\n2. Second step:\n   - nested point\n   - another point\n"
    assert blocks_of(doc) == [("list-item", "First step."), ("list-item", "Second step:"),
                              ("list-item", "nested point"), ("list-item", "another point")]


def test_reader_for_chooses_markdown() -> None:
    assert reader_for("docs/Guide.MD") is parse
    assert reader_for("page.mdx") is parse
    assert reader_for("x.markdown") is parse


def test_blocks_after_multibyte_text_keep_their_lines() -> None:
    # The block parser reports byte offsets; accented and CJK text before a block must
    # not shift it onto another line.
    text = ("Café crème — 東京 naïve résumé.\n\n"
            "Überblick\n---------\n\n"
            "- première étape\n  suite du point\n- 第二 step\n\n"
            "| Größe | Wert |\n| --- | --- |\n| groß | 東 |\n")
    assert blocks_of(text) == [
        ("paragraph", "Café crème — 東京 naïve résumé."),
        ("heading", "Überblick"),
        ("list-item", "première étape\n  suite du point"),
        ("list-item", "第二 step"),
        ("table-cell", "Größe"), ("table-cell", "Wert"),
        ("table-cell", "groß"), ("table-cell", "東"),
    ]


def test_reference_labels_match_across_case_and_spacing() -> None:
    text = "See the [Release   Notes] and the [missing] page.\n\n[release notes]: https://example.com/n\n"
    assert masked_of(text) == ["See the  Release   Notes  and the [missing] page."]


def test_lone_surrogate_from_the_api_is_read() -> None:
    parsed = parse("# Title\n\nBad \udcff byte in *here*.\n")
    assert [(b.kind, b.start, b.end) for b in parsed.blocks] == [("heading", 2, 7), ("paragraph", 9, 30)]


def _masked_line(line: str) -> str:
    parsed = parse(line + "\n")
    return parsed.masked[:len(line)]


def test_inline_markup_at_the_very_start_and_end_of_a_block() -> None:
    # The markers' lookbehinds read the character before the first mark: at the start
    # of the text there is none, which opens a run and closes none.
    assert _masked_line("**Bold** start and *end*") == "  Bold   start and  end "
    assert _masked_line("_Under_ and ~~gone~~ here") == " Under  and   gone   here"
    assert _masked_line("snake_case_name stays, 2 * 3 too") == "snake_case_name stays, 2 * 3 too"
    assert _masked_line("**C**ontent **D**elivery") == "  C  ontent   D  elivery"
    assert _masked_line(":star: rated, but std::vec::Vec and 10:30:00 stay") == \
        "       rated, but std::vec::Vec and 10:30:00 stay"
    assert _masked_line("https://example.com/a_b is the site.") == \
        CODE_MASK * len("https://example.com/a_b") + " is the site."
    assert _masked_line("www.example.com, then ``a `b` c`` and \\*not emphasis\\*") == \
        CODE_MASK * 15 + ", then " + CODE_MASK * 11 + " and  *not emphasis *"


def test_a_footnote_definition_is_an_entry_without_its_marker() -> None:
    text = ("Functions may be `async`.[^async-edition]\n\n"
            "[^async-edition]: The `async` qualifier is not allowed in the 2015 edition.\n")
    assert blocks_of(text) == [
        ("paragraph", "Functions may be `async`."),
        ("list-item", "The `async` qualifier is not allowed in the 2015 edition.")]
    # A bracketed word at the start of a paragraph is no footnote.
    assert blocks_of("[Draft] The API may change.\n")[0][0] == "paragraph"


def test_display_math_is_no_prose():
    # A formula on lines of its own is blanked; one inside a sentence stands as code,
    # and dollar amounts stay text.
    text = ("The versine function is defined as\n\n"
            "$$\\operatorname{versin}(x) = 1 - \\cos(x).$$\n\n"
            "$$\n\\begin{cases} 1 & m \\mid n \\\\ 0\n\\end{cases}\n$$\n\n"
            "We get $$x^2$$ here, and it costs $5 or $10.\n")
    parsed = parse(text)
    read = [parsed.masked[b.start:b.end] for b in parsed.blocks]
    assert read == ["The versine function is defined as",
                    "We get " + CODE_MASK * 7 + " here, and it costs $5 or $10."]
