"""The outline each reader hands over: every section heading with its level, including
headings that hold no prose ("#### `aarch64`") and so make no block."""
from __future__ import annotations

from doclint.markup.markdown import parse as parse_md
from doclint.markup.rst import parse as parse_rst
from doclint.markup.text import parse as parse_text


def outline(parse, text: str) -> list[tuple[int, str]]:
    return [(h.level, text[h.start:h.end]) for h in parse(text).headings]


def test_markdown_headings_of_every_level_and_code_only_titles():
    text = ("# Code generation\n\nIntro text here.\n\n## Target features\n\n"
            "#### `aarch64`\n\nOn this platform the rules apply.\n\n"
            "#### `riscv32` or `riscv64`\n\nThe same rules apply.\n\n"
            "Setext title\n------------\n\nMore text.\n\n```md\n## not a heading\n```\n")
    assert outline(parse_md, text) == [
        (1, "# Code generation"), (2, "## Target features"), (4, "#### `aarch64`"),
        (4, "#### `riscv32` or `riscv64`"), (2, "Setext title\n------------")]
    # The code-only heading is in the outline but makes no prose block.
    kinds = [(b.kind, text[b.start:b.end]) for b in parse_md(text).blocks]
    assert ("heading", "`riscv32` or `riscv64`") in kinds
    assert not any("aarch64" in body for _, body in kinds)


def test_markdown_headings_inside_containers_keep_their_level():
    text = "- item\n\n  ### Inside a list\n\n  Text.\n\n> ## Quoted\n"
    assert [level for level, _ in outline(parse_md, text)] == [3, 2]


def test_rst_levels_follow_the_order_adornment_styles_first_appear():
    text = ("=========\nThe title\n=========\n\nIntro.\n\n"
            "Classifier (multiple use)\n=========================\n\nEach entry.\n\n"
            "Details\n-------\n\nMore.\n\n"
            "``import-names``\n================\n\nNames.\n\n"
            ".. note:: Not a section.\n")
    assert outline(parse_rst, text) == [
        (1, "=========\nThe title\n========="), (2, "Classifier (multiple use)\n========================="),
        (3, "Details\n-------"), (2, "``import-names``\n================")]


def test_plain_text_titles():
    text = "# Release notes\n\nThe first paragraph of the notes.\n\n## Fixes\n\nA bug was fixed.\n"
    assert [level for level, _ in outline(parse_text, text)] == [1, 2]
    assert parse_text("Just a sentence with no title at all, which goes on.\n").headings == ()


def test_a_bold_line_alone_divides_its_section_one_level_below():
    text = ("# Button labels\n\n**Use:**\n\nSentence case for every label.\n\n"
            "**Don't use:**\n\nTitle case.\n\n- **A bold list item** is no heading\n\n"
            "Some **bold words** inside a sentence are no heading either.\n")
    assert outline(parse_md, text) == [(1, "# Button labels"), (2, "**Use:**"), (2, "**Don't use:**")]
    examples = ("**Example 1: To create a policy**\n\nThe following example creates a policy.\n\n"
                "**Example 2: To delete a policy**\n\nThe following example deletes a policy.\n\n"
                "    **Indented in a body**\n")
    assert outline(parse_rst, examples) == [(1, "**Example 1: To create a policy**"),
                                            (1, "**Example 2: To delete a policy**")]


def test_the_questions_of_an_faq_are_the_titles_of_their_answers():
    faq = ("Answers to questions users ask often.\n\n"
           "Q: Where do I find a good plugin?\n\n"
           "See the plugin site. Many users have uploaded their plugins there.\n\n"
           "Q: Where do I find more tips?\n\n"
           "See the plugin site. There is an archive with hints from users.\n")
    questions = ["Q: Where do I find a good plugin?", "Q: Where do I find more tips?"]
    for parse in (parse_text, parse_md, parse_rst):
        assert [title for _, title in outline(parse, faq)] == questions
    # A question inside a paragraph, or without its "Q:", opens no section.
    prose = "Where do I find more tips?\n\nThe plugin site has them. Q: is it free? Yes.\n"
    for parse in (parse_text, parse_md, parse_rst):
        assert outline(parse, prose) == []


def test_a_long_bold_line_alone_is_a_heading_too():
    title = "**Example 9: To generate a transcript with personally identifiable information (PII) redacted**"
    text = f"{title}\n\nThe following example starts a transcription job.\n"
    assert outline(parse_rst, text) == [(1, title)]
    assert outline(parse_md, text) == [(1, title)]
    # Its block is a heading too, not a paragraph that a section's places count.
    for parse in (parse_rst, parse_md):
        assert [b.kind for b in parse(text).blocks] == ["heading", "paragraph"]


def test_a_bold_line_longer_still_is_a_title_only_when_it_ends_no_sentence():
    title = ("**Example 2: To create a repository in a public registry with a short description of all of its "
             "contents, system and operating architecture that the image supports**")
    text = f"{title}\n\nThe following example creates a repository.\n"
    assert len(title) > 160
    assert outline(parse_rst, text) == [(1, title)]
    assert outline(parse_md, text) == [(1, title)]
    statement = ("**Do not delete this file, or the server stops accepting connections from the clients "
                 "that were registered before the upgrade; keep a copy of it in a safe place.**")
    assert outline(parse_md, f"{statement}\n\nMore text.\n") == []
