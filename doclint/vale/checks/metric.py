"""`metric`: a readability-style formula over the document's counts, with a condition."""
from __future__ import annotations

import ast
import math
import operator
import re

from doclint.core.problems import ConfigError
from doclint.vale.checks.base import Alert, Check, format_message
from doclint.vale.checks.syllables import document_counts

_HEADING_VAR = re.compile(r"heading\.(h[1-6])")
_BINARY = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
           ast.Div: operator.truediv, ast.Pow: operator.pow, ast.Mod: operator.mod}
_COMPARE = {ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Lt: operator.lt, ast.LtE: operator.le,
            ast.Eq: operator.eq, ast.NotEq: operator.ne}
_MATH = {"sqrt": math.sqrt, "pow": math.pow, "abs": abs, "log": math.log, "log10": math.log10,
         "floor": math.floor, "ceil": math.ceil, "round": round, "min": min, "max": max}


def evaluate(node: ast.AST, names: dict[str, float]) -> float | bool:
    """The formula's arithmetic only: numbers, the counts, + - * / % **, comparisons and
    `math.<function>`; anything else is refused (a style is data, not a program)."""
    if isinstance(node, ast.Expression):
        return evaluate(node.body, names)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name) and node.id in names:
        return names[node.id]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        value = evaluate(node.operand, names)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        return _BINARY[type(node.op)](evaluate(node.left, names), evaluate(node.right, names))
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _COMPARE:
        return _COMPARE[type(node.ops[0])](evaluate(node.left, names), evaluate(node.comparators[0], names))
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "math"
            and node.func.attr in _MATH and not node.keywords):
        return _MATH[node.func.attr](*(evaluate(a, names) for a in node.args))
    raise ValueError(f"unsupported expression: {ast.dump(node)[:60]}")


class Metric(Check):
    KEYS = frozenset({"formula", "condition"})

    def __init__(self, name, data, path, accepted, word_template="") -> None:
        super().__init__(name, data, path, accepted, word_template)
        formula = _HEADING_VAR.sub(r"heading_\1", str(data.get("formula", "")).strip())
        condition = str(data.get("condition", "")).strip()
        try:
            self.formula = ast.parse(formula, mode="eval")
            self.condition = ast.parse("result " + condition, mode="eval")
        except SyntaxError as exc:
            raise ConfigError(path, f"'formula'/'condition' cannot be read: {exc.msg}") from None

    def run(self, view, state):
        counts = document_counts(view)
        try:
            result = float(evaluate(self.formula, counts))
            hit = bool(evaluate(self.condition, {"result": result}))
        except ZeroDivisionError:
            return  # no sentences or words: nothing to measure
        except (ValueError, TypeError, OverflowError) as exc:
            raise ValueError(f"formula of {self.name}: {exc}") from None
        if hit:
            yield Alert(0, 0, format_message(self.message, f"{result:.2f}"))
