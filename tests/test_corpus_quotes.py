"""Corpus facts carry no sentence text; the quotes of reported sentences are read again."""
from __future__ import annotations

import json
import pickle

from doclint.api import document_from_text, lint_documents, lint_paths
from doclint.core.finding import TextRef
from doclint.engine.config import configured_rules, load_config
from doclint.engine.phases import Engine
from doclint.engine.quotes import FileDocuments

REPEATED = "The **deploy script** copies every zanzibarite archive to the mirror before the release."


def _dl201(loaded):
    return Engine(configured_rules(loaded, ["DL201"]), loaded.config)


def test_duplicate_facts_hold_numbers_not_sentence_text(tmp_path) -> None:
    loaded = load_config(None, str(tmp_path))
    doc = document_from_text("guide.md", f"# Guide\n\n{REPEATED} Then it tags the build.\n")
    facts = _dl201(loaded).check_document(doc).facts["DL201"]
    assert len(facts.fingerprints) == 2
    assert b"zanzibarite" not in pickle.dumps(facts)


def test_quotes_of_a_local_run_are_read_from_the_files(tmp_path, monkeypatch) -> None:
    (tmp_path / "a.md").write_text(f"# A\n\n{REPEATED}\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(f"# B\n\nSome other text comes first here.\n\n{REPEATED}\n",
                                   encoding="utf-8")
    rows = [{"id": "r1", "text": "A record of no interest at all to anyone."}, {"id": "r2", "text": REPEATED}]
    (tmp_path / "c.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lint_paths(["."], load_config(None, str(tmp_path)), ["DL201"], jobs=1)
    found = [(f.path, f.line, f.message, f.snippet) for f in result.findings]
    markdown = "The deploy script copies every zanzibarite\u2026"  # read without the ** markup
    record = "The **deploy script** copies every zanzibarite\u2026"  # JSONL text is plain text
    assert found == [("b.md", 5, f'Sentence repeats a.md:3: "{markdown}"', markdown),
                     ("c.jsonl", 2, f'Sentence repeats a.md:3: "{record}"', record)]
    assert result.problems == []


def test_a_document_gone_since_the_check_leaves_an_empty_quote_and_says_so(tmp_path) -> None:
    loaded = load_config(None, str(tmp_path))
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "r1", "text": REPEATED}) + "\n", encoding="utf-8")
    source = FileDocuments([str(path)], ["c.jsonl"], "text", "")
    ref = TextRef("c.jsonl", 1, 0, 19)
    quotes, problems = source.quotes({("c.jsonl", 1): [("DL201", ref)]}, _dl201(loaded))
    assert quotes == {("DL201", ref): "The **deploy script"} and problems == []
    path.write_text("", encoding="utf-8")  # the record is gone
    quotes, problems = source.quotes({("c.jsonl", 1): [("DL201", ref)]}, _dl201(loaded))
    assert quotes == {}
    assert [p.path for p in problems] == ["c.jsonl"] and "quotes" in problems[0].message


def test_documents_checked_in_memory_are_quoted_from_memory() -> None:
    docs = [document_from_text("one.md", f"{REPEATED}\n"), document_from_text("two.md", f"{REPEATED}\n")]
    [finding] = lint_documents(docs, configured_rules(load_config(None, "."), ["DL201"])).findings
    assert finding.path == "two.md"
    assert '"The deploy script copies every zanzibarite\u2026"' in finding.message


def test_only_quotes_of_sentences_with_markup_parse_the_document_again(tmp_path) -> None:
    loaded = load_config(None, str(tmp_path))
    engine = _dl201(loaded)
    text = f"Plain words only stand in this first sentence here. {REPEATED}\n"
    facts = engine.check_document(document_from_text("guide.md", text)).facts["DL201"]
    assert facts.marked == b"\x00\x01"
    [(_, kind)] = engine.kinds
    fresh = document_from_text("guide.md", text)
    plain_ref = TextRef("guide.md", None, facts.spans[0], facts.spans[1], markup=False)
    assert kind.quote(fresh, plain_ref) == "Plain words only stand in this first sentence\u2026"
    assert "parsed" not in vars(fresh)  # a slice of the text, no parse
    marked_ref = TextRef("guide.md", None, facts.spans[2], facts.spans[3], markup=True)
    assert kind.quote(fresh, marked_ref) == "The deploy script copies every zanzibarite\u2026"
