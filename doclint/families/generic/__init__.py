"""Generic kinds that users configure in YAML: forbidden patterns and preferred substitutions."""
from __future__ import annotations

from doclint.families.generic.pattern import PatternKind
from doclint.families.generic.substitution import SubstitutionKind

# This family's kinds by the name a rule's `kind:` gives; the registry merges them.
KINDS = {
    "pattern": PatternKind,
    "substitution": SubstitutionKind,
}
