"""A `metric` rule's formula and condition: arithmetic over named numbers, nothing else.

A formula is read into a Python syntax tree once. `evaluate` walks the tree and refuses
anything but numbers, the names given, + - * / % **, one comparison and
`math.<function>` (a style is data, not a program). A walk visits a dozen nodes through
a chain of type tests, for every rule and document; a tree made only of what `evaluate`
takes is compiled instead, to code that does the same operations in the same order,
run with the given names and nothing else in reach."""
from __future__ import annotations

import ast
import math
import operator
from types import SimpleNamespace

_BINARY = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
           ast.Div: operator.truediv, ast.Pow: operator.pow, ast.Mod: operator.mod}
_COMPARE = {ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Lt: operator.lt, ast.LtE: operator.le,
            ast.Eq: operator.eq, ast.NotEq: operator.ne}
_MATH = {"sqrt": math.sqrt, "pow": math.pow, "abs": abs, "log": math.log, "log10": math.log10,
         "floor": math.floor, "ceil": math.ceil, "round": round, "min": min, "max": max}
# What compiled code finds besides the names: `math` with the functions above alone.
_SCOPE = {"__builtins__": {}, "math": SimpleNamespace(**_MATH)}


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
    if _math_call(node):
        return _MATH[node.func.attr](*(evaluate(a, names) for a in node.args))
    raise ValueError(f"unsupported expression: {ast.dump(node)[:60]}")


def _math_call(node: ast.AST) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "math"
            and node.func.attr in _MATH and not node.keywords)


def _arithmetic(node: ast.AST, names: frozenset[str]) -> bool:
    """Whether `evaluate` takes every node of the tree, given these names."""
    if isinstance(node, ast.Expression):
        return _arithmetic(node.body, names)
    if isinstance(node, ast.Constant):
        return isinstance(node.value, (int, float))
    if isinstance(node, ast.Name):
        return node.id in names
    if isinstance(node, ast.UnaryOp):
        return isinstance(node.op, (ast.USub, ast.UAdd)) and _arithmetic(node.operand, names)
    if isinstance(node, ast.BinOp):
        return type(node.op) in _BINARY and _arithmetic(node.left, names) and _arithmetic(node.right, names)
    if isinstance(node, ast.Compare):
        return (len(node.ops) == 1 and type(node.ops[0]) in _COMPARE
                and _arithmetic(node.left, names) and _arithmetic(node.comparators[0], names))
    return _math_call(node) and all(_arithmetic(a, names) for a in node.args)


class Formula:
    """A formula over `names` (the only names it is ever given): called with their
    values, it gives what `evaluate` gives, and raises what it raises."""

    def __init__(self, tree: ast.Expression, names: frozenset[str]) -> None:
        self.tree, self._names = tree, names
        self._code = compile(tree, "<formula>", "eval") if _arithmetic(tree, names) else None

    def __call__(self, values: dict[str, float]) -> float | bool:
        if self._code is None:
            return evaluate(self.tree, values)  # refuses what it cannot run, naming it
        return eval(self._code, _SCOPE, values)  # arithmetic over the names only, checked above

    def __getstate__(self) -> dict:
        # Code objects do not pickle (a loaded setup is cached on disk): compiled again.
        return {"tree": self.tree, "names": self._names}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["tree"], state["names"])
