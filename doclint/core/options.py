"""Build a kind's Options dataclass from YAML, checking keys and types."""
from __future__ import annotations

import dataclasses
import typing

from doclint.core.problems import ConfigError
from doclint.core.yamlload import line_of


def _type_ok(value, hint) -> bool:
    origin = typing.get_origin(hint)
    if hint is typing.Any:
        return True
    if origin is typing.Union or str(origin) == "<class 'types.UnionType'>":
        return any(_type_ok(value, arg) for arg in typing.get_args(hint))
    if hint is type(None):
        return value is None
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint in (list, tuple):
        return isinstance(value, list)
    if origin in (list, tuple):
        args = typing.get_args(hint)
        return isinstance(value, list) and all(_type_ok(v, args[0]) for v in value) if args else isinstance(value, list)
    if origin is dict:
        key_t, val_t = typing.get_args(hint) or (typing.Any, typing.Any)
        return isinstance(value, dict) and all(
            _type_ok(k, key_t) and _type_ok(v, val_t) for k, v in value.items())
    if isinstance(hint, type):
        return isinstance(value, hint)
    return True


def _describe(hint) -> str:
    return getattr(hint, "__name__", None) or str(hint).replace("typing.", "")


def build_options(cls, values, path: str, where: str):
    """Options instance from the YAML mapping `values` (None means all defaults).
    Unknown keys, wrong types and errors raised by the class name the file and line."""
    values = values or {}
    if not isinstance(values, dict):
        raise ConfigError(path, f"{where}: 'options' must be a mapping", line_of(values, None))
    hints = typing.get_type_hints(cls)
    fields = {f.name.replace("_", "-"): f for f in dataclasses.fields(cls)}
    kwargs = {}
    for key, value in values.items():
        f = fields.get(key)
        if f is None:
            known = ", ".join(sorted(fields)) or "none"
            raise ConfigError(path, f"{where}: unknown option '{key}' (expected one of: {known})",
                              line_of(values, key))
        hint = hints[f.name]
        if not _type_ok(value, hint):
            raise ConfigError(path, f"{where}: option '{key}' must be {_describe(hint)}, "
                              f"got {type(value).__name__}", line_of(values, key))
        is_tuple = hint is tuple or typing.get_origin(hint) is tuple
        kwargs[f.name] = tuple(value) if isinstance(value, list) and is_tuple else value
    try:
        return cls(**kwargs)
    except (ValueError, TypeError) as exc:
        raise ConfigError(path, f"{where}: {exc}", line_of(values, None)) from None
