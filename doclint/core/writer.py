"""Atomic file writes: a user's file is either the old one or the new one, never half."""
from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from typing import Iterator, TextIO


def _umask() -> int:
    # The only way to read the umask is to set it; set it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _encode(text: str, newline: str, encoding: str, bom: bool) -> bytes:
    data = text.replace("\n", newline) if newline != "\n" else text
    return (("\ufeff" if bom else "") + data).encode(encoding)


def _write_temp(folder: str, raw: bytes) -> str:
    """`raw` in a new, synced temporary file in `folder` (mode 0600 for now)."""
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".doclint-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp


def _keep_owner_and_mode(tmp: str, old: os.stat_result | None) -> None:
    """Give the temporary file the old file's mode and owner, or, for a new file, the
    mode any new file gets under the umask. Changing the owner needs privileges (and a
    group the user belongs to): where it is refused, the file becomes the user's."""
    if old is None:
        os.chmod(tmp, 0o666 & ~_umask())
        return
    if hasattr(os, "chown"):
        try:
            os.chown(tmp, old.st_uid, old.st_gid)
        except OSError:
            try:
                os.chown(tmp, -1, old.st_gid)
            except OSError:
                pass
    os.chmod(tmp, old.st_mode & 0o7777)  # after chown, which clears set-id bits


def atomic_write_text(path: str, text: str, newline: str = "\n", encoding: str = "utf-8",
                      bom: bool = False) -> None:
    """Write `text` ("\\n" newlines) to `path` with `newline` style.

    The text goes to a temporary file in the same folder, synced, then renamed over the
    file: a reader (or a crash) sees the old file or the new one. A symbolic link is
    written through (its target changes, the link stays). The file keeps its mode and,
    where the user may set it, its owner; a new file gets the umask's mode. A file with
    several hard links is rewritten in place from the synced copy, so that every link
    sees the change; the copy is removed once that is done."""
    target = os.path.realpath(path)
    raw = _encode(text, newline, encoding, bom)
    try:
        old = os.stat(target)
    except FileNotFoundError:
        old = None
    _install(_write_temp(os.path.dirname(target), raw), target, old)


@contextmanager
def atomic_stream(path: str, encoding: str = "utf-8") -> Iterator[TextIO]:
    """A text stream ("\n" newlines, written as they are) that replaces `path` as
    atomic_write_text does once the `with` block ends without an error; after an error
    the file is left as it was and the temporary file is removed. What is written goes
    to disk as it comes, so a large report is never held whole in memory."""
    target = os.path.realpath(path)
    try:
        old = os.stat(target)
    except FileNotFoundError:
        old = None
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".doclint-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        os.unlink(tmp)
        raise
    _install(tmp, target, old)


def _install(tmp: str, target: str, old: os.stat_result | None) -> None:
    """Put the synced temporary file `tmp` in the place of `target` (whose stat before
    the write is `old`, None for a new file)."""
    if old is not None and old.st_nlink > 1:
        _rewrite_in_place(tmp, target)
        return
    try:
        _keep_owner_and_mode(tmp, old)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _rewrite_in_place(tmp: str, target: str) -> None:
    """Copy the synced temporary file into `target` itself (so its inode, links, owner
    and mode stay), then drop the copy. If the copy into `target` fails half-way, the
    temporary file is kept so the new text is not lost, and the error names it."""
    try:
        dest = open(target, "r+b")
    except BaseException:
        os.unlink(tmp)  # nothing was changed: the old file is whole
        raise
    try:
        with open(tmp, "rb") as source, dest:
            shutil.copyfileobj(source, dest)
            dest.truncate()
            dest.flush()
            os.fsync(dest.fileno())
    except OSError as exc:
        raise OSError(exc.errno, f"{exc.strerror}; the new text is kept in {tmp}") from None
    os.unlink(tmp)
