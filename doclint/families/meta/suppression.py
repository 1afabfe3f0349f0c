"""`suppression` kind: the meta rules about inline directives (unused, invalid)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from doclint.core.kind import META_KIND, Kind


class SuppressionKind(Kind):
    """The kind of the meta rules: the engine reports directives through them after the
    corpus phase (directives need every finding, so no per-document check runs here)."""

    name: ClassVar[str] = META_KIND

    @dataclass(frozen=True)
    class Options:
        report: str = "unused"  # "unused": suppresses nothing; "invalid": cannot apply

        def __post_init__(self) -> None:
            if self.report not in ("unused", "invalid"):
                raise ValueError(f"'report' must be 'unused' or 'invalid', got '{self.report}'")
