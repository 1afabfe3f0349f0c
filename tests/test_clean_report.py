"""`doclint clean --report`: one JSONL line per record and a summary of what changed."""
from __future__ import annotations

import json

import pytest

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


def test_an_unwritable_report_stops_the_run_before_anything_is_written(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus.jsonl").write_text(CORPUS, encoding="utf-8")
    code = main(["clean", "corpus.jsonl", "-o", "clean.jsonl", "--report", "missing-folder/changes.jsonl"])
    assert code == 2
    assert ("missing-folder/changes.jsonl: cannot write the change report there: folder missing-folder "
            "does not exist") in capsys.readouterr().err
    assert not (tmp_path / "clean.jsonl").exists()


def write_shards(root) -> None:
    (root / "in" / "b").mkdir(parents=True)
    (root / "in" / "a.jsonl").write_text(
        '{"id": "a1", "text": "We recieve alot of questions about the release."}\n'
        '{"id": "a2", "text": "The installer keeps your settings."}\n', encoding="utf-8")
    (root / "in" / "b" / "c.jsonl").write_text(
        '{"id": "c1", "text": "The installer keeps   your settings."}\n'
        '{"id": "c2", "text": \n'
        '{"id": "c3", "text": "Teh new release is out."}\n', encoding="utf-8")
    (root / "in" / "notes.md").write_text("Not a shard.\n", encoding="utf-8")


def test_a_folder_of_shards_is_cleaned_into_the_same_shards(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    write_shards(tmp_path)
    code = main(["clean", "in", "-o", "out", "--select", "DL902", "--drop-duplicate-records",
                 "--report", "changes.jsonl"])
    assert code == 2  # the invalid line of b/c.jsonl
    assert sorted(str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("*")
                  if p.is_file()) == ["a.jsonl", "b/c.jsonl"]
    assert (tmp_path / "out" / "b" / "c.jsonl").read_text(encoding="utf-8").splitlines() == [
        '{"id": "c2", "text": ', '{"id": "c3", "text": "The new release is out."}']
    report = [json.loads(line) for line in (tmp_path / "changes.jsonl").read_text(encoding="utf-8").splitlines()]
    dropped = [e for e in report if e["action"] == "dropped"]
    assert dropped == [{"path": "in/b/c.jsonl", "line": 1, "record": "c1", "action": "dropped", "rules": {},
                        "chars_removed": 0, "duplicate_of": 2, "duplicate_in": "in/a.jsonl"}]
    assert "Read 4 records: 2 changed, 1 dropped, 1 kept unchanged; 1 invalid line copied" in capsys.readouterr().out


def test_cleaning_on_a_local_cluster_equals_the_local_run(tmp_path, monkeypatch, capsys) -> None:
    pytest.importorskip("dask.distributed", reason="--engine dask needs the dask extra (dask.distributed)")
    monkeypatch.chdir(tmp_path)
    write_shards(tmp_path)
    for engine, out in (("local", "here"), ("dask", "there")):
        assert main(["clean", "in", "-o", out, "--select", "DL902", "--drop-duplicate-records",
                     "--report", f"{out}.jsonl", "--engine", engine, "-j", "2"]) == 2
    summaries = [line for line in capsys.readouterr().out.splitlines() if line.startswith("Read ")]
    assert len(summaries) == 2 and summaries[0] == summaries[1]
    for name in ("a.jsonl", "b/c.jsonl"):
        assert (tmp_path / "here" / name).read_bytes() == (tmp_path / "there" / name).read_bytes()
    assert (tmp_path / "here.jsonl").read_bytes() == (tmp_path / "there.jsonl").read_bytes()
