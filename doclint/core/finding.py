"""Findings, fixes and severities: immutable records shared by every part of doclint."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, IntEnum


class Severity(IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2

    @classmethod
    def parse(cls, name: str) -> "Severity":
        return cls[name.upper()]

    def __str__(self) -> str:
        return self.name.lower()


class Applicability(Enum):
    """How safe a fix is: `fix` applies SAFE fixes, `fix --unsafe` also UNSAFE ones."""

    DISPLAY_ONLY = "display-only"
    UNSAFE = "unsafe"
    SAFE = "safe"


CATEGORIES = ("duplication", "truncation", "unsupported-claim", "naming", "language", "style", "meta")


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] of the document with `replacement` (code-point offsets)."""

    start: int
    end: int
    replacement: str = ""


@dataclass(frozen=True)
class Fix:
    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability


@dataclass(frozen=True)
class Location:
    """A place in a file. For JSONL corpora `line` is the record's line in the file and
    `record`, `text_line`, `text_column` locate the place inside the record's text; for
    Parquet corpora `line` is the row (1-based, across the file) and `row_group` its
    row group (0-based)."""

    path: str
    line: int
    column: int
    record: str | None = None
    text_line: int | None = None
    text_column: int | None = None
    row_group: int | None = None

    def as_dict(self) -> dict:
        out = {"path": self.path, "line": self.line, "column": self.column}
        if self.text_line is not None:
            out.update(record=self.record, text_line=self.text_line, text_column=self.text_column)
        if self.row_group is not None:
            out["row_group"] = self.row_group
        return out


@dataclass(frozen=True)
class Hit:
    """What a rule kind yields: offsets into Document.text plus message arguments.

    The engine turns a Hit into a Finding (rule metadata, line and column)."""

    start: int
    end: int
    args: dict = field(default_factory=dict)
    related: tuple[Location, ...] = ()
    fix: Fix | None = None
    message: str | None = None  # overrides the rule's message template when set


# Stands in a corpus hit's message, arguments and snippet for a quote of its document
# text that the engine reads once the corpus phase is over (see CorpusHit.quote_from).
QUOTE_MARK = "\x00quote\x00"


@dataclass(frozen=True)
class TextRef:
    """A sentence whose text a corpus hit quotes: its document (path as reported and
    JSONL record line or Parquet row) and its offsets in that document's text."""

    path: str
    record_line: int | None
    start: int
    end: int
    markup: bool = True  # False: the raw text is what a reader sees (no parse needed)


@dataclass(frozen=True)
class CorpusHit:
    """A corpus-phase result: already located (its document is no longer in memory).

    Facts carry no sentence text, so a hit that quotes one names it in `quote_from`
    and holds QUOTE_MARK where the quote goes; the engine reads the document again
    and puts the quote in (doclint.engine.quotes)."""

    location: Location
    end_line: int
    end_column: int
    args: dict
    related: tuple[Location, ...] = ()
    fix: Fix | None = None
    message: str | None = None
    start: int = 0
    end: int = 0
    snippet: str = ""
    quote_from: TextRef | None = None


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule_id: str
    rule_name: str
    category: str
    severity: Severity
    message: str
    related: tuple[Location, ...] = ()
    fix: Fix | None = None
    record: str | None = None
    text_line: int | None = None
    text_column: int | None = None
    # Offsets of the finding in its document's text; used by fixers and fingerprints.
    start: int = 0
    end: int = 0
    snippet: str = ""
    row_group: int | None = None  # Parquet records only

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule_id, self.message)
