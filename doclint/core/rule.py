"""A rule as the engine and the kinds see it: id, name, category, severity, message, options."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from doclint.core.finding import Severity


@dataclass(frozen=True)
class Example:
    """A `pass` text must give no finding of the rule; a `fail` text at least one (or
    exactly `count`); `fix` is the text after applying the rule's fixes. `files` lets a
    corpus rule's example span several documents (name -> text)."""

    expect: str  # "pass" or "fail"
    text: str | None
    fix: str | None = None
    format: str = "text"
    files: tuple[tuple[str, str], ...] = ()
    count: int | None = None
    line: int | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    kind: str
    category: str
    severity: Severity
    message: str
    description: str
    options: Any
    raw_options: dict = field(default_factory=dict, compare=False)
    examples: tuple[Example, ...] = ()
    languages: tuple[str, ...] = ()
    enabled: bool = True
    source: str = ""

    def render(self, args: dict) -> str:
        try:
            return self.message.format(**args)
        except (KeyError, IndexError, ValueError):
            return self.message
