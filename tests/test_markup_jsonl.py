"""Tests for the JSON Lines reader."""
from __future__ import annotations

from doclint.markup.jsonl import Record, iter_records

DATA = (
    '{"id": "doc-1", "text": "First document.\\r\\nSecond line."}\n'
    "\n"
    '{"url": "https://example.com/a", "text": "Old\\rMac line ending."}\n'
    '{"id": 7, "text": "broken", }\n'
    '{"doc_id": "x", "body": "no text field"}\n'
    '{"uuid": "u-1", "text": 42}\n'
    '["not", "an", "object"]\n'
    '{"_id": "abc", "content": "Custom field."}\n'
)


def test_records_ids_texts_and_errors() -> None:
    records = list(iter_records(DATA))
    assert records[0] == Record(1, "doc-1", "First document.\nSecond line.", None)
    assert records[1] == Record(3, "https://example.com/a", "Old\nMac line ending.", None)
    assert records[2].line == 4 and records[2].text is None
    assert records[2].error.startswith("invalid JSON: ")
    assert records[3] == Record(5, "x", None, "no string field 'text'")
    assert records[4] == Record(6, "u-1", None, "no string field 'text'")
    assert records[5].line == 7 and records[5].error and "object" in records[5].error
    assert records[6] == Record(8, "abc", None, "no string field 'text'")
    assert len(records) == 7


def test_custom_text_field() -> None:
    records = [r for r in iter_records(DATA, text_field="content") if r.error is None]
    assert records == [Record(8, "abc", "Custom field.", None)]
