"""Naming: one name written several ways, configured preferred terms, undefined acronyms."""
from __future__ import annotations

from doclint.families.naming.acronym_kind import AcronymsKind
from doclint.families.naming.terms_kind import TermsKind
from doclint.families.naming.variant_kind import NamingVariantsKind

# This family's kinds by the name a rule's `kind:` gives; the registry merges them.
KINDS = {
    "acronyms": AcronymsKind,
    "naming-variants": NamingVariantsKind,
    "terms": TermsKind,
}
