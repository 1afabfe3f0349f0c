"""Language: documents and paragraphs in an unexpected language."""
from __future__ import annotations

from doclint.families.language.kinds import DocumentLanguageKind, ParagraphLanguageKind

# This family's kinds by the name a rule's `kind:` gives; the registry merges them.
KINDS = {
    "document-language": DocumentLanguageKind,
    "paragraph-language": ParagraphLanguageKind,
}
