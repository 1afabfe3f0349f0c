"""Read files into Documents: decoding, newline styles, binary detection, JSONL and Parquet records."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Iterator

from doclint.core.document import Document
from doclint.core.problems import Problem
from doclint.markup import reader_for

BINARY_SNIFF = 8192
JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet",)


@dataclass
class Loaded:
    documents: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def handed_out(self) -> Iterator[Document]:
        """The documents, each dropped from the list as it is handed out, so that a
        checked document (its parse and the rules' caches: most of the memory of
        checking a file, about 15 bytes per byte of generated prose) is freed before
        the next one is checked rather than when the whole file or partition is done."""
        documents = self.documents
        for index in range(len(documents)):
            doc, documents[index] = documents[index], None
            yield doc


# Byte-order marks of the UTF-16 and UTF-32 encodings (UTF-32 first: its little-endian
# mark starts with UTF-16's). Such files hold NUL bytes, so they are told apart from
# binary files by their mark, and written back in the same encoding with the mark.
UNICODE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def unicode_bom(data: bytes) -> tuple[bytes, str] | None:
    """(mark, encoding) when `data` starts with a UTF-16 or UTF-32 byte-order mark."""
    for mark, encoding in UNICODE_BOMS:
        if data.startswith(mark):
            return mark, encoding
    return None


def _decode_marked(data: bytes, mark: bytes, encoding: str,
                   path: str) -> tuple[str, str, bool, bool, Problem | None]:
    try:
        return data[len(mark):].decode(encoding), encoding, True, False, None
    except UnicodeDecodeError as exc:
        text = data[len(mark):].decode(encoding, errors="replace")
        line = text.count("\n", 0, text.find("\ufffd")) + 1
        warning = Problem(path, f"not valid {encoding.upper()} (byte {exc.start + len(mark)}); "
                          "undecodable bytes replaced, so fixes are disabled", "warning", line)
        return text, encoding, True, True, warning


def decode(data: bytes, path: str) -> tuple[str, str, bool, bool, Problem | None]:
    """Bytes -> (text, encoding, bom, lossy, warning). UTF-16 or UTF-32 when the file
    starts with their byte-order mark; then UTF-8 with or without BOM; anything else is
    read as cp1252 with replacements, with a warning naming the file."""
    marked = unicode_bom(data)
    if marked is not None:
        return _decode_marked(data, *marked, path)
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8-sig"), "utf-8", bom, False, None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        text = data.decode("cp1252", errors="replace")
        warning = Problem(path, f"not valid UTF-8 (byte {exc.start}); read as cp1252, "
                          "so some characters may be wrong and fixes are disabled",
                          "warning", line)
        return text, "cp1252", False, True, warning


def normalise_newlines(text: str) -> tuple[str, str]:
    """Return text with "\\n" newlines and the file's original newline style.
    CR and CRLF each count as one line break, so line numbers match the file."""
    if "\r" not in text:
        return text, "\n"
    newline = "\r\n" if "\r\n" in text else "\r"
    return text.replace("\r\n", "\n").replace("\r", "\n"), newline


def is_parquet(path: str) -> bool:
    return path.lower().endswith(PARQUET_SUFFIXES)


def load(path: str, display_path: str | None = None, text_field: str = "text", id_field: str = "",
         row_groups: list[int] | None = None) -> Loaded:
    """The documents of one file (for a Parquet file, of `row_groups`, default all),
    with the problems met reading it."""
    shown = display_path or path
    out = Loaded()
    if is_parquet(path):  # a binary format, read by pyarrow: never sniffed or decoded here
        _load_rows(out, path, shown, text_field, id_field, row_groups)
        return out
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        out.problems.append(Problem(shown, f"cannot read file: {exc.strerror or exc}"))
        return out
    return load_data(data, shown, text_field, id_field, out)


def load_data(data: bytes, name: str, text_field: str = "text", id_field: str = "",
              out: Loaded | None = None) -> Loaded:
    """The documents of a file's bytes (read from disk or standard input); `name`'s
    suffix picks the reader, as a path's would."""
    out = out if out is not None else Loaded()
    if is_parquet(name):
        out.problems.append(Problem(name, "Parquet is read from files only, not from standard input"))
        return out
    if is_binary(data):
        out.problems.append(Problem(name, "binary file skipped", "note"))
        return out
    text, encoding, bom, lossy, warning = decode(data, name)
    if warning:
        out.problems.append(warning)
    text, newline = normalise_newlines(text)
    if name.lower().endswith(JSONL_SUFFIXES):
        _load_records(out, name, text, text_field, id_field, lossy)
    else:
        out.documents.append(Document(name, text, reader_for(name), newline, encoding, bom,
                                      lossy=lossy))
    return out


def is_binary(head: bytes) -> bool:
    """Whether a file whose first bytes are `head` is binary: a NUL in the first 8 KB
    and no UTF-16 or UTF-32 byte-order mark (text in those encodings holds NULs)."""
    return b"\x00" in head[:BINARY_SNIFF] and unicode_bom(head) is None


def load_jsonl_part(path: str, shown: str, start: int, end: int, first_line: int,
                    text_field: str = "text", id_field: str = "") -> Loaded:
    """The records of bytes [start, end) of a JSONL file, a part that begins at the start
    of line `first_line`: what a distributed task reads of a large JSONL file. Each part
    is decoded on its own, so only a file that is not valid UTF-8 reads differently."""
    out = Loaded()
    try:
        with open(path, "rb") as handle:
            handle.seek(start)
            data = handle.read(end - start)
    except OSError as exc:
        out.problems.append(Problem(shown, f"cannot read file: {exc.strerror or exc}"))
        return out
    text, _, _, lossy, warning = decode(data, shown)
    if warning:
        out.problems.append(dataclasses.replace(warning, line=warning.line + first_line - 1))
    _load_records(out, shown, normalise_newlines(text)[0], text_field, id_field, lossy, first_line)
    return out


def _load_records(out: Loaded, path: str, text: str, text_field: str, id_field: str,
                  lossy: bool, first_line: int = 1) -> None:
    from doclint.markup.jsonl import iter_records
    from doclint.markup.text import parse as parse_text

    for record in iter_records(text, text_field, id_field, first_line):
        if record.error:
            out.problems.append(Problem(path, record.error, "error", record.line))
            continue
        # Records are cleaned by `doclint clean`, never fixed in place (lossy=True).
        out.documents.append(Document(path, record.text, parse_text, record=record.record_id,
                                      record_line=record.line, lossy=True))


def _load_rows(out: Loaded, path: str, shown: str, text_field: str, id_field: str,
               row_groups: list[int] | None) -> None:
    """Parquet rows as documents: `line` in reports is the row, plus its row group."""
    from doclint.markup.parquet import ParquetError, iter_rows
    from doclint.markup.text import parse as parse_text

    try:
        for row in iter_rows(path, text_field, id_field, row_groups):
            if row.error:
                out.problems.append(Problem(shown, f"row group {row.row_group}, {row.error}", "error"))
                continue
            out.documents.append(Document(shown, row.text, parse_text, record=row.record_id,
                                          record_line=row.row, row_group=row.row_group, lossy=True))
    except ParquetError as exc:
        out.problems.append(Problem(shown, str(exc)))
