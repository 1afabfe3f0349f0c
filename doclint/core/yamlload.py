"""YAML loading that remembers the line of every mapping key, for errors that name it."""
from __future__ import annotations

import yaml

from doclint.core.problems import ConfigError


class LineDict(dict):
    """A dict from YAML that knows the 1-based line of each key (`lines`) and itself."""

    lines: dict
    line: int


# libyaml's parser when PyYAML was built with it: rule packs load several times faster.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    out = LineDict()
    out.lines = {}
    out.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        out[key] = loader.construct_object(value_node, deep=True)
        out.lines[key] = key_node.start_mark.line + 1
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(text: str, path: str):
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(path, f"invalid YAML: {problem}", line) from None


def line_of(mapping, key) -> int | None:
    lines = getattr(mapping, "lines", None)
    if lines and key in lines:
        return lines[key]
    return getattr(mapping, "line", None)
