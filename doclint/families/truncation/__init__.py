"""Truncation: sentences and paragraphs cut off mid-way."""
from __future__ import annotations

from doclint.families.truncation.kind import TruncationKind

# This family's kinds by the name a rule's `kind:` gives; the registry merges them.
KINDS = {
    "truncation": TruncationKind,
}
