"""Read files into Documents: decoding, newline styles, binary detection, JSONL records."""
from __future__ import annotations

from dataclasses import dataclass, field

from doclint.core.document import Document
from doclint.core.problems import Problem
from doclint.markup import reader_for

BINARY_SNIFF = 8192
JSONL_SUFFIXES = (".jsonl", ".ndjson")


@dataclass
class Loaded:
    documents: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def decode(data: bytes, path: str) -> tuple[str, str, bool, bool, Problem | None]:
    """Bytes -> (text, encoding, bom, lossy, warning). UTF-8 with or without BOM first;
    anything else is read as cp1252 with replacements, with a warning naming the file."""
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


def load(path: str, display_path: str | None = None, text_field: str = "text") -> Loaded:
    shown = display_path or path
    out = Loaded()
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        out.problems.append(Problem(shown, f"cannot read file: {exc.strerror or exc}"))
        return out
    if b"\x00" in data[:BINARY_SNIFF]:
        out.problems.append(Problem(shown, "binary file skipped", "note"))
        return out
    text, encoding, bom, lossy, warning = decode(data, shown)
    if warning:
        out.problems.append(warning)
    text, newline = normalise_newlines(text)
    if path.lower().endswith(JSONL_SUFFIXES):
        _load_records(out, shown, text, text_field, lossy)
    else:
        out.documents.append(Document(shown, text, reader_for(path), newline, encoding, bom,
                                      lossy=lossy))
    return out


def _load_records(out: Loaded, path: str, text: str, text_field: str, lossy: bool) -> None:
    from doclint.markup.jsonl import iter_records
    from doclint.markup.text import parse as parse_text

    for record in iter_records(text, text_field):
        if record.error:
            out.problems.append(Problem(path, record.error, "error", record.line))
            continue
        # Records are cleaned by `doclint clean`, never fixed in place (lossy=True).
        out.documents.append(Document(path, record.text, parse_text, record=record.record_id,
                                      record_line=record.line, lossy=True))
