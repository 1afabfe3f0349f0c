"""Property-based tests: random Unicode, Markdown, reST and JSONL never crash `check` or
`fix`, and `fix` never changes a file that has no fixable finding.

Bounded so the suite stays fast: one engine for every example, and a few hundred
examples in all."""
from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doclint.cli import main
from doclint.core.loader import load
from doclint.engine.config import Config, LoadedConfig, configured_rules
from doclint.engine.phases import Engine
from doclint.repair.commands import _fix_text
from doclint.repair.fixer import allowed
from doclint.report.formatters import Report, get_formatter

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

MARKDOWN = ["# Title", "## Setup", "Some text that the", "We recieve many questions.", "- item",
            "1. step", "> quoted text", "```", "code()", "    indented", "| a | b |", "|---|---|",
            "[link](http://x.y)", "`code`", "**bold**", "<div>", "<!-- c -->", "---", "*", "_",
            "Experts believe it is the best.", "The NASA team and the Nasa team.", "[", "]("]
RST = ["Title", "=====", "-----", ".. note::", "   Indented text.", "::", "* item", "#. item",
       "`link <http://x.y>`_", "``code``", ".. code-block:: python", ":field: value",
       "Some text that the", "We recieve many questions.", "| line", "+--+--+"]
SEPARATORS = ["\n", "\n\n", " ", "\r\n", "\t", ""]


def fragments(pieces: list[str]) -> st.SearchStrategy[str]:
    piece = st.sampled_from(pieces) | st.text(max_size=40)
    return st.lists(st.tuples(piece, st.sampled_from(SEPARATORS)), max_size=25).map(
        lambda parts: "".join(p + s for p, s in parts))


def jsonl_line() -> st.SearchStrategy[str]:
    record = st.fixed_dictionaries({"id": st.text(max_size=8) | st.integers(),
                                    "text": fragments(MARKDOWN)})
    return st.one_of(
        record.map(json.dumps),
        record.map(lambda r: json.dumps(r, ensure_ascii=False)),
        st.text(max_size=60).map(lambda t: t.replace("\n", " ")),  # not JSON
        st.integers(1, 3000).map(lambda n: "[" * n),                # nested too deeply (or not)
        st.sampled_from(['{"text": "a \\ud800 b"}', '{"text": "\\udc00"}', '{"text": 5}', "[]"]),
    )


_ENGINE: Engine | None = None


def engine() -> Engine:
    global _ENGINE
    if _ENGINE is None:
        _ENGINE = Engine(configured_rules(LoadedConfig(Config(), None, ".")), Config())
    return _ENGINE


def check_file(name: str, data: bytes):
    """Load and check one file as `check` does; render every format. Returns the
    documents and the run's result."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, name)
        with open(path, "wb") as handle:
            handle.write(data)
        loaded = load(path, name)
    result = engine().run(loaded.documents)
    result.problems = loaded.problems + result.problems
    for fmt in ("text", "json", "sarif", "github", "concise"):
        get_formatter(fmt).render(Report(result), io.StringIO())
    crashed = [p for p in result.problems if "failed:" in p.message]
    assert not crashed, crashed
    return loaded.documents, result


@SETTINGS
@given(st.text(max_size=400), st.sampled_from(["a.md", "a.rst", "a.txt"]))
def test_random_unicode_never_crashes_check(text, name):
    check_file(name, text.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(st.binary(max_size=300), st.sampled_from(["a.md", "a.txt", "a.jsonl"]))
def test_random_bytes_never_crash_check(data, name):
    check_file(name, data)


@SETTINGS
@given(st.one_of(fragments(MARKDOWN).map(lambda t: ("a.md", t)), fragments(RST).map(lambda t: ("a.rst", t))))
def test_markup_fragments_never_crash_and_fix_only_what_is_fixable(case):
    name, text = case
    documents, result = check_file(name, text.encode("utf-8"))
    for doc in documents:
        fixable = any(allowed(f, False) for f in result.findings)
        fixed, applied = _fix_text(engine(), doc, unsafe=False)
        if not fixable:
            assert (fixed, applied) == (doc.text, 0)


@SETTINGS
@given(st.lists(jsonl_line(), max_size=8), st.sampled_from(["\n", "\r\n"]))
def test_random_jsonl_never_crashes_check(lines, newline):
    documents, result = check_file("c.jsonl", newline.join(lines).encode("utf-8", "surrogatepass"))
    assert len(documents) <= len(lines)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fragments(MARKDOWN))
def test_fix_command_leaves_a_file_without_fixable_findings_byte_for_byte(text):
    data = text.encode("utf-8")
    documents, result = check_file("a.md", data)
    fixable = any(allowed(f, False) for f in result.findings)
    with tempfile.TemporaryDirectory() as folder:
        path, config = os.path.join(folder, "a.md"), os.path.join(folder, "config.yaml")
        with open(path, "wb") as handle:
            handle.write(data)
        with open(config, "w", encoding="utf-8") as handle:
            handle.write("{}\n")  # the defaults, whatever configuration the working folder has
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            code = main(["fix", "--config", config, path])
        with open(path, "rb") as handle:
            after = handle.read()
    assert code in (0, 1, 2)
    if not fixable:
        assert after == data
