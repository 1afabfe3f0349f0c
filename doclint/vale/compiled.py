"""Pickling compiled `re` patterns as compiled code, for the cached Vale setup.

pickle writes a pattern as its source and compiles it again when read, which is most
of what reading a style costs. `re` compiles in two steps: a parser and code generator
written in Python (re._parser, re._compiler), then `_sre.compile`, in C, which makes
the pattern object from the code (checking it). The code is written here instead, and
read back with `_sre.compile` alone. A pattern is written so only when the pattern
made from its code is equal to the original (`==` on patterns compares their flags,
source and code), and the cache is keyed by Python's version, so code is never read by
another `re`; where the internals differ, patterns are pickled as usual."""
from __future__ import annotations

import pickle
import re

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another Python
    _sre = None


def _code(pattern: re.Pattern):
    """`_sre.compile`'s arguments for `pattern`, as re._compiler.compile makes them."""
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    code = list(map(int, _compiler._code(parsed, pattern.flags)))  # opcodes are an int subclass
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (pattern.pattern, pattern.flags | parsed.state.flags, code, parsed.state.groups - 1,
            groupindex, tuple(indexgroup))


class Pickler(pickle.Pickler):
    def reducer_override(self, obj):
        if _sre is None or type(obj) is not re.Pattern:
            return NotImplemented
        try:
            args = _code(obj)
            if _sre.compile(*args) != obj:
                return NotImplemented
        except Exception:  # noqa: BLE001 - internals not as expected: pickle it as usual
            return NotImplemented
        return _sre.compile, args
