"""Vale compatibility: read a `.vale.ini` and its styles, and run their rules as doclint rules.

Only the `vale` kind (a thin class) is imported with the registry; the loaders, checks
and regex translation are imported when a Vale configuration is given (`--vale-config`,
`vale:`), so doclint's own start-up does not pay for them."""
from __future__ import annotations

from doclint.vale.kind import ValeKind

# Like a family's list: the registry merges it.
KINDS = {"vale": ValeKind}
