"""Parquet input: rows as documents, findings that name the row group and row, bad files."""
from __future__ import annotations

import json
import sys

import pytest

from doclint.cli import main
from doclint.core.loader import load
from doclint.markup.parquet import ParquetError, iter_rows

pa = pytest.importorskip("pyarrow", reason="Parquet input needs the parquet extra (pyarrow)")
pq = pytest.importorskip("pyarrow.parquet")

ROWS = [
    {"doc": "a-1", "body": "The release adds a command that checks the configuration before a deploy."},
    {"doc": "a-2", "body": "Upgrades keep your settings.\r\nThe installer now runs without a network."},
    {"doc": "a-3", "body": None},
    {"doc": "a-4", "body": "The release adds a command that checks the configuration before a deploy."},
    {"doc": "a-5", "body": "Sources said the new installer was written in a hurry by the team."},
]


def write(path, rows, row_group_size=2, **names) -> str:
    table = pa.Table.from_pylist(rows)
    if names:
        table = table.rename_columns([names.get(n, n) for n in table.column_names])
    pq.write_table(table, str(path), row_group_size=row_group_size)
    return str(path)


def test_rows_come_with_row_group_row_and_id(tmp_path) -> None:
    path = write(tmp_path / "part-0.parquet", ROWS)
    rows = list(iter_rows(path, "body", "doc"))
    assert [(r.row_group, r.row, r.record_id) for r in rows] == [
        (0, 1, "a-1"), (0, 2, "a-2"), (1, 3, "a-3"), (1, 4, "a-4"), (2, 5, "a-5")]
    assert rows[1].text == "Upgrades keep your settings.\nThe installer now runs without a network."
    assert rows[2].text is None and "null" in rows[2].error
    # one row group alone, as a distributed task reads it
    assert [r.row for r in iter_rows(path, "body", "doc", [2])] == [5]


def test_id_column_defaults_to_a_known_name(tmp_path) -> None:
    path = write(tmp_path / "c.parquet", [{"url": "https://example.com/x", "text": "One line of text here."}])
    assert [r.record_id for r in iter_rows(path)] == ["https://example.com/x"]


def test_missing_or_non_text_column_is_a_clear_error(tmp_path) -> None:
    path = write(tmp_path / "c.parquet", [{"id": 1, "text": 5}])
    with pytest.raises(ParquetError, match="'text' holds int64, not strings"):
        list(iter_rows(path))
    with pytest.raises(ParquetError, match=r"no column 'body' \(columns: id, text\)"):
        list(iter_rows(path, "body"))
    with pytest.raises(ParquetError, match="no id column 'doc'"):
        list(iter_rows(write(tmp_path / "d.parquet", [{"id": 1, "text": "Some text."}]), "text", "doc"))


def test_loader_reports_null_rows_and_goes_on(tmp_path) -> None:
    path = write(tmp_path / "part-0.parquet", ROWS)
    got = load(path, "part-0.parquet", "body", "doc")
    assert [(d.record, d.record_line, d.row_group) for d in got.documents] == [
        ("a-1", 1, 0), ("a-2", 2, 0), ("a-4", 4, 1), ("a-5", 5, 2)]
    assert [str(p) for p in got.problems] == [
        "part-0.parquet: error: row group 1, row 3: column 'body' is null"]


def test_findings_name_file_row_group_and_row(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "part-0.parquet", ROWS)
    code = main(["check", "--format", "json", "--text-field", "body", "--id-field", "doc",
                 "--select", "DL201,DL301", "part-0.parquet"])
    report = json.loads(capsys.readouterr().out)
    assert code == 2  # the null row is an input error; the other rows are still checked
    found = {(f["rule"], f["line"], f["row_group"], f["record"]) for f in report["findings"]}
    assert found == {("DL201", 4, 1, "a-4"), ("DL301", 5, 2, "a-5")}
    duplicate = next(f for f in report["findings"] if f["rule"] == "DL201")
    assert duplicate["related"] == [{"path": "part-0.parquet", "line": 1, "column": 1, "record": "a-1",
                                     "text_line": 1, "text_column": 1, "row_group": 0}]
    main(["check", "--text-field", "body", "--id-field", "doc", "--select", "DL301", "part-0.parquet"])
    assert "part-0.parquet:5:1 (record a-5, row group 2, text 1:1): DL301" in capsys.readouterr().out


def test_a_broken_file_is_reported_and_the_run_goes_on(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 this is not a parquet file")
    (tmp_path / "notes.txt").write_text("Sources said the plan was late.\n", encoding="utf-8")
    code = main(["check", "--select", "DL301", "."])
    captured = capsys.readouterr()
    assert code == 2
    assert "broken.parquet: error: cannot read Parquet file:" in captured.err
    assert "notes.txt:1:1: DL301" in captured.out


def test_without_pyarrow_the_error_says_what_to_install(tmp_path, monkeypatch, capsys) -> None:
    path = write(tmp_path / "c.parquet", ROWS[:1], body="text")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    got = load(path, "c.parquet")
    assert got.documents == []
    assert [p.message for p in got.problems] == ["reading Parquet needs pyarrow: pip install 'doclint[parquet]'"]


def test_fix_leaves_parquet_alone(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path / "part-0.parquet", ROWS, body="text")
    before = (tmp_path / "part-0.parquet").read_bytes()
    main(["fix", "--select", "DL201", path])
    assert "Parquet corpora are not fixed" in capsys.readouterr().err
    assert (tmp_path / "part-0.parquet").read_bytes() == before
