"""Atomic file writes: a user's file is either the old one or the new one, never half."""
from __future__ import annotations

import os
import tempfile


def atomic_write_text(path: str, text: str, newline: str = "\n", encoding: str = "utf-8",
                      bom: bool = False) -> None:
    """Write `text` ("\\n" newlines) to `path` with `newline` style, via a temporary file in
    the same folder and an atomic rename; the file's permissions are kept."""
    folder = os.path.dirname(os.path.abspath(path))
    data = text.replace("\n", newline) if newline != "\n" else text
    raw = (("\ufeff" if bom else "") + data).encode(encoding)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".doclint-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        if os.path.exists(path):
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
