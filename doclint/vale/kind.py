"""The `vale` rule kind: runs one imported Vale rule on a document."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from doclint.core.finding import Hit
from doclint.core.kind import Kind


@dataclass(frozen=True)
class ValeOptions:
    """A Vale rule's options are its loaded check and the setup it belongs to."""

    setup: Any = None
    check: Any = None


class ValeKind(Kind):
    """Runs the rule's Vale check on the document's Vale view, when the configuration's
    sections turn the rule on for this file; `limit` caps its findings per file."""

    name = "vale"
    Options = ValeOptions

    def check(self, doc) -> Iterable[Hit]:
        setup, check = self.options.setup, self.options.check
        if setup is None or self.rule.id not in setup.active(doc.path):
            return
        view = setup.view(doc)
        # Conditional and consistency rules remember what they saw earlier in the document.
        state = doc.attributes.setdefault("vale-state", {})
        for count, alert in enumerate(check.run(view, state), 1):
            if check.limit and count > check.limit:
                return
            yield Hit(alert.start, alert.end, message=alert.message, fix=alert.fix)
