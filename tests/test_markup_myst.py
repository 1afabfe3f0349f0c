"""MyST directive fences in Markdown: prose directives read, the rest left as markup."""
from __future__ import annotations

from doclint.markup.markdown import parse

PAGE = """\
# Building the docs

Run the build before you open a pull request.

```{note}
The build reads every page, so the first run is slow.
```

:::{admonition} Before you start
:class: tip

Install the theme with [pip](https://pip.pypa.io).

- Check the version.
:::

```{warning}
---
class: strong
---
Never commit the build folder.
```

```{code-block} python
build(pages)
```

:::{custom-widget}
Widget settings, not prose.
:::

````markdown
```{note}
An example of the syntax, shown as code.
```
````

That is all.
"""


def blocks_of(text: str) -> list[tuple[str, str]]:
    return [(b.kind, text[b.start:b.end]) for b in parse(text).blocks]


def test_prose_directive_bodies_are_read() -> None:
    assert blocks_of(PAGE) == [
        ("heading", "Building the docs"),
        ("paragraph", "Run the build before you open a pull request."),
        ("paragraph", "The build reads every page, so the first run is slow."),
        ("paragraph", "Install the theme with [pip](https://pip.pypa.io)."),
        ("list-item", "Check the version."),
        ("paragraph", "Never commit the build folder."),
        ("paragraph", "That is all."),
    ]


def test_fences_titles_and_options_are_blank() -> None:
    masked = parse(PAGE).masked
    assert len(masked) == len(PAGE)
    for hidden in ("```{note}", ":::{admonition} Before you start", ":class: tip",
                   "class: strong", "build(pages)", "Widget settings", "An example of"):
        start = PAGE.index(hidden)
        assert masked[start:start + len(hidden)].strip() == "", hidden


def test_duplicate_inside_a_myst_note_is_found(lint_text) -> None:
    sentence = "Run the migration script before you restart the server on every node."
    doc = f"# Upgrading\n\n{sentence}\n\n```{{note}}\n{sentence}\n```\n"
    assert [f.line for f in lint_text(doc, "DL201", fmt="markdown", name="a.md")] == [6]


def test_a_directive_with_an_empty_body_keeps_the_offsets() -> None:
    # pip's docs open pages with a version note whose fence closes on the next line.
    text = ("# Managing a different Python interpreter\n\n```{versionadded} 22.3\n```\n\n"
            "Occasionally, you may want to use pip to manage another installation.\n")
    parsed = parse(text)
    assert len(parsed.masked) == len(text)
    assert blocks_of(text) == [("heading", "Managing a different Python interpreter"),
                               ("paragraph", "Occasionally, you may want to use pip to manage "
                                             "another installation.")]
