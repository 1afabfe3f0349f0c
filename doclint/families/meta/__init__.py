"""Meta rules: unused and invalid suppression directives."""
from __future__ import annotations

from doclint.families.meta.suppression import SuppressionKind

# This family's kinds by the name a rule's `kind:` gives; the registry merges them.
KINDS = {
    "suppression": SuppressionKind,
}
