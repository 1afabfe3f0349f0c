"""`doclint clean --report`: one JSONL line per record and a summary of what changed."""
from __future__ import annotations

import json

from doclint.cli import main

CORPUS = (
    '{"id": "a", "text": "We recieve alot of questions about the release."}\n'
    '{"id": "b", "text": "The installer keeps your settings."}\n'
    '{"id": "c", "text": "we recieve   alot of questions about the release."}\n'
    '{"id": "d", "text": \n'
    '{"id": "e", "text": "Teh new release is out."}\n'
)


def test_report_lines_and_summary(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus.jsonl").write_text(CORPUS, encoding="utf-8")
    code = main(["clean", "corpus.jsonl", "-o", "clean.jsonl", "--select", "DL902",
                 "--drop-duplicate-records", "--report", "changes.jsonl"])
    out = capsys.readouterr().out
    assert code == 2  # the invalid line is an input error; it is copied and the rest cleaned
    report = [json.loads(line) for line in (tmp_path / "changes.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["line"], e["record"], e["action"]) for e in report] == [
        (1, "a", "changed"), (2, "b", "kept"), (3, "c", "dropped"), (4, None, "invalid"), (5, "e", "changed")]
    assert report[0]["rules"] == {"DL902": 2}
    # "recieve" -> "receive" removes nothing, "alot" -> "a lot" adds a space: net -1
    assert report[0]["chars_removed"] == -1
    assert report[2]["duplicate_of"] == 1
    assert report[4]["rules"] == {"DL902": 1} and report[4]["chars_removed"] == 0
    assert ("Read 4 records: 2 changed, 1 dropped, 1 kept unchanged; 1 invalid line copied; "
            "fixes by rule: DL902 3.") in out
    cleaned = (tmp_path / "clean.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(cleaned) == 4 and cleaned[2] == '{"id": "d", "text": '


def test_unwritable_report_is_an_error_and_the_corpus_is_still_written(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus.jsonl").write_text(CORPUS, encoding="utf-8")
    code = main(["clean", "corpus.jsonl", "-o", "clean.jsonl", "--report", "missing-folder/changes.jsonl"])
    assert code == 2
    assert "missing-folder/changes.jsonl: error: cannot write change report" in capsys.readouterr().err
    assert (tmp_path / "clean.jsonl").exists()
