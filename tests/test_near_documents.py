"""DL205 near-duplicate documents and `clean --drop-duplicate-records` on near copies."""
from __future__ import annotations

import dataclasses
import json

import pytest

from doclint.api import document_from_text, lint_documents
from doclint.cli import main
from doclint.core.document import Document
from doclint.engine.packs import load_rules
from doclint.core import neardocs as documents
from doclint.markup.jsonl import iter_records
from doclint.markup.text import parse as parse_text

HARBOUR = (
    "The harbour was dredged in the spring so that the larger ferries could berth at low tide. "
    "Work began at the northern quay, where the silt was deepest, and moved south along the sea wall "
    "over eleven weeks. The council paid for the work from the port fund, and the fishing fleet moored "
    "at the river mouth until the channel was clear. A survey in June found the depth at the outer berth "
    "had doubled, and the first large ferry called on the first Saturday of July.")
ORCHARD = (
    "The orchard on the hill behind the school was planted by the pupils of the first class in 1952. "
    "Each child chose a tree, and the old varieties they picked, russets and codlins among them, are "
    "rare in the county today. A group of parents prunes the trees each winter, and the apples are "
    "pressed in October at a fair that raises money for books. Grafts from the orchard now grow in "
    "three village gardens and at the agricultural college on the coast.")
# The same report with one word changed: a near copy (about 86 of 96 shingles shared).
HARBOUR_EDITED = HARBOUR.replace("over eleven weeks", "over twelve weeks")


def corpus(*texts: str) -> str:
    return "".join(json.dumps({"id": f"r{i}", "text": t}) + "\n" for i, t in enumerate(texts))


def records(text: str) -> list[Document]:
    return [Document("c.jsonl", r.text, parse_text, record=r.record_id, record_line=r.line)
            for r in iter_records(text, "text")]


def dl205(**options):
    rule = next(r for r in load_rules() if r.id == "DL205")
    return dataclasses.replace(rule, enabled=True, options=dataclasses.replace(rule.options, **options))


def findings(docs, rule=None):
    return [f for f in lint_documents(docs, [rule or dl205()]).findings if f.rule_id == "DL205"]


def test_signature_estimates_jaccard():
    same = documents.similarity(documents.signature(HARBOUR), documents.signature(HARBOUR))
    near = documents.similarity(documents.signature(HARBOUR), documents.signature(HARBOUR_EDITED))
    other = documents.similarity(documents.signature(HARBOUR), documents.signature(ORCHARD))
    assert same == 1.0 and 0.6 < near < 1.0 and other < 0.1


def test_short_text_has_no_signature():
    assert documents.signature("Too short to compare as a document.") is None


def test_each_later_copy_reported_once_against_the_first():
    found = findings(records(corpus(HARBOUR, ORCHARD, HARBOUR_EDITED, HARBOUR.upper())))
    assert sorted(f.record for f in found) == ["r2", "r3"]
    assert {f.related[0].record for f in found} == {"r0"}
    assert all("record r0" in f.message for f in found)


def test_threshold_is_an_option():
    docs = records(corpus(HARBOUR, HARBOUR_EDITED))
    assert findings(docs, dl205(threshold=1.0)) == []
    assert len(findings(records(corpus(HARBOUR, HARBOUR_EDITED)), dl205(threshold=0.5))) == 1


def test_files_compared_only_with_scope_all():
    files = [document_from_text("a.txt", HARBOUR), document_from_text("b.txt", HARBOUR_EDITED)]
    assert findings(files) == []
    files = [document_from_text("a.txt", HARBOUR), document_from_text("b.txt", HARBOUR_EDITED)]
    found = findings(files, dl205(scope="all"))
    assert [(f.path, f.related[0].path) for f in found] == [("b.txt", "a.txt")]


def test_clean_drops_near_copies_keeping_the_first(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c.jsonl").write_text(corpus(HARBOUR, ORCHARD, HARBOUR_EDITED, ORCHARD))
    code = main(["clean", "c.jsonl", "-o", "out.jsonl", "--select", "DL902", "--drop-duplicate-records"])
    assert code == 0 and "dropped 2 duplicate records" in capsys.readouterr().out
    kept = [json.loads(line)["id"] for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert kept == ["r0", "r1"]


def test_clean_keeps_near_copies_without_the_option(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c.jsonl").write_text(corpus(HARBOUR, HARBOUR_EDITED))
    assert main(["clean", "c.jsonl", "-o", "out.jsonl", "--select", "DL902"]) == 0
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 2


def test_short_records_left_to_the_sentence_rules():
    short = "Restart the worker after you change its configuration file on disk."
    assert findings(records(corpus(short, short))) == []


def test_bad_options_are_refused():
    from doclint.families.duplication.near_documents import NearDocumentsKind

    for bad in ({"threshold": 0.0}, {"threshold": 1.5}, {"min_words": 0}, {"scope": "files"}):
        with pytest.raises(ValueError):
            NearDocumentsKind.Options(**bad)


def test_word_codes_read_in_windows_match_the_whole_text(monkeypatch):
    # A huge record is turned into words a window at a time; no word may be split or
    # lost at a window's edge, whatever the window size.
    from zlib import crc32

    from doclint.core import neardocs

    text = ("The exporter now writes one file per chapter, and the index page links "
            "them in order. Überall gilt: naïve café-goers read it twice.\n") * 40
    whole = [crc32(w.encode()) for w in neardocs.words_of(text)]
    for window in (16, 64, 1000):  # longer than any word (a longer word would be cut)
        monkeypatch.setattr(neardocs, "_TEXT_WINDOW", window)
        assert neardocs.word_codes(text).tolist() == whole


def test_clean_drops_near_copies_across_shards_keeping_the_first(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in" / "b").mkdir(parents=True)
    (tmp_path / "in" / "a.jsonl").write_text(corpus(HARBOUR, ORCHARD))
    # The later shard holds an edited copy of a's first record and an exact copy of its second.
    (tmp_path / "in" / "b" / "c.jsonl").write_text(corpus(HARBOUR_EDITED, ORCHARD, "A note of its own."))
    engines = [("local", "here")]
    try:
        import dask.distributed  # noqa: F401
        engines.append(("dask", "there"))
    except ImportError:
        pass
    for engine, out in engines:
        assert main(["clean", "in", "-o", out, "--select", "DL902", "--drop-duplicate-records",
                     "--report", f"{out}.jsonl", "--engine", engine, "-j", "2"]) == 0
        kept = [json.loads(line)["text"] for line in (tmp_path / out / "b" / "c.jsonl").read_text().splitlines()]
        assert kept == ["A note of its own."]
        dropped = [e for e in map(json.loads, (tmp_path / f"{out}.jsonl").read_text().splitlines())
                   if e["action"] == "dropped"]
        assert [(e["line"], e["duplicate_in"], e["duplicate_of"]) for e in dropped] == [
            (1, "in/a.jsonl", 1), (2, "in/a.jsonl", 2)]
    if len(engines) == 2:
        assert (tmp_path / "here.jsonl").read_bytes() == (tmp_path / "there.jsonl").read_bytes()
