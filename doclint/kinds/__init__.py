"""The registry of rule kinds: one explicit dict, name -> class."""
from __future__ import annotations

from doclint.kinds.acronyms import AcronymsKind
from doclint.kinds.claims import AttributionKind, WeaselKind
from doclint.kinds.duplicates import DuplicatesKind
from doclint.kinds.language import DocumentLanguageKind, ParagraphLanguageKind
from doclint.kinds.naming import NamingVariantsKind
from doclint.kinds.pattern import PatternKind
from doclint.kinds.substitution import SubstitutionKind
from doclint.kinds.suppression import SuppressionKind
from doclint.kinds.terms import TermsKind
from doclint.kinds.truncation import TruncationKind

KINDS = {
    "acronyms": AcronymsKind,
    "attribution": AttributionKind,
    "document-language": DocumentLanguageKind,
    "duplicates": DuplicatesKind,
    "naming-variants": NamingVariantsKind,
    "paragraph-language": ParagraphLanguageKind,
    "pattern": PatternKind,
    "substitution": SubstitutionKind,
    "suppression": SuppressionKind,
    "terms": TermsKind,
    "truncation": TruncationKind,
    "weasel": WeaselKind,
}
