"""A loaded Vale setup kept on disk between runs, so that a run does not read and
compile the same style again (about 40 ms for Grafana's 79 rules, most of a run on one
small file: a pre-commit hook pays it on every commit).

The setup is pickled under the user's cache folder (`$DOCLINT_CACHE_DIR`, else
`$XDG_CACHE_HOME/doclint`, else `~/.cache/doclint`; `DOCLINT_NO_CACHE=1` turns it off).
A file's name is a digest of what the setup depends on besides its input files:
doclint's own code (name, size and modification time of every module), Python's
version, the configuration's path, the working folder, DICPATH and whether the Hunspell
reader is installed. Inside, first a manifest of the input files (the configuration,
every file and folder under StylesPath, the files a rule read from elsewhere) with
their size and modification time: when one differs, or is gone, the style is read
afresh and the file replaced. An input changed in the last two seconds is not trusted
(a file system may keep coarse times), so such a setup is not written.

Compiled patterns of `re` are pickled as their compiled form, checked equal to the
original when written, so that loading does not compile them again; the cache is
written to a temporary file and renamed into place, and any error reading or writing
it falls back to reading the style."""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import time

VERSION = 1
_RACY = 2.0  # seconds: an input modified more recently than this is not trusted
_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # doclint/


def folder() -> str | None:
    """Where cached setups are kept; None when caching is off."""
    if os.environ.get("DOCLINT_NO_CACHE", "") not in ("", "0"):
        return None
    base = os.environ.get("DOCLINT_CACHE_DIR")
    if not base:
        root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = os.path.join(root, "doclint")
    return os.path.join(base, "vale")


_CODE: list[str] = []


def _code_stamp() -> str:
    """doclint's own modules (name, size, modification time), once per process: a setup
    pickled by other code must not be read back."""
    if not _CODE:
        found = []
        for top, dirs, files in os.walk(_PACKAGE):
            dirs.sort()
            for name in sorted(files):
                if name.endswith(".py"):
                    st = os.stat(os.path.join(top, name))
                    found.append(f"{os.path.relpath(os.path.join(top, name), _PACKAGE)}:{st.st_size}:{st.st_mtime_ns}")
        _CODE.append(hashlib.sha256("\n".join(found).encode()).hexdigest())
    return _CODE[0]


def _file(config_path: str) -> str | None:
    where = folder()
    if where is None:
        return None
    from doclint.vale.speller import available

    key = repr((VERSION, sys.version, sys.implementation.cache_tag, _code_stamp(), config_path, os.getcwd(),
                os.environ.get("DICPATH", ""), available()))
    return os.path.join(where, hashlib.sha256(key.encode()).hexdigest()[:32] + ".pickle")


def _stamp(path: str) -> tuple[str, int, int] | tuple[str, None, None]:
    try:
        st = os.stat(path)
    except OSError:
        return (path, None, None)
    return (path, st.st_size, st.st_mtime_ns)


def manifest(setup) -> list[tuple]:
    """The setup's input files and folders, stamped: the configuration, everything under
    StylesPath (a folder's time changes when a file is added to it or removed), and what
    a rule read from elsewhere."""
    paths = {setup.config.path, setup.config.styles_path}
    seen = set()  # folders walked, by real path: a linked style is walked once, a loop ends
    for top, dirs, files in os.walk(setup.config.styles_path, followlinks=True):
        seen.add(os.path.realpath(top))
        dirs[:] = [d for d in dirs if os.path.realpath(os.path.join(top, d)) not in seen]
        paths.update(os.path.join(top, d) for d in dirs)
        paths.update(os.path.join(top, f) for f in files)
    for rule in setup.loaded.values():
        paths.add(rule.path)
        if rule.check is not None:
            paths.update(rule.check.inputs)
    return [_stamp(os.path.abspath(p)) for p in sorted(paths)]


def load(config_path: str):
    """The cached setup of `config_path` when its inputs are unchanged, else None."""
    try:
        file = _file(config_path)
        if file is None:
            return None
        with open(file, "rb") as handle:
            stamps = pickle.load(handle)
            if any(_stamp(entry[0]) != tuple(entry) for entry in stamps):
                return None
            return pickle.load(handle)
    except Exception:  # noqa: BLE001 - missing, cut short, written by other code: read the style
        return None


def store(config_path: str, setup) -> None:
    """Keep `setup` for the next run; nothing happens when it cannot be (a read-only
    home, a rule holding something pickle cannot write)."""
    try:
        file = _file(config_path)
        if file is None:
            return
        stamps = manifest(setup)
        now = time.time_ns()
        if any(mtime is None or now - mtime < _RACY * 1e9 for _, _, mtime in stamps):
            return
        import io
        import tempfile  # only when writing: it costs a millisecond to import

        from doclint.vale.compiled import Pickler

        buffer = io.BytesIO()
        pickle.dump(stamps, buffer, protocol=pickle.HIGHEST_PROTOCOL)
        Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(setup)
        os.makedirs(os.path.dirname(file), mode=0o700, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=os.path.dirname(file), suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(buffer.getvalue())
            os.replace(temporary, file)  # readers see the old file or the whole new one
        except BaseException:
            os.unlink(temporary)
            raise
        _prune(os.path.dirname(file))
    except Exception:  # noqa: BLE001 - an optimisation only: the run goes on without it
        return


_UNUSED = 30 * 86400  # seconds: a setup not written for this long is dropped (a folder gone)


def _prune(where: str) -> None:
    """Drop setups not refreshed for a month, and temporary files a killed run left."""
    now = time.time()
    for entry in os.scandir(where):
        age = now - entry.stat().st_mtime
        if (entry.name.endswith(".pickle") and age > _UNUSED) or (entry.name.endswith(".tmp") and age > 3600):
            try:
                os.unlink(entry.path)
            except OSError:
                pass
