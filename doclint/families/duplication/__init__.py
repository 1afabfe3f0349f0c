"""Duplication: exact, near-duplicate and restated sentences, within a document and across the run."""
from __future__ import annotations

from doclint.families.duplication.kind import DuplicatesKind
from doclint.families.duplication.near_documents import NearDocumentsKind

# This family's kinds by the name a rule's `kind:` gives; the registry merges them.
KINDS = {
    "duplicates": DuplicatesKind,
    "near-duplicate-documents": NearDocumentsKind,
}
