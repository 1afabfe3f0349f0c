"""`metric`: a readability-style formula over the document's counts, with a condition."""
from __future__ import annotations

import ast
import re

from doclint.core.problems import ConfigError
from doclint.vale.checks.base import Alert, Check, format_message
from doclint.vale.checks.formula import Formula
from doclint.vale.checks.syllables import COUNTS, shared_counts

_HEADING_VAR = re.compile(r"heading\.(h[1-6])")


class Metric(Check):
    KEYS = frozenset({"formula", "condition"})

    def __init__(self, name, data, path, accepted, word_template="") -> None:
        super().__init__(name, data, path, accepted, word_template)
        formula = _HEADING_VAR.sub(r"heading_\1", str(data.get("formula", "")).strip())
        condition = str(data.get("condition", "")).strip()
        try:
            self.formula = Formula(ast.parse(formula, mode="eval"), COUNTS)
            self.condition = Formula(ast.parse("result " + condition, mode="eval"), frozenset({"result"}))
        except SyntaxError as exc:
            raise ConfigError(path, f"'formula'/'condition' cannot be read: {exc.msg}") from None

    def run(self, view, state):
        counts = shared_counts(view)
        try:
            result = float(self.formula(counts))
            hit = bool(self.condition({"result": result}))
        except ZeroDivisionError:
            return  # no sentences or words: nothing to measure
        except (ValueError, TypeError, OverflowError) as exc:
            raise ValueError(f"formula of {self.name}: {exc}") from None
        if hit:
            yield Alert(0, 0, format_message(self.message, f"{result:.2f}"))
