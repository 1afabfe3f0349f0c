"""Problems with the input or the configuration (not findings): reported on stderr."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """`level` is "error" (exit code 2), "warning" or "note" (exit code unchanged)."""

    path: str
    message: str
    level: str = "error"
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.level}: {self.message}"


class ConfigError(Exception):
    """A configuration or rule-pack error; the CLI prints it and exits with code 2."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path, self.message, self.line = path, message, line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")
