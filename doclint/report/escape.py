"""Escape control characters in text meant for a terminal, so a document cannot drive it."""
from __future__ import annotations

import re

# C0 controls (tab and newline too: one report line must stay one line), DEL, C1
# controls (0x9b alone starts an escape sequence on many terminals), the bidirectional
# overrides and isolates that can reorder what a line appears to say, and lone
# surrogates (file names that are not valid UTF-8 arrive as such and cannot be printed).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _code(match: re.Match) -> str:
    point = ord(match.group())
    return f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}"


def escape(text: str) -> str:
    """`text` with every unsafe character written as a visible escape (ESC as \\x1b)."""
    return _UNSAFE.sub(_code, text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def json_safe(text: str) -> str:
    """JSON written with ensure_ascii=False, its lone surrogates (from file names that
    are not UTF-8) as \\u escapes: still valid JSON for the same string, now encodable."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
