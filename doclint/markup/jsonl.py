"""JSON Lines reader: one document per record, taken from a string text field."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Iterator

# JSON may escape half of a surrogate pair alone ("\ud800"); Python decodes it to a
# code point that no UTF-8 writer, hash or terminal accepts.
_SURROGATE = re.compile("[\ud800-\udfff]")

# Keys tried in order for a record identifier to show in reports.
ID_KEYS = ("id", "_id", "doc_id", "uuid", "url")


@dataclass(frozen=True)
class Record:
    """One JSONL line: its text, or an error saying why there is none."""

    line: int  # 1-based line number in the JSONL file
    record_id: str | None
    text: str | None
    error: str | None


def _record_id(obj: dict, id_field: str = "") -> str | None:
    for key in (id_field,) if id_field else ID_KEYS:
        value = obj.get(key)
        # bool is an int subclass but never a meaningful id
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", str(value))
    return None


def iter_records(text: str, text_field: str = "text", id_field: str = "",
                 first_line: int = 1) -> Iterator[Record]:
    """Yield one Record per non-blank line; bad lines yield a Record with `error` set.
    The record id is `id_field` when given, else the first of ID_KEYS present.
    `first_line` is the file's line number of the text's first line (a part of a file)."""
    # Split on "\n" only: a JSON string may not hold a raw newline, but str.splitlines
    # would also split on U+2028 and friends, which are legal inside JSON strings.
    for number, raw in enumerate(text.split("\n"), start=first_line):
        line = raw.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Record(number, None, None, f"invalid JSON: {exc.msg}")
            continue
        except RecursionError:
            yield Record(number, None, None, "invalid JSON: nested too deeply to read")
            continue
        if not isinstance(obj, dict):
            yield Record(number, None, None,
                         f"expected a JSON object, got {type(obj).__name__}")
            continue
        record_id = _record_id(obj, id_field)
        value = obj.get(text_field)
        if not isinstance(value, str):
            yield Record(number, record_id, None, f"no string field {text_field!r}")
            continue
        lone = _SURROGATE.search(value)
        if lone is not None:
            yield Record(number, record_id, None, f"field {text_field!r} holds a lone surrogate "
                         f"(\\u{ord(lone.group()):04x} at character {lone.start() + 1}), which is not text")
            continue
        yield Record(number, record_id, value.replace("\r\n", "\n").replace("\r", "\n"), None)
