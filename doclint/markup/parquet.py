"""Parquet reader: one document per row, taken from a string text column.

pyarrow is an optional extra (`pip install 'doclint[parquet]'`); it is imported only
when a Parquet file is read, so runs without Parquet input never pay for it. Rows are
read one row group at a time and only the text and id columns, so memory follows the
row group, not the file."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from doclint.markup.jsonl import ID_KEYS

INSTALL_HINT = "reading Parquet needs pyarrow: pip install 'doclint[parquet]'"


class ParquetError(Exception):
    """A Parquet file that cannot be read as a corpus (the message says why)."""


@dataclass(frozen=True)
class Row:
    """One Parquet row: its text, or an error saying why there is none."""

    row_group: int  # 0-based, as Parquet tools number row groups
    row: int        # 1-based row number in the file (across row groups)
    record_id: str | None
    text: str | None
    error: str | None


def _parquet_file(path: str):
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ParquetError(INSTALL_HINT) from None
    try:
        return pq.ParquetFile(path)
    except Exception as exc:  # noqa: BLE001 - pyarrow raises several types for a bad file
        raise ParquetError(f"cannot read Parquet file: {exc}") from None


def row_group_count(path: str) -> int:
    """How many row groups the file has (reads the footer only)."""
    return _parquet_file(path).metadata.num_row_groups


def _columns(parquet, text_field: str, id_field: str) -> tuple[str, str | None]:
    """The text column and the id column (the configured one, else the first of
    ID_KEYS present); raises ParquetError when the text column is missing or not text."""
    import pyarrow as pa

    schema = parquet.schema_arrow
    if text_field not in schema.names:
        raise ParquetError(f"no column {text_field!r} (columns: {', '.join(schema.names)})")
    kind = schema.field(text_field).type
    if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        raise ParquetError(f"column {text_field!r} holds {kind}, not strings")
    if id_field:
        if id_field not in schema.names:
            raise ParquetError(f"no id column {id_field!r} (columns: {', '.join(schema.names)})")
        return text_field, id_field
    return text_field, next((key for key in ID_KEYS if key in schema.names), None)


def _id(value) -> str | None:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def iter_rows(path: str, text_field: str = "text", id_field: str = "",
              groups: Iterable[int] | None = None) -> Iterator[Row]:
    """Yield one Row per row of the given row groups (all by default), in file order.
    Raises ParquetError for a file that cannot be read at all; a row without text
    yields a Row with `error` set."""
    parquet = _parquet_file(path)
    text_col, id_col = _columns(parquet, text_field, id_field)
    meta = parquet.metadata
    first_row = [0]
    for index in range(meta.num_row_groups):
        first_row.append(first_row[-1] + meta.row_group(index).num_rows)
    wanted = [text_col] + ([id_col] if id_col and id_col != text_col else [])
    for group in range(meta.num_row_groups) if groups is None else groups:
        try:
            table = parquet.read_row_group(group, columns=wanted)
        except Exception as exc:  # noqa: BLE001
            raise ParquetError(f"cannot read row group {group}: {exc}") from None
        texts = table.column(text_col).to_pylist()
        ids = table.column(id_col).to_pylist() if id_col else [None] * len(texts)
        del table
        for offset, (text, value) in enumerate(zip(texts, ids)):
            row = first_row[group] + offset + 1
            if text is None:
                yield Row(group, row, _id(value), None, f"row {row}: column {text_col!r} is null")
                continue
            yield Row(group, row, _id(value), text.replace("\r\n", "\n").replace("\r", "\n"), None)
