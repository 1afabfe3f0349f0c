"""doclint: find duplicated, truncated, unsupported and inconsistent text in documents."""
from __future__ import annotations

__version__ = "0.1.0"
