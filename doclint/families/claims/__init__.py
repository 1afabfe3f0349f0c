"""Unsupported claims: vague or anonymous attribution, carried-over sources, weasel wording."""
from __future__ import annotations

from doclint.families.claims.kinds import AttributionKind
from doclint.families.claims.weasel import WeaselKind

# This family's kinds by the name a rule's `kind:` gives; the registry merges them.
KINDS = {
    "attribution": AttributionKind,
    "weasel": WeaselKind,
}
